//! The limits that keep hostile or runaway data from exhausting memory, time or the stack.
//!
//! Data files are written by hand and passed around; a file may be huge, deeply nested or
//! made of millions of entries. Each limit below is far above what a real dataset needs
//! (the built-in one is well under a megabyte, a few hundred entities) and each is enforced
//! with a located problem: what was over the limit is skipped, and everything else loads.

/// The largest data file read: 16 MiB. A larger file is not read at all.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The most data read in one load, all files together: 64 MiB. Files past it are not read.
pub const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;

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

/// The most entries (entities, well-formed or not) read in one load, all files together.
/// Entries past it are not read.
pub const MAX_ENTITIES: usize = 100_000;

/// The most syntax errors reported for one file; the rest of the file is not read (after
/// so many, it is not a RON file).
pub const MAX_SYNTAX_ERRORS: usize = 100;

/// The most problems listed for one file; the rest are counted in one last problem.
pub const MAX_PROBLEMS_PER_FILE: usize = 1_000;

/// The most problems listed for all the data together; the rest are counted per file.
pub const MAX_PROBLEMS: usize = 10_000;
