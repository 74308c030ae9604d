//! The anniversaries view (`A`): the round anniversaries of the coming 365 days or of a
//! calendar year, from [`crate::anniversary`] (as `liaison anniversaries` lists them);
//! moving, switching the window, opening what is celebrated, and exporting the list as an
//! iCalendar file (`X`).

use crate::tui::action::Action;
use crate::tui::state::anniversaries::{AnniversariesState, list_height};
use crate::tui::state::{App, Mode};
use chrono::NaiveDate;

/// Opens the anniversaries of the coming year from today.
pub fn open(app: &mut App) {
    open_on(app, chrono::Local::now().date_naive());
}

/// Opens the anniversaries of the 365 days from `today`.
pub fn open_on(app: &mut App, today: NaiveDate) {
    app.mode = Mode::Anniversaries(AnniversariesState::new(&app.net.data, today));
}

/// Applies an action in the view.
pub fn update(app: &mut App, action: Action) {
    let page = list_height(app.areas.body().height).max(1);
    let Mode::Anniversaries(a) = &mut app.mode else {
        return;
    };
    let len = a.items.len();
    let mut step = |delta: isize| a.cursor.move_by(delta, len, page);
    match action {
        Action::Escape => app.mode = Mode::Browse,
        Action::Down => step(1),
        Action::Up => step(-1),
        Action::PageDown | Action::HalfPageDown => step(page as isize),
        Action::PageUp | Action::HalfPageUp => step(-(page as isize)),
        Action::Top => step(isize::MIN / 2),
        Action::Bottom => step(isize::MAX / 2),
        Action::Scroll(_, _, delta) => step(delta as isize * 3),
        Action::Click(_, row) => {
            let first = app.areas.body().y + 1;
            if let Some(k) = row.checked_sub(first).map(|r| r as usize + a.cursor.offset)
                && k < len
                && ((row - first) as usize) < page
            {
                a.cursor.selected = k;
            }
        }
        Action::ToggleYear => a.toggle_year(&app.net.data),
        Action::ExportList => super::prompt::start_csv(app),
        Action::NextYear => a.step_year(&app.net.data, 1),
        Action::PrevYear => a.step_year(&app.net.data, -1),
        Action::Open => {
            if let Some(target) = a.items.get(a.cursor.selected).map(|x| x.entity) {
                super::path::open_entity(app, target);
            }
        }
        other => super::browse(app, other),
    }
}
