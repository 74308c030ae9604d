//! The real browser in a pseudo-terminal, under hostile conditions: data whose names hold
//! escape sequences, a bracketed paste of key-like text, a storm of resizes down to nothing,
//! FIFOs as its state and config files, and SIGTERM, SIGHUP and SIGINT while it runs.
//!
//! The pseudo-terminal harness is shared with tests/e2e.rs (`common/pty.rs`).

mod common;

use common::pty::{COLS, ROWS, Session, contains};
use common::{CSI, OSC52};
use std::path::Path;

/// A CSI sequence no terminal library emits on its own: a window resize request.
const DATA_CSI: &str = "\u{1b}[8;99;99t";

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
    s.wait_text(
        "the hostile names, escaped, in the list and the card",
        |t| {
            t.contains("Zqx Clip\\u{1b}]52;c;ZXZpbA==\\u{7}Board") && t.contains("\\u{1b}[8;99;99t")
        },
    );
    // The other views that show data: links, map, timeline, problems. Each step waits for
    // its screen (an Esc sent right before another key would read as Alt).
    s.send("\r");
    s.wait_text("the links", |t| t.contains("Located in"));
    s.send("m");
    s.wait_text("the map", |t| t.contains(" Map: "));
    s.send("\x1b");
    s.wait_text("the panes", |t| t.contains("Detail"));
    s.send("t");
    s.wait_text("the timeline", |t| t.contains(" Timeline "));
    s.send("\x1b");
    s.wait_text("the panes", |t| t.contains("Detail"));
    s.send("!");
    s.wait_text("the problems", |t| t.contains("Esc to close"));
    s.send("\x1b");
    s.wait_text("the panes", |t| {
        t.contains("Detail") && !t.contains("Esc to close")
    });
    s.send("\x03");
    assert_eq!(s.wait_exit().exit_code(), 0);
    s.assert_terminal_restored();
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
    s.wait_text("the pasted text in the search line", |t| {
        t.lines().any(|l| l.starts_with(" / q/x"))
    });
    assert!(s.running(), "the paste quit the program");
    s.send("\x03");
    assert_eq!(s.wait_exit().exit_code(), 0);
    s.assert_terminal_restored();
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
    s.wait_text("the main screen at full size after the storm", |t| {
        t.contains("Detail") && t.contains("Links") && t.contains("Espoo")
    });
    s.send("\x03");
    assert_eq!(s.wait_exit().exit_code(), 0);
    s.assert_terminal_restored();
}

/// Sends a signal to the running browser; it must restore the terminal, then exit with
/// 128 + the signal number.
fn signal_restores_the_terminal(name: &str, number: u32) {
    let mut s = Session::start(&[]);
    s.wait_main_screen();
    s.send("/shanghai");
    s.wait_text("a search in progress", |t| t.contains(" / shanghai"));
    let before = s.raw_len();
    s.signal(name);
    let code = s.wait_exit().exit_code();
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
    s.assert_terminal_restored();
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

#[test]
fn sigquit_restores_the_terminal_and_exits_131() {
    signal_restores_the_terminal("QUIT", 3);
}

#[test]
fn sigusr1_restores_the_terminal_and_exits_138() {
    signal_restores_the_terminal("USR1", 10);
}

#[test]
fn sigalrm_restores_the_terminal_and_exits_142() {
    signal_restores_the_terminal("ALRM", 14);
}

#[test]
fn closing_the_terminal_keeps_the_place_and_the_recents_for_the_next_run() {
    // SIGHUP is what a terminal window sends when it is closed; SIGTERM what a logout or
    // `kill` sends: neither is `q`, and neither may lose what `q` would have saved.
    for (signal, number, query, id) in [("HUP", 1, "espoo", "espoo"), ("TERM", 15, "soea", "soea")]
    {
        let home = tempfile::tempdir().unwrap();
        let mut s = Session::launch(home.path(), &[]);
        s.wait_main_screen();
        s.send(&format!("/{query}"));
        s.wait_text("the search typed", |t| t.contains(&format!(" / {query}")));
        s.send("\r");
        s.wait_text("the card opened", |t| t.contains("Links"));
        s.signal(signal);
        assert_eq!(s.wait_exit().exit_code(), 128 + number, "SIG{signal}");
        let state = home.path().join("xdg_state_home/liaison/state.ron");
        let text = std::fs::read_to_string(&state)
            .unwrap_or_else(|e| panic!("no state after SIG{signal}: {e}"));
        assert!(text.contains(&format!("entity: Some(\"{id}\")")), "{text}");
        assert!(text.contains("recent: ["), "{text}");
    }
}

/// The state letter of a process (`R`, `S`, `T` for stopped...), from /proc.
#[cfg(target_os = "linux")]
fn process_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces: the state follows the last ')'.
    stat.rsplit_once(')')?.1.trim_start().chars().next()
}

