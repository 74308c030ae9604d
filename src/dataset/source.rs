//! Where data comes from: the built-in dataset, the user's data directory, or paths given
//! with `--data` / `LIAISON_DATA`. Reading only; nothing here writes to a data file.

use super::limits::Limits;
use super::load::{FileText, decode};
use super::problem::{Location, Problem};
use std::io::Read;
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
            for path in paths {
                found.extend(collect(path, &mut problems));
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
        .filter(|p| is_ron(p))
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

/// Reads one file (found to be a regular file by [`collect`]; the opened handle is checked
/// again), counting its bytes into `total`. Never more than the limits are read, even from a
/// file that grows while it is read.
fn read_file(
    path: &Path,
    limits: &Limits,
    total: &mut u64,
    problems: &mut Vec<Problem>,
) -> Option<FileText> {
    let (max_file, max_total) = (limits.file_bytes, limits.total_bytes);
    let shown = path.display().to_string();
    let too_big = |len: u64| {
        format!(
            "file is {len} bytes, over the limit of {} MiB ({max_file} bytes) \
             for one data file: not read",
            max_file >> 20
        )
    };
    let result = std::fs::File::open(path).and_then(|file| {
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Ok(Err("not a regular file: not read".to_string()));
        }
        if meta.len() > max_file {
            return Ok(Err(too_big(meta.len())));
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.take(max_file + 1).read_to_end(&mut bytes)?;
        let len = bytes.len() as u64;
        if len > max_file {
            return Ok(Err(too_big(len)));
        }
        if *total + len > max_total {
            return Ok(Err(format!(
                "not read: with its {len} bytes the data would be over the limit of \
                 {} MiB for all files together",
                max_total >> 20
            )));
        }
        Ok(Ok((bytes, meta.modified().ok())))
    });
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
