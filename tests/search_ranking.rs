//! The search index ranks exactly as the straightforward algorithm it replaced: every
//! field lower-cased and scored through every tier, every hit sorted. That algorithm is
//! kept here as the reference, and both are run on the built-in dataset and on generated
//! data, for typed prefixes, words, initials, typos, Chinese and kind filters.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use liaison::dataset::{DataChoice, Dataset};
use liaison::model::{Entity, Kind};
use liaison::network::Network;
use liaison::search::{Field, Hit, Query, Tier};

/// An entity as the reference sees it: kind, lower-case name, lower-case fields.
type Item = (Kind, String, Vec<(Field, String)>);

/// The reference: the ranking as first written, slow and plain.
struct Reference {
    items: Vec<Item>,
}

impl Reference {
    fn build(ds: &Dataset) -> Reference {
        let items = (0..ds.len())
            .map(|i| {
                let e = ds.entity(i);
                let mut fields = Vec::new();
                let mut push = |f: Field, s: &str| {
                    if !s.is_empty() {
                        fields.push((f, s.to_lowercase()));
                    }
                };
                let name = ds.display_name(i);
                push(Field::Name, &name);
                if let Some(n) = e.native_name() {
                    push(Field::NativeName, n);
                }
                for a in e.aliases() {
                    push(Field::Alias, a);
                }
                push(Field::Id, e.id());
                match e {
                    Entity::Organization(o) => {
                        if let Some(c) = o.city.as_deref().and_then(|c| ds.get(c)) {
                            push(Field::City, c.name());
                        }
                        if let Some(a) = &o.contact.address {
                            push(Field::Address, a);
                        }
                    }
                    Entity::City(c) => push(Field::City, ds.country_name(&c.country)),
                    _ => {}
                }
                (e.kind(), name.to_lowercase(), fields)
            })
            .collect();
        Reference { items }
    }

    fn search(&self, query: &Query) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (i, (kind, _, fields)) in self.items.iter().enumerate() {
            if query.kind.is_some_and(|k| k != *kind) {
                continue;
            }
            if query.text.is_empty() {
                hits.push(Hit {
                    entity: i as u32,
                    tier: Tier::Exact,
                    field: Field::Name,
                    field_index: 0,
                    score: 0,
                });
                continue;
            }
            let mut best: Option<Hit> = None;
            for (fi, (field, lower)) in fields.iter().enumerate() {
                let Some((tier, quality)) = self.match_field(lower, &query.text) else {
                    continue;
                };
                let primary = matches!(
                    field,
                    Field::Name | Field::NativeName | Field::Alias | Field::Id
                );
                let tier_rank = if primary {
                    tier as i64 * 2 + 1
                } else {
                    (tier as i64 * 2).min(Tier::Substring as i64 * 2)
                };
                let score = tier_rank * 1_000_000 + quality.clamp(0, 999_999);
                if best.as_ref().is_none_or(|b| score > b.score) {
                    best = Some(Hit {
                        entity: i as u32,
                        tier,
                        field: *field,
                        field_index: fi as u16,
                        score,
                    });
                }
            }
            hits.extend(best);
        }
        hits.sort_by(|a, b| {
            let (ia, ib) = (
                &self.items[a.entity as usize],
                &self.items[b.entity as usize],
            );
            b.score
                .cmp(&a.score)
                .then_with(|| ia.0.cmp(&ib.0))
                .then_with(|| ia.1.cmp(&ib.1))
                .then_with(|| a.entity.cmp(&b.entity))
        });
        hits
    }

    fn match_field(&self, text: &str, q: &str) -> Option<(Tier, i64)> {
        let closer = |chars: usize| 999_999 - (chars as i64).min(999_999);
        if text == q {
            return Some((Tier::Exact, 0));
        }
        if text.starts_with(q) {
            return Some((Tier::Prefix, closer(text.chars().count())));
        }
        if word_starts(text, q) {
            return Some((Tier::WordStart, closer(text.chars().count())));
        }
        if let Some(at) = text.find(q) {
            return Some((Tier::Substring, closer(text[..at].chars().count())));
        }
        // A new matcher each time: fuzzy-matcher's reused matrix is not cleared between
        // calls, so its scores would depend on what was scored before.
        let (score, idx) = SkimMatcherV2::default().fuzzy_indices(text, q)?;
        plausible(text, &idx, q.chars().count()).then_some((Tier::Fuzzy, score))
    }
}

fn word_starts(text: &str, q: &str) -> bool {
    let mut starts = Vec::new();
    let mut prev_alnum = false;
    for (bi, c) in text.char_indices() {
        let alnum = c.is_alphanumeric();
        if alnum && !prev_alnum {
            starts.push(bi);
        }
        prev_alnum = alnum;
    }
    let words: Vec<&str> = q.split_whitespace().collect();
    if words.is_empty() {
        return false;
    }
    let mut used = vec![false; starts.len()];
    for w in words {
        let Some(k) = (0..starts.len()).find(|&k| !used[k] && text[starts[k]..].starts_with(w))
        else {
            return false;
        };
        used[k] = true;
    }
    true
}

