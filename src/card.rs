//! An entity's card: the facts a person looks up, in the order they want them.
//!
//! Both `liaison show` and the browser's detail pane present this same card, so the two never
//! disagree. Values are the raw data; whoever prints them must pass them through
//! [`crate::text::clean`].
//!
//! [`Card::new`] needs only the dataset; [`Card::with_graph`] adds the sections that walk
//! the links: a city's "Ties of its districts", a country's organizations and ties.

use crate::dataset::Dataset;
use crate::graph::{Direction, Graph, Relation, tie_relation};
use crate::model::{Entity, Level, TieStatus};

/// A labelled line of a card.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CardField {
    /// "Address", "Phone", "Founded"...
    pub label: &'static str,
    /// The value as written in the data.
    pub value: String,
}

/// One entry of a [`CardSection`]: an entity and a short qualifier.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CardItem {
    /// The id of the entity the entry leads to.
    pub id: String,
    /// What to show: "Pudong New Area – Kuopio".
    pub name: String,
    /// A qualifier: "sister-city tie, 2000".
    pub detail: Option<String>,
}

/// A titled list on a card that the links alone do not give ("Ties of its districts").
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CardSection {
    /// The heading, without the count.
    pub label: String,
    /// The entries, in a stable order.
    pub items: Vec<CardItem>,
}

/// The presentable facts of one entity.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Card {
    /// The id.
    pub id: String,
    /// Kind name (`organization`, `city`...).
    pub kind: &'static str,
    /// Display name.
    pub name: String,
    /// Native name, if any.
    pub native_name: Option<String>,
    /// One line saying what it is: "association · Shanghai, China".
    pub subtitle: String,
    /// Contact fields first: Address, Phone, Fax, Email, Website, Hours.
    pub contact: Vec<CardField>,
    /// Other facts.
    pub fields: Vec<CardField>,
    /// Description or summary, as written.
    pub description: Option<String>,
    /// Remarks.
    pub note: Option<String>,
    /// Where the facts come from.
    pub sources: Vec<String>,
    /// Lists derived from the links ([`Card::with_graph`]); empty from [`Card::new`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<CardSection>,
}

/// The sources of an organization's contact block (none for other kinds).
fn contact_sources(e: &Entity) -> &[String] {
    match e {
        Entity::Organization(o) => &o.contact.sources,
        _ => &[],
    }
}

