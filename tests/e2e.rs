//! End-to-end tests: the real `liaison` binary in a pseudo-terminal.
//!
//! Each test spawns the browser in a pty through the shared harness (`common/pty.rs`),
//! types keys as a terminal would send them, and waits — by polling the emulated screen,
//! never by sleeping a fixed time — until the screen shows what the step expects.
//!
//! The child runs with a fresh, empty home (`HOME`, `XDG_*`) and without `LIAISON_DATA`,
//! so it always browses the built-in dataset whatever the machine's user has set up.

mod common;

use common::pty::{BACKSPACE, CTRL_C, ENTER, ESC, PaneView, Session, View};

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
    let mut s = Session::start(&[]);

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
    let mut s = Session::start(&[]);
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
    let mut s = Session::start(&[]);
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
    let mut s = Session::start(&[]);
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

/// Writes `config.ron` where the program started by the harness looks for it.
fn write_config(home: &std::path::Path, text: &str) {
    let dir = home.join("xdg_config_home").join("liaison");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.ron"), text).unwrap();
}

#[test]
fn the_export_prompt_is_visible_q_is_text_in_it_and_esc_cancels() {
    let mut s = Session::start(&[]);
    s.wait_main_screen();
    s.send("/soea");
    s.wait_for("the association", |v| v.text().contains("129 Yananxilu"));
    s.send(ESC);
    s.wait_for("the search left", |v| v.footer().contains("x vCard"));
    s.send("x");
    s.wait_for("the prompt with its default name and hints", |v| {
        v.text().contains("export vCard to: soea.vcf")
            && v.footer().contains("Enter confirm")
            && v.footer().contains("Esc cancel")
    });
    s.send("q");
    s.wait_for("the q typed into the prompt", |v| {
        v.text().contains("export vCard to: soea.vcfq")
    });
    assert!(s.running(), "q in the prompt did not quit");
    s.send(ESC);
    s.wait_for("the prompt cancelled", |v| {
        v.text().contains("export cancelled") && !v.text().contains("export vCard to:")
    });
    s.send("q");
    s.expect_clean_exit();
}

#[test]
fn at_80x24_a_remapped_key_shows_in_the_footer_with_help_and_quit() {
    let home = tempfile::tempdir().unwrap();
    write_config(home.path(), "(keys: { \"history_back\": [\"b\"] })");
    let mut s = Session::launch_sized(home.path(), &[], 24, 80);
    s.wait_for("the footer with the remapped key", |v| {
        let footer = v.footer();
        footer.contains("b back") && footer.contains("? help") && footer.contains("q quit")
    });
    s.send("?");
    s.wait_for("the help", |v| v.text().contains("Keys"));
    // Help filtered to the lines about going back.
    s.send("/back");
    s.wait_for("the help filtered, showing b for back", |v| {
        let text = v.text();
        text.contains("filter: back")
            && text
                .lines()
                .any(|l| l.contains(" b ") && l.contains(" back"))
    });
    s.send(ESC);
    s.wait_for("the filter dropped", |v| v.text().contains("/ to filter"));
    s.send(ESC);
    s.wait_for("the help closed", |v| !v.text().contains("Keys"));
    s.send("q");
    s.expect_clean_exit();
}

#[test]
fn a_config_problem_still_shows_under_the_bang_after_a_live_reload() {
    let home = tempfile::tempdir().expect("temporary home");
    write_config(home.path(), "(theme: \"sepia\")");
    let data = home.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let file = data.join("network.ron");
    let original = include_str!("fixtures/browse/network.ron");
    std::fs::write(&file, original).unwrap();
    let mut s = Session::launch(home.path(), &["--data", data.to_str().unwrap()]);
    s.wait_main_screen();
    std::fs::write(
        &file,
        original.replace("129 Yananxilu", "129 Yan'an Road West"),
    )
    .unwrap();
    s.wait_for("the reload", |v| {
        v.text().contains("reloaded: ~1 organization")
    });
    s.send("!");
    s.wait_for("the config problem under !", |v| {
        v.text().contains("unknown theme `sepia`")
    });
    s.send(ESC);
    s.wait_for("the problems closed", |v| {
        !v.text().contains("Esc to close")
    });
    s.send(CTRL_C);
    s.expect_clean_exit();
}

/// Saves `text` as editors do: a new file renamed over the old one.
fn save_by_rename(file: &std::path::Path, text: &str) {
    let tmp = file.with_extension("ron.tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, file).unwrap();
}

#[test]
fn a_data_file_saved_by_rename_keeps_reloading() {
    let home = tempfile::tempdir().expect("temporary home");
    let file = home.path().join("network.ron");
    let original = include_str!("fixtures/browse/network.ron");
    std::fs::write(&file, original).unwrap();
    let mut s = Session::launch(home.path(), &["--data", file.to_str().unwrap()]);
    s.wait_main_screen();
    s.send("/soea");
    s.wait_for("the association", |v| v.text().contains("129 Yananxilu"));
    // The card wraps the address: each save is recognised by its first words.
    let saves = [
        ("129 Yan'an Road West", "Yan'an Road"),
        ("129 Yan'an Xi Lu", "Yan'an Xi"),
    ];
    for (n, (street, shown)) in saves.into_iter().enumerate() {
        save_by_rename(&file, &original.replace("129 Yananxilu", street));
        s.wait_for(&format!("save {} by rename shown", n + 1), |v| {
            v.text().contains(shown)
        });
    }
    s.send(CTRL_C);
    s.expect_clean_exit();
}

#[test]
fn a_data_folder_deleted_and_made_again_keeps_reloading() {
    let home = tempfile::tempdir().expect("temporary home");
    let data = home.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let original = include_str!("fixtures/browse/network.ron");
    std::fs::write(data.join("network.ron"), original).unwrap();
    let mut s = Session::launch(home.path(), &["--data", data.to_str().unwrap()]);
    s.wait_main_screen();
    s.send("/soea");
    s.wait_for("the association", |v| v.text().contains("129 Yananxilu"));
    std::fs::remove_dir_all(&data).unwrap();
    s.wait_for("the missing folder noticed", |v| {
        v.text().contains("reload:")
    });
    std::fs::create_dir(&data).unwrap();
    let edited = original.replace("129 Yananxilu", "129 Yan'an Road West");
    std::fs::write(data.join("network.ron"), edited).unwrap();
    s.wait_for("the folder's new file shown", |v| {
        v.text().contains("129 Yan'an Road")
    });
    s.send(CTRL_C);
    s.expect_clean_exit();
}
