//! `liaison init`: copy the built-in dataset into the data directory (or `--dir`), never
//! overwriting. The copying is [`crate::init`]'s, shared with the browser; here only the
//! command's face: the folder it is given and its exit code.

use super::EXIT_OK;
use std::io::{self, Write};
use std::path::PathBuf;

/// Runs `liaison init` into `dir` (`None`: the platform has no data directory).
pub fn run(dir: Option<PathBuf>, out: &mut dyn Write) -> io::Result<i32> {
    let dir =
        dir.ok_or_else(|| io::Error::other("this platform has no data directory; use --dir"))?;
    crate::init::copy_builtin(&dir, out)?;
    Ok(EXIT_OK)
}
