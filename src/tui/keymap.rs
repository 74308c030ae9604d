//! One keymap for key handling and for the help overlay.
//!
//! [`Keymap::action_for`] answers "which action does this key do in this mode", and
//! [`Keymap::help`] answers "which keys do this action", from the same table, so the help
//! can never disagree with what the keys do.

use super::action::{Action, CopyWhat};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The input modes, each with its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
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
}

/// A key with its modifiers, written like `Ctrl-d` in help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt, Shift.
    pub mods: KeyModifiers,
}

impl Key {
    const fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        Key { code, mods }
    }

    /// Normalizes a terminal key event: shift is implied by upper-case letters and symbols.
    pub fn from_event(ev: KeyEvent) -> Key {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if let KeyCode::Char(_) = ev.code {
            mods.remove(KeyModifiers::SHIFT);
        }
        let code = match (ev.code, mods.contains(KeyModifiers::CONTROL)) {
            (KeyCode::Char(c), true) => KeyCode::Char(c.to_ascii_lowercase()),
            (c, _) => c,
        };
        if code == KeyCode::BackTab {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code, mods }
    }

    /// Reads a key as written in the config: `j`, `G`, `Ctrl-d`, `Alt-Left`, `Enter`, `F1`.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut mods = NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("ctrl-") || lower.starts_with("ctrl+") {
                mods |= CTRL;
                rest = &rest[5..];
            } else if lower.starts_with("alt-") || lower.starts_with("alt+") {
                mods |= ALT;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "backspace" | "bksp" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "space" => KeyCode::Char(' '),
            "up" | "↑" => KeyCode::Up,
            "down" | "↓" => KeyCode::Down,
            "left" | "←" => KeyCode::Left,
            "right" | "→" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            f if f.len() > 1
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() => KeyCode::Char(if mods.contains(CTRL) {
                        c.to_ascii_lowercase()
                    } else {
                        c
                    }),
                    _ => return Err(format!("unknown key `{}`", crate::text::clean_line(text))),
                }
            }
        };
        Ok(Key { code, mods })
    }

    /// How the key is written in help: `j`, `Ctrl-d`, `Alt-←`, `PgDn`.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        s + &base
    }
}

/// One binding: in a mode, a key does an action.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// Where it applies.
    pub mode: Mode,
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
}

/// The table of bindings.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;

fn ch(c: char) -> Key {
    Key::new(KeyCode::Char(c), NONE)
}
fn ctrl(c: char) -> Key {
    Key::new(KeyCode::Char(c), CTRL)
}
fn code(c: KeyCode) -> Key {
    Key::new(c, NONE)
}

