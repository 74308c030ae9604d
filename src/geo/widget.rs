//! The world map widget: every city with coordinates as a marker, the focused entity's cities
//! highlighted with lines from the center to each, and labels where they fit. Drawn by the
//! browser's map view and by `liaison map` (plain text); it reads the network and never
//! changes it, and knows nothing of the browser's state or theme (styles are passed in).

use super::{Focus, Viewport, coords};
use crate::network::Network;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line as TextLine, Span};
use ratatui::widgets::canvas::{Canvas, Line, Map, MapResolution, Points};
use ratatui::widgets::{Block, Borders, Widget};
use unicode_width::UnicodeWidthStr;

/// Colours of the map.
pub const CENTER: Color = Color::Yellow;
/// Related cities.
pub const RELATED: Color = Color::LightGreen;
/// The city highlighted by cycling.
pub const HIGHLIGHT: Color = Color::LightMagenta;
/// Other cities.
pub const OTHER: Color = Color::Gray;

/// The map widget.
pub struct MapView<'a> {
    /// The network.
    pub net: &'a Network,
    /// The cities in focus.
    pub focus: &'a Focus,
    /// The visible part of the world.
    pub viewport: Viewport,
    /// The focus city highlighted by cycling, if any.
    pub highlight: Option<usize>,
    /// A title.
    pub title: String,
    /// Whether to use colour and braille (false for plain text).
    pub plain: bool,
    /// The border's style.
    pub border: Style,
    /// The title's style.
    pub title_style: Style,
}

impl Widget for MapView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 3 || area.height < 3 {
            return;
        }
        let inner = Block::default().borders(Borders::ALL).inner(area);
        if inner.height < 2 {
            return;
        }
        let legend_area = Rect::new(inner.x, inner.bottom() - 1, inner.width, 1);
        let map_area = Rect::new(inner.x, inner.y, inner.width, inner.height - 1);
        let labels = place_labels(
            self.net,
            self.focus,
            self.highlight,
            self.viewport,
            map_area,
        );
        let missing = unlabelled(self.net, self.focus, &labels, self.viewport, map_area);
        let block = self.block(missing, area.width);
        block.render(area, buf);
        let (xb, yb) = self.viewport.bounds();
        let net = self.net;
        let all: Vec<(usize, (f64, f64))> = (0..net.data.len())
            .filter_map(|i| coords(net, i).map(|c| (i, c)))
            .collect();
        let center = self
            .focus
            .center
            .and_then(|c| coords(net, c).map(|p| (c, p)));
        let related: Vec<(usize, (f64, f64))> = self
            .focus
            .related
            .iter()
            .filter_map(|&c| coords(net, c).map(|p| (c, p)))
            .collect();
        let marker = if self.plain {
            Marker::Dot
        } else {
            Marker::Braille
        };
        Canvas::default()
            .marker(marker)
            .x_bounds(xb)
            .y_bounds(yb)
            .paint(|ctx| {
                ctx.draw(&Map {
                    color: Color::DarkGray,
                    resolution: MapResolution::High,
                });
                ctx.layer();
                let others: Vec<(f64, f64)> =
                    all.iter().map(|&(_, (lat, lon))| (lon, lat)).collect();
                ctx.draw(&Points {
                    coords: &others,
                    color: OTHER,
                });
                if let Some((_, (lat0, lon0))) = center {
                    for &(_, (lat, lon)) in &related {
                        for (x1, y1, x2, y2) in segments(lon0, lat0, lon, lat) {
                            ctx.draw(&Line {
                                x1,
                                y1,
                                x2,
                                y2,
                                color: RELATED,
                            });
                        }
                    }
                }
                ctx.layer();
                let rel: Vec<(f64, f64)> =
                    related.iter().map(|&(_, (lat, lon))| (lon, lat)).collect();
                ctx.draw(&Points {
                    coords: &rel,
                    color: RELATED,
                });
                if let Some((_, (lat, lon))) = center {
                    ctx.draw(&Points {
                        coords: &[(lon, lat)],
                        color: CENTER,
                    });
                }
                if let Some(h) = self.highlight.and_then(|h| coords(net, h)) {
                    ctx.draw(&Points {
                        coords: &[(h.1, h.0)],
                        color: HIGHLIGHT,
                    });
                }
            })
            .render(map_area, buf);
        if self.plain {
            // Without colour, cities need their own glyphs to stand out from the coastlines.
            let mut mark = |i: usize, glyph: &str| {
                if let Some(cell) =
                    coords(net, i).and_then(|(lat, lon)| cell_of(lon, lat, self.viewport, map_area))
                {
                    buf[cell].set_symbol(glyph);
                }
            };
            for &(i, _) in &all {
                mark(i, "+");
            }
            for &(i, _) in &related {
                mark(i, "o");
            }
            if let Some((c, _)) = center {
                mark(c, "@");
            }
        }
        for label in labels {
            let style = Style::new().fg(label.color);
            buf.set_stringn(
                label.x,
                label.y,
                &label.text,
                (map_area.right() - label.x) as usize,
                style,
            );
        }
        legend(self.plain).render(legend_area, buf);
    }
}

