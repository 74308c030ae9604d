//! Load: read, parse, validate, build the link graph and the search index, as
//! `liaison --data DIR` does before the first frame.

mod common;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use liaison::dataset::Dataset;
use liaison::network::Network;
use std::time::Duration;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    for n in common::sizes(&[10_000, 100_000]) {
        let data = common::Generated::new(n);
        let choice = data.choice();
        group.measurement_time(Duration::from_secs(if n > 10_000 { 10 } else { 3 }));
        group.bench_function(format!("network/{}", common::label(n)), |b| {
            b.iter(|| Network::load(&choice))
        });
        group.bench_function(format!("dataset/{}", common::label(n)), |b| {
            b.iter(|| Dataset::load(&choice))
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
