//! Ranking a query over the whole index: the cheap tiers in one scan, fuzzy matching only
//! where it can decide, on two threads for large datasets, the best hits kept by a partial
//! selection instead of a full sort, the hits of every kind counted, and the narrowing that
//! reuses the last one-word query's entities at the next keystroke. How one entity scores
//! is [`super::tiers`]'s business; this module must not fold text or explain hits.

use super::filter::Resolved;
use super::matching::Prepared;
use super::query::Filter;
use super::tiers::TypoHit;
use super::{Field, Hit, Query, Ranked, SearchIndex, Tier};
use crate::model::Kind;
use crate::par::in_parallel;

/// Words of a sentence that name nothing (`chambers in kenya`, `mayor of shanghai`).
const SMALL_WORDS: &[&str] = &["a", "an", "and", "at", "for", "in", "of", "the", "with"];

/// `query` read again when its words match nothing as text: a word naming a kind taken as
/// that kind's filter (`osaka tie` is `tie: osaka`; `sister city` and `sister cities` are
/// ties), a word naming a UN M49 region as a `region:` filter (`sister cities europe` is
/// `tie: region:europe`), and small words of a sentence left out (`mayor of shanghai`).
/// `None` when no word was read so, or the words name two kinds.
fn reread(query: &Query, is_region: impl Fn(&str) -> bool) -> Option<Query> {
    let words: Vec<&str> = query.text.split_whitespace().collect();
    let mut kind = query.kind;
    let mut filters = query.filters.clone();
    let mut rest = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let w = words[k];
        let sister = w == "sister" || w == "twin";
        let found = match Kind::parse(w).filter(|_| w.len() >= 3 && query.kind.is_none()) {
            Some(_) if sister => {
                // `sister city`, `twin cities`: one kind, two words.
                if words
                    .get(k + 1)
                    .is_some_and(|n| Kind::parse(n) == Some(Kind::City))
                {
                    k += 1;
                }
                Some(Kind::SisterCity)
            }
            found => found,
        };
        match found {
            Some(f) if kind.is_some_and(|k| k != f) => return None,
            Some(f) => kind = Some(f),
            None if words.len() > 1 && is_region(w) => filters.push(Filter::Region(w.to_string())),
            None if words.len() > 1 && SMALL_WORDS.contains(&w) => {}
            None => rest.push(w),
        }
        k += 1;
    }
    if rest.len() == words.len() {
        return None;
    }
    Some(Query {
        kind,
        text: rest.join(" "),
        filters,
        ..query.clone()
    })
}

/// Below this many entities a search runs on one thread.
const PARALLEL_FROM: usize = 20_000;

/// The highest score plus one: `SCORE_CEIL - score` sorts best first.
const SCORE_CEIL: i64 = 1 << 31;

impl SearchIndex {
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
    ///
    /// A query of several words that matches nothing, some of them naming a kind or a
    /// region (`osaka tie`, `japan sister cities`, `kenya org`, `europe ties`), is asked
    /// again with those words as filters ([`reread`]).
    pub fn rank_unless(
        &self,
        query: &Query,
        listed: Option<Kind>,
        limit: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Ranked> {
        let ranked = self.rank_as_typed(query, listed, limit, cancelled)?;
        if ranked.matched.iter().any(|&n| n > 0) || ranked.error.is_some() {
            return Some(ranked);
        }
        match reread(query, |w| self.facets.is_region(w)) {
            Some(again) => self.rank_as_typed(&again, listed, limit, cancelled),
            None => Some(ranked),
        }
    }

    fn rank_as_typed(
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
        let q = Prepared::of(query);
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
        let q = Prepared::of(query);
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
}

/// What one scan looks for.
struct Scan<'q, 'r> {
    q: &'q Prepared<'q>,
    only: Option<Kind>,
    listed: Option<Kind>,
    limit: usize,
    filters: &'r Resolved,
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
pub(super) struct Narrowing {
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
