//! The detail pane's lines: an entity's [`Card`] laid out as the pane shows it, wrapped at
//! the pane's width. The one source of the card's geometry: `update` scrolls by the number
//! of rows computed here and `ui` draws exactly these rows, so the last line of every card
//! can be scrolled to at every size. Each piece of text says what it is ([`Tone`]); the
//! colours are `ui`'s business. Text from the data is made safe (controls escaped) here.

use crate::card::Card;
use crate::dataset::Dataset;
use crate::graph::Graph;
use crate::model::Kind;
use unicode_width::UnicodeWidthChar;

/// What a piece of text is, for the theme to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// The entity's name, in its kind's colour.
    Name(Kind),
    /// The native name.
    Native,
    /// Quieter text: subtitle, sources, the id line, bullets.
    Dim,
    /// A field label or a section heading.
    Label,
    /// Plain text.
    Plain,
    /// The note.
    Italic,
    /// A key, in help.
    Key,
    /// A heading, in help.
    Heading,
    /// An error's word.
    Error,
    /// A warning's word.
    Warning,
}

/// A run of text in one tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text, safe to print.
    pub text: String,
    /// What it is.
    pub tone: Tone,
}

/// One screen row of the detail pane.
pub type Row = Vec<Piece>;

/// A line of the card before wrapping; wrapped rows after the first start at `indent`.
struct Line {
    pieces: Vec<Piece>,
    indent: usize,
}

/// A piece of text, made safe to print.
pub fn piece(text: &str, tone: Tone) -> Piece {
    Piece {
        text: crate::text::clean_line(text).into_owned(),
        tone,
    }
}

fn line(pieces: Vec<Piece>, indent: usize) -> Line {
    Line { pieces, indent }
}

/// Wraps one line of pieces at `width`; rows after the first start at `indent`.
pub fn wrap_pieces(pieces: Vec<Piece>, indent: usize, width: usize) -> Vec<Row> {
    wrap(&line(pieces, indent), width)
}

/// The rows of the card of entity `i` in a pane `width` columns wide: the card `liaison
/// show` prints, with the sections that follow links (districts' ties, a country's cities).
pub fn card_rows(ds: &Dataset, graph: &Graph, i: usize, width: usize) -> Vec<Row> {
    lines(ds, graph, i)
        .iter()
        .flat_map(|l| wrap(l, width))
        .collect()
}

/// Fields whose value is a list (joined with "; "): shown as bullets, one per row.
const LIST_FIELDS: [&str; 4] = ["Parties", "Signed by", "Areas", "Organizers"];

/// The card's lines: name, subtitle, contact, facts, description, note, sources, sections,
/// id.
fn lines(ds: &Dataset, graph: &Graph, i: usize) -> Vec<Line> {
    let card = Card::with_graph(ds, graph, i);
    let kind = ds.entity(i).kind();
    let mut out = Vec::new();
    let mut title = vec![piece(&card.name, Tone::Name(kind))];
    if let Some(n) = &card.native_name {
        title.push(piece("  ", Tone::Plain));
        title.push(piece(n, Tone::Native));
    }
    out.push(line(title, 0));
    out.push(line(vec![piece(&card.subtitle, Tone::Dim)], 0));
    let label_w = card
        .contact
        .iter()
        .chain(&card.fields)
        .map(|f| f.label.len())
        .max()
        .unwrap_or(0);
    let field = |label: &str, value: &str| {
        line(
            vec![
                piece(&format!("{label:<label_w$}  "), Tone::Label),
                piece(value, Tone::Plain),
            ],
            label_w + 2,
        )
    };
    if !card.contact.is_empty() {
        out.push(line(Vec::new(), 0));
        out.extend(card.contact.iter().map(|f| field(f.label, &f.value)));
    } else if kind == Kind::Organization {
        out.push(line(Vec::new(), 0));
        out.push(line(
            vec![piece("No contact details in the data.", Tone::Dim)],
            0,
        ));
    }
    if !card.fields.is_empty() {
        out.push(line(Vec::new(), 0));
        for f in &card.fields {
            if LIST_FIELDS.contains(&f.label) && f.value.contains("; ") {
                // A list: one bullet a row, wrapped under its own text.
                for (n, item) in f.value.split("; ").enumerate() {
                    let label = if n == 0 { f.label } else { "" };
                    let pieces = vec![
                        piece(&format!("{label:<label_w$}  "), Tone::Label),
                        piece("• ", Tone::Dim),
                        piece(item, Tone::Plain),
                    ];
                    out.push(line(pieces, label_w + 4));
                }
            } else {
                out.push(field(f.label, &f.value));
            }
        }
    }
    texts(&mut out, &card);
    sections(&mut out, &card);
    out.push(line(Vec::new(), 0));
    out.push(line(
        vec![
            piece("id ", Tone::Dim),
            piece(&card.id, Tone::Dim),
            piece(" · ", Tone::Dim),
            piece(&ds.origin(i).to_string(), Tone::Dim),
        ],
        3,
    ));
    out
}

