//! Any bytes as `state.ron`: reading never panics; what is read is bounded (each bookmark
//! once, no overlong id or query, at most the kept numbers of bookmarks and recents, a tab
//! that exists); it writes back to text that reads back the same; toggling a bookmark twice
//! and noting recents keep those bounds; an error message is short and holds no control.

#![no_main]

use libfuzzer_sys::fuzz_target;
use liaison::tui::saved::{self, MAX_BOOKMARKS, MAX_ID_BYTES, MAX_QUERY_CHARS, RECENT_MAX, Saved};

fn bounded(s: &Saved) {
    assert!(s.bookmarks.len() <= MAX_BOOKMARKS);
    assert!(s.recent.len() <= RECENT_MAX);
    let mut seen = std::collections::HashSet::new();
    for id in &s.bookmarks {
        assert!(!id.is_empty() && id.len() <= MAX_ID_BYTES);
        assert!(seen.insert(id), "bookmark {id:?} twice");
    }
    let mut seen = std::collections::HashSet::new();
    for id in &s.recent {
        assert!(!id.is_empty() && id.len() <= MAX_ID_BYTES);
        assert!(seen.insert(id), "recent {id:?} twice");
    }
    if let Some(last) = &s.last {
        assert!(last.query.chars().count() <= MAX_QUERY_CHARS);
        assert!(last.tab < 8);
    }
}

fuzz_target!(|data: &[u8]| {
    match saved::parse("state.ron", data) {
        Ok(mut s) => {
            bounded(&s);
            let again = saved::parse("state.ron", saved::to_text(&s).as_bytes())
                .expect("what was written reads back");
            assert_eq!(again, s);
            let first = s.bookmarks.first().cloned().unwrap_or_else(|| "x".into());
            let on = s.toggle_bookmark(&first);
            assert_eq!(s.toggle_bookmark(&first), !on);
            // Two toggles: back as it was, and never twice.
            assert_eq!(s.bookmarks.iter().filter(|b| **b == first).count(), usize::from(!on));
            s.note_recent(&first);
            bounded(&s);
        }
        Err(why) => {
            assert!(why.chars().count() < 600, "a long message: {}", why.len());
            assert!(
                !why.chars().any(|c| liaison::text::is_unsafe(c, false)),
                "a control in {why:?}"
            );
        }
    }
});
