//! Bookmarks, recently opened entities and the place the browser was left: the user's own
//! lists, kept in the saved state. Saving is an [`Effect`]; its outcome comes back later.

use crate::tui::saved::LastPlace;
use crate::tui::state::{App, Effect, LineEditor, Tab};

/// Bookmarks the selection, or removes its bookmark, and saves.
pub fn toggle_bookmark(app: &mut App) {
    let Some(i) = app.selected() else { return };
    let id = app.net.data.entity(i).id().to_string();
    let name = app.net.data.display_name(i);
    let on = app.saved.toggle_bookmark(&id);
    app.status = Some(if on {
        format!("bookmarked {name}")
    } else {
        format!("removed the bookmark of {name}")
    });
    app.effects.push(Effect::SaveState);
    if app.list.tab == Tab::Bookmarks {
        app.refresh_rows(Some(i));
    } else {
        app.list.counts[Tab::Bookmarks.index()] = app.saved.bookmarks.len();
    }
}

/// Records the entity at `i` as just opened.
pub fn note_recent(app: &mut App, i: usize) {
    let id = app.net.data.entity(i).id().to_string();
    app.saved.note_recent(&id);
}

/// Remembers where the browser is, for the next start.
pub fn remember_place(app: &mut App) {
    app.saved.last = Some(LastPlace {
        entity: app
            .selected()
            .map(|i| app.net.data.entity(i).id().to_string()),
        tab: app.list.tab.index(),
        query: app.list.search.text.clone(),
    });
    app.effects.push(Effect::SaveState);
}

/// Puts the browser back where it was left.
pub fn restore_place(app: &mut App) {
    let Some(last) = app.saved.last.clone() else {
        return;
    };
    app.list.tab = Tab::from_index(last.tab).unwrap_or_default();
    app.list.search = LineEditor::with_text(&last.query);
    let keep = last
        .entity
        .as_deref()
        .and_then(|id| app.net.data.index_of(id));
    app.refresh_rows(keep);
}
