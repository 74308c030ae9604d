//! Everyday journeys from the shell, through the real binary: anniversaries (table, JSON,
//! iCalendar read back by a parser), the ties table (table, CSV read back, JSON), editing an
//! entity in `$EDITOR`, and the messages of a miss.
//!
//! Every run has its own home (no `LIAISON_DATA`, data and config under a temporary folder);
//! small data sets are written into that home so that each test states the facts it relies on.
mod common;

use common::cli::Test;

use std::path::Path;

/// Ties, an agreement, a founding and a recurring event, with every precision of date.
const DATES: &str = r#"[
    City(id: "shanghai", name: "Shanghai", country: "China", sources: ["test"]),
    City(id: "casablanca", name: "Casablanca", country: "Morocco", sources: ["test"]),
    City(id: "barcelona", name: "Barcelona", country: "Spain", sources: ["test"]),
    City(id: "hamburg", name: "Hamburg", country: "Germany", sources: ["test"]),
    City(id: "espoo", name: "Espoo", country: "Finland", sources: ["test"]),
    City(id: "leapton", name: "Leapton", country: "Nowhere", sources: ["test"]),
    SisterCity(id: "shanghai-casablanca", cities: ("shanghai", "casablanca"),
               established: "1986-09-08", sources: ["test"]),
    SisterCity(id: "shanghai-barcelona", cities: ("shanghai", "barcelona"),
               established: "2001-10-31", sources: ["test"]),
    SisterCity(id: "shanghai-hamburg", cities: ("shanghai", "hamburg"),
               established: "1986", sources: ["test"]),
    SisterCity(id: "shanghai-espoo", cities: ("shanghai", "espoo"),
               established: "1998-09-04", sources: ["test"]),
    SisterCity(id: "shanghai-leapton", cities: ("shanghai", "leapton"),
               established: "2016-02-29", sources: ["test"]),
    SisterCity(id: "ended-tie", cities: ("espoo", "hamburg"), established: "2006-05-01",
               status: Ended, sources: ["test"]),
    Agreement(id: "mou", title: "Espoo memorandum", parties: ["shanghai", "espoo"],
              signed: "2021-03", sources: ["test"]),
    Organization(id: "office", name: "Friendship Office", founded: "1956-09-13",
                 sources: ["test"]),
    Event(id: "forum-2021", title: "2021 Friendship Forum", date: "2021-12-01", sources: ["test"]),
    Event(id: "forum-2023", title: "2023 Friendship Forum", date: "2023-12-01", sources: ["test"]),
    Event(id: "visit", title: "A visit", date: "2016-06-01", sources: ["test"]),
]"#;

#[test]
fn anniversaries_of_a_year_count_the_years_in_date_order() {
    let run = Test::new()
        .data_text(DATES)
        .args(["anniversaries", "--year", "2026"])
        .run()
        .status(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 7, "{}", run.context());
    // A date known to the year only comes first, with no day.
    assert!(lines[0].starts_with("2026 "), "{}", run.context());
    assert!(lines[0].contains("40 years") && lines[0].contains("Shanghai – Hamburg"));
    for (line, text) in lines[1..].iter().zip([
        "2026-02-28",
        "2026-03",
        "2026-09-08",
        "2026-09-13",
        "2026-10-31",
        "2026-12-01",
    ]) {
        assert!(line.starts_with(text), "{line:?} should start with {text}");
    }
    assert!(run.line_with("Casablanca").contains("40 years"));
    assert!(run.line_with("Casablanca").contains("1986-09-08"));
    assert!(run.line_with("Barcelona").contains("25 years"));
    assert!(run.line_with("Leapton").contains("10 years"));
    assert!(run.line_with("Espoo memorandum").contains("5 years"));
    assert!(run.line_with("Friendship Office").contains("70 years"));
    assert!(
        run.line_with("Friendship Forum")
            .contains("recurring event")
    );
    // Not round (28 years), ended, or a single event.
    run.stdout_lacks("Espoo – ")
        .stdout_lacks("Shanghai – Espoo")
        .stdout_lacks("A visit");
}

