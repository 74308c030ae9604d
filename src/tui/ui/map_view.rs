//! The map view over the body of the screen: the world map widget (`geo`) on the
//! selection's cities, with the highlighted city and a note when there is none to show.

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
    let title = format!(
        " Map: {} · {} linked · zoom {}× · arrows pan, +/- zoom, 0 reset, Tab/Enter cycle and open ",
        crate::text::clean_line(&name),
        m.focus.related.len(),
        m.viewport.zoom
    );
    let title = fit(&title, area.width.saturating_sub(4) as usize);
    let highlight = m.highlight.and_then(|h| m.focus.all().get(h).copied());
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
        let note = Line::from(Span::styled(
            " No city with coordinates is linked to this entity. ",
            theme().warning,
        ));
        note.render(
            Rect::new(area.x + 2, area.y + 1, area.width.saturating_sub(4), 1),
            buf,
        );
    }
}
