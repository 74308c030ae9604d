//! The link graph: every reference in the data as a typed link, followable both ways.
//!
//! Entities are dense indices into the [`Dataset`]; each has a list of [`Link`]s sorted by
//! relation group and target name, so "everything linked to X, grouped" is a slice walk and
//! the shortest path is a breadth-first search over integers. The graph is built once per
//! load and never changes.
//!
//! It also answers where an entity is: [`countries_of`] gives the countries any entity is
//! located in (the search filters `country:` and `region:` stand on it).

use crate::dataset::Dataset;
use crate::model::{Entity, Kind, Level};
use std::collections::VecDeque;

/// What a link means, stated from its source side (see [`Link::label`] for both sides).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Organization → its parent body.
    ParentBody,
    /// Organization → the city it is in (or its country, when no city is known).
    LocatedIn,
    /// City → the city or region it is part of (read back: its districts).
    PartOf,
    /// City → its country (read back: the country's cities).
    InCountry,
    /// City ↔ city, through an official sister-city tie ([`Level::Official`]).
    SisterCity,
    /// City ↔ city, through a friendly-exchange tie ([`Level::FriendlyExchange`]).
    FriendlyExchange,
    /// City ↔ city, through a memorandum or letter of intent ([`Level::Memorandum`]).
    Memorandum,
    /// City ↔ city, through a proposed tie ([`Level::Proposed`]).
    ProposedTie,
    /// Sister-city tie → the agreement it rests on.
    RestsOn,
    /// Sister-city tie → one of its two cities.
    TieCity,
    /// Person → organization where they hold a post.
    HoldsPost,
    /// Person → organization where they held a post that has ended.
    HeldPost,
    /// Agreement → one of its parties.
    Party,
    /// Agreement → a person who signed it.
    SignedBy,
    /// Agreement → the city where it was signed.
    SignedIn,
    /// Event → an organizer.
    Organizer,
    /// Event → a participant.
    Participant,
    /// Event → the city where it took place.
    Place,
}

/// Which way a link is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// From the entity that holds the reference.
    Forward,
    /// From the entity referred to (a backlink).
    Backward,
}

/// One link from an entity to another.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// What it means.
    pub relation: Relation,
    /// Which way it is read.
    pub dir: Direction,
    /// The entity at the other end.
    pub target: u32,
    /// A short qualifier: a post's title, a tie's year.
    pub detail: Option<Box<str>>,
}

impl Link {
    /// The heading this link is listed under, from the side of the entity that has it.
    pub fn label(&self) -> &'static str {
        label(self.relation, self.dir)
    }

    /// The relation in a few words for a path step (`sister city`, `located here`).
    pub fn phrase(&self) -> String {
        use Direction::{Backward as B, Forward as F};
        use Relation::*;
        match (self.relation, self.dir) {
            (ParentBody, F) => "parent body",
            (ParentBody, B) => "member body",
            (LocatedIn, F) => "located in",
            (LocatedIn, B) => "located here",
            (PartOf, F) => "part of",
            (PartOf, B) => "has the district",
            (InCountry, F) => "in the country",
            (InCountry, B) => "has the city",
            (SisterCity, _) => "sister city",
            (FriendlyExchange, _) => "friendly-exchange city",
            (Memorandum, _) => "memorandum or letter of intent with",
            (ProposedTie, _) => "proposed tie with",
            (RestsOn, F) => "rests on the agreement",
            (RestsOn, B) => "underlies the tie",
            (TieCity, F) => "city of the tie",
            (TieCity, B) => "sister-city tie",
            (HoldsPost, F) => "holds a post in",
            (HoldsPost, B) => "post held by",
            (HeldPost, F) => "formerly held a post in",
            (HeldPost, B) => "post formerly held by",
            (Party, F) => "party",
            (Party, B) => "signed",
            (SignedBy, F) => "signed by",
            (SignedBy, B) => "signed",
            (SignedIn, F) => "signed in",
            (SignedIn, B) => "agreement signed here",
            (Organizer, F) => "organized by",
            (Organizer, B) => "organized",
            (Participant, F) => "participant",
            (Participant, B) => "took part in",
            (Place, F) => "took place in",
            (Place, B) => "event here",
        }
        .to_string()
    }
}

