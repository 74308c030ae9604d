//! The event loop: draw, sleep until something happens, turn it into an action, `update`,
//! carry out the effects; again until the user quits. It is generic over the backend (a
//! real terminal or ratatui's `TestBackend`), over where events come from
//! ([`EventSource`]: the terminal, or a script in tests) and over the surroundings that
//! carry out effects, so the real loop runs headless in tests. Everything that changes the
//! state goes through `update`; the loop only takes the effects `update` queued.
//!
//! Idle is silent: the loop sleeps with no time limit unless a reload falls due, wakes only
//! for input or when another thread rings ([`super::wake`]), and draws only after an
//! action was applied — so an idle browser makes no system call and writes nothing.

use super::action::Action;
use super::effects::Surroundings;
use super::state::App;
use super::ui;
use super::update::update;
use super::worker::{SearchWorker, edits_search};
use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::layout::Rect;
use std::collections::VecDeque;
use std::io;
use std::time::Duration;

/// Where events come from.
pub trait EventSource {
    /// Waits for the next event, at most `wait` (`None`: no time limit; zero: only an event
    /// already waiting). `Ok(None)` when the time is up or the loop was woken for something
    /// other than an event (a listing, a reload, a signal).
    fn next(&mut self, wait: Option<Duration>) -> io::Result<Option<Event>>;

    /// Whether a person types the events (then typed searches run on a worker, so typing
    /// never waits for a search).
    fn live(&self) -> bool {
        true
    }
}

/// The terminal's events: crossterm reads them; the loop sleeps on the terminal and the
/// doorbell together.
pub struct TerminalEvents {
    #[cfg(unix)]
    bell: super::wake::Doorbell,
}

impl TerminalEvents {
    /// Events from the terminal the program runs in.
    pub fn new() -> io::Result<TerminalEvents> {
        Ok(TerminalEvents {
            #[cfg(unix)]
            bell: super::wake::Doorbell::new()?,
        })
    }

    /// An event already waiting (a resize the signal thread saw first), without sleeping.
    fn ready(&mut self) -> io::Result<Option<Event>> {
        if super::wake::take_resized() {
            let (w, h) = crossterm::terminal::size()?;
            return Ok(Some(Event::Resize(w, h)));
        }
        // One millisecond, not zero: crossterm's level-triggered source (feature
        // `use-dev-tty`) does not look at the terminal at all for a zero timeout.
        if crossterm::event::poll(Duration::from_millis(1))? {
            return crossterm::event::read().map(Some);
        }
        Ok(None)
    }
}

impl EventSource for TerminalEvents {
    #[cfg(unix)]
    fn next(&mut self, wait: Option<Duration>) -> io::Result<Option<Event>> {
        // Asked to stop: the terminal may be gone (SIGHUP), so it is not read again.
        if super::wake::terminated().is_some() {
            return Ok(None);
        }
        if let Some(event) = self.ready()? {
            return Ok(Some(event));
        }
        if wait == Some(Duration::ZERO) {
            return Ok(None);
        }
        self.bell.wait(wait)?;
        if super::wake::terminated().is_some() {
            return Ok(None);
        }
        self.ready()
    }

    /// Without a doorbell, the loop looks again four times a second.
    #[cfg(not(unix))]
    fn next(&mut self, wait: Option<Duration>) -> io::Result<Option<Event>> {
        if let Some(event) = self.ready()? {
            return Ok(Some(event));
        }
        let wait = wait.unwrap_or(Duration::from_millis(250));
        if crossterm::event::poll(wait)? {
            return crossterm::event::read().map(Some);
        }
        Ok(None)
    }
}

/// A script of events, one per frame; running out of events before quitting is an error.
#[derive(Debug, Default)]
pub struct Scripted {
    events: VecDeque<Event>,
}

impl Scripted {
    /// A script of these events, in order.
    pub fn new(events: impl IntoIterator<Item = Event>) -> Scripted {
        Scripted {
            events: events.into_iter().collect(),
        }
    }
}

impl EventSource for Scripted {
    fn next(&mut self, wait: Option<Duration>) -> io::Result<Option<Event>> {
        if wait == Some(Duration::ZERO) {
            // One event per wake-up: every step of the script that changes something is drawn.
            return Ok(None);
        }
        match self.events.pop_front() {
            Some(event) => Ok(Some(event)),
            None => Err(io::Error::other(
                "the script ran out of events before the browser quit",
            )),
        }
    }

    fn live(&self) -> bool {
        false
    }
}

