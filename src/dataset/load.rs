//! Reading RON text into entities: one entry at a time, every problem located.

use super::limits::MAX_ENTITIES;
use super::problem::{LineIndex, Location, Problem};
use super::syntax::{self, Step};
use crate::model::Entity;
use crate::par::in_parallel;
use crate::text::clean;
use std::ops::Range;

/// The text of one data file, with what is needed to turn offsets into locations.
///
/// Once its entries are read, a file read from disk lets go of its text
/// ([`FileText::release`]): at a million entities the texts are half a gigabyte that only
/// the rare problem found later needs, to say where it is. Such a location reads the file
/// again, once, if its length and modification time are those it was read with; if the
/// file changed meanwhile, the location names the file alone.
#[derive(Debug, Clone)]
pub struct FileText {
    /// The path as shown to the user.
    pub path: String,
    /// The file's text (invalid UTF-8 replaced by U+FFFD); empty once released.
    pub text: String,
    /// Line starts of `text`.
    pub lines: LineIndex,
    /// Where the text can be read again, and what the file was like then.
    source: Option<Source>,
    released: bool,
    again: std::sync::OnceLock<Option<Box<(String, LineIndex)>>>,
}

/// A data file on disk, as it was when read.
#[derive(Debug, Clone)]
struct Source {
    path: std::path::PathBuf,
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl FileText {
    /// Wraps a file's text.
    pub fn new(path: String, text: String) -> Self {
        let lines = LineIndex::new(&text);
        FileText {
            path,
            text,
            lines,
            source: None,
            released: false,
            again: std::sync::OnceLock::new(),
        }
    }

    /// Records that the text was read from `file`, `len` bytes modified at `modified`: the
    /// text can then be released and read again when needed.
    pub fn read_from(
        mut self,
        file: &std::path::Path,
        len: u64,
        modified: Option<std::time::SystemTime>,
    ) -> Self {
        self.source = Some(Source {
            path: file.to_path_buf(),
            len,
            modified,
        });
        self
    }

    /// Lets go of the text of a file read from disk (a text given in memory is kept).
    pub fn release(&mut self) {
        if self.source.is_some() {
            self.text = String::new();
            self.lines = LineIndex::new("");
            self.released = true;
        }
    }

    /// The text and its line index: the file read again if it was released.
    fn text_and_lines(&self) -> Option<(&str, &LineIndex)> {
        if !self.released {
            return Some((&self.text, &self.lines));
        }
        let again = self.again.get_or_init(|| {
            let source = self.source.as_ref()?;
            // Opened like any data file: never a FIFO or device swapped in meanwhile.
            let opened = crate::files::open_regular(&source.path).ok()?;
            if opened.len != source.len || opened.modified != source.modified {
                return None;
            }
            let (bytes, _) = crate::files::read_opened(opened, source.len).ok()?;
            let text = decode(&self.path, bytes, &mut Vec::new()).text;
            let lines = LineIndex::new(&text);
            Some(Box::new((text, lines)))
        });
        again.as_deref().map(|(t, l)| (t.as_str(), l))
    }

    /// The location of a byte offset.
    pub fn location(&self, offset: usize) -> Location {
        let Some((text, lines)) = self.text_and_lines() else {
            // Released, and the file changed since: only the file can be named.
            return Location {
                path: self.path.clone(),
                line: 0,
                col: 0,
            };
        };
        let (line, mut col) = lines.line_col(text, offset);
        // A byte-order mark is invisible in an editor: it is not a column.
        if line == 1 && col > 1 && text.starts_with('\u{feff}') {
            col -= 1;
        }
        Location {
            path: self.path.clone(),
            line,
            col,
        }
    }

    /// The location of the value at `path` inside the entry at `entry`.
    pub fn locate(&self, entry: &Range<usize>, path: &[Step<'_>]) -> Location {
        match self.text_and_lines() {
            Some((text, _)) => self.location(syntax::locate(text, entry.clone(), path)),
            None => self.location(entry.start),
        }
    }
}

/// An entity read from a file, with the byte range of its entry.
pub struct Parsed {
    /// The entity.
    pub entity: Entity,
    /// Its entry in the file.
    pub range: Range<usize>,
    /// The line and column where the entry starts.
    pub at: (u32, u32),
}

/// Decodes a file's bytes, reporting invalid UTF-8 with its location.
pub fn decode(path: &str, bytes: Vec<u8>, problems: &mut Vec<Problem>) -> FileText {
    match String::from_utf8(bytes) {
        Ok(text) => FileText::new(path.to_string(), text),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let bad = bytes[valid];
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let file = FileText::new(path.to_string(), text);
            // In the lossy text the prefix is unchanged, so the offset still holds.
            problems.push(Problem::error(
                file.location(valid),
                format!(
                    "invalid UTF-8 (byte 0x{bad:02x}): data files must be UTF-8; \
                     the bad bytes are shown as \u{fffd}"
                ),
            ));
            file
        }
    }
}

/// The ron options every data file is read with: optional values need no `Some(...)`.
fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(
        ron::extensions::Extensions::IMPLICIT_SOME
            | ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES,
    )
}

