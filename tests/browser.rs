//! The browser without a terminal: action sequences on a fixture dataset, checked on the
//! state, and whole frames rendered on ratatui's `TestBackend`, checked as snapshots.
mod common;

use common::BROWSE_NETWORK as NETWORK;
use common::browse::{Browser, network};
use liaison::dataset::Dataset;
use liaison::network::Network;
use liaison::tui::action::Action;
use liaison::tui::action::Loaded;
use liaison::tui::state::{App, Mode, Pane};
use liaison::tui::ui::render;
use liaison::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

#[test]
fn search_narrows_and_ranks_the_best_match_first() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("espoo");
    assert!(b.app.mode.typing_search());
    assert_eq!(b.selected_id(), "espoo");
    assert!(b.row_ids().contains(&"shanghai-espoo"));
    assert!(!b.row_ids().contains(&"soea"));
    let b = b.act(Action::SearchClearToStart).typed("soea");
    assert_eq!(b.row_ids()[0], "soea");
    let b = b.act(Action::SearchDeleteWord).typed("上海市海外");
    assert_eq!(b.row_ids()[0], "soea");
}

#[test]
fn kind_prefix_and_tabs_filter_the_list() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("city: sh");
    assert!(b.row_ids().iter().all(|id| {
        [
            "shanghai",
            "espoo",
            "kuopio",
            "barcelona",
            "nairobi",
            "pudong",
        ]
        .contains(id)
    }));
    let b = Browser::new(120, 35).act(Action::ShowTab(3));
    assert_eq!(b.row_ids(), ["li-changhong", "pan-xiaogang"]);
    assert_eq!(b.app.list.counts[0], 17);
}

#[test]
fn readline_keys_edit_the_search_line() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("kenya chamber")
        .act(Action::SearchDeleteWord);
    assert_eq!(b.app.list.search.text, "kenya ");
    let b = b
        .act(Action::SearchHome)
        .typed("x")
        .act(Action::SearchEnd)
        .typed("y");
    assert_eq!(b.app.list.search.text, "xkenya y");
    let b = b.act(Action::SearchLeft).act(Action::SearchBackspace);
    assert_eq!(b.app.list.search.text, "xkenyay");
    let b = b
        .act(Action::SearchHome)
        .act(Action::SearchDelete)
        .act(Action::SearchEnd)
        .act(Action::SearchClearToStart);
    assert_eq!(b.app.list.search.text, "");
}

#[test]
fn escape_leaves_the_search_then_clears_it() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("espoo")
        .act(Action::Escape);
    assert!(!b.app.mode.typing_search());
    assert_eq!(b.app.list.search.text, "espoo");
    let b = b.act(Action::Escape);
    assert_eq!(b.app.list.search.text, "");
    assert_eq!(
        b.selected_id(),
        "espoo",
        "clearing the search keeps the selection"
    );
}

#[test]
fn following_a_link_then_going_back_restores_the_previous_place() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("espoo")
        .act(Action::Open);
    assert_eq!(b.app.focus(), Pane::Links);
    let b = b.pick_link("shanghai").act(Action::Open);
    assert_eq!(b.selected_id(), "shanghai");
    assert_eq!(b.app.breadcrumb().len(), 2);
    let link_before = b.app.panes.links.selected;
    let b = b.act(Action::HistoryBack);
    assert_eq!(b.selected_id(), "espoo");
    assert_eq!(b.app.list.search.text, "espoo", "back restores the search");
    assert_eq!(b.app.focus(), Pane::Links, "back restores the focused pane");
    let b = b.act(Action::HistoryForward);
    assert_eq!(b.selected_id(), "shanghai");
    assert_eq!(b.app.panes.links.selected, link_before);
}

#[test]
fn going_back_then_somewhere_new_drops_forward_history() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("soea")
        .act(Action::Open);
    let b = b
        .pick_link("shanghai")
        .act(Action::Open)
        .pick_link("espoo")
        .act(Action::Open);
    // Opening SOEA from the results, then two links followed.
    assert_eq!(b.app.history.back.len(), 3);
    let b = b.act(Action::HistoryBack);
    assert_eq!(b.selected_id(), "shanghai");
    assert_eq!(b.app.history.forward.len(), 1);
    let b = b.pick_link("barcelona").act(Action::Open);
    assert_eq!(b.selected_id(), "barcelona");
    assert!(b.app.history.forward.is_empty());
    let b = b.act(Action::HistoryForward);
    assert_eq!(b.selected_id(), "barcelona", "nothing to go forward to");
    assert!(b.app.status.is_some());
}

#[test]
fn links_reach_both_directions_from_the_browser() {
    // From the association up to its parent body, then back down to its member bodies.
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("soea")
        .act(Action::Open);
    let b = b.pick_link("shanghai-ocao").act(Action::Open);
    assert_eq!(b.selected_id(), "shanghai-ocao");
    let b = b.pick_link("soea").act(Action::Open);
    assert_eq!(b.selected_id(), "soea");
}