fn plausible(text: &str, positions: &[usize], qlen: usize) -> bool {
    let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else {
        return false;
    };
    if last - first < qlen * 2 + 2 {
        return true;
    }
    let chars: Vec<char> = text.chars().collect();
    let word_start = |i: usize| i == 0 || !chars[i - 1].is_alphanumeric();
    positions
        .iter()
        .enumerate()
        .all(|(k, &p)| word_start(p) || (k > 0 && positions[k - 1] + 1 == p))
}

/// A few hundred queries of every sort, the same every run.
fn queries(ds: &Dataset) -> Vec<String> {
    let mut out: Vec<String> = [
        "s",
        "sh",
        "sha",
        "shan",
        "shang",
        "shangh",
        "shangha",
        "shanghai",
        "soea",
        "kscc",
        "kenya chamber",
        "chamber kenya",
        "ke ch",
        "shanghai overseas",
        "上海",
        "上海市海外",
        "港",
        "org: shanghai",
        "city: sh",
        "person: wang",
        "tie: shanghai",
        "event: 2019",
        "agreement:",
        "port",
        "espoo",
        "esbo",
        "helsnki",
        "assoc",
        "a",
        "x",
        "zz",
        "ö",
        "-",
        "new york",
        "overseas chinese",
        "o c",
        "123",
        "room 1103",
        "yananxilu",
        "finland",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut seed = 0x5eed_u64;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % n.max(1)
    };
    let letters: Vec<char> = "abcdefghijklmnoprstuvwyz ".chars().collect();
    for _ in 0..40 {
        let len = 1 + next(4);
        out.push((0..len).map(|_| letters[next(letters.len())]).collect());
    }
    // Typed a character at a time, as the browser searches (each extends the last).
    for _ in 0..5 {
        let name: Vec<char> = ds
            .display_name(next(ds.len()))
            .to_lowercase()
            .chars()
            .collect();
        for k in 1..=name.len().min(12) {
            out.push(name[..k].iter().collect());
        }
    }
    for _ in 0..40 {
        let e = next(ds.len());
        let name: Vec<char> = ds.display_name(e).to_lowercase().chars().collect();
        let from = next(name.len());
        let to = (from + 1 + next(8)).min(name.len());
        let mut q: String = name[from..to].iter().collect();
        if next(4) == 0 && q.len() > 2 {
            // A typo: one character dropped.
            let mut chars: Vec<char> = q.chars().collect();
            chars.remove(next(chars.len()));
            q = chars.into_iter().collect();
        }
        out.push(q);
    }
    out
}

fn check(net: &Network) {
    let reference = Reference::build(&net.data);
    for text in queries(&net.data) {
        let query = Query::parse(&text);
        let want = reference.search(&query);
        let got = net.index.search(&query, usize::MAX);
        if got != want {
            let at = (0..got.len().max(want.len()))
                .find(|&k| got.get(k) != want.get(k))
                .unwrap_or(0);
            let show = |h: Option<&Hit>| {
                h.map(|h| format!("{h:?} {:?}", net.data.display_name(h.entity as usize)))
            };
            panic!(
                "query {text:?}: {} hits, {} expected; first difference at {at}:\n got  {:?}\n want {:?}",
                got.len(),
                want.len(),
                show(got.get(at)),
                show(want.get(at))
            );
        }
        assert_eq!(
            net.index.search(&query, 7),
            want[..want.len().min(7)],
            "query {text:?}"
        );
        let ranked = net.index.rank(&query, Some(Kind::Person), 5);
        let people: Vec<&Hit> = want
            .iter()
            .filter(|h| net.data.entity(h.entity as usize).kind() == Kind::Person)
            .collect();
        assert_eq!(ranked.of_kind(Kind::Person), people.len(), "query {text:?}");
        assert_eq!(ranked.total(), want.len(), "query {text:?}");
        let firsts: Vec<&Hit> = ranked.hits.iter().collect();
        assert_eq!(firsts, people[..people.len().min(5)], "query {text:?}");
    }
}

#[test]
fn ranking_is_unchanged_on_the_built_in_dataset() {
    check(&Network::load(&DataChoice::Builtin));
}

#[test]
fn ranking_is_unchanged_on_generated_data() {
    let dir = tempfile::tempdir().unwrap();
    liaison_gen::write_dataset(dir.path(), 800, 3).unwrap();
    check(&Network::load(&DataChoice::Paths(vec![
        dir.path().to_path_buf(),
    ])));
}