/// Parses every entry of a file; entries that fail are reported and skipped.
pub fn parse_file(file: &FileText, problems: &mut Vec<Problem>) -> Vec<Parsed> {
    let mut room = usize::MAX;
    parse_file_within(file, &mut room, MAX_ENTITIES, problems)
}

/// Like [`parse_file`], reading at most `room` entries (and counting them off `room`); the
/// first entry past it is reported against the limit of `max_entities` for all the data,
/// and it and the rest are not read.
pub fn parse_file_within(
    file: &FileText,
    room: &mut usize,
    max_entities: usize,
    problems: &mut Vec<Problem>,
) -> Vec<Parsed> {
    parse_split_within(file, split(file), room, max_entities, problems)
}

/// A file cut into its top-level entries, with the syntax errors met (see
/// [`syntax::top_level_entries`]).
#[derive(Debug)]
pub struct Split {
    entries: Vec<Range<usize>>,
    errors: Vec<syntax::SyntaxError>,
}

/// Cuts a file into its entries: the first half of [`parse_file_within`], which depends on
/// nothing but the file, so that several files can be cut at once.
pub fn split(file: &FileText) -> Split {
    let text = file.text.as_str();
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let (entries, errors) = syntax::top_level_entries_from(text, start);
    Split { entries, errors }
}

/// [`parse_file_within`] of a file already [`split`].
pub fn parse_split_within(
    file: &FileText,
    split: Split,
    room: &mut usize,
    max_entities: usize,
    problems: &mut Vec<Problem>,
) -> Vec<Parsed> {
    let text = file.text.as_str();
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let Split {
        mut entries,
        errors,
    } = split;
    let no_errors = errors.is_empty();
    for err in errors {
        problems.push(Problem::error(
            file.location(err.offset),
            format!("syntax error: {}", err.message),
        ));
    }
    if entries.is_empty() && no_errors && syntax::is_blank(text, start) {
        let what = if text[start..].trim().is_empty() {
            "empty file: no entities"
        } else {
            "no entities: the file holds only comments"
        };
        problems.push(Problem::warning(file.location(0), what));
    }
    if let Some(first) = entries.get(*room) {
        let more = entries.len() - *room;
        problems.push(Problem::error(
            file.location(first.start),
            format!(
                "over the limit of {max_entities} entities for all the data: \
                 this entity and the {} after it in this file are not read",
                more - 1
            ),
        ));
        entries.truncate(*room);
    }
    *room -= entries.len();
    let mut parsed = Vec::with_capacity(entries.len());
    // Below some 1,000 entries a file is read on one thread.
    for part in in_parallel(entries.len(), 1024, |r| read_entries(file, &entries[r])) {
        for read in part {
            match read {
                Ok(p) => parsed.push(p),
                Err(problem) => problems.push(problem),
            }
        }
    }
    parsed
}

/// Reads entries into entities: the plain ones on the fast path, the others with ron,
/// which reports what is wrong.
fn read_entries(file: &FileText, ranges: &[Range<usize>]) -> Vec<Result<Parsed, Problem>> {
    let options = ron_options();
    ranges
        .iter()
        .map(|range| {
            let src = &file.text[range.clone()];
            let at = || {
                let loc = file.location(range.start);
                (loc.line as u32, loc.col as u32)
            };
            if let Some(entity) = super::fast::entity(src) {
                return Ok(Parsed {
                    entity,
                    range: range.clone(),
                    at: at(),
                });
            }
            match options.from_str::<Entity>(src) {
                Ok(entity) => Ok(Parsed {
                    entity,
                    range: range.clone(),
                    at: at(),
                }),
                Err(e) => {
                    let offset = entry_offset(file, range, &e);
                    Err(Problem::error(file.location(offset), describe(&e.code)))
                }
            }
        })
        .collect()
}

/// Turns a ron error position inside an entry into a byte offset in the file.
fn entry_offset(file: &FileText, range: &Range<usize>, e: &ron::error::SpannedError) -> usize {
    let entry = &file.text[range.clone()];
    let idx = super::problem::LineIndex::new(entry);
    let pos = &e.span.start;
    let at = idx.offset(entry, pos.line, pos.col);
    // ron starts the span of a wrong value at the blank before it (`name: 42` is reported
    // at the space after the colon): point at the value itself.
    let rest = &entry[at..];
    range.start + at + (rest.len() - rest.trim_start().len())
}

