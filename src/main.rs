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
            let net = liaison::network::Network::load(&args.data_choice());
            match liaison::tui::run(net) {
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
