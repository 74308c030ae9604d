//! Saving by merging: this session's changes (bookmarks added and removed, entities
//! opened) are remembered as they are made, and a save applies them to the file as it is on
//! disk then, under a lock shared by every session, so two sessions and a hand edit never
//! lose each other's bookmarks. A save that fails keeps its changes for the next. Nothing
//! here parses: reading the file is [`super::file`]'s.

use super::file::{OnDisk, read, set_aside};
use super::{LOCK_WAIT, Saved, note};
use crate::files::{self, Mode};
use std::io;
use std::path::Path;
use std::sync::Mutex;

/// One change made in this session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Change {
    /// A bookmark added (`true`) or removed.
    Bookmark(String, bool),
    /// An entity opened.
    Opened(String),
    /// A search made.
    Searched(String),
}

impl Change {
    /// Applies the change to a state read from disk.
    fn apply(&self, to: &mut Saved) {
        match self {
            Change::Bookmark(id, true) => {
                if !to.bookmarks.contains(id) {
                    to.bookmarks.push(id.clone());
                }
            }
            Change::Bookmark(id, false) => to.bookmarks.retain(|b| b != id),
            Change::Opened(id) => note(&mut to.recent, id, super::RECENT_MAX),
            Change::Searched(q) => note(&mut to.searches, q, super::SEARCHES_MAX),
        }
    }

    /// Whether a later `self` makes `earlier` useless (it sets the same thing again).
    fn supersedes(&self, earlier: &Change) -> bool {
        match (self, earlier) {
            (Change::Bookmark(a, _), Change::Bookmark(b, _)) => a == b,
            (Change::Opened(a), Change::Opened(b)) | (Change::Searched(a), Change::Searched(b)) => {
                a == b
            }
            _ => false,
        }
    }
}

/// Changes waiting for the next save; behind a lock so that [`save`] can take them from a
/// shared `&Saved`.
#[derive(Debug, Default)]
pub struct Pending(Mutex<Vec<Change>>);

impl Clone for Pending {
    fn clone(&self) -> Self {
        Pending(Mutex::new(self.take_copy()))
    }
}

impl Pending {
    pub(super) fn take_copy(&self) -> Vec<Change> {
        self.0.lock().map(|v| v.clone()).unwrap_or_default()
    }

    pub(super) fn push(&mut self, change: Change) {
        let list = self.0.get_mut().unwrap_or_else(|e| e.into_inner());
        list.retain(|earlier| !change.supersedes(earlier));
        list.push(change);
    }

    fn take(&self) -> Vec<Change> {
        self.0
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default()
    }

    /// Puts back changes that could not be saved, before any made since.
    fn restore(&self, mut changes: Vec<Change>) {
        if let Ok(mut v) = self.0.lock() {
            changes.append(&mut v);
            *v = changes;
        }
    }
}

/// Saves the state: under a lock shared by every session, the file is read again, this
/// session's changes since its last save are applied to it (bookmarks added and removed,
/// entities opened, the last place), and the result is written atomically. Bookmarks made by
/// another session and hand edits are kept. A missing or unreadable file (set aside) is
/// replaced by this session's whole state; a FIFO or device is never replaced.
pub fn save(path: &Path, saved: &Saved) -> io::Result<()> {
    save_with(path, saved, || Ok(()))
}

