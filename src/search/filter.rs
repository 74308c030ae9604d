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

/// The filterable facts of every entity: built once with the index
/// ([`super::SearchIndex::set_facets`]).
#[derive(Debug, Default)]
pub struct Facets {
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

/// No country, in [`Resolver`]'s memo.
const NONE: u32 = u32::MAX;
/// Not looked at yet, in [`Resolver`]'s memo.
const UNSEEN: u32 = u32::MAX - 1;

/// Finds the countries of entities as [`crate::graph::countries_of`] does, remembering
/// each place's country (one table row) so that a city is resolved once, not once per
/// organization, tie or event that names it; a city naming its country by a plain name
/// gets a row of its own for that name.
struct Resolver<'a> {
    ds: &'a Dataset,
    /// Each entity's row as a place (a city's country, an organization's through its
    /// city, a country itself), or [`NONE`] / [`UNSEEN`].
    place: Vec<u32>,
    of_name: HashMap<String, u32>,
    table: Vec<Country>,
    /// Each country entity's row.
    of_country: HashMap<u32, u32>,
}

impl Resolver<'_> {
    fn country_row(&mut self, k: usize) -> u32 {
        let next = self.table.len() as u32;
        let row = *self.of_country.entry(k as u32).or_insert(next);
        if row == next {
            self.table.push(match self.ds.entity(k) {
                Entity::Country(c) => country_entity(c),
                _ => Country::default(),
            });
        }
        row
    }

    /// The row of a `country` value: a country entity's id, or a name in data without
    /// country entities. `None` for an empty value or an id of something else.
    fn country_value(&mut self, value: &str) -> Option<u32> {
        let ds = self.ds;
        if let Some(k) = ds.index_of(value)
            && matches!(ds.entity(k), Entity::Country(_))
        {
            return Some(self.country_row(k));
        }
        let name = value.trim();
        if name.is_empty() || ds.index_of(name).is_some() {
            return None;
        }
        let key = fold(name);
        let next = self.table.len() as u32;
        let row = *self.of_name.entry(key.clone()).or_insert(next);
        if row == next {
            self.table.push(Country {
                keys: vec![key],
                regions: Vec::new(),
            });
        }
        Some(row)
    }

    /// The row of a city (walking up `part_of`, at most 16 steps).
    fn city(&mut self, at: usize, depth: u8) -> u32 {
        let ds = self.ds;
        let Entity::City(c) = ds.entity(at) else {
            return NONE;
        };
        if let Some(row) = self.country_value(&c.country) {
            return row;
        }
        match c.part_of.as_deref().and_then(|p| ds.index_of(p)) {
            Some(up) if depth < 16 => self.place_of(up, depth + 1),
            _ => NONE,
        }
    }

    /// The row of a place: a city, an organization through its city (or its own country
    /// when it has none), a country.
    fn place_of(&mut self, at: usize, depth: u8) -> u32 {
        if self.place[at] != UNSEEN {
            return self.place[at];
        }
        let ds = self.ds;
        let row = match ds.entity(at) {
            Entity::City(_) => self.city(at, depth),
            Entity::Organization(o) => match o.city.as_deref().and_then(|c| ds.index_of(c)) {
                Some(c) if matches!(ds.entity(c), Entity::City(_)) => self.city(c, depth),
                Some(_) => NONE,
                None => {
                    let country = o.country.as_deref().filter(|_| o.city.is_none());
                    country.and_then(|c| self.country_value(c)).unwrap_or(NONE)
                }
            },
            Entity::Country(_) => self.country_row(at),
            _ => NONE,
        };
        self.place[at] = row;
        row
    }

    fn place_id(&mut self, id: &str) -> u32 {
        match self.ds.index_of(id) {
            Some(at) => self.place_of(at, 0),
            None => NONE,
        }
    }

    /// A city's row, by id (an agreement's or event's place).
    fn city_id(&mut self, id: &str) -> u32 {
        match self.ds.index_of(id) {
            Some(at) if matches!(self.ds.entity(at), Entity::City(_)) => self.place_of(at, 0),
            _ => NONE,
        }
    }

    /// The rows of the organizations where a person holds or held a post.
    fn person(&mut self, at: usize, out: &mut Vec<u32>) {
        if let Entity::Person(p) = self.ds.entity(at) {
            for post in &p.posts {
                out.push(self.place_id(&post.organization));
            }
        }
    }

    /// Entity `i`'s rows, with [`NONE`] and repeats among them.
    fn rows(&mut self, i: usize, out: &mut Vec<u32>) {
        out.clear();
        let ds = self.ds;
        match ds.entity(i) {
            Entity::Country(_) | Entity::City(_) | Entity::Organization(_) => {
                out.push(self.place_of(i, 0));
            }
            Entity::SisterCity(t) => {
                out.push(self.city_id(&t.cities.0));
                out.push(self.city_id(&t.cities.1));
            }
            Entity::Agreement(a) => {
                if let Some(p) = &a.place {
                    out.push(self.city_id(p));
                }
                for p in &a.parties {
                    out.push(self.place_id(p));
                }
            }
            Entity::Event(ev) => {
                if let Some(p) = &ev.place {
                    out.push(self.city_id(p));
                }
                for p in ev.organizers.iter().chain(&ev.participants) {
                    match ds.index_of(p) {
                        Some(at) if matches!(ds.entity(at), Entity::Person(_)) => {
                            self.person(at, out);
                        }
                        Some(at) => out.push(self.place_of(at, 0)),
                        None => {}
                    }
                }
            }
            Entity::Person(_) => self.person(i, out),
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
        let mut resolver = Resolver {
            ds,
            place: vec![UNSEEN; n],
            of_name: HashMap::new(),
            table: Vec::new(),
            of_country: HashMap::new(),
        };
        let mut rows = Vec::new();
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
            resolver.rows(i, &mut rows);
            let from = f.countries.len();
            for &row in &rows {
                if let Ok(row) = u16::try_from(row)
                    && !f.countries[from..].contains(&row)
                {
                    f.countries.push(row);
                }
            }
            f.starts.push(f.countries.len() as u32);
        }
        f.countries.shrink_to_fit();
        f.table = resolver.table;
        f
    }

    /// Entity `i`'s countries as table rows (for tests against the graph's answer).
    #[cfg(test)]
    fn names_of(&self, i: usize) -> Vec<&str> {
        self.countries[self.starts[i] as usize..self.starts[i + 1] as usize]
            .iter()
            .filter_map(|&c| self.table[c as usize].keys.first().map(String::as_str))
            .collect()
    }

    /// The filters of a query resolved against the countries: which countries each
    /// `country:` and `region:` filter admits.
    pub(super) fn resolve(&self, filters: &[Filter]) -> Resolved {
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

    /// Whether `folded` is the name of a UN M49 region, sub-region or intermediate region
    /// of some country in the data.
    pub(super) fn is_region(&self, folded: &str) -> bool {
        self.table
            .iter()
            .any(|c| c.regions.iter().any(|r| r == folded))
    }

    /// Whether entity `i` passes every filter.
    pub(super) fn passes(&self, i: usize, r: &Resolved) -> bool {
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
    pub(super) fn date_key(&self, i: usize) -> u32 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::DataChoice;

    #[test]
    fn countries_are_those_the_graph_gives_on_the_built_in_data() {
        let ds = Dataset::load(&DataChoice::Builtin);
        let facets = Facets::build(&ds);
        for i in 0..ds.len() {
            let want: Vec<String> = crate::graph::countries_of(&ds, i)
                .into_iter()
                .filter_map(|c| match ds.entity(c as usize) {
                    Entity::Country(c) => Some(fold(&c.name)),
                    _ => None,
                })
                .collect();
            assert_eq!(facets.names_of(i), want, "{}", ds.entity(i).id());
        }
    }
}
