//! Making untrusted text safe to show, and measuring it on screen.
//!
//! Every string that comes from a data file, a path or an argument passes through [`clean`]
//! (or [`clean_line`]) before it reaches a terminal or a report: control characters, 8-bit C1
//! controls, bidirectional marks, embeddings, overrides and isolates, invisible characters
//! (zero-width space, a joiner where no script needs one, word joiner, byte-order mark, tag
//! characters) are shown escaped (`\u{1b}`) so they can neither act on the terminal nor
//! hide, and so the user can see that the data is odd. [`display_width`] and [`fit`] measure
//! and cut text by grapheme cluster, after [`plain_clusters`] has replaced the emoji
//! sequences that terminals measure differently. This module never touches a terminal.

use std::borrow::Cow;
use std::fmt::Write;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Whether a character must never be sent to a terminal as it is.
///
/// The zero-width joiners (U+200C, U+200D) are not in this list: scripts and emoji need them
/// between two characters; [`clean`] escapes them where they join nothing.
pub fn is_unsafe(c: char, keep_newline: bool) -> bool {
    match c {
        '\n' => !keep_newline,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Bidirectional marks (ALM, LRM, RLM), embeddings, overrides and isolates.
        '\u{61c}' | '\u{200e}' | '\u{200f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        // Line and paragraph separators, which some terminals treat as line breaks.
        '\u{2028}' | '\u{2029}' => true,
        // Invisible: zero-width space, word joiner and invisible operators, deprecated
        // format characters, Mongolian vowel separator, byte-order mark (zero-width no-break
        // space), interlinear annotation, and the tag characters.
        '\u{200b}' | '\u{2060}'..='\u{2064}' | '\u{206a}'..='\u{206f}' | '\u{180e}' => true,
        '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}' => true,
        _ => false,
    }
}

/// A zero-width joiner or non-joiner.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}')
}

/// Whether a joiner between `before` and `after` joins something: both are visible
/// characters outside ASCII (letters of a script that needs joiners, or emoji).
fn joins(before: Option<char>, after: Option<char>) -> bool {
    let visible = |c: Option<char>| {
        c.is_some_and(|c| {
            !c.is_ascii() && !c.is_whitespace() && !is_unsafe(c, false) && !is_joiner(c)
        })
    };
    visible(before) && visible(after)
}

/// Whether `c`, between `before` and `after`, must be shown escaped: [`is_unsafe`], or a
/// joiner that joins nothing.
pub fn is_unsafe_between(
    before: Option<char>,
    c: char,
    after: Option<char>,
    keep_newline: bool,
) -> bool {
    is_unsafe(c, keep_newline) || (is_joiner(c) && !joins(before, after))
}

/// Whether `s` needs no escaping.
fn is_clean(s: &str, keep_newline: bool) -> bool {
    let mut before = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if is_unsafe_between(before, c, chars.peek().copied(), keep_newline) {
            return false;
        }
        before = Some(c);
    }
    true
}

fn escape(s: &str, keep_newline: bool) -> Cow<'_, str> {
    if is_clean(s, keep_newline) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut before = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if is_unsafe_between(before, c, chars.peek().copied(), keep_newline) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
        before = Some(c);
    }
    Cow::Owned(out)
}

