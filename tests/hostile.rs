//! The hostile corpus: data that is wrong, huge or malicious, each case with the exact outcome
//! it must get, checked through `liaison check` (the real binary) and through the browser's
//! loading path (`Network::load` with `DataChoice::Paths`, then `App::new` and one frame on
//! a `TestBackend`).
//!
//! The rule for every case: no panic, no hang, a message with file, line and column (or the
//! file alone when the whole file is concerned), the valid rest loaded, memory bounded by
//! the limits of `liaison::dataset::limits`.
//!
//! The small cases are committed under `tests/fixtures/hostile/` (symbolic links included);
//! the huge ones (50 MB, a million entries, a string of megabytes, thousands of files) and
//! those git cannot hold (a FIFO, a file without read permission) are generated into a
//! temporary folder by the tests.

mod common;

use common::{buffer_text, draw, unsafe_cells};
use liaison::dataset::limits::{Limits, MAX_FILES, MAX_PROBLEMS_PER_FILE, MAX_TOKEN_BYTES};
use liaison::dataset::{DataChoice, Severity};
use liaison::network::Network;
use liaison::tui::action::Action;
use liaison::tui::state::App;
use liaison::tui::update::update;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, mpsc};
use std::time::Duration;

const CORPUS: &str = "tests/fixtures/hostile";

/// How long loading any case may take before the test calls it a hang; generous for slow,
/// busy machines and debug builds. Not a performance assertion: a hang never ends.
const HANG: Duration = Duration::from_secs(120);

/// Runs `work` on its own thread; panics if it has not finished after [`HANG`].
fn without_hanging<T: Send + 'static>(what: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(work());
    });
    match rx.recv_timeout(HANG) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what} hangs"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what} panicked"),
    }
}

/// `liaison check --data PATH` with an empty home: exit code and stdout.
fn check(path: &Path) -> (Option<i32>, String) {
    check_within(path, None)
}

/// Like [`check`], with `LIAISON_LIMITS` set to `limits` when given.
fn check_within(path: &Path, limits: Option<&str>) -> (Option<i32>, String) {
    let home = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_liaison"));
    match limits {
        Some(l) => command.env("LIAISON_LIMITS", l),
        None => command.env_remove("LIAISON_LIMITS"),
    };
    let child = command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("check")
        .arg("--data")
        .arg(path)
        .env_remove("LIAISON_DATA")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("share"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("liaison runs");
    let out = output_or_kill(child, || {
        format!("liaison check --data {} hangs", path.display())
    });
    let stdout = String::from_utf8(out.stdout).expect("check prints UTF-8");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "check panicked on {}:\n{stderr}",
        path.display()
    );
    (out.status.code(), stdout)
}

/// Loads a path as the browser does, opens the browser on it and draws one frame at a
/// wide and a narrow size, then the problems overlay; every frame must be free of controls.
fn browse(path: &Path) -> Arc<Network> {
    browse_within(path, Limits::default())
}

/// Like [`browse`], loading within `limits`.
fn browse_within(path: &Path, limits: Limits) -> Arc<Network> {
    let choice = DataChoice::Paths(vec![path.to_path_buf()]);
    let net = without_hanging(&format!("loading {}", path.display()), move || {
        Arc::new(Network::load_with(&choice, &limits))
    });
    for (w, h) in [(120, 35), (50, 12)] {
        let mut app = App::new(Arc::clone(&net), w, h);
        for step in ["main screen", "problems overlay"] {
            let buf = draw(&app);
            let bad = unsafe_cells(&buf);
            assert!(bad.is_empty(), "{step}: {bad:?}\n{}", buffer_text(&buf));
            update(&mut app, Action::ToggleProblems);
        }
    }
    net
}

/// The problems as `check` prints them, without the summary line.
fn problem_lines(stdout: &str) -> Vec<&str> {
    let lines: Vec<&str> = stdout.lines().collect();
    lines[..lines.len().saturating_sub(1)].to_vec()
}

