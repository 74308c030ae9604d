//! The browser's dealings with the world outside its state: saving bookmarks, the
//! clipboard, writing exported files, suspending, running the user's editor (with the
//! terminal lent to it, then a reload) and copying the built-in data as `liaison init` does,
//! and watching the data files for changes (by their folders, so saves by rename and folders
//! made again keep being seen) and loading them again. Each effect's outcome, and each
//! reloaded dataset, comes back as an [`Action`] for `update`; nothing here changes the
//! state. Threads that bring news (the watcher, the loader) ring the loop's doorbell.

use super::action::{Action, EditTarget, Loaded};
use super::saved::Saved;
use super::state::Effect;
use crate::dataset::DataChoice;
use crate::network::Network;
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// What the event loop needs from its surroundings between events.
pub trait Surroundings {
    /// Carries out the effects `update` queued (with the saved state as it is now) and
    /// brings in anything that arrived from outside; returns what came of them.
    fn carry_out(&mut self, effects: Vec<Effect>, saved: &Saved) -> Vec<Action>;

    /// Whether the screen must be drawn whole (the terminal was given back and taken
    /// again); asking clears it.
    fn take_redraw(&mut self) -> bool {
        false
    }

    /// How long until something falls due that no other thread will ring for (a reload
    /// after the files have been quiet for a moment); `None`: nothing.
    fn due_in(&self) -> Option<Duration> {
        None
    }
}

/// Surroundings that do nothing: for headless runs and tests.
#[derive(Debug, Default)]
pub struct Nowhere;

impl Surroundings for Nowhere {
    fn carry_out(&mut self, _: Vec<Effect>, _: &Saved) -> Vec<Action> {
        Vec::new()
    }
}

/// How long a reload may take before it is given up.
const LOAD_PATIENCE: Duration = Duration::from_secs(15);

/// The real surroundings: files, the clipboard and the data watcher.
pub struct Outside {
    choice: DataChoice,
    state_path: Option<PathBuf>,
    watch: Option<Watch>,
    changes: mpsc::Receiver<Change>,
    due: Option<Instant>,
    loading: Option<mpsc::Receiver<Network>>,
    /// When the load under way started: one that does not finish within [`LOAD_PATIENCE`]
    /// is given up (its thread is left to end on its own) and the user is told.
    loading_since: Option<Instant>,
    /// Whether the user asked for the load under way or due (`r`).
    asked: bool,
}

impl Outside {
    /// Watches the data of `choice` (when it is files) and saves state to `state_path`.
    pub fn new(choice: &DataChoice, state_path: Option<PathBuf>) -> Outside {
        let (tx, changes) = mpsc::channel();
        let watch = match choice {
            DataChoice::Paths(paths) => self::watch(paths, tx),
            DataChoice::Builtin => None,
        };
        Outside {
            choice: choice.clone(),
            state_path,
            watch,
            changes,
            due: None,
            loading: None,
            loading_since: None,
            asked: false,
        }
    }

    fn effect(&mut self, effect: Effect, saved: &Saved) -> Vec<Action> {
        let done = match effect {
            Effect::SaveState => {
                let Some(path) = self.state_path.as_deref() else {
                    return Vec::new();
                };
                let Err(e) = super::saved::save(path, saved) else {
                    return Vec::new();
                };
                format!("could not save bookmarks to {}: {e}", path.display())
            }
            Effect::Copy { label, text } => match copy_osc52(&text) {
                Ok(()) => format!("copied the {label} ({} characters)", text.chars().count()),
                Err(e) => format!("could not copy: {e}"),
            },
            Effect::WriteFile { path, text } => match write_new(&path, &text) {
                Ok(()) => format!("exported to {}", path.display()),
                Err(e) => format!("could not export to {}: {e}", path.display()),
            },
            Effect::Reload => {
                self.due = Some(Instant::now());
                self.asked = true;
                return Vec::new();
            }
            Effect::Suspend => {
                super::terminal::suspend();
                return Vec::new();
            }
            Effect::Edit(target) => return vec![self.edit(&target)],
            Effect::InitAndEdit(target) => return self.init_and_edit(&target),
        };
        vec![Action::Done(done)]
    }

