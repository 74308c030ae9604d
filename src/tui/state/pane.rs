//! The panes that can have the focus, left to right. A name only: no state of its own.

/// The panes that can have the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The list of entities.
    List,
    /// The selected entity's card.
    Detail,
    /// What the selected entity links to.
    Links,
}

impl Pane {
    /// Panes in order, left to right.
    pub const ALL: [Pane; 3] = [Pane::List, Pane::Detail, Pane::Links];

    /// The pane's title.
    pub fn title(self) -> &'static str {
        match self {
            Pane::List => "List",
            Pane::Detail => "Detail",
            Pane::Links => "Links",
        }
    }
}
