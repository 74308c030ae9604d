//! The ties table view (`T`): opening it on the selected city, region or country, moving,
//! sorting by any column, filtering with the search syntax as it is typed, listing the
//! districts' ties too, and opening a partner. The rows come from [`crate::ties`], the same
//! function `liaison ties` prints.

use crate::tui::action::Action;
use crate::tui::state::ties_table::{TiesState, list_height};
use crate::tui::state::{App, Mode};
use chrono::NaiveDate;

/// Opens the ties table of the selection, counting years to today.
pub fn open(app: &mut App) {
    open_on(app, chrono::Local::now().date_naive());
}

/// Opens the ties table of the selection, counting years to `today`.
pub fn open_on(app: &mut App, today: NaiveDate) {
    let Some(i) = app.selected() else { return };
    match TiesState::new(&app.net.data, i, today) {
        Some(t) => app.mode = Mode::Ties(Box::new(t)),
        None => {
            app.status = Some(format!(
                "T lists the ties of a city, region or country; {} is {}",
                crate::text::clean_line(&app.net.data.display_name(i)),
                app.net.data.entity(i).kind()
            ))
        }
    }
}

/// Applies an action in the table (or, while the filter is typed, on the filter line).
pub fn update(app: &mut App, action: Action) {
    let page = list_height(app.areas.body().height).max(1);
    let Mode::Ties(t) = &mut app.mode else { return };
    if t.typing {
        return filter(app, action);
    }
    let step = |t: &mut TiesState, delta: isize| t.cursor.move_by(delta, t.rows.len(), page);
    match action {
        Action::Escape => app.mode = Mode::Browse,
        Action::Down => step(t, 1),
        Action::Up => step(t, -1),
        Action::PageDown | Action::HalfPageDown => step(t, page as isize),
        Action::PageUp | Action::HalfPageUp => step(t, -(page as isize)),
        Action::Top => step(t, isize::MIN / 2),
        Action::Bottom => step(t, isize::MAX / 2),
        Action::SortNext | Action::SortPrev => {
            t.cycle_column(if action == Action::SortNext { 1 } else { -1 });
            t.descending = false;
            t.refresh(&app.net.data);
        }
        Action::SortReverse => {
            t.descending = !t.descending;
            t.refresh(&app.net.data);
        }
        Action::ToggleDistricts => {
            t.districts = !t.districts;
            t.refresh(&app.net.data);
        }
        Action::StartFilter => {
            t.typing = true;
            t.filter.end();
        }
        Action::ExportList => super::prompt::start_csv(app),
        // The wheel moves the cursor; a click selects the row under it (header and border
        // rows above the first).
        Action::Scroll(_, _, delta) => step(t, delta as isize * 3),
        Action::Click(_, row) => {
            let first = app.areas.body().y + 2;
            if let Some(k) = row.checked_sub(first).map(|r| r as usize + t.cursor.offset)
                && k < t.rows.len()
                && ((row - first) as usize) < page
            {
                t.cursor.selected = k;
            }
        }
        Action::Open => {
            let partner = t.rows.get(t.cursor.selected).map(|r| r.partner_id.clone());
            if let Some(p) = partner.and_then(|id| app.net.data.index_of(&id)) {
                super::path::open_entity(app, p);
            }
        }
        other => super::browse(app, other),
    }
    keep_in_view(app, page);
}

/// Keys on the filter line: the rows follow every keystroke; Enter keeps the filter, Esc
/// clears it.
fn filter(app: &mut App, action: Action) {
    let page = list_height(app.areas.body().height).max(1);
    let Mode::Ties(t) = &mut app.mode else { return };
    let ed = &mut t.filter;
    match action {
        Action::SearchInsert(c) => ed.insert(&c.to_string()),
        Action::Paste(text) => ed.insert(&text),
        Action::SearchBackspace => ed.backspace(),
        Action::SearchDelete => ed.delete(),
        Action::SearchDeleteWord => ed.delete_word(),
        Action::SearchClearToStart => ed.clear_to_start(),
        Action::SearchHome => return ed.home(),
        Action::SearchEnd => return ed.end(),
        Action::SearchLeft => return ed.left(),
        Action::SearchRight => return ed.right(),
        Action::Open => return t.typing = false,
        Action::Down | Action::Up => {
            let delta = if action == Action::Down { 1 } else { -1 };
            t.cursor.move_by(delta, t.rows.len(), page);
            return keep_in_view(app, page);
        }
        Action::Escape => {
            t.typing = false;
            *ed = Default::default();
        }
        Action::Quit => return app.quit = true,
        _ => return,
    }
    t.refresh(&app.net.data);
    keep_in_view(app, page);
}

/// Keeps the cursor's row on screen after the rows or the size changed.
fn keep_in_view(app: &mut App, page: usize) {
    if let Mode::Ties(t) = &mut app.mode {
        let (row, len) = (t.cursor.selected, t.rows.len());
        t.cursor.select(row, len, page);
    }
}
