//! The commented default config file printed by `liaison config --default`: every setting
//! with its default value, the colour slots, the key names and the actions that can be
//! remapped. It must parse back to [`Config::default`](super::Config) (tested).

use super::{TAB_NAMES, config_path};
use crate::text::clean_line;

/// A commented default config file, for `liaison config --default`.
pub fn default_text() -> String {
    let actions = crate::tui::keymap::Keymap::remappable().join(", ");
    format!(
        r##"// liaison settings. Save as {path}
// Everything is optional: a missing setting keeps its default.
(
    // "dark" or "light". NO_COLOR in the environment turns colours off whatever this says.
    theme: "dark",

    // Colour overrides by slot: accent, selection, match, dim, header, error, warning.
    // Values are colour names (black, red, green, yellow, blue, magenta, cyan, gray, darkgray,
    // lightred, lightgreen, lightyellow, lightblue, lightmagenta, lightcyan, white) or "#rrggbb".
    colors: {{
        // "accent": "cyan",
        // "selection": "blue",
    }},

    // Key remaps while browsing, by action name; each replaces the action's default keys.
    // Keys are written like "j", "G", "Ctrl-d", "Alt-Left", "Enter", "Esc", "Tab",
    // "Backspace", "Space", "F1", "PgDn", "Home". The help (?) shows the keys in force.
    // Actions: {actions}
    keys: {{
        // "history_back": ["Backspace", "b"],
    }},

    // The tab shown at start: {tabs}.
    default_tab: "all",

    // false leaves the mouse to the terminal (to select text); true clicks and scrolls.
    mouse: true,
)
"##,
        path = config_path().map_or_else(
            || "config.ron".to_string(),
            |p| clean_line(&p.display().to_string()).into_owned()
        ),
        tabs = TAB_NAMES.join(", "),
    )
}
