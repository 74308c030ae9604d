//! The real browser in a pseudo-terminal, under hostile conditions: data whose names hold
//! escape sequences, a bracketed paste of key-like text, a storm of resizes down to nothing,
//! and SIGTERM, SIGHUP and SIGINT while it runs.
//!
//! Like tests/e2e.rs, everything the program writes goes both into a terminal emulator
//! (`vt100`) and into a raw byte log; waits poll the emulated screen with a timeout and
//! never sleep a fixed time.

mod common;

use common::{CSI, OSC52};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

const ROWS: u16 = 35;
const COLS: u16 = 120;
/// How long any one step may take; generous for slow, busy CI machines.
const TIMEOUT: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(10);

/// A CSI sequence no terminal library emits on its own: a window resize request.
const DATA_CSI: &str = "\u{1b}[8;99;99t";

struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
    eof: bool,
}

/// The browser running in a pty; dropping it kills the program if it still runs.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Output>>,
    _home: tempfile::TempDir,
}

impl Session {
    /// Starts `liaison ARGS` in a 120×35 pty with an empty home.
    fn start(args: &[&str]) -> Session {
        let home = tempfile::tempdir().expect("temporary home");
        let pty = native_pty_system()
            .openpty(size(ROWS, COLS))
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_liaison"));
        cmd.args(args);
        cmd.cwd(home.path());
        for var in ["LIAISON_DATA", "COLUMNS", "LINES", "NO_COLOR"] {
            cmd.env_remove(var);
        }
        cmd.env("HOME", home.path());
        for var in ["XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"] {
            cmd.env(var, home.path().join(var.to_lowercase()));
        }
        cmd.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(cmd).expect("spawn liaison");
        drop(pty.slave);
        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(
                NonZeroU16::new(ROWS).unwrap(),
                NonZeroU16::new(COLS).unwrap(),
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
            _home: home,
        }
    }

    fn output(&self) -> MutexGuard<'_, Output> {
        self.output.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn screen_text(&self) -> String {
        self.output().parser.screen().contents()
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Polls the screen until `done` holds; panics with the screen on timeout or exit.
    fn wait_for(&mut self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let (text, eof) = {
                let out = self.output();
                (out.parser.screen().contents(), out.eof)
            };
            if done(&text) {
                return text;
            }
            let exited = eof || matches!(self.child.try_wait(), Ok(Some(_)));
            if exited || start.elapsed() > TIMEOUT {
                let text = self.screen_text();
                if done(&text) {
                    return text;
                }
                panic!(
                    "{} waiting for {what}\n--- screen ---\n{text}\n--------------",
                    if exited {
                        "the program exited"
                    } else {
                        "timed out"
                    }
                );
            }
            thread::sleep(POLL);
        }
    }

    fn wait_main_screen(&mut self) {
        self.wait_for("the main screen", |t| {
            t.contains("liaison") && t.contains("Detail") && t.contains("Links")
        });
    }

    /// Resizes the pty (the program gets SIGWINCH) and, when it has a size, the emulator.
    fn resize(&mut self, rows: u16, cols: u16) {
        self.master
            .resize(size(rows, cols))
            .expect("resize the pty");
        if let (Some(r), Some(c)) = (NonZeroU16::new(rows), NonZeroU16::new(cols)) {
            self.output().parser.set_size(r, c);
        }
    }

    /// Sends a signal to the program with `kill`.
    fn signal(&mut self, name: &str) {
        let pid = self.child.process_id().expect("the program's pid");
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(pid.to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} {pid} failed");
    }

