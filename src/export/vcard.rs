//! vCard 4.0 (RFC 6350) contact cards of organizations and people.
//!
//! A card holds what an address book can use: the name (and native name), the posts of a
//! person, an organization's address, phones, fax, e-mail and web site, and its description
//! and note. Text is escaped as §3.4 says (`\\`, `\,`, `\;`, `\n`), structured values (N, ADR,
//! ORG) keep their `;` separators, lines are folded at 75 octets without splitting a
//! character (§3.2), and every line ends in CRLF.

use super::{safe, split_name};
use crate::dataset::Dataset;
use crate::model::Entity;
use crate::network::Network;

/// The longest a physical line may be, in octets, not counting its CRLF (RFC 6350 §3.2).
pub const MAX_LINE: usize = 75;

/// The vCard of the entity at `i`, CRLF line ends included; `None` for kinds that have no
/// contact card (cities, ties, agreements, events).
pub fn card(net: &Network, i: usize) -> Option<String> {
    card_of(&net.data, i)
}

/// [`card`] from the dataset alone.
pub fn card_of(ds: &Dataset, i: usize) -> Option<String> {
    let mut v = Writer::default();
    v.line("BEGIN:VCARD");
    v.line("VERSION:4.0");
    v.line(&format!(
        "PRODID:-//liaison//liaison {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    let e = ds.entity(i);
    match e {
        Entity::Organization(o) => {
            v.line("KIND:org");
            names(&mut v, e);
            v.prop("ORG", &escape_text(&safe(&o.name)));
            let c = &o.contact;
            let city = o.city.as_deref().and_then(|c| ds.get(c));
            let (locality, country) = match city {
                Some(Entity::City(c)) => (c.name.as_str(), ds.country_name(&c.country)),
                _ => ("", ds.org_country(o).map_or("", |c| ds.country_name(c))),
            };
            let street = c.address.as_deref().unwrap_or_default();
            if !(street.is_empty() && locality.is_empty() && country.is_empty()) {
                // Post-office box; extended address; street; locality; region; code; country.
                let parts = ["", "", street, locality, "", "", country];
                v.prop("ADR;TYPE=work", &structured(&parts));
            }
            for p in &c.phones {
                tel(&mut v, "work", p);
            }
            for p in &c.fax {
                tel(&mut v, "work,fax", p);
            }
            for m in &c.emails {
                v.prop("EMAIL;TYPE=work", &escape_text(&safe(m)));
            }
            if let Some(url) = c.website.as_deref().and_then(uri) {
                v.prop("URL", &url);
            }
            if !o.tags.is_empty() {
                v.prop("CATEGORIES", &list(&o.tags));
            }
            let hours = c.hours.as_ref().map(|h| format!("Hours: {h}"));
            note(
                &mut v,
                &[
                    o.description.as_deref(),
                    hours.as_deref(),
                    o.note.as_deref(),
                ],
            );
        }
        Entity::Person(p) => {
            v.line("KIND:individual");
            names(&mut v, e);
            let (family, given) = split_name(&p.name, p.native_name.as_deref());
            v.prop("N", &structured(&[&family, &given, "", "", ""]));
            // Posts still held (no end date), each as an organization and a title.
            for post in p.posts.iter().filter(|p| p.until.is_none()) {
                let org = ds
                    .get(&post.organization)
                    .map_or(post.organization.as_str(), |o| o.name());
                v.prop("ORG", &escape_text(&safe(org)));
                v.prop("TITLE", &escape_text(&safe(&post.title)));
            }
            note(&mut v, &[p.note.as_deref()]);
        }
        _ => return None,
    }
    v.prop(
        "UID",
        &format!("urn:liaison:{}", percent_encode(e.id(), "")),
    );
    v.line("END:VCARD");
    Some(v.out)
}

/// FN (the usual name, preferred; then the native name) and NICKNAME (the aliases).
fn names(v: &mut Writer, e: &Entity) {
    let native = e.native_name().filter(|n| !n.trim().is_empty());
    let pref = if native.is_some() { ";PREF=1" } else { "" };
    // FN is required: an entity without a name is named by its id.
    let name = Some(e.name())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(e.id());
    v.prop(&format!("FN{pref}"), &escape_text(&safe(name)));
    if let Some(n) = native {
        v.prop("FN", &escape_text(&safe(n)));
    }
    if !e.aliases().is_empty() {
        v.prop("NICKNAME", &list(e.aliases()));
    }
}

/// One NOTE of the paragraphs given, separated by blank lines.
fn note(v: &mut Writer, parts: &[Option<&str>]) {
    let text: Vec<&str> = parts
        .iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if !text.is_empty() {
        v.prop("NOTE", &escape_text(&safe(&text.join("\n\n"))));
    }
}

/// A TEL: a `tel:` URI when the number dials from anywhere, else the number as text.
fn tel(v: &mut Writer, types: &str, number: &str) {
    let n = number.trim();
    match dialable(n) {
        Some(uri) => v.prop(
            &format!("TEL;TYPE={types};VALUE=uri"),
            &format!("tel:{uri}"),
        ),
        None if !n.is_empty() => v.prop(
            &format!("TEL;TYPE={types};VALUE=text"),
            &escape_text(&safe(n)),
        ),
        None => {}
    }
}

/// The global number in `n` as an RFC 3966 number, `+86-21-6249-6566`: `+` or the
/// international prefix `00`, then digits with spaces, `-`, `.` or parentheses between; a
/// trunk `(0)` after the country code (`+358 (0)9 818 81`) is dropped, the other separators
/// become `-`. `None` for anything else (a local number, an extension, words).
fn dialable(n: &str) -> Option<String> {
    let rest = n
        .strip_prefix('+')
        .or_else(|| n.strip_prefix("00").filter(|r| !r.starts_with('0')))?;
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || " -.()".contains(c))
    {
        return None;
    }
    let rest = rest.replace("(0)", " ");
    let mut out = String::from("+");
    let mut sep = false;
    for c in rest.chars() {
        if c.is_ascii_digit() {
            if sep && out.len() > 1 {
                out.push('-');
            }
            out.push(c);
            sep = false;
        } else {
            sep = true;
        }
    }
    let digits = out.len() - 1 - out.matches('-').count();
    // E.164: at most 15 digits; fewer than 7 is no dialable number.
    (7..=15).contains(&digits).then_some(out)
}

/// A web site as a URI: `http://` is added when no scheme is given; characters a URI cannot
/// hold, and `,` `;` `\` (which vCard would have to escape), are percent-encoded. `None` when
/// it holds spaces or control characters and so is no address at all.
fn uri(site: &str) -> Option<String> {
    let s = site.trim();
    if s.is_empty() || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let has_scheme = s.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    let s = if has_scheme {
        s.to_string()
    } else {
        format!("http://{s}")
    };
    Some(percent_encode(&s, ":/?#[]@!$&'()*+=%"))
}

/// Percent-encodes every byte except ASCII letters, digits, `-._~` and the `keep` characters.
fn percent_encode(s: &str, keep: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || "-._~".contains(c) || keep.contains(c) {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// Escapes a text value (RFC 6350 §3.4): backslash, comma and semicolon take a backslash, a
/// line break becomes `\n`. The result can be a component of a structured value as it is.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A structured value (N, ADR): each component escaped, joined by `;`.
fn structured(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| escape_text(&safe(p.trim())))
        .collect::<Vec<_>>()
        .join(";")
}

/// A text list (NICKNAME, CATEGORIES): each item escaped, joined by `,`.
fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|p| escape_text(&safe(p.trim())))
        .collect::<Vec<_>>()
        .join(",")
}

