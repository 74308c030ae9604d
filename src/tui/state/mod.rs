//! The browser's state: what is shown, where the cursors are, the history.
//!
//! The domain (the loaded [`Network`]) is shared and read-only; everything else is UI state
//! in small pieces, grouped by concern: the list pane ([`ListState`]), the detail and links
//! panes ([`Panes`]), history, the [`Mode`] (what has the keys), and the browser's own files
//! (saved state, problems). Only `tui::update` changes it; rendering only reads it. The
//! geometry of what panes show is computed in [`rows`] and [`card_lines`], read by both.

pub mod anniversaries;
pub mod card_lines;
pub mod cursor;
pub mod editor;
pub mod effect;
pub mod help;
pub mod history;
pub mod layout;
pub mod listing;
pub mod mode;
pub mod pane;
pub mod rows;
pub mod tabs;
pub mod ties_table;

pub use cursor::Cursor;
pub use editor::LineEditor;
pub use effect::Effect;
pub use history::{History, Snapshot};
pub use layout::Areas;
pub use mode::Question;
pub use mode::{MapState, Mode, Overlay, OverlayState, PathPick, PathState, Prompt, TimelineState};
pub use pane::Pane;
pub use tabs::{Tab, TabCounts};

use super::keymap::{KeyMode, Keymap};
use super::saved::Saved;
use crate::dataset::Problem;
use crate::network::Network;
use crate::search::Query;
use std::sync::Arc;

/// Typed searches waiting for the search worker.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchJob {
    /// Whether typed searches run on the worker (set by the event loop that has one).
    pub background: bool,
    /// The number of the latest search asked for.
    pub generation: u64,
    /// The search the list waits for, if any.
    pub pending: Option<u64>,
}

/// The list pane: the tab, the search line, the rows it lists and the counts of every tab.
#[derive(Debug, Clone, Default)]
pub struct ListState {
    /// The tab shown.
    pub tab: Tab,
    /// The search line.
    pub search: LineEditor,
    /// Entities in the list, in order (the current tab and search).
    pub rows: Vec<u32>,
    /// How many entities of each tab match the current search.
    pub counts: TabCounts,
    /// The list cursor.
    pub cursor: Cursor,
    /// Typed searches waiting for the worker.
    pub job: SearchJob,
    /// The tab the search was typed in: Bookmarks and Recent are narrowed by the search only
    /// when it was typed there (a search restored or typed elsewhere leaves them whole).
    pub typed_in: Option<Tab>,
    /// How many entities Bookmarks or Recent hold in all, when that tab is shown.
    pub personal_total: usize,
    /// The last bookmark removed and where it stood, for `u` to put back.
    pub removed: Option<(String, usize)>,
}

/// The detail and links panes, and which pane has the focus.
#[derive(Debug, Clone, Copy)]
pub struct Panes {
    /// The focused pane.
    pub focus: Pane,
    /// Rows scrolled in the detail pane.
    pub detail_scroll: usize,
    /// The links cursor (over links, not headings; the offset counts display rows).
    pub links: Cursor,
}

/// Problems that are not in the data on screen: the config's, kept across reloads, and
/// those of a reloaded version that was not taken.
#[derive(Debug, Clone, Default)]
pub struct Problems {
    /// Found reading the config at start.
    pub config: Vec<Problem>,
    /// Of a reloaded version that was not taken because it has more errors.
    pub rejected: Vec<Problem>,
}

/// The bindings keys are read in while `mode` shows.
pub fn key_mode_of(mode: &Mode) -> KeyMode {
    match mode {
        Mode::Browse => KeyMode::Normal,
        Mode::Search | Mode::PickPath(_) => KeyMode::Search,
        Mode::Copy => KeyMode::Copy,
        Mode::Prompt(_) | Mode::Ask(_) => KeyMode::Prompt,
        Mode::Map(_) => KeyMode::Map,
        Mode::Path(_) => KeyMode::Path,
        Mode::Timeline(_) => KeyMode::Timeline,
        Mode::Ties(t) if t.typing => KeyMode::Filter,
        Mode::Ties(_) => KeyMode::Ties,
        Mode::Anniversaries(_) => KeyMode::Anniversaries,
        Mode::Overlay(_) => KeyMode::Overlay,
    }
}

