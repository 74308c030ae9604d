//! Search: typing `shanghai` one character at a time, each prefix a separate measurement,
//! at 10k, 100k and 1M entities. One measurement is one keystroke as the browser handles
//! it: `update` with `Action::SearchInsert` (ranking, the capped list and the per-tab
//! counts), then the match positions of the rows on screen, as the list pane computes them.
//! At 1M the frame drawn after a keystroke is measured too.

mod common;

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use liaison::network::Network;
use liaison::tui::action::Action;
use liaison::tui::state::App;
use liaison::tui::ui::render;
use liaison::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;
use std::time::Duration;

const TYPED: &str = "shanghai";

/// The match positions of the visible rows, as `tui/ui/list.rs` computes them.
fn visible_positions(app: &App) -> usize {
    let query = app.query();
    let (ds, index) = (&app.net.data, &app.net.index);
    let mut n = 0;
    for &e in app
        .list
        .rows
        .iter()
        .skip(app.list.cursor.offset)
        .take(app.areas.list_height())
    {
        let e = e as usize;
        let name = ds.display_name(e);
        let pos = index.positions(&name, &query);
        n += pos.len();
        if let Some(native) = ds.entity(e).native_name() {
            n += index.positions(native, &query).len();
        }
        if pos.is_empty() {
            n += ds
                .entity(e)
                .aliases()
                .iter()
                .map(|a| index.positions(a, &query).len())
                .sum::<usize>();
        }
    }
    n
}

/// A browser with the search line open and `typed` typed.
fn typed(net: &Arc<Network>, typed: &str) -> App {
    let mut app = App::new(net.clone(), 120, 35);
    update(&mut app, Action::StartSearch);
    for c in typed.chars() {
        update(&mut app, Action::SearchInsert(c));
    }
    app
}

fn keystrokes(c: &mut Criterion, n: usize) {
    let data = common::Generated::new(n);
    let net = data.load();
    let mut group = c.benchmark_group(format!("search/{}", common::label(n)));
    if n >= 1_000_000 {
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(5));
    } else if n >= 100_000 {
        group.sample_size(20);
    }
    for k in 1..=TYPED.len() {
        let (before, typed_now) = (&TYPED[..k - 1], &TYPED[..k]);
        let next = TYPED[k - 1..].chars().next().expect("a character");
        let base = typed(&net, before);
        group.bench_function(typed_now, |b| {
            b.iter_batched_ref(
                || {
                    // As when typing: the search before this keystroke ran just before it
                    // (the index narrows a growing word from the last search).
                    let mut app = base.clone();
                    app.refresh_rows(None);
                    app
                },
                |app| {
                    update(app, Action::SearchInsert(next));
                    visible_positions(app)
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
    if n >= 1_000_000 {
        // With the search worker, a keystroke only edits the line and marks the list as
        // waiting: what is measured is that and the frame that shows the typed text.
        let mut base = typed(&net, "shangha");
        update(&mut base, Action::SearchInBackground(true));
        let mut terminal = Terminal::new(TestBackend::new(120, 35)).expect("test backend");
        c.bench_function("search/1M/echo_and_frame", |b| {
            b.iter_batched_ref(
                || base.clone(),
                |app| {
                    update(app, Action::SearchInsert('i'));
                    terminal.draw(|f| render(app, f)).expect("drawn").area.width
                },
                BatchSize::LargeInput,
            )
        });
        let app = typed(&net, TYPED);
        let mut terminal = Terminal::new(TestBackend::new(120, 35)).expect("test backend");
        c.bench_function("render/frame_120x35/1M", |b| {
            b.iter(|| {
                terminal
                    .draw(|f| render(&app, f))
                    .expect("drawn")
                    .area
                    .width
            })
        });
    }
}

fn search(c: &mut Criterion) {
    for n in common::sizes(&[10_000, 100_000, 1_000_000]) {
        keystrokes(c, n);
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
