//! The interactive browser, in the Elm shape: [`state::App`] is the model, [`action::Action`]
//! the messages, [`update::update`] the only place state changes, [`ui::render`] a pure
//! view, and [`keymap::Keymap`] the single table from keys to actions (help is generated
//! from it). [`terminal`] owns the terminal: raw mode, alternate screen, mouse and paste,
//! always restored.

pub mod action;
pub mod keymap;
pub mod layout;
pub mod state;
pub mod terminal;
pub mod ui;
pub mod update;
pub mod views;

use crate::network::Network;
use action::Action;
use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use state::App;
use std::sync::Arc;

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

/// Runs the browser on any backend until the user quits; `next_event` supplies events.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    mut next_event: impl FnMut() -> std::io::Result<Event>,
) -> std::io::Result<()>
where
    B::Error: Into<std::io::Error>,
{
    loop {
        terminal.draw(|f| ui::render(app, f)).map_err(Into::into)?;
        // Handle every event already waiting before drawing again, so fast typing and
        // resize storms never queue up frames.
        let event = next_event()?;
        if let Some(action) = action_for_event(app, event) {
            update::update(app, action);
        }
        if app.quit {
            return Ok(());
        }
    }
}

/// Opens the browser in the real terminal on a loaded network.
pub fn run(net: Network) -> std::io::Result<()> {
    let net = Arc::new(net);
    let mut guard = terminal::TerminalGuard::enter()?;
    let size = guard.terminal.size()?;
    let mut app = App::new(net, size.width, size.height);
    if !app.net.data.problems.is_empty() {
        let n = app.net.data.problems.len();
        app.status = Some(format!(
            "{n} problem{} loading the data: press ! to see them",
            if n == 1 { "" } else { "s" }
        ));
    }
    run_loop(&mut guard.terminal, &mut app, crossterm::event::read)
}
