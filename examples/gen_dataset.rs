//! Writes a generated dataset: `cargo run --release --example gen_dataset -- --entities N --out DIR`.
//!
//! The files have the layout and format of `data/` and pass `liaison check`; `DIR/names.txt`
//! holds every searchable name, one a line, to measure other tools on the same strings.
//! See the `liaison-gen` crate (`crates/liaison-gen`) for what is generated.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_dataset --entities N --out DIR [--seed S]";

fn main() -> ExitCode {
    let mut entities: Option<usize> = None;
    let mut out: Option<PathBuf> = None;
    let mut seed: u64 = 42;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let ok = match (arg.as_str(), value) {
            ("--entities", Some(v)) => v
                .replace('_', "")
                .parse()
                .map(|n| entities = Some(n))
                .is_ok(),
            ("--out", Some(v)) => {
                out = Some(PathBuf::from(v));
                true
            }
            ("--seed", Some(v)) => v.parse().map(|s| seed = s).is_ok(),
            _ => false,
        };
        if !ok {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    }
    let (Some(entities), Some(out)) = (entities, out) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if entities < 10 {
        eprintln!("gen_dataset: --entities must be at least 10");
        return ExitCode::from(2);
    }
    let started = std::time::Instant::now();
    match liaison_gen::write_dataset(&out, entities, seed) {
        Ok(c) => {
            eprintln!(
                "gen_dataset: {} entities ({} organizations, {} cities, {} sister-city ties, {} people, {} agreements, {} events) in {} ({:.1} s)",
                c.total(),
                c.organizations,
                c.cities,
                c.ties,
                c.people,
                c.agreements,
                c.events,
                out.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_dataset: {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