/// What the corpus must produce, file by file: every problem line of `liaison check`, in
/// order, after the `tests/fixtures/hostile/` prefix.
const EXPECTED: &[&str] = &[
    // Folder entries that are not data files, each named; never followed, never a hang.
    "dangling_link.ron: error: cannot read: a symbolic link whose target cannot be read: No such file or directory (os error 2)",
    "folder_link.ron: warning: is a folder, not a data file: skipped (folders are not read recursively)",
    "loop_a.ron: error: cannot read: a symbolic link whose target cannot be read: Too many levels of symbolic links (os error 40)",
    "loop_b.ron: error: cannot read: a symbolic link whose target cannot be read: Too many levels of symbolic links (os error 40)",
    "x.ron: warning: is a folder, not a data file: skipped (folders are not read recursively)",
    // byte_order_mark.ron and controls.ron: no problem at all.
    "coordinates.ron:4:66: error: latitude NaN is outside -90..90 (coordinates ignored)",
    "coordinates.ron:5:72: error: longitude inf is outside -180..180 (coordinates ignored)",
    "coordinates.ron:6:69: error: latitude -inf is outside -90..90 (coordinates ignored)",
    "coordinates.ron:7:72: error: latitude inf is outside -90..90 (coordinates ignored)",
    "coordinates.ron:8:67: error: latitude 95 is outside -90..90 (coordinates ignored)",
    "coordinates.ron:9:72: error: longitude -181.5 is outside -180..180 (coordinates ignored)",
    "crlf.ron:4:32: error: wrong type: expected a string in double quotes",
    "dates.ron:3:53: error: impossible date \"2019-02-30\": month 2 of 2019 has 28 days (field `date` ignored)",
    "dates.ron:4:52: error: impossible date \"2019-13\": there is no month 13 (field `date` ignored)",
    "dates.ron:5:46: error: impossible date \"2019-04-00\": month 4 of 2019 has 30 days (field `date` ignored)",
    "dates.ron:6:52: error: impossible date \"1900-02-29\": month 2 of 1900 has 28 days (field `date` ignored)",
    "dates.ron:8:54: error: malformed date \"99999999999999999999\": expected YYYY, YYYY-MM or YYYY-MM-DD (field `date` ignored)",
    "dates.ron:9:56: error: malformed date \"\": expected YYYY, YYYY-MM or YYYY-MM-DD (field `date` ignored)",
    "dates.ron:10:108: error: impossible date \"2019-06-31\": month 6 of 2019 has 30 days (field `since` ignored)",
    "dates.ron:11:58: error: impossible date \"2019-02-29\": month 2 of 2019 has 28 days (field `founded` ignored)",
    "deep_nesting.ron:3:185: error: syntax error: nesting deeper than 128 levels",
    "duplicate_field.ron:3:36: error: field `name` is given twice in City",
    "empty.ron:1:1: warning: empty file: no entities",
    "invalid_utf8.ron:4:37: error: invalid UTF-8 (byte 0xff): data files must be UTF-8; the bad bytes are shown as \u{fffd}",
    "not_a_list.ron:2:1: error: syntax error: expected `[`: a data file is a list of entities",
    "nul_byte.ron:3:5: error: syntax error: unexpected character '\\0'",
    "only_comments.ron:1:1: warning: no entities: the file holds only comments",
    "references.ron:7:56: error: unknown id `ref-cty` in `city`: no city has this id; did you mean `ref-city`?",
    "references.ron:8:60: error: unknown id `no-such-org` in `parent`: no organization has this id",
    "references.ron:9:55: error: an organization cannot be its own parent",
    "references.ron:10:59: error: `ref-city` in `parent` is a city, but `parent` must name an organization",
    "references.ron:10:77: error: `ref-org` in `city` is an organization, but `city` must name a city",
    "references.ron:11:57: error: unknown id `atlantis` in `cities`: no city has this id",
    "references.ron:12:40: error: a city cannot be its own sister city (`ref-city` twice)",
    "references.ron:14:41: error: duplicate sister-city tie between `ref-town` and `ref-city`: already given by `tie-first` at tests/fixtures/hostile/references.ron:13:5",
    "references.ron:15:47: error: `ref-org` in `cities` is an organization, but `cities` must name a city",
    "references.ron:16:107: error: unknown id `ghost-org` in `organization`: no organization has this id",
    "references.ron:17:69: error: `ref-city` in `organization` is a city, but `organization` must name an organization",
    "references.ron:18:64: error: unknown id `nobody` in `parties`: no organization or city has this id",
    "references.ron:18:74: error: `ref-person` in `parties` is a person, but `parties` must name an organization or city",
    "references.ron:18:101: error: `ref-org` in `signed_by` is an organization, but `signed_by` must name a person",
    "references.ron:18:112: error: unknown id `ghost` in `signed_by`: no person has this id",
    "references.ron:18:129: error: `ref-org` in `place` is an organization, but `place` must name a city",
    "references.ron:19:46: error: unknown id `nowhere` in `place`: no city has this id",
    "references.ron:19:70: error: `ref-person` in `organizers` is a person, but `organizers` must name an organization or city",
    "references.ron:19:84: error: unknown id `ghost` in `organizers`: no organization or city has this id",
    "references.ron:19:109: error: `agr-refs` in `participants` is an agreement, but `participants` must name an organization, person or city",
    "references.ron:19:121: error: unknown id `phantom` in `participants`: no organization, person or city has this id",
    "references.ron:20:14: error: duplicate id `ref-city`: already used by the city at tests/fixtures/hostile/references.ron:3:14; this one is skipped",
    "references.ron:21:14: error: empty id",
    "references.ron:22:5: warning: city `no-sources` has no sources: name the document or page that states its facts",
    "trailing_text.ron:4:1: error: syntax error: unexpected text after the end of the list",
    "truncated.ron:5:9: error: syntax error: `(` is never closed",
    "unclosed_comment.ron:1:1: error: syntax error: the list `[` is never closed",
    "unclosed_comment.ron:3:5: error: syntax error: unclosed block comment",
    "unclosed_string.ron:2:76: error: syntax error: unclosed string",
    "unknown_kind.ron:3:5: error: unknown entity kind `Spaceship`; expected one of: Organization, City, SisterCity, Person, Agreement, Event, Country",
    "wrong_types.ron:3:32: error: wrong type: expected a string in double quotes",
    "wrong_types.ron:4:66: error: wrong type: expected a group of fields `(name: value, ...)`",
    "wrong_types.ron:5:14: error: wrong type: expected a string in double quotes",
    "wrong_types.ron:6:79: error: syntax error: expected closing `)`",
];