/// The whole UI state.
#[derive(Debug, Clone)]
pub struct App {
    /// The loaded data.
    pub net: Arc<Network>,
    /// The list pane.
    pub list: ListState,
    /// The detail and links panes and the focus.
    pub panes: Panes,
    /// Back and forward.
    pub history: History,
    /// What has the keys and fills the screen.
    pub mode: Mode,
    /// Bookmarks, recents and the last place, saved between runs.
    pub saved: Saved,
    /// Side effects for the event loop to carry out (saving, copying, writing files).
    pub effects: Vec<Effect>,
    /// The last message, for the status line.
    pub status: Option<String>,
    /// Problems of the config and of a refused reload.
    pub problems: Problems,
    /// Where everything is on screen, for the current terminal size.
    pub areas: Areas,
    /// The key bindings (for key handling, the footer and the help overlay).
    pub keymap: Keymap,
    /// Set when the user asked to leave.
    pub quit: bool,
}

impl App {
    /// A browser on a loaded network, for a terminal of `width` × `height`.
    pub fn new(net: Arc<Network>, width: u16, height: u16) -> App {
        let mut app = App {
            net,
            list: ListState::default(),
            panes: Panes {
                focus: Pane::List,
                detail_scroll: 0,
                links: Cursor::default(),
            },
            history: History::default(),
            mode: Mode::Browse,
            saved: Saved::default(),
            effects: Vec::new(),
            status: None,
            problems: Problems::default(),
            areas: Areas::compute(width, height, Pane::List),
            keymap: Keymap::default(),
            quit: false,
        };
        app.refresh_rows(None);
        app
    }

    /// The bindings keys are read in, from the mode.
    pub fn key_mode(&self) -> KeyMode {
        match &self.mode {
            Mode::Overlay(o) if o.typing => KeyMode::Filter,
            mode => key_mode_of(mode),
        }
    }

    /// The focused pane.
    pub fn focus(&self) -> Pane {
        self.panes.focus
    }

    /// The entity shown in the detail and links panes.
    pub fn selected(&self) -> Option<usize> {
        self.list
            .rows
            .get(self.list.cursor.selected)
            .map(|&i| i as usize)
    }

    /// The parsed search query.
    pub fn query(&self) -> Query {
        Query::parse(&self.list.search.text)
    }

    /// Every problem to show under `!`: the data's (or a refused reload's) and the config's.
    pub fn all_problems(&self) -> impl Iterator<Item = &Problem> {
        let data = if self.problems.rejected.is_empty() {
            &self.net.data.problems
        } else {
            &self.problems.rejected
        };
        data.iter().chain(&self.problems.config)
    }

    /// The detail pane's rows for the selection, at the pane's width.
    pub fn detail_rows(&self) -> Vec<card_lines::Row> {
        let width = self.areas.inner_width(Pane::Detail).max(1);
        self.selected()
            .map(|i| card_lines::card_rows(&self.net.data, &self.net.graph, i, width))
            .unwrap_or_default()
    }

    /// An overlay's rows at its width.
    pub fn overlay_rows(&self, which: Overlay) -> Vec<card_lines::Row> {
        let area = match which {
            Overlay::Help => self.areas.help_overlay(),
            Overlay::Problems => self.areas.overlay(),
        };
        let width = area.width.saturating_sub(2).max(1) as usize;
        match which {
            Overlay::Help => {
                let (under, filter) = match &self.mode {
                    Mode::Overlay(o) => (key_mode_of(&o.under), o.filter.text.as_str()),
                    mode => (key_mode_of(mode), ""),
                };
                let height = area.height.saturating_sub(2) as usize;
                help::help_rows(&self.keymap.help(), under, filter, width, height)
            }
            Overlay::Problems => {
                let filter = match &self.mode {
                    Mode::Overlay(o) => o.filter.text.to_lowercase(),
                    _ => String::new(),
                };
                let shown = self.all_problems().filter(|p| {
                    filter.is_empty() || p.to_string().to_lowercase().contains(filter.trim())
                });
                rows::problem_rows(shown, width)
            }
        }
    }

    /// The links pane's rows for the selection.
    pub fn link_rows(&self) -> Vec<rows::LinkRow> {
        self.selected()
            .map(|i| rows::link_rows(&self.net.graph, i))
            .unwrap_or_default()
    }

    /// The number of links of the selected entity.
    pub fn link_count(&self) -> usize {
        self.selected().map_or(0, |i| self.net.graph.links(i).len())
    }

