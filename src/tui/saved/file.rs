//! Reading the state file like a data file: a regular file only (never waiting on a FIFO),
//! at most [`MAX_STATE_BYTES`], parsed and bounded. An unreadable file is set aside as
//! `state.ron.unreadable-N`, never deleted; a FIFO or device is left alone. Nothing here
//! writes the file: saving is [`super::merge`]'s.

use super::{MAX_STATE_BYTES, Saved};
use crate::files::{self, ReadError};
use std::io;
use std::path::{Path, PathBuf};

/// The path as shown in a message.
fn shown(path: &Path) -> String {
    crate::text::clean_line(&path.display().to_string()).into_owned()
}

/// What reading the state file found.
pub(super) enum OnDisk {
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
pub(super) fn read(path: &Path) -> OnDisk {
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
pub(super) fn set_aside(path: &Path) -> io::Result<PathBuf> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::saved::tests::with_bookmarks;
    use crate::tui::saved::{MAX_ID_BYTES, MAX_QUERY_CHARS, save};

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
