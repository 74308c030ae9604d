//! `update`: the only place the browser's state changes, one action at a time.
//!
//! Pure: no terminal, no I/O, so every behaviour is testable by feeding actions.

use super::action::Action;
use super::layout::Areas;
use super::state::{App, Cursor, LineEditor, Overlay, Pane, TABS};
use super::{daily, views};

/// Applies an action to the state.
pub fn update(app: &mut App, action: Action) {
    if !matches!(action, Action::Resize(..) | Action::Scroll(..)) {
        app.status = None;
    }
    if app.overlay.is_some() {
        overlay(app, action);
        return;
    }
    if daily::prompt_update(app, &action) {
        return;
    }
    if app.copying {
        match action {
            Action::Copy(what) => daily::copy(app, what),
            Action::Quit => app.quit = true,
            _ => app.copying = false,
        }
        return;
    }
    if !app.searching && views::update(app, &action) {
        return;
    }
    match action {
        Action::ToggleBookmark => daily::toggle_bookmark(app),
        Action::Reload => app.effects.push(super::state::Effect::Reload),
        Action::StartCopy => {
            if app.selected().is_some() {
                app.copying = true;
                app.status =
                    Some("copy: a address, p phone, e email, c card, i id (Esc cancels)".into());
            }
        }
        Action::Copy(what) => daily::copy(app, what),
        Action::ExportCard => daily::start_export(app),
        Action::OpenMap => views::open_map(app),
        Action::StartPath => views::start_path(app),
        Action::OpenTimeline => views::open_timeline(app),
        Action::PanLeft
        | Action::PanRight
        | Action::PanUp
        | Action::PanDown
        | Action::ZoomIn
        | Action::ZoomOut
        | Action::ResetView
        | Action::NextCity
        | Action::NextAlternative
        | Action::PrevAlternative => {}
        Action::Quit => {
            daily::remember_place(app);
            app.quit = true;
        }
        Action::Up => move_cursor(app, -1),
        Action::Down => move_cursor(app, 1),
        Action::PageUp => move_cursor(app, -(page(app) as isize)),
        Action::PageDown => move_cursor(app, page(app) as isize),
        Action::HalfPageUp => move_cursor(app, -((page(app) / 2).max(1) as isize)),
        Action::HalfPageDown => move_cursor(app, (page(app) / 2).max(1) as isize),
        Action::Top => move_cursor(app, isize::MIN / 2),
        Action::Bottom => move_cursor(app, isize::MAX / 2),
        Action::NextPane => cycle_pane(app, 1),
        Action::PrevPane => cycle_pane(app, -1),
        Action::PaneLeft => step_pane(app, -1),
        Action::PaneRight => step_pane(app, 1),
        Action::Open => open(app),
        Action::HistoryBack => history_back(app),
        Action::HistoryForward => history_forward(app),
        Action::ShowTab(t) => show_tab(app, t as usize),
        Action::NextTab => show_tab(app, (app.tab + 1) % TABS.len()),
        Action::PrevTab => show_tab(app, (app.tab + TABS.len() - 1) % TABS.len()),
        Action::StartSearch => {
            app.searching = true;
            app.set_focus(Pane::List);
        }
        Action::ToggleHelp => open_overlay(app, Overlay::Help),
        Action::ToggleProblems => open_overlay(app, Overlay::Problems),
        Action::Escape => escape(app),
        Action::SearchInsert(c) => edit(app, |ed| ed.insert(&c.to_string())),
        Action::Paste(text) => {
            app.searching = true;
            app.set_focus(Pane::List);
            // Pasted text is text: line breaks and controls become spaces.
            let clean: String = text
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            edit(app, |ed| ed.insert(&clean));
        }
        Action::SearchBackspace => edit(app, LineEditor::backspace),
        Action::SearchDelete => edit(app, LineEditor::delete),
        Action::SearchDeleteWord => edit(app, LineEditor::delete_word),
        Action::SearchClearToStart => edit(app, LineEditor::clear_to_start),
        Action::SearchHome => app.search.cursor = 0,
        Action::SearchEnd => app.search.cursor = app.search.text.chars().count(),
        Action::SearchLeft => app.search.cursor = app.search.cursor.saturating_sub(1),
        Action::SearchRight => {
            app.search.cursor = (app.search.cursor + 1).min(app.search.text.chars().count());
        }
        Action::Resize(w, h) => resize(app, w, h),
        Action::Click(col, row) => click(app, col, row),
        Action::Scroll(col, row, delta) => {
            if let Some(pane) = app.areas.pane_at(col, row) {
                scroll_pane(app, pane, delta as isize * 3);
            }
        }
    }
}

