//! One keymap for key handling, the footer's hints and the help overlay.
//!
//! [`Keymap::action_for`] answers "which action does this key do in this mode";
//! [`Keymap::help`] and [`Keymap::hints`] answer "which keys do this action", from the same
//! table, so neither the help nor the footer can disagree with what the keys do, remaps
//! included. The default table is in [`defaults`], the words in [`describe`].

mod defaults;
mod describe;
mod key;

pub use key::Key;

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent};
use defaults::{ch, code, ctrl};
use key::{ALT, CTRL};

/// The input modes, each with its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyMode {
    /// Browsing panes.
    Normal,
    /// Typing in the search line: letters are text.
    Search,
    /// An overlay (help, problems) is open.
    Overlay,
    /// The world map.
    Map,
    /// The path between two entities.
    Path,
    /// The timeline.
    Timeline,
    /// After `y`: what to copy.
    Copy,
    /// Typing an answer to a prompt (a file name).
    Prompt,
    /// The ties table.
    Ties,
    /// The anniversaries view.
    Anniversaries,
    /// Typing a filter (a table's, the help's): letters are text, ↑ ↓ still move.
    Filter,
}

/// One binding: in a mode, a key does an action.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// Where it applies.
    pub mode: KeyMode,
    /// The key.
    pub key: Key,
    /// What it does.
    pub action: Action,
}

/// A line of help: an action, its keys, and what it does.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpEntry {
    /// Section heading.
    pub section: &'static str,
    /// Keys, as written (`j`, `↓`).
    pub keys: Vec<String>,
    /// What the action does.
    pub description: &'static str,
    /// The mode it applies in (the "Anywhere" lines: browsing).
    pub mode: KeyMode,
}

/// A footer hint: a key and what it does, in a word or two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The key, as written (`/`, `Enter`).
    pub key: String,
    /// What it does ("search").
    pub word: &'static str,
}

