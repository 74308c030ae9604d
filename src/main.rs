//! The `liaison` binary: parse arguments, run a command or the browser, exit with its code.

use clap::Parser;
use liaison::cli::{self, Cli};

fn main() {
    let args = Cli::parse();
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
                    eprintln!("liaison: {e}");
                    cli::EXIT_ERROR
                }
            }
        }
    };
    std::process::exit(code);
}
