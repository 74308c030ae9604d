//! The detail pane: the contact card first, then the other facts, the description wrapped
//! to the pane, the note, and the sources last.

use super::pane_block;
use super::text::safe;
use super::theme::{kind_color, theme};
use crate::card::Card;
use crate::tui::state::{App, Pane};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Draws the detail pane.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let block = pane_block(app, Pane::Detail, " Detail ".to_string());
    let Some(i) = app.selected() else {
        Paragraph::new(Span::styled("Nothing selected", theme().dim))
            .block(block)
            .render(area, buf);
        return;
    };
    let lines = card_lines(app, i);
    let inner_h = area.height.saturating_sub(2) as usize;
    // Rendering never changes state: clamp the view here, not the stored scroll.
    let scroll = app
        .detail_scroll
        .min(lines.len().saturating_sub(inner_h.min(lines.len())) as u16);
    Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(area, buf);
}

/// The lines of an entity's card, styled.
pub fn card_lines(app: &App, i: usize) -> Vec<Line<'static>> {
    let ds = &app.net.data;
    let card = Card::new(ds, i);
    let kind = ds.entity(i).kind();
    let mut lines = Vec::new();
    let mut title = vec![safe(
        &card.name,
        Style::new()
            .fg(kind_color(kind))
            .add_modifier(Modifier::BOLD),
    )];
    if let Some(n) = &card.native_name {
        title.push(Span::raw("  "));
        title.push(safe(n, Style::new().add_modifier(Modifier::BOLD)));
    }
    lines.push(Line::from(title));
    lines.push(Line::from(safe(&card.subtitle, theme().dim)));
    let label_w = card
        .contact
        .iter()
        .chain(&card.fields)
        .map(|f| f.label.len())
        .max()
        .unwrap_or(0);
    let field = |label: &str, value: &str| {
        Line::from(vec![
            Span::styled(format!("{label:<label_w$}  "), theme().label),
            safe(value, Style::new()),
        ])
    };
    if !card.contact.is_empty() {
        lines.push(Line::default());
        lines.extend(card.contact.iter().map(|f| field(f.label, &f.value)));
    } else if kind == crate::model::Kind::Organization {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            "No contact details in the data.",
            theme().dim,
        )));
    }
    if !card.fields.is_empty() {
        lines.push(Line::default());
        lines.extend(card.fields.iter().map(|f| field(f.label, &f.value)));
    }
    let paragraphs = |text: &str, lines: &mut Vec<Line<'static>>, style: Style| {
        for para in text.trim().lines() {
            lines.push(Line::from(safe(para, style)));
        }
    };
    if let Some(d) = &card.description {
        lines.push(Line::default());
        paragraphs(d, &mut lines, Style::new());
    }
    if let Some(n) = &card.note {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled("Note", theme().label)));
        paragraphs(n, &mut lines, Style::new().add_modifier(Modifier::ITALIC));
    }
    if !card.sources.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled("Sources", theme().label)));
        for s in &card.sources {
            lines.push(Line::from(vec![
                Span::styled("• ", theme().dim),
                safe(s, theme().dim),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("id ", theme().dim),
        safe(&card.id, theme().dim),
        Span::styled(" · ", theme().dim),
        safe(&ds.origin(i).to_string(), theme().dim),
    ]));
    lines
}
