//! Round anniversaries: the ties, agreements, foundings and recurring events whose 1st, 5th,
//! 10th, 15th… anniversary falls in a window of days, in date order, with the years counted.
//!
//! A date known to the day has its anniversary on that day (29 February on the 28th in a
//! common year); a date known to the month or the year only has an anniversary known to the
//! month or the year, listed by it with no day and kept when that month or year overlaps the
//! window. A tie counts while it is in force and more than proposed (an ended tie or a mere
//! proposal has nothing to celebrate); an agreement a tie rests on, signed the day the tie
//! was made, is celebrated once, as the tie. An event counts when it is one edition of a series — two or more events whose
//! titles agree once years and ordinals are left out — and the series is counted from its
//! earliest edition in the data.
//!
//! This module is shared by `liaison anniversaries` and the browser; it knows nothing about
//! terminals. [`ics`] writes the list as an iCalendar file (RFC 5545) with the `icalendar`
//! crate.

use crate::dataset::Dataset;
use crate::model::{Entity, Level, PartialDate, SisterCityTie, TieStatus};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// The days an anniversary must fall in, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The first day.
    pub first: NaiveDate,
    /// The last day.
    pub last: NaiveDate,
}

impl Window {
    /// A calendar year, 1 January to 31 December; `None` for a year chrono cannot hold.
    pub fn year(year: i32) -> Option<Window> {
        Some(Window {
            first: NaiveDate::from_ymd_opt(year, 1, 1)?,
            last: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// `days` days from `first` on, `first` included (at least one day).
    pub fn days(first: NaiveDate, days: u32) -> Window {
        let span = chrono::Days::new(u64::from(days.max(1) - 1));
        Window {
            first,
            last: first.checked_add_days(span).unwrap_or(NaiveDate::MAX),
        }
    }

    fn overlaps(&self, first: NaiveDate, last: NaiveDate) -> bool {
        first <= self.last && last >= self.first
    }
}

/// What is celebrated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum What {
    /// A sister-city (or friendly) tie was established.
    Tie,
    /// An agreement was signed.
    Agreement,
    /// An organization was founded.
    Founding,
    /// The first edition (in the data) of a recurring event.
    RecurringEvent,
}

impl What {
    /// A few words for a table: "sister-city tie", "agreement", "founding", "recurring event".
    pub fn as_str(self) -> &'static str {
        match self {
            What::Tie => "sister-city tie",
            What::Agreement => "agreement",
            What::Founding => "founding",
            What::RecurringEvent => "recurring event",
        }
    }
}

/// One round anniversary.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Anniversary {
    /// The day (or month, or year) of the anniversary, as precise as the original date.
    pub date: PartialDate,
    /// How many years it marks.
    pub years: i32,
    /// The date celebrated.
    pub since: PartialDate,
    /// What is celebrated.
    pub what: What,
    /// What it is in words: "sister-city tie", "friendly-exchange tie", "agreement"...
    pub kind: &'static str,
    /// The entity's index in the dataset.
    #[serde(skip)]
    pub entity: usize,
    /// The entity's id (for a recurring event, its earliest edition's).
    pub id: String,
    /// The name: "Shanghai – Casablanca", an agreement's title, an organization's name, a
    /// series' title without its year.
    pub name: String,
}

impl Anniversary {
    /// One line: "Shanghai – Casablanca, 40 years, 1986-09-08".
    pub fn label(&self) -> String {
        format!("{}, {}, {}", self.name, years_text(self.years), self.since)
    }
}

/// "1 year", "40 years".
pub fn years_text(years: i32) -> String {
    if years == 1 {
        "1 year".to_string()
    } else {
        format!("{years} years")
    }
}

/// Whether a count of years is one that is celebrated: 1, 5, 10, 15, …
pub fn is_round(years: i32) -> bool {
    years == 1 || (years > 0 && years % 5 == 0)
}

