//! The limits that keep hostile or runaway data from exhausting memory, time or the stack.
//!
//! Data files are written by hand and passed around; a file may be huge, deeply nested or
//! made of millions of entries. Each limit below is far above what a real dataset needs
//! (the built-in one is well under a megabyte, a few hundred entities) and each is enforced
//! with a located problem: what was over the limit is skipped, and everything else loads.

/// The largest data file read by default: 512 MiB (a million generated entities spread
/// over six files make files of up to about 170 MB). A larger file is not read at all.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The most data read in one load by default, all files together: 1 GiB (a million
/// generated entities are about 580 MB). Files past it are not read.
pub const MAX_TOTAL_BYTES: u64 = 1024 * 1024 * 1024;

/// The most `.ron` files read in one load. Files past it (in name order) are not read.
pub const MAX_FILES: usize = 10_000;

/// The deepest nesting of brackets accepted, the list of entities counting as one level.
pub const MAX_DEPTH: usize = 128;

/// The longest single token: a string, identifier or number of 64 KiB. The entity holding
/// a longer one is skipped.
pub const MAX_TOKEN_BYTES: usize = 64 * 1024;

/// The largest single entity, from its kind to its closing bracket: 256 KiB. A larger one
/// is skipped.
pub const MAX_ENTRY_BYTES: usize = 256 * 1024;

/// The most entries (entities, well-formed or not) read in one load by default, all files
/// together: two million. Entries past it are not read.
pub const MAX_ENTITIES: usize = 2_000_000;

/// The most syntax errors reported for one file; the rest of the file is not read (after
/// so many, it is not a RON file).
pub const MAX_SYNTAX_ERRORS: usize = 100;

/// The most problems listed for one file; the rest are counted in one last problem.
pub const MAX_PROBLEMS_PER_FILE: usize = 1_000;

/// The most problems listed for all the data together; the rest are counted per file.
pub const MAX_PROBLEMS: usize = 10_000;

/// The limits that depend on how much data there is, for one load: the defaults above, or
/// lower ones from `LIAISON_LIMITS` (e.g. `file=16MiB,total=64MiB,entities=100000,files=100`)
/// for opening data from an untrusted source with a tighter budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read.
    pub file_bytes: u64,
    /// The most bytes read, all files together.
    pub total_bytes: u64,
    /// The most files read.
    pub files: usize,
    /// The most entries read, all files together.
    pub entities: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_bytes: MAX_FILE_BYTES,
            total_bytes: MAX_TOTAL_BYTES,
            files: MAX_FILES,
            entities: MAX_ENTITIES,
        }
    }
}

impl Limits {
    /// The defaults, lowered (never raised) by `LIAISON_LIMITS`; unreadable parts are ignored.
    pub fn from_env() -> Limits {
        std::env::var("LIAISON_LIMITS").map_or_else(|_| Limits::default(), |v| Limits::parse(&v))
    }

    /// Reads `file=16MiB,total=64MiB,entities=100000,files=100` over the defaults; a value
    /// may end in KiB, MiB or GiB. Values above the defaults are capped at them.
    pub fn parse(text: &str) -> Limits {
        let mut limits = Limits::default();
        for part in text.split(',') {
            let Some((key, value)) = part.split_once('=') else {
                continue;
            };
            let value = value.trim();
            let (digits, unit) = match value.find(|c: char| !c.is_ascii_digit()) {
                Some(at) => value.split_at(at),
                None => (value, ""),
            };
            let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
                "" => 1,
                "kib" | "k" => 1 << 10,
                "mib" | "m" => 1 << 20,
                "gib" | "g" => 1 << 30,
                _ => continue,
            };
            let Some(n) = digits
                .parse::<u64>()
                .ok()
                .and_then(|n| n.checked_mul(scale))
            else {
                continue;
            };
            match key.trim() {
                "file" => limits.file_bytes = n.min(MAX_FILE_BYTES),
                "total" => limits.total_bytes = n.min(MAX_TOTAL_BYTES),
                "files" => limits.files = (n as usize).min(MAX_FILES),
                "entities" => limits.entities = (n as usize).min(MAX_ENTITIES),
                _ => {}
            }
        }
        limits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn liaison_limits_lower_but_never_raise_the_defaults() {
        let l = Limits::parse("file=16MiB, total=64m,entities=100000,files=7,bogus=1,total=x");
        assert_eq!(l.file_bytes, 16 << 20);
        assert_eq!(l.total_bytes, 64 << 20);
        assert_eq!((l.entities, l.files), (100_000, 7));
        let raised = Limits::parse("file=100GiB,entities=99999999999");
        assert_eq!(raised, Limits::default());
    }
}