    /// Runs the user's editor at the entity's file and line, with the terminal lent to it;
    /// the data is reloaded after (once the files are quiet, with the watcher's news).
    fn edit(&mut self, target: &EditTarget) -> Action {
        use crate::edit::{EditError, command_from_env, location};
        let (file, line) = match location(&self.choice, &target.net.data, target.entity) {
            Ok(found) => found,
            Err(EditError::BuiltIn { dir }) => {
                return Action::EditBuiltIn {
                    entity: target.entity,
                    dir,
                };
            }
            Err(e) => return Action::Done(format!("cannot edit: {e}")),
        };
        let command = match command_from_env(&file, line) {
            Ok(c) => c,
            Err(e) => return Action::Done(format!("cannot edit: {e}")),
        };
        let status = super::terminal::lend(|| command.to_command().status());
        self.due = Some(Instant::now() + Duration::from_millis(250));
        Action::Done(match status {
            Ok(s) if s.success() => format!("edited {} at line {line}", file.display()),
            Ok(s) => format!("the editor ({command}) ended with {s}"),
            Err(e) => format!("cannot run the editor ({command}): {e}"),
        })
    }

    /// Copies the built-in data as `liaison init` does, reads and watches the copy from
    /// now on, and edits the entity there.
    fn init_and_edit(&mut self, target: &EditTarget) -> Vec<Action> {
        let Some(dir) = crate::dataset::source::user_data_dir() else {
            return vec![Action::Done("this platform has no data directory".into())];
        };
        // What `liaison init` prints is not for the browser's screen.
        if let Err(e) = crate::init::copy_builtin(&dir, &mut std::io::sink()) {
            return vec![Action::Done(format!("could not copy the data: {e}"))];
        }
        let state_path = self.state_path.take();
        *self = Outside::new(&DataChoice::Paths(vec![dir.clone()]), state_path);
        let net = Arc::new(Network::load_silently(&self.choice));
        let copied = format!("copied the built-in data to {}", dir.display());
        let id = target.net.data.entity(target.entity).id();
        let edited = match net.data.index_of(id) {
            Some(entity) => self.edit(&EditTarget {
                net: net.clone(),
                entity,
            }),
            None => Action::Done(format!("{id} is not in the copy")),
        };
        let edited = match edited {
            Action::Done(what) => Action::Done(format!("{copied}; {what}")),
            other => other,
        };
        vec![Action::Reloaded(Loaded::asked(net)), edited]
    }

    /// Starts a load when the files have been quiet for a moment; takes one that finished.
    fn reload(&mut self) -> Option<Action> {
        // Several events come for one save: wait until the files are quiet for a moment.
        while let Ok(change) = self.changes.try_recv() {
            if change == Change::Folder
                && let Some(w) = &mut self.watch
            {
                w.rearm();
            }
            self.due = Some(Instant::now() + Duration::from_millis(250));
        }
        if self.due.is_some_and(|d| Instant::now() >= d) && self.loading.is_none() {
            self.due = None;
            let (tx, rx) = mpsc::channel();
            let choice = self.choice.clone();
            std::thread::spawn(move || {
                // The browser owns the screen: no progress line on stderr.
                let _ = tx.send(Network::load_silently(&choice));
                super::wake::ring();
            });
            self.loading = Some(rx);
            self.loading_since = Some(Instant::now());
        }
        let rx = self.loading.as_ref()?;
        if self
            .loading_since
            .is_some_and(|t| t.elapsed() >= LOAD_PATIENCE)
        {
            // A file that never ends (a device, a stuck network mount): stop waiting, so
            // that later reloads and `r` work again.
            self.loading = None;
            self.loading_since = None;
            self.asked = false;
            return Some(Action::Done(format!(
                "reload: the data files did not finish loading in {} s; gave up (r tries again)",
                LOAD_PATIENCE.as_secs()
            )));
        }
        match rx.try_recv() {
            Ok(net) => {
                self.loading = None;
                self.loading_since = None;
                let asked = std::mem::take(&mut self.asked);
                Some(Action::Reloaded(Loaded {
                    net: Arc::new(net),
                    asked,
                }))
            }
            Err(mpsc::TryRecvError::Disconnected) => {
                self.loading = None;
                self.loading_since = None;
                None
            }
            Err(mpsc::TryRecvError::Empty) => None,
        }
    }
}

impl Surroundings for Outside {
    fn carry_out(&mut self, effects: Vec<Effect>, saved: &Saved) -> Vec<Action> {
        let mut out: Vec<Action> = effects
            .into_iter()
            .flat_map(|e| self.effect(e, saved))
            .collect();
        out.extend(self.reload());
        out
    }

