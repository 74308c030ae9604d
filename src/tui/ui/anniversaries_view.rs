//! The anniversaries view: one row per round anniversary, in date order — the day (or the
//! month or year when the date is partial), the years counted, what is celebrated and since
//! when ("Shanghai – Casablanca, 40 years, 1986-09-08"). Reads the state only.

use super::path_view::block;
use super::position;
use super::text::safe;
use crate::tui::state::App;
use crate::tui::state::anniversaries::{AnniversariesState, list_height};
use crate::tui::theme::{kind_color, kind_marker, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the anniversaries view over the body.
pub fn render(app: &App, a: &AnniversariesState, area: Rect, buf: &mut Buffer) {
    let height = list_height(area.height);
    let shown = position(a.cursor.offset, height, a.items.len());
    let blk = block(format!(" Anniversaries · {} · {shown} ", a.describe()));
    let inner = blk.inner(area);
    blk.render(area, buf);
    if a.items.is_empty() {
        let note = Span::styled("No round anniversary falls in this window.", theme().dim);
        Line::from(note).render(inner, buf);
        return;
    }
    for (n, item) in a
        .items
        .iter()
        .enumerate()
        .skip(a.cursor.offset)
        .take(height)
    {
        let y = inner.y + (n - a.cursor.offset) as u16;
        let r = Rect::new(inner.x, y, inner.width, 1);
        let base = if n == a.cursor.selected {
            buf.set_style(r, theme().selected);
            theme().selected
        } else {
            Style::new()
        };
        let quiet = if n == a.cursor.selected {
            base
        } else {
            theme().dim
        };
        let kind = app.net.data.entity(item.entity).kind();
        Line::from(vec![
            Span::styled(format!(" {:<10}  ", item.date.to_string()), quiet),
            Span::styled(format!("{} ", kind_marker(kind)), base.fg(kind_color(kind))),
            safe(&item.label(), base),
            Span::styled(format!("  {}", item.kind), quiet),
        ])
        .render(r, buf);
    }
}
