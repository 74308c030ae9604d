//! The domain through the library API: loading and validation, the link graph, search.

use liaison::dataset::{Dataset, Location, Severity};
use liaison::graph::{Direction, Relation};
use liaison::model::{Entity, Kind};
use liaison::network::Network;
use liaison::search::{Field, Query, Tier};

// ---------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------

const NETWORK_FILES: [(&str, &str); 6] = [
    (
        "organizations.ron",
        include_str!("fixtures/network/organizations.ron"),
    ),
    ("cities.ron", include_str!("fixtures/network/cities.ron")),
    (
        "sister_cities.ron",
        include_str!("fixtures/network/sister_cities.ron"),
    ),
    ("people.ron", include_str!("fixtures/network/people.ron")),
    (
        "agreements.ron",
        include_str!("fixtures/network/agreements.ron"),
    ),
    ("events.ron", include_str!("fixtures/network/events.ron")),
];

/// A dataset from `(path, text)` pairs.
fn dataset(files: &[(&str, &str)]) -> Dataset {
    Dataset::from_texts(
        "test",
        files
            .iter()
            .map(|(path, text)| (path.to_string(), text.as_bytes().to_vec()))
            .collect(),
    )
}

/// The small network of tests/fixtures/network, which must load without a problem.
fn network() -> Network {
    let ds = dataset(&NETWORK_FILES);
    assert!(ds.problems.is_empty(), "{:#?}", ds.problems);
    Network::from_dataset(ds)
}

/// A network from one file of RON text.
fn network_of(text: &str) -> Network {
    Network::from_dataset(dataset(&[("test.ron", text)]))
}

fn index(net: &Network, id: &str) -> usize {
    net.data
        .index_of(id)
        .unwrap_or_else(|| panic!("no entity {id:?}"))
}

/// The links of `id` listed under `heading`: `(target id, detail)`, in display order.
fn linked(net: &Network, id: &str, heading: &str) -> Vec<(String, Option<String>)> {
    net.graph
        .grouped(index(net, id))
        .into_iter()
        .filter(|g| g.label == heading)
        .flat_map(|g| g.links.iter())
        .map(|l| {
            (
                net.data.entity(l.target as usize).id().to_string(),
                l.detail.as_deref().map(str::to_string),
            )
        })
        .collect()
}

/// Just the target ids of [`linked`].
fn linked_ids(net: &Network, id: &str, heading: &str) -> Vec<String> {
    linked(net, id, heading)
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}

fn headings(net: &Network, id: &str) -> Vec<&'static str> {
    net.graph
        .grouped(index(net, id))
        .iter()
        .map(|g| g.label)
        .collect()
}

/// Ids of the hits for a query, best first.
fn search_ids(net: &Network, query: &str) -> Vec<String> {
    net.index
        .search(&Query::parse(query), 50)
        .iter()
        .map(|h| net.data.entity(h.entity as usize).id().to_string())
        .collect()
}

fn at(path: &str, line: usize, col: usize) -> Location {
    Location {
        path: path.to_string(),
        line,
        col,
    }
}

// ---------------------------------------------------------------------------------------
// Loading and validation
// ---------------------------------------------------------------------------------------

#[test]
fn fixture_network_loads_every_entity() {
    let net = network();
    assert_eq!(net.data.len(), 20);
    assert_eq!(net.data.count(Kind::Organization), 6);
    assert_eq!(net.data.count(Kind::City), 7);
    assert_eq!(net.data.count(Kind::SisterCity), 2);
    assert_eq!(net.data.count(Kind::Person), 2);
    assert_eq!(net.data.count(Kind::Agreement), 2);
    assert_eq!(net.data.count(Kind::Event), 1);
}

#[test]
fn broken_entity_is_skipped_and_its_neighbours_load() {
    let ds = dataset(&[(
        "cities.ron",
        "[\n\
         City(id: \"a\", name: \"A\", country: \"X\", sources: [\"s\"]),\n\
         City(id: \"b\", name: \"B\", contry: \"X\", sources: [\"s\"]),\n\
         City(id: \"c\", name: \"C\", country: \"X\", sources: [\"s\"]),\n\
         ]",
    )]);
    assert_eq!(ds.len(), 2);
    assert!(ds.get("a").is_some() && ds.get("c").is_some());
    assert!(ds.get("b").is_none());
    assert_eq!(ds.problems.len(), 1, "{:#?}", ds.problems);
    let p = &ds.problems[0];
    assert_eq!(p.severity, Severity::Error);
    assert_eq!(p.location, at("cities.ron", 3, 26));
    assert!(
        p.message.contains("unknown field `contry`"),
        "{}",
        p.message
    );
    assert_eq!(
        p.to_string(),
        format!("cities.ron:3:26: error: {}", p.message)
    );
}

