//! The detail pane: the selection's card, as the rows model wraps it at the pane's width,
//! scrolled; the title says which rows show ("Detail 12–34/48").

use super::{draw_rows, pane_block, position};
use crate::tui::state::{App, Pane};
use crate::tui::theme::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Widget};

/// Draws the detail pane.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    if app.selected().is_none() {
        let block = pane_block(app, Pane::Detail, " Detail ".to_string());
        Paragraph::new(Span::styled("Nothing selected", theme().dim))
            .block(block)
            .render(area, buf);
        return;
    }
    let rows = app.detail_rows();
    let h = area.height.saturating_sub(2) as usize;
    // Rendering never changes state: clamp the view here, as update clamps the scroll.
    let scroll = app.panes.detail_scroll.min(rows.len().saturating_sub(h));
    let title = format!(" Detail {} ", position(scroll, h, rows.len()));
    let block = pane_block(app, Pane::Detail, title);
    let inner = block.inner(area);
    block.render(area, buf);
    draw_rows(&rows, scroll, inner, buf);
}
