//! The ties table: one row per sister-city tie of a city, of a country (every tie with a side
//! in it) or of a city and its districts — side, partner, country, region, sub-region, level,
//! since, years, status, agreements, last event — sortable by any column and filtered with
//! the search line's `key:value` syntax (`country:`, `region:`, `level:`, `status:`,
//! `year:`, `since:`, `until:`) plus words that must appear in the partner's name or country.
//! [`table`] keeps official ties only unless asked for every level or filtered by `level:`.
//!
//! An agreement or event belongs to a tie when it concerns both of its cities: a city is
//! concerned when it, a district of it or an organization located in either is a party,
//! organizer, participant or the place; the agreement a tie rests on always counts. This
//! module is shared by `liaison ties` and the browser; it knows nothing about terminals and
//! does not print.

use crate::dataset::Dataset;
use crate::model::{Entity, Level, PartialDate};
use chrono::{Datelike, NaiveDate};
use std::cmp::Ordering;

/// One tie, seen from the city, country or region whose table it is.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TieRow {
    /// The tie's index in the dataset.
    #[serde(skip)]
    pub tie: usize,
    /// The tie's id.
    pub id: String,
    /// The side of the tie that belongs to the table's subject: the city itself, one of its
    /// districts, or a city of the country.
    pub side: String,
    /// The partner city's id.
    pub partner_id: String,
    /// The partner city's name.
    pub partner: String,
    /// The partner's country.
    pub country: String,
    /// The partner's UN M49 region (empty when the data does not say).
    pub region: String,
    /// The partner's UN M49 sub-region (empty when the data does not say).
    pub subregion: String,
    /// The level: `official`, `friendly_exchange`, `memorandum`, `proposed`.
    #[serde(serialize_with = "level_name")]
    pub level: Level,
    /// When it was established.
    pub since: Option<PartialDate>,
    /// Whole years since then, as of the day the table is made.
    pub years: Option<i32>,
    /// "active", "ended" or "proposed".
    pub status: &'static str,
    /// How many agreements concern both cities.
    pub agreements: usize,
    /// The latest dated event that concerns both cities: its date and title.
    pub last_event: Option<LastEvent>,
    /// Lower-cased names and codes the partner's country answers to (`country:`).
    #[serde(skip)]
    pub country_keys: Vec<String>,
    /// Lower-cased regions, sub-regions and intermediate regions (`region:`).
    #[serde(skip)]
    pub region_keys: Vec<String>,
}

/// The latest event that concerns both cities of a tie.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LastEvent {
    /// The event's id.
    pub id: String,
    /// When it took place.
    pub date: PartialDate,
    /// Its title.
    pub title: String,
}

fn level_name<S: serde::Serializer>(level: &Level, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(level.as_str())
}