#[test]
fn anniversaries_within_days_start_on_the_given_day() {
    Test::new()
        .data_text(DATES)
        .args(["anniversaries", "--from", "2026-09-01", "--within", "10"])
        .run()
        .status(0)
        .stdout_contains("Shanghai – Casablanca")
        .stdout_lacks("Barcelona")
        // The year-only Hamburg tie overlaps the window.
        .stdout_contains("Shanghai – Hamburg");
}

#[test]
fn no_anniversary_in_the_window_is_said_on_stderr_with_exit_1() {
    Test::new()
        .data_text(DATES)
        .args(["anniversaries", "--year", "1990"])
        .run()
        .status(1)
        .stdout_empty()
        .stderr_contains("no round anniversaries in 1990");
}

#[test]
fn anniversaries_as_json_hold_dates_years_and_ids() {
    let run = Test::new()
        .data_text(DATES)
        .args(["anniversaries", "--year", "2026", "--format", "json"])
        .run()
        .status(0);
    let list: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let casablanca = list
        .as_array()
        .and_then(|l| l.iter().find(|a| a["id"] == "shanghai-casablanca"))
        .unwrap_or_else(|| panic!("no Casablanca\n{}", run.context()));
    assert_eq!(casablanca["date"], "2026-09-08");
    assert_eq!(casablanca["years"], 40);
    assert_eq!(casablanca["since"], "1986-09-08");
    assert_eq!(casablanca["what"], "tie");
    assert_eq!(casablanca["kind"], "sister-city tie");
}

#[test]
fn anniversaries_as_ics_parse_back_as_all_day_events_with_stable_uids() {
    use icalendar::{Component, DatePerhapsTime};
    let run = Test::new()
        .data_text(DATES)
        .args(["anniversaries", "--year", "2026", "--format", "ics"])
        .run()
        .status(0);
    assert!(run.stdout.contains("\r\n"), "lines end in CRLF");
    let cal: icalendar::Calendar = run.stdout.parse().expect("an iCalendar file");
    let events: Vec<&icalendar::Event> = cal.events().collect();
    assert_eq!(events.len(), 7, "{}", run.context());
    let casablanca = events
        .iter()
        .find(|e| e.get_uid() == Some("shanghai-casablanca-2026@anniversary.liaison"))
        .unwrap_or_else(|| panic!("no Casablanca event\n{}", run.context()));
    assert_eq!(
        casablanca.get_summary(),
        Some("Shanghai – Casablanca, 40 years")
    );
    let day = chrono::NaiveDate::from_ymd_opt(2026, 9, 8).expect("a day");
    assert_eq!(casablanca.get_start(), Some(DatePerhapsTime::Date(day)));
    assert_eq!(
        casablanca.get_end(),
        Some(DatePerhapsTime::Date(day.succ_opt().expect("a day")))
    );
    assert!(
        casablanca.get_timestamp().is_some(),
        "every event has a DTSTAMP"
    );
    let hamburg = events
        .iter()
        .find(|e| e.get_uid() == Some("shanghai-hamburg-2026@anniversary.liaison"))
        .expect("the year-only tie has an event");
    assert!(
        hamburg
            .get_summary()
            .is_some_and(|s| s.contains("day and month unknown"))
    );
}

#[test]
fn built_in_anniversaries_of_2026_include_casablanca_and_barcelona() {
    let run = Test::new()
        .args(["anniversaries", "--year", "2026"])
        .run()
        .status(0);
    assert!(run.line_with("Shanghai – Casablanca").contains("40 years"));
    assert!(run.line_with("Shanghai – Casablanca").contains("1986"));
    assert!(run.line_with("Shanghai – Barcelona").contains("25 years"));
    assert!(run.line_with("Shanghai – Barcelona").contains("2001"));
}

