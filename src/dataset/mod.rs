//! The loaded, checked dataset: where data comes from, reading it, and every problem found.
//!
//! Data flows one way: files ([`source`]) → entries parsed one by one ([`load`]) →
//! checks and the id index ([`validate`]) → [`Dataset`]. The dataset owns the entities and
//! the id index; links live in [`crate::graph`] and ranking in [`crate::search`]. Nothing
//! here ever writes to a data file.

mod fast;
mod ids;
pub mod limits;
pub mod load;
pub mod problem;
pub mod source;
pub mod syntax;
mod validate;

pub use problem::{Location, Problem, Severity};
pub use source::{DataChoice, builtin_files};

use crate::model::{Country, Entity, Kind, Organization};

/// Where an entity was defined: file index, line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// Index into [`Dataset::files`].
    pub file: u32,
    /// Line, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub col: u32,
}

/// Every entity that loaded, indexed by id, with the problems found on the way.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// What was loaded, for the header: "built-in dataset" or the paths.
    pub label: String,
    /// The files read, as shown in locations.
    pub files: Vec<String>,
    entities: Vec<Entity>,
    origins: Vec<Origin>,
    index: ids::IdIndex,
    /// Every problem, in file order.
    pub problems: Vec<Problem>,
}

impl Dataset {
    /// Reads and checks the data chosen by `choice`, within the limits of
    /// [`limits::Limits::from_env`].
    pub fn load(choice: &DataChoice) -> Dataset {
        Dataset::load_with(choice, &limits::Limits::from_env())
    }

    /// Reads and checks the data chosen by `choice` within `limits`.
    pub fn load_with(choice: &DataChoice, limits: &limits::Limits) -> Dataset {
        let progress = crate::progress::Progress::new();
        let ds = Dataset::load_reporting(choice, limits, &progress);
        progress.finish(ds.len());
        ds
    }

    /// [`Dataset::load_with`], saying what it does on `progress` when the data is large.
    pub fn load_reporting(
        choice: &DataChoice,
        limits: &limits::Limits,
        progress: &crate::progress::Progress,
    ) -> Dataset {
        let (label, files, problems) = source::read(choice, limits);
        progress.begin(files.iter().map(|f| f.text.len() as u64).sum());
        Dataset::from_files(label, files, problems, limits.entities, progress)
    }

    /// Builds a dataset from files already read (`(path shown, bytes)`), e.g. in tests.
    pub fn from_texts(label: &str, files: Vec<(String, Vec<u8>)>) -> Dataset {
        let mut problems = Vec::new();
        let files = files
            .into_iter()
            .map(|(path, bytes)| load::decode(&path, bytes, &mut problems))
            .collect();
        let progress = crate::progress::Progress::new();
        Dataset::from_files(
            label.to_string(),
            files,
            problems,
            limits::MAX_ENTITIES,
            &progress,
        )
    }

    fn from_files(
        label: String,
        files: Vec<load::FileText>,
        mut problems: Vec<Problem>,
        max_entities: usize,
        progress: &crate::progress::Progress,
    ) -> Dataset {
        let mut files = files;
        let count = files.len();
        // Files are cut into entries side by side (big data only: threads cost more than
        // they save on a few small files), then read in order.
        let bytes: usize = files.iter().map(|f| f.text.len()).sum();
        let min = if bytes >= 1 << 20 { 2 } else { usize::MAX };
        let mut splits = crate::par::in_parallel(count, min, |r| {
            files[r].iter().map(load::split).collect::<Vec<_>>()
        })
        .into_iter()
        .flatten();
        let mut parsed = Vec::new();
        let mut room = max_entities;
        for (i, file) in files.iter_mut().enumerate() {
            progress.stage(&format!(
                "reading {} ({} of {count}), {} entities so far",
                file.path,
                i + 1,
                parsed.len()
            ));
            let Some(split) = splits.next() else { break };
            let read =
                load::parse_split_within(file, split, &mut room, max_entities, &mut problems);
            // Its entities are read: the text is needed again only to locate a problem.
            file.release();
            // Exactly the room needed: at a million entities, doubling would leave
            // hundreds of megabytes unused.
            parsed.reserve_exact(read.len());
            parsed.extend(read.into_iter().map(|p| (i, p)));
        }
        progress.stage(&format!("checking {} entities", parsed.len()));
        validate::build(label, &files, parsed, problems)
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether no entity loaded.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// All entities, in load order; an entity's position is its index everywhere.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity at an index.
    pub fn entity(&self, i: usize) -> &Entity {
        &self.entities[i]
    }

    /// The index of the entity with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).map(|i| i as usize)
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.index_of(id).map(|i| &self.entities[i])
    }

