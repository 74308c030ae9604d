//! What the filters of a query see of each entity: its date's year, its countries (with
//! their names, codes and UN M49 regions) and, for a tie, its level. Built once with the
//! index; a query's filters are resolved once ([`Resolved`]) and then checked per entity
//! without allocating.
//!
//! The countries of an entity: a city's own; an organization's through its city; a tie's
//! through either city; an agreement's or event's through its place and its parties,
//! organizers and participants; a person's through the organizations of their posts.
//! This module reads the model; it does not rank or match text.

use super::fold::fold;
use super::query::{Filter, Level};
use crate::dataset::Dataset;
use crate::model::{Entity, SisterCityTie};
use hashbrown::HashMap;

/// A country as filters know it.
#[derive(Debug, Default)]
struct Country {
    /// Folded names and codes it answers to.
    keys: Vec<String>,
    /// Folded regions and subregions it is in.
    regions: Vec<String>,
}

/// The filterable facts of every entity.
#[derive(Debug, Default)]
pub(super) struct Facets {
    /// The year of each entity's own date, 0 when undated.
    year: Vec<i16>,
    /// Each entity's date as a sort key (undated last), for listing by date.
    date: Vec<u32>,
    /// Each tie's level, `None` for other entities and ties of unknown level.
    level: Vec<Option<Level>>,
    /// Entity `i`'s countries are `countries[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    countries: Vec<u16>,
    table: Vec<Country>,
}

/// The country of a city, by what the data says: names and codes it answers to, and the
/// regions it is in.
fn city_country(ds: &Dataset, city: &str) -> Option<(Vec<String>, Vec<String>)> {
    let Some(Entity::City(c)) = ds.get(city) else {
        return None;
    };
    let name = c.country.trim();
    if name.is_empty() {
        return None;
    }
    Some((vec![fold(name)], regions_of(&fold(name))))
}

/// The UN M49 regions and subregions of a country, folded. The data model gives none yet
/// (countries are plain names), so `region:` finds nothing until it does.
fn regions_of(_country: &str) -> Vec<String> {
    Vec::new()
}

/// The level of a tie, from the words its sources use for its kind.
fn tie_level(t: &SisterCityTie) -> Option<Level> {
    let k = fold(t.kind.as_deref()?);
    let has = |w: &str| k.contains(w);
    Some(
        if has("proposal") || has("talks") || has("principle") || has("preliminary") {
            Level::Proposed
        } else if has("memorandum") || has("mou") || has("letter") || has("intent") {
            Level::Memorandum
        } else if has("friend") || has("cooperation") || has("partnership") {
            Level::Friendly
        } else if has("sister") || has("twin") {
            Level::Official
        } else {
            return None;
        },
    )
}

/// The cities through which an entity is in a country.
fn cities_of<'a>(ds: &'a Dataset, e: &'a Entity, out: &mut Vec<&'a str>) {
    let via = |id: &'a str, out: &mut Vec<&'a str>| match ds.get(id) {
        Some(Entity::City(c)) => out.push(&c.id),
        Some(Entity::Organization(o)) => out.extend(o.city.as_deref()),
        _ => {}
    };
    match e {
        Entity::City(c) => out.push(&c.id),
        Entity::Organization(o) => out.extend(o.city.as_deref()),
        Entity::SisterCity(t) => {
            out.push(&t.cities.0);
            out.push(&t.cities.1);
        }
        Entity::Agreement(a) => {
            if let Some(p) = &a.place {
                via(p, out);
            }
            for p in &a.parties {
                via(p, out);
            }
        }
        Entity::Event(ev) => {
            if let Some(p) = &ev.place {
                via(p, out);
            }
            for p in ev.organizers.iter().chain(&ev.participants) {
                via(p, out);
            }
        }
        Entity::Person(p) => {
            for post in &p.posts {
                via(&post.organization, out);
            }
        }
    }
}

