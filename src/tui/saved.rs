//! What the browser keeps between runs: bookmarks, recently opened entities, and where it
//! was left. Stored as RON in the platform state directory, always written atomically
//! (temporary file, sync, rename), so a crash or a full disk never leaves half a file. An
//! unreadable file is set aside with a warning, never deleted, and never stops the program.

use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How many recently opened entities are kept.
pub const RECENT_MAX: usize = 50;

/// The saved state.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    /// Bookmarked entity ids, in the order they were added.
    pub bookmarks: Vec<String>,
    /// Recently opened entity ids, most recent first.
    pub recent: Vec<String>,
    /// Where the browser was left.
    pub last: Option<LastPlace>,
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

impl Saved {
    /// Adds or removes a bookmark; returns whether it is now bookmarked.
    pub fn toggle_bookmark(&mut self, id: &str) -> bool {
        if let Some(at) = self.bookmarks.iter().position(|b| b == id) {
            self.bookmarks.remove(at);
            false
        } else {
            self.bookmarks.push(id.to_string());
            true
        }
    }

    /// Records an entity as just opened.
    pub fn note_recent(&mut self, id: &str) {
        self.recent.retain(|r| r != id);
        self.recent.insert(0, id.to_string());
        self.recent.truncate(RECENT_MAX);
    }
}

/// Where the state file lives (e.g. `~/.local/state/liaison/state.ron`).
pub fn state_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "liaison")?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    Some(dir.join("state.ron"))
}

/// Reads the state file. A missing file is an empty state; an unreadable one is renamed
/// to `state.ron.unreadable-N` and reported in the returned warning.
pub fn load(path: &Path) -> (Saved, Option<String>) {
    let text = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return (Saved::default(), None),
        Err(e) => {
            return (
                Saved::default(),
                Some(format!(
                    "{}: cannot read ({e}); starting afresh",
                    path.display()
                )),
            );
        }
    };
    let parsed = std::str::from_utf8(&text)
        .map_err(|e| e.to_string())
        .and_then(|t| {
            ron::from_str::<Saved>(t).map_err(|e| {
                let loc =
                    crate::dataset::problem::ron_error_location(&path.display().to_string(), t, &e);
                format!("{loc}: {}", e.code)
            })
        });
    match parsed {
        Ok(saved) => (saved, None),
        Err(why) => {
            let aside = set_aside(path);
            let kept = aside.map_or_else(
                |e| format!("could not set it aside: {e}"),
                |p| format!("kept as {}", p.display()),
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
        if !aside.exists() {
            std::fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    Err(io::Error::other("too many unreadable copies already"))
}

/// Saves the state atomically.
pub fn save(path: &Path, saved: &Saved) -> io::Result<()> {
    let text = ron::ser::to_string_pretty(saved, ron::ser::PrettyConfig::default())
        .map_err(io::Error::other)?;
    write_atomic(path, text.as_bytes(), || Ok(()))
}

/// Writes `bytes` to `path` so that readers see either the old file or the whole new one:
/// a temporary file in the same folder is written and synced, then renamed over `path`.
/// `before_rename` runs between the two (tests use it to simulate a crash there).
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        before_rename()?;
        std::fs::rename(&tmp, path)?;
        // Make the rename itself durable.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crash_between_write_and_rename_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        let old = Saved {
            bookmarks: vec!["soea".into()],
            ..Saved::default()
        };
        save(&path, &old).unwrap();
        let new = Saved {
            bookmarks: vec!["espoo".into()],
            ..Saved::default()
        };
        let text = ron::to_string(&new).unwrap();
        let crash = write_atomic(&path, text.as_bytes(), || {
            Err(io::Error::other("power cut"))
        });
        assert!(crash.is_err());
        assert_eq!(load(&path).0, old);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
        save(&path, &new).unwrap();
        assert_eq!(load(&path).0, new);
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
}
