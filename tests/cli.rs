//! The `liaison` binary as a user runs it: output, locations and exit codes.
//!
//! Every test runs the real binary with `LIAISON_DATA` unset and `HOME` / `XDG_DATA_HOME`
//! pointing at an empty temporary folder, so neither the environment nor a user data
//! directory can change what is loaded. Fixture data is passed with `--data`.
mod common;

use common::cli::{Run, Test};

use std::path::{Path, PathBuf};
use tempfile::TempDir;

const CHECK: &str = "tests/fixtures/check";
const NETWORK: &str = "tests/fixtures/network";

/// Asserts a message holds every one of `words`.
fn assert_says(message: &str, words: &[&str]) {
    for w in words {
        assert!(
            message.contains(w),
            "message {message:?} does not mention {w:?}"
        );
    }
}

fn fixture(name: &str) -> String {
    format!("{CHECK}/{name}")
}

/// `liaison check --data tests/fixtures/check/NAME`.
fn check(name: &str) -> Run {
    Test::new().arg("check").data(fixture(name)).run()
}

// ---------------------------------------------------------------------------------------
// check: every validation rule, located exactly
// ---------------------------------------------------------------------------------------

#[test]
fn syntax_error_reports_line_and_column_and_later_entities_still_load() {
    let run = check("syntax_error.ron").status(1);
    let path = fixture("syntax_error.ron");
    let msgs = run.reports(&[&format!("{path}:4:39: error")]);
    assert_says(&msgs[0].to_lowercase(), &["syntax error", "comma"]);
    // Oslo before the broken entity and Tromsø after it both load.
    assert!(
        run.summary()
            .starts_with("2 entities in 1 file (2 cities): 1 error"),
        "{}",
        run.context()
    );
}

#[test]
fn unbalanced_bracket_reports_its_place_and_the_next_entity_still_loads() {
    let run = check("unbalanced_bracket.ron").status(1);
    let path = fixture("unbalanced_bracket.ron");
    let msgs = run.reports(&[&format!("{path}:4:79: error")]);
    assert_says(&msgs[0], &["syntax error", "`)`", "`]`"]);
    assert!(
        run.summary()
            .starts_with("2 entities in 1 file (2 cities): 1 error"),
        "{}",
        run.context()
    );
}

#[test]
fn unclosed_entity_is_reported_where_it_opens_and_the_next_entity_still_loads() {
    let run = check("unclosed_entity.ron").status(1);
    let path = fixture("unclosed_entity.ron");
    let msgs = run.reports(&[&format!("{path}:4:9: error")]);
    assert_says(&msgs[0], &["syntax error", "`(`", "never closed"]);
    assert!(
        run.summary()
            .starts_with("2 entities in 1 file (2 cities): 1 error"),
        "{}",
        run.context()
    );
}

#[test]
fn unknown_field_names_the_field_and_the_allowed_ones() {
    let run = check("unknown_field.ron").status(1);
    let path = fixture("unknown_field.ron");
    let msgs = run.reports(&[&format!("{path}:2:55: error")]);
    assert_says(
        &msgs[0],
        &[
            "unknown field `populaton`",
            "City",
            "allowed fields",
            "name",
            "country",
            "coordinates",
            "sources",
        ],
    );
}

#[test]
fn wrong_type_points_at_the_value() {
    let run = check("wrong_type.ron").status(1);
    let path = fixture("wrong_type.ron");
    let msgs = run.reports(&[
        &format!("{path}:2:28: error"),
        &format!("{path}:3:53: error"),
        &format!("{path}:4:73: error"),
    ]);
    assert_says(&msgs[0], &["wrong type", "string"]);
    assert_says(&msgs[1], &["wrong type", "list"]);
    assert_says(&msgs[2], &["wrong type", "number"]);
}

#[test]
fn duplicate_id_in_one_file_names_both_places() {
    let run = check("duplicate_id.ron").status(1);
    let path = fixture("duplicate_id.ron");
    let msgs = run.reports(&[&format!("{path}:4:13: error")]);
    assert_says(
        &msgs[0],
        &["duplicate id `oslo`", &format!("{path}:2:14"), "skipped"],
    );
    assert!(run.summary().starts_with("1 entity in 1 file (1 city)"));
}

#[test]
fn duplicate_id_across_two_files_names_both_files() {
    let dir = fixture("duplicate_across_files");
    let run = check("duplicate_across_files").status(1);
    let msgs = run.reports(&[&format!("{dir}/b.ron:3:14: error")]);
    assert_says(
        &msgs[0],
        &["duplicate id `espoo`", &format!("{dir}/a.ron:2:14")],
    );
    assert!(
        run.summary()
            .starts_with("2 entities in 2 files (2 cities)")
    );
}

#[test]
fn dangling_reference_reports_file_line_and_suggestion() {
    let run = check("dangling_reference.ron").status(1);
    let path = fixture("dangling_reference.ron");
    let msgs = run.reports(&[&format!("{path}:6:15: error")]);
    assert_says(
        &msgs[0],
        &[
            "unknown id `shanghia`",
            "`city`",
            "did you mean `shanghai`?",
        ],
    );
}

#[test]
fn reference_to_the_wrong_kind_says_what_it_is_and_what_is_needed() {
    let run = check("wrong_kind_reference.ron").status(1);
    let path = fixture("wrong_kind_reference.ron");
    let msgs = run.reports(&[&format!("{path}:7:73: error")]);
    assert_says(
        &msgs[0],
        &["`shanghai`", "is a city", "must name an organization"],
    );
}

#[test]
fn malformed_date_is_reported_at_the_value() {
    let run = check("malformed_date.ron").status(1);
    let path = fixture("malformed_date.ron");
    let msgs = run.reports(&[&format!("{path}:2:53: error")]);
    assert_says(
        &msgs[0],
        &["malformed date", "24.09.2019", "YYYY-MM-DD", "`founded`"],
    );
}