/// Entities that must load despite the problems around them (the valid rest).
const LOADED: &[&str] = &[
    "utf8-ok",
    "utf8-bad",
    "bom-city",
    "before-cut",
    "after-deep",
    "nan-lat",
    "inf-lon",
    "neg-inf",
    "overflow",
    "lat-95",
    "lon-181",
    "corner",
    "feb-30",
    "leap",
    "huge-year",
    "post-dates",
    "date-org",
    "once",
    "known-kind",
    "ref-city",
    "dangling-city",
    "own-parent",
    "tie-dangling",
    "tie-again",
    "agr-refs",
    "evt-refs",
    "no-sources",
    "ctl-org",
    "before-nul",
    "after-nul",
    "before-trailing",
    "before-comment",
    // After an unclosed block comment, reading resumes at the next line that starts an
    // entity, as after any syntax error (the error is reported).
    "in-comment",
    "after-string",
    "crlf-city",
    "types-ok",
];

/// Entities that must not load: broken, commented out, outside the list, or in a folder
/// that is not read.
const NOT_LOADED: &[&str] = &[
    "cut",
    "deep",
    "twice",
    "enterprise",
    "lonely",
    "after-the-list",
    "open-string",
    "crlf-bad",
    "num-name",
    "str-coords",
    "three-coords",
];

#[test]
fn corpus_check_reports_every_file_with_the_exact_outcome() {
    let (code, stdout) = check(Path::new(CORPUS));
    assert_eq!(code, Some(1), "{stdout}");
    let prefix = format!("{CORPUS}/");
    let got: Vec<&str> = problem_lines(&stdout)
        .into_iter()
        .map(|l| l.strip_prefix(&prefix).unwrap_or(l))
        .collect();
    for (n, (got, want)) in got.iter().zip(EXPECTED).enumerate() {
        assert_eq!(got, want, "problem {n} differs\n{stdout}");
    }
    assert_eq!(got.len(), EXPECTED.len(), "{stdout}");
    // Only data files are read: the folder, the backup and the notes are never mentioned.
    for never in ["not_read.ron", "notes.txt", "backup.ron.bak", "README.md"] {
        assert!(!stdout.contains(never), "{never} was read\n{stdout}");
    }
    assert!(
        stdout.ends_with("50 entities in 19 files (7 organizations, 25 cities, 4 people, 1 agreement, 8 events, 5 sister-city ties): 56 errors, 5 warnings\n"),
        "{stdout}"
    );
}

#[test]
fn corpus_loads_in_the_browser_with_the_same_problems_and_the_valid_rest() {
    let net = browse(Path::new(CORPUS));
    let (_, stdout) = check(Path::new(CORPUS));
    let shown: Vec<String> = net
        .data
        .problems
        .iter()
        .map(|p| liaison::text::clean_line(&p.to_string()).into_owned())
        .collect();
    assert_eq!(shown, problem_lines(&stdout));
    for id in LOADED {
        assert!(net.data.get(id).is_some(), "{id} did not load");
    }
    for id in NOT_LOADED {
        assert!(net.data.get(id).is_none(), "{id} loaded");
    }
    // Bad values were dropped, good ones kept.
    let city = |id: &str| match net.data.get(id) {
        Some(liaison::model::Entity::City(c)) => c.clone(),
        other => panic!("{id}: {other:?}"),
    };
    assert_eq!(city("nan-lat").coordinates, None);
    assert_eq!(city("corner").coordinates, Some((-90.0, 180.0)));
    assert_eq!(city("utf8-bad").name, "Bad \u{fffd}\u{fffd} name");
}

