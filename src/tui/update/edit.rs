//! Editing in place (`e`): asks the surroundings to open the selection's file at its line
//! in the user's editor ([`Effect::Edit`]; the terminal is lent to the editor and the data
//! reloaded after, so the change shows). On the built-in dataset, which cannot be edited,
//! the answer comes back as [`Action::EditBuiltIn`]: the status explains `liaison init` and
//! a yes/no question on the prompt line offers to run it ([`Effect::InitAndEdit`]), showing
//! the folder it copies to. Pure: where the file is, which editor runs and the copying are
//! the surroundings' business ([`crate::edit`], [`crate::tui::effects`]).

use crate::tui::action::{Action, EditTarget};
use crate::tui::state::{App, Effect, LineEditor, Mode, Question};
use std::path::PathBuf;

/// `e`: edit the selection in the user's editor.
pub fn start(app: &mut App) {
    let Some(entity) = app.selected() else {
        app.status = Some("nothing selected to edit".into());
        return;
    };
    app.effects.push(Effect::Edit(EditTarget {
        net: app.net.clone(),
        entity,
    }));
}

/// The entity is in the built-in dataset: explain, and offer to copy it with `liaison init`
/// into `dir` (without a data directory, only explain).
pub fn offer_init(app: &mut App, entity: usize, dir: Option<PathBuf>) {
    let why = crate::edit::EditError::BuiltIn { dir: dir.clone() };
    app.status = Some(why.to_string());
    let Some(place) = dir else { return };
    app.mode = Mode::Ask(Question {
        label: " copy the built-in data with `liaison init` to edit it? [y/N] ".into(),
        answer: LineEditor::default(),
        entity,
        place,
    });
}

/// Applies an action while the yes/no question is open: letters type the answer, Enter
/// confirms it (anything but `y` or `yes` is no), Esc says no.
pub fn answer(app: &mut App, action: Action) {
    let Mode::Ask(q) = &mut app.mode else {
        return;
    };
    match action {
        Action::SearchInsert(c) => q.answer.insert(&c.to_string()),
        Action::Paste(text) => q.answer.insert(&text),
        Action::SearchBackspace => q.answer.backspace(),
        Action::SearchClearToStart => q.answer.clear_to_start(),
        Action::Open => {
            let (yes, entity) = (q.yes(), q.entity);
            app.mode = Mode::Browse;
            if yes {
                app.status = Some("copying the built-in data…".into());
                app.effects.push(Effect::InitAndEdit(EditTarget {
                    net: app.net.clone(),
                    entity,
                }));
            } else {
                app.status = Some("not copied: the built-in data stays read-only".into());
            }
        }
        Action::Escape => {
            app.mode = Mode::Browse;
            app.status = Some("not copied: the built-in data stays read-only".into());
        }
        Action::Quit => app.quit = true,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::DataChoice;
    use crate::network::Network;
    use crate::tui::update::update;
    use std::sync::Arc;

    fn app() -> App {
        App::new(Arc::new(Network::load(&DataChoice::Builtin)), 120, 35)
    }

    #[test]
    fn e_asks_the_surroundings_to_edit_the_selection() {
        let mut app = app();
        let selected = app.selected().expect("a selection");
        update(&mut app, Action::Edit);
        assert_eq!(
            app.effects,
            [Effect::Edit(EditTarget {
                net: app.net.clone(),
                entity: selected
            })]
        );
    }

    #[test]
    fn the_built_in_data_offers_init_and_only_yes_copies_it() {
        let mut app = app();
        let dir = PathBuf::from("/home/u/.local/share/liaison");
        update(
            &mut app,
            Action::EditBuiltIn {
                entity: 3,
                dir: Some(dir.clone()),
            },
        );
        let status = app.status.clone().unwrap_or_default();
        assert!(status.contains("liaison init"), "{status}");
        assert!(matches!(&app.mode, Mode::Ask(q) if q.place == dir && q.entity == 3));
        // `q` is a letter of the answer, not quit; Enter on anything but yes is no.
        update(&mut app, Action::SearchInsert('q'));
        update(&mut app, Action::Open);
        assert_eq!(app.mode, Mode::Browse);
        assert!(app.effects.is_empty() && !app.quit);
        update(
            &mut app,
            Action::EditBuiltIn {
                entity: 3,
                dir: Some(dir),
            },
        );
        update(&mut app, Action::SearchInsert('y'));
        update(&mut app, Action::Open);
        assert!(matches!(
            app.effects.as_slice(),
            [Effect::InitAndEdit(t)] if t.entity == 3
        ));
    }

    #[test]
    fn without_a_data_directory_the_built_in_data_is_only_explained() {
        let mut app = app();
        update(
            &mut app,
            Action::EditBuiltIn {
                entity: 0,
                dir: None,
            },
        );
        assert_eq!(app.mode, Mode::Browse);
        assert!(app.status.is_some_and(|s| s.contains("liaison init")));
    }
}
