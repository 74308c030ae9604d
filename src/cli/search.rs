//! `liaison search`: best match first, one per line; filters alone list everything that
//! passes. A miss says so on stderr (exit 1); a bad filter names the known ones (exit 2).

use super::json::to_safe_json;
use super::{EXIT_ERROR, EXIT_FAIL, EXIT_OK, args::KindArg};
use crate::dataset::DataChoice;
use crate::network::Network;
use crate::search::Query;
use crate::text::clean_line;
use std::io::{self, Write};

/// Results listed when `--limit` is not given and the query has text.
const DEFAULT_LIMIT: usize = 20;

#[derive(serde::Serialize)]
struct Row<'a> {
    id: &'a str,
    kind: &'a str,
    name: String,
    score: i64,
}

/// Prints `ID<TAB>KIND<TAB>NAME` lines (or a JSON array); exit 1 when nothing matches,
/// 2 when the query has an unknown filter or a bad filter value.
pub fn run(
    choice: &DataChoice,
    query: &str,
    kind: Option<KindArg>,
    limit: Option<usize>,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let mut q = Query::parse(query);
    if let Some(e) = &q.error {
        writeln!(err, "liaison: {}", clean_line(e))?;
        return Ok(EXIT_ERROR);
    }
    if let Some(k) = kind {
        q.kind = Some(k.into());
    }
    let net = Network::load(choice);
    let hits = if q.text.is_empty() && q.filters.is_empty() && q.kind.is_none() {
        Vec::new()
    } else {
        let limit = match limit {
            Some(l) => l,
            None if q.text.is_empty() => net.data.len(),
            None => DEFAULT_LIMIT,
        };
        net.index.search(&q, limit)
    };
    let rows: Vec<Row<'_>> = hits
        .iter()
        .map(|h| {
            let e = net.data.entity(h.entity as usize);
            Row {
                id: e.id(),
                kind: e.kind().as_str(),
                name: net.data.display_name(h.entity as usize),
                score: h.score,
            }
        })
        .collect();
    if json {
        writeln!(out, "{}", to_safe_json(&rows))?;
    } else {
        for r in &rows {
            writeln!(
                out,
                "{}\t{}\t{}",
                clean_line(r.id),
                r.kind,
                clean_line(&r.name)
            )?;
        }
    }
    let code = if rows.is_empty() {
        writeln!(
            err,
            "liaison: nothing matches \"{}\"",
            clean_line(query.trim())
        )?;
        EXIT_FAIL
    } else {
        EXIT_OK
    };
    drop(rows);
    crate::par::drop_in_background(net);
    Ok(code)
}
