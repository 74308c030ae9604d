//! The query line: free text and filters, one syntax for the browser and for every shell
//! command that takes a query.
//!
//! `country:finland region:"eastern asia" year:2019 since:2010 until:2015 level:official`
//! and the kinds `org:`, `city:`, `person:`, `agreement:`, `event:`, `countries:`, `tie:` may stand
//! anywhere in the line; the rest is the text to match, folded ([`super::fold`]) or, when it
//! looks like a phone number, reduced to its digits ([`super::contact`]). A word followed
//! directly by a colon and a value (`foo:bar`) that names no filter is an error listing the
//! known ones; `Harbour: Bridge` (a space after the colon) stays text. This module parses
//! only; what a filter lets through is [`super::filter`]'s business.

use crate::model::{Kind, Level};

/// One filter of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// In a country, by name or ISO code (folded).
    Country(String),
    /// In a UN M49 region or subregion (folded).
    Region(String),
    /// Dated in this year.
    Year(i32),
    /// Dated in this year or later.
    Since(i32),
    /// Dated in this year or earlier.
    Until(i32),
    /// A tie of this level.
    Level(Level),
}

/// A filter name and what it does, for help screens and completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilterDoc {
    /// The name with its colon, as typed (`country:`).
    pub name: &'static str,
    /// An example of use.
    pub example: &'static str,
    /// One line on what it keeps.
    pub help: &'static str,
    /// A few words for the browser's help, where filters with the same words share a
    /// line (`year: since: until:` by date).
    pub short: &'static str,
}

/// Every filter of the query line, in the order help lists them.
pub const FILTERS: &[FilterDoc] = &[
    FilterDoc {
        name: "country:",
        example: "country:finland",
        help: "in a country (name or ISO code); organizations by their city, ties by either side",
        short: "in a country",
    },
    FilterDoc {
        name: "region:",
        example: "region:\"eastern asia\"",
        help: "in a UN M49 region or subregion (europe, africa, \"eastern asia\"…)",
        short: "UN M49 region",
    },
    FilterDoc {
        name: "year:",
        example: "year:2019",
        help: "dated that year (tie, signing, event, founding)",
        short: "dated",
    },
    FilterDoc {
        name: "since:",
        example: "since:2010",
        help: "dated that year or later",
        short: "dated",
    },
    FilterDoc {
        name: "until:",
        example: "until:2015",
        help: "dated that year or earlier",
        short: "dated",
    },
    FilterDoc {
        name: "level:",
        example: "level:official",
        help: "ties of a level: official, friendly, memorandum, proposed",
        short: "ties of a level",
    },
    FilterDoc {
        name: "org:",
        example: "org: shanghai",
        help: "organizations only",
        short: "one kind",
    },
    FilterDoc {
        name: "city:",
        example: "city: kuopio",
        help: "cities and regions only",
        short: "one kind",
    },
    FilterDoc {
        name: "person:",
        example: "person: zhang",
        help: "people only",
        short: "one kind",
    },
    FilterDoc {
        name: "agreement:",
        example: "agreement: espoo",
        help: "agreements only",
        short: "one kind",
    },
    FilterDoc {
        name: "event:",
        example: "event: slush",
        help: "events only",
        short: "one kind",
    },
    FilterDoc {
        name: "countries:",
        example: "countries: fin",
        help: "countries only",
        short: "one kind",
    },
    FilterDoc {
        name: "tie:",
        example: "tie: since:2000",
        help: "sister-city and other city ties only",
        short: "one kind",
    },
];

/// A parsed query: a kind, filters, and the text to match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Only entities of this kind.
    pub kind: Option<Kind>,
    /// The text to match: folded, or a phone number's digits.
    pub text: String,
    /// The other filters; an entity must pass them all.
    pub filters: Vec<Filter>,
    /// Why the query cannot be run (an unknown filter, a bad value): nothing matches then.
    pub error: Option<String>,
    /// Whether the text was typed as an e-mail address or a website (`espoo.fi`,
    /// `qwb@overseas.sh.cn`): then those fields rank as names do.
    pub contact: bool,
}

/// The names of every filter, for error messages.
fn known() -> String {
    FILTERS.iter().map(|f| f.name).collect::<Vec<_>>().join(" ")
}

/// A year value, or an error naming the filter.
fn year(name: &str, value: &str) -> Result<i32, String> {
    value
        .parse::<i32>()
        .ok()
        .filter(|y| (1..=9999).contains(y))
        .ok_or_else(|| format!("{name}: wants a year, as in {name}:2010 (got \"{value}\")"))
}