impl Default for Keymap {
    fn default() -> Self {
        use Action::*;
        use KeyCode as K;
        let mut b = Vec::new();
        let mut bind = |mode: Mode, keys: &[Key], action: Action| {
            for &key in keys {
                b.push(Binding {
                    mode,
                    key,
                    action: action.clone(),
                });
            }
        };
        let n = Mode::Normal;
        bind(n, &[ch('j'), code(K::Down)], Down);
        bind(n, &[ch('k'), code(K::Up)], Up);
        bind(n, &[ch('g'), code(K::Home)], Top);
        bind(n, &[ch('G'), code(K::End)], Bottom);
        bind(n, &[code(K::PageDown), ctrl('f')], PageDown);
        bind(n, &[code(K::PageUp), ctrl('b')], PageUp);
        bind(n, &[ctrl('d')], HalfPageDown);
        bind(n, &[ctrl('u')], HalfPageUp);
        bind(n, &[code(K::Tab)], NextPane);
        bind(n, &[code(K::BackTab)], PrevPane);
        bind(n, &[ch('h'), code(K::Left)], PaneLeft);
        bind(n, &[ch('l'), code(K::Right)], PaneRight);
        bind(n, &[code(K::Enter)], Open);
        bind(
            n,
            &[
                code(K::Backspace),
                ctrl('o'),
                Key::new(K::Left, ALT),
                ch('['),
            ],
            HistoryBack,
        );
        bind(n, &[Key::new(K::Right, ALT), ch(']')], HistoryForward);
        for (i, c) in ['1', '2', '3', '4', '5', '6', '7', '8']
            .into_iter()
            .enumerate()
        {
            bind(n, &[ch(c)], ShowTab(i as u8));
        }
        bind(n, &[ch('}')], NextTab);
        bind(n, &[ch('{')], PrevTab);
        bind(n, &[ch('/')], StartSearch);
        bind(n, &[ch('?'), code(K::F(1))], ToggleHelp);
        bind(n, &[ch('!')], ToggleProblems);
        bind(n, &[ch('b')], ToggleBookmark);
        bind(n, &[ch('r')], Reload);
        bind(n, &[ch('y')], StartCopy);
        bind(n, &[ch('x')], ExportCard);
        bind(n, &[ch('m')], OpenMap);
        bind(n, &[ch('p')], StartPath);
        bind(n, &[ch('t')], OpenTimeline);
        bind(n, &[code(K::Esc)], Escape);
        bind(n, &[ch('q')], Quit);

        let c = Mode::Copy;
        bind(c, &[ch('a')], Copy(CopyWhat::Address));
        bind(c, &[ch('p')], Copy(CopyWhat::Phone));
        bind(c, &[ch('e')], Copy(CopyWhat::Email));
        bind(c, &[ch('c')], Copy(CopyWhat::Card));
        bind(c, &[ch('i')], Copy(CopyWhat::Id));
        bind(c, &[code(K::Esc)], Escape);

        let pr = Mode::Prompt;
        bind(pr, &[code(K::Enter)], Open);
        bind(pr, &[code(K::Esc)], Escape);
        bind(pr, &[code(K::Backspace), ctrl('h')], SearchBackspace);
        bind(pr, &[code(K::Delete), ctrl('d')], SearchDelete);
        bind(pr, &[ctrl('w')], SearchDeleteWord);
        bind(pr, &[ctrl('u')], SearchClearToStart);
        bind(pr, &[ctrl('a'), code(K::Home)], SearchHome);
        bind(pr, &[ctrl('e'), code(K::End)], SearchEnd);
        bind(pr, &[code(K::Left)], SearchLeft);
        bind(pr, &[code(K::Right)], SearchRight);

        let m = Mode::Map;
        bind(m, &[code(K::Left), ch('h')], PanLeft);
        bind(m, &[code(K::Right), ch('l')], PanRight);
        bind(m, &[code(K::Up), ch('k')], PanUp);
        bind(m, &[code(K::Down), ch('j')], PanDown);
        bind(m, &[ch('+'), ch('=')], ZoomIn);
        bind(m, &[ch('-'), ch('_')], ZoomOut);
        bind(m, &[ch('0')], ResetView);
        bind(m, &[code(K::Tab), ch('n')], NextCity);
        bind(m, &[code(K::Enter)], Open);

        let p = Mode::Path;
        bind(p, &[ch('j'), code(K::Down)], Down);
        bind(p, &[ch('k'), code(K::Up)], Up);
        bind(p, &[ch('n'), code(K::Right)], NextAlternative);
        bind(p, &[ch('N'), code(K::Left)], PrevAlternative);
        bind(p, &[code(K::Enter)], Open);

        let t = Mode::Timeline;
        bind(t, &[ch('j'), code(K::Down)], Down);
        bind(t, &[ch('k'), code(K::Up)], Up);
        bind(t, &[code(K::PageDown), ctrl('d')], PageDown);
        bind(t, &[code(K::PageUp), ctrl('u')], PageUp);
        bind(t, &[ch('g'), code(K::Home)], Top);
        bind(t, &[ch('G'), code(K::End)], Bottom);
        bind(t, &[code(K::Enter)], Open);
        for mode in [m, p, t] {
            bind(mode, &[code(K::Esc)], Escape);
            bind(mode, &[ch('q')], Quit);
            bind(mode, &[ch('?'), code(K::F(1))], ToggleHelp);
            bind(mode, &[code(K::Backspace), ctrl('o'), ch('[')], HistoryBack);
        }

        let s = Mode::Search;
        bind(s, &[code(K::Down), ctrl('n')], Down);
        bind(s, &[code(K::Up), ctrl('p')], Up);
        bind(s, &[code(K::PageDown)], PageDown);
        bind(s, &[code(K::PageUp)], PageUp);
        bind(s, &[code(K::Enter)], Open);
        bind(s, &[code(K::Esc)], Escape);
        bind(s, &[code(K::Backspace), ctrl('h')], SearchBackspace);
        bind(s, &[code(K::Delete), ctrl('d')], SearchDelete);
        bind(
            s,
            &[ctrl('w'), Key::new(K::Backspace, ALT)],
            SearchDeleteWord,
        );
        bind(s, &[ctrl('u')], SearchClearToStart);
        bind(s, &[ctrl('a'), code(K::Home)], SearchHome);
        bind(s, &[ctrl('e'), code(K::End)], SearchEnd);
        bind(s, &[code(K::Left), ctrl('b')], SearchLeft);
        bind(s, &[code(K::Right), ctrl('f')], SearchRight);
        bind(s, &[code(K::F(1))], ToggleHelp);

        let o = Mode::Overlay;
        bind(o, &[ch('j'), code(K::Down)], Down);
        bind(o, &[ch('k'), code(K::Up)], Up);
        bind(o, &[code(K::PageDown), ctrl('d'), ch(' ')], PageDown);
        bind(o, &[code(K::PageUp), ctrl('u')], PageUp);
        bind(o, &[ch('g'), code(K::Home)], Top);
        bind(o, &[ch('G'), code(K::End)], Bottom);
        bind(
            o,
            &[code(K::Esc), ch('q'), ch('?'), code(K::F(1)), ch('!')],
            Escape,
        );
        Keymap { bindings: b }
    }
}

