//! Search over names, native names, aliases, ids, places, countries and contact details,
//! with filters: what a person types finds what they mean.
//!
//! Ranking is what a person expects: an exact name, abbreviation or id first, then names
//! that start with the query, then names with words starting with each query word, then
//! substrings, then words within a typo or two ([`typo`]), then plausible fuzzy matches
//! (skim's algorithm, as in fuzzy-matcher). Han-script names match their pinyin as Chinese
//! contact lists do ([`pinyin`]); accents, case, full-width forms and punctuation are folded
//! alike in the data and the query ([`fold`]); a query of five digits or more matches phone
//! and fax numbers however they are written ([`contact`]). Matches on a secondary field
//! (city, country, address, contact) rank below matches on a name. Ties are broken by kind,
//! then name. The query line's filters (`country:`, `region:`, `year:`, `since:`, `until:`,
//! `level:` and the kinds; see [`FILTERS`]) are parsed by [`query`] and checked by [`filter`].
//!
//! Every searchable string is folded once when the index is built, into one arena, with a
//! bitmask of its characters that rejects most fields without reading them ([`fields`]);
//! matching runs the cheap tiers in one scan and skim only where it can decide
//! ([`matching`]). A search keeps the best hits with a partial selection instead of sorting
//! them all, counts the hits of every kind, and runs on two threads for large datasets;
//! match positions are computed only for the hits that are shown
//! ([`SearchIndex::positions`]). The domain never imports the user interface.

mod contact;
mod fields;
mod filter;
pub mod fold;
mod matching;
mod pinyin;
mod query;
mod typo;

pub use query::{FILTERS, Filter, FilterDoc, Query};

use crate::dataset::Dataset;
use crate::model::{Entity, Kind};
use crate::par::in_parallel;
use fields::{Fields, NON_ASCII, char_bit};
pub use filter::Facets;
use filter::Resolved;
use matching::{Fuzzy, Prepared, fuzzy, plain_tier};
use pinyin::{Readings, Unit, match_units};
use typo::{Dictionary, DictionaryBuilder};

/// Which field of an entity a hit matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The name (or title).
    Name,
    /// The native name.
    NativeName,
    /// An alias or abbreviation.
    Alias,
    /// The id.
    Id,
    /// The city it is in (or a city's country).
    City,
    /// The contact address, or an event's venue.
    Address,
    /// The country it is in.
    Country,
    /// A phone number.
    Phone,
    /// A fax number.
    Fax,
    /// An e-mail address.
    Email,
    /// A website.
    Website,
}

impl Field {
    fn is_primary(self) -> bool {
        matches!(
            self,
            Field::Name | Field::NativeName | Field::Alias | Field::Id
        )
    }
}

/// How well a field matched, best last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// Letters in order, with gaps.
    Fuzzy,
    /// Each query word is a word of the entity within a typo or two (or starts one).
    Typo,
    /// The query appears inside.
    Substring,
    /// Each query word starts a word.
    WordStart,
    /// The field starts with the query.
    Prefix,
    /// The field is the query.
    Exact,
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The entity's index in the dataset.
    pub entity: u32,
    /// How well it matched.
    pub tier: Tier,
    /// The field that matched best.
    pub field: Field,
    /// Index of that field's text among the entity's fields (see [`SearchIndex::field_text`]).
    pub field_index: u16,
    /// A score: higher is better (tier, then fuzzy quality).
    pub score: i64,
}

/// The best hits of a search and how many entities of each kind matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// The best hits, best first: at most the limit asked for, of the kind asked for.
    pub hits: Vec<Hit>,
    /// How many entities matched, by kind (indexed by `Kind as usize`, [`Kind::ALL`] order).
    pub matched: [usize; Kind::ALL.len()],
    /// Why the query could not run (an unknown filter, a bad value), to show the user.
    pub error: Option<String>,
}

impl Ranked {
    /// How many entities matched, every kind together.
    pub fn total(&self) -> usize {
        self.matched.iter().sum()
    }

    /// How many entities of a kind matched.
    pub fn of_kind(&self, kind: Kind) -> usize {
        self.matched[kind as usize]
    }
}

/// The prepared search index of a dataset.
pub struct SearchIndex {
    fields: Fields,
    kinds: Vec<Kind>,
    /// Every entity by kind, then folded name, then load order: the order of an empty
    /// search, and the tie-break of equal scores.
    browse: Vec<u32>,
    /// Each entity's position in `browse`.
    rank: Vec<u32>,
    /// Where each kind's entities are in `browse`.
    kind_ranges: [std::ops::Range<u32>; Kind::ALL.len()],
    /// Each entity's rank by folded display name alone (equal names, equal ranks).
    name_rank: Vec<u32>,
    /// The distinct words of names, aliases, cities and countries, for typos.
    dictionary: std::sync::OnceLock<Dictionary>,
    /// Which fields' words go into the dictionary, a bit per field.
    in_dictionary: Vec<u64>,
    /// The pinyin readings of the Han characters seen.
    readings: Readings,
    /// The pinyin units of every field with Han characters.
    units: Vec<Unit>,
    /// Field `f`'s units are `units[unit_start[f]..unit_start[f + 1]]` (often empty).
    unit_start: Vec<u32>,
    /// What the filters look at.
    facets: Facets,
    /// The typo hits of the last query text (a search and the scores of single entities
    /// for the same text share them).
    last_typos: std::sync::Mutex<Option<(String, std::sync::Arc<Vec<TypoHit>>)>>,
    /// The last one-word query and the entities holding it in order (see [`Narrowing`]).
    last: std::sync::Mutex<Option<Narrowing>>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("items", &self.kinds.len())
            .field("dictionary", &self.dictionary.get())
            .finish()
    }
}