/// Every file of the corpus on its own, as `--data FILE`: no panic, and the same problems
/// for that file as in the whole folder.
#[test]
fn each_corpus_file_alone_gets_the_same_outcome() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(CORPUS)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron") && p.is_file())
        .collect();
    names.sort();
    assert_eq!(names.len(), 19);
    for path in names {
        let net = browse(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected: Vec<&str> = EXPECTED
            .iter()
            .filter(|l| l.starts_with(&format!("{name}:")))
            .copied()
            .collect();
        let prefix = format!("{CORPUS}/");
        let got: Vec<String> = net
            .data
            .problems
            .iter()
            .map(|p| {
                let s = liaison::text::clean_line(&p.to_string()).into_owned();
                s.strip_prefix(&prefix).map(str::to_string).unwrap_or(s)
            })
            .collect();
        assert_eq!(got, expected, "{name}");
    }
}

// ---------------------------------------------------------------------------------------
// Generated cases: too big to commit, or impossible to keep in git
// ---------------------------------------------------------------------------------------

/// A valid city, as one entry of a list.
fn city(id: &str) -> String {
    format!("    City(id: \"{id}\", name: \"City {id}\", country: \"X\", sources: [\"s\"]),\n")
}

/// A temporary folder holding one good file, plus whatever a test adds.
fn folder_with_a_good_file() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.ron"),
        format!("[\n{}{}]\n", city("good-one"), city("good-two")),
    )
    .unwrap();
    dir
}

/// Checks a generated folder both ways; returns check's output and the loaded network.
fn both_ways(dir: &Path) -> (String, Arc<Network>) {
    both_ways_within(dir, None)
}

/// The size limits the tests of size limits load with: the defaults are sized for a
/// million entities, too much to generate in a test, so these tests lower them the way a
/// user can, with `LIAISON_LIMITS`.
const SMALL_LIMITS: &str = "file=16MiB,total=64MiB,entities=100000";

/// Like [`both_ways`], within [`SMALL_LIMITS`] when `small` is set.
fn both_ways_within(dir: &Path, small: Option<&str>) -> (String, Arc<Network>) {
    let (code, stdout) = check_within(dir, small);
    assert_eq!(code, Some(1), "{stdout}");
    let net = browse_within(dir, small.map_or_else(Limits::default, Limits::parse));
    assert!(net.data.get("good-one").is_some(), "{stdout}");
    assert!(net.data.get("good-two").is_some(), "{stdout}");
    (stdout, net)
}

#[test]
fn a_50_mb_file_over_the_file_limit_is_refused_with_its_size_and_the_rest_loads() {
    let dir = folder_with_a_good_file();
    let path = dir.path().join("huge.ron");
    let entry = city("same-again");
    let count = 50 * 1024 * 1024 / entry.len() + 1;
    let mut text = String::with_capacity(count * entry.len() + 4);
    text.push_str("[\n");
    for _ in 0..count {
        text.push_str(&entry);
    }
    text.push_str("]\n");
    std::fs::write(&path, &text).unwrap();
    assert!(text.len() as u64 > 50 * 1024 * 1024);
    let (stdout, net) = both_ways_within(dir.path(), Some(SMALL_LIMITS));
    let line = format!(
        "{}: error: file is {} bytes, over the limit of 16 MiB ({} bytes) for one data file: not read",
        path.display(),
        text.len(),
        16 * 1024 * 1024,
    );
    assert!(stdout.lines().any(|l| l == line), "{stdout}");
    assert_eq!(net.data.len(), 2);
}

#[test]
fn a_million_tiny_entries_stop_at_the_entity_limit() {
    let dir = folder_with_a_good_file();
    let path = dir.path().join("million.ron");
    // Tiny entries on one line, a few thousand valid ones first.
    let mut text = String::from("[");
    for i in 0..5_000 {
        text.push_str(&format!(
            "City(id:\"c{i}\",name:\"\",country:\"\",sources:[\"s\"]),"
        ));
    }
    let head = text.len();
    text.push_str(&"C(),".repeat(1_000_000 - 5_000));
    text.push(']');
    std::fs::write(&path, &text).unwrap();
    let (stdout, net) = both_ways_within(dir.path(), Some(SMALL_LIMITS));
    let max_entities = Limits::parse(SMALL_LIMITS).entities;
    let lines = problem_lines(&stdout);
    let shown = path.display().to_string();
    // The first broken entry is located exactly (one line: the column is the offset + 1).
    assert_eq!(
        lines[0],
        format!(
            "{shown}:1:{}: error: unknown entity kind `C`; expected one of: Organization, City, SisterCity, Person, Agreement, Event, Country",
            head + 1
        )
    );
    // The limit: the first entry past it, located, and how many were not read.
    let first_over = head + (max_entities - 2 - 5_000) * 4;
    let limit = format!(
        "{shown}:1:{}: error: over the limit of {max_entities} entities for all the data: this entity and the {} after it in this file are not read",
        first_over + 1,
        1_000_000 - (max_entities - 2) - 1
    );
    assert!(
        lines.contains(&limit.as_str()),
        "{limit}\n{}",
        lines[..3].join("\n")
    );
    // At most MAX_PROBLEMS_PER_FILE are listed, then one line counts the rest.
    let of_file = lines.iter().filter(|l| l.starts_with(&shown)).count();
    assert_eq!(
        of_file,
        MAX_PROBLEMS_PER_FILE + 1,
        "{}",
        lines[..3].join("\n")
    );
    let hidden = max_entities - 2 - 5_000 - (MAX_PROBLEMS_PER_FILE - 1);
    assert_eq!(
        *lines.last().unwrap(),
        format!(
            "{shown}: error: {hidden} more problems in this file ({hidden} errors, 0 warnings) are not listed: at most {MAX_PROBLEMS_PER_FILE} per file and 10000 in all are"
        )
    );
    assert_eq!(net.data.len(), 5_002);
    assert!(net.data.get("c4999").is_some());
}

