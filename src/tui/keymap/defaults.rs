//! The default bindings of every mode: the one table `Keymap::default` is made of.

use super::key::{ALT, CTRL, Key, NONE};
use super::{Binding, KeyMode, Keymap};
use crate::tui::action::{Action, CopyWhat};
use crossterm::event::KeyCode;

pub(super) fn ch(c: char) -> Key {
    Key::new(KeyCode::Char(c), NONE)
}
pub(super) fn ctrl(c: char) -> Key {
    Key::new(KeyCode::Char(c), CTRL)
}
pub(super) fn code(c: KeyCode) -> Key {
    Key::new(c, NONE)
}

/// Collects bindings.
struct Binder(Vec<Binding>);

impl Binder {
    fn bind(&mut self, mode: KeyMode, keys: &[Key], action: Action) {
        for &key in keys {
            self.0.push(Binding {
                mode,
                key,
                action: action.clone(),
            });
        }
    }
}

impl Default for Keymap {
    fn default() -> Self {
        let mut b = Binder(Vec::new());
        normal(&mut b);
        copy(&mut b);
        prompt(&mut b);
        views(&mut b);
        tables(&mut b);
        search(&mut b);
        overlay(&mut b);
        Keymap { bindings: b.0 }
    }
}

fn normal(b: &mut Binder) {
    use Action::*;
    use KeyCode as K;
    let n = KeyMode::Normal;
    b.bind(n, &[ch('j'), code(K::Down)], Down);
    b.bind(n, &[ch('k'), code(K::Up)], Up);
    b.bind(n, &[ch('g'), code(K::Home)], Top);
    b.bind(n, &[ch('G'), code(K::End)], Bottom);
    b.bind(n, &[code(K::PageDown), ctrl('f')], PageDown);
    b.bind(n, &[code(K::PageUp), ctrl('b')], PageUp);
    b.bind(n, &[ctrl('d')], HalfPageDown);
    b.bind(n, &[ctrl('u')], HalfPageUp);
    b.bind(n, &[code(K::Tab)], NextPane);
    b.bind(n, &[code(K::BackTab)], PrevPane);
    b.bind(n, &[ch('h'), code(K::Left)], PaneLeft);
    b.bind(n, &[ch('l'), code(K::Right)], PaneRight);
    b.bind(n, &[code(K::Enter)], Open);
    b.bind(
        n,
        &[
            code(K::Backspace),
            ctrl('o'),
            Key::new(K::Left, ALT),
            ch('['),
        ],
        HistoryBack,
    );
    b.bind(n, &[Key::new(K::Right, ALT), ch(']')], HistoryForward);
    for (i, c) in ['1', '2', '3', '4', '5', '6', '7', '8']
        .into_iter()
        .enumerate()
    {
        b.bind(n, &[ch(c)], ShowTab(i as u8));
    }
    b.bind(n, &[ch('}')], NextTab);
    b.bind(n, &[ch('{')], PrevTab);
    b.bind(n, &[ch('/')], StartSearch);
    b.bind(n, &[ch('?'), code(K::F(1))], ToggleHelp);
    b.bind(n, &[ch('!')], ToggleProblems);
    b.bind(n, &[ch('b')], ToggleBookmark);
    b.bind(n, &[ch('u')], UndoBookmark);
    b.bind(n, &[ch('r')], Reload);
    b.bind(n, &[ch('y')], StartCopy);
    b.bind(n, &[ch('x')], ExportCard);
    b.bind(n, &[ch('e')], Edit);
    b.bind(n, &[ch('X')], ExportList);
    b.bind(n, &[ch('T')], OpenTies);
    b.bind(n, &[ch('A')], OpenAnniversaries);
    b.bind(n, &[ch('m')], OpenMap);
    b.bind(n, &[ch('p')], StartPath);
    b.bind(n, &[ch('t')], OpenTimeline);
    b.bind(n, &[code(K::Esc)], Escape);
    b.bind(n, &[ch('q')], Quit);
}

