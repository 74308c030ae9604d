//! `liaison init`: copy the built-in dataset into the data directory, never overwriting.
//!
//! Each file is written whole or not at all ([`crate::files::write_new`]: a temporary file in
//! the same folder, renamed into place only once complete), so a full disk leaves no half
//! file, and running `init` again after freeing space writes what is missing. Paths are
//! printed escaped.

use super::EXIT_OK;
use crate::dataset::builtin_files;
use crate::text::clean_line;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A path as printed: control characters escaped.
fn shown(path: &Path) -> String {
    clean_line(&path.display().to_string()).into_owned()
}

/// Writes each built-in file that does not exist yet; reports what it did. An error names
/// the file.
pub fn run(dir: Option<PathBuf>, out: &mut dyn Write) -> io::Result<i32> {
    let dir =
        dir.ok_or_else(|| io::Error::other("this platform has no data directory; use --dir"))?;
    let named =
        |path: &Path, e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", shown(path)));
    std::fs::create_dir_all(&dir).map_err(|e| named(&dir, e))?;
    for (name, text) in builtin_files() {
        let path = dir.join(name);
        // Never replaces a file, even one that appears between check and write.
        match crate::files::write_new(&path, text.as_bytes()) {
            Ok(()) => writeln!(out, "wrote {}", shown(&path))?,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let empty = std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() == 0);
                let note = if empty {
                    ", but empty: delete it and run `liaison init` again to restore it"
                } else {
                    ""
                };
                writeln!(out, "kept {} (already exists{note})", shown(&path))?;
            }
            Err(e) => return Err(named(&path, e)),
        }
    }
    writeln!(out, "liaison now reads its data from {}", shown(&dir))?;
    Ok(EXIT_OK)
}
