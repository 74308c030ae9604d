//! The input line under the tabs: the search line, the same line choosing a path's second
//! entity, and every prompt ("export vCard to: PATH", with the full path it will write; a
//! yes/no question with the full path it acts on).
//! One widget draws them all, and one function says what stands before the text, so the
//! cursor is always placed where the text is drawn.

use super::text::{fit, safe};
use crate::tui::state::rows::{PICK_NAME_WIDTH, cursor_column};
use crate::tui::state::{App, LineEditor, Mode, listing};
use crate::tui::theme::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// What the line shows before the text, and the text being edited.
fn parts(app: &App) -> (String, &LineEditor) {
    match app.mode.under() {
        Mode::Prompt(p) => (p.label.clone(), &p.editor),
        Mode::Ask(q) => (q.label.clone(), &q.answer),
        Mode::PickPath(pick) => {
            let from = fit(&app.net.data.display_name(pick.from), PICK_NAME_WIDTH);
            let from = crate::text::clean_line(&from).into_owned();
            (format!(" path from {from} to: "), &app.list.search)
        }
        _ => (" / ".to_string(), &app.list.search),
    }
}

/// Draws the input line.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let (prefix, editor) = parts(app);
    let typing = !matches!(app.mode.under(), Mode::Browse | Mode::Copy);
    let prefix_style = if typing { theme().key } else { theme().dim };
    let mut spans = vec![Span::styled(prefix, prefix_style)];
    let place = match app.mode.under() {
        Mode::Prompt(p) => Some(p.target()),
        Mode::Ask(q) => Some(q.place.clone()),
        _ => None,
    };
    if let Some(place) = place {
        spans.push(safe(&editor.text, Style::new()));
        let full = place.display().to_string();
        spans.push(Span::styled("   → ", theme().dim));
        spans.push(safe(&full, theme().dim));
    } else if editor.text.is_empty() && !typing {
        spans.push(Span::styled(
            "search names, abbreviations, 中文, cities, addresses (org: city: person: ...)",
            theme().dim,
        ));
    } else if editor.selected && typing {
        // The previous query, selected: typing replaces it.
        let reversed = Style::new().add_modifier(ratatui::style::Modifier::REVERSED);
        spans.push(safe(&editor.text, reversed));
        spans.push(Span::styled(match_count(app), theme().dim));
        spans.push(Span::styled(
            "   type to replace · → edit · ↑ earlier searches",
            theme().dim,
        ));
    } else {
        spans.push(safe(&editor.text, Style::new()));
        spans.push(Span::styled(match_count(app), theme().dim));
    }
    Line::from(spans).render(area, buf);
}

/// "   12 matches", "1000+ matches", or "searching…" while the worker has not answered.
fn match_count(app: &App) -> String {
    let list = &app.list;
    if list.job.pending.is_some() {
        return "   searching…".to_string();
    }
    let n = list.rows.len();
    // A search lists its best hits only: "1000+ matches".
    let more = listing::capped(list.tab, n, &list.counts);
    format!(
        "   {n}{} match{}",
        if more { "+" } else { "" },
        if n == 1 && !more { "" } else { "es" }
    )
}

/// Where the terminal cursor goes while a line is being typed.
pub fn cursor(app: &App, area: Rect) -> Option<Position> {
    let typing = matches!(
        app.mode,
        Mode::Search | Mode::PickPath(_) | Mode::Prompt(_) | Mode::Ask(_)
    );
    if !typing || area.is_empty() {
        return None;
    }
    let (prefix, editor) = parts(app);
    let x = cursor_column(&prefix, editor.before_cursor(), area.width);
    Some(Position::new(area.x + x, area.y))
}
