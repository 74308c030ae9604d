//! Everyday journeys in the browser (issue 13, part one): the search line that brings back the
//! previous query selected, type-to-search, Bookmarks and Recent that a search never
//! hides silently, and focus and back like a web browser. Action sequences on the fixture
//! dataset checked on the state, and frames on ratatui's `TestBackend` as snapshots.
mod common;

use common::browse::{Browser, network};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaison::tui::action::Action;
use liaison::tui::keymap::KeyMode;
use liaison::tui::state::{App, Pane, rows};

#[test]
fn slash_brings_back_the_previous_query_selected_and_typing_replaces_it() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .keys("soea")
        .act(Action::Open)
        .act(Action::StartSearch);
    assert_eq!(b.app.list.search.text, "soea");
    assert!(b.app.list.search.selected);
    let b = b.keys("espoo");
    assert_eq!(b.app.list.search.text, "espoo");
    assert_eq!(b.selected_id(), "espoo");
}

#[test]
fn right_arrow_or_end_keeps_the_previous_query_for_editing() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .keys("shang")
        .act(Action::Escape)
        .act(Action::StartSearch)
        .act(Action::SearchRight)
        .keys("hai");
    assert_eq!(b.app.list.search.text, "shanghai");
    let b = b
        .act(Action::Escape)
        .act(Action::StartSearch)
        .act(Action::SearchEnd)
        .act(Action::SearchBackspace);
    assert_eq!(b.app.list.search.text, "shangha");
}

#[test]
fn up_and_down_walk_earlier_searches_while_the_query_is_selected() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .keys("soea")
        .act(Action::Open)
        .act(Action::StartSearch)
        .keys("espoo")
        .act(Action::Open)
        .act(Action::StartSearch);
    assert_eq!(b.app.saved.searches, ["espoo", "soea"]);
    let b = b.act(Action::SearchOlder);
    assert_eq!(b.app.list.search.text, "soea");
    assert_eq!(b.selected_id(), "soea");
    let b = b.act(Action::SearchNewer);
    assert_eq!(b.app.list.search.text, "espoo");
    // Once edited, the arrows move in the results instead.
    let b = b.act(Action::SearchRight).act(Action::SearchNewer);
    assert_eq!(b.app.list.search.text, "espoo");
    assert_eq!(b.app.list.cursor.selected, 1.min(b.app.list.rows.len() - 1));
}

#[test]
fn after_a_restart_slash_then_a_new_name_finds_that_name() {
    let b = Browser::restarted(&[], "soea");
    assert_eq!(b.app.list.search.text, "soea");
    let b = b.keys("/espoo");
    assert_eq!(b.app.list.search.text, "espoo");
    assert_eq!(b.selected_id(), "espoo");
}

#[test]
fn an_unbound_letter_starts_a_new_search_and_bound_keys_keep_their_meaning() {
    let km = liaison::tui::keymap::Keymap::default();
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(
        km.action_for(KeyMode::Normal, key('s')),
        Some(Action::SearchInsert('s'))
    );
    assert_eq!(
        km.action_for(KeyMode::Normal, key('b')),
        Some(Action::ToggleBookmark)
    );
    assert_eq!(km.action_for(KeyMode::Normal, key(' ')), None);
    // The restored "soea" is replaced, not added to.
    let b = Browser::restarted(&[], "soea").keys("nairobi");
    assert_eq!(b.app.list.search.text, "nairobi");
    assert_eq!(b.selected_id(), "nairobi");
}

#[test]
fn a_bound_key_that_does_nothing_here_says_so() {
    let b = Browser::new(120, 35).act(Action::PaneLeft);
    assert!(b.app.status.as_deref().unwrap_or("").contains("no pane"));
    let b = b.act(Action::Escape);
    assert!(b.app.status.as_deref().unwrap_or("").contains("nothing"));
    let b = b.act(Action::UndoBookmark);
    assert!(
        b.app
            .status
            .as_deref()
            .unwrap_or("")
            .contains("no bookmark")
    );
}

#[test]
fn a_restored_search_leaves_bookmarks_whole() {
    let b = Browser::restarted(&["soea", "espoo"], "soea").act(Action::ShowTab(6));
    assert_eq!(b.row_ids(), ["soea", "espoo"]);
    assert_eq!(b.app.list.counts[6], 2);
    assert_eq!(rows::filter_note(&b.app.list), None);
}

