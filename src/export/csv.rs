//! CSV (RFC 4180): a header row, then one row per entity, every kind in the same columns.
//!
//! The quoting is the `csv` crate's (a field holding a comma, a double quote or a line break
//! is quoted, a double quote inside is doubled); rows end in CRLF. Several values in one field
//! (phones, aliases, posts) are joined by `"; "`. Names of linked entities are given, not their
//! ids, since the file is read by people and spreadsheets; the `id` column names the entity
//! itself.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
//! as a formula: such a field is written with a leading `'` (OWASP's advice), unless it is a
//! phone number or a plain number (`+86 21 6249 6566`, `+86-21-62496566`, `-12.5`), which
//! cannot call anything and is kept as it is.

use super::safe;
use crate::dataset::Dataset;
use crate::model::Entity;
use crate::network::Network;
use std::borrow::Cow;

/// The header row's columns, in order.
pub const COLUMNS: [&str; 20] = [
    "id",
    "kind",
    "name",
    "native_name",
    "aliases",
    "type",
    "organization",
    "title",
    "city",
    "country",
    "address",
    "phones",
    "fax",
    "emails",
    "website",
    "hours",
    "date",
    "description",
    "note",
    "sources",
];

/// One entity's values, by column. `organization` is an organization's parent body, the
/// parties of an agreement, the organizers of an event, and a person's organizations (one
/// per post, in the order of `title`). `city` is where an organization is, or where an
/// agreement was signed or an event took place.
#[derive(Debug, Default)]
struct Row {
    id: String,
    kind: String,
    name: String,
    native_name: String,
    aliases: String,
    r#type: String,
    organization: String,
    title: String,
    city: String,
    country: String,
    address: String,
    phones: String,
    fax: String,
    emails: String,
    website: String,
    hours: String,
    date: String,
    description: String,
    note: String,
    sources: String,
}

impl Row {
    /// The values in the order of [`COLUMNS`].
    fn into_fields(self) -> Vec<String> {
        vec![
            self.id,
            self.kind,
            self.name,
            self.native_name,
            self.aliases,
            self.r#type,
            self.organization,
            self.title,
            self.city,
            self.country,
            self.address,
            self.phones,
            self.fax,
            self.emails,
            self.website,
            self.hours,
            self.date,
            self.description,
            self.note,
            self.sources,
        ]
    }
}

/// The whole table: the header and one row per entity, in the order given.
pub fn table(net: &Network, entities: &[usize]) -> String {
    let mut out = record(&COLUMNS);
    for &i in entities {
        out.push_str(&record(&row(&net.data, i)));
    }
    out
}

/// One row: the entity's values in the order of [`COLUMNS`], not yet quoted.
pub fn row(ds: &Dataset, i: usize) -> Vec<String> {
    let e = ds.entity(i);
    let name = |id: &str| {
        ds.index_of(id)
            .map_or_else(|| id.to_string(), |j| ds.display_name(j))
    };
    let names = |ids: &mut dyn Iterator<Item = &String>| {
        ids.map(|id| name(id)).collect::<Vec<_>>().join("; ")
    };
    // A city's name and country.
    let place = |id: Option<&String>| match id.map(|c| (c, ds.get(c))) {
        Some((_, Some(Entity::City(c)))) => {
            (c.name.clone(), ds.country_name(&c.country).to_string())
        }
        Some((id, _)) => (id.clone(), String::new()),
        None => Default::default(),
    };
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let mut r = Row {
        id: e.id().to_string(),
        kind: e.kind().as_str().to_string(),
        name: ds.display_name(i),
        native_name: e.native_name().unwrap_or_default().to_string(),
        aliases: e.aliases().join("; "),
        date: e.date().map(|d| d.to_string()).unwrap_or_default(),
        note: e.note().unwrap_or_default().to_string(),
        sources: e.sources().join("; "),
        ..Row::default()
    };
    match e {
        Entity::Organization(o) => {
            let c = &o.contact;
            r.r#type = opt(&o.kind);
            r.organization = o.parent.as_deref().map(name).unwrap_or_default();
            (r.city, r.country) = place(o.city.as_ref());
            if o.city.is_none() {
                r.country = ds
                    .org_country(o)
                    .map_or("", |c| ds.country_name(c))
                    .to_string();
            }
            r.address = opt(&c.address);
            r.phones = c.phones.join("; ");
            r.fax = c.fax.join("; ");
            r.emails = c.emails.join("; ");
            r.website = opt(&c.website);
            r.hours = opt(&c.hours);
            r.description = opt(&o.description);
        }
        Entity::City(c) => {
            r.r#type = c.kind.clone().unwrap_or_else(|| "city".into());
            r.country = ds.country_name(&c.country).to_string();
        }
        Entity::Country(c) => {
            r.r#type = "country".into();
            r.country = c.name.clone();
        }
        Entity::SisterCity(t) => {
            r.r#type = opt(&t.kind);
            r.city = names(&mut [&t.cities.0, &t.cities.1].into_iter());
        }
        Entity::Person(p) => {
            r.organization = names(&mut p.posts.iter().map(|p| &p.organization));
            r.title = p
                .posts
                .iter()
                .map(|p| p.title.as_str())
                .collect::<Vec<_>>()
                .join("; ");
        }
        Entity::Agreement(a) => {
            r.r#type = opt(&a.kind);
            r.organization = names(&mut a.parties.iter());
            (r.city, r.country) = place(a.place.as_ref());
            r.description = opt(&a.summary);
        }
        Entity::Event(ev) => {
            r.organization = names(&mut ev.organizers.iter());
            (r.city, r.country) = place(ev.place.as_ref());
            r.address = opt(&ev.venue);
            r.description = opt(&ev.summary);
        }
    }
    r.into_fields()
}

