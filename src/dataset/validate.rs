//! The checks that make the data trustworthy: unique ids, references that resolve to the
//! right kind, real dates, coordinates on the globe, sister-city ties that make sense.
//!
//! A broken entity is skipped; a broken field is dropped and its entity kept, so one mistake
//! never hides the rest of the data.

use super::load::{FileText, Parsed};
use super::problem::{Location, Problem};
use super::syntax::Step;
use super::{Dataset, Origin};
use crate::model::{Entity, Kind, PartialDate};
use crate::text::clean_line;
use std::collections::HashMap;

/// Builds the dataset from parsed entries, checking everything.
pub fn build(
    label: String,
    files: &[FileText],
    parsed: Vec<(usize, Parsed)>,
    mut problems: Vec<Problem>,
) -> Dataset {
    let mut index: HashMap<String, u32> = HashMap::with_capacity(parsed.len());
    let mut kept: Vec<(usize, Parsed)> = Vec::with_capacity(parsed.len());
    let mut origins = Vec::with_capacity(parsed.len());
    for (f, p) in parsed {
        let file = &files[f];
        let id = p.entity.id();
        if id.trim().is_empty() {
            problems.push(Problem::error(
                file.locate(&p.range, &[Step::Field("id")]),
                "empty id",
            ));
            continue;
        }
        if let Some(&first) = index.get(id) {
            let (ff, fp) = &kept[first as usize];
            let first_at = files[*ff].locate(&fp.range, &[Step::Field("id")]);
            problems.push(Problem::error(
                file.locate(&p.range, &[Step::Field("id")]),
                format!(
                    "duplicate id `{}`: already used by the {} at {first_at}; this one is skipped",
                    clean_line(id),
                    fp.entity.kind()
                ),
            ));
            continue;
        }
        index.insert(id.to_string(), kept.len() as u32);
        let loc = file.location(p.range.start);
        origins.push(Origin {
            file: f as u32,
            line: loc.line as u32,
            col: loc.col as u32,
        });
        kept.push((f, p));
    }

    let kinds: Vec<Kind> = kept.iter().map(|(_, p)| p.entity.kind()).collect();
    let ids: Vec<&str> = kept.iter().map(|(_, p)| p.entity.id()).collect();
    let checker = Checker {
        index: &index,
        kinds: &kinds,
        ids: &ids,
    };
    let mut ties: HashMap<(String, String), usize> = HashMap::new();
    let mut fixes: Vec<(usize, Fix)> = Vec::new();
    for (i, (f, p)) in kept.iter().enumerate() {
        let mut ctx = Ctx {
            file: &files[*f],
            range: &p.range,
            problems: &mut problems,
            checker: &checker,
        };
        check_entity(&mut ctx, &p.entity, i, &mut ties, &mut fixes, &kept, files);
    }
    // Report in the order a user reads the files: file by file, top to bottom.
    let file_rank = |path: &str| {
        files
            .iter()
            .position(|f| f.path == path)
            .map_or(0, |i| i + 1)
    };
    problems.sort_by_cached_key(|p| (file_rank(&p.location.path), p.location.line, p.location.col));
    let mut entities: Vec<Entity> = kept.into_iter().map(|(_, p)| p.entity).collect();
    for (i, fix) in fixes {
        fix.apply(&mut entities[i]);
    }
    Dataset {
        label,
        files: files.iter().map(|f| f.path.clone()).collect(),
        entities,
        origins,
        index,
        problems,
    }
}

/// A field dropped because it is wrong.
enum Fix {
    Coordinates,
    Date,
    PostDate(usize, &'static str),
}

impl Fix {
    fn apply(self, e: &mut Entity) {
        match (self, e) {
            (Fix::Coordinates, Entity::City(c)) => c.coordinates = None,
            (Fix::Date, Entity::Organization(o)) => o.founded = None,
            (Fix::Date, Entity::SisterCity(t)) => t.established = None,
            (Fix::Date, Entity::Agreement(a)) => a.signed = None,
            (Fix::Date, Entity::Event(ev)) => ev.date = None,
            (Fix::PostDate(i, field), Entity::Person(p)) => {
                if let Some(post) = p.posts.get_mut(i) {
                    if field == "since" {
                        post.since = None;
                    } else {
                        post.until = None;
                    }
                }
            }
            _ => {}
        }
    }
}

struct Checker<'a> {
    index: &'a HashMap<String, u32>,
    kinds: &'a [Kind],
    ids: &'a [&'a str],
}