#[test]
fn impossible_date_is_reported_with_the_reason() {
    let run = check("impossible_date.ron").status(1);
    let path = fixture("impossible_date.ron");
    let msgs = run.reports(&[&format!("{path}:5:15: error")]);
    assert_says(&msgs[0], &["impossible date", "2019-02-30", "28 days"]);
    // The event itself still loads; only the date is dropped.
    assert!(run.summary().starts_with("1 entity in 1 file (1 event)"));
}

#[test]
fn out_of_range_coordinates_point_at_the_bad_number() {
    let run = check("coordinates_out_of_range.ron").status(1);
    let path = fixture("coordinates_out_of_range.ron");
    let msgs = run.reports(&[
        &format!("{path}:2:72: error"),
        &format!("{path}:3:76: error"),
    ]);
    assert_says(&msgs[0], &["latitude", "91.5", "-90..90"]);
    assert_says(&msgs[1], &["longitude", "180.5", "-180..180"]);
    // (-90, -180) is on the edge, not outside it.
    assert!(run.summary().starts_with("3 entities in 1 file (3 cities)"));
}

#[test]
fn duplicate_sister_city_tie_is_found_in_either_order() {
    let run = check("duplicate_tie.ron").status(1);
    let path = fixture("duplicate_tie.ron");
    let msgs = run.reports(&[
        &format!("{path}:5:48: error"),
        &format!("{path}:6:46: error"),
    ]);
    for m in &msgs {
        assert_says(
            m,
            &[
                "duplicate sister-city tie",
                "`shanghai-espoo`",
                &format!("{path}:4:5"),
            ],
        );
    }
}

#[test]
fn self_referencing_tie_is_an_error() {
    let run = check("self_tie.ron").status(1);
    let path = fixture("self_tie.ron");
    let msgs = run.reports(&[&format!("{path}:3:43: error")]);
    assert_says(&msgs[0], &["own sister city", "`espoo`"]);
}

#[test]
fn unknown_entity_kind_lists_the_kinds_and_the_rest_loads() {
    let run = check("unknown_kind.ron").status(1);
    let path = fixture("unknown_kind.ron");
    let msgs = run.reports(&[&format!("{path}:2:5: error")]);
    assert_says(
        &msgs[0],
        &[
            "unknown entity kind `Town`",
            "Organization",
            "City",
            "SisterCity",
        ],
    );
    assert!(run.summary().starts_with("1 entity in 1 file (1 city)"));
}

#[test]
fn the_same_field_twice_is_reported_at_the_second() {
    let run = check("duplicate_field.ron").status(1);
    let path = fixture("duplicate_field.ron");
    let msgs = run.reports(&[&format!("{path}:2:55: error")]);
    assert_says(&msgs[0], &["`name`", "twice"]);
}

#[test]
fn invalid_utf8_is_reported_at_the_bad_byte_and_the_file_still_loads() {
    let bytes = std::fs::read(fixture("invalid_utf8.ron")).unwrap();
    assert!(bytes.contains(&0xf8), "the fixture must hold a bad byte");
    let run = check("invalid_utf8.ron").status(1);
    let path = fixture("invalid_utf8.ron");
    let msgs = run.reports(&[&format!("{path}:3:32: error")]);
    assert_says(&msgs[0], &["invalid UTF-8", "0xf8"]);
    assert!(run.summary().starts_with("2 entities in 1 file (2 cities)"));
}

#[test]
fn byte_order_mark_loads_fine() {
    let bytes = std::fs::read(fixture("byte_order_mark.ron")).unwrap();
    assert!(
        bytes.starts_with(b"\xef\xbb\xbf"),
        "the fixture must start with a BOM"
    );
    check("byte_order_mark.ron")
        .status(0)
        .stdout_is("1 entity in 1 file (1 city): 0 errors, 0 warnings\n");
}

#[test]
fn byte_order_mark_does_not_count_as_a_column() {
    let path = fixture("byte_order_mark_error_on_first_line.ron");
    assert!(std::fs::read(&path).unwrap().starts_with(b"\xef\xbb\xbf"));
    let run = check("byte_order_mark_error_on_first_line.ron").status(1);
    let msgs = run.reports(&[&format!("{path}:1:19: error")]);
    assert_says(&msgs[0], &["unknown field `nme`"]);
}

#[test]
fn empty_file_is_a_warning_not_an_error() {
    let path = fixture("empty.ron");
    check("empty.ron").status(0).stdout_is(&format!(
        "{path}:1:1: warning: empty file: no entities\n\
             0 entities in 1 file: 0 errors, 1 warning\n"
    ));
}

#[test]
fn broken_file_in_a_folder_does_not_hide_the_good_one() {
    let dir = fixture("broken_folder");
    let run = check("broken_folder").status(1);
    let msgs = run.reports(&[&format!("{dir}/broken.ron:3:49: error")]);
    assert_says(&msgs[0], &["wrong type", "string"]);
    // Oslo from the broken file, Helsinki, Espoo and their tie from the good one.
    assert_eq!(
        run.summary(),
        "4 entities in 2 files (3 cities, 1 sister-city tie): 1 error, 0 warnings",
        "{}",
        run.context()
    );
}

#[test]
fn check_of_clean_data_prints_only_the_summary_and_exits_0() {
    Test::new()
        .arg("check")
        .data(NETWORK)
        .run()
        .status(0)
        .stdout_is(
            "20 entities in 6 files (6 organizations, 7 cities, 2 people, 2 agreements, \
             1 event, 2 sister-city ties): 0 errors, 0 warnings\n",
        );
}

#[test]
fn check_of_a_missing_path_is_an_error_naming_it() {
    Test::new()
        .arg("check")
        .data("tests/fixtures/no-such-file.ron")
        .run()
        .status(1)
        .stdout_contains("tests/fixtures/no-such-file.ron: error: cannot read");
}

#[test]
fn check_accepts_several_data_paths() {
    Test::new()
        .arg("check")
        .data(fixture("duplicate_across_files/a.ron"))
        .data(fixture("broken_folder/good.ron"))
        .run()
        .stdout_contains("in 2 files");
}

