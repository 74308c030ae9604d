//! The timeline view: dated ties, agreements, events and foundings in order, limited to the
//! current search when there is one; moving through it and opening an item.

use crate::timeline::{Filter, items};
use crate::tui::action::Action;
use crate::tui::state::{App, Cursor, Mode, TimelineState, rows};

/// Opens the timeline, limited to the current search when one is active.
pub fn open(app: &mut App) {
    let filtered = !app.list.search.text.trim().is_empty();
    let list = items(
        &app.net.data,
        &Filter::default(),
        filtered.then_some(app.list.rows.as_slice()),
    );
    app.mode = Mode::Timeline(TimelineState {
        items: list,
        cursor: Cursor::default(),
        filtered,
        year: String::new(),
    });
}

/// Rows of the timeline's list on this screen.
pub fn list_height(app: &App) -> usize {
    rows::timeline_list_height(app.areas.body().height)
}

/// Applies an action in the timeline.
pub fn update(app: &mut App, action: Action) {
    let page = list_height(app).max(1) as isize;
    let Mode::Timeline(t) = &mut app.mode else {
        return;
    };
    let delta = match action {
        Action::Escape => return app.mode = Mode::Browse,
        Action::Open => {
            if let Some(item) = t.items.get(t.cursor.selected) {
                let target = item.entity;
                super::path::open_entity(app, target);
            }
            return;
        }
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown | Action::HalfPageDown => page,
        Action::PageUp | Action::HalfPageUp => -page,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        other => return super::browse(app, other),
    };
    let len = t.items.len();
    let target = (t.cursor.selected as isize)
        .saturating_add(delta)
        .clamp(0, len.saturating_sub(1) as isize) as usize;
    t.cursor.selected = target;
    let timeline_rows = rows::timeline_rows(&t.items);
    let row = rows::row_of_item(&timeline_rows, target);
    let h = page as usize;
    // Keep the item and, at the top, its year heading in view.
    if row.saturating_sub(1) < t.cursor.offset {
        t.cursor.offset = row.saturating_sub(1);
    } else if row >= t.cursor.offset + h {
        t.cursor.offset = row + 1 - h;
    }
}
