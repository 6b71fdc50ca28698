//! Integers, sizes with K/M/G suffixes, file modes, nice and OOM ranges, syslog levels.

use super::ValueError;

/// Parse an integer the way C's `strtol(s, _, 0)` reads it (as systemd's `safe_atoi`):
/// optional sign, `0x` hex, leading-`0` octal, else decimal; nothing may follow.
pub fn parse_c_integer(s: &str) -> Option<i128> {
    let t = s.trim_start();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (radix, digits) = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        (16, h)
    } else if t.len() > 1 && t.starts_with('0') {
        (8, &t[1..])
    } else {
        (10, t)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) || digits.len() > 40 {
        return None;
    }
    let v = i128::from_str_radix(digits, radix).ok()?;
    Some(if neg { -v } else { v })
}

/// Parse a signed `int` (32 bit), as `config_parse_int` (C integer syntax, see [`parse_c_integer`]).
pub fn parse_int(s: &str) -> Result<i32, ValueError> {
    let v = parse_c_integer(s).ok_or_else(|| ValueError::new("expected an integer"))?;
    i32::try_from(v).map_err(|_| ValueError::new("integer out of range"))
}

/// Parse an unsigned `unsigned` (32 bit), as `config_parse_unsigned`; a minus sign is refused.
pub fn parse_unsigned(s: &str) -> Result<u32, ValueError> {
    if s.trim_start().starts_with('-') {
        return Err(ValueError::new("expected an unsigned integer"));
    }
    let v = parse_c_integer(s).ok_or_else(|| ValueError::new("expected an unsigned integer"))?;
    u32::try_from(v).map_err(|_| ValueError::new("number out of range"))
}

/// Parse an unsigned 64-bit integer in C syntax; a minus sign is refused.
pub fn parse_u64(s: &str) -> Result<u64, ValueError> {
    if s.trim_start().starts_with('-') {
        return Err(ValueError::new("expected an unsigned integer"));
    }
    let v = parse_c_integer(s).ok_or_else(|| ValueError::new("expected an unsigned integer"))?;
    u64::try_from(v).map_err(|_| ValueError::new("number out of range"))
}

/// Parse a size with optional `K M G T P E` (and `B`) suffixes, powers of 1024, fractions
/// allowed (`4.5M`), several terms summed (`1G 512M`).
pub fn parse_iec_size(s: &str) -> Result<u64, ValueError> {
    parse_size(s, 1024)
}

/// Like [`parse_iec_size`] with powers of 1000 (`config_parse_si_uint64`).
pub fn parse_si_size(s: &str) -> Result<u64, ValueError> {
    parse_size(s, 1000)
}

fn parse_size(s: &str, base: u64) -> Result<u64, ValueError> {
    const SUFFIXES: [(char, u32); 7] = [
        ('E', 6),
        ('P', 5),
        ('T', 4),
        ('G', 3),
        ('M', 2),
        ('K', 1),
        ('B', 0),
    ];
    let invalid =
        || ValueError::new("expected a size in bytes, optionally with suffix K, M, G, T, P or E");
    let range = || ValueError::new("size out of range");
    let mut rest = s.trim_start();
    if rest.is_empty() {
        return Err(invalid());
    }
    let mut total: u64 = 0;
    while !rest.is_empty() {
        if rest.starts_with('-') {
            return Err(range());
        }
        let int_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        if int_len == 0 {
            return Err(invalid());
        }
        let int: u64 = rest[..int_len].parse().map_err(|_| range())?;
        rest = &rest[int_len..];
        let mut frac_digits = "";
        if let Some(after_dot) = rest.strip_prefix('.') {
            let n = after_dot.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return Err(invalid());
            }
            frac_digits = &after_dot[..n];
            rest = &after_dot[n..];
        }
        rest = rest.trim_start();
        let mut factor = 1u64;
        let mut matched = false;
        for (c, power) in SUFFIXES {
            if let Some(r) = rest.strip_prefix(c) {
                factor = base.checked_pow(power).ok_or_else(range)?;
                rest = r.trim_start();
                matched = true;
                break;
            }
        }
        if !matched && !rest.is_empty() {
            return Err(invalid());
        }
        let whole = int.checked_mul(factor).ok_or_else(range)?;
        // Fraction: only the first 18 digits matter for u64 precision.
        let frac_digits = &frac_digits[..frac_digits.len().min(18)];
        let frac = if frac_digits.is_empty() {
            0
        } else {
            let num: u128 = frac_digits.parse().map_err(|_| invalid())?;
            let den = 10u128.pow(u32::try_from(frac_digits.len()).unwrap_or(18));
            u64::try_from(num * u128::from(factor) / den).map_err(|_| range())?
        };
        total = total
            .checked_add(whole)
            .and_then(|t| t.checked_add(frac))
            .ok_or_else(range)?;
    }
    Ok(total)
}

/// Parse an octal file mode (`UMask=`), at most `07777`.
pub fn parse_mode(s: &str) -> Result<u32, ValueError> {
    let t = s.trim();
    let err = || ValueError::new("expected an octal mode between 0000 and 07777");
    if t.is_empty() || !t.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        return Err(err());
    }
    let v = u32::from_str_radix(t, 8).map_err(|_| err())?;
    if v > 0o7777 { Err(err()) } else { Ok(v) }
}

/// Parse a nice level, -20 … 19.
pub fn parse_nice(s: &str) -> Result<i32, ValueError> {
    let v =
        parse_int(s).map_err(|_| ValueError::new("expected a nice level between -20 and 19"))?;
    if (-20..=19).contains(&v) {
        Ok(v)
    } else {
        Err(ValueError::new(
            "nice priority out of range (expected -20 … 19)",
        ))
    }
}

