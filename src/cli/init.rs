//! `liaison init`: copy the built-in dataset into the data directory, never overwriting.

use super::EXIT_OK;
use crate::dataset::builtin_files;
use std::io::{self, Write};
use std::path::PathBuf;

/// Writes each built-in file that does not exist yet; reports what it did.
pub fn run(dir: Option<PathBuf>, out: &mut dyn Write) -> io::Result<i32> {
    let dir =
        dir.ok_or_else(|| io::Error::other("this platform has no data directory; use --dir"))?;
    std::fs::create_dir_all(&dir)?;
    for (name, text) in builtin_files() {
        let path = dir.join(name);
        // create_new never replaces a file, even one that appears between check and write.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                f.write_all(text.as_bytes())?;
                f.sync_all()?;
                writeln!(out, "wrote {}", path.display())?;
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                writeln!(out, "kept {} (already exists)", path.display())?;
            }
            Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", path.display()))),
        }
    }
    writeln!(out, "liaison now reads its data from {}", dir.display())?;
    Ok(EXIT_OK)
}
