//! The world map view: opening it on the selection's cities, panning, zooming around the
//! highlighted or selected city, cycling through the cities shown and opening one.

use super::navigate::go_to;
use crate::geo::{Viewport, coords, focus};
use crate::tui::action::Action;
use crate::tui::state::{App, MapState, Mode};

/// Opens the world map on the selection's cities.
pub fn open(app: &mut App) {
    let entity = app.selected();
    let focus = entity.map(|i| focus(&app.net, i)).unwrap_or_default();
    app.mode = Mode::Map(MapState {
        entity,
        focus,
        viewport: Viewport::default(),
        highlight: None,
    });
}

/// Keeps a viewport after the map was opened again on another entity.
pub fn keep_viewport(app: &mut App, viewport: Viewport) {
    if let Mode::Map(m) = &mut app.mode {
        m.viewport = viewport;
    }
}

/// Applies an action on the map.
pub fn update(app: &mut App, action: Action) {
    let Mode::Map(m) = &mut app.mode else { return };
    match action {
        Action::Escape => app.mode = Mode::Browse,
        Action::PanLeft => m.viewport.pan(-1.0, 0.0),
        Action::PanRight => m.viewport.pan(1.0, 0.0),
        Action::PanUp => m.viewport.pan(0.0, 1.0),
        Action::PanDown => m.viewport.pan(0.0, -1.0),
        Action::ZoomIn => zoom(app, 2.0),
        Action::ZoomOut => zoom(app, 0.5),
        Action::ResetView => {
            m.viewport = Viewport::default();
            m.highlight = None;
        }
        Action::NextCity => next_city(app),
        Action::Open if m.highlight.is_none() => next_city(app),
        Action::Open => open_highlighted(app),
        other => super::browse(app, other),
    }
}

/// Zooms around the highlighted city, else the map's own city: from the whole world the
/// first zoom centres it; after that it stays where it is on screen (so panning holds).
fn zoom(app: &mut App, factor: f64) {
    let Mode::Map(m) = &mut app.mode else { return };
    let pivot = m
        .highlight
        .and_then(|h| m.focus.all().get(h).copied())
        .or(m.focus.center)
        .and_then(|c| coords(&app.net, c));
    let before = m.viewport;
    m.viewport.zoom_by(factor);
    let Some((lat, lon)) = pivot.filter(|_| m.viewport.zoom > 1.0) else {
        return;
    };
    if before.zoom <= 1.0 {
        (m.viewport.lon, m.viewport.lat) = (lon, lat);
    } else {
        let k = before.zoom / m.viewport.zoom;
        m.viewport.lon = (lon + (before.lon - lon) * k).clamp(-180.0, 180.0);
        m.viewport.lat = (lat + (before.lat - lat) * k).clamp(-90.0, 90.0);
    }
}

/// Highlights the next city shown, bringing it into view when zoomed in.
fn next_city(app: &mut App) {
    let Mode::Map(m) = &mut app.mode else { return };
    let all = m.focus.all();
    if all.is_empty() {
        app.status = Some("no cities with coordinates to cycle through".into());
        return;
    }
    let next = m.highlight.map_or(0, |h| (h + 1) % all.len());
    m.highlight = Some(next);
    let city = all[next];
    if let Some((lat, lon)) = coords(&app.net, city) {
        let (xb, yb) = m.viewport.bounds();
        if lon < xb[0] || lon > xb[1] || lat < yb[0] || lat > yb[1] {
            m.viewport.lon = lon;
            m.viewport.lat = lat;
        }
    }
    app.status = Some(format!(
        "{} ({}/{}): Enter opens it",
        app.net.data.display_name(city),
        next + 1,
        all.len()
    ));
}

/// Opens the highlighted city: it becomes the map's subject, so the map can be walked city
/// by city.
fn open_highlighted(app: &mut App) {
    let Mode::Map(m) = &app.mode else { return };
    let target = m.highlight.and_then(|h| m.focus.all().get(h).copied());
    let viewport = m.viewport;
    if let Some(t) = target {
        let here = app.snapshot();
        app.history.leave(here);
        go_to(app, t);
        open(app);
        keep_viewport(app, viewport);
    }
}
