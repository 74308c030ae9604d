//! `liaison path A B`: how two entities are connected.

use super::json::to_safe_json;
use super::{EXIT_FAIL, EXIT_OK};
use crate::dataset::DataChoice;
use crate::graph::{Graph, PathStep};
use crate::network::Network;
use crate::text::clean_line;
use std::io::{self, Write};

#[derive(serde::Serialize)]
struct StepOut {
    id: String,
    kind: &'static str,
    name: String,
    /// The relation that leads to this entity from the previous one.
    relation: Option<String>,
}

/// One chain as text: `Espoo —sister city→ Shanghai —located here→ SOEA`.
pub fn chain_text(net: &Network, from: usize, steps: &[PathStep]) -> String {
    let mut s = net.data.display_name(from);
    for step in steps {
        s.push_str(&format!(
            " —{}→ {}",
            step.link.phrase(),
            net.data.display_name(step.link.target as usize)
        ));
    }
    s
}

/// Prints the shortest chains between two entities; exit 1 when they are not connected.
pub fn run(
    choice: &DataChoice,
    from: &str,
    to: &str,
    alternatives: usize,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let net = Network::load(choice);
    let (Some(a), Some(b)) = (net.find(from), net.find(to)) else {
        let missing = if net.find(from).is_none() { from } else { to };
        writeln!(err, "liaison: nothing matches \"{}\"", clean_line(missing))?;
        return Ok(EXIT_FAIL);
    };
    let paths = net.graph.k_shortest_paths(a, b, alternatives.clamp(1, 5));
    if json {
        let chains: Vec<Vec<StepOut>> = paths
            .iter()
            .map(|p| {
                let nodes = Graph::path_nodes(a as u32, p);
                nodes
                    .iter()
                    .enumerate()
                    .map(|(k, &n)| {
                        let e = net.data.entity(n as usize);
                        StepOut {
                            id: e.id().to_string(),
                            kind: e.kind().as_str(),
                            name: net.data.display_name(n as usize),
                            relation: k.checked_sub(1).map(|k| p[k].link.phrase()),
                        }
                    })
                    .collect()
            })
            .collect();
        writeln!(out, "{}", to_safe_json(&chains))?;
    } else if paths.is_empty() {
        // A miss: said on stderr, so that stdout holds only chains.
        writeln!(
            err,
            "liaison: {} and {} are not connected: no chain of links leads from one to the other.",
            clean_line(&net.data.display_name(a)),
            clean_line(&net.data.display_name(b))
        )?;
    } else {
        for (n, p) in paths.iter().enumerate() {
            let steps = p.len();
            if paths.len() > 1 {
                write!(out, "{}. ", n + 1)?;
            }
            writeln!(
                out,
                "{}  ({steps} step{})",
                clean_line(&chain_text(&net, a, p)),
                if steps == 1 { "" } else { "s" }
            )?;
        }
    }
    Ok(if paths.is_empty() { EXIT_FAIL } else { EXIT_OK })
}
