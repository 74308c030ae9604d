//! What has the keys and fills the screen, as one enum: browsing the panes, typing a search,
//! choosing a path's end, copying, answering a prompt, one of the views (map, path,
//! timeline), or an overlay over any of these. Each carries its own state, so no flag can
//! disagree with another. Pure data: `update` changes it, `ui` draws it.

use super::cursor::Cursor;
use super::editor::LineEditor;
use crate::geo::{Focus, Viewport};
use crate::graph::PathStep;

/// What has the keys and fills the screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Mode {
    /// Browsing the list, detail and links panes.
    #[default]
    Browse,
    /// Typing in the search line.
    Search,
    /// Choosing the second entity of a path with the search line.
    PickPath(PathPick),
    /// After `y`, until the key that says what to copy.
    Copy,
    /// A question answered on the prompt line (a file name).
    Prompt(Prompt),
    /// A yes/no question on the prompt line.
    Ask(Question),
    /// The world map.
    Map(MapState),
    /// How two entities are connected.
    Path(PathState),
    /// The timeline.
    Timeline(TimelineState),
    /// The ties table of a city, region or country.
    Ties(Box<super::ties_table::TiesState>),
    /// The round anniversaries of the coming days or of a year.
    Anniversaries(super::anniversaries::AnniversariesState),
    /// An overlay over what is underneath.
    Overlay(Box<OverlayState>),
}

impl Mode {
    /// The mode under any overlay: what the body shows.
    pub fn under(&self) -> &Mode {
        match self {
            Mode::Overlay(o) => o.under.under(),
            m => m,
        }
    }

    /// Whether the search line has the keys (a search or a path's end being typed).
    pub fn typing_search(&self) -> bool {
        matches!(self, Mode::Search | Mode::PickPath(_))
    }
}

/// An overlay drawn over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Every key binding.
    Help,
    /// Every problem found in the data and the config.
    Problems,
}

/// An open overlay and what it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct OverlayState {
    /// Which overlay.
    pub which: Overlay,
    /// Lines scrolled.
    pub scroll: usize,
    /// What comes back when it closes.
    pub under: Mode,
    /// Help only: the filter typed after `/` (lines that do not mention it are hidden).
    pub filter: LineEditor,
    /// Whether the filter is being typed (keys are text).
    pub typing: bool,
}

/// Choosing the second entity of a path with the search line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPick {
    /// The first entity.
    pub from: usize,
    /// The search text to put back afterwards.
    pub saved_query: String,
}

/// A question answered on the prompt line.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    /// The question ("export vCard to: ").
    pub label: String,
    /// The answer being typed.
    pub editor: LineEditor,
    /// The entity it is about.
    pub entity: usize,
    /// The folder a relative answer is taken from, to show the full path.
    pub base: std::path::PathBuf,
    /// The text to write, when it was made as the question was asked (a CSV table);
    /// `None` writes the entity's vCard.
    pub text: Option<String>,
    /// The view to come back to when the prompt closes (`None`: the panes).
    pub under: Option<Box<Mode>>,
}

impl Prompt {
    /// The full path the answer names.
    pub fn target(&self) -> std::path::PathBuf {
        self.base.join(self.editor.text.trim())
    }
}

/// A yes/no question on the prompt line, about an entity and a place on disk (shown in
/// full): today whether to copy the built-in data with `liaison init` to edit it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The question ("copy ... ? [y/N] ").
    pub label: String,
    /// The answer being typed.
    pub answer: LineEditor,
    /// The entity it is about.
    pub entity: usize,
    /// The place on disk the answer acts on.
    pub place: std::path::PathBuf,
}

impl Question {
    /// Whether the answer typed is yes.
    pub fn yes(&self) -> bool {
        matches!(self.answer.text.trim().to_lowercase().as_str(), "y" | "yes")
    }
}

/// The map view's state.
#[derive(Debug, Clone, PartialEq)]
pub struct MapState {
    /// The entity whose cities are shown.
    pub entity: Option<usize>,
    /// Its cities.
    pub focus: Focus,
    /// The visible part of the world.
    pub viewport: Viewport,
    /// Which of the focus cities is highlighted (index into `focus.all()`).
    pub highlight: Option<usize>,
}

/// The "how are they connected" view's state.
#[derive(Debug, Clone, PartialEq)]
pub struct PathState {
    /// Where the chains start.
    pub from: usize,
    /// Where they end.
    pub to: usize,
    /// Up to five chains, shortest first.
    pub paths: Vec<Vec<PathStep>>,
    /// The chain shown.
    pub alt: usize,
    /// The selected entity of the chain (0 = `from`).
    pub step: usize,
}

impl PathState {
    /// The entities of the chain shown.
    pub fn nodes(&self) -> Vec<u32> {
        self.paths.get(self.alt).map_or_else(Vec::new, |p| {
            crate::graph::Graph::path_nodes(self.from as u32, p)
        })
    }
}

/// The timeline view's state.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineState {
    /// Dated items in order.
    pub items: Vec<crate::timeline::Item>,
    /// Cursor over items; the offset counts display rows (year headings included).
    pub cursor: Cursor,
    /// Whether the items are limited to the current search.
    pub filtered: bool,
    /// The digits of a year being typed, to jump to it.
    pub year: String,
}
