//! Editing in place (`e`) with the real browser in a pseudo-terminal: the editor named by
//! `EDITOR` (a script that records its arguments and the terminal's mode) runs with `+LINE`
//! and the file holding the entity, on the normal screen in cooked mode; afterwards the
//! browser has the terminal again in raw mode and keys work. On the built-in dataset the
//! browser offers `liaison init` first.

mod common;

use common::pty::{COLS, ENTER, ESC, ROWS, Session};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

/// Writes an editor script into `home` that records its arguments (one a line) and the
/// terminal's `stty -a` into `home/editor-args` and `home/editor-stty`, then runs `then`.
fn recording_editor(home: &Path, then: &str) -> PathBuf {
    let script = home.join("record-editor");
    let text = format!(
        "#!/bin/sh\nstty -a > '{dir}/editor-stty' 2>&1\nprintf '%s\\n' \"$@\" > '{dir}/editor-args.tmp'\nmv '{dir}/editor-args.tmp' '{dir}/editor-args'\n{then}\n",
        dir = home.display()
    );
    std::fs::write(&script, text).expect("write the editor script");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
            .expect("make it executable");
    }
    script
}

/// The editor's arguments, once it has run (waits for the file, at most 15 s).
fn editor_args(home: &Path, s: &Session) -> Vec<String> {
    let path = home.join("editor-args");
    let start = Instant::now();
    while !path.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the editor never ran\n--- screen ---\n{}",
            s.view().text()
        );
        thread::sleep(Duration::from_millis(10));
    }
    let text = std::fs::read_to_string(path).expect("read the editor's arguments");
    text.lines().map(str::to_string).collect()
}

/// `liaison init` into the home's data directory, as the session sets it.
fn init(home: &Path) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_liaison"))
        .arg("init")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("xdg_data_home"))
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run liaison init");
    assert!(status.success());
}

/// The line of `file` the editor was sent to holds SOEA's id.
fn assert_opens_soea(args: &[String], data_dir: &Path) {
    assert_eq!(args.len(), 2, "+LINE and the file: {args:?}");
    let line: usize = args[0]
        .strip_prefix('+')
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("the first argument is +LINE: {args:?}"));
    let file = Path::new(&args[1]);
    assert!(file.is_absolute(), "{file:?}");
    assert!(file.starts_with(data_dir), "{file:?} is in {data_dir:?}");
    let text = std::fs::read_to_string(file).expect("read the file edited");
    let around: Vec<&str> = text.lines().skip(line.saturating_sub(1)).take(3).collect();
    assert!(
        around.iter().any(|l| l.contains("\"soea\"")),
        "line {line} of {file:?} does not start SOEA: {around:?}"
    );
}

/// The editor ran on the normal screen in cooked mode (the terminal was given back).
fn assert_editor_had_a_cooked_terminal(home: &Path) {
    let stty = std::fs::read_to_string(home.join("editor-stty")).unwrap_or_default();
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "the editor's terminal is not in cooked mode: {stty}"
    );
}

/// After the editor: raw mode, the main screen, and keys that act.
fn assert_browser_is_back(s: &mut Session) {
    s.wait_main_screen();
    s.send("?");
    s.wait_for("the help overlay after the editor", |v| {
        v.text().contains("Keys")
    });
    s.send(ESC);
    s.wait_for("the help overlay to close", |v| !v.text().contains("Keys"));
    s.send("q");
    s.expect_clean_exit();
}

/// Starts the browser in `home` with the recording editor as `EDITOR` (running `then` after
/// recording), selects SOEA and presses `e`.
fn press_e_on_soea(home: &Path, then: &str) -> Session {
    let editor = recording_editor(home, then);
    let editor = editor.to_str().expect("a UTF-8 path");
    let env = [("EDITOR", editor), ("VISUAL", "")];
    let mut s = Session::launch_with_env(home, &[], ROWS, COLS, &env);
    s.wait_main_screen();
    s.send("/soea");
    s.send(ESC);
    s.wait_for("SOEA selected", |v| {
        v.pane("Detail")
            .is_some_and(|d| d.text().contains("Shanghai Overseas Exchange Association"))
    });
    s.send("e");
    s
}

#[test]
fn e_on_soea_runs_the_editor_at_its_line_and_the_terminal_comes_back_raw() {
    let home = tempfile::tempdir().expect("home");
    init(home.path());
    let mut s = press_e_on_soea(home.path(), "");
    let args = editor_args(home.path(), &s);
    assert_opens_soea(&args, &home.path().join("xdg_data_home/liaison"));
    assert_editor_had_a_cooked_terminal(home.path());
    assert_browser_is_back(&mut s);
}

#[test]
fn e_on_the_built_in_data_offers_init_and_edits_the_copy() {
    let home = tempfile::tempdir().expect("home");
    let mut s = press_e_on_soea(home.path(), "");
    let data_dir = home.path().join("xdg_data_home/liaison");
    let shown = data_dir.display().to_string();
    s.wait_for("the offer to run liaison init", |v| {
        let text = v.text();
        text.contains("liaison init") && text.contains("[y/N]") && text.contains(&shown)
    });
    s.send("y");
    s.send(ENTER);
    let args = editor_args(home.path(), &s);
    assert_opens_soea(&args, &data_dir);
    assert!(
        data_dir.join("organizations.ron").is_file(),
        "the data was copied"
    );
    assert_browser_is_back(&mut s);
}

#[test]
fn a_sigint_while_the_editor_has_the_terminal_is_the_editors_not_the_browsers() {
    // In a terminal, Ctrl-c in a cooked-mode editor sends SIGINT to the whole foreground
    // group, the browser included: like a shell waiting for a command, it lets it pass.
    let home = tempfile::tempdir().expect("home");
    init(home.path());
    let wait = format!(
        "while [ ! -e '{}/go' ]; do sleep 0.05; done",
        home.path().display()
    );
    let mut s = press_e_on_soea(home.path(), &wait);
    editor_args(home.path(), &s);
    s.signal("INT");
    // Longer than the two seconds after which a stop that was asked for is forced.
    thread::sleep(Duration::from_millis(2500));
    assert!(
        s.running(),
        "the browser stopped on a SIGINT meant for the editor"
    );
    std::fs::write(home.path().join("go"), "").expect("let the editor end");
    assert_browser_is_back(&mut s);
}
