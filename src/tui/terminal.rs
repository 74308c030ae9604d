//! Owning the terminal: raw mode, alternate screen, mouse capture and bracketed paste on
//! entry; all undone on exit, on error (the guard's `Drop`), on panic (a hook that
//! restores first, then prints the panic message on the normal screen) and on SIGTERM,
//! SIGHUP and SIGINT (a thread that restores, then exits with 128 + the signal).

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{Stdout, stdout};
use std::sync::Once;

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// On SIGTERM, SIGHUP or SIGINT, restores the terminal and exits with 128 + the signal
/// number, as a shell reports a process killed by it. Left to the default action, these
/// signals would kill the program with the terminal in raw mode on the alternate screen.
/// (In raw mode `Ctrl-c` is a key, not SIGINT; the signal comes from `kill`.)
#[cfg(unix)]
fn install_signal_handler() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use std::io::Write;
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Without the handler the browser still works; only the signals act as before.
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // Holding stdout, no frame is drawn after the terminal is restored; CAN
                    // first ends any escape sequence a frame was cut off in the middle of.
                    let mut out = stdout().lock();
                    let _ = out.write_all(b"\x18");
                    restore();
                    std::process::exit(128 + signal);
                }
            });
    });
}

/// The terminal in browser mode; dropping it restores the terminal.
pub struct TerminalGuard {
    /// The ratatui terminal.
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalGuard {
    /// Enters raw mode and the alternate screen, with bracketed paste and, if `mouse`, mouse
    /// capture.
    pub fn enter(mouse: bool) -> std::io::Result<TerminalGuard> {
        install_panic_hook();
        #[cfg(unix)]
        install_signal_handler();
        enable_raw_mode()?;
        let mut setup = execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste);
        if mouse && setup.is_ok() {
            setup = execute!(stdout(), EnableMouseCapture);
        }
        if let Err(e) = setup {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(stdout())) {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}
