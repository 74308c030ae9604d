//! The user's settings: `config.ron` in the platform config directory.
//!
//! A missing file means the defaults. A broken file is reported with file, line and column,
//! and the defaults are used for whatever could not be read; it never stops the program.
//! The file is read like a data file (a regular file only, never waiting on a FIFO, at most
//! [`MAX_CONFIG_BYTES`]); checking it takes time in proportion to its length, and values
//! quoted in messages are cut short. Nothing here draws.

use crate::dataset::problem::LineIndex;
use crate::dataset::{Location, Problem};
use crate::files::ReadError;
use crate::text::{clean_line, ellipsis};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The largest config file read: 1 MiB (the commented default is under 2 KiB).
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The most characters of a value quoted in a message.
const QUOTE_CHARS: usize = 60;

/// A value from the config, safe and short enough to quote in a message.
fn quoted(s: &str) -> String {
    ellipsis(&clean_line(s), QUOTE_CHARS).into_owned()
}

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
    let shown = clean_line(&path.display().to_string()).into_owned();
    let fail = |why: String| {
        let loc = Location {
            path: shown.clone(),
            line: 0,
            col: 0,
        };
        (
            Config::default(),
            vec![Problem::error(
                loc,
                format!("cannot read the config: {why}; using the defaults"),
            )],
        )
    };
    let bytes = match crate::files::read_capped(path, MAX_CONFIG_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.is_not_found() => return (Config::default(), Vec::new()),
        Err(e @ ReadError::TooBig { .. }) => return fail(format!("the file is {e}")),
        Err(e) => return fail(e.to_string()),
    };
    match String::from_utf8(bytes) {
        Ok(text) => parse(&shown, &text),
        Err(e) => fail(format!("not UTF-8 ({})", e.utf8_error())),
    }
}

/// Parses config text; `shown` is the path used in locations.
pub fn parse(shown: &str, text: &str) -> (Config, Vec<Problem>) {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    match options.from_str::<Config>(text) {
        Ok(config) => {
            let problems = check(&config, &Strings::new(shown, text));
            (config, problems)
        }
        Err(e) => {
            let msg = format!(
                "{}; using the default settings",
                quoted_message(&e.code.to_string())
            );
            let loc = crate::dataset::problem::ron_error_location(shown, text, &e);
            (Config::default(), vec![Problem::error(loc, msg)])
        }
    }
}

/// A message that may quote a value from the file: made safe, and cut short.
fn quoted_message(message: &str) -> String {
    ellipsis(&clean_line(message), 300).into_owned()
}

/// Where each string of the config text first appears, found in one pass over the text (so
/// that locating thousands of problems is not thousands of passes).
struct Strings<'a> {
    shown: &'a str,
    text: &'a str,
    lines: LineIndex,
    first: HashMap<String, usize>,
}

impl<'a> Strings<'a> {
    fn new(shown: &'a str, text: &'a str) -> Strings<'a> {
        let bytes = text.as_bytes();
        let mut first = HashMap::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                }
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    i = memchr::memmem::find(&bytes[i + 2..], b"*/")
                        .map_or(bytes.len(), |n| i + n + 4);
                }
                b'"' => {
                    let start = i;
                    i += 1;
                    let mut escaped = false;
                    while i < bytes.len() && bytes[i] != b'"' {
                        escaped |= bytes[i] == b'\\';
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    let end = (i + 1).min(bytes.len());
                    let value = if escaped {
                        text.get(start..end)
                            .and_then(|t| ron::from_str::<String>(t).ok())
                    } else {
                        text.get(start + 1..end.saturating_sub(1).max(start + 1))
                            .map(str::to_string)
                    };
                    if let Some(value) = value {
                        first.entry(value).or_insert(start);
                    }
                    i = end;
                }
                _ => i += 1,
            }
        }
        Strings {
            shown,
            text,
            lines: LineIndex::new(text),
            first,
        }
    }

    /// Where the string `value` first appears in double quotes (the file's start if never).
    fn at(&self, value: &str) -> Location {
        let (line, col) = self
            .first
            .get(value)
            .map_or((1, 1), |&o| self.lines.line_col(self.text, o));
        Location {
            path: self.shown.to_string(),
            line,
            col,
        }
    }
}

/// The longest colour, slot, action or key name worth looking up.
const MAX_NAME_CHARS: usize = 64;

