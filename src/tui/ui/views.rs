//! Drawing the map, path and timeline views over the body of the screen.

use super::text::{fit, safe};
use super::theme::{kind_color, kind_marker, theme};
use crate::geo::MapView;
use crate::tui::state::{App, MapState, PathState, TimelineState};
use crate::tui::views::{TIMELINE_CHART_HEIGHT, timeline_row};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph, Widget, Wrap};

fn block(title: String) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme().border_focused)
        .title(Span::styled(title, theme().title_focused))
}

/// Draws the map view.
pub fn render_map(app: &App, m: &MapState, area: Rect, buf: &mut Buffer) {
    let name = m.entity.map_or_else(
        || "all cities".to_string(),
        |i| app.net.data.display_name(i),
    );
    let title = format!(
        " Map: {} · {} linked · zoom {}× · arrows pan, +/- zoom, 0 reset, Tab/Enter cycle and open ",
        crate::text::clean_line(&name),
        m.focus.related.len(),
        m.viewport.zoom
    );
    let title = fit(&title, area.width.saturating_sub(4) as usize);
    let highlight = m.highlight.and_then(|h| m.focus.all().get(h).copied());
    MapView {
        net: &app.net,
        focus: &m.focus,
        viewport: m.viewport,
        highlight,
        title,
        plain: false,
        border: theme().border_focused,
        title_style: theme().title_focused,
    }
    .render(area, buf);
    if m.focus.center.is_none() && m.focus.related.is_empty() && area.height > 4 {
        let note = Line::from(Span::styled(
            " No city with coordinates is linked to this entity. ",
            theme().warning,
        ));
        note.render(
            Rect::new(area.x + 2, area.y + 1, area.width.saturating_sub(4), 1),
            buf,
        );
    }
}

/// Draws the path view.
pub fn render_path(app: &App, p: &PathState, area: Rect, buf: &mut Buffer) {
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
        let e = ds.entity(n as usize);
        let selected = k == p.step;
        let base = if selected {
            theme().selected
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(if selected { " ▶ " } else { "   " }, base),
            Span::styled(
                format!("{} ", kind_marker(e.kind())),
                base.fg(kind_color(e.kind())),
            ),
            safe(
                &ds.display_name(n as usize),
                base.add_modifier(Modifier::BOLD),
            ),
            Span::styled(
                format!("  {}", crate::text::clean_line(&ds.secondary(n as usize))),
                if selected { base } else { theme().dim },
            ),
        ]));
    }
    let inner_h = area.height.saturating_sub(2) as usize;
    let selected_line = 2 + p.step * 3;
    let scroll = selected_line.saturating_sub(inner_h.saturating_sub(2)) as u16;
    Paragraph::new(lines)
        .block(blk)
        .scroll((scroll, 0))
        .render(area, buf);
}

/// Draws the timeline view: a per-decade chart, then the items grouped by year.
pub fn render_timeline(app: &App, t: &TimelineState, area: Rect, buf: &mut Buffer) {
    let [chart_area, list_area] = Layout::vertical([
        Constraint::Length(TIMELINE_CHART_HEIGHT),
        Constraint::Min(0),
    ])
    .areas(area);
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
    let chart = BarChart::default()
        .block(block(format!(" Items per decade ({scope}) ")))
        .data(BarGroup::default().bars(&bars))
        .bar_width(5)
        .bar_gap(1)
        .bar_style(Style::new().fg(ratatui::style::Color::Cyan))
        .value_style(
            Style::new()
                .fg(ratatui::style::Color::Black)
                .bg(ratatui::style::Color::Cyan),
        );
    chart.render(chart_area, buf);
    let total = t.items.len();
    let pos = if total == 0 { 0 } else { t.cursor.selected + 1 };
    let blk = block(format!(" Timeline {pos}/{total} · Enter opens · Esc back "));
    let inner = blk.inner(list_area);
    blk.render(list_area, buf);
    if total == 0 {
        Line::from(Span::styled("No dated items.", theme().dim)).render(inner, buf);
        return;
    }
    let ds = &app.net.data;
    let mut rows: Vec<Line<'static>> = Vec::new();
    let mut last = None;
    for (k, item) in t.items.iter().enumerate() {
        if last != Some(item.date.year) {
            last = Some(item.date.year);
            rows.push(Line::from(Span::styled(
                item.date.year.to_string(),
                theme().heading,
            )));
        }
        let selected = k == t.cursor.selected;
        let base = if selected {
            theme().selected
        } else {
            Style::new()
        };
        let kind = ds.entity(item.entity).kind();
        rows.push(Line::from(vec![
            Span::styled(
                format!("  {:<10}  ", item.date.to_string()),
                if selected { base } else { theme().dim },
            ),
            Span::styled(format!("{} ", kind_marker(kind)), base.fg(kind_color(kind))),
            Span::styled(
                format!("{:<16}  ", item.what),
                if selected { base } else { theme().dim },
            ),
            safe(&item.name, base),
        ]));
        debug_assert_eq!(rows.len() - 1, timeline_row(&t.items, k));
    }
    for (n, line) in rows
        .into_iter()
        .skip(t.cursor.offset)
        .take(inner.height as usize)
        .enumerate()
    {
        let row = Rect::new(inner.x, inner.y + n as u16, inner.width, 1);
        if line
            .spans
            .first()
            .is_some_and(|s| s.style == theme().selected)
        {
            buf.set_style(row, theme().selected);
        }
        line.render(row, buf);
    }
}
