//! Splitting a person's name, written in one string, into family and given names.
//!
//! The data holds a name as one string. Chinese names are written family name first
//! ("Li Changhong"), most others given name first ("Jukka Mäkelä"). A name is read family
//! first when the person's native name is written in Chinese characters, or when its first
//! word is a common Chinese family name in pinyin; otherwise the last word is the family name.
//! This is a best guess for address books, nothing more.
//!
//! It also makes file names from entity ids ([`file_name`]): an id is untrusted data and
//! never becomes a path, an escape sequence or a hidden file.

/// Common Chinese family names in pinyin (lower case), single and compound.
const PINYIN_FAMILY_NAMES: &[&str] = &[
    "ai", "an", "bai", "bao", "bi", "bian", "cai", "cao", "cen", "chang", "chen", "cheng", "chu",
    "cui", "dai", "deng", "di", "ding", "dong", "dou", "du", "duan", "fan", "fang", "fei", "feng",
    "fu", "gao", "ge", "geng", "gong", "gu", "guan", "guo", "han", "hao", "he", "hong", "hou",
    "hu", "hua", "huang", "ji", "jia", "jian", "jiang", "jin", "kang", "kong", "lai", "lan", "lei",
    "li", "liang", "liao", "lin", "liu", "long", "lu", "luo", "lv", "lyu", "ma", "mao", "meng",
    "miao", "mo", "mu", "ni", "nie", "ning", "ou", "ouyang", "pan", "pang", "peng", "qi", "qian",
    "qiang", "qiao", "qin", "qiu", "qu", "ren", "rong", "ruan", "sha", "shao", "shen", "shi",
    "shu", "sima", "situ", "song", "su", "sun", "tan", "tang", "tao", "tian", "wan", "wang", "wei",
    "wen", "wu", "xia", "xiang", "xiao", "xie", "xin", "xing", "xiong", "xu", "xue", "yan", "yang",
    "yao", "ye", "yi", "yin", "ying", "yu", "yuan", "yue", "zeng", "zhai", "zhan", "zhang", "zhao",
    "zheng", "zhong", "zhou", "zhu", "zhuang", "zhuge", "zou",
];

/// `(family, given)` of a name; `given` holds every other word, in order. A one-word name is
/// a family name.
pub fn split_name(name: &str, native_name: Option<&str>) -> (String, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => (String::new(), String::new()),
        [one] => (one.to_string(), String::new()),
        [first, rest @ ..] if family_first(first, native_name) => {
            (first.to_string(), rest.join(" "))
        }
        [given @ .., last] => (last.to_string(), given.join(" ")),
    }
}

fn family_first(first: &str, native_name: Option<&str>) -> bool {
    native_name.is_some_and(|n| n.chars().any(is_han))
        || PINYIN_FAMILY_NAMES.contains(&first.to_lowercase().as_str())
}

/// Whether a character is a Chinese character (CJK unified ideographs and extension A).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// The longest stem [`file_name`] makes, in bytes (the extension comes on top).
pub const MAX_STEM_BYTES: usize = 64;

