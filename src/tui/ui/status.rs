//! The status line, above the footer: the last message on the left (a copy, an export, a
//! reload), the count of problems on the right. Messages have their own line, so they never
//! cover the footer's keys.

use super::text::{safe, truncate, width};
use crate::dataset::Severity;
use crate::tui::state::App;
use crate::tui::theme::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the status line.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let mut right: Vec<Span<'static>> = Vec::new();
    let (mut errors, mut warnings) = (0, 0);
    for p in app.all_problems() {
        match p.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
    }
    let n = errors + warnings;
    if n > 0 {
        let style = if errors > 0 {
            theme().error
        } else {
            theme().warning
        };
        right.push(Span::styled(
            format!("⚠ {n} problem{} (!) ", if n == 1 { "" } else { "s" }),
            style,
        ));
    }
    let w = area.width as usize;
    let rw = width(&right);
    let left = match &app.status {
        Some(s) => vec![Span::raw(" "), safe(s, theme().warning)],
        None => match crate::tui::state::rows::first_run_hint(app) {
            Some(hint) => vec![Span::raw(" "), safe(&hint, theme().dim)],
            None => Vec::new(),
        },
    };
    let left = truncate(left, w.saturating_sub(rw + 1));
    let pad = w.saturating_sub(width(&left) + rw);
    let mut spans = left;
    spans.push(Span::raw(" ".repeat(pad)));
    spans.extend(right);
    Line::from(spans).render(area, buf);
}
