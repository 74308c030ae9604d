//! A sister-city tie: symmetric, between two cities.

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

/// A sister-city (twinning, friendship-city) tie. The order of the two cities does not matter.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SisterCityTie {
    /// Stable id.
    pub id: String,
    /// Ids of the two cities.
    pub cities: (String, String),
    /// Year or date the tie was established.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub established: Option<PartialDate>,
    /// Whether it is in force.
    #[serde(default)]
    pub status: TieStatus,
    /// What kind of tie, in the sources' words ("sister city", "friendly exchange city"...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Remarks, e.g. where sources disagree on the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Documents or public pages that state these facts.
    #[serde(default)]
    pub sources: Vec<String>,
}
