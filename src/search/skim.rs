//! Skim's fuzzy scoring (fuzzy-matcher's `SkimMatcherV2`, default settings), computed on a
//! fresh score matrix every time.
//!
//! fuzzy-matcher reuses a thread-local matrix between calls without clearing it, and one
//! of its fields (the bonus of a matched cell) is read before it is written, so its score
//! for a text could depend on the texts scored before. This gives the numbers and positions
//! that crate gives on a fresh matrix, so a score depends only on the text and the query.
//!
//! On a fresh matrix that bonus is always zero, and skim's dynamic programme reduces to one
//! over the places where each query character matches: the best alignment of the first
//! characters ending at a match, reached either from a match just before it (a run) or
//! from the best earlier match less a gap penalty that grows by one a character. So this
//! visits matches only, not every cell of a text × query matrix, and allocates nothing.

use std::cell::RefCell;

const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;

/// The best alignment of the query's first characters ending at one match.
#[derive(Clone, Copy)]
struct Entry {
    /// The text position matched.
    at: usize,
    /// Skim's score of that alignment.
    score: i32,
    /// The entry of the previous query character it comes from.
    from: usize,
}

/// Buffers reused from call to call (cleared every time).
#[derive(Default)]
struct Scratch {
    choice: Vec<char>,
    pattern: Vec<char>,
    work: Work,
}

