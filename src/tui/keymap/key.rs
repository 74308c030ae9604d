//! Keys as the keymap knows them: a code with its modifiers, normalized from terminal
//! events, read from the config (`Ctrl-d`) and written for help and the footer.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub(super) const NONE: KeyModifiers = KeyModifiers::NONE;
pub(super) const CTRL: KeyModifiers = KeyModifiers::CONTROL;
pub(super) const ALT: KeyModifiers = KeyModifiers::ALT;

/// A key with its modifiers, written like `Ctrl-d` in help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt, Shift.
    pub mods: KeyModifiers,
}

impl Key {
    pub(super) const fn new(code: KeyCode, mods: KeyModifiers) -> Key {
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
