//! What the shell shows for the searches the search issue names, through the real binary on
//! the built-in data: typos, pinyin, a phone number, accents, filters, a miss, a bad filter,
//! and `show` naming the other good matches.

mod common;

use common::cli::{Run, Test};

/// The columns of `search`'s output.
trait Columns {
    /// The ids printed, in order.
    fn ids(&self) -> Vec<&str>;
    /// The kinds printed, in order.
    fn kinds(&self) -> Vec<&str>;
}

impl Columns for Run {
    fn ids(&self) -> Vec<&str> {
        self.stdout
            .lines()
            .filter_map(|l| l.split('\t').next())
            .collect()
    }

    fn kinds(&self) -> Vec<&str> {
        self.stdout
            .lines()
            .filter_map(|l| l.split('\t').nth(1))
            .collect()
    }
}

fn liaison(args: &[&str]) -> Run {
    Test::new().args(args).run()
}

fn first(query: &str) -> String {
    let out = liaison(&["search", query]);
    assert_eq!(out.code, Some(0), "{query}: {}", out.stderr);
    out.ids().first().map(|s| s.to_string()).unwrap_or_default()
}

#[test]
fn misspelt_city_names_put_the_city_first() {
    for (query, want) in [
        ("shangai", "shanghai"),
        ("sichaun", "sichuan"),
        ("kuopoi", "kuopio"),
        ("yokohoma", "yokohama"),
    ] {
        assert_eq!(first(query), want, "{query}");
    }
}

#[test]
fn pinyin_initials_and_full_pinyin_find_the_overseas_associations() {
    // 上海海外联谊会 starts with 上海海外; 上海市海外交流协会 has 市 between (left out as
    // Chinese contact lists do): both are listed.
    let out = liaison(&["search", "shhw"]);
    let mut two = out.ids()[..2].to_vec();
    two.sort_unstable();
    assert_eq!(
        two,
        ["shanghai-overseas-friendship-association", "soea"],
        "{}",
        out.stdout
    );
    assert_eq!(
        first("shanghaihaiwai"),
        "shanghai-overseas-friendship-association"
    );
    assert_eq!(first("shhwjl"), "soea");
    assert_eq!(first("shanghaishihaiwaijiaoliu"), "soea");
}

#[test]
fn a_phone_number_written_any_way_finds_its_owner() {
    for query in ["62496566", "0086-21-62496566", "+86 21 6249 6566"] {
        assert_eq!(first(query), "soea", "{query}");
    }
}

#[test]
fn an_accent_typed_in_the_query_is_folded() {
    assert_eq!(first("montréal"), "montreal");
    assert_eq!(first("QUÉBEC"), "quebec");
}

