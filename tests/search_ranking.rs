//! The search index ranks exactly as scoring every entity on its own would: the fast
//! paths (character masks, narrowing as a word is typed, the typo dictionary, the partial
//! selection of the best hits, two threads) change nothing but speed. Each query is run
//! through the index and compared with [`SearchIndex::score_of`] on every entity, sorted by
//! [`SearchIndex::compare`], on the built-in dataset and on generated data: typed prefixes,
//! words, initials, typos, pinyin, Chinese, phone numbers, filters and kinds.

use liaison::dataset::{DataChoice, Dataset};
use liaison::model::Kind;
use liaison::network::Network;
use liaison::search::{Hit, Query, SearchIndex};

/// The reference: every entity scored on its own, all hits sorted.
fn reference(index: &SearchIndex, n: usize, query: &Query) -> Vec<Hit> {
    let mut hits: Vec<Hit> = (0..n).filter_map(|e| index.score_of(e, query)).collect();
    hits.sort_by(|a, b| index.compare(a, b));
    hits
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
        "shangai",
        "sichaun",
        "kuopoi",
        "yokohoma",
        "buenos aries",
        "gothenberg",
        "vladivostock",
        "shhw",
        "shanghaihaiwai",
        "上海haiwai",
        "chongqing",
        "qiaoban",
        "62496566",
        "+86 21 6249 6566",
        "montréal",
        "yan'an",
        "country:finland",
        "country:finland org:",
        "tie: since:2010",
        "year:2019",
        "until:2000 shanghai",
        "level:official",
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
    for text in queries(&net.data) {
        let query = Query::parse(&text);
        let want = reference(&net.index, net.data.len(), &query);
        if query.text.is_empty() {
            // Filters alone list ties by date: compare what is listed, not the order.
            let mut got: Vec<u32> = net
                .index
                .search(&query, usize::MAX)
                .iter()
                .map(|h| h.entity)
                .collect();
            let mut want: Vec<u32> = want.iter().map(|h| h.entity).collect();
            got.sort_unstable();
            want.sort_unstable();
            assert_eq!(got, want, "query {text:?}");
            continue;
        }
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
fn index_ranks_as_scoring_each_entity_on_the_built_in_dataset() {
    check(&Network::load(&DataChoice::Builtin));
}

#[test]
fn index_ranks_as_scoring_each_entity_on_generated_data() {
    let dir = tempfile::tempdir().unwrap();
    liaison_gen::write_dataset(dir.path(), 800, 3).unwrap();
    check(&Network::load(&DataChoice::Paths(vec![
        dir.path().to_path_buf(),
    ])));
}
