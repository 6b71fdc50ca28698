//! Time spans ("5min 20s", "1.5h", "infinity"): parsing and formatting as systemd.time(7)
//! "PARSING TIME SPANS" describes and systemd 252 implements.
//!
//! Grammar, as systemd accepts it: optional whitespace, then either `infinity` alone, or
//! one or more `NUMBER [UNIT]` terms that are added up. A NUMBER is decimal with an
//! optional fraction (`5`, `5.5`, `.5`); a term without unit uses the default unit (seconds
//! for [`parse_sec`]). Terms may be glued together (`5s500ms`) or separated by whitespace,
//! but a fraction may not directly follow another number (`12.34.56` is rejected while
//! `12.34 .56` and `12.34s.56` are accepted). Negative values are out of range.

use std::fmt::{self, Write as _};

use crate::error::ErrorKind;
use crate::{
    NSEC_INFINITY, Nsec, USEC_INFINITY, USEC_PER_DAY, USEC_PER_HOUR, USEC_PER_MINUTE,
    USEC_PER_MONTH, USEC_PER_MSEC, USEC_PER_SEC, USEC_PER_WEEK, USEC_PER_YEAR, Usec,
};

/// A time span that could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid time span '{input}': {reason}")]
pub struct SpanError {
    input: String,
    kind: ErrorKind,
    reason: &'static str,
}

impl SpanError {
    /// The input that was rejected.
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }
    /// Whether systemd would report `EINVAL` or `ERANGE` for this input.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    /// What is wrong, in a few words.
    #[must_use]
    pub fn reason(&self) -> &'static str {
        self.reason
    }
}