/// Translates a terminal event into an action, given the current mode.
pub fn action_for_event(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            app.keymap.action_for(app.key_mode(), key)
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

/// Applies every action in turn; whether there was any (then the screen is drawn again).
fn apply(app: &mut App, actions: impl IntoIterator<Item = Action>) -> bool {
    let mut any = false;
    for action in actions {
        update(app, action);
        any = true;
    }
    any
}

/// Handles one event: keys other than search edits first wait for a pending search.
/// Whether it changed anything.
fn handle(app: &mut App, searcher: &mut Option<SearchWorker>, event: Event) -> bool {
    let Some(action) = action_for_event(app, event) else {
        return false;
    };
    if let Some(s) = searcher
        && !edits_search(&action)
    {
        let shown = s.wait(app);
        apply(app, shown);
    }
    update(app, action);
    true
}

/// Fits the terminal to a new size (its viewport is fixed: ratatui never asks the terminal
/// for its size on its own, so a frame costs no system call but the write).
fn fit<B: Backend>(terminal: &mut Terminal<B>, w: u16, h: u16) -> io::Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let area = Rect::new(0, 0, w, h);
    if terminal.get_frame().area() != area {
        terminal.resize(area).map_err(io::Error::other)?;
    }
    Ok(())
}

/// Handles every event that is waiting, sleeping for the first one up to `wait`. Whether
/// anything changed.
fn take_events<B: Backend, E: EventSource>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut E,
    searcher: &mut Option<SearchWorker>,
    wait: Option<Duration>,
) -> io::Result<bool>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let mut changed = false;
    let mut next = events.next(wait)?;
    // Every event already waiting is handled before drawing again, so fast typing and
    // resize storms never queue up frames.
    while let Some(event) = next {
        if let Event::Resize(w, h) = event {
            fit(terminal, w, h)?;
        }
        changed |= handle(app, searcher, event);
        if app.quit {
            break;
        }
        next = events.next(Some(Duration::ZERO))?;
    }
    Ok(changed)
}

/// Draws the screen whole after a suspend: it holds the shell's text, and may have changed
/// size meanwhile.
fn redraw_whole<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> io::Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    // (Resizing clears the screen and forgets the last frame, without asking the terminal
    // where its cursor is, as `clear` would.)
    let size = terminal.size().map_err(io::Error::other)?;
    let area = Rect::new(0, 0, size.width, size.height);
    terminal.resize(area).map_err(io::Error::other)?;
    update(app, Action::Resize(size.width, size.height));
    Ok(())
}

/// Saves the place and the state as quitting does, without drawing: for a loop that ended
/// in an error (the terminal gone).
pub fn save_on_the_way_out<S: Surroundings>(app: &mut App, world: &mut S) {
    update(app, Action::Terminate);
    let effects = std::mem::take(&mut app.effects);
    let _ = world.carry_out(effects, &app.saved);
}

/// Runs the browser until the user quits.
pub fn run_loop<B: Backend, E: EventSource, S: Surroundings>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut E,
    world: &mut S,
) -> io::Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let mut searcher = if events.live() {
        SearchWorker::start().ok()
    } else {
        None
    };
    update(app, Action::SearchInBackground(searcher.is_some()));
    let mut changed = true;
    loop {
        if world.take_redraw() {
            redraw_whole(terminal, app)?;
            changed = true;
        }
        if std::mem::take(&mut changed) {
            terminal
                .draw(|f| ui::render(app, f))
                .map_err(io::Error::other)?;
        }
        if let Some(s) = &mut searcher {
            // The text typed is on screen: now the search may take the cores.
            changed |= apply(app, s.submit(app));
        }
        // No time limit unless a reload falls due: the worker, the watcher, the loader and
        // the signal thread ring when they have something.
        let wait = world.due_in();
        changed |= take_events(terminal, app, events, &mut searcher, wait)?;
        if super::wake::terminated().is_some() {
            // A signal asked to stop: the place is saved below, and nothing more is drawn.
            update(app, Action::Terminate);
        }
        if let Some(s) = &mut searcher {
            // A search made stale by these keys stops; a listing that arrived is shown.
            s.cancel_stale(app);
            let shown = s.collect(app, Duration::ZERO);
            changed |= apply(app, shown);
        }
        let effects = std::mem::take(&mut app.effects);
        let outcomes = world.carry_out(effects, &app.saved);
        changed |= apply(app, outcomes);
        if app.quit {
            return Ok(());
        }
    }
}
