//! Properties of the browser on random data and random use: whatever the user does, in
//! whatever order, at whatever terminal size, `update` and rendering never panic, the
//! cursors stay in bounds, no control character from the data reaches a cell, and going
//! back as many times as links were followed returns to where the user started.
//!
//! The datasets are generated as RON text (names with CJK, emoji, combining marks, quotes,
//! control characters and bidirectional overrides; random but valid references) and loaded
//! through the real loader, which must accept them without an error. Case counts are kept
//! modest so `cargo test` stays quick in debug builds.

mod common;

use common::{draw, network_from, unsafe_cells};
use liaison::network::Network;
use liaison::tui::action::Action;
use liaison::tui::state::{App, Mode, Pane};
use liaison::tui::update::navigate::select_link;
use liaison::tui::update::update;
use proptest::prelude::*;
use std::fmt::Write;
use std::sync::Arc;

/// Characters names are made of: plain, wide, combining, emoji, RON-special and hostile.
const ALPHABET: &[char] = &[
    'a', 'b', 'e', 'o', 's', 'A', 'Z', ' ', '-', '1', '上', '海', '市', '協', '会', 'ß', 'İ', 'ﬁ',
    '\u{301}', '🙂', '"', '\\', '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{2066}', '\n', '\t',
    '\r', '\u{0}',
];

/// A RON string literal for any text: quotes and backslashes escaped, controls as `\u{..}`.
fn ron_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 1..14)
        .prop_map(|cs| cs.into_iter().collect())
}

fn coordinate(limit: f64) -> impl Strategy<Value = f64> {
    prop_oneof![Just(limit), Just(-limit), Just(0.0), -limit..limit]
}

fn date() -> impl Strategy<Value = String> {
    let year = prop_oneof![Just(0), Just(9999), 1800..2100i32];
    (year, 0..13u32, 0..29u32).prop_map(|(y, m, d)| match (m, d) {
        (0, _) => format!("{y:04}"),
        (m, 0) => format!("{y:04}-{m:02}"),
        (m, d) => format!("{y:04}-{m:02}-{d:02}"),
    })
}

/// An agreement or event: its name, two lists of picks (parties or organizers, signers or
/// participants) and an optional date.
type Deal = (String, Vec<u16>, Vec<u16>, Option<String>);

/// What a random dataset is made of; references are picks reduced modulo the candidates.
#[derive(Debug, Clone)]
struct Spec {
    cities: Vec<(String, Option<(f64, f64)>)>,
    orgs: Vec<(String, Option<String>, u16, u16)>,
    people: Vec<(String, Vec<u16>)>,
    agreements: Vec<Deal>,
    events: Vec<Deal>,
    ties: Vec<(u16, u16)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    let picks = || prop::collection::vec(any::<u16>(), 0..4);
    (
        prop::collection::vec(
            (
                name(),
                prop::option::of((coordinate(90.0), coordinate(180.0))),
            ),
            1..7,
        ),
        prop::collection::vec(
            (name(), prop::option::of(date()), any::<u16>(), any::<u16>()),
            0..6,
        ),
        prop::collection::vec((name(), picks()), 0..4),
        prop::collection::vec((name(), picks(), picks(), prop::option::of(date())), 0..3),
        prop::collection::vec((name(), picks(), picks(), prop::option::of(date())), 0..3),
        prop::collection::vec((any::<u16>(), any::<u16>()), 0..6),
    )
        .prop_map(|(cities, orgs, people, agreements, events, ties)| Spec {
            cities,
            orgs,
            people,
            agreements,
            events,
            ties,
        })
}

