//! The help overlay's rows: every binding of the keymap and the search syntax, laid out in
//! columns so that at 120×35 it all fits on one screen. The current view's section comes
//! first; a key that means the same thing in several modes is listed once (the first time);
//! the eight tab keys share one line; a filter typed with `/` keeps only the lines that
//! mention it. Pure: computed from the keymap's entries, read by `update` (scrolling) and
//! `ui` (drawing).

use super::card_lines::{Row, Tone, piece, wrap_pieces};
use crate::tui::keymap::{HelpEntry, KeyMode};
use unicode_width::UnicodeWidthStr;

/// The narrowest a column of help is; fewer columns are used rather than narrower ones.
pub const COLUMN_MIN: usize = 27;

/// The widest a section's key column gets; longer key lists push their line's text right.
const KEYS_MAX: usize = 9;

/// Columns between two columns of help.
const GUTTER: usize = 2;

/// What the search line understands besides its filters (those are
/// [`liaison::search::FILTERS`](crate::search::FILTERS), listed from there).
pub const SEARCH_HINTS: &[(&str, &str)] =
    &[("上海", "Chinese names"), ("+358…", "a phone's digits")];

/// The "Search syntax" lines: every filter of [`crate::search::FILTERS`] (those with the
/// same short text on one line: `year: since: until:`), then the hints.
fn search_syntax() -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for f in crate::search::FILTERS {
        match out.iter_mut().find(|l| l.text == f.short) {
            Some(same) => same.keys.push(f.name.to_string()),
            None => out.push(Line {
                section: "Search syntax",
                keys: vec![f.name.to_string()],
                text: f.short.to_string(),
            }),
        }
    }
    out.extend(SEARCH_HINTS.iter().map(|(k, d)| Line {
        section: "Search syntax",
        keys: vec![(*k).to_string()],
        text: (*d).to_string(),
    }));
    out
}

/// One line of help: its section, keys and what they do.
#[derive(Debug, Clone)]
struct Line {
    section: &'static str,
    keys: Vec<String>,
    text: String,
}

/// The help rows at `width` × `height`, `first` being the mode under the overlay.
pub fn help_rows(
    entries: &[HelpEntry],
    first: KeyMode,
    filter: &str,
    width: usize,
    height: usize,
) -> Vec<Row> {
    let mut lines = ordered(entries, first);
    lines.extend(search_syntax());
    let needle = filter.trim().to_lowercase();
    lines.retain(|e| {
        needle.is_empty()
            || e.text.to_lowercase().contains(&needle)
            || e.section.to_lowercase().contains(&needle)
            || e.keys.iter().any(|k| k.to_lowercase().contains(&needle))
    });
    let columns = ((width + GUTTER) / (COLUMN_MIN + GUTTER)).max(1);
    let col_width = (width + GUTTER) / columns - GUTTER;
    // A blank line between sections if that still fits, else none.
    let spaced = section_lines(&lines, col_width, true);
    let rows = side_by_side(&spaced, columns, col_width, height.max(1));
    if rows.len() <= height {
        return rows;
    }
    let tight = section_lines(&lines, col_width, false);
    side_by_side(&tight, columns, col_width, height.max(1))
}

/// The entries with the current mode's first, each key once per meaning, tabs on one line.
fn ordered(entries: &[HelpEntry], first: KeyMode) -> Vec<Line> {
    let mut sorted: Vec<&HelpEntry> = entries.iter().filter(|e| e.mode == first).collect();
    sorted.extend(entries.iter().filter(|e| e.mode != first));
    let mut seen: Vec<(String, &str)> = Vec::new();
    let mut out: Vec<Line> = Vec::new();
    for e in sorted {
        let mut keys = e.keys.clone();
        keys.retain(|k| !seen.contains(&(k.clone(), e.description)));
        seen.extend(keys.iter().map(|k| (k.clone(), e.description)));
        if keys.is_empty() {
            continue;
        }
        if let Some(same) = out
            .iter_mut()
            .find(|l| l.section == e.section && l.text == e.description)
        {
            same.keys.extend(keys);
            continue;
        }
        if let Some(name) = e.description.strip_prefix("tab: ") {
            if let Some(tabs) = out.last_mut().filter(|l| l.text.starts_with("tabs: ")) {
                tabs.keys.extend(keys);
                tabs.text.push_str(&format!(", {name}"));
                continue;
            }
            out.push(Line {
                section: e.section,
                keys,
                text: format!("tabs: {name}"),
            });
            continue;
        }
        out.push(Line {
            section: e.section,
            keys,
            text: e.description.to_string(),
        });
    }
    for l in &mut out {
        if l.text.starts_with("tabs: ") && l.keys.concat() == "12345678" {
            l.keys = vec!["1…8".into()];
            l.text = "tab by number".into();
        }
    }
    out
}