#[test]
fn country_and_kind_filters_list_the_finnish_organizations() {
    let out = liaison(&["search", "country:finland org:"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.ids().contains(&"city-of-espoo"), "{}", out.stdout);
    assert!(out.ids().contains(&"city-of-kuopio"), "{}", out.stdout);
    assert!(out.kinds().iter().all(|k| *k == "organization"));
    assert!(!out.ids().contains(&"soea"), "{}", out.stdout);
}

#[test]
fn words_naming_a_kind_and_a_region_are_read_as_filters_when_nothing_matches_as_text() {
    // `sister cities europe` is `tie: region:europe`: ties with a European side, by date.
    let out = liaison(&["search", "sister cities europe"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let filtered = liaison(&["search", "tie: region:europe"]);
    // The same rows, cut at the default 20 that a query with text gets.
    assert!(!out.ids().is_empty() && out.ids().len() <= filtered.ids().len());
    assert_eq!(out.ids(), filtered.ids()[..out.ids().len()]);
    assert!(out.ids().contains(&"shanghai-milan"), "{}", out.stdout);
    assert!(!out.ids().contains(&"shanghai-osaka"), "{}", out.stdout);
    // A word that matches as text stays text: `europe` alone lists the European countries.
    let out = liaison(&["search", "europe"]);
    assert!(
        out.kinds().iter().all(|k| *k == "country"),
        "{}",
        out.stdout
    );
    // `osaka tie`: the ties of Osaka, not "nothing matches".
    let out = liaison(&["search", "osaka tie"]);
    assert_eq!(out.ids().first(), Some(&"shanghai-osaka"), "{}", out.stdout);
    assert!(
        out.kinds().iter().all(|k| *k == "sister_city"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_year_filter_alone_lists_every_tie_of_those_years() {
    let out = liaison(&["search", "tie: until:1980"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.ids().len() >= 3, "{}", out.stdout);
    assert!(out.kinds().iter().all(|k| *k == "sister_city"));
    // Nothing after 1980, and every tie listed: not cut at the default 20 lines.
    let late = liaison(&["search", "tie: since:1981"]);
    let all = liaison(&["search", "tie:"]);
    assert!(all.ids().len() > 20, "{}", all.stdout);
    assert!(out.ids().len() + late.ids().len() <= all.ids().len());
    assert!(out.ids().iter().all(|id| !late.ids().contains(id)));
}

#[test]
fn a_miss_says_so_on_stderr_and_exits_1() {
    let out = liaison(&["search", "qwrtzp"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("nothing matches \"qwrtzp\""),
        "{}",
        out.stderr
    );
}

#[test]
fn an_unknown_filter_lists_the_known_ones_and_exits_2() {
    let out = liaison(&["search", "colour:red"]);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains("unknown filter \"colour:\""),
        "{}",
        out.stderr
    );
    for name in [
        "country:", "region:", "year:", "since:", "until:", "level:", "tie:",
    ] {
        assert!(out.stderr.contains(name), "{name}: {}", out.stderr);
    }
}

#[test]
fn show_names_the_other_good_matches_on_stderr() {
    let out = liaison(&["show", "zhang"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let line = out.stderr.lines().next().unwrap_or_default();
    assert!(
        line.starts_with("liaison: best of 4 matches; also: "),
        "{line}"
    );
    assert!(line.ends_with("see `liaison search zhang`"), "{line}");
    assert!(!line.contains("Zhangjiang"), "{line}");
    let out = liaison(&["show", "soea"]);
    assert_eq!(out.stderr, "");
}

#[test]
fn region_and_year_filters_list_only_european_ties_since_2000() {
    let recent = liaison(&["search", "region:europe tie: since:2000"]);
    assert_eq!(recent.code, Some(0), "{}", recent.stderr);
    let ids = recent.ids();
    assert!(ids.contains(&"shanghai-barcelona"), "{}", recent.stdout);
    assert!(recent.kinds().iter().all(|k| *k == "sister_city"));
    // Not European: Yokohama; European but before 2000: Rotterdam (1979).
    assert!(!ids.contains(&"shanghai-yokohama"), "{}", recent.stdout);
    let early = liaison(&["search", "region:europe tie: until:1999"]);
    assert!(
        early.ids().contains(&"shanghai-rotterdam"),
        "{}",
        early.stdout
    );
    assert!(!ids.contains(&"shanghai-rotterdam"), "{}", recent.stdout);
}

#[test]
fn a_country_name_finds_the_country_and_what_is_located_there() {
    let out = liaison(&["search", "--limit", "50", "finland"]);
    assert_eq!(out.ids().first(), Some(&"finland"), "{}", out.stdout);
    assert!(out.ids().contains(&"city-of-kuopio"), "{}", out.stdout);
}

#[test]
fn initials_and_scattered_letters_count_only_on_names() {
    // `soea` is So-uth E-astern A-sia in the region text of seven countries: not a match.
    // After the association come its officers, whose posts name it.
    let out = liaison(&["search", "soea"]);
    assert_eq!(out.ids().first(), Some(&"soea"), "{}", out.stdout);
    assert!(
        out.kinds()[1..].iter().all(|k| *k == "person"),
        "{}",
        out.stdout
    );
    // The initials of a short name beat letters scattered through long titles.
    assert_eq!(first("hz"), "han-zheng");
    // A name with the word outranks countries whose region text holds it.
    let out = liaison(&["search", "eastern"]);
    assert_eq!(
        out.ids().first(),
        Some(&"university-of-eastern-finland"),
        "{}",
        out.stdout
    );
}
