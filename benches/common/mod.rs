//! Shared set-up for the benchmarks: generated datasets in temporary folders, loaded.
//!
//! Every benchmark generates its data in-process with `liaison_gen` (the code behind
//! `cargo run --example gen_dataset`), so `cargo bench` needs no preparation. The seed is
//! fixed: every run measures the same data.

#![allow(dead_code)]

use liaison::dataset::DataChoice;
use liaison::network::Network;
use std::path::PathBuf;
use std::sync::Arc;

/// The seed of every benchmark dataset (the example's default).
pub const SEED: u64 = 42;

/// A generated dataset in a temporary folder, removed when dropped.
pub struct Generated {
    dir: tempfile::TempDir,
    /// Number of entities.
    pub entities: usize,
}

impl Generated {
    /// Generates `entities` entities.
    pub fn new(entities: usize) -> Generated {
        let dir = tempfile::Builder::new()
            .prefix(&format!("liaison-bench-{entities}-"))
            .tempdir()
            .expect("a temporary folder");
        liaison_gen::write_dataset(dir.path(), entities, SEED).expect("dataset written");
        Generated { dir, entities }
    }

    /// The folder.
    pub fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    /// What `--data DIR` chooses.
    pub fn choice(&self) -> DataChoice {
        DataChoice::Paths(vec![self.path()])
    }

    /// Loads it as the program does.
    pub fn load(&self) -> Arc<Network> {
        Arc::new(Network::load(&self.choice()))
    }
}

/// `10k`, `100k`, `1M`: a short label for an entity count.
pub fn label(n: usize) -> String {
    match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n if n >= 1000 && n % 1000 == 0 => format!("{}k", n / 1000),
        n => n.to_string(),
    }
}

/// The entity counts to measure: `default`, unless `LIAISON_BENCH_SIZES` (e.g. `10k,100k`)
/// picks some of them, to skip the slow 1M set-up while working on something else.
pub fn sizes(default: &[usize]) -> Vec<usize> {
    let Ok(wanted) = std::env::var("LIAISON_BENCH_SIZES") else {
        return default.to_vec();
    };
    let wanted: Vec<&str> = wanted.split(',').map(str::trim).collect();
    default
        .iter()
        .copied()
        .filter(|&n| wanted.contains(&label(n).as_str()))
        .collect()
}