/// Why a parse failed, before the input is attached.
pub(crate) type Fail = (ErrorKind, &'static str);

/// Unit words for microsecond spans. Matching picks the longest word that prefixes the
/// rest of the input, so `ms` wins over `m` and `months` over `month` and `M`.
const USEC_UNITS: &[(&str, u64)] = &[
    ("seconds", USEC_PER_SEC),
    ("second", USEC_PER_SEC),
    ("sec", USEC_PER_SEC),
    ("s", USEC_PER_SEC),
    ("minutes", USEC_PER_MINUTE),
    ("minute", USEC_PER_MINUTE),
    ("min", USEC_PER_MINUTE),
    ("months", USEC_PER_MONTH),
    ("month", USEC_PER_MONTH),
    ("M", USEC_PER_MONTH),
    ("msec", USEC_PER_MSEC),
    ("ms", USEC_PER_MSEC),
    ("m", USEC_PER_MINUTE),
    ("hours", USEC_PER_HOUR),
    ("hour", USEC_PER_HOUR),
    ("hr", USEC_PER_HOUR),
    ("h", USEC_PER_HOUR),
    ("days", USEC_PER_DAY),
    ("day", USEC_PER_DAY),
    ("d", USEC_PER_DAY),
    ("weeks", USEC_PER_WEEK),
    ("week", USEC_PER_WEEK),
    ("w", USEC_PER_WEEK),
    ("years", USEC_PER_YEAR),
    ("year", USEC_PER_YEAR),
    ("y", USEC_PER_YEAR),
    ("usec", 1),
    ("us", 1),
    ("\u{b5}s", 1),  // MICRO SIGN
    ("\u{3bc}s", 1), // GREEK SMALL LETTER MU
];

const NSEC_PER_USEC: u64 = 1_000;

/// Unit words for nanosecond spans: the microsecond units scaled, plus `ns`/`nsec`.
const NSEC_UNITS: &[(&str, u64)] = &[
    ("seconds", USEC_PER_SEC * NSEC_PER_USEC),
    ("second", USEC_PER_SEC * NSEC_PER_USEC),
    ("sec", USEC_PER_SEC * NSEC_PER_USEC),
    ("s", USEC_PER_SEC * NSEC_PER_USEC),
    ("minutes", USEC_PER_MINUTE * NSEC_PER_USEC),
    ("minute", USEC_PER_MINUTE * NSEC_PER_USEC),
    ("min", USEC_PER_MINUTE * NSEC_PER_USEC),
    ("months", USEC_PER_MONTH * NSEC_PER_USEC),
    ("month", USEC_PER_MONTH * NSEC_PER_USEC),
    ("M", USEC_PER_MONTH * NSEC_PER_USEC),
    ("msec", USEC_PER_MSEC * NSEC_PER_USEC),
    ("ms", USEC_PER_MSEC * NSEC_PER_USEC),
    ("m", USEC_PER_MINUTE * NSEC_PER_USEC),
    ("hours", USEC_PER_HOUR * NSEC_PER_USEC),
    ("hour", USEC_PER_HOUR * NSEC_PER_USEC),
    ("hr", USEC_PER_HOUR * NSEC_PER_USEC),
    ("h", USEC_PER_HOUR * NSEC_PER_USEC),
    ("days", USEC_PER_DAY * NSEC_PER_USEC),
    ("day", USEC_PER_DAY * NSEC_PER_USEC),
    ("d", USEC_PER_DAY * NSEC_PER_USEC),
    ("weeks", USEC_PER_WEEK * NSEC_PER_USEC),
    ("week", USEC_PER_WEEK * NSEC_PER_USEC),
    ("w", USEC_PER_WEEK * NSEC_PER_USEC),
    ("years", USEC_PER_YEAR * NSEC_PER_USEC),
    ("year", USEC_PER_YEAR * NSEC_PER_USEC),
    ("y", USEC_PER_YEAR * NSEC_PER_USEC),
    ("usec", NSEC_PER_USEC),
    ("us", NSEC_PER_USEC),
    ("\u{b5}s", NSEC_PER_USEC),
    ("\u{3bc}s", NSEC_PER_USEC),
    ("nsec", 1),
    ("ns", 1),
];

/// Parses a time span whose unit-less numbers are seconds ("5", "5s", "1min 30s",
/// "infinity" → [`USEC_INFINITY`]).
///
/// # Errors
/// [`SpanError`] with [`ErrorKind::Invalid`] for malformed input and
/// [`ErrorKind::OutOfRange`] for negative or overflowing values.
pub fn parse_sec(s: &str) -> Result<Usec, SpanError> {
    parse_time(s, USEC_PER_SEC)
}

/// Parses a time span whose unit-less numbers are multiples of `default_unit`
/// microseconds (e.g. `USEC_PER_MSEC` for settings documented in milliseconds).
///
/// # Errors
/// As [`parse_sec`].
pub fn parse_time(s: &str, default_unit: Usec) -> Result<Usec, SpanError> {
    parse_terms(s, default_unit.max(1), USEC_UNITS, USEC_INFINITY).map_err(|f| error(s, f))
}

/// Parses a time span into nanoseconds; unit-less numbers are nanoseconds and `ns`/`nsec`
/// are accepted in addition to the usual units. "infinity" → [`NSEC_INFINITY`].
///
/// # Errors
/// As [`parse_sec`].
pub fn parse_nsec(s: &str) -> Result<Nsec, SpanError> {
    parse_terms(s, 1, NSEC_UNITS, NSEC_INFINITY).map_err(|f| error(s, f))
}

/// Like [`parse_sec`], but "0" means "no limit" ([`USEC_INFINITY`]), as for settings where
/// systemd documents that zero disables the timeout.
///
/// # Errors
/// As [`parse_sec`].
pub fn parse_sec_fix_0(s: &str) -> Result<Usec, SpanError> {
    parse_sec(s).map(|v| if v == 0 { USEC_INFINITY } else { v })
}

/// Like [`parse_sec`], but an empty (or all-blank) value means [`USEC_INFINITY`].
///
/// # Errors
/// As [`parse_sec`].
pub fn parse_sec_def_infinity(s: &str) -> Result<Usec, SpanError> {
    if s.bytes().all(is_whitespace) {
        return Ok(USEC_INFINITY);
    }
    parse_sec(s)
}

fn error(input: &str, (kind, reason): Fail) -> SpanError {
    SpanError {
        input: input.to_owned(),
        kind,
        reason,
    }
}

/// systemd's WHITESPACE set, which separates terms.
fn is_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn skip_whitespace(b: &[u8], mut p: usize) -> usize {
    while p < b.len() && is_whitespace(b[p]) {
        p += 1;
    }
    p
}

fn skip_digits(b: &[u8], mut p: usize) -> usize {
    while p < b.len() && b[p].is_ascii_digit() {
        p += 1;
    }
    p
}

const INVALID_NUMBER: Fail = (ErrorKind::Invalid, "expected a number");
const TOO_LARGE: Fail = (ErrorKind::OutOfRange, "value too large");

/// Reads an integer the way C's `strtoll` does (leading blanks, optional sign). Returns the
/// value and the index after it; the index is `p` itself when no digits were found.
fn read_integer(b: &[u8], p: usize) -> Result<(u64, usize), Fail> {
    let mut q = p;
    while q < b.len() && b[q].is_ascii_whitespace() {
        q += 1;
    }
    let negative = q < b.len() && b[q] == b'-';
    if q < b.len() && (b[q] == b'+' || b[q] == b'-') {
        q += 1;
    }
    let end = skip_digits(b, q);
    if end == q {
        return Ok((0, p));
    }
    let mut value: u64 = 0;
    for &d in &b[q..end] {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(d - b'0')))
            .filter(|&v| v <= i64::MAX.unsigned_abs())
            .ok_or(TOO_LARGE)?;
    }
    if negative && value > 0 {
        return Err((ErrorKind::OutOfRange, "negative values are not allowed"));
    }
    Ok((value, end))
}