/// Parse an OOM score adjustment, -1000 … 1000.
pub fn parse_oom_score_adjust(s: &str) -> Result<i32, ValueError> {
    let v =
        parse_int(s).map_err(|_| ValueError::new("expected an integer between -1000 and 1000"))?;
    if (-1000..=1000).contains(&v) {
        Ok(v)
    } else {
        Err(ValueError::new(
            "OOM score adjust value out of range (expected -1000 … 1000)",
        ))
    }
}

const LOG_LEVELS: [&str; 8] = [
    "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug",
];

/// Parse a syslog level name (`emerg` … `debug`) or number 0–7.
pub fn parse_log_level(s: &str) -> Result<u8, ValueError> {
    let t = s.trim();
    if let Some(i) = LOG_LEVELS.iter().position(|l| *l == t) {
        return u8::try_from(i).map_err(|_| ValueError::new("log level out of range"));
    }
    match t.parse::<u8>() {
        Ok(n) if n <= 7 => Ok(n),
        _ => Err(ValueError::new(
            "expected a log level: emerg, alert, crit, err, warning, notice, info, debug",
        )),
    }
}

const FACILITIES: [&str; 24] = [
    "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv",
    "ftp", "", "", "", "", "local0", "local1", "local2", "local3", "local4", "local5", "local6",
    "local7",
];

/// Parse a syslog facility name; returns the facility shifted as `LOG_MAIL` etc. (mail = 16).
pub fn parse_log_facility(s: &str) -> Result<u32, ValueError> {
    let t = s.trim();
    let idx = FACILITIES
        .iter()
        .position(|f| !f.is_empty() && *f == t)
        .or_else(|| {
            t.parse::<usize>()
                .ok()
                .filter(|n| *n < FACILITIES.len() && !FACILITIES[*n].is_empty())
        });
    match idx.and_then(|i| u32::try_from(i).ok()) {
        Some(i) => Ok(i << 3),
        None => Err(ValueError::new(
            "expected a syslog facility: kern, user, mail, daemon, auth, …, local0 … local7",
        )),
    }
}

/// A memory limit (`MemoryMax=` and friends).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemoryLimit {
    /// An absolute number of bytes.
    Bytes(u64),
    /// A share of physical memory in 1/10000 (permyriad): `50%` is 5000.
    Permyriad(u32),
    /// No limit.
    Infinity,
}

/// Parse a memory limit for `key` (`MemoryMin`, `MemoryLow`, `MemoryHigh`, `MemoryMax`,
/// `MemorySwapMax`, `MemoryLimit`): bytes with suffixes, `N%`, `infinity`, or empty for the
/// key's default. Zero is refused for the keys where it would make the unit unusable.
pub fn parse_memory_limit(key: &str, s: &str) -> Result<MemoryLimit, ValueError> {
    let t = s.trim();
    let zero_ok = matches!(
        key,
        "MemoryMin" | "MemoryLow" | "MemorySwapMax" | "DefaultMemoryMin" | "DefaultMemoryLow"
    );
    if t.is_empty() {
        return Ok(if zero_ok {
            MemoryLimit::Bytes(0)
        } else {
            MemoryLimit::Infinity
        });
    }
    if t == "infinity" {
        return Ok(MemoryLimit::Infinity);
    }
    if let Some(p) = t.strip_suffix('%') {
        return parse_percent(p).map(MemoryLimit::Permyriad);
    }
    let bytes = parse_iec_size(t)?;
    if bytes == 0 && !zero_ok {
        return Err(ValueError::new(
            "memory limit too small (use infinity to remove the limit)",
        ));
    }
    Ok(MemoryLimit::Bytes(bytes))
}

/// Parse `N` or `N.NN` percent (without the `%`) into permyriad, at most 100%.
fn parse_percent(p: &str) -> Result<u32, ValueError> {
    let err = || ValueError::new("expected a percentage between 0% and 100%");
    let (int, frac) = p.split_once('.').unwrap_or((p, ""));
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || frac.len() > 2 {
        return Err(err());
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err());
    }
    let i: u32 = int.parse().map_err(|_| err())?;
    let f: u32 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().map_err(|_| err())?
    };
    let v = i
        .checked_mul(100)
        .and_then(|v| v.checked_add(f))
        .ok_or_else(err)?;
    if v > 10000 { Err(err()) } else { Ok(v) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_iec_size("4.5M"), Ok(4_718_592));
        assert_eq!(parse_iec_size("1G 512M"), Ok(1_610_612_736));
        assert_eq!(parse_iec_size("100 B"), Ok(100));
        assert!(parse_iec_size("1.K").is_err());
        assert!(parse_iec_size("1X").is_err());
        assert_eq!(parse_si_size("2K"), Ok(2000));
    }

    #[test]
    fn modes_and_ranges() {
        assert_eq!(parse_mode("0022"), Ok(0o22));
        assert_eq!(parse_mode("07777"), Ok(0o7777));
        assert!(parse_mode("17777").is_err());
        assert_eq!(parse_nice("-20"), Ok(-20));
        assert!(parse_nice("20").is_err());
        assert!(parse_oom_score_adjust("1001").is_err());
    }

    #[test]
    fn memory() {
        assert_eq!(
            parse_memory_limit("MemoryMax", "50%"),
            Ok(MemoryLimit::Permyriad(5000))
        );
        assert_eq!(
            parse_memory_limit("MemoryMax", "12.5%"),
            Ok(MemoryLimit::Permyriad(1250))
        );
        assert!(parse_memory_limit("MemoryMax", "101%").is_err());
    }
}
