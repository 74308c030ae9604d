//! Where data comes from: the built-in dataset, the user's data directory, or paths given
//! with `--data` / `LIAISON_DATA`. Reading only; nothing here writes to a data file.

use super::load::{FileText, decode};
use super::problem::{Location, Problem};
use std::path::{Path, PathBuf};

/// The largest data file read, so a runaway file cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

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
        if let Some(env) = env.filter(|e| !e.is_empty()) {
            return DataChoice::Paths(std::env::split_paths(&env).collect());
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
    std::fs::read_dir(dir).is_ok_and(|rd| rd.flatten().any(|e| is_ron(&e.path())))
}

fn is_ron(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "ron")
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
pub fn read(choice: &DataChoice) -> (String, Vec<FileText>, Vec<Problem>) {
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
            let mut files = Vec::new();
            for path in paths {
                for file in collect(path, &mut problems) {
                    if let Some(text) = read_file(&file, &mut problems) {
                        files.push(text);
                    }
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
    let entries = match std::fs::read_dir(path) {
        Ok(rd) => rd,
        Err(e) => {
            problems.push(file_problem(path, format!("cannot read folder: {e}")));
            return Vec::new();
        }
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let p = entry.path();
        if !is_ron(&p) {
            continue;
        }
        match std::fs::metadata(&p) {
            Ok(m) if m.is_file() => files.push(p),
            Ok(_) => problems.push(Problem::warning(
                Location {
                    path: p.display().to_string(),
                    line: 0,
                    col: 0,
                },
                "is a folder, not a data file: skipped (folders are not read recursively)",
            )),
            Err(e) => problems.push(file_problem(&p, format!("cannot read: {e}"))),
        }
    }
    files.sort();
    files
}

fn read_file(path: &Path, problems: &mut Vec<Problem>) -> Option<FileText> {
    let shown = path.display().to_string();
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if len > MAX_FILE_BYTES {
        problems.push(file_problem(
            path,
            format!("file is {len} bytes, over the limit of {MAX_FILE_BYTES} bytes: not read"),
        ));
        return None;
    }
    match std::fs::read(path) {
        Ok(bytes) => Some(decode(&shown, bytes, problems)),
        Err(e) => {
            problems.push(file_problem(path, format!("cannot read: {e}")));
            None
        }
    }
}
