//! Where a value stands in the config text, so that a problem names its line and column.
//!
//! One pass over the text records where each double-quoted string first appears; a problem
//! then looks its value up instead of searching the file again (50,000 problems are 50,000
//! look-ups, not 50,000 passes). Nothing here judges a value: that is the `check` module's.

use crate::dataset::Location;
use crate::dataset::problem::LineIndex;
use std::collections::HashMap;

/// Where each string of the config text first appears, found in one pass over the text (so
/// that locating thousands of problems is not thousands of passes).
pub(super) struct Strings<'a> {
    shown: &'a str,
    text: &'a str,
    lines: LineIndex,
    first: HashMap<String, usize>,
}

impl<'a> Strings<'a> {
    pub(super) fn new(shown: &'a str, text: &'a str) -> Strings<'a> {
        let bytes = text.as_bytes();
        let mut first = HashMap::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                }
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    i = memchr::memmem::find(&bytes[i + 2..], b"*/")
                        .map_or(bytes.len(), |n| i + n + 4);
                }
                b'"' => {
                    let start = i;
                    i += 1;
                    let mut escaped = false;
                    while i < bytes.len() && bytes[i] != b'"' {
                        escaped |= bytes[i] == b'\\';
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    let end = (i + 1).min(bytes.len());
                    let value = if escaped {
                        text.get(start..end)
                            .and_then(|t| ron::from_str::<String>(t).ok())
                    } else {
                        text.get(start + 1..end.saturating_sub(1).max(start + 1))
                            .map(str::to_string)
                    };
                    if let Some(value) = value {
                        first.entry(value).or_insert(start);
                    }
                    i = end;
                }
                _ => i += 1,
            }
        }
        Strings {
            shown,
            text,
            lines: LineIndex::new(text),
            first,
        }
    }

    /// Where the string `value` first appears in double quotes (the file's start if never).
    pub(super) fn at(&self, value: &str) -> Location {
        let (line, col) = self
            .first
            .get(value)
            .map_or((1, 1), |&o| self.lines.line_col(self.text, o));
        Location {
            path: self.shown.to_string(),
            line,
            col,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    /// L3: checking is linear; 50,000 unknown colour names are each located on their line.
    #[test]
    fn fifty_thousand_problems_are_each_located() {
        let mut text = String::from("(\n  colors: {\n");
        for i in 0..50_000 {
            text.push_str(&format!("    \"slot{i}\": \"nocolour{i}\",\n"));
        }
        text.push_str("  },\n)\n");
        let (_, problems) = parse("c.ron", &text);
        assert_eq!(problems.len(), 50_000);
        // BTreeMap order: slot0, slot1, slot10, ...
        let p = problems
            .iter()
            .find(|p| p.message.contains("nocolour49999"))
            .unwrap();
        assert_eq!((p.location.line, p.location.col), (50_002, 5));
    }
}
