//! The interactive browser, in the Elm shape: [`state::App`] is the model, [`action::Action`]
//! the messages, [`update::update`] the only place state changes, [`ui::render`] a pure
//! view, and [`keymap::Keymap`] the single table from keys to actions (help is generated
//! from it). [`terminal`] owns the terminal: raw mode, alternate screen, mouse and paste,
//! always restored.

pub mod action;
pub mod config;
pub mod daily;
pub mod keymap;
pub mod layout;
pub mod listing;
pub mod saved;
pub mod state;
pub mod terminal;
pub mod ui;
pub mod update;
pub mod views;
pub mod worker;

use crate::dataset::DataChoice;
use crate::network::Network;
use crate::tui::config::Config;
use action::Action;
use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use state::App;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Translates a terminal event into an action, given the current mode.
pub fn action_for_event(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            app.keymap.action_for(app.mode(), key)
        }
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(m.column, m.row, -1)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(m.column, m.row, 1)),
            _ => None,
        },
        _ => None,
    }
}

/// Runs the browser on any backend until the user quits. `next_event` waits up to the
/// given time for a terminal event; `carry_out` performs the queued effects and brings in
/// anything that arrived from outside (a reloaded dataset) between events.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    mut next_event: impl FnMut(Duration) -> std::io::Result<Option<Event>>,
    mut carry_out: impl FnMut(&mut App),
) -> std::io::Result<()>
where
    B::Error: Into<std::io::Error>,
{
    // Typed searches run on a worker thread when one can be started (see `worker`).
    let searcher = worker::SearchWorker::start().ok();
    app.search_job.background = searcher.is_some();
    let handle = |app: &mut App, event: Event| {
        if let Some(action) = action_for_event(app, event) {
            if let Some(s) = &searcher
                && !worker::edits_search(&action)
            {
                // Keys act on the list of the text typed: wait for it.
                s.finish(app);
            }
            update::update(app, action);
        }
    };
    loop {
        terminal.draw(|f| ui::render(app, f)).map_err(Into::into)?;
        if let Some(s) = &searcher {
            // The text typed is on screen: now the search may take the cores.
            s.submit_pending(app);
        }
        // While a search runs, look for its listing often.
        let wait = if app.search_job.pending.is_some() {
            Duration::from_millis(2)
        } else {
            Duration::from_millis(100)
        };
        if let Some(event) = next_event(wait)? {
            handle(app, event);
            // Handle every event already waiting before drawing again, so fast typing and
            // resize storms never queue up frames.
            while let Some(event) = next_event(Duration::ZERO)? {
                handle(app, event);
                if app.quit {
                    break;
                }
            }
        }
        if let Some(s) = &searcher {
            // A search made stale by these keys stops; a listing that arrived is shown.
            s.cancel_stale(app);
            s.collect(app, Duration::from_millis(2));
        }
        carry_out(app);
        if app.quit {
            return Ok(());
        }
    }
}

/// What the browser needs from its surroundings.
#[derive(Debug, Clone)]
pub struct Setup {
    /// Where the data comes from (watched for changes when it is files).
    pub choice: DataChoice,
    /// Where bookmarks and recents are saved; `None` keeps them for this run only.
    pub state_path: Option<PathBuf>,
    /// The user's settings.
    pub config: Config,
    /// Problems found reading the config, shown with the data problems.
    pub config_problems: Vec<crate::dataset::Problem>,
}

/// Waits up to `timeout` for a terminal event.
fn poll_event(timeout: Duration) -> std::io::Result<Option<Event>> {
    if crossterm::event::poll(timeout)? {
        crossterm::event::read().map(Some)
    } else {
        Ok(None)
    }
}

/// Opens the browser in the real terminal on a loaded network.
pub fn run(mut net: Network, setup: Setup) -> std::io::Result<()> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    ui::theme::set_theme(theme_for(&setup.config, no_color));
    net.data
        .problems
        .extend(setup.config_problems.iter().cloned());
    let mut guard = terminal::TerminalGuard::enter(setup.config.mouse)?;
    let size = guard.terminal.size()?;
    let mut app = App::new(Arc::new(net), size.width, size.height);
    for (action, keys) in &setup.config.keys {
        // Problems were reported when the config was read; good remaps still apply.
        let _ = app.keymap.remap(action, keys);
    }
    let (saved, warning) = match &setup.state_path {
        Some(p) => crate::tui::saved::load(p),
        None => (crate::tui::saved::Saved::default(), None),
    };
    app.saved = saved;
    if let Some(tab) = crate::tui::config::TAB_NAMES
        .iter()
        .position(|t| *t == setup.config.default_tab)
    {
        app.tab = tab;
    }
    app.refresh_rows(None);
    daily::restore_place(&mut app);
    let problems = app.net.data.problems.len();
    app.status = match (warning, problems) {
        (Some(w), _) => Some(w),
        (None, 0) => None,
        (None, n) => Some(format!(
            "{n} problem{} loading the data: press ! to see them",
            if n == 1 { "" } else { "s" }
        )),
    };
    let mut outside = Outside::new(&setup.choice);
    let state_path = setup.state_path.clone();
    let result = run_loop(&mut guard.terminal, &mut app, poll_event, |app| {
        outside.carry_out(app, state_path.as_deref())
    });
    // Quitting need not wait for a large dataset to be freed.
    crate::par::drop_in_background(app);
    result
}

