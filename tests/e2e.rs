//! End-to-end tests: the real `liaison` binary in a pseudo-terminal.
//!
//! Each test spawns the browser in a 120×35 pty (`portable-pty`), feeds everything it
//! writes to a terminal emulator (`vt100`), types keys as a terminal would send them, and
//! waits — by polling the emulated screen, never by sleeping a fixed time — until the screen
//! shows what the step expects. On a timeout the test panics with the screen as it was, so
//! a failure says what the program actually showed.
//!
//! The child runs with a fresh, empty home (`HOME`, `XDG_*`) and without `LIAISON_DATA`,
//! so it always browses the built-in dataset whatever the machine's user has set up.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

const ROWS: u16 = 35;
const COLS: u16 = 120;
/// How long any one step may take; generous for slow, busy CI machines.
const TIMEOUT: Duration = Duration::from_secs(15);
/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(10);

const ENTER: &str = "\r";
const BACKSPACE: &str = "\x7f";
const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";

/// What the reader thread shares with the test: the emulated screen and every byte read.
struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
    /// The pty reached end of file (the program and every copy of the slave are gone).
    eof: bool,
}

/// The text of the emulated screen at one moment, with helpers to find things on it.
struct View {
    screen: vt100::Screen,
}

/// A bordered pane found on screen by its title.
#[derive(Debug)]
struct PaneView {
    /// The pane has the thick border of the focused pane.
    focused: bool,
    /// The title as drawn in the top border, e.g. `Links 2/9`.
    title: String,
    /// The inner lines, trailing spaces removed.
    lines: Vec<String>,
    /// The inner lines drawn with a background colour (the selection bar).
    highlighted: Vec<String>,
}

impl PaneView {
    fn text(&self) -> String {
        self.lines.join("\n")
    }

    fn has_line_starting_with(&self, prefix: &str) -> bool {
        self.lines
            .iter()
            .any(|l| l.trim_start().starts_with(prefix))
    }
}

impl View {
    /// The whole screen as text, one line per row.
    fn text(&self) -> String {
        self.screen.contents()
    }

    fn cell(&self, row: u16, col: u16) -> &str {
        self.screen.cell(row, col).map_or("", |c| c.contents())
    }

