//! Waking the event loop, and only when something happened. The loop sleeps in one
//! blocking wait on two things: the terminal (a key, the mouse, a paste) and a doorbell (a
//! pipe) that every other source rings after handing over its news — the search worker
//! with a listing, the data watcher with a change, the loader with a new version, the signal
//! thread with a resize (SIGWINCH), a return from a stop (SIGCONT) or a request to stop
//! (SIGTERM, SIGHUP, SIGINT). So an idle browser
//! makes no system call at all until one of them speaks, and a signal is noticed at once.
//!
//! [`ring`] may be called from any thread, any number of times: at most one byte is ever in
//! the pipe, so ringing never blocks. A source always hands over its news *before* ringing,
//! and the loop clears the bell *before* looking at the sources, so no news is left
//! unseen. This module only waits and wakes; it never reads an event itself (crossterm
//! does) and never touches the state.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

/// Set while a byte is in the doorbell pipe (or about to be): no second byte is written.
static RUNG: AtomicBool = AtomicBool::new(false);
/// Set by the signal thread on SIGWINCH: the terminal changed size.
static RESIZED: AtomicBool = AtomicBool::new(false);
/// Set by the signal thread on SIGTERM, SIGHUP or SIGINT: the signal's number.
static TERMINATE: AtomicI32 = AtomicI32::new(0);

/// The doorbell pipe (read end, write end), once a [`Doorbell`] exists.
#[cfg(unix)]
static BELL: std::sync::OnceLock<(std::io::PipeReader, std::io::PipeWriter)> =
    std::sync::OnceLock::new();

/// Wakes the event loop (from any thread). Does nothing before the loop has a doorbell.
pub fn ring() {
    #[cfg(unix)]
    if let Some((_, bell)) = BELL.get()
        && !RUNG.swap(true, Ordering::SeqCst)
    {
        use std::io::Write;
        let _ = (&*bell).write(&[1]);
    }
}

/// Notes that the terminal changed size, and wakes the loop.
pub fn resized() {
    RESIZED.store(true, Ordering::SeqCst);
    ring();
}

/// Notes that signal `signal` asked the browser to stop, and wakes the loop. Whether it
/// had been asked already (then the caller should not wait any longer).
pub fn terminate(signal: i32) -> bool {
    let before = TERMINATE.swap(signal, Ordering::SeqCst);
    ring();
    before != 0
}

/// The signal that asked the browser to stop, if one did.
pub fn terminated() -> Option<i32> {
    Some(TERMINATE.load(Ordering::SeqCst)).filter(|&s| s != 0)
}

/// Whether the terminal changed size since the last call.
pub fn take_resized() -> bool {
    RESIZED.swap(false, Ordering::SeqCst)
}

/// The waiting side: the terminal's input and the read end of the doorbell.
#[cfg(unix)]
pub struct Doorbell {
    bell: &'static std::io::PipeReader,
    /// `/dev/tty`, opened once, when standard input is not the terminal.
    tty: Option<std::fs::File>,
}

#[cfg(unix)]
impl Doorbell {
    /// The doorbell (one pipe per process, made on first use) and the terminal.
    pub fn new() -> std::io::Result<Doorbell> {
        use std::io::IsTerminal;
        if BELL.get().is_none() {
            // Two threads racing here make two pipes; one is kept, both work.
            let _ = BELL.set(std::io::pipe()?);
        }
        let bell = BELL
            .get()
            .map(|(r, _)| r)
            .ok_or_else(|| std::io::Error::other("no doorbell"))?;
        // crossterm reads standard input when it is the terminal, else /dev/tty.
        let tty = if std::io::stdin().is_terminal() {
            None
        } else {
            Some(std::fs::File::open("/dev/tty")?)
        };
        Ok(Doorbell { bell, tty })
    }

    /// Sleeps until the terminal has input or the bell rings, or `timeout` passes (`None`:
    /// no timeout). A signal that interrupts the wait counts as a ring; a terminal hung up
    /// is an error.
    pub fn wait(&mut self, timeout: Option<Duration>) -> std::io::Result<()> {
        use rustix::event::{PollFd, PollFlags, Timespec};
        use std::os::fd::AsFd;
        let stdin = std::io::stdin();
        let tty = match &self.tty {
            Some(f) => f.as_fd(),
            None => stdin.as_fd(),
        };
        // A limit too long for a timespec is no limit.
        let limit = timeout.and_then(|t| Timespec::try_from(t).ok());
        let mut fds = [
            PollFd::from_borrowed_fd(tty, PollFlags::IN),
            PollFd::new(self.bell, PollFlags::IN),
        ];
        match rustix::event::poll(&mut fds, limit.as_ref()) {
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(e.into()),
        }
        let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
        if fds[0].revents().intersects(gone) {
            // Waiting again would return at once, for ever: a busy loop.
            return Err(std::io::Error::new(
                std::io::ErrorKind::BrokenPipe,
                "the terminal is gone",
            ));
        }
        if !fds[1].revents().is_empty() {
            use std::io::Read;
            let mut byte = [0u8; 8];
            let _ = { self.bell }.read(&mut byte);
            // Cleared after the byte is read: a ring from now on writes a new one.
            RUNG.store(false, Ordering::SeqCst);
        }
        Ok(())
    }
}