#[derive(Default)]
struct Work {
    first: Vec<usize>,
    entries: Vec<Entry>,
    positions: Vec<usize>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

#[derive(Clone, Copy, PartialEq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

fn char_type(ch: char) -> CharType {
    if ch.is_ascii() {
        return ASCII_TYPES[ch as usize];
    }
    char_type_slow(ch)
}

/// [`char_type_slow`] of every ASCII character.
const ASCII_TYPES: [CharType; 128] = {
    let mut t = [CharType::Lower; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = char_type_slow(i as u8 as char);
        i += 1;
    }
    t
};

const fn char_type_slow(ch: char) -> CharType {
    match ch {
        '\0' => CharType::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharType::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharType::SoftSep,
        '0'..='9' => CharType::Number,
        'A'..='Z' => CharType::Upper,
        _ => CharType::Lower,
    }
}

fn in_place_bonus(prev: CharType, cur: CharType) -> i32 {
    match (prev, cur) {
        (CharType::Empty, _) | (CharType::HardSep, _) => BONUS_HEAD,
        (CharType::SoftSep, _) => BONUS_BREAK,
        (CharType::Lower, CharType::Upper) | (CharType::Number, CharType::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// A character of the text: `char`, or a byte of an ASCII text (the same result, faster).
trait Sym: Copy + PartialEq {
    fn kind(self) -> CharType;
    fn eq_ignore_ascii_case(self, other: Self) -> bool;
}

impl Sym for char {
    fn kind(self) -> CharType {
        char_type(self)
    }
    fn eq_ignore_ascii_case(self, other: char) -> bool {
        char::eq_ignore_ascii_case(&self, &other)
    }
}

impl Sym for u8 {
    fn kind(self) -> CharType {
        char_type(self as char)
    }
    fn eq_ignore_ascii_case(self, other: u8) -> bool {
        u8::eq_ignore_ascii_case(&self, &other)
    }
}

fn char_equal<T: Sym>(a: T, b: T, case_sensitive: bool) -> bool {
    if case_sensitive {
        a == b
    } else {
        a.eq_ignore_ascii_case(b)
    }
}

fn match_score<T: Sym>(c: T, p: T, case_sensitive: bool) -> Option<i32> {
    if !char_equal(c, p, case_sensitive) {
        return None;
    }
    let penalty = if !case_sensitive && p != c {
        PENALTY_CASE_MISMATCH
    } else {
        0
    };
    Some((SCORE_MATCH + penalty).max(0))
}

/// Skim's score of `choice` for `pattern` and the character positions it matched, or
/// `None` when the pattern's characters do not all appear in order.
pub fn fuzzy_indices(choice: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
    fuzzy_with(choice, pattern, |score, positions| {
        (score, positions.to_vec())
    })
}

/// Like [`fuzzy_indices`], handing the score and positions to `f` instead of allocating.
pub fn fuzzy_with<R>(choice: &str, pattern: &str, f: impl FnOnce(i64, &[usize]) -> R) -> Option<R> {
    if pattern.is_empty() {
        return Some(f(0, &[]));
    }
    let case_sensitive = pattern.bytes().any(|b| b.is_ascii_uppercase());
    SCRATCH.with(|s| {
        let s = &mut *s.borrow_mut();
        let best = if choice.is_ascii() && pattern.is_ascii() {
            score(
                &mut s.work,
                choice.as_bytes(),
                pattern.as_bytes(),
                case_sensitive,
            )
        } else {
            s.choice.clear();
            s.choice.extend(choice.chars());
            s.pattern.clear();
            s.pattern.extend(pattern.chars());
            score(&mut s.work, &s.choice, &s.pattern, case_sensitive)
        }?;
        Some(f(best, &s.work.positions))
    })
}

/// Skim's best score of `c` for `p`, with its positions left in `s.positions`.
fn score<T: Sym>(s: &mut Work, c: &[T], p: &[T], case_sensitive: bool) -> Option<i64> {
    // The first place each pattern character can match, greedily: no alignment puts a
    // character earlier, and skim starts each row of its matrix there.
    s.first.clear();
    let mut k = 0;
    for (idx, &ch) in c.iter().enumerate() {
        if k == p.len() {
            break;
        }
        if char_equal(ch, p[k], case_sensitive) {
            s.first.push(idx);
            k += 1;
        }
    }
    if k < p.len() {
        return None;
    }
    // Skim's bonus for a match at `t`: word starts, camel case, after a separator; double
    // for the first character of the text.
    let bonus = |t: usize| {
        let prev = if t == 0 {
            CharType::Empty
        } else {
            c[t - 1].kind()
        };
        let b = in_place_bonus(prev, c[t].kind());
        if t == 0 {
            b * BONUS_FIRST_CHAR_MULTIPLIER
        } else {
            b
        }
    };
    s.entries.clear();
    let mut prev_row = 0..0;
    for (r, &p_ch) in p.iter().enumerate() {
        let row_start = s.entries.len();
        // The best earlier entry of the previous row for a gap: the highest `score + at`,
        // the last of equal ones (skim's backtracking takes the nearest).
        let mut best_gap: Option<(i32, usize)> = None;
        let mut next = prev_row.start;
        for (t, &c_ch) in c.iter().enumerate().skip(s.first[r]) {
            let Some(m) = match_score(c_ch, p_ch, case_sensitive) else {
                continue;
            };
            let b = bonus(t);
            let (score, from) = if r == 0 {
                // Row 0 of skim's gap matrix is -1 everywhere.
                (GAP_EXTENSION + b, usize::MAX)
            } else {
                while next < prev_row.end && s.entries[next].at + 2 <= t {
                    let e = s.entries[next];
                    let v = e.score + e.at as i32;
                    if best_gap.is_none_or(|(bv, _)| v >= bv) {
                        best_gap = Some((v, next));
                    }
                    next += 1;
                }
                let run = (next < prev_row.end && s.entries[next].at + 1 == t).then(|| {
                    let e = s.entries[next];
                    (e.score + b.max(BONUS_CONSECUTIVE), next)
                });
                let gap = best_gap.map(|(v, i)| (v - t as i32 - 2 + b, i));
                match (run, gap) {
                    (Some(run), Some(gap)) => {
                        if run.0 >= gap.0 {
                            run
                        } else {
                            gap
                        }
                    }
                    (Some(one), None) | (None, Some(one)) => one,
                    (None, None) => continue,
                }
            };
            s.entries.push(Entry {
                at: t,
                score: score + m,
                from,
            });
        }
        prev_row = row_start..s.entries.len();
    }
    // The best end; the last of equal ones, as skim's `max_by_key` picks.
    let mut end = None;
    for i in prev_row {
        if end.is_none_or(|e: usize| s.entries[i].score >= s.entries[e].score) {
            end = Some(i);
        }
    }
    let end = end?;
    s.positions.clear();
    let mut at = end;
    loop {
        let e = s.entries[at];
        s.positions.push(e.at);
        if e.from == usize::MAX {
            break;
        }
        at = e.from;
    }
    s.positions.reverse();
    Some(i64::from(s.entries[end].score))
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    #[test]
    fn scores_and_positions_are_those_of_fuzzy_matcher_on_a_fresh_matrix() {
        let cases = [
            ("naiburg university of cooperation and exchange", "oor"),
            ("kenya shanghai chamber of commerce", "kscc"),
            ("Kenya Shanghai Chamber of Commerce", "kscc"),
            ("helsinki", "helsnki"),
            ("fooBar-baz_qux (x)", "fbq"),
            ("上海市海外交流协会", "海外"),
            ("aaaaaaaa", "aa"),
            ("abc", "abcd"),
            ("x", ""),
        ];
        for (choice, pattern) in cases {
            // A new matcher has a fresh matrix.
            let want = SkimMatcherV2::default().fuzzy_indices(choice, pattern);
            // Scored after something else, to show nothing carries over.
            let _ = fuzzy_indices("an unrelated and much longer text to score first", "and");
            assert_eq!(fuzzy_indices(choice, pattern), want, "{choice} / {pattern}");
        }
    }

    #[test]
    fn random_texts_over_a_small_alphabet_score_as_fuzzy_matcher_does() {
        // Few letters, separators and capitals: many equal alignments, every bonus.
        let letters: Vec<char> = "abaB -_xA1".chars().collect();
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) as usize) % n
        };
        for _ in 0..20_000 {
            let choice: String = (0..1 + next(30))
                .map(|_| letters[next(letters.len())])
                .collect();
            let pattern: String = (0..1 + next(5)).map(|_| letters[next(4)]).collect();
            let want = SkimMatcherV2::default().fuzzy_indices(&choice, &pattern);
            assert_eq!(
                fuzzy_indices(&choice, &pattern),
                want,
                "{choice:?} / {pattern:?}"
            );
        }
    }
}