fn page(app: &App) -> usize {
    match app.focus {
        Pane::List => app.areas.list_height(),
        Pane::Detail => app.areas.detail_height(),
        Pane::Links => app.areas.links_height(),
    }
    .max(1)
}

fn move_cursor(app: &mut App, delta: isize) {
    let pane = if app.searching { Pane::List } else { app.focus };
    scroll_pane(app, pane, delta);
}

fn scroll_pane(app: &mut App, pane: Pane, delta: isize) {
    match pane {
        Pane::List => {
            let before = app.selected();
            let (len, h) = (app.rows.len(), app.areas.list_height());
            app.list.move_by(delta, len, h);
            if app.selected() != before {
                app.links = Cursor::default();
                app.detail_scroll = 0;
            }
        }
        Pane::Detail => {
            let max = detail_lines(app).saturating_sub(app.areas.detail_height()) as isize;
            let s = (app.detail_scroll as isize + delta).clamp(0, max.max(0));
            app.detail_scroll = s.min(u16::MAX as isize) as u16;
        }
        Pane::Links => {
            let len = app.link_count();
            let target =
                (app.links.selected as isize + delta).clamp(0, len.saturating_sub(1) as isize);
            select_link(app, target as usize);
        }
    }
}

/// An upper bound of the detail pane's line count (wrapping aside), to stop scrolling into
/// emptiness.
fn detail_lines(app: &App) -> usize {
    let Some(i) = app.selected() else { return 0 };
    let card = crate::card::Card::new(&app.net.data, i);
    let width = app.areas.detail.width.saturating_sub(2).max(1) as usize;
    let wrapped = |s: &str| {
        s.lines()
            .map(|l| l.chars().count() / width + 1)
            .sum::<usize>()
    };
    6 + card.contact.len()
        + card.fields.len()
        + card.description.as_deref().map_or(0, wrapped)
        + card.note.as_deref().map_or(0, wrapped)
        + card.sources.iter().map(|s| wrapped(s)).sum::<usize>()
}

/// Selects the `k`-th link, keeping it (and its heading) visible.
pub fn select_link(app: &mut App, k: usize) {
    let Some(i) = app.selected() else { return };
    let groups = app.net.graph.grouped(i);
    let total_links: usize = groups.iter().map(|g| g.links.len()).sum();
    let k = k.min(total_links.saturating_sub(1));
    // Display row of link k: every heading before it, plus a blank line between groups.
    let mut row = 0;
    let mut seen = 0;
    let mut heading_row = 0;
    for (gi, g) in groups.iter().enumerate() {
        if gi > 0 {
            row += 1;
        }
        heading_row = row;
        row += 1;
        if k < seen + g.links.len() {
            row += k - seen;
            break;
        }
        row += g.links.len();
        seen += g.links.len();
    }
    let h = app.areas.links_height().max(1);
    app.links.selected = k;
    if heading_row < app.links.offset || (row == heading_row + 1 && row < app.links.offset + 1) {
        app.links.offset = heading_row;
    }
    if row < app.links.offset {
        app.links.offset = row;
    } else if row >= app.links.offset + h {
        app.links.offset = row + 1 - h;
    }
}

