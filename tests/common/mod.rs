//! Helpers shared by the robustness tests (`hostile`, `injection`, `properties`,
//! `terminal`): hostile text, and checks that nothing from a data file can act on a terminal.
//!
//! Each test binary uses only some of these, hence the `dead_code` allowance.
#![allow(dead_code)]

pub mod browse;
pub mod cli;
pub mod pty;

use liaison::network::Network;
use liaison::tui::state::App;
use liaison::tui::ui::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// An OSC 52 clipboard write: "evil" in base64, ended by BEL.
pub const OSC52: &str = "\u{1b}]52;c;ZXZpbA==\u{7}";
/// A CSI sequence that clears the screen.
pub const CSI: &str = "\u{1b}[2J";

/// Every kind of control a data file can hold: CSI, OSC 52, OSC 8 link, DCS, APC, PM, the
/// 8-bit C1 CSI and NEL, a bare ESC, BEL, backspace, carriage return, and Unicode
/// bidirectional embeddings, overrides and isolates.
pub const PAYLOADS: &[&str] = &[
    CSI,
    "\u{1b}[31m",
    OSC52,
    "\u{1b}]8;;http://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "\u{1b}P1$qm\u{1b}\\",
    "\u{1b}_apc\u{1b}\\",
    "\u{1b}^pm\u{1b}\\",
    "\u{9b}1m",
    "\u{85}",
    "\u{9d}52;c;eA==\u{9c}",
    "\u{1b}",
    "\u{7}",
    "\u{8}\u{8}",
    "\r",
    "\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}",
    "\u{2066}\u{2067}\u{2068}\u{2069}",
];

/// All payloads in one string.
pub fn all_payloads() -> String {
    PAYLOADS.concat()
}

