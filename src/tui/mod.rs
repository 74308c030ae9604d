//! The interactive browser, in the Elm shape: [`state::App`] is the model, [`action::Action`]
//! the messages, [`update::update`] the only place state changes, [`ui::render`] a pure
//! view, and [`keymap::Keymap`] the single table from keys to actions (the footer's hints and
//! the help are generated from it). [`event_loop`] runs them; [`effects`] carries out what
//! `update` asks of the world and [`worker`] runs typed searches, both answering with
//! actions. [`terminal`] owns the terminal: raw mode, alternate screen, mouse and paste,
//! always restored. [`wake`] lets the loop sleep until something happens. The browser's
//! own files are [`config`] and [`saved`].

pub mod action;
pub mod config;
pub mod effects;
pub mod event_loop;
pub mod keymap;
pub mod saved;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod update;
pub mod wake;
pub mod worker;

use crate::dataset::{DataChoice, Problem};
use crate::network::Network;
use config::Config;
use state::{App, Tab};
use std::path::PathBuf;
use std::sync::Arc;

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
    pub config_problems: Vec<Problem>,
}

/// What the last run left: the saved state, and a warning if its file could not be read.
pub type Kept = (saved::Saved, Option<String>);

/// Reads the saved state the setup names (an empty state when it names none). It never
/// waits on a FIFO nor reads without end ([`saved::load`]); [`run`] calls it before taking
/// over the terminal all the same, so that nothing read at start can leave a blank screen.
pub fn read_kept(setup: &Setup) -> Kept {
    match &setup.state_path {
        Some(p) => saved::load(p),
        None => (saved::Saved::default(), None),
    }
}

/// A browser on a loaded network, set up as the config and the saved state (`kept`, from
/// [`read_kept`]) say.
pub fn prepare(net: Arc<Network>, setup: &Setup, kept: Kept, width: u16, height: u16) -> App {
    let mut app = App::new(net, width, height);
    for (action, keys) in &setup.config.keys {
        // Problems were reported when the config was read; good remaps still apply.
        let _ = app.keymap.remap(action, keys);
    }
    app.problems.config = setup.config_problems.clone();
    let (saved, warning) = kept;
    app.saved = saved;
    app.list.tab = Tab::from_config(&setup.config.default_tab).unwrap_or_default();
    app.refresh_rows(None);
    update::bookmarks::restore_place(&mut app);
    let problems = app.all_problems().count();
    app.status = match (warning, problems) {
        (Some(w), _) => Some(w),
        (None, 0) => None,
        (None, n) => Some(format!(
            "{n} problem{} loading the data: press ! to see them",
            if n == 1 { "" } else { "s" }
        )),
    };
    app
}

/// Opens the browser in the real terminal on a loaded network. Everything read at start
/// (the data and the config, which come in `setup`, and the saved state) is read before the
/// terminal is taken over, so that a file that cannot be read is a message on a drawn
/// screen, never a blank alternate screen.
pub fn run(net: Network, setup: Setup) -> std::io::Result<()> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    theme::set_theme(theme_for(&setup.config, no_color));
    let kept = read_kept(&setup);
    let mut guard = terminal::TerminalGuard::enter(setup.config.mouse)?;
    let size = guard.terminal.size()?;
    let mut app = prepare(Arc::new(net), &setup, kept, size.width, size.height);
    let mut outside = effects::Outside::new(&setup.choice, setup.state_path.clone());
    let mut events = event_loop::TerminalEvents::new()?;
    let result = event_loop::run_loop(&mut guard.terminal, &mut app, &mut events, &mut outside);
    if result.is_err() {
        // The terminal was lost (or could not be drawn on): the place and the recents are
        // still saved for the next run, as on quitting.
        event_loop::save_on_the_way_out(&mut app, &mut outside);
    }
    // Quitting need not wait for a large dataset to be freed.
    crate::par::drop_in_background(app);
    if let Some(signal) = wake::terminated() {
        // As a shell reports a process stopped by a signal, after the terminal is restored.
        drop(guard);
        std::process::exit(128 + signal);
    }
    result
}

/// The theme the config and `NO_COLOR` ask for.
pub fn theme_for(config: &Config, no_color: bool) -> theme::Theme {
    if no_color {
        return theme::Theme::no_color();
    }
    let mut theme = if config.theme == "light" {
        theme::Theme::light()
    } else {
        theme::Theme::dark()
    };
    for (slot, color) in &config.colors {
        let _ = theme.set_color(slot, color);
    }
    theme
}
