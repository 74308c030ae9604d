//! The ties table view: a header naming the columns (an arrow on the sorted one), one row
//! per tie as `state::ties_table` lays the columns out at this width, and the filter line
//! at the bottom. Reads the state only.

use super::path_view::block;
use super::position;
use super::text::{fit, width};
use crate::tui::state::ties_table::{TiesState, cells, header, layout, list_height};
use crate::tui::state::{App, Mode};
use crate::tui::theme::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The label before the filter line's text.
const FILTER_LABEL: &str = "/ filter: ";

/// Draws the ties table over the body.
pub fn render(app: &App, t: &TiesState, area: Rect, buf: &mut Buffer) {
    let blk = block(title(app, t, area.height));
    let inner = blk.inner(area);
    blk.render(area, buf);
    if inner.height < 2 {
        return;
    }
    let cols = layout(t, inner.width as usize);
    let heads: Vec<String> = cols.iter().map(|&(c, _)| header(c, t)).collect();
    let line = row_line(&heads, &cols, theme().header);
    line.render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
    let height = list_height(area.height);
    for (n, row) in t.rows.iter().enumerate().skip(t.cursor.offset).take(height) {
        let y = inner.y + 1 + (n - t.cursor.offset) as u16;
        let r = Rect::new(inner.x, y, inner.width, 1);
        let style = if n == t.cursor.selected {
            buf.set_style(r, theme().selected);
            theme().selected
        } else {
            Style::new()
        };
        row_line(&cells(row, &cols), &cols, style).render(r, buf);
    }
    if t.rows.is_empty() {
        let note = Span::styled("  No tie matches the filter.", theme().dim);
        Line::from(note).render(Rect::new(inner.x, inner.y + 1, inner.width, 1), buf);
    }
    filter_line(
        t,
        Rect::new(inner.x, inner.bottom() - 1, inner.width, 1),
        buf,
    );
}

/// "Ties of Shanghai · 92 official · 1–27/92".
fn title(app: &App, t: &TiesState, height: u16) -> String {
    let name = crate::text::clean_line(&app.net.data.display_name(t.place)).into_owned();
    let scope = if t.districts {
        " and its districts"
    } else {
        ""
    };
    let len = t.rows.len();
    let shown = position(t.cursor.offset, list_height(height), len);
    let order = if t.descending { "↓" } else { "↑" };
    let column = t.column.name().replace('_', " ");
    format!(" Ties of {name}{scope} · official ties · sorted by {column} {order} · {shown} ")
}

/// Cells padded to their columns, two spaces apart; the last one runs to the end.
fn row_line(
    texts: &[String],
    cols: &[(crate::ties::Column, usize)],
    style: Style,
) -> Line<'static> {
    let mut spans = Vec::new();
    for (text, &(_, w)) in texts.iter().zip(cols) {
        let cell = fit(&crate::text::clean_line(text), w);
        let pad = w.saturating_sub(width(&[Span::raw(cell.as_str())]));
        spans.push(Span::styled(format!("{cell}{}  ", " ".repeat(pad)), style));
    }
    Line::from(spans)
}

/// The filter line: what is typed, or why it cannot be read, or how to start one.
fn filter_line(t: &TiesState, area: Rect, buf: &mut Buffer) {
    let text = crate::text::clean_line(&t.filter.text).into_owned();
    let mut spans = vec![Span::styled(FILTER_LABEL, theme().key)];
    if text.is_empty() && !t.typing {
        spans.push(Span::styled(
            "press / and type: country:japan  region:europe  since:2000  words",
            theme().dim,
        ));
    } else {
        spans.push(Span::raw(text));
    }
    if let Some(e) = &t.error {
        spans.push(Span::styled(
            format!("   {}", crate::text::clean_line(e)),
            theme().warning,
        ));
    }
    Line::from(spans).render(area, buf);
}

/// Where the terminal cursor goes while the filter is typed.
pub fn cursor(app: &App, body: Rect) -> Option<Position> {
    let Mode::Ties(t) = &app.mode else {
        return None;
    };
    if !t.typing || body.height < 4 || body.width < 3 {
        return None;
    }
    let x = crate::tui::state::rows::cursor_column(
        FILTER_LABEL,
        t.filter.before_cursor(),
        body.width - 2,
    );
    Some(Position::new(body.x + 1 + x, body.bottom() - 2))
}