/// A city with ties of every kind, agreements and events concerning both sides, and a
/// partner whose name a spreadsheet would run as a formula.
const TIES: &str = r#"[
    City(id: "shanghai", name: "Shanghai", country: "China", sources: ["test"]),
    City(id: "espoo", name: "Espoo", country: "Finland", sources: ["test"]),
    City(id: "kuopio", name: "Kuopio", country: "Finland", sources: ["test"]),
    City(id: "casablanca", name: "Casablanca", country: "Morocco", sources: ["test"]),
    City(id: "formula", name: "=HYPERLINK(\"http://evil.example\")", country: "Nowhere",
         sources: ["test"]),
    SisterCity(id: "shanghai-espoo", cities: ("shanghai", "espoo"), established: "1998-09-04",
               kind: "sister city", sources: ["test"]),
    SisterCity(id: "shanghai-casablanca", cities: ("casablanca", "shanghai"),
               established: "1986-09-08", kind: "sister city", sources: ["test"]),
    SisterCity(id: "shanghai-kuopio", cities: ("shanghai", "kuopio"), established: "2012",
               level: FriendlyExchange, status: Ended, sources: ["test"]),
    SisterCity(id: "shanghai-formula", cities: ("shanghai", "formula"), sources: ["test"]),
    Organization(id: "soea", name: "Exchange Association", city: "shanghai", sources: ["test"]),
    Agreement(id: "mou-1", title: "First memorandum", parties: ["soea", "espoo"],
              signed: "2016-11-01", sources: ["test"]),
    Agreement(id: "mou-2", title: "Second memorandum", parties: ["shanghai", "espoo"],
              signed: "2018", sources: ["test"]),
    Event(id: "celebration", title: "Espoo-Shanghai 20-year celebration", date: "2018-09-13",
          place: "shanghai", participants: ["espoo"], sources: ["test"]),
    Event(id: "old-visit", title: "An older visit", date: "2012-06-14", place: "espoo",
          participants: ["soea"], sources: ["test"]),
]"#;

#[test]
fn ties_table_has_one_row_per_tie_with_counts_and_the_last_event() {
    let run = Test::new()
        .data_text(TIES)
        .args(["ties", "shanghai", "--all"])
        .run()
        .status(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "a header and four ties\n{}", run.context());
    for column in [
        "partner",
        "country",
        "level",
        "since",
        "years",
        "status",
        "agreements",
    ] {
        assert!(
            lines[0].contains(column),
            "header lacks {column}: {:?}",
            lines[0]
        );
    }
    // Sorted by date by default; the undated tie last.
    assert!(lines[1].starts_with("Casablanca"), "{}", run.context());
    assert!(lines[4].starts_with("=HYPERLINK"), "{}", run.context());
    let espoo = run.line_with("Espoo");
    assert!(
        espoo.contains("Finland") && espoo.contains("1998-09-04"),
        "{espoo}"
    );
    assert!(espoo.contains("  2  "), "two agreements: {espoo}");
    assert!(
        espoo.ends_with("2018-09-13 Espoo-Shanghai 20-year celebration"),
        "{espoo}"
    );
    let kuopio = run.line_with("Kuopio");
    assert!(
        kuopio.contains("ended") && kuopio.contains("friendly exchange"),
        "{kuopio}"
    );
}

#[test]
fn ties_are_official_only_unless_every_level_is_asked_for() {
    Test::new()
        .data_text(TIES)
        .args(["ties", "shanghai"])
        .run()
        .status(0)
        .stdout_contains("Espoo")
        .stdout_lacks("Kuopio");
    Test::new()
        .data_text(TIES)
        .args(["ties", "shanghai", "level:friendly"])
        .run()
        .status(0)
        .stdout_contains("Kuopio")
        .stdout_lacks("Espoo");
}

#[test]
fn ties_are_filtered_with_the_search_syntax_and_sorted_by_any_column() {
    let run = Test::new()
        .data_text(TIES)
        .args([
            "ties",
            "shanghai",
            "country:finland",
            "--all",
            "--sort",
            "partner",
            "--reverse",
        ])
        .run()
        .status(0);
    let partners: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(partners, ["Kuopio", "Espoo"], "{}", run.context());
    Test::new()
        .data_text(TIES)
        .args(["ties", "shanghai", "status:active", "since:1990"])
        .run()
        .status(0)
        .stdout_contains("Espoo")
        .stdout_lacks("Casablanca")
        .stdout_lacks("Kuopio");
}

