//! Typo tolerance: a dictionary of the distinct words of the names, aliases, cities and
//! countries, searched with a Levenshtein automaton, the way tantivy and Meilisearch do.
//!
//! Rules, as the best search engines have them: a word of 5 to 8 characters may have one
//! typo, of 9 or more two; a transposition of two neighbouring letters counts as one
//! (Damerau); the first letter is taken as typed. The dictionary is an `fst` map from word
//! to its list of entities; a query word's automaton visits only the words within reach,
//! never every entity. This module knows nothing of fields or ranking.

use fst::{Automaton, IntoStreamer, Streamer};
use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};
use std::sync::OnceLock;

/// How many typos a query word of `chars` characters may have.
pub(super) fn allowed(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Words shorter than this are not put in the dictionary (too short to be typo targets).
const MIN_WORD: usize = 3;

/// The automaton builders, built once (the two-typo one takes a moment).
fn builder(typos: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    if typos <= 1 {
        ONE.get_or_init(|| LevenshteinAutomatonBuilder::new(1, true))
    } else {
        TWO.get_or_init(|| LevenshteinAutomatonBuilder::new(2, true))
    }
}

/// A Levenshtein DFA as an `fst` automaton.
struct Lev<'a>(&'a DFA);

impl Automaton for Lev<'_> {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, s: &u32) -> bool {
        matches!(self.0.distance(*s), Distance::Exact(_))
    }

    fn can_match(&self, s: &u32) -> bool {
        *s != SINK_STATE
    }

    fn accept(&self, s: &u32, byte: u8) -> u32 {
        self.0.transition(*s, byte)
    }
}

/// The distinct words of the data and the entities holding each.
#[derive(Default)]
pub(super) struct Dictionary {
    map: fst::Map<Vec<u8>>,
    /// Word `w`'s entities are `postings[starts[w]..starts[w + 1]]`, sorted.
    starts: Vec<u32>,
    postings: Vec<u32>,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("words", &self.map.len())
            .field("bytes", &self.heap_bytes())
            .finish()
    }
}

/// Collects words while the index is built.
#[derive(Default)]
pub(super) struct DictionaryBuilder {
    ids: hashbrown::HashMap<Box<str>, u32>,
    /// (word id, entity) pairs.
    pairs: Vec<(u32, u32)>,
}

impl DictionaryBuilder {
    /// Adds the words of a folded text to entity `entity`.
    pub fn add(&mut self, folded: &str, entity: u32) {
        for w in folded.split(' ') {
            if w.len() < MIN_WORD || !w.bytes().all(|b| b.is_ascii_lowercase()) {
                continue;
            }
            let next = self.ids.len() as u32;
            let id = match self.ids.get(w) {
                Some(&id) => id,
                None => {
                    self.ids.insert(w.into(), next);
                    next
                }
            };
            self.pairs.push((id, entity));
        }
    }

    /// The dictionary.
    pub fn build(mut self) -> Dictionary {
        let mut words: Vec<(Box<str>, u32)> = self.ids.drain().collect();
        words.sort_unstable();
        // Renumber the words in sorted order, then group the pairs by word.
        let mut order = vec![0u32; words.len()];
        for (rank, (_, id)) in words.iter().enumerate() {
            order[*id as usize] = rank as u32;
        }
        for p in &mut self.pairs {
            p.0 = order[p.0 as usize];
        }
        self.pairs.sort_unstable();
        self.pairs.dedup();
        let mut starts = Vec::with_capacity(words.len() + 1);
        let mut postings = Vec::with_capacity(self.pairs.len());
        let mut k = 0;
        for w in 0..words.len() as u32 {
            starts.push(postings.len() as u32);
            while k < self.pairs.len() && self.pairs[k].0 == w {
                postings.push(self.pairs[k].1);
                k += 1;
            }
        }
        starts.push(postings.len() as u32);
        let map = fst::Map::from_iter(
            words
                .iter()
                .enumerate()
                .map(|(rank, (w, _))| (w.as_bytes(), rank as u64)),
        )
        .unwrap_or_default();
        Dictionary {
            map,
            starts,
            postings,
        }
    }
}

