//! A fast path for reading well-formed entries, beside ron.
//!
//! Most entries of a data file are plain: known fields, strings with few escapes, lists of
//! strings, a contact block, posts, coordinates. [`entity`] reads exactly those, about ten
//! times faster than ron, and gives up (`None`) at anything else: a comment block, a raw
//! string, an unusual escape or number, an unknown or repeated field, a missing required
//! one. The loader then reads the entry with ron, which accepts the rest of RON and
//! reports every mistake. Whatever this reads, ron reads the same (the tests compare them
//! on every entry of the built-in, generated and fixture data, and on mutations of them).
//!
//! It follows the model in `crate::model`: a new field there is simply unknown here (the
//! entry goes to ron); a field made required must be listed in `required` below.

use crate::model::{
    Agreement, City, Contact, Country, Entity, Event, Level, Organization, PartialDate, Person,
    Post, SisterCityTie, TieStatus,
};

/// Reads one entry (`Kind(field: value, ...)`), or `None` to leave it to ron.
pub fn entity(src: &str) -> Option<Entity> {
    let mut p = Reader {
        s: src.as_bytes(),
        src,
        at: 0,
    };
    p.ws()?;
    let kind = p.ident()?;
    p.ws()?;
    p.eat(b'(')?;
    let e = match kind {
        "Organization" => Entity::Organization(organization(&mut p)?),
        "City" => Entity::City(city(&mut p)?),
        "SisterCity" => Entity::SisterCity(tie(&mut p)?),
        "Person" => Entity::Person(person(&mut p)?),
        "Agreement" => Entity::Agreement(agreement(&mut p)?),
        "Event" => Entity::Event(event(&mut p)?),
        "Country" => Entity::Country(country(&mut p)?),
        _ => return None,
    };
    p.ws()?;
    (p.at == p.s.len()).then_some(e)
}

struct Reader<'a> {
    s: &'a [u8],
    src: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    /// Skips blanks and `//` comments; `None` at a block comment.
    fn ws(&mut self) -> Option<()> {
        loop {
            match self.s.get(self.at) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.at += 1,
                Some(b'/') => match self.s.get(self.at + 1) {
                    Some(b'/') => {
                        let rest = &self.s[self.at..];
                        self.at += rest.iter().position(|&b| b == b'\n')?;
                    }
                    _ => return None,
                },
                _ => return Some(()),
            }
        }
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.s.get(self.at) == Some(&b)).then(|| self.at += 1)
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    /// An ASCII identifier.
    fn ident(&mut self) -> Option<&'a str> {
        let start = self.at;
        while let Some(b) = self.peek() {
            if b.is_ascii_alphanumeric() || b == b'_' {
                self.at += 1;
            } else {
                break;
            }
        }
        let id = &self.src[start..self.at];
        // `r#raw` identifiers and non-ASCII ones are left to ron.
        (!id.is_empty() && !id.as_bytes()[0].is_ascii_digit() && self.peek() != Some(b'#'))
            .then_some(id)
    }

    /// A string in double quotes, with the common escapes.
    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let start = self.at;
        let rest = &self.s[start..];
        let end = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
        if rest[end] == b'"' {
            self.at = start + end + 1;
            return Some(self.src[start..start + end].to_string());
        }
        let mut out = String::with_capacity(end + 16);
        let mut i = start;
        loop {
            let rest = &self.s[i..];
            let k = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
            out.push_str(&self.src[i..i + k]);
            i += k;
            if self.s[i] == b'"' {
                self.at = i + 1;
                return Some(out);
            }
            out.push(match self.s.get(i + 1)? {
                b'"' => '"',
                b'\\' => '\\',
                b'\'' => '\'',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'0' => '\0',
                _ => return None,
            });
            i += 2;
        }
    }

    /// `[ "a", "b", ]`.
    fn strings(&mut self) -> Option<Vec<String>> {
        let mut out = Vec::new();
        self.list(|p| {
            out.push(p.string()?);
            Some(())
        })?;
        // Lists are short (one to three sources): no spare room kept for a million of them.
        out.shrink_to_fit();
        Some(out)
    }

    /// `[ item, item, ]`, each item read by `item`.
    fn list(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.eat(b'[')?;
        loop {
            self.ws()?;
            if self.eat(b']').is_some() {
                return Some(());
            }
            item(self)?;
            self.ws()?;
            if self.eat(b',').is_none() {
                self.ws()?;
                return self.eat(b']');
            }
        }
    }

    /// A plain decimal number: `-12`, `3.5`.
    fn number(&mut self) -> Option<f64> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let digits = |p: &mut Self| {
            let from = p.at;
            while p.peek().is_some_and(|b| b.is_ascii_digit()) {
                p.at += 1;
            }
            p.at > from
        };
        if !digits(self) {
            return None;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return None;
            }
        }
        // Exponents, suffixes and underscores are left to ron.
        if self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
        {
            return None;
        }
        self.src[start..self.at].parse().ok()
    }

    /// `field: value, field: value` up to the closing `)`: calls `field` with each name;
    /// a name read twice is left to ron.
    fn fields(&mut self, mut field: impl FnMut(&mut Self, &str) -> Option<()>) -> Option<()> {
        let mut seen: Vec<&str> = Vec::new();
        loop {
            self.ws()?;
            if self.eat(b')').is_some() {
                return Some(());
            }
            let name = self.ident()?;
            if seen.contains(&name) {
                return None;
            }
            seen.push(name);
            self.ws()?;
            self.eat(b':')?;
            self.ws()?;
            field(self, name)?;
            self.ws()?;
            if self.eat(b',').is_none() {
                self.ws()?;
                return self.eat(b')');
            }
        }
    }

    fn date(&mut self) -> Option<PartialDate> {
        let text = self.string()?;
        Some(PartialDate::parse(&text).unwrap_or_else(|_| PartialDate::invalid(&text)))
    }
}

