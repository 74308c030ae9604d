//! `liaison map [CITY]`: the world map as plain text.

use super::{EXIT_FAIL, EXIT_OK};
use crate::card::format_coords;
use crate::dataset::DataChoice;
use crate::geo::{Focus, MapView, Viewport, coords, focus};
use crate::network::Network;
use crate::text::clean_line;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::io::{self, Write};

/// Draws the map into a buffer and prints it as text, then the cities shown.
pub fn run(
    choice: &DataChoice,
    city: Option<&str>,
    width: u16,
    height: u16,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let net = Network::load(choice);
    let (title, focus) = match city {
        Some(q) => match net.find(q) {
            Some(i) => (
                format!(" {} ", clean_line(&net.data.display_name(i))),
                focus(&net, i),
            ),
            None => {
                writeln!(err, "liaison: nothing matches \"{}\"", clean_line(q))?;
                return Ok(EXIT_FAIL);
            }
        },
        None => (" All cities ".to_string(), Focus::default()),
    };
    let area = Rect::new(0, 0, width.clamp(20, 500), height.clamp(8, 200));
    let mut buf = Buffer::empty(area);
    MapView {
        net: &net,
        focus: &focus,
        viewport: Viewport::default(),
        highlight: None,
        title,
        plain: true,
        border: ratatui::style::Style::new(),
        title_style: ratatui::style::Style::new(),
    }
    .render(area, &mut buf);
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    for (n, c) in focus.all().into_iter().enumerate() {
        if let Some((lat, lon)) = coords(&net, c) {
            let role = if n == 0 && focus.center.is_some() {
                "selected"
            } else {
                "linked"
            };
            writeln!(
                out,
                "{role:>8}  {:<28} {}",
                clean_line(&net.data.display_name(c)),
                format_coords(lat, lon)
            )?;
        }
    }
    Ok(EXIT_OK)
}
