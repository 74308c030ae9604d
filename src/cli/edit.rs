//! `liaison edit QUERY`: opens the entity's file at its line in `$VISUAL` / `$EDITOR` / `vi`,
//! waits for the editor, then checks the data again and reports the problems of that file.
//! On the built-in dataset it explains `liaison init` and, at a terminal, offers to run it.
//! The command itself is built by [`crate::edit`].

use super::{EXIT_ERROR, EXIT_FAIL, EXIT_OK};
use crate::dataset::{DataChoice, Dataset, Severity, source::user_data_dir};
use crate::edit::{EditError, command_from_env, location};
use crate::network::Network;
use crate::text::clean_line;
use std::io::{self, BufRead, IsTerminal, Write};

/// Runs the editor on the entity named by `query`; the exit code says whether it could.
pub fn run(
    choice: &DataChoice,
    query: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let mut choice = choice.clone();
    let mut net = Network::load(&choice);
    let Some(mut entity) = net.find(query) else {
        writeln!(err, "liaison: nothing matches \"{}\"", clean_line(query))?;
        return Ok(EXIT_FAIL);
    };
    let (file, line) = match location(&choice, &net.data, entity) {
        Ok(found) => found,
        Err(e @ EditError::BuiltIn { .. }) => {
            writeln!(err, "liaison: {e}")?;
            if !offer_init(err)? {
                return Ok(EXIT_FAIL);
            }
            let code = super::init::run(user_data_dir(), out)?;
            if code != EXIT_OK {
                return Ok(code);
            }
            choice = DataChoice::Paths(user_data_dir().into_iter().collect());
            net = Network::load(&choice);
            let Some(found) = net.find(query) else {
                writeln!(err, "liaison: nothing matches \"{}\"", clean_line(query))?;
                return Ok(EXIT_FAIL);
            };
            entity = found;
            match location(&choice, &net.data, entity) {
                Ok(found) => found,
                Err(e) => {
                    writeln!(err, "liaison: {e}")?;
                    return Ok(EXIT_FAIL);
                }
            }
        }
        Err(e) => {
            writeln!(err, "liaison: {e}")?;
            return Ok(EXIT_FAIL);
        }
    };
    let command = match command_from_env(&file, line) {
        Ok(c) => c,
        Err(e) => {
            writeln!(err, "liaison: {e}")?;
            return Ok(EXIT_ERROR);
        }
    };
    let status = match command.to_command().status() {
        Ok(s) => s,
        Err(e) => {
            writeln!(err, "liaison: cannot run the editor ({command}): {e}")?;
            return Ok(EXIT_ERROR);
        }
    };
    if !status.success() {
        writeln!(err, "liaison: the editor ({command}) ended with {status}")?;
        return Ok(EXIT_FAIL);
    }
    // What the edit did to the data: the problems of the edited file, if any.
    let data = Dataset::load(&choice);
    let shown = file.display().to_string();
    let problems: Vec<_> = data
        .problems
        .iter()
        .filter(|p| std::path::absolute(&p.location.path).is_ok_and(|a| a == file))
        .collect();
    for p in &problems {
        writeln!(err, "{}", clean_line(&p.to_string()))?;
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    if errors > 0 {
        writeln!(
            err,
            "liaison: {} now has {errors} error{}",
            clean_line(&shown),
            if errors == 1 { "" } else { "s" }
        )?;
        return Ok(EXIT_FAIL);
    }
    Ok(EXIT_OK)
}

/// At a terminal, asks whether to copy the built-in dataset now; elsewhere says how.
fn offer_init(err: &mut dyn Write) -> io::Result<bool> {
    if !(io::stdin().is_terminal() && io::stderr().is_terminal()) {
        writeln!(
            err,
            "liaison: run `liaison init`, then `liaison edit` again"
        )?;
        return Ok(false);
    }
    write!(err, "Copy the built-in dataset now (liaison init)? [y/N] ")?;
    err.flush()?;
    let mut answer = String::new();
    io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "Yes"))
}
