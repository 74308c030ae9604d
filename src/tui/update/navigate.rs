//! Moving through the list, the detail and the links: cursors, pages, opening and following
//! links, going to an entity, and tabs. Reads the rows model for
//! every geometry (page heights, link rows, the card's wrapped length).

use crate::tui::state::cursor::scroll_by;
use crate::tui::state::{App, Cursor, LineEditor, Mode, Pane, Tab, rows};

/// Rows of the focused pane: what a page moves.
pub fn page(app: &App) -> usize {
    app.areas.inner_height(app.focus()).max(1)
}

/// Moves the cursor of the focused pane (the list while typing a search).
pub fn move_cursor(app: &mut App, delta: isize) {
    let pane = if app.mode.typing_search() {
        Pane::List
    } else {
        app.focus()
    };
    scroll_pane(app, pane, delta);
}

/// Moves a pane's cursor or scroll by `delta` rows.
pub fn scroll_pane(app: &mut App, pane: Pane, delta: isize) {
    match pane {
        Pane::List => {
            let row = (app.list.cursor.selected as isize).saturating_add(delta);
            select_row(app, row.max(0) as usize);
        }
        Pane::Detail => {
            let len = app.detail_rows().len();
            let h = app.areas.inner_height(Pane::Detail);
            app.panes.detail_scroll = scroll_by(app.panes.detail_scroll, delta, len, h);
        }
        Pane::Links => {
            let last = app.link_count().saturating_sub(1) as isize;
            let target = (app.panes.links.selected as isize).saturating_add(delta);
            select_link(app, target.clamp(0, last.max(0)) as usize);
        }
    }
}

/// Selects a list row; a new selection starts its detail and links at the top.
pub fn select_row(app: &mut App, row: usize) {
    let before = app.selected();
    let (len, h) = (app.list.rows.len(), app.areas.list_height());
    app.list.cursor.select(row, len, h);
    if app.selected() != before {
        app.panes.links = Cursor::default();
        app.panes.detail_scroll = 0;
    }
}

/// Selects the `k`-th link, keeping it (and, at the top, its heading) visible.
pub fn select_link(app: &mut App, k: usize) {
    let link_rows = app.link_rows();
    let k = k.min(app.link_count().saturating_sub(1));
    let row = rows::row_of_link(&link_rows, k);
    let h = app.areas.links_height().max(1);
    let links = &mut app.panes.links;
    links.selected = k;
    // The heading of the first link of a group shows with it.
    let heading = if row > 0
        && link_rows
            .get(row - 1)
            .is_some_and(|r| matches!(r, rows::LinkRow::Heading(..)))
    {
        row - 1
    } else {
        row
    };
    if heading < links.offset {
        links.offset = heading;
    } else if row >= links.offset + h {
        links.offset = row + 1 - h;
    }
    links.offset = links.offset.min(link_rows.len().saturating_sub(h));
}

/// Enter: from the list or detail, to the selection's links (the list stays one
/// Backspace away, as a browser keeps the results page); in the links, follow one.
pub fn open(app: &mut App) {
    app.mode = Mode::Browse;
    match app.focus() {
        Pane::List | Pane::Detail => {
            let Some(i) = app.selected() else {
                app.status = Some("nothing selected to open".into());
                return;
            };
            note_recent(app, i);
            let here = app.snapshot();
            app.history.leave(here);
            if app.link_count() > 0 {
                app.set_focus(Pane::Links);
                select_link(app, app.panes.links.selected);
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
    let Some(link) = app.net.graph.links(i).get(app.panes.links.selected) else {
        return;
    };
    let target = link.target as usize;
    let here = app.snapshot();
    app.history.leave(here);
    go_to(app, target);
    app.set_focus(Pane::Links);
}

/// Shows an entity in the list: keeps the tab and search if they list it, else widens them.
pub fn go_to(app: &mut App, target: usize) {
    note_recent(app, target);
    let kind = app.net.data.entity(target).kind();
    if !app.list.tab.admits(kind) || app.list.tab.is_personal() {
        app.list.tab = Tab::All;
    }
    app.refresh_rows(Some(target));
    if app.selected() != Some(target) {
        app.list.search = LineEditor::default();
        app.refresh_rows(Some(target));
    }
    if app.selected() != Some(target) {
        app.list.tab = Tab::All;
        app.refresh_rows(Some(target));
    }
    let (row, len, h) = (
        app.list.cursor.selected,
        app.list.rows.len(),
        app.areas.list_height(),
    );
    // Centre the target in the list so its neighbours show.
    app.list.cursor.offset = row.saturating_sub(h / 2);
    app.list.cursor.select(row, len, h);
}

/// Shows the tab at a position.
pub fn show_tab_at(app: &mut App, index: usize) {
    if let Some(tab) = Tab::from_index(index) {
        show_tab(app, tab);
    }
}

/// Shows the next (`1`) or previous (`-1`) tab.
pub fn next_tab(app: &mut App, dir: isize) {
    let n = Tab::ALL.len() as isize;
    let at = (app.list.tab.index() as isize + dir).rem_euclid(n);
    show_tab_at(app, at as usize);
}

/// Shows a tab, keeping the selection if the tab lists it.
pub fn show_tab(app: &mut App, tab: Tab) {
    let keep = app.selected();
    app.list.tab = tab;
    app.refresh_rows(keep);
}

/// Records the entity at `i` as just opened.
fn note_recent(app: &mut App, i: usize) {
    let id = app.net.data.entity(i).id().to_string();
    app.saved.note_recent(&id);
    app.recount_personal();
}
