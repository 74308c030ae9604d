//! The search worker: typed searches run on their own thread, so that the text typed shows
//! at once, whatever the size of the data, and a search made stale by the next keystroke
//! stops early and is dropped.
//!
//! The worker never touches the state: editing the search line only marks the list as
//! waiting (`App::search_edited`); the event loop hands the pending search to the worker
//! ([`SearchWorker::submit`]), stops one the keys made stale ([`SearchWorker::cancel_stale`])
//! and passes the listing that comes back to `update` as [`Action::Listed`]. Before any
//! other action (opening, moving, switching tabs), the loop waits for the pending listing
//! ([`SearchWorker::wait`]), so keys always act on the list of the text typed.

use super::action::{Action, Listed};
use super::saved::Saved;
use super::state::listing::listing;
use super::state::{App, Tab};
use crate::network::Network;
use crate::search::Query;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// Whether an action only edits the search line (or moves its cursor, resizes, or quits):
/// it can be handled while a search is pending. Any other waits for the pending listing.
pub fn edits_search(action: &Action) -> bool {
    matches!(
        action,
        Action::Quit
            | Action::SearchInsert(_)
            | Action::Paste(_)
            | Action::SearchBackspace
            | Action::SearchDelete
            | Action::SearchDeleteWord
            | Action::SearchClearToStart
            | Action::SearchHome
            | Action::SearchEnd
            | Action::SearchLeft
            | Action::SearchRight
            | Action::Resize(..)
    )
}

/// One search for the worker.
struct Request {
    generation: u64,
    net: Arc<Network>,
    query: Query,
    tab: Tab,
    saved: Saved,
}

/// A thread that runs typed searches, latest first.
pub struct SearchWorker {
    requests: mpsc::Sender<Request>,
    results: mpsc::Receiver<Listed>,
    latest: Arc<AtomicU64>,
    submitted: u64,
}

impl std::fmt::Debug for SearchWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchWorker").finish_non_exhaustive()
    }
}

fn serve(inbox: mpsc::Receiver<Request>, outbox: mpsc::Sender<Listed>, seen: Arc<AtomicU64>) {
    while let Ok(mut request) = inbox.recv() {
        // Only the latest search matters.
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        let generation = request.generation;
        let stale = || seen.load(Ordering::Relaxed) != generation;
        let found = listing(
            &request.net,
            &request.query,
            request.tab,
            &request.saved,
            &stale,
        );
        if let Some(found) = found {
            let listed = Listed {
                generation,
                net: request.net,
                rows: found.rows,
                counts: found.counts,
            };
            if outbox.send(listed).is_err() {
                return;
            }
            super::wake::ring();
        }
    }
}

