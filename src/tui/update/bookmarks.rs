//! Bookmarks, recently opened entities and the place the browser was left: the user's own
//! lists, kept in the saved state. Saving is an [`Effect`]; its outcome comes back later.

use crate::tui::saved::LastPlace;
use crate::tui::state::{App, Effect, LineEditor, Tab};

/// Bookmarks the selection, or removes its bookmark, and saves. In the Bookmarks tab a
/// removed bookmark keeps its row (shown as removed) until the list is listed again, so
/// the cursor stays in place and `b` again puts it back rather than removing the next one.
pub fn toggle_bookmark(app: &mut App) {
    let Some(i) = app.selected() else {
        app.status = Some("nothing selected to bookmark".into());
        return;
    };
    let id = app.net.data.entity(i).id().to_string();
    if app.list.removed.as_ref().is_some_and(|(r, _)| *r == id) {
        // The bookmark just removed: put it back where it stood.
        return undo(app);
    }
    let name = app.net.data.display_name(i);
    let at = app.saved.bookmarks.iter().position(|b| *b == id);
    let on = app.saved.toggle_bookmark(&id);
    app.status = Some(if on {
        format!("bookmarked {name}")
    } else {
        app.list.removed = at.map(|at| (id.clone(), at));
        format!("removed the bookmark of {name} (u puts it back)")
    });
    app.effects.push(Effect::SaveState);
    app.recount_personal();
    if app.list.tab == Tab::Bookmarks && on && !app.list.rows.contains(&(i as u32)) {
        app.refresh_rows(Some(i));
    }
}

/// `u`: puts back the last bookmark removed, where it stood.
pub fn undo(app: &mut App) {
    let Some((id, at)) = app.list.removed.take() else {
        app.status = Some("u: no bookmark removed to put back".into());
        return;
    };
    if !app.saved.restore_bookmark(&id, at) {
        return;
    }
    app.effects.push(Effect::SaveState);
    app.recount_personal();
    let name = app
        .net
        .data
        .index_of(&id)
        .map_or_else(|| id.clone(), |i| app.net.data.display_name(i));
    app.status = Some(format!("put back the bookmark of {name}"));
    if app.list.tab == Tab::Bookmarks {
        let keep = app.selected();
        let cursor = app.list.cursor;
        app.refresh_rows(keep);
        if app.selected() == keep {
            app.list.cursor = cursor;
        }
    }
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

/// Puts the browser back where it was left; on a first run, on the hub (the entity with
/// the most links: in the built-in data, Shanghai), rather than the alphabetically first.
pub fn restore_place(app: &mut App) {
    let Some(last) = app.saved.last.clone() else {
        return start_on_hub(app);
    };
    app.list.tab = Tab::from_index(last.tab).unwrap_or_default();
    app.list.search = LineEditor::with_text(&last.query);
    // A restored search was not typed in any tab: Bookmarks and Recent stay whole.
    app.list.typed_in = None;
    let keep = last
        .entity
        .as_deref()
        .and_then(|id| app.net.data.index_of(id));
    app.refresh_rows(keep);
}

/// Selects the entity with the most links (the first of them in list order), its
/// neighbours in view, if the list shows it.
pub fn start_on_hub(app: &mut App) {
    let graph = &app.net.graph;
    let hub = app
        .list
        .rows
        .iter()
        .enumerate()
        .max_by_key(|&(row, &e)| (graph.links(e as usize).len(), std::cmp::Reverse(row)))
        .map(|(row, _)| row);
    if let Some(row) = hub {
        let h = app.areas.list_height();
        app.list.cursor.offset = row.saturating_sub(h / 2);
        super::navigate::select_row(app, row);
    }
}
