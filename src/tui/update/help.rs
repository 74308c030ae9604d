//! Keys while an overlay is open: the filter (`/`, then typing keeps only the lines of help
//! or the problems that mention the text; `Enter` keeps the filter, `Esc` drops it, a second `Esc` closes), and everything else as the
//! overlay takes it (scrolling, closing) in [`super::panes::overlay`].

use super::panes;
use crate::tui::action::Action;
use crate::tui::state::{App, LineEditor, Mode};

/// Applies an action while an overlay is open.
pub fn overlay(app: &mut App, action: Action) {
    let Mode::Overlay(o) = &mut app.mode else {
        return;
    };
    if !o.typing {
        if action == Action::StartSearch {
            o.typing = true;
            o.filter.select_all();
            return;
        }
        if action == Action::Escape && !o.filter.text.is_empty() {
            o.filter = LineEditor::default();
            o.scroll = 0;
            return;
        }
        return panes::overlay(app, action);
    }
    let edit = |o: &mut Box<_>, f: &dyn Fn(&mut LineEditor)| {
        let o: &mut crate::tui::state::OverlayState = o;
        f(&mut o.filter);
        o.scroll = 0;
    };
    match action {
        Action::SearchInsert(c) => edit(o, &|e| e.insert(&c.to_string())),
        Action::Paste(text) => edit(o, &|e| e.insert(&text)),
        Action::SearchBackspace => edit(o, &LineEditor::backspace),
        Action::SearchDelete => edit(o, &LineEditor::delete),
        Action::SearchDeleteWord => edit(o, &LineEditor::delete_word),
        Action::SearchClearToStart => edit(o, &LineEditor::clear_to_start),
        Action::SearchHome => o.filter.home(),
        Action::SearchEnd => o.filter.end(),
        Action::SearchLeft => o.filter.left(),
        Action::SearchRight => o.filter.right(),
        Action::Open => o.typing = false,
        Action::Escape => {
            o.typing = false;
            o.filter = LineEditor::default();
        }
        other => panes::overlay(app, other),
    }
}
