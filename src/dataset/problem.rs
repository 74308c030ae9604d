//! Problems found while loading data, each with the place a user must go to fix it.

use std::fmt;

/// How serious a problem is: errors make `liaison check` fail, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something to look at; the data is usable as it is.
    Warning,
    /// Something wrong; the entity or field concerned was skipped.
    Error,
}

/// A position in a data file. Lines and columns count from 1; columns count characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Location {
    /// The file, as the user named it (or `data/NAME.ron` for the built-in dataset).
    pub path: String,
    /// Line, from 1 (0 when the problem concerns the whole file).
    pub line: usize,
    /// Column in characters, from 1 (0 when the problem concerns the whole file).
    pub col: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.path)
        } else {
            write!(f, "{}:{}:{}", self.path, self.line, self.col)
        }
    }
}

/// One problem in the data.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where it is.
    pub location: Location,
    /// What is wrong, and how to fix it where that can be said.
    pub message: String,
}

impl Problem {
    /// An error at a location.
    pub fn error(location: Location, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            location,
            message: message.into(),
        }
    }

    /// A warning at a location.
    pub fn warning(location: Location, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            location,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {sev}: {}", self.location, self.message)
    }
}

/// Maps byte offsets of one file to lines and columns.
///
/// Columns count characters, so finding one means counting from the start of its line;
/// on a very long line (a whole file on one line) that would make every lookup cost the
/// length of the file. Marks every [`MARK_EVERY`] bytes of a line remember the column there,
/// so a lookup counts at most that many bytes.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `(byte offset, characters from the start of its line)` at character boundaries,
    /// every [`MARK_EVERY`] bytes within long lines, in order.
    marks: Vec<(usize, usize)>,
}

/// How many bytes of a long line lie between two marks of a [`LineIndex`].
pub const MARK_EVERY: usize = 1024;

impl LineIndex {
    /// Indexes the line starts of `src`.
    pub fn new(src: &str) -> Self {
        let bytes = src.as_bytes();
        // Exactly the room needed (counting is cheap next to a doubling's slack).
        let mut starts = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
        starts.push(0);
        let mut marks = Vec::new();
        let mut line_start = 0;
        // Line by line (memchr finds the ends); only a line longer than MARK_EVERY bytes
        // has marks, so only such a line is read byte by byte.
        for end in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
            if end - line_start > MARK_EVERY {
                let (mut last_mark, mut col) = (line_start, 0);
                for (i, &b) in bytes[line_start..end].iter().enumerate() {
                    let i = line_start + i;
                    if !is_continuation(b) {
                        if i - last_mark >= MARK_EVERY {
                            marks.push((i, col));
                            last_mark = i;
                        }
                        col += 1;
                    }
                }
            }
            if end < bytes.len() {
                starts.push(end + 1);
            }
            line_start = end + 1;
        }
        LineIndex { starts, marks }
    }

    /// The marks on the line starting at byte `start`.
    fn marks_of_line(&self, line: usize) -> &[(usize, usize)] {
        let start = self.starts[line];
        let next = self.starts.get(line + 1).copied().unwrap_or(usize::MAX);
        let lo = self.marks.partition_point(|m| m.0 < start);
        let hi = self.marks.partition_point(|m| m.0 < next);
        &self.marks[lo..hi]
    }

    /// The 1-based line and character column of a byte offset.
    pub fn line_col(&self, src: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(src.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let mut end = offset;
        while !src.is_char_boundary(end) {
            end -= 1;
        }
        let marks = self.marks_of_line(line);
        let (base, chars) = match marks.partition_point(|m| m.0 <= end) {
            0 => (self.starts[line], 0),
            k => marks[k - 1],
        };
        let col = chars + src[base..end].chars().count() + 1;
        (line + 1, col)
    }

    /// The byte offset of a 1-based line and character column (as ron reports them).
    pub fn offset(&self, src: &str, line: usize, col: usize) -> usize {
        let line = line.saturating_sub(1);
        let Some(&start) = self.starts.get(line) else {
            return src.len();
        };
        let col = col.saturating_sub(1);
        let marks = self.marks_of_line(line);
        let (base, chars) = match marks.partition_point(|m| m.1 <= col) {
            0 => (start, 0),
            k => marks[k - 1],
        };
        src[base..]
            .char_indices()
            .nth(col - chars)
            .map_or(src.len(), |(i, _)| base + i)
    }
}

/// Whether a byte continues a UTF-8 character rather than starting one.
fn is_continuation(b: u8) -> bool {
    b & 0xc0 == 0x80
}

/// Where a ron error points in `text`: ron starts a wrong value's span at the blank before
/// it, so the blanks are skipped to point at the value itself.
pub fn ron_error_location(path: &str, text: &str, e: &ron::error::SpannedError) -> Location {
    let idx = LineIndex::new(text);
    let at = idx.offset(text, e.span.start.line, e.span.start.col);
    let rest = &text[at..];
    let at = at + (rest.len() - rest.trim_start().len());
    let (line, col) = idx.line_col(text, at);
    Location {
        path: path.to_string(),
        line,
        col,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = "ab\n上海x\n";
        let idx = LineIndex::new(src);
        let x = src.find('x').unwrap();
        assert_eq!(idx.line_col(src, x), (2, 3));
        assert_eq!(idx.offset(src, 2, 3), x);
    }

    #[test]
    fn marks_on_long_lines_give_the_same_columns_as_counting() {
        let line: String = (0..3000)
            .map(|i| if i % 7 == 0 { '上' } else { 'a' })
            .collect();
        let src = format!("x\n{line}\n\n{line}{line}");
        let idx = LineIndex::new(&src);
        assert!(!idx.marks.is_empty());
        for (offset, _) in src.char_indices().step_by(13) {
            let start = src[..offset].rfind('\n').map_or(0, |n| n + 1);
            let line = src[..offset].matches('\n').count() + 1;
            let col = src[start..offset].chars().count() + 1;
            assert_eq!(idx.line_col(&src, offset), (line, col), "offset {offset}");
            assert_eq!(idx.offset(&src, line, col), offset, "line {line} col {col}");
        }
    }
}
