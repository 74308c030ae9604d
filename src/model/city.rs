//! A city, district or region, possibly part of another.

use serde::{Deserialize, Serialize};

/// A city, or a region (province, state, prefecture) where ties are made with regions.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct City {
    /// Stable id, referenced by other entities.
    pub id: String,
    /// The usual English name.
    pub name: String,
    /// The name in its own language and script.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_name: Option<String>,
    /// Other names and spellings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Id of the [`super::Country`] it is in (`"finland"`). In a dataset without any
    /// country entity, a plain country name, unchecked (data written before countries).
    pub country: String,
    /// Id of the city or region it is part of: a district of a city, a city of a province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// `"city"` unless said otherwise: `"district"`, `"region"`, `"province"`, `"state"`...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Latitude and longitude in degrees: `(31.23, 121.47)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<(f64, f64)>,
    /// Remarks, e.g. where sources disagree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Documents or public pages that state these facts.
    #[serde(default)]
    pub sources: Vec<String>,
}