/// A short name for a citation: the host of its first URL ("bmc.go.th"), else the whole text.
fn source_host(s: &str) -> &str {
    let Some(at) = s.find("https://").or_else(|| s.find("http://")) else {
        return s;
    };
    let rest = &s[at..];
    let rest = rest.split_once("//").map_or(rest, |(_, r)| r);
    let host = rest.split(['/', ' ', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

fn name_of(ds: &Dataset, id: &str) -> String {
    ds.index_of(id)
        .map_or_else(|| id.to_string(), |i| ds.display_name(i))
}

impl Card {
    /// Builds the card of the entity at `i`.
    pub fn new(ds: &Dataset, i: usize) -> Card {
        let e = ds.entity(i);
        let mut contact = Vec::new();
        let mut fields = Vec::new();
        let f = |v: &mut Vec<CardField>, label: &'static str, value: String| {
            if !value.is_empty() {
                v.push(CardField { label, value });
            }
        };
        let mut description = None;
        let mut subtitle = vec![e.kind().as_str().replace('_', "-")];
        match e {
            Entity::Organization(o) => {
                let c = &o.contact;
                f(
                    &mut contact,
                    "Address",
                    c.address.clone().unwrap_or_default(),
                );
                for p in &c.phones {
                    f(&mut contact, "Phone", p.clone());
                }
                for p in &c.fax {
                    f(&mut contact, "Fax", p.clone());
                }
                for p in &c.emails {
                    f(&mut contact, "Email", p.clone());
                }
                f(
                    &mut contact,
                    "Website",
                    c.website.clone().unwrap_or_default(),
                );
                f(&mut contact, "Hours", c.hours.clone().unwrap_or_default());
                // The contact block says where it comes from in one short line (the sites'
                // hosts); the full citations lead the Sources list.
                let hosts: Vec<&str> = c.sources.iter().map(|s| source_host(s)).collect();
                f(&mut contact, "Source", hosts.join(", "));
                if let Some(k) = &o.kind {
                    subtitle.push(k.clone());
                }
                f(
                    &mut fields,
                    "City",
                    o.city
                        .as_deref()
                        .map(|c| name_of(ds, c))
                        .unwrap_or_default(),
                );
                if o.city.is_none() {
                    let country = o.country.as_deref().map(|c| ds.country_name(c));
                    f(
                        &mut fields,
                        "Country",
                        country.unwrap_or_default().to_string(),
                    );
                }
                f(
                    &mut fields,
                    "Founded",
                    o.founded
                        .as_ref()
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                );
                f(
                    &mut fields,
                    "Parent body",
                    o.parent
                        .as_deref()
                        .map(|p| name_of(ds, p))
                        .unwrap_or_default(),
                );
                f(&mut fields, "Tags", o.tags.join(", "));
                description = o.description.clone();
            }
            Entity::City(c) => {
                let country = ds.country_name(&c.country).to_string();
                subtitle = vec![
                    c.kind.clone().unwrap_or_else(|| "city".into()),
                    country.clone(),
                ];
                f(
                    &mut fields,
                    "Part of",
                    c.part_of
                        .as_deref()
                        .map(|p| name_of(ds, p))
                        .unwrap_or_default(),
                );
                f(&mut fields, "Country", country);
                if let Some(k) = ds.country(&c.country) {
                    f(&mut fields, "Region", k.region_text());
                }
                if let Some((lat, lon)) = c.coordinates {
                    f(&mut fields, "Coordinates", format_coords(lat, lon));
                }
            }
            Entity::SisterCity(t) => {
                f(
                    &mut fields,
                    "Cities",
                    format!(
                        "{} and {}",
                        name_of(ds, &t.cities.0),
                        name_of(ds, &t.cities.1)
                    ),
                );
                f(
                    &mut fields,
                    "Established",
                    t.established
                        .as_ref()
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                );
                f(&mut fields, "Level", t.level.phrase().to_string());
                f(&mut fields, "Status", t.status.as_str().to_string());
                f(&mut fields, "Kind", t.kind.clone().unwrap_or_default());
                f(
                    &mut fields,
                    "Agreement",
                    t.agreement
                        .as_deref()
                        .map(|a| name_of(ds, a))
                        .unwrap_or_default(),
                );
                if t.level != Level::Official {
                    subtitle.push(t.level.phrase().to_string());
                }
                if t.status != TieStatus::Active {
                    subtitle.push(t.status.as_str().to_string());
                }
            }
            Entity::Person(p) => {
                // Current posts first, then former ones, each with its years.
                let current = p.posts.iter().filter(|p| !p.is_former());
                let former = p.posts.iter().filter(|p| p.is_former());
                for (label, post) in current
                    .map(|p| ("Post", p))
                    .chain(former.map(|p| ("Former post", p)))
                {
                    let mut v = format!("{}, {}", post.title, name_of(ds, &post.organization));
                    let years = post.years();
                    if !years.is_empty() {
                        v.push_str(&format!(" ({years})"));
                    }
                    f(&mut fields, label, v);
                }
            }
            Entity::Country(k) => {
                subtitle = vec!["country".into(), k.region_text()];
                let codes: Vec<&str> = [&k.iso, &k.iso3]
                    .into_iter()
                    .filter_map(|c| c.as_deref())
                    .collect();
                f(&mut fields, "ISO 3166", codes.join(" / "));
                f(
                    &mut fields,
                    "UN M49",
                    k.m49.map(|m| format!("{m:03}")).unwrap_or_default(),
                );
                f(&mut fields, "Region", k.region.clone().unwrap_or_default());
                f(
                    &mut fields,
                    "Sub-region",
                    k.subregion.clone().unwrap_or_default(),
                );
                f(
                    &mut fields,
                    "Intermediate region",
                    k.intermediate_region.clone().unwrap_or_default(),
                );
            }
            Entity::Agreement(a) => {
                if let Some(k) = &a.kind {
                    subtitle.push(k.clone());
                }
                f(
                    &mut fields,
                    "Signed",
                    a.signed.as_ref().map(|d| d.to_string()).unwrap_or_default(),
                );
                f(
                    &mut fields,
                    "Place",
                    a.place
                        .as_deref()
                        .map(|p| name_of(ds, p))
                        .unwrap_or_default(),
                );
                let parties: Vec<String> = a.parties.iter().map(|p| name_of(ds, p)).collect();
                f(&mut fields, "Parties", parties.join("; "));
                let by: Vec<String> = a.signed_by.iter().map(|p| name_of(ds, p)).collect();
                f(&mut fields, "Signed by", by.join("; "));
                f(&mut fields, "Areas", a.areas.join("; "));
                description = a.summary.clone();
            }
            Entity::Event(ev) => {
                f(
                    &mut fields,
                    "Date",
                    ev.date.as_ref().map(|d| d.to_string()).unwrap_or_default(),
                );
                f(
                    &mut fields,
                    "Place",
                    ev.place
                        .as_deref()
                        .map(|p| name_of(ds, p))
                        .unwrap_or_default(),
                );
                f(&mut fields, "Venue", ev.venue.clone().unwrap_or_default());
                let org: Vec<String> = ev.organizers.iter().map(|p| name_of(ds, p)).collect();
                f(&mut fields, "Organizers", org.join("; "));
                description = ev.summary.clone();
            }
        }
        let aliases = e.aliases().join(", ");
        f(&mut fields, "Also known as", aliases);
        let second = ds.secondary(i);
        if !second.is_empty() && matches!(e, Entity::Organization(_)) {
            subtitle.push(second);
        }
        subtitle.dedup();
        Card {
            id: e.id().to_string(),
            kind: e.kind().as_str(),
            name: ds.display_name(i),
            native_name: e.native_name().map(str::to_string),
            subtitle: subtitle.join(" · "),
            contact,
            fields,
            description,
            note: e.note().map(str::to_string),
            sources: contact_sources(e)
                .iter()
                .map(|s| format!("Contact details: {s}"))
                .chain(e.sources().iter().cloned())
                .collect(),
            sections: Vec::new(),
        }
    }

    /// [`Card::new`] with the sections that follow links: for a city, the ties of its
    /// districts (and of theirs); for a country, the organizations located in it or in its
    /// cities and the ties of its cities, by level.
    pub fn with_graph(ds: &Dataset, graph: &Graph, i: usize) -> Card {
        let mut card = Card::new(ds, i);
        let item = |id: usize, name: String, detail: Option<String>| CardItem {
            id: ds.entity(id).id().to_string(),
            name,
            detail,
        };
        // The ties of city `c`, at `level`: (partner, detail).
        let ties_of = |c: usize, level: Level| {
            graph
                .links(c)
                .iter()
                .filter(move |l| l.relation == tie_relation(level))
                .map(|l| (l.target as usize, l.detail.as_deref().map(str::to_string)))
        };
        match ds.entity(i) {
            Entity::City(_) => {
                let mut items = Vec::new();
                for d in districts(graph, i) {
                    for level in Level::ALL {
                        for (t, detail) in ties_of(d, level) {
                            let what = match detail {
                                Some(d) => format!("{}, {d}", level.phrase()),
                                None => level.phrase().to_string(),
                            };
                            let name = format!("{} – {}", ds.display_name(d), ds.display_name(t));
                            items.push(item(t, name, Some(what)));
                        }
                    }
                }
                if !items.is_empty() {
                    card.sections.push(CardSection {
                        label: "Ties of its districts".into(),
                        items,
                    });
                }
            }
            Entity::Country(_) => {
                let cities: Vec<usize> = graph
                    .links(i)
                    .iter()
                    .filter(|l| l.relation == Relation::InCountry && l.dir == Direction::Backward)
                    .map(|l| l.target as usize)
                    .collect();
                // Organizations located in the country itself (no city known), then in its
                // cities, with the city as detail.
                let mut orgs: Vec<CardItem> = graph
                    .links(i)
                    .iter()
                    .filter(|l| l.relation == Relation::LocatedIn && l.dir == Direction::Backward)
                    .map(|l| item(l.target as usize, ds.display_name(l.target as usize), None))
                    .collect();
                for &c in &cities {
                    for l in graph.links(c) {
                        if l.relation == Relation::LocatedIn && l.dir == Direction::Backward {
                            let o = l.target as usize;
                            orgs.push(item(o, ds.display_name(o), Some(ds.display_name(c))));
                        }
                    }
                }
                orgs.sort_by_key(|x| x.name.to_lowercase());
                if !orgs.is_empty() {
                    card.sections.push(CardSection {
                        label: "Organizations located here".into(),
                        items: orgs,
                    });
                }
                for level in Level::ALL {
                    let mut items = Vec::new();
                    for &c in &cities {
                        for (t, detail) in ties_of(c, level) {
                            let name = format!("{} – {}", ds.display_name(c), ds.display_name(t));
                            items.push(item(t, name, detail));
                        }
                    }
                    items.sort_by_key(|x| x.name.to_lowercase());
                    if !items.is_empty() {
                        card.sections.push(CardSection {
                            label: country_ties_heading(level).into(),
                            items,
                        });
                    }
                }
            }
            _ => {}
        }
        card
    }

    /// The contact block as plain lines ("Address: ..."), for copying and export.
    pub fn contact_text(&self) -> String {
        self.contact
            .iter()
            .map(|f| format!("{}: {}", f.label, f.value))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// `31.23° N, 121.47° E`.
pub fn format_coords(lat: f64, lon: f64) -> String {
    let ns = if lat >= 0.0 { 'N' } else { 'S' };
    let ew = if lon >= 0.0 { 'E' } else { 'W' };
    format!("{:.2}° {ns}, {:.2}° {ew}", lat.abs(), lon.abs())
}

/// The heading of a country's ties at a level.
fn country_ties_heading(level: Level) -> &'static str {
    match level {
        Level::Official => "Sister-city ties",
        Level::FriendlyExchange => "Friendly-exchange ties",
        Level::Memorandum => "Memoranda and letters of intent",
        Level::Proposed => "Proposed ties",
    }
}

/// The districts of city `i` and theirs, breadth first, each once (`part_of` read back).
fn districts(graph: &Graph, i: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut k = 0;
    let mut at = i;
    loop {
        for l in graph.links(at) {
            let t = l.target as usize;
            if l.relation == Relation::PartOf
                && l.dir == Direction::Backward
                && t != i
                && !out.contains(&t)
            {
                out.push(t);
            }
        }
        let Some(&next) = out.get(k) else { break };
        at = next;
        k += 1;
    }
    out
}
