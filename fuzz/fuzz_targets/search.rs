//! Any text as a search query over a small dataset (CJK, aliases, addresses, escape
//! sequences): ranking and highlighting never panic, hits are in bounds, best first, and
//! highlighted positions fall inside the text they highlight.

#![no_main]

use liaison::dataset::Dataset;
use liaison::network::Network;
use liaison::search::Query;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../tests/fixtures/browse/network.ron");
const ODD: &str = "[
    City(id: \"odd-city\", name: \"İstanbul ẞtraße ǅ\u{1b}[31m\", native_name: \"İSTANBUL\",
         country: \"Türkiye\", aliases: [\"ﬁ ﬂ ﬃ\", \"\u{202e}evil\"], sources: [\"s\"]),
    Organization(id: \"odd-org\", name: \"Σίσυφος ΣΊΣΥΦΟΣ\", native_name: \"上海市海外交流协会\",
         city: \"odd-city\", contact: (address: \"Kā  Ōtautahi\u{301}\"), sources: [\"s\"]),
]";

fn network() -> &'static Network {
    static NET: OnceLock<Network> = OnceLock::new();
    NET.get_or_init(|| {
        Network::from_dataset(Dataset::from_texts(
            "fuzz",
            vec![
                ("network.ron".into(), DATA.as_bytes().to_vec()),
                ("odd.ron".into(), ODD.as_bytes().to_vec()),
            ],
        ))
    })
}

fuzz_target!(|data: &[u8]| {
    let net = network();
    let text = String::from_utf8_lossy(data);
    let query = Query::parse(&text);
    let hits = net.index.search(&query, 50);
    assert!(hits.len() <= 50);
    for pair in hits.windows(2) {
        assert!(pair[0].score >= pair[1].score, "hits out of order");
    }
    for hit in &hits {
        assert!((hit.entity as usize) < net.data.len());
        let field = net.index.field_text(hit);
        let positions = net.index.positions(field, &query);
        let chars = field.chars().count();
        assert!(
            positions.iter().all(|&p| p < chars),
            "position past the text"
        );
        let name = net.data.display_name(hit.entity as usize);
        let _ = net.index.positions(&name, &query);
    }
    let _ = net.find(&text);
});