#[test]
fn ties_with_an_unknown_filter_or_column_exit_2_naming_the_known_ones() {
    Test::new()
        .data_text(TIES)
        .args(["ties", "shanghai", "colour:red"])
        .run()
        .status(2)
        .stdout_empty()
        .stderr_contains("country: region: level:");
    Test::new()
        .data_text(TIES)
        .args(["ties", "shanghai", "--sort", "colour"])
        .run()
        .status(2)
        .stderr_contains("last_event");
}

#[test]
fn ties_that_match_nothing_say_so_on_stderr_with_exit_1() {
    Test::new()
        .data_text(TIES)
        .args(["ties", "shanghai", "country:peru"])
        .run()
        .status(1)
        .stdout_empty()
        .stderr_contains("none of the ties of Shanghai match");
    Test::new()
        .data_text(TIES)
        .args(["ties", "soea"])
        .run()
        .status(1)
        .stderr_contains("ties are listed for a city, region or country");
}

#[test]
fn ties_as_csv_read_back_with_every_column_and_formulas_defused() {
    let run = Test::new()
        .data_text(TIES)
        .args(["ties", "shanghai", "--all", "--format", "csv"])
        .run()
        .status(0);
    assert!(run.stdout.contains("\r\n"), "rows end in CRLF");
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    for column in [
        "partner", "country", "region", "level", "since", "years", "status",
    ] {
        assert!(
            header.iter().any(|h| h == column),
            "no {column} in {header:?}"
        );
    }
    let col = |name: &str| header.iter().position(|h| h == name).expect("a column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 4, "{}", run.context());
    let espoo = rows
        .iter()
        .find(|r| &r[col("partner")] == "Espoo")
        .expect("Espoo's row");
    assert_eq!(&espoo[col("country")], "Finland");
    assert_eq!(&espoo[col("agreements")], "2");
    let formula = rows
        .iter()
        .find(|r| &r[col("partner_id")] == "formula")
        .expect("the formula row");
    assert_eq!(
        &formula[col("partner")],
        "'=HYPERLINK(\"http://evil.example\")"
    );
}

#[test]
fn ties_as_json_hold_every_field() {
    let run = Test::new()
        .data_text(TIES)
        .args(["ties", "shanghai", "-f", "json"])
        .run()
        .status(0);
    let list: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let espoo = list
        .as_array()
        .and_then(|l| l.iter().find(|r| r["partner_id"] == "espoo"))
        .unwrap_or_else(|| panic!("no Espoo\n{}", run.context()));
    assert_eq!(espoo["country"], "Finland");
    assert_eq!(espoo["since"], "1998-09-04");
    assert_eq!(espoo["agreements"], 2);
    assert_eq!(espoo["last_event"]["id"], "celebration");
    assert_eq!(espoo["last_event"]["date"], "2018-09-13");
}

#[test]
fn built_in_ties_of_shanghai_as_csv_have_country_and_region_columns() {
    let run = Test::new()
        .args(["ties", "shanghai", "--format", "csv"])
        .run()
        .status(0);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let header = reader.headers().expect("a header").clone();
    assert!(header.iter().any(|h| h == "country"));
    assert!(header.iter().any(|h| h == "region"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let partner = header.iter().position(|h| h == "partner").expect("partner");
    for name in ["Casablanca", "Barcelona", "Espoo"] {
        assert_eq!(
            rows.iter().filter(|r| &r[partner] == name).count(),
            1,
            "one row for {name}\n{}",
            run.context()
        );
    }
}

/// A shell script standing in for an editor: it writes its arguments, one a line, to the
/// file named by `$ARGS_OUT`.
fn recording_editor(dir: &Path) -> std::path::PathBuf {
    let script = dir.join("editor.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$ARGS_OUT\"\n",
    )
    .expect("script written");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
            .expect("script made executable");
    }
    script
}

#[cfg(unix)]
#[test]
fn edit_after_init_runs_the_editor_at_the_entitys_file_and_line() {
    let setup = Test::new().args(["init"]);
    let home = setup.home().to_path_buf();
    // The run keeps the home alive until the end of the test.
    let _init = setup.run().status(0).stdout_contains("organizations.ron");
    let script = recording_editor(&home);
    let args_out = home.join("args.txt");
    let mut test = Test::new()
        .env("XDG_DATA_HOME", home.join("share"))
        .env("HOME", &home)
        .env("ARGS_OUT", &args_out)
        .env_remove("VISUAL")
        .env("EDITOR", format!("{} --wait", script.display()));
    test = test.args(["edit", "soea"]);
    test.run().status(0);
    let args = std::fs::read_to_string(&args_out).expect("the editor ran");
    let args: Vec<&str> = args.lines().collect();
    assert_eq!(args.len(), 3, "{args:?}");
    assert_eq!(args[0], "--wait");
    let line: usize = args[1]
        .strip_prefix('+')
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("+LINE expected, got {:?}", args[1]));
    let file = Path::new(args[2]);
    assert!(file.is_absolute(), "{file:?}");
    assert!(file.starts_with(home.join("share")), "{file:?}");
    let text = std::fs::read_to_string(file).expect("the file exists");
    let from_line: String = text.lines().skip(line - 1).take(3).collect();
    assert!(
        from_line.contains("id: \"soea\""),
        "line {line} of {file:?} is not SOEA's: {from_line}"
    );
}

#[cfg(unix)]
#[test]
fn edit_on_the_built_in_dataset_explains_init_and_runs_no_editor() {
    let test = Test::new();
    let home = test.home().to_path_buf();
    let script = recording_editor(&home);
    let args_out = home.join("args.txt");
    test.env("EDITOR", &script)
        .env("ARGS_OUT", &args_out)
        .args(["edit", "soea"])
        .run()
        .status(1)
        .stdout_empty()
        .stderr_contains("built-in dataset")
        .stderr_contains("liaison init");
    assert!(!args_out.exists(), "the editor must not run");
}

#[test]
fn edit_of_nothing_says_so_on_stderr() {
    Test::new()
        .data_text(TIES)
        .args(["edit", "zzzqqq"])
        .run()
        .status(1)
        .stderr_contains("nothing matches");
}

#[test]
fn a_timeline_with_no_dated_item_says_so_on_stderr_with_exit_1() {
    Test::new()
        .data_text(DATES)
        .args(["timeline", "--from", "3000"])
        .run()
        .status(1)
        .stdout_empty()
        .stderr_contains("no dated items match");
}

#[test]
fn export_without_a_format_writes_vcards() {
    Test::new()
        .data_text(DATES)
        .args(["export", "office"])
        .run()
        .status(0)
        .stdout_contains("BEGIN:VCARD")
        .stdout_contains("FN:Friendship Office");
}

#[test]
fn every_commands_help_shows_two_or_three_examples_of_itself() {
    use clap::CommandFactory;
    let cli = liaison::cli::Cli::command();
    let names: Vec<String> = cli
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    assert!(names.iter().any(|n| n == "anniversaries") && names.iter().any(|n| n == "ties"));
    for name in names {
        let run = Test::new().args([name.as_str(), "--help"]).run().status(0);
        let (_, examples) = run
            .stdout
            .split_once("Examples:")
            .unwrap_or_else(|| panic!("no examples in `{name} --help`\n{}", run.context()));
        let count = examples
            .lines()
            .filter(|l| l.contains(&format!("liaison {name}")))
            .count();
        assert!(
            (2..=3).contains(&count),
            "`{name} --help` shows {count} examples of itself\n{}",
            run.context()
        );
    }
}

#[test]
fn hostile_data_sends_no_control_sequence_through_ties_or_anniversaries() {
    for raw in [true, false] {
        let hostile = common::hostile_ron(raw);
        for args in [
            vec!["ties", "shanghai"],
            vec!["ties", "shanghai", "--format", "csv"],
            vec!["ties", "shanghai", "--format", "json"],
            vec!["anniversaries", "--year", "2028"],
            vec!["anniversaries", "--year", "2028", "--format", "json"],
            vec!["anniversaries", "--year", "2028", "--format", "ics"],
        ] {
            let run = Test::new().data_text(&hostile).args(&args).run().status(0);
            // CSV and iCalendar lines end in CRLF, as their RFCs require.
            let text = run.stdout.replace("\r\n", "\n");
            let found = common::dangerous_bytes(text.as_bytes());
            assert!(
                found.is_empty(),
                "{args:?} (raw {raw}): {found:?}\n{}",
                run.context()
            );
            assert!(run.stdout.contains("Espoo"), "{}", run.context());
        }
    }
}

/// Countries as entities, a district that is part of its city, ties at two levels.
const COUNTRIES: &str = r#"[
    Country(id: "china", name: "China", iso: "CN", iso3: "CHN", region: "Asia",
            subregion: "Eastern Asia", sources: ["test"]),
    Country(id: "finland", name: "Finland", iso: "FI", iso3: "FIN", region: "Europe",
            subregion: "Northern Europe", sources: ["test"]),
    Country(id: "morocco", name: "Morocco", iso: "MA", iso3: "MAR", region: "Africa",
            subregion: "Northern Africa", sources: ["test"]),
    City(id: "shanghai", name: "Shanghai", country: "china", sources: ["test"]),
    City(id: "pudong", name: "Pudong New Area", country: "china", part_of: "shanghai",
         kind: "district", sources: ["test"]),
    City(id: "espoo", name: "Espoo", country: "finland", sources: ["test"]),
    City(id: "kuopio", name: "Kuopio", country: "finland", sources: ["test"]),
    City(id: "casablanca", name: "Casablanca", country: "morocco", sources: ["test"]),
    SisterCity(id: "shanghai-espoo", cities: ("shanghai", "espoo"), established: "1998-09-04",
               sources: ["test"]),
    SisterCity(id: "shanghai-casablanca", cities: ("shanghai", "casablanca"),
               established: "1986-09-08", sources: ["test"]),
    SisterCity(id: "pudong-kuopio", cities: ("pudong", "kuopio"), established: "2012",
               sources: ["test"]),
    Agreement(id: "mou", title: "Memorandum", parties: ["shanghai", "espoo"],
              signed: "2016-11-01", sources: ["test"]),
    SisterCity(id: "shanghai-espoo-mou", cities: ("shanghai", "espoo"), level: Memorandum,
               established: "2016-11-01", agreement: "mou", sources: ["test"]),
]"#;

