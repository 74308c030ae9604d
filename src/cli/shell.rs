//! `liaison completions SHELL` and `liaison man`: generated from the clap definition in
//! [`super::args`], so they always list the real commands and options.
//!
//! Both are rendered into memory first and then written, so a closed pipe
//! (`liaison man | head`) is an ordinary I/O error rather than a panic in the generator.

use super::args::Cli;
use super::{EXIT_ERROR, EXIT_OK};
use crate::text::clean_line;
use clap::CommandFactory;
use clap_complete::Shell;
use std::io::{self, Write};

/// Prints the completion script for `shell`.
pub fn completions(shell: Shell, out: &mut dyn Write) -> io::Result<i32> {
    let mut cmd = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "liaison", &mut script);
    out.write_all(&script)?;
    Ok(EXIT_OK)
}

/// Prints the man page of `liaison`, or of one of its commands (`liaison-export(1)`).
pub fn man(command: Option<&str>, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let page = match command {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
                writeln!(
                    err,
                    "liaison: no command \"{}\"; the commands are: {}",
                    clean_line(name),
                    names.join(", ")
                )?;
                return Ok(EXIT_ERROR);
            }
        },
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .source(format!("liaison {}", env!("CARGO_PKG_VERSION")))
        .manual("liaison manual")
        .render(&mut roff)?;
    out.write_all(&roff)?;
    Ok(EXIT_OK)
}
