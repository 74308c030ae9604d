//! The serde types of the RON data files: one file per entity kind.
//!
//! These types mirror the files exactly and hold raw, unchecked values (ids are plain
//! strings, dates are kept as written). Checking references, dates and coordinates is the
//! job of [`crate::dataset`]; this module must not know about files, locations or the graph.

mod agreement;
mod city;
mod country;
mod date;
mod event;
mod organization;
mod person;
mod tie;

pub use agreement::Agreement;
pub use city::City;
pub use country::Country;
pub use date::PartialDate;
pub use event::Event;
pub use organization::{Contact, Organization};
pub use person::{Person, Post};
pub use tie::{Level, SisterCityTie, TieStatus};

use serde::{Deserialize, Serialize};

/// One entry of a data file. A file is a RON list of these, in any order and mix of kinds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Entity {
    /// An organization: office, association, chamber, federation, company, park...
    Organization(Organization),
    /// A city or region.
    City(City),
    /// A sister-city (twinning) tie between two cities.
    SisterCity(SisterCityTie),
    /// A person and the posts they hold.
    Person(Person),
    /// A cooperation agreement between organizations or cities.
    Agreement(Agreement),
    /// A dated event: visit, forum, ceremony...
    Event(Event),
    /// A country, with its ISO codes and UN M49 region.
    Country(Country),
}

/// The kinds of entity, in the order they are listed and ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// [`Organization`]
    Organization,
    /// [`City`]
    City,
    /// [`Person`]
    Person,
    /// [`Agreement`]
    Agreement,
    /// [`Event`]
    Event,
    /// [`SisterCityTie`]
    SisterCity,
    /// [`Country`]
    Country,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 7] = [
        Kind::Organization,
        Kind::City,
        Kind::Person,
        Kind::Agreement,
        Kind::Event,
        Kind::SisterCity,
        Kind::Country,
    ];

    /// The lower-case name used in output and in `kind:` filters (`organization`, `city`...).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Organization => "organization",
            Kind::City => "city",
            Kind::Person => "person",
            Kind::Agreement => "agreement",
            Kind::Event => "event",
            Kind::SisterCity => "sister_city",
            Kind::Country => "country",
        }
    }

    /// A plural, capitalised label for tabs and headings.
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Organization => "Organizations",
            Kind::City => "Cities",
            Kind::Person => "People",
            Kind::Agreement => "Agreements",
            Kind::Event => "Events",
            Kind::SisterCity => "Sister-city ties",
            Kind::Country => "Countries",
        }
    }

    /// Parses a kind name or one of its short forms (`org`, `person`, `people`, `tie`...).
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s.to_ascii_lowercase().as_str() {
            "org" | "orgs" | "organization" | "organizations" | "organisation" | "o" => {
                Kind::Organization
            }
            "city" | "cities" | "region" | "c" => Kind::City,
            "person" | "people" | "persons" | "p" => Kind::Person,
            "agreement" | "agreements" | "agr" | "a" => Kind::Agreement,
            "event" | "events" | "ev" | "e" => Kind::Event,
            "sister_city" | "sister" | "tie" | "ties" | "twin" | "s" => Kind::SisterCity,
            "country" | "countries" | "nation" => Kind::Country,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Entity {
    /// The entity's stable id.
    pub fn id(&self) -> &str {
        match self {
            Entity::Organization(e) => &e.id,
            Entity::City(e) => &e.id,
            Entity::SisterCity(e) => &e.id,
            Entity::Person(e) => &e.id,
            Entity::Agreement(e) => &e.id,
            Entity::Event(e) => &e.id,
            Entity::Country(e) => &e.id,
        }
    }

    /// The entity's kind.
    pub fn kind(&self) -> Kind {
        match self {
            Entity::Organization(_) => Kind::Organization,
            Entity::City(_) => Kind::City,
            Entity::SisterCity(_) => Kind::SisterCity,
            Entity::Person(_) => Kind::Person,
            Entity::Agreement(_) => Kind::Agreement,
            Entity::Event(_) => Kind::Event,
            Entity::Country(_) => Kind::Country,
        }
    }

    /// The display name (an agreement's or event's title; a tie has none of its own and
    /// returns its id; [`crate::dataset::Dataset::display_name`] names it after its cities).
    pub fn name(&self) -> &str {
        match self {
            Entity::Organization(e) => &e.name,
            Entity::City(e) => &e.name,
            Entity::SisterCity(e) => &e.id,
            Entity::Person(e) => &e.name,
            Entity::Agreement(e) => &e.title,
            Entity::Event(e) => &e.title,
            Entity::Country(e) => &e.name,
        }
    }

    /// The name in the original script, where there is one.
    pub fn native_name(&self) -> Option<&str> {
        match self {
            Entity::Organization(e) => e.native_name.as_deref(),
            Entity::City(e) => e.native_name.as_deref(),
            Entity::Person(e) => e.native_name.as_deref(),
            Entity::Agreement(e) => e.native_title.as_deref(),
            Entity::Event(e) => e.native_title.as_deref(),
            Entity::Country(e) => e.native_name.as_deref(),
            Entity::SisterCity(_) => None,
        }
    }

    /// Other names, abbreviations and spellings.
    pub fn aliases(&self) -> &[String] {
        match self {
            Entity::Organization(e) => &e.aliases,
            Entity::City(e) => &e.aliases,
            Entity::Person(e) => &e.aliases,
            Entity::Agreement(e) => &e.aliases,
            Entity::Event(e) => &e.aliases,
            Entity::Country(e) => &e.aliases,
            Entity::SisterCity(_) => &[],
        }
    }

    /// Where the entity's facts come from.
    pub fn sources(&self) -> &[String] {
        match self {
            Entity::Organization(e) => &e.sources,
            Entity::City(e) => &e.sources,
            Entity::SisterCity(e) => &e.sources,
            Entity::Person(e) => &e.sources,
            Entity::Agreement(e) => &e.sources,
            Entity::Event(e) => &e.sources,
            Entity::Country(e) => &e.sources,
        }
    }

    /// The free-text note, if any.
    pub fn note(&self) -> Option<&str> {
        match self {
            Entity::Organization(e) => e.note.as_deref(),
            Entity::City(e) => e.note.as_deref(),
            Entity::SisterCity(e) => e.note.as_deref(),
            Entity::Person(e) => e.note.as_deref(),
            Entity::Agreement(e) => e.note.as_deref(),
            Entity::Event(e) => e.note.as_deref(),
            Entity::Country(e) => e.note.as_deref(),
        }
    }

    /// The entity's main date: founding, tie established, signing or event date.
    pub fn date(&self) -> Option<&PartialDate> {
        match self {
            Entity::Organization(e) => e.founded.as_ref(),
            Entity::City(_) | Entity::Person(_) | Entity::Country(_) => None,
            Entity::SisterCity(e) => e.established.as_ref(),
            Entity::Agreement(e) => e.signed.as_ref(),
            Entity::Event(e) => e.date.as_ref(),
        }
    }
}
