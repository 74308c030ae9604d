//! Everyday journeys from the shell, through the real binary: anniversaries (table, JSON,
//! iCalendar read back by a parser), the ties table (table, CSV read back, JSON), editing an
//! entity in `$EDITOR`, and the messages of a miss.
//!
//! Every run has its own home (no `LIAISON_DATA`, data and config under a temporary folder);
//! small data sets are written into that home so that each test states the facts it relies on.
mod common;

use std::process::Command;
use tempfile::TempDir;

/// A run of the binary with its own home: `Test::new().args(["ties", "espoo"]).run()`.
struct Test {
    command: Command,
    home: TempDir,
}

impl Test {
    fn new() -> Test {
        let home = tempfile::tempdir().expect("temporary home");
        let command = common::liaison_command(home.path());
        Test { command, home }
    }

    fn args<I, S>(mut self, args: I) -> Test
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.command.args(args);
        self
    }

    /// Writes `text` as a data file in the home and loads it with `--data`.
    fn data(mut self, text: &str) -> Test {
        let path = self.home.path().join("fixture.ron");
        std::fs::write(&path, text).expect("fixture written");
        self.command.arg("--data").arg(path);
        self
    }

    fn run(mut self) -> Run {
        let output = self.command.output().expect("the liaison binary runs");
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            args: format!("{:?}", self.command.get_args().collect::<Vec<_>>()),
            _home: self.home,
        }
    }
}

/// What a run printed and how it exited.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    args: String,
    _home: TempDir,
}

impl Run {
    fn context(&self) -> String {
        format!(
            "liaison {}\n--- exit: {:?}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.args, self.code, self.stdout, self.stderr
        )
    }

    fn status(self, code: i32) -> Run {
        assert_eq!(self.code, Some(code), "exit code\n{}", self.context());
        self
    }

    fn stdout_contains(self, text: &str) -> Run {
        assert!(
            self.stdout.contains(text),
            "stdout lacks {text:?}\n{}",
            self.context()
        );
        self
    }

    fn stdout_lacks(self, text: &str) -> Run {
        assert!(
            !self.stdout.contains(text),
            "stdout has {text:?}\n{}",
            self.context()
        );
        self
    }

    fn stderr_contains(self, text: &str) -> Run {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}\n{}",
            self.context()
        );
        self
    }

    fn stdout_empty(self) -> Run {
        assert!(
            self.stdout.is_empty(),
            "stdout not empty\n{}",
            self.context()
        );
        self
    }

    /// The line of stdout that contains `text`.
    fn line_with(&self, text: &str) -> &str {
        self.stdout
            .lines()
            .find(|l| l.contains(text))
            .unwrap_or_else(|| panic!("no line with {text:?}\n{}", self.context()))
    }
}

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
        .data(DATES)
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
        .data(DATES)
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
        .data(DATES)
        .args(["anniversaries", "--year", "1990"])
        .run()
        .status(1)
        .stdout_empty()
        .stderr_contains("no round anniversaries in 1990");
}

#[test]
fn anniversaries_as_json_hold_dates_years_and_ids() {
    let run = Test::new()
        .data(DATES)
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
}

#[test]
fn anniversaries_as_ics_parse_back_as_all_day_events_with_stable_uids() {
    use icalendar::{Component, DatePerhapsTime};
    let run = Test::new()
        .data(DATES)
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
