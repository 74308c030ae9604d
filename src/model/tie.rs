//! A sister-city tie: symmetric, between two cities, at a level (official sister city,
//! friendly-exchange city, memorandum or letter of intent, proposed) and with a status.

use super::PartialDate;
use serde::{Deserialize, Serialize};

/// Whether a tie is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TieStatus {
    /// In force.
    #[default]
    Active,
    /// Ended or suspended.
    Ended,
    /// Announced, a letter of intent or memorandum, not yet a formal tie.
    Proposed,
}

impl TieStatus {
    /// Lower-case label.
    pub fn as_str(self) -> &'static str {
        match self {
            TieStatus::Active => "active",
            TieStatus::Ended => "ended",
            TieStatus::Proposed => "proposed",
        }
    }
}

/// How formal a tie is. Written in RON as the variant name (`level: FriendlyExchange`);
/// a tie without `level` is [`Level::Official`], as every tie was before levels existed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum Level {
    /// An official sister city or province (友好城市, 友好省州): on the municipal list.
    #[default]
    Official,
    /// A friendly-exchange city (友好交流城市): a looser, recognised relationship.
    FriendlyExchange,
    /// A memorandum of understanding, letter or statement of intent: not (yet) a tie.
    Memorandum,
    /// Proposed or under discussion: talks, a proposal, nothing signed.
    Proposed,
}

impl Level {
    /// Every level, most formal first.
    pub const ALL: [Level; 4] = [
        Level::Official,
        Level::FriendlyExchange,
        Level::Memorandum,
        Level::Proposed,
    ];

    /// The snake-case name used in output and filters: `official`, `friendly_exchange`,
    /// `memorandum`, `proposed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Official => "official",
            Level::FriendlyExchange => "friendly_exchange",
            Level::Memorandum => "memorandum",
            Level::Proposed => "proposed",
        }
    }

    /// The RON variant name (`FriendlyExchange`), as written in data files.
    pub fn variant(self) -> &'static str {
        match self {
            Level::Official => "Official",
            Level::FriendlyExchange => "FriendlyExchange",
            Level::Memorandum => "Memorandum",
            Level::Proposed => "Proposed",
        }
    }

    /// Parses a level as a user types it: the snake-case name, the RON variant, or a short
    /// form (`sister`, `friendly`, `exchange`, `mou`, `loi`, `intent`), case- and
    /// separator-insensitive.
    pub fn parse(s: &str) -> Option<Level> {
        let folded: String = s
            .chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .flat_map(char::to_lowercase)
            .collect();
        Some(match folded.as_str() {
            "official" | "sister" | "sistercity" | "sistercities" | "twin" => Level::Official,
            "friendlyexchange" | "friendly" | "exchange" | "friendlyexchangecity" => {
                Level::FriendlyExchange
            }
            "memorandum" | "memoranda" | "mou" | "loi" | "intent" | "letterofintent" => {
                Level::Memorandum
            }
            "proposed" | "proposal" => Level::Proposed,
            _ => return None,
        })
    }

    /// The heading of ties at this level on a city's card: "Sister cities", "Friendly
    /// exchange", "Memoranda and letters of intent", "Proposed".
    pub fn heading(self) -> &'static str {
        match self {
            Level::Official => "Sister cities",
            Level::FriendlyExchange => "Friendly exchange",
            Level::Memorandum => "Memoranda and letters of intent",
            Level::Proposed => "Proposed",
        }
    }

    /// What a tie at this level is called in a timeline or a path: "sister-city tie",
    /// "friendly-exchange tie", "memorandum or letter of intent", "proposed tie".
    pub fn phrase(self) -> &'static str {
        match self {
            Level::Official => "sister-city tie",
            Level::FriendlyExchange => "friendly-exchange tie",
            Level::Memorandum => "memorandum or letter of intent",
            Level::Proposed => "proposed tie",
        }
    }

    fn is_official(&self) -> bool {
        *self == Level::Official
    }
}

/// A sister-city (twinning, friendship-city) tie. The order of the two cities does not matter.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SisterCityTie {
    /// Stable id.
    pub id: String,
    /// Ids of the two cities.
    pub cities: (String, String),
    /// How formal the tie is; [`Level::Official`] when not given.
    #[serde(default, skip_serializing_if = "Level::is_official")]
    pub level: Level,
    /// Year or date the tie was established.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub established: Option<PartialDate>,
    /// Whether it is in force.
    #[serde(default)]
    pub status: TieStatus,
    /// What kind of tie, in the sources' words ("sister city", "friendly exchange city"...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Id of the agreement (memorandum, letter of intent) the tie rests on: the document is
    /// recorded once, as that agreement, and the tie refers to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<String>,
    /// Remarks, e.g. where sources disagree on the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Documents or public pages that state these facts.
    #[serde(default)]
    pub sources: Vec<String>,
}
