//! The timeline view: a chart of items per decade, then the items under year headings, row
//! by row as the rows model lays them out and as `update` scrolled them.

use super::path_view::block;
use super::text::safe;
use crate::tui::state::rows::{TIMELINE_CHART_HEIGHT, TimelineRow, timeline_rows};
use crate::tui::state::{App, TimelineState};
use crate::tui::theme::{kind_color, kind_marker, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

/// Draws the timeline view: a per-decade chart, then the items grouped by year.
pub fn render(app: &App, t: &TimelineState, area: Rect, buf: &mut Buffer) {
    let [chart_area, list_area] = Layout::vertical([
        Constraint::Length(TIMELINE_CHART_HEIGHT),
        Constraint::Min(0),
    ])
    .areas(area);
    chart(t, chart_area, buf);
    let total = t.items.len();
    let pos = if total == 0 { 0 } else { t.cursor.selected + 1 };
    let jump = if t.year.is_empty() {
        "type a year to jump".to_string()
    } else {
        format!(
            "year {}{}",
            t.year,
            "_".repeat(4usize.saturating_sub(t.year.len()))
        )
    };
    let blk = block(format!(" Timeline {pos}/{total} · {jump} "));
    let inner = blk.inner(list_area);
    blk.render(list_area, buf);
    if total == 0 {
        Line::from(Span::styled("No dated items.", theme().dim)).render(inner, buf);
        return;
    }
    let rows = timeline_rows(&t.items);
    for (n, row) in rows
        .iter()
        .skip(t.cursor.offset)
        .take(inner.height as usize)
        .enumerate()
    {
        let area = Rect::new(inner.x, inner.y + n as u16, inner.width, 1);
        match *row {
            TimelineRow::Year(year) => {
                Line::from(Span::styled(year.to_string(), theme().heading)).render(area, buf)
            }
            TimelineRow::Item(k) => item(app, t, k, area, buf),
        }
    }
}

/// The per-decade chart.
fn chart(t: &TimelineState, area: Rect, buf: &mut Buffer) {
    let decades = crate::timeline::per_decade(&t.items);
    let bars: Vec<Bar<'_>> = decades
        .iter()
        .map(|(d, n)| {
            Bar::default()
                .value(*n as u64)
                .label(Line::from(format!("{d}s")))
                .text_value(n.to_string())
        })
        .collect();
    let scope = if t.filtered {
        "matching the search"
    } else {
        "all"
    };
    BarChart::default()
        .block(block(format!(" Items per decade ({scope}) ")))
        .data(BarGroup::default().bars(&bars))
        .bar_width(5)
        .bar_gap(1)
        .bar_style(Style::new().fg(ratatui::style::Color::Cyan))
        .value_style(
            Style::new()
                .fg(ratatui::style::Color::Black)
                .bg(ratatui::style::Color::Cyan),
        )
        .render(area, buf);
}

/// One item's row: date, kind, what happened, name.
fn item(app: &App, t: &TimelineState, k: usize, area: Rect, buf: &mut Buffer) {
    let Some(item) = t.items.get(k) else { return };
    let selected = k == t.cursor.selected;
    let base = if selected {
        buf.set_style(area, theme().selected);
        theme().selected
    } else {
        Style::new()
    };
    let quiet = if selected { base } else { theme().dim };
    let kind = app.net.data.entity(item.entity).kind();
    Line::from(vec![
        Span::styled(format!("  {:<10}  ", item.date.to_string()), quiet),
        Span::styled(format!("{} ", kind_marker(kind)), base.fg(kind_color(kind))),
        Span::styled(format!("{:<16}  ", item.what), quiet),
        safe(&item.name, base),
    ])
    .render(area, buf);
}
