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
//!
//! This file holds the public types; the index is built in [`index`], ranked over in
//! [`rank`], one entity is scored by tier in [`tiers`], and hits are explained in [`why`].

mod contact;
mod fields;
mod filter;
pub mod fold;
mod index;
mod matching;
mod pinyin;
mod query;
mod rank;
mod tiers;
mod typo;
mod why;

pub use query::{FILTERS, Filter, FilterDoc, Query};

use crate::model::Kind;
use fields::Fields;
pub use filter::Facets;
use pinyin::{Readings, Unit};
use rank::Narrowing;
use tiers::TypoHit;
use typo::Dictionary;

/// Whether `s` holds a Han character (a name pinyin can find).
pub fn has_han(s: &str) -> bool {
    s.chars().any(pinyin::is_han)
}

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
    /// A post a person holds or held: its title and organization.
    Post,
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

impl SearchIndex {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

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
