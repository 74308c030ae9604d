//! Pure rendering: each pane and overlay draws itself from `&App` and never changes it.

pub mod detail;
pub mod footer;
pub mod header;
pub mod links;
pub mod list;

pub mod overlay;
pub mod tabs;
pub mod text;
pub mod theme;
pub mod views;

use super::layout::Areas;
use super::state::{App, Pane, View};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, BorderType, Borders};
use theme::theme;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame<'_>) {
    let area = frame.area();
    // The state's areas follow resize events; if the terminal changed before the event
    // arrived, lay out for the real size so nothing draws outside the frame.
    let areas = if app.areas.width == area.width && app.areas.height == area.height {
        app.areas
    } else {
        Areas::compute(area.width, area.height, app.focus)
    };
    let buf = frame.buffer_mut();
    header::render(app, areas.header, buf);
    footer::render(app, &areas, buf);
    let body = Rect::new(
        0,
        areas.tabs.y,
        area.width,
        areas.footer.y.saturating_sub(areas.tabs.y),
    );
    match &app.view {
        View::Main => {
            tabs::render(app, areas.tabs, buf);
            list::render(app, areas.list, buf);
            detail::render(app, areas.detail, buf);
            links::render(app, areas.links, buf);
            header::render_search(app, areas.search, buf);
        }
        View::Map(m) => views::render_map(app, m, body, buf),
        View::Path(p) => views::render_path(app, p, body, buf),
        View::Timeline(t) => views::render_timeline(app, t, body, buf),
    }
    if let Some(which) = app.overlay {
        overlay::render(app, which, area, frame.buffer_mut());
    }
    if let Some(pos) = header::search_cursor(app, areas.search) {
        frame.set_cursor_position(pos);
    }
}

/// A pane's border and title, brighter when focused.
pub fn pane_block<'a>(app: &App, pane: Pane, title: String) -> Block<'a> {
    let focused = app.focus == pane && app.overlay.is_none();
    let style = if focused {
        theme().border_focused
    } else {
        theme().border
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(style)
        .title(ratatui::text::Span::styled(
            title,
            if focused {
                theme().title_focused
            } else {
                theme().title
            },
        ))
}

/// Fills an area with a style (used for selection bars).
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    buf.set_style(area, style);
}
