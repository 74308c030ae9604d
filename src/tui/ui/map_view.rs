//! The map view over the body of the screen: the world map widget (`geo`) on the
//! selection's cities; the title names the highlighted city with its tie's date, and the
//! widget says how many cities went unlabelled; a note when there is none to show.

use super::text::fit;
use crate::geo::MapView;
use crate::tui::state::{App, MapState};
use crate::tui::theme::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the map view.
pub fn render(app: &App, m: &MapState, area: Rect, buf: &mut Buffer) {
    let name = m.entity.map_or_else(
        || "all cities".to_string(),
        |i| app.net.data.display_name(i),
    );
    let highlight = m.highlight.and_then(|h| m.focus.all().get(h).copied());
    let title = format!(
        " Map: {}{} · {} linked · zoom {}× ",
        crate::text::clean_line(&name),
        highlighted(app, m, highlight),
        m.focus.related.len(),
        m.viewport.zoom
    );
    let title = fit(&title, area.width.saturating_sub(4) as usize);
    MapView {
        net: &app.net,
        focus: &m.focus,
        viewport: m.viewport,
        highlight,
        title,
        plain: false,
        border: theme().border_focused,
        title_style: theme().title_focused,
    }
    .render(area, buf);
    if m.focus.center.is_none() && m.focus.related.is_empty() && area.height > 4 {
        let text = if m.entity.is_some() {
            " No city with coordinates is linked to this entity. "
        } else {
            " Nothing is selected: every city is shown. "
        };
        let note = Line::from(Span::styled(text, theme().warning));
        note.render(
            Rect::new(area.x + 2, area.y + 1, area.width.saturating_sub(4), 1),
            buf,
        );
    }
}

/// " · ▸ Osaka, tie of 1974-04-18": the highlighted city and, when it is tied to the map's
/// city, the tie's date.
fn highlighted(app: &App, m: &MapState, city: Option<usize>) -> String {
    let Some(c) = city.filter(|&c| Some(c) != m.entity) else {
        return String::new();
    };
    let ds = &app.net.data;
    let name = crate::text::clean_line(&ds.display_name(c)).into_owned();
    let tie = m
        .focus
        .center
        .filter(|&center| center != c)
        .and_then(|center| crate::ties::between(ds, center, c));
    match tie {
        Some(t) => match &t.established {
            Some(d) => format!(" · ▸ {name}, tie of {d}"),
            None => format!(" · ▸ {name}, tie (date unknown)"),
        },
        None => format!(" · ▸ {name}"),
    }
}