fn cycle_pane(app: &mut App, dir: isize) {
    let panes = Pane::ALL;
    let at = panes.iter().position(|&p| p == app.focus).unwrap_or(0) as isize;
    let next = (at + dir).rem_euclid(panes.len() as isize) as usize;
    app.set_focus(panes[next]);
}

fn step_pane(app: &mut App, dir: isize) {
    let panes = Pane::ALL;
    let at = panes.iter().position(|&p| p == app.focus).unwrap_or(0) as isize;
    let next = (at + dir).clamp(0, panes.len() as isize - 1) as usize;
    app.set_focus(panes[next]);
}

fn open(app: &mut App) {
    if app.path_pick.is_some() {
        views::finish_path(app);
        return;
    }
    if app.searching {
        app.searching = false;
    }
    match app.focus {
        Pane::List | Pane::Detail => {
            let Some(i) = app.selected() else { return };
            daily::note_recent(app, i);
            if app.link_count() > 0 {
                app.set_focus(Pane::Links);
                select_link(app, app.links.selected);
            } else {
                app.set_focus(Pane::Detail);
            }
        }
        Pane::Links => follow_link(app),
    }
}

/// Follows the selected link: its target becomes the selection, recorded in history.
pub fn follow_link(app: &mut App) {
    let Some(i) = app.selected() else { return };
    let Some(link) = app.net.graph.links(i).get(app.links.selected) else {
        return;
    };
    let target = link.target as usize;
    app.history.back.push(app.snapshot());
    app.history.forward.clear();
    go_to(app, target);
    app.set_focus(Pane::Links);
}

/// Shows an entity in the list: keeps the tab and search if they list it, else widens them.
pub fn go_to(app: &mut App, target: usize) {
    daily::note_recent(app, target);
    let kind = app.net.data.entity(target).kind();
    if !TABS[app.tab].admits(kind)
        || matches!(
            TABS[app.tab],
            super::state::Tab::Bookmarks | super::state::Tab::Recent
        )
    {
        app.tab = 0;
    }
    app.refresh_rows(Some(target));
    if app.selected() != Some(target) {
        app.search = LineEditor::default();
        app.refresh_rows(Some(target));
    }
    if app.selected() != Some(target) {
        app.tab = 0;
        app.refresh_rows(Some(target));
    }
    let (row, len, h) = (app.list.selected, app.rows.len(), app.areas.list_height());
    // Centre the target in the list so its neighbours show.
    app.list.offset = row.saturating_sub(h / 2);
    app.list.select(row, len, h);
}

fn history_back(app: &mut App) {
    let Some(prev) = app.history.back.pop() else {
        app.status = Some("no earlier place in history".into());
        return;
    };
    app.history.forward.push(app.snapshot());
    app.restore(&prev);
    views::after_history(app);
}

fn history_forward(app: &mut App) {
    let Some(next) = app.history.forward.pop() else {
        app.status = Some("no later place in history".into());
        return;
    };
    app.history.back.push(app.snapshot());
    app.restore(&next);
    views::after_history(app);
}

fn show_tab(app: &mut App, tab: usize) {
    if tab >= TABS.len() {
        return;
    }
    let keep = app.selected();
    app.tab = tab;
    app.refresh_rows(keep);
}

fn open_overlay(app: &mut App, which: Overlay) {
    app.overlay = Some(which);
    app.overlay_scroll = 0;
}

fn overlay(app: &mut App, action: Action) {
    let step = |app: &mut App, d: isize| {
        app.overlay_scroll = (app.overlay_scroll as isize + d).clamp(0, u16::MAX as isize) as u16;
    };
    let page = app.areas.height.saturating_sub(6).max(1) as isize;
    match action {
        Action::Quit => app.quit = true,
        Action::Escape | Action::ToggleHelp | Action::ToggleProblems => app.overlay = None,
        Action::Up => step(app, -1),
        Action::Down => step(app, 1),
        Action::PageUp | Action::HalfPageUp => step(app, -page),
        Action::PageDown | Action::HalfPageDown => step(app, page),
        Action::Top => app.overlay_scroll = 0,
        Action::Bottom => app.overlay_scroll = u16::MAX,
        Action::Resize(w, h) => resize(app, w, h),
        Action::Scroll(_, _, d) => step(app, d as isize * 3),
        _ => {}
    }
}

