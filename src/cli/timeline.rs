//! `liaison timeline`: dated items in order, grouped by year.

use super::json::to_safe_json;
use super::{EXIT_FAIL, EXIT_OK};
use crate::dataset::DataChoice;
use crate::network::Network;
use crate::text::clean_line;
use crate::timeline::{Filter, items, per_decade};
use std::io::{self, Write};

/// Prints a per-decade bar chart, then the items grouped by year; exit 1 (and a line on
/// stderr) when none.
pub fn run(
    choice: &DataChoice,
    filter: &Filter,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let net = Network::load(choice);
    let list = items(&net.data, filter, None);
    if list.is_empty() {
        // A miss: said on stderr, so that stdout holds only results (an empty array for
        // --json).
        if json {
            writeln!(out, "[]")?;
        }
        writeln!(err, "liaison: no dated items match")?;
        return Ok(EXIT_FAIL);
    }
    if json {
        writeln!(out, "{}", to_safe_json(&list))?;
        return Ok(EXIT_OK);
    }
    let decades = per_decade(&list);
    let max = decades.iter().map(|d| d.1).max().unwrap_or(1).max(1);
    for (decade, n) in &decades {
        let bar = "█".repeat((n * 40).div_ceil(max));
        writeln!(out, "{decade}s {bar} {n}")?;
    }
    let mut year = None;
    for item in &list {
        if year != Some(item.date.year) {
            year = Some(item.date.year);
            writeln!(out, "\n{}", item.date.year)?;
        }
        writeln!(
            out,
            "  {:<10}  {:<16}  {}",
            item.date.to_string(),
            item.what,
            clean_line(&item.name)
        )?;
    }
    Ok(EXIT_OK)
}