/// [`save`], running `before_rename` once the new file is written and synced (tests use it
/// to simulate a crash there).
pub fn save_with(
    path: &Path,
    saved: &Saved,
    before_rename: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    let _lock = files::lock(path, LOCK_WAIT)?;
    let changes = saved.pending.take();
    let result = (|| {
        let merged = match read(path) {
            OnDisk::Read(mut on_disk) => {
                for change in &changes {
                    change.apply(&mut on_disk);
                }
                if saved.last.is_some() {
                    on_disk.last = saved.last.clone();
                }
                on_disk
            }
            OnDisk::Missing => saved.clone(),
            OnDisk::Unreadable(_) => {
                set_aside(path)?;
                saved.clone()
            }
            OnDisk::NotRegular(what) => {
                return Err(io::Error::other(format!(
                    "not a regular file but {what}: not replaced"
                )));
            }
            OnDisk::Failed(e) => return Err(e),
        }
        .bounded();
        let text = ron::ser::to_string_pretty(&merged, ron::ser::PrettyConfig::default())
            .map_err(io::Error::other)?;
        files::write_with(path, text.as_bytes(), Mode::Replace, before_rename)
    })();
    if result.is_err() {
        saved.pending.restore(changes);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::saved::load;
    use crate::tui::saved::tests::with_bookmarks;

    #[test]
    fn a_crash_between_write_and_rename_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        let old = with_bookmarks(&["soea"]);
        save(&path, &old).unwrap();
        let mut new = load(&path).0;
        new.toggle_bookmark("espoo");
        let crash = save_with(&path, &new, || Err(io::Error::other("power cut")));
        assert!(crash.is_err());
        assert_eq!(load(&path).0, old);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .filter(|n| n != ".state.ron.lock")
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
        // The change that could not be saved is saved by the next try.
        save(&path, &new).unwrap();
        assert_eq!(load(&path).0.bookmarks, ["soea", "espoo"]);
    }

    /// M3: A bookmarks one entity, B another; both are kept, and so are the recents of both.
    #[test]
    fn two_sessions_saving_in_turn_keep_both_bookmarks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        save(&path, &with_bookmarks(&["soea"])).unwrap();
        let mut a = load(&path).0;
        let mut b = load(&path).0;
        a.toggle_bookmark("espoo");
        a.note_recent("espoo");
        save(&path, &a).unwrap();
        b.toggle_bookmark("osaka");
        b.note_recent("osaka");
        save(&path, &b).unwrap();
        let on_disk = load(&path).0;
        assert_eq!(on_disk.bookmarks, ["soea", "espoo", "osaka"]);
        assert_eq!(on_disk.recent, ["osaka", "espoo"]);
        // A saves again with nothing new: B's bookmark stays.
        a.note_recent("soea");
        save(&path, &a).unwrap();
        assert_eq!(load(&path).0.bookmarks, ["soea", "espoo", "osaka"]);
        assert_eq!(load(&path).0.recent, ["soea", "osaka", "espoo"]);
    }

    /// M3: a removal by one session is not undone by another that never touched it, and a
    /// hand edit made while a session runs survives its save.
    #[test]
    fn removals_and_hand_edits_survive_another_session_saving() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        save(&path, &with_bookmarks(&["soea", "espoo"])).unwrap();
        let mut a = load(&path).0;
        let mut b = load(&path).0;
        assert!(!a.toggle_bookmark("soea"));
        save(&path, &a).unwrap();
        let mut text = std::fs::read_to_string(&path).unwrap();
        text = text.replace("\"espoo\"", "\"espoo\", \"by-hand\"");
        std::fs::write(&path, text).unwrap();
        b.toggle_bookmark("osaka");
        save(&path, &b).unwrap();
        assert_eq!(load(&path).0.bookmarks, ["espoo", "by-hand", "osaka"]);
    }

    /// M3 with threads: each session its own open file and lock, all saving at once.
    #[test]
    fn sessions_saving_at_the_same_time_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        let sessions: Vec<Saved> = (0..8).map(|_| load(&path).0).collect();
        std::thread::scope(|scope| {
            for (n, mut s) in sessions.into_iter().enumerate() {
                let path = &path;
                scope.spawn(move || {
                    for k in 0..5 {
                        s.toggle_bookmark(&format!("s{n}-{k}"));
                        save(path, &s).unwrap();
                    }
                });
            }
        });
        assert_eq!(load(&path).0.bookmarks.len(), 40);
    }

    /// L12: a bookmark written twice by hand is one bookmark, and removing it removes it.
    #[test]
    fn a_duplicate_bookmark_is_read_once_and_removing_it_removes_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        std::fs::write(
            &path,
            "(bookmarks: [\"soea\", \"espoo\", \"soea\"], recent: [\"a\", \"a\", \"\"])",
        )
        .unwrap();
        let mut s = load(&path).0;
        assert_eq!(s.bookmarks, ["soea", "espoo"]);
        assert_eq!(s.recent, ["a"]);
        assert!(!s.toggle_bookmark("soea"));
        save(&path, &s).unwrap();
        assert_eq!(load(&path).0.bookmarks, ["espoo"]);
        assert!(!std::fs::read_to_string(&path).unwrap().contains("soea"));
    }
}
