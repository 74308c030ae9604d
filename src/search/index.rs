//! Building the search index: every searchable string of a dataset folded once into one
//! arena, with its pinyin units and which fields give typo words, the browse order and name
//! ranks, and the typo dictionary built lazily at the first query that needs it. It must not
//! rank or match: that is [`super::rank`] and [`super::tiers`].

use super::fields::{Fields, char_bit};
use super::pinyin::{Readings, Unit};
use super::typo::{Dictionary, DictionaryBuilder};
use super::{Facets, Field, SearchIndex, contact, fold};
use crate::dataset::Dataset;
use crate::model::{Entity, Kind};

/// Builds the fields of the entities one by one: folding, pinyin units, dictionary words.
struct Builder {
    fields: Fields,
    in_dictionary: Vec<u64>,
    readings: Readings,
    units: Vec<Unit>,
    unit_start: Vec<u32>,
    folded: String,
    scratch: Vec<Unit>,
}

impl Builder {
    /// Adds a field of entity `e` (folded here); words of `in_dictionary` fields become
    /// typo targets, Han text gets its pinyin.
    fn push(&mut self, field: Field, text: &str, in_dictionary: bool) {
        fold::fold_into(text, &mut self.folded, None);
        let mut extra = 0;
        let han = self.folded.bytes().any(|b| b >= 0xe3)
            && self.readings.units(&self.folded, &mut self.scratch);
        if han {
            extra = self
                .readings
                .letters(&self.scratch)
                .fold(0, |m, c| m | char_bit(c));
        }
        if !self.fields.push(field, text, &self.folded, extra) {
            return;
        }
        if han {
            self.units.extend_from_slice(&self.scratch);
        }
        self.unit_start.push(self.units.len() as u32);
        if in_dictionary {
            let f = self.fields.len() - 1;
            if self.in_dictionary.len() <= f / 64 {
                self.in_dictionary.resize(f / 64 + 1, 0);
            }
            self.in_dictionary[f / 64] |= 1 << (f % 64);
        }
    }

    /// Adds a phone or fax number, matched by its digits.
    fn push_number(&mut self, field: Field, text: &str) {
        let digits = contact::digits(text);
        if self.fields.push(field, text, &digits, 0) {
            self.unit_start.push(self.units.len() as u32);
        }
    }
}

impl SearchIndex {
    /// Prepares every searchable string of the dataset, and what the filters look at.
    pub fn build(ds: &Dataset) -> SearchIndex {
        let mut index = SearchIndex::build_text(ds);
        index.set_facets(Facets::build(ds));
        index
    }

    /// Sets what the filters look at ([`Facets::build`] of the same dataset): a loader
    /// can build those on another thread meanwhile ([`SearchIndex::build_text`]).
    pub fn set_facets(&mut self, facets: Facets) {
        self.facets = facets;
    }