// ---------------------------------------------------------------------------------------
// search
// ---------------------------------------------------------------------------------------

fn search(args: &[&str]) -> Run {
    Test::new().arg("search").data(NETWORK).args(args).run()
}

#[test]
fn search_prints_id_kind_name_best_first() {
    let run = search(&["soea"]).status(0);
    assert_eq!(
        run.lines()[0],
        "soea\torganization\tShanghai Overseas Exchange Association"
    );
    for line in run.lines() {
        assert_eq!(line.split('\t').count(), 3, "{line:?}");
    }
}

#[test]
fn search_for_a_city_name_puts_the_city_first() {
    let run = search(&["espoo"]).status(0);
    assert_eq!(run.lines()[0], "espoo\tcity\tEspoo");
    assert!(
        run.lines()
            .contains(&"espoo-business-club\torganization\tEspoo Business Club")
    );
}

#[test]
fn search_finds_a_native_name_prefix() {
    let run = search(&["上海市海外"]).status(0);
    assert!(run.lines()[0].starts_with("soea\t"), "{}", run.context());
}

#[test]
fn search_with_nothing_matching_prints_nothing_and_exits_1() {
    search(&["zzqqxxyy"]).status(1).stdout_is("");
}

#[test]
fn search_json_is_an_array_of_id_kind_name_score() {
    let run = search(&["--json", "shanghai"]).status(0);
    let json = run.json();
    let rows = json.as_array().expect("a JSON array");
    assert!(rows.len() >= 3);
    assert_eq!(rows[0]["id"], "shanghai");
    assert_eq!(rows[0]["kind"], "city");
    assert_eq!(rows[0]["name"], "Shanghai");
    let mut last = i64::MAX;
    for row in rows {
        let obj = row.as_object().unwrap();
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["id", "kind", "name", "score"]);
        let score = row["score"].as_i64().expect("an integer score");
        assert!(score <= last, "scores must not increase: {rows:?}");
        last = score;
    }
}

#[test]
fn search_json_with_no_match_is_an_empty_array_and_exit_1() {
    let run = search(&["--json", "zzqqxxyy"]).status(1);
    assert_eq!(run.json(), serde_json::json!([]));
}

#[test]
fn search_kind_option_and_kind_prefix_filter_alike() {
    let by_option = search(&["--kind", "org", "shanghai"]).status(0);
    let by_prefix = search(&["org:", "shanghai"]).status(0);
    assert_eq!(by_option.stdout, by_prefix.stdout);
    assert!(by_option.lines().len() >= 3);
    for line in by_option.lines() {
        assert_eq!(line.split('\t').nth(1), Some("organization"), "{line:?}");
    }
    search(&["--kind", "city", "shanghai"])
        .status(0)
        .stdout_is("shanghai\tcity\tShanghai\n");
}

#[test]
fn search_limit_caps_the_number_of_lines() {
    let all = search(&["shanghai"]).status(0);
    assert!(all.lines().len() > 2);
    let two = search(&["--limit", "2", "shanghai"]).status(0);
    assert_eq!(two.lines(), all.lines()[..2]);
}

#[test]
fn search_joins_several_words_into_one_query() {
    let run = search(&["overseas", "exchange"]).status(0);
    assert!(run.lines()[0].starts_with("soea\t"), "{}", run.context());
}

// ---------------------------------------------------------------------------------------
// show
// ---------------------------------------------------------------------------------------

fn show(args: &[&str]) -> Run {
    Test::new().arg("show").data(NETWORK).args(args).run()
}

/// The entries listed under a `Heading (N)` line of `show`, and N.
fn group<'a>(run: &'a Run, heading: &str) -> (usize, Vec<&'a str>) {
    let lines = run.lines();
    let start = lines
        .iter()
        .position(|l| l.starts_with(&format!("{heading} (")))
        .unwrap_or_else(|| panic!("no group {heading:?}\n{}", run.context()));
    let count = lines[start][heading.len() + 2..]
        .trim_end_matches(')')
        .parse()
        .expect("a count");
    let items = lines[start + 1..]
        .iter()
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.trim())
        .collect();
    (count, items)
}

#[test]
fn show_prints_contact_labels_and_links_grouped_with_counts() {
    let run = show(&["soea"]).status(0);
    let lines = run.lines();
    assert_eq!(
        lines[0],
        "Shanghai Overseas Exchange Association  上海市海外交流协会"
    );
    assert!(lines[1].contains("id: soea"), "{}", run.context());
    let label = |l: &str, label: &str, value: &str| {
        l.starts_with(&format!("{label}:")) && l.ends_with(value)
    };
    assert!(lines.iter().any(|l| label(
        l,
        "Address",
        "Room 1103, Overseas Chinese Building, 129 Yananxilu"
    )));
    assert!(lines.iter().any(|l| label(l, "Phone", "0086-21-62496566")));
    assert!(lines.iter().any(|l| label(l, "Founded", "1990")));
    assert_eq!(
        group(&run, "Parent body"),
        (
            1,
            vec!["Shanghai Overseas Chinese Affairs Office  [shanghai-ocao]"]
        )
    );
    assert_eq!(group(&run, "Located in"), (1, vec!["Shanghai  [shanghai]"]));
    let (n, signed) = group(&run, "Signed");
    assert_eq!(n, 1);
    assert!(signed[0].ends_with("[soea-kenya-chamber-mou]"));
    run.stdout_contains("Sources:\n  S0: SOEA profile");
}

#[test]
fn show_lists_a_sister_city_with_the_year_on_both_sides() {
    let espoo = show(&["espoo"]).status(0);
    assert_eq!(
        group(&espoo, "Sister cities"),
        (1, vec!["Shanghai  (1998)  [shanghai]"])
    );
    let shanghai = show(&["shanghai"]).status(0);
    assert_eq!(
        group(&shanghai, "Sister cities"),
        (1, vec!["Espoo  (1998)  [espoo]"])
    );
    let (n, here) = group(&shanghai, "Located here");
    assert_eq!(n, 2);
    assert_eq!(
        here,
        [
            "Shanghai Overseas Chinese Affairs Office  [shanghai-ocao]",
            "Shanghai Overseas Exchange Association  [soea]"
        ]
    );
}

