//! The "how are they connected" view: one chain of links from one entity to another, step
//! by step, the selected step highlighted.

use super::text::{fit, safe};
use crate::tui::state::{App, PathState};
use crate::tui::theme::{kind_color, kind_marker, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

/// A view's border and title.
pub fn block(title: String) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme().border_focused)
        .title(Span::styled(title, theme().title_focused))
}

/// Draws the path view.
pub fn render(app: &App, p: &PathState, area: Rect, buf: &mut Buffer) {
    let ds = &app.net.data;
    let (a, b) = (ds.display_name(p.from), ds.display_name(p.to));
    let title = if p.paths.is_empty() {
        " How are they connected ".to_string()
    } else {
        format!(
            " How are they connected · chain {} of {} · n next, N previous, Enter opens a step ",
            p.alt + 1,
            p.paths.len()
        )
    };
    let blk = block(fit(&title, area.width.saturating_sub(4) as usize));
    if p.paths.is_empty() {
        let text = format!(
            "{a} and {b} are not connected: no chain of links leads from one to the other."
        );
        Paragraph::new(Line::from(safe(&text, theme().warning)))
            .wrap(Wrap { trim: true })
            .block(blk)
            .render(area, buf);
        return;
    }
    let steps = &p.paths[p.alt];
    let nodes = p.nodes();
    let mut lines = vec![
        Line::from(vec![
            Span::styled("From ", theme().dim),
            safe(&a, theme().label),
            Span::styled(" to ", theme().dim),
            safe(&b, theme().label),
            Span::styled(
                format!(
                    " in {} step{}",
                    steps.len(),
                    if steps.len() == 1 { "" } else { "s" }
                ),
                theme().dim,
            ),
        ]),
        Line::default(),
    ];
    for (k, &n) in nodes.iter().enumerate() {
        if k > 0 {
            let phrase = steps[k - 1].link.phrase();
            lines.push(Line::from(Span::styled(
                format!("    │ {phrase}"),
                theme().dim,
            )));
            lines.push(Line::from(Span::styled("    ↓", theme().dim)));
        }
        lines.push(step_line(app, n as usize, k == p.step));
    }
    let inner_h = area.height.saturating_sub(2) as usize;
    let selected_line = 2 + p.step * 3;
    let scroll = selected_line.saturating_sub(inner_h.saturating_sub(2)) as u16;
    Paragraph::new(lines)
        .block(blk)
        .scroll((scroll, 0))
        .render(area, buf);
}

/// One entity of the chain, marked when selected.
fn step_line(app: &App, n: usize, selected: bool) -> Line<'static> {
    let ds = &app.net.data;
    let kind = ds.entity(n).kind();
    let base = if selected {
        theme().selected
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::styled(if selected { " ▶ " } else { "   " }, base),
        Span::styled(format!("{} ", kind_marker(kind)), base.fg(kind_color(kind))),
        safe(&ds.display_name(n), base.add_modifier(Modifier::BOLD)),
        Span::styled(
            format!("  {}", crate::text::clean_line(&ds.secondary(n))),
            if selected { base } else { theme().dim },
        ),
    ])
}