impl SearchWorker {
    /// Starts the thread; it ends when the worker is dropped.
    pub fn start() -> std::io::Result<SearchWorker> {
        let (requests, inbox) = mpsc::channel::<Request>();
        let (outbox, results) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let seen = latest.clone();
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || serve(inbox, outbox, seen))?;
        Ok(SearchWorker {
            requests,
            results,
            latest,
            submitted: 0,
        })
    }

    /// Stops the search the worker is running if keys made it stale, so that both cores
    /// are free to show what was typed.
    pub fn cancel_stale(&self, app: &App) {
        if let Some(pending) = app.list.job.pending {
            self.latest.store(pending, Ordering::Relaxed);
        }
    }

    /// Hands the pending search to the worker, if it has not been. Returns an action when
    /// the worker is gone: search in the event loop from now on.
    pub fn submit(&mut self, app: &App) -> Option<Action> {
        let pending = app.list.job.pending?;
        if self.submitted == pending {
            return None;
        }
        self.latest.store(pending, Ordering::Relaxed);
        self.submitted = pending;
        let request = Request {
            generation: pending,
            net: app.net.clone(),
            query: app.query(),
            tab: app.list.tab,
            saved: app.saved.clone(),
        };
        match self.requests.send(request) {
            Ok(()) => None,
            Err(_) => Some(Action::SearchInBackground(false)),
        }
    }

    /// The listings that arrived within `wait` (only once the pending search was handed over).
    pub fn collect(&mut self, app: &App, wait: Duration) -> Vec<Action> {
        match app.list.job.pending {
            Some(p) if p == self.submitted => self.receive(Some(wait)),
            _ => Vec::new(),
        }
    }

    /// Waits for the pending search, if any: the actions that show its listing.
    pub fn wait(&mut self, app: &App) -> Vec<Action> {
        let Some(pending) = app.list.job.pending else {
            return Vec::new();
        };
        if let Some(gone) = self.submit(app) {
            return vec![gone];
        }
        let mut out = Vec::new();
        loop {
            let got = self.receive(None);
            let done = got.iter().any(|a| {
                matches!(a, Action::Listed(l) if l.generation == pending)
                    || matches!(a, Action::SearchInBackground(false))
            });
            out.extend(got);
            if done {
                return out;
            }
        }
    }

    /// Takes the listings that arrived, waiting up to `wait` (or until one does when `None`).
    fn receive(&mut self, wait: Option<Duration>) -> Vec<Action> {
        let first = match wait {
            Some(w) => match self.results.recv_timeout(w) {
                Ok(done) => Some(done),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return vec![Action::SearchInBackground(false)];
                }
            },
            None => match self.results.recv() {
                Ok(done) => Some(done),
                Err(_) => return vec![Action::SearchInBackground(false)],
            },
        };
        first
            .into_iter()
            .chain(std::iter::from_fn(|| self.results.try_recv().ok()))
            .map(Action::Listed)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::DataChoice;
    use crate::tui::update::update;

    fn app() -> App {
        App::new(Arc::new(Network::load(&DataChoice::Builtin)), 120, 35)
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            update(app, Action::SearchInsert(c));
        }
    }

    fn wait(worker: &mut SearchWorker, app: &mut App) {
        for action in worker.wait(app) {
            update(app, action);
        }
    }

    #[test]
    fn typing_with_a_worker_defers_the_search_and_waiting_shows_the_same_list() {
        let mut direct = app();
        typed(&mut direct, "shanghai over");
        let mut worker = SearchWorker::start().unwrap();
        let mut app = app();
        update(&mut app, Action::SearchInBackground(true));
        let before = app.list.rows.clone();
        typed(&mut app, "shanghai over");
        assert_eq!(
            app.list.search.text, "shanghai over",
            "the text shows at once"
        );
        assert_eq!(app.list.rows, before, "the list waits for the worker");
        assert_eq!(app.list.job.pending, Some(13));
        wait(&mut worker, &mut app);
        assert_eq!(app.list.job.pending, None);
        assert_eq!(app.list.rows, direct.list.rows);
        assert_eq!(app.list.counts, direct.list.counts);
        assert_eq!(app.list.cursor, direct.list.cursor);
    }

    #[test]
    fn only_the_latest_search_is_shown() {
        let mut worker = SearchWorker::start().unwrap();
        let mut app = app();
        update(&mut app, Action::SearchInBackground(true));
        typed(&mut app, "soea");
        assert!(worker.submit(&app).is_none());
        typed(&mut app, "x");
        wait(&mut worker, &mut app);
        let mut direct = self::app();
        typed(&mut direct, "soeax");
        assert_eq!(app.list.rows, direct.list.rows);
        // A listing for an older search that arrives late is dropped.
        let late = Listed {
            generation: 1,
            net: app.net.clone(),
            rows: Vec::new(),
            counts: [0; 8],
        };
        update(&mut app, Action::Listed(late));
        assert_eq!(app.list.rows, direct.list.rows);
    }

    #[test]
    fn only_search_edits_go_ahead_of_a_pending_search() {
        assert!(edits_search(&Action::SearchInsert('a')));
        assert!(edits_search(&Action::SearchBackspace));
        assert!(!edits_search(&Action::Open));
        assert!(!edits_search(&Action::Down));
        assert!(!edits_search(&Action::ShowTab(2)));
    }
}