/// The heading for a relation read one way.
pub fn label(relation: Relation, dir: Direction) -> &'static str {
    use Direction::{Backward as B, Forward as F};
    use Relation::*;
    match (relation, dir) {
        (ParentBody, F) => "Parent body",
        (ParentBody, B) => "Member bodies",
        (LocatedIn, F) => "Located in",
        (LocatedIn, B) => "Located here",
        (PartOf, F) => "Part of",
        (PartOf, B) => "Districts",
        (InCountry, F) => "Country",
        (InCountry, B) => "Cities",
        (SisterCity, _) => "Sister cities",
        (FriendlyExchange, _) => "Friendly exchange",
        (Memorandum, _) => "Memoranda and letters of intent",
        (ProposedTie, _) => "Proposed",
        (RestsOn, F) => "Agreement",
        (RestsOn, B) => "Ties resting on it",
        (TieCity, F) => "Cities",
        (TieCity, B) => "Sister-city ties",
        (HoldsPost, F) => "Posts held",
        (HoldsPost, B) => "People",
        (HeldPost, F) => "Former posts",
        (HeldPost, B) => "Former post holders",
        (Party, F) => "Parties",
        (Party, B) => "Signed",
        (SignedBy, F) => "Signed by",
        (SignedBy, B) => "Signed",
        (SignedIn, F) => "Signed in",
        (SignedIn, B) => "Agreements signed here",
        (Organizer, F) => "Organizers",
        (Organizer, B) => "Organized",
        (Participant, F) => "Participants",
        (Participant, B) => "Took part in",
        (Place, F) => "Took place in",
        (Place, B) => "Events here",
    }
}

/// Links of one entity that share a heading.
#[derive(Debug)]
pub struct LinkGroup<'a> {
    /// The heading, e.g. "Sister cities".
    pub label: &'static str,
    /// The links, sorted by target name.
    pub links: &'a [Link],
}

/// Typed links between entities, in both directions.
///
/// Stored flat: the links of entity `i` are `links[start[i]..start[i + 1]]`, one array for
/// the whole graph (no list per entity), so building and walking it touch little memory.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    links: Vec<Link>,
    start: Vec<u32>,
}

/// Links found in a dataset's references, not yet in order (see [`Graph::find_links`]).
#[derive(Debug, Default)]
pub struct FoundLinks(Vec<(u32, Link)>);

/// One step of a path: from an entity, along a link.
#[derive(Debug, Clone, PartialEq)]
pub struct PathStep {
    /// Where the step starts.
    pub from: u32,
    /// The link taken.
    pub link: Link,
}

impl Graph {
    /// Builds the links of a dataset. References to unknown ids or to the wrong kind were
    /// reported by validation and are left out here.
    pub fn build(ds: &Dataset) -> Graph {
        let names: Vec<String> = (0..ds.len())
            .map(|i| ds.display_name(i).to_lowercase())
            .collect();
        let mut order: Vec<u32> = (0..ds.len() as u32).collect();
        order.sort_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
        let mut rank = vec![0u32; ds.len()];
        let mut r = 0;
        for (k, &e) in order.iter().enumerate() {
            if k > 0 && names[e as usize] != names[order[k - 1] as usize] {
                r += 1;
            }
            rank[e as usize] = r;
        }
        Graph::build_ranked(ds, &rank)
    }

    /// [`Graph::build`], given the rank of every entity's lower-case display name (equal
    /// names, equal ranks), which orders the links under each heading: the search index has
    /// them already ([`crate::search::SearchIndex::name_ranks`]).
    pub fn build_ranked(ds: &Dataset, name_rank: &[u32]) -> Graph {
        Graph::assemble(ds.len(), Graph::find_links(ds), name_rank)
    }