    /// The text of columns `from..to` of a row; wide characters count once.
    fn span(&self, row: u16, from: u16, to: u16) -> String {
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

    fn line(&self, row: u16) -> String {
        self.span(row, 0, COLS)
    }

    /// The header bar (first row).
    fn header(&self) -> String {
        self.line(0)
    }

    /// The search line: the row that starts with the ` / ` prompt.
    fn search_line(&self) -> String {
        (0..ROWS)
            .map(|r| self.line(r))
            .find(|l| l.starts_with(" / "))
            .unwrap_or_default()
    }

    /// The pane whose top border starts with `title` (e.g. `Detail`, `Links`, `All`).
    fn pane(&self, title: &str) -> Option<PaneView> {
        const TOP_LEFT: [&str; 3] = ["┌", "┏", "╭"];
        const TOP_RIGHT: [&str; 3] = ["┐", "┓", "╮"];
        const BOTTOM_LEFT: [&str; 3] = ["└", "┗", "╰"];
        let wanted = format!(" {title}");
        for row in 0..ROWS {
            for col in 0..COLS {
                if !TOP_LEFT.contains(&self.cell(row, col)) {
                    continue;
                }
                let end = (col + 1..COLS)
                    .find(|&c| TOP_RIGHT.contains(&self.cell(row, c)))
                    .unwrap_or(COLS);
                let border = self.span(row, col + 1, end);
                if !border.starts_with(&wanted) {
                    continue;
                }
                let bottom = (row + 1..ROWS)
                    .find(|&r| BOTTOM_LEFT.contains(&self.cell(r, col)))
                    .unwrap_or(ROWS);
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
struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Output>>,
    _home: Option<tempfile::TempDir>,
}

impl Session {
    /// Starts `liaison` (the browser) in a fresh 120×35 pty with an empty home.
    fn start() -> Session {
        let home = tempfile::tempdir().expect("temporary home");
        let mut s = Session::launch(home.path(), &[]);
        s._home = Some(home);
        s
    }

    /// Starts `liaison` with `args` in a 120×35 pty, with `home` as its home.
    fn launch(home: &std::path::Path, args: &[&str]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
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
        let child = pty.slave.spawn_command(cmd).expect("spawn liaison");
        // Only the child may hold the slave, so the reader sees end of file when it exits.
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

    fn output(&self) -> MutexGuard<'_, Output> {
        self.output.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn view(&self) -> View {
        View {
            screen: self.output().parser.screen().clone(),
        }
    }

    /// Sends bytes as typed keys.
    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Polls the screen until `done` holds; panics with the screen after [`TIMEOUT`], or
    /// at once if the program has exited without showing it.
    fn wait_for(&mut self, what: &str, done: impl Fn(&View) -> bool) -> View {
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
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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
    fn line_discipline(&self) -> Option<(bool, bool)> {
        // From <termios.h> on Linux; `nix` is not a dependency of the tests.
        const ICANON: u64 = 0o000002;
        const ECHO: u64 = 0o000010;
        let termios = self.master.get_termios()?;
        let flags = u64::from(termios.local_flags.bits());
        Some((flags & ICANON != 0, flags & ECHO != 0))
    }

    #[cfg(not(target_os = "linux"))]
    fn line_discipline(&self) -> Option<(bool, bool)> {
        let _ = &self.master;
        None
    }

    /// Waits for the main screen to be drawn.
    fn wait_main_screen(&mut self) -> View {
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
    fn expect_clean_exit(&mut self) {
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
    fn assert_terminal_restored(&self) {
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

impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The links (not headings or gaps) of a links pane, in order, without indentation.
fn link_rows(links: &PaneView) -> Vec<String> {
    links
        .lines
        .iter()
        .filter(|l| l.starts_with("  ") && !l.trim().is_empty())
        .map(|l| l.trim().to_string())
        .collect()
}

#[test]
fn search_follow_a_link_go_back_and_quit() {
    let mut s = Session::start();

    // 1. The main screen.
    s.wait_main_screen();

    // 2. Live search: the city Espoo ranks first.
    s.send("/");
    s.send("espoo");
    s.wait_for("the search `espoo` with the city Espoo first", |v| {
        let first_row = v.pane("All").and_then(|p| p.lines.first().cloned());
        v.search_line().contains("espoo") && first_row.is_some_and(|r| r.starts_with("cty Espoo"))
    });

    // 3. Enter opens the selection: the focus moves to its links, the first one selected.
    // (A frame reaches the pty in pieces, so everything a step expects is part of the
    // condition waited for, never asserted on a screen that may be half drawn.)
    s.send(ENTER);
    let view = s.wait_for("the links of Espoo, focused, first link selected", |v| {
        v.pane("Links").is_some_and(|p| {
            let first = link_rows(&p).first().cloned().unwrap_or_default();
            p.focused
                && p.title.starts_with("Links 1/")
                && p.has_line_starting_with("Sister cities")
                && p.has_line_starting_with("cty Shanghai")
                && p.highlighted.iter().any(|l| l.trim_start() == first)
        })
    });

    // 4. Down to Shanghai (as many rows as links are listed before it), then follow it.
    let at = link_rows(&view.pane("Links").unwrap())
        .iter()
        .position(|l| l.starts_with("cty Shanghai"))
        .expect("Shanghai among the links");
    s.send(&"j".repeat(at));
    let shanghai_selected = |p: &PaneView| {
        p.title.starts_with(&format!("Links {}/", at + 1))
            && p.highlighted
                .iter()
                .any(|l| l.trim_start().starts_with("cty Shanghai"))
    };
    s.wait_for("Shanghai selected in the links", |v| {
        v.pane("Links").is_some_and(|p| shanghai_selected(&p))
    });
    s.send(ENTER);
    s.wait_for("Shanghai's card, reached from Espoo", |v| {
        v.header().contains("Espoo › Shanghai")
            && v.pane("Detail").is_some_and(|p| {
                p.lines
                    .first()
                    .is_some_and(|l| l.starts_with("Shanghai  上海市"))
            })
    });

    // 5. Back: Espoo again, with the search it was found by, no breadcrumb, and the focus
    // and selected link as they were.
    s.send(BACKSPACE);
    s.wait_for(
        "Espoo again, with the search `espoo` and Shanghai selected in its links",
        |v| {
            v.search_line().contains("espoo")
                && !v.header().contains('›')
                && v.pane("Detail").is_some_and(|p| {
                    p.lines.first().is_some_and(|l| l == "Espoo") && !p.text().contains("上海市")
                })
                && v.pane("Links")
                    .is_some_and(|p| p.focused && shanghai_selected(&p))
        },
    );

    // 6–7. Quit; the terminal is as it was.
    s.send("q");
    s.expect_clean_exit();
}

#[test]
fn ctrl_c_quits_from_search_and_restores_terminal() {
    let mut s = Session::start();
    s.wait_main_screen();
    s.send("/");
    s.send("abc");
    s.wait_for("the search `abc`", |v| {
        v.search_line().starts_with(" / abc")
    });
    s.send(CTRL_C);
    s.expect_clean_exit();
}

#[test]
fn help_overlay_opens_and_closes() {
    let mut s = Session::start();
    s.wait_main_screen();
    s.send("?");
    s.wait_for("the help overlay", |v| {
        let text = v.text();
        text.contains("Keys") && text.contains("back") && text.contains("Backspace")
    });
    s.send(ESC);
    s.wait_for("the help overlay to close", |v| {
        !v.text().contains("Keys — Esc to close")
            && v.pane("Detail").is_some()
            && v.pane("All").is_some()
    });
    s.send("q");
    s.expect_clean_exit();
}

#[test]
fn map_timeline_and_path_views_open_and_close_with_esc() {
    let mut s = Session::start();
    s.wait_main_screen();
    s.send("/espoo");
    s.wait_for("Espoo selected", |v| {
        v.search_line().contains("espoo") && v.text().contains("Coordinates")
    });
    s.send(ESC);
    s.wait_for("the search to be left", |v| v.text().contains("m map"));
    let back_to_panes = |v: &View| v.pane("Detail").is_some() && v.text().contains("m map");

    s.send("m");
    s.wait_for("the world map of Espoo", |v| {
        v.text().contains("Map: Espoo") && v.text().contains("Shanghai")
    });
    s.send(ESC);
    s.wait_for("the panes again after the map", back_to_panes);

    s.send("t");
    s.wait_for("the timeline", |v| {
        v.text().contains("Items per decade") && v.text().contains("1998-09-04")
    });
    s.send(ESC);
    s.wait_for("the panes again after the timeline", back_to_panes);

    s.send("p");
    s.wait_for("the path prompt", |v| {
        v.text().contains("path from Espoo to:")
    });
    s.send("soea");
    s.wait_for("the association as the other end", |v| {
        v.text().contains("Shanghai Overseas Exchange")
    });
    s.send("\r");
    s.wait_for("the chain", |v| {
        let t = v.text();
        t.contains("How are they connected")
            && t.contains("sister city")
            && t.contains("located here")
    });
    s.send(ESC);
    s.wait_for("the panes again after the path", back_to_panes);
    s.send("q");
    s.expect_clean_exit();
}

#[test]
fn a_bookmark_survives_a_restart() {
    let home = tempfile::tempdir().expect("temporary home");
    let mut s = Session::launch(home.path(), &[]);
    s.wait_main_screen();
    s.send("/soea");
    s.wait_for("the association", |v| v.text().contains("129 Yananxilu"));
    s.send(ESC);
    s.wait_for("the search to be left", |v| v.text().contains("m map"));
    s.send("b");
    s.wait_for("the bookmark", |v| {
        v.text()
            .contains("bookmarked Shanghai Overseas Exchange Association")
    });
    s.send("q");
    s.expect_clean_exit();
    drop(s);

    let mut s = Session::launch(home.path(), &[]);
    s.wait_main_screen();
    s.send("7");
    s.wait_for("the bookmark after a restart", |v| {
        v.pane("Bookmarks")
            .is_some_and(|p| p.text().contains("Shanghai Overseas Exchan"))
    });
    s.send("q");
    s.expect_clean_exit();
}

#[test]
fn an_edited_data_file_is_reloaded_without_a_restart() {
    let home = tempfile::tempdir().expect("temporary home");
    let data = home.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let file = data.join("network.ron");
    let original = include_str!("fixtures/browse/network.ron");
    std::fs::write(&file, original).unwrap();
    let mut s = Session::launch(home.path(), &["--data", data.to_str().unwrap()]);
    s.wait_main_screen();
    s.send("/soea");
    s.wait_for("the association", |v| v.text().contains("129 Yananxilu"));
    let edited = original.replace("129 Yananxilu", "129 Yan'an Road West");
    std::fs::write(&file, edited).unwrap();
    s.wait_for("the edited address", |v| {
        let t = v.text();
        t.contains("129 Yan'an Road") && t.contains("reloaded: ~1 organization")
    });
    s.send("\x03");
    s.expect_clean_exit();
}
