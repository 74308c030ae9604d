//! Everything the user can ask the browser to do, as one enum.
//!
//! Actions are named in snake_case (`follow_link`, `history_back`) so that help text and,
//! later, key remaps in a config file can name them. Events that carry data (typed text,
//! a resize, a mouse click) are actions too, and so is everything that comes back from
//! outside the state (a search worker's listing, a reloaded dataset, the outcome of saving,
//! copying or writing a file): `update` is the only place state changes. Those internal
//! actions are never bound to keys nor named in a config.

use crate::network::Network;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Leave the program (`q`).
    Quit,
    /// Leave the program in whatever mode, keeping the place for the next run as `q` does:
    /// a signal (SIGTERM, SIGHUP, SIGINT) or a lost terminal asked it, not a key.
    Terminate,
    /// Give the terminal back and stop, as `Ctrl-z` does in a shell (`fg` comes back).
    Suspend,
    /// Move the cursor up one row.
    Up,
    /// Move the cursor down one row.
    Down,
    /// Up one page.
    PageUp,
    /// Down one page.
    PageDown,
    /// Up half a page.
    HalfPageUp,
    /// Down half a page.
    HalfPageDown,
    /// To the first row.
    Top,
    /// To the last row.
    Bottom,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Focus the pane to the left.
    PaneLeft,
    /// Focus the pane to the right.
    PaneRight,
    /// Open the selection: from the list, go to its links; in the links pane, follow one.
    Open,
    /// Go back in history.
    HistoryBack,
    /// Go forward in history.
    HistoryForward,
    /// Show a tab by its position (0 = All, 1 = Organizations, ... 6 = Bookmarks, 7 = Recent).
    ShowTab(u8),
    /// Next tab.
    NextTab,
    /// Previous tab.
    PrevTab,
    /// Focus the search line.
    StartSearch,
    /// Show or hide the key help.
    ToggleHelp,
    /// Show or hide the list of problems found in the data.
    ToggleProblems,
    /// Close an overlay, or leave the search (a second time clears it).
    Escape,
    /// Type a character into the search line.
    SearchInsert(char),
    /// Insert pasted text into the search line.
    Paste(String),
    /// Delete the character before the cursor.
    SearchBackspace,
    /// Delete the character under the cursor.
    SearchDelete,
    /// Delete the word before the cursor (`Ctrl-w`).
    SearchDeleteWord,
    /// Delete everything before the cursor (`Ctrl-u`).
    SearchClearToStart,
    /// Move the cursor to the start of the line (`Ctrl-a`).
    SearchHome,
    /// Move the cursor to the end of the line (`Ctrl-e`).
    SearchEnd,
    /// Move the cursor one character left.
    SearchLeft,
    /// Move the cursor one character right.
    SearchRight,
    /// The search line: an earlier search while the query is selected, else up the list.
    SearchOlder,
    /// The search line: a later search while the query is selected, else down the list.
    SearchNewer,
    /// Put back the last bookmark removed.
    UndoBookmark,
    /// Open the world map of the selection's cities.
    OpenMap,
    /// Ask how the selection is connected to another entity.
    StartPath,
    /// Open the timeline.
    OpenTimeline,
    /// Map: pan left.
    PanLeft,
    /// Map: pan right.
    PanRight,
    /// Map: pan up (north).
    PanUp,
    /// Map: pan down (south).
    PanDown,
    /// Map: zoom in.
    ZoomIn,
    /// Map: zoom out.
    ZoomOut,
    /// Map: show the whole world again.
    ResetView,
    /// Map: highlight the next city shown.
    NextCity,
    /// Path: show the next-shortest chain.
    NextAlternative,
    /// Path: show the previous chain.
    PrevAlternative,
    /// Bookmark the selection, or remove its bookmark.
    ToggleBookmark,
    /// Reload the data files now.
    Reload,
    /// Start a copy: the next key says what (`y` then `a`, `p`, `e`, `c` or `i`).
    StartCopy,
    /// Copy part of the selection's card to the clipboard.
    Copy(CopyWhat),
    /// Export the selection's card as vCard to a file the user names.
    ExportCard,
    /// Open the selection's data file at its line in the user's editor.
    Edit,
    /// Export the list shown (the listed entities, or the ties table) as CSV to a file.
    ExportList,
    /// Open the ties table of the selected city, region or country.
    OpenTies,
    /// Open the round anniversaries of the coming year.
    OpenAnniversaries,
    /// Table: sort by the next column.
    SortNext,
    /// Table: sort by the previous column.
    SortPrev,
    /// Table: reverse the order.
    SortReverse,
    /// Table: type a filter in the search syntax.
    StartFilter,
    /// Ties table: list the ties of the place's districts too, or not.
    ToggleDistricts,
    /// Anniversaries: switch between the coming 365 days and this calendar year.
    ToggleYear,
    /// Anniversaries: the next calendar year.
    NextYear,
    /// Anniversaries: the previous calendar year.
    PrevYear,
    /// The terminal changed size.
    Resize(u16, u16),
    /// A mouse click at a column and row.
    Click(u16, u16),
    /// The mouse wheel at a column and row: negative up, positive down.
    Scroll(u16, u16, i8),
    /// Internal: whether typed searches run on a worker (the event loop says).
    #[serde(skip)]
    SearchInBackground(bool),
    /// Internal: the search worker's listing for a search.
    #[serde(skip)]
    Listed(Listed),
    /// Internal: a freshly loaded version of the data.
    #[serde(skip)]
    Reloaded(Loaded),
    /// Internal: what came of an effect (saving, copying, writing a file), for the status.
    #[serde(skip)]
    Done(String),
    /// Internal: the entity to edit is in the built-in dataset, which `liaison init` would
    /// copy to `dir` (when the platform has a data directory).
    #[serde(skip)]
    EditBuiltIn {
        /// The entity, in the data shown.
        entity: usize,
        /// Where `liaison init` copies the data.
        dir: Option<std::path::PathBuf>,
    },
}

