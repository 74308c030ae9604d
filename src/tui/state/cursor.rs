//! A cursor over rows with a scroll offset, shared by the list, the links and the timeline.
//! Pure arithmetic: it knows rows by number only.

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
        let target = (self.selected as isize)
            .saturating_add(delta)
            .clamp(0, len as isize - 1);
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

/// Scrolls a view of `len` lines in `height` rows by `delta`, never past the last line.
pub fn scroll_by(scroll: usize, delta: isize, len: usize, height: usize) -> usize {
    let max = len.saturating_sub(height.max(1));
    (scroll as isize)
        .saturating_add(delta)
        .clamp(0, max as isize) as usize
}