#[test]
fn entity_after_a_bracket_error_still_loads() {
    let ds = dataset(&[(
        "cities.ron",
        "[\n\
         City(id: \"a\", name: \"A\", country: \"X\", sources: [\"s\"]),\n\
         City(id: \"b\", name: \"B\", country: \"X\", sources: [\"s\"]]),\n\
         City(id: \"c\", name: \"C\", country: \"X\", sources: [\"s\"]),\n\
         ]",
    )]);
    assert!(ds.get("a").is_some());
    assert!(ds.get("c").is_some(), "{:#?}", ds.problems);
    assert_eq!(ds.problem_count(Severity::Error), 1, "{:#?}", ds.problems);
    assert_eq!(ds.problems[0].location, at("cities.ron", 3, 54));
}

#[test]
fn entity_after_a_missing_comma_between_entities_still_loads() {
    let ds = dataset(&[(
        "cities.ron",
        "[\n\
         City(id: \"a\", name: \"A\", country: \"X\", sources: [\"s\"])\n\
         City(id: \"b\", name: \"B\", country: \"X\", sources: [\"s\"]),\n\
         ]",
    )]);
    assert!(ds.get("a").is_some());
    assert!(ds.get("b").is_some(), "{:#?}", ds.problems);
    assert_eq!(ds.problems.len(), 1, "{:#?}", ds.problems);
    assert_eq!(ds.problems[0].location, at("cities.ron", 3, 1));
    assert!(ds.problems[0].message.contains("syntax error"));
}

#[test]
fn a_file_that_is_not_a_list_does_not_stop_the_next_file() {
    let ds = dataset(&[
        ("a.ron", "City(id: \"a\", name: \"A\", country: \"X\")"),
        (
            "b.ron",
            "[City(id: \"b\", name: \"B\", country: \"X\", sources: [\"s\"])]",
        ),
    ]);
    assert!(ds.get("b").is_some());
    assert_eq!(ds.problems.len(), 1, "{:#?}", ds.problems);
    assert_eq!(ds.problems[0].location, at("a.ron", 1, 1));
    assert!(ds.problems[0].message.contains("expected `[`"));
}

#[test]
fn bad_dates_and_coordinates_drop_only_that_field() {
    let ds = dataset(&[(
        "t.ron",
        r#"[
            City(id: "c", name: "C", country: "X", coordinates: (100.0, 0.0), sources: ["s"]),
            Organization(id: "o", name: "O", founded: "1990-13", sources: ["s"]),
            Person(id: "p", name: "P", posts: [(organization: "o", title: "Head", since: "2019-02-29", until: "2020")], sources: ["s"]),
            SisterCity(id: "t", cities: ("c", "d"), established: "98", sources: ["s"]),
            City(id: "d", name: "D", country: "X", sources: ["s"]),
        ]"#,
    )]);
    assert_eq!(ds.len(), 5, "every entity loads: {:#?}", ds.problems);
    assert_eq!(ds.problem_count(Severity::Error), 4, "{:#?}", ds.problems);
    let Some(Entity::City(c)) = ds.get("c") else {
        panic!()
    };
    assert_eq!(c.coordinates, None);
    let Some(Entity::Organization(o)) = ds.get("o") else {
        panic!()
    };
    assert_eq!(o.founded, None);
    let Some(Entity::Person(p)) = ds.get("p") else {
        panic!()
    };
    assert_eq!(p.posts[0].since, None);
    assert_eq!(
        p.posts[0]
            .until
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("2020")
    );
    let Some(Entity::SisterCity(t)) = ds.get("t") else {
        panic!()
    };
    assert_eq!(t.established, None);
    let messages: Vec<&str> = ds.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(messages[0].contains("latitude 100"), "{messages:?}");
    assert!(messages[1].contains("no month 13"), "{messages:?}");
    assert!(messages[2].contains("has 28 days"), "{messages:?}");
    assert!(
        messages[3].contains("malformed date \"98\""),
        "{messages:?}"
    );
}

