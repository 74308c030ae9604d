//! Fuzzy search over names, native names, aliases, ids, cities and addresses.
//!
//! Ranking is what a person expects: an exact name, abbreviation or id first, then names
//! that start with the query, then names with words starting with each query word, then
//! substrings, then fuzzy matches (skim's algorithm, as in fuzzy-matcher). Matches on a secondary
//! field (city, address) rank below matches on a name. Ties are broken by kind, then name.
//! A `kind:` prefix (`org:`, `city:`, `person:`, `agreement:`, `event:`, `tie:`) filters.
//!
//! Every searchable string is lower-cased once when the index is built, into one arena,
//! with a bitmask of its characters that rejects most fields without reading them
//! ([`fields`]); matching runs the cheap tiers in one scan and skim only where it can
//! decide ([`matching`]). A search keeps the best hits with a partial selection instead of
//! sorting them all, counts the hits of every kind, and runs on two threads for large
//! datasets; match positions are computed only for the hits that are shown
//! ([`SearchIndex::positions`]).

mod fields;
mod matching;
mod skim;

use crate::dataset::Dataset;
use crate::model::{Entity, Kind};
use crate::par::in_parallel;
use fields::{Fields, NON_ASCII};
use matching::{Fuzzy, Prepared, fuzzy, plain_tier};

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
    /// The contact address.
    Address,
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
    /// The query appears inside.
    Substring,
    /// Each query word starts a word.
    WordStart,
    /// The field starts with the query.
    Prefix,
    /// The field is the query.
    Exact,
}

/// A parsed query: an optional kind filter and the text to match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Only entities of this kind.
    pub kind: Option<Kind>,
    /// Lower-cased, trimmed text.
    pub text: String,
}

impl Query {
    /// Parses `org: shanghai` into a kind filter and text. An unknown prefix is plain text.
    pub fn parse(input: &str) -> Query {
        let trimmed = input.trim_start();
        if let Some((prefix, rest)) = trimmed.split_once(':')
            && !prefix.contains(char::is_whitespace)
            && let Some(kind) = Kind::parse(prefix)
        {
            return Query {
                kind: Some(kind),
                text: rest.trim().to_lowercase(),
            };
        }
        Query {
            kind: None,
            text: trimmed.trim().to_lowercase(),
        }
    }
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
    /// Every entity by kind, then lower-case name, then load order: the order of an empty
    /// search, and the tie-break of equal scores.
    browse: Vec<u32>,
    /// Each entity's position in `browse`.
    rank: Vec<u32>,
    /// Where each kind's entities are in `browse`.
    kind_ranges: [std::ops::Range<u32>; Kind::ALL.len()],
    /// Each entity's rank by lower-case display name alone (equal names, equal ranks).
    name_rank: Vec<u32>,
    /// The last one-word query and the entities holding it in order (see [`Narrowing`]).
    last: std::sync::Mutex<Option<Narrowing>>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("items", &self.kinds.len())
            .finish()
    }
}

/// Below this many entities a search runs on one thread.
const PARALLEL_FROM: usize = 20_000;

/// The highest score plus one: `SCORE_CEIL - score` sorts best first.
const SCORE_CEIL: i64 = 1 << 31;

