//! Everyday journeys (issue 13) with the real binary in a pseudo-terminal: the search line
//! after a restart, type-to-search, and Backspace back to the results. Each step waits on
//! the emulated screen, never on a fixed time.

mod common;

use common::pty::{BACKSPACE, ENTER, ESC, Session};

/// The selected row of the list pane titled `title`, trimmed.
fn selected_row(v: &common::pty::View, title: &str) -> Option<String> {
    let pane = v.pane(title)?;
    pane.highlighted.first().map(|r| r.trim().to_string())
}

#[test]
fn after_a_restart_slash_espoo_finds_espoo_not_the_old_query_with_espoo_added() {
    let home = tempfile::tempdir().expect("temporary home");
    let mut s = Session::launch(home.path(), &[]);
    s.wait_main_screen();
    s.send("/soea");
    s.wait_for("the association", |v| v.text().contains("129 Yananxilu"));
    s.send(ENTER);
    s.wait_for("its links focused", |v| {
        v.pane("Links").is_some_and(|p| p.focused)
    });
    s.send("q");
    s.expect_clean_exit();
    drop(s);

    let mut s = Session::launch(home.path(), &[]);
    s.wait_main_screen();
    s.wait_for("the search restored", |v| v.search_line().contains("soea"));
    s.send("/espoo");
    let v = s.wait_for("Espoo first", |v| {
        selected_row(v, "All").is_some_and(|r| r.starts_with("cty Espoo"))
    });
    assert!(v.search_line().contains("/ espoo"), "{}", v.search_line());
    assert!(!v.text().contains("soeaespoo"));
    s.send(ESC);
    s.wait_for("the search left", |v| v.footer().contains("/ search"));
    s.send("q");
    s.expect_clean_exit();
}

#[test]
fn typing_a_name_without_slash_searches_for_it() {
    let mut s = Session::start(&[]);
    s.wait_main_screen();
    s.send("sichuan");
    let v = s.wait_for("Sichuan first", |v| {
        selected_row(v, "All").is_some_and(|r| r.contains("Sichuan"))
    });
    assert!(v.search_line().contains("/ sichuan"), "{}", v.search_line());
    s.send(ESC);
    s.wait_for("the search left", |v| v.footer().contains("/ search"));
    s.send("q");
    s.expect_clean_exit();
}

#[test]
fn backspace_after_opening_a_result_returns_to_the_same_row_of_the_results() {
    let mut s = Session::start(&[]);
    s.wait_main_screen();
    s.send("/finland");
    s.wait_for("results", |v| v.search_line().contains("matches"));
    s.send("\x0e"); // Ctrl-n: the second result
    let v = s.wait_for("the second row selected", |v| {
        v.pane("All").is_some_and(|p| p.title.contains("2/"))
    });
    let row = selected_row(&v, "All").expect("a selected row");
    s.send(ENTER);
    s.wait_for("its links focused", |v| {
        v.pane("Links").is_some_and(|p| p.focused)
    });
    s.send(BACKSPACE);
    let v = s.wait_for("the results again", |v| {
        v.pane("All").is_some_and(|p| p.focused)
    });
    assert_eq!(selected_row(&v, "All").as_deref(), Some(row.as_str()));
    assert!(v.search_line().contains("finland"));
    s.send("q");
    s.expect_clean_exit();
}
