//! Splitting a person's name, written in one string, into family and given names.
//!
//! The data holds a name as one string. Chinese names are written family name first
//! ("Li Changhong"), most others given name first ("Jukka Mäkelä"). A name is read family
//! first when the person's native name is written in Chinese characters, or when its first
//! word is a common Chinese family name in pinyin; otherwise the last word is the family name.
//! This is a best guess for address books, nothing more.

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

#[cfg(test)]
mod tests {
    use super::split_name;

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
