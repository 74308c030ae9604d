//! A country, with its ISO 3166 codes and its UN M49 region.

use serde::{Deserialize, Serialize};

/// A country (or territory with its own ISO 3166 code). Cities name it by id in `country`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// Stable id, referenced by cities (`"finland"`).
    pub id: String,
    /// The usual English short name.
    pub name: String,
    /// The name in its own language and script.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_name: Option<String>,
    /// Other names: the ISO 3166 English short name where it differs, Chinese name...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 code, upper case (`"FI"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    /// ISO 3166-1 alpha-3 code, upper case (`"FIN"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso3: Option<String>,
    /// UN M49 numeric code (`246`; shown with three digits, `004`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub m49: Option<u16>,
    /// UN M49 region: Africa, Americas, Asia, Europe or Oceania.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// UN M49 sub-region ("Northern Europe", "Eastern Asia", "Latin America and the
    /// Caribbean"...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subregion: Option<String>,
    /// UN M49 intermediate region where there is one ("South America", "Caribbean"...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intermediate_region: Option<String>,
    /// Remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Documents or public pages that state these facts.
    #[serde(default)]
    pub sources: Vec<String>,
}

impl Country {
    /// The UN M49 regions from widest to narrowest: region, sub-region, intermediate region.
    pub fn regions(&self) -> impl Iterator<Item = &str> {
        [&self.region, &self.subregion, &self.intermediate_region]
            .into_iter()
            .filter_map(|r| r.as_deref())
    }

    /// "Europe · Northern Europe".
    pub fn region_text(&self) -> String {
        self.regions().collect::<Vec<_>>().join(" · ")
    }
}
