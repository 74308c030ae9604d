//! Building safe, width-correct spans from untrusted text.
//!
//! Every string from the data becomes spans here: unsafe characters are shown escaped
//! (`\u{1b}`), widths are measured with `unicode-width` (CJK counts two columns), and
//! highlighting is by character index, as the matcher reports it.

use crate::text::is_unsafe;
use ratatui::style::Style;
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Spans for `s`, with the characters at `positions` in `hl` and the rest in `base`. An
/// emoji sequence that terminals measure differently (a flag, a joined or toned emoji) is
/// shown as [`crate::text::plain_clusters`] shows it, highlighted if any of its characters is.
pub fn highlighted(s: &str, positions: &[usize], base: Style, hl: Style) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut cur = String::new();
    let mut cur_hl = false;
    let mut pi = 0;
    let mut ci = 0;
    for cluster in s.graphemes(true) {
        let n = cluster.chars().count();
        while pi < positions.len() && positions[pi] < ci {
            pi += 1;
        }
        let is_hl = pi < positions.len() && positions[pi] < ci + n;
        if is_hl != cur_hl && !cur.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut cur),
                if cur_hl { hl } else { base },
            ));
        }
        cur_hl = is_hl;
        if crate::text::is_emoji_sequence(cluster) {
            cur.push_str(&crate::text::plain_clusters(cluster));
        } else {
            for c in cluster.chars() {
                push_safe(&mut cur, c);
            }
        }
        ci += n;
    }
    if !cur.is_empty() {
        spans.push(Span::styled(cur, if cur_hl { hl } else { base }));
    }
    spans
}

/// A safe one-line span.
pub fn safe(s: &str, style: Style) -> Span<'static> {
    let clean = crate::text::clean_line(s);
    Span::styled(crate::text::plain_clusters(&clean).into_owned(), style)
}

fn push_safe(out: &mut String, c: char) {
    if is_unsafe(c, false) {
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    } else {
        out.push(c);
    }
}

/// Display width of spans.
pub fn width(spans: &[Span<'_>]) -> usize {
    spans.iter().map(|s| s.content.width()).sum()
}

/// Cuts spans to at most `max` columns, ending with `…` when something was cut.
pub fn truncate(spans: Vec<Span<'static>>, max: usize) -> Vec<Span<'static>> {
    if width(&spans) <= max {
        return spans;
    }
    if max == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut used = 0;
    let budget = max - 1;
    for span in spans {
        let w = span.content.width();
        if used + w <= budget {
            used += w;
            out.push(span);
            continue;
        }
        let mut cut = String::new();
        for c in span.content.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + cw > budget {
                break;
            }
            used += cw;
            cut.push(c);
        }
        out.push(Span::styled(cut, span.style));
        break;
    }
    out.push(Span::raw("…"));
    out
}

/// Cuts a plain string to `max` columns.
pub fn fit(s: &str, max: usize) -> String {
    truncate(vec![Span::raw(s.to_string())], max)
        .into_iter()
        .map(|s| s.content.into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_two_columns_and_truncates_on_character_boundaries() {
        let spans = vec![Span::raw("上海市海外交流协会")];
        assert_eq!(width(&spans), 18);
        let cut = truncate(spans, 6);
        assert_eq!(width(&cut), 5);
        assert_eq!(cut[0].content, "上海");
    }

    #[test]
    fn highlights_by_character_and_escapes_controls() {
        let spans = highlighted("a\u{1b}b上海", &[2, 3], Style::new(), Style::new().bold());
        let text: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, ["a\\u{1b}", "b上", "海"]);
    }
}

#[cfg(test)]
mod emoji_tests {
    use super::*;

    fn text(spans: &[Span<'_>]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn emoji_sequences_are_drawn_as_every_terminal_measures_them() {
        let s = "Team 👩\u{200d}💻 of 🇫🇮 Espoo 👍🏽!";
        let spans = highlighted(s, &[], Style::default(), Style::default());
        assert_eq!(text(&spans), "Team 👩 of FI Espoo 👍!");
        assert_eq!(
            text(&[safe(s, Style::default())]),
            "Team 👩 of FI Espoo 👍!"
        );
    }

    #[test]
    fn highlights_after_an_emoji_sequence_stay_on_their_letters() {
        // "🇫🇮 Espoo": the flag is chars 0-1, the space 2, "Espoo" 3..8.
        let hl = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let spans = highlighted("🇫🇮 Espoo", &[3, 4], Style::default(), hl);
        let bold: String = spans
            .iter()
            .filter(|s| s.style == hl)
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(bold, "Es");
    }
}
