//! Render: one full frame of the main screen at 120×35 on `TestBackend`, with a search
//! active, at 10k and 100k entities.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use liaison::tui::action::Action;
use liaison::tui::state::App;
use liaison::tui::ui::render;
use liaison::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    for n in common::sizes(&[10_000, 100_000]) {
        let data = common::Generated::new(n);
        let net = data.load();
        let mut app = App::new(net, 120, 35);
        update(&mut app, Action::StartSearch);
        for ch in "shanghai".chars() {
            update(&mut app, Action::SearchInsert(ch));
        }
        let mut terminal = Terminal::new(TestBackend::new(120, 35)).expect("test backend");
        group.bench_function(format!("frame_120x35/{}", common::label(n)), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| render(&app, f))
                    .expect("drawn")
                    .area
                    .width
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
