//! Updating for daily use: bookmarks, recents, copying, exporting a card, reloading.
//! Pure like [`super::update`]: anything that needs I/O is queued as an [`Effect`].

use super::action::{Action, CopyWhat};
use super::state::{App, Effect, LineEditor, Prompt, TABS, Tab};
use crate::card::Card;
use crate::network::Network;
use std::sync::Arc;

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
    if TABS[app.tab] == Tab::Bookmarks {
        app.refresh_rows(Some(i));
    } else {
        app.tab_counts[6] = app.saved.bookmarks.len();
    }
}

/// Records the entity at `i` as just opened.
pub fn note_recent(app: &mut App, i: usize) {
    let id = app.net.data.entity(i).id().to_string();
    app.saved.note_recent(&id);
}

/// Remembers where the browser is, for the next start.
pub fn remember_place(app: &mut App) {
    app.saved.last = Some(crate::tui::saved::LastPlace {
        entity: app
            .selected()
            .map(|i| app.net.data.entity(i).id().to_string()),
        tab: app.tab,
        query: app.search.text.clone(),
    });
    app.effects.push(Effect::SaveState);
}

/// Puts the browser back where it was left.
pub fn restore_place(app: &mut App) {
    let Some(last) = app.saved.last.clone() else {
        return;
    };
    app.tab = last.tab.min(TABS.len() - 1);
    app.search = LineEditor {
        cursor: last.query.chars().count(),
        text: last.query,
    };
    let keep = last
        .entity
        .as_deref()
        .and_then(|id| app.net.data.index_of(id));
    app.refresh_rows(keep);
}

/// Removes control characters: what is copied is the plain data, never a terminal command.
pub fn plain(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\n' || !crate::text::is_unsafe(c, true))
        .collect()
}

/// Copies part of the selection's card.
pub fn copy(app: &mut App, what: CopyWhat) {
    app.copying = false;
    let Some(i) = app.selected() else { return };
    let card = Card::new(&app.net.data, i);
    let values = |label: &str| -> Vec<String> {
        card.contact
            .iter()
            .filter(|f| f.label == label)
            .map(|f| f.value.clone())
            .collect()
    };
    let (label, text) = match what {
        CopyWhat::Address => ("address", values("Address").join("\n")),
        CopyWhat::Phone => ("phone number", values("Phone").join("\n")),
        CopyWhat::Email => ("e-mail address", values("Email").join("\n")),
        CopyWhat::Id => ("id", card.id.clone()),
        CopyWhat::Card => {
            let mut lines = vec![card.name.clone()];
            lines.extend(card.native_name.clone());
            lines.extend(
                card.contact
                    .iter()
                    .map(|f| format!("{}: {}", f.label, f.value)),
            );
            ("contact card", lines.join("\n"))
        }
    };
    let name = app.net.data.display_name(i);
    if text.trim().is_empty() {
        app.status = Some(format!("{name} has no {label} in the data"));
        return;
    }
    app.effects.push(Effect::Copy {
        label: format!("{label} of {name}"),
        text: plain(&text),
    });
}

/// Asks for a file name to export the selection's card to.
pub fn start_export(app: &mut App) {
    let Some(i) = app.selected() else { return };
    let kind = app.net.data.entity(i).kind();
    if !matches!(
        kind,
        crate::model::Kind::Organization | crate::model::Kind::Person
    ) {
        app.status = Some("vCard export is for organizations and people".into());
        return;
    }
    let default = format!("{}.vcf", app.net.data.entity(i).id());
    app.prompt = Some(Prompt {
        label: "export vCard to: ".into(),
        editor: LineEditor {
            cursor: default.chars().count(),
            text: default,
        },
        entity: i,
    });
}

/// Applies an action while a prompt is open; returns false when the action is not for it.
pub fn prompt_update(app: &mut App, action: &Action) -> bool {
    let Some(prompt) = app.prompt.as_mut() else {
        return false;
    };
    let ed = &mut prompt.editor;
    match action {
        Action::SearchInsert(c) => ed.insert(&c.to_string()),
        Action::Paste(t) => ed.insert(&plain(t).replace('\n', " ")),
        Action::SearchBackspace => ed.backspace(),
        Action::SearchDelete => ed.delete(),
        Action::SearchDeleteWord => ed.delete_word(),
        Action::SearchClearToStart => ed.clear_to_start(),
        Action::SearchHome => ed.cursor = 0,
        Action::SearchEnd => ed.cursor = ed.text.chars().count(),
        Action::SearchLeft => ed.cursor = ed.cursor.saturating_sub(1),
        Action::SearchRight => ed.cursor = (ed.cursor + 1).min(ed.text.chars().count()),
        Action::Escape => {
            app.prompt = None;
            app.status = Some("export cancelled".into());
        }
        Action::Open => {
            let prompt = app.prompt.take();
            if let Some(p) = prompt.filter(|p| !p.editor.text.trim().is_empty()) {
                match crate::export::vcard::card(&app.net, p.entity) {
                    Some(text) => app.effects.push(Effect::WriteFile {
                        path: p.editor.text.trim().to_string(),
                        text,
                    }),
                    None => app.status = Some("this entity has no vCard form".into()),
                }
            }
        }
        Action::Quit => app.quit = true,
        _ => return false,
    }
    true
}

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
/// entities still exist. A version with errors is not taken: the last good data stays on
/// screen and the new problems are listed.
pub fn reloaded(app: &mut App, new: Network) {
    let errors = new.data.problem_count(crate::dataset::Severity::Error);
    if errors > 0 {
        let n = new.data.problems.len();
        app.status = Some(format!(
            "reload: the files now have {errors} error{}; keeping the last good data ({n} problem{} listed with !)",
            if errors == 1 { "" } else { "s" },
            if n == 1 { "" } else { "s" }
        ));
        app.rejected_problems = new.data.problems;
        return;
    }
    let summary = reload_summary(&app.net, &new);
    let old = Arc::clone(&app.net);
    let remap = |i: Option<usize>| -> Option<usize> {
        i.and_then(|i| new.data.index_of(old.data.entity(i).id()))
    };
    let keep = remap(app.selected());
    for s in app
        .history
        .back
        .iter_mut()
        .chain(app.history.forward.iter_mut())
    {
        s.entity = remap(s.entity);
    }
    app.net = Arc::new(new);
    app.rejected_problems.clear();
    app.view = super::state::View::Main;
    app.path_pick = None;
    let links = app.links;
    app.refresh_rows(keep);
    if app.selected() == keep {
        app.links = links;
        let k = app.links.selected.min(app.link_count().saturating_sub(1));
        super::update::select_link(app, k);
    }
    app.status = Some(format!("reloaded: {summary}"));
}