/// The longest unit word at `p`, with its multiplier and length.
fn match_unit(b: &[u8], p: usize, units: &[(&str, u64)]) -> Option<(u64, usize)> {
    units
        .iter()
        .filter(|(name, _)| b[p..].starts_with(name.as_bytes()))
        .max_by_key(|(name, _)| name.len())
        .map(|&(name, mult)| (mult, name.len()))
}

/// The shared span parser; `infinity` is the value "infinity" maps to, and sums must stay
/// below it.
fn parse_terms(
    s: &str,
    default_unit: u64,
    units: &[(&str, u64)],
    infinity: u64,
) -> Result<u64, Fail> {
    let b = s.as_bytes();
    let mut p = skip_whitespace(b, 0);
    if b[p..].starts_with(b"infinity") {
        if skip_whitespace(b, p + "infinity".len()) != b.len() {
            return Err((
                ErrorKind::Invalid,
                "'infinity' cannot be combined with other values",
            ));
        }
        return Ok(infinity);
    }
    let mut total: u64 = 0;
    let mut something = false;
    loop {
        p = skip_whitespace(b, p);
        if p == b.len() {
            if !something {
                return Err((ErrorKind::Invalid, "empty time span"));
            }
            return Ok(total);
        }
        if b[p] == b'-' {
            return Err((ErrorKind::OutOfRange, "negative values are not allowed"));
        }
        let (whole, e) = read_integer(b, p)?;
        let fraction = e < b.len() && b[e] == b'.';
        if fraction {
            p = skip_digits(b, e + 1);
        } else if e == p {
            return Err(INVALID_NUMBER);
        } else {
            p = e;
        }
        let q = skip_whitespace(b, p);
        let (mult, after_unit) = match match_unit(b, q, units) {
            Some((mult, len)) => (mult, q + len),
            None => (default_unit, q),
        };
        if after_unit == p && p != b.len() {
            // Something other than a unit or a blank glued to the number ("12.34.56").
            return Err((ErrorKind::Invalid, "unexpected character after number"));
        }
        p = after_unit;
        if whole >= infinity / mult {
            return Err(TOO_LARGE);
        }
        let k = whole * mult;
        if k >= infinity - total {
            return Err(TOO_LARGE);
        }
        total += k;
        something = true;
        if fraction {
            // Each further digit is worth a tenth of the previous one, truncated: this is
            // what makes "1.1111111111111y" a few microseconds short of the exact value.
            let mut m = mult / 10;
            let mut i = e + 1;
            while i < b.len() && b[i].is_ascii_digit() {
                let k = u64::from(b[i] - b'0') * m;
                if k >= infinity - total {
                    return Err(TOO_LARGE);
                }
                total += k;
                m /= 10;
                i += 1;
            }
            if i == e + 1 {
                return Err((ErrorKind::Invalid, "'.' must be followed by digits"));
            }
        }
    }
}

