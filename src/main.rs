//! The `liaison` binary: parse arguments, run a command or the browser, exit with its code.
//! Everything it prints itself (clap's errors, which echo the arguments, included) goes
//! through [`liaison::text::clean`].

use clap::Parser;
use liaison::cli::{self, Cli};
use std::io::Write;

/// Parses the arguments; on a mistake prints clap's message with the echoed arguments
/// escaped (`--kind` with an OSC 52 sequence reaches no terminal raw) and exits.
fn parse_args() -> Cli {
    match Cli::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let text = e.render().to_string();
            let text = liaison::text::clean(&text);
            if e.use_stderr() {
                let _ = write!(std::io::stderr(), "{text}");
            } else {
                let _ = write!(std::io::stdout(), "{text}");
            }
            std::process::exit(e.exit_code());
        }
    }
}

fn main() {
    let args = parse_args();
    let code = match &args.command {
        Some(command) => cli::run(
            &args,
            command,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        ),
        None => {
            let choice = args.data_choice();
            let net = liaison::network::Network::load(&choice);
            let (config, config_problems) = match liaison::tui::config::config_path() {
                Some(path) => liaison::tui::config::load(&path),
                None => Default::default(),
            };
            let setup = liaison::tui::Setup {
                choice,
                state_path: liaison::tui::saved::state_path(),
                config,
                config_problems,
            };
            match liaison::tui::run(net, setup) {
                Ok(()) => cli::EXIT_OK,
                Err(e) => {
                    eprintln!("liaison: {}", liaison::text::clean_line(&e.to_string()));
                    cli::EXIT_ERROR
                }
            }
        }
    };
    std::process::exit(code);
}