/// The columns, in table order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The subject's side of the tie.
    Side,
    /// The partner city.
    Partner,
    /// Its country.
    Country,
    /// Its world region.
    Region,
    /// Its sub-region.
    Subregion,
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
    pub const ALL: [Column; 11] = [
        Column::Side,
        Column::Partner,
        Column::Country,
        Column::Region,
        Column::Subregion,
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
            Column::Side => "side",
            Column::Partner => "partner",
            Column::Country => "country",
            Column::Region => "region",
            Column::Subregion => "subregion",
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
                "name" => Some(Column::Partner),
                "city" | "own" => Some(Column::Side),
                "sub_region" => Some(Column::Subregion),
                _ => None,
            })
    }

    /// A row's value in this column, as text.
    pub fn text(self, row: &TieRow) -> String {
        match self {
            Column::Side => row.side.clone(),
            Column::Partner => row.partner.clone(),
            Column::Country => row.country.clone(),
            Column::Region => row.region.clone(),
            Column::Subregion => row.subregion.clone(),
            Column::Level => row.level.as_str().replace('_', " "),
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
                .map(|e| format!("{} {}", e.date, e.title))
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
            Column::Level => a.level.cmp(&b.level),
            Column::LastEvent => some_first(
                a.last_event.as_ref().map(|e| &e.date),
                b.last_event.as_ref().map(|e| &e.date),
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

/// The cities an entity concerns: a city and every city or region it is part of; the same
/// for an organization's city.
fn cities_of(ds: &Dataset, id: &str, out: &mut Vec<usize>) {
    let Some(i) = ds.index_of(id) else {
        return;
    };
    let mut at = match ds.entity(i) {
        Entity::City(_) => Some(i),
        Entity::Organization(o) => o.city.as_deref().and_then(|c| ds.index_of(c)),
        _ => None,
    };
    // Validation drops part_of cycles; the walk stops after 16 steps anyway.
    for _ in 0..16 {
        let Some(c) = at else {
            return;
        };
        out.push(c);
        at = match ds.entity(c) {
            Entity::City(city) => city.part_of.as_deref().and_then(|p| ds.index_of(p)),
            _ => None,
        };
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
    let mut out = Vec::new();
    for id in ids {
        cities_of(ds, id, &mut out);
    }
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

/// The sister-city tie between two cities (either way round), if the data has one.
pub fn between(ds: &Dataset, a: usize, b: usize) -> Option<&crate::model::SisterCityTie> {
    let (a, b) = (ds.entity(a).id(), ds.entity(b).id());
    ds.entities().iter().find_map(|e| match e {
        Entity::SisterCity(t)
            if (t.cities.0 == a && t.cities.1 == b) || (t.cities.0 == b && t.cities.1 == a) =>
        {
            Some(t)
        }
        _ => None,
    })
}

/// Whose ties a table lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// A city or region (`districts`: with the ties of the cities that are part of it).
    City {
        /// The city's index.
        city: usize,
        /// Whether its districts' ties are listed too.
        districts: bool,
    },
    /// A country: every tie with a side in it.
    Country(usize),
}

impl Subject {
    /// The subject for an entity: a city or a country; `None` for other kinds.
    pub fn of(ds: &Dataset, i: usize, districts: bool) -> Option<Subject> {
        match ds.entity(i) {
            Entity::City(_) => Some(Subject::City { city: i, districts }),
            Entity::Country(_) => Some(Subject::Country(i)),
            _ => None,
        }
    }

    /// Whether the city at `c` is on the subject's side.
    fn holds(self, ds: &Dataset, c: usize) -> bool {
        match self {
            Subject::City { city, districts } => {
                c == city
                    || (districts && {
                        let mut up = Vec::new();
                        cities_of(ds, ds.entity(c).id(), &mut up);
                        up.contains(&city)
                    })
            }
            Subject::Country(country) => {
                crate::graph::countries_of(ds, c).contains(&(country as u32))
            }
        }
    }
}

/// The partner's country: its name, its region and sub-region, and what `country:` and
/// `region:` match (name, id, ISO codes, aliases; every level of region).
fn country_of(ds: &Dataset, city: usize) -> (String, String, String, Vec<String>, Vec<String>) {
    let found =
        crate::graph::countries_of(ds, city)
            .first()
            .and_then(|&k| match ds.entity(k as usize) {
                Entity::Country(c) => Some(c),
                _ => None,
            });
    match (found, ds.entity(city)) {
        (Some(c), _) => {
            let keys = [Some(&c.id), Some(&c.name), c.iso.as_ref(), c.iso3.as_ref()]
                .into_iter()
                .flatten()
                .chain(&c.aliases)
                .chain(&c.native_name)
                .map(|k| k.to_lowercase())
                .collect();
            (
                c.name.clone(),
                c.region.clone().unwrap_or_default(),
                c.subregion.clone().unwrap_or_default(),
                keys,
                c.regions().map(str::to_lowercase).collect(),
            )
        }
        // Data without country entities names the country in words.
        (None, Entity::City(c)) => (
            c.country.clone(),
            String::new(),
            String::new(),
            vec![c.country.to_lowercase()],
            Vec::new(),
        ),
        _ => Default::default(),
    }
}

/// An agreement or event and the cities it concerns.
struct Related<'a> {
    /// The entity's id.
    id: &'a str,
    /// The agreement's id; `None` for an event.
    agreement: Option<&'a str>,
    date: Option<PartialDate>,
    title: &'a str,
    cities: Vec<usize>,
}

/// The ties of `subject`, one row each, every level, in the order of the data.
pub fn rows(ds: &Dataset, subject: Subject, today: NaiveDate) -> Vec<TieRow> {
    let related: Vec<Related<'_>> = ds
        .entities()
        .iter()
        .filter(|e| matches!(e, Entity::Agreement(_) | Entity::Event(_)))
        .map(|e| Related {
            id: e.id(),
            agreement: matches!(e, Entity::Agreement(_)).then(|| e.id()),
            date: e.date().filter(|d| d.is_valid()).cloned(),
            title: e.name(),
            cities: concerned(ds, e),
        })
        .collect();
    let mut out = Vec::new();
    for (i, e) in ds.entities().iter().enumerate() {
        let Entity::SisterCity(t) = e else {
            continue;
        };
        let (Some(a), Some(b)) = (ds.index_of(&t.cities.0), ds.index_of(&t.cities.1)) else {
            continue;
        };
        let (side, partner) = if subject.holds(ds, a) {
            (a, b)
        } else if subject.holds(ds, b) {
            (b, a)
        } else {
            continue;
        };
        let (country, region, subregion, country_keys, region_keys) = country_of(ds, partner);
        let both: Vec<_> = related
            .iter()
            .filter(|r| r.cities.contains(&side) && r.cities.contains(&partner))
            .collect();
        let last_event = both
            .iter()
            .filter(|r| r.agreement.is_none())
            .filter_map(|r| {
                Some(LastEvent {
                    id: r.id.to_string(),
                    date: r.date.clone()?,
                    title: r.title.to_string(),
                })
            })
            .max_by(|x, y| x.date.cmp(&y.date));
        let mut agreements: Vec<&str> = both.iter().filter_map(|r| r.agreement).collect();
        if let Some(own) = t.agreement.as_deref()
            && ds.get(own).is_some()
            && !agreements.contains(&own)
        {
            agreements.push(own);
        }
        let since = t.established.clone().filter(PartialDate::is_valid);
        out.push(TieRow {
            tie: i,
            id: t.id.clone(),
            side: ds.display_name(side),
            partner_id: ds.entity(partner).id().to_string(),
            partner: ds.display_name(partner),
            country,
            region,
            subregion,
            level: t.level,
            years: since.as_ref().map(|d| years_since(d, today)),
            since,
            status: t.status.as_str(),
            agreements: agreements.len(),
            last_event,
            country_keys,
            region_keys,
        });
    }
    out
}

/// The table as a user asks for it: the rows of `subject` that pass `filter`, official ties
/// only unless `every_level` or the filter names a level, sorted by `column`.
pub fn table(
    ds: &Dataset,
    subject: Subject,
    today: NaiveDate,
    filter: &Filter,
    every_level: bool,
    column: Column,
    descending: bool,
) -> Vec<TieRow> {
    let official_only = !every_level && !filter.names_level();
    let mut list: Vec<TieRow> = rows(ds, subject, today)
        .into_iter()
        .filter(|r| !official_only || r.level == Level::Official)
        .filter(|r| filter.matches(r))
        .collect();
    sort(&mut list, column, descending);
    list
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
    Level(Level),
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
                "level" => Term::Level(Level::parse(&value).ok_or_else(|| {
                    format!(
                        "unknown level \"{value}\"; the levels are {}",
                        Level::ALL.map(Level::as_str).join(", ")
                    )
                })?),
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

    /// Whether a `level:` term was given.
    pub fn names_level(&self) -> bool {
        self.terms.iter().any(|t| matches!(t, Term::Level(_)))
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
            Term::Country(c) => {
                norm(&row.country).starts_with(&norm(c))
                    || row.country_keys.iter().any(|k| norm(k) == norm(c))
            }
            Term::Region(r) => row.region_keys.iter().any(|k| norm(k) == norm(r)),
            Term::Level(l) => row.level == *l,
            Term::Status(s) => row.status.starts_with(s.as_str()),
            Term::Year(y) => year == Some(*y),
            Term::Since(y) => year.is_some_and(|x| x >= *y),
            Term::Until(y) => year.is_some_and(|x| x <= *y),
        })
    }
}

/// The rows as RFC 4180 CSV through the `csv` crate: a header row, the tie's and the
/// partner's ids, then every column. A cell that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading
/// `'`.
pub fn to_csv(list: &[TieRow]) -> std::io::Result<Vec<u8>> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header = vec!["id", "partner_id"];
    header.extend(Column::ALL.iter().map(|c| c.name()));
    w.write_record(&header)?;
    for r in list {
        let mut record = vec![r.id.clone(), r.partner_id.clone()];
        record.extend(Column::ALL.iter().map(|c| c.text(r)));
        w.write_record(record.iter().map(|cell| guard(cell)))?;
    }
    w.into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))
}