/// Below this many entities a search runs on one thread.
const PARALLEL_FROM: usize = 20_000;

/// The highest score plus one: `SCORE_CEIL - score` sorts best first.
const SCORE_CEIL: i64 = 1 << 31;

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
                _ => {}
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
    fn dictionary(&self) -> &Dictionary {
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

    /// Each entity's rank by folded display name (equal names share a rank): the order
    /// of links under a heading ([`crate::graph::Graph::build_ranked`]).
    pub fn name_ranks(&self) -> &[u32] {
        &self.name_rank
    }

    /// Number of entities indexed.
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// Every entity (of a kind, or all) in the order of an empty search: by kind, then name.
    pub fn browse(&self, kind: Option<Kind>) -> &[u32] {
        match kind {
            None => &self.browse,
            Some(k) => {
                let r = &self.kind_ranges[k as usize];
                &self.browse[r.start as usize..r.end as usize]
            }
        }
    }

    /// The best `limit` hits for a query, best first. A query without text lists every
    /// entity that passes its filters (of the filtered kind) by kind and name, ties by date.
    pub fn search(&self, query: &Query, limit: usize) -> Vec<Hit> {
        self.rank(query, None, limit).hits
    }

    /// The best `limit` hits of kind `listed` (every kind when `None`), and how many
    /// entities of each kind match: what a list with one tab per kind shows.
    pub fn rank(&self, query: &Query, listed: Option<Kind>, limit: usize) -> Ranked {
        self.rank_unless(query, listed, limit, &|| false)
            .unwrap_or_else(|| Ranked {
                hits: Vec::new(),
                matched: [0; Kind::ALL.len()],
                error: None,
            })
    }

    /// Like [`SearchIndex::rank`], giving up (`None`) as soon as `cancelled` says so: a
    /// search that typing has made stale stops early.
    pub fn rank_unless(
        &self,
        query: &Query,
        listed: Option<Kind>,
        limit: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Ranked> {
        let mut matched = [0usize; Kind::ALL.len()];
        if let Some(e) = &query.error {
            return Some(Ranked {
                hits: Vec::new(),
                matched,
                error: Some(e.clone()),
            });
        }
        let filters = self.facets.resolve(&query.filters);
        if query.text.is_empty() {
            return Some(self.list_all(query, &filters, listed, limit));
        }
        let q = Prepared::new(&query.text);
        // Words within a typo or two, found in the dictionary (usually none).
        let typos = self.typo_hits(&q);
        // Typing a word only narrows it: the entities that held the previous query in order
        // hold every hit of this one.
        let narrowed = self.narrowed(query, &q);
        let among = |r: std::ops::Range<usize>| -> Among<'_> {
            match &narrowed {
                Some(items) => Among::Some(&items[r]),
                None => Among::All(r),
            }
        };
        let n = narrowed.as_ref().map_or(self.len(), |items| items.len());
        let scan = Scan {
            q: &q,
            only: query.kind,
            listed,
            limit,
            filters: &filters,
        };
        // First the cheap tiers; entities with none are candidates for a fuzzy match.
        let first = in_parallel(n, PARALLEL_FROM, |r| {
            self.scan_plain(&scan, among(r), cancelled)
        });
        let mut keys = Vec::new();
        let mut candidates = Vec::new();
        let mut kept = Vec::new();
        let mut plain_listed = 0;
        for part in first {
            let part = part?;
            keys.extend(part.keys);
            candidates.extend(part.candidates);
            kept.extend(part.hits);
            plain_listed += part.listed;
            add(&mut matched, &part.matched);
        }
        // Typo hits: those without a plain match.
        for t in typos.iter() {
            let i = t.entity as usize;
            if query.kind.is_some_and(|k| k != self.kinds[i])
                || (!filters.is_empty() && !self.facets.passes(i, &filters))
                || self.best_plain(i, &q).is_some()
            {
                continue;
            }
            matched[self.kinds[i] as usize] += 1;
            if listed.is_none_or(|k| k == self.kinds[i]) {
                plain_listed += 1;
                self.push_key(&mut keys, i, t.score, limit);
            }
        }
        // A fuzzy hit ranks below every other: when enough of those fill the list, a fuzzy
        // candidate need only be found to match (to be counted), not scored.
        let scored = plain_listed < limit;
        let second = in_parallel(candidates.len(), PARALLEL_FROM, |r| {
            self.scan_fuzzy(
                &q,
                &candidates[r],
                &typos,
                listed.filter(|_| scored),
                scored,
                limit,
                cancelled,
            )
        });
        for part in second {
            let part = part?;
            keys.extend(part.keys);
            kept.extend(part.in_order);
            add(&mut matched, &part.matched);
        }
        if q.one_word {
            kept.sort_unstable();
            self.remember(query, kept);
        }
        keep_best(&mut keys, limit);
        let hits = keys
            .iter()
            .filter_map(|&key| {
                let e = self.browse[(key & u64::from(u32::MAX)) as usize] as usize;
                self.score_item(e, &q, &typos)
            })
            .collect();
        Some(Ranked {
            hits,
            matched,
            error: None,
        })
    }

    /// A query without text: every entity of its kind that passes its filters, by kind
    /// and name; with filters, ties by date.
    fn list_all(
        &self,
        query: &Query,
        filters: &Resolved,
        listed: Option<Kind>,
        limit: usize,
    ) -> Ranked {
        let mut matched = [0usize; Kind::ALL.len()];
        let mut hits = Vec::new();
        for k in Kind::ALL {
            if query.kind.is_some_and(|q| q != k) {
                continue;
            }
            let of_kind = self.browse(Some(k));
            let show = listed.is_none_or(|l| l == k);
            if filters.is_empty() {
                matched[k as usize] = of_kind.len();
                if show {
                    hits.extend(of_kind.iter().take(limit.saturating_sub(hits.len())));
                }
                continue;
            }
            let mut passing: Vec<u32> = of_kind
                .iter()
                .copied()
                .filter(|&e| self.facets.passes(e as usize, filters))
                .collect();
            matched[k as usize] = passing.len();
            if show {
                if k == Kind::SisterCity {
                    passing.sort_by_key(|&e| self.facets.date_key(e as usize));
                }
                hits.extend(passing.into_iter().take(limit.saturating_sub(hits.len())));
            }
        }
        let hits = hits
            .into_iter()
            .map(|e| Hit {
                entity: e,
                tier: Tier::Exact,
                field: Field::Name,
                field_index: 0,
                score: 0,
            })
            .collect();
        Ranked {
            hits,
            matched,
            error: None,
        }
    }

    /// The entities to look at for `query`: those that held the last one-word query in
    /// order, when this one extends it with the same kind and filters; `None` for all.
    fn narrowed(&self, query: &Query, q: &Prepared<'_>) -> Option<std::sync::Arc<Vec<u32>>> {
        let last = self.last.lock().ok()?;
        let last = last.as_ref()?;
        (q.one_word
            && last.kind == query.kind
            && last.filters == query.filters
            && query.text.starts_with(&last.text))
        .then(|| last.items.clone())
    }

    /// Remembers the entities that hold a one-word query in order, for the next keystroke.
    fn remember(&self, query: &Query, items: Vec<u32>) {
        if let Ok(mut last) = self.last.lock() {
            *last = Some(Narrowing {
                text: query.text.clone(),
                kind: query.kind,
                filters: query.filters.clone(),
                items: std::sync::Arc::new(items),
            });
        }
    }

    /// The cheap tiers for some entities: the sort keys of the best `limit` hits of kind
    /// `listed`, the hits of each kind, and the entities left for fuzzy matching.
    fn scan_plain(
        &self,
        s: &Scan<'_, '_>,
        among: Among<'_>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Plain> {
        let q = s.q;
        let mut part = Plain::default();
        for (n, i) in among.enumerate() {
            if n % 4096 == 0 && cancelled() {
                return None;
            }
            let kind = self.kinds[i];
            if s.only.is_some_and(|k| k != kind)
                || self.fields.item_mask(i) & q.mask != q.mask
                || (!s.filters.is_empty() && !self.facets.passes(i, s.filters))
            {
                continue;
            }
            let Some((score, _, _)) = self.best_plain(i, q) else {
                part.candidates.push(i as u32);
                continue;
            };
            part.matched[kind as usize] += 1;
            if q.one_word {
                part.hits.push(i as u32);
            }
            if s.listed.is_none_or(|k| k == kind) {
                part.listed += 1;
                self.push_key(&mut part.keys, i, score, s.limit);
            }
        }
        keep_best(&mut part.keys, s.limit);
        Some(part)
    }

    /// Fuzzy matching of `candidates` (those that are typo hits only tell whether they
    /// hold the query in order): the keys of the best `limit` hits of kind `listed` when
    /// `scored` (else none), the hits of each kind, and the candidates that hold the query
    /// in order.
    #[allow(clippy::too_many_arguments)]
    fn scan_fuzzy(
        &self,
        q: &Prepared<'_>,
        candidates: &[u32],
        typos: &[TypoHit],
        listed: Option<Kind>,
        scored: bool,
        limit: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<FuzzyPart> {
        let mut part = FuzzyPart::default();
        for (n, &i) in candidates.iter().enumerate() {
            if n % 1024 == 0 && cancelled() {
                return None;
            }
            let typo = !typos.is_empty() && typos.binary_search_by_key(&i, |t| t.entity).is_ok();
            let i = i as usize;
            let kind = self.kinds[i];
            let (found, in_order) = if typo {
                (false, self.holds_in_order(i, q))
            } else if scored && listed.is_none_or(|k| k == kind) {
                let (best, in_order) = self.best_fuzzy(i, q);
                if let Some((score, _, _)) = best {
                    self.push_key(&mut part.keys, i, score, limit);
                }
                (best.is_some(), in_order)
            } else {
                self.fuzzy_exists(i, q)
            };
            if found {
                part.matched[kind as usize] += 1;
            }
            if in_order && q.one_word {
                part.in_order.push(i as u32);
            }
        }
        keep_best(&mut part.keys, limit);
        Some(part)
    }

    /// Adds a hit's sort key, trimming to the best `limit` now and then.
    fn push_key(&self, keys: &mut Vec<u64>, i: usize, score: i64, limit: usize) {
        keys.push(((SCORE_CEIL - score) as u64) << 32 | u64::from(self.rank[i]));
        if keys.len() >= limit.saturating_mul(2).max(1024) {
            keep_best(keys, limit);
        }
    }

    /// The hit of one entity for a query, if it matches.
    pub fn score_of(&self, entity: usize, query: &Query) -> Option<Hit> {
        if entity >= self.len()
            || query.error.is_some()
            || query.kind.is_some_and(|k| k != self.kinds[entity])
        {
            return None;
        }
        if !query.filters.is_empty() {
            let filters = self.facets.resolve(&query.filters);
            if !self.facets.passes(entity, &filters) {
                return None;
            }
        }
        if query.text.is_empty() {
            return Some(Hit {
                entity: entity as u32,
                tier: Tier::Exact,
                field: Field::Name,
                field_index: 0,
                score: 0,
            });
        }
        let q = Prepared::new(&query.text);
        let typos = self.typo_hits(&q);
        self.score_item(entity, &q, &typos)
    }

    /// The order of hits: best score first, then by kind, name and load order.
    pub fn compare(&self, a: &Hit, b: &Hit) -> std::cmp::Ordering {
        b.score
            .cmp(&a.score)
            .then_with(|| self.rank[a.entity as usize].cmp(&self.rank[b.entity as usize]))
    }

    fn score_item(&self, i: usize, q: &Prepared<'_>, typos: &[TypoHit]) -> Option<Hit> {
        let first = self.fields.item(i).start;
        let hit = |(score, f, tier): (i64, usize, Tier)| Hit {
            entity: i as u32,
            tier,
            field: self.fields.field(f),
            field_index: (f - first) as u16,
            score,
        };
        if self.fields.item_mask(i) & q.mask == q.mask
            && let Some(best) = self.best_plain(i, q)
        {
            return Some(hit(best));
        }
        if let Ok(t) = typos.binary_search_by_key(&(i as u32), |t| t.entity) {
            let t = &typos[t];
            return Some(hit((t.score, t.field as usize, Tier::Typo)));
        }
        if self.fields.item_mask(i) & q.mask != q.mask {
            return None;
        }
        self.best_fuzzy(i, q).0.map(hit)
    }

    /// The pinyin units of field `f` (empty without Han).
    fn units_of(&self, f: usize) -> &[Unit] {
        match (self.unit_start.get(f), self.unit_start.get(f + 1)) {
            (Some(&a), Some(&b)) => &self.units[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The best field of entity `i` by the tiers above fuzzy (pinyin included).
    fn best_plain(&self, i: usize, q: &Prepared<'_>) -> Option<(i64, usize, Tier)> {
        let fields = &self.fields;
        let mut best: Option<(i64, usize, Tier)> = None;
        for f in fields.item(i) {
            let h = fields.hot(f);
            if h.mask & q.mask != q.mask {
                continue;
            }
            let field = fields.field(f);
            let text = fields.lower(h);
            let mut found = plain_tier(text, h.mask & NON_ASCII == 0, q);
            // A short query that is the initials of every word of a name (`hz`, Han
            // Zheng) is as good as a word start, and shorter names closer.
            if field.is_primary()
                && found.is_none_or(|(t, _)| t < Tier::WordStart)
                && whole_initials(text, q)
            {
                found = Some((Tier::WordStart, matching::closer(text.chars().count())));
            }
            if let Some(py) = &q.pinyin
                && h.mask & NON_ASCII != 0
                && found.is_none_or(|(t, _)| t < Tier::Prefix)
            {
                let units = self.units_of(f);
                if !units.is_empty()
                    && let Some(m) = match_units(&self.readings, units, py)
                {
                    // One letter a character is initials: on a secondary field (an
                    // address) that is scattered letters, and inside a name it is no
                    // better than a substring.
                    let initials = m.units.len() == py.len();
                    let tier = match (m.whole, m.units.start) {
                        _ if initials && !field.is_primary() && !m.whole => None,
                        (true, _) => Some(Tier::Exact),
                        (false, 0) => Some(Tier::Prefix),
                        _ if initials => Some(Tier::Substring),
                        _ => Some(Tier::WordStart),
                    };
                    // Ranked as a name of six letters a character: a name in Latin
                    // letters matching as well shows first.
                    let quality = 999_999 - 6 * units.len() as i64;
                    if let Some(tier) = tier
                        && found.is_none_or(|(t, _)| t < tier)
                    {
                        found = Some((tier, quality));
                    }
                }
            }
            if let Some((tier, quality)) = found {
                let score = score(tier, field, quality);
                if best.is_none_or(|b| score > b.0) {
                    best = Some((score, f, tier));
                }
            }
        }
        best
    }

    /// [`SearchIndex::find_typos`], remembered for the last query text.
    fn typo_hits(&self, q: &Prepared<'_>) -> std::sync::Arc<Vec<TypoHit>> {
        if let Ok(last) = self.last_typos.lock()
            && let Some((text, hits)) = last.as_ref()
            && text == q.text
        {
            return hits.clone();
        }
        let hits = std::sync::Arc::new(self.find_typos(q));
        if let Ok(mut last) = self.last_typos.lock() {
            *last = Some((q.text.to_string(), hits.clone()));
        }
        hits
    }

    /// Entities whose fields hold every query word, some within the typos allowed
    /// (words of five letters or more), sorted by entity; empty when no query word can
    /// have a typo or one has no near word. Kinds and filters are the caller's to check.
    fn find_typos(&self, q: &Prepared<'_>) -> Vec<TypoHit> {
        let words = &q.words;
        if words.iter().all(|w| typo::allowed(w.len()) == 0) || words.len() > 8 {
            return Vec::new();
        }
        // For each long word, the near words and the entities holding them with the
        // fewest typos.
        let mut per_word: Vec<(usize, Vec<typo::Near>)> = Vec::new();
        for (k, w) in words.iter().enumerate() {
            if typo::allowed(w.len()) == 0 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
                continue;
            }
            let mut near = self.dictionary().near(w);
            if words.len() == 1 {
                // A word the query is, or starts, is found by the plain tiers already.
                near.retain(|n| !n.word.starts_with(*w));
            }
            if near.is_empty() {
                return Vec::new();
            }
            per_word.push((k, near));
        }
        if per_word.is_empty() || per_word.iter().all(|(_, n)| n.iter().all(|x| x.typos == 0)) {
            return Vec::new();
        }
        let mut candidates: Option<hashbrown::HashMap<u32, u32>> = None;
        for (_, near) in &per_word {
            let mut these: hashbrown::HashMap<u32, u32> = hashbrown::HashMap::new();
            for nw in near {
                for &e in self.dictionary().postings(nw) {
                    let t = these.entry(e).or_insert(u32::from(nw.typos));
                    *t = (*t).min(u32::from(nw.typos));
                }
            }
            candidates = Some(match candidates {
                None => these,
                Some(c) => c
                    .into_iter()
                    .filter_map(|(e, t)| these.get(&e).map(|u| (e, t + u)))
                    .collect(),
            });
        }
        let mut out = Vec::new();
        for (e, typos) in candidates.unwrap_or_default() {
            let i = e as usize;
            if let Some((field, chars)) = self.typo_field(i, q, &per_word) {
                let quality = (999_999 - chars as i64 - i64::from(typos) * 200_000).max(0);
                out.push(TypoHit {
                    entity: e,
                    score: score(Tier::Typo, self.fields.field(field), quality),
                    field: field as u32,
                });
            }
        }
        out.sort_unstable_by_key(|t| t.entity);
        out
    }

    /// The field of entity `i` that best shows a typo match (the one holding most query
    /// words, a name before others), and its length; `None` when a short query word starts
    /// no word of the entity.
    fn typo_field(
        &self,
        i: usize,
        q: &Prepared<'_>,
        per_word: &[(usize, Vec<typo::Near>)],
    ) -> Option<(usize, usize)> {
        let fields = &self.fields;
        let mut best: Option<(usize, bool, usize)> = None;
        let mut short_ok = vec![false; q.words.len()];
        for f in fields.item(i) {
            let text = fields.lower(fields.hot(f));
            let mut count = 0;
            for (k, w) in q.words.iter().enumerate() {
                let hit = match per_word.iter().find(|(pk, _)| *pk == k) {
                    Some((_, near)) => text.split(' ').any(|tw| near.iter().any(|n| n.word == tw)),
                    None => text.split(' ').any(|tw| tw.starts_with(w)),
                };
                if hit {
                    count += 1;
                    short_ok[k] = true;
                }
            }
            let primary = fields.field(f).is_primary();
            if count > 0 && best.is_none_or(|(c, p, _)| (count, primary) > (c, p)) {
                best = Some((count, primary, f));
            }
        }
        if !short_ok.iter().all(|&ok| ok) {
            return None;
        }
        // Some query word must be in a name: a typo of a country's name finds the
        // country, not every city in it (`lagos` is Laos, not Vientiane); `kuopoi
        // finland` still finds Kuopio by its name and its country.
        let (_, primary, f) = best?;
        if !primary {
            return None;
        }
        Some((f, fields.lower(fields.hot(f)).chars().count()))
    }

    /// The best fuzzy field of entity `i`, and whether some field holds the query in
    /// order. A fuzzy name match outranks every fuzzy match on a secondary field, so those
    /// are tried only without one.
    fn best_fuzzy(&self, i: usize, q: &Prepared<'_>) -> (Option<(i64, usize, Tier)>, bool) {
        let fields = &self.fields;
        let mut in_order = false;
        // Scattered letters and initials are how people abbreviate names, not places,
        // addresses or region text (`soea` is not So-uth E-astern A-sia): a secondary
        // field only tells whether the entity holds the query in order.
        {
            let mut best: Option<(i64, usize, Tier)> = None;
            for f in fields.item(i) {
                let h = fields.hot(f);
                if h.mask & q.mask != q.mask {
                    continue;
                }
                if !fields.field(f).is_primary() {
                    in_order = in_order || self.holds(f, q);
                    continue;
                }
                match fuzzy(fields.lower(h), h.mask & NON_ASCII == 0, q) {
                    Fuzzy::Apart => {}
                    Fuzzy::Implausible => in_order = true,
                    Fuzzy::Score(quality) => {
                        in_order = true;
                        let score = score(Tier::Fuzzy, fields.field(f), quality);
                        if best.is_none_or(|b| score > b.0) {
                            best = Some((score, f, Tier::Fuzzy));
                        }
                    }
                }
            }
            if best.is_some() {
                return (best, in_order);
            }
        }
        (None, in_order)
    }

    /// Whether some field of entity `i` holds the query's characters in order.
    fn holds_in_order(&self, i: usize, q: &Prepared<'_>) -> bool {
        let fields = &self.fields;
        fields.item(i).any(|f| {
            let h = fields.hot(f);
            h.mask & q.mask == q.mask && self.holds(f, q)
        })
    }

    /// Whether field `f` holds the query's characters in order, or matches it as pinyin
    /// (initials too): an entity that does may match a longer query, so a search that
    /// narrows keystroke by keystroke keeps it.
    fn holds(&self, f: usize, q: &Prepared<'_>) -> bool {
        let h = self.fields.hot(f);
        if matching::in_order_of(self.fields.lower(h), q) {
            return true;
        }
        let units = self.units_of(f);
        match &q.pinyin {
            Some(py) if !units.is_empty() => match_units(&self.readings, units, py).is_some(),
            _ => false,
        }
    }

    /// Whether some field of entity `i` matches fuzzily (the first one found will do), and
    /// whether some field holds the query in order.
    fn fuzzy_exists(&self, i: usize, q: &Prepared<'_>) -> (bool, bool) {
        let fields = &self.fields;
        let mut in_order = false;
        for f in fields.item(i) {
            let h = fields.hot(f);
            if h.mask & q.mask != q.mask {
                continue;
            }
            if !fields.field(f).is_primary() {
                in_order = in_order || self.holds(f, q);
                continue;
            }
            match fuzzy(fields.lower(h), h.mask & NON_ASCII == 0, q) {
                Fuzzy::Apart => {}
                Fuzzy::Implausible => in_order = true,
                Fuzzy::Score(_) => return (true, true),
            }
        }
        (false, in_order)
    }

    /// The text of the field a hit matched.
    pub fn field_text(&self, hit: &Hit) -> &str {
        let e = hit.entity as usize;
        if e >= self.len() {
            return "";
        }
        let r = self.fields.item(e);
        let f = r.start + hit.field_index as usize;
        if f < r.end {
            self.fields.original(f)
        } else {
            ""
        }
    }

    /// The hits as good as the best one, best first: those holding every query word as a
    /// whole word of the field they matched when the best does (`zhang`: the four Zhangs,
    /// not Zhangjiang), else those of the best one's tier. What `show` names when a query
    /// is ambiguous.
    pub fn good_matches(&self, query: &Query) -> Vec<Hit> {
        let hits = self.search(query, 1000);
        let Some(best) = hits.first() else {
            return hits;
        };
        let whole = |h: &Hit| {
            let text = fold::fold(self.field_text(h));
            h.tier > Tier::Typo
                && query
                    .text
                    .split(' ')
                    .all(|w| text.split(' ').any(|tw| tw == w))
        };
        if whole(best) {
            hits.into_iter().filter(|h| whole(h)).collect()
        } else {
            let tier = best.tier;
            hits.into_iter().filter(|h| h.tier == tier).collect()
        }
    }

    /// Why a hit matched, when not by its name: the field and its text (`☎ +86 21 6249
    /// 6566`, `≈ SOEA`, `in Finland`), for the secondary text of a result row.
    pub fn reason(&self, hit: &Hit) -> Option<String> {
        let text = self.field_text(hit);
        if text.is_empty() {
            return None;
        }
        let label = match hit.field {
            Field::Name | Field::NativeName | Field::Id => return None,
            Field::Alias => "≈",
            Field::City => "in",
            Field::Country => "in",
            Field::Address => "at",
            Field::Phone => "tel",
            Field::Fax => "fax",
            Field::Email => "e-mail",
            Field::Website => "web",
        };
        Some(format!("{label} {text}"))
    }

    /// Why entity `entity` matches `query` when not by its name ([`SearchIndex::reason`]
    /// of its hit): what a result row shows as its secondary text.
    pub fn why(&self, entity: usize, query: &Query) -> Option<String> {
        if query.text.is_empty() {
            return None;
        }
        self.reason(&self.score_of(entity, query)?)
    }

    /// Character positions of the query in `text` (for highlighting), by the same rules
    /// as ranking: the exact, prefix, word-start or substring span, the Han characters a
    /// pinyin query matched, the words within a typo, else fuzzy positions.
    pub fn positions(&self, text: &str, query: &Query) -> Vec<usize> {
        let q = &query.text;
        if q.is_empty() {
            return Vec::new();
        }
        let (folded, map) = fold::fold_mapped(text);
        let back = |folded_positions: Vec<usize>| -> Vec<usize> {
            let mut out: Vec<usize> = folded_positions
                .into_iter()
                .filter_map(|p| map.get(p).map(|&o| o as usize))
                .collect();
            out.dedup();
            out
        };
        if folded.starts_with(q.as_str()) {
            return back((0..q.chars().count()).collect());
        }
        if let Some(spans) = word_starts(&folded, q) {
            return back(spans);
        }
        if let Some(at) = folded.find(q.as_str()) {
            let start = folded[..at].chars().count();
            return back((start..start + q.chars().count()).collect());
        }
        if let Some(py) = pinyin::pinyin_query(q) {
            let found = pinyin::positions(text, &py);
            if !found.is_empty() {
                return found;
            }
        }
        let typo_words = typo_positions(&folded, q);
        if !typo_words.is_empty() {
            return back(typo_words);
        }
        matching::fuzzy_indices(&folded, q)
            .map(|(_, idx)| back(idx))
            .unwrap_or_default()
    }
}

/// The folded-character positions of the words of `folded` within the typos allowed of a
/// query word.
fn typo_positions(folded: &str, q: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = 0;
    for word in folded.split(' ') {
        let n = word.chars().count();
        let hit = q.split(' ').any(|w| {
            let max = typo::allowed(w.chars().count());
            max > 0
                && word.chars().next() == w.chars().next()
                && typo::distance(w, word, max).is_some()
        });
        if hit {
            out.extend(at..at + n);
        }
        at += n + 1;
    }
    out
}

/// The score of a field's match: the tier first (a secondary field never outranks a name
/// match of the same quality, nor goes above a substring), then the quality within it.
fn score(tier: Tier, field: Field, quality: i64) -> i64 {
    let tier_rank = if field.is_primary() {
        tier as i64 * 2 + 1
    } else {
        (tier as i64 * 2).min(Tier::Substring as i64 * 2)
    };
    tier_rank * 1_000_000 + quality.clamp(0, 999_999)
}

/// What one scan looks for.
struct Scan<'q, 'r> {
    q: &'q Prepared<'q>,
    only: Option<Kind>,
    listed: Option<Kind>,
    limit: usize,
    filters: &'r Resolved,
}

/// An entity matched within typos: its score and the field shown.
#[derive(Debug, Clone, Copy)]
struct TypoHit {
    entity: u32,
    score: i64,
    field: u32,
}

/// What the cheap tiers found in part of the entities.
#[derive(Default)]
struct Plain {
    keys: Vec<u64>,
    matched: [usize; Kind::ALL.len()],
    /// Hits of the listed kind.
    listed: usize,
    /// Entities with no plain match, for fuzzy matching.
    candidates: Vec<u32>,
    /// The entities that matched (for a one-word query).
    hits: Vec<u32>,
}

/// What fuzzy matching found in part of the candidates.
#[derive(Default)]
struct FuzzyPart {
    keys: Vec<u64>,
    matched: [usize; Kind::ALL.len()],
    /// Candidates holding the query in order (for a one-word query).
    in_order: Vec<u32>,
}

/// The entities a one-word query held in order, for the next keystroke.
#[derive(Debug)]
struct Narrowing {
    text: String,
    kind: Option<Kind>,
    filters: Vec<Filter>,
    items: std::sync::Arc<Vec<u32>>,
}

/// The entities to scan: all of a range, or some.
enum Among<'a> {
    All(std::ops::Range<usize>),
    Some(&'a [u32]),
}

impl Iterator for Among<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            Among::All(r) => r.next(),
            Among::Some(items) => {
                let (&first, rest) = items.split_first()?;
                *items = rest;
                Some(first as usize)
            }
        }
    }
}