#[test]
fn show_takes_a_query_when_no_id_matches() {
    show(&["Overseas", "Exchange"])
        .status(0)
        .stdout_contains("id: soea");
}

#[test]
fn show_with_nothing_matching_says_so_and_exits_1() {
    show(&["zzqqxxyy"])
        .status(1)
        .stdout_is("")
        .stderr_contains("nothing matches \"zzqqxxyy\"");
}

#[test]
fn show_json_is_one_object_with_card_and_links() {
    let run = show(&["--json", "espoo"]).status(0);
    let json = run.json();
    assert!(json.is_object());
    assert_eq!(json["id"], "espoo");
    assert_eq!(json["kind"], "city");
    assert_eq!(json["name"], "Espoo");
    let links = json["links"].as_array().expect("links");
    assert!(links.contains(&serde_json::json!({
        "relation": "Sister cities",
        "id": "shanghai",
        "kind": "city",
        "name": "Shanghai",
        "detail": "1998",
    })));
    let soea = show(&["--json", "soea"]).status(0).json();
    let contact = soea["contact"].as_array().unwrap();
    assert!(contact.contains(&serde_json::json!({
        "label": "Phone", "value": "0086-21-62496566"
    })));
}

// ---------------------------------------------------------------------------------------
// init, --version, --help, data selection
// ---------------------------------------------------------------------------------------

#[test]
fn init_writes_the_builtin_files() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("data");
    let run = Test::new()
        .arg("init")
        .arg("--dir")
        .arg(&target)
        .run()
        .status(0);
    for (name, text) in liaison::dataset::builtin_files() {
        let written = std::fs::read_to_string(target.join(name))
            .unwrap_or_else(|e| panic!("{name} not written ({e})\n{}", run.context()));
        assert_eq!(&written, text, "{name} differs from the built-in file");
        assert!(
            run.stdout
                .contains(&format!("wrote {}", target.join(name).display()))
        );
    }
    // What init wrote loads exactly as the built-in dataset does.
    let builtin = Test::new().arg("check").run();
    let copied = Test::new().arg("check").data(&target).run();
    assert_eq!(copied.summary(), builtin.summary());
}

#[test]
fn init_never_overwrites_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let sentinel = dir.path().join("cities.ron");
    let mine = "[ City(id: \"mine\", name: \"Mine\", country: \"X\", sources: [\"me\"]) ]\n";
    std::fs::write(&sentinel, mine).unwrap();
    Test::new()
        .arg("init")
        .arg("--dir")
        .arg(dir.path())
        .run()
        .status(0)
        .stdout_contains(&format!("kept {} (already exists)", sentinel.display()));
    assert_eq!(std::fs::read_to_string(&sentinel).unwrap(), mine);
    // The other files were still written.
    assert!(dir.path().join("organizations.ron").is_file());
    // Running it again changes nothing either.
    let before: Vec<(PathBuf, Vec<u8>)> = read_dir(dir.path());
    Test::new()
        .arg("init")
        .arg("--dir")
        .arg(dir.path())
        .run()
        .status(0)
        .stdout_lacks("wrote ");
    assert_eq!(read_dir(dir.path()), before);
}

