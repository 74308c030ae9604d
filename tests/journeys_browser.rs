//! Everyday journeys in the browser on the built-in dataset, without a terminal: the ties
//! table (`T`), the anniversaries (`A`), exporting a list (`X`), the timeline's year jump
//! and date filters, the map zoomed on a city, and `y c` copying a summary. Action
//! sequences are checked on the state; whole frames on ratatui's `TestBackend` as snapshots
//! at 120×35 and 80×24. Dates are fixed (`open_on`) so that years counted do not age.

use chrono::NaiveDate;
use liaison::dataset::DataChoice;
use liaison::network::Network;
use liaison::tui::action::{Action, CopyWhat};
use liaison::tui::state::{App, Effect, Mode};
use liaison::tui::ui::render;
use liaison::tui::update::{anniversaries, ties, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::{Arc, OnceLock};

fn builtin() -> Arc<Network> {
    static NET: OnceLock<Arc<Network>> = OnceLock::new();
    Arc::clone(NET.get_or_init(|| Arc::new(Network::load(&DataChoice::Builtin))))
}

/// The day the tests count years to.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).expect("a date")
}

fn app(width: u16, height: u16) -> App {
    App::new(builtin(), width, height)
}

fn act(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        update(app, a);
    }
}

fn typed(app: &mut App, text: &str) {
    act(app, text.chars().map(Action::SearchInsert));
}

/// Searches `query` and leaves the search with its best match selected.
fn select(app: &mut App, query: &str) {
    update(app, Action::StartSearch);
    typed(app, query);
    update(app, Action::Escape);
    assert!(app.selected().is_some(), "{query} selects something");
}

fn selected_id(app: &App) -> String {
    let i = app.selected().expect("a selection");
    app.net.data.entity(i).id().to_string()
}

fn frame(app: &App) -> String {
    let (w, h) = (app.areas.width, app.areas.height);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| render(app, f)).expect("draw");
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn ties_of_shanghai(width: u16, height: u16) -> App {
    let mut a = app(width, height);
    select(&mut a, "city:shanghai");
    assert_eq!(selected_id(&a), "shanghai");
    ties::open_on(&mut a, today());
    a
}

fn tie_rows(a: &App) -> &[liaison::ties::TieRow] {
    match &a.mode {
        Mode::Ties(t) => &t.rows,
        other => panic!("the ties table is open, not {other:?}"),
    }
}

#[test]
fn t_on_shanghai_lists_the_same_rows_as_the_shell_command() {
    let mut a = app(120, 35);
    select(&mut a, "city:shanghai");
    update(&mut a, Action::OpenTies);
    let shown: Vec<String> = tie_rows(&a).iter().map(|r| r.id.clone()).collect();
    let ds = &builtin().data;
    let subject = liaison::ties::Subject::of(ds, a.selected().unwrap(), false).unwrap();
    let expected: Vec<String> = liaison::ties::table(
        ds,
        subject,
        chrono::Local::now().date_naive(),
        &liaison::ties::Filter::default(),
        false,
        liaison::ties::Column::Since,
        false,
    )
    .into_iter()
    .map(|r| r.id)
    .collect();
    assert!(shown.len() > 50, "Shanghai has many official ties");
    assert_eq!(shown, expected);
}

#[test]
fn sorting_cycles_columns_and_reverses() {
    let mut a = ties_of_shanghai(120, 35);
    update(&mut a, Action::SortNext);
    let Mode::Ties(t) = &a.mode else { panic!() };
    assert_eq!(t.column, liaison::ties::Column::Years);
    act(&mut a, std::iter::repeat_n(Action::SortPrev, 4));
    let Mode::Ties(t) = &a.mode else { panic!() };
    assert_eq!(t.column, liaison::ties::Column::Country);
    let countries: Vec<String> = t.rows.iter().map(|r| r.country.clone()).collect();
    let mut sorted = countries.clone();
    sorted.sort_by_key(|c| c.to_lowercase());
    assert_eq!(countries, sorted);
    update(&mut a, Action::SortReverse);
    let first = tie_rows(&a)[0].country.to_lowercase();
    assert_eq!(first, sorted.last().unwrap().to_lowercase());
}