#[test]
fn ties_name_the_partners_country_and_region_and_filter_by_them() {
    let run = Test::new()
        .data_text(COUNTRIES)
        .args(["ties", "shanghai", "region:europe", "--format", "csv"])
        .run()
        .status(0);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let header = reader.headers().expect("a header").clone();
    let col = |name: &str| header.iter().position(|h| h == name).expect("a column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(
        rows.len(),
        1,
        "only Espoo is an official European tie\n{}",
        run.context()
    );
    assert_eq!(&rows[0][col("partner")], "Espoo");
    assert_eq!(&rows[0][col("country")], "Finland");
    assert_eq!(&rows[0][col("region")], "Europe");
    assert_eq!(&rows[0][col("subregion")], "Northern Europe");
    assert_eq!(&rows[0][col("level")], "official");
    Test::new()
        .data_text(COUNTRIES)
        .args(["ties", "shanghai", "country:MA"])
        .run()
        .status(0)
        .stdout_contains("Casablanca")
        .stdout_lacks("Espoo");
}

#[test]
fn ties_of_a_country_and_of_a_citys_districts_say_whose_side_they_are() {
    let run = Test::new()
        .data_text(COUNTRIES)
        .args(["ties", "finland"])
        .run()
        .status(0);
    assert!(
        run.stdout
            .lines()
            .next()
            .is_some_and(|h| h.starts_with("side")),
        "{}",
        run.context()
    );
    assert!(run.line_with("Kuopio").contains("Pudong New Area"));
    assert!(run.line_with("Espoo").contains("Shanghai"));
    Test::new()
        .data_text(COUNTRIES)
        .args(["ties", "shanghai"])
        .run()
        .status(0)
        .stdout_lacks("Kuopio");
    Test::new()
        .data_text(COUNTRIES)
        .args(["ties", "shanghai", "--districts"])
        .run()
        .status(0)
        .stdout_contains("Kuopio");
}

