//! The rows model: what each pane and bar shows, row by row, computed once from the state
//! and the screen size. `update` moves cursors, scrolls and hit-tests clicks on these rows;
//! `ui` draws the same rows. Nothing here is styled or drawn.
//!
//! The list pane's rows are the listing itself (one entity per row); the detail pane's are
//! in [`super::card_lines`]; the links, the timeline, the tab bar and the search line are
//! here.

use super::card_lines::{Row, Tone, piece, wrap_pieces};
use super::tabs::{Tab, TabCounts};
use crate::dataset::{Problem, Severity};
use crate::graph::Graph;
use crate::timeline::Item;
use unicode_width::UnicodeWidthStr;

/// A display row of the links pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkRow {
    /// Blank line between groups.
    Gap,
    /// A heading and its count.
    Heading(&'static str, usize),
    /// The k-th link.
    Link(usize),
}

/// The links pane's rows for entity `i`: each group's heading, then its links.
pub fn link_rows(graph: &Graph, i: usize) -> Vec<LinkRow> {
    let mut out = Vec::new();
    let mut k = 0;
    for (gi, g) in graph.grouped(i).iter().enumerate() {
        if gi > 0 {
            out.push(LinkRow::Gap);
        }
        out.push(LinkRow::Heading(g.label, g.links.len()));
        for _ in g.links {
            out.push(LinkRow::Link(k));
            k += 1;
        }
    }
    out
}

/// The display row of link `k`.
pub fn row_of_link(rows: &[LinkRow], k: usize) -> usize {
    rows.iter()
        .position(|r| *r == LinkRow::Link(k))
        .unwrap_or(0)
}

/// The link on a display row, if that row is a link.
pub fn link_at_row(rows: &[LinkRow], row: usize) -> Option<usize> {
    match rows.get(row)? {
        LinkRow::Link(k) => Some(*k),
        _ => None,
    }
}

/// A display row of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineRow {
    /// A year heading.
    Year(i32),
    /// The k-th item.
    Item(usize),
}

/// Height of the timeline's per-decade chart.
pub const TIMELINE_CHART_HEIGHT: u16 = 8;

/// The timeline's rows: a heading before each year's items.
pub fn timeline_rows(items: &[Item]) -> Vec<TimelineRow> {
    let mut out = Vec::with_capacity(items.len() + items.len() / 4);
    let mut last = None;
    for (k, item) in items.iter().enumerate() {
        if last != Some(item.date.year) {
            last = Some(item.date.year);
            out.push(TimelineRow::Year(item.date.year));
        }
        out.push(TimelineRow::Item(k));
    }
    out
}

/// The display row of timeline item `k`.
pub fn row_of_item(rows: &[TimelineRow], k: usize) -> usize {
    rows.iter()
        .position(|r| *r == TimelineRow::Item(k))
        .unwrap_or(0)
}

/// Rows of the timeline list in a body `body_height` rows high (less the chart and borders).
pub fn timeline_list_height(body_height: u16) -> usize {
    body_height.saturating_sub(TIMELINE_CHART_HEIGHT + 2) as usize
}

/// One tab's label on the tab bar, and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabLabel {
    /// The tab.
    pub tab: Tab,
    /// The label, with its key and count.
    pub text: String,
    /// The column it starts at.
    pub x: u16,
}

/// The tab bar's labels, as wide as the width allows: "Organizations", "Orgs", "Org"
/// (padded, then not), then "O", each with its key number. Labels are separated by one column. The form is
/// chosen for the counts `most` (each tab's count without a search), so it stays the same
/// while a search lowers the counts.
pub fn tab_labels(counts: &TabCounts, most: &TabCounts, width: u16) -> Vec<TabLabel> {
    let texts = |narrowness: usize, counts: &TabCounts| -> Vec<String> {
        Tab::ALL
            .iter()
            .map(|tab| {
                let (key, n) = (tab.index() + 1, counts[tab.index()]);
                match narrowness {
                    0..=2 => format!(" {key} {} {n} ", tab.label(narrowness)),
                    3 => format!("{key} {} {n}", tab.label(2)),
                    _ => format!("{key}{} {n}", tab.label(3)),
                }
            })
            .collect()
    };
    let fits =
        |t: &Vec<String>| t.iter().map(|l| l.width() + 1).sum::<usize>() <= width as usize + 1;
    let narrowness = (0..5).find(|&n| fits(&texts(n, most))).unwrap_or(4);
    let chosen = texts(narrowness, counts);
    let mut x = 0u16;
    Tab::ALL
        .into_iter()
        .zip(chosen)
        .map(|(tab, text)| {
            let label = TabLabel { tab, x, text };
            x = x.saturating_add(label.text.width() as u16 + 1);
            label
        })
        .collect()
}

