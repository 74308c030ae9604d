//! Where everything goes on screen, computed from the terminal size (and, when narrow, the
//! focused pane) alone.
//!
//! Both rendering and `update` use these areas (update needs page heights and mouse hit
//! tests), so the layout is a pure function computed on resize, never during drawing.

use super::pane::Pane;
use ratatui::layout::{Constraint, Layout, Position, Rect};

/// Below this width, one pane is shown at a time.
pub const NARROW_WIDTH: u16 = 80;

/// Below this width the list takes more of the screen while it has the focus.
pub const WIDE_LIST_BELOW: u16 = 120;

/// The screen areas for one terminal size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    /// Terminal width.
    pub width: u16,
    /// Terminal height.
    pub height: u16,
    /// Whether one pane is shown at a time.
    pub narrow: bool,
    /// Title, counts and breadcrumb.
    pub header: Rect,
    /// The tab bar.
    pub tabs: Rect,
    /// The search line.
    pub search: Rect,
    /// The list pane (with its border).
    pub list: Rect,
    /// The detail pane (with its border).
    pub detail: Rect,
    /// The links pane (with its border).
    pub links: Rect,
    /// The status line: the last message and the problem count.
    pub status: Rect,
    /// The keys that matter now.
    pub footer: Rect,
}

impl Areas {
    /// Lays out a `width` × `height` screen; when narrow, only `focus` gets a pane area,
    /// and below [`WIDE_LIST_BELOW`] columns a focused list is wider.
    pub fn compute(width: u16, height: u16, focus: Pane) -> Areas {
        let screen = Rect::new(0, 0, width, height);
        let [header, tabs, search, body, status, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(screen);
        let narrow = width < NARROW_WIDTH;
        let (list, detail, links) = if narrow {
            match focus {
                Pane::List => (body, Rect::default(), Rect::default()),
                Pane::Detail => (Rect::default(), body, Rect::default()),
                Pane::Links => (Rect::default(), Rect::default(), body),
            }
        } else {
            // Below 120 columns the list widens while it has the focus, so that rows keep
            // enough of each name to tell them apart.
            let share = if width < WIDE_LIST_BELOW && focus == Pane::List {
                55
            } else {
                40
            };
            let [list, right] = Layout::horizontal([
                Constraint::Percentage(share),
                Constraint::Percentage(100 - share),
            ])
            .areas(body);
            let [detail, links] =
                Layout::vertical([Constraint::Percentage(58), Constraint::Percentage(42)])
                    .areas(right);
            (list, detail, links)
        };
        Areas {
            width,
            height,
            narrow,
            header,
            tabs,
            search,
            list,
            detail,
            links,
            status,
            footer,
        }
    }

    /// The body under the header: where the map, path and timeline views draw.
    pub fn body(&self) -> Rect {
        Rect::new(
            0,
            self.tabs.y,
            self.width,
            self.status.y.saturating_sub(self.tabs.y),
        )
    }

    /// Where the help overlay is drawn: the whole screen but a margin, for its columns.
    pub fn help_overlay(&self) -> Rect {
        let o = self.overlay();
        let w = self.width.saturating_sub(2);
        Rect::new((self.width - w) / 2, o.y, w, o.height)
    }

    /// Where an overlay (problems) is drawn: centred, at most 96 columns wide.
    pub fn overlay(&self) -> Rect {
        let w = self.width.saturating_sub(4).min(96);
        let h = self.height.saturating_sub(2);
        Rect::new((self.width - w) / 2, (self.height - h) / 2, w, h)
    }

    /// The area of a pane (with its border).
    pub fn pane(&self, pane: Pane) -> Rect {
        match pane {
            Pane::List => self.list,
            Pane::Detail => self.detail,
            Pane::Links => self.links,
        }
    }

    /// Rows inside a pane's border.
    pub fn inner_height(&self, pane: Pane) -> usize {
        self.pane(pane).height.saturating_sub(2) as usize
    }

    /// Columns inside a pane's border.
    pub fn inner_width(&self, pane: Pane) -> usize {
        self.pane(pane).width.saturating_sub(2) as usize
    }

    /// Rows of the list pane inside its border.
    pub fn list_height(&self) -> usize {
        self.list.height.saturating_sub(2) as usize
    }

    /// Rows of the links pane inside its border.
    pub fn links_height(&self) -> usize {
        self.links.height.saturating_sub(2) as usize
    }

    /// Rows of the detail pane inside its border.
    pub fn detail_height(&self) -> usize {
        self.detail.height.saturating_sub(2) as usize
    }

    /// The pane at a screen position, if any.
    pub fn pane_at(&self, col: u16, row: u16) -> Option<Pane> {
        let p = Position::new(col, row);
        [
            (self.list, Pane::List),
            (self.detail, Pane::Detail),
            (self.links, Pane::Links),
        ]
        .into_iter()
        .find(|(r, _)| r.contains(p))
        .map(|(_, pane)| pane)
    }
}
