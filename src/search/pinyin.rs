//! Chinese-aware matching: a Han-script text matched by what people type for it, as
//! Chinese contact lists accept — full pinyin without tones (`shanghaishi` for 上海市),
//! syllable initials (`shhw` for 上海海外), partial pinyin (`shangh`) and Han characters
//! mixed with pinyin (`上海haiwai`).
//!
//! Readings come from the `pinyin` crate, every reading of a character (so polyphones such
//! as 重 chong/zhong and 长 chang/zhang match either way), folded (`ü` as `u`). A text is
//! turned into units, one per character: a Han character with its readings, or any other
//! character, matched literally. A query matches from some unit on, each unit taking the
//! query's next character literally or a non-empty prefix of one of its readings. This
//! module knows nothing of entities or ranking beyond the tier it reports.

use hashbrown::HashMap;
use pinyin::ToPinyinMulti;

/// No readings: a unit matched literally only.
const LITERAL: u32 = u32::MAX;

/// At most this many units of a text take part in pinyin matching, and this many query
/// characters (longer texts are matched on their beginning).
const MAX_UNITS: usize = 40;

/// One character of a text: itself, and its readings (an index into [`Readings::sets`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct Unit {
    pub ch: char,
    pub set: u32,
}

/// The distinct reading sets of every Han character seen.
#[derive(Debug, Default)]
pub(super) struct Readings {
    sets: Vec<Vec<Box<str>>>,
    by_char: HashMap<char, u32>,
}

/// Whether a character is Han (CJK unified ideographs and their extensions).
pub(super) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x3134f)
}

/// The folded readings of a Han character, each once, at most four.
fn readings_of(c: char) -> Vec<Box<str>> {
    let mut out: Vec<Box<str>> = Vec::new();
    if let Some(multi) = c.to_pinyin_multi() {
        for p in multi {
            let r = super::fold::fold(p.plain());
            if !r.is_empty() && r.is_ascii() && !out.iter().any(|o| **o == *r) && out.len() < 4 {
                out.push(r.into_boxed_str());
            }
        }
    }
    out
}

impl Readings {
    /// The reading set of `c`, computed once per distinct character.
    fn set_of(&mut self, c: char) -> u32 {
        if let Some(&s) = self.by_char.get(&c) {
            return s;
        }
        let readings = readings_of(c);
        let s = if readings.is_empty() {
            LITERAL
        } else {
            self.sets.push(readings);
            (self.sets.len() - 1) as u32
        };
        self.by_char.insert(c, s);
        s
    }

    /// The units of a folded text holding at least one Han character (spaces dropped), and
    /// the letters of all their readings, or `None` for a text without Han.
    pub fn units(&mut self, folded: &str, out: &mut Vec<Unit>) -> bool {
        out.clear();
        if !folded.chars().any(is_han) {
            return false;
        }
        for c in folded.chars().filter(|c| *c != ' ').take(MAX_UNITS) {
            let set = if is_han(c) { self.set_of(c) } else { LITERAL };
            out.push(Unit { ch: c, set });
        }
        true
    }

    /// Every letter of every reading of the units, for the mask that prefilters a field.
    pub fn letters<'a>(&'a self, units: &'a [Unit]) -> impl Iterator<Item = char> + 'a {
        units
            .iter()
            .filter(|u| u.set != LITERAL)
            .flat_map(|u| self.sets[u.set as usize].iter().flat_map(|r| r.chars()))
    }

    fn readings(&self, set: u32) -> &[Box<str>] {
        if set == LITERAL {
            &[]
        } else {
            &self.sets[set as usize]
        }
    }

    /// Frees spare capacity.
    pub fn shrink(&mut self) {
        self.sets.shrink_to_fit();
        self.by_char.shrink_to_fit();
    }
}

/// A query as pinyin matching sees it: folded, without spaces; `None` when it is not
/// something pinyin can match (it needs a letter, and only letters, digits and Han
/// characters: `aomenlu 141` for 澳门路141号).
/// A single letter matches the initials too: a longer query must find nothing its
/// prefixes did not (see the narrowing in [`super::SearchIndex`]).
pub(super) fn pinyin_query(folded: &str) -> Option<Vec<char>> {
    let chars: Vec<char> = folded.chars().filter(|c| *c != ' ').collect();
    let ok = chars.len() <= MAX_UNITS
        && chars.iter().any(char::is_ascii_lowercase)
        && chars
            .iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || is_han(*c));
    ok.then_some(chars)
}

/// Where a query matched a text's units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PinyinMatch {
    /// The units matched, in order (consecutive).
    pub units: std::ops::Range<usize>,
    /// Whether the match covers the whole text with whole syllables.
    pub whole: bool,
}