#[test]
fn a_string_of_several_megabytes_is_refused_and_the_rest_loads() {
    let dir = folder_with_a_good_file();
    let path = dir.path().join("long_string.ron");
    let long = "x".repeat(4 * 1024 * 1024);
    let text = format!(
        "[\n{}    Organization(id: \"long\", name: \"Long\", description: \"{long}\", sources: [\"s\"]),\n{}]\n",
        city("before-long"),
        city("after-long")
    );
    std::fs::write(&path, &text).unwrap();
    let (stdout, net) = both_ways(dir.path());
    let col = "    Organization(id: \"long\", name: \"Long\", description: ".len() + 1;
    let line = format!(
        "{}:3:{col}: error: syntax error: string longer than the limit of {} KiB for one value (or never closed)",
        path.display(),
        MAX_TOKEN_BYTES >> 10
    );
    assert_eq!(problem_lines(&stdout), [line.as_str()]);
    assert!(net.data.get("before-long").is_some());
    assert!(net.data.get("after-long").is_some());
    assert!(net.data.get("long").is_none());
}

#[test]
fn a_long_name_within_the_limits_loads_and_draws() {
    let dir = folder_with_a_good_file();
    let name = "長".repeat(20_000);
    std::fs::write(
        dir.path().join("long_name.ron"),
        format!(
            "[\n    City(id: \"long-name\", name: \"{name}\", country: \"{name}\", sources: [\"s\"]),\n    City(id: \"x\", name: 1),\n]\n"
        ),
    )
    .unwrap();
    let (_, net) = both_ways(dir.path());
    assert!(net.data.get("long-name").is_some());
}

#[test]
fn more_files_than_the_limit_are_not_read_and_the_first_ones_are() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..=MAX_FILES {
        let text = if i == 0 {
            format!("[\n{}{}]\n", city("good-one"), city("good-two"))
        } else {
            "[]".to_string()
        };
        std::fs::write(dir.path().join(format!("f{i:05}.ron")), text).unwrap();
    }
    let (stdout, net) = both_ways(dir.path());
    let last = dir.path().join(format!("f{MAX_FILES:05}.ron"));
    assert_eq!(
        problem_lines(&stdout),
        [format!(
            "{}: error: not read, nor the 0 data files after it: at most {MAX_FILES} files are read",
            last.display()
        )]
    );
    assert_eq!(net.data.files.len(), MAX_FILES);
}

#[test]
fn data_over_the_total_limit_is_not_read_past_it() {
    let dir = folder_with_a_good_file();
    let small = Limits::parse(SMALL_LIMITS);
    // Comments are the cheapest text to read; each file is just under the file limit.
    let line = format!("//{}\n", "x".repeat(1022));
    let per_file = (small.file_bytes as usize - 4096) / line.len();
    let text = format!("[\n{}]\n", line.repeat(per_file));
    let files = (small.total_bytes / text.len() as u64) + 1;
    for i in 0..files {
        std::fs::write(dir.path().join(format!("pad{i}.ron")), &text).unwrap();
    }
    let (stdout, net) = both_ways_within(dir.path(), Some(SMALL_LIMITS));
    let over = dir.path().join(format!("pad{}.ron", files - 1));
    assert_eq!(
        problem_lines(&stdout),
        [format!(
            "{}: error: not read: with its {} bytes the data would be over the limit of 64 MiB for all files together",
            over.display(),
            text.len()
        )]
    );
    assert_eq!(net.data.files.len() as u64, files);
}

