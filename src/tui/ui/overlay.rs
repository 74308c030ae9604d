//! Overlays: the key help (generated from the keymap) and the list of data problems.

use super::text::safe;
use super::theme::theme;
use crate::dataset::Severity;
use crate::tui::keymap::Keymap;
use crate::tui::state::{App, Overlay};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

/// Draws an overlay centred over `area`.
pub fn render(app: &App, which: Overlay, area: Rect, buf: &mut Buffer) {
    let w = area.width.saturating_sub(4).min(96);
    let h = area.height.saturating_sub(2);
    if w < 4 || h < 3 {
        return;
    }
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(popup, buf);
    let (title, lines) = match which {
        Overlay::Help => (" Keys — Esc to close ".to_string(), help_lines(&app.keymap)),
        Overlay::Problems => problem_lines(app),
    };
    let inner_h = h.saturating_sub(2) as usize;
    let max_scroll = lines.len().saturating_sub(inner_h) as u16;
    let scroll = app.overlay_scroll.min(max_scroll);
    // Say where in a long overlay the view is (wrapped lines aside).
    let title = if lines.len() > inner_h {
        let first = scroll as usize + 1;
        let last = (scroll as usize + inner_h).min(lines.len());
        format!(
            "{title}· j/k scroll · lines {first}–{last} of {} ",
            lines.len()
        )
    } else {
        title
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme().border_focused)
        .title(Span::styled(title, theme().title_focused));
    Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(popup, buf);
}

/// The help, one line per action, grouped by section, from the keymap.
pub fn help_lines(keymap: &Keymap) -> Vec<Line<'static>> {
    let entries = keymap.help();
    let key_width = entries
        .iter()
        .map(|e| e.keys.join("  ").chars().count())
        .max()
        .unwrap_or(0)
        + 3;
    let mut sections: Vec<&str> = Vec::new();
    for e in &entries {
        if !sections.contains(&e.section) {
            sections.push(e.section);
        }
    }
    let mut lines = Vec::new();
    for (n, section) in sections.into_iter().enumerate() {
        if n > 0 {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(
            section.to_string(),
            theme().heading,
        )));
        for entry in entries.iter().filter(|e| e.section == section) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<key_width$}", entry.keys.join("  ")),
                    theme().key,
                ),
                Span::raw(entry.description.to_string()),
            ]));
        }
    }
    lines
}

fn problem_lines(app: &App) -> (String, Vec<Line<'static>>) {
    let rejected = !app.rejected_problems.is_empty();
    let problems = if rejected {
        &app.rejected_problems
    } else {
        &app.net.data.problems
    };
    let plural = if problems.len() == 1 { "" } else { "s" };
    let title = if rejected {
        format!(
            " {} problem{plural} in the edited files — the last good data is still shown — Esc to close ",
            problems.len()
        )
    } else {
        format!(
            " {} problem{plural} in the data — Esc to close ",
            problems.len()
        )
    };
    if problems.is_empty() {
        return (
            title,
            vec![Line::from(Span::styled(
                "No problems: every file loaded cleanly.",
                theme().dim,
            ))],
        );
    }
    let lines = problems
        .iter()
        .map(|p| {
            let (word, style) = match p.severity {
                Severity::Error => ("error", theme().error),
                Severity::Warning => ("warning", theme().warning),
            };
            Line::from(vec![
                safe(&p.location.to_string(), theme().label),
                Span::raw(" "),
                Span::styled(word, style),
                Span::raw(" "),
                safe(&p.message, ratatui::style::Style::new()),
            ])
        })
        .collect();
    (title, lines)
}