/// Escapes control characters but keeps line breaks (for descriptions and summaries).
pub fn clean(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// Escapes control characters, line breaks included (for names and one-line fields).
pub fn clean_line(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// Cuts `s` to at most `max` characters, ending with `…` when something was cut (for
/// quoting untrusted values in messages).
pub fn ellipsis(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some((at, _)) => Cow::Owned(format!("{}…", &s[..at])),
    }
}

/// Whether a grapheme cluster is an emoji sequence that terminals measure differently (some
/// add up the widths of its code points): joined by a zero-width joiner, carrying a skin
/// tone modifier or tag characters, or a pair of regional indicators (a flag).
pub fn is_emoji_sequence(cluster: &str) -> bool {
    cluster.chars().nth(1).is_some()
        && cluster.chars().any(|c| {
            c == '\u{200d}'
                || ('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
                || ('\u{1f1e6}'..='\u{1f1ff}').contains(&c)
                || ('\u{e0020}'..='\u{e007f}').contains(&c)
        })
}

/// Text whose emoji sequences are replaced by what every terminal draws the same way: a
/// flag by its two region letters (`🇨🇳` → `CN`), a joined or toned emoji by its first
/// emoji (`👩‍💻` → `👩`). Everything else is kept as it is.
pub fn plain_clusters(s: &str) -> Cow<'_, str> {
    if !s.graphemes(true).any(is_emoji_sequence) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for cluster in s.graphemes(true) {
        if !is_emoji_sequence(cluster) {
            out.push_str(cluster);
            continue;
        }
        let regional: String = cluster
            .chars()
            .filter_map(|c| {
                let n = (c as u32).checked_sub(0x1f1e6)?;
                (n < 26).then(|| char::from(b'A' + n as u8))
            })
            .collect();
        if regional.len() == 2 {
            out.push_str(&regional);
        } else if let Some(first) = cluster.chars().next() {
            out.push(first);
        }
    }
    Cow::Owned(out)
}

/// The width of one grapheme cluster in terminal columns (0, 1 or 2).
fn cluster_width(cluster: &str) -> usize {
    cluster.width().min(2)
}

/// How many terminal columns `s` takes once made safe to show: [`clean_line`] then
/// [`plain_clusters`], measured grapheme cluster by grapheme cluster (a cluster is at most
/// two columns, as terminals that measure clusters draw it).
pub fn display_width(s: &str) -> usize {
    let shown = clean_line(s);
    plain_clusters(&shown)
        .graphemes(true)
        .map(cluster_width)
        .sum()
}

/// `s` made safe to show ([`clean_line`], [`plain_clusters`]) and cut to at most `max`
/// columns between grapheme clusters, ending with `…` when something was cut.
pub fn fit(s: &str, max: usize) -> String {
    let shown = clean_line(s);
    let plain = plain_clusters(&shown);
    if plain.graphemes(true).map(cluster_width).sum::<usize>() <= max {
        return plain.into_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for cluster in plain.graphemes(true) {
        let w = cluster_width(cluster);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push_str(cluster);
    }
    out.push('…');
    out
}

/// A short, harmless piece of a file name made from `s`: letters, digits, `-` and `_` kept,
/// everything else `_`, at most `max` characters (for names of temporary files).
pub fn safe_file_part(s: &str, max: usize) -> String {
    s.chars()
        .take(max)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_overrides_are_shown_escaped() {
        assert_eq!(
            clean_line("a\u{1b}]52;c;eA==\u{7}b"),
            "a\\u{1b}]52;c;eA==\\u{7}b"
        );
        assert_eq!(clean_line("x\u{9b}31m"), "x\\u{9b}31m");
        assert_eq!(clean_line("evil\u{202e}txt"), "evil\\u{202e}txt");
        assert_eq!(clean("two\nlines\r"), "two\nlines\\u{d}");
        assert_eq!(clean_line("上海市海外交流协会"), "上海市海外交流协会");
    }

    #[test]
    fn invisible_and_bidi_marks_are_shown_escaped() {
        for (raw, shown) in [
            ("a\u{200e}b", "a\\u{200e}b"),
            ("a\u{200f}b", "a\\u{200f}b"),
            ("a\u{61c}b", "a\\u{61c}b"),
            ("\u{feff}soea", "\\u{feff}soea"),
            ("a\u{200b}b", "a\\u{200b}b"),
            ("a\u{2060}b", "a\\u{2060}b"),
            ("x\u{e0041}\u{e007f}", "x\\u{e0041}\\u{e007f}"),
            ("a\u{200d}b", "a\\u{200d}b"),
            ("\u{200d}上海", "\\u{200d}上海"),
            ("上海\u{200c}", "上海\\u{200c}"),
        ] {
            assert_eq!(clean_line(raw), shown, "{raw:?}");
        }
        // Joiners that join: Persian, Devanagari, an emoji sequence.
        for kept in ["می\u{200c}خواهم", "क्\u{200d}ष", "👩\u{200d}💻"] {
            assert_eq!(clean_line(kept), kept);
        }
    }

    #[test]
    fn emoji_sequences_are_measured_and_shown_as_every_terminal_draws_them() {
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(plain_clusters(family), "👨");
        assert_eq!(plain_clusters("🇨🇳 Shanghai"), "CN Shanghai");
        assert_eq!(plain_clusters("👍🏽ok"), "👍ok");
        assert_eq!(plain_clusters("上海 é"), "上海 é");
        assert_eq!(display_width(&format!("a{family}b")), 4);
        assert_eq!(display_width("🇫🇮"), 2);
        assert_eq!(display_width("上海"), 4);
        assert_eq!(display_width("a\u{1b}"), 7);
        assert_eq!(fit(&format!("{family}{family}{family}"), 5), "👨👨…");
        assert_eq!(fit("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn long_values_are_cut_with_an_ellipsis() {
        assert_eq!(ellipsis("abcdef", 3), "abc…");
        assert_eq!(ellipsis("上海", 3), "上海");
    }
}
