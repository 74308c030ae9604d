//! The footer: the keys that matter right now, and the status or problem count.

use super::text::{safe, width};
use super::theme::theme;
use crate::dataset::Severity;
use crate::tui::layout::Areas;
use crate::tui::state::{App, Pane, View};
use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the footer.
pub fn render(app: &App, areas: &Areas, buf: &mut Buffer) {
    let area = areas.footer;
    if area.is_empty() {
        return;
    }
    let keys: &[(&str, &str)] = if app.overlay.is_some() {
        &[("↑↓", "scroll"), ("Esc", "close")]
    } else if app.path_pick.is_some() {
        &[
            ("type", "to find the other entity"),
            ("↑↓", "move"),
            ("Enter", "show the path"),
            ("Esc", "cancel"),
        ]
    } else if let View::Map(_) = app.view {
        &[
            ("←↑↓→", "pan"),
            ("+/-", "zoom"),
            ("0", "reset"),
            ("Tab", "next city"),
            ("Enter", "open"),
            ("Esc", "back"),
        ]
    } else if let View::Path(_) = app.view {
        &[
            ("↑↓", "step"),
            ("n/N", "other chains"),
            ("Enter", "open"),
            ("Esc", "back"),
        ]
    } else if let View::Timeline(_) = app.view {
        &[
            ("↑↓", "move"),
            ("PgUp/PgDn", "page"),
            ("Enter", "open"),
            ("Esc", "back"),
        ]
    } else if app.searching {
        &[
            ("type", "to filter"),
            ("↑↓", "move"),
            ("Enter", "open"),
            ("Esc", "leave"),
            ("Ctrl-w/u", "erase"),
        ]
    } else {
        match app.focus {
            Pane::Links => &[
                ("Enter", "follow"),
                ("Bksp", "back"),
                ("]", "fwd"),
                ("/", "search"),
                ("Tab", "pane"),
                ("?", "help"),
                ("q", "quit"),
            ],
            _ => &[
                ("/", "search"),
                ("Enter", "open"),
                ("Bksp", "back"),
                ("m", "map"),
                ("p", "path"),
                ("t", "timeline"),
                ("y", "copy"),
                ("b", "bookmark"),
                ("?", "help"),
                ("q", "quit"),
            ],
        }
    };
    let mut left: Vec<Span<'static>> = vec![Span::raw(" ")];
    if areas.narrow && app.view == View::Main {
        for p in Pane::ALL {
            let style = if p == app.focus {
                theme().tab_active
            } else {
                theme().dim
            };
            left.push(Span::styled(format!(" {} ", p.title()), style));
        }
        left.push(Span::raw(" "));
    }
    for (k, what) in keys {
        left.push(Span::styled(k.to_string(), theme().key));
        left.push(Span::styled(format!(" {what}  "), theme().dim));
    }
    let mut right: Vec<Span<'static>> = Vec::new();
    if let Some(status) = &app.status {
        right.push(safe(status, theme().warning));
        right.push(Span::raw("  "));
    }
    let errors = app.net.data.problem_count(Severity::Error);
    let warnings = app.net.data.problem_count(Severity::Warning);
    if errors + warnings > 0 {
        let style = if errors > 0 {
            theme().error
        } else {
            theme().warning
        };
        let n = errors + warnings;
        right.push(Span::styled(
            format!("⚠ {n} problem{} (!) ", if n == 1 { "" } else { "s" }),
            style,
        ));
    }
    let w = area.width as usize;
    let rw = width(&right);
    let left = super::text::truncate(left, w.saturating_sub(rw));
    let pad = w.saturating_sub(width(&left) + rw);
    let mut spans = left;
    spans.push(Span::raw(" ".repeat(pad)));
    spans.extend(right);
    Line::from(spans).render(area, buf);
}