#[test]
fn resizing_to_one_cell_and_back_keeps_the_selection() {
    let mut b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("kenya")
        .act(Action::Escape);
    let before = b.selected_id().to_string();
    for (w, h) in [(1, 1), (0, 0), (3, 2), (60, 20), (500, 200), (120, 35)] {
        b = b.act(Action::Resize(w, h));
        let _ = b.frame();
    }
    assert_eq!(b.selected_id(), before);
}

#[test]
fn moving_keeps_the_selection_in_bounds() {
    let mut b = Browser::new(120, 35);
    let n = b.app.list.rows.len();
    b = b.act(Action::Bottom);
    assert_eq!(b.app.list.cursor.selected, n - 1);
    b = b.act(Action::PageDown).act(Action::Down);
    assert_eq!(b.app.list.cursor.selected, n - 1);
    b = b.act(Action::Top).act(Action::Up).act(Action::PageUp);
    assert_eq!(b.app.list.cursor.selected, 0);
    b = b.act(Action::HalfPageDown);
    assert!(b.app.list.cursor.selected > 0);
}

#[test]
fn narrow_terminals_show_one_pane_at_a_time() {
    let b = Browser::new(60, 20);
    assert!(b.app.areas.narrow);
    assert!(b.app.areas.detail.is_empty());
    let b = b.act(Action::NextPane);
    assert_eq!(b.app.focus(), Pane::Detail);
    assert!(b.app.areas.list.is_empty() && !b.app.areas.detail.is_empty());
}

#[test]
fn clicking_a_row_selects_it_and_the_wheel_scrolls() {
    let b = Browser::new(120, 35);
    let list = b.app.areas.list;
    let b = b.act(Action::Click(list.x + 3, list.y + 3));
    assert_eq!(b.app.list.cursor.selected, 2);
    let b = b.act(Action::Scroll(list.x + 3, list.y + 3, 1));
    assert_eq!(b.app.list.cursor.selected, 5);
    let links = b.app.areas.links;
    let b = b.act(Action::Click(links.x + 3, links.y + 1));
    assert_eq!(b.app.focus(), Pane::Links);
}

#[test]
fn pasted_text_goes_into_the_search_line_as_text() {
    let b = Browser::new(120, 35).act(Action::Paste("q\nespoo".into()));
    assert!(b.app.mode.typing_search());
    assert_eq!(b.app.list.search.text, "q espoo");
    assert!(!b.app.quit, "a pasted q is not a command");
}

#[test]
fn q_quits_but_overlays_close_first() {
    let b = Browser::new(120, 35).act(Action::ToggleHelp);
    let b = b.act(Action::Escape);
    assert!(!matches!(b.app.mode, Mode::Overlay(_)) && !b.app.quit);
    let b = b.act(Action::Quit);
    assert!(b.app.quit);
}

