//! Fuzzy search over names, native names, aliases, ids, cities and addresses.
//!
//! Ranking is what a person expects: an exact name, abbreviation or id first, then names
//! that start with the query, then names with words starting with each query word, then
//! substrings, then fuzzy matches (fuzzy-matcher's skim algorithm). Matches on a secondary
//! field (city, address) rank below matches on a name. Ties are broken by kind, then name.
//! A `kind:` prefix (`org:`, `city:`, `person:`, `agreement:`, `event:`, `tie:`) filters.
//!
//! Every searchable string is lower-cased once when the index is built; match positions
//! are computed only for the hits that are shown ([`SearchIndex::positions`]).

use crate::dataset::Dataset;
use crate::model::{Entity, Kind};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

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

struct Item {
    kind: Kind,
    sort_name: String,
    fields: Vec<(Field, String, String)>,
}

/// The prepared search index of a dataset.
pub struct SearchIndex {
    items: Vec<Item>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("items", &self.items.len())
            .finish()
    }
}

impl SearchIndex {
    /// Prepares every searchable string of the dataset.
    pub fn build(ds: &Dataset) -> SearchIndex {
        let items = (0..ds.len())
            .map(|i| {
                let e = ds.entity(i);
                let mut fields = Vec::new();
                let mut push = |f: Field, s: &str| {
                    if !s.is_empty() {
                        fields.push((f, s.to_string(), s.to_lowercase()));
                    }
                };
                let name = ds.display_name(i);
                push(Field::Name, &name);
                if let Some(n) = e.native_name() {
                    push(Field::NativeName, n);
                }
                for a in e.aliases() {
                    push(Field::Alias, a);
                }
                push(Field::Id, e.id());
                match e {
                    Entity::Organization(o) => {
                        if let Some(c) = o.city.as_deref().and_then(|c| ds.get(c)) {
                            push(Field::City, c.name());
                        }
                        if let Some(a) = &o.contact.address {
                            push(Field::Address, a);
                        }
                    }
                    Entity::City(c) => push(Field::City, &c.country),
                    _ => {}
                }
                Item {
                    kind: e.kind(),
                    sort_name: name.to_lowercase(),
                    fields,
                }
            })
            .collect();
        SearchIndex {
            items,
            matcher: SkimMatcherV2::default(),
        }
    }

    /// Number of entities indexed.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The best `limit` hits for a query, best first. An empty query lists every entity
    /// (of the filtered kind) by kind and name.
    pub fn search(&self, query: &Query, limit: usize) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        for (i, item) in self.items.iter().enumerate() {
            if query.kind.is_some_and(|k| k != item.kind) {
                continue;
            }
            if query.text.is_empty() {
                hits.push(Hit {
                    entity: i as u32,
                    tier: Tier::Exact,
                    field: Field::Name,
                    field_index: 0,
                    score: 0,
                });
                continue;
            }
            if let Some(hit) = self.score_item(i, item, &query.text) {
                hits.push(hit);
            }
        }
        let cmp = |a: &Hit, b: &Hit| {
            b.score
                .cmp(&a.score)
                .then_with(|| {
                    self.items[a.entity as usize]
                        .kind
                        .cmp(&self.items[b.entity as usize].kind)
                })
                .then_with(|| {
                    self.items[a.entity as usize]
                        .sort_name
                        .cmp(&self.items[b.entity as usize].sort_name)
                })
                .then_with(|| a.entity.cmp(&b.entity))
        };
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit, cmp);
            hits.truncate(limit);
        }
        hits.sort_by(cmp);
        hits
    }

    fn score_item(&self, i: usize, item: &Item, q: &str) -> Option<Hit> {
        let mut best: Option<Hit> = None;
        for (fi, (field, _, lower)) in item.fields.iter().enumerate() {
            let Some((tier, quality)) = self.match_field(lower, q) else {
                continue;
            };
            // Secondary fields never outrank a name match of the same quality.
            let tier_rank = if field.is_primary() {
                tier as i64 * 2 + 1
            } else {
                tier as i64 * 2
            };
            let tier_rank = if field.is_primary() {
                tier_rank
            } else {
                tier_rank.min(Tier::Substring as i64 * 2)
            };
            let score = tier_rank * 1_000_000 + quality.clamp(0, 999_999);
            if best.as_ref().is_none_or(|b| score > b.score) {
                best = Some(Hit {
                    entity: i as u32,
                    tier,
                    field: *field,
                    field_index: fi as u16,
                    score,
                });
            }
        }
        best
    }

    /// The tier and a within-tier quality of a match of `q` in `text` (both lower-case).
    fn match_field(&self, text: &str, q: &str) -> Option<(Tier, i64)> {
        // Shorter names, and substrings found earlier, are closer to what was typed. The
        // quality must not be negative: the score keeps only 0..=999_999 of it.
        let closer = |chars: usize| 999_999 - (chars as i64).min(999_999);
        if text == q {
            return Some((Tier::Exact, 0));
        }
        if text.starts_with(q) {
            return Some((Tier::Prefix, closer(text.chars().count())));
        }
        if word_starts(text, q).is_some() {
            return Some((Tier::WordStart, closer(text.chars().count())));
        }
        if let Some(at) = text.find(q) {
            return Some((Tier::Substring, closer(text[..at].chars().count())));
        }
        let (score, idx) = self.matcher.fuzzy_indices(text, q)?;
        plausible(text, &idx, q.chars().count()).then_some((Tier::Fuzzy, score))
    }

    /// The text of the field a hit matched.
    pub fn field_text(&self, hit: &Hit) -> &str {
        self.items
            .get(hit.entity as usize)
            .and_then(|it| it.fields.get(hit.field_index as usize))
            .map_or("", |f| f.1.as_str())
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
        self.matcher
            .fuzzy_indices(text, q)
            .map(|(_, idx)| idx)
            .unwrap_or_default()
    }
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
