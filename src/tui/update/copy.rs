//! Copying part of the selection's card (`y`, then what): the plain text goes to the
//! clipboard as an [`Effect`]; never a control character from the data. `y c` copies the
//! contact card, or for an agreement, event or tie its summary ([`crate::summary`]).

use crate::card::Card;
use crate::tui::action::{Action, CopyWhat};
use crate::tui::state::{App, Effect, Mode};

/// `y`: waits for the key that says what to copy.
pub fn start(app: &mut App) {
    if app.selected().is_some() {
        app.mode = Mode::Copy;
    } else {
        app.status = Some("nothing selected to copy from".into());
    }
}

/// Applies an action after `y`: a copy, or anything else cancels.
pub fn update(app: &mut App, action: Action) {
    app.mode = Mode::Browse;
    match action {
        Action::Copy(what) => copy(app, what),
        Action::Quit => super::browse(app, Action::Quit),
        _ => app.status = Some("copy cancelled".into()),
    }
}

/// Removes control characters: what is copied is the plain data, never a terminal command.
pub fn plain(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\n' || !crate::text::is_unsafe(c, true))
        .collect()
}

/// Copies part of the selection's card.
pub fn copy(app: &mut App, what: CopyWhat) {
    app.mode = Mode::Browse;
    let Some(i) = app.selected() else { return };
    let card = Card::with_graph(&app.net.data, &app.net.graph, i);
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
        // An agreement, event or tie: what a person pastes into a note, not only its name.
        CopyWhat::Card if let Some(text) = crate::summary::summary(&app.net.data, i) => {
            ("summary", text)
        }
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
