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
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `src`.
    pub fn new(src: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(src.as_bytes()));
        LineIndex { starts }
    }

    /// The 1-based line and character column of a byte offset.
    pub fn line_col(&self, src: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(src.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let mut end = offset;
        while !src.is_char_boundary(end) {
            end -= 1;
        }
        let col = src[start..end].chars().count() + 1;
        (line + 1, col)
    }

    /// The byte offset of a 1-based line and character column (as ron reports them).
    pub fn offset(&self, src: &str, line: usize, col: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return src.len();
        };
        src[start..]
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(src.len(), |(i, _)| start + i)
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i + 1)
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
}
