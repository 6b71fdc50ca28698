//! `Limit*=` resource limits: `SOFT:HARD` or one value for both, `infinity`, with the unit
//! each limit is measured in (bytes, a count, seconds, microseconds, a nice level).

use super::ValueError;
use super::number::{parse_iec_size, parse_u64};
use super::time::{parse_sec, parse_time_usec};

/// How a `Limit*=` value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RlimitKind {
    /// Bytes with K/M/G suffixes (base 1024).
    Bytes,
    /// A plain number.
    Count,
    /// A time span, stored in seconds (`LimitCPU=`); bare numbers are seconds.
    Seconds,
    /// A time span, stored in µs (`LimitRTTIME=`); bare numbers are µs.
    Usec,
    /// `LimitNICE=`: 0–40 raw, or a signed nice level `-20`…`+19`.
    Nice,
}

/// `Limit*=` directive names with their RLIMIT_* number (Linux) and how values are written.
const LIMITS: &[(&str, i32, RlimitKind)] = &[
    ("LimitCPU", 0, RlimitKind::Seconds),
    ("LimitFSIZE", 1, RlimitKind::Bytes),
    ("LimitDATA", 2, RlimitKind::Bytes),
    ("LimitSTACK", 3, RlimitKind::Bytes),
    ("LimitCORE", 4, RlimitKind::Bytes),
    ("LimitRSS", 5, RlimitKind::Bytes),
    ("LimitNPROC", 6, RlimitKind::Count),
    ("LimitNOFILE", 7, RlimitKind::Count),
    ("LimitMEMLOCK", 8, RlimitKind::Bytes),
    ("LimitAS", 9, RlimitKind::Bytes),
    ("LimitLOCKS", 10, RlimitKind::Count),
    ("LimitSIGPENDING", 11, RlimitKind::Count),
    ("LimitMSGQUEUE", 12, RlimitKind::Bytes),
    ("LimitNICE", 13, RlimitKind::Nice),
    ("LimitRTPRIO", 14, RlimitKind::Count),
    ("LimitRTTIME", 15, RlimitKind::Usec),
];

/// The RLIMIT_* number and value kind of a `Limit*=` directive (`LimitNOFILE` → 7).
pub fn rlimit_by_key(key: &str) -> Option<(i32, RlimitKind)> {
    LIMITS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, r, kind)| (*r, *kind))
}

/// The `Limit*=` directive of RLIMIT_* `resource` (7 → `LimitNOFILE`).
pub fn rlimit_key(resource: i32) -> Option<&'static str> {
    LIMITS
        .iter()
        .find(|(_, r, _)| *r == resource)
        .map(|(k, _, _)| *k)
}

/// All `Limit*=` directive names.
pub fn rlimit_keys() -> impl Iterator<Item = &'static str> {
    LIMITS.iter().map(|(k, _, _)| *k)
}

fn parse_one(kind: RlimitKind, s: &str) -> Result<u64, ValueError> {
    let t = s.trim();
    if t == "infinity" {
        return Ok(u64::MAX);
    }
    match kind {
        RlimitKind::Bytes => parse_iec_size(t),
        RlimitKind::Count => parse_u64(t),
        RlimitKind::Seconds => {
            let usec = parse_sec(t)?;
            // Round up: a limit of 1500ms must not become 1s.
            Ok(usec.div_ceil(1_000_000))
        }
        RlimitKind::Usec => parse_time_usec(t),
        RlimitKind::Nice => {
            let err =
                || ValueError::new("expected 0…40, or a nice level -20…+19 with explicit sign");
            if t.starts_with(['+', '-']) {
                let nice: i64 = t.parse().map_err(|_| err())?;
                if (-20..=19).contains(&nice) {
                    u64::try_from(20 - nice).map_err(|_| err())
                } else {
                    Err(err())
                }
            } else {
                let v: u64 = t.parse().map_err(|_| err())?;
                if v <= 40 { Ok(v) } else { Err(err()) }
            }
        }
    }
}

/// Parse a `Limit*=` value into (soft, hard); `u64::MAX` is infinity.
pub fn parse_rlimit(kind: RlimitKind, s: &str) -> Result<(u64, u64), ValueError> {
    let (soft, hard) = match s.split_once(':') {
        Some((a, b)) => (parse_one(kind, a)?, parse_one(kind, b)?),
        None => {
            let v = parse_one(kind, s)?;
            (v, v)
        }
    };
    if soft > hard {
        return Err(ValueError::new(
            "soft resource limit chosen higher than hard limit",
        ));
    }
    Ok((soft, hard))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        let nofile = RlimitKind::Count;
        assert_eq!(parse_rlimit(nofile, "1024:4096"), Ok((1024, 4096)));
        assert!(parse_rlimit(nofile, "4096:1024").is_err());
        assert_eq!(parse_rlimit(nofile, "infinity"), Ok((u64::MAX, u64::MAX)));
        assert!(parse_rlimit(nofile, "1K").is_err());
        assert_eq!(parse_rlimit(RlimitKind::Seconds, "1h"), Ok((3600, 3600)));
        assert_eq!(parse_rlimit(RlimitKind::Seconds, "1500ms"), Ok((2, 2)));
        assert_eq!(
            parse_rlimit(RlimitKind::Usec, "5s"),
            Ok((5_000_000, 5_000_000))
        );
        assert_eq!(parse_rlimit(RlimitKind::Nice, "-5"), Ok((25, 25)));
        assert_eq!(parse_rlimit(RlimitKind::Nice, "+5"), Ok((15, 15)));
        assert_eq!(parse_rlimit(RlimitKind::Nice, "40"), Ok((40, 40)));
        assert!(parse_rlimit(RlimitKind::Nice, "41").is_err());
        assert_eq!(
            parse_rlimit(RlimitKind::Bytes, "8M:infinity"),
            Ok((8 << 20, u64::MAX))
        );
        assert_eq!(rlimit_by_key("LimitNOFILE"), Some((7, RlimitKind::Count)));
    }
}
