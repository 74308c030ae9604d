//! The non-interactive commands: `check`, `search`, `show`, `init`.
//!
//! Each command writes to the writer it is given (stdout in the binary, a buffer in tests)
//! and returns its exit code. Every string from the data goes through [`crate::text`]
//! before it is written, so no control sequence from a data file reaches a terminal.

mod anniversaries;
mod args;
mod check;
mod edit;
mod export;
pub mod init;
mod json;
mod map;
mod path;
mod search;
mod shell;
mod show;
mod ties;
mod timeline;

pub use args::{Cli, Command};

use crate::dataset::{DataChoice, source::user_data_dir};
use std::io::Write;

/// Exit code: success.
pub const EXIT_OK: i32 = 0;
/// Exit code: the command ran and found nothing, or the data has errors.
pub const EXIT_FAIL: i32 = 1;
/// Exit code: the command could not run (bad arguments, I/O error).
pub const EXIT_ERROR: i32 = 2;

impl Cli {
    /// The data the user asked for: `--data`, else `LIAISON_DATA`, else the data directory,
    /// else the built-in dataset.
    pub fn data_choice(&self) -> DataChoice {
        DataChoice::resolve(
            &self.data,
            std::env::var_os("LIAISON_DATA"),
            user_data_dir(),
        )
    }
}

/// `liaison config`: the config path and whether it reads cleanly, or a default file.
fn settings(default: bool, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    if default {
        write!(out, "{}", crate::tui::config::default_text())?;
        return Ok(EXIT_OK);
    }
    let Some(path) = crate::tui::config::config_path() else {
        writeln!(err, "liaison: this platform has no config directory")?;
        return Ok(EXIT_FAIL);
    };
    let (_, problems) = crate::tui::config::load(&path);
    let state = if std::fs::symlink_metadata(&path).is_ok() {
        ""
    } else {
        " (not created yet: `liaison config --default` prints one to start from)"
    };
    writeln!(
        out,
        "{}{state}",
        crate::text::clean_line(&path.display().to_string())
    )?;
    for p in &problems {
        writeln!(out, "{}", crate::text::clean_line(&p.to_string()))?;
    }
    Ok(if problems.is_empty() {
        EXIT_OK
    } else {
        EXIT_FAIL
    })
}

/// Runs a non-interactive command; returns the exit code.
pub fn run(cli: &Cli, command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match command {
        Command::Check { stats } => check::run(&cli.data_choice(), *stats, out),
        Command::Search {
            query,
            kind,
            limit,
            json,
        } => search::run(
            &cli.data_choice(),
            &query.join(" "),
            *kind,
            *limit,
            *json,
            out,
            err,
        ),
        Command::Show { query, json } => {
            show::run(&cli.data_choice(), &query.join(" "), *json, out, err)
        }
        Command::Path {
            from,
            to,
            alternatives,
            json,
        } => path::run(
            &cli.data_choice(),
            from,
            to,
            *alternatives as usize,
            *json,
            out,
            err,
        ),
        Command::Timeline {
            from,
            to,
            kind,
            json,
        } => {
            let filter = crate::timeline::Filter {
                from: *from,
                to: *to,
                kind: kind.map(Into::into),
            };
            timeline::run(&cli.data_choice(), &filter, *json, out, err)
        }
        Command::Map {
            city,
            width,
            height,
        } => map::run(
            &cli.data_choice(),
            city.as_deref(),
            *width,
            *height,
            out,
            err,
        ),
        Command::Config { default } => settings(*default, out, err),
        Command::Init { dir } => init::run(dir.clone().or_else(user_data_dir), out),
        Command::Export {
            format,
            query,
            all_matches,
        } => export::run(&cli.data_choice(), *format, query, *all_matches, out, err),
        Command::Anniversaries {
            year,
            within,
            from,
            format,
        } => anniversaries::run(
            &cli.data_choice(),
            &anniversaries::Ask {
                year: *year,
                from: *from,
                within: *within,
                format: *format,
            },
            out,
            err,
        ),
        Command::Ties {
            city,
            filters,
            sort,
            reverse,
            all,
            districts,
            format,
        } => ties::run(
            &cli.data_choice(),
            &ties::Ask {
                city,
                all: *all,
                districts: *districts,
                filters,
                sort: sort.as_deref(),
                reverse: *reverse,
                format: *format,
            },
            out,
            err,
        ),
        Command::Edit { query } => edit::run(&cli.data_choice(), &query.join(" "), out, err),
        Command::Completions { shell } => shell::completions(*shell, out),
        Command::Man { command } => shell::man(command.as_deref(), out, err),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`liaison check | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            let _ = writeln!(err, "liaison: {}", crate::text::clean_line(&e.to_string()));
            EXIT_ERROR
        }
    }
}
