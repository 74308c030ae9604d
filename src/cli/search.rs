//! `liaison search`: best match first, one per line.

use super::json::to_safe_json;
use super::{EXIT_FAIL, EXIT_OK, args::KindArg};
use crate::dataset::DataChoice;
use crate::network::Network;
use crate::search::Query;
use crate::text::clean_line;
use std::io::{self, Write};

#[derive(serde::Serialize)]
struct Row<'a> {
    id: &'a str,
    kind: &'a str,
    name: String,
    score: i64,
}

/// Prints `ID<TAB>KIND<TAB>NAME` lines (or a JSON array); exit 1 when nothing matches.
pub fn run(
    choice: &DataChoice,
    query: &str,
    kind: Option<KindArg>,
    limit: usize,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<i32> {
    let net = Network::load(choice);
    let mut q = Query::parse(query);
    if let Some(k) = kind {
        q.kind = Some(k.into());
    }
    let hits = if q.text.is_empty() {
        Vec::new()
    } else {
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
    let code = if rows.is_empty() { EXIT_FAIL } else { EXIT_OK };
    drop(rows);
    crate::par::drop_in_background(net);
    Ok(code)
}
