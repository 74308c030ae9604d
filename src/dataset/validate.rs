//! The checks that make the data trustworthy: unique ids, references that resolve to the
//! right kind, real dates, coordinates on the globe, sister-city ties that make sense.
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
    };
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
    }
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
    index: &'a IdIndex,
    kinds: &'a [Kind],
    ids: &'a [&'a str],
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
