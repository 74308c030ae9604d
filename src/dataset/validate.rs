//! The checks that make the data trustworthy: unique ids, references that resolve to the
//! right kind, real dates, coordinates on the globe, sister-city ties that make sense,
//! places within places without cycles, countries that exist and have well-formed codes.
//!
//! A broken entity is skipped; a broken field is dropped and its entity kept, so one mistake
//! never hides the rest of the data.

use super::ids::IdIndex;
use super::limits::{MAX_PROBLEMS, MAX_PROBLEMS_PER_FILE};
use super::load::{FileText, Parsed};
use super::problem::{Location, Problem, Severity};
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
    let rank: HashMap<&str, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.path.as_str(), i))
        .collect();
    let mut budget = Budget::new(files.len(), &problems, &rank);
    let mut index = IdIndex::with_capacity(parsed.len());
    // The entities kept are moved to the front of `parsed`, in order, as they are found:
    // one array of entities, never two.
    let mut parsed = parsed;
    let mut k = 0;
    let mut origins = Vec::with_capacity(parsed.len());
    for j in 0..parsed.len() {
        let (f, p) = &parsed[j];
        let f = *f;
        let file = &files[f];
        let id = p.entity.id();
        if id.trim().is_empty() {
            if budget.room(f, Severity::Error) {
                problems.push(Problem::error(
                    file.locate(&p.range, &[Step::Field("id")]),
                    "empty id",
                ));
            }
            continue;
        }
        if let Some(first) = index.get(id) {
            if budget.room(f, Severity::Error) {
                let (ff, fp) = &parsed[first as usize];
                let first_at = files[*ff].locate(&fp.range, &[Step::Field("id")]);
                problems.push(Problem::error(
                    file.locate(&p.range, &[Step::Field("id")]),
                    format!(
                        "duplicate id `{}`: already used by the {} at {first_at}; this one is skipped",
                        clean_line(id),
                        fp.entity.kind()
                    ),
                ));
            }
            continue;
        }
        index.push(id);
        origins.push(Origin {
            file: f as u32,
            line: p.at.0,
            col: p.at.1,
        });
        parsed.swap(k, j);
        k += 1;
    }
    parsed.truncate(k);
    let kept = parsed;
    index.shrink();

    let kinds: Vec<Kind> = kept.iter().map(|(_, p)| p.entity.kind()).collect();
    let ids: Vec<&str> = kept.iter().map(|(_, p)| p.entity.id()).collect();
    let checker = Checker {
        index: &index,
        kinds: &kinds,
        ids: &ids,
        // Data written before countries existed names them in words: checked only once
        // the data defines a country.
        countries: kinds.contains(&Kind::Country),
    };
    let mut isos: HashMap<String, usize> = HashMap::new();
    let mut ties: HashMap<(String, String), usize> = HashMap::new();
    let mut fixes: Vec<(usize, Fix)> = Vec::new();
    for (i, (f, p)) in kept.iter().enumerate() {
        let mut ctx = Ctx {
            f: *f,
            file: &files[*f],
            range: &p.range,
            problems: &mut problems,
            budget: &mut budget,
            checker: &checker,
        };
        check_entity(&mut ctx, &p.entity, i, &mut ties, &mut fixes, &kept, files);
        if let Entity::Country(c) = &p.entity
            && let Some(iso) = c.iso.as_deref().filter(|s| is_code(s, 2))
        {
            if let Some(&first) = isos.get(iso) {
                let (ff, fp) = &kept[first];
                let first_at = files[*ff].locate(&fp.range, &[Step::Field("iso")]);
                ctx.error(
                    &[Step::Field("iso")],
                    format!(
                        "duplicate ISO code `{}`: already given to `{}` at {first_at}",
                        clean_line(iso),
                        clean_line(fp.entity.id())
                    ),
                );
            } else {
                isos.insert(iso.to_string(), i);
            }
        }
    }
    part_of_cycles(
        &kept,
        files,
        &index,
        &mut problems,
        &mut budget,
        &checker,
        &mut fixes,
    );
    // Report in the order a user reads the files: file by file, top to bottom.
    // Within the limits, the problems found first are kept: those that stop a file being
    // read come before those of single entities and fields.
    let file_rank = |path: &str| rank.get(path).map_or(0, |i| i + 1);
    let (mut problems, counts) = budget.trim(problems, files, file_rank);
    problems.sort_by_cached_key(|p| (file_rank(&p.location.path), p.location.line, p.location.col));
    // Each file's count of problems left out goes after its last listed problem.
    problems.extend(counts);
    problems.sort_by_cached_key(|p| file_rank(&p.location.path));
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
    PartOf,
}