impl Query {
    /// Parses a query line. Never fails: a bad filter sets [`Query::error`].
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        let mut text: Vec<&str> = Vec::new();
        let mut rest = input.trim();
        while !rest.is_empty() {
            let (token, after) = next_token(rest);
            rest = after.trim_start();
            let Some((name, value)) = split_filter(token) else {
                text.push(token);
                continue;
            };
            let lower = name.to_ascii_lowercase();
            let spaced = value.is_empty() && token.len() == name.len() + 1;
            let value_filter = matches!(
                lower.as_str(),
                "country" | "region" | "year" | "since" | "until" | "level"
            );
            if value_filter {
                let mut value = value.to_string();
                if spaced && !rest.is_empty() {
                    // `country: finland`: the value is the next word (or quoted words).
                    let (v, after) = next_token(rest);
                    rest = after.trim_start();
                    value = v.to_string();
                }
                let value = unquote(&value);
                if value.is_empty() && rest.is_empty() {
                    // `country:` at the end of the line is still being typed: no filter yet.
                    continue;
                }
                if let Err(e) = q.add_filter(&lower, value) {
                    q.error.get_or_insert(e);
                }
            } else if let Some(kind) = Kind::parse(&lower) {
                q.kind = Some(kind);
                if !value.is_empty() {
                    text.push(value);
                }
            } else if spaced {
                // `Harbour: Bridge` is text.
                text.push(token);
            } else {
                q.error.get_or_insert(format!(
                    "unknown filter \"{}:\"; known filters: {}",
                    crate::text::clean_line(name),
                    known()
                ));
            }
        }
        let text = text.join(" ");
        q.contact = looks_like_address(&text);
        q.text = if super::contact::is_phone_query(&text) {
            super::contact::digits(&text)
        } else {
            super::fold::fold(&text)
        };
        q
    }

    fn add_filter(&mut self, name: &str, value: &str) -> Result<(), String> {
        let folded = super::fold::fold(value);
        let filter = match name {
            "country" | "region" if folded.is_empty() => {
                return Err(format!(
                    "{name}: wants a name, as in {}",
                    if name == "country" {
                        "country:finland"
                    } else {
                        "region:europe"
                    }
                ));
            }
            "country" => Filter::Country(folded),
            "region" => Filter::Region(folded),
            "year" => Filter::Year(year(name, value)?),
            "since" => Filter::Since(year(name, value)?),
            "until" => Filter::Until(year(name, value)?),
            _ => Filter::Level(Level::parse(value).ok_or_else(|| {
                format!(
                    "level: is one of official, friendly, memorandum, proposed (got \"{}\")",
                    crate::text::clean_line(value)
                )
            })?),
        };
        self.filters.push(filter);
        Ok(())
    }

    /// Whether the query has neither text nor filters (a kind alone lists that kind).
    pub fn is_blank(&self) -> bool {
        self.text.is_empty() && self.filters.is_empty() && self.error.is_none()
    }
}

/// Whether `text` is one word with letters and an `@`, or a dot between letters or digits:
/// an e-mail address or a domain, as people paste them.
fn looks_like_address(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.contains(char::is_whitespace) || !t.contains(char::is_alphabetic) {
        return false;
    }
    let b: Vec<char> = t.chars().collect();
    t.contains('@')
        || (1..b.len().saturating_sub(1))
            .any(|i| b[i] == '.' && b[i - 1].is_alphanumeric() && b[i + 1].is_alphanumeric())
}

/// The next token of a query line: up to a blank, except inside double quotes.
fn next_token(s: &str) -> (&str, &str) {
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => return (&s[..i], &s[i..]),
            _ => {}
        }
    }
    (s, "")
}

/// `name:value` split, when the token starts with a word of letters and a colon and the
/// value is not the rest of an address (`http://`).
fn split_filter(token: &str) -> Option<(&str, &str)> {
    let (name, value) = token.split_once(':')?;
    let is_name = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic() || c == '_');
    (is_name && !value.starts_with("//")).then_some((name, value))
}

fn unquote(v: &str) -> &str {
    v.strip_prefix('"')
        .map(|v| v.strip_suffix('"').unwrap_or(v))
        .unwrap_or(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_typed_as_one_is_marked_as_contact() {
        for typed in [
            "espoo.fi",
            "qwb@overseas.sh.cn",
            "https://www.kuopio.fi/en",
            "@sh",
        ] {
            assert!(Query::parse(typed).contact, "{typed}");
        }
        for typed in [
            "espoo",
            "espoo fi",
            "st. petersburg",
            "1.5",
            "",
            "org: espoo",
        ] {
            assert!(!Query::parse(typed).contact, "{typed}");
        }
    }

    #[test]
    fn filters_anywhere_and_the_rest_is_text() {
        let q = Query::parse("country:Finland org: espoo since:2010");
        assert_eq!(q.kind, Some(Kind::Organization));
        assert_eq!(q.text, "espoo");
        assert_eq!(
            q.filters,
            vec![Filter::Country("finland".into()), Filter::Since(2010)]
        );
        assert_eq!(q.error, None);
    }

    #[test]
    fn quoted_values_and_a_spaced_value() {
        let q = Query::parse("region:\"Eastern Asia\" tie:");
        assert_eq!(q.filters, vec![Filter::Region("eastern asia".into())]);
        assert_eq!(q.kind, Some(Kind::SisterCity));
        assert!(q.text.is_empty());
        let q = Query::parse("country: finland");
        assert_eq!(q.filters, vec![Filter::Country("finland".into())]);
    }

    #[test]
    fn unknown_filter_is_an_error_listing_the_known_ones() {
        let q = Query::parse("colour:red");
        let e = q.error.unwrap();
        assert!(e.contains("unknown filter \"colour:\""), "{e}");
        assert!(e.contains("country:") && e.contains("tie:"), "{e}");
        assert!(Query::parse("year:soon").error.is_some());
        assert!(Query::parse("level:best").error.is_some());
        assert!(Query::parse("country:\"\" x").error.is_some());
        // Still being typed: no filter, no error.
        let q = Query::parse("shanghai country:");
        assert_eq!((q.filters.len(), q.error), (0, None));
    }

    #[test]
    fn a_colon_then_a_space_or_an_address_stays_text() {
        assert_eq!(Query::parse("Harbour: Bridge").text, "harbour bridge");
        assert_eq!(Query::parse("Harbour: Bridge").error, None);
        let q = Query::parse("http://www.soea.org.cn");
        assert_eq!((q.text.as_str(), q.error), ("http www soea org cn", None));
    }

    #[test]
    fn phone_queries_become_digits_and_the_rest_is_folded() {
        assert_eq!(Query::parse("+86 21 6249 6566").text, "2162496566");
        assert_eq!(Query::parse("Montréal").text, "montreal");
    }
}
