//! What the browser keeps between runs: bookmarks, recently opened entities, and where it
//! was left. Stored as RON in the platform state directory, read like a data file (regular
//! files only, never waiting on a FIFO, at most [`MAX_STATE_BYTES`], every string bounded),
//! and always written atomically through [`crate::files`] (an exclusive temporary file,
//! sync, rename), so a crash or a full disk never leaves half a file. Saving merges: under a
//! lock, the file is read again and only this session's changes are applied, so two
//! sessions and a hand edit never lose each other's bookmarks. An unreadable file is set
//! aside with a warning, never deleted, and never stops the program. Nothing here draws.

use crate::files::{self, Mode, ReadError};
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
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

/// One change made in this session.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Change {
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
            Change::Opened(id) => note(&mut to.recent, id, RECENT_MAX),
            Change::Searched(q) => note(&mut to.searches, q, SEARCHES_MAX),
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
    fn take_copy(&self) -> Vec<Change> {
        self.0.lock().map(|v| v.clone()).unwrap_or_default()
    }

    fn push(&mut self, change: Change) {
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

/// The path as shown in a message.
fn shown(path: &Path) -> String {
    crate::text::clean_line(&path.display().to_string()).into_owned()
}

/// What reading the state file found.
enum OnDisk {
    /// No file.
    Missing,
    /// A state.
    Read(Saved),
    /// Something that is not a state: why.
    Unreadable(String),
    /// Not a regular file (a FIFO, a device): left alone.
    NotRegular(&'static str),
    /// The file system refused.
    Failed(io::Error),
}

/// Reads the state file like a data file: a regular file only (never waiting on a FIFO),
/// at most [`MAX_STATE_BYTES`], parsed and bounded.
fn read(path: &Path) -> OnDisk {
    let bytes = match files::read_capped(path, MAX_STATE_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.is_not_found() => return OnDisk::Missing,
        Err(ReadError::NotRegular(what)) => return OnDisk::NotRegular(what),
        Err(ReadError::TooBig { len, max }) => {
            return OnDisk::Unreadable(format!("{len} bytes, over the limit of {max}"));
        }
        Err(ReadError::Io(e)) => return OnDisk::Failed(e),
    };
    match parse(&shown(path), &bytes) {
        Ok(saved) => OnDisk::Read(saved),
        Err(why) => OnDisk::Unreadable(why),
    }
}

/// Reads the bytes of a state file (`shown` is its path in messages): the state, bounded
/// (each id once, no overlong string, at most [`MAX_BOOKMARKS`] and [`RECENT_MAX`]), or
/// why it cannot be read, located and cut short.
pub fn parse(shown: &str, bytes: &[u8]) -> Result<Saved, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("{shown}: not UTF-8 ({e})"))?;
    ron::from_str::<Saved>(text)
        .map(Saved::bounded)
        .map_err(|e| {
            let loc = crate::dataset::problem::ron_error_location(shown, text, &e);
            let why = crate::text::clean_line(&e.code.to_string()).into_owned();
            format!("{loc}: {}", crate::text::ellipsis(&why, 200))
        })
}

/// The state as written to the file.
pub fn to_text(saved: &Saved) -> String {
    ron::ser::to_string_pretty(saved, ron::ser::PrettyConfig::default()).unwrap_or_default()
}

/// Reads the state file. A missing file is an empty state; an unreadable one (or one over
/// [`MAX_STATE_BYTES`]) is renamed to `state.ron.unreadable-N` and reported in the returned
/// warning; a FIFO or device is left alone, not read, and reported.
pub fn load(path: &Path) -> (Saved, Option<String>) {
    match read(path) {
        OnDisk::Missing => (Saved::default(), None),
        OnDisk::Read(saved) => (saved, None),
        OnDisk::NotRegular(what) => (
            Saved::default(),
            Some(format!(
                "{}: not a regular file but {what}: not read; bookmarks are kept for this run only",
                shown(path)
            )),
        ),
        OnDisk::Failed(e) => (
            Saved::default(),
            Some(format!(
                "{}: cannot read ({e}); starting afresh",
                shown(path)
            )),
        ),
        OnDisk::Unreadable(why) => {
            let aside = set_aside(path);
            let kept = aside.map_or_else(
                |e| format!("could not set it aside: {e}"),
                |p| format!("kept as {}", shown(&p)),
            );
            (
                Saved::default(),
                Some(format!(
                    "unreadable state file ({}); {kept}; starting afresh",
                    crate::text::clean_line(&why)
                )),
            )
        }
    }
}

/// Renames a file to the first free `NAME.unreadable-N`.
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    for n in 1..1000 {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".unreadable-{n}"));
        let aside = PathBuf::from(name);
        if std::fs::symlink_metadata(&aside).is_err() {
            std::fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    Err(io::Error::other("too many unreadable copies already"))
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

    fn with_bookmarks(ids: &[&str]) -> Saved {
        let mut s = Saved::default();
        for id in ids {
            s.toggle_bookmark(id);
        }
        s
    }

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

    #[test]
    fn an_unreadable_state_file_is_set_aside_not_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        std::fs::write(&path, "(bookmarks: [\"half").unwrap();
        let (saved, warning) = load(&path);
        assert_eq!(saved, Saved::default());
        let warning = warning.unwrap();
        assert!(warning.contains("unreadable state file"), "{warning}");
        let aside = dir.path().join("state.ron.unreadable-1");
        assert_eq!(
            std::fs::read_to_string(aside).unwrap(),
            "(bookmarks: [\"half"
        );
        assert!(!path.exists());
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

    /// L2: a 20 MB saved query is not read (set aside); a long one under the cap is cut.
    #[test]
    fn saved_strings_are_capped_on_load_and_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        let huge = format!("(last: Some((query: \"{}\")))", "x".repeat(20 << 20));
        std::fs::write(&path, huge).unwrap();
        let (s, warning) = load(&path);
        assert_eq!(s, Saved::default());
        assert!(warning.unwrap().contains("over the limit"));
        let long = format!(
            "(bookmarks: [\"{}\", \"ok\"], last: Some((tab: 99, query: \"{}\")))",
            "i".repeat(MAX_ID_BYTES + 1),
            "q".repeat(100_000)
        );
        std::fs::write(&path, long).unwrap();
        let s = load(&path).0;
        assert_eq!(s.bookmarks, ["ok"]);
        let last = s.last.clone().unwrap();
        assert_eq!((last.tab, last.query.len()), (0, MAX_QUERY_CHARS));
        let mut s = s;
        s.last.as_mut().unwrap().query = "y".repeat(50_000);
        save(&path, &s).unwrap();
        assert!(std::fs::metadata(&path).unwrap().len() < 2_000);
    }

    /// M2: a FIFO or a link to `/dev/zero` as the state file is neither waited on nor read
    /// without end, and never replaced.
    #[cfg(unix)]
    #[test]
    fn a_state_file_that_is_a_fifo_or_a_device_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        let (s, warning) = load(&path);
        assert_eq!(s, Saved::default());
        assert!(warning.unwrap().ends_with(
            "not a regular file but a device: not read; bookmarks are kept for this run only"
        ));
        let err = save(&path, &with_bookmarks(&["x"])).unwrap_err();
        assert!(err.to_string().contains("not replaced"), "{err}");
        std::fs::remove_file(&path).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo is not available: skipped");
            return;
        }
        let (_, warning) = load(&path);
        assert!(warning.unwrap().contains("a pipe (FIFO)"));
    }
}
