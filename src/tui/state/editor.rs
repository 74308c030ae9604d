//! A one-line text editor with a cursor, for the search line and every prompt. It edits
//! text and nothing else: what the text means is its owner's business. The text is capped
//! ([`MAX_CHARS`]), so a huge paste cannot make every key slow. Like a browser's address
//! bar, the whole text can be *selected* ([`LineEditor::select_all`]): typing then replaces
//! it, deleting clears it, and moving the cursor keeps it for editing.

/// The most characters a line holds; what goes beyond is dropped.
pub const MAX_CHARS: usize = 512;

/// A one-line text editor with a cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    /// The text.
    pub text: String,
    /// Cursor position in characters.
    pub cursor: usize,
    /// Whether the whole text is selected (the next edit replaces it).
    pub selected: bool,
}

impl LineEditor {
    /// An editor holding `text` (capped), the cursor at its end.
    pub fn with_text(text: &str) -> LineEditor {
        let text: String = text.chars().take(MAX_CHARS).collect();
        LineEditor {
            cursor: text.chars().count(),
            text,
            selected: false,
        }
    }

    /// Selects the whole text (if there is any), the cursor at its end.
    pub fn select_all(&mut self) {
        self.end();
        self.selected = !self.text.is_empty();
    }

    /// Drops a selected text before an edit; returns whether it did.
    fn take_selection(&mut self) -> bool {
        let was = std::mem::take(&mut self.selected);
        if was {
            self.text.clear();
            self.cursor = 0;
        }
        was
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Inserts text at the cursor; control characters become spaces, and only what fits
    /// under [`MAX_CHARS`] is kept.
    pub fn insert(&mut self, s: &str) {
        self.take_selection();
        let room = MAX_CHARS.saturating_sub(self.len());
        let clean: String = s
            .chars()
            .take(room)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if self.take_selection() {
            return;
        }
        if self.cursor == 0 {
            return;
        }
        let at = self.byte_at(self.cursor - 1);
        self.text.remove(at);
        self.cursor -= 1;
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) {
        if self.take_selection() {
            return;
        }
        if self.cursor < self.len() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    /// Deletes the word before the cursor, like readline's `Ctrl-w`.
    pub fn delete_word(&mut self) {
        if self.take_selection() {
            return;
        }
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor.min(chars.len());
        while start > 0 && chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !chars[start - 1].is_whitespace() {
            start -= 1;
        }
        let (a, b) = (self.byte_at(start), self.byte_at(self.cursor));
        self.text.replace_range(a..b, "");
        self.cursor = start;
    }

    /// Deletes everything before the cursor, like readline's `Ctrl-u`.
    pub fn clear_to_start(&mut self) {
        if self.take_selection() {
            return;
        }
        let b = self.byte_at(self.cursor);
        self.text.replace_range(..b, "");
        self.cursor = 0;
    }

    /// Moves the cursor to the start.
    pub fn home(&mut self) {
        self.selected = false;
        self.cursor = 0;
    }

    /// Moves the cursor to the end.
    pub fn end(&mut self) {
        self.selected = false;
        self.cursor = self.len();
    }

    /// Moves the cursor one character left.
    pub fn left(&mut self) {
        self.selected = false;
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// Moves the cursor one character right.
    pub fn right(&mut self) {
        self.selected = false;
        self.cursor = (self.cursor + 1).min(self.len());
    }

    /// The text before the cursor.
    pub fn before_cursor(&self) -> &str {
        &self.text[..self.byte_at(self.cursor)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_paste_is_cut_to_the_cap_and_controls_become_spaces() {
        let mut ed = LineEditor::default();
        ed.insert(&"a\u{1b}".repeat(100_000));
        assert_eq!(ed.text.chars().count(), MAX_CHARS);
        assert!(!ed.text.contains('\u{1b}'));
        ed.insert("more");
        assert_eq!(ed.text.chars().count(), MAX_CHARS);
    }

    #[test]
    fn readline_edits_work_on_characters_not_bytes() {
        let mut ed = LineEditor::with_text("上海 soea");
        ed.delete_word();
        assert_eq!(ed.text, "上海 ");
        ed.left();
        ed.backspace();
        assert_eq!((ed.text.as_str(), ed.cursor), ("上 ", 1));
        ed.clear_to_start();
        assert_eq!(ed.text, " ");
    }

    #[test]
    fn a_selected_text_is_replaced_by_typing_and_kept_by_moving() {
        let mut ed = LineEditor::with_text("soea");
        ed.select_all();
        ed.insert("e");
        assert_eq!((ed.text.as_str(), ed.cursor, ed.selected), ("e", 1, false));
        let mut ed = LineEditor::with_text("soea");
        ed.select_all();
        ed.end();
        ed.insert("x");
        assert_eq!(ed.text, "soeax");
        let mut ed = LineEditor::with_text("soea");
        ed.select_all();
        ed.backspace();
        assert_eq!(ed.text, "");
        ed.select_all();
        assert!(!ed.selected, "nothing to select in an empty line");
    }
}
