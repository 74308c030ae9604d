//! Matching one lower-case field against a query, by tiers: exact, prefix, word starts,
//! substring, then fuzzy (skim, scored by fuzzy-matcher itself). The cheap tiers need one
//! substring scan, with a searcher built once per query; skim scoring runs only where every
//! character of the query appears in order.

use super::Tier;
use super::fields::char_bit;

/// A query prepared for matching.
#[derive(Debug)]
pub(super) struct Prepared<'q> {
    /// The lower-case text.
    pub text: &'q str,
    /// The bits of its characters, blanks aside (see [`super::fields::char_bit`]).
    pub mask: u64,
    pub words: Vec<&'q str>,
    /// The bits of each word's characters, as `mask` is of the whole.
    pub word_masks: Vec<u64>,
    /// A substring searcher for each word.
    word_finders: Vec<memchr::memmem::Finder<'q>>,
    /// The query as pinyin matching takes it, when it can be pinyin.
    pub pinyin: Option<Vec<char>>,
    /// Its characters, for the fuzzy prefilter.
    chars: Vec<char>,
    /// Whether the query was typed as an e-mail address or a website: those fields rank
    /// as names.
    pub contact: bool,
    /// Whether it is one word: then every entity it matches holds it in order in some
    /// field, and so does every entity a longer query starting with it matches.
    pub one_word: bool,
    /// A substring searcher built once for the whole search.
    finder: memchr::memmem::Finder<'q>,
}

