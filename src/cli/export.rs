//! `liaison export`: entities as vCard, CSV or JSON on standard output.
//!
//! The formats are made in [`crate::export`]; this file only picks the entities, prints, and
//! says on standard error which queries selected nothing.

use super::args::ExportFormat;
use super::json::to_safe_json;
use super::{EXIT_FAIL, EXIT_OK};
use crate::dataset::DataChoice;
use crate::export::{self, Miss, csv, vcard};
use crate::model::{Entity, Kind};
use crate::network::Network;
use crate::text::clean_line;
use std::io::{self, Write};

/// Prints the entities named by `queries` (all organizations and people, or every entity for
/// JSON, when there are none); exit 1 when a query selects nothing or nothing is left.
pub fn run(
    choice: &DataChoice,
    format: ExportFormat,
    queries: &[String],
    all_matches: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let net = Network::load(choice);
    // vCard holds contacts only; the other formats hold any kind that is asked for.
    let keep = |k: Kind| format != ExportFormat::Vcard || export::is_contact(k);
    let (entities, missed) = if queries.is_empty() {
        let all = match format {
            ExportFormat::Json => export::every(&net, |_| true),
            _ => export::every(&net, export::is_contact),
        };
        (all, Vec::new())
    } else {
        let sel = export::select(&net, queries, all_matches, keep);
        (sel.entities, sel.missed)
    };
    for miss in &missed {
        match miss {
            Miss::Nothing(q) => writeln!(err, "liaison: nothing matches \"{}\"", clean_line(q))?,
            Miss::Kind(id, kind) => writeln!(
                err,
                "liaison: no vCard for \"{}\" ({}): vCards are made of organizations and people",
                clean_line(id),
                kind.as_str().replace('_', " "),
            )?,
        }
    }
    if entities.is_empty() {
        if queries.is_empty() {
            writeln!(err, "liaison: nothing to export")?;
        }
        return Ok(EXIT_FAIL);
    }
    match format {
        ExportFormat::Vcard => {
            for &i in &entities {
                if let Some(card) = vcard::card(&net, i) {
                    out.write_all(card.as_bytes())?;
                }
            }
        }
        ExportFormat::Csv => out.write_all(csv::table(&net, &entities).as_bytes())?,
        ExportFormat::Json => {
            let all: Vec<&Entity> = entities.iter().map(|&i| net.data.entity(i)).collect();
            writeln!(out, "{}", to_safe_json(&all))?;
        }
    }
    Ok(if missed.is_empty() {
        EXIT_OK
    } else {
        EXIT_FAIL
    })
}
