//! The browser's state: what is shown, where the cursors are, the history.
//!
//! The domain (the loaded [`Network`]) is shared and read-only; everything here is UI state
//! in small pieces, one per pane. Only [`super::update`] changes it; rendering only reads it.

use super::keymap::{Keymap, Mode};
use super::layout::Areas;
use crate::model::Kind;
use crate::network::Network;
use crate::search::Query;
use std::sync::Arc;

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

/// A tab of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Every entity.
    All,
    /// Entities of one kind.
    Kind(Kind),
    /// Bookmarked entities, in the order they were added.
    Bookmarks,
    /// Recently opened entities, most recent first.
    Recent,
}

impl Tab {
    /// The tab's name.
    pub fn title(self) -> &'static str {
        match self {
            Tab::All => "All",
            Tab::Kind(k) => k.plural(),
            Tab::Bookmarks => "Bookmarks",
            Tab::Recent => "Recent",
        }
    }

    /// Whether an entity of `kind` can be listed in this tab (bookmarks and recents aside).
    pub fn admits(self, kind: Kind) -> bool {
        match self {
            Tab::Kind(k) => k == kind,
            _ => true,
        }
    }
}

/// The list tabs, in order (keys `1`–`8`).
pub const TABS: [Tab; 8] = [
    Tab::All,
    Tab::Kind(Kind::Organization),
    Tab::Kind(Kind::City),
    Tab::Kind(Kind::Person),
    Tab::Kind(Kind::Agreement),
    Tab::Kind(Kind::Event),
    Tab::Bookmarks,
    Tab::Recent,
];

/// An overlay drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Every key binding.
    Help,
    /// Every problem found in the data.
    Problems,
}

/// The map view's state.
#[derive(Debug, Clone, PartialEq)]
pub struct MapState {
    /// The entity whose cities are shown.
    pub entity: Option<usize>,
    /// Its cities.
    pub focus: crate::geo::Focus,
    /// The visible part of the world.
    pub viewport: crate::geo::Viewport,
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
    pub paths: Vec<Vec<crate::graph::PathStep>>,
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
}

/// What fills the body of the screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum View {
    /// The list, detail and links panes.
    #[default]
    Main,
    /// The world map.
    Map(MapState),
    /// How two entities are connected.
    Path(PathState),
    /// The timeline.
    Timeline(TimelineState),
}

/// Choosing the second entity of a path with the search line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPick {
    /// The first entity.
    pub from: usize,
    /// The search text to put back afterwards.
    pub saved_query: String,
}

/// A one-line text editor with a cursor, for the search line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    /// The text.
    pub text: String,
    /// Cursor position in characters.
    pub cursor: usize,
}

/// A cursor over rows with a scroll offset.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// Selected row.
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
}

impl Cursor {
    /// Moves by `delta` rows within `len`, keeping the selection visible in `height` rows.
    pub fn move_by(&mut self, delta: isize, len: usize, height: usize) {
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        let target = (self.selected as isize + delta).clamp(0, len as isize - 1);
        self.select(target as usize, len, height);
    }

    /// Selects a row, keeping it visible in `height` rows.
    pub fn select(&mut self, row: usize, len: usize, height: usize) {
        self.selected = row.min(len.saturating_sub(1));
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        // Never leave empty space below the last row when there is more above.
        let max_offset = len.saturating_sub(height);
        self.offset = self.offset.min(max_offset);
    }
}

/// A place in the browser that history can return to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// The tab.
    pub tab: usize,
    /// The search text.
    pub query: String,
    /// The selected entity.
    pub entity: Option<usize>,
    /// The list cursor.
    pub list: Cursor,
    /// The focused pane.
    pub focus: Pane,
    /// The links cursor.
    pub links: Cursor,
    /// The detail scroll.
    pub detail_scroll: u16,
}

/// Back and forward stacks, like a web browser.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Older places, most recent last.
    pub back: Vec<Snapshot>,
    /// Places gone back from, most recent last.
    pub forward: Vec<Snapshot>,
}

/// Something for the event loop to do outside the pure state: the only I/O of the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save bookmarks, recents and the last place.
    SaveState,
    /// Read the data files again.
    Reload,
    /// Put text on the clipboard (OSC 52); the label says what it is.
    Copy {
        /// What was copied, for the status line ("address", "phone"...).
        label: String,
        /// The plain text.
        text: String,
    },
    /// Write a file the user named (an exported card).
    WriteFile {
        /// Where.
        path: String,
        /// What.
        text: String,
    },
}

/// The whole UI state.
#[derive(Debug, Clone)]
pub struct App {
    /// The loaded data.
    pub net: Arc<Network>,
    /// Index into [`TABS`].
    pub tab: usize,
    /// The search line.
    pub search: LineEditor,
    /// Whether keys go to the search line.
    pub searching: bool,
    /// Entities in the list, in order (the current tab and search).
    pub rows: Vec<u32>,
    /// Typed searches waiting for the search worker, if there is one.
    pub search_job: super::worker::SearchJob,
    /// How many entities of each tab match the current search.
    pub tab_counts: [usize; 8],
    /// Bookmarks, recents and the last place, saved between runs.
    pub saved: crate::tui::saved::Saved,
    /// Side effects for the event loop to carry out (saving, copying, writing files).
    pub effects: Vec<Effect>,
    /// The list cursor.
    pub list: Cursor,
    /// The focused pane.
    pub focus: Pane,
    /// Lines scrolled in the detail pane.
    pub detail_scroll: u16,
    /// The links cursor (over links, not headings).
    pub links: Cursor,
    /// Back and forward.
    pub history: History,
    /// The open overlay.
    pub overlay: Option<Overlay>,
    /// Lines scrolled in the overlay.
    pub overlay_scroll: u16,
    /// A message for the footer.
    pub status: Option<String>,
    /// Where everything is on screen, for the current terminal size.
    pub areas: Areas,
    /// Set when the user asked to leave.
    pub quit: bool,
    /// The key bindings (for key handling and the help overlay).
    pub keymap: Keymap,
    /// What fills the body.
    pub view: View,
    /// Set while the search line picks the second entity of a path.
    pub path_pick: Option<PathPick>,
    /// Set after `y`, until the key that says what to copy.
    pub copying: bool,
    /// A question being answered on the search line (a file name).
    pub prompt: Option<Prompt>,
    /// Problems of a reloaded version that was not taken because it has errors.
    pub rejected_problems: Vec<crate::dataset::Problem>,
}

