//! Everyday journeys with the real binary in a pseudo-terminal (the shared harness in
//! `common/pty.rs`, a fresh home, the built-in dataset): the ties table of Shanghai opened
//! with `T`, filtered, scrolled to its end, a partner opened, and the table exported as CSV
//! with `X`. Every step waits for the screen it expects; nothing sleeps a fixed time.

mod common;

use common::pty::{ENTER, ESC, PaneView, Session};

fn ties_pane(v: &common::pty::View) -> Option<PaneView> {
    v.pane("Ties of Shanghai")
}

#[test]
fn t_on_shanghai_shows_its_ties_table_filters_it_opens_a_partner_and_exports_csv() {
    let mut s = Session::start(&[]);
    s.wait_main_screen();
    s.send("/city:shanghai");
    s.wait_for("Shanghai first in the list", |v| {
        v.pane("All")
            .and_then(|p| p.lines.first().cloned())
            .is_some_and(|r| r.starts_with("cty Shanghai"))
    });
    s.send(ESC);
    // A key sent right after Esc would arrive as Alt-key: wait for the browsing footer.
    s.wait_for("the search left", |v| v.footer().contains("/ search"));
    s.send("T");
    s.wait_for("the ties table of Shanghai with its columns", |v| {
        ties_pane(v).is_some_and(|p| {
            let header = p.lines.first().cloned().unwrap_or_default();
            header.contains("partner")
                && header.contains("country")
                && header.contains("since ↑")
                && p.text().contains("Yokohama")
        })
    });

    // Typed in the view, the filter narrows the rows at once; `q` would be text here.
    s.send("/country:japan");
    s.wait_for("only Japanese partners", |v| {
        ties_pane(v).is_some_and(|p| {
            let rows: Vec<&String> = p.lines[1..]
                .iter()
                .filter(|l| !l.trim().is_empty() && !l.starts_with("/ filter"))
                .collect();
            !rows.is_empty()
                && rows.iter().all(|r| r.contains("Japan"))
                && p.text().contains("/ filter: country:japan")
        })
    });
    s.send(ENTER);

    // X: the prompt names the CSV and the full path; Enter writes it.
    s.send("X");
    let view = s.wait_for("the CSV export prompt", |v| {
        v.search_line().contains("export CSV of")
            || (0..v.size().0).any(|r| v.line(r).contains("export CSV of"))
    });
    let prompt = (0..view.size().0)
        .map(|r| view.line(r))
        .find(|l| l.contains("export CSV of"))
        .unwrap_or_default();
    assert!(prompt.contains("ties-shanghai.csv"), "{prompt}");
    s.send(ENTER);
    s.wait_for("the file written, back in the table", |v| {
        ties_pane(v).is_some() && (0..v.size().0).any(|r| v.line(r).contains("exported to"))
    });
    let home = s
        ._home
        .as_ref()
        .expect("a temporary home")
        .path()
        .to_path_buf();
    let csv = std::fs::read_to_string(home.join("ties-shanghai.csv")).expect("the CSV file");
    assert!(csv.lines().count() > 1);
    assert!(csv.lines().skip(1).all(|l| l.contains("Japan")), "{csv}");

    // G: the last row; Enter opens that partner in the panes.
    s.send("G");
    let view = s.wait_for("the last row selected", |v| {
        ties_pane(v).is_some_and(|p| {
            let last = p.lines.iter().rfind(|l| l.contains("official")).cloned();
            last.is_some_and(|l| p.highlighted.contains(&l))
        })
    });
    let pane = ties_pane(&view).unwrap();
    let last = pane
        .lines
        .iter()
        .rfind(|l| l.contains("official"))
        .cloned()
        .unwrap();
    let partner = last
        .split("  ")
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    s.send(ENTER);
    s.wait_for("the partner opened in the panes", |v| {
        ties_pane(v).is_none()
            && v.pane("Detail")
                .is_some_and(|p| p.text().contains(&partner))
    });
    s.send("q");
    s.expect_clean_exit();
}
