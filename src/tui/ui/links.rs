//! The links pane: everything linked to the selection, both ways, under relation headings
//! with counts, row by row as the rows model lays them out.

use super::text::safe;
use super::{fill, pane_block};
use crate::tui::state::rows::LinkRow;
use crate::tui::state::{App, Pane};
use crate::tui::theme::{kind_color, kind_marker, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the links pane.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let total = app.link_count();
    let links = app.panes.links;
    let title = if total == 0 {
        " Links ".to_string()
    } else {
        format!(" Links {}/{} ", links.selected + 1, total)
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
    let rows = app.link_rows();
    let visible = rows
        .iter()
        .enumerate()
        .skip(links.offset)
        .take(inner.height as usize);
    for (n, (_, row)) in visible.enumerate() {
        let row_area = Rect::new(inner.x, inner.y + n as u16, inner.width, 1);
        let line = match *row {
            LinkRow::Gap => continue,
            LinkRow::Heading(label, count) => {
                Line::from(Span::styled(format!("{label} ({count})"), theme().heading))
            }
            LinkRow::Link(k) => {
                let selected = k == links.selected;
                if selected {
                    fill(
                        buf,
                        row_area,
                        super::list::selection_style(app.focus() == Pane::Links),
                    );
                }
                link_line(app, i, k, selected, inner.width as usize)
            }
        };
        line.render(row_area, buf);
    }
}

/// A link's row: the target's kind and name, and the link's detail on the right.
fn link_line(app: &App, i: usize, k: usize, selected: bool, width: usize) -> Line<'static> {
    let ds = &app.net.data;
    let Some(link) = app.net.graph.links(i).get(k) else {
        return Line::default();
    };
    let t = link.target as usize;
    let kind = ds.entity(t).kind();
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
    super::list::split_line(main, detail, width)
}
