//! The search line: starting and leaving a search, editing it, walking earlier searches,
//! typing to search, and the listings the search worker sends back. `/` opens the line with
//! the previous query selected, as a browser's address bar does: typing replaces it, `→` or
//! `End` keeps it for editing, and `↑`/`↓` walk earlier searches while it is selected. Typing only marks the list as waiting when a worker runs the search
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

/// `/`: opens the search line with the previous query selected (typing replaces it).
pub fn open(app: &mut App) {
    start(app);
    app.list.search.select_all();
}

/// A printable key bound to nothing while browsing: a new search starting with it.
pub fn type_to_search(app: &mut App, text: &str) {
    start(app);
    app.list.search = LineEditor::default();
    edit_with(app, |e| e.insert(text));
}

/// `↑` (`older`) or `↓` on a selected query: the next older or newer earlier search, or,
/// once the query is being edited, a move in the list.
fn recall(app: &mut App, older: bool) {
    if !app.list.search.selected {
        return super::navigate::move_cursor(app, if older { -1 } else { 1 });
    }
    let searches = &app.saved.searches;
    let at = searches.iter().position(|q| *q == app.list.search.text);
    let next = match (at, older) {
        (None, true) => 0,
        (Some(k), true) => k + 1,
        (Some(k), false) if k > 0 => k - 1,
        _ => return,
    };
    let Some(query) = searches.get(next).cloned() else {
        app.status = Some("no earlier search".into());
        return;
    };
    edit_with(app, |e| *e = LineEditor::with_text(&query));
    app.list.search.select_all();
}

/// Leaving the search line: the query joins the earlier searches.
fn leave(app: &mut App) {
    let text = app.list.search.text.clone();
    app.saved.note_search(&text);
    app.list.search.selected = false;
}

/// Esc while browsing: out of the detail or links pane back to the list; in the list,
/// clear the search.
pub fn escape(app: &mut App) {
    if app.focus() != Pane::List {
        super::history::back_to_list(app);
    } else if !app.list.search.text.is_empty() {
        let keep = app.selected();
        app.list.search = LineEditor::default();
        app.refresh_rows(keep);
    } else {
        app.status = Some("Esc: nothing to close or clear (q quits)".into());
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
        Action::SearchOlder if matches!(app.mode, Mode::Search) => recall(app, true),
        Action::SearchNewer if matches!(app.mode, Mode::Search) => recall(app, false),
        Action::SearchOlder => super::navigate::move_cursor(app, -1),
        Action::SearchNewer => super::navigate::move_cursor(app, 1),
        Action::Escape => {
            leave(app);
            app.mode = Mode::Browse;
        }
        Action::Open => {
            leave(app);
            super::browse(app, Action::Open);
        }
        other => super::browse(app, other),
    }
}

/// Edits the search line (opening it if needed); a changed text ranks afresh.
fn edit_with(app: &mut App, f: impl FnOnce(&mut LineEditor)) {
    start(app);
    let before = app.list.search.text.clone();
    f(&mut app.list.search);
    if app.list.search.text != before {
        app.list.typed_in = Some(app.list.tab);
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