/// Units for formatting, largest first.
const FORMAT_UNITS: &[(&str, Usec)] = &[
    ("y", USEC_PER_YEAR),
    ("month", USEC_PER_MONTH),
    ("w", USEC_PER_WEEK),
    ("d", USEC_PER_DAY),
    ("h", USEC_PER_HOUR),
    ("min", USEC_PER_MINUTE),
    ("s", USEC_PER_SEC),
    ("ms", USEC_PER_MSEC),
    ("us", 1),
];

/// Formats a span as systemd does: "1h 30min", "5.500000s", "986ms", "infinity", "0".
///
/// `accuracy` (µs) bounds the precision: parts smaller than it are dropped once something
/// has been printed, and spans below a minute get a decimal fraction with as many digits
/// as the accuracy allows (`format_timespan(1_234_567, 1000)` is "1.234s").
#[must_use]
pub fn format_timespan(usec: Usec, accuracy: Usec) -> String {
    if usec == USEC_INFINITY {
        return "infinity".to_owned();
    }
    if usec == 0 {
        return "0".to_owned();
    }
    let accuracy = accuracy.max(1);
    let mut out = String::new();
    let mut t = usec;
    let mut something = false;
    for &(suffix, unit) in FORMAT_UNITS {
        if t == 0 || (t < accuracy && something) {
            break;
        }
        if t < unit {
            continue;
        }
        let sep = if out.is_empty() { "" } else { " " };
        let (a, mut b) = (t / unit, t % unit);
        let mut done = false;
        if t < USEC_PER_MINUTE && b > 0 {
            // Decimal notation: as many fraction digits as the unit has, minus those the
            // accuracy makes meaningless.
            let mut digits: i32 = 0;
            let mut cc = unit;
            while cc > 1 {
                digits += 1;
                cc /= 10;
            }
            let mut cc = accuracy;
            while cc > 1 {
                b /= 10;
                digits -= 1;
                cc /= 10;
            }
            if digits > 0 {
                let width = usize::try_from(digits).unwrap_or(0);
                let _ = write!(out, "{sep}{a}.{b:0width$}{suffix}");
                t = 0;
                done = true;
            }
        }
        if !done {
            let _ = write!(out, "{sep}{a}{suffix}");
            t = b;
        }
        something = true;
    }
    out
}

/// A span that displays like [`format_timespan`] with an accuracy of 1µs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timespan(pub Usec);

impl fmt::Display for Timespan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_timespan(self.0, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_sums() {
        assert_eq!(parse_sec("2 h"), Ok(2 * USEC_PER_HOUR));
        assert_eq!(parse_sec("48hr"), Ok(48 * USEC_PER_HOUR));
        assert_eq!(
            parse_sec("1y 12month"),
            Ok(USEC_PER_YEAR + 12 * USEC_PER_MONTH)
        );
        assert_eq!(
            parse_sec("300ms20s 5day"),
            Ok(300 * USEC_PER_MSEC + 20 * USEC_PER_SEC + 5 * USEC_PER_DAY)
        );
        assert_eq!(parse_sec("5M"), Ok(5 * USEC_PER_MONTH));
        assert_eq!(parse_sec("5m"), Ok(5 * USEC_PER_MINUTE));
        assert_eq!(parse_nsec("5ns 1us"), Ok(1005));
        assert_eq!(
            parse_sec("5mins").map_err(|e| e.kind()),
            Err(ErrorKind::Invalid)
        );
        assert_eq!(
            parse_sec("-1").map_err(|e| e.kind()),
            Err(ErrorKind::OutOfRange)
        );
        assert_eq!(
            parse_sec("99999999999999999999").map_err(|e| e.kind()),
            Err(ErrorKind::OutOfRange)
        );
    }

    #[test]
    fn formatting() {
        assert_eq!(format_timespan(5_400 * USEC_PER_SEC, 1), "1h 30min");
        assert_eq!(
            format_timespan(90 * USEC_PER_SEC + 500_000, USEC_PER_SEC),
            "1min 30s"
        );
        assert_eq!(Timespan(5_500_000).to_string(), "5.500000s");
    }
}