/// A cell made safe for a spreadsheet and a terminal: controls shown escaped, a formula
/// start defused with `'`.
fn guard(cell: &str) -> String {
    let clean = crate::text::clean_line(cell);
    if clean.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{clean}")
    } else {
        clean.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(partner: &str, since: Option<&str>, agreements: usize) -> TieRow {
        TieRow {
            tie: 0,
            id: format!("x-{partner}"),
            side: "Shanghai".to_string(),
            partner_id: partner.to_lowercase(),
            partner: partner.to_string(),
            country: "Finland".to_string(),
            region: "Europe".to_string(),
            subregion: "Northern Europe".to_string(),
            level: Level::Official,
            since: since.and_then(|s| PartialDate::parse(s).ok()),
            years: None,
            status: "active",
            agreements,
            last_event: None,
            country_keys: vec!["finland".to_string(), "fi".to_string()],
            region_keys: vec!["europe".to_string(), "northern europe".to_string()],
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
        let line =
            Filter::parse_line("region:\"northern europe\" level:official esp").expect("a filter");
        assert!(line.matches(&row("Espoo", None, 0)));
        assert!(
            Filter::parse(&["country:FI"])
                .expect("a filter")
                .matches(&row("Oulu", None, 0))
        );
        assert!(
            !Filter::parse(&["region:asia"])
                .expect("a filter")
                .matches(&row("Oulu", None, 0))
        );
        assert!(Filter::parse(&["level:twinned"]).is_err());
    }
}