/// A message for a ron error that says what to change.
fn describe(code: &ron::Error) -> String {
    use ron::Error as E;
    let list = |names: &[&str]| names.join(", ");
    let outer_of = |outer: &Option<String>| {
        outer
            .as_deref()
            .map(|o| format!(" in {o}"))
            .unwrap_or_default()
    };
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{}`{}; allowed fields: {}",
            clean(found),
            outer_of(outer),
            list(expected)
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } if outer.as_deref() == Some("Entity") => {
            format!(
                "unknown entity kind `{}`; expected one of: {}",
                clean(found),
                list(expected)
            )
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "unknown value `{}`{}; expected one of: {}",
            clean(found),
            outer_of(outer),
            list(expected)
        ),
        E::MissingStructField { field, outer } => {
            format!("missing field `{field}`{}", outer_of(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("field `{field}` is given twice{}", outer_of(outer))
        }
        E::InvalidValueForType { expected, found } => {
            format!(
                "wrong type: expected {}, found {}",
                clean(expected),
                clean(found)
            )
        }
        E::ExceededRecursionLimit => "nesting too deep".to_string(),
        // Mistakes in the RON syntax itself, said like the scanner's own syntax errors.
        E::Eof
        | E::ExpectedArrayEnd
        | E::ExpectedAttributeEnd
        | E::ExpectedComma
        | E::ExpectedIdentifier
        | E::ExpectedMapColon
        | E::ExpectedMapEnd
        | E::ExpectedOptionEnd
        | E::ExpectedStructLikeEnd
        | E::FloatUnderscore
        | E::InvalidEscape(_)
        | E::TrailingCharacters
        | E::UnclosedBlockComment
        | E::UnclosedLineComment
        | E::UnderscoreAtBeginning
        | E::UnexpectedChar(_) => {
            let message = code.to_string();
            let mut chars = message.chars();
            let first: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_lowercase)
                .collect();
            format!("syntax error: {first}{}", clean(chars.as_str()))
        }
        E::ExpectedString | E::ExpectedStringEnd => {
            "wrong type: expected a string in double quotes".into()
        }
        E::ExpectedInteger => "wrong type: expected a whole number".into(),
        E::ExpectedFloat => "wrong type: expected a number".into(),
        E::ExpectedBoolean => "wrong type: expected `true` or `false`".into(),
        E::ExpectedArray => "wrong type: expected a list `[...]`".into(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "wrong type: expected a group of fields `(name: value, ...)`".into()
        }
        E::ExpectedDifferentLength { expected, found } => {
            format!(
                "wrong number of values: expected {}, found {found}",
                clean(expected)
            )
        }
        other => clean(&other.to_string()).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &std::path::Path) -> FileText {
        let bytes = std::fs::read(path).unwrap();
        let meta = std::fs::metadata(path).unwrap();
        decode("shown.ron", bytes, &mut Vec::new()).read_from(
            path,
            meta.len(),
            meta.modified().ok(),
        )
    }

    #[test]
    fn a_released_text_is_read_again_to_locate_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        std::fs::write(
            &path,
            "[\n  City(id: \"x\",\n       name: \"上海\", country: \"c\"),\n]\n",
        )
        .unwrap();
        let mut file = read(&path);
        let entry = 4..file.text.len() - 3;
        let before = file.locate(&entry, &[Step::Field("country")]);
        assert_eq!((before.line, before.col), (3, 29));
        file.release();
        assert!(file.text.is_empty());
        assert_eq!(file.locate(&entry, &[Step::Field("country")]), before);
        assert_eq!(
            file.location(entry.start),
            Location {
                path: "shown.ron".into(),
                line: 2,
                col: 3
            }
        );
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_named_without_a_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        std::fs::write(
            &path,
            "[\n  City(id: \"x\", name: \"n\", country: \"c\"),\n]\n",
        )
        .unwrap();
        let mut file = read(&path);
        file.release();
        std::fs::write(
            &path,
            "[\n\n\n  City(id: \"x\", name: \"n\", country: \"c\"),\n]\n",
        )
        .unwrap();
        let at = file.location(4);
        assert_eq!((at.path.as_str(), at.line, at.col), ("shown.ron", 0, 0));
    }

    #[test]
    fn a_text_given_in_memory_is_kept() {
        let mut file = FileText::new("mem.ron".into(), "[\n  x\n]".into());
        file.release();
        assert_eq!(file.text, "[\n  x\n]");
        assert_eq!(file.location(4).line, 2);
    }
}
