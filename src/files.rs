//! Reading and writing the program's own files without trusting what is on disk.
//!
//! Data files, the state file and the config are read the same way: never opened when they
//! are not regular files, opened without blocking (`O_NONBLOCK`, so a FIFO swapped in at the
//! last moment is never waited on), checked again on the open handle (`fstat`), and read up
//! to a size cap. Every file the program writes (the state, `liaison init`, an export) goes to
//! a temporary file created exclusively in the same folder (never a predictable name, never
//! through a planted symbolic link), is synced, and is renamed into place: a crash or a full
//! disk leaves the old file or none, never half a file. This module knows nothing of what
//! the files hold and never prints.

use std::fmt;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The file system refused (missing file, no permission, ...).
    Io(io::Error),
    /// Not a regular file: what it is instead (`"a folder"`, `"a pipe (FIFO)"`, ...).
    NotRegular(&'static str),
    /// Larger than the cap: its size (at least, for a file that grows), and the cap.
    TooBig {
        /// The size found.
        len: u64,
        /// The cap.
        max: u64,
    },
}

impl ReadError {
    /// Whether the file does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::NotRegular(what) => write!(f, "not a regular file but {what}"),
            ReadError::TooBig { len, max } => {
                write!(f, "{len} bytes, over the limit of {max} bytes")
            }
        }
    }
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// What a file that is not a regular one is, in words.
pub fn describe(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else {
        "not a regular file"
    }
}

/// A regular file, open for reading, with what it was like when opened.
#[derive(Debug)]
pub struct Opened {
    /// The open handle (blocking again).
    pub file: File,
    /// Its size when opened.
    pub len: u64,
    /// Its modification time, where the platform has one.
    pub modified: Option<SystemTime>,
}

/// Opens `path` for reading if it is a regular file (a symbolic link to one is followed).
///
/// Something else (a FIFO, a device, a socket, a folder) is refused before it is opened; if
/// it is swapped in between that check and the open, the open does not block (`O_NONBLOCK`)
/// and the open handle is refused. The handle returned blocks again, like any file.
pub fn open_regular(path: &Path) -> Result<Opened, ReadError> {
    let before = std::fs::metadata(path)?;
    if !before.is_file() {
        return Err(ReadError::NotRegular(describe(before.file_type())));
    }
    open_checked(path)
}

/// The second half of [`open_regular`]: open without blocking, then check the handle.
fn open_checked(path: &Path) -> Result<Opened, ReadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags((OFlags::NONBLOCK | OFlags::NOCTTY).bits() as i32);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(describe(meta.file_type())));
    }
    #[cfg(unix)]
    {
        use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};
        let flags = fcntl_getfl(&file).map_err(io::Error::from)?;
        fcntl_setfl(&file, flags - OFlags::NONBLOCK).map_err(io::Error::from)?;
    }
    Ok(Opened {
        file,
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// Reads a whole regular file of at most `max` bytes (see [`open_regular`]). A file that
/// grows while it is read is never read past `max + 1` bytes.
pub fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    read_opened(open_regular(path)?, max).map(|(bytes, _)| bytes)
}

/// Reads an opened file up to `max` bytes; its bytes and what it was like when opened.
pub fn read_opened(opened: Opened, max: u64) -> Result<(Vec<u8>, Opened), ReadError> {
    if opened.len > max {
        return Err(ReadError::TooBig {
            len: opened.len,
            max,
        });
    }
    let mut bytes = Vec::with_capacity(opened.len as usize);
    (&opened.file).take(max + 1).read_to_end(&mut bytes)?;
    let len = bytes.len() as u64;
    if len > max {
        return Err(ReadError::TooBig { len, max });
    }
    Ok((bytes, opened))
}

/// The folder a file is written into: its parent, or the current folder.
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Writes `bytes` to `path`, replacing it: readers see the old file or the whole new one.
/// The folder is created if needed. A crash, a full disk or an error leaves no temporary
/// file behind (the temporary is removed on error).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, Mode::Replace, || Ok(()))
}

/// Writes `bytes` to a new file at `path`, never replacing a file already there (the error
/// is then `AlreadyExists`). Either the whole file appears or none: a failed write (a full
/// disk) leaves nothing, so trying again works.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, Mode::New, || Ok(()))
}

/// Whether a write may replace an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Replace the file if it exists.
    Replace,
    /// Fail with `AlreadyExists` if it exists.
    New,
}

