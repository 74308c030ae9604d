//! History back and forward: returning to a recorded place, and the views that follow
//! (a view a place was left from comes back; the map follows the selection; other views give
//! way to the panes).

use super::map;
use crate::tui::state::{App, LineEditor, MapState, Mode, Pane, Snapshot};

/// Returns to a place recorded in history.
fn restore(app: &mut App, s: &Snapshot) {
    app.list.tab = s.tab;
    app.list.search = LineEditor::with_text(&s.query);
    if app.mode.typing_search() {
        app.mode = Mode::Browse;
    }
    app.refresh_rows(s.entity);
    if app.selected() == s.entity {
        // Same row: put the scroll position back exactly as it was.
        let cursor = &mut app.list.cursor;
        cursor.offset = s.list.offset.min(cursor.selected);
        let h = app.areas.list_height();
        app.list
            .cursor
            .select(app.list.cursor.selected, app.list.rows.len(), h);
    }
    app.set_focus(s.focus);
    app.panes.links = s.links;
    app.panes.detail_scroll = s.detail_scroll;
}

/// Esc or `h` out of the detail or links pane: back to the list. When the place before is
/// this same entity in the list (it was opened from there), that is a step back in
/// history, so Backspace does not come back here again.
pub fn back_to_list(app: &mut App) {
    let opened_here = app
        .history
        .back
        .last()
        .is_some_and(|s| s.focus == Pane::List && s.entity == app.selected());
    if opened_here {
        back(app);
    } else {
        app.set_focus(Pane::List);
    }
}

/// Back in history.
pub fn back(app: &mut App) {
    let Some(prev) = app.history.back.pop() else {
        app.status = Some("no earlier place in history".into());
        return;
    };
    let here = app.snapshot();
    app.history.forward.push(here);
    restore(app, &prev);
    after_history(app, prev.view);
}

/// Forward in history.
pub fn forward(app: &mut App) {
    let Some(next) = app.history.forward.pop() else {
        app.status = Some("no later place in history".into());
        return;
    };
    let here = app.snapshot();
    app.history.back.push(here);
    restore(app, &next);
    after_history(app, next.view);
}

/// After moving in history: a place left from a view (the ties table, timeline,
/// anniversaries, a path) returns to that view; the map follows the selection; other views
/// give way to the panes.
fn after_history(app: &mut App, view: Option<Box<Mode>>) {
    if let Some(view) = view {
        app.mode = *view;
    } else if let Mode::Map(MapState { viewport, .. }) = app.mode {
        map::open(app);
        map::keep_viewport(app, viewport);
    } else {
        app.mode = Mode::Browse;
    }
}