impl Keymap {
    /// Names of the actions that can be remapped in the config (those without data).
    pub fn remappable() -> Vec<String> {
        let mut names: Vec<String> = Keymap::default()
            .bindings
            .iter()
            .filter(|b| b.mode == Mode::Normal)
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
        self.bindings
            .retain(|b| b.mode != Mode::Normal || (b.action != parsed && !keys.contains(&b.key)));
        for key in keys {
            self.bindings.push(Binding {
                mode: Mode::Normal,
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
            if self.keys_for(Mode::Normal, &action).is_empty() {
                let free = |k: &Key| {
                    !self
                        .bindings
                        .iter()
                        .any(|b| b.mode == Mode::Normal && b.key == *k)
                };
                let key = fallbacks.iter().copied().find(free).unwrap_or(fallbacks[0]);
                self.bindings
                    .retain(|b| b.mode != Mode::Normal || b.key != key);
                self.bindings.push(Binding {
                    mode: Mode::Normal,
                    key,
                    action,
                });
            }
        }
        Ok(())
    }

    /// The action for a key in a mode. `Ctrl-c` always quits; in search mode any other
    /// plain character is text.
    pub fn action_for(&self, mode: Mode, ev: KeyEvent) -> Option<Action> {
        let key = Key::from_event(ev);
        if key == ctrl('c') {
            return Some(Action::Quit);
        }
        if let Some(b) = self
            .bindings
            .iter()
            .find(|b| b.mode == mode && b.key == key)
        {
            return Some(b.action.clone());
        }
        match (mode, key.code) {
            (Mode::Search | Mode::Prompt, KeyCode::Char(c)) if !key.mods.intersects(CTRL | ALT) => {
                Some(Action::SearchInsert(c))
            }
            _ => None,
        }
    }

    /// The keys bound to an action in a mode, as written in help.
    pub fn keys_for(&self, mode: Mode, action: &Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|b| b.mode == mode && &b.action == action)
            .map(|b| b.key.label())
            .collect()
    }

    /// Every binding, grouped by action, for the help overlay.
    pub fn help(&self) -> Vec<HelpEntry> {
        let mut out: Vec<HelpEntry> = Vec::new();
        let mut seen: Vec<(Mode, Action)> = Vec::new();
        for b in &self.bindings {
            if seen.iter().any(|(m, a)| *m == b.mode && a == &b.action) {
                continue;
            }
            seen.push((b.mode, b.action.clone()));
            let (section, description) = describe(b.mode, &b.action);
            out.push(HelpEntry {
                section,
                keys: self.keys_for(b.mode, &b.action),
                description,
            });
        }
        out.push(HelpEntry {
            section: "Anywhere",
            keys: vec!["Ctrl-c".into()],
            description: "quit at once",
        });
        out.push(HelpEntry {
            section: "Anywhere",
            keys: vec!["mouse".into()],
            description: "click to select or focus, wheel to scroll",
        });
        out
    }
}

/// The config name of an action without data (`history_back`), or `None`.
fn action_name(action: &Action) -> Option<String> {
    let text = ron::to_string(action).ok()?;
    text.chars()
        .all(|c| c.is_ascii_lowercase() || c == '_')
        .then_some(text)
}

fn describe(mode: Mode, action: &Action) -> (&'static str, &'static str) {
    use Action::*;
    let section = match mode {
        Mode::Normal => match action {
            Up | Down | Top | Bottom | PageUp | PageDown | HalfPageUp | HalfPageDown => "Move",
            NextPane | PrevPane | PaneLeft | PaneRight | ShowTab(_) | NextTab | PrevTab => {
                "Panes and tabs"
            }
            Open | HistoryBack | HistoryForward => "Links and history",
            OpenMap | StartPath | OpenTimeline => "Views",
            ToggleBookmark | Reload | StartCopy | ExportCard => "Contacts and data",
            _ => "General",
        },
        Mode::Search => "While searching",
        Mode::Overlay => "In this overlay",
        Mode::Map => "On the map (m)",
        Mode::Path => "How are they connected (p)",
        Mode::Timeline => "In the timeline (t)",
        Mode::Copy => "Copy (y, then)",
        Mode::Prompt => "Answering a prompt",
    };
    let text = match action {
        Escape if mode == Mode::Copy || mode == Mode::Prompt => "cancel",
        Open if mode == Mode::Prompt => "confirm",
        Quit => "quit",
        Up => "up one row",
        Down => "down one row",
        PageUp => "up one page",
        PageDown => "down one page",
        HalfPageUp => "up half a page",
        HalfPageDown => "down half a page",
        Top => "first row",
        Bottom => "last row",
        NextPane => "next pane",
        PrevPane => "previous pane",
        PaneLeft => "pane to the left",
        PaneRight => "pane to the right",
        Open if mode == Mode::Search => "open the selected result",
        Open if mode == Mode::Map => "open the highlighted city",
        Open if mode == Mode::Path || mode == Mode::Timeline => "open the selected entity",
        Escape if matches!(mode, Mode::Map | Mode::Path | Mode::Timeline) => "back to the panes",
        ToggleHelp if mode != Mode::Normal => "help",
        HistoryBack if mode != Mode::Normal => "back",
        Open => "open the selection / follow the link",
        HistoryBack => "back",
        HistoryForward => "forward",
        ShowTab(0) => "tab: All",
        ShowTab(1) => "tab: Organizations",
        ShowTab(2) => "tab: Cities",
        ShowTab(3) => "tab: People",
        ShowTab(4) => "tab: Agreements",
        ShowTab(5) => "tab: Events",
        ShowTab(6) => "tab: Bookmarks",
        ShowTab(_) => "tab: Recent",
        NextTab => "next tab",
        PrevTab => "previous tab",
        StartSearch => "search (org: city: person: agreement: event: filter)",
        ToggleHelp => "this help",
        ToggleProblems => "problems found in the data",
        Escape if mode == Mode::Search => "leave the search (twice: clear it)",
        Escape if mode == Mode::Overlay => "close",
        Escape => "clear the search / close",
        SearchInsert(_) | Paste(_) => "type",
        SearchBackspace => "delete the character before the cursor",
        SearchDelete => "delete the character under the cursor",
        SearchDeleteWord => "delete the word before the cursor",
        SearchClearToStart => "delete to the start of the line",
        SearchHome => "start of line",
        SearchEnd => "end of line",
        SearchLeft => "cursor left",
        SearchRight => "cursor right",
        ToggleBookmark => "bookmark the selection (tab 7 lists bookmarks)",
        Reload => "reload the data files now",
        StartCopy => "copy: then a address, p phone, e email, c card, i id",
        ExportCard => "export the selection's card as vCard to a file",
        Copy(CopyWhat::Address) => "copy the address",
        Copy(CopyWhat::Phone) => "copy the phone number",
        Copy(CopyWhat::Email) => "copy the e-mail address",
        Copy(CopyWhat::Card) => "copy the whole contact card",
        Copy(CopyWhat::Id) => "copy the id",
        OpenMap => "world map of the selection's cities",
        StartPath => "how is the selection connected to ...?",
        OpenTimeline => "timeline of ties, agreements, events",
        PanLeft => "pan west",
        PanRight => "pan east",
        PanUp => "pan north",
        PanDown => "pan south",
        ZoomIn => "zoom in",
        ZoomOut => "zoom out",
        ResetView => "whole world",
        NextCity => "highlight the next city",
        NextAlternative => "next-shortest chain",
        PrevAlternative => "previous chain",
        Resize(..) | Click(..) | Scroll(..) => "",
    };
    (section, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, mods, KeyEventKind::Press)
    }

