//! Properties of the state file and the config on random text and random use (issue 14):
//! reading never panics and what is read is bounded; two sessions toggling bookmarks and
//! saving in turn end with exactly the bookmarks their changes say, in one file; config
//! problems are located inside the text, short, and free of control characters, and quit and
//! help always keep a key. Case counts are kept modest for debug builds; `fuzz/` runs the
//! same checks for longer (targets `saved` and `config`).

use liaison::tui::action::Action;
use liaison::tui::keymap::{KeyMode as Mode, Keymap};
use liaison::tui::saved::{self, MAX_BOOKMARKS, MAX_ID_BYTES, RECENT_MAX, Saved};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Pieces random state and config texts are made of: RON syntax, names, hostile text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("(".to_string()),
        Just(")".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("Some(".to_string()),
        Just("bookmarks: ".to_string()),
        Just("recent: ".to_string()),
        Just("last: ".to_string()),
        Just("tab: 99".to_string()),
        Just("query: ".to_string()),
        Just("theme: ".to_string()),
        Just("colors: ".to_string()),
        Just("keys: ".to_string()),
        Just("\"quit\"".to_string()),
        Just("\"toggle_help\"".to_string()),
        Just("\"history_back\"".to_string()),
        Just("\"accent\"".to_string()),
        Just("\"q\"".to_string()),
        Just("\"?\"".to_string()),
        Just("\"F1\"".to_string()),
        Just("\"soea\"".to_string()),
        Just("\"\\u{1b}]52;c;eA==\\u{7}\"".to_string()),
        Just("\"\u{202e}\u{200b}\u{feff}\"".to_string()),
        "\"[a-z]{0,12}\"",
        "[ -~]{0,8}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_state_text_reads_bounded_or_is_refused_shortly(t in text()) {
        match saved::parse("state.ron", t.as_bytes()) {
            Ok(s) => {
                prop_assert!(s.bookmarks.len() <= MAX_BOOKMARKS);
                prop_assert!(s.recent.len() <= RECENT_MAX);
                let unique: BTreeSet<&String> = s.bookmarks.iter().collect();
                prop_assert_eq!(unique.len(), s.bookmarks.len());
                prop_assert!(s.bookmarks.iter().all(|b| !b.is_empty() && b.len() <= MAX_ID_BYTES));
                let back = saved::parse("state.ron", saved::to_text(&s).as_bytes());
                prop_assert_eq!(back, Ok(s));
            }
            Err(why) => {
                prop_assert!(why.chars().count() < 600);
                prop_assert!(!why.chars().any(|c| liaison::text::is_unsafe(c, false)), "{why:?}");
            }
        }
    }

    #[test]
    fn any_config_text_is_checked_with_located_short_clean_problems(t in text()) {
        let lines = t.lines().count().max(1) + 1;
        let (config, problems) = liaison::tui::config::parse("config.ron", &t);
        for p in &problems {
            let said = p.to_string();
            prop_assert!(p.location.line <= lines, "{said}");
            prop_assert!(said.chars().count() < 2000);
            prop_assert!(!said.chars().any(|c| liaison::text::is_unsafe(c, false)), "{said:?}");
        }
        let mut keymap = Keymap::default();
        for (action, keys) in &config.keys {
            let _ = keymap.remap(action, keys);
        }
        prop_assert!(!keymap.keys_for(Mode::Normal, &Action::Quit).is_empty());
        prop_assert!(!keymap.keys_for(Mode::Normal, &Action::ToggleHelp).is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Two sessions open the same file, each toggles bookmarks (ids from a small set, so
    /// they meet) and saves, in turn, several times: the file ends with the start set
    /// changed by each session's toggles in the order they were saved, each id once.
    #[test]
    fn two_sessions_saving_in_turn_lose_no_change(
        start in prop::collection::vec(0u8..6, 0..6),
        rounds in prop::collection::vec(
            (prop::collection::vec(0u8..6, 0..4), prop::collection::vec(0u8..6, 0..4)),
            1..4,
        ),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        let id = |n: &u8| format!("e{n}");
        let mut first = Saved::default();
        for n in &start {
            if !first.bookmarks.contains(&id(n)) {
                first.toggle_bookmark(&id(n));
            }
        }
        saved::save(&path, &first).unwrap();
        let mut expected: Vec<String> = first.bookmarks.clone();
        let mut a = saved::load(&path).0;
        let mut b = saved::load(&path).0;
        for (for_a, for_b) in &rounds {
            for (session, toggles) in [(&mut a, for_a), (&mut b, for_b)] {
                let mut net: Vec<(String, bool)> = Vec::new();
                for n in toggles {
                    let on = session.toggle_bookmark(&id(n));
                    net.retain(|(i, _)| *i != id(n));
                    net.push((id(n), on));
                }
                saved::save(&path, session).unwrap();
                for (i, on) in net {
                    if on && !expected.contains(&i) {
                        expected.push(i);
                    } else if !on {
                        expected.retain(|e| *e != i);
                    }
                }
            }
        }
        prop_assert_eq!(saved::load(&path).0.bookmarks, expected);
    }
}
