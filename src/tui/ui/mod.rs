//! Pure rendering: each pane, bar, view and overlay draws itself from `&App` and never
//! changes it. What a pane shows, row by row, comes from the rows model
//! (`state::rows`, `state::card_lines`), the same one `update` scrolls and clicks by; this
//! module only chooses colours (from `tui::theme`) and puts the rows on screen.

pub mod anniversaries_view;
pub mod detail;
pub mod footer;
pub mod header;
pub mod input_line;
pub mod links;
pub mod list;
pub mod map_view;
pub mod overlay;
pub mod path_view;
pub mod status;
pub mod tabs;
pub mod text;
pub mod ties_view;
pub mod timeline_view;

use crate::tui::state::card_lines::{Row, Tone};
use crate::tui::state::{App, Areas, Mode, Overlay, Pane};
use crate::tui::theme::{kind_color, theme};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame<'_>) {
    let area = frame.area();
    // The state's areas follow resize events; if the terminal changed before the event
    // arrived, lay out for the real size so nothing draws outside the frame.
    let areas = if app.areas.width == area.width && app.areas.height == area.height {
        app.areas
    } else {
        Areas::compute(area.width, area.height, app.focus())
    };
    let buf = frame.buffer_mut();
    header::render(app, areas.header, buf);
    status::render(app, areas.status, buf);
    footer::render(app, &areas, buf);
    // A prompt asked from a view (X in the ties table) keeps the view on screen and asks
    // on the status line.
    let (body, prompt_line) = match &app.mode {
        Mode::Prompt(p) if p.under.is_some() => {
            (p.under.as_deref().unwrap_or(&app.mode), areas.status)
        }
        m => (m.under(), areas.search),
    };
    if prompt_line == areas.status {
        input_line::render(app, prompt_line, buf);
    }
    match body {
        Mode::Map(m) => map_view::render(app, m, areas.body(), buf),
        Mode::Path(p) => path_view::render(app, p, areas.body(), buf),
        Mode::Timeline(t) => timeline_view::render(app, t, areas.body(), buf),
        Mode::Ties(t) => ties_view::render(app, t, areas.body(), buf),
        Mode::Anniversaries(a) => anniversaries_view::render(app, a, areas.body(), buf),
        _ => {
            tabs::render(app, areas.tabs, buf);
            list::render(app, areas.list, buf);
            detail::render(app, areas.detail, buf);
            links::render(app, areas.links, buf);
            input_line::render(app, areas.search, buf);
        }
    }
    if let Mode::Overlay(o) = &app.mode {
        let area = match o.which {
            Overlay::Help => areas.help_overlay(),
            Overlay::Problems => areas.overlay(),
        };
        overlay::render(app, o, area, frame.buffer_mut());
    }
    if let Some(pos) =
        input_line::cursor(app, prompt_line).or_else(|| ties_view::cursor(app, areas.body()))
    {
        frame.set_cursor_position(pos);
    }
}

/// A pane's border and title, brighter when focused.
pub fn pane_block<'a>(app: &App, pane: Pane, title: String) -> Block<'a> {
    let focused = app.focus() == pane && !matches!(app.mode, Mode::Overlay(_));
    let style = if focused {
        theme().border_focused
    } else {
        theme().border
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(style)
        .title(Span::styled(
            title,
            if focused {
                theme().title_focused
            } else {
                theme().title
            },
        ))
}

/// Fills an area with a style (used for selection bars).
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    buf.set_style(area, style);
}

/// The style of a tone of the rows model.
pub fn tone_style(tone: Tone) -> Style {
    match tone {
        Tone::Name(kind) => Style::new()
            .fg(kind_color(kind))
            .add_modifier(Modifier::BOLD),
        Tone::Native => Style::new().add_modifier(Modifier::BOLD),
        Tone::Dim => theme().dim,
        Tone::Label => theme().label,
        Tone::Plain => Style::new(),
        Tone::Italic => Style::new().add_modifier(Modifier::ITALIC),
        Tone::Key => theme().key,
        Tone::Heading => theme().heading,
        Tone::Error => theme().error,
        Tone::Warning => theme().warning,
    }
}

/// Draws rows of the rows model, from `first`, one per screen row of `area`.
pub fn draw_rows(rows: &[Row], first: usize, area: Rect, buf: &mut Buffer) {
    for (n, row) in rows
        .iter()
        .skip(first)
        .take(area.height as usize)
        .enumerate()
    {
        let spans: Vec<Span<'_>> = row
            .iter()
            .map(|p| Span::styled(p.text.as_str(), tone_style(p.tone)))
            .collect();
        let y = area.y + n as u16;
        Line::from(spans).render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// "12–34/48": the rows shown of a scrolled text, for a title.
pub fn position(first: usize, height: usize, len: usize) -> String {
    let last = (first + height).min(len);
    format!("{}–{last}/{len}", (first + 1).min(len))
}