/// The round anniversaries that fall in `window`, in date order (a date known to the year
/// before the fuller dates of that year, as in the timeline), then by name.
pub fn in_window(ds: &Dataset, window: &Window) -> Vec<Anniversary> {
    let mut out = Vec::new();
    for (entity, what, kind, since, name) in dated(ds) {
        for year in window.first.year()..=window.last.year() {
            let years = year - since.year;
            if !is_round(years) {
                continue;
            }
            if let Some(date) = falls_in(&since, year, window) {
                out.push(Anniversary {
                    date,
                    years,
                    since: since.clone(),
                    what,
                    kind,
                    entity,
                    id: ds.entity(entity).id().to_string(),
                    name: name.clone(),
                });
            }
        }
    }
    out.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

/// The anniversary of `since` in `year`, if it falls in the window: a full date, or the
/// month or year when that is all that is known.
fn falls_in(since: &PartialDate, year: i32, window: &Window) -> Option<PartialDate> {
    let (first, last, text) = match (since.month, since.day) {
        (Some(m), Some(d)) => {
            let day = NaiveDate::from_ymd_opt(year, u32::from(m), u32::from(d))
                // 29 February in a common year.
                .or_else(|| {
                    NaiveDate::from_ymd_opt(year, u32::from(m), u32::from(d).saturating_sub(1))
                })?;
            (day, day, day.format("%Y-%m-%d").to_string())
        }
        (Some(m), None) => {
            let first = NaiveDate::from_ymd_opt(year, u32::from(m), 1)?;
            let next = first.checked_add_months(chrono::Months::new(1))?;
            (first, next.pred_opt()?, format!("{year:04}-{m:02}"))
        }
        _ => {
            let w = Window::year(year)?;
            (w.first, w.last, format!("{year:04}"))
        }
    };
    if !window.overlaps(first, last) {
        return None;
    }
    PartialDate::parse(&text).ok()
}

/// Whether a tie has anniversaries: in force, and more than a proposal.
fn celebrated(t: &SisterCityTie) -> bool {
    t.status == TieStatus::Active && t.level != Level::Proposed
}

/// A dated thing that can have an anniversary: `(entity, what, words, date, name)`.
type Dated = (usize, What, &'static str, PartialDate, String);

/// Every dated thing that can have an anniversary. An agreement that a tie rests on, signed
/// the day the tie was made, is the tie's own document and is left out: the tie stands for it.
fn dated(ds: &Dataset) -> Vec<Dated> {
    let mut out = Vec::new();
    let mut series: HashMap<String, Vec<usize>> = HashMap::new();
    let stood_for: Vec<(&str, &PartialDate)> = ds
        .entities()
        .iter()
        .filter_map(|e| match e {
            Entity::SisterCity(t) if celebrated(t) => {
                Some((t.agreement.as_deref()?, t.established.as_ref()?))
            }
            _ => None,
        })
        .collect();
    for (i, e) in ds.entities().iter().enumerate() {
        let Some(date) = e.date().filter(|d| d.is_valid()) else {
            continue;
        };
        let (what, words) = match e {
            Entity::SisterCity(t) if celebrated(t) => (What::Tie, t.level.phrase()),
            Entity::Agreement(a) => {
                if stood_for.iter().any(|(id, d)| *id == a.id && *d == date) {
                    continue;
                }
                (What::Agreement, What::Agreement.as_str())
            }
            Entity::Organization(_) => (What::Founding, What::Founding.as_str()),
            Entity::Event(ev) => {
                let key = series_key(&ev.title);
                if !key.is_empty() {
                    series.entry(key).or_default().push(i);
                }
                continue;
            }
            _ => continue,
        };
        out.push((i, what, words, date.clone(), ds.display_name(i)));
    }
    for editions in series.values().filter(|v| v.len() >= 2) {
        let first = editions
            .iter()
            .copied()
            .filter_map(|i| ds.entity(i).date().map(|d| (d.clone(), i)))
            .min();
        if let Some((date, i)) = first {
            out.push((
                i,
                What::RecurringEvent,
                What::RecurringEvent.as_str(),
                date,
                series_title(ds.entity(i).name()),
            ));
        }
    }
    out
}

/// Whether a word only numbers an edition: a year ("2019"), an ordinal ("2nd", "first").
fn is_edition_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = w.to_lowercase();
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let ordinal_suffix = &lower[digits.len()..];
    (!digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(ordinal_suffix, "" | "st" | "nd" | "rd" | "th"))
        || matches!(lower.as_str(), "first" | "second" | "third" | "annual")
}

/// A title with the words that number an edition left out, lower-cased: the series' key.
fn series_key(title: &str) -> String {
    title
        .split_whitespace()
        .filter(|w| !is_edition_word(w))
        .map(|w| {
            w.trim_matches(|c: char| c == ',' || c == ':')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A title with the words that number an edition left out: "2023 Shanghai Forum" → "Shanghai
/// Forum".
fn series_title(title: &str) -> String {
    let kept: Vec<&str> = title
        .split_whitespace()
        .filter(|w| !is_edition_word(w))
        .collect();
    kept.join(" ")
        .trim_matches(|c: char| c == ',' || c == ':' || c.is_whitespace())
        .to_string()
}

/// The anniversaries as an iCalendar file (RFC 5545): one all-day event each, on the day of
/// the anniversary (on the first day of its month or year when only that is known, which
/// the summary says), with a UID made of the entity's id and the year, so that importing the
/// file again updates the same events. `stamp` is the DTSTAMP of every event.
pub fn ics(list: &[Anniversary], stamp: chrono::DateTime<chrono::Utc>) -> String {
    use icalendar::{Calendar, Component, EventLike, Property};
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new(
        "PRODID",
        concat!("-//liaison//liaison ", env!("CARGO_PKG_VERSION"), "//EN"),
    ));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.name("liaison anniversaries");
    for a in list {
        let Some(day) = first_day(&a.date) else {
            continue;
        };
        let precision = match (a.date.month, a.date.day) {
            (_, Some(_)) => "",
            (Some(_), None) => " (day unknown)",
            _ => " (day and month unknown)",
        };
        let name = crate::text::clean_line(&a.name);
        let summary = format!("{name}, {}{precision}", years_text(a.years));
        let description = format!(
            "{name}: {} of {} ({}). liaison id: {}",
            a.kind,
            a.since,
            years_text(a.years),
            crate::text::clean_line(&a.id)
        );
        let mut event = icalendar::Event::new();
        event
            .uid(&uid(&a.id, a.date.year))
            .timestamp(stamp)
            .summary(&summary)
            .description(&description)
            .starts(day)
            .ends(day.succ_opt().unwrap_or(day));
        cal.push(event.done());
    }
    cal.done().to_string()
}

/// The first day of a partial date.
fn first_day(date: &PartialDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        date.year,
        u32::from(date.month.unwrap_or(1)),
        u32::from(date.day.unwrap_or(1)),
    )
}

/// A stable UID: the id with every byte outside `[A-Za-z0-9._-]` percent-encoded, the year,
/// and a domain of its own.
fn uid(id: &str, year: i32) -> String {
    let mut out = String::with_capacity(id.len() + 24);
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    format!("{out}-{year:04}@anniversary.liaison")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("a valid date")
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid day")
    }

    #[test]
    fn round_years_are_the_first_fifth_and_every_fifth() {
        let round: Vec<i32> = (0..=31).filter(|&y| is_round(y)).collect();
        assert_eq!(round, [1, 5, 10, 15, 20, 25, 30]);
    }

    #[test]
    fn a_day_falls_in_its_window_and_a_year_only_date_by_its_year() {
        let w = Window::days(day(2026, 11, 29), 365);
        assert_eq!(w.last, day(2027, 11, 28));
        assert_eq!(falls_in(&date("1986-09-08"), 2026, &w), None);
        assert_eq!(
            falls_in(&date("1986-12-01"), 2026, &w),
            Some(date("2026-12-01"))
        );
        assert_eq!(falls_in(&date("2001"), 2026, &w), Some(date("2026")));
        assert_eq!(falls_in(&date("2001-10"), 2026, &w), None);
        assert_eq!(falls_in(&date("2001-11"), 2026, &w), Some(date("2026-11")));
    }

    #[test]
    fn the_29th_of_february_is_kept_on_the_28th_in_a_common_year() {
        let w = Window::year(2026).expect("a year");
        assert_eq!(
            falls_in(&date("2016-02-29"), 2026, &w),
            Some(date("2026-02-28"))
        );
    }

    #[test]
    fn editions_of_a_series_share_a_key_without_years_and_ordinals() {
        assert_eq!(
            series_key("2023 Shanghai International Friendship Cities Cooperation Forum"),
            series_key("2025 Shanghai International Friendship Cities Cooperation Forum")
        );
        assert_eq!(series_key("Slush Shanghai 2017"), "slush shanghai");
        assert_eq!(
            series_key("2nd China International Import Expo"),
            "china international import expo"
        );
        assert_eq!(
            series_title("Global Mayors Dialogue in Shanghai, 2025"),
            "Global Mayors Dialogue in Shanghai"
        );
    }

    #[test]
    fn uids_are_stable_and_escape_odd_ids() {
        assert_eq!(
            uid("shanghai-espoo", 2028),
            "shanghai-espoo-2028@anniversary.liaison"
        );
        assert_eq!(uid("a b@c", 2026), "a%20b%40c-2026@anniversary.liaison");
    }
}
