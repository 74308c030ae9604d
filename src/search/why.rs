//! Explaining hits: why a row matched when not by its name, which characters to highlight
//! (by the same rules as ranking), and which hits are as good as the best one. It only
//! reads the index and the tiers; it must not change how anything ranks.

use super::tiers::word_starts;
use super::{Field, Hit, Query, SearchIndex, Tier, fold, matching, pinyin, typo};

impl SearchIndex {
    /// The hits as good as the best one, best first: those holding every query word as a
    /// whole word of the field they matched when the best does (`zhang`: the four Zhangs,
    /// not Zhangjiang), else those of the best one's tier; when the best matched by a name,
    /// only those that did too (`soea`: not the people whose post names it). What `show`
    /// names when a query is ambiguous.
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
        let (named, tier, best_whole) = (best.field.is_primary(), best.tier, whole(best));
        let hits = hits.iter().filter(|h| h.field.is_primary() || !named);
        if best_whole {
            hits.filter(|h| whole(h)).cloned().collect()
        } else {
            hits.filter(|h| h.tier == tier).cloned().collect()
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
            Field::Post => "as",
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
