//! What part of the world the map shows: a centre and a zoom, panned and zoomed by the
//! browser's map view. Pure arithmetic on longitudes and latitudes; it draws nothing.

/// What part of the world is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Longitude at the center.
    pub lon: f64,
    /// Latitude at the center.
    pub lat: f64,
    /// 1 shows the whole world; 2 half of it in each direction, ...
    pub zoom: f64,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport {
            lon: 0.0,
            lat: 0.0,
            zoom: 1.0,
        }
    }
}

impl Viewport {
    /// Longitude and latitude bounds.
    pub fn bounds(&self) -> ([f64; 2], [f64; 2]) {
        let half_w = 180.0 / self.zoom;
        let half_h = 90.0 / self.zoom;
        (
            [self.lon - half_w, self.lon + half_w],
            [self.lat - half_h, self.lat + half_h],
        )
    }

    /// Moves by a fraction of the visible span (`dx`, `dy` in tenths of the view).
    pub fn pan(&mut self, dx: f64, dy: f64) {
        self.lon = (self.lon + dx * 36.0 / self.zoom).clamp(-180.0, 180.0);
        self.lat = (self.lat + dy * 18.0 / self.zoom).clamp(-90.0, 90.0);
    }

    /// Zooms in (factor > 1) or out, between the whole world and 64×.
    pub fn zoom_by(&mut self, factor: f64) {
        self.zoom = (self.zoom * factor).clamp(1.0, 64.0);
        if self.zoom == 1.0 {
            self.lon = 0.0;
            self.lat = 0.0;
        }
    }
}
