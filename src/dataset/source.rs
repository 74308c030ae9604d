//! Where data comes from: the built-in dataset, the user's data directory, or paths given
//! with `--data` / `LIAISON_DATA`. Reading only; nothing here writes to a data file.
//!
//! Files are opened through [`crate::files::open_regular`]: never a FIFO, device or socket,
//! even one swapped in between listing and opening, and never more than the limits. Each
//! file is read once however many times it is named; hidden files and editor temporaries in
//! a folder are not data.

use super::limits::Limits;
use super::load::{FileText, decode};
use super::problem::{Location, Problem};
use std::path::{Path, PathBuf};

pub use super::limits::MAX_FILE_BYTES;

/// The default dataset, compiled into the binary: `(file name, text)`.
pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
    &[
        (
            "organizations.ron",
            include_str!("../../data/organizations.ron"),
        ),
        ("cities.ron", include_str!("../../data/cities.ron")),
        (
            "sister_cities.ron",
            include_str!("../../data/sister_cities.ron"),
        ),
        ("people.ron", include_str!("../../data/people.ron")),
        ("agreements.ron", include_str!("../../data/agreements.ron")),
        ("events.ron", include_str!("../../data/events.ron")),
        ("countries.ron", include_str!("../../data/countries.ron")),
    ]
}

/// Which data to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataChoice {
    /// The dataset compiled into the binary.
    Builtin,
    /// Files and folders of `.ron` files.
    Paths(Vec<PathBuf>),
}

impl DataChoice {
    /// Chooses as the user expects: `--data` paths, else `LIAISON_DATA` (a list of paths
    /// separated like `PATH`), else the user's data directory if it holds `.ron` files, else
    /// the built-in dataset.
    pub fn resolve(
        cli: &[PathBuf],
        env: Option<std::ffi::OsString>,
        user_dir: Option<PathBuf>,
    ) -> DataChoice {
        if !cli.is_empty() {
            return DataChoice::Paths(cli.to_vec());
        }
        // Empty entries (`LIAISON_DATA=":::"`, a trailing `:`) name nothing.
        let from_env: Vec<PathBuf> = env
            .map(|e| {
                std::env::split_paths(&e)
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect()
            })
            .unwrap_or_default();
        if !from_env.is_empty() {
            return DataChoice::Paths(from_env);
        }
        if let Some(dir) = user_dir.filter(|d| has_ron_files(d)) {
            return DataChoice::Paths(vec![dir]);
        }
        DataChoice::Builtin
    }
}

/// The user's data directory (e.g. `~/.local/share/liaison`), if the platform has one.
pub fn user_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "liaison").map(|d| d.data_dir().to_path_buf())
}

fn has_ron_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|rd| {
        rd.flatten()
            .any(|e| is_ron(&e.path()) && !is_hidden_or_temporary(&e.path()))
    })
}

fn is_ron(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "ron")
}

/// Whether a file in a data folder is hidden or an editor's temporary, not data: dot-files
/// (Emacs lock links `.#file.ron`, Vim swap files `.file.ron.swp`), Emacs auto-saves
/// `#file.ron#` and backups `file.ron~`.
pub fn is_hidden_or_temporary(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return false;
    };
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
}

fn file_problem(path: &Path, message: String) -> Problem {
    Problem::error(
        Location {
            path: path.display().to_string(),
            line: 0,
            col: 0,
        },
        message,
    )
}

/// Reads the chosen data: a label for it, every file's text, and the problems met reading.
pub fn read(choice: &DataChoice, limits: &Limits) -> (String, Vec<FileText>, Vec<Problem>) {
    let mut problems = Vec::new();
    match choice {
        DataChoice::Builtin => {
            let files = builtin_files()
                .iter()
                .map(|(name, text)| FileText::new(format!("data/{name}"), text.to_string()))
                .collect();
            ("built-in dataset".to_string(), files, problems)
        }
        DataChoice::Paths(paths) => {
            let mut found = Vec::new();
            // Each file once, however often it is named (`--data dir --data dir`, a file
            // and its folder, a link and its target).
            let mut seen = std::collections::HashSet::new();
            for path in paths {
                for file in collect(path, &mut problems) {
                    let key = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
                    if seen.insert(key) {
                        found.push(file);
                    }
                }
            }
            let max_files = limits.files;
            if let Some(first) = found.get(max_files) {
                let more = found.len() - max_files - 1;
                problems.push(file_problem(
                    first,
                    format!(
                        "not read, nor the {more} data file{} after it: \
                         at most {max_files} files are read",
                        if more == 1 { "" } else { "s" }
                    ),
                ));
                found.truncate(max_files);
            }
            let mut files = Vec::new();
            let mut total = 0;
            for file in &found {
                if let Some(text) = read_file(file, limits, &mut total, &mut problems) {
                    files.push(text);
                }
            }
            let label = paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>();
            (label.join(", "), files, problems)
        }
    }
}