impl Fix {
    fn apply(self, e: &mut Entity) {
        match (self, e) {
            (Fix::Coordinates, Entity::City(c)) => c.coordinates = None,
            (Fix::PartOf, Entity::City(c)) => c.part_of = None,
            (Fix::Date, Entity::Organization(o)) => o.founded = None,
            (Fix::Date, Entity::SisterCity(t)) => t.established = None,
            (Fix::Date, Entity::Agreement(a)) => a.signed = None,
            (Fix::Date, Entity::Event(ev)) => ev.date = None,
            (Fix::PostDate(i, field), Entity::Person(p)) => {
                if let Some(post) = p.posts.get_mut(i) {
                    match field {
                        "since" => post.since = None,
                        "until" => post.until = None,
                        _ => post.as_of = None,
                    }
                }
            }
            _ => {}
        }
    }
}

struct Checker<'a> {
    index: &'a IdIndex,
    kinds: &'a [Kind],
    ids: &'a [&'a str],
    /// Whether the data defines countries (then a city's `country` must name one).
    countries: bool,
}

/// How many problems each file, and all of them together, may still list
/// ([`MAX_PROBLEMS_PER_FILE`], [`MAX_PROBLEMS`]), and how many were left out: a file with a
/// million mistakes costs neither a million locations nor a million "did you mean" searches.
struct Budget {
    listed: Vec<usize>,
    total: usize,
    /// Problems left out: `(errors, warnings)` per file.
    hidden: Vec<(usize, usize)>,
    /// How many more ids "did you mean" may compare a value with.
    suggest_left: usize,
}

/// The most comparisons of a value with an id spent on "did you mean" suggestions.
const SUGGESTION_WORK: usize = 20_000_000;

impl Budget {
    fn new(files: usize, problems: &[Problem], rank: &HashMap<&str, usize>) -> Budget {
        let mut listed = vec![0; files];
        for p in problems {
            if let Some(&f) = rank.get(p.location.path.as_str()) {
                listed[f] += 1;
            }
        }
        Budget {
            listed,
            total: problems.len(),
            hidden: vec![(0, 0); files],
            suggest_left: SUGGESTION_WORK,
        }
    }

    /// Whether file `f` may list one more problem; if not, it is counted as left out.
    fn room(&mut self, f: usize, severity: Severity) -> bool {
        if self.listed[f] < MAX_PROBLEMS_PER_FILE && self.total < MAX_PROBLEMS {
            self.listed[f] += 1;
            self.total += 1;
            return true;
        }
        self.hide(f, severity);
        false
    }

    fn hide(&mut self, f: usize, severity: Severity) {
        let hidden = &mut self.hidden[f];
        match severity {
            Severity::Error => hidden.0 += 1,
            Severity::Warning => hidden.1 += 1,
        }
    }

