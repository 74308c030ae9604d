//! `liaison ties PLACE [FILTER…]`: the ties table of a city, region or country as aligned
//! columns, CSV or JSON. The rows, sorting and filters are made in [`crate::ties`]; this file
//! picks the place and prints.

use super::args::TiesFormat;
use super::json::to_safe_json;
use super::{EXIT_ERROR, EXIT_FAIL, EXIT_OK};
use crate::dataset::DataChoice;
use crate::network::Network;
use crate::text::clean_line;
use crate::ties::{Column, Filter, Subject, TieRow, table, to_csv};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// What the user asked for.
pub struct Ask<'a> {
    /// An id or a query naming the city, region or country.
    pub city: &'a str,
    /// Every level, not only official ties.
    pub all: bool,
    /// With the ties of the city's districts.
    pub districts: bool,
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
    let Some(subject) = Subject::of(&net.data, city, ask.districts) else {
        writeln!(
            err,
            "liaison: \"{}\" is {} {}; ties are listed for a city, region or country",
            clean_line(ask.city),
            net.data.entity(city).kind(),
            name
        )?;
        return Ok(EXIT_FAIL);
    };
    let today = chrono::Local::now().date_naive();
    let list = table(
        &net.data,
        subject,
        today,
        &filter,
        ask.all,
        column,
        ask.reverse,
    );
    if list.is_empty() {
        let every = table(
            &net.data,
            subject,
            today,
            &Filter::default(),
            true,
            column,
            false,
        );
        if every.is_empty() {
            writeln!(err, "liaison: {name} has no ties")?;
        } else if filter.is_empty() {
            writeln!(
                err,
                "liaison: {name} has no official ties; --all lists the {} of every level",
                every.len()
            )?;
        } else {
            writeln!(
                err,
                "liaison: none of the ties of {name} match \"{}\"{}",
                clean_line(&ask.filters.join(" ")),
                if ask.all || filter.names_level() {
                    ""
                } else {
                    " (official ties only; --all for every level)"
                }
            )?;
        }
        return Ok(EXIT_FAIL);
    }
    match ask.format {
        TiesFormat::Json => writeln!(out, "{}", to_safe_json(&list))?,
        TiesFormat::Csv => out.write_all(&to_csv(&list)?)?,
        TiesFormat::Table => print_table(&list, out)?,
    }
    Ok(EXIT_OK)
}

/// Aligned columns with a header.
fn print_table(list: &[TieRow], out: &mut dyn Write) -> io::Result<()> {
    // A column empty in every row is left out, and the side when it is always the same.
    let columns: Vec<Column> = Column::ALL
        .into_iter()
        .filter(|c| list.iter().any(|r| !c.text(r).is_empty()))
        .filter(|&c| c != Column::Side || list.iter().any(|r| r.side != list[0].side))
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