#[test]
fn snapshot_main_screen_wide() {
    let b = Browser::new(120, 35);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_main_screen_narrow() {
    let b = Browser::new(60, 20);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_search_in_progress() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("shang");
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_links_of_an_organization() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("soea")
        .act(Action::Open);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_after_following_links_shows_the_breadcrumb() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("espoo")
        .act(Action::Open);
    let b = b
        .pick_link("shanghai")
        .act(Action::Open)
        .pick_link("soea")
        .act(Action::Open);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_help_overlay() {
    let b = Browser::new(120, 35).act(Action::ToggleHelp);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_problems_overlay() {
    let b = Browser::with_problems(120, 35).act(Action::ToggleProblems);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_narrow_detail_pane() {
    let b = Browser::new(60, 20)
        .act(Action::StartSearch)
        .typed("soea")
        .act(Action::Escape)
        .act(Action::NextPane);
    insta::assert_snapshot!(b.frame());
}

fn view_name(app: &App) -> &'static str {
    match app.mode.under() {
        Mode::Map(_) => "map",
        Mode::Path(_) => "path",
        Mode::Timeline(_) => "timeline",
        _ => "main",
    }
}

#[test]
fn map_pans_zooms_resets_and_cycles_through_the_cities_shown() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("city: shanghai")
        .act(Action::Escape);
    let b = b.act(Action::OpenMap);
    assert_eq!(view_name(&b.app), "map");
    let Mode::Map(m) = &b.app.mode else {
        unreachable!()
    };
    assert_eq!(
        m.focus.center.map(|c| b.app.net.data.entity(c).id()),
        Some("shanghai")
    );
    let related: Vec<&str> = m
        .focus
        .related
        .iter()
        .map(|&c| b.app.net.data.entity(c).id())
        .collect();
    assert_eq!(
        related,
        ["barcelona", "espoo"],
        "sister cities with coordinates, in link order"
    );
    let b = b
        .act(Action::ZoomIn)
        .act(Action::ZoomIn)
        .act(Action::PanRight)
        .act(Action::PanUp);
    let Mode::Map(m) = &b.app.mode else {
        unreachable!()
    };
    assert_eq!(m.viewport.zoom, 4.0);
    assert!(m.viewport.lon > 0.0 && m.viewport.lat > 0.0);
    let b = b.act(Action::ResetView);
    let Mode::Map(m) = &b.app.mode else {
        unreachable!()
    };
    assert_eq!(
        (m.viewport.zoom, m.viewport.lon, m.viewport.lat),
        (1.0, 0.0, 0.0)
    );
    // Enter cycles: the first press highlights a city, the next opens it on the map.
    let b = b.act(Action::NextCity).act(Action::NextCity);
    let Mode::Map(m) = &b.app.mode else {
        unreachable!()
    };
    assert_eq!(m.highlight, Some(1));
    let b = b.act(Action::Open);
    let Mode::Map(m) = &b.app.mode else {
        unreachable!()
    };
    assert_eq!(
        m.entity.map(|e| b.app.net.data.entity(e).id()),
        Some("barcelona")
    );
    assert_eq!(b.selected_id(), "barcelona");
    let b = b.act(Action::HistoryBack);
    assert_eq!(b.selected_id(), "shanghai");
    let b = b.act(Action::Escape);
    assert_eq!(view_name(&b.app), "main");
}

#[test]
fn path_asks_for_the_second_entity_and_steps_through_the_chain() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("espoo")
        .act(Action::Escape);
    let b = b.act(Action::StartPath);
    assert!(matches!(b.app.mode, Mode::PickPath(_)) && b.app.mode.typing_search());
    assert_eq!(
        b.app.list.search.text, "",
        "the search line is free for the second entity"
    );
    let b = b.typed("soea").act(Action::Open);
    assert_eq!(view_name(&b.app), "path");
    assert_eq!(
        b.app.list.search.text, "espoo",
        "the earlier search is put back"
    );
    let Mode::Path(p) = &b.app.mode else {
        unreachable!()
    };
    let ids: Vec<&str> = p
        .nodes()
        .iter()
        .map(|&n| b.app.net.data.entity(n as usize).id())
        .collect();
    assert_eq!(ids, ["espoo", "shanghai", "soea"]);
    assert!(
        p.paths.len() > 1,
        "alternatives exist through the agreement and the event"
    );
    let b = b.act(Action::NextAlternative);
    let Mode::Path(p) = &b.app.mode else {
        unreachable!()
    };
    assert_eq!(p.alt, 1);
    assert!(p.paths[1].len() >= p.paths[0].len());
    let b = b
        .act(Action::PrevAlternative)
        .act(Action::Down)
        .act(Action::Open);
    assert_eq!(view_name(&b.app), "main");
    assert_eq!(b.selected_id(), "shanghai");
}

#[test]
fn path_between_unconnected_entities_says_so() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("kuopio")
        .act(Action::Escape);
    let b = b.act(Action::StartPath).typed("soea").act(Action::Open);
    let Mode::Path(p) = &b.app.mode else {
        unreachable!()
    };
    assert!(p.paths.is_empty());
    assert!(b.frame().contains("are not connected"));
}

#[test]
fn cancelling_a_path_puts_the_search_back() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("espoo")
        .act(Action::Escape);
    let b = b.act(Action::StartPath).typed("so").act(Action::Escape);
    assert!(!matches!(b.app.mode, Mode::PickPath(_)));
    assert_eq!(b.app.list.search.text, "espoo");
    assert_eq!(b.selected_id(), "espoo");
}

#[test]
fn timeline_lists_dated_items_in_order_and_opens_one() {
    let b = Browser::new(120, 35).act(Action::OpenTimeline);
    let Mode::Timeline(t) = &b.app.mode else {
        unreachable!()
    };
    let ids: Vec<&str> = t.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "soea",
            "shanghai-espoo",
            "espoo-mou-1999",
            "shanghai-barcelona",
            "pudong-kuopio",
            "finland-visit-2019"
        ]
    );
    let b = b
        .act(Action::Down)
        .act(Action::Down)
        .act(Action::Bottom)
        .act(Action::Up)
        .act(Action::Open);
    assert_eq!(b.selected_id(), "pudong-kuopio");
    assert_eq!(view_name(&b.app), "main");
    let b = b.act(Action::HistoryBack);
    assert_eq!(
        b.selected_id(),
        "kenya-shanghai-chamber",
        "back returns to where the timeline was opened"
    );
}

#[test]
fn timeline_follows_the_active_search() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("espoo")
        .act(Action::Escape)
        .act(Action::OpenTimeline);
    let Mode::Timeline(t) = &b.app.mode else {
        unreachable!()
    };
    assert!(t.filtered);
    let ids: Vec<&str> = t.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["shanghai-espoo", "espoo-mou-1999"]);
}

