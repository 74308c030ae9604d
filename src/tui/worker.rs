//! The search worker: typed searches run on their own thread, so that the text typed shows
//! at once, whatever the size of the data, and a search made stale by the next keystroke
//! stops early and is dropped.
//!
//! [`update`](super::update::update) stays pure: with a worker, editing the search line only
//! marks the list as waiting ([`App::search_edited`]). The event loop then stops the search
//! the keys made stale ([`SearchWorker::cancel_stale`]), draws the text typed, hands the new
//! search to the worker ([`SearchWorker::submit_pending`]) and shows its listing when it
//! arrives ([`SearchWorker::collect`]). Before any other action (opening, moving, switching
//! tabs), the loop waits for the pending listing ([`SearchWorker::finish`]), so keys always
//! act on the list of the text typed. Without a worker (tests, headless use) the list is
//! refreshed at once, as before.

use super::action::Action;
use super::listing::{Listing, listing};
use super::state::App;
use crate::network::Network;
use crate::search::Query;
use crate::tui::saved::Saved;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The state of typed searches, kept in [`App`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchJob {
    /// Whether typed searches run on the worker (set by the event loop that has one).
    pub background: bool,
    /// The number of the latest search asked for.
    pub generation: u64,
    /// The search the list waits for, if any.
    pub pending: Option<u64>,
    /// The latest search handed to the worker.
    pub submitted: u64,
}

impl App {
    /// The search text changed: ranks afresh (the best match selected), at once or on the
    /// worker.
    pub fn search_edited(&mut self) {
        if self.search_job.background {
            self.search_job.generation += 1;
            self.search_job.pending = Some(self.search_job.generation);
        } else {
            self.refresh_rows(None);
        }
    }
}

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
    tab: usize,
    saved: Saved,
}

/// What the worker found, and in which data.
struct Done {
    generation: u64,
    net: Arc<Network>,
    listing: Listing,
}

/// A thread that runs typed searches, latest first.
pub struct SearchWorker {
    requests: mpsc::Sender<Request>,
    results: Mutex<mpsc::Receiver<Done>>,
    latest: Arc<AtomicU64>,
}

impl std::fmt::Debug for SearchWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchWorker").finish_non_exhaustive()
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
            .spawn(move || {
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
                    if let Some(listing) = found {
                        let net = request.net;
                        if outbox
                            .send(Done {
                                generation,
                                net,
                                listing,
                            })
                            .is_err()
                        {
                            return;
                        }
                    }
                }
            })?;
        Ok(SearchWorker {
            requests,
            results: Mutex::new(results),
            latest,
        })
    }

    /// Hands the pending search to the worker if it has not been, then waits up to `wait`
    /// for a listing and shows it if it is for the latest search.
    pub fn exchange(&self, app: &mut App, wait: Duration) {
        self.submit_pending(app);
        self.collect(app, wait);
    }

    /// Stops the search the worker is running if keys made it stale, so that both cores
    /// are free to show what was typed.
    pub fn cancel_stale(&self, app: &App) {
        if let Some(pending) = app.search_job.pending {
            self.latest.store(pending, Ordering::Relaxed);
        }
    }

    /// Hands the pending search to the worker, if it has not been.
    pub fn submit_pending(&self, app: &mut App) {
        if let Some(pending) = app.search_job.pending
            && app.search_job.submitted != pending
        {
            self.submit(app, pending);
        }
    }

    /// Shows the listing of the latest search if it arrives within `wait`; waits only for
    /// a search handed to the worker.
    pub fn collect(&self, app: &mut App, wait: Duration) {
        if app.search_job.pending.is_some()
            && app.search_job.pending == Some(app.search_job.submitted)
        {
            self.receive(app, Some(wait));
        }
    }

    /// Waits for the pending search, if any, and shows its listing.
    pub fn finish(&self, app: &mut App) {
        let Some(pending) = app.search_job.pending else {
            return;
        };
        if app.search_job.submitted != pending {
            self.submit(app, pending);
        }
        while app.search_job.pending.is_some() {
            if !self.receive(app, None) {
                // The worker is gone: search here from now on.
                app.search_job = super::worker::SearchJob::default();
                app.refresh_rows(None);
            }
        }
    }

    fn submit(&self, app: &mut App, generation: u64) {
        self.latest.store(generation, Ordering::Relaxed);
        app.search_job.submitted = generation;
        let request = Request {
            generation,
            net: app.net.clone(),
            query: app.query(),
            tab: app.tab,
            saved: app.saved.clone(),
        };
        if self.requests.send(request).is_err() {
            app.search_job = SearchJob::default();
            app.refresh_rows(None);
        }
    }

    /// Takes the listings that arrived (waiting up to `wait`, or until one does when
    /// `None`); shows the one for the latest search. False if the worker is gone.
    fn receive(&self, app: &mut App, wait: Option<Duration>) -> bool {
        let Ok(results) = self.results.lock() else {
            return false;
        };
        let first = match wait {
            Some(w) => match results.recv_timeout(w) {
                Ok(done) => Some(done),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => return false,
            },
            None => match results.recv() {
                Ok(done) => Some(done),
                Err(_) => return false,
            },
        };
        for done in first
            .into_iter()
            .chain(std::iter::from_fn(|| results.try_recv().ok()))
        {
            if app.search_job.pending != Some(done.generation) {
                continue;
            }
            app.search_job.pending = None;
            if Arc::ptr_eq(&done.net, &app.net) {
                app.show_listing(done.listing, None);
            } else {
                // The data was reloaded meanwhile: its rows mean other entities now.
                app.refresh_rows(None);
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::DataChoice;

    fn app() -> App {
        App::new(Arc::new(Network::load(&DataChoice::Builtin)), 120, 35)
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            super::super::update::update(app, Action::SearchInsert(c));
        }
    }

    #[test]
    fn typing_with_a_worker_defers_the_search_and_finishing_shows_the_same_list() {
        let mut direct = app();
        typed(&mut direct, "shanghai over");
        let worker = SearchWorker::start().unwrap();
        let mut app = app();
        app.search_job.background = true;
        let before = app.rows.clone();
        typed(&mut app, "shanghai over");
        assert_eq!(app.search.text, "shanghai over", "the text shows at once");
        assert_eq!(app.rows, before, "the list waits for the worker");
        assert_eq!(app.search_job.pending, Some(13));
        worker.finish(&mut app);
        assert_eq!(app.search_job.pending, None);
        assert_eq!(app.rows, direct.rows);
        assert_eq!(app.tab_counts, direct.tab_counts);
        assert_eq!(app.list, direct.list);
    }

    #[test]
    fn only_the_latest_search_is_shown() {
        let worker = SearchWorker::start().unwrap();
        let mut app = app();
        app.search_job.background = true;
        typed(&mut app, "soea");
        worker.exchange(&mut app, Duration::ZERO);
        typed(&mut app, "x");
        worker.finish(&mut app);
        let mut direct = self::app();
        typed(&mut direct, "soeax");
        assert_eq!(app.rows, direct.rows);
        // A listing for an older search that arrives late is dropped.
        app.search_job.pending = Some(app.search_job.generation + 1);
        assert!(worker.receive(&mut app, Some(Duration::from_millis(1))));
        assert_eq!(app.rows, direct.rows);
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
