//! `liaison anniversaries`: the round anniversaries in a year or in the days ahead, as a
//! table, JSON or an iCalendar file. The list is made in [`crate::anniversary`]; this file
//! only picks the window and prints.

use super::args::AnniversaryFormat;
use super::json::to_safe_json;
use super::{EXIT_ERROR, EXIT_FAIL, EXIT_OK};
use crate::anniversary::{Window, in_window, years_text};
use crate::dataset::DataChoice;
use crate::network::Network;
use crate::text::clean_line;
use chrono::NaiveDate;
use std::io::{self, Write};

/// What the user asked for.
pub struct Ask {
    /// A calendar year.
    pub year: Option<i32>,
    /// The first day of the window (default today).
    pub from: Option<NaiveDate>,
    /// How many days from `from`.
    pub within: u32,
    /// How to print.
    pub format: AnniversaryFormat,
}

/// Prints the anniversaries in the window; exit 1 (and a line on stderr) when there are none.
pub fn run(
    choice: &DataChoice,
    ask: &Ask,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let window = match ask.year {
        Some(y) => match Window::year(y) {
            Some(w) => w,
            None => {
                writeln!(err, "liaison: the year {y} is out of range")?;
                return Ok(EXIT_ERROR);
            }
        },
        None => Window::days(
            ask.from
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            ask.within,
        ),
    };
    let net = Network::load(choice);
    let list = in_window(&net.data, &window);
    let span = match ask.year {
        Some(y) => format!("in {y}"),
        None => format!("from {} to {}", window.first, window.last),
    };
    if list.is_empty() {
        writeln!(err, "liaison: no round anniversaries {span}")?;
        return Ok(EXIT_FAIL);
    }
    match ask.format {
        AnniversaryFormat::Json => writeln!(out, "{}", to_safe_json(&list))?,
        AnniversaryFormat::Ics => {
            out.write_all(crate::anniversary::ics(&list, chrono::Utc::now()).as_bytes())?
        }
        AnniversaryFormat::Table => {
            for a in &list {
                writeln!(
                    out,
                    "{:<10}  {:>9}  {:<21}  {}  (since {})",
                    a.date.to_string(),
                    years_text(a.years),
                    a.kind,
                    clean_line(&a.name),
                    a.since
                )?;
            }
        }
    }
    Ok(EXIT_OK)
}