    fn due_in(&self) -> Option<Duration> {
        // While loading, the loader rings when it is done, or the patience runs out.
        if let Some(since) = self.loading_since {
            return Some((since + LOAD_PATIENCE).saturating_duration_since(Instant::now()));
        }
        let due = self.due?;
        Some(due.saturating_duration_since(Instant::now()))
    }

    fn take_redraw(&mut self) -> bool {
        super::terminal::take_redraw()
    }
}

/// What the data watcher saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// A data file changed.
    Data,
    /// A data folder itself was made or removed: its watch must be set again.
    Folder,
}

/// The watch on the data: each data folder and the folder of each data file, so that a
/// file saved by rename (vim, emacs, `sed -i`) and a folder removed and made again keep
/// being seen; events are filtered by name.
struct Watch {
    watcher: notify::RecommendedWatcher,
    folders: Vec<PathBuf>,
}

impl Watch {
    /// Watches a data folder again (after it was made again).
    fn rearm(&mut self) {
        use notify::Watcher;
        for dir in &self.folders {
            let _ = self.watcher.watch(dir, notify::RecursiveMode::NonRecursive);
        }
    }
}

/// A path as the watcher reports it: absolute, links resolved where it exists.
fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    })
}

/// What an event's path means: a data folder itself, a data file, or nothing of ours.
fn classify(path: &Path, folders: &[PathBuf], files: &[PathBuf]) -> Option<Change> {
    if folders.iter().any(|d| d == path) {
        return Some(Change::Folder);
    }
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    let in_folder = path
        .parent()
        .is_some_and(|p| folders.iter().any(|d| d == p));
    let ron = path.extension().is_some_and(|e| e == "ron");
    (files.iter().any(|f| f == path) || (in_folder && ron && !hidden)).then_some(Change::Data)
}

/// Watches the data paths; each change of ours is sent on `tx`.
fn watch(paths: &[PathBuf], tx: mpsc::Sender<Change>) -> Option<Watch> {
    use notify::Watcher;
    let all: Vec<PathBuf> = paths.iter().map(|p| absolute(p)).collect();
    let (folders, files): (Vec<PathBuf>, Vec<PathBuf>) = all.into_iter().partition(|p| p.is_dir());
    let (f1, f2) = (folders.clone(), files.clone());
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(ev) = res else { return };
        if matches!(ev.kind, notify::EventKind::Access(_)) {
            return;
        }
        for change in ev.paths.iter().filter_map(|p| classify(p, &f1, &f2)) {
            let _ = tx.send(change);
            super::wake::ring();
        }
    })
    .ok()?;
    let parents = folders.iter().chain(&files).filter_map(|p| p.parent());
    for dir in folders.iter().map(PathBuf::as_path).chain(parents) {
        let _ = watcher.watch(dir, notify::RecursiveMode::NonRecursive);
    }
    Some(Watch { watcher, folders })
}

/// Writes `text` to the clipboard with an OSC 52 sequence (works over SSH and in tmux).
fn copy_osc52(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout();
    write!(out, "\x1b]52;c;{}\x07", base64(text.as_bytes()))?;
    out.flush()
}

/// Writes a new file; never replaces an existing one.
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(TABLE[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_load_that_outlasts_the_patience_is_given_up_and_the_loop_wakes_for_it() {
        let mut out = Outside::new(&DataChoice::Builtin, None);
        // A loader that never answers (its sender kept alive): a file that never ends.
        let (_stuck, rx) = mpsc::channel::<Network>();
        out.loading = Some(rx);
        out.loading_since = Some(Instant::now());
        out.asked = true;
        // The event loop sleeps no longer than the patience left, so it wakes to give up.
        let wait = out.due_in().expect("a time limit while loading");
        assert!(
            wait <= LOAD_PATIENCE && wait > LOAD_PATIENCE / 2,
            "{wait:?}"
        );
        assert_eq!(out.reload(), None, "still within the patience");
        out.loading_since = Instant::now().checked_sub(LOAD_PATIENCE + Duration::from_secs(1));
        match out.reload() {
            Some(Action::Done(message)) => {
                assert!(message.contains("did not finish loading"), "{message}");
                assert!(message.contains("r tries again"), "{message}");
            }
            other => panic!("the load is given up with a message, not {other:?}"),
        }
        // Given up: nothing is loading, so a later change or `r` starts a new load.
        assert!(out.loading.is_none() && out.loading_since.is_none() && !out.asked);
        assert_eq!(out.due_in(), None);
    }

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64("上海".as_bytes()), "5LiK5rW3");
    }
}
