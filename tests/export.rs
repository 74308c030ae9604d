//! `liaison export`, `liaison completions` and `liaison man` as a user runs them.
//!
//! vCards are checked against RFC 6350 by reading them back the way an address book does:
//! unfold the physical lines, split each property at its first colon, split structured values
//! at unescaped semicolons, and undo the escapes. CSV is read back with a small RFC 4180
//! parser. Like `tests/cli.rs`, every run has `LIAISON_DATA` unset and an empty home.
mod common;

use common::cli::{Run, Test};

/// Organizations, people, a city and an event whose text needs escaping and folding.
const CONTACTS: &str = "tests/fixtures/export";

/// The long native name of the fixture's first organization (over 75 octets in UTF-8).
const LONG_NATIVE_NAME: &str =
    "上海市归国华侨联合会青年委员会海外联谊会与海外交流协会联合工作办公室秘书处";

fn export(args: &[&str]) -> Run {
    Test::new().data(CONTACTS).args(["export"]).args(args).run()
}

fn builtin_export(args: &[&str]) -> Run {
    Test::new().args(["export"]).args(args).run()
}

// ---------------------------------------------------------------------------------------
// Reading vCards back
// ---------------------------------------------------------------------------------------

/// One property of a card: name with parameters (`TEL;TYPE=work;VALUE=text`) and raw value.
#[derive(Debug, Clone)]
struct Prop {
    name: String,
    value: String,
}

/// Unfolds the physical lines (RFC 6350 §3.2): a line that starts with a space continues the
/// one before it, without the space.
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split("\r\n") {
        match (line.strip_prefix(' '), lines.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ => lines.push(line.to_string()),
        }
    }
    if lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// The cards of an export, each a list of properties, BEGIN and END included.
fn cards(text: &str) -> Vec<Vec<Prop>> {
    let mut cards = Vec::new();
    let mut card = Vec::new();
    for line in unfold(text) {
        let (name, value) = line.split_once(':').expect("every line is NAME:VALUE");
        card.push(Prop {
            name: name.to_string(),
            value: value.to_string(),
        });
        if line == "END:VCARD" {
            cards.push(std::mem::take(&mut card));
        }
    }
    assert!(card.is_empty(), "text after the last END:VCARD: {card:?}");
    cards
}

/// The raw values of every property called `name` (parameters ignored).
fn values(card: &[Prop], name: &str) -> Vec<String> {
    card.iter()
        .filter(|p| p.name.split(';').next() == Some(name))
        .map(|p| p.value.clone())
        .collect()
}

/// The one raw value of `name`.
fn value(card: &[Prop], name: &str) -> String {
    let v = values(card, name);
    assert_eq!(v.len(), 1, "{name} in {card:#?}");
    v[0].clone()
}

/// The card whose UID is `urn:liaison:ID`.
fn card_of<'a>(cards: &'a [Vec<Prop>], id: &str) -> &'a [Prop] {
    cards
        .iter()
        .find(|c| values(c, "UID") == [format!("urn:liaison:{id}")])
        .unwrap_or_else(|| panic!("no card for {id} in {cards:#?}"))
}

/// Splits a value at the separators that are not escaped.
fn split_unescaped(value: &str, sep: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            parts.last_mut().unwrap().push(c);
            if let Some(next) = chars.next() {
                parts.last_mut().unwrap().push(next);
            }
        } else if c == sep {
            parts.push(String::new());
        } else {
            parts.last_mut().unwrap().push(c);
        }
    }
    parts
}

