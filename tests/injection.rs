//! No terminal injection: control sequences in data files (CSI, OSC 52 clipboard writes,
//! OSC 8 links, DCS/APC/PM, C1 controls, bare ESC, BEL, backspace, CR, bidirectional
//! overrides) never reach a terminal as controls, in any command's output or any browser
//! view. They are shown escaped (`\u{1b}`), so the user sees that the data is odd, and JSON
//! output stays valid JSON that decodes back to the data as written.

mod common;

use common::{OSC52, buffer_text, dangerous_bytes, draw, hostile_ron, network_from, unsafe_cells};
use liaison::tui::action::Action;
use liaison::tui::state::{App, Pane};
use liaison::tui::update::update;
use std::process::Command;
use std::sync::Arc;

/// A data folder holding the hostile dataset, raw controls in one file and RON escapes in
/// another (the ids differ so both load), plus a file whose *name* holds a sequence.
fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("raw.ron"), hostile_ron(true)).unwrap();
    let escaped = hostile_ron(false).replace("evil-", "esc-");
    std::fs::write(dir.path().join("escaped.ron"), escaped).unwrap();
    let name = format!("name{OSC52}\u{1b}[2J.ron");
    std::fs::write(dir.path().join(name), "[ Nonsense(id: \"x\") ]").unwrap();
    dir
}

/// Runs `liaison ARGS --data DIR` with an empty home; returns (exit code, stdout, stderr).
fn liaison(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_liaison"))
        .args(args)
        .arg("--data")
        .arg(dir)
        .env_remove("LIAISON_DATA")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("share"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .output()
        .expect("liaison runs");
    (out.status.code(), out.stdout, out.stderr)
}

/// The first id of the dataset whose name starts with `prefix` (ids hold controls too).
fn evil_id(name: &str) -> String {
    format!("evil-{name}{}end", common::all_payloads())
}

#[test]
fn every_command_escapes_controls_from_the_data() {
    let dir = hostile_folder();
    let org = evil_id("org");
    let espoo = evil_id("espoo");
    let runs: Vec<Vec<&str>> = vec![
        vec!["check"],
        vec!["search", "clipboard"],
        vec!["search", "--json", "clipboard"],
        vec!["search", "evil"],
        vec!["show", &org],
        vec!["show", "--json", &org],
        vec!["show", "clipboard club"],
        vec!["show", "pat person"],
        vec!["show", "accord"],
        vec!["show", "forum"],
        vec!["show", "dangling org"],
        vec!["show", "tie"],
        vec!["show", "zz\u{1b}]52;c;eA==\u{7}qq"],
        vec!["path", "pat person", &espoo],
        vec!["path", "--json", "pat person", &espoo],
        vec!["path", "--alternatives", "5", "forum", "shanghai"],
        vec!["path", "\u{1b}[2Jnothing", "forum"],
        vec!["timeline"],
        vec!["timeline", "--json"],
        vec!["map"],
        vec!["map", "espoo"],
        vec!["map", "clipboard club"],
        vec!["map", "\u{1b}]52;c;eA==\u{7}"],
        vec!["export", "--format", "vcard"],
        vec!["export", "--format", "csv"],
        vec!["export", "--format", "json"],
        vec!["export", "--format", "vcard", "--all-matches", "evil"],
    ];
    for args in runs {
        let (code, out, err) = liaison(dir.path(), &args);
        let shown = format!(
            "liaison {args:?} exited {code:?}\n--- stdout\n{}\n--- stderr\n{}",
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&err)
        );
        assert!(code.is_some_and(|c| c <= 2), "{shown}");
        // vCard and CSV end their lines with CRLF, as their standards say; a CR anywhere
        // else is data.
        let out = if args[0] == "export" {
            String::from_utf8_lossy(&out)
                .replace("\r\n", "\n")
                .into_bytes()
        } else {
            out
        };
        assert_eq!(
            dangerous_bytes(&out),
            Vec::<String>::new(),
            "stdout: {shown}"
        );
        assert_eq!(
            dangerous_bytes(&err),
            Vec::<String>::new(),
            "stderr: {shown}"
        );
        if args.contains(&"--json") || args.contains(&"json") {
            let v: Result<serde_json::Value, _> = serde_json::from_slice(&out);
            assert!(v.is_ok(), "not valid JSON: {shown}");
        }
        if code == Some(0) && !args.contains(&"--json") && !["map", "export"].contains(&args[0]) {
            assert!(
                String::from_utf8_lossy(&out).contains("\\u{1b}"),
                "the odd data is not shown escaped: {shown}"
            );
        }
    }
}

