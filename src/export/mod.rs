//! Exporting entities to other programs: vCard 4.0 ([`vcard`]) and CSV ([`csv`]).
//!
//! This module owns the file formats and the choice of entities (ids and queries, as
//! `liaison show` reads them); it writes strings and never touches a terminal or a file.
//! `liaison export` prints what it makes, and the browser can write the same vCard. JSON
//! needs no module of its own: it is the entities as serde writes them.
//!
//! The output is data for another program, not text for a terminal: control characters from
//! the data are shown escaped (as [`crate::text::clean`] does), never written raw.

pub mod csv;
mod name;
pub mod vcard;

pub use name::{file_name, split_name};

use crate::model::Kind;
use crate::network::Network;
use crate::search::Query;

/// A query that selected nothing that could be exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// Nothing matches the query.
    Nothing(String),
    /// The id names an entity of a kind the format cannot hold (an event in vCard).
    Kind(String, Kind),
}

/// What a list of ids or queries selects: entities in the order asked, each once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Entity indices, without repeats.
    pub entities: Vec<usize>,
    /// The queries that selected nothing.
    pub missed: Vec<Miss>,
}

/// Selects the entities named by `queries`: each an exact id, else its best search match
/// (with `all_matches`, every match, best first). Only kinds for which `keep` holds are
/// selected; the best match is the best one of those kinds. `org:` and the other prefixes
/// filter by kind; a query of filters or a kind alone (`org: country:finland`) selects every
/// entity that passes them.
pub fn select(
    net: &Network,
    queries: &[String],
    all_matches: bool,
    keep: impl Fn(Kind) -> bool,
) -> Selection {
    let mut sel = Selection::default();
    let mut seen = vec![false; net.data.len()];
    for query in queries {
        let found: Vec<usize> = match net.data.index_of(query) {
            Some(i) if keep(net.data.entity(i).kind()) => vec![i],
            Some(i) => {
                sel.missed
                    .push(Miss::Kind(query.clone(), net.data.entity(i).kind()));
                continue;
            }
            None => {
                let q = Query::parse(query);
                // Filters or a kind without text (`country:finland`, `org:`) describe a set,
                // not a name: they select all of it. A blank query selects nothing.
                let set = q.text.is_empty();
                let hits = if set && q.filters.is_empty() && q.kind.is_none() {
                    Vec::new()
                } else {
                    net.index.search(&q, net.data.len())
                };
                let mut matches = hits
                    .iter()
                    .map(|h| h.entity as usize)
                    .filter(|&i| keep(net.data.entity(i).kind()));
                if all_matches || set {
                    matches.collect()
                } else {
                    matches.next().into_iter().collect()
                }
            }
        };
        if found.is_empty() {
            sel.missed.push(Miss::Nothing(query.clone()));
        }
        for i in found {
            if !std::mem::replace(&mut seen[i], true) {
                sel.entities.push(i);
            }
        }
    }
    sel
}

/// Every entity of the kinds for which `keep` holds, by kind (organizations first), then in
/// the order they were loaded.
pub fn every(net: &Network, keep: impl Fn(Kind) -> bool) -> Vec<usize> {
    let mut all: Vec<usize> = (0..net.data.len())
        .filter(|&i| keep(net.data.entity(i).kind()))
        .collect();
    all.sort_by_key(|&i| net.data.entity(i).kind());
    all
}

/// Organizations and people: the entities with contact cards.
pub fn is_contact(kind: Kind) -> bool {
    matches!(kind, Kind::Organization | Kind::Person)
}

/// Data text made safe for a file another program reads: Windows line ends become `\n` and
/// every other control character is shown escaped (`\u{1b}`), never written raw.
pub(crate) fn safe(s: &str) -> String {
    crate::text::clean(&s.replace("\r\n", "\n")).into_owned()
}
