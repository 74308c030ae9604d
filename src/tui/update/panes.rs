//! The panes as places on screen: focus, resizing, mouse clicks and the wheel, and the
//! overlays (help, problems) drawn over everything. Hit tests read the layout and the rows
//! model, the same ones the drawing uses.

use super::navigate::{follow_link, scroll_pane, select_link, select_row, show_tab};
use crate::tui::action::Action;
use crate::tui::state::cursor::scroll_by;
use crate::tui::state::{App, Areas, Mode, Overlay, OverlayState, Pane, rows};
use ratatui::layout::Position;

/// Focuses the next (`1`) or previous (`-1`) pane, round the end.
pub fn cycle(app: &mut App, dir: isize) {
    let at = Pane::ALL
        .iter()
        .position(|&p| p == app.focus())
        .unwrap_or(0) as isize;
    let next = (at + dir).rem_euclid(Pane::ALL.len() as isize) as usize;
    app.set_focus(Pane::ALL[next]);
}

/// Focuses the pane to the left (`-1`) or right (`1`) as the screen shows them: the list
/// is left of the detail and links panes (stacked on the right), so `h` from either goes to
/// the list and `l` from the list to the detail; one pane at a time (narrow), the order is
/// list, detail, links.
pub fn step(app: &mut App, dir: isize) {
    let next = match (app.focus(), dir < 0) {
        (Pane::List, true) => None,
        (_, true) => Some(Pane::List),
        (Pane::List, false) => Some(Pane::Detail),
        (Pane::Detail, false) if app.areas.narrow => Some(Pane::Links),
        (_, false) => None,
    };
    match next {
        Some(Pane::List) => super::history::back_to_list(app),
        Some(pane) => app.set_focus(pane),
        None => {
            let side = if dir < 0 { "left" } else { "right" };
            app.status = Some(format!("no pane further {side} (Tab cycles the panes)"));
        }
    }
}

/// The terminal changed size: lay out again and keep the cursors in view.
pub fn resize(app: &mut App, w: u16, h: u16) {
    app.areas = Areas::compute(w, h, app.focus());
    select_row(app, app.list.cursor.selected);
    select_link(app, app.panes.links.selected);
    scroll_pane(app, Pane::Detail, 0);
    if let Mode::Overlay(o) = &app.mode {
        let which = o.which;
        scroll_overlay(app, which, 0);
    }
}

/// A click: on a pane, focus it and select the row; on the search line, search; on a tab,
/// show it. A click on the row already selected (the second click of a double click) opens
/// it, in the list as in the links: the update has no clock, so a double click is two
/// clicks on one row.
pub fn click(app: &mut App, col: u16, row: u16) {
    let at = Position::new(col, row);
    let Some(pane) = app.areas.pane_at(col, row) else {
        if app.areas.search.contains(at) {
            super::search::start(app);
        } else if app.areas.tabs.contains(at)
            && let Some(tab) = rows::tab_at(&app.tab_labels(), col - app.areas.tabs.x)
        {
            show_tab(app, tab);
        }
        return;
    };
    if app.mode.typing_search() {
        app.mode = Mode::Browse;
    }
    // Only a click in the focused pane can open: the first click into a pane selects.
    let focused = app.focus() == pane;
    app.set_focus(pane);
    let area = app.areas.pane(pane);
    if row <= area.y || row + 1 >= area.y + area.height {
        return;
    }
    let line = (row - area.y - 1) as usize;
    match pane {
        Pane::List => {
            let target = app.list.cursor.offset + line;
            if focused && target == app.list.cursor.selected && target < app.list.rows.len() {
                // A second click on the selected row (a double click) opens it.
                super::navigate::open(app);
            } else if target < app.list.rows.len() {
                select_row(app, target);
            }
        }
        Pane::Links => {
            let link_rows = app.link_rows();
            if let Some(k) = rows::link_at_row(&link_rows, app.panes.links.offset + line) {
                if focused && k == app.panes.links.selected {
                    follow_link(app);
                } else {
                    select_link(app, k);
                }
            }
        }
        Pane::Detail => {}
    }
}

/// The wheel over a pane scrolls it by three rows.
pub fn wheel(app: &mut App, col: u16, row: u16, delta: i8) {
    if let Some(pane) = app.areas.pane_at(col, row) {
        scroll_pane(app, pane, delta as isize * 3);
    }
}

/// Opens an overlay over whatever is showing.
pub fn open_overlay(app: &mut App, which: Overlay) {
    let under = std::mem::take(&mut app.mode);
    app.mode = Mode::Overlay(Box::new(OverlayState {
        which,
        scroll: 0,
        under,
        filter: Default::default(),
        typing: false,
    }));
}

/// Closes the overlay: what it covered comes back.
fn close_overlay(app: &mut App) {
    if let Mode::Overlay(o) = std::mem::take(&mut app.mode) {
        app.mode = o.under;
    }
}

/// Scrolls the overlay by `delta` rows, never past its last row.
fn scroll_overlay(app: &mut App, which: Overlay, delta: isize) {
    let len = app.overlay_rows(which).len();
    let h = app.areas.overlay().height.saturating_sub(2) as usize;
    if let Mode::Overlay(o) = &mut app.mode {
        o.scroll = scroll_by(o.scroll, delta, len, h);
    }
}

/// Applies an action while an overlay is open.
pub fn overlay(app: &mut App, action: Action) {
    let Mode::Overlay(o) = &app.mode else { return };
    let which = o.which;
    let page = app.areas.overlay().height.saturating_sub(2).max(1) as isize;
    match action {
        Action::Quit => app.quit = true,
        Action::Escape | Action::ToggleHelp | Action::ToggleProblems => close_overlay(app),
        Action::Up => scroll_overlay(app, which, -1),
        Action::Down => scroll_overlay(app, which, 1),
        Action::PageUp | Action::HalfPageUp => scroll_overlay(app, which, -page),
        Action::PageDown | Action::HalfPageDown => scroll_overlay(app, which, page),
        Action::Top => scroll_overlay(app, which, isize::MIN / 2),
        Action::Bottom => scroll_overlay(app, which, isize::MAX / 2),
        Action::Scroll(_, _, d) => scroll_overlay(app, which, d as isize * 3),
        _ => {}
    }
}
