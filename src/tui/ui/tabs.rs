//! The tab bar: All and one tab per kind, each with its count.

use super::theme::theme;
use crate::tui::state::{App, TABS, Tab};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// Tab labels, as long as the width allows: "Organizations", "Orgs", "Org", then "O".
fn labels(app: &App) -> Vec<String> {
    let names = |style: usize| -> Vec<String> {
        TABS.iter()
            .enumerate()
            .map(|(i, tab)| {
                let name = match (tab, style) {
                    (Tab::All, _) => "All",
                    (Tab::Bookmarks, 0 | 1) => "Bookmarks",
                    (Tab::Bookmarks, 2) => "Bkm",
                    (Tab::Bookmarks, _) => "B",
                    (Tab::Recent, 0 | 1) => "Recent",
                    (Tab::Recent, 2) => "Rec",
                    (Tab::Recent, _) => "R",
                    (Tab::Kind(k), 0) => k.plural(),
                    (Tab::Kind(k), 1) => match k.plural() {
                        "Organizations" => "Orgs",
                        "Agreements" => "Agrmts",
                        other => other,
                    },
                    (Tab::Kind(k), 2) => match k.plural() {
                        "Organizations" => "Org",
                        "Cities" => "Cty",
                        "People" => "Ppl",
                        "Agreements" => "Agr",
                        _ => "Evt",
                    },
                    (Tab::Kind(k), _) => &k.plural()[..1],
                };
                if style == 3 {
                    // The narrowest form drops the key numbers; the keys still work.
                    format!("{name} {}", app.tab_counts[i])
                } else {
                    format!(" {} {name} {} ", i + 1, app.tab_counts[i])
                }
            })
            .collect()
    };
    let fits = |labels: &Vec<String>| {
        labels.iter().map(|l| l.width() + 1).sum::<usize>() <= app.areas.width as usize + 1
    };
    (0..4).map(names).find(fits).unwrap_or_else(|| names(3))
}

/// Draws the tabs.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    for (i, label) in labels(app).into_iter().enumerate() {
        let style = if i == app.tab {
            theme().tab_active
        } else {
            ratatui::style::Style::new()
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::styled("│", theme().dim));
    }
    spans.pop();
    Line::from(spans).render(area, buf);
}

/// The tab under a screen column.
pub fn tab_at(app: &App, col: u16) -> Option<usize> {
    let mut x = app.areas.tabs.x as usize;
    for (i, label) in labels(app).iter().enumerate() {
        let w = label.width();
        if (col as usize) < x + w {
            return Some(i);
        }
        x += w + 1;
    }
    None
}
