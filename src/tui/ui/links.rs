//! The links pane: everything linked to the selection, both ways, under relation headings
//! with counts.

use super::text::safe;
use super::theme::{kind_color, kind_marker, theme};
use super::{fill, pane_block};
use crate::tui::state::{App, Pane};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// A display row of the links pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Blank line between groups.
    Gap,
    /// A heading and its count.
    Heading(&'static str, usize),
    /// The k-th link.
    Link(usize),
}

/// The display rows for an entity's links.
pub fn rows(app: &App, i: usize) -> Vec<Row> {
    let mut out = Vec::new();
    let mut k = 0;
    for (gi, g) in app.net.graph.grouped(i).iter().enumerate() {
        if gi > 0 {
            out.push(Row::Gap);
        }
        out.push(Row::Heading(g.label, g.links.len()));
        for _ in g.links {
            out.push(Row::Link(k));
            k += 1;
        }
    }
    out
}

/// The link shown on a display row, if that row is a link.
pub fn link_at_row(app: &App, display_row: usize) -> Option<usize> {
    let i = app.selected()?;
    match rows(app, i).get(display_row)? {
        Row::Link(k) => Some(*k),
        _ => None,
    }
}

/// Draws the links pane.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let total = app.link_count();
    let title = if total == 0 {
        " Links ".to_string()
    } else {
        format!(" Links {}/{} ", app.links.selected + 1, total)
    };
    let block = pane_block(app, Pane::Links, title);
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(i) = app.selected() else { return };
    if inner.is_empty() {
        return;
    }
    if total == 0 {
        Line::from(Span::styled("No links to other entities.", theme().dim)).render(inner, buf);
        return;
    }
    let links = app.net.graph.links(i);
    let ds = &app.net.data;
    let focused = app.focus == Pane::Links;
    let w = inner.width as usize;
    for (n, row) in rows(app, i)
        .into_iter()
        .skip(app.links.offset)
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + n as u16;
        let row_area = Rect::new(inner.x, y, inner.width, 1);
        let line = match row {
            Row::Gap => continue,
            Row::Heading(label, count) => {
                Line::from(Span::styled(format!("{label} ({count})"), theme().heading))
            }
            Row::Link(k) => {
                let link = &links[k];
                let t = link.target as usize;
                let kind = ds.entity(t).kind();
                let selected = k == app.links.selected;
                if selected {
                    fill(buf, row_area, super::list::selection_style(focused));
                }
                let main = vec![
                    Span::raw("  "),
                    Span::styled(
                        format!("{} ", kind_marker(kind)),
                        Style::new().fg(kind_color(kind)),
                    ),
                    safe(&ds.display_name(t), Style::new()),
                ];
                let detail: Vec<Span<'static>> = link
                    .detail
                    .as_deref()
                    .map(|d| vec![safe(d, if selected { Style::new() } else { theme().dim })])
                    .unwrap_or_default();
                super::list::split_line(main, detail, w)
            }
        };
        line.render(row_area, buf);
    }
}
