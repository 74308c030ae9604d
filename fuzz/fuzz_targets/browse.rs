//! Any bytes as a data file, then the browser on it: a terminal size and a few actions from
//! the input's first bytes, each followed by a frame on a test backend. Nothing panics, and
//! no cell of any frame holds a control character.

#![no_main]

use liaison::dataset::Dataset;
use liaison::network::Network;
use liaison::tui::action::Action;
use liaison::tui::state::App;
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

const ACTIONS: [Action; 20] = [
    Action::Down,
    Action::Up,
    Action::PageDown,
    Action::Bottom,
    Action::Open,
    Action::Open,
    Action::HistoryBack,
    Action::HistoryForward,
    Action::NextTab,
    Action::NextPane,
    Action::OpenMap,
    Action::NextCity,
    Action::ZoomIn,
    Action::OpenTimeline,
    Action::StartPath,
    Action::Escape,
    Action::ToggleProblems,
    Action::ToggleHelp,
    Action::SearchBackspace,
    Action::StartSearch,
];

fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let (head, text) = data.split_at(8);
    let net = Network::from_dataset(Dataset::from_texts(
        "fuzz",
        vec![("a.ron".to_string(), text.to_vec())],
    ));
    let (w, h) = (u16::from(head[0]) * 2, u16::from(head[1]));
    let mut app = App::new(Arc::new(net), w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    for &b in &head[2..] {
        let action = match b {
            0..=199 => ACTIONS[usize::from(b) % ACTIONS.len()].clone(),
            200..=219 => Action::SearchInsert(char::from(b'a' + (b - 200))),
            220..=239 => Action::Resize(u16::from(b - 220) * 7, u16::from(b - 220) * 3),
            _ => Action::Click(u16::from(b - 240) * 9, u16::from(b - 240) * 2),
        };
        if let Action::Resize(w, h) = action {
            terminal.backend_mut().resize(w, h);
        }
        liaison::tui::update::update(&mut app, action);
        terminal
            .draw(|f| liaison::tui::ui::render(&app, f))
            .unwrap();
        let buf = terminal.backend().buffer();
        for cell in buf.content() {
            assert!(
                !cell.symbol().chars().any(|c| c.is_control()),
                "a control character in a cell: {:?}",
                cell.symbol()
            );
        }
    }
});