/// The description, the note and the sources.
fn texts(out: &mut Vec<Line>, card: &Card) {
    let paragraphs = |text: &str, out: &mut Vec<Line>, tone: Tone| {
        for para in text.trim().lines() {
            out.push(line(vec![piece(para, tone)], 0));
        }
    };
    if let Some(d) = &card.description {
        out.push(line(Vec::new(), 0));
        paragraphs(d, out, Tone::Plain);
    }
    if let Some(n) = &card.note {
        out.push(line(Vec::new(), 0));
        out.push(line(vec![piece("Note", Tone::Label)], 0));
        paragraphs(n, out, Tone::Italic);
    }
    if !card.sources.is_empty() {
        out.push(line(Vec::new(), 0));
        out.push(line(vec![piece("Sources", Tone::Label)], 0));
        for s in &card.sources {
            out.push(line(vec![piece("• ", Tone::Dim), piece(s, Tone::Dim)], 2));
        }
    }
}

/// The sections that follow links, as `liaison show` lists them: a heading with its
/// count, then one bullet per entry with its detail.
fn sections(out: &mut Vec<Line>, card: &Card) {
    for section in &card.sections {
        out.push(line(Vec::new(), 0));
        let heading = format!("{} ({})", section.label, section.items.len());
        out.push(line(vec![piece(&heading, Tone::Label)], 0));
        for item in &section.items {
            let mut pieces = vec![piece("• ", Tone::Dim), piece(&item.name, Tone::Plain)];
            if let Some(d) = &item.detail {
                pieces.push(piece(&format!("  ({d})"), Tone::Dim));
            }
            out.push(line(pieces, 2));
        }
    }
}

/// Wraps a line at word boundaries (cutting a word only when it is longer than a row);
/// rows after the first start at the line's indent when it leaves room.
fn wrap(l: &Line, width: usize) -> Vec<Row> {
    let width = width.max(1);
    let indent = if l.indent * 2 <= width { l.indent } else { 0 };
    let cells: Vec<(char, Tone)> = l
        .pieces
        .iter()
        .flat_map(|p| p.text.chars().map(move |c| (c, p.tone)))
        .collect();
    let cw = |c: char| c.width().unwrap_or(0);
    let mut rows: Vec<Vec<(char, Tone)>> = Vec::new();
    let mut cur: Vec<(char, Tone)> = Vec::new();
    let (mut used, mut fresh) = (0usize, true);
    let mut next_row = |cur: &mut Vec<(char, Tone)>, used: &mut usize, fresh: &mut bool| {
        rows.push(std::mem::take(cur));
        cur.extend(std::iter::repeat_n((' ', Tone::Plain), indent));
        *used = indent;
        *fresh = true;
    };
    let mut at = 0;
    while at < cells.len() {
        let start = at;
        while at < cells.len() && cells[at].0 != ' ' {
            at += 1;
        }
        let word = &cells[start..at];
        let word_w: usize = word.iter().map(|&(c, _)| cw(c)).sum();
        // A word that would fit on a row of its own starts one; a longer one (a URL) is
        // cut where it stands rather than leaving a row half empty.
        if !fresh && used + word_w > width && word_w <= width - indent {
            next_row(&mut cur, &mut used, &mut fresh);
        }
        for &(c, tone) in word {
            if !fresh && used + cw(c) > width {
                next_row(&mut cur, &mut used, &mut fresh);
            }
            cur.push((c, tone));
            used += cw(c);
            fresh = false;
        }
        while at < cells.len() && cells[at].0 == ' ' {
            if used < width {
                cur.push(cells[at]);
                used += 1;
                fresh = false;
            }
            at += 1;
        }
    }
    rows.push(cur);
    rows.into_iter().map(pieces_of).collect()
}

/// Groups cells of one tone back into pieces.
fn pieces_of(cells: Vec<(char, Tone)>) -> Row {
    let mut out: Row = Vec::new();
    for (c, tone) in cells {
        match out.last_mut() {
            Some(p) if p.tone == tone => p.text.push(c),
            _ => out.push(Piece {
                text: c.to_string(),
                tone,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn text(row: &Row) -> String {
        row.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn wrapping_keeps_every_word_and_no_row_is_wider_than_the_pane() {
        let l = line(
            vec![piece(
                "Shanghai and Chongqing agreed on six aspects of cooperation 上海市人民政府",
                Tone::Plain,
            )],
            4,
        );
        for width in [1, 3, 10, 17, 40, 200] {
            let rows = wrap(&l, width);
            for r in &rows {
                assert!(text(r).width() <= width.max(2), "{width}: {:?}", text(r));
            }
            let words: Vec<String> = rows
                .iter()
                .flat_map(|r| {
                    text(r)
                        .split_whitespace()
                        .map(String::from)
                        .collect::<Vec<_>>()
                })
                .collect();
            assert_eq!(
                words.concat(),
                "ShanghaiandChongqingagreedonsixaspectsofcooperation上海市人民政府",
                "{width}"
            );
        }
    }

    #[test]
    fn continuation_rows_hang_under_the_value() {
        let l = line(
            vec![
                piece("Address  ", Tone::Label),
                piece("one two three four", Tone::Plain),
            ],
            9,
        );
        let rows = wrap(&l, 20);
        assert_eq!(text(&rows[0]), "Address  one two ");
        assert_eq!(text(&rows[1]), "         three four");
    }
}