/// Whether every required field was given.
fn required(seen: &[bool]) -> Option<()> {
    seen.iter().all(|&s| s).then_some(())
}

fn organization(p: &mut Reader<'_>) -> Option<Organization> {
    let mut o = Organization::default();
    let mut has = [false; 2];
    p.fields(|p, name| {
        match name {
            "id" => (o.id, has[0]) = (p.string()?, true),
            "name" => (o.name, has[1]) = (p.string()?, true),
            "native_name" => o.native_name = Some(p.string()?),
            "aliases" => o.aliases = p.strings()?,
            "kind" => o.kind = Some(p.string()?),
            "city" => o.city = Some(p.string()?),
            "country" => o.country = Some(p.string()?),
            "contact" => o.contact = contact(p)?,
            "founded" => o.founded = Some(p.date()?),
            "description" => o.description = Some(p.string()?),
            "parent" => o.parent = Some(p.string()?),
            "tags" => o.tags = p.strings()?,
            "note" => o.note = Some(p.string()?),
            "sources" => o.sources = p.strings()?,
            _ => return None,
        }
        Some(())
    })?;
    required(&has)?;
    Some(o)
}

fn contact(p: &mut Reader<'_>) -> Option<Contact> {
    let mut c = Contact::default();
    // `Contact(...)` or a bare `(...)`; any other name is left to ron.
    if p.peek() != Some(b'(') && p.ident()? != "Contact" {
        return None;
    }
    p.eat(b'(')?;
    p.fields(|p, name| {
        match name {
            "address" => c.address = Some(p.string()?),
            "phones" => c.phones = p.strings()?,
            "fax" => c.fax = p.strings()?,
            "emails" => c.emails = p.strings()?,
            "website" => c.website = Some(p.string()?),
            "hours" => c.hours = Some(p.string()?),
            "sources" => c.sources = p.strings()?,
            _ => return None,
        }
        Some(())
    })?;
    Some(c)
}

