//! The header bar: the program, the dataset, its size and the breadcrumb of links followed.

use super::text::{fit, safe, width};
use crate::tui::state::App;
use crate::tui::theme::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the header bar.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    buf.set_style(area, theme().header);
    let ds = &app.net.data;
    let mut spans = vec![
        Span::styled(
            " liaison ",
            theme().header.add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::styled("│ ", theme().header),
        safe(&ds.label, theme().header),
        Span::styled(format!(" │ {} entities ", ds.len()), theme().header),
    ];
    let trail = app.breadcrumb();
    if trail.len() > 1 {
        let used = width(&spans) + 2;
        let room = (area.width as usize).saturating_sub(used);
        let names: Vec<String> = trail.iter().map(|&i| ds.display_name(i)).collect();
        // Keep the most recent steps; cut the oldest with an ellipsis.
        let mut text = String::new();
        for (k, name) in names.iter().enumerate().rev() {
            let piece = if text.is_empty() {
                name.clone()
            } else {
                format!("{name} › {text}")
            };
            if unicode_width::UnicodeWidthStr::width(piece.as_str()) + 2 > room
                && k + 1 < names.len()
            {
                text = format!("… › {text}");
                break;
            }
            text = piece;
        }
        spans.push(Span::styled("│ ", theme().header));
        spans.push(safe(
            &fit(&text, room),
            theme().header.fg(ratatui::style::Color::Yellow),
        ));
    }
    Line::from(spans).render(area, buf);
}