/// The table of bindings.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Keymap {
    /// Names of the actions that can be remapped in the config (those without data).
    pub fn remappable() -> Vec<String> {
        let mut names: Vec<String> = Keymap::default()
            .bindings
            .iter()
            .filter(|b| b.mode == KeyMode::Normal)
            .filter_map(|b| action_name(&b.action))
            .collect();
        names.dedup();
        names
    }

    /// Gives an action (by its config name, e.g. `history_back`) new keys while browsing,
    /// replacing its default keys; a key taken from another action is removed from it.
    pub fn remap(&mut self, action: &str, keys: &[String]) -> Result<(), String> {
        let parsed: Action = ron::from_str(action)
            .ok()
            .filter(|a| action_name(a).is_some())
            .ok_or_else(|| {
                format!(
                    "unknown action `{}`; actions: {}",
                    crate::text::clean_line(action),
                    Keymap::remappable().join(", ")
                )
            })?;
        let keys = keys
            .iter()
            .map(|k| Key::parse(k))
            .collect::<Result<Vec<_>, _>>()?;
        self.bindings.retain(|b| {
            b.mode != KeyMode::Normal || (b.action != parsed && !keys.contains(&b.key))
        });
        for key in keys {
            self.bindings.push(Binding {
                mode: KeyMode::Normal,
                key,
                action: parsed.clone(),
            });
        }
        // A way out whatever the config says: quit and help keep a key (Ctrl-c always
        // quits; help falls back to the first free of F1, `?`, F10).
        for (action, fallbacks) in [
            (Action::Quit, [ctrl('c'), ctrl('c'), ctrl('c')]),
            (
                Action::ToggleHelp,
                [code(KeyCode::F(1)), ch('?'), code(KeyCode::F(10))],
            ),
        ] {
            if self.keys_for(KeyMode::Normal, &action).is_empty() {
                let free = |k: &Key| {
                    !self
                        .bindings
                        .iter()
                        .any(|b| b.mode == KeyMode::Normal && b.key == *k)
                };
                let key = fallbacks.iter().copied().find(free).unwrap_or(fallbacks[0]);
                self.bindings
                    .retain(|b| b.mode != KeyMode::Normal || b.key != key);
                self.bindings.push(Binding {
                    mode: KeyMode::Normal,
                    key,
                    action,
                });
            }
        }
        Ok(())
    }

    /// The action for a key in a mode. `Ctrl-c` always quits; in search mode any other
    /// plain character is text, and so is, while browsing, one bound to nothing.
    pub fn action_for(&self, mode: KeyMode, ev: KeyEvent) -> Option<Action> {
        let key = Key::from_event(ev);
        if key == defaults::ctrl('c') {
            return Some(Action::Quit);
        }
        if key == defaults::ctrl('z') {
            return Some(Action::Suspend);
        }
        if let Some(b) = self
            .bindings
            .iter()
            .find(|b| b.mode == mode && b.key == key)
        {
            return Some(b.action.clone());
        }
        // Typing is text in the search line and prompts; while browsing, a printable key
        // bound to nothing starts a search with it (type-to-search).
        match (mode, key.code) {
            (KeyMode::Search | KeyMode::Prompt | KeyMode::Filter, KeyCode::Char(c))
                if !key.mods.intersects(CTRL | ALT) =>
            {
                Some(Action::SearchInsert(c))
            }
            (KeyMode::Normal, KeyCode::Char(c))
                if !key.mods.intersects(CTRL | ALT) && !c.is_whitespace() && !c.is_control() =>
            {
                Some(Action::SearchInsert(c))
            }
            // Digits typed in the timeline are a year to jump to.
            (KeyMode::Timeline, KeyCode::Char(c)) if c.is_ascii_digit() && key.mods.is_empty() => {
                Some(Action::SearchInsert(c))
            }
            _ => None,
        }
    }

    /// The keys bound to an action in a mode, as written in help.
    pub fn keys_for(&self, mode: KeyMode, action: &Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|b| b.mode == mode && &b.action == action)
            .map(|b| b.key.label())
            .collect()
    }

    /// Every binding, grouped by action, for the help overlay.
    pub fn help(&self) -> Vec<HelpEntry> {
        let mut out: Vec<HelpEntry> = Vec::new();
        let mut seen: Vec<(KeyMode, Action)> = Vec::new();
        for b in &self.bindings {
            if seen.iter().any(|(m, a)| *m == b.mode && a == &b.action) {
                continue;
            }
            seen.push((b.mode, b.action.clone()));
            let (section, description) = describe::describe(b.mode, &b.action);
            out.push(HelpEntry {
                section,
                keys: self.keys_for(b.mode, &b.action),
                description,
                mode: b.mode,
            });
        }
        out.push(HelpEntry {
            section: describe::describe(KeyMode::Timeline, &Action::Down).0,
            keys: vec!["0–9".into()],
            description: describe::describe(KeyMode::Timeline, &Action::SearchInsert('0')).1,
            mode: KeyMode::Timeline,
        });
        out.push(HelpEntry {
            section: "Anywhere",
            keys: vec!["Ctrl-c".into()],
            description: "quit at once",
            mode: KeyMode::Normal,
        });
        out.push(HelpEntry {
            section: "Anywhere",
            keys: vec!["Ctrl-z".into()],
            description: "suspend (fg)",
            mode: KeyMode::Normal,
        });
        out.push(HelpEntry {
            section: "Anywhere",
            keys: vec!["mouse".into()],
            description: "click; twice: open",
            mode: KeyMode::Normal,
        });
        out
    }
}

impl Keymap {
    /// The footer's hints in a mode (`links`: the links pane has the focus), each with the
    /// first key bound to its action; an action left without a key is not hinted.
    pub fn hints(&self, mode: KeyMode, links: bool) -> Vec<Hint> {
        describe::hinted(mode, links)
            .iter()
            .filter_map(|a| self.hint(mode, a))
            .collect()
    }

    /// The hints the footer pins to the right: help, and the way to quit (`Ctrl-c` quits
    /// in every mode, so there always is one).
    pub fn pinned(&self, mode: KeyMode) -> Vec<Hint> {
        let mut out: Vec<Hint> = self.hint(mode, &Action::ToggleHelp).into_iter().collect();
        out.push(self.hint(mode, &Action::Quit).unwrap_or(Hint {
            key: "Ctrl-c".into(),
            word: "quit",
        }));
        out
    }

