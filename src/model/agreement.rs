//! A cooperation agreement.

use super::PartialDate;
use serde::{Deserialize, Serialize};

/// A cooperation agreement, memorandum of understanding, letter of intent...
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// Stable id.
    pub id: String,
    /// Title in English.
    pub title: String,
    /// Title in its own language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_title: Option<String>,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// "strategic cooperation agreement", "memorandum of understanding"...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Ids of the parties: organizations or cities.
    #[serde(default)]
    pub parties: Vec<String>,
    /// Ids of the people who signed it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signed_by: Vec<String>,
    /// Date signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<PartialDate>,
    /// Id of the city where it was signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Areas of cooperation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    /// What it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Documents or public pages that state these facts.
    #[serde(default)]
    pub sources: Vec<String>,
}