fn add(total: &mut [usize; Kind::ALL.len()], part: &[usize; Kind::ALL.len()]) {
    for (t, p) in total.iter_mut().zip(part) {
        *t += p;
    }
}

/// Keeps the `limit` smallest keys, sorted.
fn keep_best(keys: &mut Vec<u64>, limit: usize) {
    if keys.len() > limit {
        if limit == 0 {
            keys.clear();
            return;
        }
        keys.select_nth_unstable(limit - 1);
        keys.truncate(limit);
    }
    keys.sort_unstable();
}

/// If every word of `q` starts a word of `text` (words split at anything not alphanumeric),
/// the character positions covered.
fn word_starts(text: &str, q: &str) -> Option<Vec<usize>> {
    let starts: Vec<(usize, usize)> = {
        // (byte offset, char index) of every word start.
        let mut v = Vec::new();
        let mut prev_alnum = false;
        for (ci, (bi, c)) in text.char_indices().enumerate() {
            let alnum = c.is_alphanumeric();
            if alnum && !prev_alnum {
                v.push((bi, ci));
            }
            prev_alnum = alnum;
        }
        v
    };
    let mut positions = Vec::new();
    let words: Vec<&str> = q.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let mut used = vec![false; starts.len()];
    for w in words {
        let found = starts
            .iter()
            .enumerate()
            .find(|(k, (bi, _))| !used[*k] && text[*bi..].starts_with(w))?;
        used[found.0] = true;
        let ci = found.1.1;
        positions.extend(ci..ci + w.chars().count());
    }
    positions.sort_unstable();
    Some(positions)
}