#[test]
fn typing_a_filter_narrows_the_table_at_each_key_and_esc_clears_it() {
    let mut a = ties_of_shanghai(120, 35);
    let all = tie_rows(&a).len();
    update(&mut a, Action::StartFilter);
    typed(&mut a, "country:japan");
    let rows = tie_rows(&a);
    assert!(!rows.is_empty() && rows.len() < all);
    assert!(rows.iter().all(|r| r.country == "Japan"));
    // ↓ still moves through the rows left while the filter is typed (a key, not an action,
    // so that this checks the binding too).
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    let act = a.keymap.action_for(a.key_mode(), down);
    assert_eq!(act, Some(Action::Down));
    update(&mut a, Action::Down);
    let Mode::Ties(t) = &a.mode else { panic!() };
    assert_eq!((t.cursor.selected, t.typing), (1, true));
    // `q` and `s` are text on the filter line, not quit and sort.
    typed(&mut a, " q");
    assert!(!a.quit);
    update(&mut a, Action::SearchBackspace);
    update(&mut a, Action::SearchBackspace);
    update(&mut a, Action::Open);
    assert_eq!(a.key_mode(), liaison::tui::keymap::KeyMode::Ties);
    assert!(tie_rows(&a).iter().all(|r| r.country == "Japan"));
    update(&mut a, Action::StartFilter);
    update(&mut a, Action::Escape);
    assert_eq!(tie_rows(&a).len(), all);
}

#[test]
fn an_unreadable_filter_says_why_and_keeps_the_rows() {
    let mut a = ties_of_shanghai(120, 35);
    let all = tie_rows(&a).len();
    update(&mut a, Action::StartFilter);
    update(&mut a, Action::Paste("colour:red".into()));
    let Mode::Ties(t) = &a.mode else { panic!() };
    assert!(t.error.as_deref().is_some_and(|e| e.contains("country")));
    assert_eq!(t.rows.len(), all);
}

#[test]
fn enter_in_the_ties_table_opens_the_partner_and_bottom_reaches_the_last_row() {
    let mut a = ties_of_shanghai(80, 24);
    update(&mut a, Action::Bottom);
    let Mode::Ties(t) = &a.mode else { panic!() };
    assert_eq!(t.cursor.selected, t.rows.len() - 1);
    let partner = t.rows[t.cursor.selected].partner_id.clone();
    update(&mut a, Action::Open);
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(selected_id(&a), partner);
}

#[test]
fn back_from_a_partner_opened_in_the_ties_table_returns_to_the_table_as_it_was() {
    let mut a = ties_of_shanghai(120, 35);
    act(
        &mut a,
        [Action::Down, Action::Down, Action::Down, Action::SortNext],
    );
    let Mode::Ties(before) = a.mode.clone() else {
        panic!()
    };
    let partner = before.rows[before.cursor.selected].partner_id.clone();
    update(&mut a, Action::Open);
    assert_eq!(selected_id(&a), partner);
    update(&mut a, Action::HistoryBack);
    let Mode::Ties(after) = &a.mode else {
        panic!("Backspace returns to the table, not {:?}", a.mode)
    };
    assert_eq!(after.cursor.selected, before.cursor.selected, "same row");
    assert_eq!(after.column, before.column, "same sort");
    assert!(frame(&a).contains("Ties of Shanghai"));
    // Forward goes to the partner again.
    update(&mut a, Action::HistoryForward);
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(selected_id(&a), partner);
}

#[test]
fn t_on_a_person_says_what_it_is_for() {
    let mut a = app(120, 35);
    select(&mut a, "person:");
    update(&mut a, Action::OpenTies);
    assert_eq!(a.mode, Mode::Browse);
    assert!(
        a.status
            .as_deref()
            .is_some_and(|s| s.contains("city, region or country"))
    );
}

#[test]
fn x_in_the_ties_table_asks_for_a_csv_file_and_writes_the_rows_shown() {
    let mut a = ties_of_shanghai(120, 35);
    update(&mut a, Action::StartFilter);
    typed(&mut a, "country:japan");
    update(&mut a, Action::Open);
    let n = tie_rows(&a).len();
    update(&mut a, Action::ExportList);
    let Mode::Prompt(p) = &a.mode else {
        panic!("a prompt, not {:?}", a.mode)
    };
    assert!(p.label.contains(&format!("CSV of {n} ties")));
    assert_eq!(p.editor.text, "ties-shanghai.csv");
    let screen = frame(&a);
    assert!(
        screen.contains("Ties of Shanghai"),
        "the table stays on screen:\n{screen}"
    );
    assert!(
        screen.contains("export CSV of"),
        "the prompt is drawn:\n{screen}"
    );
    update(&mut a, Action::Open);
    assert!(matches!(a.mode, Mode::Ties(_)), "back in the table");
    let Some(Effect::WriteFile { path, text }) = a.effects.last() else {
        panic!("a file to write: {:?}", a.effects)
    };
    assert!(path.ends_with("ties-shanghai.csv"));
    assert_eq!(text.lines().count(), n + 1, "a header and the rows shown");
    assert!(text.lines().skip(1).all(|l| l.contains("Japan")));
}

