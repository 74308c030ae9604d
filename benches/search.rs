//! Search: one keystroke as the browser handles it, at 10k, 100k and 1M entities —
//! ranking the best 1000 hits of every kind with the per-kind counts, then the match
//! positions of the 33 rows a 120×35 screen shows (name, native name, aliases).
//!
//! `search/N/shanghai/PREFIX` types `shanghai` one character at a time, each prefix a
//! measurement run right after the previous prefix's search (the index narrows a growing
//! word from the last search, as when typing). `search/N/query/…` runs queries of every
//! sort on their own: a typo, pinyin initials and full pinyin, a phone number, several
//! words, a country filter and a filter alone.
//!
//! Measured at the index, not through the browser's state, so that a change to the user
//! interface does not change what this measures.

mod common;

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use liaison::network::Network;
use liaison::search::Query;
use std::time::Duration;

const TYPED: &str = "shanghai";

/// The rows a list of 1000 shows first on a 120×35 screen.
const VISIBLE: usize = 33;

/// Queries of every sort, each measured on its own.
const QUERIES: &[&str] = &[
    "shangai",
    "shhw",
    "shanghaihaiwai",
    "62496566",
    "overseas exchange",
    "country:finland org:",
    "tie: since:2000",
];

/// One keystroke: the ranking and the positions of the visible rows.
fn keystroke(net: &Network, text: &str) -> usize {
    let query = Query::parse(text);
    let ranked = net.index.rank(&query, None, 1000);
    let mut n = ranked.hits.len();
    for h in ranked.hits.iter().take(VISIBLE) {
        let e = h.entity as usize;
        let entity = net.data.entity(e);
        let name = net.data.display_name(e);
        let pos = net.index.positions(&name, &query);
        n += pos.len();
        if let Some(native) = entity.native_name() {
            n += net.index.positions(native, &query).len();
        }
        if pos.is_empty() {
            n += entity
                .aliases()
                .iter()
                .map(|a| net.index.positions(a, &query).len())
                .sum::<usize>();
        }
    }
    n
}

fn keystrokes(c: &mut Criterion, n: usize) {
    let data = common::Generated::new(n);
    let net = data.load();
    let mut group = c.benchmark_group(format!("search/{}", common::label(n)));
    if n >= 1_000_000 {
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(5));
    } else if n >= 100_000 {
        group.sample_size(20);
    }
    for k in 1..=TYPED.len() {
        let (before, now) = (&TYPED[..k - 1], &TYPED[..k]);
        group.bench_function(format!("shanghai/{now}"), |b| {
            b.iter_batched(
                || {
                    // As when typing: the search before this keystroke ran just before it.
                    keystroke(&net, before)
                },
                |_| keystroke(&net, now),
                BatchSize::PerIteration,
            )
        });
    }
    for q in QUERIES {
        group.bench_function(format!("query/{q}"), |b| {
            b.iter_batched(
                || keystroke(&net, "x"),
                |_| keystroke(&net, q),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

/// Building the index alone (folding, pinyin, the typo dictionary, the filters' facts).
fn build(c: &mut Criterion, n: usize) {
    let data = common::Generated::new(n);
    let ds = liaison::dataset::Dataset::load(&data.choice());
    let mut group = c.benchmark_group(format!("index_build/{}", common::label(n)));
    group.sample_size(10);
    group.bench_function("build", |b| {
        b.iter(|| liaison::search::SearchIndex::build(&ds).len())
    });
    group.finish();
}

fn search(c: &mut Criterion) {
    for n in common::sizes(&[10_000, 100_000, 1_000_000]) {
        keystrokes(c, n);
        if n <= 100_000 {
            build(c, n);
        }
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
