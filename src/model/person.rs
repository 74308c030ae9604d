//! A person and the posts they hold.

use super::PartialDate;
use serde::{Deserialize, Serialize};

/// A person.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable id.
    pub id: String,
    /// Name as usually written in English.
    pub name: String,
    /// Name in its own script.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_name: Option<String>,
    /// Other spellings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Posts held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub posts: Vec<Post>,
    /// Remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Documents or public pages that state these facts.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A post held in an organization.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// Id of the organization.
    pub organization: String,
    /// Title of the post ("President", "Deputy Director"...).
    pub title: String,
    /// When the post was taken up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// When it ended, if it did: a post with `until` is a former one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// Seen in office on this date (a source shows the person in the post then), when the
    /// start and end are not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
}

impl Post {
    /// Whether the post has ended (it has an `until`).
    pub fn is_former(&self) -> bool {
        self.until.is_some()
    }

    /// The post's time in words, for cards and links: `2003–2012`, `since 2013`,
    /// `until 2012`, `as of 2019-09`; empty when nothing is known.
    pub fn years(&self) -> String {
        let mut s = match (&self.since, &self.until) {
            (Some(a), Some(b)) => format!("{a}–{b}"),
            (Some(a), None) => format!("since {a}"),
            (None, Some(b)) => format!("until {b}"),
            (None, None) => String::new(),
        };
        if let Some(d) = &self.as_of {
            if !s.is_empty() {
                s.push_str("; ");
            }
            s.push_str(&format!("as of {d}"));
        }
        s
    }
}
