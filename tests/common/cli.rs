//! One fluent way to run the `liaison` binary in a test, shared by `cli`, `journeys_cli` and
//! `export`: `Test::new().args(["show", "espoo"]).run().status(0).stdout_contains("Espoo")`.
//!
//! Every run has its own temporary home (see [`super::liaison_command`]), kept alive until
//! the `Run` is dropped. Every assertion shows the command and its whole output on failure.
//! This module only runs the binary and reads what it printed; it owns no test data.

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;
use tempfile::TempDir;

/// A run of the binary, set up fluently: `Test::new().arg("search").arg("soea").run()`.
pub struct Test {
    command: Command,
    /// Stands in for the user's home; removed when the test ends.
    home: TempDir,
}

impl Test {
    pub fn new() -> Test {
        let home = tempfile::tempdir().expect("temporary home");
        let command = super::liaison_command(home.path());
        Test { command, home }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Test {
        self.command.arg(arg);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Test
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.command.args(args);
        self
    }

    /// `--data PATH`.
    pub fn data(self, path: impl AsRef<OsStr>) -> Test {
        self.arg("--data").arg(path)
    }

    /// Writes `text` as a data file in the home and loads it with `--data`.
    pub fn data_text(self, text: &str) -> Test {
        let path = self.home.path().join("fixture.ron");
        std::fs::write(&path, text).expect("fixture written");
        self.data(path)
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Test {
        self.command.env(key, value);
        self
    }

    pub fn env_remove(mut self, key: &str) -> Test {
        self.command.env_remove(key);
        self
    }

    /// The temporary folder that stands in for the user's home.
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// Runs the binary and waits for it. Stdout must be UTF-8; stderr is read lossily.
    pub fn run(mut self) -> Run {
        let output = self.command.output().expect("the liaison binary runs");
        Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8"),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            raw_stdout: output.stdout,
            args: format!("{:?}", self.command.get_args().collect::<Vec<_>>()),
            _home: self.home,
        }
    }
}

/// What a run printed and how it exited; every assertion shows the whole output on failure.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub raw_stdout: Vec<u8>,
    pub args: String,
    _home: TempDir,
}

impl Run {
    pub fn context(&self) -> String {
        format!(
            "liaison {}\n--- exit: {:?}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.args, self.code, self.stdout, self.stderr
        )
    }

    pub fn status(self, code: i32) -> Run {
        assert_eq!(
            self.code,
            Some(code),
            "unexpected exit code\n{}",
            self.context()
        );
        self
    }

    pub fn stdout_contains(self, text: &str) -> Run {
        assert!(
            self.stdout.contains(text),
            "stdout lacks {text:?}\n{}",
            self.context()
        );
        self
    }

    pub fn stdout_lacks(self, text: &str) -> Run {
        assert!(
            !self.stdout.contains(text),
            "stdout has {text:?}\n{}",
            self.context()
        );
        self
    }

    pub fn stdout_is(self, text: &str) -> Run {
        assert_eq!(self.stdout, text, "\n{}", self.context());
        self
    }

    pub fn stdout_empty(self) -> Run {
        assert!(
            self.stdout.is_empty(),
            "stdout not empty\n{}",
            self.context()
        );
        self
    }

    pub fn stderr_contains(self, text: &str) -> Run {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}\n{}",
            self.context()
        );
        self
    }

    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    /// The line of stdout that contains `text`.
    pub fn line_with(&self, text: &str) -> &str {
        self.stdout
            .lines()
            .find(|l| l.contains(text))
            .unwrap_or_else(|| panic!("no line with {text:?}\n{}", self.context()))
    }

    /// The lines of `check` before the summary: one per problem.
    pub fn problems(&self) -> Vec<&str> {
        let lines = self.lines();
        lines[..lines.len().saturating_sub(1)].to_vec()
    }

    /// The last line of `check`.
    pub fn summary(&self) -> &str {
        self.stdout.lines().last().unwrap_or("")
    }

    /// Asserts `check` reported exactly these problems (`PATH:LINE:COL: SEVERITY: `
    /// prefixes, in order), and returns their messages.
    pub fn reports(&self, expected: &[&str]) -> Vec<String> {
        let problems = self.problems();
        assert_eq!(
            problems.len(),
            expected.len(),
            "expected {} problem line(s) starting {expected:?}\n{}",
            expected.len(),
            self.context()
        );
        problems
            .iter()
            .zip(expected)
            .map(|(line, prefix)| {
                let prefix = format!("{prefix}: ");
                assert!(
                    line.starts_with(&prefix),
                    "expected a line starting {prefix:?}, got {line:?}\n{}",
                    self.context()
                );
                line[prefix.len()..].to_string()
            })
            .collect()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not valid JSON ({e})\n{}", self.context()))
    }
}