/// Suspends the browser (with `how`), checks that it stopped with the terminal given back
/// to the shell, continues it as `fg` would, and checks that it is whole again.
#[cfg(target_os = "linux")]
fn suspend_and_resume(how: impl Fn(&mut Session)) {
    let mut s = Session::start(&[]);
    s.wait_main_screen();
    s.send("/soea");
    s.wait_text("the association", |t| t.contains("129 Yananxilu"));
    let pid = s.child.process_id().expect("the program's pid");
    how(&mut s);
    s.wait_for("the program stopped with the terminal restored", |v| {
        process_state(pid) == Some('T')
            && !v.screen.alternate_screen()
            && !v.screen.hide_cursor()
            && v.screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
    });
    if let Some((canonical, echo)) = s.line_discipline() {
        assert!(canonical && echo, "stopped in raw mode");
    }
    s.signal("CONT");
    s.wait_for("the whole screen drawn again after fg", |v| {
        v.screen.alternate_screen()
            && v.header().contains("liaison")
            && v.search_line().contains("soea")
            && v.text().contains("129 Yananxilu")
            && v.footer().contains("quit")
    });
    if let Some((canonical, echo)) = s.line_discipline() {
        assert!(!canonical && !echo, "cooked mode after fg");
    }
    s.send("\x03");
    assert_eq!(s.wait_exit().exit_code(), 0);
    s.assert_terminal_restored();
}

#[test]
#[cfg(target_os = "linux")]
fn ctrl_z_suspends_and_fg_brings_the_browser_back_whole() {
    suspend_and_resume(|s| s.send("\x1a"));
}

#[test]
#[cfg(target_os = "linux")]
fn kill_tstp_suspends_and_fg_brings_the_browser_back_whole() {
    suspend_and_resume(|s| s.signal("TSTP"));
}

/// M2 and L4: `state.ron` and `config.ron` are FIFOs with no writer. Both are read before
/// the terminal is taken over, neither is waited on: the browser draws its screen, says the
/// state file was not read, and `q` quits with the terminal restored.
#[test]
#[cfg(unix)]
fn fifos_as_state_and_config_files_leave_the_browser_usable() {
    let home = tempfile::tempdir().expect("temporary home");
    let mut fifos = Vec::new();
    for (dir, file) in [
        ("xdg_state_home", "state.ron"),
        ("xdg_config_home", "config.ron"),
    ] {
        let dir = home.path().join(dir).join("liaison");
        std::fs::create_dir_all(&dir).expect("make the folder");
        fifos.push(dir.join(file));
    }
    for fifo in &fifos {
        let made = std::process::Command::new("mkfifo").arg(fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo is not available: skipped");
            return;
        }
    }
    let mut s = Session::launch(home.path(), &[]);
    s.wait_main_screen();
    s.wait_for("the state file's warning", |v| {
        v.text()
            .contains("not a regular file but a pipe (FIFO): not read")
    });
    s.send("q");
    s.expect_clean_exit();
}
