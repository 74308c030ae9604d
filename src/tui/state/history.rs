//! Back and forward, like a web browser: each place is a [`Snapshot`] of what the list and
//! panes showed. Only records places; going to one is `update`'s business.

use super::cursor::Cursor;
use super::mode::Mode;
use super::pane::Pane;
use super::tabs::Tab;

/// A place in the browser that history can return to.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The tab.
    pub tab: Tab,
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
    pub detail_scroll: usize,
    /// The view the place was left from (the ties table, timeline, anniversaries or a path,
    /// by opening one of its rows): going back returns to it as it was.
    pub view: Option<Box<Mode>>,
}

/// Back and forward stacks.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Older places, most recent last.
    pub back: Vec<Snapshot>,
    /// Places gone back from, most recent last.
    pub forward: Vec<Snapshot>,
}

impl History {
    /// Records `here` before going somewhere new: the forward stack is dropped.
    pub fn leave(&mut self, here: Snapshot) {
        self.back.push(here);
        self.forward.clear();
    }

    /// Every snapshot, back and forward, to fix up after a reload.
    pub fn all_mut(&mut self) -> impl Iterator<Item = &mut Snapshot> {
        self.back.iter_mut().chain(self.forward.iter_mut())
    }
}
