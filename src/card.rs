//! An entity's card: the facts a person looks up, in the order they want them.
//!
//! Both `liaison show` and the browser's detail pane present this same card, so the two never
//! disagree. Values are the raw data; whoever prints them must pass them through
//! [`crate::text::clean`].

use crate::dataset::Dataset;
use crate::model::{Entity, TieStatus};

/// A labelled line of a card.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CardField {
    /// "Address", "Phone", "Founded"...
    pub label: &'static str,
    /// The value as written in the data.
    pub value: String,
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
                for s in &c.sources {
                    f(&mut contact, "Contact source", s.clone());
                }
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
                subtitle = vec![
                    c.kind.clone().unwrap_or_else(|| "city".into()),
                    c.country.clone(),
                ];
                f(&mut fields, "Country", c.country.clone());
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
                f(&mut fields, "Status", t.status.as_str().to_string());
                f(&mut fields, "Kind", t.kind.clone().unwrap_or_default());
                if t.status != TieStatus::Active {
                    subtitle.push(t.status.as_str().to_string());
                }
            }
            Entity::Person(p) => {
                for post in &p.posts {
                    let mut v = format!("{}, {}", post.title, name_of(ds, &post.organization));
                    match (&post.since, &post.until) {
                        (Some(s), Some(u)) => v.push_str(&format!(" ({s}–{u})")),
                        (Some(s), None) => v.push_str(&format!(" (since {s})")),
                        (None, Some(u)) => v.push_str(&format!(" (until {u})")),
                        (None, None) => {}
                    }
                    f(&mut fields, "Post", v);
                }
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
            sources: e.sources().to_vec(),
        }
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