#[test]
fn snapshot_map_wide() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("city: shanghai")
        .act(Action::Escape)
        .act(Action::OpenMap);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_map_narrow() {
    let b = Browser::new(60, 20)
        .act(Action::StartSearch)
        .typed("city: shanghai")
        .act(Action::Escape)
        .act(Action::OpenMap);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_path_wide() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("espoo")
        .act(Action::Escape);
    let b = b.act(Action::StartPath).typed("soea").act(Action::Open);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_path_narrow() {
    let b = Browser::new(60, 20)
        .act(Action::StartSearch)
        .typed("espoo")
        .act(Action::Escape);
    let b = b
        .act(Action::StartPath)
        .typed("soea")
        .act(Action::Open)
        .act(Action::Down);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_timeline_wide() {
    let b = Browser::new(120, 35)
        .act(Action::OpenTimeline)
        .act(Action::Down);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_timeline_narrow() {
    let b = Browser::new(60, 20).act(Action::OpenTimeline);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn bookmarks_toggle_list_in_their_tab_and_ask_to_be_saved() {
    use liaison::tui::state::Effect;
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("soea")
        .act(Action::Escape);
    let b = b.act(Action::ToggleBookmark);
    assert_eq!(b.app.saved.bookmarks, ["soea"]);
    assert!(b.app.effects.contains(&Effect::SaveState));
    let b = b.act(Action::Escape).act(Action::ShowTab(6));
    assert_eq!(b.row_ids(), ["soea"]);
    assert_eq!(b.app.list.counts[6], 1);
    let b = b.act(Action::ToggleBookmark);
    assert!(b.app.saved.bookmarks.is_empty());
    // The removed bookmark keeps its row (shown as removed) until the tab is listed again.
    assert_eq!(b.row_ids(), ["soea"]);
    assert_eq!(b.app.list.counts[6], 0);
    let b = b.act(Action::ShowTab(0)).act(Action::ShowTab(6));
    assert!(b.row_ids().is_empty());
}

#[test]
fn opened_entities_are_listed_in_the_recent_tab_most_recent_first() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("espoo")
        .act(Action::Open);
    // The tab bar counts each one as it is opened, not at the next listing.
    let recent = liaison::tui::state::Tab::Recent.index();
    assert_eq!(b.app.list.counts[recent], 1);
    let b = b.pick_link("shanghai").act(Action::Open);
    assert_eq!(b.app.list.counts[recent], 2);
    let b = b.act(Action::ShowTab(7));
    assert_eq!(b.row_ids(), ["shanghai", "espoo"]);
}

#[test]
fn quitting_remembers_the_place_for_the_next_start() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("soea")
        .act(Action::Escape)
        .act(Action::Quit);
    let last = b.app.saved.last.clone().unwrap();
    assert_eq!(last.entity.as_deref(), Some("soea"));
    assert_eq!(last.query, "soea");
    let mut again = Browser::new(120, 35);
    again.app.saved = b.app.saved.clone();
    liaison::tui::update::bookmarks::restore_place(&mut again.app);
    assert_eq!(again.selected_id(), "soea");
}

#[test]
fn y_then_a_letter_copies_plain_contact_data() {
    use liaison::tui::state::Effect;
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("soea")
        .act(Action::Escape);
    let b = b.act(Action::StartCopy);
    assert_eq!(b.app.mode, Mode::Copy);
    let b = b.act(Action::Copy(liaison::tui::action::CopyWhat::Phone));
    assert_eq!(b.app.mode, Mode::Browse);
    assert_eq!(
        b.app.effects.last(),
        Some(&Effect::Copy {
            label: "phone number of Shanghai Overseas Exchange Association".into(),
            text: "0086-21-62496566".into()
        })
    );
    let b = b
        .act(Action::StartCopy)
        .act(Action::Copy(liaison::tui::action::CopyWhat::Email));
    assert!(
        b.app
            .status
            .as_deref()
            .unwrap()
            .contains("has no e-mail address")
    );
}

#[test]
fn copied_text_never_carries_control_sequences_from_the_data() {
    let evil = "[Organization(id: \"evil\", name: \"Evil\", contact: (address: \"1 Main St\\u{1b}]52;c;ZXZpbA==\\u{7}\"), sources: [\"x\"])]";
    let net = Arc::new(Network::from_dataset(Dataset::from_texts(
        "evil",
        vec![("evil.ron".into(), evil.as_bytes().to_vec())],
    )));
    let mut app = App::new(net, 120, 35);
    update(&mut app, Action::StartCopy);
    update(
        &mut app,
        Action::Copy(liaison::tui::action::CopyWhat::Address),
    );
    let Some(liaison::tui::state::Effect::Copy { text, .. }) = app.effects.last() else {
        panic!("nothing copied")
    };
    assert_eq!(text, "1 Main St]52;c;ZXZpbA==");
}

#[test]
fn x_asks_for_a_file_name_and_exports_the_card_as_vcard() {
    use liaison::tui::state::Effect;
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("soea")
        .act(Action::Escape);
    let b = b.act(Action::ExportCard);
    let Mode::Prompt(prompt) = &b.app.mode else {
        panic!("no prompt")
    };
    assert_eq!(prompt.editor.text, "soea.vcf");
    let b = b
        .act(Action::SearchClearToStart)
        .typed("/tmp/a.vcf")
        .act(Action::Open);
    assert_eq!(b.app.mode, Mode::Browse);
    let Some(Effect::WriteFile { path, text }) = b.app.effects.last() else {
        panic!("no export")
    };
    assert_eq!(path, std::path::Path::new("/tmp/a.vcf"));
    assert!(text.starts_with("BEGIN:VCARD\r\n"));
    assert!(text.contains("tel:+86-21-62496566"));
}

#[test]
fn reloading_keeps_the_selection_and_says_what_changed() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("espoo")
        .act(Action::Open);
    let mut b = b.pick_link("shanghai").act(Action::Open);
    let changed = NETWORK.replace("Kenya Shanghai Chamber of Commerce\"", "Kenya Shanghai Chamber of Commerce (KSCC)\"").replace(
        "    Person(id: \"li-changhong\"",
        "    City(id: \"tbilisi\", name: \"Tbilisi\", country: \"Georgia\", sources: [\"x\"]),\n    Person(id: \"li-changhong\"",
    );
    let new = Network::from_dataset(Dataset::from_texts(
        "test fixture",
        vec![("fixtures/network.ron".into(), changed.into_bytes())],
    ));
    update(&mut b.app, Action::Reloaded(Loaded::watched(Arc::new(new))));
    assert_eq!(b.selected_id(), "shanghai");
    assert_eq!(
        b.app.status.as_deref(),
        Some("reloaded: ~1 organization, +1 city")
    );
    let b = b.act(Action::HistoryBack);
    assert_eq!(b.selected_id(), "espoo", "history survives a reload");
}

#[test]
fn a_broken_edit_keeps_the_last_good_data_on_screen() {
    let mut b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("soea")
        .act(Action::Escape);
    let broken = NETWORK.replace("parent: \"shanghai-ocao\",", "parent: \"shanghai-ocoa\",");
    let new = Network::from_dataset(Dataset::from_texts(
        "test fixture",
        vec![("fixtures/network.ron".into(), broken.into_bytes())],
    ));
    let before = Arc::clone(&b.app.net);
    update(&mut b.app, Action::Reloaded(Loaded::watched(Arc::new(new))));
    assert!(Arc::ptr_eq(&before, &b.app.net), "the old data stays");
    assert_eq!(b.app.problems.rejected.len(), 1);
    assert!(
        b.app
            .status
            .as_deref()
            .unwrap()
            .contains("keeping the data shown")
    );
    let b = b.act(Action::ToggleProblems);
    assert!(b.frame().contains("did you mean `shanghai-ocao`"));
}

#[test]
fn the_map_labels_the_focus_cities_on_a_large_terminal() {
    let b = Browser::new(200, 60)
        .act(Action::StartSearch)
        .typed("city: shanghai")
        .act(Action::Escape)
        .act(Action::OpenMap);
    let frame = b.frame();
    for label in ["Shanghai", "Espoo", "Barcelona"] {
        assert!(frame.contains(label), "{label} is labelled at 200x60");
    }
    assert!(
        frame.contains("selected") && frame.contains("sister / linked cities"),
        "the legend is shown"
    );
}

#[test]
fn no_color_turns_every_colour_off_and_the_config_picks_the_theme() {
    use liaison::tui::config::Config;
    use liaison::tui::theme::Theme;
    use liaison::tui::theme_for;
    let config = Config {
        theme: "light".into(),
        ..Config::default()
    };
    assert_eq!(theme_for(&config, true), Theme::no_color());
    assert_eq!(theme_for(&config, false), Theme::light());
    let mut colored = Config::default();
    colored.colors.insert("selection".into(), "#ff0000".into());
    let theme = theme_for(&colored, false);
    assert_eq!(
        theme.selected.bg,
        Some(ratatui::style::Color::Rgb(255, 0, 0))
    );
    let plain = Theme::no_color();
    for style in [
        plain.selected,
        plain.matched,
        plain.header,
        plain.error,
        plain.border_focused,
    ] {
        assert_eq!((style.fg, style.bg), (None, None));
    }
}

#[test]
fn a_key_remap_from_the_config_reaches_keys_and_help() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use liaison::tui::keymap::KeyMode;
    let mut b = Browser::new(120, 120);
    b.app.keymap.remap("open_timeline", &["T".into()]).unwrap();
    let key = KeyEvent::new(KeyCode::Char('T'), KeyModifiers::SHIFT);
    assert_eq!(
        b.app.keymap.action_for(KeyMode::Normal, key),
        Some(Action::OpenTimeline)
    );
    let b = b.act(Action::ToggleHelp);
    let frame = b.frame();
    assert!(
        frame.lines().any(|l| l.contains(" T timeline, by year")),
        "help shows the new key"
    );
}