/// [`write_atomic`] or [`write_new`], running `before_rename` once the temporary file is
/// written and synced (tests use it to simulate a crash at that moment).
pub fn write_with(
    path: &Path,
    bytes: &[u8],
    mode: Mode,
    before_rename: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    let dir = folder_of(path);
    std::fs::create_dir_all(dir)?;
    if mode == Mode::New && std::fs::symlink_metadata(path).is_ok() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "a file of that name already exists",
        ));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // An unpredictable name, created with O_EXCL: a planted file or link is never used.
    let prefix = format!(".{}.", crate::text::safe_file_part(&name, 40));
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file (a data file from `init`, an export) is readable like any file the user
    // makes (0644 less the umask); a replaced one (the state) stays private (0600).
    #[cfg(unix)]
    if mode == Mode::New {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    before_rename()?;
    match mode {
        Mode::Replace => tmp.persist(path).map_err(|e| e.error)?,
        Mode::New => tmp.persist_noclobber(path).map_err(|e| e.error)?,
    };
    // Make the rename itself durable.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// An exclusive advisory lock on a lock file beside the file it guards, held until dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    /// The lock file.
    pub path: PathBuf,
}

/// Takes the lock of `path` (the file `.NAME.lock` in the same folder), waiting up to
/// `wait` for another holder to let go. The lock file is never followed if it is a link.
pub fn lock(path: &Path, wait: Duration) -> io::Result<Lock> {
    let dir = folder_of(path);
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lock_path = dir.join(format!(".{name}.lock"));
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true);
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32);
    }
    let file = options.open(&lock_path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other(format!(
            "the lock file {} is not a regular file",
            crate::text::clean_line(&lock_path.display().to_string())
        )));
    }
    let start = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => {
                return Ok(Lock {
                    _file: file,
                    path: lock_path,
                });
            }
            Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    "another liaison is holding the lock; try again",
                ));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mkfifo(path: &Path) -> bool {
        std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success())
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_swapped_in_after_the_check_is_refused_on_the_open_handle() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        if !mkfifo(&path) {
            eprintln!("mkfifo is not available: skipped");
            return;
        }
        // The check before opening is passed (as if the file was regular then): the open
        // itself must neither block nor accept the FIFO.
        match open_checked(&path) {
            Err(ReadError::NotRegular(what)) => assert_eq!(what, "a pipe (FIFO)"),
            other => panic!("a FIFO was accepted: {other:?}"),
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_device_is_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        let err = read_capped(&path, 1 << 20).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file but a device");
        let err = open_checked(&path).unwrap_err();
        assert!(matches!(err, ReadError::NotRegular("a device")), "{err}");
    }

    #[test]
    fn a_file_over_the_cap_is_refused_with_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        std::fs::write(&path, vec![b'x'; 1000]).unwrap();
        assert_eq!(
            read_capped(&path, 999).unwrap_err().to_string(),
            "1000 bytes, over the limit of 999 bytes"
        );
        assert_eq!(read_capped(&path, 1000).unwrap().len(), 1000);
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        // The names the old code would have used, and a few more.
        for name in [
            format!(".state.ron.tmp-{}", std::process::id()),
            ".state.ron.tmp".to_string(),
            ".state.ron.lock".to_string(),
        ] {
            std::os::unix::fs::symlink(&victim, dir.path().join(name)).unwrap();
        }
        let path = dir.path().join("state.ron");
        write_atomic(&path, b"(bookmarks: [])").unwrap();
        assert!(lock(&path, Duration::ZERO).is_err(), "a linked lock file");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "(bookmarks: [])");
    }

    #[test]
    fn a_new_file_never_replaces_one_and_a_failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("card.vcf");
        let crash = write_with(&path, b"BEGIN", Mode::New, || {
            Err(io::Error::other("disk full"))
        });
        assert!(crash.is_err());
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert!(left.is_empty(), "{left:?}");
        write_new(&path, b"BEGIN:VCARD").unwrap();
        let again = write_new(&path, b"other").unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"BEGIN:VCARD");
    }

    #[test]
    fn a_second_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        let first = lock(&path, Duration::ZERO).unwrap();
        let second = lock(&path, Duration::ZERO).unwrap_err();
        assert_eq!(second.kind(), io::ErrorKind::WouldBlock);
        drop(first);
        assert!(lock(&path, Duration::ZERO).is_ok());
    }
}
