//! Phone and fax numbers as digits, so that a number is found however it is written:
//! `62496566`, `0086-21-62496566`, `+86 21 6249 6566` and `(021) 6249 6566` are one number.
//!
//! A number is reduced to its digits; an international prefix (`+` or `00`) is dropped with
//! the country code after it, and so is the trunk `0` of a national number. Both the data
//! and the query go through [`digits`]; a query matches a number it is part of. This module
//! knows nothing of entities or ranking.

/// Country calling codes (ITU-T E.164) of the countries the data names, longest first
/// where one is a prefix of another.
const COUNTRY_CODES: &[&str] = &[
    "852", "853", "886", "850", "358", "375", "351", "254", "258", "264", "212", "381", "421",
    "971", "967", "998", "678", "86", "81", "82", "44", "49", "33", "66", "61", "64", "65", "60",
    "62", "63", "84", "91", "27", "55", "54", "56", "52", "51", "39", "34", "31", "32", "41", "43",
    "46", "47", "45", "48", "30", "20", "90", "92", "94", "40", "58", "36", "98", "1", "7",
];

/// Whether a query looks like a phone number: only digits and the signs numbers are written
/// with (`+ - ( ) .` and spaces), with at least five digits.
pub(super) fn is_phone_query(query: &str) -> bool {
    let mut digits = 0;
    for c in query.chars() {
        match c {
            '0'..='9' => digits += 1,
            '+' | '-' | '(' | ')' | '.' | ' ' | '/' => {}
            _ => return false,
        }
    }
    digits >= 5
}

/// The digits that identify a number: without international prefix and country code,
/// without the trunk `0`. Empty when the text has no digit.
pub(super) fn digits(text: &str) -> String {
    let all: String = text.chars().filter(char::is_ascii_digit).collect();
    let plus = text.trim_start().starts_with('+');
    let mut rest: &str = &all;
    let international = if plus {
        true
    } else if let Some(r) = rest.strip_prefix("00") {
        rest = r;
        true
    } else {
        false
    };
    if international && let Some(code) = COUNTRY_CODES.iter().find(|c| rest.starts_with(**c)) {
        rest = &rest[code.len()..];
    }
    // Some numbers are written `+86 (0)21 …`: the trunk zero goes too.
    let national = rest.trim_start_matches('0');
    if national.len() >= 4 {
        national.to_string()
    } else {
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_number_written_four_ways_reduces_to_the_same_digits() {
        for written in [
            "+86 21 6249 6566",
            "0086-21-62496566",
            "(021) 6249 6566",
            "021-62496566",
            "+86 (0)21 62496566",
        ] {
            assert_eq!(digits(written), "2162496566", "{written}");
        }
        assert_eq!(digits("+358 9 816 21"), "981621");
    }

    #[test]
    fn a_phone_query_has_five_digits_and_only_number_signs() {
        assert!(is_phone_query("62496"));
        assert!(is_phone_query("+86 21 6249"));
        assert!(!is_phone_query("6249"));
        assert!(!is_phone_query("tel 62496566"));
    }
}
