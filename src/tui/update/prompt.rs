//! Prompts: a question answered on the prompt line, today the file to export a card to.
//! The default answer is a safe file name made from the entity's id by
//! [`crate::export::file_name`] (data is untrusted: no separators, no control characters, no
//! leading dot, bounded length), the prompt shows the full path it will write, and writing is
//! an [`Effect`] whose outcome comes back later.

use crate::tui::action::Action;
use crate::tui::state::{App, Effect, LineEditor, Mode, Prompt};

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
    let default = crate::export::file_name(app.net.data.entity(i).id(), "vcf");
    app.mode = Mode::Prompt(Prompt {
        label: " export vCard to: ".into(),
        editor: LineEditor::with_text(&default),
        entity: i,
        base: std::env::current_dir().unwrap_or_default(),
        text: None,
        under: None,
    });
}

/// Asks for a file name to export what is listed: the ties table as CSV when it is open,
/// the anniversaries as an iCalendar file, else the entities of the list pane (the current
/// tab and search) as CSV. The file is made now, as it is on screen; its name comes from
/// the place, the window or the tab.
pub fn start_csv(app: &mut App) {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let (what, name, text) = match &app.mode {
        Mode::Ties(t) => {
            let csv = crate::ties::to_csv(&t.rows).unwrap_or_default();
            let place = app.net.data.entity(t.place).id();
            (
                format!("CSV of {}", plural(t.rows.len(), "tie", "ties")),
                crate::export::file_name(&format!("ties-{place}"), "csv"),
                String::from_utf8_lossy(&csv).into_owned(),
            )
        }
        Mode::Anniversaries(a) => {
            let window = a.window();
            (
                format!(
                    "iCalendar of {}",
                    plural(a.items.len(), "anniversary", "anniversaries")
                ),
                crate::export::file_name(
                    &format!("anniversaries-{}-{}", window.first, window.last),
                    "ics",
                ),
                crate::anniversary::ics(&a.items, chrono::Utc::now()),
            )
        }
        _ => {
            let rows: Vec<usize> = app.list.rows.iter().map(|&i| i as usize).collect();
            let query = app.list.search.text.trim();
            let tab = app.list.tab.label(0).to_lowercase();
            let stem = if query.is_empty() {
                tab
            } else {
                format!("{tab}-{query}")
            };
            (
                format!("CSV of {}", plural(rows.len(), "entity", "entities")),
                crate::export::file_name(&stem, "csv"),
                crate::export::csv::table(&app.net, &rows),
            )
        }
    };
    if what.contains(" of 0 ") {
        app.status = Some("nothing listed to export".into());
        return;
    }
    let under = std::mem::take(&mut app.mode);
    app.mode = Mode::Prompt(Prompt {
        label: format!(" export {what} to: "),
        editor: LineEditor::with_text(&name),
        entity: 0,
        base: std::env::current_dir().unwrap_or_default(),
        text: Some(text),
        under: (under != Mode::Browse).then(|| Box::new(under)),
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
            let under = prompt.under.take();
            app.mode = under.map_or(Mode::Browse, |m| *m);
            app.status = Some("export cancelled".into());
        }
        Action::Open => confirm(app),
        Action::Quit => app.quit = true,
        _ => {}
    }
}

/// Enter: writes the card to the path typed (a new file only).
fn confirm(app: &mut App) {
    let Mode::Prompt(mut p) = std::mem::take(&mut app.mode) else {
        return;
    };
    if let Some(under) = p.under.take() {
        app.mode = *under;
    }
    if p.editor.text.trim().is_empty() {
        app.status = Some("export cancelled: no file name".into());
        return;
    }
    if let Some(text) = p.text.clone() {
        app.effects.push(Effect::WriteFile {
            path: p.target(),
            text,
        });
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