impl<'q> Prepared<'q> {
    /// Prepares a parsed query's text, with what the query says of it.
    pub fn of(query: &'q super::Query) -> Prepared<'q> {
        Prepared {
            contact: query.contact,
            ..Prepared::new(&query.text)
        }
    }

    /// Prepares a non-empty, lower-case, trimmed query text.
    pub fn new(text: &'q str) -> Prepared<'q> {
        let mask = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .fold(0, |m, c| m | char_bit(c));
        let words: Vec<&str> = text.split_whitespace().collect();
        let word_masks = words
            .iter()
            .map(|w| w.chars().fold(0, |m, c| m | char_bit(c)))
            .collect();
        let word_finders = words
            .iter()
            .map(|w| memchr::memmem::Finder::new(*w))
            .collect();
        Prepared {
            text,
            mask,
            words,
            word_masks,
            word_finders,
            pinyin: super::pinyin::pinyin_query(text),
            chars: text.chars().collect(),
            finder: memchr::memmem::Finder::new(text),
            one_word: !text.contains(char::is_whitespace),
            contact: false,
        }
    }
}

/// Shorter names, and substrings found earlier, are closer to what was typed. The quality
/// must not be negative: the score keeps only 0..=999_999 of it.
pub(super) fn closer(chars: usize) -> i64 {
    999_999 - (chars as i64).min(999_999)
}

fn char_count(text: &str, ascii: bool) -> usize {
    if ascii {
        text.len()
    } else {
        text.chars().count()
    }
}

/// Whether a word starts at byte `at`: an alphanumeric character after anything else.
fn word_start_at(text: &str, at: usize) -> bool {
    let starts_alnum = text[at..].chars().next().is_some_and(char::is_alphanumeric);
    starts_alnum
        && !text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// The byte just after the character at `at`.
fn next_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

/// The tier and quality of `text` for `q` by the tiers above fuzzy, if any applies.
pub(super) fn plain_tier(text: &str, ascii: bool, q: &Prepared<'_>) -> Option<(Tier, i64)> {
    let qt = q.text;
    if q.one_word {
        // One scan: the first occurrence decides prefix and substring; a later one at a
        // word start makes it a word-start match.
        let find = |from: usize| q.finder.find(&text.as_bytes()[from..]).map(|k| from + k);
        let first = find(0)?;
        if first == 0 {
            if text.len() == qt.len() {
                return Some((Tier::Exact, 999_999));
            }
            return Some((Tier::Prefix, closer(char_count(text, ascii))));
        }
        let mut at = first;
        loop {
            if word_start_at(text, at) {
                return Some((Tier::WordStart, closer(char_count(text, ascii))));
            }
            match find(next_char(text, at)) {
                Some(next) => at = next,
                None => break,
            }
        }
        let offset = if ascii {
            first
        } else {
            text[..first].chars().count()
        };
        return Some((Tier::Substring, closer(offset)));
    }
    if text == qt {
        return Some((Tier::Exact, 999_999));
    }
    if text.starts_with(qt) {
        return Some((Tier::Prefix, closer(char_count(text, ascii))));
    }
    if word_starts_all(text, &q.words) {
        return Some((Tier::WordStart, closer(char_count(text, ascii))));
    }
    let at = q.finder.find(text.as_bytes())?;
    Some((Tier::Substring, closer(char_count(&text[..at], ascii))))
}

/// Whether query word `k` starts a word of `text`.
pub(super) fn word_starts_at_some(text: &str, q: &Prepared<'_>, k: usize) -> bool {
    let finder = &q.word_finders[k];
    let mut from = 0;
    while let Some(at) = finder.find(&text.as_bytes()[from..]).map(|a| from + a) {
        if word_start_at(text, at) {
            return true;
        }
        from = next_char(text, at);
    }
    false
}

/// Whether every word starts a word of `text`, each a different one, taken greedily in
/// order (as [`super::tiers::word_starts`] does).
fn word_starts_all(text: &str, words: &[&str]) -> bool {
    let mut used: Vec<usize> = Vec::new();
    'words: for w in words {
        let mut from = 0;
        while let Some(k) = text[from..].find(w) {
            let at = from + k;
            if word_start_at(text, at) && !used.contains(&at) {
                used.push(at);
                continue 'words;
            }
            from = next_char(text, at);
        }
        return false;
    }
    !words.is_empty()
}

/// How a text fuzzy-matches a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fuzzy {
    /// The query's characters are not all in the text, in order.
    Apart,
    /// They are, but skim's alignment is not [`plausible`].
    Implausible,
    /// A plausible match, with skim's score.
    Score(i64),
}

/// Whether `text` holds the query's characters in order.
pub(super) fn in_order_of(text: &str, q: &Prepared<'_>) -> bool {
    if text.is_ascii() && q.text.is_ascii() {
        in_order_ascii(text.as_bytes(), q.text.as_bytes())
    } else {
        in_order(text, &q.chars)
    }
}

/// How `text` fuzzy-matches `q`: skim runs only when the query's characters are all there
/// in order.
pub(super) fn fuzzy(text: &str, ascii: bool, q: &Prepared<'_>) -> Fuzzy {
    let in_order = if ascii && q.text.is_ascii() {
        in_order_ascii(text.as_bytes(), q.text.as_bytes())
    } else {
        in_order(text, &q.chars)
    };
    if !in_order {
        return Fuzzy::Apart;
    }
    let qlen = q.chars.len();
    // Skim's alignment can only be plausible where some alignment is: most texts that
    // hold the letters in order have neither a compact window nor initials, and are
    // settled here without scoring.
    if !could_be_plausible(text, q) {
        return Fuzzy::Implausible;
    }
    match fuzzy_indices(text, q.text) {
        Some((score, idx)) => {
            let ok = if ascii {
                plausible_ascii(text.as_bytes(), &idx, qlen)
            } else {
                plausible(text, &idx, qlen)
            };
            if ok {
                Fuzzy::Score(score)
            } else {
                Fuzzy::Implausible
            }
        }
        None => Fuzzy::Implausible,
    }
}

/// fuzzy-matcher's skim score and character positions of `q` in `text`, from a matcher
/// made for this call alone: a matcher's cached matrix is not cleared between calls and
/// could make a score depend on the texts scored before (skim #1071), so none is reused.
/// (`use_cache(false)` would say the same, but in fuzzy-matcher 0.3.7 it panics on a
/// `RefCell` borrowed twice when it frees the matrix.)
pub(super) fn fuzzy_indices(text: &str, q: &str) -> Option<(i64, Vec<usize>)> {
    use fuzzy_matcher::FuzzyMatcher;
    fuzzy_matcher::skim::SkimMatcherV2::default().fuzzy_indices(text, q)
}

/// [`plausible`] for an ASCII text, without collecting its characters.
fn plausible_ascii(text: &[u8], positions: &[usize], qlen: usize) -> bool {
    let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else {
        return false;
    };
    let word_start = |i: usize| i == 0 || !text[i - 1].is_ascii_alphanumeric();
    if word_start(first) && compact(first, last, qlen) {
        return true;
    }
    initials(positions, word_start)
}

/// Whether some alignment of `q` in `text` passes [`plausible`]: a compact window
/// holding it in order, or initials of neighbouring words. Allocates only for non-ASCII.
fn could_be_plausible(text: &str, q: &Prepared<'_>) -> bool {
    if text.is_ascii() && q.text.is_ascii() {
        return plausible_somewhere(text.as_bytes(), q.text.as_bytes(), |b: u8| {
            b.is_ascii_alphanumeric()
        });
    }
    let chars: Vec<char> = text.chars().collect();
    plausible_somewhere(&chars, &q.chars, char::is_alphanumeric)
}

fn plausible_somewhere<T: Copy + PartialEq>(
    text: &[T],
    q: &[T],
    alnum: impl Fn(T) -> bool + Copy,
) -> bool {
    let qlen = q.len();
    let Some(&first) = q.first() else {
        return false;
    };
    // The shortest window from each word start (the first letter is rarely wrong),
    // matching greedily.
    let widest = qlen + (qlen / 4).max(1);
    if qlen >= 4 {
        for start in 0..text.len() {
            if text[start] != first || (start > 0 && alnum(text[start - 1])) {
                continue;
            }
            let mut k = 1;
            let mut at = start + 1;
            while k < qlen && at < text.len() && at - start < widest {
                if text[at] == q[k] {
                    k += 1;
                }
                at += 1;
            }
            if k == qlen {
                return true;
            }
        }
    }
    (0..text.len()).any(|i| {
        text[i] == first && (i == 0 || !alnum(text[i - 1])) && initials_at(text, i, q, 0, 0, alnum)
    })
}

/// The start of the word after the one at `i`, if any.
fn next_word<T: Copy>(text: &[T], i: usize, alnum: impl Fn(T) -> bool) -> Option<usize> {
    let mut j = i;
    while j < text.len() && alnum(text[j]) {
        j += 1;
    }
    while j < text.len() && !alnum(text[j]) {
        j += 1;
    }
    (j < text.len()).then_some(j)
}

/// Whether `q[pos..]` is made of prefixes of the words from the one at `i` on, skipping at
/// most one word between two, with at least two runs and at most three letters a run on
/// average.
fn initials_at<T: Copy + PartialEq>(
    text: &[T],
    i: usize,
    q: &[T],
    pos: usize,
    runs: usize,
    alnum: impl Fn(T) -> bool + Copy,
) -> bool {
    let common = text[i..]
        .iter()
        .zip(&q[pos..])
        .take_while(|(a, b)| alnum(**a) && a == b)
        .count();
    for len in (1..=common).rev() {
        let (pos, runs) = (pos + len, runs + 1);
        if pos == q.len() {
            if runs >= 2 && q.len() <= runs * 3 {
                return true;
            }
            continue;
        }
        let Some(next) = next_word(text, i, alnum) else {
            continue;
        };
        if initials_at(text, next, q, pos, runs, alnum) {
            return true;
        }
        if let Some(after) = next_word(text, next, alnum)
            && initials_at(text, after, q, pos, runs, alnum)
        {
            return true;
        }
    }
    false
}

/// Whether the bytes of `q` appear in `text` in order.
fn in_order_ascii(text: &[u8], q: &[u8]) -> bool {
    let mut want = q.iter();
    let mut next = want.next();
    for &b in text {
        match next {
            Some(&c) if c == b => next = want.next(),
            Some(_) => {}
            None => return true,
        }
    }
    next.is_none()
}

/// Whether the characters of `q` appear in `text` in order.
fn in_order(text: &str, q: &[char]) -> bool {
    let mut want = q.iter().peekable();
    for c in text.chars() {
        match want.peek() {
            Some(&&w) if w == c => {
                want.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    want.peek().is_none()
}

/// Whether fuzzy match positions look like something a person meant: either compact from
/// a word start (at most one letter in four skipped, as in a dropped or doubled letter;
/// `paris` is not a match inside "valparaiso") or made of runs
/// that each begin a word (initials, as in `kscc` for "Kenya Shanghai Chamber of
/// Commerce"). Letters scattered through a long name are rejected, so a short query does
/// not match half the dataset.
pub(super) fn plausible(text: &str, positions: &[usize], qlen: usize) -> bool {
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

    fn tier(text: &str, q: &str) -> Option<(Tier, i64)> {
        plain_tier(text, text.is_ascii(), &Prepared::new(q))
    }

    #[test]
    fn one_scan_finds_the_best_plain_tier() {
        assert_eq!(tier("port", "port"), Some((Tier::Exact, 999_999)));
        assert_eq!(tier("portal", "port").unwrap().0, Tier::Prefix);
        assert_eq!(tier("airport port", "port").unwrap().0, Tier::WordStart);
        assert_eq!(tier("airport", "port"), Some((Tier::Substring, 999_996)));
        assert_eq!(tier("上海港口", "港"), Some((Tier::Substring, 999_997)));
        assert_eq!(tier("a-port", "-port"), Some((Tier::Substring, 999_998)));
        assert_eq!(tier("p o r t", "port"), None);
    }

    #[test]
    fn several_words_each_start_a_different_word() {
        assert!(word_starts_all(
            "kenya shanghai chamber",
            &["chamber", "kenya"]
        ));
        assert!(!word_starts_all("kenya", &["ke", "ken"]));
        assert!(word_starts_all("ken kenya", &["ke", "ken"]));
    }
}