/// Undoes the escapes of a text value (RFC 6350 §3.4).
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(c @ ('\\' | ',' | ';')) => out.push(c),
                other => panic!("invalid escape \\{other:?} in {value:?}"),
            }
        } else {
            assert!(
                c != ',' && c != ';',
                "unescaped {c:?} in text value {value:?}"
            );
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// vCard: the format
// ---------------------------------------------------------------------------------------

#[test]
fn vcard_lines_end_in_crlf_and_are_at_most_75_octets() {
    let run = export(&["--format", "vcard"]).status(0);
    let out = &run.stdout;
    assert!(out.ends_with("END:VCARD\r\n"), "{}", run.context());
    let bare_lf = out
        .match_indices('\n')
        .filter(|(i, _)| out.as_bytes().get(i - 1) != Some(&b'\r'))
        .count();
    assert_eq!(bare_lf, 0, "a line ends in LF alone\n{}", run.context());
    for line in out.split("\r\n") {
        assert!(
            line.len() <= 75,
            "{} octets: {line:?}\n{}",
            line.len(),
            run.context()
        );
    }
}

#[test]
fn vcard_folds_long_chinese_text_without_splitting_a_character() {
    let run = export(&["--format", "vcard", "overseas-league"]).status(0);
    // stdout decoded as UTF-8 (Run would have panicked otherwise) and every physical line
    // is itself valid UTF-8: no character was cut in two.
    let physical: Vec<&str> = run.stdout.split("\r\n").collect();
    assert!(
        physical.iter().any(|l| l.starts_with(' ')),
        "nothing folded"
    );
    // The native name needs folding: it is not on one physical line...
    assert!(!run.stdout.contains(LONG_NATIVE_NAME), "{}", run.context());
    // ...and unfolding gives it back whole.
    let cards = cards(&run.stdout);
    let fns = values(&cards[0], "FN");
    assert_eq!(fns.len(), 2, "{fns:?}");
    assert_eq!(unescape(&fns[1]), LONG_NATIVE_NAME);
    let note = unescape(&value(&cards[0], "NOTE"));
    assert!(
        note.starts_with("第一段：上海市归国华侨联合会青年委员会成立于一九九〇年，"),
        "{note}"
    );
}

#[test]
fn vcard_cards_open_with_begin_and_version_and_close_with_end() {
    let run = export(&["--format", "vcard"]).status(0);
    let cards = cards(&run.stdout);
    // Every organization and person of the fixture; not the city or the event.
    assert_eq!(cards.len(), 4, "{}", run.context());
    for card in &cards {
        assert_eq!(card[0].name, "BEGIN");
        assert_eq!(card[0].value, "VCARD");
        assert_eq!(card[1].name, "VERSION");
        assert_eq!(card[1].value, "4.0");
        let last = card.last().unwrap();
        assert_eq!((last.name.as_str(), last.value.as_str()), ("END", "VCARD"));
        assert!(!values(card, "FN").is_empty(), "no FN in {card:#?}");
        assert_eq!(values(card, "UID").len(), 1);
    }
    let kinds: Vec<String> = cards.iter().map(|c| value(c, "KIND")).collect();
    assert_eq!(kinds, ["org", "org", "individual", "individual"]);
}

#[test]
fn vcard_escapes_commas_semicolons_backslashes_and_newlines() {
    let run = export(&["--format", "vcard", "overseas-league"]).status(0);
    let cards = cards(&run.stdout);
    let card = &cards[0];
    let name = "Shanghai Federation of Returned Overseas Chinese, Youth League; \"Friends\" Branch";
    let fns = values(card, "FN");
    assert_eq!(
        fns[0],
        "Shanghai Federation of Returned Overseas Chinese\\, Youth League\\; \"Friends\" Branch"
    );
    assert_eq!(unescape(&fns[0]), name);
    // ORG is structured: the semicolon of the name is escaped, so it is one component.
    let org = split_unescaped(&value(card, "ORG"), ';');
    assert_eq!(org.len(), 1, "{org:?}");
    assert_eq!(unescape(&org[0]), name);
    // NICKNAME is a comma-separated list: the comma inside an alias is escaped.
    let nicks: Vec<String> = split_unescaped(&value(card, "NICKNAME"), ',')
        .iter()
        .map(|n| unescape(n))
        .collect();
    assert_eq!(nicks, ["SFROC, Youth", "League\\Friends"]);
    // ADR: seven components; the street is the address as given, line break included.
    let adr = split_unescaped(&value(card, "ADR"), ';');
    let adr: Vec<String> = adr.iter().map(|c| unescape(c)).collect();
    assert_eq!(
        adr,
        [
            "",
            "",
            "Room 1103, Overseas Chinese Building; 129 Yananxilu\nFloor 11",
            "Shanghai",
            "",
            "",
            "China"
        ]
    );
    let note = value(card, "NOTE");
    assert!(
        note.contains("\\nSecond line\\, with a comma\\; a semicolon and a backslash \\\\ too."),
        "{note}"
    );
    assert!(unescape(&note).contains("Hours: 9:00-11:30, 13:00-17:30"));
}

#[test]
fn vcard_never_writes_control_characters_from_the_data() {
    let run = export(&["--format", "vcard"]).status(0);
    let stray: Vec<char> = run
        .stdout
        .replace("\r\n", "")
        .chars()
        .filter(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(c))
        .collect();
    assert!(stray.is_empty(), "{stray:?}\n{}", run.context());
    let note = unescape(&value(
        card_of(&cards(&run.stdout), "overseas-league"),
        "NOTE",
    ));
    assert!(
        note.contains("Bell \\u{7}, escape \\u{1b}[31m and override \\u{202e} in the data."),
        "{note}"
    );
}

#[test]
fn vcard_numbers_are_tel_uris_when_dialable_and_text_otherwise() {
    let run = export(&["--format", "vcard", "overseas-league"]).status(0);
    let cards = cards(&run.stdout);
    let tels: Vec<String> = cards[0]
        .iter()
        .filter(|p| p.name.starts_with("TEL;"))
        .map(|p| format!("{}:{}", p.name, p.value))
        .collect();
    assert_eq!(
        tels,
        [
            "TEL;TYPE=work;VALUE=uri:tel:+86-21-6249-6566",
            "TEL;TYPE=work;VALUE=uri:tel:+86-21-62496566",
            "TEL;TYPE=work,fax;VALUE=text:021-62490880",
        ]
    );
    assert_eq!(value(&cards[0], "EMAIL"), "office@example.cn");
    // A comma in a URI is percent-encoded, so the value needs no vCard escape.
    assert_eq!(value(&cards[0], "URL"), "http://www.example.cn/about%2Cus");
}

#[test]
fn vcard_people_have_family_and_given_names_titles_and_organizations() {
    let run = export(&["--format", "vcard", "li-changhong", "jukka-makela"]).status(0);
    let cards = cards(&run.stdout);
    assert_eq!(cards.len(), 2);
    let li = card_of(&cards, "li-changhong");
    assert_eq!(value(li, "KIND"), "individual");
    assert_eq!(value(li, "FN"), "Li Changhong");
    // Family name first, as Chinese names are written; five components.
    assert_eq!(value(li, "N"), "Li;Changhong;;;");
    assert_eq!(value(li, "TITLE"), "President\\, Founding");
    assert_eq!(value(li, "ORG"), "Kenya Shanghai Chamber of Commerce");
    let jukka = card_of(&cards, "jukka-makela");
    assert_eq!(value(jukka, "N"), "Mäkelä;Jukka;;;");
    // Only the post still held; the one that ended in 2012 is left out.
    assert_eq!(value(jukka, "TITLE"), "Honorary Adviser");
    assert!(!run.stdout.contains("Treasurer"), "{}", run.context());
}

#[test]
fn vcard_organizations_are_kind_org_without_a_structured_name() {
    let run = export(&["--format", "vcard", "kenya-chamber"]).status(0);
    let cards = cards(&run.stdout);
    let card = &cards[0];
    assert_eq!(value(card, "KIND"), "org");
    assert!(values(card, "N").is_empty(), "{card:#?}");
    assert_eq!(value(card, "ORG"), "Kenya Shanghai Chamber of Commerce");
    // No street, but the city and country are known.
    assert_eq!(value(card, "ADR"), ";;;Nairobi;;;Kenya");
}

#[test]
fn vcard_of_a_city_or_an_event_says_there_is_none_and_exits_1() {
    let run = export(&["--format", "vcard", "youth-forum-2019"])
        .status(1)
        .stderr_contains("no vCard for \"youth-forum-2019\" (event)");
    assert!(run.stdout.is_empty(), "{}", run.context());
    export(&["--format", "vcard", "shanghai"])
        .status(1)
        .stderr_contains("(city)");
}

#[test]
fn vcard_query_picks_the_best_organization_or_person() {
    // "Youth" matches the event's title best, but the event has no vCard.
    let run = export(&["--format", "vcard", "youth"]).status(0);
    let cards = cards(&run.stdout);
    assert_eq!(cards.len(), 1);
    card_of(&cards, "overseas-league");
}

#[test]
fn builtin_soea_vcard_has_the_address_with_escaped_commas_and_the_phone() {
    let run = builtin_export(&["--format", "vcard", "soea"]).status(0);
    let cards = cards(&run.stdout);
    assert_eq!(cards.len(), 1, "{}", run.context());
    let card = &cards[0];
    assert_eq!(
        values(card, "FN")[0],
        "Shanghai Overseas Exchange Association"
    );
    let adr = value(card, "ADR");
    assert!(
        adr.starts_with(";;Room 1103\\, Overseas Chinese Building\\, 129 Yananxilu;Shanghai;"),
        "{adr}"
    );
    assert_eq!(
        values(card, "TEL"),
        ["tel:+86-21-6249-6566"],
        "{}",
        run.context()
    );
    assert_eq!(value(card, "UID"), "urn:liaison:soea");
}

// ---------------------------------------------------------------------------------------
// Choosing what to export
// ---------------------------------------------------------------------------------------

#[test]
fn export_with_nothing_matching_says_so_and_exits_1() {
    for format in ["vcard", "csv", "json"] {
        let run = export(&["--format", format, "zzqqxx"])
            .status(1)
            .stderr_contains("nothing matches \"zzqqxx\"");
        assert!(run.stdout.is_empty(), "{}", run.context());
    }
}

#[test]
fn export_prints_what_matches_and_exits_1_for_a_query_that_does_not() {
    let run = export(&["--format", "csv", "kenya-chamber", "zzqqxx"])
        .status(1)
        .stderr_contains("nothing matches \"zzqqxx\"");
    let rows = parse_csv(&run.stdout);
    assert_eq!(rows.len(), 2, "{}", run.context());
    assert_eq!(rows[1][0], "kenya-chamber");
}

#[test]
fn export_lists_an_entity_once_however_often_it_is_asked_for() {
    let run = builtin_export(&["--format", "csv", "soea", "SOEA", "soea"]).status(0);
    assert_eq!(parse_csv(&run.stdout).len(), 2, "{}", run.context());
}

#[test]
fn all_matches_exports_every_match_of_a_query() {
    let run = export(&["--format", "csv", "chamber"]).status(0);
    assert_eq!(parse_csv(&run.stdout).len(), 2, "{}", run.context());
    let run = export(&["--format", "csv", "--all-matches", "org:"]).status(0);
    let ids: Vec<String> = parse_csv(&run.stdout)[1..]
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(ids.len(), 2, "{}", run.context());
    assert!(ids.contains(&"overseas-league".to_string()));
    assert!(ids.contains(&"kenya-chamber".to_string()));
}

#[test]
fn a_query_of_filters_alone_exports_every_entity_that_passes_them() {
    // `search` and `export` agree: a filter describes a set, not a best match.
    let run = builtin_export(&["--format", "csv", "org: country:finland"]).status(0);
    let ids: Vec<String> = parse_csv(&run.stdout)[1..]
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert!(ids.len() >= 3, "{}", run.context());
    assert!(
        ids.contains(&"city-of-espoo".to_string()),
        "{}",
        run.context()
    );
    assert!(
        ids.contains(&"savonia-uas".to_string()),
        "{}",
        run.context()
    );
    // vCards of the same set hold only its organizations and people.
    let run = builtin_export(&["country:finland"]).status(0);
    assert!(
        run.stdout.matches("BEGIN:VCARD").count() >= ids.len(),
        "{}",
        run.context()
    );
    // Exactly the organizations and people among everything the filter selects.
    let all = builtin_export(&["--format", "csv", "country:finland"]).status(0);
    let rows = parse_csv(&all.stdout);
    let kind = rows[0]
        .iter()
        .position(|h| h == "kind")
        .expect("a kind column");
    let contacts = rows[1..]
        .iter()
        .filter(|r| r[kind] == "organization" || r[kind] == "person")
        .count();
    assert!(contacts < rows.len() - 1, "cities too: {}", all.context());
    assert_eq!(
        run.stdout.matches("BEGIN:VCARD").count(),
        contacts,
        "{}",
        run.context()
    );
}

// ---------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------

/// Parses RFC 4180 CSV: quoted fields may hold commas, line breaks and doubled quotes;
/// records end in CRLF. Panics on anything else, such as a stray quote.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    assert!(
                        matches!(chars.peek(), Some(',' | '\r') | None),
                        "text after a closing quote in {text}"
                    );
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            '"' => panic!("a quote inside an unquoted field: {field:?}"),
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '\n' => panic!("a record ends in LF without CR: {row:?} {field:?}"),
            c => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(
        row.is_empty() && field.is_empty(),
        "the last record has no CRLF"
    );
    rows
}