fn read_dir(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn version_prints_the_crate_version() {
    Test::new()
        .arg("--version")
        .run()
        .status(0)
        .stdout_is(&format!("liaison {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_lists_the_commands_and_the_data_option() {
    let run = Test::new().arg("--help").run().status(0);
    for word in ["check", "search", "show", "init", "--data", "--version"] {
        assert!(
            run.stdout.contains(word),
            "help lacks {word}\n{}",
            run.context()
        );
    }
}

#[test]
fn unknown_command_is_a_usage_error() {
    Test::new()
        .arg("frobnicate")
        .run()
        .status(2)
        .stderr_contains("frobnicate");
}

#[test]
fn liaison_data_variable_chooses_the_data_and_data_option_overrides_it() {
    Test::new()
        .env("LIAISON_DATA", NETWORK)
        .args(["search", "soea"])
        .run()
        .status(0)
        .stdout_contains("soea\torganization");
    Test::new()
        .env("LIAISON_DATA", NETWORK)
        .arg("check")
        .data(fixture("byte_order_mark.ron"))
        .run()
        .stdout_is("1 entity in 1 file (1 city): 0 errors, 0 warnings\n");
}

#[test]
fn user_data_directory_is_read_when_it_holds_ron_files() {
    let test = Test::new();
    let user_dir = test.home().join("share").join("liaison");
    std::fs::create_dir_all(&user_dir).unwrap();
    std::fs::copy(fixture("byte_order_mark.ron"), user_dir.join("mine.ron")).unwrap();
    test.arg("check")
        .run()
        .status(0)
        .stdout_is("1 entity in 1 file (1 city): 0 errors, 0 warnings\n");
}

// ---------------------------------------------------------------------------------------
// Control characters from the data never reach the terminal
// ---------------------------------------------------------------------------------------

/// A dataset whose strings hold an SGR sequence, an OSC 52 clipboard write, a C1 CSI and a
/// right-to-left override, written as raw characters into the file.
fn hostile_dataset() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = "[\n\
        City(id: \"evil-city\", name: \"Red \u{1b}[31mCity\u{1b}[0m\", \
             country: \"Nowhere\u{9b}2J\", note: \"copy \u{1b}]52;c;aGVsbG8=\u{7} done\", \
             sources: [\"s\u{202e}txt.exe\"]),\n\
        Organization(id: \"evil-org\", name: \"Clipboard \u{1b}]52;c;ZXZpbA==\u{7}Club\", \
             native_name: \"\u{202e}evil\", city: \"evil-city\", \
             contact: (address: \"Street \u{1b}[2J1\", phones: [\"\u{9b}1m555\"]), \
             description: \"line one\nline \u{1b}[5mtwo\", sources: [\"s\"]),\n\
        Organization(id: \"bad-ref\", name: \"Dangling\", city: \"nowhere\u{1b}[31m\", \
             sources: [\"s\"]),\n\
    ]\n";
    std::fs::write(dir.path().join("hostile.ron"), text).unwrap();
    dir
}

fn assert_no_control_bytes(run: &Run) {
    let out = &run.raw_stdout;
    assert!(!out.is_empty(), "no output\n{}", run.context());
    assert!(!out.contains(&0x1b), "ESC in stdout\n{}", run.context());
    assert!(!out.contains(&0x07), "BEL in stdout\n{}", run.context());
    assert!(
        !out.windows(2).any(|w| w == [0xc2, 0x9b]),
        "C1 CSI in stdout\n{}",
        run.context()
    );
    assert!(
        !run.stdout.contains('\u{202e}'),
        "RTL override in stdout\n{}",
        run.context()
    );
}

#[test]
fn check_output_escapes_control_characters() {
    let dir = hostile_dataset();
    let run = Test::new().arg("check").data(dir.path()).run().status(1);
    assert_no_control_bytes(&run);
    run.stdout_contains("unknown id `nowhere\\u{1b}[31m`");
}

#[test]
fn search_output_escapes_control_characters() {
    let dir = hostile_dataset();
    let run = Test::new()
        .args(["search", "red"])
        .data(dir.path())
        .run()
        .status(0);
    assert_no_control_bytes(&run);
    run.stdout_contains("evil-city\tcity\tRed \\u{1b}[31mCity\\u{1b}[0m");
    let run = Test::new()
        .args(["search", "--json", "clipboard"])
        .data(dir.path())
        .run()
        .status(0);
    assert_no_control_bytes(&run);
    assert_eq!(
        run.json()[0]["name"],
        "Clipboard \u{1b}]52;c;ZXZpbA==\u{7}Club"
    );
}

#[test]
fn show_output_escapes_control_characters() {
    let dir = hostile_dataset();
    for query in ["evil-city", "evil-org"] {
        let run = Test::new()
            .args(["show", query])
            .data(dir.path())
            .run()
            .status(0);
        assert_no_control_bytes(&run);
        run.stdout_contains("\\u{1b}");
    }
    Test::new()
        .args(["show", "evil-org"])
        .data(dir.path())
        .run()
        .stdout_contains("Clipboard \\u{1b}]52;c;ZXZpbA==\\u{7}Club")
        .stdout_contains("\\u{202e}evil")
        .stdout_contains("\\u{9b}1m555")
        // A description keeps its line break but not its escape sequence.
        .stdout_contains("line one\nline \\u{1b}[5mtwo");
}

#[test]
fn show_json_escapes_control_characters_and_stays_valid_json() {
    let dir = hostile_dataset();
    for query in ["evil-city", "evil-org"] {
        let run = Test::new()
            .args(["show", "--json", query])
            .data(dir.path())
            .run()
            .status(0);
        assert_no_control_bytes(&run);
        let json = run.json();
        assert_eq!(json["id"], query);
    }
    let org = Test::new()
        .args(["show", "--json", "evil-org"])
        .data(dir.path())
        .run()
        .json();
    // The escapes decode back to the data as written.
    assert_eq!(org["native_name"], "\u{202e}evil");
    assert_eq!(org["contact"][1]["value"], "\u{9b}1m555");
}

#[test]
fn show_miss_message_escapes_control_characters() {
    let run = Test::new()
        .args(["show", "zz\u{1b}]52;c;eA==\u{7}qq"])
        .data(NETWORK)
        .run()
        .status(1);
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.context());
    assert!(run.stderr.contains("\\u{1b}"), "{}", run.context());
}

// ---------------------------------------------------------------------------------------
// The built-in dataset (compiled in; no --data)
// ---------------------------------------------------------------------------------------

/// The number before `label` in a `check` summary's list of counts.
fn count(summary: &str, label: &str) -> usize {
    let list = summary
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map_or("", |(list, _)| list);
    list.split(", ")
        .find_map(|item| item.strip_suffix(label)?.trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn builtin_dataset_checks_clean_and_is_big_enough() {
    let run = Test::new().arg("check").run().status(0);
    let warnings: Vec<&str> = run
        .lines()
        .into_iter()
        .filter(|l| l.contains(": warning: ") || l.contains(": error: "))
        .collect();
    assert!(warnings.is_empty(), "{}", run.context());
    let summary = run.summary();
    assert!(summary.ends_with(": 0 errors, 0 warnings"), "{summary}");
    assert!(summary.contains("in 7 files"), "{summary}");
    assert!(count(summary, "sister-city ties") >= 60, "{summary}");
    assert!(count(summary, "organizations") >= 20, "{summary}");
    assert!(count(summary, "people") >= 4, "{summary}");
}

#[test]
fn builtin_soea_card_has_address_and_phone() {
    Test::new()
        .args(["show", "soea"])
        .run()
        .status(0)
        .stdout_contains("129 Yananxilu")
        .stdout_contains("+86 21 6249 6566");
}

#[test]
fn builtin_espoo_lists_shanghai_as_sister_city_since_1998() {
    let run = Test::new().args(["show", "espoo"]).run().status(0);
    let (_, sisters) = group(&run, "Sister cities");
    assert!(
        sisters
            .iter()
            .any(|l| l.starts_with("Shanghai ") && l.contains("1998")),
        "{}",
        run.context()
    );
}

#[test]
fn builtin_search_soea_finds_the_association_first() {
    let run = Test::new().args(["search", "soea"]).run().status(0);
    assert!(run.lines()[0].starts_with("soea\t"), "{}", run.context());
}

#[test]
fn summary_count_reads_the_summary_line() {
    let s = "9 entities in 2 files (1 organization, 62 sister-city ties): 0 errors, 0 warnings";
    assert_eq!(count(s, "sister-city ties"), 62);
    assert_eq!(count(s, "organizations"), 0);
}

// ---------------------------------------------------------------------------------------
// check: tie levels, places within places, countries
// ---------------------------------------------------------------------------------------

#[test]
fn unknown_tie_level_is_an_error_at_the_value_listing_the_levels() {
    let run = check("bad_tie_level.ron").status(1);
    let path = fixture("bad_tie_level.ron");
    let msgs = run.reports(&[&format!("{path}:4:76: error")]);
    assert_says(
        &msgs[0],
        &[
            "`Twinned`",
            "Official",
            "FriendlyExchange",
            "Memorandum",
            "Proposed",
        ],
    );
    // The well-formed memorandum beside it still loads.
    assert!(
        run.summary().contains("1 sister-city tie"),
        "{}",
        run.context()
    );
}

#[test]
fn part_of_cycle_is_reported_at_each_city_of_the_circle() {
    let run = check("part_of_cycle.ron").status(1);
    let path = fixture("part_of_cycle.ron");
    let msgs = run.reports(&[
        &format!("{path}:2:69: error"),
        &format!("{path}:3:69: error"),
        &format!("{path}:4:69: error"),
        &format!("{path}:6:69: error"),
        &format!("{path}:7:69: error"),
    ]);
    for m in &msgs[..3] {
        assert_says(m, &["circle", "`a-town` → `b-town` → `c-town` → `a-town`"]);
    }
    assert_says(&msgs[3], &["cannot be part of itself"]);
    assert_says(&msgs[4], &["unknown id `no-such-town`", "`part_of`"]);
    // d-town hangs below the circle without being in it: no error of its own.
    assert!(
        !run.stdout.contains(&format!("{path}:5:")),
        "{}",
        run.context()
    );
    assert!(
        run.summary().ends_with("5 errors, 0 warnings"),
        "{}",
        run.context()
    );
}

#[test]
fn unknown_country_suggests_the_closest_and_codes_are_checked() {
    let run = check("unknown_country.ron").status(1);
    let path = fixture("unknown_country.ron");
    let msgs = run.reports(&[
        &format!("{path}:3:46: error"),
        &format!("{path}:4:50: error"),
        &format!("{path}:4:61: error"),
        &format!("{path}:5:47: error"),
        &format!("{path}:7:51: error"),
    ]);
    assert_says(&msgs[0], &["duplicate ISO code `FI`", "`finland`"]);
    assert_says(&msgs[1], &["`nw`", "ISO 3166-1"]);
    assert_says(&msgs[2], &["`1000`", "M49"]);
    assert_says(
        &msgs[3],
        &["unknown id `finlnd`", "did you mean `finland`?"],
    );
    assert_says(&msgs[4], &["`kuopio`", "is a city", "must name a country"]);
}

#[test]
fn an_organizations_country_is_checked_and_places_it_when_no_city_is_known() {
    let run = check("org_country.ron").status(1);
    let path = fixture("org_country.ron");
    let msgs = run.reports(&[
        &format!("{path}:6:61: error"),
        &format!("{path}:7:76: warning"),
    ]);
    assert_says(&msgs[0], &["unknown id `kenia`", "did you mean `kenya`?"]);
    assert_says(
        &msgs[1],
        &["`kenya`", "`kuopio`", "`finland`", "city's country is used"],
    );
    // The organization without a city is found by its country, shown in it, and exported
    // with it; the one with a city goes by the city's country.
    let data = fixture("org_country.ron");
    let run = Test::new()
        .args(["search", "country:kenya"])
        .data(&data)
        .run();
    assert!(run.stdout.contains("abroad\t"), "{}", run.context());
    assert!(!run.stdout.contains("both\t"), "{}", run.context());
    let run = Test::new()
        .args(["search", "region:africa org:"])
        .data(&data)
        .run();
    assert!(run.stdout.contains("abroad\t"), "{}", run.context());
    let run = Test::new().args(["show", "kenya"]).data(&data).run();
    let (n, items) = section(&run, "Organizations located here");
    assert_eq!(n, 1, "{}", run.context());
    assert!(items[0].contains("[abroad]"), "{}", run.context());
    assert!(
        !run.stdout.contains("\nLocated here"),
        "listed once: {}",
        run.context()
    );
    let run = Test::new().args(["show", "abroad"]).data(&data).run();
    assert!(run.stdout.contains("Country: Kenya"), "{}", run.context());
    let run = Test::new()
        .args(["export", "-f", "csv", "abroad", "both"])
        .data(&data)
        .run();
    let rows: Vec<&str> = run.stdout.lines().collect();
    assert!(rows[1].contains(",Kenya,"), "{}", run.context());
    assert!(rows[2].contains(",Finland,"), "{}", run.context());
}

// ---------------------------------------------------------------------------------------
// the built-in data: tie levels, places within places, countries, corrections
// ---------------------------------------------------------------------------------------

/// The lines under a heading of `show` ("Sister cities (71)"), and the count it gives.
fn section<'a>(run: &'a Run, heading: &str) -> (usize, Vec<&'a str>) {
    let lines = run.lines();
    let Some(at) = lines
        .iter()
        .position(|l| l.starts_with(&format!("{heading} (")))
    else {
        return (0, Vec::new());
    };
    let count = lines[at][heading.len() + 2..]
        .trim_end_matches(')')
        .parse()
        .unwrap_or(usize::MAX);
    let items = lines[at + 1..]
        .iter()
        .take_while(|l| l.starts_with("  "))
        .copied()
        .collect();
    (count, items)
}

#[test]
fn shanghai_lists_about_73_official_sister_cities_and_looser_ties_apart() {
    let run = Test::new().args(["show", "shanghai"]).run().status(0);
    let (official, items) = section(&run, "Sister cities");
    // The reference list has 73 rows: Kuopio's tie is with Pudong New Area, and Vientiane
    // has only a letter of intent.
    assert!((68..=75).contains(&official), "{}", run.context());
    assert!(
        items.iter().any(|l| l.contains("[espoo]")),
        "{}",
        run.context()
    );
    assert!(
        !items.iter().any(|l| l.contains("[seoul]")),
        "{}",
        run.context()
    );
    assert!(
        !items.iter().any(|l| l.contains("[new-york-city]")),
        "{}",
        run.context()
    );
    let (_, exchange) = section(&run, "Friendly exchange");
    assert!(exchange.iter().any(|l| l.contains("[nagasaki-prefecture]")));
    let (_, memoranda) = section(&run, "Memoranda and letters of intent");
    assert!(memoranda.iter().any(|l| l.contains("[seoul]")));
    let (_, proposed) = section(&run, "Proposed");
    assert!(proposed.iter().any(|l| l.contains("[putrajaya]")));
    let (_, districts) = section(&run, "Ties of its districts");
    assert!(
        districts
            .iter()
            .any(|l| l.contains("Pudong New Area – Kuopio")),
        "{}",
        run.context()
    );
}

#[test]
fn seoul_is_not_called_a_sister_city_of_shanghai() {
    let run = Test::new().args(["show", "seoul"]).run().status(0);
    assert_eq!(section(&run, "Sister cities").0, 0, "{}", run.context());
    let (_, memoranda) = section(&run, "Memoranda and letters of intent");
    assert!(
        memoranda.iter().any(|l| l.contains("[shanghai]")),
        "{}",
        run.context()
    );
    Test::new()
        .args(["timeline"])
        .run()
        .status(0)
        .stdout_lacks("sister-city tie  Shanghai – Seoul");
}

#[test]
fn path_from_pan_xiaogang_to_kuopio_goes_through_shanghai_and_pudong() {
    Test::new()
        .args(["path", "Pan Xiaogang", "kuopio"])
        .run()
        .status(0)
        .stdout_contains("Shanghai")
        .stdout_contains("Pudong New Area —sister city→ Kuopio");
}

#[test]
fn finland_lists_its_cities_organizations_and_ties() {
    let run = Test::new().args(["show", "finland"]).run().status(0);
    let (_, cities) = section(&run, "Cities");
    assert!(
        cities.iter().any(|l| l.contains("[espoo]")),
        "{}",
        run.context()
    );
    assert!(
        cities.iter().any(|l| l.contains("[kuopio]")),
        "{}",
        run.context()
    );
    let (_, orgs) = section(&run, "Organizations located here");
    assert!(
        orgs.iter().any(|l| l.contains("[city-of-espoo]")),
        "{}",
        run.context()
    );
    let (_, ties) = section(&run, "Sister-city ties");
    assert!(
        ties.iter().any(|l| l.contains("Espoo – Shanghai")),
        "{}",
        run.context()
    );
    assert!(
        run.stdout.contains("ISO 3166:   FI / FIN"),
        "{}",
        run.context()
    );
}

#[test]
fn espoo_shows_its_country_and_region() {
    let run = Test::new().args(["show", "espoo"]).run().status(0);
    // Labels are padded to the longest one on the card: look at the words, not the gap.
    let line = |label: &str| {
        run.lines()
            .into_iter()
            .find(|l| l.starts_with(label))
            .map(|l| l[label.len()..].trim().to_string())
    };
    assert_eq!(
        line("Country:").as_deref(),
        Some("Finland"),
        "{}",
        run.context()
    );
    assert_eq!(
        line("Region:").as_deref(),
        Some("Europe · Northern Europe"),
        "{}",
        run.context()
    );
}

#[test]
fn espoo_memorandum_and_first_slush_shanghai_are_dated_2016() {
    Test::new()
        .args(["show", "shanghai-espoo-memorandum-2017"])
        .run()
        .status(0)
        .stdout_contains("Signed:")
        .stdout_contains("2016-11-01")
        .stdout_contains("blue_wings_08_2016");
    Test::new()
        .args(["show", "slush-shanghai-2016"])
        .run()
        .status(0)
        .stdout_contains("2016-10-31");
}

#[test]
fn moskovsky_jiading_memorandum_is_dated_from_minsk_gov_by() {
    Test::new()
        .args(["show", "jiading-moskovsky-memorandum-2019"])
        .run()
        .status(0)
        .stdout_contains("2019-11-08")
        .stdout_contains("https://minsk.gov.by/en/news/new/2019/11/08/2603/");
}

#[test]
fn shanghai_government_lists_one_current_mayor_and_former_ones_apart() {
    let run = Test::new()
        .args(["show", "shanghai-government"])
        .run()
        .status(0);
    let (_, current) = section(&run, "People");
    let mayors: Vec<&&str> = current.iter().filter(|l| l.contains("· Mayor")).collect();
    assert_eq!(mayors.len(), 1, "{}", run.context());
    assert!(mayors[0].contains("[gong-zheng]"), "{}", run.context());
    let (_, former) = section(&run, "Former post holders");
    assert!(
        former
            .iter()
            .any(|l| l.contains("[han-zheng]") && l.contains("2003-02–2012-12")),
        "{}",
        run.context()
    );
    assert!(former.iter().any(|l| l.contains("[yang-xiong]")));
    assert!(former.iter().any(|l| l.contains("[ying-yong]")));
}

#[test]
fn finchi_history_corrects_the_seed_with_finchi_cn() {
    Test::new()
        .args(["show", "finchi-innovation-center"])
        .run()
        .status(0)
        .stdout_contains("2005-03-14")
        .stdout_contains("https://finchi.cn/AboutUs.html")
        .stdout_contains("Business Finland was formed only in 2018");
}

#[test]
fn shenzhen_office_is_under_the_guangzhou_office() {
    let run = Test::new()
        .args(["show", "shanghai-office-shenzhen"])
        .run()
        .status(0);
    let (_, parent) = section(&run, "Parent body");
    assert_eq!(parent.len(), 1, "{}", run.context());
    assert!(
        parent[0].contains("[shanghai-office-guangzhou]"),
        "{}",
        run.context()
    );
    assert!(run.stdout.contains("August 2010"), "{}", run.context());
}

#[test]
fn check_stats_reports_coverage_and_ties_by_level() {
    let run = Test::new().args(["check", "--stats"]).run().status(0);
    let row = |label: &str| -> Vec<usize> {
        run.lines()
            .iter()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no row {label:?}\n{}", run.context()))[label.len()..]
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|w| w.parse().ok())
            .collect()
    };
    let with_country = row("Cities with a country entity");
    assert_eq!(with_country[0], with_country[1], "every city has a country");
    let official = row("  official");
    assert!((68..=90).contains(&official[0]), "{}", run.context());
    assert!(row("  friendly_exchange")[0] >= 9);
    assert!(row("  memorandum")[0] >= 7);
    assert!(row("Organizations with any contact").len() >= 2);
    assert!(row("Entities citing a URL")[0] > 0);
    // Bilingual users find most partner cities and Chinese bodies by their Chinese names.
    let han_orgs = row("Names in Chinese: organizations");
    assert!(han_orgs[0] * 2 > han_orgs[1], "{}", run.context());
    let han_cities = row("Names in Chinese: cities");
    assert!(han_cities[0] * 2 > han_cities[1], "{}", run.context());
    assert!(
        run.summary().ends_with("0 errors, 0 warnings"),
        "{}",
        run.context()
    );
}

/// A folder holding one data file: a club whose head changed in 2009, and a person
/// whose ended post comes first in the file, before the post they still hold.
fn posts_with_until() -> TempDir {
    let dir = tempfile::tempdir().expect("temporary data folder");
    let text = "[\n\
        Organization(id: \"club\", name: \"Chess Club\", sources: [\"s\"]),\n\
        Organization(id: \"guild\", name: \"Weavers Guild\", sources: [\"s\"]),\n\
        Person(id: \"old-head\", name: \"Olga Old\", posts: [\
             (organization: \"club\", title: \"Head\", since: \"2001\", until: \"2009-06\"), \
             (organization: \"guild\", title: \"Treasurer\", as_of: \"2020\")], \
             sources: [\"s\"]),\n\
        Person(id: \"new-head\", name: \"Nina New\", posts: [\
             (organization: \"club\", title: \"Head\", since: \"2009-07\")], sources: [\"s\"]),\n\
    ]\n";
    std::fs::write(dir.path().join("people.ron"), text).expect("write the data file");
    dir
}

/// The values of the card's `LABEL:` lines, in order, without the padding.
fn fields<'a>(run: &'a Run, label: &str) -> Vec<&'a str> {
    let prefix = format!("{label}:");
    run.stdout
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .map(str::trim)
        .collect()
}

