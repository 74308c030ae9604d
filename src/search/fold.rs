//! Folding text for matching: case, accents, full-width forms and punctuation, the same way
//! for the data and for the query, so `Montréal`, `MONTREAL` and `montreal` are one word
//! and `Yan'an` is `yanan`.
//!
//! Folding keeps a map from each folded character back to the original one, so that the
//! characters a query matched can be highlighted in the original text. Han, kana and
//! Hangul are kept as they are (never decomposed). This module knows nothing of fields,
//! entities or ranking.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What one original character folds to.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    // Full-width ASCII forms and the ideographic space.
    let c = match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    };
    if c.is_ascii() {
        match c {
            'A'..='Z' => out(c.to_ascii_lowercase()),
            'a'..='z' | '0'..='9' => out(c),
            '\'' | '`' => {}
            _ => out(' '),
        }
        return;
    }
    match c {
        // Apostrophes and acute accents used as apostrophes.
        '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{00b4}' | '\u{02b9}' => return,
        'ß' | 'ẞ' => {
            out('s');
            out('s');
            return;
        }
        'æ' | 'Æ' => {
            out('a');
            out('e');
            return;
        }
        'œ' | 'Œ' => {
            out('o');
            out('e');
            return;
        }
        'ø' | 'Ø' => return out('o'),
        'đ' | 'Đ' | 'ð' | 'Ð' => return out('d'),
        'ł' | 'Ł' => return out('l'),
        'ı' => return out('i'),
        'þ' | 'Þ' => {
            out('t');
            out('h');
            return;
        }
        _ => {}
    }
    if !c.is_alphanumeric() && !is_combining_mark(c) {
        // Punctuation, symbols and spaces of every script separate words.
        if matches!(c, '·' | '・') {
            return;
        }
        return out(' ');
    }
    // Decompose only Latin, Greek and Cyrillic letters (never Hangul or kana).
    let decomposable = (c as u32) < 0x0590 || ('\u{1e00}'..='\u{1eff}').contains(&c);
    for l in c.to_lowercase() {
        if decomposable && !l.is_ascii() {
            for d in std::iter::once(l).nfd() {
                if !is_combining_mark(d) {
                    out(d);
                }
            }
        } else if !is_combining_mark(l) {
            out(l);
        }
    }
}

/// Folds `text` into `out` (cleared first), with one space between words and none at the
/// ends; `map`, when given, receives for each folded character the index of the original
/// character it came from.
pub fn fold_into(text: &str, out: &mut String, mut map: Option<&mut Vec<u32>>) {
    out.clear();
    if map.is_none() && text.is_ascii() {
        fold_ascii(text.as_bytes(), out);
        return;
    }
    if let Some(m) = map.as_deref_mut() {
        m.clear();
    }
    let mut pending_space = false;
    for (ci, c) in text.chars().enumerate() {
        fold_char(c, &mut |f| {
            if f == ' ' {
                pending_space = !out.is_empty();
                return;
            }
            if pending_space {
                out.push(' ');
                if let Some(m) = map.as_deref_mut() {
                    m.push(ci as u32);
                }
                pending_space = false;
            }
            out.push(f);
            if let Some(m) = map.as_deref_mut() {
                m.push(ci as u32);
            }
        });
    }
}

/// [`fold_into`] for ASCII text without a map: a byte at a time.
fn fold_ascii(text: &[u8], out: &mut String) {
    let mut pending_space = false;
    for &b in text {
        let c = match b {
            b'A'..=b'Z' => b.to_ascii_lowercase(),
            b'a'..=b'z' | b'0'..=b'9' => b,
            b'\'' | b'`' => continue,
            _ => {
                pending_space = !out.is_empty();
                continue;
            }
        };
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c as char);
    }
}

/// `text` folded: lower case, no accents, full-width forms as ASCII, punctuation as single
/// spaces between words, apostrophes dropped.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out, None);
    out
}

/// `text` folded, and for each folded character the index of the original character.
pub fn fold_mapped(text: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    fold_into(text, &mut out, Some(&mut map));
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_width_fold_to_plain_lower_case() {
        assert_eq!(fold("Montréal"), "montreal");
        assert_eq!(fold("QUÉBEC"), "quebec");
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert_eq!(fold("Ｔｏｋｙｏ"), "tokyo");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Kraków-Nowa Huta"), "krakow nowa huta");
    }

    #[test]
    fn apostrophes_vanish_and_punctuation_separates_words() {
        assert_eq!(fold("Yan'an"), "yanan");
        assert_eq!(fold("Xi’an"), "xian");
        assert_eq!(fold("  info@soea.org "), "info soea org");
        assert_eq!(fold("St. Petersburg"), "st petersburg");
    }

    #[test]
    fn han_kana_and_hangul_stay_as_they_are() {
        assert_eq!(fold("上海市"), "上海市");
        assert_eq!(fold("서울"), "서울");
        assert_eq!(fold("ガス"), "ガス");
        assert_eq!(fold("上海・東京"), "上海東京");
    }

    #[test]
    fn ascii_takes_the_same_path_as_the_rest() {
        for text in ["  Yan'an, Shaanxi -- (PRC) ", "A.B", "x", "", "'", "Ünï"] {
            let (mapped, _) = fold_mapped(text);
            assert_eq!(fold(text), mapped, "{text:?}");
        }
    }

    #[test]
    fn the_map_points_back_at_the_original_characters() {
        let (f, map) = fold_mapped("Yan'an É-x");
        assert_eq!(f, "yanan e x");
        assert_eq!(map, vec![0, 1, 2, 4, 5, 7, 7, 9, 9]);
    }
}