/// Whether fuzzy match positions look like something a person meant: either compact from
/// a word start (at most one letter in four skipped, as in a dropped or doubled letter;
/// `paris` is not a match inside "valparaiso") or made of runs
/// that each begin a word (initials, as in `kscc` for "Kenya Shanghai Chamber of
/// Commerce"). Letters scattered through a long name are rejected, so a short query does
/// not match half the dataset.
fn plausible(text: &str, positions: &[usize], qlen: usize) -> bool {
    let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else {
        return false;
    };
    let chars: Vec<char> = text.chars().collect();
    let word_start = |i: usize| i == 0 || !chars[i - 1].is_alphanumeric();
    if word_start(first) && compact(first, last, qlen) {
        return true;
    }
    initials(positions, word_start)
}

/// Whether a one-word query of two to five letters is the first letters of every word of
/// `text`, in order (`hz` for "han zheng"): what a person types for a short name.
fn whole_initials(text: &str, q: &Prepared<'_>) -> bool {
    if !q.one_word || !(2..=5).contains(&q.text.len()) || !q.text.is_ascii() {
        return false;
    }
    let mut want = q.text.chars();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if word.chars().next() != want.next() {
            return false;
        }
    }
    want.next().is_none()
}

/// Whether a match from `first` to `last` skips few enough characters for a query of
/// `qlen` characters.
fn compact(first: usize, last: usize, qlen: usize) -> bool {
    let skipped = (last + 1 - first).saturating_sub(qlen);
    qlen >= 4 && skipped <= (qlen / 4).max(1)
}

