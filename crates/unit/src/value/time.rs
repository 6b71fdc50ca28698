//! Time spans (`TimeoutStartSec=5min 20s`) per systemd.time(7).
//!
//! A private span parser until linger-time's `parse_sec` exists; then [`parse_sec`] delegates.

use linger_time::{USEC_INFINITY, Usec};

use super::ValueError;

/// Units in nanoseconds; longest names first so `min` wins over `m` and `ms` over `m`.
const UNITS: &[(&str, u128)] = &[
    ("seconds", 1_000_000_000),
    ("minutes", 60_000_000_000),
    ("months", 2_629_800_000_000_000),
    ("second", 1_000_000_000),
    ("minute", 60_000_000_000),
    ("month", 2_629_800_000_000_000),
    ("hours", 3_600_000_000_000),
    ("years", 31_557_600_000_000_000),
    ("weeks", 604_800_000_000_000),
    ("hour", 3_600_000_000_000),
    ("year", 31_557_600_000_000_000),
    ("week", 604_800_000_000_000),
    ("days", 86_400_000_000_000),
    ("msec", 1_000_000),
    ("usec", 1_000),
    ("nsec", 1),
    ("day", 86_400_000_000_000),
    ("sec", 1_000_000_000),
    ("min", 60_000_000_000),
    ("hr", 3_600_000_000_000),
    ("ms", 1_000_000),
    ("us", 1_000),
    ("µs", 1_000),
    ("μs", 1_000),
    ("ns", 1),
    ("s", 1_000_000_000),
    ("m", 60_000_000_000),
    ("h", 3_600_000_000_000),
    ("d", 86_400_000_000_000),
    ("w", 604_800_000_000_000),
    ("M", 2_629_800_000_000_000),
    ("y", 31_557_600_000_000_000),
];

/// Parse a span into units of `out_ns` nanoseconds; bare numbers are in `default_ns`.
/// `allow_ns`: whether `ns`/`nsec` are accepted (only for nanosecond parsing).
fn parse_span(s: &str, default_ns: u128, out_ns: u128, allow_ns: bool) -> Result<u64, ValueError> {
    let err = || ValueError::new("expected a time span such as 90s, 5min 20s, 1h or infinity");
    let t = s.trim();
    if t == "infinity" {
        return Ok(u64::MAX);
    }
    if t.is_empty() {
        return Err(err());
    }
    // A sign is only read on the first component (as strtoll would); '-' is refused below.
    let mut rest = t.strip_prefix('+').unwrap_or(t);
    let mut total: u128 = 0;
    while !rest.is_empty() {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
        if rest.is_empty() {
            break;
        }
        let int_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        let int_part = &rest[..int_len];
        rest = &rest[int_len..];
        let mut frac_part = "";
        if let Some(after) = rest.strip_prefix('.') {
            let n = after.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return Err(err());
            }
            frac_part = &after[..n];
            rest = &after[n..];
        }
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(err());
        }
        let trimmed = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let skipped_ws = trimmed.len() != rest.len();
        let unit = UNITS
            .iter()
            .filter(|(n, _)| allow_ns || !n.ends_with("ns") && *n != "nsec")
            .find(|(n, _)| trimmed.starts_with(n));
        let mult = match unit {
            Some((name, m)) => {
                rest = &trimmed[name.len()..];
                *m
            }
            None => {
                if !skipped_ws && !trimmed.is_empty() {
                    return Err(err());
                }
                rest = trimmed;
                default_ns
            }
        };
        let int: u128 = if int_part.is_empty() { 0 } else { int_part.parse().map_err(|_| err())? };
        let frac_part = &frac_part[..frac_part.len().min(18)];
        let frac: u128 = if frac_part.is_empty() {
            0
        } else {
            let num: u128 = frac_part.parse().map_err(|_| err())?;
            let den = 10u128.pow(u32::try_from(frac_part.len()).map_err(|_| err())?);
            num * mult / den
        };
        total = int
            .checked_mul(mult)
            .and_then(|v| v.checked_add(frac))
            .and_then(|v| v.checked_add(total))
            .ok_or_else(err)?;
    }
    let out = total / out_ns;
    match u64::try_from(out) {
        Ok(v) if v != u64::MAX => Ok(v),
        _ => Err(ValueError::new("time span out of range")),
    }
}

/// Parse a time span in µs (bare numbers are seconds), `infinity` → [`USEC_INFINITY`].
pub fn parse_sec(s: &str) -> Result<Usec, ValueError> {
    parse_span(s, 1_000_000_000, 1_000, false)
}

/// Like [`parse_sec`], but `0` means "no timeout" (infinity), as `TimeoutStartSec=0`.
pub fn parse_sec_fix_0(s: &str) -> Result<Usec, ValueError> {
    match parse_sec(s)? {
        0 => Ok(USEC_INFINITY),
        v => Ok(v),
    }
}

/// Parse a time span in µs where bare numbers are microseconds (`LimitRTTIME=`).
pub fn parse_time_usec(s: &str) -> Result<Usec, ValueError> {
    parse_span(s, 1_000, 1_000, false)
}

/// Parse a time span in nanoseconds (bare numbers are nanoseconds).
pub fn parse_nsec(s: &str) -> Result<u64, ValueError> {
    parse_span(s, 1, 1, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans() {
        let ok = [
            ("5s500ms", 5_500_000),
            (" 5.5s 0.5ms ", 5_500_500),
            (" .50y ", 15_778_800_000_000),
            ("3.1s.2", 3_300_000),
            ("3.1 .2", 3_300_000),
            ("3.1 sec 1.2 sec", 4_300_000),
            ("+3.1s", 3_100_000),
            ("23µs", 23),
            ("5min 20s", 320_000_000),
            ("1M", 2_629_800_000_000),
        ];
        for (s, v) in ok {
            assert_eq!(parse_sec(s), Ok(v), "{s}");
        }
        for s in [
            " xyz ",
            "",
            " . ",
            " 5. ",
            ".s ",
            "-5s",
            "0.-0s",
            "3.+1s",
            "3. 1s",
            "3.s",
            "12.34.56",
            "12..34",
            "..1234",
            "1234..",
            " infinity .7",
            ".3 infinity",
            "10foo",
        ] {
            assert!(parse_sec(s).is_err(), "{s:?}");
        }
        assert_eq!(parse_nsec("3.1 .2s"), Ok(200_000_003));
        assert_eq!(parse_nsec("1.111111111111y"), Ok(35_063_999_999_996_493));
        assert!(parse_nsec("1111111111111y").is_err());
        assert_eq!(parse_time_usec("5"), Ok(5));
    }
}