/// A FIFO named like a data file, with no writer: opening it would wait forever. It is
/// skipped without being opened, beside the data and when named directly.
#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_data_file_is_skipped_without_waiting() {
    let dir = folder_with_a_good_file();
    let fifo = dir.path().join("fifo.ron");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available: skipped");
        return;
    }
    let (stdout, _) = both_ways_allowing_success(dir.path());
    assert_eq!(
        problem_lines(&stdout),
        [format!(
            "{}: warning: is not a regular file (a pipe, socket or device): skipped",
            fifo.display()
        )]
    );
    let (code, stdout) = check(&fifo);
    assert_eq!(code, Some(1));
    assert_eq!(
        problem_lines(&stdout),
        [format!(
            "{}: error: not read: not a regular file or folder (a pipe, socket or device)",
            fifo.display()
        )]
    );
}

/// Like [`both_ways`] when the only problems are warnings (exit 0).
fn both_ways_allowing_success(dir: &Path) -> (String, Arc<Network>) {
    let (code, stdout) = check(dir);
    assert!(matches!(code, Some(0 | 1)), "{stdout}");
    let net = browse(dir);
    assert!(net.data.get("good-one").is_some(), "{stdout}");
    (stdout, net)
}

/// A file without read permission. Root reads it anyway, so the outcome depends on who runs
/// the tests: for root the file loads; for anyone else it is reported as unreadable. (The
/// corpus holds other unreadable entries that do not depend on the user: a dangling link, a
/// link loop, folders named `.ron`, and the FIFO above.)
#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_reported_unless_it_can_be_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder_with_a_good_file();
    let locked = dir.path().join("locked.ron");
    std::fs::write(&locked, format!("[\n{}]\n", city("locked-city"))).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read(&locked).is_ok();
    let (stdout, net) = both_ways_allowing_success(dir.path());
    if readable {
        assert_eq!(problem_lines(&stdout), Vec::<&str>::new());
        assert!(net.data.get("locked-city").is_some());
    } else {
        assert_eq!(
            problem_lines(&stdout),
            [format!(
                "{}: error: cannot read: Permission denied (os error 13)",
                locked.display()
            )]
        );
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
}

/// A one-line file of many entities with a reference error each: the locations stay exact
/// and cheap (columns on a very long line), the suggestions bounded.
#[test]
fn many_reference_errors_on_one_long_line_are_listed_up_to_the_limit() {
    let dir = folder_with_a_good_file();
    let path = dir.path().join("one_line.ron");
    let mut text = String::from("[");
    let mut first_col = 0;
    for i in 0..20_000 {
        let entry = format!(
            "Organization(id:\"o{i}\",name:\"上海{i}\",city:\"nowhere{i}\",sources:[\"s\"]),"
        );
        if i == 0 {
            first_col = entry[..entry.find("\"nowhere").unwrap()].chars().count() + 2;
        }
        text.push_str(&entry);
    }
    text.push(']');
    std::fs::write(&path, &text).unwrap();
    let (stdout, net) = both_ways(dir.path());
    let lines = problem_lines(&stdout);
    assert!(
        lines[0].starts_with(&format!(
            "{}:1:{first_col}: error: unknown id `nowhere0` in `city`",
            path.display()
        )),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), MAX_PROBLEMS_PER_FILE + 1);
    assert_eq!(net.data.len(), 20_002);
    assert_eq!(
        net.data.problem_count(Severity::Error),
        MAX_PROBLEMS_PER_FILE + 1
    );
}

// Issue 14: odd paths, the state file, the config, init and what is printed
// ---------------------------------------------------------------------------------------