/// Each section's heading then its lines, wrapped at `width` with a hanging indent; with
/// `gaps`, a blank line between sections (`None`). Each row says whether it continues the
/// line above (a wrapped entry), so that columns never split an entry.
fn section_lines(entries: &[Line], width: usize, gaps: bool) -> Vec<Option<(Row, bool)>> {
    let mut sections: Vec<&str> = Vec::new();
    for e in entries {
        if !sections.contains(&e.section) {
            sections.push(e.section);
        }
    }
    let mut out = Vec::new();
    for section in sections {
        if gaps && !out.is_empty() {
            out.push(None);
        }
        out.push(Some((vec![piece(section, Tone::Heading)], false)));
        let mine: Vec<&Line> = entries.iter().filter(|e| e.section == section).collect();
        let key_width = mine
            .iter()
            .map(|e| e.keys.join(" ").width())
            .filter(|&w| w <= KEYS_MAX)
            .max()
            .unwrap_or(0);
        for e in mine {
            let keys = format!(" {:<key_width$} ", e.keys.join(" "));
            let line = vec![piece(&keys, Tone::Key), piece(&e.text, Tone::Plain)];
            let wrapped = wrap_pieces(line, key_width + 2, width);
            out.extend(
                wrapped
                    .into_iter()
                    .enumerate()
                    .map(|(k, r)| Some((r, k > 0))),
            );
        }
    }
    out
}

/// Flows the lines into `columns` columns `height` rows high (longer if they do not fit),
/// never splitting an entry, ending a column on a heading, or starting one on a blank line.
fn side_by_side(
    lines: &[Option<(Row, bool)>],
    columns: usize,
    width: usize,
    height: usize,
) -> Vec<Row> {
    let height = height.max(lines.len().div_ceil(columns));
    let mut cols: Vec<Vec<Row>> = vec![Vec::new()];
    for (n, line) in lines.iter().enumerate() {
        let Some((row, cont)) = line else {
            let col = cols.last_mut().expect("one column at least");
            if !col.is_empty() {
                col.push(Vec::new());
            }
            continue;
        };
        // The rows that must stay with this one: its continuations, and after a heading
        // the first entry.
        let mut block = 1 + rows_continuing(lines, n + 1);
        if row.first().is_some_and(|p| p.tone == Tone::Heading) {
            block += 1 + rows_continuing(lines, n + 2);
        }
        let col = cols.last_mut().expect("one column at least");
        if !cont && col.len() + block > height && !col.is_empty() {
            while col.last().is_some_and(Vec::is_empty) {
                col.pop();
            }
            cols.push(Vec::new());
        }
        cols.last_mut()
            .expect("one column at least")
            .push(row.clone());
    }
    let rows = cols.iter().map(Vec::len).max().unwrap_or(0);
    (0..rows)
        .map(|r| {
            let mut row: Row = Vec::new();
            for (c, col) in cols.iter().enumerate() {
                let cell = col.get(r).cloned().unwrap_or_default();
                let used: usize = cell.iter().map(|p| p.text.width()).sum();
                row.extend(cell);
                if c + 1 < cols.len() {
                    let pad = width.saturating_sub(used) + GUTTER;
                    row.push(piece(&" ".repeat(pad), Tone::Plain));
                }
            }
            row
        })
        .collect()
}

/// How many rows from `from` on continue a wrapped entry.
fn rows_continuing(lines: &[Option<(Row, bool)>], from: usize) -> usize {
    lines
        .iter()
        .skip(from)
        .take_while(|l| l.as_ref().is_some_and(|(_, cont)| *cont))
        .count()
}
