//! `liaison show`: one entity's card with its links.

use super::json::to_safe_json;
use super::{EXIT_ERROR, EXIT_FAIL, EXIT_OK};
use crate::card::Card;
use crate::dataset::DataChoice;
use crate::graph::{Direction, Relation};
use crate::model::Entity;
use crate::network::Network;
use crate::text::{clean, clean_line};
use std::io::{self, Write};

#[derive(serde::Serialize)]
struct LinkOut {
    relation: &'static str,
    id: String,
    kind: &'static str,
    name: String,
    detail: Option<String>,
}

#[derive(serde::Serialize)]
struct ShowOut {
    #[serde(flatten)]
    card: Card,
    links: Vec<LinkOut>,
}

/// Prints the card of the entity named by id or query; exit 1 when there is none.
pub fn run(
    choice: &DataChoice,
    query: &str,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    if let Some(e) = crate::search::Query::parse(query).error {
        writeln!(err, "liaison: {}", clean_line(&e))?;
        return Ok(EXIT_ERROR);
    }
    let net = Network::load(choice);
    let Some(i) = net.find(query) else {
        writeln!(err, "liaison: nothing matches \"{}\"", clean_line(query))?;
        return Ok(EXIT_FAIL);
    };
    ambiguity(&net, query, i, err)?;
    let card = Card::with_graph(&net.data, &net.graph, i);
    let links: Vec<LinkOut> = net
        .graph
        .links(i)
        .iter()
        .map(|l| {
            let t = l.target as usize;
            LinkOut {
                relation: l.label(),
                id: net.data.entity(t).id().to_string(),
                kind: net.data.entity(t).kind().as_str(),
                name: net.data.display_name(t),
                detail: l.detail.as_deref().map(str::to_string),
            }
        })
        .collect();
    if json {
        writeln!(out, "{}", to_safe_json(&ShowOut { card, links }))?;
        return Ok(EXIT_OK);
    }
    write_card(out, &card)?;
    let country = matches!(net.data.entity(i), Entity::Country(_));
    for group in net.graph.grouped(i) {
        let located_here = group
            .links
            .first()
            .is_some_and(|l| l.relation == Relation::LocatedIn && l.dir == Direction::Backward);
        if country && located_here {
            // The card's "Organizations located here" lists them with those of its cities.
            continue;
        }
        writeln!(out, "\n{} ({})", group.label, group.links.len())?;
        for l in group.links {
            let t = l.target as usize;
            let detail = l.detail.as_deref().map(detail_text).unwrap_or_default();
            writeln!(
                out,
                "  {}{detail}  [{}]",
                clean_line(&net.data.display_name(t)),
                clean_line(net.data.entity(t).id())
            )?;
        }
    }
    for section in &card.sections {
        writeln!(
            out,
            "\n{} ({})",
            clean_line(&section.label),
            section.items.len()
        )?;
        for item in &section.items {
            let detail = item.detail.as_deref().map(detail_text).unwrap_or_default();
            writeln!(
                out,
                "  {}{detail}  [{}]",
                clean_line(&item.name),
                clean_line(&item.id)
            )?;
        }
    }
    if !card.sources.is_empty() {
        writeln!(out, "\nSources:")?;
        for s in &card.sources {
            writeln!(out, "  {}", clean_line(s))?;
        }
    }
    Ok(EXIT_OK)
}

/// When a query has several good matches, one line naming how many and the next few.
fn ambiguity(net: &Network, query: &str, shown: usize, err: &mut dyn Write) -> io::Result<()> {
    let good = net.index.good_matches(&crate::search::Query::parse(query));
    if good.len() < 2 {
        return Ok(());
    }
    let others: Vec<String> = good
        .iter()
        .filter(|h| h.entity as usize != shown)
        .take(3)
        .map(|h| clean_line(&net.data.display_name(h.entity as usize)).into_owned())
        .collect();
    let more = if good.len() > 4 { ", …" } else { "" };
    writeln!(
        err,
        "liaison: best of {} matches; also: {}{more}; see `liaison search {}`",
        good.len(),
        others.join(", "),
        clean_line(query.trim())
    )
}

fn write_card(out: &mut dyn Write, card: &Card) -> io::Result<()> {
    match &card.native_name {
        Some(n) => writeln!(out, "{}  {}", clean_line(&card.name), clean_line(n))?,
        None => writeln!(out, "{}", clean_line(&card.name))?,
    }
    writeln!(
        out,
        "{} · id: {}",
        clean_line(&card.subtitle),
        clean_line(&card.id)
    )?;
    let width = card
        .contact
        .iter()
        .chain(&card.fields)
        .map(|f| f.label.len())
        .max()
        .unwrap_or(0)
        + 1;
    if !card.contact.is_empty() {
        writeln!(out)?;
        for f in &card.contact {
            writeln!(
                out,
                "{:width$} {}",
                format!("{}:", f.label),
                clean_line(&f.value)
            )?;
        }
    }
    if !card.fields.is_empty() {
        writeln!(out)?;
        for f in &card.fields {
            writeln!(
                out,
                "{:width$} {}",
                format!("{}:", f.label),
                clean_line(&f.value)
            )?;
        }
    }
    if let Some(d) = &card.description {
        writeln!(out, "\n{}", clean(d.trim()))?;
    }
    if let Some(n) = &card.note {
        writeln!(out, "\nNote: {}", clean(n.trim()))?;
    }
    Ok(())
}

/// A link's qualifier after its name: "  (1998)", or "  · Vice President (as of 2017)" when
/// the qualifier holds parentheses of its own.
fn detail_text(d: &str) -> String {
    let d = clean_line(d);
    if d.contains('(') {
        format!("  · {d}")
    } else {
        format!("  ({d})")
    }
}