/// The theme the config and `NO_COLOR` ask for.
pub fn theme_for(config: &Config, no_color: bool) -> ui::theme::Theme {
    if no_color {
        return ui::theme::Theme::no_color();
    }
    let mut theme = if config.theme == "light" {
        ui::theme::Theme::light()
    } else {
        ui::theme::Theme::dark()
    };
    for (slot, color) in &config.colors {
        let _ = theme.set_color(slot, color);
    }
    theme
}

/// The browser's dealings with the world outside its state: saving, the clipboard, files,
/// and watching the data files for changes.
struct Outside {
    choice: DataChoice,
    _watcher: Option<notify::RecommendedWatcher>,
    changes: mpsc::Receiver<()>,
    due: Option<Instant>,
    loading: Option<mpsc::Receiver<Network>>,
}

impl Outside {
    fn new(choice: &DataChoice) -> Outside {
        let (tx, changes) = mpsc::channel();
        let watcher = match choice {
            DataChoice::Paths(paths) => watch(paths, tx),
            DataChoice::Builtin => None,
        };
        Outside {
            choice: choice.clone(),
            _watcher: watcher,
            changes,
            due: None,
            loading: None,
        }
    }

    fn carry_out(&mut self, app: &mut App, state_path: Option<&std::path::Path>) {
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                state::Effect::SaveState => {
                    if let Some(path) = state_path
                        && let Err(e) = crate::tui::saved::save(path, &app.saved)
                    {
                        app.status = Some(format!(
                            "could not save bookmarks to {}: {e}",
                            path.display()
                        ));
                    }
                }
                state::Effect::Copy { label, text } => {
                    app.status = Some(match copy_osc52(&text) {
                        Ok(()) => {
                            format!("copied the {label} ({} characters)", text.chars().count())
                        }
                        Err(e) => format!("could not copy: {e}"),
                    });
                }
                state::Effect::WriteFile { path, text } => {
                    app.status = Some(match write_new(&path, &text) {
                        Ok(()) => format!("exported to {path}"),
                        Err(e) => format!("could not export to {path}: {e}"),
                    });
                }
                state::Effect::Reload => self.due = Some(Instant::now()),
            }
        }
        // Several events come for one save: wait until the files are quiet for a moment.
        while self.changes.try_recv().is_ok() {
            self.due = Some(Instant::now() + Duration::from_millis(250));
        }
        if self.due.is_some_and(|d| Instant::now() >= d) && self.loading.is_none() {
            self.due = None;
            let (tx, rx) = mpsc::channel();
            let choice = self.choice.clone();
            std::thread::spawn(move || {
                let _ = tx.send(Network::load(&choice));
            });
            self.loading = Some(rx);
        }
        if let Some(rx) = &self.loading {
            match rx.try_recv() {
                Ok(net) => {
                    self.loading = None;
                    daily::reloaded(app, net);
                }
                Err(mpsc::TryRecvError::Disconnected) => self.loading = None,
                Err(mpsc::TryRecvError::Empty) => {}
            }
        }
    }
}

/// Watches the data paths; each change sends a unit on `tx`.
fn watch(paths: &[PathBuf], tx: mpsc::Sender<()>) -> Option<notify::RecommendedWatcher> {
    use notify::Watcher;
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res
            && !matches!(ev.kind, notify::EventKind::Access(_))
            && ev
                .paths
                .iter()
                .any(|p| p.extension().is_some_and(|e| e == "ron"))
        {
            let _ = tx.send(());
        }
    })
    .ok()?;
    for p in paths {
        let _ = watcher.watch(p, notify::RecursiveMode::NonRecursive);
    }
    Some(watcher)
}

/// Writes `text` to the clipboard with an OSC 52 sequence (works over SSH and in tmux).
fn copy_osc52(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout();
    write!(out, "\x1b]52;c;{}\x07", base64(text.as_bytes()))?;
    out.flush()
}

/// Writes a new file; never replaces an existing one.
fn write_new(path: &str, text: &str) -> std::io::Result<()> {
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
    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64("上海".as_bytes()), "5LiK5rW3");
    }
}
