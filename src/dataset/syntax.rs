//! A small RON scanner that knows *where* things are.
//!
//! serde and ron give typed values but not the position of every value, and they stop at
//! the first error of a file. This scanner does the two things they cannot: it splits a file
//! into its top-level entries (so each entry is parsed on its own and one broken entry does
//! not hide the others), and, on demand, it finds the byte offset of a value inside an entry
//! by a path like `posts[1].organization` (so validation can name the exact line and column).
//! It never interprets values; it only tracks brackets, strings and comments.

use super::limits::{MAX_ENTRY_BYTES, MAX_SYNTAX_ERRORS, MAX_TOKEN_BYTES};
use std::ops::Range;

pub use super::limits::MAX_DEPTH;

/// A syntax error found while splitting a file: where and what.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// Byte offset in the file.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

/// One step of a path into an entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step<'a> {
    /// A named field of a struct.
    Field(&'a str),
    /// An element of a list or tuple.
    Index(usize),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Open(u8),
    Close(u8),
    Colon,
    Comma,
    /// A string, char, number or identifier.
    Atom,
    Attr,
}

struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str, pos: usize) -> Self {
        Lexer {
            src: src.as_bytes(),
            pos,
        }
    }

    fn err(&self, offset: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            offset,
            message: message.into(),
        }
    }

    /// Skips whitespace and comments.
    fn skip_trivia(&mut self) -> Result<(), SyntaxError> {
        loop {
            match self.src.get(self.pos) {
                Some(b) if b.is_ascii_whitespace() => self.pos += 1,
                Some(b'/') if self.src.get(self.pos + 1) == Some(&b'/') => {
                    while self.pos < self.src.len() && self.src[self.pos] != b'\n' {
                        self.pos += 1;
                    }
                }
                Some(b'/') if self.src.get(self.pos + 1) == Some(&b'*') => {
                    let start = self.pos;
                    self.pos += 2;
                    let mut depth = 1;
                    while depth > 0 {
                        if self.pos - start > MAX_ENTRY_BYTES {
                            return Err(self.err(
                                start,
                                format!(
                                    "block comment never closed \
                                     (or longer than the limit of {} KiB)",
                                    MAX_ENTRY_BYTES >> 10
                                ),
                            ));
                        }
                        match (self.src.get(self.pos), self.src.get(self.pos + 1)) {
                            (None, _) => return Err(self.err(start, "unclosed block comment")),
                            (Some(b'*'), Some(b'/')) => {
                                depth -= 1;
                                self.pos += 2;
                            }
                            (Some(b'/'), Some(b'*')) => {
                                depth += 1;
                                self.pos += 2;
                            }
                            _ => self.pos += 1,
                        }
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    /// The next token and its start offset, or `None` at the end.
    fn next(&mut self) -> Result<Option<(Tok, usize)>, SyntaxError> {
        self.skip_trivia()?;
        let start = self.pos;
        let Some(&b) = self.src.get(self.pos) else {
            return Ok(None);
        };
        let tok = match b {
            b'(' | b'[' | b'{' => {
                self.pos += 1;
                Tok::Open(b)
            }
            b')' | b']' | b'}' => {
                self.pos += 1;
                Tok::Close(b)
            }
            b':' => {
                self.pos += 1;
                Tok::Colon
            }
            b',' => {
                self.pos += 1;
                Tok::Comma
            }
            b'#' => {
                // `#![enable(...)]`: skip to the matching `]`.
                let mut depth = 0usize;
                while let Some(&c) = self.src.get(self.pos) {
                    self.pos += 1;
                    match c {
                        b'[' => depth += 1,
                        b']' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                Tok::Attr
            }
            b'"' => {
                self.string(start)?;
                Tok::Atom
            }
            b'\'' => {
                self.pos += 1;
                loop {
                    match self.src.get(self.pos) {
                        None | Some(b'\n') => {
                            return Err(self.err(start, "unclosed character literal"));
                        }
                        Some(b'\\') => self.pos += 2,
                        Some(b'\'') => {
                            self.pos += 1;
                            break;
                        }
                        Some(_) => self.pos += 1,
                    }
                }
                Tok::Atom
            }
            b'r' | b'b' if self.raw_string_ahead() => {
                self.raw_string(start)?;
                Tok::Atom
            }
            b'b' if self.src.get(self.pos + 1) == Some(&b'"') => {
                self.pos += 1;
                self.string(start)?;
                Tok::Atom
            }
            c if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'+' | b'.') => {
                while let Some(&c) = self.src.get(self.pos) {
                    if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'+' | b'.') {
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                Tok::Atom
            }
            _ => {
                let ch = std::str::from_utf8(&self.src[start..])
                    .ok()
                    .and_then(|s| s.chars().next())
                    .unwrap_or('?');
                return Err(self.err(start, format!("unexpected character {ch:?}")));
            }
        };
        let len = self.pos - start;
        if len > MAX_TOKEN_BYTES {
            return Err(self.err(
                start,
                format!(
                    "value of {len} bytes, over the limit of {} KiB for one value",
                    MAX_TOKEN_BYTES >> 10
                ),
            ));
        }
        Ok(Some((tok, start)))
    }

    /// The error for a string that runs past the limit: it is too long, or never closed.
    fn too_long(&self, start: usize) -> SyntaxError {
        self.err(
            start,
            format!(
                "string longer than the limit of {} KiB for one value (or never closed)",
                MAX_TOKEN_BYTES >> 10
            ),
        )
    }

    fn string(&mut self, start: usize) -> Result<(), SyntaxError> {
        self.pos += 1;
        loop {
            if self.pos - start > MAX_TOKEN_BYTES {
                return Err(self.too_long(start));
            }
            // Straight to the next quote or backslash (memchr), looking no further than the
            // token limit allows: the same as reading byte by byte, several times faster.
            let end = (start + MAX_TOKEN_BYTES + 1).min(self.src.len());
            let window = self.src.get(self.pos..end).unwrap_or(&[]);
            match memchr::memchr2(b'"', b'\\', window) {
                None => {
                    self.pos = self.pos.max(end);
                    if self.pos - start > MAX_TOKEN_BYTES {
                        return Err(self.too_long(start));
                    }
                    return Err(self.err(start, "unclosed string"));
                }
                Some(k) if window[k] == b'"' => {
                    self.pos += k + 1;
                    return Ok(());
                }
                Some(k) => self.pos += k + 2,
            }
        }
    }

    fn raw_string_ahead(&self) -> bool {
        let mut p = self.pos;
        if self.src.get(p) == Some(&b'b') {
            p += 1;
        }
        if self.src.get(p) != Some(&b'r') {
            return false;
        }
        p += 1;
        while self.src.get(p) == Some(&b'#') {
            p += 1;
        }
        self.src.get(p) == Some(&b'"')
    }

    fn raw_string(&mut self, start: usize) -> Result<(), SyntaxError> {
        if self.src[self.pos] == b'b' {
            self.pos += 1;
        }
        self.pos += 1; // r
        let mut hashes = 0;
        while self.src.get(self.pos) == Some(&b'#') {
            hashes += 1;
            self.pos += 1;
        }
        self.pos += 1; // opening quote
        loop {
            if self.pos - start > MAX_TOKEN_BYTES {
                return Err(self.too_long(start));
            }
            match self.src.get(self.pos) {
                None => return Err(self.err(start, "unclosed raw string")),
                Some(b'"') => {
                    self.pos += 1;
                    let mut n = 0;
                    while n < hashes && self.src.get(self.pos) == Some(&b'#') {
                        n += 1;
                        self.pos += 1;
                    }
                    if n == hashes {
                        return Ok(());
                    }
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// Skips one complete value starting with `first`; returns its end offset.
    fn skip_value(&mut self, first: (Tok, usize), depth: usize) -> Result<usize, SyntaxError> {
        match first.0 {
            Tok::Atom => {
                // An identifier may be followed by a parenthesised body: `Name(...)`.
                let save = self.pos;
                if let Some((Tok::Open(b'('), at)) = self.next()? {
                    return self.skip_group(b'(', at, depth);
                }
                self.pos = save;
                Ok(save)
            }
            Tok::Open(open) => self.skip_group(open, first.1, depth),
            Tok::Close(c) => Err(self.err(first.1, format!("unexpected `{}`", c as char))),
            Tok::Colon => Err(self.err(first.1, "unexpected `:`")),
            Tok::Comma => Err(self.err(first.1, "unexpected `,`: expected a value")),
            Tok::Attr => Err(self.err(first.1, "unexpected attribute")),
        }
    }

    fn skip_group(&mut self, open: u8, at: usize, depth: usize) -> Result<usize, SyntaxError> {
        if depth >= MAX_DEPTH {
            return Err(self.err(at, format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        let close = closing(open);
        loop {
            match self.next()? {
                None => {
                    return Err(self.err(at, format!("`{}` is never closed", open as char)));
                }
                Some((Tok::Close(c), pos)) => {
                    if c == close {
                        return Ok(self.pos);
                    }
                    return Err(self.err(
                        pos,
                        format!("expected `{}` but found `{}`", close as char, c as char),
                    ));
                }
                Some((Tok::Comma | Tok::Colon, _)) => {}
                Some(tok) => {
                    self.skip_value(tok, depth + 1)?;
                }
            }
        }
    }
}

fn closing(open: u8) -> u8 {
    match open {
        b'(' => b')',
        b'[' => b']',
        _ => b'}',
    }
}

/// Splits a file into the byte ranges of its top-level list entries.
///
/// Returns the entries found and the syntax errors met. After an error, reading resumes at
/// the next line that starts an entity (`Name(`), so one broken entity does not hide the
/// entities after it.
pub fn top_level_entries(src: &str) -> (Vec<Range<usize>>, Vec<SyntaxError>) {
    top_level_entries_from(src, 0)
}

/// Like [`top_level_entries`], starting at byte `start` (after a byte-order mark).
pub fn top_level_entries_from(src: &str, start: usize) -> (Vec<Range<usize>>, Vec<SyntaxError>) {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut lx = Lexer::new(src, start);
    let open = loop {
        match lx.next() {
            Ok(Some((Tok::Attr, _))) => continue,
            Ok(Some((Tok::Open(b'['), at))) => break at,
            Ok(Some((_, at))) => {
                errors.push(lx.err(at, "expected `[`: a data file is a list of entities"));
                return (entries, errors);
            }
            Ok(None) => return (entries, errors),
            Err(e) => {
                errors.push(e);
                return (entries, errors);
            }
        }
    };
    // Moves the lexer to the next entity after `from`; false when there is none.
    let resume = |lx: &mut Lexer<'_>, from: usize| match next_entity_line(src, from) {
        Some(at) => {
            lx.pos = at;
            true
        }
        None => false,
    };
    loop {
        let first = match lx.next() {
            Ok(None) => {
                errors.push(lx.err(open, "the list `[` is never closed"));
                break;
            }
            Ok(Some((Tok::Close(b']'), _))) => {
                end_of_list(&mut lx, &mut errors);
                break;
            }
            Ok(Some((Tok::Comma, _))) => continue,
            Ok(Some(tok)) => tok,
            Err(e) => {
                let from = e.offset;
                errors.push(e);
                if resume(&mut lx, from) {
                    continue;
                }
                break;
            }
        };
        if errors.len() >= MAX_SYNTAX_ERRORS {
            errors.push(lx.err(
                first.1,
                format!(
                    "more than {MAX_SYNTAX_ERRORS} syntax errors: the rest of the file is not read"
                ),
            ));
            break;
        }
        // One entity is read within its size limit, so a bracket, string or comment that is
        // never closed costs at most that much, however long the file.
        let mut limit = (first.1 + MAX_ENTRY_BYTES).min(src.len());
        while !src.is_char_boundary(limit) {
            limit -= 1;
        }
        let mut entity = Lexer::new(&src[..limit], lx.pos);
        match entity.skip_value(first, 1) {
            Ok(end) => {
                lx.pos = entity.pos;
                entries.push(first.1..end);
            }
            Err(e) => {
                let cut = limit < src.len() && entity.pos >= limit;
                let e = if cut { entity.err(limit, "") } else { e };
                let mut e = error_in_entry(src, first.1, e);
                if cut && e.offset == limit {
                    e = lx.err(
                        first.1,
                        format!(
                            "entity longer than the limit of {} KiB \
                             (or a bracket, string or comment in it is never closed)",
                            MAX_ENTRY_BYTES >> 10
                        ),
                    );
                }
                errors.push(e);
                if resume(&mut lx, first.1) {
                    continue;
                }
                break;
            }
        }
        match lx.next() {
            Ok(Some((Tok::Comma, _))) => {}
            Ok(Some((Tok::Close(b']'), _))) => {
                end_of_list(&mut lx, &mut errors);
                break;
            }
            Ok(Some((tok, at))) => {
                errors.push(lx.err(at, "expected `,` or `]` after an entity"));
                // Another entity right away is a forgotten comma: read it. Anything else is
                // skipped up to the next entity.
                if matches!(tok, Tok::Atom | Tok::Open(_)) {
                    lx.pos = at;
                } else if !resume(&mut lx, at) {
                    break;
                }
            }
            Ok(None) => {
                errors.push(lx.err(open, "the list `[` is never closed"));
                break;
            }
            Err(e) => {
                let from = e.offset;
                errors.push(e);
                if !resume(&mut lx, from) {
                    break;
                }
            }
        }
    }
    (entries, errors)
}

/// Whether `src` from byte `start` holds nothing but blanks and comments.
pub fn is_blank(src: &str, start: usize) -> bool {
    matches!(Lexer::new(src, start).next(), Ok(None))
}

/// After the closing `]`: only blanks and comments may follow.
fn end_of_list(lx: &mut Lexer<'_>, errors: &mut Vec<SyntaxError>) {
    match lx.next() {
        Ok(None) => {}
        Ok(Some((_, at))) => errors.push(lx.err(at, "unexpected text after the end of the list")),
        Err(e) => errors.push(e),
    }
}

/// The start of the first line after the one holding `from` that starts an entity: blanks,
/// then a capitalised name directly followed by `(` (`City(`, `Organization(`).
fn next_entity_line(src: &str, from: usize) -> Option<usize> {
    let mut at = from.min(src.len());
    loop {
        at += src[at..].find('\n')? + 1;
        let line = src[at..].trim_start_matches([' ', '\t']);
        let name = line
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        if line.starts_with(|c: char| c.is_ascii_uppercase()) && line[name..].starts_with('(') {
            return Some(at);
        }
    }
}

/// An error in the entry starting at `start`. When it was found past the next entity (an
/// unclosed bracket or string swallowed what follows), the entry is read again on its own,
/// up to that entity, so the error is reported inside the entry where the mistake is.
fn error_in_entry(src: &str, start: usize, found: SyntaxError) -> SyntaxError {
    let Some(next) = next_entity_line(src, start).filter(|&n| found.offset >= n) else {
        return found;
    };
    let mut lx = Lexer::new(&src[..next], start);
    match lx.next() {
        Ok(Some(first)) => lx.skip_value(first, 1).err().unwrap_or(found),
        Ok(None) => found,
        Err(e) => e,
    }
}

/// Finds the byte offset of the value at `path` inside the entry at `entry`; when the path
/// cannot be followed all the way, the offset of the deepest part found.
pub fn locate(src: &str, entry: Range<usize>, path: &[Step<'_>]) -> usize {
    let mut lx = Lexer::new(&src[..entry.end], entry.start);
    let mut best = entry.start;
    // Move into the entity body: `Kind(`.
    if !matches!(lx.next(), Ok(Some((Tok::Atom, _)))) {
        return best;
    }
    if !matches!(lx.next(), Ok(Some((Tok::Open(_), _)))) {
        return best;
    }
    for (i, step) in path.iter().enumerate() {
        let Some(found) = find_in_group(&mut lx, *step) else {
            return best;
        };
        best = found;
        if i + 1 < path.len() {
            // Enter the value found: it must be a group, possibly named.
            lx.pos = found;
            match lx.next() {
                Ok(Some((Tok::Open(_), _))) => {}
                Ok(Some((Tok::Atom, _))) => {
                    if !matches!(lx.next(), Ok(Some((Tok::Open(_), _)))) {
                        return best;
                    }
                }
                _ => return best,
            }
        }
    }
    best
}

/// Inside a group whose opening bracket was just read, finds the start of the value for
/// `step`.
fn find_in_group(lx: &mut Lexer<'_>, step: Step<'_>) -> Option<usize> {
    let mut index = 0;
    loop {
        let (tok, start) = lx.next().ok()??;
        match tok {
            Tok::Close(_) => return None,
            Tok::Comma => {}
            Tok::Atom => {
                let text = std::str::from_utf8(&lx.src[start..lx.pos]).ok()?;
                let save = lx.pos;
                if let Ok(Some((Tok::Colon, _))) = lx.next() {
                    // `name: value`
                    let value = lx.next().ok()??;
                    if step == Step::Field(text) {
                        return Some(value.1);
                    }
                    lx.skip_value(value, 1).ok()?;
                } else {
                    lx.pos = save;
                    if step == Step::Index(index) {
                        return Some(start);
                    }
                    lx.skip_value((tok, start), 1).ok()?;
                    index += 1;
                }
            }
            other => {
                if step == Step::Index(index) {
                    return Some(start);
                }
                lx.skip_value((other, start), 1).ok()?;
                index += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_entries_and_skips_strings_and_comments() {
        let src = "// c\n[ A(x: \"a ] )\"), /* ] */ B(y: [1, (2, 3)]), ]";
        let (entries, errors) = top_level_entries(src);
        assert_eq!(errors, []);
        let texts: Vec<&str> = entries.iter().map(|r| &src[r.clone()]).collect();
        assert_eq!(texts, ["A(x: \"a ] )\")", "B(y: [1, (2, 3)])"]);
    }

    #[test]
    fn keeps_complete_entries_before_a_syntax_error() {
        let src = "[ A(x: 1), B(y: 2 ]";
        let (entries, errors) = top_level_entries(src);
        assert_eq!(entries.len(), 1);
        assert_eq!(errors[0].offset, 18);
    }

    #[test]
    fn resumes_at_the_next_entity_after_a_broken_one() {
        let src = "[\n  A(x: [1]]),\n  B(y: (2),\n  C(z: 3),\n]";
        let (entries, errors) = top_level_entries(src);
        let texts: Vec<&str> = entries.iter().map(|r| &src[r.clone()]).collect();
        assert_eq!(texts, ["C(z: 3)"]);
        // The stray `]` in A, and B's `(` that is never closed, each in its own entry.
        let offsets: Vec<usize> = errors.iter().map(|e| e.offset).collect();
        assert_eq!(
            offsets,
            [src.find("]]").unwrap() + 1, src.find("B(").unwrap() + 1]
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = format!("[{}{}]", "[".repeat(100_000), "]".repeat(100_000));
        let (_, errors) = top_level_entries(&src);
        assert!(errors[0].message.contains("nesting deeper"));
    }

    #[test]
    fn an_entity_past_the_size_limit_is_an_error_even_cut_inside_a_character() {
        // Three-byte characters and one to three bytes of padding: one of the cuts at the
        // limit falls inside a character.
        for pad in 1..=3 {
            let item = "\"上海市\", ";
            let body = item.repeat(MAX_ENTRY_BYTES / item.len() + 1);
            let src = format!("[\n{}A(x: [{body}\n  B(y: 1),\n]", " ".repeat(pad));
            let (entries, errors) = top_level_entries(&src);
            assert!(
                errors[0].message.starts_with("entity longer than"),
                "{errors:?}"
            );
            assert_eq!(entries.len(), 1, "B still loads");
        }
    }

    #[test]
    fn locates_nested_fields_and_list_items() {
        let src = "[\n P(id: \"x\", posts: [(organization: \"a\"), (organization: \"b\")]),\n]";
        let (entries, _) = top_level_entries(src);
        let at = locate(
            src,
            entries[0].clone(),
            &[
                Step::Field("posts"),
                Step::Index(1),
                Step::Field("organization"),
            ],
        );
        assert_eq!(&src[at..at + 3], "\"b\"");
        let tie = "[T(cities: (\"a\", \"b\"))]";
        let (entries, _) = top_level_entries(tie);
        let at = locate(
            tie,
            entries[0].clone(),
            &[Step::Field("cities"), Step::Index(1)],
        );
        assert_eq!(&tie[at..at + 3], "\"b\"");
    }
}
