//! What the filters of a query see of each entity: its date's year, its countries (with
//! their names, ISO codes and UN M49 regions) and, for a tie, its level. Built once with
//! the index; a query's filters are resolved once ([`Resolved`]) and then checked per
//! entity without allocating.
//!
//! The countries of an entity are [`crate::graph::countries_of`]'s (a city's own, an
//! organization's through its city, a tie's through either side, an agreement's or event's
//! through its place and parties, a person's through their posts); where a city names its
//! country by a plain name rather than a country entity (data written before countries),
//! that name is used. This module reads the model; it does not rank or match text.

use super::fold::fold;
use super::query::Filter;
use crate::dataset::Dataset;
use crate::model::{Entity, Level};
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
    /// Each tie's level, `None` for other entities.
    level: Vec<Option<Level>>,
    /// Entity `i`'s countries are `countries[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    countries: Vec<u16>,
    table: Vec<Country>,
}

/// What a country entity answers to, and its regions.
fn country_entity(c: &crate::model::Country) -> Country {
    let mut keys: Vec<String> = [Some(&c.name), c.native_name.as_ref(), Some(&c.id)]
        .into_iter()
        .flatten()
        .chain(&c.aliases)
        .chain(c.iso.iter())
        .chain(c.iso3.iter())
        .map(|k| fold(k))
        .filter(|k| !k.is_empty())
        .collect();
    keys.dedup();
    Country {
        keys,
        regions: c.regions().map(fold).collect(),
    }
}

/// The plain country names (data without country entities) of the cities through which
/// an entity is in a country.
fn plain_countries<'a>(ds: &'a Dataset, e: &'a Entity, out: &mut Vec<&'a str>) {
    let city = |id: &str, out: &mut Vec<&'a str>| {
        if let Some(Entity::City(c)) = ds.get(id)
            && ds.country(&c.country).is_none()
            && !c.country.trim().is_empty()
        {
            out.push(c.country.as_str());
        }
    };
    let via = |id: &str, out: &mut Vec<&'a str>| match ds.get(id) {
        Some(Entity::City(_)) => city(id, out),
        Some(Entity::Organization(o)) => {
            if let Some(c) = o.city.as_deref() {
                city(c, out);
            }
        }
        _ => {}
    };
    match e {
        Entity::City(c) => city(&c.id, out),
        Entity::Organization(o) => {
            if let Some(c) = o.city.as_deref() {
                city(c, out);
            }
        }
        Entity::SisterCity(t) => {
            city(&t.cities.0, out);
            city(&t.cities.1, out);
        }
        Entity::Agreement(a) => {
            for p in a.place.iter().chain(&a.parties) {
                via(p, out);
            }
        }
        Entity::Event(ev) => {
            for p in ev
                .place
                .iter()
                .chain(&ev.organizers)
                .chain(&ev.participants)
            {
                via(p, out);
            }
        }
        Entity::Person(p) => {
            for post in &p.posts {
                via(&post.organization, out);
            }
        }
        Entity::Country(_) => {}
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
        // Table rows of country entities (by entity index) and of plain names.
        let mut of_entity: HashMap<u32, u16> = HashMap::new();
        let mut of_name: HashMap<String, u16> = HashMap::new();
        let mut plain = Vec::new();
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
                Entity::SisterCity(t) => Some(t.level),
                _ => None,
            });
            let from = f.countries.len();
            let table = &mut f.table;
            let add = |id: u16, countries: &mut Vec<u16>| {
                if !countries[from..].contains(&id) {
                    countries.push(id);
                }
            };
            for c in crate::graph::countries_of(ds, i) {
                let id = *of_entity.entry(c).or_insert_with(|| {
                    let row = match ds.entity(c as usize) {
                        Entity::Country(country) => country_entity(country),
                        _ => Country::default(),
                    };
                    table.push(row);
                    (table.len() - 1) as u16
                });
                add(id, &mut f.countries);
            }
            plain.clear();
            plain_countries(ds, e, &mut plain);
            for name in &plain {
                let key = fold(name);
                let id = *of_name.entry(key.clone()).or_insert_with(|| {
                    table.push(Country {
                        keys: vec![key],
                        regions: Vec::new(),
                    });
                    (table.len() - 1) as u16
                });
                add(id, &mut f.countries);
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
