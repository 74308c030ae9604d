//! Partial dates as people write them: `"2019"`, `"2019-09"` or `"2019-09-24"`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// A date known to the year, the month or the day. Reading never fails: text that is not a
/// valid date is kept as written (see [`PartialDate::is_valid`]) so that validation can
/// report it with its location while the rest of the entity still loads.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// The year, when the text is a valid date.
    pub year: i32,
    /// The month (1–12), when known.
    pub month: Option<u8>,
    /// The day of the month, when known.
    pub day: Option<u8>,
    raw: Option<Box<str>>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking month lengths and leap years.
    pub fn parse(text: &str) -> Result<PartialDate, String> {
        let t = text.trim();
        let parts: Vec<&str> = t.split('-').collect();
        let bad = || format!("malformed date \"{text}\": expected YYYY, YYYY-MM or YYYY-MM-DD");
        if parts.is_empty() || parts.len() > 3 {
            return Err(bad());
        }
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(parts[0], 4) {
            return Err(bad());
        }
        let year: i32 = parts[0].parse().map_err(|_| bad())?;
        let mut date = PartialDate {
            year,
            month: None,
            day: None,
            raw: None,
        };
        if let Some(m) = parts.get(1) {
            if !digits(m, 2) {
                return Err(bad());
            }
            let month: u8 = m.parse().map_err(|_| bad())?;
            if !(1..=12).contains(&month) {
                return Err(format!(
                    "impossible date \"{text}\": there is no month {month}"
                ));
            }
            date.month = Some(month);
        }
        if let Some(d) = parts.get(2) {
            if !digits(d, 2) {
                return Err(bad());
            }
            let day: u8 = d.parse().map_err(|_| bad())?;
            let month = date.month.unwrap_or(1);
            let max = days_in_month(year, month);
            if day == 0 || day > max {
                return Err(format!(
                    "impossible date \"{text}\": month {month} of {year} has {max} days"
                ));
            }
            date.day = Some(day);
        }
        Ok(date)
    }

    /// A date that could not be read, kept as written.
    pub fn invalid(text: &str) -> PartialDate {
        PartialDate {
            year: 0,
            month: None,
            day: None,
            raw: Some(text.into()),
        }
    }

    /// Whether the text was a valid date.
    pub fn is_valid(&self) -> bool {
        self.raw.is_none()
    }

    /// The text as written, for an invalid date.
    pub fn raw(&self) -> Option<&str> {
        self.raw.as_deref()
    }

    /// A key that sorts partial dates sensibly: `2019` before `2019-09` before `2019-09-24`.
    pub fn sort_key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key()
            .cmp(&other.sort_key())
            .then_with(|| self.raw.cmp(&other.raw))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(raw) = &self.raw {
            return f.write_str(raw);
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Ok(PartialDate::parse(&text).unwrap_or_else(|_| PartialDate::invalid(&text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_and_sort_year_before_month_before_day() {
        let y = PartialDate::parse("2019").unwrap();
        let m = PartialDate::parse("2019-09").unwrap();
        let d = PartialDate::parse("2019-09-24").unwrap();
        assert!(y < m && m < d);
        assert_eq!(d.to_string(), "2019-09-24");
    }

    #[test]
    fn impossible_dates_are_rejected_with_a_reason() {
        assert!(
            PartialDate::parse("2019-02-30")
                .unwrap_err()
                .contains("has 28 days")
        );
        assert!(PartialDate::parse("2020-02-29").is_ok());
        assert!(
            PartialDate::parse("2019-13")
                .unwrap_err()
                .contains("no month 13")
        );
        assert!(PartialDate::parse("19").is_err());
        assert!(PartialDate::parse("2019/09/24").is_err());
    }
}
