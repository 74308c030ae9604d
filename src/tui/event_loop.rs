//! The event loop: draw, wait for an event, turn it into an action, `update`, carry out
//! the effects; again until the user quits. It is generic over the backend (a real
//! terminal or ratatui's `TestBackend`), over where events come from ([`EventSource`]: the
//! terminal, or a script in tests) and over the surroundings that carry out effects, so the
//! real loop runs headless in tests. Everything that changes the state goes through
//! `update`; the loop only takes the effects `update` queued.

use super::action::Action;
use super::effects::Surroundings;
use super::state::App;
use super::ui;
use super::update::update;
use super::worker::{SearchWorker, edits_search};
use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::collections::VecDeque;
use std::io;
use std::time::Duration;

/// Where events come from.
pub trait EventSource {
    /// Waits up to `timeout` for the next event.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;

    /// Whether a person types the events (then typed searches run on a worker, so typing
    /// never waits for a search).
    fn live(&self) -> bool {
        true
    }
}

/// The terminal's events.
#[derive(Debug, Default)]
pub struct TerminalEvents;

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if crossterm::event::poll(timeout)? {
            crossterm::event::read().map(Some)
        } else {
            Ok(None)
        }
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
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if timeout.is_zero() {
            // One event per frame: every step of the script is drawn.
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

/// Applies every action in turn.
fn apply(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        update(app, action);
    }
}

/// Handles one event: keys other than search edits first wait for a pending search.
fn handle(app: &mut App, searcher: &mut Option<SearchWorker>, event: Event) {
    let Some(action) = action_for_event(app, event) else {
        return;
    };
    if let Some(s) = searcher
        && !edits_search(&action)
    {
        let shown = s.wait(app);
        apply(app, shown);
    }
    update(app, action);
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
    loop {
        if world.take_redraw() {
            // Back from a suspend: the screen holds the shell's text, and may have changed
            // size meanwhile.
            // (Resizing clears the screen and forgets the last frame, without asking the
            // terminal where its cursor is, as `clear` would.)
            let size = terminal.size().map_err(io::Error::other)?;
            let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
            terminal.resize(area).map_err(io::Error::other)?;
            update(app, Action::Resize(size.width, size.height));
        }
        terminal
            .draw(|f| ui::render(app, f))
            .map_err(io::Error::other)?;
        if let Some(s) = &mut searcher {
            // The text typed is on screen: now the search may take the cores.
            apply(app, s.submit(app));
        }
        let wait = if app.list.job.pending.is_some() {
            Duration::from_millis(2)
        } else if world.busy() {
            Duration::from_millis(50)
        } else {
            Duration::from_millis(100)
        };
        if let Some(event) = events.next(wait)? {
            handle(app, &mut searcher, event);
            // Handle every event already waiting before drawing again, so fast typing and
            // resize storms never queue up frames.
            while !app.quit
                && let Some(event) = events.next(Duration::ZERO)?
            {
                handle(app, &mut searcher, event);
            }
        }
        if let Some(s) = &mut searcher {
            // A search made stale by these keys stops; a listing that arrived is shown.
            s.cancel_stale(app);
            let shown = s.collect(app, Duration::from_millis(2));
            apply(app, shown);
        }
        let effects = std::mem::take(&mut app.effects);
        let outcomes = world.carry_out(effects, &app.saved);
        apply(app, outcomes);
        if app.quit {
            return Ok(());
        }
    }
}
