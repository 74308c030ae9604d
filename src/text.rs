//! Making untrusted text safe to show, and measuring it on screen.
//!
//! Every string that comes from a data file passes through [`clean`] (or [`clean_line`])
//! before it reaches a terminal or a report: control characters, 8-bit C1 controls and
//! bidirectional overrides are shown escaped (`\u{1b}`) so they can neither act on the
//! terminal nor hide, and so the user can see that the data is odd.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether a character must never be sent to a terminal as it is.
pub fn is_unsafe(c: char, keep_newline: bool) -> bool {
    match c {
        '\n' => !keep_newline,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Bidirectional embeddings, overrides and isolates.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        // Line and paragraph separators, which some terminals treat as line breaks.
        '\u{2028}' | '\u{2029}' => true,
        _ => false,
    }
}

fn escape(s: &str, keep_newline: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c, keep_newline)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c, keep_newline) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
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
}
