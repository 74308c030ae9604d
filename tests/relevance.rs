//! Relevance on the built-in data: for each query of `tests/relevance/queries.tsv`, where
//! the expected entity comes in the results. Prints success@1 (the expected entity first)
//! and the mean reciprocal rank per category, and fails below the floors set here. A
//! nonsense query (expected `-`) succeeds when it finds at most one thing.
//!
//! The queries were written from the data and from how people type, not from the ranking;
//! a floor below 1.0 leaves room for the data to change under them (other entities with
//! the same words), not for known failures.

use liaison::dataset::DataChoice;
use liaison::network::Network;
use liaison::search::Query;

/// The lowest success@1 accepted, overall and in every category.
const FLOOR_OVERALL: f64 = 0.95;
const FLOOR_CATEGORY: f64 = 0.9;

struct Score {
    category: String,
    queries: usize,
    first: usize,
    reciprocal: f64,
    misses: Vec<String>,
}

#[test]
fn relevance_set_finds_the_expected_entity_first() {
    let net = Network::load(&DataChoice::Builtin);
    let text = include_str!("relevance/queries.tsv");
    let mut scores: Vec<Score> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [category, query, expected] = cols[..] else {
            panic!("queries.tsv:{}: want 3 tab-separated columns", n + 1);
        };
        let q = Query::parse(query);
        assert_eq!(q.error, None, "queries.tsv:{}: {query}", n + 1);
        let hits = net.index.search(&q, 50);
        let ids: Vec<&str> = hits
            .iter()
            .map(|h| net.data.entity(h.entity as usize).id())
            .collect();
        let (first, reciprocal) = if expected == "-" {
            let ok = ids.len() <= 1;
            (ok, if ok { 1.0 } else { 0.0 })
        } else {
            assert!(
                net.data.index_of(expected).is_some(),
                "queries.tsv:{}: no entity {expected}",
                n + 1
            );
            match ids.iter().position(|id| *id == expected) {
                Some(r) => (r == 0, 1.0 / (r + 1) as f64),
                None => (false, 0.0),
            }
        };
        let at = match scores.iter().position(|s| s.category == category) {
            Some(at) => at,
            None => {
                scores.push(Score {
                    category: category.to_string(),
                    queries: 0,
                    first: 0,
                    reciprocal: 0.0,
                    misses: Vec::new(),
                });
                scores.len() - 1
            }
        };
        let s = &mut scores[at];
        s.queries += 1;
        s.first += usize::from(first);
        s.reciprocal += reciprocal;
        if !first {
            s.misses.push(format!(
                "{query:?} → {} (want {expected})",
                ids.iter().take(3).copied().collect::<Vec<_>>().join(", ")
            ));
        }
    }
    let (mut all, mut all_first, mut all_rr) = (0, 0, 0.0);
    println!(
        "{:<10} {:>7} {:>9} {:>6}",
        "category", "queries", "success@1", "MRR"
    );
    for s in &scores {
        println!(
            "{:<10} {:>7} {:>9.3} {:>6.3}",
            s.category,
            s.queries,
            s.first as f64 / s.queries as f64,
            s.reciprocal / s.queries as f64
        );
        for m in &s.misses {
            println!("    miss: {m}");
        }
        all += s.queries;
        all_first += s.first;
        all_rr += s.reciprocal;
    }
    let overall = all_first as f64 / all as f64;
    println!(
        "{:<10} {:>7} {:>9.3} {:>6.3}",
        "all",
        all,
        overall,
        all_rr / all as f64
    );
    assert!(all >= 100, "the set needs at least 100 queries, has {all}");
    assert!(
        overall >= FLOOR_OVERALL,
        "success@1 {overall:.3} < {FLOOR_OVERALL}"
    );
    for s in &scores {
        let rate = s.first as f64 / s.queries as f64;
        assert!(
            rate >= FLOOR_CATEGORY,
            "{}: success@1 {rate:.3} < {FLOOR_CATEGORY}",
            s.category
        );
    }
}
