//! A progress line on stderr while a large dataset loads, so that seconds of loading never
//! look like a hang. Quiet below [`LARGE`]: small data loads faster than a line could be
//! read, and tests see no difference.
//!
//! On a terminal it is one line, rewritten at each stage and cleared at the end; otherwise
//! (a log, a pipe) each stage is a line of its own.

use std::io::{IsTerminal, Write};
use std::time::Instant;

/// Data this large (all files together) gets a progress line: a few hundred thousand
/// entities, about a second of loading.
pub const LARGE: u64 = 128 << 20;

/// The progress of one load.
#[derive(Debug)]
pub struct Progress {
    on: std::cell::Cell<bool>,
    tty: bool,
    started: Instant,
    silent: bool,
}

impl Default for Progress {
    fn default() -> Self {
        Progress::new()
    }
}

impl Progress {
    /// A progress line, silent until [`Progress::begin`] finds the data large.
    pub fn new() -> Progress {
        Progress {
            on: std::cell::Cell::new(false),
            tty: std::io::stderr().is_terminal(),
            started: Instant::now(),
            silent: false,
        }
    }

    /// A progress that never shows, whatever the size: for loads while the browser owns
    /// the screen (a live reload), where a line on stderr would be drawn over it.
    pub fn silent() -> Progress {
        Progress {
            silent: true,
            ..Progress::new()
        }
    }

    /// Whether stages are being shown.
    pub fn showing(&self) -> bool {
        self.on.get()
    }

    /// The data read is `bytes` long: from now on, stages are shown if that is large.
    pub fn begin(&self, bytes: u64) {
        if bytes >= LARGE && !self.silent {
            self.on.set(true);
            self.stage(&format!("read {} MB of data", bytes / 1_000_000));
        }
    }

    /// What the load is doing now.
    pub fn stage(&self, what: &str) {
        if !self.on.get() {
            return;
        }
        let secs = self.started.elapsed().as_secs_f64();
        let mut err = std::io::stderr().lock();
        let _ = if self.tty {
            write!(err, "\r\x1b[Kliaison: {what}… {secs:.1} s")
        } else {
            writeln!(err, "liaison: {what}… {secs:.1} s")
        };
        let _ = err.flush();
    }

    /// The load is over: clears the line (on a terminal) or says how long it took.
    pub fn finish(&self, entities: usize) {
        if !self.on.get() {
            return;
        }
        let secs = self.started.elapsed().as_secs_f64();
        let mut err = std::io::stderr().lock();
        let _ = if self.tty {
            write!(err, "\r\x1b[K")
        } else {
            writeln!(err, "liaison: {entities} entities loaded in {secs:.1} s")
        };
        let _ = err.flush();
        self.on.set(false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_silent_progress_shows_nothing_even_for_large_data() {
        let silent = Progress::silent();
        silent.begin(LARGE * 4);
        assert!(!silent.showing());
        let loud = Progress::new();
        loud.begin(LARGE);
        assert!(loud.showing());
        loud.finish(0);
    }
}