    /// Keeps the first problems found for each file within the limits; returns them, and
    /// for each file that had more, one problem that counts the rest. `file_rank` is 0 for
    /// problems outside the files read, else the file's index plus one.
    fn trim(
        mut self,
        problems: Vec<Problem>,
        files: &[FileText],
        file_rank: impl Fn(&str) -> usize,
    ) -> (Vec<Problem>, Vec<Problem>) {
        let mut shown = vec![0usize; files.len() + 1];
        let mut total = 0;
        let mut kept = Vec::with_capacity(problems.len().min(MAX_PROBLEMS));
        for p in problems {
            let r = file_rank(&p.location.path);
            if r == 0 || (shown[r] < MAX_PROBLEMS_PER_FILE && total < MAX_PROBLEMS) {
                shown[r] += 1;
                total += 1;
                kept.push(p);
            } else {
                self.hide(r - 1, p.severity);
            }
        }
        let mut counts = Vec::new();
        for (f, &(errors, warnings)) in self.hidden.iter().enumerate() {
            if errors + warnings == 0 {
                continue;
            }
            let location = Location {
                path: files[f].path.clone(),
                line: 0,
                col: 0,
            };
            let message = format!(
                "{} more problems in this file ({errors} error{}, {warnings} warning{}) \
                 are not listed: at most {MAX_PROBLEMS_PER_FILE} per file and \
                 {MAX_PROBLEMS} in all are",
                errors + warnings,
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" },
            );
            let summary = if errors > 0 {
                Problem::error(location, message)
            } else {
                Problem::warning(location, message)
            };
            counts.push(summary);
        }
        (kept, counts)
    }
}

struct Ctx<'a, 'b> {
    /// The file's index.
    f: usize,
    file: &'a FileText,
    range: &'a std::ops::Range<usize>,
    problems: &'b mut Vec<Problem>,
    budget: &'b mut Budget,
    checker: &'a Checker<'a>,
}