struct Ctx<'a, 'b> {
    file: &'a FileText,
    range: &'a std::ops::Range<usize>,
    problems: &'b mut Vec<Problem>,
    checker: &'a Checker<'a>,
}

impl Ctx<'_, '_> {
    fn at(&self, path: &[Step<'_>]) -> Location {
        self.file.locate(self.range, path)
    }

    fn error(&mut self, path: &[Step<'_>], message: String) {
        let loc = self.at(path);
        self.problems.push(Problem::error(loc, message));
    }

    /// Checks that `value` (found at `path`) names an entity of one of the `allowed` kinds.
    fn reference(&mut self, value: &str, allowed: &[Kind], path: &[Step<'_>]) {
        let field = field_name(path);
        let wanted = kinds_text(allowed, true);
        match self.checker.index.get(value) {
            Some(&i) => {
                let kind = self.checker.kinds[i as usize];
                if !allowed.contains(&kind) {
                    self.error(
                        path,
                        format!(
                            "`{}` in `{field}` is {} {kind}, but `{field}` must name {wanted}",
                            clean_line(value),
                            article(kind)
                        ),
                    );
                }
            }
            None => {
                let hint = self
                    .checker
                    .suggest(value, allowed)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                self.error(
                    path,
                    format!(
                        "unknown id `{}` in `{field}`: no {} has this id{hint}",
                        clean_line(value),
                        kinds_text(allowed, false)
                    ),
                );
            }
        }
    }

    fn date(&mut self, date: &Option<PartialDate>, path: &[Step<'_>]) -> bool {
        match date {
            Some(d) if !d.is_valid() => {
                let raw = d.raw().unwrap_or_default();
                let why = PartialDate::parse(raw).err().unwrap_or_default();
                self.error(
                    path,
                    format!(
                        "{} (field `{}` ignored)",
                        clean_line(&why),
                        field_name(path)
                    ),
                );
                false
            }
            _ => true,
        }
    }
}

fn field_name<'a>(path: &[Step<'a>]) -> &'a str {
    path.iter()
        .rev()
        .find_map(|s| match s {
            Step::Field(f) => Some(*f),
            Step::Index(_) => None,
        })
        .unwrap_or("")
}

fn article(kind: Kind) -> &'static str {
    match kind {
        Kind::Organization | Kind::Agreement | Kind::Event => "an",
        _ => "a",
    }
}

/// "a city", "an organization or city"; without the article for "no city has this id".
fn kinds_text(kinds: &[Kind], with_article: bool) -> String {
    let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    let list = match names.as_slice() {
        [rest @ .., last] if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        [one] => one.to_string(),
        _ => "entity".to_string(),
    };
    match kinds.first() {
        Some(&k) if with_article => format!("{} {list}", article(k)),
        _ => list,
    }
}

impl Checker<'_> {
    /// The closest id of an allowed kind, if one is close enough to be a likely typo.
    fn suggest(&self, value: &str, allowed: &[Kind]) -> Option<&str> {
        let v = value.to_lowercase();
        let limit = (v.chars().count() / 3).max(2);
        let mut best: Option<(usize, &str)> = None;
        for (i, id) in self.ids.iter().enumerate() {
            if !allowed.contains(&self.kinds[i]) {
                continue;
            }
            let d = if id.contains(v.as_str()) || v.contains(*id) {
                1
            } else {
                distance(&v, id, limit)
            };
            if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, id));
            }
        }
        best.map(|(_, id)| id)
    }
}

/// Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`.
fn distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

const ORG: &[Kind] = &[Kind::Organization];
const CITY: &[Kind] = &[Kind::City];
const PERSON: &[Kind] = &[Kind::Person];
const PARTY: &[Kind] = &[Kind::Organization, Kind::City];
const PARTICIPANT: &[Kind] = &[Kind::Organization, Kind::Person, Kind::City];