impl Facets {
    /// The facets of every entity of a dataset.
    pub fn build(ds: &Dataset) -> Facets {
        let n = ds.len();
        let mut f = Facets {
            year: Vec::with_capacity(n),
            date: Vec::with_capacity(n),
            level: Vec::with_capacity(n),
            starts: Vec::with_capacity(n + 1),
            ..Facets::default()
        };
        let mut by_key: HashMap<String, u16> = HashMap::new();
        // Each city's country id, computed once.
        let mut of_city: HashMap<&str, Option<u16>> = HashMap::new();
        let mut cities = Vec::new();
        f.starts.push(0);
        for i in 0..n {
            let e = ds.entity(i);
            let (y, m, d) = e
                .date()
                .filter(|d| d.is_valid())
                .map_or((0, 0, 0), |d| d.sort_key());
            f.year.push(i16::try_from(y).unwrap_or(0));
            f.date.push(if y > 0 {
                (y as u32) << 9 | u32::from(m) << 5 | u32::from(d)
            } else {
                u32::MAX
            });
            f.level.push(match e {
                Entity::SisterCity(t) => tie_level(t),
                _ => None,
            });
            cities.clear();
            cities_of(ds, e, &mut cities);
            let from = f.countries.len();
            for &city in &cities {
                let id = *of_city.entry(city).or_insert_with(|| {
                    let (keys, regions) = city_country(ds, city)?;
                    let first = keys.first()?.clone();
                    let next = f.table.len();
                    let id = *by_key.entry(first).or_insert_with(|| next as u16);
                    if id as usize == next && next < u16::MAX as usize {
                        f.table.push(Country { keys, regions });
                    }
                    Some(id)
                });
                if let Some(id) = id
                    && !f.countries[from..].contains(&id)
                {
                    f.countries.push(id);
                }
            }
            f.starts.push(f.countries.len() as u32);
        }
        f.countries.shrink_to_fit();
        f
    }

    /// The filters of a query resolved against the countries: which countries each
    /// `country:` and `region:` filter admits.
    pub fn resolve(&self, filters: &[Filter]) -> Resolved {
        let mut sets = Vec::new();
        for filter in filters {
            let admits: Vec<bool> = match filter {
                Filter::Country(v) => {
                    let exact: Vec<bool> = self
                        .table
                        .iter()
                        .map(|c| c.keys.iter().any(|k| k == v))
                        .collect();
                    if exact.contains(&true) {
                        exact
                    } else {
                        // `country:fin` for Finland: a prefix of a name's word.
                        self.table
                            .iter()
                            .map(|c| c.keys.iter().any(|k| word_prefix(k, v)))
                            .collect()
                    }
                }
                Filter::Region(v) => self
                    .table
                    .iter()
                    .map(|c| c.regions.iter().any(|r| r == v))
                    .collect(),
                _ => continue,
            };
            sets.push(admits);
        }
        Resolved {
            filters: filters.to_vec(),
            countries: sets,
        }
    }

    /// Whether entity `i` passes every filter.
    pub fn passes(&self, i: usize, r: &Resolved) -> bool {
        let year = i32::from(self.year[i]);
        let mine = &self.countries[self.starts[i] as usize..self.starts[i + 1] as usize];
        let mut sets = r.countries.iter();
        r.filters.iter().all(|f| match f {
            Filter::Year(y) => year != 0 && year == *y,
            Filter::Since(y) => year != 0 && year >= *y,
            Filter::Until(y) => year != 0 && year <= *y,
            Filter::Level(l) => self.level[i] == Some(*l),
            Filter::Country(_) | Filter::Region(_) => sets
                .next()
                .is_some_and(|admits| mine.iter().any(|&c| admits[c as usize])),
        })
    }

    /// Entity `i`'s date as a sort key, undated last.
    pub fn date_key(&self, i: usize) -> u32 {
        self.date[i]
    }
}

/// Whether `v` starts a word of `k`.
fn word_prefix(k: &str, v: &str) -> bool {
    k.split(' ').any(|w| w.starts_with(v)) || k.starts_with(v)
}

/// A query's filters, resolved for checking.
#[derive(Debug, Clone, Default)]
pub(super) struct Resolved {
    filters: Vec<Filter>,
    countries: Vec<Vec<bool>>,
}

impl Resolved {
    /// Whether there is no filter at all.
    pub fn is_empty(&self) -> bool {
        self.filters.is_empty()
    }
}