impl SearchIndex {
    /// Prepares every searchable string of the dataset.
    pub fn build(ds: &Dataset) -> SearchIndex {
        let n = ds.len();
        let mut fields = Fields::with_capacity(n);
        let mut kinds = Vec::with_capacity(n);
        for i in 0..n {
            let e = ds.entity(i);
            let name = ds.display_name(i);
            fields.push(Field::Name, &name);
            if let Some(native) = e.native_name() {
                fields.push(Field::NativeName, native);
            }
            for a in e.aliases() {
                fields.push(Field::Alias, a);
            }
            fields.push(Field::Id, e.id());
            match e {
                Entity::Organization(o) => {
                    if let Some(c) = o.city.as_deref().and_then(|c| ds.get(c)) {
                        fields.push(Field::City, c.name());
                    }
                    if let Some(a) = &o.contact.address {
                        fields.push(Field::Address, a);
                    }
                }
                Entity::City(c) => fields.push(Field::City, ds.country_name(&c.country)),
                _ => {}
            }
            fields.end_item();
            kinds.push(e.kind());
        }
        fields.shrink();
        // Ties of equal score go by kind, then lower-case name, then load order; the name
        // field comes first, lower-cased already (an empty name has no field).
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
            last: std::sync::Mutex::new(None),
        }
    }

    /// Each entity's rank by lower-case display name (equal names share a rank): the order
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

    /// The best `limit` hits for a query, best first. An empty query lists every entity
    /// (of the filtered kind) by kind and name.
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
        if query.text.is_empty() {
            for k in Kind::ALL {
                if query.kind.is_none_or(|q| q == k) {
                    matched[k as usize] = self.browse(Some(k)).len();
                }
            }
            let listed = match (query.kind, listed) {
                (Some(q), Some(l)) if q != l => &[][..],
                (Some(k), _) | (None, Some(k)) => self.browse(Some(k)),
                (None, None) => self.browse(None),
            };
            let hits = listed
                .iter()
                .take(limit)
                .map(|&e| Hit {
                    entity: e,
                    tier: Tier::Exact,
                    field: Field::Name,
                    field_index: 0,
                    score: 0,
                })
                .collect();
            return Some(Ranked { hits, matched });
        }
        let q = Prepared::new(&query.text);
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
        // First the cheap tiers; entities with none are candidates for a fuzzy match.
        let first = in_parallel(n, PARALLEL_FROM, |r| {
            self.scan_plain(&q, query.kind, listed, among(r), limit, cancelled)
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
        // A fuzzy hit ranks below every other: when enough of those fill the list, a fuzzy
        // candidate need only be found to match (to be counted), not scored.
        let scored = plain_listed < limit;
        let second = in_parallel(candidates.len(), PARALLEL_FROM, |r| {
            self.scan_fuzzy(
                &q,
                &candidates[r],
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
                self.score_item(e, &q)
            })
            .collect();
        Some(Ranked { hits, matched })
    }

    /// The entities to look at for `query`: those that held the last one-word query in
    /// order, when this one extends it; `None` for all.
    fn narrowed(&self, query: &Query, q: &Prepared<'_>) -> Option<std::sync::Arc<Vec<u32>>> {
        let last = self.last.lock().ok()?;
        let last = last.as_ref()?;
        (q.one_word && last.kind == query.kind && query.text.starts_with(&last.text))
            .then(|| last.items.clone())
    }

    /// Remembers the entities that hold a one-word query in order, for the next keystroke.
    fn remember(&self, query: &Query, items: Vec<u32>) {
        if let Ok(mut last) = self.last.lock() {
            *last = Some(Narrowing {
                text: query.text.clone(),
                kind: query.kind,
                items: std::sync::Arc::new(items),
            });
        }
    }

    /// The cheap tiers for some entities: the sort keys of the best `limit` hits of kind
    /// `listed`, the hits of each kind, and the entities left for fuzzy matching.
    fn scan_plain(
        &self,
        q: &Prepared<'_>,
        only: Option<Kind>,
        listed: Option<Kind>,
        among: Among<'_>,
        limit: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Plain> {
        let mut part = Plain::default();
        for (n, i) in among.enumerate() {
            if n % 4096 == 0 && cancelled() {
                return None;
            }
            let kind = self.kinds[i];
            if only.is_some_and(|k| k != kind) || self.fields.item_mask(i) & q.mask != q.mask {
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
            if listed.is_none_or(|k| k == kind) {
                part.listed += 1;
                self.push_key(&mut part.keys, i, score, limit);
            }
        }
        keep_best(&mut part.keys, limit);
        Some(part)
    }

    /// Fuzzy matching of `candidates`: the keys of the best `limit` hits of kind `listed`
    /// when `scored` (else none), the hits of each kind, and the candidates that hold the
    /// query in order.
    fn scan_fuzzy(
        &self,
        q: &Prepared<'_>,
        candidates: &[u32],
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
            let i = i as usize;
            let kind = self.kinds[i];
            let (found, in_order) = if scored && listed.is_none_or(|k| k == kind) {
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
        if entity >= self.len() || query.kind.is_some_and(|k| k != self.kinds[entity]) {
            return None;
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
        self.score_item(entity, &Prepared::new(&query.text))
    }

    /// The order of hits: best score first, then by kind, name and load order.
    pub fn compare(&self, a: &Hit, b: &Hit) -> std::cmp::Ordering {
        b.score
            .cmp(&a.score)
            .then_with(|| self.rank[a.entity as usize].cmp(&self.rank[b.entity as usize]))
    }

    fn score_item(&self, i: usize, q: &Prepared<'_>) -> Option<Hit> {
        if self.fields.item_mask(i) & q.mask != q.mask {
            return None;
        }
        let (score, f, tier) = self.best_field(i, q)?;
        let first = self.fields.item(i).start;
        Some(Hit {
            entity: i as u32,
            tier,
            field: self.fields.field(f),
            field_index: (f - first) as u16,
            score,
        })
    }

    /// The best-scoring field of entity `i`: `(score, field, tier)`. A plain match on any
    /// field outranks every fuzzy match, so fuzzy matching runs only without one.
    fn best_field(&self, i: usize, q: &Prepared<'_>) -> Option<(i64, usize, Tier)> {
        self.best_plain(i, q).or_else(|| self.best_fuzzy(i, q).0)
    }

    /// The best field of entity `i` by the tiers above fuzzy.
    fn best_plain(&self, i: usize, q: &Prepared<'_>) -> Option<(i64, usize, Tier)> {
        let fields = &self.fields;
        let mut best: Option<(i64, usize, Tier)> = None;
        for f in fields.item(i) {
            let h = fields.hot(f);
            if h.mask & q.mask != q.mask {
                continue;
            }
            if let Some((tier, quality)) = plain_tier(fields.lower(h), h.mask & NON_ASCII == 0, q) {
                let score = score(tier, fields.field(f), quality);
                if best.is_none_or(|b| score > b.0) {
                    best = Some((score, f, tier));
                }
            }
        }
        best
    }

    /// The best fuzzy field of entity `i`, and whether some field holds the query in
    /// order. A fuzzy name match outranks every fuzzy match on a secondary field, so those
    /// are tried only without one.
    fn best_fuzzy(&self, i: usize, q: &Prepared<'_>) -> (Option<(i64, usize, Tier)>, bool) {
        let fields = &self.fields;
        let mut in_order = false;
        for primary in [true, false] {
            let mut best: Option<(i64, usize, Tier)> = None;
            for f in fields.item(i) {
                let h = fields.hot(f);
                if fields.field(f).is_primary() != primary || h.mask & q.mask != q.mask {
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

    /// Character positions of the query in `text` (for highlighting), by the same rules
    /// as ranking: the exact, prefix, word-start or substring span, else fuzzy positions.
    pub fn positions(&self, text: &str, query: &Query) -> Vec<usize> {
        let q = &query.text;
        if q.is_empty() {
            return Vec::new();
        }
        let lower = text.to_lowercase();
        // Lower-casing can change lengths (rarely); fall back to fuzzy on the original then.
        if lower.chars().count() == text.chars().count() {
            if lower.starts_with(q.as_str()) {
                return (0..q.chars().count()).collect();
            }
            if let Some(spans) = word_starts(&lower, q) {
                return spans;
            }
            if let Some(at) = lower.find(q.as_str()) {
                let start = lower[..at].chars().count();
                return (start..start + q.chars().count()).collect();
            }
        }
        skim::fuzzy_indices(text, q)
            .map(|(_, idx)| idx)
            .unwrap_or_default()
    }
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

/// Whether fuzzy match positions look like something a person meant: either compact (the
/// letters close together, as in a typo) or made of runs that each begin a word (initials,
/// as in `kscc` for "Kenya Shanghai Chamber of Commerce"). Letters scattered through a long
/// name are rejected, so a short query does not match half the dataset.
fn plausible(text: &str, positions: &[usize], qlen: usize) -> bool {
    let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else {
        return false;
    };
    if last - first < qlen * 2 + 2 {
        return true;
    }
    let chars: Vec<char> = text.chars().collect();
    let word_start = |i: usize| i == 0 || !chars[i - 1].is_alphanumeric();
    positions
        .iter()
        .enumerate()
        .all(|(k, &p)| word_start(p) || (k > 0 && positions[k - 1] + 1 == p))
}