/// Runs the binary with its own home and `args`, killed if it hangs; exit code, stdout and
/// stderr.
fn liaison_in(
    home: &Path,
    args: &[&std::ffi::OsStr],
    env: &[(&str, &std::ffi::OsStr)],
) -> (Option<i32>, String, String) {
    let mut command = common::liaison_command(home);
    command.env_remove("LIAISON_LIMITS").args(args);
    for (k, v) in env {
        command.env(k, v);
    }
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("liaison runs");
    let out = output_or_kill(child, || format!("liaison {args:?} hangs"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

/// L13: a folder named twice, and a file inside it, are read once: no entity is its own
/// duplicate.
#[test]
fn a_folder_named_twice_is_read_once_by_check() {
    let dir = folder_with_a_good_file();
    let home = tempfile::tempdir().unwrap();
    let d = dir.path().as_os_str();
    let file = dir.path().join("good.ron");
    let args = [
        os("check"),
        os("--data"),
        d,
        os("--data"),
        d,
        os("--data"),
        file.as_os_str(),
    ];
    let (code, stdout, stderr) = liaison_in(home.path(), &args, &[]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(!stdout.contains("duplicate"), "{stdout}");
}

/// L13: `LIAISON_DATA=":::"` names no path: the built-in dataset loads, with no empty-path
/// error.
#[test]
fn empty_entries_in_liaison_data_are_ignored() {
    let home = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) =
        liaison_in(home.path(), &[os("check")], &[("LIAISON_DATA", os(":::"))]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(!stdout.contains("cannot read"), "{stdout}");
}

/// L14: an Emacs lock link, auto-save, backup, a Vim swap file and a dot-file beside the
/// data are not read: `check` passes while a file is being edited.
#[cfg(unix)]
#[test]
fn editor_temporaries_and_hidden_files_are_not_read_as_data() {
    let dir = folder_with_a_good_file();
    // Emacs's lock is a dangling link named like a data file.
    std::os::unix::fs::symlink("user@host.1234:1700000000", dir.path().join(".#good.ron")).unwrap();
    for name in ["#good.ron#", "good.ron~", ".good.ron.swp", ".hidden.ron"] {
        std::fs::write(dir.path().join(name), "[ City(id: \"half").unwrap();
    }
    let home = tempfile::tempdir().unwrap();
    let args = [os("check"), os("--data"), dir.path().as_os_str()];
    let (code, stdout, stderr) = liaison_in(home.path(), &args, &[]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(!stdout.contains(".#good"), "{stdout}");
}

/// Whether stdout or stderr holds a raw control character (the newline aside).
fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| c != '\n' && liaison::text::is_unsafe(c, true))
        .collect()
}

/// L6: paths from `XDG_CONFIG_HOME` and `--dir` holding escape sequences are printed
/// escaped by `config`, `config --default` and `init`.
#[cfg(unix)]
#[test]
fn paths_with_control_characters_are_printed_escaped() {
    let home = tempfile::tempdir().unwrap();
    let odd = home
        .path()
        .join(format!("odd{}{}", common::OSC52, common::CSI));
    let config_home = odd.join("config");
    for args in [vec![os("config")], vec![os("config"), os("--default")]] {
        let (code, stdout, stderr) = liaison_in(
            home.path(),
            &args,
            &[("XDG_CONFIG_HOME", config_home.as_os_str())],
        );
        assert!(matches!(code, Some(0 | 1)), "{stdout}{stderr}");
        assert!(
            stdout.contains("odd\\u{1b}]52;c;ZXZpbA==\\u{7}"),
            "{stdout}"
        );
        assert_eq!(raw_controls(&stdout), [], "{stdout}");
        assert_eq!(raw_controls(&stderr), [], "{stderr}");
    }
    let dir = odd.join("data");
    let args = [os("init"), os("--dir"), dir.as_os_str()];
    let (code, stdout, stderr) = liaison_in(home.path(), &args, &[]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(stdout.contains("wrote "), "{stdout}");
    assert_eq!(raw_controls(&stdout), [], "{stdout}");
    // An error naming such a path is escaped too.
    let file = home.path().join(format!("file{}", common::OSC52));
    std::fs::write(&file, "not a folder").unwrap();
    let args = [os("init"), os("--dir"), file.as_os_str()];
    let (code, stdout, stderr) = liaison_in(home.path(), &args, &[]);
    assert_eq!(code, Some(2), "{stdout}{stderr}");
    assert!(stderr.contains("file\\u{1b}]52"), "{stderr}");
    assert_eq!(raw_controls(&stderr), [], "{stderr}");
}

/// L6: clap's error echoes the bad value of `--kind`; an OSC 52 sequence, a C1 CSI or a
/// bidi override in it never reaches the terminal raw (clap's plain rendering drops escape
/// sequences, the sanitizer escapes the rest). The binary renders the same text whether
/// or not stderr is a terminal.
#[test]
fn a_bad_argument_is_echoed_escaped() {
    let home = tempfile::tempdir().unwrap();
    let bad = format!("org{}\u{9b}31m\u{202e}gro", common::OSC52);
    let args = [os("search"), os("x"), os("--kind"), os(&bad)];
    let (code, stdout, stderr) = liaison_in(home.path(), &args, &[]);
    assert_eq!(code, Some(2), "{stdout}{stderr}");
    assert!(stderr.contains("invalid value 'org"), "{stderr}");
    assert!(stderr.contains("\\u{202e}gro"), "{stderr}");
    assert_eq!(raw_controls(&stderr), [], "{stderr}");
    // Help still prints as it is.
    let (code, stdout, _) = liaison_in(home.path(), &[os("--help")], &[]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("Usage:"), "{stdout}");
}

/// L4: a FIFO as `config.ron` (or a link to an endless device) is reported by `liaison
/// config` without waiting.
#[cfg(unix)]
#[test]
fn a_fifo_or_endless_config_is_reported_not_waited_on() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config/liaison");
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.ron");
    std::os::unix::fs::symlink("/dev/zero", &config).unwrap();
    let (code, stdout, stderr) = liaison_in(home.path(), &[os("config")], &[]);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert!(
        stdout.contains("cannot read the config: not a regular file but a device"),
        "{stdout}"
    );
    std::fs::remove_file(&config).unwrap();
    if !Command::new("mkfifo")
        .arg(&config)
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("mkfifo is not available: the FIFO half is skipped");
        return;
    }
    let (code, stdout, stderr) = liaison_in(home.path(), &[os("config")], &[]);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert!(
        stdout.contains("not a regular file but a pipe (FIFO)"),
        "{stdout}"
    );
}

/// M6: `liaison init` on a full disk (a 64 KiB tmpfs) stops with an error naming the file,
/// leaves no half file (every file there is whole), and once there is room a second run
/// writes the rest. Needs root to mount; skipped otherwise (CI runs as root).
#[cfg(target_os = "linux")]
#[test]
fn init_on_a_full_disk_leaves_no_half_file_and_a_retry_completes() {
    let home = tempfile::tempdir().unwrap();
    let mnt = home.path().join("small");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&mnt)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!(
            "SKIPPED init_on_a_full_disk...: mounting a 64 KiB tmpfs needs root (CI runs as root)"
        );
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(mnt.clone());
    let dir = mnt.join("data");
    let args = [os("init"), os("--dir"), dir.as_os_str()];
    let (code, stdout, stderr) = liaison_in(home.path(), &args, &[]);
    assert_eq!(code, Some(2), "{stdout}{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(stderr.contains(&dir.display().to_string()), "{stderr}");
    let whole = |name: &str| {
        let builtin = liaison::dataset::builtin_files()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t);
        std::fs::read_to_string(dir.join(name)).ok().as_deref() == builtin
    };
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(whole(&name), "{name} is not a whole built-in file");
    }
    let ok = Command::new("mount")
        .args(["-o", "remount,size=8m"])
        .arg(&mnt)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "remount");
    let (code, stdout, stderr) = liaison_in(home.path(), &args, &[]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    for (name, _) in liaison::dataset::builtin_files() {
        assert!(whole(name), "{name} after the retry");
    }
    let (code, stdout, _) = liaison_in(
        home.path(),
        &[os("check"), os("--data"), dir.as_os_str()],
        &[],
    );
    assert_eq!(code, Some(0), "{stdout}");
}

