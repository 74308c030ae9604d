//! The tab bar: All, one tab per kind, Bookmarks and Recent, each with its count, labelled
//! as the rows model lays them out (the same labels a click is matched against).

use crate::tui::state::App;
use crate::tui::theme::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the tabs.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    for label in app.tab_labels() {
        let style = if label.tab == app.list.tab {
            theme().tab_active
        } else {
            Style::new()
        };
        spans.push(Span::styled(label.text, style));
        spans.push(Span::styled("│", theme().dim));
    }
    spans.pop();
    Line::from(spans).render(area, buf);
}
