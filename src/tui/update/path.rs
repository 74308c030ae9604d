//! "How are they connected": choosing the second entity with the search line, the chains
//! between the two, and stepping through them.

use super::navigate::go_to;
use crate::tui::action::Action;
use crate::tui::state::{App, LineEditor, Mode, Pane, PathPick, PathState};

/// How many alternative chains the path view offers.
pub const MAX_PATHS: usize = 5;

/// Starts choosing the second entity of a path with the search line.
pub fn start(app: &mut App) {
    let Some(from) = app.selected() else {
        app.status = Some("select an entity first".into());
        return;
    };
    let saved_query = std::mem::take(&mut app.list.search).text;
    app.mode = Mode::PickPath(PathPick { from, saved_query });
    app.set_focus(Pane::List);
    app.refresh_rows(None);
}

/// Puts the search back as it was before choosing.
fn put_back(app: &mut App) -> Option<PathPick> {
    let Mode::PickPath(pick) = std::mem::take(&mut app.mode) else {
        return None;
    };
    app.list.search = LineEditor::with_text(&pick.saved_query);
    Some(pick)
}

/// Finishes choosing: computes the chains and opens the path view.
pub fn finish(app: &mut App) {
    let to = app.selected();
    let Some(pick) = put_back(app) else { return };
    app.refresh_rows(Some(pick.from));
    let Some(to) = to else { return };
    let paths = app.net.graph.k_shortest_paths(pick.from, to, MAX_PATHS);
    app.mode = Mode::Path(PathState {
        from: pick.from,
        to,
        paths,
        alt: 0,
        step: 0,
    });
}

/// Cancels choosing the second entity of a path.
pub fn cancel(app: &mut App) {
    if let Some(pick) = put_back(app) {
        app.refresh_rows(Some(pick.from));
        app.status = Some("path cancelled".into());
    }
}

/// Opens an entity from a view: back to the panes with it selected, recorded in history.
pub fn open_entity(app: &mut App, target: usize) {
    let here = app.snapshot();
    app.history.leave(here);
    app.mode = Mode::Browse;
    go_to(app, target);
    super::navigate::select_link(app, 0);
}

/// Applies an action in the path view.
pub fn update(app: &mut App, action: Action) {
    let Mode::Path(p) = &mut app.mode else { return };
    match action {
        Action::Escape => app.mode = Mode::Browse,
        Action::Down => p.step = (p.step + 1).min(p.nodes().len().saturating_sub(1)),
        Action::Up => p.step = p.step.saturating_sub(1),
        Action::NextAlternative | Action::PrevAlternative => {
            let n = p.paths.len();
            if n > 1 {
                p.alt = if action == Action::NextAlternative {
                    (p.alt + 1) % n
                } else {
                    (p.alt + n - 1) % n
                };
                p.step = p.step.min(p.nodes().len().saturating_sub(1));
            } else {
                app.status = Some("there is no other chain".into());
            }
        }
        Action::Open => {
            if let Some(&t) = p.nodes().get(p.step) {
                open_entity(app, t as usize);
            }
        }
        other => super::browse(app, other),
    }
}
