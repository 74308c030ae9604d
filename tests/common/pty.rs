//! One pseudo-terminal harness for every test of the real binary (`tests/e2e.rs`,
//! `tests/terminal.rs`): the browser runs in a pty (`portable-pty`) with a fresh, empty
//! home; everything it writes goes both into a terminal emulator (`vt100`) and into a raw
//! byte log; keys are typed as a terminal sends them; waits poll the emulated screen with a
//! timeout and never sleep a fixed time. On a timeout a test panics with the screen as it
//! was, so a failure says what the program actually showed.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

/// The default screen: rows.
pub const ROWS: u16 = 35;
/// The default screen: columns.
pub const COLS: u16 = 120;
/// How long any one step may take; generous for slow, busy CI machines.
const TIMEOUT: Duration = Duration::from_secs(15);
/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(10);

pub const ENTER: &str = "\r";
pub const BACKSPACE: &str = "\x7f";
pub const ESC: &str = "\x1b";
pub const CTRL_C: &str = "\x03";

/// What the reader thread shares with the test: the emulated screen and every byte read.
pub struct Output {
    /// The emulated terminal.
    pub parser: vt100::Parser,
    /// Every byte the program wrote.
    pub raw: Vec<u8>,
    /// The pty reached end of file (the program and every copy of the slave are gone).
    pub eof: bool,
}

/// The text of the emulated screen at one moment, with helpers to find things on it.
pub struct View {
    /// The emulated screen.
    pub screen: vt100::Screen,
}

/// A bordered pane found on screen by its title.
#[derive(Debug)]
pub struct PaneView {
    /// The pane has the thick border of the focused pane.
    pub focused: bool,
    /// The title as drawn in the top border, e.g. `Links 2/9`.
    pub title: String,
    /// The inner lines, trailing spaces removed.
    pub lines: Vec<String>,
    /// The inner lines drawn with a background colour (the selection bar).
    pub highlighted: Vec<String>,
}

impl PaneView {
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    pub fn has_line_starting_with(&self, prefix: &str) -> bool {
        self.lines
            .iter()
            .any(|l| l.trim_start().starts_with(prefix))
    }
}

impl View {
    /// The whole screen as text, one line per row.
    pub fn text(&self) -> String {
        self.screen.contents()
    }

    pub fn cell(&self, row: u16, col: u16) -> &str {
        self.screen.cell(row, col).map_or("", |c| c.contents())
    }

    /// The text of columns `from..to` of a row; wide characters count once.
    pub fn span(&self, row: u16, from: u16, to: u16) -> String {
        let mut s = String::new();
        for col in from..to {
            let Some(cell) = self.screen.cell(row, col) else {
                break;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            match cell.contents() {
                "" => s.push(' '),
                c => s.push_str(c),
            }
        }
        s.trim_end().to_string()
    }

    /// The screen's rows and columns.
    pub fn size(&self) -> (u16, u16) {
        let (r, c) = self.screen.size();
        (r.get(), c.get())
    }

    /// The text of one row.
    pub fn line(&self, row: u16) -> String {
        self.span(row, 0, self.size().1)
    }

    /// The last row: the footer's keys.
    pub fn footer(&self) -> String {
        self.line(self.size().0.saturating_sub(1))
    }

    /// The header bar (first row).
    pub fn header(&self) -> String {
        self.line(0)
    }

    /// The search line: the row that starts with the ` / ` prompt.
    pub fn search_line(&self) -> String {
        (0..self.size().0)
            .map(|r| self.line(r))
            .find(|l| l.starts_with(" / "))
            .unwrap_or_default()
    }

    /// The pane whose top border starts with `title` (e.g. `Detail`, `Links`, `All`).
    pub fn pane(&self, title: &str) -> Option<PaneView> {
        const TOP_LEFT: [&str; 3] = ["┌", "┏", "╭"];
        const TOP_RIGHT: [&str; 3] = ["┐", "┓", "╮"];
        const BOTTOM_LEFT: [&str; 3] = ["└", "┗", "╰"];
        let wanted = format!(" {title}");
        let (rows, cols) = self.size();
        for row in 0..rows {
            for col in 0..cols {
                if !TOP_LEFT.contains(&self.cell(row, col)) {
                    continue;
                }
                let end = (col + 1..cols)
                    .find(|&c| TOP_RIGHT.contains(&self.cell(row, c)))
                    .unwrap_or(cols);
                let border = self.span(row, col + 1, end);
                if !border.starts_with(&wanted) {
                    continue;
                }
                let bottom = (row + 1..rows)
                    .find(|&r| BOTTOM_LEFT.contains(&self.cell(r, col)))
                    .unwrap_or(rows);
                let title = border.trim_matches(|c: char| "─━ ".contains(c)).to_string();
                let mut lines = Vec::new();
                let mut highlighted = Vec::new();
                for r in row + 1..bottom {
                    let text = self.span(r, col + 1, end);
                    let lit = (col + 1..end).any(|c| {
                        self.screen
                            .cell(r, c)
                            .is_some_and(|cell| cell.bgcolor() != vt100::Color::Default)
                    });
                    if lit {
                        highlighted.push(text.clone());
                    }
                    lines.push(text);
                }
                return Some(PaneView {
                    focused: self.cell(row, col) == "┏",
                    title,
                    lines,
                    highlighted,
                });
            }
        }
        None
    }
}

/// The browser running in a pty. Dropping it kills the program if it still runs, so a
/// failing test never leaves it behind.
pub struct Session {
    /// The program.
    pub child: Box<dyn Child + Send + Sync>,
    /// The pty.
    pub master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Output>>,
    /// The temporary home, removed with the session.
    pub _home: Option<tempfile::TempDir>,
}

impl Session {
    /// Starts `liaison ARGS` (the browser) in a fresh 120×35 pty with an empty home.
    pub fn start(args: &[&str]) -> Session {
        let home = tempfile::tempdir().expect("temporary home");
        let mut s = Session::launch(home.path(), args);
        s._home = Some(home);
        s
    }

