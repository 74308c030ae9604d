//! The anniversaries view's state: the round anniversaries of [`crate::anniversary`] in a
//! window (the coming 365 days, or a calendar year), in date order, with a cursor. Pure
//! data: `update` changes it, `ui` draws it.

use super::cursor::Cursor;
use crate::anniversary::{Anniversary, Window, in_window};
use crate::dataset::Dataset;
use chrono::{Datelike, NaiveDate};

/// The days the view looks ahead from today.
pub const AHEAD_DAYS: u32 = 365;

/// The anniversaries view.
#[derive(Debug, Clone, PartialEq)]
pub struct AnniversariesState {
    /// The day the window starts from.
    pub today: NaiveDate,
    /// A calendar year shown instead of the coming days, if one is.
    pub year: Option<i32>,
    /// The anniversaries in the window, in date order.
    pub items: Vec<Anniversary>,
    /// The cursor over items.
    pub cursor: Cursor,
}

impl AnniversariesState {
    /// The anniversaries of the coming [`AHEAD_DAYS`] days from `today`.
    pub fn new(ds: &Dataset, today: NaiveDate) -> AnniversariesState {
        let mut s = AnniversariesState {
            today,
            year: None,
            items: Vec::new(),
            cursor: Cursor::default(),
        };
        s.refresh(ds);
        s
    }

    /// The window shown.
    pub fn window(&self) -> Window {
        self.year
            .and_then(Window::year)
            .unwrap_or_else(|| Window::days(self.today, AHEAD_DAYS))
    }

    /// Lists the window's anniversaries again, the cursor on the first.
    pub fn refresh(&mut self, ds: &Dataset) {
        self.items = in_window(ds, &self.window());
        self.cursor = Cursor::default();
    }

    /// Switches between the coming days and this calendar year.
    pub fn toggle_year(&mut self, ds: &Dataset) {
        self.year = match self.year {
            Some(_) => None,
            None => Some(self.today.year()),
        };
        self.refresh(ds);
    }

    /// Shows the next (or previous) calendar year.
    pub fn step_year(&mut self, ds: &Dataset, step: i32) {
        let from = self.year.unwrap_or(self.today.year());
        self.year = Some(from.saturating_add(step).clamp(1, 9999));
        self.refresh(ds);
    }

    /// "the next 365 days (2026-11-30 – 2027-11-29)" or "2027".
    pub fn describe(&self) -> String {
        match self.year {
            Some(y) => y.to_string(),
            None => {
                let w = self.window();
                format!("next {AHEAD_DAYS} days, {} – {}", w.first, w.last)
            }
        }
    }
}

/// Rows of the list in a view `body_height` rows high (less the borders).
pub fn list_height(body_height: u16) -> usize {
    body_height.saturating_sub(2) as usize
}