    fn hint(&self, mode: KeyMode, action: &Action) -> Option<Hint> {
        let key = self.keys_for(mode, action).into_iter().next()?;
        Some(Hint {
            key,
            word: describe::hint_word(mode, action),
        })
    }
}

/// The config name of an action without data (`history_back`), or `None`.
fn action_name(action: &Action) -> Option<String> {
    let text = ron::to_string(action).ok()?;
    text.chars()
        .all(|c| c.is_ascii_lowercase() || c == '_')
        .then_some(text)
}

#[cfg(test)]
mod tests {
    use super::key::NONE;
    use super::*;
    use crossterm::event::{KeyEventKind, KeyModifiers};

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, mods, KeyEventKind::Press)
    }

    #[test]
    fn q_quits_when_browsing_but_is_a_letter_when_searching() {
        let km = Keymap::default();
        let q = key(KeyCode::Char('q'), NONE);
        assert_eq!(km.action_for(KeyMode::Normal, q), Some(Action::Quit));
        assert_eq!(
            km.action_for(KeyMode::Search, q),
            Some(Action::SearchInsert('q'))
        );
        let cc = key(KeyCode::Char('c'), CTRL);
        assert_eq!(km.action_for(KeyMode::Search, cc), Some(Action::Quit));
    }

    #[test]
    fn shifted_letters_and_backtab_are_normalized() {
        let km = Keymap::default();
        assert_eq!(
            km.action_for(
                KeyMode::Normal,
                key(KeyCode::Char('G'), KeyModifiers::SHIFT)
            ),
            Some(Action::Bottom)
        );
        assert_eq!(
            km.action_for(KeyMode::Normal, key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevPane)
        );
        assert_eq!(
            km.action_for(KeyMode::Normal, key(KeyCode::Left, ALT)),
            Some(Action::HistoryBack)
        );
    }

    #[test]
    fn remapped_keys_reach_key_handling_and_help() {
        let mut km = Keymap::default();
        km.remap("history_back", &["b".into(), "Ctrl-Left".into()])
            .unwrap();
        let b = key(KeyCode::Char('b'), NONE);
        assert_eq!(km.action_for(KeyMode::Normal, b), Some(Action::HistoryBack));
        assert_eq!(
            km.action_for(KeyMode::Normal, key(KeyCode::Backspace, NONE)),
            None
        );
        let back = km
            .help()
            .into_iter()
            .find(|h| h.description == "back" && h.section == "Links and history")
            .unwrap();
        assert_eq!(back.keys, ["b", "Ctrl-←"]);
        assert!(
            km.remap("fly", &["f".into()])
                .unwrap_err()
                .contains("unknown action")
        );
        assert!(
            km.remap("quit", &["Hyper-x".into()])
                .unwrap_err()
                .contains("unknown key")
        );
    }

    #[test]
    fn help_lists_every_key_of_the_table() {
        let km = Keymap::default();
        let help = km.help();
        let back = help.iter().find(|h| h.description == "back").unwrap();
        assert_eq!(back.keys, ["Backspace", "Ctrl-o", "Alt-←", "["]);
        let total: usize = help.iter().map(|h| h.keys.len()).sum();
        assert_eq!(total, km.bindings.len() + 4);
    }

    #[test]
    fn footer_hints_follow_a_remap_and_help_and_quit_are_always_pinned() {
        let mut km = Keymap::default();
        let hint = |km: &Keymap, word: &str| {
            km.hints(KeyMode::Normal, false)
                .into_iter()
                .find(|h| h.word == word)
                .map(|h| h.key)
        };
        assert_eq!(hint(&km, "back").as_deref(), Some("Backspace"));
        assert_eq!(hint(&km, "bookmark").as_deref(), Some("b"));
        km.remap("history_back", &["b".into()]).unwrap();
        assert_eq!(hint(&km, "back").as_deref(), Some("b"));
        assert_eq!(hint(&km, "bookmark"), None, "b now goes back");
        let pinned = km.pinned(KeyMode::Normal);
        assert_eq!(pinned[0].key, "?");
        assert_eq!(pinned[1].key, "q");
        let prompt = km.pinned(KeyMode::Prompt);
        assert_eq!(prompt.last().map(|h| h.key.as_str()), Some("Ctrl-c"));
    }
}