fn copy(b: &mut Binder) {
    use Action::*;
    use KeyCode as K;
    let c = KeyMode::Copy;
    b.bind(c, &[ch('a')], Copy(CopyWhat::Address));
    b.bind(c, &[ch('p')], Copy(CopyWhat::Phone));
    b.bind(c, &[ch('e')], Copy(CopyWhat::Email));
    b.bind(c, &[ch('c')], Copy(CopyWhat::Card));
    b.bind(c, &[ch('i')], Copy(CopyWhat::Id));
    b.bind(c, &[code(K::Esc)], Escape);
}

fn prompt(b: &mut Binder) {
    for mode in [KeyMode::Prompt, KeyMode::Filter] {
        line(b, mode);
    }
    // While a filter is typed, the rows it leaves can still be moved through.
    b.bind(KeyMode::Filter, &[code(KeyCode::Down)], Action::Down);
    b.bind(KeyMode::Filter, &[code(KeyCode::Up)], Action::Up);
}

/// The line editor's keys, for a prompt and a table's filter.
fn line(b: &mut Binder, pr: KeyMode) {
    use Action::*;
    use KeyCode as K;
    b.bind(pr, &[code(K::Enter)], Open);
    b.bind(pr, &[code(K::Esc)], Escape);
    b.bind(pr, &[code(K::Backspace), ctrl('h')], SearchBackspace);
    b.bind(pr, &[code(K::Delete), ctrl('d')], SearchDelete);
    b.bind(pr, &[ctrl('w')], SearchDeleteWord);
    b.bind(pr, &[ctrl('u')], SearchClearToStart);
    b.bind(pr, &[ctrl('a'), code(K::Home)], SearchHome);
    b.bind(pr, &[ctrl('e'), code(K::End)], SearchEnd);
    b.bind(pr, &[code(K::Left)], SearchLeft);
    b.bind(pr, &[code(K::Right)], SearchRight);
}

fn views(b: &mut Binder) {
    use Action::*;
    use KeyCode as K;
    let m = KeyMode::Map;
    b.bind(m, &[code(K::Left), ch('h')], PanLeft);
    b.bind(m, &[code(K::Right), ch('l')], PanRight);
    b.bind(m, &[code(K::Up), ch('k')], PanUp);
    b.bind(m, &[code(K::Down), ch('j')], PanDown);
    b.bind(m, &[ch('+'), ch('=')], ZoomIn);
    b.bind(m, &[ch('-'), ch('_')], ZoomOut);
    b.bind(m, &[ch('0')], ResetView);
    b.bind(m, &[code(K::Tab), ch('n')], NextCity);
    b.bind(m, &[code(K::Enter)], Open);

    let p = KeyMode::Path;
    b.bind(p, &[ch('j'), code(K::Down)], Down);
    b.bind(p, &[ch('k'), code(K::Up)], Up);
    b.bind(p, &[ch('n'), code(K::Right)], NextAlternative);
    b.bind(p, &[ch('N'), code(K::Left)], PrevAlternative);
    b.bind(p, &[code(K::Enter)], Open);

    let t = KeyMode::Timeline;
    b.bind(t, &[ch('j'), code(K::Down)], Down);
    b.bind(t, &[ch('k'), code(K::Up)], Up);
    b.bind(t, &[code(K::PageDown), ctrl('d')], PageDown);
    b.bind(t, &[code(K::PageUp), ctrl('u')], PageUp);
    b.bind(t, &[ch('g'), code(K::Home)], Top);
    b.bind(t, &[ch('G'), code(K::End)], Bottom);
    b.bind(t, &[code(K::Enter)], Open);
    for mode in [m, p, t] {
        b.bind(mode, &[code(K::Esc)], Escape);
        b.bind(mode, &[ch('q')], Quit);
        b.bind(mode, &[ch('?'), code(K::F(1))], ToggleHelp);
        b.bind(mode, &[code(K::Backspace), ctrl('o'), ch('[')], HistoryBack);
    }
}