#[test]
fn x_in_the_list_exports_the_listed_entities() {
    let mut a = app(120, 35);
    select(&mut a, "espoo");
    let n = a.list.rows.len();
    update(&mut a, Action::ExportList);
    let Mode::Prompt(p) = &a.mode else { panic!() };
    assert_eq!(p.editor.text, "all-espoo.csv");
    update(&mut a, Action::Escape);
    assert_eq!(a.mode, Mode::Browse);
    update(&mut a, Action::ExportList);
    update(&mut a, Action::Open);
    let Some(Effect::WriteFile { text, .. }) = a.effects.last() else {
        panic!()
    };
    assert_eq!(text.lines().count(), n + 1);
}

#[test]
fn snapshot_ties_table_of_shanghai_sorted_by_country_and_filtered() {
    for (w, h) in [(120, 35), (80, 24)] {
        let mut a = ties_of_shanghai(w, h);
        act(&mut a, std::iter::repeat_n(Action::SortPrev, 3));
        update(&mut a, Action::StartFilter);
        typed(&mut a, "region:asia");
        update(&mut a, Action::Open);
        insta::assert_snapshot!(format!("ties_sorted_filtered_{w}x{h}"), frame(&a));
    }
}

#[test]
fn snapshot_ties_table_of_shanghai_scrolled_to_its_end() {
    for (w, h) in [(120, 35), (80, 24)] {
        let mut a = ties_of_shanghai(w, h);
        update(&mut a, Action::Bottom);
        insta::assert_snapshot!(format!("ties_bottom_{w}x{h}"), frame(&a));
    }
}

fn anniversary_names(a: &App) -> Vec<String> {
    match &a.mode {
        Mode::Anniversaries(s) => s.items.iter().map(|x| x.label()).collect(),
        other => panic!("the anniversaries are open, not {other:?}"),
    }
}

#[test]
fn a_lists_the_coming_years_anniversaries_in_date_order_and_c_switches_to_the_calendar_year() {
    let mut a = app(120, 35);
    anniversaries::open_on(&mut a, today());
    let Mode::Anniversaries(s) = &a.mode else {
        panic!()
    };
    assert!(!s.items.is_empty());
    let dates: Vec<_> = s.items.iter().map(|x| x.date.clone()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "in date order");
    let names = anniversary_names(&a);
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("Shanghai – Casablanca, 40 years, 1986")),
        "{names:?}"
    );
    update(&mut a, Action::ToggleYear);
    let Mode::Anniversaries(s) = &a.mode else {
        panic!()
    };
    assert_eq!(s.year, Some(2026));
    update(&mut a, Action::NextYear);
    let names = anniversary_names(&a);
    assert!(names.iter().all(|n| !n.contains("40 years, 1986")));
}

#[test]
fn enter_on_an_anniversary_opens_what_is_celebrated() {
    let mut a = app(120, 35);
    anniversaries::open_on(&mut a, today());
    update(&mut a, Action::Bottom);
    let Mode::Anniversaries(s) = &a.mode else {
        panic!()
    };
    assert_eq!(s.cursor.selected, s.items.len() - 1);
    let id = s.items[s.cursor.selected].id.clone();
    update(&mut a, Action::Open);
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(selected_id(&a), id);
    update(&mut a, Action::HistoryBack);
    let Mode::Anniversaries(back) = &a.mode else {
        panic!("Backspace returns to the anniversaries, not {:?}", a.mode)
    };
    assert_eq!(
        back.cursor.selected,
        back.items.len() - 1,
        "on the same row"
    );
}

#[test]
fn snapshot_anniversaries_of_the_coming_year() {
    for (w, h) in [(120, 35), (80, 24)] {
        let mut a = app(w, h);
        anniversaries::open_on(&mut a, today());
        insta::assert_snapshot!(format!("anniversaries_{w}x{h}"), frame(&a));
        if h < 30 {
            update(&mut a, Action::Bottom);
            insta::assert_snapshot!(format!("anniversaries_bottom_{w}x{h}"), frame(&a));
        }
    }
}