/// The tab under a column of the tab bar.
pub fn tab_at(labels: &[TabLabel], col: u16) -> Option<Tab> {
    labels
        .iter()
        .find(|l| col >= l.x && (col as usize) < l.x as usize + l.text.width())
        .map(|l| l.tab)
}

/// "3 of 7 (filter: espoo)" when the search hides some of Bookmarks or Recent (shown).
pub fn filter_note(list: &super::ListState) -> Option<String> {
    let shown = list.rows.len();
    (list.tab.is_personal() && shown < list.personal_total).then(|| {
        let clean = crate::text::clean_line(list.search.text.trim());
        let query = crate::text::ellipsis(&clean, 24);
        format!("{shown} of {} (filter: {query})", list.personal_total)
    })
}

/// The one-line hint shown until the first search: how to find a contact, copy its phone
/// and ask how two things are connected, with the keys as the keymap binds them.
pub fn first_run_hint(app: &super::App) -> Option<String> {
    use crate::tui::action::Action;
    use crate::tui::keymap::KeyMode;
    if !app.saved.searches.is_empty() || app.status.is_some() {
        return None;
    }
    let key = |mode, action: Action| app.keymap.keys_for(mode, &action).into_iter().next();
    let search = key(KeyMode::Normal, Action::StartSearch)?;
    let copy = key(KeyMode::Normal, Action::StartCopy)?;
    let phone = key(
        KeyMode::Copy,
        Action::Copy(crate::tui::action::CopyWhat::Phone),
    )?;
    let path = key(KeyMode::Normal, Action::StartPath)?;
    let example = if app.net.data.index_of("soea").is_some() {
        "soea"
    } else {
        "a name"
    };
    Some(format!(
        "try {search}{example}, then {copy} {phone} to copy its phone; {path}: how are two things connected"
    ))
}

/// The most columns a path's first entity takes on the search line.
pub const PICK_NAME_WIDTH: usize = 30;

/// The column the cursor stands at on a line that shows `prefix` and then the editor's
/// text up to its cursor, within `width` columns.
pub fn cursor_column(prefix: &str, before_cursor: &str, width: u16) -> u16 {
    let x = prefix.width() + crate::text::clean_line(before_cursor).width();
    x.min(width.saturating_sub(1) as usize) as u16
}

/// The most characters of a problem's message shown (a huge quoted value stays cheap).
pub const MAX_MESSAGE: usize = 2000;

/// The problems overlay's rows at `width`: each problem's place, severity and message.
pub fn problem_rows<'a>(problems: impl Iterator<Item = &'a Problem>, width: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    for p in problems {
        let (word, tone) = match p.severity {
            Severity::Error => ("error", Tone::Error),
            Severity::Warning => ("warning", Tone::Warning),
        };
        let line = vec![
            piece(&p.location.to_string(), Tone::Label),
            piece(" ", Tone::Plain),
            piece(word, tone),
            piece(" ", Tone::Plain),
            piece(
                &p.message.chars().take(MAX_MESSAGE).collect::<String>(),
                Tone::Plain,
            ),
        ];
        rows.extend(wrap_pieces(line, 4, width));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_labels_narrow_with_the_width_and_clicks_find_them() {
        let counts = [10, 2, 3, 4, 5, 6, 7, 8];
        let wide = tab_labels(&counts, &counts, 200);
        assert_eq!(wide[1].text, " 2 Organizations 2 ");
        let narrow = tab_labels(&counts, &counts, 40);
        assert!(narrow.iter().all(|l| !l.text.contains("Organizations")));
        for l in &narrow {
            assert_eq!(tab_at(&narrow, l.x), Some(l.tab));
        }
        let narrowest = tab_labels(&counts, &counts, 10);
        assert!(narrowest[1].text.starts_with('2'), "the key number stays");
    }

    #[test]
    fn tab_labels_keep_their_form_while_a_search_changes_the_counts() {
        let all = [464, 56, 130, 120, 60, 40, 2, 9];
        let typed = [3, 1, 1, 0, 1, 0, 0, 0];
        for width in [60, 80, 100, 120] {
            let names = |c: &TabCounts| -> Vec<String> {
                tab_labels(c, &all, width)
                    .into_iter()
                    .map(|l| l.text.chars().filter(|c| c.is_alphabetic()).collect())
                    .collect()
            };
            assert_eq!(names(&all), names(&typed), "at {width} columns");
        }
    }
}
