//! `update`: the only place the browser's state changes, one action at a time.
//!
//! Pure: no terminal, no I/O, so every behaviour is testable by feeding actions. What
//! comes from outside (a search listing, a reload, an effect's outcome) arrives as an
//! internal action too. Dispatch reads the mode once; each concern has its own file:
//! moving ([`navigate`]), history ([`history`]), focus, clicks and overlays ([`panes`]), the search
//! line ([`search`]), bookmarks and recents ([`bookmarks`]), copying ([`copy`]), prompts
//! ([`prompt`]), editing in place ([`edit`]), reloads ([`reload`]) and the views ([`map`],
//! [`path`], [`timeline`], [`ties`], [`anniversaries`]).

pub mod anniversaries;
pub mod bookmarks;
pub mod copy;
pub mod edit;
pub mod help;
pub mod history;
pub mod map;
pub mod navigate;
pub mod panes;
pub mod path;
pub mod prompt;
pub mod reload;
pub mod search;
pub mod ties;
pub mod timeline;

use super::action::Action;
use super::keymap::KeyMode;
use super::state::{App, Effect, Mode, Overlay};

/// Applies an action to the state.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Resize(w, h) => return panes::resize(app, w, h),
        Action::SearchInBackground(on) => return search::in_background(app, on),
        Action::Listed(listed) => return search::listed(app, listed),
        Action::Reloaded(loaded) => return reload::reloaded(app, loaded),
        Action::Done(message) => {
            app.status = Some(message);
            return;
        }
        Action::Suspend => return app.effects.push(Effect::Suspend),
        Action::Terminate => {
            bookmarks::remember_place(app);
            app.quit = true;
            return;
        }
        Action::EditBuiltIn { entity, dir } => return edit::offer_init(app, entity, dir),
        Action::Scroll(..) => {}
        _ => app.status = None,
    }
    match app.key_mode() {
        // Typing help's filter reads keys as text, but the overlay still has them.
        _ if matches!(app.mode, Mode::Overlay(_)) => help::overlay(app, action),
        KeyMode::Overlay => panes::overlay(app, action),
        KeyMode::Prompt if matches!(app.mode, Mode::Ask(_)) => edit::answer(app, action),
        KeyMode::Prompt => prompt::update(app, action),
        KeyMode::Copy => copy::update(app, action),
        KeyMode::Search => search::update(app, action),
        KeyMode::Map => map::update(app, action),
        KeyMode::Path => path::update(app, action),
        KeyMode::Timeline => timeline::update(app, action),
        KeyMode::Ties | KeyMode::Filter => ties::update(app, action),
        KeyMode::Anniversaries => anniversaries::update(app, action),
        KeyMode::Normal => browse(app, action),
    }
}

/// Applies an action while browsing the panes; the other modes hand on what they share.
pub fn browse(app: &mut App, action: Action) {
    use navigate::{move_cursor, page};
    match action {
        Action::Quit => {
            bookmarks::remember_place(app);
            app.quit = true;
        }
        Action::Up => move_cursor(app, -1),
        Action::Down => move_cursor(app, 1),
        Action::PageUp => move_cursor(app, -(page(app) as isize)),
        Action::PageDown => move_cursor(app, page(app) as isize),
        Action::HalfPageUp => move_cursor(app, -((page(app) / 2).max(1) as isize)),
        Action::HalfPageDown => move_cursor(app, (page(app) / 2).max(1) as isize),
        Action::Top => move_cursor(app, isize::MIN / 2),
        Action::Bottom => move_cursor(app, isize::MAX / 2),
        Action::NextPane => panes::cycle(app, 1),
        Action::PrevPane => panes::cycle(app, -1),
        Action::PaneLeft => panes::step(app, -1),
        Action::PaneRight => panes::step(app, 1),
        Action::Open => navigate::open(app),
        Action::HistoryBack => history::back(app),
        Action::HistoryForward => history::forward(app),
        Action::ShowTab(t) => navigate::show_tab_at(app, t as usize),
        Action::NextTab => navigate::next_tab(app, 1),
        Action::PrevTab => navigate::next_tab(app, -1),
        Action::StartSearch => search::open(app),
        Action::ToggleHelp => panes::open_overlay(app, Overlay::Help),
        Action::ToggleProblems => panes::open_overlay(app, Overlay::Problems),
        Action::Escape => search::escape(app),
        Action::SearchInsert(c) => search::type_to_search(app, &c.to_string()),
        Action::Paste(text) => search::type_to_search(app, &text),
        Action::ToggleBookmark => bookmarks::toggle_bookmark(app),
        Action::UndoBookmark => bookmarks::undo(app),
        Action::Reload => app.effects.push(Effect::Reload),
        Action::StartCopy => copy::start(app),
        Action::Copy(what) => copy::copy(app, what),
        Action::ExportCard => prompt::start_export(app),
        Action::Edit => edit::start(app),
        Action::ExportList => prompt::start_csv(app),
        Action::OpenTies => ties::open(app),
        Action::OpenAnniversaries => anniversaries::open(app),
        Action::OpenMap => map::open(app),
        Action::StartPath => path::start(app),
        Action::OpenTimeline => timeline::open(app),
        Action::Click(col, row) => panes::click(app, col, row),
        Action::Scroll(col, row, delta) => panes::wheel(app, col, row, delta),
        _ => {}
    }
}
