//! Taking a reloaded version of the data: the selection, history and cursors follow the
//! entities by id. A version with more errors than the one on screen (a file that held
//! entities and now holds none counts as one) is not taken; its problems are listed under
//! `!` instead. The config's problems stay whatever happens.

use crate::dataset::{Location, Problem, Severity};
use crate::network::Network;
use crate::tui::action::Loaded;
use crate::tui::state::{App, Mode};
use std::collections::HashMap;
use std::sync::Arc;

/// A one-line summary of what changed between two versions of the data:
/// `+2 organizations, -1 city, ~1 event, 1 problem`.
pub fn reload_summary(old: &Network, new: &Network) -> String {
    use crate::model::Kind;
    let mut parts = Vec::new();
    for kind in Kind::ALL {
        let (mut added, mut removed, mut changed) = (0, 0, 0);
        for e in new.data.entities().iter().filter(|e| e.kind() == kind) {
            match old.data.get(e.id()) {
                None => added += 1,
                Some(o) if o != e => changed += 1,
                Some(_) => {}
            }
        }
        for e in old.data.entities().iter().filter(|e| e.kind() == kind) {
            if new.data.get(e.id()).is_none_or(|n| n.kind() != kind) {
                removed += 1;
            }
        }
        let noun = |n: usize| {
            if n == 1 {
                kind.as_str().replace('_', "-")
            } else {
                kind.plural().to_lowercase()
            }
        };
        for (sign, n) in [("+", added), ("-", removed), ("~", changed)] {
            if n > 0 {
                parts.push(format!("{sign}{n} {}", noun(n)));
            }
        }
    }
    if parts.is_empty() {
        parts.push("no change".into());
    }
    let problems = new.data.problems.len();
    if problems > 0 {
        parts.push(format!(
            "{problems} problem{}",
            if problems == 1 { "" } else { "s" }
        ));
    }
    parts.join(", ")
}

/// Takes a freshly loaded version of the data: keeps the selection and history where the
/// entities still exist. A version the files changed into is taken when it has no more
/// errors than the one on screen (so data with a known error still follows its edits);
/// one with more is not taken: the data on screen stays and the new problems are listed.
/// A version the user asked for (`r`) is always taken and shown.
pub fn reloaded(app: &mut App, loaded: Loaded) {
    let new = loaded.net;
    let emptied = emptied_files(&app.net, &new);
    let errors = new.data.problem_count(Severity::Error) + emptied.len();
    let shown = app.net.data.problem_count(Severity::Error);
    if errors > shown && !loaded.asked {
        let mut problems = emptied;
        problems.extend(new.data.problems.iter().cloned());
        let n = problems.len();
        app.status = Some(format!(
            "reload: the files now have {errors} error{} ({shown} before); keeping the data shown ({n} problem{} listed with !, r loads them anyway)",
            plural(errors),
            plural(n)
        ));
        app.problems.rejected = problems;
        return;
    }
    let summary = reload_summary(&app.net, &new);
    let old = std::mem::replace(&mut app.net, new);
    let net = Arc::clone(&app.net);
    let remap = |i: Option<usize>| -> Option<usize> {
        i.and_then(|i| net.data.index_of(old.data.entity(i).id()))
    };
    let keep = remap(app.selected());
    for s in app.history.all_mut() {
        s.entity = remap(s.entity);
        // A view names entities by index, like the mode below: history keeps the place only.
        s.view = None;
    }
    app.problems.rejected.clear();
    // Views and prompts name entities by index: they give way to the panes.
    match &mut app.mode {
        Mode::Overlay(o) => o.under = Mode::Browse,
        Mode::Search => {}
        m => *m = Mode::Browse,
    }
    let links = app.panes.links;
    app.refresh_rows(keep);
    if app.selected() == keep {
        app.panes.links = links;
        let k = links.selected.min(app.link_count().saturating_sub(1));
        super::navigate::select_link(app, k);
    }
    app.status = Some(format!("reloaded: {summary}"));
}

/// The files that held entities in the data shown and hold none in the new version (cut
/// to nothing, or removed): each is a problem, never a silent deletion.
fn emptied_files(old: &Network, new: &Network) -> Vec<Problem> {
    let per_file = |net: &Network| {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for i in 0..net.data.len() {
            *counts.entry(net.data.origin(i).path).or_default() += 1;
        }
        counts
    };
    let now = per_file(new);
    let mut gone: Vec<(String, usize)> = per_file(old)
        .into_iter()
        .filter(|(path, _)| !now.contains_key(path))
        .collect();
    gone.sort();
    gone.into_iter()
        .map(|(path, n)| {
            let at = Location {
                path,
                line: 0,
                col: 0,
            };
            Problem::error(
                at,
                format!(
                    "the file now holds no entity (it held {n}); the data shown keeps them (r loads the files as they are)"
                ),
            )
        })
        .collect()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