    /// The first half of [`Graph::build_ranked`], which needs no names: every link, with
    /// the entity it belongs to, in the order found. It can run while the names are ranked.
    pub fn find_links(ds: &Dataset) -> FoundLinks {
        // In parallel by ranges of entities, joined in order.
        let kinds: Vec<Kind> = ds.entities().iter().map(Entity::kind).collect();
        let parts = crate::par::in_parallel(ds.len(), 20_000, |r| walk(ds, &kinds, r));
        FoundLinks(if parts.len() == 1 {
            parts.into_iter().next().unwrap_or_default()
        } else {
            parts.into_iter().flatten().collect()
        })
    }

    /// The second half of [`Graph::build_ranked`]: the links found for `n` entities, put
    /// in order.
    pub fn assemble(n: usize, found: FoundLinks, name_rank: &[u32]) -> Graph {
        let found = found.0;
        // Each entity's links together, in the order found (a stable counting sort, moving
        // each link once into its place)...
        let mut start = vec![0u32; n + 1];
        for (from, _) in &found {
            start[*from as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut next: Vec<u32> = start[..n].to_vec();
        let placeholder = Link {
            relation: Relation::ParentBody,
            dir: Direction::Forward,
            target: 0,
            detail: None,
        };
        let mut links: Vec<Link> = vec![placeholder; found.len()];
        for (from, link) in found {
            let at = &mut next[from as usize];
            links[*at as usize] = link;
            *at += 1;
        }
        // ...then sorted by heading and target name (stable: equal ones keep that order),
        // without repeats, moved down over the repeats removed.
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0u32);
        let mut kept = 0;
        for i in 0..n {
            let (from, to) = (start[i] as usize, start[i + 1] as usize);
            links[from..to].sort_by_key(|l| (group_rank(l), name_rank[l.target as usize]));
            let first = kept;
            for k in from..to {
                let dup = kept > first && {
                    let (a, b) = (&links[k], &links[kept - 1]);
                    a.target == b.target && a.label() == b.label() && a.detail == b.detail
                };
                if !dup {
                    links.swap(kept, k);
                    kept += 1;
                }
            }
            starts.push(kept as u32);
        }
        links.truncate(kept);
        links.shrink_to_fit();
        Graph {
            links,
            start: starts,
        }
    }

    /// A graph from the links of each entity, as given.
    pub fn from_lists(lists: Vec<Vec<Link>>) -> Graph {
        let mut start = vec![0u32];
        let mut links = Vec::new();
        for list in lists {
            links.extend(list);
            start.push(links.len() as u32);
        }
        Graph { links, start }
    }

    /// Number of entities.
    fn len(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    /// Every link of an entity, grouped under headings, in a stable order.
    pub fn links(&self, i: usize) -> &[Link] {
        if i >= self.len() {
            return &[];
        }
        &self.links[self.start[i] as usize..self.start[i + 1] as usize]
    }

    /// The links of an entity grouped under their headings.
    pub fn grouped(&self, i: usize) -> Vec<LinkGroup<'_>> {
        let links = self.links(i);
        let mut groups = Vec::new();
        let mut start = 0;
        while start < links.len() {
            let label = links[start].label();
            let mut end = start + 1;
            while end < links.len() && links[end].label() == label {
                end += 1;
            }
            groups.push(LinkGroup {
                label,
                links: &links[start..end],
            });
            start = end;
        }
        groups
    }

    /// The shortest chain of links from `a` to `b` (breadth-first, links read both ways).
    pub fn shortest_path(&self, a: usize, b: usize) -> Option<Vec<PathStep>> {
        self.shortest_path_avoiding(a, b, &[], &[])
    }

    /// Shortest path that uses none of the `banned_nodes` (other than `a`) and none of the
    /// `banned_edges` (pairs of endpoints, either way).
    pub fn shortest_path_avoiding(
        &self,
        a: usize,
        b: usize,
        banned_nodes: &[u32],
        banned_edges: &[(u32, u32)],
    ) -> Option<Vec<PathStep>> {
        let n = self.len();
        if a >= n || b >= n {
            return None;
        }
        if a == b {
            return Some(Vec::new());
        }
        let mut prev: Vec<Option<(u32, u32)>> = vec![None; n];
        let mut seen = vec![false; n];
        for &x in banned_nodes {
            if let Some(s) = seen.get_mut(x as usize) {
                *s = true;
            }
        }
        seen[a] = true;
        let mut queue = VecDeque::from([a as u32]);
        while let Some(x) = queue.pop_front() {
            for (li, link) in self.links(x as usize).iter().enumerate() {
                let t = link.target as usize;
                if seen[t]
                    || banned_edges
                        .iter()
                        .any(|&(p, q)| (p, q) == (x, link.target) || (q, p) == (x, link.target))
                {
                    continue;
                }
                seen[t] = true;
                prev[t] = Some((x, li as u32));
                if t == b {
                    let mut steps = Vec::new();
                    let mut cur = b;
                    while let Some((from, li)) = prev[cur] {
                        steps.push(PathStep {
                            from,
                            link: self.links(from as usize)[li as usize].clone(),
                        });
                        cur = from as usize;
                    }
                    steps.reverse();
                    return Some(steps);
                }
                queue.push_back(t as u32);
            }
        }
        None
    }
}

/// The links found in the references of entities `range`, each with the entity it belongs
/// to, in the order found.
fn walk(ds: &Dataset, kinds: &[Kind], range: std::ops::Range<usize>) -> Vec<(u32, Link)> {
    let mut found: Vec<(u32, Link)> = Vec::with_capacity(range.len() * 6);
    let mut add =
        |from: usize, to: Option<usize>, rel: Relation, detail: Option<String>, both: bool| {
            let Some(to) = to else { return };
            if from == to {
                return;
            }
            let detail: Option<Box<str>> = detail.map(Into::into);
            found.push((
                from as u32,
                Link {
                    relation: rel,
                    dir: Direction::Forward,
                    target: to as u32,
                    detail: detail.clone(),
                },
            ));
            if both {
                found.push((
                    to as u32,
                    Link {
                        relation: rel,
                        dir: Direction::Backward,
                        target: from as u32,
                        detail,
                    },
                ));
            }
        };
    let of_kind = |id: &str, ok: &dyn Fn(Kind) -> bool| ds.index_of(id).filter(|&j| ok(kinds[j]));
    let is_org = |k: Kind| k == Kind::Organization;
    let is_city = |k: Kind| k == Kind::City;
    let is_person = |k: Kind| k == Kind::Person;
    let is_party = |k: Kind| matches!(k, Kind::Organization | Kind::City);
    let is_participant = |k: Kind| matches!(k, Kind::Organization | Kind::City | Kind::Person);
    for (i, e) in ds
        .entities()
        .iter()
        .enumerate()
        .take(range.end)
        .skip(range.start)
    {
        match e {
            Entity::Organization(o) => {
                if let Some(p) = &o.parent {
                    add(i, of_kind(p, &is_org), Relation::ParentBody, None, true);
                }
                if let Some(c) = &o.city {
                    add(i, of_kind(c, &is_city), Relation::LocatedIn, None, true);
                } else if let Some(c) = &o.country {
                    let is_country = |k: Kind| k == Kind::Country;
                    add(i, of_kind(c, &is_country), Relation::LocatedIn, None, true);
                }
            }
            Entity::SisterCity(t) => {
                let a = of_kind(&t.cities.0, &is_city);
                let b = of_kind(&t.cities.1, &is_city);
                let mut detail: Vec<String> = t.established.iter().map(|d| d.to_string()).collect();
                if t.status != crate::model::TieStatus::Active {
                    detail.push(t.status.as_str().to_string());
                }
                let detail = Some(detail.join(", ")).filter(|d| !d.is_empty());
                add(i, a, Relation::TieCity, None, false);
                add(i, b, Relation::TieCity, None, false);
                if let Some(ag) = &t.agreement {
                    let ag = of_kind(ag, &|k| k == Kind::Agreement);
                    add(i, ag, Relation::RestsOn, None, true);
                }
                if let (Some(a), Some(_)) = (a, b) {
                    add(a, b, tie_relation(t.level), detail, true);
                }
            }
            Entity::Person(p) => {
                for post in &p.posts {
                    let mut d = post.title.clone();
                    let years = post.years();
                    if !years.is_empty() {
                        d.push_str(&format!(" ({years})"));
                    }
                    let rel = if post.is_former() {
                        Relation::HeldPost
                    } else {
                        Relation::HoldsPost
                    };
                    add(i, of_kind(&post.organization, &is_org), rel, Some(d), true);
                }
            }
            Entity::Agreement(a) => {
                for p in &a.parties {
                    add(i, of_kind(p, &is_party), Relation::Party, None, true);
                }
                for p in &a.signed_by {
                    add(i, of_kind(p, &is_person), Relation::SignedBy, None, true);
                }
                if let Some(c) = &a.place {
                    add(i, of_kind(c, &is_city), Relation::SignedIn, None, true);
                }
            }
            Entity::Event(ev) => {
                for p in &ev.organizers {
                    add(i, of_kind(p, &is_party), Relation::Organizer, None, true);
                }
                for p in &ev.participants {
                    add(
                        i,
                        of_kind(p, &is_participant),
                        Relation::Participant,
                        None,
                        true,
                    );
                }
                if let Some(c) = &ev.place {
                    add(i, of_kind(c, &is_city), Relation::Place, None, true);
                }
            }
            Entity::City(c) => {
                if let Some(up) = &c.part_of {
                    add(i, of_kind(up, &is_city), Relation::PartOf, None, true);
                }
                let country = of_kind(&c.country, &|k| k == Kind::Country);
                add(i, country, Relation::InCountry, None, true);
            }
            Entity::Country(_) => {}
        }
    }
    found
}

/// The city ↔ city relation of a tie at `level`.
pub fn tie_relation(level: Level) -> Relation {
    match level {
        Level::Official => Relation::SisterCity,
        Level::FriendlyExchange => Relation::FriendlyExchange,
        Level::Memorandum => Relation::Memorandum,
        Level::Proposed => Relation::ProposedTie,
    }
}

/// The countries an entity is located in, as indices of country entities, each once, in
/// the order found:
///
/// - a country: itself;
/// - a city: its country (if its `country` names none, that of the place it is part of);
/// - an organization: its city's, or its own `country` when it has no city;
/// - a sister-city tie: both cities' (a tie "in Finland" has a Finnish side);
/// - an agreement: its place's and its parties' (organizations through their city);
/// - an event: its place's, its organizers' and its participants' (people through posts);
/// - a person: the countries of the organizations where they hold or held a post.
///
/// A country's UN M49 region, sub-region and intermediate region are
/// [`crate::model::Country::regions`]. Unknown ids are skipped; `part_of` loops were
/// dropped by validation, and the walk up `part_of` stops after 16 steps anyway.
pub fn countries_of(ds: &Dataset, i: usize) -> Vec<u32> {
    let mut out = Vec::new();
    let mut push = |c: Option<usize>| {
        if let Some(c) = c
            && !out.contains(&(c as u32))
        {
            out.push(c as u32);
        }
    };
    let city_country = |id: &str| -> Option<usize> {
        let mut at = ds.index_of(id)?;
        for _ in 0..16 {
            let Entity::City(c) = ds.entity(at) else {
                return None;
            };
            if let Some(k) = ds.index_of(&c.country)
                && matches!(ds.entity(k), Entity::Country(_))
            {
                return Some(k);
            }
            at = ds.index_of(c.part_of.as_deref()?)?;
        }
        None
    };
    let org_country = |o: &crate::model::Organization| -> Option<usize> {
        match &o.city {
            Some(c) => city_country(c),
            None => {
                let k = ds.index_of(o.country.as_deref()?)?;
                matches!(ds.entity(k), Entity::Country(_)).then_some(k)
            }
        }
    };
    // An organization's, a city's or a country's own country.
    let place = |id: &str| -> Option<usize> {
        match ds.get(id)? {
            Entity::Organization(o) => org_country(o),
            Entity::City(_) => city_country(id),
            Entity::Country(_) => ds.index_of(id),
            _ => None,
        }
    };
    let person = |id: &str, push: &mut dyn FnMut(Option<usize>)| {
        if let Some(Entity::Person(p)) = ds.get(id) {
            for post in &p.posts {
                push(place(&post.organization));
            }
        }
    };
    match ds.entity(i) {
        Entity::Country(_) => push(Some(i)),
        Entity::City(c) => push(city_country(&c.id)),
        Entity::Organization(o) => push(org_country(o)),
        Entity::SisterCity(t) => {
            push(city_country(&t.cities.0));
            push(city_country(&t.cities.1));
        }
        Entity::Agreement(a) => {
            push(a.place.as_deref().and_then(city_country));
            for p in &a.parties {
                push(place(p));
            }
        }
        Entity::Event(ev) => {
            push(ev.place.as_deref().and_then(city_country));
            for p in ev.organizers.iter().chain(&ev.participants) {
                push(place(p));
                person(p, &mut push);
            }
        }
        Entity::Person(p) => person(&p.id, &mut push),
    }
    out
}

fn group_rank(l: &Link) -> (u8, Direction, Relation) {
    // Contacts people follow most come first: parent, location, sister cities (official
    // before looser ties), people (current before former). Relations sharing a heading
    // share a rank, so that their links stay together.
    let r = match l.relation {
        Relation::ParentBody => 0,
        Relation::LocatedIn | Relation::PartOf | Relation::InCountry => 1,
        Relation::SisterCity => 2,
        Relation::FriendlyExchange => 3,
        Relation::Memorandum => 4,
        Relation::ProposedTie => 5,
        Relation::TieCity => 6,
        Relation::RestsOn => 7,
        Relation::HoldsPost => 8,
        Relation::HeldPost => 9,
        Relation::Party | Relation::SignedBy => 10,
        Relation::SignedIn => 11,
        Relation::Organizer => 12,
        Relation::Participant => 13,
        Relation::Place => 14,
    };
    (r, l.dir, l.relation)
}

impl Graph {
    /// The entities a path visits, in order, starting with `start`.
    pub fn path_nodes(start: u32, path: &[PathStep]) -> Vec<u32> {
        let mut nodes = vec![start];
        nodes.extend(path.iter().map(|s| s.link.target));
        nodes
    }