impl Spec {
    /// The dataset as one RON file. Ids carry the name too, so they are odd as well.
    fn to_ron(&self) -> String {
        let id = |prefix: &str, i: usize, name: &str| {
            let tail: String = name.chars().take(3).collect();
            ron_string(&format!("{prefix}{i}{tail}"))
        };
        let city_ids: Vec<String> = (self.cities.iter().enumerate())
            .map(|(i, (n, _))| id("c", i, n))
            .collect();
        let org_ids: Vec<String> = (self.orgs.iter().enumerate())
            .map(|(i, o)| id("o", i, &o.0))
            .collect();
        let person_ids: Vec<String> = (self.people.iter().enumerate())
            .map(|(i, p)| id("p", i, &p.0))
            .collect();
        let pick = |ids: &[String], k: u16| ids[k as usize % ids.len()].clone();
        let parties: Vec<String> = org_ids.iter().chain(&city_ids).cloned().collect();
        let everyone: Vec<String> = parties.iter().chain(&person_ids).cloned().collect();
        let list = |ids: &[String], ks: &[u16]| -> String {
            if ids.is_empty() {
                return String::new();
            }
            let mut chosen: Vec<String> = ks.iter().map(|&k| pick(ids, k)).collect();
            chosen.dedup();
            chosen.join(", ")
        };
        let mut out = String::from("[\n");
        for (i, (n, coords)) in self.cities.iter().enumerate() {
            let coords = coords.map_or(String::new(), |(la, lo)| {
                format!("coordinates: ({la:?}, {lo:?}), ")
            });
            let _ = writeln!(
                out,
                "City(id: {}, name: {}, country: {}, {coords}sources: [\"s\"]),",
                city_ids[i],
                ron_string(n),
                ron_string(n)
            );
        }
        for (i, (n, founded, city, parent)) in self.orgs.iter().enumerate() {
            let mut extra = format!("city: {}, ", pick(&city_ids, *city));
            let parent = *parent as usize % (i + 1);
            if parent < i {
                let _ = write!(extra, "parent: {}, ", org_ids[parent]);
            }
            if let Some(d) = founded {
                let _ = write!(extra, "founded: \"{d}\", ");
            }
            let _ = writeln!(
                out,
                "Organization(id: {}, name: {}, native_name: {}, aliases: [{}], {extra}\
                 contact: (address: {}), description: {}, sources: [\"s\"]),",
                org_ids[i],
                ron_string(n),
                ron_string(&n.chars().rev().collect::<String>()),
                ron_string(n),
                ron_string(n),
                ron_string(&format!("{n}\n{n}")),
            );
        }
        for (i, (n, posts)) in self.people.iter().enumerate() {
            let posts = if org_ids.is_empty() {
                String::new()
            } else {
                posts
                    .iter()
                    .map(|&k| {
                        format!(
                            "(organization: {}, title: {})",
                            pick(&org_ids, k),
                            ron_string(n)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = writeln!(
                out,
                "Person(id: {}, name: {}, posts: [{posts}], sources: [\"s\"]),",
                person_ids[i],
                ron_string(n)
            );
        }
        for (i, (n, ps, by, signed)) in self.agreements.iter().enumerate() {
            let signed = signed
                .as_ref()
                .map_or(String::new(), |d| format!("signed: \"{d}\", "));
            let _ = writeln!(
                out,
                "Agreement(id: {}, title: {}, parties: [{}], signed_by: [{}], place: {}, \
                 {signed}sources: [\"s\"]),",
                id("a", i, n),
                ron_string(n),
                list(&parties, ps),
                list(&person_ids, by),
                pick(&city_ids, ps.first().copied().unwrap_or(0)),
            );
        }
        for (i, (n, orgs, who, date)) in self.events.iter().enumerate() {
            let date = date
                .as_ref()
                .map_or(String::new(), |d| format!("date: \"{d}\", "));
            let _ = writeln!(
                out,
                "Event(id: {}, title: {}, organizers: [{}], participants: [{}], place: {}, \
                 {date}sources: [\"s\"]),",
                id("e", i, n),
                ron_string(n),
                list(&parties, orgs),
                list(&everyone, who),
                pick(&city_ids, who.first().copied().unwrap_or(0)),
            );
        }
        let mut seen = std::collections::HashSet::new();
        for (k, &(a, b)) in self.ties.iter().enumerate() {
            let (a, b) = (a as usize % city_ids.len(), b as usize % city_ids.len());
            if a == b || !seen.insert((a.min(b), a.max(b))) {
                continue;
            }
            let _ = writeln!(
                out,
                "SisterCity(id: \"tie{k}\", cities: ({}, {}), established: \"1990\", sources: [\"s\"]),",
                city_ids[a], city_ids[b]
            );
        }
        out.push_str("]\n");
        out
    }

    fn network(&self) -> Arc<Network> {
        let text = self.to_ron();
        let net = network_from(vec![("random.ron".into(), text.clone().into_bytes())]);
        assert_eq!(
            net.data.problems,
            [],
            "the generated dataset must load cleanly:\n{text}"
        );
        Arc::new(net)
    }
}

/// A terminal size over the whole range 0..=500 x 0..=200, mostly of everyday sizes (the
/// big ones are slow to draw in debug builds).
fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        3 => (0..=140u16, 0..=50u16),
        1 => (0..=500u16, 0..=200u16),
    ]
}

/// Every kind of user action, with sizes and positions over the whole allowed range.
fn action() -> impl Strategy<Value = Action> {
    let simple = prop::sample::select(vec![
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::HalfPageUp,
        Action::HalfPageDown,
        Action::Top,
        Action::Bottom,
        Action::NextPane,
        Action::PrevPane,
        Action::PaneLeft,
        Action::PaneRight,
        Action::Open,
        Action::Open,
        Action::HistoryBack,
        Action::HistoryForward,
        Action::NextTab,
        Action::PrevTab,
        Action::StartSearch,
        Action::ToggleHelp,
        Action::ToggleProblems,
        Action::Escape,
        Action::Escape,
        Action::SearchBackspace,
        Action::SearchDelete,
        Action::SearchDeleteWord,
        Action::SearchClearToStart,
        Action::SearchHome,
        Action::SearchEnd,
        Action::SearchLeft,
        Action::SearchRight,
        Action::OpenMap,
        Action::StartPath,
        Action::OpenTimeline,
        Action::PanLeft,
        Action::PanRight,
        Action::PanUp,
        Action::PanDown,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ResetView,
        Action::NextCity,
        Action::NextAlternative,
        Action::PrevAlternative,
    ]);
    prop_oneof![
        6 => simple,
        1 => any::<u8>().prop_map(|t| Action::ShowTab(t % 10)),
        2 => prop::sample::select(ALPHABET).prop_map(Action::SearchInsert),
        1 => name().prop_map(Action::Paste),
        1 => size().prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (0..=500u16, 0..=200u16).prop_map(|(c, r)| Action::Click(c, r)),
        1 => (0..=500u16, 0..=200u16, -3..=3i8).prop_map(|(c, r, d)| Action::Scroll(c, r, d)),
    ]
}

/// The state stays consistent: cursors in bounds in every view.
fn check_invariants(app: &App, after: &Action) {
    if !app.list.rows.is_empty() {
        assert!(
            app.list.cursor.selected < app.list.rows.len(),
            "list cursor {} of {} rows after {after:?}",
            app.list.cursor.selected,
            app.list.rows.len()
        );
    }
    let links = app.link_count();
    if links > 0 {
        assert!(
            app.panes.links.selected < links,
            "link cursor {} of {links} links after {after:?}",
            app.panes.links.selected
        );
    }
    assert!(app.list.search.cursor <= app.list.search.text.chars().count());
    match &app.mode {
        Mode::Timeline(t) if !t.items.is_empty() => {
            assert!(
                t.cursor.selected < t.items.len(),
                "timeline after {after:?}"
            );
        }
        Mode::Path(p) => {
            assert!(p.paths.is_empty() || p.alt < p.paths.len());
            let nodes = p.nodes().len();
            assert!(nodes == 0 || p.step < nodes, "path step after {after:?}");
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    })]

    /// Any sequence of actions at any size: no panic, cursors in bounds, no control
    /// character from the data in any cell of any frame.
    #[test]
    fn random_use_never_panics_and_keeps_cursors_in_bounds(
        spec in spec(),
        (width, height) in size(),
        actions in prop::collection::vec(action(), 1..40),
    ) {
        let net = spec.network();
        let mut app = App::new(net, width, height);
        let frame = draw(&app);
        prop_assert!(unsafe_cells(&frame).is_empty());
        for action in actions {
            update(&mut app, action.clone());
            check_invariants(&app, &action);
            let frame = draw(&app);
            let bad = unsafe_cells(&frame);
            prop_assert!(bad.is_empty(), "after {:?}: {:?}", action, bad);
        }
    }

    /// Following k links from the links pane, then going back k times, returns to the
    /// entity the user started from.
    #[test]
    fn going_back_as_often_as_links_were_followed_returns_to_the_start(
        spec in spec(),
        start in any::<u16>(),
        choices in prop::collection::vec(any::<u16>(), 1..8),
        query in prop::option::of(name()),
    ) {
        let net = spec.network();
        let mut app = App::new(net, 120, 35);
        if let Some(q) = query {
            update(&mut app, Action::Paste(q));
            update(&mut app, Action::Escape);
        }
        prop_assume!(!app.list.rows.is_empty());
        app.list.cursor.selected = start as usize % app.list.rows.len();
        let origin = app.selected();
        let mut followed = 0;
        for choice in choices {
            let links = app.link_count();
            if links == 0 {
                break;
            }
            app.set_focus(Pane::Links);
            select_link(&mut app, choice as usize % links);
            let before = app.history.back.len();
            update(&mut app, Action::Open);
            prop_assert_eq!(app.history.back.len(), before + 1);
            followed += 1;
            let _ = draw(&app);
        }
        for _ in 0..followed {
            update(&mut app, Action::HistoryBack);
        }
        prop_assert_eq!(app.selected(), origin);
        prop_assert!(app.history.back.is_empty());
    }
}