    /// Waits for the exit and for the last output; returns the exit code.
    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                break status;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the program did not exit\n{}",
                self.screen_text()
            );
            thread::sleep(POLL);
        };
        while !self.output().eof {
            assert!(start.elapsed() < TIMEOUT, "no end of file after the exit");
            thread::sleep(POLL);
        }
        status.exit_code()
    }

    /// Everything the program wrote after byte `from` of its output.
    fn raw_since(&self, from: usize) -> Vec<u8> {
        self.output().raw[from..].to_vec()
    }

    fn raw_len(&self) -> usize {
        self.output().raw.len()
    }

    /// The terminal is as the shell left it: normal screen, cursor shown, no mouse
    /// reporting, no bracketed paste, and cooked mode (line editing and echo).
    fn assert_restored(&self) {
        {
            let out = self.output();
            let screen = out.parser.screen();
            assert!(!screen.alternate_screen(), "still on the alternate screen");
            assert!(!screen.hide_cursor(), "the cursor is still hidden");
            assert_eq!(
                screen.mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "mouse reporting still on"
            );
            assert!(!screen.bracketed_paste(), "bracketed paste still on");
        }
        #[cfg(target_os = "linux")]
        if let Some(termios) = self.master.get_termios() {
            // From <termios.h> on Linux.
            const ICANON: u64 = 0o000002;
            const ECHO: u64 = 0o000010;
            let flags = u64::from(termios.local_flags.bits());
            assert!(
                flags & ICANON != 0 && flags & ECHO != 0,
                "the terminal was left in raw mode"
            );
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A data file whose names and texts hold an OSC 52 clipboard write and CSI sequences.
fn hostile_data(dir: &Path) -> String {
    let path = dir.join("hostile.ron");
    let text = format!(
        "[\n    Organization(id: \"zq-org\", name: \"Zqx Clip{OSC52}Board{DATA_CSI}Club\", \
         native_name: \"{CSI}\u{9b}1m\u{202e}txt\", \
         description: \"copy {OSC52} and \u{1b}]8;;http://evil.example/\u{7}link\", \
         city: \"zq-city\", founded: \"1990\", sources: [\"{DATA_CSI}\"]),\n    City(id: \"zq-city\", name: \"Zqx City{DATA_CSI}\", \
         country: \"X{OSC52}\", sources: [\"s\"]),\n]\n"
    );
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn data_with_escape_sequences_never_reaches_the_terminal_as_controls() {
    let dir = tempfile::tempdir().unwrap();
    let data = hostile_data(dir.path());
    let mut s = Session::start(&["--data", &data]);
    s.wait_main_screen();
    // "zqx clip" matches only the organization, so its card is shown whatever the ranking.
    s.send("/zqx clip");
    s.wait_for(
        "the hostile names, escaped, in the list and the card",
        |t| {
            t.contains("Zqx Clip\\u{1b}]52;c;ZXZpbA==\\u{7}Board") && t.contains("\\u{1b}[8;99;99t")
        },
    );
    // The other views that show data: links, map, timeline, problems. Each step waits for
    // its screen (an Esc sent right before another key would read as Alt).
    s.send("\r");
    s.wait_for("the links", |t| t.contains("Located in"));
    s.send("m");
    s.wait_for("the map", |t| t.contains(" Map: "));
    s.send("\x1b");
    s.wait_for("the panes", |t| t.contains("Detail"));
    s.send("t");
    s.wait_for("the timeline", |t| t.contains(" Timeline "));
    s.send("\x1b");
    s.wait_for("the panes", |t| t.contains("Detail"));
    s.send("!");
    s.wait_for("the problems", |t| t.contains("Esc to close"));
    s.send("\x1b");
    s.wait_for("the panes", |t| {
        t.contains("Detail") && !t.contains("Esc to close")
    });
    s.send("\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
    let raw = s.raw_since(0);
    assert!(
        !contains(&raw, b"\x1b]52"),
        "an OSC 52 reached the terminal"
    );
    assert!(
        !contains(&raw, b"\x1b]8;;"),
        "an OSC 8 link reached the terminal"
    );
    assert!(
        !contains(&raw, DATA_CSI.as_bytes()),
        "the data's CSI reached the terminal"
    );
    assert!(!contains(&raw, b"\x07"), "a BEL reached the terminal");
    assert!(
        !contains(&raw, "\u{9b}".as_bytes()),
        "a C1 CSI reached the terminal"
    );
    assert!(
        !contains(&raw, "\u{202e}".as_bytes()),
        "an RTL override reached the terminal"
    );
}

#[test]
fn a_bracketed_paste_is_text_in_the_search_line_not_keys() {
    let mut s = Session::start(&[]);
    s.wait_main_screen();
    // `q` would quit and `/` would start a search if they were keys.
    s.send("\x1b[200~q/x\x1b[201~");
    s.wait_for("the pasted text in the search line", |t| {
        t.lines().any(|l| l.starts_with(" / q/x"))
    });
    assert!(
        matches!(s.child.try_wait(), Ok(None)),
        "the paste quit the program"
    );
    s.send("\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_storm_of_resizes_down_to_nothing_never_breaks_the_browser() {
    let mut s = Session::start(&[]);
    s.wait_main_screen();
    let sizes = [
        (1, 1),
        (0, 0),
        (200, 500),
        (2, 80),
        (35, 1),
        (3, 3),
        (0, 120),
        (60, 20),
        (24, 79),
        (24, 80),
    ];
    for _ in 0..3 {
        for (rows, cols) in sizes {
            s.resize(rows, cols);
        }
    }
    s.send("/espoo");
    s.resize(ROWS, COLS);
    s.wait_for("the main screen at full size after the storm", |t| {
        t.contains("Detail") && t.contains("Links") && t.contains("Espoo")
    });
    s.send("\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

/// Sends a signal to the running browser; it must restore the terminal, then exit with
/// 128 + the signal number.
fn signal_restores_the_terminal(name: &str, number: u32) {
    let mut s = Session::start(&[]);
    s.wait_main_screen();
    s.send("/shanghai");
    s.wait_for("a search in progress", |t| t.contains(" / shanghai"));
    let before = s.raw_len();
    s.signal(name);
    let code = s.wait_exit();
    assert_eq!(code, 128 + number, "exit status after SIG{name}");
    let after = s.raw_since(before);
    let printable = String::from_utf8_lossy(&after).replace('\x1b', "^[");
    for (what, seq) in [
        ("leave the alternate screen", "\x1b[?1049l"),
        ("show the cursor", "\x1b[?25h"),
        ("stop mouse reporting", "\x1b[?1000l"),
        ("stop bracketed paste", "\x1b[?2004l"),
    ] {
        assert!(
            contains(&after, seq.as_bytes()),
            "after SIG{name} the program did not {what}; it wrote: {printable}"
        );
    }
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    signal_restores_the_terminal("TERM", 15);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    signal_restores_the_terminal("HUP", 1);
}

#[test]
fn sigint_restores_the_terminal_and_exits_130() {
    signal_restores_the_terminal("INT", 2);
}