#[test]
fn csv_has_a_header_and_every_row_has_as_many_columns() {
    let run = export(&["--format", "csv"]).status(0);
    let rows = parse_csv(&run.stdout);
    let header = &rows[0];
    assert_eq!(&header[..4], ["id", "kind", "name", "native_name"]);
    for column in ["address", "phones", "emails", "website", "title", "sources"] {
        assert!(header.iter().any(|h| h == column), "{column} in {header:?}");
    }
    // Every organization and person, organizations first.
    let kinds: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(kinds, ["organization", "organization", "person", "person"]);
    for row in &rows {
        assert_eq!(row.len(), header.len(), "{row:?}");
    }
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks_and_reads_back_as_written() {
    let run = export(&["--format", "csv", "overseas-league", "li-changhong"]).status(0);
    let rows = parse_csv(&run.stdout);
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let org = &rows[1];
    assert_eq!(
        org[col("name")],
        "Shanghai Federation of Returned Overseas Chinese, Youth League; \"Friends\" Branch"
    );
    assert_eq!(
        org[col("address")],
        "Room 1103, Overseas Chinese Building; 129 Yananxilu\nFloor 11"
    );
    assert_eq!(org[col("phones")], "+86 21 6249-6566; 0086-21-62496566");
    assert_eq!(org[col("city")], "Shanghai");
    assert_eq!(org[col("country")], "China");
    assert_eq!(
        org[col("sources")],
        "fixture, with a comma; second \"quoted\" source"
    );
    // Control characters are shown escaped, not written.
    assert_eq!(
        org[col("note")],
        "Bell \\u{7}, escape \\u{1b}[31m and override \\u{202e} in the data."
    );
    let person = &rows[2];
    assert_eq!(person[col("title")], "President, Founding");
    assert_eq!(
        person[col("organization")],
        "Kenya Shanghai Chamber of Commerce"
    );
}

// ---------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------

#[test]
fn json_is_an_array_of_whole_entities() {
    let run = export(&["--format", "json"]).status(0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    let all = json.as_array().expect("an array");
    // Every entity, cities and events included.
    assert_eq!(all.len(), 7, "{}", run.context());
    let org = all
        .iter()
        .find_map(|e| {
            e.get("Organization")
                .filter(|o| o["id"] == "overseas-league")
        })
        .expect("the organization");
    assert_eq!(
        org["contact"]["address"],
        "Room 1103, Overseas Chinese Building; 129 Yananxilu\nFloor 11"
    );
    assert_eq!(org["contact"]["fax"][0], "021-62490880");
    assert_eq!(org["tags"][1], "youth");
    // The escapes decode back to the data as written; the raw output has no ESC or BEL.
    assert_eq!(
        org["note"],
        "Bell \u{7}, escape \u{1b}[31m and override \u{202e} in the data."
    );
    assert!(
        !run.stdout.contains(['\u{1b}', '\u{7}', '\u{202e}']),
        "{}",
        run.context()
    );
    assert!(all.iter().any(|e| e["Event"]["id"] == "youth-forum-2019"));
}

#[test]
fn builtin_soea_json_holds_the_whole_organization() {
    let run = builtin_export(&["--format", "json", "soea"]).status(0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    let soea = &json[0]["Organization"];
    assert_eq!(soea["id"], "soea");
    assert_eq!(
        soea["contact"]["address"],
        "Room 1103, Overseas Chinese Building, 129 Yananxilu"
    );
    assert_eq!(soea["parent"], "shanghai-ocao");
    assert!(soea["description"].as_str().is_some_and(|d| d.len() > 200));
    assert!(soea["sources"].as_array().is_some_and(|s| !s.is_empty()));
}

// ---------------------------------------------------------------------------------------
// Completions and the man page
// ---------------------------------------------------------------------------------------

#[test]
fn completions_for_bash_zsh_and_fish_name_the_commands_and_options() {
    for shell in ["bash", "zsh", "fish"] {
        let run = Test::new().args(["completions", shell]).run().status(0);
        for word in [
            "check",
            "search",
            "show",
            "export",
            "completions",
            "man",
            "all-matches",
            "vcard",
        ] {
            assert!(
                run.stdout.contains(word),
                "{shell} completions lack {word:?}\n{}",
                run.context()
            );
        }
    }
}

#[test]
fn completions_for_an_unknown_shell_is_a_usage_error() {
    Test::new()
        .args(["completions", "cmd.exe"])
        .run()
        .status(2)
        .stderr_contains("possible values");
}

/// The roff requests that open a section or a page: `.TH` and `.SH` lines.
fn headings(roff: &str) -> Vec<&str> {
    roff.lines()
        .filter(|l| l.starts_with(".TH ") || l.starts_with(".SH "))
        .collect()
}

#[test]
fn man_prints_a_roff_page_that_lists_the_commands() {
    let run = Test::new().args(["man"]).run().status(0);
    let heads = headings(&run.stdout);
    assert!(
        heads
            .first()
            .is_some_and(|h| h.starts_with(".TH liaison 1 ")),
        "{heads:?}"
    );
    assert_eq!(heads[1], ".SH NAME");
    assert!(heads.contains(&".SH SUBCOMMANDS"), "{heads:?}");
    for command in [
        "liaison\\-export(1)",
        "liaison\\-completions(1)",
        "liaison\\-man(1)",
    ] {
        assert!(run.stdout.contains(command), "{command}\n{}", run.context());
    }
}

#[test]
fn man_of_a_command_prints_its_own_page_with_its_options() {
    let run = Test::new().args(["man", "export"]).run().status(0);
    assert!(
        headings(&run.stdout)
            .first()
            .is_some_and(|h| h.starts_with(".TH liaison-export 1 ")),
        "{}",
        run.context()
    );
    assert!(
        run.stdout.contains("\\-\\-all\\-matches"),
        "{}",
        run.context()
    );
    Test::new()
        .args(["man", "nope"])
        .run()
        .status(2)
        .stderr_contains("no command \"nope\"");
}

/// M7: a name, alias or phone a spreadsheet would run as a formula is written with a leading
/// `'`; phone numbers in international form are kept as they are.
#[test]
fn csv_cells_that_a_spreadsheet_would_run_start_with_a_quote_and_phones_stay_intact() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("formulas.ron"),
        r#"[
    Organization(
        id: "formula-org",
        name: "=HYPERLINK(\"http://evil.example\",\"click\")",
        aliases: ["+cmd|' /C calc'!A0", "@SUM(1+1)"],
        contact: (
            phones: ["+86 21 6249 6566", "+86-21-62496566"],
            fax: ["-2+3+cmd|' /C calc'!A0"],
        ),
        sources: ["test payload"],
    ),
]
"#,
    )
    .unwrap();
    let data = dir.path().to_str().unwrap();
    let run = Test::new()
        .data(data)
        .args(["export", "--format", "csv", "formula-org"])
        .run()
        .status(0);
    let rows = parse_csv(&run.stdout);
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let org = &rows[1];
    assert_eq!(
        org[col("name")],
        "'=HYPERLINK(\"http://evil.example\",\"click\")"
    );
    assert_eq!(org[col("aliases")], "'+cmd|' /C calc'!A0; @SUM(1+1)");
    assert_eq!(org[col("fax")], "'-2+3+cmd|' /C calc'!A0");
    assert_eq!(org[col("phones")], "+86 21 6249 6566; +86-21-62496566");
}
