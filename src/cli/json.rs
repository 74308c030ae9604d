//! JSON output that is safe to print to a terminal.

/// Serializes to pretty JSON, escaping the characters serde_json leaves raw but a terminal
/// might act on (C1 controls, bidirectional overrides, line separators). These can only
/// occur inside strings, where `\uXXXX` is a valid escape, so the output stays valid JSON.
pub fn to_safe_json<T: serde::Serialize>(value: &T) -> String {
    let raw =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    let mut out = String::with_capacity(raw.len());
    let mut before = None;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        let after = chars.peek().copied();
        let unsafe_here = crate::text::is_unsafe_between(before, c, after, true) && c != '\n';
        before = Some(c);
        if unsafe_here {
            // Characters past U+FFFF (tag characters) are escaped as UTF-16 surrogate pairs.
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{:04x}", unit));
            }
        } else {
            out.push(c);
        }
    }
    out
}
