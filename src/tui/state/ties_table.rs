//! The ties table view's state and geometry: the rows of [`crate::ties`] for a place (the
//! same function `liaison ties` uses), the sort column and order, the filter line in the
//! search syntax, and which columns fit at a width. Pure data and arithmetic: `update`
//! changes it, `ui` draws what [`layout`] and [`cells`] say; nothing here draws.

use super::cursor::Cursor;
use super::editor::LineEditor;
use crate::dataset::Dataset;
use crate::ties::{Column, Filter, Subject, TieRow, table};
use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

/// The ties table of a city, region or country.
#[derive(Debug, Clone, PartialEq)]
pub struct TiesState {
    /// The place whose ties are listed.
    pub place: usize,
    /// Whether the ties of its districts are listed too.
    pub districts: bool,
    /// The day the years are counted to.
    pub today: NaiveDate,
    /// The rows shown: filtered and sorted.
    pub rows: Vec<TieRow>,
    /// The column sorted by.
    pub column: Column,
    /// Whether the order is reversed.
    pub descending: bool,
    /// The filter line, in the search syntax (`country:japan since:2000 osaka`).
    pub filter: LineEditor,
    /// Whether the filter line has the keys.
    pub typing: bool,
    /// Why the filter cannot be read, if it cannot (the rows stay as they were).
    pub error: Option<String>,
    /// The cursor over rows.
    pub cursor: Cursor,
}

/// The columns the view offers, in order (the sub-region is left to the CSV).
pub const COLUMNS: [Column; 10] = [
    Column::Side,
    Column::Partner,
    Column::Country,
    Column::Region,
    Column::Level,
    Column::Since,
    Column::Years,
    Column::Status,
    Column::Agreements,
    Column::LastEvent,
];

impl TiesState {
    /// The table of `place` (a city, region or country), sorted by date; `None` for other
    /// kinds of entity.
    pub fn new(ds: &Dataset, place: usize, today: NaiveDate) -> Option<TiesState> {
        Subject::of(ds, place, false)?;
        let mut state = TiesState {
            place,
            districts: false,
            today,
            rows: Vec::new(),
            column: Column::Since,
            descending: false,
            filter: LineEditor::default(),
            typing: false,
            error: None,
            cursor: Cursor::default(),
        };
        state.refresh(ds);
        Some(state)
    }

    /// Computes the rows again for the filter, sort and districts, keeping the cursor's
    /// tie selected when it is still listed. A filter that cannot be read keeps the rows.
    pub fn refresh(&mut self, ds: &Dataset) {
        let filter = match Filter::parse_line(&self.filter.text) {
            Ok(f) => f,
            Err(e) => {
                self.error = Some(e);
                return;
            }
        };
        self.error = None;
        let Some(subject) = Subject::of(ds, self.place, self.districts) else {
            return;
        };
        let keep = self.rows.get(self.cursor.selected).map(|r| r.tie);
        self.rows = table(
            ds,
            subject,
            self.today,
            &filter,
            false,
            self.column,
            self.descending,
        );
        let at = keep
            .and_then(|t| self.rows.iter().position(|r| r.tie == t))
            .unwrap_or(0);
        self.cursor.selected = at.min(self.rows.len().saturating_sub(1));
        self.cursor.offset = self.cursor.offset.min(self.cursor.selected);
    }

    /// The next (or previous) column to sort by.
    pub fn cycle_column(&mut self, step: isize) {
        let shown = self.offered();
        let at = shown.iter().position(|&c| c == self.column).unwrap_or(0) as isize;
        let n = shown.len() as isize;
        self.column = shown[((at + step) % n + n) as usize % shown.len()];
    }

    /// The columns offered: the side only when the rows have more than one.
    pub fn offered(&self) -> Vec<Column> {
        let sides = self.rows.first().map(|r| &r.side);
        let one_side = self.rows.iter().all(|r| Some(&r.side) == sides);
        COLUMNS
            .into_iter()
            .filter(|&c| c != Column::Side || !one_side || self.districts)
            .collect()
    }
}

/// Rows of the table's body in a view `body_height` rows high: less the borders, the
/// header row and the filter line.
pub fn list_height(body_height: u16) -> usize {
    body_height.saturating_sub(4) as usize
}

/// The most columns a cell takes, but the last event's, which takes what is left.
fn cap(c: Column) -> usize {
    match c {
        Column::Partner => 22,
        Column::Country | Column::Side => 16,
        Column::Region => 10,
        Column::Level => 17,
        _ => 12,
    }
}

/// The columns in the order they are given room when the width is short.
const PRIORITY: [Column; 10] = [
    Column::Partner,
    Column::Country,
    Column::Since,
    Column::Years,
    Column::Side,
    Column::Level,
    Column::Region,
    Column::Agreements,
    Column::Status,
    Column::LastEvent,
];

/// The fewest columns the last event is shown in.
const MIN_LAST_EVENT: usize = 12;

/// The columns shown at `width` and how wide each is (cells are separated by two spaces),
/// in table order: each as wide as its widest cell or header, within a cap. Columns get
/// room in [`PRIORITY`] order (the sorted column first of all, those that say the same in
/// every row last) while they fit; the last event takes what is left.
pub fn layout(t: &TiesState, width: usize) -> Vec<(Column, usize)> {
    let offered = t.offered();
    let natural = |c: Column| {
        let widest = t.rows.iter().map(|r| c.text(r).width()).max().unwrap_or(0);
        let w = widest.max(header(c, t).width());
        if c == Column::LastEvent {
            w.min(MIN_LAST_EVENT)
        } else {
            w.min(cap(c))
        }
    };
    // A column that says the same in every row (all "official") gives way to the others.
    let uniform = |c: Column| {
        let first = t.rows.first().map(|r| c.text(r));
        t.rows.len() > 1 && t.rows.iter().all(|r| Some(c.text(r)) == first)
    };
    let mut order = vec![t.column];
    order.extend(
        PRIORITY
            .into_iter()
            .filter(|&c| c != t.column && !uniform(c)),
    );
    order.extend(
        PRIORITY
            .into_iter()
            .filter(|&c| c != t.column && uniform(c)),
    );
    let mut chosen: Vec<Column> = Vec::new();
    let mut used = 0;
    for c in order {
        let keep = offered.contains(&c) && (t.rows.is_empty() || has_values(t, c) || c == t.column);
        if keep && used + natural(c) + 2 <= width.max(natural(Column::Partner) + 2) {
            used += natural(c) + 2;
            chosen.push(c);
        }
    }
    let rest = width.saturating_sub(used);
    offered
        .into_iter()
        .filter(|c| chosen.contains(c))
        .map(|c| {
            let w = natural(c);
            (c, if c == Column::LastEvent { w + rest } else { w })
        })
        .collect()
}

fn has_values(t: &TiesState, c: Column) -> bool {
    t.rows.iter().any(|r| !c.text(r).is_empty())
}

/// A column's header, with an arrow on the one sorted by.
pub fn header(c: Column, t: &TiesState) -> String {
    let name = c.name().replace('_', " ");
    if c == t.column {
        format!("{name} {}", if t.descending { "↓" } else { "↑" })
    } else {
        name
    }
}

/// A row's cells for the columns laid out.
pub fn cells(row: &TieRow, cols: &[(Column, usize)]) -> Vec<String> {
    cols.iter().map(|&(c, _)| c.text(row)).collect()
}
