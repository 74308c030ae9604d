//! The browser without a terminal, as `browser` and `everyday_browser` drive it: the fixture
//! network, and a `Browser` that feeds actions and keys to an `App` and renders frames on
//! ratatui's `TestBackend`.
//!
//! This module only sets up and reads the browser; the assertions stay in the tests.

use super::{BROWSE_BROKEN, BROWSE_NETWORK};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaison::network::Network;
use liaison::tui::action::Action;
use liaison::tui::saved::LastPlace;
use liaison::tui::state::{App, Pane};
use liaison::tui::ui::render;
use liaison::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

/// The browser tests' network: [`BROWSE_NETWORK`], and [`BROWSE_BROKEN`] too when
/// `with_broken`, loaded as `fixtures/network.ron` and `fixtures/broken.ron`.
pub fn network(with_broken: bool) -> Arc<Network> {
    let mut files = vec![(
        "fixtures/network.ron".to_string(),
        BROWSE_NETWORK.as_bytes().to_vec(),
    )];
    if with_broken {
        files.push((
            "fixtures/broken.ron".to_string(),
            BROWSE_BROKEN.as_bytes().to_vec(),
        ));
    }
    Arc::new(Network::from_dataset(
        liaison::dataset::Dataset::from_texts("test fixture", files),
    ))
}

/// A browser on the fixture, with a fluent way to feed actions and look at the result.
pub struct Browser {
    pub app: App,
}

impl Browser {
    pub fn new(width: u16, height: u16) -> Self {
        Browser {
            app: App::new(network(false), width, height),
        }
    }

    /// The fixture with a broken file beside it.
    pub fn with_problems(width: u16, height: u16) -> Self {
        Browser {
            app: App::new(network(true), width, height),
        }
    }

    /// The built-in dataset, whose long cards (SOEA, the Sichuan–Chongqing agreement) the
    /// issue names.
    pub fn builtin(width: u16, height: u16) -> Self {
        let net = Network::load(&liaison::dataset::DataChoice::Builtin);
        Browser {
            app: App::new(Arc::new(net), width, height),
        }
    }

    /// A browser started again on a saved state: `ids` bookmarked, `query` restored.
    pub fn restarted(ids: &[&str], query: &str) -> Self {
        let mut app = App::new(network(false), 120, 35);
        for id in ids {
            app.saved.toggle_bookmark(id);
        }
        app.saved.note_search(query);
        app.saved.last = Some(LastPlace {
            entity: Some("soea".into()),
            tab: 0,
            query: query.into(),
        });
        liaison::tui::update::bookmarks::restore_place(&mut app);
        Browser { app }
    }

    pub fn act(mut self, action: Action) -> Self {
        update(&mut self.app, action);
        self
    }

    /// Keys as the keymap reads them in the current mode.
    pub fn keys(mut self, text: &str) -> Self {
        for c in text.chars() {
            let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            let action = self.app.keymap.action_for(self.app.key_mode(), ev);
            update(&mut self.app, action.expect("every letter does something"));
        }
        self
    }

    /// Text typed into the search line.
    pub fn typed(mut self, text: &str) -> Self {
        for c in text.chars() {
            update(&mut self.app, Action::SearchInsert(c));
        }
        self
    }

    pub fn selected_id(&self) -> &str {
        let i = self.app.selected().expect("something is selected");
        self.app.net.data.entity(i).id()
    }

    pub fn row_ids(&self) -> Vec<&str> {
        self.app
            .list
            .rows
            .iter()
            .map(|&i| self.app.net.data.entity(i as usize).id())
            .collect()
    }

    /// Selects the link to `id` in the links pane.
    pub fn pick_link(mut self, id: &str) -> Self {
        let i = self.app.selected().expect("something is selected");
        let k = self
            .app
            .net
            .graph
            .links(i)
            .iter()
            .position(|l| self.app.net.data.entity(l.target as usize).id() == id)
            .unwrap_or_else(|| panic!("no link to {id}"));
        self.app.set_focus(Pane::Links);
        liaison::tui::update::navigate::select_link(&mut self.app, k);
        self
    }

    pub fn frame(&self) -> String {
        let (w, h) = (self.app.areas.width, self.app.areas.height);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        terminal
            .draw(|f| render(&self.app, f))
            .expect("drawing never fails");
        if w == 0 || h == 0 {
            // TestBackend cannot print an empty buffer; drawing it is what is under test.
            return String::new();
        }
        terminal.backend().to_string()
    }
}