#[test]
fn a_search_typed_in_bookmarks_narrows_them_and_says_how_many_are_hidden() {
    let b = Browser::restarted(&["soea", "espoo", "kuopio"], "")
        .act(Action::ShowTab(6))
        .act(Action::StartSearch)
        .keys("espoo");
    assert_eq!(b.row_ids(), ["espoo"]);
    assert_eq!(
        rows::filter_note(&b.app.list).as_deref(),
        Some("1 of 3 (filter: espoo)")
    );
    // In another tab the search does not touch the Bookmarks count.
    let b = b.act(Action::Escape).act(Action::ShowTab(0));
    assert_eq!(b.app.list.counts[6], 1, "still narrowed where it was typed");
    let b = b.act(Action::StartSearch).keys("kuopio");
    assert_eq!(b.app.list.counts[6], 3);
}

#[test]
fn removing_a_bookmark_keeps_the_cursor_and_b_twice_puts_it_back() {
    let b = Browser::restarted(&["soea", "espoo", "kuopio"], "")
        .act(Action::ShowTab(6))
        .act(Action::Down);
    assert_eq!(b.selected_id(), "espoo");
    let b = b.act(Action::ToggleBookmark);
    assert_eq!(b.app.saved.bookmarks, ["soea", "kuopio"]);
    assert_eq!(
        b.selected_id(),
        "espoo",
        "the cursor stays on the removed row"
    );
    let b = b.act(Action::ToggleBookmark);
    assert_eq!(
        b.app.saved.bookmarks.len(),
        3,
        "b twice removes nothing else"
    );
    let b = b.act(Action::ToggleBookmark).act(Action::UndoBookmark);
    assert_eq!(b.app.saved.bookmarks, ["soea", "espoo", "kuopio"]);
    assert_eq!(b.selected_id(), "espoo");
}

#[test]
fn backspace_after_opening_a_result_returns_to_the_list_on_the_same_row() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .keys("shanghai")
        .act(Action::Down);
    let row = b.app.list.cursor.selected;
    let id = b.selected_id().to_string();
    let b = b.act(Action::Open);
    assert_eq!(b.app.focus(), Pane::Links);
    let b = b.act(Action::HistoryBack);
    assert_eq!(b.app.focus(), Pane::List);
    assert_eq!((b.app.list.cursor.selected, b.selected_id()), (row, &*id));
    assert_eq!(b.app.list.search.text, "shanghai");
}

#[test]
fn esc_and_h_out_of_the_links_go_left_to_the_list() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .keys("soea")
        .act(Action::Open);
    assert_eq!(b.app.focus(), Pane::Links);
    let b = b.act(Action::Escape);
    assert_eq!((b.app.focus(), b.selected_id()), (Pane::List, "soea"));
    assert!(b.app.history.back.is_empty(), "Esc was the step back");
    let b = b.act(Action::Open).act(Action::PaneLeft);
    assert_eq!(b.app.focus(), Pane::List);
    let b = b.act(Action::PaneRight);
    assert_eq!(b.app.focus(), Pane::Detail);
}

#[test]
fn a_click_selects_and_a_second_click_on_the_same_row_opens() {
    let b = Browser::new(120, 35);
    let list = b.app.areas.list;
    let (x, y) = (list.x + 3, list.y + 2);
    let b = b.act(Action::Click(x, y));
    assert_eq!((b.app.list.cursor.selected, b.app.focus()), (1, Pane::List));
    let b = b.act(Action::Click(x, y));
    assert_ne!(b.app.focus(), Pane::List, "opened");
}

