//! Owning the terminal: raw mode, alternate screen, mouse capture and bracketed paste on
//! entry; all undone on exit, on error (the guard's `Drop`), on panic (a hook that
//! restores first, then prints the panic message on the normal screen) and on SIGTERM,
//! SIGHUP, SIGINT, SIGQUIT, SIGUSR1 and SIGALRM (the first three stop the event loop, which
//! saves the place as quitting does; the others, or a loop that does not stop, restore at
//! once; the exit status is 128 + the signal). Job control: `Ctrl-z` ([`suspend`]) and
//! SIGTSTP give the terminal back and stop the program; SIGCONT (`fg`) takes the terminal
//! again and asks the event loop for a full redraw ([`take_redraw`]). [`lend`] gives the
//! terminal to another program (the editor) the same way and takes it back when that
//! program ends. Signals the loop must see (a resize, a return from a stop, a request to
//! stop) ring its doorbell ([`super::wake`]).

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{Stdout, Write, stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the browser captures the mouse (to take it again after a suspend).
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Set when the terminal was taken again after a suspend: the screen must be redrawn whole.
static REDRAW: AtomicBool = AtomicBool::new(false);
/// Whether the browser holds the terminal (between entering and the guard's drop): only
/// then does a SIGCONT take it again.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Set while another program (the editor) has the terminal: the keyboard's SIGINT and
/// SIGQUIT are that program's, as a shell waiting for a command ignores them.
static LENT: AtomicBool = AtomicBool::new(false);

/// Whether the screen must be drawn whole (the terminal was given back and taken again);
/// asking clears it.
pub fn take_redraw() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// Takes the terminal: raw mode, alternate screen, bracketed paste and, if asked, the mouse.
fn take() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    if MOUSE.load(Ordering::SeqCst) {
        execute!(stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Gives the terminal back and stops the program, as `Ctrl-z` does in a shell; when it is
/// continued (`fg`), takes the terminal again and asks for a full redraw. Holding stdout
/// throughout, no frame is drawn on the shell's screen meanwhile. It stops with SIGSTOP:
/// SIGTSTP's default action is dropped by the kernel for a session leader without a
/// shell's job control, and a shell sees either stop the same way.
#[cfg(unix)]
pub fn suspend() {
    if !ACTIVE.load(Ordering::SeqCst) {
        // The terminal is lent (an editor runs) or given back: only stop.
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
        return;
    }
    let mut out = stdout().lock();
    // CAN ends any escape sequence a frame was cut off in the middle of.
    let _ = out.write_all(b"\x18");
    restore();
    let _ = out.flush();
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    resume();
}

/// Without job control, suspending does nothing.
#[cfg(not(unix))]
pub fn suspend() {}

/// Takes the terminal again after a stop, and asks for a full redraw.
fn resume() {
    if !ACTIVE.load(Ordering::SeqCst) {
        return;
    }
    if take().is_err() {
        restore();
    }
    REDRAW.store(true, Ordering::SeqCst);
    super::wake::ring();
}

/// Gives the terminal to another program for as long as `run` runs — as a suspend does:
/// mouse capture and raw mode off, the normal screen back — then takes it again and asks for
/// a full redraw. Meanwhile a stop and a continue (job control in the other program) leave
/// the terminal alone.
pub fn lend<T>(run: impl FnOnce() -> T) -> T {
    let held = ACTIVE.swap(false, Ordering::SeqCst);
    {
        let mut out = stdout().lock();
        // CAN ends any escape sequence a frame was cut off in the middle of.
        let _ = out.write_all(b"\x18");
        restore();
        let _ = out.flush();
    }
    LENT.store(true, Ordering::SeqCst);
    let result = run();
    LENT.store(false, Ordering::SeqCst);
    if held {
        ACTIVE.store(true, Ordering::SeqCst);
        resume();
    }
    result
}

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
            ACTIVE.store(false, Ordering::SeqCst);
            restore();
            previous(info);
        }));
    });
}

/// On SIGTERM, SIGHUP or SIGINT, asks the event loop to stop ([`super::wake::terminate`]),
/// which saves the place and the recents as quitting does; on SIGQUIT, SIGUSR1 or SIGALRM,
/// a second signal, or a loop that has not stopped within two seconds, restores the
/// terminal and exits at once. Either way the exit status is 128 + the signal number, as a
/// shell reports a process killed by it. Left to the default action, these signals would
/// kill the program with the terminal in raw mode on the alternate screen. (In raw mode `Ctrl-c` is a key, not SIGINT; the signal comes
/// from `kill`.) SIGTSTP suspends ([`suspend`]); SIGCONT takes the terminal again (after a
/// stop the program did not ask for, such as SIGSTOP); SIGWINCH wakes the event loop to
/// read the new size. While the editor has the terminal ([`lend`]), SIGINT and SIGQUIT are
/// the editor's: the keyboard sends them to the whole foreground group.
#[cfg(unix)]
fn install_signal_handler() {
    use signal_hook::consts::{
        SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGWINCH,
    };
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let wanted = [
            SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGALRM, SIGTSTP, SIGCONT, SIGWINCH,
        ];
        // Without the handler the browser still works; only the signals act as before.
        let Ok(mut signals) = signal_hook::iterator::Signals::new(wanted) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for signal in signals.forever() {
                    match signal {
                        SIGTSTP => suspend(),
                        SIGCONT => resume(),
                        SIGWINCH => super::wake::resized(),
                        SIGINT | SIGQUIT if LENT.load(Ordering::SeqCst) => {}
                        SIGTERM | SIGHUP | SIGINT if !super::wake::terminate(signal) => {
                            // The event loop saves the place and stops; if it has not
                            // within two seconds (or a second signal comes), stop anyway.
                            let _ = std::thread::Builder::new()
                                .name("stop-anyway".into())
                                .spawn(move || {
                                    std::thread::sleep(std::time::Duration::from_secs(2));
                                    stop_now(signal);
                                });
                        }
                        _ => stop_now(signal),
                    }
                }
            });
    });
}

/// Restores the terminal and exits with 128 + `signal`, without waiting for anything.
#[cfg(unix)]
fn stop_now(signal: i32) -> ! {
    // Holding stdout, no frame is drawn after the terminal is restored; CAN first ends any
    // escape sequence a frame was cut off in the middle of.
    let mut out = stdout().lock();
    let _ = out.write_all(b"\x18");
    restore();
    std::process::exit(128 + signal);
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
        MOUSE.store(mouse, Ordering::SeqCst);
        ACTIVE.store(true, Ordering::SeqCst);
        if let Err(e) = take() {
            ACTIVE.store(false, Ordering::SeqCst);
            restore();
            return Err(e);
        }
        // A fixed viewport: ratatui never asks the terminal its size per frame; the event
        // loop resizes it on the terminal's resize events.
        let area = crossterm::terminal::size().map(|(w, h)| ratatui::layout::Rect::new(0, 0, w, h));
        let options = area.map(|a| ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(a),
        });
        match options.and_then(|o| Terminal::with_options(CrosstermBackend::new(stdout()), o)) {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(e) => {
                ACTIVE.store(false, Ordering::SeqCst);
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ACTIVE.store(false, Ordering::SeqCst);
        restore();
    }
}
