//! `liaison ties CITY [FILTER…]`: the ties table of a city as aligned columns, CSV or JSON.
//! The rows, sorting and filters are made in [`crate::ties`]; this file picks the city and
//! prints.

use super::args::TiesFormat;
use super::json::to_safe_json;
use super::{EXIT_ERROR, EXIT_FAIL, EXIT_OK};
use crate::dataset::DataChoice;
use crate::model::Entity;
use crate::network::Network;
use crate::text::clean_line;
use crate::ties::{Column, Filter, TieRow, rows, sort};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// What the user asked for.
pub struct Ask<'a> {
    /// An id or a query naming the city.
    pub city: &'a str,
    /// Filter terms.
    pub filters: &'a [String],
    /// The column to sort by (default: since).
    pub sort: Option<&'a str>,
    /// Sort descending.
    pub reverse: bool,
    /// How to print.
    pub format: TiesFormat,
}

/// Prints the table; exit 1 (with a line on stderr) when the city is unknown or no tie is
/// left, 2 for an unknown filter or column.
pub fn run(
    choice: &DataChoice,
    ask: &Ask<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let filter = match Filter::parse(ask.filters) {
        Ok(f) => f,
        Err(e) => {
            writeln!(err, "liaison: {}", clean_line(&e))?;
            return Ok(EXIT_ERROR);
        }
    };
    let column = match ask.sort.map(|s| (s, Column::parse(s))) {
        None => Column::Since,
        Some((_, Some(c))) => c,
        Some((name, None)) => {
            let names: Vec<&str> = Column::ALL.iter().map(|c| c.name()).collect();
            writeln!(
                err,
                "liaison: no column \"{}\"; the columns are {}",
                clean_line(name),
                names.join(", ")
            )?;
            return Ok(EXIT_ERROR);
        }
    };
    let net = Network::load(choice);
    let Some(city) = net.find(ask.city) else {
        writeln!(err, "liaison: nothing matches \"{}\"", clean_line(ask.city))?;
        return Ok(EXIT_FAIL);
    };
    let name = clean_line(&net.data.display_name(city)).into_owned();
    if !matches!(net.data.entity(city), Entity::City(_)) {
        writeln!(
            err,
            "liaison: \"{}\" is {} {}; ties are listed for a city",
            clean_line(ask.city),
            net.data.entity(city).kind(),
            name
        )?;
        return Ok(EXIT_FAIL);
    }
    let today = chrono::Local::now().date_naive();
    let all = rows(&net.data, city, today);
    let total = all.len();
    let mut list: Vec<TieRow> = all.into_iter().filter(|r| filter.matches(r)).collect();
    if list.is_empty() {
        if total == 0 {
            writeln!(err, "liaison: {name} has no ties")?;
        } else {
            writeln!(
                err,
                "liaison: none of the {total} ties of {name} match \"{}\"",
                clean_line(&ask.filters.join(" "))
            )?;
        }
        return Ok(EXIT_FAIL);
    }
    sort(&mut list, column, ask.reverse);
    match ask.format {
        TiesFormat::Json => writeln!(out, "{}", to_safe_json(&list))?,
        TiesFormat::Csv => out.write_all(&csv(&list)?)?,
        TiesFormat::Table => table(&list, out)?,
    }
    Ok(EXIT_OK)
}

/// Aligned columns with a header; a column empty in every row is left out.
fn table(list: &[TieRow], out: &mut dyn Write) -> io::Result<()> {
    let columns: Vec<Column> = Column::ALL
        .into_iter()
        .filter(|c| list.iter().any(|r| !c.text(r).is_empty()))
        .collect();
    let cells: Vec<Vec<String>> = list
        .iter()
        .map(|r| {
            columns
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    let text = clean_line(&c.text(r)).into_owned();
                    // Only the last column may run on; the others are cut to stay aligned.
                    if k + 1 < columns.len() {
                        cut(&text, MAX_CELL)
                    } else {
                        text
                    }
                })
                .collect()
        })
        .collect();
    let header: Vec<String> = columns.iter().map(|c| c.name().replace('_', " ")).collect();
    let widths: Vec<usize> = (0..columns.len())
        .map(|k| {
            cells
                .iter()
                .map(|row| row[k].width())
                .chain([header[k].width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let numeric = |c: Column| matches!(c, Column::Years | Column::Agreements);
    for row in std::iter::once(&header).chain(&cells) {
        let mut line = String::new();
        for (k, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[k].saturating_sub(cell.width()));
            let last = k + 1 == row.len();
            if k > 0 {
                line.push_str("  ");
            }
            if numeric(columns[k]) {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                if !last {
                    line.push_str(&pad);
                }
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The widest a cell other than the last is shown in the table, in columns.
const MAX_CELL: usize = 32;

/// `text` cut to `max` columns, ending in "…" when cut.
fn cut(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// RFC 4180 CSV through the `csv` crate, every column, with a header row. A cell that a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return) is written with a leading `'`.
fn csv(list: &[TieRow]) -> io::Result<Vec<u8>> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header = vec!["id", "partner_id"];
    header.extend(Column::ALL.iter().map(|c| c.name()));
    w.write_record(&header)?;
    for r in list {
        let mut record = vec![r.id.clone(), r.partner_id.clone()];
        record.extend(Column::ALL.iter().map(|c| c.text(r)));
        w.write_record(record.iter().map(|cell| guard(cell)))?;
    }
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

/// A cell made safe for a spreadsheet and a terminal: controls shown escaped, a formula
/// start defused with `'`.
fn guard(cell: &str) -> String {
    let clean = clean_line(cell);
    if clean.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{clean}")
    } else {
        clean.into_owned()
    }
}