    /// Up to `k` shortest chains from `a` to `b` that visit different entities, shortest
    /// first (Yen's algorithm over breadth-first searches; every chain is loop-free).
    pub fn k_shortest_paths(&self, a: usize, b: usize, k: usize) -> Vec<Vec<PathStep>> {
        let mut found: Vec<Vec<PathStep>> = Vec::new();
        let Some(first) = self.shortest_path(a, b) else {
            return found;
        };
        if first.is_empty() {
            return vec![first];
        }
        found.push(first);
        let mut candidates: Vec<Vec<PathStep>> = Vec::new();
        while found.len() < k {
            let last = found.last().cloned().unwrap_or_default();
            let last_nodes = Self::path_nodes(a as u32, &last);
            for i in 0..last.len() {
                let spur = last_nodes[i];
                let root_nodes = &last_nodes[..=i];
                // Ban the next edge of every known chain that shares this root.
                let mut banned_edges = Vec::new();
                for p in found.iter().chain(candidates.iter()) {
                    let nodes = Self::path_nodes(a as u32, p);
                    if nodes.len() > i + 1 && nodes[..=i] == *root_nodes {
                        banned_edges.push((nodes[i], nodes[i + 1]));
                    }
                }
                let banned_nodes = &root_nodes[..i];
                let Some(spur_path) =
                    self.shortest_path_avoiding(spur as usize, b, banned_nodes, &banned_edges)
                else {
                    continue;
                };
                let mut total: Vec<PathStep> = last[..i].to_vec();
                total.extend(spur_path);
                let nodes = Self::path_nodes(a as u32, &total);
                let known = found
                    .iter()
                    .chain(candidates.iter())
                    .any(|p| Self::path_nodes(a as u32, p) == nodes);
                if !known {
                    candidates.push(total);
                }
            }
            if candidates.is_empty() {
                break;
            }
            // The shortest candidate next; among equals, the one found first.
            let best = (0..candidates.len())
                .min_by_key(|&j| candidates[j].len())
                .unwrap_or(0);
            found.push(candidates.remove(best));
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A graph from undirected edges between numbered nodes.
    fn graph(n: usize, edges: &[(u32, u32)]) -> Graph {
        let mut adj = vec![Vec::new(); n];
        for &(a, b) in edges {
            let link = |t: u32, dir| Link {
                relation: Relation::SisterCity,
                dir,
                target: t,
                detail: None,
            };
            adj[a as usize].push(link(b, Direction::Forward));
            adj[b as usize].push(link(a, Direction::Backward));
        }
        Graph::from_lists(adj)
    }

    fn nodes(start: u32, paths: &[Vec<PathStep>]) -> Vec<Vec<u32>> {
        paths.iter().map(|p| Graph::path_nodes(start, p)).collect()
    }

    #[test]
    fn shortest_path_is_breadth_first() {
        // 0-1-2-3 and a shortcut 0-4-3.
        let g = graph(5, &[(0, 1), (1, 2), (2, 3), (0, 4), (4, 3)]);
        let p = g.shortest_path(0, 3).unwrap();
        assert_eq!(Graph::path_nodes(0, &p), [0, 4, 3]);
        assert_eq!(g.shortest_path(0, 0).unwrap().len(), 0);
    }

    #[test]
    fn no_path_between_separate_parts() {
        let g = graph(4, &[(0, 1), (2, 3)]);
        assert!(g.shortest_path(0, 3).is_none());
        assert!(g.k_shortest_paths(0, 3, 5).is_empty());
    }

    #[test]
    fn k_shortest_paths_come_shortest_first_without_loops() {
        //   0 - 1 - 5
        //   |   |   |
        //   2 - 3 - 4 ,  and 0 - 6 - 7 - 8 - 5
        let g = graph(
            9,
            &[
                (0, 1),
                (1, 5),
                (0, 2),
                (2, 3),
                (1, 3),
                (3, 4),
                (4, 5),
                (0, 6),
                (6, 7),
                (7, 8),
                (8, 5),
            ],
        );
        let paths = g.k_shortest_paths(0, 5, 5);
        let ns = nodes(0, &paths);
        assert_eq!(ns[0], [0, 1, 5]);
        assert_eq!(ns.len(), 5);
        let lens: Vec<usize> = ns.iter().map(Vec::len).collect();
        assert!(lens.windows(2).all(|w| w[0] <= w[1]), "{lens:?}");
        assert!(ns.contains(&vec![0, 1, 3, 4, 5]));
        assert!(ns.contains(&vec![0, 2, 3, 4, 5]));
        assert!(ns.contains(&vec![0, 6, 7, 8, 5]));
        for n in &ns {
            let mut sorted = n.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), n.len(), "no loops in {n:?}");
        }
        // All distinct.
        for (i, a) in ns.iter().enumerate() {
            assert!(!ns[i + 1..].contains(a));
        }
    }

    #[test]
    fn k_shortest_paths_stop_when_there_are_no_more() {
        let g = graph(3, &[(0, 1), (1, 2)]);
        assert_eq!(g.k_shortest_paths(0, 2, 5).len(), 1);
    }
}
