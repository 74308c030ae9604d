//! Colours and styles, in one place: a dark and a light theme, colour overrides by name
//! from the config file, and a colourless theme when `NO_COLOR` is set.
//!
//! The theme is chosen once at start-up ([`set_theme`]) and read by every pane through
//! [`theme`]; rendering never changes it.

use crate::model::Kind;
use ratatui::style::{Color, Modifier, Style};
use std::sync::OnceLock;

/// The styles the panes use.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Unfocused pane borders.
    pub border: Style,
    /// The focused pane's border.
    pub border_focused: Style,
    /// Unfocused pane titles.
    pub title: Style,
    /// The focused pane's title.
    pub title_focused: Style,
    /// The selected row in the focused pane.
    pub selected: Style,
    /// The selected row in an unfocused pane.
    pub selected_unfocused: Style,
    /// Matched characters of a search.
    pub matched: Style,
    /// Secondary, quieter text.
    pub dim: Style,
    /// Field labels.
    pub label: Style,
    /// Headings.
    pub heading: Style,
    /// The header bar.
    pub header: Style,
    /// The active tab.
    pub tab_active: Style,
    /// Keys in the footer.
    pub key: Style,
    /// Errors.
    pub error: Style,
    /// Warnings.
    pub warning: Style,
    /// Whether kinds get their own colours.
    pub kind_colors: bool,
}

impl Theme {
    /// Light text on a dark terminal.
    pub fn dark() -> Theme {
        Theme {
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            title: Style::new().fg(Color::Gray),
            title_focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().bg(Color::DarkGray).fg(Color::White),
            matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            label: Style::new().fg(Color::Gray).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            header: Style::new().bg(Color::Indexed(236)).fg(Color::White),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Yellow),
            kind_colors: true,
        }
    }

    /// Dark text on a light terminal.
    pub fn light() -> Theme {
        Theme {
            border: Style::new().fg(Color::Gray),
            border_focused: Style::new().fg(Color::Blue),
            title: Style::new().fg(Color::DarkGray),
            title_focused: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::LightBlue)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().bg(Color::Gray).fg(Color::Black),
            matched: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            label: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            header: Style::new().bg(Color::Indexed(254)).fg(Color::Black),
            tab_active: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Magenta),
            kind_colors: true,
        }
    }

    /// No colour at all (`NO_COLOR`): emphasis by bold, underline and reverse video only.
    pub fn no_color() -> Theme {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            border: plain,
            border_focused: bold,
            title: plain,
            title_focused: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            dim: plain,
            label: bold,
            heading: bold,
            header: Style::new().add_modifier(Modifier::REVERSED),
            tab_active: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: bold,
            error: bold,
            warning: bold,
            kind_colors: false,
        }
    }

    /// Applies a colour override by slot name (`accent`, `selection`, `match`, `dim`,
    /// `header`, `error`, `warning`); colours are names (`cyan`, `lightblue`) or `#rrggbb`.
    pub fn set_color(&mut self, slot: &str, color: &str) -> Result<(), String> {
        let c: Color = color
            .parse()
            .map_err(|_| format!("unknown colour `{color}`"))?;
        match slot {
            "accent" => {
                self.border_focused = self.border_focused.fg(c);
                self.title_focused = self.title_focused.fg(c);
                self.heading = self.heading.fg(c);
                self.key = self.key.fg(c);
                self.tab_active = self.tab_active.bg(c);
            }
            "selection" => self.selected = self.selected.bg(c),
            "match" => self.matched = self.matched.fg(c),
            "dim" => {
                self.dim = self.dim.fg(c);
                self.border = self.border.fg(c);
            }
            "header" => self.header = self.header.bg(c),
            "error" => self.error = self.error.fg(c),
            "warning" => self.warning = self.warning.fg(c),
            other => {
                return Err(format!(
                    "unknown colour slot `{other}`; slots: accent, selection, match, dim, header, error, warning"
                ));
            }
        }
        Ok(())
    }
}

static THEME: OnceLock<Theme> = OnceLock::new();

/// Chooses the theme for this run; the first call wins.
pub fn set_theme(theme: Theme) {
    let _ = THEME.set(theme);
}

/// The theme in use (dark unless [`set_theme`] chose another).
pub fn theme() -> &'static Theme {
    THEME.get_or_init(Theme::dark)
}

/// The colour of a kind's marker.
pub fn kind_color(kind: Kind) -> Color {
    if !theme().kind_colors {
        return Color::Reset;
    }
    match kind {
        Kind::Organization => Color::Cyan,
        Kind::City => Color::Green,
        Kind::Person => Color::Magenta,
        Kind::Agreement => Color::Yellow,
        Kind::Event => Color::LightBlue,
        Kind::SisterCity => Color::LightGreen,
        Kind::Country => Color::LightYellow,
    }
}

/// A three-letter marker for a kind, shown before names.
pub fn kind_marker(kind: Kind) -> &'static str {
    match kind {
        Kind::Organization => "org",
        Kind::City => "cty",
        Kind::Person => "per",
        Kind::Agreement => "agr",
        Kind::Event => "evt",
        Kind::SisterCity => "tie",
        Kind::Country => "ctr",
    }
}