    /// Starts `liaison ARGS` in a 120×35 pty, with `home` as its home.
    pub fn launch(home: &Path, args: &[&str]) -> Session {
        Session::launch_sized(home, args, ROWS, COLS)
    }

    /// Starts `liaison ARGS` in a `rows` × `cols` pty, with `home` as its home.
    pub fn launch_sized(home: &Path, args: &[&str], rows: u16, cols: u16) -> Session {
        Session::launch_with_env(home, args, rows, cols, &[])
    }

    /// Starts `liaison ARGS` in a `rows` × `cols` pty, with `home` as its home and the
    /// variables `env` set (e.g. `EDITOR`).
    pub fn launch_with_env(
        home: &Path,
        args: &[&str],
        rows: u16,
        cols: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system()
            .openpty(size(rows, cols))
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_liaison"));
        cmd.args(args);
        cmd.cwd(home);
        for var in ["LIAISON_DATA", "COLUMNS", "LINES", "NO_COLOR"] {
            cmd.env_remove(var);
        }
        cmd.env("HOME", home);
        for var in ["XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"] {
            cmd.env(var, home.join(var.to_lowercase()));
        }
        cmd.env("TERM", "xterm-256color");
        for (var, value) in env {
            cmd.env(var, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn liaison");
        // Only the child may hold the slave, so the reader sees end of file when it exits.
        drop(pty.slave);

        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(
                NonZeroU16::new(rows.max(1)).unwrap(),
                NonZeroU16::new(cols.max(1)).unwrap(),
                0,
            ),
            raw: Vec::new(),
            eof: false,
        }));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let shared = Arc::clone(&output);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        let mut out = shared.lock().unwrap_or_else(|e| e.into_inner());
                        out.parser.process(&buf[..n]);
                        out.raw.extend_from_slice(&buf[..n]);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    // Linux reports EIO once the slave side is closed for good.
                    Err(_) => break,
                }
            }
            shared.lock().unwrap_or_else(|e| e.into_inner()).eof = true;
        });
        let writer = pty.master.take_writer().expect("pty writer");
        Session {
            child,
            master: pty.master,
            writer,
            output,
            _home: None,
        }
    }

    pub fn output(&self) -> MutexGuard<'_, Output> {
        self.output.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn view(&self) -> View {
        View {
            screen: self.output().parser.screen().clone(),
        }
    }

    /// Sends bytes as typed keys.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Polls the screen until `done` holds; panics with the screen after [`TIMEOUT`], or
    /// at once if the program has exited without showing it.
    pub fn wait_for(&mut self, what: &str, done: impl Fn(&View) -> bool) -> View {
        let start = Instant::now();
        loop {
            let (view, eof) = {
                let out = self.output();
                (
                    View {
                        screen: out.parser.screen().clone(),
                    },
                    out.eof,
                )
            };
            if done(&view) {
                return view;
            }
            let exited = eof || matches!(self.child.try_wait(), Ok(Some(_)));
            if exited || start.elapsed() > TIMEOUT {
                // One last look: output may have arrived just before the exit was seen.
                let view = self.view();
                if done(&view) {
                    return view;
                }
                let why = if exited {
                    "the program exited".to_string()
                } else {
                    format!("timed out after {TIMEOUT:?}")
                };
                panic!(
                    "{why} waiting for {what}\n--- screen ---\n{}\n--------------",
                    view.text()
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits for the program to exit and for its last output to be read; returns its exit
    /// status.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                break status;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "the program did not exit within {TIMEOUT:?}\n--- screen ---\n{}\n---",
                    self.view().text()
                );
            }
            thread::sleep(POLL);
        };
        while !self.output().eof {
            if start.elapsed() > TIMEOUT {
                panic!("the program exited but its pty never reached end of file");
            }
            thread::sleep(POLL);
        }
        status
    }

    /// The pty's local-mode flags (`c_lflag`): whether it is canonical and echoing.
    #[cfg(target_os = "linux")]
    pub fn line_discipline(&self) -> Option<(bool, bool)> {
        // From <termios.h> on Linux; `nix` is not a dependency of the tests.
        const ICANON: u64 = 0o000002;
        const ECHO: u64 = 0o000010;
        let termios = self.master.get_termios()?;
        let flags = u64::from(termios.local_flags.bits());
        Some((flags & ICANON != 0, flags & ECHO != 0))
    }

    #[cfg(not(target_os = "linux"))]
    pub fn line_discipline(&self) -> Option<(bool, bool)> {
        let _ = &self.master;
        None
    }

    /// Waits for the main screen to be drawn.
    pub fn wait_main_screen(&mut self) -> View {
        let view = self.wait_for("the main screen (header, tabs, panes)", |v| {
            v.header().contains("liaison")
                && v.line(1).contains("All")
                && v.search_line().starts_with(" / ")
                && v.pane("Detail").is_some()
                && v.pane("Links").is_some()
        });
        // The program must have put the terminal in raw mode while it runs.
        if let Some((canonical, echo)) = self.line_discipline() {
            assert!(
                !canonical && !echo,
                "the terminal is not in raw mode while browsing (ICANON {canonical}, ECHO {echo})"
            );
        }
        view
    }

    /// Quits: waits for a successful exit and checks the terminal is restored.
    pub fn expect_clean_exit(&mut self) {
        let status = self.wait_exit();
        assert!(
            status.success(),
            "liaison exited with {status:?}\n--- screen ---\n{}",
            self.view().text()
        );
        self.assert_terminal_restored();
    }

    /// The program undid everything it set up: alternate screen, hidden cursor, mouse
    /// capture, bracketed paste and raw mode.
    pub fn assert_terminal_restored(&self) {
        let out = self.output();
        let raw = &out.raw;
        let last = |seq: &str| {
            raw.windows(seq.len())
                .rposition(|w| w == seq.as_bytes())
                .map(|i| i as isize)
                .unwrap_or(-1)
        };
        let printable = String::from_utf8_lossy(raw).replace('\x1b', "^[");
        let tail: String = {
            let chars: Vec<char> = printable.chars().collect();
            chars[chars.len().saturating_sub(400)..].iter().collect()
        };
        assert!(
            last("\x1b[?1049h") >= 0,
            "the program never entered the alternate screen; output ends: {tail}"
        );
        // Each mode the program turned on, and the sequence that turns it off again.
        let pairs = [
            ("alternate screen", "\x1b[?1049h", "\x1b[?1049l"),
            ("hidden cursor", "\x1b[?25l", "\x1b[?25h"),
            ("mouse capture (1000)", "\x1b[?1000h", "\x1b[?1000l"),
            ("mouse capture (1002)", "\x1b[?1002h", "\x1b[?1002l"),
            ("mouse capture (1003)", "\x1b[?1003h", "\x1b[?1003l"),
            ("mouse capture (SGR 1006)", "\x1b[?1006h", "\x1b[?1006l"),
            ("bracketed paste", "\x1b[?2004h", "\x1b[?2004l"),
        ];
        for (what, on, off) in pairs {
            assert!(
                last(off) > last(on),
                "{what} not turned off after the last time it was turned on \
                 (last on at {}, last off at {}); output ends: {tail}",
                last(on),
                last(off)
            );
        }
        // The emulator, having seen every byte, agrees.
        let screen = out.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting still on"
        );
        assert!(!screen.bracketed_paste(), "bracketed paste still on");
        drop(out);
        // Cooked mode again: line editing and echo, as the shell expects.
        if let Some((canonical, echo)) = self.line_discipline() {
            assert!(
                canonical && echo,
                "the terminal was left in raw mode (ICANON {canonical}, ECHO {echo})"
            );
        }
    }
}

