//! The ties table: one row per sister-city tie of a city — partner, country, region, level,
//! since, years, status, agreements, last event — sortable by any column and filtered with
//! the search line's `key:value` syntax (`country:`, `region:`, `level:`, `status:`,
//! `year:`, `since:`, `until:`) plus words that must appear in the partner's name or country.
//!
//! An agreement or event belongs to a tie when it concerns both of its cities: a city is
//! concerned when it is a party, organizer, participant or the place, or when an organization
//! located in it is. This module is shared by `liaison ties` and the browser; it knows nothing
//! about terminals and does not print.

use crate::dataset::Dataset;
use crate::model::{Entity, PartialDate};
use chrono::{Datelike, NaiveDate};
use std::cmp::Ordering;

/// One tie, seen from the city whose table it is.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TieRow {
    /// The tie's index in the dataset.
    #[serde(skip)]
    pub tie: usize,
    /// The tie's id.
    pub id: String,
    /// The partner city's id.
    pub partner_id: String,
    /// The partner city's name.
    pub partner: String,
    /// The partner's country.
    pub country: String,
    /// The partner's world region (empty when the data does not say).
    pub region: String,
    /// The level or kind of tie, in the data's words.
    pub level: String,
    /// When it was established.
    pub since: Option<PartialDate>,
    /// Whole years since then, as of the day the table is made.
    pub years: Option<i32>,
    /// "active", "ended" or "proposed".
    pub status: &'static str,
    /// How many agreements concern both cities.
    pub agreements: usize,
    /// The latest dated event that concerns both cities: its date and title.
    pub last_event: Option<(PartialDate, String)>,
}

