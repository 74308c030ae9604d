//! The list pane: one row per entity, with kind marker, name, native name and a short
//! secondary text, search matches highlighted.

use super::text::{highlighted, safe, truncate, width};
use super::{fill, pane_block};
use crate::tui::state::{App, Pane};
use crate::tui::theme::{kind_color, kind_marker, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the list pane.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let list = &app.list;
    let total = list.rows.len();
    let pos = if total == 0 {
        0
    } else {
        list.cursor.selected + 1
    };
    let tab = list.tab.title();
    let title = match crate::tui::state::rows::filter_note(list) {
        Some(note) => format!(" {tab} {note} · {pos}/{total} "),
        None => format!(" {tab} {pos}/{total} "),
    };
    let block = pane_block(app, Pane::List, title);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return;
    }
    if total == 0 {
        // A bad filter (`colour:red`) says which filters there are.
        let error = app.query().error;
        let msg = if let Some(e) = &error {
            e.as_str()
        } else if list.search.text.is_empty() {
            "nothing here"
        } else {
            "no match: Esc Esc clears the search"
        };
        Line::from(Span::styled(msg, theme().dim)).render(inner, buf);
        return;
    }
    let query = app.query();
    let focused = app.focus() == Pane::List;
    let offset = list.cursor.offset;
    for (line, &e) in list
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(inner.height as usize)
    {
        let y = inner.y + (line - offset) as u16;
        let row_area = Rect::new(inner.x, y, inner.width, 1);
        let selected = line == list.cursor.selected;
        if selected {
            fill(buf, row_area, selection_style(focused));
        }
        row(app, e as usize, &query, selected, inner.width as usize).render(row_area, buf);
    }
}

/// One row: `org Name 中文名 … secondary`.
fn row(
    app: &App,
    i: usize,
    query: &crate::search::Query,
    selected: bool,
    width_total: usize,
) -> Line<'static> {
    let ds = &app.net.data;
    let e = ds.entity(i);
    let kind = e.kind();
    let name = ds.display_name(i);
    let index = &app.net.index;
    let name_pos = index.positions(&name, query);
    let base = Style::new();
    let hl = if selected {
        theme().matched.fg(ratatui::style::Color::LightYellow)
    } else {
        theme().matched
    };
    let mut main = vec![Span::styled(
        format!("{} ", kind_marker(kind)),
        Style::new().fg(kind_color(kind)),
    )];
    main.extend(highlighted(&name, &name_pos, base, hl));
    if let Some(native) = e.native_name().filter(|n| *n != name) {
        main.push(Span::raw(" "));
        let pos = index.positions(native, query);
        main.extend(highlighted(native, &pos, base, hl));
    }
    let mut secondary = ds.secondary(i);
    if !query.text.is_empty() && name_pos.is_empty() {
        // Matched elsewhere (an alias, a phone number, an e-mail address, the address): say
        // where, so the row makes sense. A city or country is in the secondary text already.
        use crate::search::Field;
        if let Some(hit) = index.score_of(i, query)
            && !matches!(hit.field, Field::City | Field::Country)
            && let Some(why) = index.reason(&hit)
        {
            secondary = why;
        }
    }
    if app.list.tab == crate::tui::state::Tab::Bookmarks
        && !app.saved.bookmarks.iter().any(|b| b == e.id())
    {
        // A bookmark just removed keeps its row, crossed out, until the tab is listed again.
        let crossed = ratatui::style::Modifier::CROSSED_OUT;
        for span in main.iter_mut().skip(1) {
            span.style = span.style.add_modifier(crossed);
        }
        main.insert(1, Span::styled("removed ", theme().warning));
        secondary = "b or u: put back".to_string();
    }
    let sec = vec![safe(&secondary, if selected { base } else { theme().dim })];
    split_line(main, sec, width_total)
}

/// Shares a row between the main text and a right-aligned secondary text. The name comes
/// first: the secondary text gets what is left (cut, or dropped when less than 8 columns
/// would remain), and only when even the name alone does not fit is the name cut.
pub fn fit_row(
    main: Vec<Span<'static>>,
    sec: Vec<Span<'static>>,
    total: usize,
) -> (Vec<Span<'static>>, Vec<Span<'static>>) {
    const MIN_SECONDARY: usize = 8;
    let (mw, sw) = (width(&main), width(&sec));
    if sw == 0 || mw + sw + 2 <= total {
        return (truncate(main, total), sec);
    }
    if mw + 2 + MIN_SECONDARY <= total {
        let room = total - mw - 2;
        return (main, truncate(sec, room));
    }
    (truncate(main, total), Vec::new())
}

/// The style of the selected row, in the focused pane or another.
pub fn selection_style(focused: bool) -> Style {
    if focused {
        theme().selected
    } else {
        theme().selected_unfocused
    }
}

/// A row with `main` on the left and `sec` right-aligned, shared as [`fit_row`] decides.
pub fn split_line(
    main: Vec<Span<'static>>,
    sec: Vec<Span<'static>>,
    total: usize,
) -> Line<'static> {
    let (main, sec) = fit_row(main, sec, total);
    let pad = total.saturating_sub(width(&main) + width(&sec));
    let mut spans = main;
    if !sec.is_empty() {
        spans.push(Span::raw(" ".repeat(pad)));
        spans.extend(sec);
    }
    Line::from(spans)
}