#[test]
fn y_c_on_an_agreement_copies_its_summary_not_only_its_name() {
    let mut a = app(120, 35);
    select(&mut a, "agreement:");
    let i = a.selected().unwrap();
    let summary = liaison::summary::summary(&a.net.data, i).expect("an agreement has one");
    act(&mut a, [Action::StartCopy, Action::Copy(CopyWhat::Card)]);
    let Some(Effect::Copy { label, text }) = a.effects.last() else {
        panic!("a copy: {:?}", a.effects)
    };
    assert!(label.starts_with("summary of"));
    assert_eq!(*text, summary);
    assert!(text.lines().count() > 2, "more than a name: {text}");
}

fn timeline(a: &App) -> &liaison::tui::state::TimelineState {
    match &a.mode {
        Mode::Timeline(t) => t,
        other => panic!("the timeline is open, not {other:?}"),
    }
}

#[test]
fn typing_a_year_in_the_timeline_jumps_to_its_first_item() {
    let mut a = app(120, 35);
    update(&mut a, Action::OpenTimeline);
    typed(&mut a, "2019");
    let t = timeline(&a);
    let item = &t.items[t.cursor.selected];
    assert_eq!(item.date.year, 2019);
    assert!(
        t.items[..t.cursor.selected]
            .iter()
            .all(|i| i.date.year < 2019)
    );
    // Two digits: the first item of the century typed so far.
    typed(&mut a, "19");
    let t = timeline(&a);
    assert!(t.items[t.cursor.selected].date.year >= 1900);
    assert_eq!(t.year, "19");
    update(&mut a, Action::Escape);
    assert!(
        matches!(a.mode, Mode::Timeline(_)),
        "Esc first forgets the digits"
    );
    update(&mut a, Action::Escape);
    assert_eq!(a.mode, Mode::Browse);
}

#[test]
fn year_since_and_until_limit_the_timeline_by_date_not_text() {
    let mut a = app(120, 35);
    update(&mut a, Action::StartSearch);
    typed(&mut a, "year:2019");
    update(&mut a, Action::Escape);
    update(&mut a, Action::OpenTimeline);
    let t = timeline(&a);
    assert!(!t.items.is_empty());
    assert!(t.items.iter().all(|i| i.date.year == 2019), "only 2019");
    assert!(
        t.items.iter().any(|i| i.name.contains("Minsk")),
        "the 2019 Shanghai–Minsk tie"
    );
    update(&mut a, Action::Escape);
    update(&mut a, Action::Escape);
    update(&mut a, Action::StartSearch);
    typed(&mut a, "shanghai since:2010 until:2012");
    update(&mut a, Action::Escape);
    update(&mut a, Action::OpenTimeline);
    let t = timeline(&a);
    assert!(!t.items.is_empty());
    assert!(t.items.iter().all(|i| (2010..=2012).contains(&i.date.year)));
}

#[test]
fn snapshot_timeline_after_typing_a_year() {
    for (w, h) in [(120, 35), (80, 24)] {
        let mut a = app(w, h);
        update(&mut a, Action::OpenTimeline);
        typed(&mut a, "2019");
        insta::assert_snapshot!(format!("timeline_year_2019_{w}x{h}"), frame(&a));
    }
}

fn map_state(a: &App) -> &liaison::tui::state::MapState {
    match &a.mode {
        Mode::Map(m) => m,
        other => panic!("the map is open, not {other:?}"),
    }
}

#[test]
fn the_map_zooms_around_the_selected_city_not_the_middle_of_the_world() {
    let mut a = app(120, 35);
    select(&mut a, "city:shanghai");
    update(&mut a, Action::OpenMap);
    let (lat, lon) = liaison::geo::coords(&a.net, a.selected().unwrap()).unwrap();
    for zoom in [2.0, 4.0, 8.0] {
        update(&mut a, Action::ZoomIn);
        let vp = map_state(&a).viewport;
        assert_eq!(vp.zoom, zoom);
        let (xb, yb) = vp.bounds();
        assert!(
            xb[0] < lon && lon < xb[1] && yb[0] < lat && lat < yb[1],
            "Shanghai in view at {zoom}×"
        );
    }
    // Panned away, a zoom keeps Shanghai where it is on screen.
    act(&mut a, [Action::PanLeft, Action::PanLeft]);
    let before = map_state(&a).viewport;
    let at = |vp: liaison::geo::Viewport| {
        (lon - vp.bounds().0[0]) / (vp.bounds().0[1] - vp.bounds().0[0])
    };
    update(&mut a, Action::ZoomOut);
    let after = map_state(&a).viewport;
    assert!((at(before) - at(after)).abs() < 1e-9);
}