fn city(p: &mut Reader<'_>) -> Option<City> {
    let mut c = City::default();
    let mut has = [false; 3];
    p.fields(|p, name| {
        match name {
            "id" => (c.id, has[0]) = (p.string()?, true),
            "name" => (c.name, has[1]) = (p.string()?, true),
            "native_name" => c.native_name = Some(p.string()?),
            "aliases" => c.aliases = p.strings()?,
            "country" => (c.country, has[2]) = (p.string()?, true),
            "part_of" => c.part_of = Some(p.string()?),
            "kind" => c.kind = Some(p.string()?),
            "coordinates" => {
                p.eat(b'(')?;
                p.ws()?;
                let lat = p.number()?;
                p.ws()?;
                p.eat(b',')?;
                p.ws()?;
                let lon = p.number()?;
                p.ws()?;
                p.eat(b')')?;
                c.coordinates = Some((lat, lon));
            }
            "note" => c.note = Some(p.string()?),
            "sources" => c.sources = p.strings()?,
            _ => return None,
        }
        Some(())
    })?;
    required(&has)?;
    Some(c)
}

fn tie(p: &mut Reader<'_>) -> Option<SisterCityTie> {
    let mut t = SisterCityTie::default();
    let mut has = [false; 2];
    p.fields(|p, name| {
        match name {
            "id" => (t.id, has[0]) = (p.string()?, true),
            "cities" => {
                p.eat(b'(')?;
                p.ws()?;
                let a = p.string()?;
                p.ws()?;
                p.eat(b',')?;
                p.ws()?;
                let b = p.string()?;
                p.ws()?;
                p.eat(b')')?;
                (t.cities, has[1]) = ((a, b), true);
            }
            "established" => t.established = Some(p.date()?),
            "status" => {
                t.status = match p.ident()? {
                    "Active" => TieStatus::Active,
                    "Ended" => TieStatus::Ended,
                    "Proposed" => TieStatus::Proposed,
                    _ => return None,
                }
            }
            "level" => {
                t.level = match p.ident()? {
                    "Official" => Level::Official,
                    "FriendlyExchange" => Level::FriendlyExchange,
                    "Memorandum" => Level::Memorandum,
                    "Proposed" => Level::Proposed,
                    _ => return None,
                }
            }
            "agreement" => t.agreement = Some(p.string()?),
            "kind" => t.kind = Some(p.string()?),
            "note" => t.note = Some(p.string()?),
            "sources" => t.sources = p.strings()?,
            _ => return None,
        }
        Some(())
    })?;
    required(&has)?;
    Some(t)
}

fn person(p: &mut Reader<'_>) -> Option<Person> {
    let mut x = Person::default();
    let mut has = [false; 2];
    p.fields(|p, name| {
        match name {
            "id" => (x.id, has[0]) = (p.string()?, true),
            "name" => (x.name, has[1]) = (p.string()?, true),
            "native_name" => x.native_name = Some(p.string()?),
            "aliases" => x.aliases = p.strings()?,
            "posts" => {
                let mut posts = Vec::new();
                p.list(|p| {
                    posts.push(post(p)?);
                    Some(())
                })?;
                posts.shrink_to_fit();
                x.posts = posts;
            }
            "note" => x.note = Some(p.string()?),
            "sources" => x.sources = p.strings()?,
            _ => return None,
        }
        Some(())
    })?;
    required(&has)?;
    Some(x)
}

fn post(p: &mut Reader<'_>) -> Option<Post> {
    let mut post = Post::default();
    let mut has = [false; 2];
    p.eat(b'(')?;
    p.fields(|p, name| {
        match name {
            "organization" => (post.organization, has[0]) = (p.string()?, true),
            "title" => (post.title, has[1]) = (p.string()?, true),
            "since" => post.since = Some(p.date()?),
            "until" => post.until = Some(p.date()?),
            "as_of" => post.as_of = Some(p.date()?),
            _ => return None,
        }
        Some(())
    })?;
    required(&has)?;
    Some(post)
}

fn agreement(p: &mut Reader<'_>) -> Option<Agreement> {
    let mut a = Agreement::default();
    let mut has = [false; 2];
    p.fields(|p, name| {
        match name {
            "id" => (a.id, has[0]) = (p.string()?, true),
            "title" => (a.title, has[1]) = (p.string()?, true),
            "native_title" => a.native_title = Some(p.string()?),
            "aliases" => a.aliases = p.strings()?,
            "kind" => a.kind = Some(p.string()?),
            "parties" => a.parties = p.strings()?,
            "signed_by" => a.signed_by = p.strings()?,
            "signed" => a.signed = Some(p.date()?),
            "place" => a.place = Some(p.string()?),
            "areas" => a.areas = p.strings()?,
            "summary" => a.summary = Some(p.string()?),
            "note" => a.note = Some(p.string()?),
            "sources" => a.sources = p.strings()?,
            _ => return None,
        }
        Some(())
    })?;
    required(&has)?;
    Some(a)
}

