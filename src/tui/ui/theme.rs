//! Colours and styles, in one place.

use crate::model::Kind;
use ratatui::style::{Color, Modifier, Style};

/// The styles the panes use.
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
}

/// The default dark theme.
pub const THEME: Theme = Theme {
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
};

/// The colour of a kind's marker.
pub fn kind_color(kind: Kind) -> Color {
    match kind {
        Kind::Organization => Color::Cyan,
        Kind::City => Color::Green,
        Kind::Person => Color::Magenta,
        Kind::Agreement => Color::Yellow,
        Kind::Event => Color::LightBlue,
        Kind::SisterCity => Color::LightGreen,
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
    }
}
