//! The footer: the keys that matter right now, generated from the keymap (so remaps show),
//! with help and quit pinned to the right where no width can cut them. When the screen is
//! narrow and shows one pane, the panes are named first.

use super::text::width;
use crate::tui::keymap::{Hint, KeyMode};
use crate::tui::state::{App, Areas, Mode, Pane};
use crate::tui::theme::theme;
use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

fn spans(hint: &Hint) -> Vec<Span<'static>> {
    vec![
        Span::styled(hint.key.clone(), theme().key),
        Span::styled(format!(" {}  ", hint.word), theme().dim),
    ]
}

/// Draws the footer.
pub fn render(app: &App, areas: &Areas, buf: &mut Buffer) {
    let area = areas.footer;
    if area.is_empty() {
        return;
    }
    let mode = app.key_mode();
    let links = mode == KeyMode::Normal && app.focus() == Pane::Links;
    let right: Vec<Span<'static>> = app.keymap.pinned(mode).iter().flat_map(spans).collect();
    let room = (area.width as usize).saturating_sub(width(&right));
    let mut left: Vec<Span<'static>> = vec![Span::raw(" ")];
    if areas.narrow && matches!(app.mode, Mode::Browse | Mode::Search) {
        for p in Pane::ALL {
            let style = if p == app.focus() {
                theme().tab_active
            } else {
                theme().dim
            };
            left.push(Span::styled(format!(" {} ", p.title()), style));
        }
        left.push(Span::raw(" "));
    }
    // Whole hints only, as many as fit beside the pinned ones.
    for hint in app.keymap.hints(mode, links) {
        let more = spans(&hint);
        if width(&left) + width(&more) > room {
            break;
        }
        left.extend(more);
    }
    let left = super::text::truncate(left, room);
    let pad = room.saturating_sub(width(&left));
    let mut all = left;
    all.push(Span::raw(" ".repeat(pad)));
    all.extend(right);
    Line::from(all).render(area, buf);
}
