//! The search line: starting and leaving a search, editing it, and the listings the search
//! worker sends back. Typing only marks the list as waiting when a worker runs the search
//! (see `tui::worker`); the listing arrives later as [`Action::Listed`].

use super::path;
use crate::tui::action::{Action, Listed};
use crate::tui::state::listing::Listing;
use crate::tui::state::{App, LineEditor, Mode, Pane};
use std::sync::Arc;

/// Focuses the search line.
pub fn start(app: &mut App) {
    if !app.mode.typing_search() {
        app.mode = Mode::Search;
    }
    app.set_focus(Pane::List);
}

/// Esc while browsing: clear the search, else go back to the list.
pub fn escape(app: &mut App) {
    if !app.list.search.text.is_empty() {
        let keep = app.selected();
        app.list.search = LineEditor::default();
        app.refresh_rows(keep);
    } else if app.focus() != Pane::List {
        app.set_focus(Pane::List);
    }
}

/// Applies an action while the search line has the keys.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::SearchInsert(c) => edit_with(app, |e| e.insert(&c.to_string())),
        Action::Paste(text) => edit_with(app, |e| e.insert(&text)),
        Action::SearchBackspace => edit_with(app, LineEditor::backspace),
        Action::SearchDelete => edit_with(app, LineEditor::delete),
        Action::SearchDeleteWord => edit_with(app, LineEditor::delete_word),
        Action::SearchClearToStart => edit_with(app, LineEditor::clear_to_start),
        Action::SearchHome => app.list.search.home(),
        Action::SearchEnd => app.list.search.end(),
        Action::SearchLeft => app.list.search.left(),
        Action::SearchRight => app.list.search.right(),
        Action::Open if matches!(app.mode, Mode::PickPath(_)) => path::finish(app),
        Action::Escape if matches!(app.mode, Mode::PickPath(_)) => path::cancel(app),
        Action::Escape => app.mode = Mode::Browse,
        other => super::browse(app, other),
    }
}

/// Edits the search line (opening it if needed); a changed text ranks afresh.
fn edit_with(app: &mut App, f: impl FnOnce(&mut LineEditor)) {
    start(app);
    let before = app.list.search.text.clone();
    f(&mut app.list.search);
    if app.list.search.text != before {
        app.search_edited();
    }
}

/// The event loop says whether typed searches run on a worker. Without one any search
/// waiting for it runs here.
pub fn in_background(app: &mut App, on: bool) {
    app.list.job.background = on;
    if !on && app.list.job.pending.take().is_some() {
        app.refresh_rows(None);
    }
}

/// The worker's listing for a search: shown if it is for the latest search on this data.
pub fn listed(app: &mut App, listed: Listed) {
    if app.list.job.pending != Some(listed.generation) {
        return;
    }
    app.list.job.pending = None;
    if Arc::ptr_eq(&listed.net, &app.net) {
        let listing = Listing {
            rows: listed.rows,
            counts: listed.counts,
        };
        app.show_listing(listing, None);
    } else {
        // The data was reloaded meanwhile: its rows mean other entities now.
        app.refresh_rows(None);
    }
}