#[test]
fn leap_day_is_a_valid_date() {
    let ds = dataset(&[(
        "t.ron",
        r#"[Event(id: "e", title: "E", date: "2020-02-29", sources: ["s"])]"#,
    )]);
    assert!(ds.problems.is_empty(), "{:#?}", ds.problems);
    assert_eq!(
        ds.get("e").unwrap().date().unwrap().to_string(),
        "2020-02-29"
    );
}

#[test]
fn duplicate_id_keeps_the_first_and_names_its_place() {
    let ds = dataset(&[
        (
            "one.ron",
            "[\n  City(id: \"oslo\", name: \"Oslo\", country: \"N\", sources: [\"s\"]),\n]",
        ),
        (
            "two.ron",
            "[\n\n  City(id: \"oslo\", name: \"Christiania\", country: \"N\", sources: [\"s\"]),\n]",
        ),
    ]);
    assert_eq!(ds.len(), 1);
    assert_eq!(ds.get("oslo").unwrap().name(), "Oslo");
    assert_eq!(ds.problems.len(), 1);
    assert_eq!(ds.problems[0].location, at("two.ron", 3, 12));
    assert!(ds.problems[0].message.contains("one.ron:2:12"));
}

#[test]
fn problems_are_listed_file_by_file_top_to_bottom() {
    let ds = dataset(&[
        (
            "a.ron",
            "[\n\
             Organization(id: \"x\", name: \"X\", city: \"nowhere\", sources: [\"s\"]),\n\
             Organization(id: \"y\", name: \"Y\", founded: \"soon\", sources: [\"s\"]),\n\
             ]",
        ),
        ("b.ron", ""),
    ]);
    let places: Vec<(String, usize, Severity)> = ds
        .problems
        .iter()
        .map(|p| (p.location.path.clone(), p.location.line, p.severity))
        .collect();
    assert_eq!(
        places,
        [
            ("a.ron".to_string(), 2, Severity::Error),
            ("a.ron".to_string(), 3, Severity::Error),
            ("b.ron".to_string(), 1, Severity::Warning),
        ]
    );
}

#[test]
fn suggestion_only_names_an_id_of_the_right_kind() {
    let ds = dataset(&[(
        "t.ron",
        r#"[
            Organization(id: "espoo-club", name: "Club", sources: ["s"]),
            City(id: "helsinki", name: "Helsinki", country: "FI", sources: ["s"]),
            Organization(id: "o", name: "O", city: "espoo", parent: "helsinky", sources: ["s"]),
        ]"#,
    )]);
    let messages: Vec<&str> = ds.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    // `espoo-club` is close to `espoo` but is not a city.
    assert!(messages[0].contains("unknown id `espoo`"), "{messages:?}");
    assert!(!messages[0].contains("did you mean"), "{messages:?}");
    // `helsinki` is close to `helsinky` but is not an organization.
    assert!(
        messages[1].contains("unknown id `helsinky`"),
        "{messages:?}"
    );
    assert!(!messages[1].contains("did you mean"), "{messages:?}");
}

