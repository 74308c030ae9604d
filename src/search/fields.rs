//! Every searchable string of a dataset, prepared once: folded into one arena, with a
//! bitmask of the characters it holds (to reject a field without reading it), and the
//! original text kept only where lower-casing changed it.

use super::Field;

/// Set in a field's mask when its text holds a character outside ASCII.
pub(super) const NON_ASCII: u64 = 1 << 63;

/// The mask bit of a (lower-case) character: one bit per ASCII letter and digit, the other
/// characters share the remaining bits by a hash. A text can only contain a query if its
/// mask holds every bit of the query's.
pub(super) fn char_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        c => 1 << (36 + (c as u32).wrapping_mul(2_654_435_761) % 27),
    }
}

/// The mask of a text, with [`NON_ASCII`] when it has characters outside ASCII.
pub(super) fn text_mask(text: &str) -> u64 {
    let mut mask = 0;
    for c in text.chars() {
        mask |= char_bit(c);
        if !c.is_ascii() {
            mask |= NON_ASCII;
        }
    }
    mask
}

/// Where a field's lower-case text is, and what it holds: read for every field on every
/// search, so small.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hot {
    pub start: u32,
    pub len: u32,
    pub mask: u64,
}

/// What is read only for the hits shown: the field and its original text.
#[derive(Debug, Clone, Copy)]
struct Cold {
    field: Field,
    /// The original text in `orig`, or `u32::MAX` when it is the lower-case text itself.
    orig_start: u32,
    orig_len: u32,
}

/// The prepared fields of every entity.
#[derive(Debug, Default)]
pub(super) struct Fields {
    lower: String,
    orig: String,
    hot: Vec<Hot>,
    cold: Vec<Cold>,
    /// Entity `i`'s fields are `item_start[i]..item_start[i + 1]`.
    item_start: Vec<u32>,
    /// The union of an entity's field masks.
    item_mask: Vec<u64>,
}

impl Fields {
    /// Room for `items` entities.
    pub fn with_capacity(items: usize) -> Fields {
        let mut f = Fields {
            item_start: Vec::with_capacity(items + 1),
            item_mask: Vec::with_capacity(items),
            hot: Vec::with_capacity(items * 5),
            cold: Vec::with_capacity(items * 5),
            ..Fields::default()
        };
        f.item_start.push(0);
        f
    }

    /// Adds a field to the entity being built: its original text and the form it is
    /// matched in (folded, or a phone number's digits), with `extra` mask bits (the letters
    /// of its pinyin). Empty texts are skipped; returns whether the field was added.
    pub fn push(&mut self, field: Field, text: &str, folded: &str, extra: u64) -> bool {
        if folded.is_empty() {
            return false;
        }
        let start = self.lower.len();
        self.lower.push_str(folded);
        let (Ok(start32), Ok(len)) = (u32::try_from(start), u32::try_from(folded.len())) else {
            // Over 4 GiB of searchable text: the rest is not searchable.
            self.lower.truncate(start);
            return false;
        };
        let mask = text_mask(folded) | extra;
        let (orig_start, orig_len) = if folded == text {
            (u32::MAX, 0)
        } else {
            let at = self.orig.len();
            self.orig.push_str(text);
            match (u32::try_from(at), u32::try_from(text.len())) {
                (Ok(a), Ok(l)) => (a, l),
                _ => (u32::MAX, 0),
            }
        };
        self.hot.push(Hot {
            start: start32,
            len,
            mask,
        });
        self.cold.push(Cold {
            field,
            orig_start,
            orig_len,
        });
        true
    }

    /// Ends the entity being built.
    pub fn end_item(&mut self) {
        let from = *self.item_start.last().unwrap_or(&0) as usize;
        let mask = self.hot[from..].iter().fold(0, |m, h| m | h.mask);
        self.item_mask.push(mask);
        self.item_start.push(self.hot.len() as u32);
    }

    /// Frees the spare capacity.
    pub fn shrink(&mut self) {
        self.lower.shrink_to_fit();
        self.orig.shrink_to_fit();
        self.hot.shrink_to_fit();
        self.cold.shrink_to_fit();
    }

    /// The union of the masks of entity `i`'s fields.
    #[inline]
    pub fn item_mask(&self, i: usize) -> u64 {
        self.item_mask[i]
    }

    /// The range of entity `i`'s fields.
    #[inline]
    pub fn item(&self, i: usize) -> std::ops::Range<usize> {
        self.item_start[i] as usize..self.item_start[i + 1] as usize
    }

    /// A field's place and mask.
    #[inline]
    pub fn hot(&self, f: usize) -> Hot {
        self.hot[f]
    }

    /// A field's folded text.
    #[inline]
    pub fn lower(&self, h: Hot) -> &str {
        &self.lower[h.start as usize..(h.start + h.len) as usize]
    }

    /// Which field it is.
    #[inline]
    pub fn field(&self, f: usize) -> Field {
        self.cold[f].field
    }

    /// A field's original text.
    pub fn original(&self, f: usize) -> &str {
        let c = self.cold[f];
        if c.orig_start == u32::MAX {
            self.lower(self.hot[f])
        } else {
            &self.orig[c.orig_start as usize..(c.orig_start + c.orig_len) as usize]
        }
    }
}
