//! The header (dataset, counts, breadcrumb) and the search line.

use super::text::{fit, safe, width};
use super::theme::theme;
use crate::tui::state::App;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
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

/// Draws the search line.
pub fn render_search(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let prompt_style = if app.searching {
        theme().key
    } else {
        theme().dim
    };
    let mut spans = vec![Span::styled(" / ", prompt_style)];
    if let Some(pick) = &app.path_pick {
        let from = app.net.data.display_name(pick.from);
        spans = vec![
            Span::styled(" path from ", theme().key),
            safe(&super::text::fit(&from, 30), theme().label),
            Span::styled(" to: ", theme().key),
        ];
    }
    if app.search.text.is_empty() && !app.searching {
        spans.push(Span::styled(
            "search names, abbreviations, 中文, cities, addresses (org: city: person: ...)",
            theme().dim,
        ));
    } else {
        spans.push(safe(&app.search.text, ratatui::style::Style::new()));
        let n = app.rows.len();
        // A search lists its best hits only: "1000+ matches".
        let more = crate::tui::listing::capped(app.tab, n, &app.tab_counts);
        let count = if app.search_job.pending.is_some() {
            // The search worker has not answered yet.
            "   searching…".to_string()
        } else {
            format!(
                "   {n}{} match{}",
                if more { "+" } else { "" },
                if n == 1 && !more { "" } else { "es" }
            )
        };
        spans.push(Span::styled(count, theme().dim));
    }
    Line::from(spans).render(area, buf);
}

/// Where the terminal cursor goes while typing a search.
pub fn search_cursor(app: &App, area: Rect) -> Option<Position> {
    if !app.searching || app.overlay.is_some() || area.is_empty() {
        return None;
    }
    let before: String = app.search.text.chars().take(app.search.cursor).collect();
    let w = unicode_width::UnicodeWidthStr::width(crate::text::clean_line(&before).as_ref());
    let prompt = match &app.path_pick {
        Some(pick) => {
            let from = super::text::fit(&app.net.data.display_name(pick.from), 30);
            11 + unicode_width::UnicodeWidthStr::width(crate::text::clean_line(&from).as_ref()) + 5
        }
        None => 3,
    };
    let x = (area.x as usize + prompt + w).min(area.right().saturating_sub(1) as usize);
    Some(Position::new(x as u16, area.y))
}