#[test]
fn entity_without_sources_is_a_warning() {
    let ds = dataset(&[("t.ron", r#"[City(id: "c", name: "C", country: "X")]"#)]);
    assert_eq!(ds.len(), 1);
    assert_eq!(ds.problem_count(Severity::Error), 0);
    assert_eq!(ds.problem_count(Severity::Warning), 1);
    assert!(ds.problems[0].message.contains("no sources"));
}

#[test]
fn byte_order_mark_and_invalid_utf8_through_the_library() {
    let ds = Dataset::from_texts(
        "test",
        vec![
            (
                "bom.ron".to_string(),
                b"\xef\xbb\xbf[City(id: \"a\", name: \"A\", country: \"X\", sources: [\"s\"])]"
                    .to_vec(),
            ),
            (
                "bad.ron".to_string(),
                b"[City(id: \"b\", name: \"B\xff\", country: \"X\", sources: [\"s\"])]".to_vec(),
            ),
        ],
    );
    assert!(ds.get("a").is_some());
    assert_eq!(ds.get("b").unwrap().name(), "B\u{fffd}");
    assert_eq!(ds.problems.len(), 1, "{:#?}", ds.problems);
    assert_eq!(ds.problems[0].location, at("bad.ron", 1, 24));
}

#[test]
fn origin_is_where_the_entity_starts() {
    let net = network();
    let soea = index(&net, "soea");
    assert_eq!(
        net.data.origin(soea),
        at("organizations.ron", 10, 5),
        "the second organization starts on line 10"
    );
}

// ---------------------------------------------------------------------------------------
// The link graph: every link readable from both ends
// ---------------------------------------------------------------------------------------

#[test]
fn organization_located_in_city_and_city_lists_it_as_located_here() {
    let net = network();
    assert_eq!(linked_ids(&net, "soea", "Located in"), ["shanghai"]);
    // Sorted by name: "...Chinese Affairs Office" before "...Exchange Association".
    assert_eq!(
        linked_ids(&net, "shanghai", "Located here"),
        ["shanghai-ocao", "soea"]
    );
}

#[test]
fn parent_body_and_member_bodies() {
    let net = network();
    assert_eq!(linked_ids(&net, "soea", "Parent body"), ["shanghai-ocao"]);
    assert_eq!(linked_ids(&net, "shanghai-ocao", "Member bodies"), ["soea"]);
    assert!(linked_ids(&net, "shanghai-ocao", "Parent body").is_empty());
}

#[test]
fn sister_cities_are_symmetric_with_the_year_as_detail() {
    let net = network();
    let year = Some("1998".to_string());
    assert_eq!(
        linked(&net, "espoo", "Sister cities"),
        [("shanghai".to_string(), year.clone())]
    );
    assert_eq!(
        linked(&net, "shanghai", "Sister cities"),
        [("espoo".to_string(), year)]
    );
    // An ended tie says so next to its year, on both sides.
    let ended = Some("2005, ended".to_string());
    assert_eq!(
        linked(&net, "helsinki", "Sister cities"),
        [("chongqing".to_string(), ended.clone())]
    );
    assert_eq!(
        linked(&net, "chongqing", "Sister cities"),
        [("helsinki".to_string(), ended)]
    );
}

#[test]
fn tie_links_to_its_two_cities() {
    let net = network();
    assert_eq!(
        linked_ids(&net, "shanghai-espoo", "Cities"),
        ["espoo", "shanghai"]
    );
    assert_eq!(
        net.data.display_name(index(&net, "shanghai-espoo")),
        "Shanghai – Espoo"
    );
}

#[test]
fn posts_held_and_people_carry_the_title() {
    let net = network();
    // A post with `until` has ended: it is listed apart, with its years.
    let detail = Some("President (2019–2023)".to_string());
    assert_eq!(
        linked(&net, "li-changhong", "Former posts"),
        [("kenya-shanghai-chamber".to_string(), detail.clone())]
    );
    assert_eq!(
        linked(&net, "kenya-shanghai-chamber", "Former post holders"),
        [("li-changhong".to_string(), detail)]
    );
    assert!(linked(&net, "kenya-shanghai-chamber", "People").is_empty());
    assert_eq!(
        linked(&net, "shanghai-ocao", "People"),
        [(
            "pan-xiaogang".to_string(),
            Some("Deputy Director".to_string())
        )]
    );
}

#[test]
fn agreement_parties_signers_and_place_read_both_ways() {
    let net = network();
    let mou = "soea-kenya-chamber-mou";
    assert_eq!(
        linked_ids(&net, mou, "Parties"),
        ["kenya-shanghai-chamber", "soea"]
    );
    assert_eq!(linked_ids(&net, "soea", "Signed"), [mou]);
    assert_eq!(linked_ids(&net, "kenya-shanghai-chamber", "Signed"), [mou]);
    assert_eq!(linked_ids(&net, mou, "Signed by"), ["li-changhong"]);
    assert_eq!(linked_ids(&net, "li-changhong", "Signed"), [mou]);
    assert_eq!(linked_ids(&net, mou, "Signed in"), ["shanghai"]);
    assert_eq!(
        linked_ids(&net, "shanghai", "Agreements signed here"),
        [mou]
    );
    let fed = "sichuan-chongqing-federations-2020";
    assert_eq!(
        linked_ids(&net, fed, "Parties"),
        ["chongqing-federation", "sichuan-federation"]
    );
    assert_eq!(linked_ids(&net, "chengdu", "Agreements signed here"), [fed]);
}

#[test]
fn event_organizers_participants_and_place_read_both_ways() {
    let net = network();
    let ev = "shanghai-office-visit-finland-2019";
    assert_eq!(linked_ids(&net, ev, "Organizers"), ["espoo-business-club"]);
    assert_eq!(linked_ids(&net, "espoo-business-club", "Organized"), [ev]);
    assert_eq!(
        linked_ids(&net, ev, "Participants"),
        ["pan-xiaogang", "shanghai-ocao"]
    );
    assert_eq!(linked_ids(&net, "pan-xiaogang", "Took part in"), [ev]);
    assert_eq!(linked_ids(&net, "shanghai-ocao", "Took part in"), [ev]);
    assert_eq!(linked_ids(&net, ev, "Took place in"), ["helsinki"]);
    assert_eq!(linked_ids(&net, "helsinki", "Events here"), [ev]);
}

#[test]
fn every_link_has_its_reverse() {
    let net = network();
    for i in 0..net.data.len() {
        for l in net.graph.links(i) {
            if l.relation == Relation::TieCity {
                continue; // a tie is reached through its cities' sister-city links
            }
            let back = match l.dir {
                Direction::Forward => Direction::Backward,
                Direction::Backward => Direction::Forward,
            };
            let reverse = net.graph.links(l.target as usize).iter().any(|r| {
                r.target as usize == i
                    && r.relation == l.relation
                    && r.dir == back
                    && r.detail == l.detail
            });
            assert!(
                reverse,
                "{} --{}--> {} has no reverse link",
                net.data.entity(i).id(),
                l.label(),
                net.data.entity(l.target as usize).id()
            );
        }
    }
}

#[test]
fn groups_come_in_a_stable_order_with_their_counts() {
    let net = network();
    assert_eq!(
        headings(&net, "soea"),
        ["Parent body", "Located in", "Signed"]
    );
    assert_eq!(
        headings(&net, "shanghai"),
        ["Located here", "Sister cities", "Agreements signed here"]
    );
    let groups = net.graph.grouped(index(&net, "shanghai"));
    let counts: Vec<usize> = groups.iter().map(|g| g.links.len()).collect();
    assert_eq!(counts, [2, 1, 1]);
}

#[test]
fn references_to_missing_or_wrong_kind_ids_make_no_link() {
    let net = network_of(
        r#"[
            City(id: "c", name: "C", country: "X", sources: ["s"]),
            Organization(id: "o", name: "O", city: "nowhere", sources: ["s"]),
            Organization(id: "p", name: "P", city: "o", parent: "c", sources: ["s"]),
        ]"#,
    );
    assert_eq!(net.data.len(), 3);
    for id in ["c", "o", "p"] {
        assert!(
            net.graph.links(index(&net, id)).is_empty(),
            "{id} has links"
        );
    }
}

#[test]
fn shortest_path_follows_links_both_ways() {
    let net = network();
    let li = index(&net, "li-changhong");
    let espoo = index(&net, "espoo");
    let path = net.graph.shortest_path(li, espoo).expect("a path");
    let steps: Vec<(&str, &str, &str)> = path
        .iter()
        .map(|s| {
            (
                net.data.entity(s.from as usize).id(),
                s.link.label(),
                net.data.entity(s.link.target as usize).id(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("li-changhong", "Signed", "soea-kenya-chamber-mou"),
            ("soea-kenya-chamber-mou", "Signed in", "shanghai"),
            ("shanghai", "Sister cities", "espoo"),
        ]
    );
    // The way back is as short.
    assert_eq!(net.graph.shortest_path(espoo, li).unwrap().len(), 3);
}

#[test]
fn shortest_path_is_none_between_unconnected_entities() {
    let net = network();
    let li = index(&net, "li-changhong");
    let reykjavik = index(&net, "reykjavik");
    assert!(net.graph.links(reykjavik).is_empty());
    assert_eq!(net.graph.shortest_path(li, reykjavik), None);
    assert_eq!(net.graph.shortest_path(reykjavik, li), None);
    assert_eq!(net.graph.shortest_path(li, li), Some(Vec::new()));
}

// ---------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------

const SEARCH_FIXTURE: &str = r#"[
    Organization(id: "soeatech", name: "Soeatech Software", sources: ["s"]),
    Organization(
        id: "shanghai-overseas-exchange",
        name: "Shanghai Overseas Exchange Association",
        native_name: "上海市海外交流协会",
        aliases: ["SOEA"],
        city: "shanghai",
        sources: ["s"],
    ),
    Organization(
        id: "ocao",
        name: "Shanghai Overseas Chinese Affairs Office",
        native_name: "上海市人民政府侨务办公室",
        city: "shanghai",
        sources: ["s"],
    ),
    Organization(id: "nordic-friends", name: "Nordic Friends", city: "espoo", sources: ["s"]),
    Organization(id: "espoo-club", name: "Espoo Business Club", city: "espoo", sources: ["s"]),
    City(id: "shanghai", name: "Shanghai", native_name: "上海", country: "China", sources: ["s"]),
    City(id: "espoo", name: "Espoo", country: "Finland", sources: ["s"]),
]"#;

#[test]
fn abbreviation_alias_ranks_the_association_first() {
    let net = network_of(SEARCH_FIXTURE);
    let hits = net.index.search(&Query::parse("soea"), 10);
    let first = &hits[0];
    assert_eq!(
        net.data.entity(first.entity as usize).id(),
        "shanghai-overseas-exchange"
    );
    assert_eq!((first.tier, first.field), (Tier::Exact, Field::Alias));
    assert_eq!(net.index.field_text(first), "SOEA");
    // "Soeatech" only starts with the query.
    assert_eq!(net.data.entity(hits[1].entity as usize).id(), "soeatech");
    assert_eq!(hits[1].tier, Tier::Prefix);
}

#[test]
fn native_name_prefix_finds_the_association() {
    let net = network_of(SEARCH_FIXTURE);
    let hits = net.index.search(&Query::parse("上海市海外"), 10);
    assert_eq!(hits.len(), 1, "only one native name starts so");
    assert_eq!(
        net.data.entity(hits[0].entity as usize).id(),
        "shanghai-overseas-exchange"
    );
    assert_eq!(
        (hits[0].tier, hits[0].field),
        (Tier::Prefix, Field::NativeName)
    );
}

#[test]
fn city_name_ranks_the_city_before_things_in_it() {
    let net = network_of(SEARCH_FIXTURE);
    assert_eq!(
        search_ids(&net, "espoo"),
        ["espoo", "espoo-club", "nordic-friends"]
    );
    let hits = net.index.search(&Query::parse("espoo"), 10);
    // Nordic Friends matches only through its city, a secondary field.
    assert_eq!(hits[2].field, Field::City);
    assert!(hits[2].score < hits[1].score);
}

#[test]
fn shorter_prefix_match_ranks_first() {
    let net = network_of(SEARCH_FIXTURE);
    // "Espoo" is closer to "esp" than "Espoo Business Club".
    assert_eq!(search_ids(&net, "esp")[..2], ["espoo", "espoo-club"]);
}

#[test]
fn kind_prefix_filters_the_results() {
    let net = network_of(SEARCH_FIXTURE);
    let q = Query::parse("org: shanghai");
    assert_eq!(q.kind, Some(Kind::Organization));
    assert_eq!(q.text, "shanghai");
    let ids = search_ids(&net, "org: shanghai");
    assert!(ids.contains(&"shanghai-overseas-exchange".to_string()));
    assert!(ids.contains(&"ocao".to_string()));
    assert!(!ids.contains(&"shanghai".to_string()));
    assert_eq!(search_ids(&net, "city:shanghai"), ["shanghai"]);
    // An unknown word and a colon, then a space, is plain text (folded).
    assert_eq!(
        Query::parse("Harbour: Bridge"),
        Query {
            text: "harbour bridge".into(),
            ..Query::default()
        }
    );
}

#[test]
fn empty_query_with_a_kind_lists_that_kind_by_name() {
    let net = network_of(SEARCH_FIXTURE);
    assert_eq!(search_ids(&net, "city:"), ["espoo", "shanghai"]);
}

#[test]
fn tiers_rank_exact_then_prefix_then_word_start_then_substring_then_fuzzy() {
    // Kinds and names are chosen so that neither explains the order.
    let net = network_of(
        r#"[
            Organization(id: "t1", name: "Airport Hotel", sources: ["s"]),
            City(id: "t2", name: "Alpha Port Authority", country: "Q", sources: ["s"]),
            Event(id: "t3", title: "Port", sources: ["s"]),
            Person(id: "t4", name: "Portal Works", sources: ["s"]),
            // Initials of four of its five words: fuzzy (the initials of every word of a
            // name would rank as a word start).
            Organization(id: "t5", name: "Pilot Oversight Rating Team Ltd", sources: ["s"]),
            Organization(id: "t6", name: "Unrelated", sources: ["s"]),
        ]"#,
    );
    let hits = net.index.search(&Query::parse("port"), 10);
    let got: Vec<(&str, Tier)> = hits
        .iter()
        .map(|h| (net.data.entity(h.entity as usize).id(), h.tier))
        .collect();
    assert_eq!(
        got,
        [
            ("t3", Tier::Exact),
            ("t4", Tier::Prefix),
            ("t2", Tier::WordStart),
            ("t1", Tier::Substring),
            ("t5", Tier::Fuzzy),
        ]
    );
    for pair in hits.windows(2) {
        assert!(pair[0].score > pair[1].score, "{hits:#?}");
    }
}

#[test]
fn equal_matches_are_ordered_by_kind_then_name() {
    let net = network_of(
        r#"[
            Person(id: "x5", name: "Harbor Fish", sources: ["s"]),
            Event(id: "x1", title: "Harbor", sources: ["s"]),
            Organization(id: "x3", name: "Harbor Club", sources: ["s"]),
            City(id: "x2", name: "Harbor", country: "Q", sources: ["s"]),
            Organization(id: "x4", name: "Harbor Bank", sources: ["s"]),
        ]"#,
    );
    assert_eq!(search_ids(&net, "harbor"), ["x2", "x1", "x4", "x3", "x5"]);
}

#[test]
fn limit_keeps_the_best_hits() {
    let net = network_of(SEARCH_FIXTURE);
    let all = net.index.search(&Query::parse("shanghai"), 100);
    assert!(all.len() > 2);
    let two = net.index.search(&Query::parse("shanghai"), 2);
    assert_eq!(two, all[..2]);
}

#[test]
fn search_is_case_insensitive() {
    let net = network_of(SEARCH_FIXTURE);
    assert_eq!(search_ids(&net, "ESPOO")[0], "espoo");
    assert_eq!(search_ids(&net, "Soea")[0], "shanghai-overseas-exchange");
}

#[test]
fn find_prefers_an_exact_id_then_the_best_hit() {
    let net = network_of(SEARCH_FIXTURE);
    assert_eq!(net.find("soeatech"), net.data.index_of("soeatech"));
    assert_eq!(
        net.find("soea"),
        net.data.index_of("shanghai-overseas-exchange")
    );
    assert_eq!(net.find("zzqqxxyy"), None);
    assert_eq!(net.find("org:"), None);
}

// ---------------------------------------------------------------------------------------
// Match positions for highlighting (character indices)
// ---------------------------------------------------------------------------------------

fn positions(text: &str, query: &str) -> Vec<usize> {
    network_of("[]").index.positions(text, &Query::parse(query))
}

#[test]
fn positions_cover_a_prefix() {
    assert_eq!(positions("Espoo", "esp"), [0, 1, 2]);
    assert_eq!(positions("Port", "PORT"), [0, 1, 2, 3]);
}

#[test]
fn positions_cover_each_word_start() {
    assert_eq!(
        positions("Shanghai Overseas Exchange Association", "overseas ex"),
        [9, 10, 11, 12, 13, 14, 15, 16, 18, 19]
    );
}

#[test]
fn positions_cover_a_substring() {
    assert_eq!(positions("Airport Hotel", "port"), [3, 4, 5, 6]);
}

#[test]
fn positions_count_characters_in_cjk_text() {
    assert_eq!(
        positions("上海市海外交流协会", "上海市海外"),
        [0, 1, 2, 3, 4]
    );
    assert_eq!(positions("上海市海外交流协会", "交流"), [5, 6]);
    assert_eq!(positions("Room 1103, 上海 Building", "上海"), [11, 12]);
    assert_eq!(positions("Tromsø Harbor", "harbor"), [7, 8, 9, 10, 11, 12]);
}

#[test]
fn fuzzy_positions_point_at_the_query_letters_in_order() {
    let text = "Pilot Oversight Rating Team";
    let pos = positions(text, "port");
    assert_eq!(pos.len(), 4, "{pos:?}");
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "{pos:?}");
    let chars: Vec<char> = text.chars().collect();
    let letters: String = pos.iter().map(|&i| chars[i].to_ascii_lowercase()).collect();
    assert_eq!(letters, "port");
}

#[test]
fn empty_query_has_no_positions() {
    assert!(positions("Espoo", "").is_empty());
}