/// Matches `q` against `units`: the earliest start that matches, if any.
pub(super) fn match_units(readings: &Readings, units: &[Unit], q: &[char]) -> Option<PinyinMatch> {
    if q.is_empty() || units.is_empty() {
        return None;
    }
    let mut failed = vec![false; (units.len() + 1) * (q.len() + 1)];
    for start in 0..units.len() {
        let mut end = 0;
        let mut whole_last = false;
        if walk(
            readings,
            units,
            q,
            start,
            0,
            &mut failed,
            &mut end,
            &mut whole_last,
        ) {
            let whole = start == 0 && end == units.len() && whole_last;
            return Some(PinyinMatch {
                units: start..end,
                whole,
            });
        }
    }
    None
}

/// Whether `q[k..]` matches from unit `j` on; on success `end` is the unit after the last
/// one used and `whole_last` whether the last one was used whole.
#[allow(clippy::too_many_arguments)]
fn walk(
    readings: &Readings,
    units: &[Unit],
    q: &[char],
    j: usize,
    k: usize,
    failed: &mut [bool],
    end: &mut usize,
    whole_last: &mut bool,
) -> bool {
    if k == q.len() {
        return true;
    }
    if j == units.len() {
        return false;
    }
    let cell = j * (q.len() + 1) + k;
    if failed[cell] {
        return false;
    }
    let u = units[j];
    if q[k] == u.ch {
        if k + 1 == q.len() {
            *end = j + 1;
            *whole_last = true;
            return true;
        }
        if walk(readings, units, q, j + 1, k + 1, failed, end, whole_last) {
            return true;
        }
    }
    for r in readings.readings(u.set) {
        let r = r.as_bytes();
        let common = r
            .iter()
            .zip(&q[k..])
            .take_while(|(a, b)| u32::from(**a) == **b as u32)
            .count();
        // Longest first: a whole syllable is the likelier reading of what was typed.
        for len in (1..=common).rev() {
            if k + len == q.len() {
                *end = j + 1;
                *whole_last = len == r.len();
                return true;
            }
            if walk(readings, units, q, j + 1, k + len, failed, end, whole_last) {
                return true;
            }
        }
    }
    // 上海市海外 is said and typed 上海海外 (`shanghaihaiwai`): the administrative 市 and
    // 省 may be left out inside a match.
    if k > 0
        && matches!(u.ch, '市' | '省')
        && walk(readings, units, q, j + 1, k, failed, end, whole_last)
    {
        return true;
    }
    failed[cell] = true;
    false
}

/// The character positions in `text` (original, unfolded) of the Han characters and
/// other characters a pinyin query matched, for highlighting.
pub(super) fn positions(text: &str, q: &[char]) -> Vec<usize> {
    let (folded, map) = super::fold::fold_mapped(text);
    let mut readings = Readings::default();
    let mut units = Vec::new();
    if !readings.units(&folded, &mut units) {
        return Vec::new();
    }
    let Some(m) = match_units(&readings, &units, q) else {
        return Vec::new();
    };
    // Units skip the folded text's spaces: find each unit's folded character index.
    let unit_at: Vec<usize> = folded
        .chars()
        .enumerate()
        .filter(|(_, c)| *c != ' ')
        .map(|(i, _)| i)
        .collect();
    let mut out: Vec<usize> = m
        .units
        .filter_map(|u| unit_at.get(u))
        .filter_map(|&fi| map.get(fi).map(|&o| o as usize))
        .collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(text: &str, q: &str) -> Option<PinyinMatch> {
        let mut r = Readings::default();
        let mut units = Vec::new();
        r.units(&super::super::fold::fold(text), &mut units);
        match_units(&r, &units, &pinyin_query(q)?)
    }

    #[test]
    fn full_initial_partial_and_mixed_pinyin_match() {
        let soea = "上海海外交流协会";
        assert!(matches(soea, "shanghaihaiwai").is_some());
        assert!(matches(soea, "shhw").is_some());
        assert!(matches(soea, "shangh").is_some());
        assert!(matches(soea, "上海haiwai").is_some());
        assert!(matches(soea, "haiwai").unwrap().units == (2..4));
        assert!(matches("侨办", "qiaoban").unwrap().whole);
        assert!(matches("上海市海外交流协会", "shanghaihaiwai").is_some());
        assert!(matches("上海市海外交流协会", "上海haiwai").is_some());
        assert!(matches(soea, "beijing").is_none());
    }

    #[test]
    fn polyphones_match_by_every_reading() {
        assert!(matches("重庆", "chongqing").unwrap().whole);
        assert!(matches("长沙", "changsha").is_some());
        assert!(matches("长春", "zhangchun").is_some());
    }

    #[test]
    fn highlighted_characters_are_the_han_matched() {
        assert_eq!(
            positions("上海 海外交流", &pinyin_query("haiwai").unwrap()),
            vec![3, 4]
        );
    }
}
