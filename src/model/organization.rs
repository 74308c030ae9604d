//! An organization and its contact block.

use super::PartialDate;
use serde::{Deserialize, Serialize};

/// An organization: a government office, association, chamber of commerce, federation,
/// company, park, service platform...
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Stable id, referenced by other entities.
    pub id: String,
    /// The usual English name.
    pub name: String,
    /// The name in its own language and script (e.g. Chinese).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_name: Option<String>,
    /// Other names, abbreviations ("SOEA") and short forms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What it is, in words: "government office", "association", "chamber of commerce"...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Id of the city it is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Id of the country it is in, for an organization whose city no source gives (a
    /// country's name where the data defines no countries). With a city, the city's country
    /// is the one used, and this must agree with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// How to reach it.
    #[serde(default, skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact,
    /// Year (or date) it was founded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<PartialDate>,
    /// What it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Id of the body it belongs to or reports to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Free tags for grouping.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Remarks, e.g. where sources disagree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Documents or public pages that state these facts.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A contact block, each field exactly as the source writes it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Postal or street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Telephone numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    /// Fax numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fax: Vec<String>,
    /// E-mail addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    /// Web site address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Office hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// The public pages or documents these contact details were read from (each value of
    /// the block must be stated by one of them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

impl Contact {
    /// Whether no field is filled in.
    pub fn is_empty(&self) -> bool {
        self == &Contact::default()
    }
}
