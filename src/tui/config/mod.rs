//! The user's settings: `config.ron` in the platform config directory.
//!
//! A missing file means the defaults. A broken file is reported with file, line and column,
//! and the defaults are used for whatever could not be read; it never stops the program.
//! The file is read like a data file (a regular file only, never waiting on a FIFO, at most
//! [`MAX_CONFIG_BYTES`]); checking it takes time in proportion to its length, and values
//! quoted in messages are cut short. Nothing here draws.
//!
//! Here: the settings, where they live, reading and parsing. Beside: `check` (each value
//! is one the browser knows), `conflicts` (remaps that fight), `locate` (where a value
//! stands in the text) and `default_text` (the commented file for `config --default`).

mod check;
mod conflicts;
mod default_text;
mod locate;

pub use default_text::default_text;

use crate::dataset::{Location, Problem};
use crate::files::ReadError;
use crate::text::{clean_line, ellipsis};
use check::check;
use locate::Strings;
use serde::Deserialize;
use std::collections::BTreeMap;
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