/// One CSV record: fields made safe and unable to act as formulas, quoted where needed,
/// joined by commas, ended by CRLF.
pub fn record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fields = fields.iter().map(|f| inert(&safe(f.as_ref())).into_owned());
    // Writing to memory fails only if the writer itself is broken; an empty line then.
    let _ = writer.write_record(fields);
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Whether a spreadsheet would read `field` as a formula: it starts (after spaces) with `=`,
/// `+`, `-`, `@`, a tab or a carriage return, and is not a phone number or a plain number.
pub fn is_formula(field: &str) -> bool {
    let rest = field.trim_start_matches(' ');
    let Some(first) = rest.chars().next() else {
        return false;
    };
    if !matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r') {
        return false;
    }
    // Phones or numbers (several joined by `; `): digits, spaces and `+-./();,` after a
    // sign. Without letters or `!|'"@&=` nothing can be called or referenced: at worst a
    // spreadsheet does arithmetic.
    let after = &rest[1..];
    let numeric = matches!(first, '+' | '-')
        && after.chars().any(|c| c.is_ascii_digit())
        && after.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '.' | '/' | '(' | ')' | ';' | ',')
        });
    !numeric
}

/// A field that no spreadsheet runs: a formula gets a leading `'`.
pub fn inert(field: &str) -> Cow<'_, str> {
    if is_formula(field) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fields_are_left_alone() {
        assert_eq!(
            record(&["soea", "上海市海外交流协会", ""]),
            "soea,上海市海外交流协会,\r\n"
        );
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(
            record(&["Room 1103, 129 Road", "the \"S0\" page", "one\ntwo"]),
            "\"Room 1103, 129 Road\",\"the \"\"S0\"\" page\",\"one\ntwo\"\r\n"
        );
    }

    /// M7: what a spreadsheet would run gets a leading `'`; phone numbers stay as they are.
    #[test]
    fn formulas_are_neutralized_and_phone_numbers_kept() {
        for formula in [
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "  =1+1",
            "+",
            "-",
            "=",
        ] {
            assert!(is_formula(formula), "{formula}");
            assert_eq!(inert(formula), format!("'{formula}"));
        }
        for kept in [
            "+86 21 6249 6566",
            "+86-21-62496566",
            "+358 (0)9 310 1641",
            "+86 21 6249-6566; 0086-21-62496566; +86 21 6249 6566",
            "0086-21-62496566",
            "-12.5",
            "Shanghai",
            "",
            "a=b",
        ] {
            assert!(!is_formula(kept), "{kept}");
            assert_eq!(inert(kept), kept);
        }
        // A tab or carriage return at the start is shown escaped, which is inert too.
        assert_eq!(
            record(&["\t=1", "\r=1", "=1", "+86 21 6249 6566"]),
            "\\u{9}=1,\\u{d}=1,'=1,+86 21 6249 6566\r\n"
        );
    }

    #[test]
    fn a_record_ends_in_crlf_and_shows_control_characters_escaped() {
        assert_eq!(
            record(&["a", "b,c", "x\u{1b}[31m"]),
            "a,\"b,c\",x\\u{1b}[31m\r\n"
        );
    }
}