    /// Where the entity at `i` is defined.
    pub fn origin(&self, i: usize) -> Location {
        let o = self.origins[i];
        Location {
            path: self.files.get(o.file as usize).cloned().unwrap_or_default(),
            line: o.line as usize,
            col: o.col as usize,
        }
    }

    /// How many entities of a kind loaded.
    pub fn count(&self, kind: Kind) -> usize {
        self.entities.iter().filter(|e| e.kind() == kind).count()
    }

    /// Number of problems of a severity.
    pub fn problem_count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }

    /// The country with this id.
    pub fn country(&self, id: &str) -> Option<&Country> {
        match self.get(id) {
            Some(Entity::Country(c)) => Some(c),
            _ => None,
        }
    }

    /// The name of the country a city's `country` field names: the country's name when it
    /// is a country id, else the value itself (data without country entities).
    pub fn country_name<'a>(&'a self, value: &'a str) -> &'a str {
        self.country(value).map_or(value, |c| c.name.as_str())
    }

    /// The `country` value an organization is located in: its city's (walking up `part_of`
    /// to a place that names one), else its own `country` field. A country id, or a name in
    /// data without country entities.
    pub fn org_country<'a>(&'a self, o: &'a Organization) -> Option<&'a str> {
        let mut at = o.city.as_deref();
        for _ in 0..16 {
            let Some(Entity::City(c)) = at.and_then(|id| self.get(id)) else {
                break;
            };
            if !c.country.trim().is_empty() {
                return Some(&c.country);
            }
            at = c.part_of.as_deref();
        }
        o.country.as_deref().filter(|c| !c.trim().is_empty())
    }

    /// A name for display: a tie is named after its two cities ("Shanghai – Espoo").
    pub fn display_name(&self, i: usize) -> String {
        match &self.entities[i] {
            Entity::SisterCity(t) => {
                let name = |id: &str| self.get(id).map_or(id, |e| e.name()).to_string();
                format!("{} – {}", name(&t.cities.0), name(&t.cities.1))
            }
            e => e.name().to_string(),
        }
    }

    /// A short secondary text: city and country for places and organizations, a date for
    /// agreements, events and ties, the first post for people.
    pub fn secondary(&self, i: usize) -> String {
        let city_text = |id: &str| match self.get(id) {
            Some(Entity::City(c)) => format!("{}, {}", c.name, self.country_name(&c.country)),
            _ => id.to_string(),
        };
        match &self.entities[i] {
            Entity::Organization(o) => match (&o.city, self.org_country(o)) {
                (Some(city), _) => city_text(city),
                (None, Some(country)) => self.country_name(country).to_string(),
                (None, None) => String::new(),
            },
            Entity::City(c) => match &c.kind {
                Some(k) if k != "city" => format!("{}, {}", k, self.country_name(&c.country)),
                _ => self.country_name(&c.country).to_string(),
            },
            Entity::Country(c) => c.region_text(),
            Entity::Person(p) => p
                .posts
                .first()
                .map(|post| {
                    let org = self
                        .get(&post.organization)
                        .map_or(post.organization.as_str(), |e| {
                            e.aliases().first().map_or(e.name(), |a| a.as_str())
                        });
                    format!("{}, {}", post.title, org)
                })
                .unwrap_or_default(),
            e => {
                let date = e.date().map(|d| d.to_string());
                let (level, status) = match e {
                    Entity::SisterCity(t) => (
                        (t.level != crate::model::Level::Official)
                            .then(|| t.level.phrase().to_string()),
                        (t.status != crate::model::TieStatus::Active)
                            .then(|| t.status.as_str().to_string()),
                    ),
                    _ => (None, None),
                };
                [level, date, status]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        }
    }
}