/// Opens an entity by id from a search and focuses its detail pane.
fn detail_of(b: Browser, query: &str, id: &str) -> Browser {
    let mut b = b.act(Action::StartSearch).typed(query).act(Action::Escape);
    let row = b
        .row_ids()
        .iter()
        .position(|r| *r == id)
        .unwrap_or_else(|| panic!("{id} is listed for {query}"));
    for _ in 0..row {
        b = b.act(Action::Down);
    }
    b.app.set_focus(Pane::Detail);
    assert_eq!(b.selected_id(), id);
    b
}

#[test]
fn the_end_of_every_card_can_be_scrolled_to_at_every_size() {
    for (w, h) in [(120, 35), (80, 24), (60, 20), (200, 12)] {
        let mut b = Browser::builtin(w, h);
        let n = b.app.list.rows.len();
        for row in 0..n {
            b.app.list.cursor.select(row, n, 1);
            b.app.panes.detail_scroll = 0;
            b.app.set_focus(Pane::Detail);
            b = b.act(Action::Bottom);
            let id = b.selected_id().to_string();
            let i = b.app.selected().unwrap();
            let origin = b.app.net.data.origin(i).to_string();
            let rows = b.app.detail_rows().len();
            let frame = b.frame();
            assert!(
                frame.contains(&format!("/{rows} ")) && frame.contains(&format!("–{rows}/")),
                "{w}x{h}: the title of {id} says its last row shows\n{frame}"
            );
            assert!(
                frame.contains(&origin),
                "{w}x{h}: the id line of {id} ends the pane after G\n{frame}"
            );
        }
    }
}

