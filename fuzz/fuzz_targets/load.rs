//! Any bytes as a data file: reading, splitting, parsing and checking never panic, every
//! problem is located inside the file, and the graph and search index build.

#![no_main]

use liaison::dataset::Dataset;
use liaison::network::Network;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Two files when the input holds a 0xFF 0x00 separator, so cross-file checks (duplicate
    // ids, references) are reached too.
    let files = match data.windows(2).position(|w| w == [0xff, 0x00]) {
        Some(at) => vec![
            ("a.ron".to_string(), data[..at].to_vec()),
            ("b.ron".to_string(), data[at + 2..].to_vec()),
        ],
        None => vec![("a.ron".to_string(), data.to_vec())],
    };
    let lines: Vec<usize> = files
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).lines().count().max(1) + 1)
        .collect();
    let ds = Dataset::from_texts("fuzz", files);
    for p in &ds.problems {
        let _ = p.to_string();
        let file = ["a.ron", "b.ron"]
            .iter()
            .position(|f| *f == p.location.path);
        if let Some(f) = file {
            assert!(
                p.location.line <= lines[f],
                "{p} is past the end of the file"
            );
        }
    }
    for i in 0..ds.len() {
        let _ = ds.display_name(i);
        let _ = ds.secondary(i);
        let _ = ds.origin(i);
        let _ = liaison::card::Card::new(&ds, i);
    }
    let net = Network::from_dataset(ds);
    for i in 0..net.data.len() {
        let _ = net.graph.grouped(i);
    }
});