fn event(p: &mut Reader<'_>) -> Option<Event> {
    let mut e = Event::default();
    let mut has = [false; 2];
    p.fields(|p, name| {
        match name {
            "id" => (e.id, has[0]) = (p.string()?, true),
            "title" => (e.title, has[1]) = (p.string()?, true),
            "native_title" => e.native_title = Some(p.string()?),
            "aliases" => e.aliases = p.strings()?,
            "date" => e.date = Some(p.date()?),
            "place" => e.place = Some(p.string()?),
            "venue" => e.venue = Some(p.string()?),
            "organizers" => e.organizers = p.strings()?,
            "participants" => e.participants = p.strings()?,
            "summary" => e.summary = Some(p.string()?),
            "note" => e.note = Some(p.string()?),
            "sources" => e.sources = p.strings()?,
            _ => return None,
        }
        Some(())
    })?;
    required(&has)?;
    Some(e)
}

fn country(p: &mut Reader<'_>) -> Option<Country> {
    let mut c = Country::default();
    let mut has = [false; 2];
    p.fields(|p, name| {
        match name {
            "id" => (c.id, has[0]) = (p.string()?, true),
            "name" => (c.name, has[1]) = (p.string()?, true),
            "native_name" => c.native_name = Some(p.string()?),
            "aliases" => c.aliases = p.strings()?,
            "iso" => c.iso = Some(p.string()?),
            "iso3" => c.iso3 = Some(p.string()?),
            "m49" => {
                // Plain digits only; anything else (signs, decimals, exponents) goes to ron.
                let start = p.at;
                while p.peek().is_some_and(|b| b.is_ascii_digit()) {
                    p.at += 1;
                }
                if p.at == start
                    || p.at - start > 5
                    || p.peek()
                        .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
                {
                    return None;
                }
                c.m49 = Some(p.src[start..p.at].parse().ok()?);
            }
            "region" => c.region = Some(p.string()?),
            "subregion" => c.subregion = Some(p.string()?),
            "intermediate_region" => c.intermediate_region = Some(p.string()?),
            "note" => c.note = Some(p.string()?),
            "sources" => c.sources = p.strings()?,
            _ => return None,
        }
        Some(())
    })?;
    required(&has)?;
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::syntax::top_level_entries;

    fn ron(src: &str) -> Result<Entity, String> {
        ron::Options::default()
            .with_default_extension(
                ron::extensions::Extensions::IMPLICIT_SOME
                    | ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES,
            )
            .from_str::<Entity>(src)
            .map_err(|e| e.to_string())
    }

    /// Whatever the fast path reads, ron reads the same. Returns whether it read it.
    fn agrees(src: &str) -> bool {
        let Some(fast) = entity(src) else {
            return false;
        };
        match ron(src) {
            Ok(slow) => assert_eq!(fast, slow, "{src}"),
            Err(e) => panic!("the fast path read an entry ron refuses ({e}):\n{src}"),
        }
        true
    }

    fn entries(text: &str) -> Vec<&str> {
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        top_level_entries(&text[start..])
            .0
            .into_iter()
            .map(|r| &text[start..][r])
            .collect()
    }

    /// The built-in data, every fixture, and generated data.
    fn corpus() -> Vec<String> {
        let mut texts: Vec<String> = crate::dataset::builtin_files()
            .iter()
            .map(|(_, t)| t.to_string())
            .collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut dirs = vec![root];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if let Ok(t) = std::fs::read_to_string(&path) {
                    texts.push(t);
                }
            }
        }
        texts.extend(generated());
        texts
    }

    /// The files of a small generated dataset.
    fn generated() -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        liaison_gen::write_dataset(dir.path(), 600, 9).unwrap();
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }

    #[test]
    fn named_contact_block_is_read_fast() {
        let src = r#"Organization(id: "o", name: "n", contact: Contact(address: "x", phones: ["+86 21 6249 6566"]))"#;
        assert!(entity(src).is_some());
        agrees(src);
        assert!(
            entity(r#"Organization(id: "o", name: "n", contact: Other(address: "x"))"#).is_none()
        );
    }

    #[test]
    fn every_entry_read_fast_is_read_the_same_by_ron() {
        for text in corpus() {
            for e in entries(&text) {
                agrees(e);
            }
        }
        // On ordinary data the fast path must be the usual path, or it is not worth having.
        let mut ordinary: Vec<String> = crate::dataset::builtin_files()
            .iter()
            .map(|(_, t)| t.to_string())
            .collect();
        ordinary.extend(generated());
        let (mut fast, mut all) = (0, 0);
        for text in &ordinary {
            for e in entries(text) {
                all += 1;
                fast += usize::from(entity(e).is_some());
            }
        }
        assert!(fast * 100 >= all * 99, "{fast} of {all} read fast");
    }

    #[test]
    fn mutated_entries_read_fast_are_read_the_same_by_ron() {
        let texts = corpus();
        let samples: Vec<&str> = texts.iter().flat_map(|t| entries(t)).step_by(7).collect();
        let inserts = [
            '"', ',', '(', ')', '[', ']', ' ', ':', '\\', 'x', '0', '.', '-', '/', '*', 'e', '#',
            '_',
        ];
        let mut seed = 1u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) as usize) % n.max(1)
        };
        for _ in 0..20_000 {
            let src = samples[next(samples.len())];
            let mut chars: Vec<char> = src.chars().collect();
            for _ in 0..1 + next(2) {
                let at = next(chars.len());
                match next(4) {
                    0 => {
                        chars.remove(at);
                    }
                    1 => chars.insert(at, inserts[next(inserts.len())]),
                    2 => {
                        let c = chars[at];
                        chars.insert(at, c);
                    }
                    _ if at + 1 < chars.len() => chars.swap(at, at + 1),
                    _ => {}
                }
            }
            let mutated: String = chars.into_iter().collect();
            agrees(&mutated);
        }
    }

    #[test]
    fn unusual_but_valid_forms_are_left_to_ron_or_read_alike() {
        for src in [
            r#"City(id: "a", name: "b", country: "c", coordinates: (1, -2.50))"#,
            r#"City(id: "a", name: "b", country: "c", coordinates: (1e3, 2))"#,
            r#"City(id: "a", name: "b", country: "c", coordinates: (1.0, 2.0,))"#,
            r#"City(id: "a", name: "b", country: "c", note: "x\ty\"z\u{41}", sources: [],)"#,
            r#"City(id: "a", name: "b", sources: ["s"])"#,
            r#"City(id: "a", name: "b", country: "c", kind: None)"#,
            r#"City(id: "a", name: "b", country: "c", kind: Some("x"))"#,
            r#"City(id: "a", id: "a", name: "b", country: "c")"#,
            r#"City /* c */ (id: "a", name: "b", country: "c")"#,
            r#"City(id: "a", // c
                name: "b", country: "c")"#,
            r#"Organization(id: "o", name: "n", contact: ())"#,
            r#"Organization(id: "o", name: "n", contact: Contact(address: "x"))"#,
            r#"Organization(id: "o", name: "n", founded: "1990-02-30")"#,
            r#"Person(id: "p", name: "n", posts: [(organization: "o", title: "t", since: "2019",)])"#,
            r#"Person(id: "p", name: "n", posts: [(organization: "o")])"#,
            r#"SisterCity(id: "t", cities: ("a", "b"), status: Ended)"#,
            r#"SisterCity(id: "t", cities: ("a", "b",), status: Gone)"#,
            r#"Agreement(id: "a", title: "t")"#,
            r#"Event(id: "e", title: "t", date: r"2019")"#,
            r#"Event(id: "e", title: "t", unknown: "x")"#,
            r#"Nothing(id: "e")"#,
        ] {
            agrees(src);
        }
    }
}
