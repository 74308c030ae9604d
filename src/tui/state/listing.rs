//! What the list shows for a tab and a search: the rows, and the count of every tab.
//!
//! Pure and independent of the rest of the state, so that it can run on the search worker
//! (`tui::worker`) as well as in [`super::App::refresh_rows`]. Without a search
//! every entity is listed, in the order prepared when the data was loaded; with one, only the
//! best [`LIST_CAP`] hits are ranked and listed, and the other hits are only counted.

use super::tabs::{Tab, TabCounts};
use crate::network::Network;
use crate::search::{Hit, Query};
use crate::tui::saved::Saved;

/// The most rows a search lists (the tab counts still count every hit).
pub const LIST_CAP: usize = 1000;

/// The rows of one tab and the count of every tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// Entities in the list, in order.
    pub rows: Vec<u32>,
    /// How many entities each tab holds for this search.
    pub counts: TabCounts,
}

/// The listing of `tab` for `query`; `None` if `cancelled` said to stop.
pub fn listing(
    net: &Network,
    query: &Query,
    tab: Tab,
    saved: &Saved,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Listing> {
    let index = &net.index;
    let mut counts: TabCounts = [0; 8];
    let listed_kind = tab.kind();
    // Bookmarks and recents: a few entities, each looked at on its own.
    let marked = |ids: &[String]| -> Vec<(usize, Hit)> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for (pos, id) in ids.iter().enumerate() {
            let Some(e) = net.data.index_of(id) else {
                continue;
            };
            if seen.contains(&e) {
                continue;
            }
            seen.push(e);
            if let Some(hit) = index.score_of(e, query) {
                out.push((pos, hit));
            }
        }
        out
    };
    let bookmarks = marked(&saved.bookmarks);
    let recent = marked(&saved.recent);
    counts[Tab::Bookmarks.index()] = bookmarks.len();
    counts[Tab::Recent.index()] = recent.len();
    let rows = if query.is_blank() {
        let ranked = index.rank(query, listed_kind, 0);
        fill_kind_counts(&mut counts, &ranked.matched);
        match (tab, listed_kind) {
            (Tab::All, _) => index.browse(query.kind).to_vec(),
            // Without a search, bookmarks and recents keep their own order.
            (Tab::Bookmarks, _) => bookmarks.iter().map(|(_, h)| h.entity).collect(),
            (Tab::Recent, _) => recent.iter().map(|(_, h)| h.entity).collect(),
            (_, Some(k)) if query.kind.is_none_or(|q| q == k) => index.browse(Some(k)).to_vec(),
            _ => Vec::new(),
        }
    } else {
        let limit = if tab.is_personal() { 0 } else { LIST_CAP };
        let ranked = index.rank_unless(query, listed_kind, limit, cancelled)?;
        fill_kind_counts(&mut counts, &ranked.matched);
        let in_hit_order = |mut marked: Vec<(usize, Hit)>| {
            marked.sort_by(|a, b| index.compare(&a.1, &b.1));
            marked.into_iter().map(|(_, h)| h.entity).collect()
        };
        match tab {
            Tab::Bookmarks => in_hit_order(bookmarks),
            Tab::Recent => in_hit_order(recent),
            _ => ranked.hits.iter().map(|h| h.entity).collect(),
        }
    };
    Some(Listing { rows, counts })
}

/// Every entity Bookmarks or Recent holds, in its own order, each once (ids no longer in
/// the data are skipped); empty for any other tab.
pub fn personal(net: &Network, saved: &Saved, tab: Tab) -> Vec<u32> {
    let ids = match tab {
        Tab::Bookmarks => &saved.bookmarks,
        Tab::Recent => &saved.recent,
        _ => return Vec::new(),
    };
    let mut seen = std::collections::HashSet::new();
    ids.iter()
        .filter_map(|id| net.data.index_of(id))
        .filter(|&e| seen.insert(e))
        .map(|e| e as u32)
        .collect()
}

/// Counts of the All tab and the kind tabs, from the hits of each kind.
fn fill_kind_counts(counts: &mut TabCounts, matched: &[usize; crate::model::Kind::ALL.len()]) {
    counts[Tab::All.index()] = matched.iter().sum();
    for tab in Tab::ALL {
        if let Some(k) = tab.kind() {
            counts[tab.index()] = matched[k as usize];
        }
    }
}

/// Whether the list of `tab` holds fewer rows than the tab counts: a search capped at
/// [`LIST_CAP`].
pub fn capped(tab: Tab, rows: usize, counts: &TabCounts) -> bool {
    !tab.is_personal() && counts[tab.index()] > rows
}