    /// Prepares every searchable string of the dataset, without what the filters look at
    /// (filters pass nothing until [`SearchIndex::set_facets`]).
    pub fn build_text(ds: &Dataset) -> SearchIndex {
        let n = ds.len();
        let mut b = Builder {
            fields: Fields::with_capacity(n),
            in_dictionary: Vec::new(),
            readings: Readings::default(),
            units: Vec::new(),
            unit_start: vec![0],
            folded: String::new(),
            scratch: Vec::new(),
        };
        let mut kinds = Vec::with_capacity(n);
        let city_of = |id: &str| match ds.get(id) {
            Some(Entity::City(c)) => Some(c),
            _ => None,
        };
        for i in 0..n {
            let e = ds.entity(i);
            let name = ds.display_name(i);
            // A tie is named after its cities, whose own entities hold those words.
            let tie = matches!(e, Entity::SisterCity(_));
            b.push(Field::Name, &name, !tie);
            if let Some(native) = e.native_name() {
                b.push(Field::NativeName, native, true);
            }
            for a in e.aliases() {
                b.push(Field::Alias, a, true);
            }
            b.push(Field::Id, e.id(), false);
            match e {
                Entity::Organization(o) => {
                    // The city's and the country's words are in the dictionary through
                    // their own entities: a typo finds those, not every organization there.
                    if let Some(c) = o.city.as_deref().and_then(city_of) {
                        b.push(Field::City, &c.name, false);
                        b.push(Field::Country, ds.country_name(&c.country), false);
                    } else if let Some(country) = o.country.as_deref().filter(|_| o.city.is_none())
                    {
                        b.push(Field::Country, ds.country_name(country), false);
                    }
                    let contact = &o.contact;
                    if let Some(a) = &contact.address {
                        b.push(Field::Address, a, false);
                    }
                    for p in &contact.phones {
                        b.push_number(Field::Phone, p);
                    }
                    for p in &contact.fax {
                        b.push_number(Field::Fax, p);
                    }
                    for m in &contact.emails {
                        b.push(Field::Email, m, false);
                    }
                    if let Some(w) = &contact.website {
                        b.push(Field::Website, w, false);
                    }
                }
                Entity::City(c) => b.push(Field::Country, ds.country_name(&c.country), true),
                Entity::Country(c) => {
                    for code in [&c.iso, &c.iso3].into_iter().flatten() {
                        b.push(Field::Alias, code, false);
                    }
                    // `europe` finds the European countries.
                    b.push(Field::Country, &c.region_text(), false);
                }
                Entity::Event(ev) => {
                    if let Some(c) = ev.place.as_deref().and_then(city_of) {
                        b.push(Field::City, &c.name, false);
                    }
                    if let Some(v) = &ev.venue {
                        b.push(Field::Address, v, false);
                    }
                }
                Entity::Agreement(a) => {
                    if let Some(c) = a.place.as_deref().and_then(city_of) {
                        b.push(Field::City, &c.name, false);
                    }
                }
                Entity::Person(p) => {
                    // `shanghai mayor`, `president soea`: the title with its organization
                    // and the organization's first alias (its abbreviation, usually).
                    for post in &p.posts {
                        let text = match ds.get(&post.organization) {
                            Some(o) => match o.aliases().first() {
                                Some(a) => format!("{}, {} ({a})", post.title, o.name()),
                                None => format!("{}, {}", post.title, o.name()),
                            },
                            None => format!("{}, {}", post.title, post.organization),
                        };
                        b.push(Field::Post, &text, false);
                    }
                }
                Entity::SisterCity(t) => {
                    // `tie: japan`, `japan ties`: the countries of its two cities.
                    let a = city_of(&t.cities.0).map(|c| ds.country_name(&c.country));
                    let z = city_of(&t.cities.1).map(|c| ds.country_name(&c.country));
                    for country in [a, z.filter(|z| Some(*z) != a)].into_iter().flatten() {
                        b.push(Field::Country, country, false);
                    }
                }
            }
            b.fields.end_item();
            kinds.push(e.kind());
        }
        let Builder {
            mut fields,
            in_dictionary,
            mut readings,
            mut units,
            unit_start,
            ..
        } = b;
        fields.shrink();
        readings.shrink();
        units.shrink_to_fit();
        // Ties of equal score go by kind, then folded name, then load order; the name
        // field comes first, folded already (an empty name has no field).
        let sort_name = |i: usize| {
            let r = fields.item(i);
            match r.clone().next() {
                Some(f) if fields.field(f) == Field::Name => fields.lower(fields.hot(f)),
                _ => "",
            }
        };
        // By name (and load order) first: that gives the links' order of names too
        // (`name_rank`); then by kind, keeping that order.
        // Sorted on the first eight bytes of each name, kept beside the entity (no pointer to
        // follow), and on the whole name only when those are equal.
        let prefix = |i: usize| {
            let mut b = [0u8; 8];
            let name = sort_name(i).as_bytes();
            let k = name.len().min(8);
            b[..k].copy_from_slice(&name[..k]);
            u64::from_be_bytes(b)
        };
        let mut keyed: Vec<(u64, u32)> = (0..n).map(|i| (prefix(i), i as u32)).collect();
        keyed.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| sort_name(a.1 as usize).cmp(sort_name(b.1 as usize)))
                .then(a.1.cmp(&b.1))
        });
        let by_name: Vec<u32> = keyed.into_iter().map(|(_, e)| e).collect();
        let mut name_rank = vec![0u32; n];
        let mut r = 0;
        for (k, &e) in by_name.iter().enumerate() {
            if k > 0 && sort_name(e as usize) != sort_name(by_name[k - 1] as usize) {
                r += 1;
            }
            name_rank[e as usize] = r;
        }
        let mut browse: Vec<u32> = Vec::with_capacity(n);
        for k in Kind::ALL {
            browse.extend(by_name.iter().filter(|&&e| kinds[e as usize] == k));
        }
        let mut rank = vec![0u32; n];
        for (r, &e) in browse.iter().enumerate() {
            rank[e as usize] = r as u32;
        }
        let kind_ranges = Kind::ALL.map(|k| {
            let start = browse.partition_point(|&e| kinds[e as usize] < k) as u32;
            let end = browse.partition_point(|&e| kinds[e as usize] <= k) as u32;
            start..end
        });
        SearchIndex {
            fields,
            kinds,
            browse,
            rank,
            kind_ranges,
            name_rank,
            dictionary: std::sync::OnceLock::new(),
            in_dictionary,
            readings,
            units,
            unit_start,
            facets: Facets::default(),
            last_typos: std::sync::Mutex::new(None),
            last: std::sync::Mutex::new(None),
        }
    }

    /// The dictionary of distinct words, built at the first query that can have a typo
    /// (a word of five letters or more): loading does not wait for it.
    pub(super) fn dictionary(&self) -> &Dictionary {
        self.dictionary.get_or_init(|| {
            let mut b = DictionaryBuilder::default();
            for i in 0..self.len() {
                for f in self.fields.item(i) {
                    if self
                        .in_dictionary
                        .get(f / 64)
                        .is_some_and(|w| w >> (f % 64) & 1 == 1)
                    {
                        b.add(self.fields.lower(self.fields.hot(f)), i as u32);
                    }
                }
            }
            b.build()
        })
    }
}