/// The columns, in table order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The partner city.
    Partner,
    /// Its country.
    Country,
    /// Its world region.
    Region,
    /// The tie's level.
    Level,
    /// Established.
    Since,
    /// Years since.
    Years,
    /// In force or not.
    Status,
    /// Agreements concerning both cities.
    Agreements,
    /// The latest event concerning both.
    LastEvent,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 9] = [
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

    /// The header and the name `--sort` takes: "partner", "last_event"...
    pub fn name(self) -> &'static str {
        match self {
            Column::Partner => "partner",
            Column::Country => "country",
            Column::Region => "region",
            Column::Level => "level",
            Column::Since => "since",
            Column::Years => "years",
            Column::Status => "status",
            Column::Agreements => "agreements",
            Column::LastEvent => "last_event",
        }
    }

    /// A column by name (`last-event`, `last_event` and `event` all name the last event).
    pub fn parse(name: &str) -> Option<Column> {
        let n = name.trim().to_lowercase().replace('-', "_");
        Column::ALL
            .into_iter()
            .find(|c| c.name() == n)
            .or(match n.as_str() {
                "event" | "last" => Some(Column::LastEvent),
                "date" | "established" => Some(Column::Since),
                "city" | "name" => Some(Column::Partner),
                _ => None,
            })
    }

    /// A row's value in this column, as text.
    pub fn text(self, row: &TieRow) -> String {
        match self {
            Column::Partner => row.partner.clone(),
            Column::Country => row.country.clone(),
            Column::Region => row.region.clone(),
            Column::Level => row.level.clone(),
            Column::Since => row
                .since
                .as_ref()
                .map(|d| d.to_string())
                .unwrap_or_default(),
            Column::Years => row.years.map(|y| y.to_string()).unwrap_or_default(),
            Column::Status => row.status.to_string(),
            Column::Agreements => row.agreements.to_string(),
            Column::LastEvent => row
                .last_event
                .as_ref()
                .map(|(d, t)| format!("{d} {t}"))
                .unwrap_or_default(),
        }
    }

    /// Orders two rows by this column; empty values last.
    pub fn compare(self, a: &TieRow, b: &TieRow) -> Ordering {
        fn some_first<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
            match (a, b) {
                (Some(a), Some(b)) => a.cmp(&b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        let text = |s: &str| (s.is_empty(), s.to_lowercase());
        match self {
            Column::Since => some_first(a.since.as_ref(), b.since.as_ref()),
            Column::Years => some_first(a.years, b.years),
            Column::Agreements => a.agreements.cmp(&b.agreements),
            Column::LastEvent => some_first(
                a.last_event.as_ref().map(|e| &e.0),
                b.last_event.as_ref().map(|e| &e.0),
            ),
            c => text(&c.text(a)).cmp(&text(&c.text(b))),
        }
    }
}

/// Sorts rows by a column (then by partner), descending if asked; empty values stay last.
pub fn sort(rows: &mut [TieRow], column: Column, descending: bool) {
    rows.sort_by(|a, b| {
        let empty = |r: &TieRow| Column::text(column, r).is_empty();
        let by = match (empty(a), empty(b)) {
            (false, true) => Ordering::Less,
            (true, false) => Ordering::Greater,
            _ if descending => column.compare(b, a),
            _ => column.compare(a, b),
        };
        by.then_with(|| Column::Partner.compare(a, b))
    });
}

/// The cities an entity concerns: itself for a city, the city of an organization.
fn cities_of(ds: &Dataset, id: &str) -> Option<usize> {
    let i = ds.index_of(id)?;
    match ds.entity(i) {
        Entity::City(_) => Some(i),
        Entity::Organization(o) => o.city.as_deref().and_then(|c| ds.index_of(c)),
        _ => None,
    }
}

/// The cities an agreement or event concerns.
fn concerned(ds: &Dataset, e: &Entity) -> Vec<usize> {
    let ids: Vec<&str> = match e {
        Entity::Agreement(a) => a
            .parties
            .iter()
            .map(String::as_str)
            .chain(a.place.as_deref())
            .collect(),
        Entity::Event(ev) => ev
            .organizers
            .iter()
            .chain(&ev.participants)
            .map(String::as_str)
            .chain(ev.place.as_deref())
            .collect(),
        _ => Vec::new(),
    };
    let mut out: Vec<usize> = ids.iter().filter_map(|id| cities_of(ds, id)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whole years from `since` to `today`; a date known to the year or month counts from its
/// start.
pub fn years_since(since: &PartialDate, today: NaiveDate) -> i32 {
    let month = u32::from(since.month.unwrap_or(1));
    let day = u32::from(since.day.unwrap_or(1));
    let mut years = today.year() - since.year;
    if (today.month(), today.day()) < (month, day) {
        years -= 1;
    }
    years.max(0)
}

/// The ties of the city at `city`, one row each, in the order of the data.
pub fn rows(ds: &Dataset, city: usize, today: NaiveDate) -> Vec<TieRow> {
    let related: Vec<(bool, Option<PartialDate>, String, Vec<usize>)> = ds
        .entities()
        .iter()
        .filter(|e| matches!(e, Entity::Agreement(_) | Entity::Event(_)))
        .map(|e| {
            (
                matches!(e, Entity::Agreement(_)),
                e.date().filter(|d| d.is_valid()).cloned(),
                e.name().to_string(),
                concerned(ds, e),
            )
        })
        .filter(|r| r.3.contains(&city))
        .collect();
    let mut out = Vec::new();
    for (i, e) in ds.entities().iter().enumerate() {
        let Entity::SisterCity(t) = e else {
            continue;
        };
        let (a, b) = (ds.index_of(&t.cities.0), ds.index_of(&t.cities.1));
        let partner = match (a, b) {
            (Some(a), Some(b)) if a == city => b,
            (Some(a), Some(b)) if b == city => a,
            _ => continue,
        };
        let (country, name) = match ds.entity(partner) {
            Entity::City(c) => (c.country.clone(), c.name.clone()),
            other => (String::new(), other.name().to_string()),
        };
        let both: Vec<_> = related.iter().filter(|r| r.3.contains(&partner)).collect();
        let last_event = both
            .iter()
            .filter(|r| !r.0)
            .filter_map(|r| r.1.clone().map(|d| (d, r.2.clone())))
            .max_by(|x, y| x.0.cmp(&y.0));
        let since = t.established.clone().filter(PartialDate::is_valid);
        out.push(TieRow {
            tie: i,
            id: t.id.clone(),
            partner_id: ds.entity(partner).id().to_string(),
            partner: name,
            country,
            region: String::new(),
            level: t.kind.clone().unwrap_or_default(),
            years: since.as_ref().map(|d| years_since(d, today)),
            since,
            status: t.status.as_str(),
            agreements: both.iter().filter(|r| r.0).count(),
            last_event,
        });
    }
    out
}

/// A filter in the search line's syntax: `key:value` terms and plain words, all of which
/// must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    terms: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq)]
enum Term {
    Word(String),
    Country(String),
    Region(String),
    Level(String),
    Status(String),
    Year(i32),
    Since(i32),
    Until(i32),
}

/// The filter names [`Filter::parse`] knows.
pub const FILTERS: [&str; 7] = [
    "country", "region", "level", "status", "year", "since", "until",
];

impl Filter {
    /// Parses one term per argument (`country:finland`, `since:2010`, `new york`); an
    /// unknown filter name or a year that is not a number is an error naming the known ones.
    pub fn parse<S: AsRef<str>>(args: &[S]) -> Result<Filter, String> {
        let mut terms = Vec::new();
        for arg in args {
            let arg = arg.as_ref().trim();
            if arg.is_empty() {
                continue;
            }
            let Some((key, value)) = arg.split_once(':').filter(|(k, _)| {
                !k.is_empty() && k.chars().all(|c| c.is_ascii_alphabetic() || c == '_')
            }) else {
                terms.push(Term::Word(arg.to_lowercase()));
                continue;
            };
            let value = value.trim().trim_matches('"').to_lowercase();
            let year = || {
                value
                    .parse::<i32>()
                    .map_err(|_| format!("{key}: takes a year, e.g. {key}:2010"))
            };
            terms.push(match key.to_lowercase().as_str() {
                "country" => Term::Country(value),
                "region" => Term::Region(value),
                "level" => Term::Level(value),
                "status" => Term::Status(value),
                "year" => Term::Year(year()?),
                "since" => Term::Since(year()?),
                "until" => Term::Until(year()?),
                _ => {
                    return Err(format!(
                        "unknown filter \"{key}:\"; the filters are {}",
                        FILTERS.map(|f| format!("{f}:")).join(" ")
                    ));
                }
            });
        }
        Ok(Filter { terms })
    }

    /// Parses a line as typed in the browser: words split as a shell does, so that
    /// `region:"eastern asia"` is one term.
    pub fn parse_line(line: &str) -> Result<Filter, String> {
        let words = shell_words::split(line)
            .unwrap_or_else(|_| line.split_whitespace().map(str::to_string).collect());
        Filter::parse(&words)
    }

    /// Whether no term was given.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether a row passes every term.
    pub fn matches(&self, row: &TieRow) -> bool {
        let norm = |s: &str| s.to_lowercase().replace(['-', '_'], " ");
        let year = row.since.as_ref().map(|d| d.year);
        self.terms.iter().all(|t| match t {
            Term::Word(w) => norm(&format!(
                "{} {} {}",
                row.partner, row.partner_id, row.country
            ))
            .contains(&norm(w)),
            Term::Country(c) => norm(&row.country).starts_with(&norm(c)),
            Term::Region(r) => norm(&row.region).contains(&norm(r)),
            Term::Level(l) => norm(&row.level).contains(&norm(l)),
            Term::Status(s) => row.status.starts_with(s.as_str()),
            Term::Year(y) => year == Some(*y),
            Term::Since(y) => year.is_some_and(|x| x >= *y),
            Term::Until(y) => year.is_some_and(|x| x <= *y),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(partner: &str, since: Option<&str>, agreements: usize) -> TieRow {
        TieRow {
            tie: 0,
            id: format!("x-{partner}"),
            partner_id: partner.to_lowercase(),
            partner: partner.to_string(),
            country: "Finland".to_string(),
            region: String::new(),
            level: "sister city".to_string(),
            since: since.and_then(|s| PartialDate::parse(s).ok()),
            years: None,
            status: "active",
            agreements,
            last_event: None,
        }
    }

    #[test]
    fn years_count_whole_years_up_to_today() {
        let today = NaiveDate::from_ymd_opt(2026, 9, 7).expect("a day");
        let d = |s: &str| PartialDate::parse(s).expect("a date");
        assert_eq!(years_since(&d("1986-09-08"), today), 39);
        assert_eq!(years_since(&d("1986-09-07"), today), 40);
        assert_eq!(years_since(&d("1986"), today), 40);
    }

    #[test]
    fn sorting_keeps_undated_rows_last_both_ways() {
        let mut rows = vec![
            row("Espoo", Some("1998-09-04"), 2),
            row("Kuopio", None, 0),
            row("Oulu", Some("1990"), 1),
        ];
        sort(&mut rows, Column::Since, false);
        let names: Vec<&str> = rows.iter().map(|r| r.partner.as_str()).collect();
        assert_eq!(names, ["Oulu", "Espoo", "Kuopio"]);
        sort(&mut rows, Column::Since, true);
        let names: Vec<&str> = rows.iter().map(|r| r.partner.as_str()).collect();
        assert_eq!(names, ["Espoo", "Oulu", "Kuopio"]);
    }

    #[test]
    fn filters_combine_and_unknown_names_are_errors() {
        let f = Filter::parse(&["country:fin", "since:1995"]).expect("a filter");
        assert!(f.matches(&row("Espoo", Some("1998"), 0)));
        assert!(!f.matches(&row("Oulu", Some("1990"), 0)));
        assert!(!f.matches(&row("Kuopio", None, 0)));
        let err = Filter::parse(&["colour:red"]).expect_err("unknown filter");
        assert!(err.contains("country:") && err.contains("until:"), "{err}");
        assert!(Filter::parse(&["since:soon"]).is_err());
        let line = Filter::parse_line("level:\"sister city\" esp").expect("a filter");
        assert!(line.matches(&row("Espoo", None, 0)));
    }
}
