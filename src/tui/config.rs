//! The user's settings: `config.ron` in the platform config directory.
//!
//! A missing file means the defaults. A broken file is reported with file, line and column,
//! and the defaults are used for whatever could not be read; it never stops the program.

use crate::dataset::{Location, Problem};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The settings, as written in `config.ron`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// `"dark"` or `"light"`.
    pub theme: String,
    /// Colour overrides by slot name.
    pub colors: BTreeMap<String, String>,
    /// Key remaps: action name → keys.
    pub keys: BTreeMap<String, Vec<String>>,
    /// The tab shown at start.
    pub default_tab: String,
    /// Whether the browser captures the mouse.
    pub mouse: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: "dark".into(),
            colors: BTreeMap::new(),
            keys: BTreeMap::new(),
            default_tab: "all".into(),
            mouse: true,
        }
    }
}

/// Where `config.ron` lives (e.g. `~/.config/liaison/config.ron`).
pub fn config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "liaison").map(|d| d.config_dir().join("config.ron"))
}

/// The tab names `default_tab` accepts, in tab order.
pub const TAB_NAMES: [&str; 8] = crate::tui::state::tabs::CONFIG_NAMES;

/// Reads the config at `path`: the settings (defaults where unreadable) and the problems.
pub fn load(path: &Path) -> (Config, Vec<Problem>) {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return (Config::default(), Vec::new());
        }
        Err(e) => {
            let loc = Location {
                path: path.display().to_string(),
                line: 0,
                col: 0,
            };
            return (
                Config::default(),
                vec![Problem::error(
                    loc,
                    format!("cannot read the config: {e}; using the defaults"),
                )],
            );
        }
    };
    parse(&path.display().to_string(), &text)
}

/// Parses config text; `shown` is the path used in locations.
pub fn parse(shown: &str, text: &str) -> (Config, Vec<Problem>) {
    let at = |line: usize, col: usize| Location {
        path: shown.to_string(),
        line,
        col,
    };
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    match options.from_str::<Config>(text) {
        Ok(config) => {
            let problems = check(&config, text, &at);
            (config, problems)
        }
        Err(e) => {
            let msg = format!(
                "{}; using the default settings",
                crate::text::clean_line(&e.code.to_string())
            );
            let loc = crate::dataset::problem::ron_error_location(shown, text, &e);
            (Config::default(), vec![Problem::error(loc, msg)])
        }
    }
}

/// The location of the first occurrence of `needle` in the text (for semantic errors).
fn find(text: &str, needle: &str) -> (usize, usize) {
    let Some(offset) = text.find(needle) else {
        return (1, 1);
    };
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn check(config: &Config, text: &str, at: &dyn Fn(usize, usize) -> Location) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |needle: &str, msg: String| {
        let (l, c) = find(text, needle);
        problems.push(Problem::error(at(l, c), msg));
    };
    if !["dark", "light"].contains(&config.theme.as_str()) {
        report(
            &format!("\"{}\"", config.theme),
            format!(
                "unknown theme `{}`: use \"dark\" or \"light\"",
                config.theme
            ),
        );
    }
    let mut probe = crate::tui::theme::Theme::dark();
    for (slot, color) in &config.colors {
        if let Err(e) = probe.set_color(slot, color) {
            report(&format!("\"{slot}\""), e);
        }
    }
    if !TAB_NAMES.contains(&config.default_tab.as_str()) {
        report(
            &format!("\"{}\"", config.default_tab),
            format!(
                "unknown tab `{}`; tabs: {}",
                config.default_tab,
                TAB_NAMES.join(", ")
            ),
        );
    }
    let mut keymap = crate::tui::keymap::Keymap::default();
    for (action, keys) in &config.keys {
        if let Err(e) = keymap.remap(action, keys) {
            report(&format!("\"{action}\""), e);
        }
    }
    problems
}

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
        path = config_path().map_or_else(|| "config.ron".to_string(), |p| p.display().to_string()),
        tabs = TAB_NAMES.join(", "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_parses_to_the_defaults() {
        let (config, problems) = parse("config.ron", &default_text());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config, Config::default());
    }

    #[test]
    fn a_broken_config_is_located_and_the_defaults_are_used() {
        let (config, problems) = parse("c.ron", "(\n  theme: \"light\",\n  mouse: maybe,\n)");
        assert_eq!(config, Config::default());
        assert_eq!(problems.len(), 1);
        assert_eq!(
            (problems[0].location.line, problems[0].location.col),
            (3, 10)
        );
    }

    #[test]
    fn unknown_settings_are_located() {
        let (_, problems) = parse(
            "c.ron",
            "(\n  theme: \"sepia\",\n  keys: { \"fly\": [\"f\"] },\n)",
        );
        let lines: Vec<usize> = problems.iter().map(|p| p.location.line).collect();
        assert_eq!(lines, [2, 3]);
        assert!(problems[0].message.contains("unknown theme"));
        assert!(problems[1].message.contains("unknown action `fly`"));
    }
}
