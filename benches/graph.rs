//! Graph: every link of a busy entity, grouped, and the shortest path between two distant
//! entities, at 100k entities.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use std::collections::VecDeque;
use std::hint::black_box;

/// The entity farthest from `from` (breadth-first, links read both ways).
fn farthest(net: &liaison::network::Network, from: usize) -> usize {
    let n = net.data.len();
    let mut seen = vec![false; n];
    let mut queue = VecDeque::from([from]);
    seen[from] = true;
    let mut last = from;
    while let Some(x) = queue.pop_front() {
        last = x;
        for l in net.graph.links(x) {
            let t = l.target as usize;
            if !seen[t] {
                seen[t] = true;
                queue.push_back(t);
            }
        }
    }
    last
}

fn graph(c: &mut Criterion) {
    let data = common::Generated::new(100_000);
    let net = data.load();
    let busy = net
        .data
        .index_of("shanghai")
        .expect("the generator writes Shanghai");
    // Two entities far apart: the farthest from Shanghai, and the farthest from that one.
    let a = farthest(&net, busy);
    let b = farthest(&net, a);
    let path = net.graph.shortest_path(a, b).map_or(0, |p| p.len());
    eprintln!(
        "graph: `{}` has {} links; path from `{}` to `{}`: {path} steps",
        net.data.entity(busy).id(),
        net.graph.links(busy).len(),
        net.data.entity(a).id(),
        net.data.entity(b).id()
    );
    let mut group = c.benchmark_group("graph");
    group.bench_function("links_of_busy_entity/100k", |bench| {
        bench.iter(|| {
            let groups = net.graph.grouped(black_box(busy));
            groups.iter().map(|g| g.links.len()).sum::<usize>()
        })
    });
    group.bench_function("shortest_path/100k", |bench| {
        bench.iter(|| net.graph.shortest_path(black_box(a), black_box(b)))
    });
    group.sample_size(10);
    group.bench_function("k_shortest_paths_5/100k", |bench| {
        bench.iter(|| net.graph.k_shortest_paths(black_box(a), black_box(b), 5))
    });
    group.finish();
}

criterion_group!(benches, graph);
criterion_main!(benches);