impl Session {
    /// Polls the screen's text until `done` holds (see [`Session::wait_for`]).
    pub fn wait_text(&mut self, what: &str, done: impl Fn(&str) -> bool) -> String {
        self.wait_for(what, |v| done(&v.text())).text()
    }

    /// Resizes the pty (the program gets SIGWINCH) and, when it has a size, the emulator.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        // The emulated screen takes the new size before the program can draw for it: the
        // reader waits on the lock until both have changed, so a frame drawn for the new
        // size is never read into the old one (and then cut).
        let mut out = self.output.lock().unwrap_or_else(|e| e.into_inner());
        if let (Some(r), Some(c)) = (NonZeroU16::new(rows), NonZeroU16::new(cols)) {
            out.parser.set_size(r, c);
        }
        self.master
            .resize(size(rows, cols))
            .expect("resize the pty");
        drop(out);
    }

    /// Sends a signal to the program with `kill`.
    pub fn signal(&mut self, name: &str) {
        let pid = self.child.process_id().expect("the program's pid");
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(pid.to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} {pid} failed");
    }

    /// Everything the program wrote after byte `from` of its output.
    pub fn raw_since(&self, from: usize) -> Vec<u8> {
        self.output().raw[from..].to_vec()
    }

    /// How many bytes the program has written.
    pub fn raw_len(&self) -> usize {
        self.output().raw.len()
    }

    /// Whether the program still runs.
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

/// A pty size.
pub fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// Whether `needle` occurs in `haystack`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