/// A word of the dictionary near a query word.
#[derive(Debug, Clone)]
pub(super) struct Near {
    pub word: String,
    pub typos: u8,
    id: u32,
}

impl Dictionary {
    /// The words within the typos allowed for `word` (which is folded), same first letter,
    /// with their typo counts (zero for the word itself). Empty when the word is too short
    /// for typos.
    pub fn near(&self, word: &str) -> Vec<Near> {
        let max = allowed(word.chars().count());
        let Some(&first) = word.as_bytes().first() else {
            return Vec::new();
        };
        if max == 0 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return Vec::new();
        }
        let dfa = builder(max).build_dfa(word);
        let aut = Lev(&dfa);
        let mut stream = self
            .map
            .search(&aut)
            .ge([first])
            .lt([first + 1])
            .into_stream();
        let mut out = Vec::new();
        while let Some((w, id)) = stream.next() {
            if let Distance::Exact(d) = dfa.eval(w) {
                out.push(Near {
                    word: String::from_utf8_lossy(w).into_owned(),
                    typos: d,
                    id: id as u32,
                });
            }
        }
        out
    }

    /// The entities holding a word found by [`Dictionary::near`], sorted.
    pub fn postings(&self, near: &Near) -> &[u32] {
        let w = near.id as usize;
        match (self.starts.get(w), self.starts.get(w + 1)) {
            (Some(&a), Some(&b)) => &self.postings[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Bytes held, roughly.
    pub fn heap_bytes(&self) -> usize {
        self.map.as_fst().as_bytes().len() + self.starts.len() * 4 + self.postings.len() * 4
    }
}

/// The optimal-string-alignment distance between two short words (a transposition of
/// neighbours counts as one), or `None` when over `max`.
pub(super) fn distance(a: &str, b: &str, max: u8) -> Option<u8> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max as usize {
        return None;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    let v = d[a.len() * w + b.len()];
    (v <= max as usize).then_some(v as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict(words: &[(&str, u32)]) -> Dictionary {
        let mut b = DictionaryBuilder::default();
        for (w, e) in words {
            b.add(w, *e);
        }
        b.build()
    }

    #[test]
    fn swapped_dropped_and_wrong_letters_are_one_typo() {
        let d = dict(&[
            ("shanghai", 0),
            ("sichuan", 1),
            ("kuopio", 2),
            ("yokohama", 3),
        ]);
        for (q, want) in [
            ("shangai", "shanghai"),
            ("sichaun", "sichuan"),
            ("kuopoi", "kuopio"),
            ("yokohoma", "yokohama"),
        ] {
            let near = d.near(q);
            assert_eq!(near.len(), 1, "{q}");
            assert_eq!((near[0].word.as_str(), near[0].typos), (want, 1), "{q}");
        }
        assert_eq!(d.postings(&d.near("kuopoi")[0]), &[2]);
    }

    #[test]
    fn short_words_get_no_typo_and_the_first_letter_counts() {
        let d = dict(&[("oslo", 0), ("kuopio", 1)]);
        assert!(d.near("osla").is_empty());
        assert!(d.near("guopio").is_empty());
    }

    #[test]
    fn long_words_get_two_typos() {
        let d = dict(&[("vladivostok", 0)]);
        assert_eq!(d.near("vladivostock")[0].typos, 1);
        assert_eq!(d.near("wladivostok").len(), 0);
        assert_eq!(d.near("vladivastock")[0].typos, 2);
    }

    #[test]
    fn distance_counts_a_transposition_once() {
        assert_eq!(distance("sichaun", "sichuan", 2), Some(1));
        assert_eq!(distance("abc", "abc", 0), Some(0));
        assert_eq!(distance("abcdef", "xyz", 2), None);
    }
}