/// A question answered on the search line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// The question ("export vCard to: ").
    pub label: String,
    /// The answer being typed.
    pub editor: LineEditor,
    /// The entity it is about.
    pub entity: usize,
}

impl App {
    /// A browser on a loaded network, for a terminal of `width` × `height`.
    pub fn new(net: Arc<Network>, width: u16, height: u16) -> App {
        let mut app = App {
            net,
            tab: 0,
            search: LineEditor::default(),
            searching: false,
            rows: Vec::new(),
            search_job: Default::default(),
            tab_counts: [0; 8],
            saved: crate::tui::saved::Saved::default(),
            effects: Vec::new(),
            list: Cursor::default(),
            focus: Pane::List,
            detail_scroll: 0,
            links: Cursor::default(),
            history: History::default(),
            overlay: None,
            overlay_scroll: 0,
            status: None,
            areas: Areas::default(),
            quit: false,
            keymap: Keymap::default(),
            view: View::Main,
            path_pick: None,
            copying: false,
            prompt: None,
            rejected_problems: Vec::new(),
        };
        app.areas = Areas::compute(width, height, app.focus);
        app.refresh_rows(None);
        app
    }

    /// The input mode keys are read in.
    pub fn mode(&self) -> Mode {
        if self.overlay.is_some() {
            Mode::Overlay
        } else if self.prompt.is_some() {
            Mode::Prompt
        } else if self.copying {
            Mode::Copy
        } else if self.searching {
            Mode::Search
        } else {
            match self.view {
                View::Main => Mode::Normal,
                View::Map(_) => Mode::Map,
                View::Path(_) => Mode::Path,
                View::Timeline(_) => Mode::Timeline,
            }
        }
    }

    /// The entity shown in the detail and links panes.
    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.list.selected).map(|&i| i as usize)
    }

    /// The parsed search query.
    pub fn query(&self) -> Query {
        Query::parse(&self.search.text)
    }

    /// Recomputes the list for the current tab and search, keeping `keep` selected if it
    /// is still listed (else the first row).
    pub fn refresh_rows(&mut self, keep: Option<usize>) {
        let query = self.query();
        let listing = super::listing::listing(&self.net, &query, self.tab, &self.saved, &|| false)
            .unwrap_or_else(|| super::listing::Listing {
                rows: Vec::new(),
                counts: [0; 8],
            });
        self.show_listing(listing, keep);
    }

    /// Shows a listing computed for the current tab and search, keeping `keep` selected if
    /// it is listed (else the first row).
    pub fn show_listing(&mut self, listing: super::listing::Listing, keep: Option<usize>) {
        let super::listing::Listing { rows, counts } = listing;
        self.rows = rows;
        self.tab_counts = counts;
        let row = keep
            .and_then(|e| self.rows.iter().position(|&r| r as usize == e))
            .unwrap_or(0);
        self.list = Cursor::default();
        self.list
            .select(row, self.rows.len(), self.areas.list_height());
        self.links = Cursor::default();
        self.detail_scroll = 0;
    }

    /// What history needs to come back here.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            tab: self.tab,
            query: self.search.text.clone(),
            entity: self.selected(),
            list: self.list,
            focus: self.focus,
            links: self.links,
            detail_scroll: self.detail_scroll,
        }
    }

    /// Returns to a place recorded in history.
    pub fn restore(&mut self, s: &Snapshot) {
        self.tab = s.tab;
        self.search = LineEditor {
            cursor: s.query.chars().count(),
            text: s.query.clone(),
        };
        self.searching = false;
        self.refresh_rows(s.entity);
        if self.selected() == s.entity {
            // Same row: put the scroll position back exactly as it was.
            self.list.offset = s.list.offset.min(self.list.selected);
            let h = self.areas.list_height();
            self.list.select(self.list.selected, self.rows.len(), h);
        }
        self.set_focus(s.focus);
        self.links = s.links;
        self.detail_scroll = s.detail_scroll;
    }

    /// Focuses a pane (and recomputes the one-pane layout when narrow).
    pub fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
        self.areas = Areas::compute(self.areas.width, self.areas.height, pane);
    }

    /// The number of links of the selected entity.
    pub fn link_count(&self) -> usize {
        self.selected().map_or(0, |i| self.net.graph.links(i).len())
    }

    /// The trail of entities visited by following links, oldest first, ending here.
    pub fn breadcrumb(&self) -> Vec<usize> {
        let mut trail: Vec<usize> = self.history.back.iter().filter_map(|s| s.entity).collect();
        trail.extend(self.selected());
        trail.dedup();
        trail
    }
}
