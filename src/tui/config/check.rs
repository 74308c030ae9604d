//! Checking a parsed config: each theme, colour, tab and key remap is one the browser
//! knows, and remaps that fight are said (see the `conflicts` module). Problems are located
//! through [`Strings`]; values quoted in them are made safe and cut short. Nothing here
//! reads the file or draws.

use super::conflicts::conflicts;
use super::locate::Strings;
use super::{Config, TAB_NAMES, quoted, quoted_message};
use crate::dataset::Problem;

/// The longest colour, slot, action or key name worth looking up.
const MAX_NAME_CHARS: usize = 64;

/// The problems of a config that parsed: unknown names and conflicting remaps.
pub(super) fn check(config: &Config, strings: &Strings<'_>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |value: &str, msg: String| {
        problems.push(Problem::error(strings.at(value), msg));
    };
    if !["dark", "light"].contains(&config.theme.as_str()) {
        report(
            &config.theme,
            format!(
                "unknown theme `{}`: use \"dark\" or \"light\"",
                quoted(&config.theme)
            ),
        );
    }
    let mut probe = crate::tui::theme::Theme::dark();
    for (slot, color) in &config.colors {
        if color.chars().nth(MAX_NAME_CHARS).is_some() {
            report(slot, format!("unknown colour `{}`", quoted(color)));
        } else if slot.chars().nth(MAX_NAME_CHARS).is_some() {
            report(slot, format!("unknown colour slot `{}`", quoted(slot)));
        } else if let Err(e) = probe.set_color(slot, color) {
            report(slot, quoted_message(&e));
        }
    }
    if !TAB_NAMES.contains(&config.default_tab.as_str()) {
        report(
            &config.default_tab,
            format!(
                "unknown tab `{}`; tabs: {}",
                quoted(&config.default_tab),
                TAB_NAMES.join(", ")
            ),
        );
    }
    let mut keymap = crate::tui::keymap::Keymap::default();
    let mut remaps = Vec::new();
    for (action, keys) in &config.keys {
        if action.chars().nth(MAX_NAME_CHARS).is_some() {
            report(action, format!("unknown action `{}`", quoted(action)));
        } else if let Some(long) = keys
            .iter()
            .find(|k| k.chars().nth(MAX_NAME_CHARS).is_some())
        {
            report(action, format!("unknown key `{}`", quoted(long)));
        } else if let Err(e) = keymap.remap(action, keys) {
            report(action, quoted_message(&e));
        } else {
            remaps.push((action.as_str(), keys.as_slice()));
        }
    }
    problems.extend(conflicts(&remaps, &keymap, strings));
    problems
}