#[test]
fn person_card_lists_held_posts_first_and_an_ended_post_apart_as_former() {
    let dir = posts_with_until();
    let run = Test::new()
        .data(dir.path())
        .args(["show", "old-head"])
        .run()
        .status(0);
    assert_eq!(
        fields(&run, "Post"),
        ["Treasurer, Weavers Guild (as of 2020)"],
        "{}",
        run.context()
    );
    assert_eq!(
        fields(&run, "Former post"),
        ["Head, Chess Club (2001–2009-06)"],
        "{}",
        run.context()
    );
    let lines = run.lines();
    let at = |prefix: &str| {
        lines
            .iter()
            .position(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no line {prefix:?}\n{}", run.context()))
    };
    assert!(at("Post:") < at("Former post:"), "{}", run.context());
    let (_, held) = section(&run, "Posts held");
    assert_eq!(held.len(), 1, "{}", run.context());
    assert!(held[0].contains("[guild]"), "{}", run.context());
    let (_, former) = section(&run, "Former posts");
    assert_eq!(former.len(), 1, "{}", run.context());
    assert!(
        former[0].contains("[club]") && former[0].contains("2001–2009-06"),
        "{}",
        run.context()
    );
}

#[test]
fn organization_card_shows_a_former_holder_apart_from_the_current_one() {
    let dir = posts_with_until();
    let run = Test::new()
        .data(dir.path())
        .args(["show", "club"])
        .run()
        .status(0);
    let (count, people) = section(&run, "People");
    assert_eq!(count, 1, "{}", run.context());
    assert!(people[0].contains("[new-head]"), "{}", run.context());
    assert!(people[0].contains("since 2009-07"), "{}", run.context());
    let (count, former) = section(&run, "Former post holders");
    assert_eq!(count, 1, "{}", run.context());
    assert!(
        former[0].contains("[old-head]") && former[0].contains("· Head (2001–2009-06)"),
        "{}",
        run.context()
    );
}

#[test]
fn spaffc_lists_its_current_president_apart_from_its_former_heads() {
    let run = Test::new().args(["show", "spaffc"]).run().status(0);
    let (_, people) = section(&run, "People");
    let presidents: Vec<&&str> = people
        .iter()
        .filter(|l| l.contains("· President"))
        .collect();
    assert_eq!(presidents.len(), 1, "{}", run.context());
    assert!(presidents[0].contains("[chen-jing]"), "{}", run.context());
    let (_, former) = section(&run, "Former post holders");
    assert!(
        former
            .iter()
            .any(|l| l.contains("[zhang-chunqiao]") && l.contains("1956-09-13–1967-01")),
        "{}",
        run.context()
    );
    assert!(
        former
            .iter()
            .any(|l| l.contains("[sha-hailin]") && l.contains("until 2021-07")),
        "{}",
        run.context()
    );
}

#[test]
fn long_gone_office_holders_are_shown_with_the_years_they_held_office() {
    for (id, former) in [
        (
            "li-qiang",
            "Secretary, CPC Shanghai Municipal Committee (2017-10-29–2022-10-28)",
        ),
        ("jukka-makela", "Mayor, City of Espoo (2011-01–2025-01)"),
    ] {
        let run = Test::new().args(["show", id]).run().status(0);
        assert_eq!(fields(&run, "Former post"), [former], "{}", run.context());
        assert!(fields(&run, "Post").is_empty(), "{}", run.context());
    }
}