fn check_entity(
    ctx: &mut Ctx<'_, '_>,
    entity: &Entity,
    i: usize,
    ties: &mut HashMap<(String, String), usize>,
    fixes: &mut Vec<(usize, Fix)>,
    kept: &[(usize, Parsed)],
    files: &[FileText],
) {
    use Step::{Field, Index};
    if entity.sources().iter().all(|s| s.trim().is_empty()) {
        let loc = ctx.at(&[]);
        ctx.problems.push(Problem::warning(
            loc,
            format!(
                "{} `{}` has no sources: name the document or page that states its facts",
                entity.kind(),
                clean_line(entity.id())
            ),
        ));
    }
    match entity {
        Entity::Organization(o) => {
            if let Some(city) = &o.city {
                ctx.reference(city, CITY, &[Field("city")]);
            }
            if let Some(parent) = &o.parent {
                if parent == &o.id {
                    ctx.error(
                        &[Field("parent")],
                        "an organization cannot be its own parent".into(),
                    );
                } else {
                    ctx.reference(parent, ORG, &[Field("parent")]);
                }
            }
            if !ctx.date(&o.founded, &[Field("founded")]) {
                fixes.push((i, Fix::Date));
            }
        }
        Entity::City(c) => {
            if let Some((lat, lon)) = c.coordinates {
                let bad_lat = !(-90.0..=90.0).contains(&lat);
                let bad_lon = !(-180.0..=180.0).contains(&lon);
                if bad_lat || bad_lon {
                    let which = if bad_lat {
                        format!("latitude {lat} is outside -90..90")
                    } else {
                        format!("longitude {lon} is outside -180..180")
                    };
                    let step = if bad_lat { Index(0) } else { Index(1) };
                    ctx.error(
                        &[Field("coordinates"), step],
                        format!("{which} (coordinates ignored)"),
                    );
                    fixes.push((i, Fix::Coordinates));
                }
            }
        }
        Entity::SisterCity(t) => {
            let (a, b) = &t.cities;
            ctx.reference(a, CITY, &[Field("cities"), Index(0)]);
            ctx.reference(b, CITY, &[Field("cities"), Index(1)]);
            if a == b {
                ctx.error(
                    &[Field("cities")],
                    format!(
                        "a city cannot be its own sister city (`{}` twice)",
                        clean_line(a)
                    ),
                );
            } else {
                let key = if a < b {
                    (a.clone(), b.clone())
                } else {
                    (b.clone(), a.clone())
                };
                if let Some(&first) = ties.get(&key) {
                    let (ff, fp) = &kept[first];
                    let first_at = files[*ff].location(fp.range.start);
                    ctx.error(
                        &[Field("cities")],
                        format!(
                            "duplicate sister-city tie between `{}` and `{}`: already given by `{}` at {first_at}",
                            clean_line(a),
                            clean_line(b),
                            clean_line(fp.entity.id())
                        ),
                    );
                } else {
                    ties.insert(key, i);
                }
            }
            if !ctx.date(&t.established, &[Field("established")]) {
                fixes.push((i, Fix::Date));
            }
        }
        Entity::Person(p) => {
            for (n, post) in p.posts.iter().enumerate() {
                ctx.reference(
                    &post.organization,
                    ORG,
                    &[Field("posts"), Index(n), Field("organization")],
                );
                if !ctx.date(&post.since, &[Field("posts"), Index(n), Field("since")]) {
                    fixes.push((i, Fix::PostDate(n, "since")));
                }
                if !ctx.date(&post.until, &[Field("posts"), Index(n), Field("until")]) {
                    fixes.push((i, Fix::PostDate(n, "until")));
                }
            }
        }
        Entity::Agreement(a) => {
            for (n, party) in a.parties.iter().enumerate() {
                ctx.reference(party, PARTY, &[Field("parties"), Index(n)]);
            }
            for (n, who) in a.signed_by.iter().enumerate() {
                ctx.reference(who, PERSON, &[Field("signed_by"), Index(n)]);
            }
            if let Some(place) = &a.place {
                ctx.reference(place, CITY, &[Field("place")]);
            }
            if !ctx.date(&a.signed, &[Field("signed")]) {
                fixes.push((i, Fix::Date));
            }
        }
        Entity::Event(ev) => {
            for (n, org) in ev.organizers.iter().enumerate() {
                ctx.reference(org, PARTY, &[Field("organizers"), Index(n)]);
            }
            for (n, who) in ev.participants.iter().enumerate() {
                ctx.reference(who, PARTICIPANT, &[Field("participants"), Index(n)]);
            }
            if let Some(place) = &ev.place {
                ctx.reference(place, CITY, &[Field("place")]);
            }
            if !ctx.date(&ev.date, &[Field("date")]) {
                fixes.push((i, Fix::Date));
            }
        }
    }
}
