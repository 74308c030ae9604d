//! Overlays: the key help (generated from the keymap) and the list of problems in the data
//! and the config, drawn from the rows model and scrolled as `update` scrolled them.

use super::{draw_rows, position};
use crate::tui::state::{App, Overlay, OverlayState};
use crate::tui::theme::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

/// Draws an overlay in `popup`.
pub fn render(app: &App, o: &OverlayState, popup: Rect, buf: &mut Buffer) {
    if popup.width < 4 || popup.height < 3 {
        return;
    }
    Clear.render(popup, buf);
    let rows = app.overlay_rows(o.which);
    let inner_h = popup.height.saturating_sub(2) as usize;
    let scroll = o.scroll.min(rows.len().saturating_sub(inner_h));
    let mut title = title(app, o.which);
    if o.typing || !o.filter.text.is_empty() {
        let filter = crate::text::clean_line(&o.filter.text);
        let (cursor, keys) = if o.typing {
            ("▏", "Enter keep · Esc drop")
        } else {
            ("", "Esc drop")
        };
        let what = match o.which {
            Overlay::Help => "Keys",
            Overlay::Problems => "Problems",
        };
        title = format!(" {what} — filter: {filter}{cursor} — {keys} ");
    }
    if rows.len() > inner_h {
        // Say where in a long overlay the view is.
        title.push_str(&format!(
            "· j/k scroll · {} ",
            position(scroll, inner_h, rows.len())
        ));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme().border_focused)
        .title(Span::styled(title, theme().title_focused));
    let inner = block.inner(popup);
    block.render(popup, buf);
    if rows.is_empty() {
        let text = "No problems: every file loaded cleanly.";
        Span::styled(text, theme().dim).render(inner, buf);
        return;
    }
    draw_rows(&rows, scroll, inner, buf);
}

fn title(app: &App, which: Overlay) -> String {
    match which {
        Overlay::Help => " Keys — / to filter — Esc to close ".to_string(),
        Overlay::Problems => {
            let n = app.all_problems().count();
            let plural = if n == 1 { "" } else { "s" };
            if app.problems.rejected.is_empty() {
                format!(" {n} problem{plural} in the data and config — Esc to close ")
            } else {
                format!(
                    " {n} problem{plural} in the edited files and config — the last good data is still shown — Esc to close "
                )
            }
        }
    }
}
