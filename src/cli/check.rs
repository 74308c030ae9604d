//! `liaison check`: every problem, located, then a summary; with `--stats`, a table of how
//! complete the data is (contacts, coordinates, countries, sources, tie levels). It reads
//! the data only.

use super::{EXIT_FAIL, EXIT_OK};
use crate::dataset::{DataChoice, Dataset, Severity};
use crate::model::{Entity, Kind, Level};
use crate::text::clean_line;
use std::io::{self, Write};

/// Prints each problem as `PATH:LINE:COL: error: MESSAGE`, then counts (and with `stats`,
/// the coverage table before them); exit 1 on errors.
pub fn run(choice: &DataChoice, stats: bool, out: &mut dyn Write) -> io::Result<i32> {
    let ds = Dataset::load(choice);
    for p in &ds.problems {
        writeln!(out, "{}", clean_line(&p.to_string()))?;
    }
    if stats {
        for row in coverage(&ds) {
            writeln!(out, "{row}")?;
        }
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

/// The coverage table, one line per row: `label  count / of  percent`.
pub fn coverage(ds: &Dataset) -> Vec<String> {
    let mut rows: Vec<(String, usize, Option<usize>)> = Vec::new();
    rows.push(("Entities".into(), ds.len(), None));
    for k in Kind::ALL {
        rows.push((
            format!("  {}", k.plural().to_lowercase()),
            ds.count(k),
            None,
        ));
    }
    let orgs: Vec<&crate::model::Organization> = ds
        .entities()
        .iter()
        .filter_map(|e| match e {
            Entity::Organization(o) => Some(o),
            _ => None,
        })
        .collect();
    let n = orgs.len();
    let count =
        |f: &dyn Fn(&crate::model::Organization) -> bool| orgs.iter().filter(|o| f(o)).count();
    rows.push((
        "Organizations with any contact".into(),
        count(&|o| !o.contact.is_empty()),
        Some(n),
    ));
    rows.push((
        "  with an address".into(),
        count(&|o| o.contact.address.is_some()),
        Some(n),
    ));
    rows.push((
        "  with a phone".into(),
        count(&|o| !o.contact.phones.is_empty()),
        Some(n),
    ));
    rows.push((
        "  with a fax".into(),
        count(&|o| !o.contact.fax.is_empty()),
        Some(n),
    ));
    rows.push((
        "  with an e-mail".into(),
        count(&|o| !o.contact.emails.is_empty()),
        Some(n),
    ));
    rows.push((
        "  with a website".into(),
        count(&|o| o.contact.website.is_some()),
        Some(n),
    ));
    rows.push((
        "  located in a city".into(),
        count(&|o| o.city.is_some()),
        Some(n),
    ));
    rows.push((
        "  located in a country".into(),
        count(&|o| ds.org_country(o).is_some_and(|c| ds.country(c).is_some())),
        Some(n),
    ));
    let cities: Vec<&crate::model::City> = ds
        .entities()
        .iter()
        .filter_map(|e| match e {
            Entity::City(c) => Some(c),
            _ => None,
        })
        .collect();
    let c = cities.len();
    let with_coords = cities.iter().filter(|x| x.coordinates.is_some()).count();
    let with_country = cities
        .iter()
        .filter(|x| ds.country(&x.country).is_some())
        .count();
    rows.push(("Cities with coordinates".into(), with_coords, Some(c)));
    rows.push(("Cities with a country entity".into(), with_country, Some(c)));
    // What bilingual users type: a name in Han script, native or an alias.
    let han = |e: &&Entity| {
        e.native_name()
            .into_iter()
            .chain(e.aliases().iter().map(String::as_str))
            .any(crate::search::has_han)
    };
    let named = |k: Kind| {
        ds.entities()
            .iter()
            .filter(|e| e.kind() == k)
            .filter(han)
            .count()
    };
    rows.push((
        "Names in Chinese: organizations".into(),
        named(Kind::Organization),
        Some(n),
    ));
    rows.push((
        "Names in Chinese: cities".into(),
        named(Kind::City),
        Some(c),
    ));
    let url = ds
        .entities()
        .iter()
        .filter(|e| {
            e.sources()
                .iter()
                .any(|s| s.contains("http://") || s.contains("https://"))
        })
        .count();
    rows.push(("Entities citing a URL".into(), url, Some(ds.len())));
    let ties: Vec<Level> = ds
        .entities()
        .iter()
        .filter_map(|e| match e {
            Entity::SisterCity(t) => Some(t.level),
            _ => None,
        })
        .collect();
    rows.push(("Ties by level".into(), ties.len(), None));
    for level in Level::ALL {
        let k = ties.iter().filter(|&&l| l == level).count();
        rows.push((format!("  {}", level.as_str()), k, Some(ties.len())));
    }
    let width = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    rows.into_iter()
        .map(|(label, k, of)| match of {
            Some(of) => {
                let pct = (k * 100).checked_div(of).unwrap_or(0);
                format!("{label:width$}  {k:>5} / {of:<5} {pct:>3} %")
            }
            None => format!("{label:width$}  {k:>5}"),
        })
        .collect()
}
