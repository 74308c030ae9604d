//! Editing an entity in place: where it is written (file and line), and the editor command
//! that opens it there — `$VISUAL`, else `$EDITOR`, else `vi`, split into words as a shell
//! would (`EDITOR="code --wait"` works), then `+LINE FILE`, the convention vi, vim, nano,
//! emacs, helix and micro accept.
//!
//! The built-in dataset lives inside the program and cannot be edited: [`location`] refuses
//! it with a message that explains `liaison init`. This module builds commands; it never runs
//! one and never touches the terminal — `liaison edit` and the browser (which suspends itself
//! first) do that.

use crate::dataset::{DataChoice, Dataset};
use std::fmt;
use std::path::{Path, PathBuf};

/// Why an entity cannot be opened in an editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The data is the built-in dataset; `liaison init` copies it to `dir` (when the platform
    /// has a data directory).
    BuiltIn {
        /// Where `liaison init` would copy it.
        dir: Option<PathBuf>,
    },
    /// The file the entity came from is gone.
    Missing(PathBuf),
    /// `$VISUAL` / `$EDITOR` cannot be split into words (an unclosed quote).
    BadEditor(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::BuiltIn { dir } => {
                let place = dir.as_ref().map_or_else(
                    || "your data directory".to_string(),
                    |d| d.display().to_string(),
                );
                write!(
                    f,
                    "the built-in dataset is part of the program and cannot be edited; \
                     `liaison init` copies it to {place}, where liaison then reads it and \
                     the editor can change it"
                )
            }
            EditError::Missing(path) => write!(f, "{} no longer exists", path.display()),
            EditError::BadEditor(text) => write!(
                f,
                "cannot read the editor command \"{}\" (an unclosed quote?)",
                crate::text::clean_line(text)
            ),
        }
    }
}

impl std::error::Error for EditError {}

/// Where an entity is written: its file (absolute) and line.
pub fn location(
    choice: &DataChoice,
    ds: &Dataset,
    entity: usize,
) -> Result<(PathBuf, usize), EditError> {
    if *choice == DataChoice::Builtin {
        return Err(EditError::BuiltIn {
            dir: crate::dataset::source::user_data_dir(),
        });
    }
    let origin = ds.origin(entity);
    let path = PathBuf::from(&origin.path);
    // An absolute path can never be read as an option (a file named "-c" or "+q").
    let path = std::path::absolute(&path).unwrap_or(path);
    if !path.is_file() {
        return Err(EditError::Missing(path));
    }
    Ok((path, origin.line.max(1)))
}

/// The editor's words: `visual` if set and not blank, else `editor`, else `vi`.
pub fn editor_words(visual: Option<&str>, editor: Option<&str>) -> Result<Vec<String>, EditError> {
    let chosen = [visual, editor]
        .into_iter()
        .flatten()
        .find(|v| !v.trim().is_empty());
    let Some(text) = chosen else {
        return Ok(vec!["vi".to_string()]);
    };
    match shell_words::split(text) {
        Ok(words) if !words.is_empty() => Ok(words),
        _ => Err(EditError::BadEditor(text.to_string())),
    }
}

/// A command to run: the program and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorCommand {
    /// The program.
    pub program: String,
    /// Its arguments, ending in `+LINE` and the file.
    pub args: Vec<String>,
}

impl EditorCommand {
    /// A [`std::process::Command`] ready to run (in the foreground, inheriting the terminal).
    pub fn to_command(&self) -> std::process::Command {
        let mut c = std::process::Command::new(&self.program);
        c.args(&self.args);
        c
    }
}

impl fmt::Display for EditorCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words: Vec<&str> = std::iter::once(self.program.as_str())
            .chain(self.args.iter().map(String::as_str))
            .collect();
        f.write_str(&crate::text::clean_line(&shell_words::join(words)))
    }
}

/// The command that opens `file` at `line` with the editor named by `words`.
pub fn command_for(words: &[String], file: &Path, line: usize) -> EditorCommand {
    let (program, rest) = match words.split_first() {
        Some((p, rest)) => (p.clone(), rest.to_vec()),
        None => ("vi".to_string(), Vec::new()),
    };
    let mut args = rest;
    args.push(format!("+{}", line.max(1)));
    args.push(file.display().to_string());
    EditorCommand { program, args }
}

/// The command that opens `file` at `line` with the user's editor (`$VISUAL`, `$EDITOR`,
/// `vi`).
pub fn command_from_env(file: &Path, line: usize) -> Result<EditorCommand, EditError> {
    let var = |name: &str| std::env::var(name).ok();
    let words = editor_words(var("VISUAL").as_deref(), var("EDITOR").as_deref())?;
    Ok(command_for(&words, file, line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_wins_then_editor_then_vi() {
        assert_eq!(
            editor_words(Some("nvim"), Some("nano")).expect("words"),
            ["nvim"]
        );
        assert_eq!(
            editor_words(Some("  "), Some("nano")).expect("words"),
            ["nano"]
        );
        assert_eq!(editor_words(None, None).expect("words"), ["vi"]);
    }

    #[test]
    fn an_editor_with_arguments_is_split_like_a_shell() {
        let words = editor_words(None, Some("'/opt/my editor/bin/ed' --wait -n")).expect("words");
        let c = command_for(&words, Path::new("/data/orgs.ron"), 758);
        assert_eq!(c.program, "/opt/my editor/bin/ed");
        assert_eq!(c.args, ["--wait", "-n", "+758", "/data/orgs.ron"]);
        assert!(matches!(
            editor_words(None, Some("vim 'oops")),
            Err(EditError::BadEditor(_))
        ));
    }

    #[test]
    fn the_built_in_dataset_is_refused_with_init_explained() {
        let ds = Dataset::default();
        let err = location(&DataChoice::Builtin, &ds, 0).expect_err("refused");
        assert!(err.to_string().contains("liaison init"), "{err}");
    }
}
