//! Prompts: a question answered on the prompt line, today the file to export a card to.
//! The default answer is a safe file name made from the entity's id (data is untrusted: no
//! separators, no control characters, no leading dot, bounded length), the prompt shows the
//! full path it will write, and writing is an [`Effect`] whose outcome comes back later.

use crate::tui::action::Action;
use crate::tui::state::{App, Effect, LineEditor, Mode, Prompt};

/// The longest default file name, in characters, before the extension.
const MAX_STEM: usize = 64;

/// A file name made from untrusted text: letters, digits, `-`, `_` and inner dots only,
/// at most [`MAX_STEM`] characters, never empty, never hidden.
fn safe_file_stem(id: &str) -> String {
    let stem: String = id
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stem: String = stem
        .trim_start_matches('.')
        .chars()
        .take(MAX_STEM)
        .collect();
    if stem.trim_matches(['_', '.']).is_empty() {
        "card".into()
    } else {
        stem
    }
}

/// Asks for a file name to export the selection's card to. Relative names are taken from
/// the folder the browser was started in.
pub fn start_export(app: &mut App) {
    let Some(i) = app.selected() else {
        app.status = Some("nothing selected to export".into());
        return;
    };
    let kind = app.net.data.entity(i).kind();
    if !matches!(
        kind,
        crate::model::Kind::Organization | crate::model::Kind::Person
    ) {
        app.status = Some("vCard export is for organizations and people".into());
        return;
    }
    let default = format!("{}.vcf", safe_file_stem(app.net.data.entity(i).id()));
    app.mode = Mode::Prompt(Prompt {
        label: " export vCard to: ".into(),
        editor: LineEditor::with_text(&default),
        entity: i,
        base: std::env::current_dir().unwrap_or_default(),
    });
}

/// Applies an action while a prompt is open: editing keys edit the answer (`q` is a
/// letter), Enter confirms, Esc cancels.
pub fn update(app: &mut App, action: Action) {
    let Mode::Prompt(prompt) = &mut app.mode else {
        return;
    };
    let ed = &mut prompt.editor;
    match action {
        Action::SearchInsert(c) => ed.insert(&c.to_string()),
        Action::Paste(t) => ed.insert(&t),
        Action::SearchBackspace => ed.backspace(),
        Action::SearchDelete => ed.delete(),
        Action::SearchDeleteWord => ed.delete_word(),
        Action::SearchClearToStart => ed.clear_to_start(),
        Action::SearchHome => ed.home(),
        Action::SearchEnd => ed.end(),
        Action::SearchLeft => ed.left(),
        Action::SearchRight => ed.right(),
        Action::Escape => {
            app.mode = Mode::Browse;
            app.status = Some("export cancelled".into());
        }
        Action::Open => confirm(app),
        Action::Quit => app.quit = true,
        _ => {}
    }
}

/// Enter: writes the card to the path typed (a new file only).
fn confirm(app: &mut App) {
    let Mode::Prompt(p) = std::mem::take(&mut app.mode) else {
        return;
    };
    if p.editor.text.trim().is_empty() {
        app.status = Some("export cancelled: no file name".into());
        return;
    }
    match crate::export::vcard::card(&app.net, p.entity) {
        Some(text) => app.effects.push(Effect::WriteFile {
            path: p.target(),
            text,
        }),
        None => app.status = Some("this entity has no vCard form".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_file_stem;

    #[test]
    fn a_hostile_id_becomes_a_plain_file_name() {
        assert_eq!(safe_file_stem("../../escaped"), "_.._escaped");
        assert_eq!(safe_file_stem("/etc/passwd"), "_etc_passwd");
        assert_eq!(safe_file_stem("a\u{1b}]0;x\u{7}\nb"), "a_0_xb");
        assert_eq!(safe_file_stem(".hidden"), "hidden");
        assert_eq!(safe_file_stem("..."), "card");
        assert_eq!(safe_file_stem(&"x".repeat(500)).len(), 64);
        assert_eq!(safe_file_stem("soea"), "soea");
    }
}
