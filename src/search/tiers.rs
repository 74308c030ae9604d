//! How one entity matches a query: its best field by tier (exact, prefix, word start,
//! substring, pinyin), the typo hits found through the dictionary, and the fuzzy tier with
//! its plausibility rules (compact from a word start, or initials). It scores; it must not
//! scan the whole index or keep the best hits ([`super::rank`]).

use super::fields::NON_ASCII;
use super::matching::{Fuzzy, Prepared, fuzzy, plain_tier};
use super::pinyin::{Unit, match_units};
use super::{Field, SearchIndex, Tier, matching, typo};

impl SearchIndex {
    /// The pinyin units of field `f` (empty without Han).
    fn units_of(&self, f: usize) -> &[Unit] {
        match (self.unit_start.get(f), self.unit_start.get(f + 1)) {
            (Some(&a), Some(&b)) => &self.units[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The best field of entity `i` by the tiers above fuzzy (pinyin included).
    pub(super) fn best_plain(&self, i: usize, q: &Prepared<'_>) -> Option<(i64, usize, Tier)> {
        let fields = &self.fields;
        let mut best: Option<(i64, usize, Tier)> = None;
        // The bits of every field's characters together, for a match across fields.
        let mut union = 0;
        for f in fields.item(i) {
            let h = fields.hot(f);
            union |= h.mask;
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
                        // The first letters of a name's first characters are its words'
                        // starts, as `hz` is Han Zheng's: not a prefix of the name.
                        (false, 0) if initials => Some(Tier::WordStart),
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
                // An address typed as one (`espoo.fi`) ranks on its own field as on a name;
                // an id only when typed whole (`bangkok council` is the council's name
                // before it is the start of a memorandum's id).
                let contact = q.contact && matches!(field, Field::Email | Field::Website);
                let ranked_as = match field {
                    _ if contact => Field::Name,
                    Field::Id if tier < Tier::Exact => Field::Address,
                    f => f,
                };
                let score = score(tier, ranked_as, quality);
                if best.is_none_or(|b| score > b.0) {
                    best = Some((score, f, tier));
                }
            }
        }
        // Every letter of the query must be somewhere in the entity: most fail here.
        if best.is_none() && q.words.len() > 1 && union & q.mask == q.mask {
            return self.across_fields(i, q);
        }
        best
    }

    /// Several query words that no one field holds, each starting a word of some field and
    /// one of them a name's (`chamber finland`: the name and the country): ranked below
    /// every match of the whole query in one field, with a typo in a name.
    fn across_fields(&self, i: usize, q: &Prepared<'_>) -> Option<(i64, usize, Tier)> {
        let fields = &self.fields;
        let holds = |f: usize, k: usize| {
            let h = fields.hot(f);
            h.mask & q.word_masks[k] == q.word_masks[k]
                && matching::word_starts_at_some(fields.lower(h), q, k)
        };
        // A name holds one of the words (cheap masks first)...
        let (name, first) = fields
            .item(i)
            .filter(|&f| fields.field(f).is_primary())
            .find_map(|f| (0..q.words.len()).find(|&k| holds(f, k)).map(|k| (f, k)))?;
        // ...and some field each of the others.
        let all = (0..q.words.len())
            .filter(|&k| k != first)
            .all(|k| fields.item(i).any(|f| holds(f, k)));
        let f = Some(name).filter(|_| all)?;
        let quality = matching::closer(fields.lower(fields.hot(f)).chars().count());
        Some((score(Tier::Typo, Field::Name, quality), f, Tier::WordStart))
    }

    /// [`SearchIndex::find_typos`], remembered for the last query text.
    pub(super) fn typo_hits(&self, q: &Prepared<'_>) -> std::sync::Arc<Vec<TypoHit>> {
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
        // Without a typo the plain tiers find every match (across fields too).
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
    pub(super) fn best_fuzzy(
        &self,
        i: usize,
        q: &Prepared<'_>,
    ) -> (Option<(i64, usize, Tier)>, bool) {
        self.fuzzy_fields(i, q, false)
    }

    /// Whether some field of entity `i` matches fuzzily (the first one found will do), and
    /// whether some field holds the query in order.
    pub(super) fn fuzzy_exists(&self, i: usize, q: &Prepared<'_>) -> (bool, bool) {
        let (found, in_order) = self.fuzzy_fields(i, q, true);
        (found.is_some(), in_order)
    }

    /// The fuzzy walk over entity `i`'s fields behind [`SearchIndex::best_fuzzy`] and
    /// [`SearchIndex::fuzzy_exists`]: the best match (the first, with `first_will_do`),
    /// and whether some field holds the query in order.
    fn fuzzy_fields(
        &self,
        i: usize,
        q: &Prepared<'_>,
        first_will_do: bool,
    ) -> (Option<(i64, usize, Tier)>, bool) {
        let fields = &self.fields;
        let mut in_order = false;
        // Scattered letters and initials are how people abbreviate names, not places,
        // addresses or region text (`soea` is not So-uth E-astern A-sia): a secondary
        // field only tells whether the entity holds the query in order.
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
                    if first_will_do {
                        return (best, true);
                    }
                }
            }
        }
        (best, in_order)
    }

    /// Whether some field of entity `i` holds the query's characters in order.
    pub(super) fn holds_in_order(&self, i: usize, q: &Prepared<'_>) -> bool {
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

/// An entity matched within typos: its score and the field shown.
#[derive(Debug, Clone, Copy)]
pub(super) struct TypoHit {
    pub(super) entity: u32,
    pub(super) score: i64,
    pub(super) field: u32,
}

/// If every word of `q` starts a word of `text` (words split at anything not alphanumeric),
/// the character positions covered.
pub(super) fn word_starts(text: &str, q: &str) -> Option<Vec<usize>> {
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