#[test]
fn page_down_and_j_reach_the_sources_of_the_sichuan_chongqing_agreement() {
    for (w, h) in [(120, 35), (80, 24)] {
        let mut b = detail_of(
            Browser::builtin(w, h),
            "agreement: sichuan chongqing strategic",
            "sichuan-chongqing-federations-2020",
        );
        for _ in 0..40 {
            b = b.act(Action::PageDown);
        }
        let frame = b.frame();
        assert!(frame.contains("sc.gov.cn 2020-05-01"), "{w}x{h}\n{frame}");
        assert!(
            frame.contains("id sichuan-chongqing-federations-2020"),
            "{w}x{h}\n{frame}"
        );
        let rows = b.app.detail_rows().len();
        assert!(
            frame.contains(&format!("/{rows} ")),
            "the title says the position in the card"
        );
        let mut j = detail_of(
            Browser::builtin(w, h),
            "agreement: sichuan chongqing strategic",
            "sichuan-chongqing-federations-2020",
        );
        for _ in 0..rows {
            j = j.act(Action::Down);
        }
        assert_eq!(j.frame(), frame, "j goes as far as PgDn");
    }
}

#[test]
fn snapshot_bottom_of_a_long_card_wide() {
    let b = detail_of(
        Browser::builtin(120, 35),
        "agreement: sichuan chongqing strategic",
        "sichuan-chongqing-federations-2020",
    )
    .act(Action::Bottom);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_bottom_of_a_long_card_80x24() {
    let b = detail_of(
        Browser::builtin(80, 24),
        "agreement: sichuan chongqing strategic",
        "sichuan-chongqing-federations-2020",
    )
    .act(Action::Bottom);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_bottom_of_soea_wide() {
    let b = detail_of(Browser::builtin(120, 35), "soea", "soea").act(Action::Bottom);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_bottom_of_soea_80x24() {
    let b = detail_of(Browser::builtin(80, 24), "soea", "soea").act(Action::Bottom);
    insta::assert_snapshot!(b.frame());
}

#[test]
fn snapshot_list_and_links_at_80x24_keep_help_and_quit_in_the_footer() {
    let b = Browser::new(80, 24);
    let frame = b.frame();
    let footer = frame.lines().last().unwrap_or_default();
    assert!(
        footer.contains("? help") && footer.contains("q quit"),
        "{footer}"
    );
    insta::assert_snapshot!(frame);
    let b = b.act(Action::StartSearch).typed("espoo").act(Action::Open);
    assert_eq!(b.app.focus(), Pane::Links);
    insta::assert_snapshot!("links_80x24", b.frame());
}

#[test]
fn the_export_prompt_is_drawn_with_its_path_and_q_is_text_in_it() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("soea")
        .act(Action::Escape)
        .act(Action::ExportCard)
        .typed("q");
    assert!(!b.app.quit, "q typed in the prompt is text");
    let frame = b.frame();
    let cwd = std::env::current_dir().unwrap().join("soea.vcfq");
    assert!(frame.contains("export vCard to: soea.vcfq"), "{frame}");
    assert!(
        frame.contains(&cwd.display().to_string()),
        "the full path is shown"
    );
    assert!(frame.contains("Enter confirm") && frame.contains("Esc cancel"));
    let b = b.act(Action::SearchBackspace);
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).unwrap();
    terminal.draw(|f| render(&b.app, f)).unwrap();
    let Ok(pos) = terminal.get_cursor_position();
    let cursor = Some(pos);
    let prefix = " export vCard to: soea.vcf".len() as u16;
    assert_eq!(
        cursor.map(|p| (p.x, p.y)),
        Some((prefix, 2)),
        "the cursor ends the answer"
    );
    let b = b.act(Action::Escape);
    assert_eq!(b.app.mode, Mode::Browse);
    assert_eq!(b.app.status.as_deref(), Some("export cancelled"));
    assert!(b.app.effects.is_empty(), "nothing is written");
}

#[test]
fn snapshot_export_prompt() {
    let mut b = Browser::new(80, 24)
        .act(Action::StartSearch)
        .typed("soea")
        .act(Action::Escape)
        .act(Action::ExportCard);
    if let Mode::Prompt(p) = &mut b.app.mode {
        // The folder shown must not depend on where the tests run.
        p.base = std::path::PathBuf::from("/home/staff");
    }
    insta::assert_snapshot!(b.frame());
}

#[test]
fn a_remapped_key_shows_in_the_footer_and_help() {
    let mut b = Browser::new(80, 24);
    b.app.keymap.remap("history_back", &["b".into()]).unwrap();
    let frame = b.frame();
    let footer = frame.lines().last().unwrap_or_default().to_string();
    assert!(footer.contains("b back"), "{footer}");
    assert!(!footer.contains("b bookmark") && !footer.contains("Backspace"));
    insta::assert_snapshot!(frame);
    let b = b.act(Action::Resize(120, 160)).act(Action::ToggleHelp);
    let help = b.frame();
    assert!(
        help.lines()
            .any(|l| l.contains(" b ") && l.contains(" back ")),
        "{help}"
    );
}

#[test]
fn a_config_problem_still_shows_under_the_bang_after_a_reload() {
    let (_, problems) = liaison::tui::config::parse("config.ron", "(theme: \"sepia\")");
    assert_eq!(problems.len(), 1);
    let mut b = Browser::new(120, 35);
    b.app.problems.config = problems;
    let changed = NETWORK.replace(
        "Kenya Shanghai Chamber of Commerce\"",
        "Kenya Shanghai Chamber of Commerce (KSCC)\"",
    );
    let new = Network::from_dataset(Dataset::from_texts(
        "test fixture",
        vec![("fixtures/network.ron".into(), changed.into_bytes())],
    ));
    let b = b
        .act(Action::Reloaded(Loaded::watched(Arc::new(new))))
        .act(Action::ToggleProblems);
    let frame = b.frame();
    assert!(frame.contains("unknown theme `sepia`"), "{frame}");
    insta::assert_snapshot!(frame);
}

#[test]
fn status_messages_have_their_own_line_and_never_cover_the_keys() {
    let b = Browser::new(80, 24).act(Action::HistoryBack);
    let frame = b.frame();
    let lines: Vec<&str> = frame.lines().collect();
    let status = lines[lines.len() - 2];
    let footer = lines[lines.len() - 1];
    assert!(status.contains("no earlier place in history"), "{status}");
    assert!(
        footer.contains("? help") && footer.contains("q quit"),
        "{footer}"
    );
}

/// Keys as the terminal sends them, for the scripted event source.
fn keys(text: &str) -> Vec<crossterm::event::Event> {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    text.chars()
        .map(|c| {
            let code = match c {
                '\r' => KeyCode::Enter,
                '\x1b' => KeyCode::Esc,
                '\t' => KeyCode::Tab,
                c => KeyCode::Char(c),
            };
            Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
        })
        .collect()
}

#[test]
fn the_real_event_loop_runs_headless_from_a_script() {
    use liaison::tui::effects::Nowhere;
    use liaison::tui::event_loop::{Scripted, run_loop};
    let mut app = App::new(network(false), 80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    // Search, leave the search, open the export prompt and type a q into it: the last
    // frame before the script's final q shows the prompt with the q as text.
    let mut events = Scripted::new(keys("/soea\x1bxq"));
    let err = run_loop(&mut terminal, &mut app, &mut events, &mut Nowhere).unwrap_err();
    assert!(err.to_string().contains("ran out"), "{err}");
    assert!(!app.quit, "q in the prompt is text");
    let frame = terminal.backend().to_string();
    assert!(frame.contains("export vCard to: soea.vcfq"), "{frame}");
    // Esc cancels; then q quits, and the loop returns.
    let mut events = Scripted::new(keys("\x1b"));
    let _ = run_loop(&mut terminal, &mut app, &mut events, &mut Nowhere);
    assert_eq!(app.status.as_deref(), Some("export cancelled"));
    assert_eq!(app.mode, Mode::Browse);
    let mut events = Scripted::new(keys("q"));
    run_loop(&mut terminal, &mut app, &mut events, &mut Nowhere).unwrap();
    assert!(app.quit);
    assert_eq!(
        app.saved.last.as_ref().and_then(|l| l.entity.as_deref()),
        Some("soea")
    );
}

#[test]
fn snapshot_headless_run_of_the_detail_pane_scrolled_to_the_end() {
    use liaison::tui::effects::Nowhere;
    use liaison::tui::event_loop::{Scripted, run_loop};
    let mut app = App::new(network(false), 80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut events = Scripted::new(keys("/soea\x1b\tGq"));
    run_loop(&mut terminal, &mut app, &mut events, &mut Nowhere).unwrap();
    let frame = terminal.backend().to_string();
    assert!(frame.contains("id soea"), "{frame}");
    // TestBackend keeps stale letters under wide characters drawn over frames (a real
    // terminal blanks them): the snapshot is of the state the loop left, drawn afresh.
    let b = Browser { app };
    insta::assert_snapshot!(b.frame());
}

/// The fixture with one dangling reference (an error), and `extra` edits.
fn with_one_error(extra: &str) -> Network {
    let text = NETWORK
        .replace("parent: \"shanghai-ocao\",", "parent: \"shanghai-ocoa\",")
        .replace("129 Yananxilu", extra);
    Network::from_dataset(Dataset::from_texts(
        "test fixture",
        vec![("fixtures/network.ron".into(), text.into_bytes())],
    ))
}

#[test]
fn data_with_an_error_still_follows_edits_that_add_no_error() {
    let net = Arc::new(with_one_error("129 Yananxilu"));
    assert_eq!(net.data.problem_count(liaison::dataset::Severity::Error), 1);
    let b = Browser {
        app: App::new(net, 120, 35),
    };
    let b = b.act(Action::StartSearch).typed("soea").act(Action::Escape);
    let edited = Arc::new(with_one_error("129 Yan'an Road West"));
    let b = b.act(Action::Reloaded(Loaded::watched(Arc::clone(&edited))));
    assert!(Arc::ptr_eq(&b.app.net, &edited), "the edit is shown");
    assert!(b.frame().contains("129 Yan'an Road"));
    assert_eq!(
        b.app.status.as_deref(),
        Some("reloaded: ~1 organization, 1 problem")
    );
}

#[test]
fn r_always_loads_and_shows_the_files_even_with_more_errors() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("soea")
        .act(Action::Escape);
    assert_eq!(
        b.act(Action::Reload).app.effects,
        [liaison::tui::state::Effect::Reload]
    );
    let mut b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("soea")
        .act(Action::Escape);
    let broken = Arc::new(with_one_error("129 Yananxilu"));
    b = b.act(Action::Reloaded(Loaded::asked(Arc::clone(&broken))));
    assert!(Arc::ptr_eq(&b.app.net, &broken), "what r loaded is shown");
    assert!(b.app.problems.rejected.is_empty());
    assert_eq!(b.selected_id(), "soea");
}

#[test]
fn a_data_file_cut_to_nothing_is_a_problem_not_a_silent_deletion() {
    let b = Browser::new(120, 35)
        .act(Action::StartSearch)
        .typed("soea")
        .act(Action::Escape);
    let emptied = Network::from_dataset(Dataset::from_texts(
        "test fixture",
        vec![("fixtures/network.ron".into(), Vec::new())],
    ));
    let before = Arc::clone(&b.app.net);
    let b = b.act(Action::Reloaded(Loaded::watched(Arc::new(emptied))));
    assert!(Arc::ptr_eq(&before, &b.app.net), "the entities stay");
    assert_eq!(b.selected_id(), "soea");
    let b = b.act(Action::ToggleProblems);
    let frame = b.frame();
    assert!(
        frame.contains("fixtures/network.ron error the file now holds no entity (it held 17)"),
        "{frame}"
    );
}

#[test]
fn a_huge_paste_a_huge_saved_query_and_a_huge_problem_stay_cheap() {
    let b = Browser::new(120, 35).act(Action::Paste("soea ".repeat(40_000)));
    let typed = b.app.list.search.text.chars().count();
    assert!(typed <= 512, "the search line holds {typed} characters");
    let mut again = Browser::new(120, 35);
    again.app.saved.last = Some(liaison::tui::saved::LastPlace {
        entity: None,
        tab: 0,
        query: "x".repeat(20_000_000),
    });
    liaison::tui::update::bookmarks::restore_place(&mut again.app);
    assert!(again.app.list.search.text.len() <= 512);
    let mut b = Browser::new(120, 35);
    let (_, problems) = liaison::tui::config::parse(
        "config.ron",
        &format!("(theme: \"{}\")", "y".repeat(5_000_000)),
    );
    b.app.problems.config = problems;
    let b = b.act(Action::ToggleProblems);
    let rows = b
        .app
        .overlay_rows(liaison::tui::state::Overlay::Problems)
        .len();
    assert!(rows < 40, "a huge quoted value is cut, not {rows} rows");
}

#[test]
fn the_export_prompt_proposes_a_safe_name_for_a_hostile_id() {
    let evil =
        "[Organization(id: \"../../escaped\\u{1b}]0;x\\u{7}\", name: \"Evil\", sources: [\"x\"])]";
    let net = Arc::new(Network::from_dataset(Dataset::from_texts(
        "evil",
        vec![("evil.ron".into(), evil.as_bytes().to_vec())],
    )));
    let b = Browser {
        app: App::new(net, 120, 35),
    }
    .act(Action::ExportCard);
    let Mode::Prompt(p) = &b.app.mode else {
        panic!("no prompt")
    };
    let name = p.editor.text.clone();
    assert!(!name.contains('/') && !name.starts_with('.'), "{name}");
    assert!(!name.chars().any(char::is_control), "{name:?}");
    assert_eq!(
        p.target().parent(),
        Some(p.base.as_path()),
        "it stays in the folder"
    );
    let b = b.act(Action::Open);
    let Some(liaison::tui::state::Effect::WriteFile { path, .. }) = b.app.effects.last() else {
        panic!("no export")
    };
    assert!(
        path.is_absolute(),
        "the full path is written and shown: {path:?}"
    );
}