#[test]
fn check_names_a_hostile_file_name_escaped() {
    let dir = hostile_folder();
    let (code, out, _) = liaison(dir.path(), &["check"]);
    assert_eq!(code, Some(1));
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains(
            "name\\u{1b}]52;c;ZXZpbA==\\u{7}\\u{1b}[2J.ron:1:3: error: unknown entity kind"
        ),
        "{out}"
    );
}

#[test]
fn json_output_decodes_back_to_the_data_as_written() {
    let dir = hostile_folder();
    let org = evil_id("org");
    let (code, out, _) = liaison(dir.path(), &["show", "--json", &org]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["id"], org.as_str());
    assert_eq!(
        v["name"],
        format!("Clipboard Club{}end", common::all_payloads()).as_str()
    );
}

/// Every view of the browser, at a wide and a narrow size, each checked cell by cell.
#[test]
fn no_browser_view_puts_a_control_character_in_a_cell() {
    for raw in [true, false] {
        let net = Arc::new(network_from(vec![(
            format!("dir{OSC52}/data.ron"),
            hostile_ron(raw).into_bytes(),
        )]));
        assert_eq!(net.data.len(), 9, "{:#?}", net.data.problems);
        // Raw controls at a wide and a narrow size; RON escapes, which load into the same
        // text, at one size.
        let sizes: &[(u16, u16)] = if raw {
            &[(120, 35), (60, 20)]
        } else {
            &[(200, 60)]
        };
        for &(w, h) in sizes {
            let mut app = App::new(Arc::clone(&net), w, h);
            let mut seen_escaped = false;
            let mut check = |app: &App, what: &str| {
                let buf = draw(app);
                let bad = unsafe_cells(&buf);
                assert!(
                    bad.is_empty(),
                    "{what} at {w}x{h} (raw {raw}): {bad:?}\n{}",
                    buffer_text(&buf)
                );
                seen_escaped |= buffer_text(&buf).contains("\\u{1b}");
            };
            for row in 0..app.list.rows.len() {
                app.list.cursor.selected = row;
                for pane in Pane::ALL {
                    app.set_focus(pane);
                    check(&app, &format!("row {row}, pane {pane:?}"));
                }
                app.set_focus(Pane::List);
                for action in [Action::OpenMap, Action::NextCity, Action::NextCity] {
                    update(&mut app, action);
                    check(&app, &format!("map of row {row}"));
                }
                update(&mut app, Action::Escape);
                update(&mut app, Action::OpenTimeline);
                for _ in 0..12 {
                    check(&app, "timeline");
                    update(&mut app, Action::Down);
                }
                update(&mut app, Action::Escape);
                update(&mut app, Action::StartPath);
                check(&app, "picking a path");
                update(&mut app, Action::Paste("evil".into()));
                update(&mut app, Action::Down);
                update(&mut app, Action::Open);
                for _ in 0..6 {
                    check(&app, "path");
                    update(&mut app, Action::Down);
                }
                update(&mut app, Action::Escape);
                update(&mut app, Action::Escape);
                update(&mut app, Action::Escape);
                app.list.cursor.selected = row.min(app.list.rows.len().saturating_sub(1));
                // Follow every link once, then come back.
                update(&mut app, Action::Open);
                check(&app, "links");
                update(&mut app, Action::Open);
                check(&app, "after following a link");
                update(&mut app, Action::HistoryBack);
                update(&mut app, Action::Escape);
            }
            update(&mut app, Action::ToggleProblems);
            check(&app, "problems overlay");
            update(&mut app, Action::Escape);
            update(&mut app, Action::ToggleHelp);
            check(&app, "help overlay");
            update(&mut app, Action::Escape);
            // Controls typed or pasted into the search line are shown escaped too.
            update(&mut app, Action::StartSearch);
            for c in "\u{1b}[2J\u{9b}x\u{202e}".chars() {
                update(&mut app, Action::SearchInsert(c));
            }
            check(&app, "search with typed controls");
            update(&mut app, Action::Paste(format!("{OSC52}evil")));
            check(&app, "search with a pasted OSC 52");
            assert!(seen_escaped, "the escaped form never showed at {w}x{h}");
        }
    }
}