/// The legend under the map.
fn legend(plain: bool) -> TextLine<'static> {
    TextLine::from(vec![
        Span::styled(if plain { "@ " } else { "● " }, Style::new().fg(CENTER)),
        Span::raw("selected  "),
        Span::styled(if plain { "o " } else { "● " }, Style::new().fg(RELATED)),
        Span::raw("sister / linked cities  "),
        Span::styled(if plain { "+ " } else { "• " }, Style::new().fg(OTHER)),
        Span::raw("other cities  "),
        Span::styled("● ", Style::new().fg(HIGHLIGHT)),
        Span::raw("highlighted"),
    ])
}

impl MapView<'_> {
    /// The border with the title, and `+N unlabelled` pinned right (the title gives way).
    fn block(&self, missing: usize, width: u16) -> Block<'static> {
        let note = if missing > 0 {
            format!(" +{missing} unlabelled ")
        } else {
            String::new()
        };
        let room = (width as usize).saturating_sub(3 + note.width());
        Block::default()
            .borders(Borders::ALL)
            .border_style(self.border)
            .title(Span::styled(cut(&self.title, room), self.title_style))
            .title_top(TextLine::from(Span::styled(note, self.title_style)).right_aligned())
    }
}

/// A line between two points, split in two where the short way crosses the 180° meridian.
fn segments(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> Vec<(f64, f64, f64, f64)> {
    let d = lon2 - lon1;
    if d.abs() <= 180.0 {
        return vec![(lon1, lat1, lon2, lat2)];
    }
    let shifted = if d > 0.0 { lon2 - 360.0 } else { lon2 + 360.0 };
    let back = if d > 0.0 { lon1 + 360.0 } else { lon1 - 360.0 };
    vec![(lon1, lat1, shifted, lat2), (back, lat1, lon2, lat2)]
}

/// The screen cell of a point, if it is in view.
fn cell_of(lon: f64, lat: f64, vp: Viewport, area: Rect) -> Option<(u16, u16)> {
    let (xb, yb) = vp.bounds();
    if lon < xb[0] || lon > xb[1] || lat < yb[0] || lat > yb[1] || area.is_empty() {
        return None;
    }
    let col =
        ((lon - xb[0]) / (xb[1] - xb[0]) * f64::from(area.width.saturating_sub(1))).round() as u16;
    let row =
        ((yb[1] - lat) / (yb[1] - yb[0]) * f64::from(area.height.saturating_sub(1))).round() as u16;
    Some((area.x + col, area.y + row))
}

/// `text` cut to `max` columns, ending in `…` when cut.
fn cut(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.to_string().width() + 1 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// How many of the focus cities in view got no label for want of room.
fn unlabelled(net: &Network, focus: &Focus, labels: &[Label], vp: Viewport, area: Rect) -> usize {
    focus
        .all()
        .into_iter()
        .filter(|&c| coords(net, c).is_some_and(|(lat, lon)| cell_of(lon, lat, vp, area).is_some()))
        .filter(|&c| !labels.iter().any(|l| l.city == c))
        .count()
}

/// A label placed on screen.
struct Label {
    city: usize,
    x: u16,
    y: u16,
    text: String,
    color: Color,
}

/// Places the labels of the focus cities, most important first, dropping any that would
/// overlap another or leave the map.
fn place_labels(
    net: &Network,
    focus: &Focus,
    highlight: Option<usize>,
    vp: Viewport,
    area: Rect,
) -> Vec<Label> {
    let mut order: Vec<(usize, Color)> = Vec::new();
    if let Some(h) = highlight {
        order.push((h, HIGHLIGHT));
    }
    if let Some(c) = focus.center {
        order.push((c, CENTER));
    }
    for &r in &focus.related {
        order.push((r, RELATED));
    }
    if vp.zoom >= 4.0 {
        for i in 0..net.data.len() {
            if coords(net, i).is_some() {
                order.push((i, OTHER));
            }
        }
    }
    let mut taken: Vec<(u16, u16, u16)> = Vec::new(); // row, from, to (exclusive)
    let mut placed: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for (i, color) in order {
        if placed.contains(&i) {
            continue;
        }
        let Some((lat, lon)) = coords(net, i) else {
            continue;
        };
        let Some((cx, cy)) = cell_of(lon, lat, vp, area) else {
            continue;
        };
        let (col, row) = (cx - area.x, cy - area.y);
        let text = crate::text::clean_line(&net.data.display_name(i)).into_owned();
        let w = text.width() as u16;
        // Right of the marker, else left of it; the marker's own cell stays free.
        let candidates = [
            (col + 1, row),
            (col.saturating_sub(w + 1), row),
            (col + 1, row.saturating_sub(1)),
            (col + 1, row + 1),
        ];
        for (x, y) in candidates {
            if y >= area.height || x + w > area.width || (x <= col && col < x + w && y == row) {
                continue;
            }
            let (ax, ay) = (area.x + x, area.y + y);
            let clash = taken
                .iter()
                .any(|&(r, a, b)| r == ay && ax < b + 1 && a < ax + w + 1);
            if !clash {
                taken.push((ay, ax, ax + w));
                placed.push(i);
                out.push(Label {
                    city: i,
                    x: ax,
                    y: ay,
                    text: text.clone(),
                    color,
                });
                break;
            }
        }
    }
    out
}
