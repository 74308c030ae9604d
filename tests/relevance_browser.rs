//! The browser gives the same first row as the shell for the search issue's queries, on the
//! built-in data; says why a row matched when not by its name; shows a bad filter's
//! message; highlights the Han characters a pinyin query matched.

use liaison::dataset::DataChoice;
use liaison::network::Network;
use liaison::tui::action::Action;
use liaison::tui::state::App;
use liaison::tui::ui::render;
use liaison::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::sync::{Arc, OnceLock};

fn net() -> Arc<Network> {
    static NET: OnceLock<Arc<Network>> = OnceLock::new();
    NET.get_or_init(|| Arc::new(Network::load(&DataChoice::Builtin)))
        .clone()
}

fn searched(text: &str) -> App {
    searched_on(text, 140)
}

fn searched_on(text: &str, width: u16) -> App {
    let mut app = App::new(net(), width, 30);
    update(&mut app, Action::StartSearch);
    for c in text.chars() {
        update(&mut app, Action::SearchInsert(c));
    }
    app
}

fn frame(app: &App) -> Buffer {
    let (w, h) = (app.areas.width, app.areas.height);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test backend");
    terminal.draw(|f| render(app, f)).expect("drawn");
    terminal.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn first_row(app: &App) -> &str {
    let e = *app.list.rows.first().expect("a row");
    app.net.data.entity(e as usize).id()
}

#[test]
fn the_issue_queries_put_the_same_entity_first_as_the_shell() {
    for (query, want) in [
        ("shangai", "shanghai"),
        ("sichaun", "sichuan"),
        ("kuopoi", "kuopio"),
        ("yokohoma", "yokohama"),
        // 上海海外 starts the Shanghai Overseas Friendship Association's Chinese name
        // (上海海外联谊会); the Exchange Association's is 上海市海外交流协会: its initials
        // come first, the full pinyin of the shorter name first.
        ("shhw", "soea"),
        ("shhwjl", "soea"),
        ("shanghaihaiwai", "shanghai-overseas-friendship-association"),
        ("62496566", "soea"),
        ("montréal", "montreal"),
    ] {
        assert_eq!(first_row(&searched(query)), want, "{query}");
    }
}

#[test]
fn a_row_found_by_its_phone_number_shows_the_number() {
    // Wide enough for the row to keep its secondary text beside the two names.
    let app = searched_on("62496566", 240);
    let screen = text(&frame(&app));
    assert!(
        screen.contains("tel 0086-21-62496566") || screen.contains("tel +86"),
        "{screen}"
    );
}

#[test]
fn a_bad_filter_shows_the_known_filters() {
    let app = searched("colour:red");
    assert!(app.list.rows.is_empty());
    let screen = text(&frame(&app));
    assert!(screen.contains("unknown filter"), "{screen}");
}

#[test]
fn a_pinyin_match_highlights_its_han_characters() {
    let app = searched("haiwaijiaoliu");
    assert_eq!(first_row(&app), "soea");
    let buf = frame(&app);
    // The first list row holding SOEA's Chinese name: 海外 styled unlike 上.
    let cell = |symbol: &str| {
        (0..buf.area.height).find_map(|y| {
            (0..buf.area.width / 2)
                .find(|&x| buf[(x, y)].symbol() == symbol)
                .map(|x| buf[(x, y)].style())
        })
    };
    let (shang, wai) = (cell("上"), cell("外"));
    assert!(shang.is_some() && wai.is_some(), "{}", text(&buf));
    assert_ne!(shang, wai, "{}", text(&buf));
}