/// Whether a character must never reach a terminal as it is.
pub fn is_dangerous(c: char) -> bool {
    c.is_control() && c != '\n'
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Raw bytes that must never appear in a program's output: ESC, BEL, backspace, CR, and
/// the UTF-8 forms of the C1 controls and the bidirectional controls.
pub fn dangerous_bytes(out: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for (i, w) in out.iter().enumerate() {
        if matches!(w, 0x1b | 0x07 | 0x08 | 0x0d) {
            found.push(format!("byte 0x{w:02x} at {i}"));
        }
    }
    let text = String::from_utf8_lossy(out);
    for c in text.chars().filter(|&c| c != '\u{fffd}' && is_dangerous(c)) {
        if !matches!(c, '\u{1b}' | '\u{7}' | '\u{8}' | '\r' | '\t') {
            found.push(format!("{c:?}"));
        }
    }
    found
}

/// A dataset with control sequences in every string field of every kind, raw in the file
/// (`raw`) or as RON `\u{..}` escapes that the parser turns into the same characters.
pub fn hostile_ron(raw: bool) -> String {
    let p = all_payloads();
    let s = |text: &str| -> String {
        let v = format!("{text}{p}end");
        if raw {
            // Only `"` and `\` need escaping in a RON string; controls may be written raw.
            format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
        } else {
            let mut out = String::from("\"");
            for c in v.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    c if is_dangerous(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
    };
    let id = |name: &str| s(&format!("evil-{name}"));
    format!(
        "[\n\
        City(id: {shanghai}, name: {cn}, native_name: {cnn}, aliases: [{ca}], country: {cc}, \
             kind: {ck}, coordinates: (31.2, 121.5), note: {cnote}, sources: [{cs}]),\n\
        City(id: {espoo}, name: {en}, country: {ec}, coordinates: (60.2, 24.7), sources: [{es}]),\n\
        SisterCity(id: {tie}, cities: ({shanghai}, {espoo}), established: \"1998\", kind: {tk}, \
             note: {tn}, sources: [{ts}]),\n\
        Organization(id: {org}, name: {on}, native_name: {onn}, aliases: [{oa}], kind: {ok}, \
             city: {shanghai}, contact: (address: {oaddr}, phones: [{oph}], fax: [{ofx}], \
             emails: [{oem}], website: {ow}, hours: {oh}), founded: \"1990\", \
             description: {od}, tags: [{ot}], note: {onote}, sources: [{os}]),\n\
        Organization(id: {child}, name: {chn}, parent: {org}, city: {espoo}, sources: [{chs}]),\n\
        Person(id: {person}, name: {pn}, native_name: {pnn}, aliases: [{pa}], \
             posts: [(organization: {org}, title: {pt}, since: \"2017\")], note: {pnote}, \
             sources: [{ps}]),\n\
        Agreement(id: {agr}, title: {at}, native_title: {ant}, aliases: [{aa}], kind: {ak}, \
             parties: [{org}, {shanghai}], signed_by: [{person}], signed: \"2020-04-29\", \
             place: {espoo}, areas: [{aar}], summary: {asum}, note: {anote}, sources: [{as_}]),\n\
        Event(id: {evt}, title: {vt}, native_title: {vnt}, aliases: [{va}], date: \"2019-09-24\", \
             place: {espoo}, venue: {vv}, organizers: [{org}], participants: [{person}, {child}], \
             summary: {vsum}, note: {vnote}, sources: [{vs}]),\n\
        Organization(id: {dangling}, name: {dn}, city: {missing}, parent: {shanghai}, \
             sources: [{ds}]),\n\
        ]\n",
        shanghai = id("shanghai"),
        espoo = id("espoo"),
        tie = id("tie"),
        org = id("org"),
        child = id("child"),
        person = id("person"),
        agr = id("agreement"),
        evt = id("event"),
        dangling = id("dangling"),
        missing = id("missing"),
        cn = s("Shanghai"),
        cnn = s("上海市"),
        ca = s("SH"),
        cc = s("China"),
        ck = s("municipality"),
        cnote = s("city note\nsecond line"),
        cs = s("city source"),
        en = s("Espoo"),
        ec = s("Finland"),
        es = s("espoo source"),
        tk = s("sister city"),
        tn = s("tie note"),
        ts = s("tie source"),
        on = s("Clipboard Club"),
        onn = s("剪贴板俱乐部"),
        oa = s("CC"),
        ok = s("association"),
        oaddr = s("1 Street"),
        oph = s("555"),
        ofx = s("556"),
        oem = s("a@b.c"),
        ow = s("http://x.example"),
        oh = s("9-5"),
        od = s("description\nline two"),
        ot = s("tag"),
        onote = s("org note"),
        os = s("org source"),
        chn = s("Child Body"),
        chs = s("child source"),
        pn = s("Pat Person"),
        pnn = s("帕特"),
        pa = s("PP"),
        pt = s("President"),
        pnote = s("person note"),
        ps = s("person source"),
        at = s("Accord"),
        ant = s("协议"),
        aa = s("ACC"),
        ak = s("cooperation"),
        aar = s("culture"),
        asum = s("summary"),
        anote = s("agreement note"),
        as_ = s("agreement source"),
        vt = s("Forum"),
        vnt = s("论坛"),
        va = s("FRM"),
        vv = s("Hall"),
        vsum = s("event summary"),
        vnote = s("event note"),
        vs = s("event source"),
        dn = s("Dangling Org"),
        ds = s("dangling source"),
    )
}

/// Draws the app once on a `TestBackend` of the app's size; returns the buffer.
pub fn draw(app: &App) -> Buffer {
    let (w, h) = (app.areas.width, app.areas.height);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| render(app, f))
        .expect("drawing never fails");
    terminal.backend().buffer().clone()
}

/// Every cell whose symbol holds a character that could act on a terminal.
pub fn unsafe_cells(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    let mut found = Vec::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let sym = buf[(x, y)].symbol();
            if sym.chars().any(|c| is_dangerous(c) || c == '\n') {
                found.push(format!("({x},{y}): {sym:?}"));
            }
        }
    }
    found
}

/// The buffer as text, one line per row (wide characters' continuation cells skipped).
pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// Loads a network from texts, as the browser's tests do.
pub fn network_from(files: Vec<(String, Vec<u8>)>) -> Network {
    Network::from_dataset(liaison::dataset::Dataset::from_texts("test", files))
}

/// The browser tests' fixture: an excerpt of the real network.
pub const BROWSE_NETWORK: &str = include_str!("../fixtures/browse/network.ron");
/// A file that does not parse, to load beside [`BROWSE_NETWORK`].
pub const BROWSE_BROKEN: &str = include_str!("../fixtures/browse/broken.ron.txt");

/// The `liaison` binary, run from the repository, with a home of its own: no `LIAISON_DATA`,
/// and data and config directories under `home`, so the user's own files never interfere.
pub fn liaison_command(home: &std::path::Path) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_liaison"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LIAISON_DATA")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("share"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"));
    command
}