fn escape(app: &mut App) {
    if app.path_pick.is_some() {
        views::cancel_path(app);
    } else if app.searching {
        app.searching = false;
    } else if !app.search.text.is_empty() {
        let keep = app.selected();
        app.search = LineEditor::default();
        app.refresh_rows(keep);
    } else if app.focus != Pane::List {
        app.set_focus(Pane::List);
    }
}

fn edit(app: &mut App, f: impl FnOnce(&mut LineEditor)) {
    app.searching = true;
    let before = app.search.text.clone();
    f(&mut app.search);
    if app.search.text != before {
        // A new query ranks afresh: the best match is selected.
        app.search_edited();
    }
}

fn resize(app: &mut App, w: u16, h: u16) {
    app.areas = Areas::compute(w, h, app.focus);
    let (row, len, height) = (app.list.selected, app.rows.len(), app.areas.list_height());
    app.list.select(row, len, height);
    select_link(app, app.links.selected);
}

fn click(app: &mut App, col: u16, row: u16) {
    let Some(pane) = app.areas.pane_at(col, row) else {
        if app
            .areas
            .search
            .contains(ratatui::layout::Position::new(col, row))
        {
            app.searching = true;
            app.set_focus(Pane::List);
        } else if app
            .areas
            .tabs
            .contains(ratatui::layout::Position::new(col, row))
        {
            // Tabs are laid out in order; find the one under the pointer.
            if let Some(t) = super::ui::tabs::tab_at(app, col) {
                show_tab(app, t);
            }
        }
        return;
    };
    app.searching = false;
    app.set_focus(pane);
    let area = match pane {
        Pane::List => app.areas.list,
        Pane::Detail => app.areas.detail,
        Pane::Links => app.areas.links,
    };
    if row <= area.y || row + 1 >= area.y + area.height {
        return;
    }
    let line = (row - area.y - 1) as usize;
    match pane {
        Pane::List => {
            let target = app.list.offset + line;
            if target < app.rows.len() {
                let before = app.selected();
                let (len, h) = (app.rows.len(), app.areas.list_height());
                app.list.select(target, len, h);
                if app.selected() != before {
                    app.links = Cursor::default();
                    app.detail_scroll = 0;
                }
            }
        }
        Pane::Links => {
            if let Some(k) = super::ui::links::link_at_row(app, app.links.offset + line) {
                if k == app.links.selected {
                    follow_link(app);
                } else {
                    select_link(app, k);
                }
            }
        }
        Pane::Detail => {}
    }
}

impl LineEditor {
    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Inserts text at the cursor.
    pub fn insert(&mut self, s: &str) {
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, s);
        self.cursor += s.chars().count();
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        let at = self.byte_at(self.cursor - 1);
        self.text.remove(at);
        self.cursor -= 1;
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.text.chars().count() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    /// Deletes the word before the cursor, like readline's `Ctrl-w`.
    pub fn delete_word(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor;
        while start > 0 && chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !chars[start - 1].is_whitespace() {
            start -= 1;
        }
        let (a, b) = (self.byte_at(start), self.byte_at(self.cursor));
        self.text.replace_range(a..b, "");
        self.cursor = start;
    }

    /// Deletes everything before the cursor, like readline's `Ctrl-u`.
    pub fn clear_to_start(&mut self) {
        let b = self.byte_at(self.cursor);
        self.text.replace_range(..b, "");
        self.cursor = 0;
    }
}