#[test]
fn the_map_title_names_the_highlighted_city_with_its_tie_date() {
    let mut a = app(120, 35);
    select(&mut a, "city:shanghai");
    act(
        &mut a,
        [Action::OpenMap, Action::NextCity, Action::NextCity],
    );
    let m = map_state(&a);
    let partner = m.focus.all()[1];
    let name = a.net.data.display_name(partner);
    let shanghai = a.selected().unwrap();
    let tie = liaison::ties::between(&a.net.data, shanghai, partner).expect("a tie");
    let date = tie.established.as_ref().expect("dated").to_string();
    let top = frame(&a).lines().nth(1).unwrap_or_default().to_string();
    assert!(top.contains(&format!("▸ {name}, tie of {date}")), "{top}");
}

#[test]
fn snapshot_map_zoomed_on_shanghai() {
    for (w, h) in [(120, 35), (80, 24)] {
        let mut a = app(w, h);
        select(&mut a, "city:shanghai");
        act(
            &mut a,
            [
                Action::OpenMap,
                Action::ZoomIn,
                Action::NextCity,
                Action::NextCity,
            ],
        );
        insta::assert_snapshot!(format!("map_zoomed_on_shanghai_{w}x{h}"), frame(&a));
    }
}

#[test]
fn d_adds_the_districts_ties_with_a_side_column_and_t_works_on_a_country() {
    let mut a = ties_of_shanghai(120, 35);
    let own = tie_rows(&a).len();
    update(&mut a, Action::ToggleDistricts);
    let rows = tie_rows(&a);
    assert!(rows.len() > own);
    assert!(
        rows.iter().any(|r| r.side != "Shanghai"),
        "a district's tie"
    );
    assert!(frame(&a).contains("side"), "the side column is shown");

    let mut a = app(120, 35);
    select(&mut a, "japan");
    for _ in 0..a.list.rows.len() {
        if selected_id(&a) == "japan" {
            break;
        }
        update(&mut a, Action::Down);
    }
    assert_eq!(selected_id(&a), "japan");
    update(&mut a, Action::OpenTies);
    let rows = tie_rows(&a);
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| r.country != "Japan" || r.side != r.partner)
    );
}

#[test]
fn in_the_ties_table_the_wheel_moves_and_a_click_selects_a_row() {
    let mut a = ties_of_shanghai(120, 35);
    update(&mut a, Action::Scroll(10, 10, 1));
    let Mode::Ties(t) = &a.mode else { panic!() };
    assert_eq!(t.cursor.selected, 3);
    // Row 1 is the border, row 2 the header: row 5 is the fourth tie.
    update(&mut a, Action::Click(10, 5));
    let Mode::Ties(t) = &a.mode else { panic!() };
    assert_eq!(t.cursor.selected, 2);
    update(&mut a, Action::Click(10, 3));
    let Mode::Ties(t) = &a.mode else { panic!() };
    assert_eq!(t.cursor.selected, 0);
    assert_eq!(
        a.list.cursor.selected, 0,
        "the panes underneath are untouched"
    );
}

#[test]
fn x_in_the_anniversaries_exports_them_as_an_icalendar_file() {
    let mut a = app(120, 35);
    anniversaries::open_on(&mut a, today());
    let n = match &a.mode {
        Mode::Anniversaries(s) => s.items.len(),
        _ => panic!(),
    };
    update(&mut a, Action::ExportList);
    let Mode::Prompt(p) = &a.mode else { panic!() };
    assert_eq!(p.editor.text, "anniversaries-2026-01-15-2027-01-14.ics");
    assert!(p.label.contains(&format!("iCalendar of {n} anniversaries")));
    update(&mut a, Action::Open);
    assert!(matches!(a.mode, Mode::Anniversaries(_)));
    let Some(Effect::WriteFile { text, .. }) = a.effects.last() else {
        panic!()
    };
    assert!(text.starts_with("BEGIN:VCALENDAR"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), n);
}