    #[test]
    fn q_quits_when_browsing_but_is_a_letter_when_searching() {
        let km = Keymap::default();
        let q = key(KeyCode::Char('q'), NONE);
        assert_eq!(km.action_for(Mode::Normal, q), Some(Action::Quit));
        assert_eq!(
            km.action_for(Mode::Search, q),
            Some(Action::SearchInsert('q'))
        );
        let cc = key(KeyCode::Char('c'), CTRL);
        assert_eq!(km.action_for(Mode::Search, cc), Some(Action::Quit));
    }

    #[test]
    fn shifted_letters_and_backtab_are_normalized() {
        let km = Keymap::default();
        assert_eq!(
            km.action_for(Mode::Normal, key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            km.action_for(Mode::Normal, key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevPane)
        );
        assert_eq!(
            km.action_for(Mode::Normal, key(KeyCode::Left, ALT)),
            Some(Action::HistoryBack)
        );
    }

    #[test]
    fn remapped_keys_reach_key_handling_and_help() {
        let mut km = Keymap::default();
        km.remap("history_back", &["b".into(), "Ctrl-Left".into()])
            .unwrap();
        let b = key(KeyCode::Char('b'), NONE);
        assert_eq!(km.action_for(Mode::Normal, b), Some(Action::HistoryBack));
        assert_eq!(
            km.action_for(Mode::Normal, key(KeyCode::Backspace, NONE)),
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
        assert_eq!(total, km.bindings.len() + 2);
    }
}