fn check(config: &Config, strings: &Strings<'_>) -> Vec<Problem> {
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

/// The keys each remappable action has by default, by their labels.
fn default_keys() -> Vec<(String, Vec<String>)> {
    use crate::tui::keymap::{KeyMode as Mode, Keymap};
    let keymap = Keymap::default();
    Keymap::remappable()
        .into_iter()
        .filter_map(|name| {
            let action: crate::tui::action::Action = ron::from_str(&name).ok()?;
            Some((name, keymap.keys_for(Mode::Normal, &action)))
        })
        .collect()
}

/// Remaps that fight: a key given to two actions, and actions left with no key because
/// other remaps took theirs (quit and help get a fallback, said so). `remaps` are the valid
/// ones, in the order they are applied; `keymap` is the result.
fn conflicts(
    remaps: &[(&str, &[String])],
    keymap: &crate::tui::keymap::Keymap,
    strings: &Strings<'_>,
) -> Vec<Problem> {
    use crate::tui::keymap::{Key, KeyMode as Mode};
    let mut problems = Vec::new();
    // Who holds each key, and each action's keys, as the remaps are applied in turn.
    let mut holder: HashMap<String, String> = HashMap::new();
    let mut keys_of: HashMap<String, Vec<String>> = HashMap::new();
    for (name, keys) in default_keys() {
        for k in &keys {
            holder.insert(k.clone(), name.clone());
        }
        keys_of.insert(name, keys);
    }
    let mut given_by: HashMap<String, &str> = HashMap::new();
    // Which remap took an action's last key.
    let mut emptied_by: HashMap<String, &str> = HashMap::new();
    for &(action, keys) in remaps {
        let labels: Vec<String> = keys
            .iter()
            .filter_map(|k| Key::parse(k).ok().map(|k| k.label()))
            .collect();
        for old in keys_of
            .insert(action.to_string(), labels.clone())
            .unwrap_or_default()
        {
            if holder.get(&old).is_some_and(|h| h == action) {
                holder.remove(&old);
            }
        }
        if labels.is_empty() {
            emptied_by.insert(action.to_string(), action);
        }
        for label in &labels {
            if let Some(earlier) = given_by.insert(label.clone(), action)
                && earlier != action
            {
                problems.push(Problem::error(
                    strings.at(action),
                    format!(
                        "key `{}` is given to both `{}` and `{action}`: `{action}` gets it \
                         (remaps apply in alphabetical order)",
                        quoted(label),
                        quoted(earlier),
                        action = quoted(action),
                    ),
                ));
            }
            if let Some(before) = holder.insert(label.clone(), action.to_string())
                && before != action
                && let Some(theirs) = keys_of.get_mut(&before)
            {
                theirs.retain(|k| k != label);
                if theirs.is_empty() {
                    emptied_by.insert(before, action);
                }
            }
        }
    }
    let mut left: Vec<(&String, &str)> = emptied_by
        .iter()
        .filter(|(name, _)| keys_of.get(*name).is_some_and(Vec::is_empty))
        .map(|(name, by)| (name, *by))
        .collect();
    left.sort();
    for (name, by) in left {
        let fallback = ron::from_str::<crate::tui::action::Action>(name)
            .map(|a| keymap.keys_for(Mode::Normal, &a))
            .unwrap_or_default();
        // Names as written in the file (ron accepts `"up \n"` for `up`): quoted safely.
        let (name_q, by_q) = (quoted(name), quoted(by));
        let message = if fallback.is_empty() {
            format!("`{name_q}` has no key left after the remap of `{by_q}`")
        } else {
            format!(
                "`{name_q}` has no key left after the remap of `{by_q}`: kept {} for it, \
                 so that it stays reachable",
                fallback.join(", ")
            )
        };
        problems.push(Problem::warning(strings.at(by), message));
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
        path = config_path().map_or_else(
            || "config.ron".to_string(),
            |p| clean_line(&p.display().to_string()).into_owned()
        ),
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

    /// L3: checking is linear; 50,000 unknown colour names are each located on their line.
    #[test]
    fn fifty_thousand_problems_are_each_located() {
        let mut text = String::from("(\n  colors: {\n");
        for i in 0..50_000 {
            text.push_str(&format!("    \"slot{i}\": \"nocolour{i}\",\n"));
        }
        text.push_str("  },\n)\n");
        let (_, problems) = parse("c.ron", &text);
        assert_eq!(problems.len(), 50_000);
        // BTreeMap order: slot0, slot1, slot10, ...
        let p = problems
            .iter()
            .find(|p| p.message.contains("nocolour49999"))
            .unwrap();
        assert_eq!((p.location.line, p.location.col), (50_002, 5));
    }

    /// L2: a 5 MB value is quoted in a few dozen characters, escaped.
    #[test]
    fn a_huge_value_is_quoted_short_and_escaped() {
        let huge = format!("{}]52;c;{}", "\u{1b}", "A".repeat(5 << 20));
        let text = format!(
            "(theme: \"{huge}\", colors: {{\"accent\": \"{huge}\"}}, keys: {{\"{huge}\": []}})"
        );
        let (_, problems) = parse("c.ron", &text);
        assert_eq!(problems.len(), 3, "{problems:?}");
        for p in &problems {
            assert!(p.message.len() < 400, "{}", p.message.len());
            assert!(!p.message.contains('\u{1b}'));
        }
        let theme = &problems[0];
        assert_eq!((theme.location.line, theme.location.col), (1, 9));
        let (_, problems) = parse(
            "c.ron",
            &format!("(mouse: true, {} : 1)", "z".repeat(1 << 20)),
        );
        assert!(
            problems[0].message.len() < 400,
            "{}",
            problems[0].message.len()
        );
    }

    /// L8: a key given to two actions, and quit and help left without keys, are said, with
    /// where; quit and help keep a key.
    #[test]
    fn conflicting_remaps_are_reported_and_quit_and_help_stay_reachable() {
        let text = "(\n  keys: {\n    \"down\": [\"x\"],\n    \"up\": [\"x\"],\n    \"history_back\": [\"q\", \"Esc\", \"?\", \"F1\"],\n  },\n)";
        let (config, problems) = parse("c.ron", text);
        let said: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            said.contains(&"c.ron:4:5: error: key `x` is given to both `down` and `up`: `up` gets it (remaps apply in alphabetical order)".to_string()),
            "{said:#?}"
        );
        let help = said
            .iter()
            .find(|s| s.contains("`toggle_help` has no key left"))
            .expect("help");
        assert!(help.starts_with("c.ron:5:5: warning:"), "{help}");
        assert!(help.contains("kept F10 for it"), "{help}");
        let mut keymap = crate::tui::keymap::Keymap::default();
        for (action, keys) in &config.keys {
            keymap.remap(action, keys).unwrap();
        }
        use crate::tui::action::Action;
        use crate::tui::keymap::KeyMode as Mode;
        assert!(!keymap.keys_for(Mode::Normal, &Action::Quit).is_empty());
        assert!(
            !keymap
                .keys_for(Mode::Normal, &Action::ToggleHelp)
                .is_empty()
        );
        let (_, problems) = parse("c.ron", "(keys: {\"quit\": []})");
        assert_eq!(
            problems[0].to_string(),
            "c.ron:1:9: warning: `quit` has no key left after the remap of `quit`: kept Ctrl-c for it, so that it stays reachable"
        );
    }

    /// Found by the `config` fuzz target: ron reads the action `"up  \n\n"` as `up`; the name
    /// is quoted escaped in the messages about it.
    #[test]
    fn an_action_name_with_a_line_break_is_quoted_escaped() {
        let text = "(keys: {\"down\": [\"x\"], \"up  \\n\\n\": [\"x\", \"j\", \"Down\"]})";
        let (_, problems) = parse("c.ron", text);
        assert!(!problems.is_empty());
        for p in &problems {
            let said = p.to_string();
            assert!(!said.contains('\n'), "{said:?}");
        }
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("`up  \\u{a}\\u{a}`")),
            "{problems:?}"
        );
    }

    /// L4: a config that is a FIFO, or endless, is not waited on nor read without end.
    #[cfg(unix)]
    #[test]
    fn a_config_that_is_a_fifo_or_a_device_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        let (config, problems) = load(&path);
        assert_eq!(config, Config::default());
        assert!(
            problems[0]
                .message
                .contains("not a regular file but a device"),
            "{problems:?}"
        );
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, vec![b' '; (MAX_CONFIG_BYTES + 1) as usize]).unwrap();
        let (_, problems) = load(&path);
        assert!(
            problems[0].message.contains("over the limit"),
            "{problems:?}"
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