#[test]
fn snapshot_search_line_with_the_previous_query_selected() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .keys("soea")
        .act(Action::Open)
        .act(Action::StartSearch);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_bookmarks_narrowed_by_a_search_wide() {
    let b = Browser::restarted(&["soea", "espoo", "kuopio"], "")
        .act(Action::ShowTab(6))
        .act(Action::StartSearch)
        .keys("espoo");
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_bookmarks_narrowed_by_a_search_80x24() {
    let b = Browser::restarted(&["soea", "espoo", "kuopio"], "")
        .act(Action::Resize(80, 24))
        .act(Action::ShowTab(6))
        .act(Action::StartSearch)
        .keys("espoo");
    insta::assert_snapshot!(b.frame());
}

#[test]
fn help_fits_one_screen_at_120x35_with_the_current_view_first() {
    let b = Browser::new(120, 35).act(Action::ToggleHelp);
    let rows = b.app.overlay_rows(liaison::tui::state::Overlay::Help);
    assert!(rows.len() <= 31, "help takes {} rows", rows.len());
    let frame = b.frame();
    for needle in ["tie:", "org:", "Backspace", "quit", "filter the lines"] {
        assert!(frame.contains(needle), "help shows {needle}");
    }
    let on_map = Browser::new(120, 35)
        .act(Action::StartSearch)
        .keys("shanghai")
        .act(Action::Escape)
        .act(Action::OpenMap)
        .act(Action::ToggleHelp);
    let frame = on_map.frame();
    let first_heading = frame.lines().nth(2).unwrap_or("");
    assert!(first_heading.contains("On the map"), "{first_heading}");
}

#[test]
fn slash_in_help_filters_it() {
    let b = Browser::new(120, 35)
        .act(Action::ToggleHelp)
        .act(Action::StartSearch)
        .keys("bookmark");
    let frame = b.frame();
    assert!(frame.contains("put back a bookmark"));
    assert!(!frame.contains("pan west"));
    // Esc drops the filter, a second Esc closes.
    let b = b.act(Action::Escape);
    assert!(b.frame().contains("pan west"));
    let b = b.act(Action::Escape);
    assert!(!matches!(b.app.mode, liaison::tui::state::Mode::Overlay(_)));
}

#[test]
fn snapshot_help_on_one_screen_wide() {
    let b = Browser::new(120, 35).act(Action::ToggleHelp);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_help_filtered_80x24() {
    let b = Browser::new(80, 24)
        .act(Action::ToggleHelp)
        .act(Action::StartSearch)
        .keys("search");
    insta::assert_snapshot!(b.frame());
}

#[test]
fn a_first_run_starts_on_the_hub_with_a_hint_until_the_first_search() {
    let mut app = App::new(network(false), 120, 35);
    liaison::tui::update::bookmarks::restore_place(&mut app);
    let b = Browser { app };
    assert_eq!(
        b.selected_id(),
        "shanghai",
        "the entity with the most links"
    );
    let hint = "try /soea, then y p to copy its phone; p: how are two things connected";
    assert!(b.frame().contains(hint));
    let b = b.act(Action::StartSearch).keys("kuopio").act(Action::Open);
    let b = b.act(Action::Escape);
    assert!(!b.frame().contains(hint), "gone once the user has searched");
}

/// The detail pane's rows as text, for the entity found first by `query`.
fn card_text(query: &str, width: u16) -> String {
    let b = Browser::builtin(width, 60)
        .keys("/")
        .keys(query)
        .act(Action::Escape);
    let rows = b.app.detail_rows();
    rows.iter()
        .map(|r| r.iter().map(|p| p.text.as_str()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn an_agreements_areas_are_bullets_with_a_hanging_indent() {
    let text = card_text("agreement: sichuan chongqing strategic", 100);
    let areas: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Areas"))
        .take_while(|l| l.starts_with("Areas") || l.starts_with(' '))
        .collect();
    assert!(
        areas.len() >= 6,
        "six aspects, a bullet each: {areas:?}\n{text}"
    );
    let bullet_at = areas[0].find('•').expect("a bullet on the label's row");
    for row in &areas[1..] {
        let at = row.find(|c: char| c != ' ').unwrap_or(0);
        assert!(at >= bullet_at, "hanging indent: {row:?}");
    }
    assert!(!areas.iter().any(|l| l.contains("; ")), "{areas:?}");
}

#[test]
fn the_browser_card_shows_the_sections_liaison_show_prints() {
    // A country's card lists the organizations in its cities and its cities' ties, as
    // `liaison show` does.
    let text = card_text("countries: finland", 120);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_liaison"))
        .args(["show", "finland"])
        .output()
        .expect("liaison runs");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("Organizations located here ("), "{shown}");
    for heading in ["Organizations located here (", "Sister-city ties ("] {
        let line = shown
            .lines()
            .find(|l| l.starts_with(heading))
            .unwrap_or(heading);
        assert!(text.contains(line), "{line} in the browser:\n{text}");
    }
}

#[test]
fn a_removed_bookmark_shows_as_removed_on_its_row() {
    let b = Browser::restarted(&["soea", "espoo"], "")
        .act(Action::Resize(80, 24))
        .act(Action::ShowTab(6))
        .act(Action::Down)
        .act(Action::ToggleBookmark);
    let frame = b.frame();
    let row = frame
        .lines()
        .find(|l| l.contains("cty ") && l.contains("Espoo"))
        .expect("the removed bookmark's row");
    assert!(row.contains("removed"), "{row}");
}

#[test]
fn snapshot_search_line_with_the_previous_query_selected_80x24() {
    let b = Browser::new(80, 24)
        .act(Action::StartSearch)
        .keys("soea")
        .act(Action::Open)
        .act(Action::StartSearch);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn help_lists_every_filter_the_search_line_understands() {
    let frame = Browser::new(120, 35).act(Action::ToggleHelp).frame();
    for f in liaison::search::FILTERS {
        assert!(frame.contains(f.name), "help shows {}", f.name);
    }
}