/// Escaping must show the odd data, not drop it: the id line of the card and the
/// secondary text of a path step show the escapes.
#[test]
fn escaped_controls_stay_visible_in_the_card_and_the_path() {
    let text = "[\n\
        City(id: \"c\u{1b}[2J\", name: \"C\", country: \"X\", sources: [\"s\"]),\n\
        Organization(id: \"o\u{1b}[2J\", name: \"Org\", city: \"c\u{1b}[2J\", sources: [\"s\"]),\n\
        Person(id: \"p\", name: \"Pat\", posts: [(organization: \"o\u{1b}[2J\", \
               title: \"President\u{1b}[2J\")], sources: [\"s\"]),\n\
        Agreement(id: \"a\", title: \"Accord\", parties: [\"o\u{1b}[2J\"], signed_by: [\"p\"], \
                  sources: [\"s\"]),\n\
    ]";
    let net = Arc::new(network_from(vec![(
        "data.ron".to_string(),
        text.as_bytes().to_vec(),
    )]));
    assert_eq!(net.data.problems, []);
    let mut app = App::new(Arc::clone(&net), 120, 40);
    let select = |app: &mut App, id: &str| {
        let i = net.data.index_of(id).unwrap();
        app.list.cursor.selected = app.list.rows.iter().position(|&r| r as usize == i).unwrap();
    };
    select(&mut app, "o\u{1b}[2J");
    let text = buffer_text(&draw(&app));
    assert!(text.contains("id o\\u{1b}[2J"), "{text}");

    select(&mut app, "p");
    update(&mut app, Action::StartPath);
    update(&mut app, Action::Paste("accord".into()));
    update(&mut app, Action::Open);
    let text = buffer_text(&draw(&app));
    assert!(text.contains("How are they connected"), "{text}");
    assert!(text.contains("President\\u{1b}[2J"), "{text}");
}

/// L7: bidi marks (LRM, RLM, ALM), a zero-width space, a stray joiner, a byte-order mark,
/// a word joiner and tag characters in the data are shown escaped by `show`, `search`, CSV
/// on the terminal and JSON (which stays valid and decodes to the data as written).
#[test]
fn invisible_and_bidi_marks_are_shown_escaped_everywhere() {
    let invisible = [
        '\u{200e}',
        '\u{200f}',
        '\u{61c}',
        '\u{200b}',
        '\u{200d}',
        '\u{feff}',
        '\u{2060}',
        '\u{e0041}',
        '\u{e007f}',
    ];
    let name = format!(
        "Quiet{}Club",
        invisible
            .iter()
            .map(|c| format!("{c}x"))
            .collect::<String>()
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("quiet.ron"),
        format!(
            "[\n  Organization(id: \"quiet\", name: \"{name}\", sources: [\"test payload\"]),\n]\n"
        ),
    )
    .unwrap();
    let invisible_in = |bytes: &[u8]| -> Vec<char> {
        String::from_utf8_lossy(bytes)
            .chars()
            .filter(|c| invisible.contains(c))
            .collect()
    };
    for args in [
        vec!["show", "quiet"],
        vec!["search", "quiet"],
        vec!["export", "--format", "csv", "quiet"],
        vec!["export", "--format", "json", "quiet"],
        vec!["show", "--json", "quiet"],
    ] {
        let (code, stdout, stderr) = liaison(dir.path(), &args);
        assert_eq!(
            code,
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&stderr)
        );
        assert_eq!(invisible_in(&stdout), [], "{args:?}");
        // CSV rows end in CRLF; any other CR would be a control.
        let lines = String::from_utf8_lossy(&stdout).replace("\r\n", "\n");
        assert_eq!(
            dangerous_bytes(lines.as_bytes()),
            Vec::<String>::new(),
            "{args:?}"
        );
        if args.contains(&"--json") || args.contains(&"json") {
            let value: serde_json::Value = serde_json::from_slice(&stdout).expect("valid JSON");
            assert!(value.to_string().contains(&name), "{args:?}: {value}");
        } else {
            let text = String::from_utf8_lossy(&stdout);
            assert!(
                text.contains("Quiet\\u{200e}x\\u{200f}x"),
                "{args:?}: {text}"
            );
            assert!(text.contains("\\u{e0041}x\\u{e007f}x"), "{args:?}: {text}");
        }
    }
}
