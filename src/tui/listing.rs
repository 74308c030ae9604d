//! What the list shows for a tab and a search: the rows, and the count of every tab.
//!
//! Pure and independent of the rest of the state, so that it can run on the search worker
//! ([`super::worker`]) as well as in [`super::state::App::refresh_rows`]. Without a search
//! every entity is listed, in the order prepared when the data was loaded; with one, only the
//! best [`LIST_CAP`] hits are ranked and listed, and the other hits are only counted.

use super::state::{TABS, Tab};
use crate::network::Network;
use crate::saved::Saved;
use crate::search::{Hit, Query};

/// The most rows a search lists (the tab counts still count every hit).
pub const LIST_CAP: usize = 1000;

/// The rows of one tab and the count of every tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// Entities in the list, in order.
    pub rows: Vec<u32>,
    /// How many entities each tab holds for this search.
    pub counts: [usize; 8],
}

/// The listing of `tab` for `query`; `None` if `cancelled` said to stop.
pub fn listing(
    net: &Network,
    query: &Query,
    tab: usize,
    saved: &Saved,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Listing> {
    let index = &net.index;
    let tab = TABS.get(tab).copied().unwrap_or(Tab::All);
    let mut counts = [0usize; 8];
    let listed_kind = match tab {
        Tab::Kind(k) => Some(k),
        _ => None,
    };
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
    counts[6] = bookmarks.len();
    counts[7] = recent.len();
    let rows = if query.is_blank() {
        let ranked = index.rank(query, listed_kind, 0);
        fill_kind_counts(&mut counts, &ranked.matched);
        match tab {
            Tab::All => index.browse(query.kind).to_vec(),
            Tab::Kind(k) if query.kind.is_none_or(|q| q == k) => index.browse(Some(k)).to_vec(),
            Tab::Kind(_) => Vec::new(),
            // Without a search, bookmarks and recents keep their own order.
            Tab::Bookmarks => bookmarks.iter().map(|(_, h)| h.entity).collect(),
            Tab::Recent => recent.iter().map(|(_, h)| h.entity).collect(),
        }
    } else {
        let limit = match tab {
            Tab::All | Tab::Kind(_) => LIST_CAP,
            Tab::Bookmarks | Tab::Recent => 0,
        };
        let ranked = index.rank_unless(query, listed_kind, limit, cancelled)?;
        fill_kind_counts(&mut counts, &ranked.matched);
        let in_hit_order = |mut marked: Vec<(usize, Hit)>| {
            marked.sort_by(|a, b| index.compare(&a.1, &b.1));
            marked.into_iter().map(|(_, h)| h.entity).collect()
        };
        match tab {
            Tab::All | Tab::Kind(_) => ranked.hits.iter().map(|h| h.entity).collect(),
            Tab::Bookmarks => in_hit_order(bookmarks),
            Tab::Recent => in_hit_order(recent),
        }
    };
    Some(Listing { rows, counts })
}

/// Counts of the All tab and the kind tabs, from the hits of each kind.
fn fill_kind_counts(counts: &mut [usize; 8], matched: &[usize; crate::model::Kind::ALL.len()]) {
    counts[0] = matched.iter().sum();
    for (t, tab) in TABS.iter().enumerate() {
        if let Tab::Kind(k) = tab {
            counts[t] = matched[*k as usize];
        }
    }
}

/// Whether the list of `tab` holds fewer rows than the tab counts: a search capped at
/// [`LIST_CAP`].
pub fn capped(tab: usize, rows: usize, counts: &[usize; 8]) -> bool {
    matches!(TABS.get(tab), Some(Tab::All | Tab::Kind(_))) && counts[tab] > rows
}
