//! systemd's value grammars for sizes and percentages (systemd.resource-control(5)).

/// Parses a size with base-1024 suffixes as systemd does: `512M`, `1G`, `1.5G`, `1024`,
/// `1G 512M` (components add up, units strictly decreasing), optional whitespace before a
/// suffix. Suffixes are upper case: `B`, `K`, `M`, `G`, `T`, `P`, `E`.
///
/// Returns `None` when the text is not a size or overflows 64 bits.
#[must_use]
pub fn parse_size(text: &str) -> Option<u64> {
    const UNITS: [(char, u32); 7] = [
        ('E', 60),
        ('P', 50),
        ('T', 40),
        ('G', 30),
        ('M', 20),
        ('K', 10),
        ('B', 0),
    ];
    let mut rest = text.trim_start();
    if rest.is_empty() {
        return None;
    }
    let mut total: u64 = 0;
    // Index into UNITS of the last suffix used: later components must use smaller units.
    let mut last: Option<usize> = None;
    while !rest.is_empty() {
        let int_len = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if int_len == 0 {
            return None;
        }
        let int: u64 = rest[..int_len].parse().ok()?;
        rest = &rest[int_len..];
        let mut frac_digits = "";
        if let Some(r) = rest.strip_prefix('.') {
            let n = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
            if n == 0 {
                return None;
            }
            frac_digits = &r[..n];
            rest = &r[n..];
        }
        rest = rest.trim_start();
        let (idx, shift) = match rest.chars().next() {
            Some(c) => match UNITS.iter().position(|(u, _)| *u == c) {
                Some(i) => {
                    rest = &rest[1..];
                    (i, UNITS[i].1)
                }
                None => return None,
            },
            // A bare number is bytes.
            None => (UNITS.len() - 1, 0),
        };
        if last.is_some_and(|l| idx <= l) {
            return None;
        }
        last = Some(idx);
        let mult = 1u64 << shift;
        let mut value = int.checked_mul(mult)?;
        if !frac_digits.is_empty() {
            // Fraction of the unit, truncated to whole bytes; 18 digits keep u128 exact.
            let digits = &frac_digits[..frac_digits.len().min(18)];
            let frac: u128 = digits.parse().ok()?;
            let denom = 10u128.pow(u32::try_from(digits.len()).ok()?);
            let extra = u64::try_from(frac * u128::from(mult) / denom).ok()?;
            value = value.checked_add(extra)?;
        }
        total = total.checked_add(value)?;
        rest = rest.trim_start();
    }
    Some(total)
}

/// Parses a percentage as systemd's permyriad parser does: `N%` (up to two decimals), `N‰`
/// (up to one decimal) or `N‱`. Returns the value in 1/10000, `None` if not a percentage.
/// `bounded` rejects values above 100%.
#[must_use]
pub fn parse_permyriad(text: &str, bounded: bool) -> Option<u64> {
    let t = text.trim();
    let (num, scale_digits, per) = if let Some(n) = t.strip_suffix('%') {
        (n, 2u32, 100u64)
    } else if let Some(n) = t.strip_suffix('‰') {
        (n, 1, 1000)
    } else if let Some(n) = t.strip_suffix('‱') {
        (n, 0, 10_000)
    } else {
        return None;
    };
    let (int, frac) = match num.split_once('.') {
        Some((i, f)) => (i, f),
        None => (num, ""),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) || (num.contains('.') && frac.is_empty()) {
        return None;
    }
    if frac.len() > scale_digits as usize {
        return None;
    }
    let int: u64 = int.parse().ok()?;
    let mut value = int.checked_mul(10u64.pow(scale_digits))?;
    if !frac.is_empty() {
        let f: u64 = frac.parse().ok()?;
        value = value.checked_add(f * 10u64.pow(scale_digits - u32::try_from(frac.len()).ok()?))?;
    }
    if bounded && value > per * 10u64.pow(scale_digits) {
        return None;
    }
    Some(value)
}
