//! Any bytes as `config.ron`: parsing and checking never panic; every problem is located
//! inside the text; messages are short and hold no control character; the settings that
//! are read make a theme and a keymap in which quit and help have keys.

#![no_main]

use libfuzzer_sys::fuzz_target;
use liaison::tui::action::Action;
use liaison::tui::keymap::{KeyMode as Mode, Keymap};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = text.lines().count().max(1) + 1;
    let (config, problems) = liaison::tui::config::parse("config.ron", &text);
    for p in &problems {
        assert!(p.location.line <= lines, "{p} is past the end");
        let message = p.to_string();
        assert!(message.chars().count() < 2000, "a long message: {}", message.len());
        assert!(
            !message.chars().any(|c| liaison::text::is_unsafe(c, false)),
            "a control in {message:?}"
        );
    }
    let _ = liaison::tui::theme_for(&config, false);
    let mut keymap = Keymap::default();
    for (action, keys) in &config.keys {
        let _ = keymap.remap(action, keys);
    }
    assert!(!keymap.keys_for(Mode::Normal, &Action::Quit).is_empty());
    assert!(!keymap.keys_for(Mode::Normal, &Action::ToggleHelp).is_empty());
});