/// Whether every position begins a word or continues the run before it, with at least
/// two runs each of at most three characters after a first one, and at most one word
/// skipped between runs (initials of a name, as `kscc` skips "of"; not letters picked from
/// words far apart).
fn initials(positions: &[usize], word_start: impl Fn(usize) -> bool) -> bool {
    let mut runs = 0;
    for (k, &p) in positions.iter().enumerate() {
        if k > 0 && positions[k - 1] + 1 == p {
            continue;
        }
        if !word_start(p) {
            return false;
        }
        if k > 0 && (positions[k - 1] + 1..p).filter(|&i| word_start(i)).count() > 1 {
            return false;
        }
        runs += 1;
    }
    runs >= 2 && positions.len() <= runs * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(ron: &str) -> (Dataset, SearchIndex) {
        let ds = Dataset::from_texts("test", vec![("t.ron".into(), ron.as_bytes().to_vec())]);
        let index = SearchIndex::build(&ds);
        (ds, index)
    }

    const DATA: &str = r#"[
        City(id: "sh", name: "Shanghai", native_name: "上海市", country: "China", sources: ["s"]),
        City(id: "ku", name: "Kuopio", country: "Finland", sources: ["s"]),
        Organization(id: "soea", name: "Shanghai Overseas Exchange Association",
            native_name: "上海市海外交流协会", city: "sh",
            contact: (phones: ["0086-21-62496566"], emails: ["info@soea.example"]),
            sources: ["s"]),
        Organization(id: "uef", name: "University of Eastern Finland", city: "ku", sources: ["s"]),
    ]"#;

    fn ids(ds: &Dataset, index: &SearchIndex, q: &str) -> Vec<String> {
        index
            .search(&Query::parse(q), 10)
            .iter()
            .map(|h| ds.entity(h.entity as usize).id().to_string())
            .collect()
    }

    #[test]
    fn a_row_says_why_it_matched_when_not_by_name() {
        let (ds, index) = index(DATA);
        let soea = ds.index_of("soea").unwrap();
        assert_eq!(
            index.why(soea, &Query::parse("62496566")).as_deref(),
            Some("tel 0086-21-62496566")
        );
        assert_eq!(
            index.why(soea, &Query::parse("soea.example")).as_deref(),
            Some("e-mail info@soea.example")
        );
        assert_eq!(index.why(soea, &Query::parse("shanghai overseas")), None);
    }

    #[test]
    fn pinyin_highlights_the_han_characters_it_matched() {
        let (_, index) = index(DATA);
        let q = Query::parse("haiwai");
        assert_eq!(index.positions("上海市海外交流协会", &q), vec![3, 4]);
        let q = Query::parse("shhw");
        assert!(!index.positions("上海市海外交流协会", &q).is_empty());
    }

    #[test]
    fn a_typo_highlights_the_word_it_stands_for() {
        let (_, index) = index(DATA);
        assert_eq!(
            index.positions("City of Kuopio", &Query::parse("kuopoi")),
            vec![8, 9, 10, 11, 12, 13]
        );
    }

    #[test]
    fn exact_and_prefix_rank_above_typos() {
        let (ds, index) = index(
            r#"[
            City(id: "a", name: "Kuopio", country: "Q", sources: ["s"]),
            City(id: "b", name: "Kuopoi Lake", country: "Q", sources: ["s"]),
        ]"#,
        );
        assert_eq!(ids(&ds, &index, "kuopoi"), ["b", "a"]);
        assert_eq!(ids(&ds, &index, "kuopio"), ["a", "b"]);
    }

    #[test]
    fn a_country_filter_reaches_organizations_through_their_city() {
        let (ds, index) = index(DATA);
        assert_eq!(ids(&ds, &index, "country:finland org:"), ["uef"]);
        assert_eq!(ids(&ds, &index, "country:finland"), ["uef", "ku"]);
        assert!(ids(&ds, &index, "country:finland shanghai").is_empty());
    }

    #[test]
    fn any_text_as_a_query_ranks_and_highlights_within_bounds() {
        let (ds, index) = index(DATA);
        let pieces = [
            "a", "sh", "上", "海", "市", "ü", "É", " ", "'", "\"", ":", "country:", "year:",
            "tie:", "0086", "+", "-", "9", "x", "ß", "ﬁ", "\u{301}", "ｈ", "\u{1b}", "长", "重",
        ];
        let mut seed = 7u64;
        for _ in 0..3000 {
            let mut q = String::new();
            for _ in 0..(seed % 9) {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                q.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_add(1);
            let query = Query::parse(&q);
            for hit in index.search(&query, 10) {
                let text = index.field_text(&hit);
                let chars = text.chars().count();
                assert!(
                    index.positions(text, &query).iter().all(|&p| p < chars),
                    "{q:?}"
                );
                let name = ds.display_name(hit.entity as usize);
                let chars = name.chars().count();
                assert!(
                    index.positions(&name, &query).iter().all(|&p| p < chars),
                    "{q:?}"
                );
            }
        }
    }

    #[test]
    fn an_unknown_filter_is_in_the_ranked_result() {
        let (_, index) = index(DATA);
        let ranked = index.rank(&Query::parse("colour:red shanghai"), None, 10);
        assert!(ranked.hits.is_empty());
        assert!(ranked.error.unwrap().contains("known filters"));
    }
}
