//! `liaison check`: every problem, located, then a summary.

use super::{EXIT_FAIL, EXIT_OK};
use crate::dataset::{DataChoice, Dataset, Severity};
use crate::model::Kind;
use crate::text::clean_line;
use std::io::{self, Write};

/// Prints each problem as `PATH:LINE:COL: error: MESSAGE`, then counts; exit 1 on errors.
pub fn run(choice: &DataChoice, out: &mut dyn Write) -> io::Result<i32> {
    let ds = Dataset::load(choice);
    for p in &ds.problems {
        writeln!(out, "{}", clean_line(&p.to_string()))?;
    }
    writeln!(out, "{}", summary(&ds))?;
    let code = if ds.problem_count(Severity::Error) > 0 {
        EXIT_FAIL
    } else {
        EXIT_OK
    };
    crate::par::drop_in_background(ds);
    Ok(code)
}

/// "143 entities in 6 files (25 organizations, ...): 0 errors, 0 warnings".
pub fn summary(ds: &Dataset) -> String {
    let counts: Vec<String> = Kind::ALL
        .iter()
        .map(|&k| (k, ds.count(k)))
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| match (k, n) {
            (Kind::SisterCity, 1) => "1 sister-city tie".to_string(),
            (k, 1) => format!("1 {k}"),
            (k, n) => format!("{n} {}", k.plural().to_lowercase()),
        })
        .collect();
    let files = ds.files.len();
    let errors = ds.problem_count(Severity::Error);
    let warnings = ds.problem_count(Severity::Warning);
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{} in {}{}: {}, {}",
        plural(ds.len(), "entity").replace("entitys", "entities"),
        plural(files, "file"),
        if counts.is_empty() {
            String::new()
        } else {
            format!(" ({})", counts.join(", "))
        },
        plural(errors, "error"),
        plural(warnings, "warning"),
    )
}