/// M2 and L4 in the real browser: with `state.ron` and `config.ron` both FIFOs (no writer),
/// `liaison` opens in a pseudo-terminal, draws, and quits on `q`, instead of a blank screen
/// that ignores every key.
#[cfg(unix)]
#[test]
fn the_browser_opens_and_quits_with_a_fifo_as_state_and_config() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state/liaison");
    let config = home.path().join("config/liaison");
    std::fs::create_dir_all(&state).unwrap();
    std::fs::create_dir_all(&config).unwrap();
    for fifo in [state.join("state.ron"), config.join("config.ron")] {
        if !Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            eprintln!("mkfifo is not available: skipped");
            return;
        }
    }
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_liaison"));
    cmd.cwd(home.path());
    cmd.env_remove("LIAISON_DATA");
    cmd.env("HOME", home.path());
    cmd.env("XDG_DATA_HOME", home.path().join("share"));
    cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
    cmd.env("XDG_STATE_HOME", home.path().join("state"));
    cmd.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(cmd).expect("spawn liaison");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut screen = vt100::Parser::new(
        std::num::NonZeroU16::new(30).unwrap(),
        std::num::NonZeroU16::new(100).unwrap(),
        0,
    );
    let start = std::time::Instant::now();
    // Drawn: anything on the screen (the header, the list, the footer).
    while screen.screen().contents().trim().is_empty() {
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(bytes) => screen.process(&bytes),
            Err(_) if start.elapsed() > HANG => {
                let _ = child.kill();
                panic!("the browser never drew:\n{}", screen.screen().contents());
            }
            Err(_) => {}
        }
    }
    let mut writer = pty.master.take_writer().expect("pty writer");
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "{status:?}");
            break;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            panic!("q did not quit:\n{}", screen.screen().contents());
        }
        while let Ok(bytes) = rx.try_recv() {
            screen.process(&bytes);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The child's output, or a panic saying `what` once it has run longer than [`HANG`] (the
/// child is killed first, so a hang fails the test instead of stalling it).
fn output_or_kill(
    child: std::process::Child,
    what: impl FnOnce() -> String,
) -> std::process::Output {
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(HANG) {
        Ok(out) => out.expect("liaison runs"),
        Err(_) => {
            let _ = Command::new("kill")
                .arg("-KILL")
                .arg(pid.to_string())
                .status();
            panic!("{}", what());
        }
    }
}