#[test]
fn an_agreement_a_tie_rests_on_is_celebrated_once_as_the_tie() {
    let run = Test::new()
        .data_text(COUNTRIES)
        .args(["anniversaries", "--year", "2026"])
        .run()
        .status(0);
    assert!(
        run.line_with("Shanghai – Espoo")
            .contains("memorandum or letter of intent"),
        "{}",
        run.context()
    );
    run.stdout_lacks("agreement ");
}

#[cfg(unix)]
#[test]
fn an_edit_that_breaks_the_file_is_reported_with_its_location() {
    let setup = Test::new().args(["init"]);
    let home = setup.home().to_path_buf();
    let _init = setup.run().status(0);
    // An "editor" that appends a broken entry to the file it is given (the last argument).
    let script = home.join("breaker.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nfor last; do :; done\nprintf 'Broken(\\n' >> \"$last\"\n",
    )
    .expect("script written");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
            .expect("script made executable");
    }
    Test::new()
        .env("XDG_DATA_HOME", home.join("share"))
        .env("HOME", &home)
        .env_remove("VISUAL")
        .env("EDITOR", &script)
        .args(["edit", "soea"])
        .run()
        .status(1)
        .stderr_contains("organizations.ron:")
        .stderr_contains("now has 1 error");
}

/// At a terminal, `edit` on the built-in dataset offers `liaison init`; answering `y` copies
/// the data and opens the copy in the editor.
#[cfg(unix)]
#[test]
fn edit_at_a_terminal_offers_init_and_then_opens_the_copy() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    let home = tempfile::tempdir().expect("temporary home");
    let script = recording_editor(home.path());
    let args_out = home.path().join("args.txt");
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_liaison"));
    cmd.args(["edit", "soea"]);
    cmd.cwd(home.path());
    cmd.env_remove("LIAISON_DATA");
    cmd.env_remove("VISUAL");
    cmd.env("HOME", home.path());
    cmd.env("XDG_DATA_HOME", home.path().join("share"));
    cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
    cmd.env("EDITOR", &script);
    cmd.env("ARGS_OUT", &args_out);
    let mut child = pty.slave.spawn_command(cmd).expect("spawn liaison");
    drop(pty.slave);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let shared = Arc::clone(&seen);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            shared
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .extend_from_slice(&buf[..n]);
        }
    });
    let text =
        || String::from_utf8_lossy(&seen.lock().unwrap_or_else(|e| e.into_inner())).into_owned();
    // A deadline only so that a broken build fails instead of hanging.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !text().contains("[y/N]") {
        assert!(Instant::now() < deadline, "no offer to init:\n{}", text());
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(text().contains("liaison init"), "{}", text());
    let mut writer = pty.master.take_writer().expect("pty writer");
    writer.write_all(b"y\r").expect("answer");
    writer.flush().expect("flush");
    let status = loop {
        if let Some(status) = child.try_wait().expect("child status") {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "edit did not finish:\n{}",
            text()
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}\n{}", text());
    let copy = home
        .path()
        .join("share")
        .join("liaison")
        .join("organizations.ron");
    assert!(copy.is_file(), "init copied the data\n{}", text());
    let args = std::fs::read_to_string(&args_out).expect("the editor ran");
    assert_eq!(
        args.lines().last().map(Path::new),
        Some(copy.as_path()),
        "the editor opened the copy: {args}"
    );
}

#[test]
fn entities_that_are_not_connected_are_said_so_on_stderr_with_exit_1() {
    Test::new()
        .data_text(DATES)
        .args(["path", "office", "leapton"])
        .run()
        .status(1)
        .stdout_empty()
        .stderr_contains("are not connected");
}

#[test]
fn a_proposed_tie_has_no_anniversary() {
    let proposed = r#"[
    City(id: "a", name: "Alpha", country: "X", sources: ["test"]),
    City(id: "b", name: "Beta", country: "X", sources: ["test"]),
    City(id: "c", name: "Gamma", country: "X", sources: ["test"]),
    SisterCity(id: "a-b", cities: ("a", "b"), level: Proposed, established: "2016-05-01",
               sources: ["test"]),
    SisterCity(id: "a-c", cities: ("a", "c"), level: FriendlyExchange,
               established: "2016-05-01", sources: ["test"]),
]"#;
    Test::new()
        .data_text(proposed)
        .args(["anniversaries", "--year", "2026"])
        .run()
        .status(0)
        .stdout_contains("friendly-exchange tie  Alpha – Gamma")
        .stdout_lacks("Beta");
}