    /// The tab bar's labels at the current width.
    pub fn tab_labels(&self) -> Vec<rows::TabLabel> {
        let mut most = self.list.counts;
        // The counts without a search: a search only lowers them, so the labels' form
        // chosen for these stays while one is typed.
        for tab in Tab::ALL {
            let unsearched = match tab.kind() {
                Some(k) => self.net.index.browse(Some(k)).len(),
                None if tab == Tab::All => self.net.data.len(),
                None => self.saved.bookmarks.len().max(self.saved.recent.len()),
            };
            most[tab.index()] = most[tab.index()].max(unsearched);
        }
        rows::tab_labels(&self.list.counts, &most, self.areas.width)
    }

    /// Recomputes the list for the current tab and search, keeping `keep` selected if it
    /// is still listed (else the first row).
    pub fn refresh_rows(&mut self, keep: Option<usize>) {
        let query = self.query();
        let found = listing::listing(&self.net, &query, self.list.tab, &self.saved, &|| false);
        let listing = found.unwrap_or_else(|| listing::Listing {
            rows: Vec::new(),
            counts: [0; 8],
        });
        self.show_listing(listing, keep);
    }

    /// The tab bar's Bookmarks and Recent counts after they changed (a bookmark, an entity
    /// opened), without listing again: whole unless a search was typed in that tab.
    pub fn recount_personal(&mut self) {
        let narrowed = !self.list.search.text.trim().is_empty();
        for tab in [Tab::Bookmarks, Tab::Recent] {
            if !narrowed || self.list.typed_in != Some(tab) {
                self.list.counts[tab.index()] =
                    listing::personal(&self.net, &self.saved, tab).len();
            }
        }
    }

    /// Shows a listing computed for the current tab and search, keeping `keep` selected if
    /// it is listed (else the first row).
    pub fn show_listing(&mut self, listing: listing::Listing, keep: Option<usize>) {
        let listing::Listing {
            mut rows,
            mut counts,
        } = listing;
        let narrowed = !self.list.search.text.trim().is_empty();
        for tab in [Tab::Bookmarks, Tab::Recent] {
            let whole = listing::personal(&self.net, &self.saved, tab);
            if !narrowed || self.list.typed_in != Some(tab) {
                counts[tab.index()] = whole.len();
                if self.list.tab == tab {
                    rows = whole.clone();
                }
            }
            if self.list.tab == tab {
                self.list.personal_total = whole.len();
            }
        }
        self.list.rows = rows;
        self.list.counts = counts;
        let row = keep
            .and_then(|e| self.list.rows.iter().position(|&r| r as usize == e))
            .unwrap_or(0);
        self.list.cursor = Cursor::default();
        let h = self.areas.list_height();
        self.list.cursor.select(row, self.list.rows.len(), h);
        self.panes.links = Cursor::default();
        self.panes.detail_scroll = 0;
    }

    /// The search text changed: ranks afresh (the best match selected), at once or, with a
    /// worker, once the event loop hands it the search.
    pub fn search_edited(&mut self) {
        let job = &mut self.list.job;
        if job.background {
            job.generation += 1;
            job.pending = Some(job.generation);
        } else {
            self.refresh_rows(None);
        }
    }

    /// What history needs to come back here.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            tab: self.list.tab,
            query: self.list.search.text.clone(),
            entity: self.selected(),
            list: self.list.cursor,
            focus: self.panes.focus,
            links: self.panes.links,
            detail_scroll: self.panes.detail_scroll,
            view: match &self.mode {
                m
                @ (Mode::Ties(_) | Mode::Timeline(_) | Mode::Anniversaries(_) | Mode::Path(_)) => {
                    Some(Box::new(m.clone()))
                }
                _ => None,
            },
        }
    }

    /// Focuses a pane (and recomputes the one-pane layout when narrow).
    pub fn set_focus(&mut self, pane: Pane) {
        self.panes.focus = pane;
        self.areas = Areas::compute(self.areas.width, self.areas.height, pane);
        // The detail pane's width may have changed: keep its scroll within the card.
        let (len, h) = (self.detail_rows().len(), self.areas.detail_height());
        self.panes.detail_scroll = self.panes.detail_scroll.min(len.saturating_sub(h));
    }

    /// The trail of entities visited by following links, oldest first, ending here.
    pub fn breadcrumb(&self) -> Vec<usize> {
        let mut trail: Vec<usize> = self.history.back.iter().filter_map(|s| s.entity).collect();
        trail.extend(self.selected());
        trail.dedup();
        trail
    }
}