/// A listing from the search worker, for the search numbered `generation` on `net`.
#[derive(Debug, Clone)]
pub struct Listed {
    /// Which search.
    pub generation: u64,
    /// The data searched.
    pub net: Arc<Network>,
    /// The entities listed, in order.
    pub rows: Vec<u32>,
    /// How many entities each tab holds for this search.
    pub counts: [usize; 8],
}

impl PartialEq for Listed {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
            && Arc::ptr_eq(&self.net, &other.net)
            && self.rows == other.rows
            && self.counts == other.counts
    }
}

impl Eq for Listed {}

/// A freshly loaded version of the data, compared by identity.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The data.
    pub net: Arc<Network>,
    /// Whether the user asked for it (`r`): then it is shown whatever its problems.
    pub asked: bool,
}

impl Loaded {
    /// A version loaded because the files changed.
    pub fn watched(net: Arc<Network>) -> Loaded {
        Loaded { net, asked: false }
    }

    /// A version the user asked for with `r`.
    pub fn asked(net: Arc<Network>) -> Loaded {
        Loaded { net, asked: true }
    }
}

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.net, &other.net) && self.asked == other.asked
    }
}

impl Eq for Loaded {}

/// An entity of one version of the data, compared by identity: what an editor opens.
#[derive(Debug, Clone)]
pub struct EditTarget {
    /// The data it is in.
    pub net: Arc<Network>,
    /// The entity.
    pub entity: usize,
}

impl PartialEq for EditTarget {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.net, &other.net) && self.entity == other.entity
    }
}

impl Eq for EditTarget {}

/// What `y` copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CopyWhat {
    /// The address block.
    Address,
    /// The phone number(s).
    Phone,
    /// The e-mail address(es).
    Email,
    /// The whole contact card.
    Card,
    /// The id.
    Id,
}
