//! What the browser keeps between runs: bookmarks, recently opened entities, and where it
//! was left. Stored as RON in the platform state directory, read like a data file (regular
//! files only, never waiting on a FIFO, at most [`MAX_STATE_BYTES`], every string bounded),
//! and always written atomically through [`crate::files`] (an exclusive temporary file,
//! sync, rename), so a crash or a full disk never leaves half a file. Saving merges: under a
//! lock, the file is read again and only this session's changes are applied, so two
//! sessions and a hand edit never lose each other's bookmarks. An unreadable file is set
//! aside with a warning, never deleted, and never stops the program. Nothing here draws.
//!
//! Here: the state, its bounds, and where it lives. Beside: `file` (reading and parsing)
//! and `merge` (this session's changes, applied on save).

mod file;
mod merge;

pub use file::{load, parse, to_text};
pub use merge::{Pending, save, save_with};

use merge::Change;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::Duration;

/// How many recently opened entities are kept.
pub const RECENT_MAX: usize = 50;

/// How many earlier searches are kept (for `↑` on the search line).
pub const SEARCHES_MAX: usize = 30;

/// The largest state file read: 4 MiB (ten thousand bookmarks take some 300 KB). A larger
/// one is set aside like an unreadable one.
pub const MAX_STATE_BYTES: u64 = 4 << 20;

/// The most bookmarks kept; more, read from a hand-edited file, are dropped.
pub const MAX_BOOKMARKS: usize = 10_000;

/// The longest id kept in bookmarks, recents and the last place, in bytes; a longer one
/// names no entity worth keeping and is dropped.
pub const MAX_ID_BYTES: usize = 1024;

/// The longest saved search text, in characters; a longer one is cut.
pub const MAX_QUERY_CHARS: usize = 1000;

/// How many tabs there are: a saved tab past them means the first.
const TABS: usize = 8;

/// How long a save waits for another session's save to finish.
const LOCK_WAIT: Duration = Duration::from_secs(5);

/// The saved state.
///
/// Change bookmarks and recents through [`Saved::toggle_bookmark`] and
/// [`Saved::note_recent`]: they remember what this session changed, and [`save`] applies
/// those changes to the file as it is on disk then, so another session's bookmarks and a
/// hand edit made meanwhile are kept.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    /// Bookmarked entity ids, in the order they were added.
    pub bookmarks: Vec<String>,
    /// Recently opened entity ids, most recent first.
    pub recent: Vec<String>,
    /// Where the browser was left.
    pub last: Option<LastPlace>,
    /// Earlier searches, most recent first.
    pub searches: Vec<String>,
    /// This session's changes not yet saved (filled by [`Saved::toggle_bookmark`] and
    /// [`Saved::note_recent`]; opaque). Public only so that `Saved { .., ..Saved::default() }`
    /// can be written anywhere.
    #[serde(skip)]
    pub pending: Pending,
}

impl PartialEq for Saved {
    fn eq(&self, other: &Self) -> bool {
        (&self.bookmarks, &self.recent, &self.last, &self.searches)
            == (
                &other.bookmarks,
                &other.recent,
                &other.last,
                &other.searches,
            )
    }
}

/// Where the browser was left.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LastPlace {
    /// The selected entity's id.
    pub entity: Option<String>,
    /// The tab.
    pub tab: usize,
    /// The search text.
    pub query: String,
}

/// Moves `id` to the front of a most-recent-first list of at most `max`.
fn note(recent: &mut Vec<String>, id: &str, max: usize) {
    recent.retain(|r| r != id);
    recent.insert(0, id.to_string());
    recent.truncate(max);
}

impl Saved {
    /// Adds or removes a bookmark; returns whether it is now bookmarked.
    pub fn toggle_bookmark(&mut self, id: &str) -> bool {
        let on = !self.bookmarks.iter().any(|b| b == id);
        if on {
            self.bookmarks.push(id.to_string());
        } else {
            // Every copy: a hand-edited file may hold one twice.
            self.bookmarks.retain(|b| b != id);
        }
        self.pending.push(Change::Bookmark(id.to_string(), on));
        on
    }

    /// Records an entity as just opened.
    pub fn note_recent(&mut self, id: &str) {
        note(&mut self.recent, id, RECENT_MAX);
        self.pending.push(Change::Opened(id.to_string()));
    }

    /// Records a search made (an empty one is not kept).
    pub fn note_search(&mut self, query: &str) {
        let query = query.trim();
        if query.is_empty() || self.searches.first().is_some_and(|q| q == query) {
            return;
        }
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        note(&mut self.searches, &query, SEARCHES_MAX);
        self.pending.push(Change::Searched(query));
    }

    /// Puts a removed bookmark back at position `at` (undo); returns whether it was absent.
    pub fn restore_bookmark(&mut self, id: &str, at: usize) -> bool {
        if self.bookmarks.iter().any(|b| b == id) {
            return false;
        }
        self.bookmarks
            .insert(at.min(self.bookmarks.len()), id.to_string());
        self.pending.push(Change::Bookmark(id.to_string(), true));
        true
    }

    /// Whether this session has changes not saved yet.
    pub fn has_unsaved_changes(&self) -> bool {
        !self.pending.take_copy().is_empty()
    }

    /// Keeps the state within bounds whatever the file held: each id once, no empty or
    /// overlong id, at most [`MAX_BOOKMARKS`] bookmarks and [`RECENT_MAX`] recents, a search
    /// text of at most [`MAX_QUERY_CHARS`] characters, a tab that exists.
    fn bounded(mut self) -> Saved {
        let usable = |id: &String| !id.is_empty() && id.len() <= MAX_ID_BYTES;
        let mut seen = std::collections::HashSet::new();
        self.bookmarks
            .retain(|id| usable(id) && seen.insert(id.clone()));
        self.bookmarks.truncate(MAX_BOOKMARKS);
        let mut seen = std::collections::HashSet::new();
        self.recent
            .retain(|id| usable(id) && seen.insert(id.clone()));
        self.recent.truncate(RECENT_MAX);
        self.searches
            .retain(|q| !q.is_empty() && q.chars().count() <= MAX_QUERY_CHARS);
        self.searches.truncate(SEARCHES_MAX);
        if let Some(last) = &mut self.last {
            if last.entity.as_ref().is_some_and(|e| !usable(e)) {
                last.entity = None;
            }
            if let Some((at, _)) = last.query.char_indices().nth(MAX_QUERY_CHARS) {
                last.query.truncate(at);
            }
            if last.tab >= TABS {
                last.tab = 0;
            }
        }
        self
    }
}

/// Where the state file lives (e.g. `~/.local/state/liaison/state.ron`).
pub fn state_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "liaison")?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    Some(dir.join("state.ron"))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A state with these bookmarks, added in this session.
    pub(in crate::tui::saved) fn with_bookmarks(ids: &[&str]) -> Saved {
        let mut s = Saved::default();
        for id in ids {
            s.toggle_bookmark(id);
        }
        s
    }

    #[test]
    fn recents_keep_the_last_fifty_most_recent_first() {
        let mut s = Saved::default();
        for i in 0..60 {
            s.note_recent(&format!("e{i}"));
        }
        s.note_recent("e10");
        assert_eq!(s.recent.len(), RECENT_MAX);
        assert_eq!(s.recent[0], "e10");
        assert_eq!(s.recent[1], "e59");
        assert!(s.toggle_bookmark("x") && !s.toggle_bookmark("x"));
    }
}