/// A safe file name for an entity, from its untrusted `id`, ending in `.extension`.
///
/// The name has no path separator (`/`, `\`), no control, bidirectional or invisible
/// character, none of the characters Windows refuses (`<>:"|?*`), no leading dot, no `..`,
/// no space or dot at the end of the stem; it is at most [`MAX_STEM_BYTES`] bytes before the
/// extension, never empty (`entity`), and never a name Windows reserves (`con`, `nul`,
/// `com1`, ...). Letters of any script are kept: `上海` gives `上海.vcf`.
pub fn file_name(id: &str, extension: &str) -> String {
    let mut stem = String::new();
    let mut last = '_';
    for c in id.chars() {
        let c = if c.is_control()
            || c.is_whitespace()
            || crate::text::is_unsafe(c, false)
            || matches!(
                c,
                '\u{200c}' | '\u{200d}' | '/' | '\\' | '<' | '>' | ':' | '"' | '|' | '?' | '*'
            ) {
            '_'
        } else {
            c
        };
        // No runs of `_` or of dots (so no `..`), no leading dot or `_`.
        if (c == '_' || c == '.') && (last == c || stem.is_empty()) {
            continue;
        }
        if stem.len() + c.len_utf8() > MAX_STEM_BYTES {
            break;
        }
        stem.push(c);
        last = c;
    }
    let stem = stem.trim_end_matches(['.', '_', ' ']);
    let mut stem = if stem.is_empty() {
        "entity".to_string()
    } else {
        stem.to_string()
    };
    let base = stem.split('.').next().unwrap_or("").to_ascii_lowercase();
    let reserved = matches!(base.as_str(), "con" | "prn" | "aux" | "nul")
        || (base.len() == 4
            && (base.starts_with("com") || base.starts_with("lpt"))
            && base.as_bytes()[3].is_ascii_digit());
    if reserved {
        stem.insert(0, '_');
    }
    let extension = crate::text::safe_file_part(extension, 8);
    if extension.is_empty() {
        stem
    } else {
        format!("{stem}.{extension}")
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_STEM_BYTES, file_name, split_name};

    #[test]
    fn a_file_name_from_a_hostile_id_stays_in_its_folder_and_shows_nothing() {
        let cases = [
            ("soea", "soea.vcf"),
            ("../../escaped", "escaped.vcf"),
            ("/etc/passwd", "etc_passwd.vcf"),
            ("..\\..\\windows", "windows.vcf"),
            ("a\u{1b}]52;c;ZXZpbA==\u{7}b", "a_]52;c;ZXZpbA==_b.vcf"),
            ("line\nbreak\r", "line_break.vcf"),
            ("...", "entity.vcf"),
            (".", "entity.vcf"),
            ("", "entity.vcf"),
            (".hidden", "hidden.vcf"),
            ("evil\u{202e}fdp.exe", "evil_fdp.exe.vcf"),
            ("a..b", "a.b.vcf"),
            ("con", "_con.vcf"),
            ("LPT1.txt", "_LPT1.txt.vcf"),
            ("上海市", "上海市.vcf"),
            ("trailing. ", "trailing.vcf"),
        ];
        for (id, want) in cases {
            assert_eq!(file_name(id, "vcf"), want, "{id:?}");
        }
    }

    #[test]
    fn a_huge_id_makes_a_bounded_name() {
        let id = "x".repeat(10_000);
        let name = file_name(&id, "vcf");
        assert_eq!(name.len(), MAX_STEM_BYTES + 4);
        let cjk = "上".repeat(10_000);
        assert!(file_name(&cjk, "vcf").len() <= MAX_STEM_BYTES + 4);
        assert_eq!(file_name("x", "../v\u{1b}"), "x.___v_");
    }

    fn split(name: &str, native: Option<&str>) -> (String, String) {
        split_name(name, native)
    }

    #[test]
    fn chinese_names_are_family_name_first() {
        assert_eq!(
            split("Li Changhong", None),
            ("Li".into(), "Changhong".into())
        );
        assert_eq!(split("Xu Li", Some("徐力")), ("Xu".into(), "Li".into()));
        // Not a common family name, but the native name is Chinese.
        assert_eq!(
            split("Hong Liu", Some("洪流")),
            ("Hong".into(), "Liu".into())
        );
        assert_eq!(split("Ouyang Xiu", None), ("Ouyang".into(), "Xiu".into()));
    }

    #[test]
    fn other_names_are_given_name_first() {
        assert_eq!(
            split("Jukka Mäkelä", None),
            ("Mäkelä".into(), "Jukka".into())
        );
        assert_eq!(split("Kai Zhan", None), ("Zhan".into(), "Kai".into()));
        assert_eq!(
            split("Jean Marie Charest", None),
            ("Charest".into(), "Jean Marie".into())
        );
    }

    #[test]
    fn one_word_is_a_family_name_and_blank_is_empty() {
        assert_eq!(split("Madonna", None), ("Madonna".into(), String::new()));
        assert_eq!(split("  ", None), (String::new(), String::new()));
    }
}
