//! The real event loop (`run_loop`) driven headless by a scripted event source that
//! records how it is asked for events, on a backend that counts the frames drawn: an idle
//! browser sleeps with no time limit (no busy loop, no timer) and draws only after
//! something changed.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use liaison::dataset::DataChoice;
use liaison::network::Network;
use liaison::tui::effects::Nowhere;
use liaison::tui::event_loop::{EventSource, run_loop};
use liaison::tui::state::App;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::time::Duration;

/// A script of wake-ups: `Some(event)` is input, `None` a wake with nothing for the state
/// (a ring from a thread whose news changed nothing). Records every wait it is asked for.
struct Recorder {
    script: VecDeque<Option<Event>>,
    /// The `wait` of every call that may sleep (not the zero-wait look for more events).
    sleeps: Vec<Option<Duration>>,
    /// Calls that only looked for an event already waiting.
    looks: usize,
}

impl EventSource for Recorder {
    fn next(&mut self, wait: Option<Duration>) -> io::Result<Option<Event>> {
        if wait == Some(Duration::ZERO) {
            self.looks += 1;
            return Ok(None);
        }
        self.sleeps.push(wait);
        self.script
            .pop_front()
            .ok_or_else(|| io::Error::other("asked for more wake-ups than the script has"))
    }

    fn live(&self) -> bool {
        false
    }
}

/// `TestBackend`, counting the frames flushed to it.
struct Counting {
    inner: TestBackend,
    frames: usize,
}

impl Backend for Counting {
    type Error = <TestBackend as Backend>::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.frames += 1;
        self.inner.flush()
    }
}

fn key(c: char) -> Option<Event> {
    Some(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )))
}

fn mouse_move() -> Option<Event> {
    Some(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Moved,
        column: 3,
        row: 3,
        modifiers: KeyModifiers::NONE,
    }))
}

#[test]
fn an_idle_browser_sleeps_without_a_timer_and_draws_only_after_a_change() {
    let net = Arc::new(Network::load(&DataChoice::Builtin));
    let mut app = App::new(net, 80, 24);
    let backend = Counting {
        inner: TestBackend::new(80, 24),
        frames: 0,
    };
    let mut terminal = Terminal::new(backend).expect("terminal");
    // Three empty wake-ups, a mouse move (no action), `j` (moves), two empty wake-ups and
    // a focus event (no action), then `q`.
    let script = vec![
        None,
        None,
        None,
        mouse_move(),
        key('j'),
        None,
        None,
        Some(Event::FocusGained),
        key('q'),
    ];
    let steps = script.len();
    let mut events = Recorder {
        script: script.into(),
        sleeps: Vec::new(),
        looks: 0,
    };
    run_loop(&mut terminal, &mut app, &mut events, &mut Nowhere).expect("the loop ends on q");
    assert!(app.quit);
    assert_eq!(app.list.cursor.selected, 1, "j moved the cursor");
    // One sleep per wake-up, never with a time limit: no busy loop and no timer.
    assert_eq!(events.sleeps.len(), steps, "{:?}", events.sleeps);
    assert!(
        events.sleeps.iter().all(Option::is_none),
        "an idle loop sleeps without a time limit: {:?}",
        events.sleeps
    );
    // The first frame, and one after `j`: empty wake-ups, the mouse move and the focus
    // event draw nothing.
    assert_eq!(terminal.backend().frames, 2, "frames drawn");
    // After each event, one look for more already waiting (the last, q, quits first).
    assert_eq!(events.looks, 3);
}