/// The `.ron` files a path names: itself, or the `.ron` files of a folder, sorted by name.
fn collect(path: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            problems.push(file_problem(path, format!("cannot read: {e}")));
            return Vec::new();
        }
    };
    if meta.is_file() {
        return vec![path.to_path_buf()];
    }
    if !meta.is_dir() {
        problems.push(file_problem(
            path,
            "not read: not a regular file or folder (a pipe, socket or device)".into(),
        ));
        return Vec::new();
    }
    let entries = match std::fs::read_dir(path) {
        Ok(rd) => rd,
        Err(e) => {
            problems.push(file_problem(path, format!("cannot read folder: {e}")));
            return Vec::new();
        }
    };
    // In name order, so problems are reported the same way every time.
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_ron(p) && !is_hidden_or_temporary(p))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    for p in paths {
        // Following symbolic links: a link to a data file is read, a loop is an error.
        let skipped = match std::fs::metadata(&p) {
            Ok(m) if m.is_file() => {
                files.push(p);
                continue;
            }
            Ok(m) if m.is_dir() => {
                "is a folder, not a data file: skipped (folders are not read recursively)"
            }
            // Never opened: reading a pipe with no writer would wait forever.
            Ok(_) => "is not a regular file (a pipe, socket or device): skipped",
            Err(e) => {
                let link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_symlink());
                let message = if link {
                    format!("cannot read: a symbolic link whose target cannot be read: {e}")
                } else {
                    format!("cannot read: {e}")
                };
                problems.push(file_problem(&p, message));
                continue;
            }
        };
        problems.push(Problem::warning(
            Location {
                path: p.display().to_string(),
                line: 0,
                col: 0,
            },
            skipped,
        ));
    }
    files
}

/// Reads one file (found to be a regular file by [`collect`]; it is opened without blocking
/// and the open handle is checked again, since it may have been swapped for a FIFO or a
/// device since), counting its bytes into `total`. Never more than the limits are read, even
/// from a file that grows while it is read.
fn read_file(
    path: &Path,
    limits: &Limits,
    total: &mut u64,
    problems: &mut Vec<Problem>,
) -> Option<FileText> {
    use crate::files::{ReadError, open_regular, read_opened};
    let (max_file, max_total) = (limits.file_bytes, limits.total_bytes);
    let shown = path.display().to_string();
    let too_big = |len: u64| {
        format!(
            "file is {len} bytes, over the limit of {} MiB ({max_file} bytes) \
             for one data file: not read",
            max_file >> 20
        )
    };
    let result = match open_regular(path).and_then(|opened| read_opened(opened, max_file)) {
        Ok((bytes, opened)) => {
            let len = bytes.len() as u64;
            if *total + len > max_total {
                Ok(Err(format!(
                    "not read: with its {len} bytes the data would be over the limit of \
                     {} MiB for all files together",
                    max_total >> 20
                )))
            } else {
                Ok(Ok((bytes, opened.modified)))
            }
        }
        Err(ReadError::NotRegular(what)) => Ok(Err(format!(
            "not read: not a regular file but {what} (replaced since the folder was listed?)"
        ))),
        Err(ReadError::TooBig { len, .. }) => Ok(Err(too_big(len))),
        Err(ReadError::Io(e)) => Err(e),
    };
    match result {
        Ok(Ok((bytes, modified))) => {
            *total += bytes.len() as u64;
            let len = bytes.len() as u64;
            Some(decode(&shown, bytes, problems).read_from(path, len, modified))
        }
        Ok(Err(message)) => {
            problems.push(file_problem(path, message));
            None
        }
        Err(e) => {
            problems.push(file_problem(path, format!("cannot read: {e}")));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn city(id: &str) -> String {
        format!("[\n  City(id: \"{id}\", name: \"{id}\", country: \"Finland\"),\n]\n")
    }

    /// A file listed as a regular file, then replaced by a FIFO before it is opened (the
    /// race the audit widened with 3,000 other files): the read neither waits nor fails
    /// silently.
    #[cfg(unix)]
    #[test]
    fn a_file_replaced_by_a_fifo_after_listing_is_reported_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("race.ron");
        std::fs::write(&path, city("espoo")).unwrap();
        let mut problems = Vec::new();
        let listed = collect(dir.path(), &mut problems);
        assert_eq!(listed, std::slice::from_ref(&path));
        std::fs::remove_file(&path).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo is not available: skipped");
            return;
        }
        let mut total = 0;
        let read = read_file(&path, &Limits::default(), &mut total, &mut problems);
        assert!(read.is_none());
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            [format!(
                "{}: error: not read: not a regular file but a pipe (FIFO) \
                 (replaced since the folder was listed?)",
                path.display()
            )]
        );
    }

    #[test]
    fn a_folder_named_twice_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.ron"), city("espoo")).unwrap();
        let twice = DataChoice::Paths(vec![
            dir.path().to_path_buf(),
            dir.path().join("."),
            dir.path().join("a.ron"),
        ]);
        let (_, files, problems) = read(&twice, &Limits::default());
        assert_eq!(files.len(), 1);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn empty_entries_of_liaison_data_name_nothing() {
        let choice = DataChoice::resolve(&[], Some(":::".into()), None);
        assert_eq!(choice, DataChoice::Builtin);
        let choice = DataChoice::resolve(&[], Some(":/a::/b:".into()), None);
        assert_eq!(
            choice,
            DataChoice::Paths(vec![PathBuf::from("/a"), PathBuf::from("/b")])
        );
    }

    #[test]
    fn hidden_files_and_editor_temporaries_are_not_data() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.ron"), city("espoo")).unwrap();
        for name in [".#a.ron", "#a.ron#", "a.ron~", ".a.ron.swp", ".hidden.ron"] {
            std::fs::write(dir.path().join(name), "[ broken").unwrap();
        }
        let mut problems = Vec::new();
        let files = collect(dir.path(), &mut problems);
        assert_eq!(files, [dir.path().join("a.ron")]);
        assert!(problems.is_empty(), "{problems:?}");
        // A data directory holding only an editor's temporary is not chosen over the
        // built-in dataset.
        std::fs::remove_file(dir.path().join("a.ron")).unwrap();
        let user = Some(dir.path().to_path_buf());
        assert_eq!(DataChoice::resolve(&[], None, user), DataChoice::Builtin);
    }
}
