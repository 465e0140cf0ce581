//! Dates that are honest about how precisely they are known.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date known to the year, the month or the day.
///
/// Written in the dataset as `"2022"`, `"2022-12"` or `"2022-12-14"`. A
/// publisher who knows only the month writes only the month: the reader then
/// shows "December 2022", never an invented day.
///
/// ```
/// use okuma_core::PartialDate;
/// let d = PartialDate::parse("2022-12").unwrap();
/// assert_eq!((d.year, d.month, d.day), (2022, Some(12), None));
/// assert_eq!(d.to_string(), "2022-12");
/// assert!(PartialDate::parse("2022-02-30").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// How much of a [`PartialDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl PartialDate {
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("{text:?} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        let mut parts = text.split('-');
        let year = parts
            .next()
            .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|y| y.parse::<i32>().ok())
            .ok_or_else(bad)?;
        let mut two_digits = |max: u8| -> Result<Option<u8>, String> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    let n: u8 = p.parse().map_err(|_| bad())?;
                    if (1..=max).contains(&n) {
                        Ok(Some(n))
                    } else {
                        Err(bad())
                    }
                }
                Some(_) => Err(bad()),
            }
        };
        let month = two_digits(12)?;
        let day = if month.is_some() {
            two_digits(31)?
        } else {
            None
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        if let (Some(m), Some(d)) = (month, day) {
            if d > days_in_month(year, m) {
                return Err(format!("{text:?} is not a day of the calendar"));
            }
        }
        Ok(PartialDate { year, month, day })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl TryFrom<String> for PartialDate {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        PartialDate::parse(&value)
    }
}

impl From<PartialDate> for String {
    fn from(date: PartialDate) -> String {
        date.to_string()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_follows_what_is_written() {
        assert_eq!(
            PartialDate::parse("2022").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            PartialDate::parse("2022-12").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse("2022-12-14").unwrap().precision(),
            Precision::Day
        );
    }

    #[test]
    fn round_trips_through_text() {
        for text in ["1998", "2013-01", "2024-02-29", "2022-12-14"] {
            assert_eq!(PartialDate::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn rejects_impossible_or_malformed_dates() {
        for text in [
            "",
            "22",
            "2022-13",
            "2022-00",
            "2023-02-29",
            "2022-1-5",
            "2022-12-14T00",
            "14.12.2022",
            "2022--",
        ] {
            assert!(
                PartialDate::parse(text).is_err(),
                "{text} should be rejected"
            );
        }
    }
}