fn tables(b: &mut Binder) {
    use Action::*;
    use KeyCode as K;
    let (t, a) = (KeyMode::Ties, KeyMode::Anniversaries);
    for mode in [t, a] {
        b.bind(mode, &[ch('j'), code(K::Down)], Down);
        b.bind(mode, &[ch('k'), code(K::Up)], Up);
        b.bind(mode, &[code(K::PageDown), ctrl('d'), ch(' ')], PageDown);
        b.bind(mode, &[code(K::PageUp), ctrl('u')], PageUp);
        b.bind(mode, &[ch('g'), code(K::Home)], Top);
        b.bind(mode, &[ch('G'), code(K::End)], Bottom);
        b.bind(mode, &[code(K::Enter)], Open);
    }
    b.bind(t, &[ch('s'), code(K::Right)], SortNext);
    b.bind(t, &[ch('S'), code(K::Left)], SortPrev);
    b.bind(t, &[ch('r')], SortReverse);
    b.bind(t, &[ch('/')], StartFilter);
    b.bind(t, &[ch('d')], ToggleDistricts);
    b.bind(t, &[ch('X')], ExportList);
    b.bind(a, &[ch('X')], ExportList);
    b.bind(a, &[ch('c')], ToggleYear);
    b.bind(a, &[ch('>'), ch('n')], NextYear);
    b.bind(a, &[ch('<'), ch('N')], PrevYear);
    for mode in [t, a] {
        b.bind(mode, &[code(K::Esc)], Escape);
        b.bind(mode, &[ch('q')], Quit);
        b.bind(mode, &[ch('?'), code(K::F(1))], ToggleHelp);
    }
}

fn search(b: &mut Binder) {
    use Action::*;
    use KeyCode as K;
    let s = KeyMode::Search;
    b.bind(s, &[code(K::Up)], SearchOlder);
    b.bind(s, &[code(K::Down)], SearchNewer);
    b.bind(s, &[ctrl('n')], Down);
    b.bind(s, &[ctrl('p')], Up);
    b.bind(s, &[code(K::PageDown)], PageDown);
    b.bind(s, &[code(K::PageUp)], PageUp);
    b.bind(s, &[code(K::Enter)], Open);
    b.bind(s, &[code(K::Esc)], Escape);
    b.bind(s, &[code(K::Backspace), ctrl('h')], SearchBackspace);
    b.bind(s, &[code(K::Delete), ctrl('d')], SearchDelete);
    b.bind(
        s,
        &[ctrl('w'), Key::new(K::Backspace, ALT)],
        SearchDeleteWord,
    );
    b.bind(s, &[ctrl('u')], SearchClearToStart);
    b.bind(s, &[ctrl('a'), code(K::Home)], SearchHome);
    b.bind(s, &[ctrl('e'), code(K::End)], SearchEnd);
    b.bind(s, &[code(K::Left), ctrl('b')], SearchLeft);
    b.bind(s, &[code(K::Right), ctrl('f')], SearchRight);
    b.bind(s, &[code(K::F(1))], ToggleHelp);
}

fn overlay(b: &mut Binder) {
    use Action::*;
    use KeyCode as K;
    let o = KeyMode::Overlay;
    b.bind(o, &[ch('/')], StartSearch);
    b.bind(o, &[ch('j'), code(K::Down)], Down);
    b.bind(o, &[ch('k'), code(K::Up)], Up);
    b.bind(o, &[code(K::PageDown), ctrl('d'), ch(' ')], PageDown);
    b.bind(o, &[code(K::PageUp), ctrl('u')], PageUp);
    b.bind(o, &[ch('g'), code(K::Home)], Top);
    b.bind(o, &[ch('G'), code(K::End)], Bottom);
    b.bind(
        o,
        &[code(K::Esc), ch('q'), ch('?'), code(K::F(1)), ch('!')],
        Escape,
    );
}
