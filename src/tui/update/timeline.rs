//! The timeline view: dated ties, agreements, events and foundings in order, limited to the
//! current search when there is one; moving through it, jumping to a year typed in digits,
//! and opening an item.
//!
//! The search's `year:`, `since:` and `until:` filters (parsed by [`Query`]) limit the
//! timeline by each item's date, not by text; the rest of the search limits it to the
//! entities it lists.

use crate::search::{Filter as SearchFilter, Query};
use crate::timeline::{Filter, items};
use crate::tui::action::Action;
use crate::tui::state::{App, Cursor, Mode, TimelineState, listing, rows};

/// Opens the timeline, limited to the current search when one is active.
pub fn open(app: &mut App) {
    let (filter, rest) = date_terms(Query::parse(&app.list.search.text));
    let dated = filter.from.is_some() || filter.to.is_some();
    let words = !rest.is_blank() || rest.kind.is_some();
    // With date filters the list was searched by the entities' dates: search the rest
    // alone, and let the items' own dates decide.
    let entities: Option<Vec<u32>> = match (dated, words) {
        (_, false) => None,
        (false, true) => Some(app.list.rows.clone()),
        (true, true) => {
            listing::listing(&app.net, &rest, app.list.tab, &app.saved, &|| false).map(|l| l.rows)
        }
    };
    let list = items(&app.net.data, &filter, entities.as_deref());
    app.mode = Mode::Timeline(TimelineState {
        items: list,
        cursor: Cursor::default(),
        filtered: dated || words,
        year: String::new(),
    });
}

/// Takes a query's date filters (`year:2019`, `since:2010`, `until:2015`) out of it, as a
/// timeline filter; the rest of the query is returned as it was.
pub fn date_terms(mut query: Query) -> (Filter, Query) {
    let mut filter = Filter::default();
    query.filters.retain(|f| {
        match *f {
            SearchFilter::Year(y) => (filter.from, filter.to) = (Some(y), Some(y)),
            SearchFilter::Since(y) => filter.from = Some(y),
            SearchFilter::Until(y) => filter.to = Some(y),
            _ => return true,
        }
        false
    });
    (filter, query)
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
    let typed = std::mem::take(&mut t.year);
    let delta = match action {
        Action::Escape if !typed.is_empty() => return,
        Action::Escape => return app.mode = Mode::Browse,
        Action::SearchInsert(c) if c.is_ascii_digit() => return jump(app, typed, c, page),
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
    let target = (t.cursor.selected as isize).saturating_add(delta);
    select(t, target, page as usize);
}

/// A digit typed: the year so far ("19" is 1900, "198" 1980) selects its first item (or
/// the last item before it); four digits make a whole year, and the next digit starts anew.
fn jump(app: &mut App, mut typed: String, digit: char, page: isize) {
    let Mode::Timeline(t) = &mut app.mode else {
        return;
    };
    if typed.len() >= 4 {
        typed.clear();
    }
    typed.push(digit);
    let scale = 10_i32.pow(4 - typed.len() as u32);
    let year = typed.parse::<i32>().unwrap_or(0).saturating_mul(scale);
    let at = t.items.iter().position(|i| i.date.year >= year);
    let target = at.unwrap_or(t.items.len().saturating_sub(1));
    select(t, target as isize, page as usize);
    // The year's heading at the top of the view, as far as the items below allow.
    let timeline_rows = rows::timeline_rows(&t.items);
    let row = rows::row_of_item(&timeline_rows, t.cursor.selected);
    let last_offset = timeline_rows.len().saturating_sub(page as usize);
    t.cursor.offset = row.saturating_sub(1).min(last_offset);
    let shown = format!("{typed}{}", "_".repeat(4 - typed.len()));
    app.status = Some(match at {
        _ if t.items.is_empty() => "no dated items to jump through".to_string(),
        Some(_) => format!("year {shown}"),
        None => format!("year {shown}: nothing dated so late; the last item is selected"),
    });
    if let Mode::Timeline(t) = &mut app.mode
        && typed.len() < 4
    {
        t.year = typed;
    }
}

/// Selects item `target` (clamped), keeping it and, at the top, its year heading in view.
fn select(t: &mut TimelineState, target: isize, h: usize) {
    let len = t.items.len();
    let target = target.clamp(0, len.saturating_sub(1) as isize) as usize;
    t.cursor.selected = target;
    let timeline_rows = rows::timeline_rows(&t.items);
    let row = rows::row_of_item(&timeline_rows, target);
    if row.saturating_sub(1) < t.cursor.offset {
        t.cursor.offset = row.saturating_sub(1);
    } else if row >= t.cursor.offset + h {
        t.cursor.offset = row + 1 - h;
    }
}

#[cfg(test)]
mod tests {
    use super::{Query, date_terms};

    #[test]
    fn date_filters_are_taken_out_of_the_query_and_the_rest_is_kept() {
        let (f, rest) = date_terms(Query::parse("shanghai year:2019"));
        assert_eq!((f.from, f.to), (Some(2019), Some(2019)));
        assert_eq!(rest.text, "shanghai");
        assert!(rest.filters.is_empty());
        let (f, rest) = date_terms(Query::parse("since:2010 until:2015 country:finland"));
        assert_eq!((f.from, f.to), (Some(2010), Some(2015)));
        assert_eq!(rest.filters.len(), 1, "country: stays");
    }
}