/// Folds a content line (RFC 6350 §3.2): after at most 75 octets a CRLF and one space start
/// the next physical line, whose space counts towards its 75. A character is never split, nor
/// a backslash escape (`\,`), which some readers decode before unfolding. The result has no
/// final CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 24);
    let mut width = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        let mut unit = String::from(c);
        if c == '\\'
            && let Some(next) = chars.next()
        {
            unit.push(next);
        }
        if width + unit.len() > MAX_LINE {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push_str(&unit);
        width += unit.len();
    }
    out
}

/// Builds a card line by line.
#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    /// A content line, folded, then CRLF.
    fn line(&mut self, line: &str) {
        self.out.push_str(&fold(line));
        self.out.push_str("\r\n");
    }

    /// `NAME;PARAMS:value`, the value already escaped; nothing when the value is empty.
    fn prop(&mut self, name: &str, value: &str) {
        if !value.is_empty() {
            self.line(&format!("{name}:{value}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_text_escapes_backslash_comma_semicolon_and_newline() {
        assert_eq!(escape_text(r"a\b"), r"a\\b");
        assert_eq!(escape_text("Room 1103, 129 Road"), r"Room 1103\, 129 Road");
        assert_eq!(escape_text("a;b"), r"a\;b");
        assert_eq!(escape_text("one\ntwo"), r"one\ntwo");
        assert_eq!(escape_text("上海"), "上海");
    }

    #[test]
    fn structured_values_keep_their_separators_and_escape_inside_components() {
        assert_eq!(
            structured(&["", "", "1, Main St; back", "Shanghai", "", "", "China"]),
            r";;1\, Main St\; back;Shanghai;;;China"
        );
    }

    #[test]
    fn short_lines_are_not_folded() {
        let line = "x".repeat(MAX_LINE);
        assert_eq!(fold(&line), line);
    }

    #[test]
    fn long_ascii_lines_fold_at_75_octets() {
        let line = "x".repeat(200);
        let folded = fold(&line);
        let parts: Vec<&str> = folded.split("\r\n").collect();
        assert_eq!(parts[0].len(), 75);
        assert!(parts[1..].iter().all(|p| p.starts_with(' ')));
        assert!(parts.iter().all(|p| p.len() <= MAX_LINE));
        assert_eq!(folded.replace("\r\n ", ""), line);
    }

    #[test]
    fn folding_never_splits_a_multibyte_character() {
        // Three octets a character: 75 is 25 whole characters, then 24 after the space.
        let line = format!("NOTE:{}", "海".repeat(60));
        let folded = fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= MAX_LINE, "{part:?} is {} octets", part.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), line);
        // "NOTE:" is 5 octets; 23 characters make 74, a 24th would make 77.
        assert_eq!(folded.split("\r\n").next().map(str::len), Some(74));
    }

    #[test]
    fn folding_keeps_a_backslash_escape_on_one_line() {
        // The escape would straddle octets 75 and 76: it moves to the next line whole.
        let line = format!("{}\\,x", "a".repeat(74));
        let folded = fold(&line);
        assert_eq!(folded, format!("{}\r\n \\,x", "a".repeat(74)));
        assert_eq!(folded.replace("\r\n ", ""), line);
    }

    #[test]
    fn only_global_numbers_become_tel_uris() {
        let mut v = Writer::default();
        tel(&mut v, "work", "+86 23 6723-0470");
        tel(&mut v, "work", "+86 21 6249 6566");
        tel(&mut v, "work", "0086-21-62496566");
        tel(&mut v, "work", "+358 (0)9 818 81");
        tel(&mut v, "work,fax", "23111111 ext. 5");
        tel(&mut v, "work", "23111111");
        assert_eq!(
            v.out,
            "TEL;TYPE=work;VALUE=uri:tel:+86-23-6723-0470\r\n\
             TEL;TYPE=work;VALUE=uri:tel:+86-21-6249-6566\r\n\
             TEL;TYPE=work;VALUE=uri:tel:+86-21-62496566\r\n\
             TEL;TYPE=work;VALUE=uri:tel:+358-9-818-81\r\n\
             TEL;TYPE=work,fax;VALUE=text:23111111 ext. 5\r\n\
             TEL;TYPE=work;VALUE=text:23111111\r\n"
        );
    }

    #[test]
    fn web_sites_become_uris_without_characters_vcard_would_escape() {
        assert_eq!(uri("https://a.cn/x").as_deref(), Some("https://a.cn/x"));
        assert_eq!(uri("www.a.cn").as_deref(), Some("http://www.a.cn"));
        assert_eq!(
            uri("http://a.cn/陶,x;y").as_deref(),
            Some("http://a.cn/%E9%99%B6%2Cx%3By")
        );
        assert_eq!(uri("see the page"), None);
    }
}