impl Ctx<'_, '_> {
    fn at(&self, path: &[Step<'_>]) -> Location {
        self.file.locate(self.range, path)
    }

    /// Whether this file may list one more problem of this severity.
    fn room(&mut self, severity: Severity) -> bool {
        self.budget.room(self.f, severity)
    }

    fn error(&mut self, path: &[Step<'_>], message: String) {
        if self.room(Severity::Error) {
            let loc = self.at(path);
            self.problems.push(Problem::error(loc, message));
        }
    }

    /// Checks that `value` (found at `path`) names an entity of one of the `allowed` kinds.
    fn reference(&mut self, value: &str, allowed: &[Kind], path: &[Step<'_>]) {
        let field = field_name(path);
        let wanted = kinds_text(allowed, true);
        match self.checker.index.get(value) {
            Some(i) => {
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
            None if !self.room(Severity::Error) => {}
            None => {
                // Each suggestion compares the value with every id; past a budget of work
                // the error comes without one.
                let ids = self.checker.ids.len();
                let hint = if self.budget.suggest_left >= ids {
                    self.budget.suggest_left -= ids;
                    self.checker
                        .suggest(value, allowed)
                        .map(|s| format!("; did you mean `{}`?", clean_line(s)))
                        .unwrap_or_default()
                } else {
                    String::new()
                };
                let loc = self.at(path);
                self.problems.push(Problem::error(
                    loc,
                    format!(
                        "unknown id `{}` in `{field}`: no {} has this id{hint}",
                        clean_line(value),
                        kinds_text(allowed, false)
                    ),
                ));
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
const AGREEMENT: &[Kind] = &[Kind::Agreement];
const COUNTRY: &[Kind] = &[Kind::Country];

/// Whether `s` is an ISO 3166-1 code of `len` upper-case ASCII letters.
fn is_code(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Reports every chain of `part_of` that comes back to where it started, at the `part_of`
/// of each city in the loop, and drops those fields so nothing walks the loop.
fn part_of_cycles(
    kept: &[(usize, Parsed)],
    files: &[FileText],
    index: &IdIndex,
    problems: &mut Vec<Problem>,
    budget: &mut Budget,
    checker: &Checker<'_>,
    fixes: &mut Vec<(usize, Fix)>,
) {
    // A city part of itself was reported already.
    let parent: Vec<Option<usize>> = kept
        .iter()
        .enumerate()
        .map(|(i, (_, p))| match &p.entity {
            Entity::City(c) => c
                .part_of
                .as_deref()
                .and_then(|id| index.get(id))
                .map(|j| j as usize)
                .filter(|&j| j != i && matches!(kept[j].1.entity, Entity::City(_))),
            _ => None,
        })
        .collect();
    // 0: not yet seen, 1: on the walk under way, 2: done.
    let mut state = vec![0u8; kept.len()];
    for start in 0..kept.len() {
        if state[start] != 0 || parent[start].is_none() {
            continue;
        }
        let mut walk = Vec::new();
        let mut at = Some(start);
        while let Some(x) = at {
            match state[x] {
                0 => {
                    state[x] = 1;
                    walk.push(x);
                    at = parent[x];
                }
                1 => {
                    // A loop: from x's place on this walk to its end.
                    let from = walk.iter().position(|&w| w == x).unwrap_or(0);
                    let cycle = &walk[from..];
                    let names: Vec<&str> = cycle
                        .iter()
                        .chain(std::iter::once(&x))
                        .map(|&c| kept[c].1.entity.id())
                        .collect();
                    let chain = names
                        .iter()
                        .map(|n| format!("`{}`", clean_line(n)))
                        .collect::<Vec<_>>()
                        .join(" → ");
                    for &c in cycle {
                        let (f, p) = &kept[c];
                        let mut ctx = Ctx {
                            f: *f,
                            file: &files[*f],
                            range: &p.range,
                            problems,
                            budget,
                            checker,
                        };
                        ctx.error(
                            &[Step::Field("part_of")],
                            format!(
                                "`part_of` goes round in a circle: {chain} (field `part_of` ignored)"
                            ),
                        );
                        fixes.push((c, Fix::PartOf));
                    }
                    break;
                }
                _ => break,
            }
        }
        for w in walk {
            state[w] = 2;
        }
    }
}

/// An organization's `country`: a country id (where the data defines countries) that
/// agrees with its city's country, if it has a city.
fn check_org_country(
    ctx: &mut Ctx<'_, '_>,
    o: &crate::model::Organization,
    country: &str,
    kept: &[(usize, Parsed)],
) {
    use Step::Field;
    if ctx.checker.countries {
        ctx.reference(country, COUNTRY, &[Field("country")]);
    }
    let city = o.city.as_deref().and_then(|c| ctx.checker.index.get(c));
    let Some(Entity::City(c)) = city.map(|k| &kept[k as usize].1.entity) else {
        return;
    };
    if c.country != country && ctx.room(Severity::Warning) {
        let loc = ctx.at(&[Field("country")]);
        ctx.problems.push(Problem::warning(
            loc,
            format!(
                "`country` is `{}` but its city `{}` is in `{}`: the city's country is used",
                clean_line(country),
                clean_line(&c.id),
                clean_line(&c.country)
            ),
        ));
    }
}

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
    if entity.sources().iter().all(|s| s.trim().is_empty()) && ctx.room(Severity::Warning) {
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
            if let Some(country) = &o.country {
                check_org_country(ctx, o, country, kept);
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
            if ctx.checker.countries {
                ctx.reference(&c.country, COUNTRY, &[Field("country")]);
            }
            if let Some(up) = &c.part_of {
                if up == &c.id {
                    ctx.error(
                        &[Field("part_of")],
                        "a place cannot be part of itself (field `part_of` ignored)".into(),
                    );
                    fixes.push((i, Fix::PartOf));
                } else {
                    ctx.reference(up, CITY, &[Field("part_of")]);
                }
            }
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
            if let Some(a) = &t.agreement {
                ctx.reference(a, AGREEMENT, &[Field("agreement")]);
            }
            if !ctx.date(&t.established, &[Field("established")]) {
                fixes.push((i, Fix::Date));
            }
        }
        Entity::Country(c) => {
            let codes = [("iso", &c.iso, 2), ("iso3", &c.iso3, 3)];
            for (field, code, len) in codes {
                if let Some(v) = code
                    && !is_code(v, len)
                {
                    ctx.error(
                        &[Field(field)],
                        format!(
                            "`{}` is not an ISO 3166-1 code: {len} upper-case letters, like `{}`",
                            clean_line(v),
                            if len == 2 { "FI" } else { "FIN" }
                        ),
                    );
                }
            }
            if let Some(m) = c.m49
                && m > 999
            {
                ctx.error(
                    &[Field("m49")],
                    format!("`{m}` is not a UN M49 code: at most three digits"),
                );
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
                if !ctx.date(&post.as_of, &[Field("posts"), Index(n), Field("as_of")]) {
                    fixes.push((i, Fix::PostDate(n, "as_of")));
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
