//! Text rules journalctl applies to field values: what counts as printable, tab and ANSI
//! stripping in short output, byte counts.

/// True for C0 controls except `\t` and `\n`, DEL, and C1 controls.
fn is_control(c: char) -> bool {
    (c < ' ' && c != '\t' && c != '\n') || ('\u{7f}'..='\u{9f}').contains(&c)
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Non-zero when some byte of `x` equals `b`.
#[inline]
fn has_byte(x: u64, b: u8) -> u64 {
    let y = x ^ (LO * u64::from(b));
    y.wrapping_sub(LO) & !y & HI
}

/// True when every byte is printable ASCII (0x20..=0x7e) and none is in `extra`.
#[inline]
fn plain_ascii(v: &[u8], extra: &[u8]) -> bool {
    let mut chunks = v.chunks_exact(8);
    for c in &mut chunks {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let mut bad = (x & HI) | (x.wrapping_sub(LO * 0x20) & !x & HI) | has_byte(x, 0x7f);
        for &e in extra {
            bad |= has_byte(x, e);
        }
        if bad != 0 {
            return false;
        }
    }
    chunks
        .remainder()
        .iter()
        .all(|&b| (0x20..0x7f).contains(&b) && !extra.contains(&b))
}

/// Printable ASCII only (no controls, so no tab, newline or escape sequence): shown as is
/// by every format meant for people.
#[inline]
pub(crate) fn plain(v: &[u8]) -> bool {
    plain_ascii(v, b"")
}

/// Printable ASCII without `"` and `\\`: copied into JSON strings as is.
#[inline]
pub(crate) fn json_plain(v: &[u8]) -> bool {
    plain_ascii(v, b"\"\\")
}

/// Valid UTF-8 without control characters (`\t` allowed; `\n` allowed when `newline`).
pub fn is_printable(v: &[u8], newline: bool) -> bool {
    if plain_ascii(v, b"") {
        return true;
    }
    if v.is_ascii() {
        return v
            .iter()
            .all(|&b| (b >= b' ' && b != 0x7f) || b == b'\t' || (newline && b == b'\n'));
    }
    match std::str::from_utf8(v) {
        Ok(s) => s.chars().all(|c| !is_control(c) && (newline || c != '\n')),
        Err(_) => false,
    }
}

/// Replaces tabs by 8 spaces and drops ANSI SGR sequences (`ESC [ … m`), as short output does
/// before deciding whether a message is printable.
pub fn strip_tab_ansi(v: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if plain_ascii(v, b"") || !v.iter().any(|&b| b == b'\t' || b == 0x1b) {
        return std::borrow::Cow::Borrowed(v);
    }
    let mut out = Vec::with_capacity(v.len() + 16);
    let mut i = 0;
    while i < v.len() {
        match v[i] {
            b'\t' => {
                out.extend_from_slice(b"        ");
                i += 1;
            }
            0x1b if v.get(i + 1) == Some(&b'[') => {
                let mut j = i + 2;
                while j < v.len() && (v[j].is_ascii_digit() || v[j] == b';' || v[j] == b':') {
                    j += 1;
                }
                if v.get(j) == Some(&b'm') {
                    i = j + 1;
                } else {
                    out.push(0x1b);
                    i += 1;
                }
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

/// journald's byte formatting: `512B`, `4.0K`, `8.0M`, `1.5G` (base 1024, one truncated decimal).
pub fn format_bytes(n: u64) -> String {
    const UNITS: [(&str, u64); 6] = [
        ("E", 1 << 60),
        ("P", 1 << 50),
        ("T", 1 << 40),
        ("G", 1 << 30),
        ("M", 1 << 20),
        ("K", 1 << 10),
    ];
    for (suffix, factor) in UNITS {
        if n >= factor {
            let whole = n / factor;
            let tenth = (n % factor) * 10 / factor;
            return format!("{whole}.{tenth}{suffix}");
        }
    }
    format!("{n}B")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_rules() {
        assert!(is_printable(b"tab\there", false));
        assert!(is_printable(b"a\nb", true));
        assert!(!is_printable(b"a\nb", false));
        assert!(!is_printable(b"cr\rhere", true));
        assert!(!is_printable(b"del\x7f", true));
        assert!(!is_printable(b"bad\xff", true));
        assert!(is_printable("café\u{200b}".as_bytes(), true));
        assert!(!is_printable("c1\u{85}".as_bytes(), true));
        assert_eq!(
            &*strip_tab_ansi(b"esc\x1b[31mred\x1b[0m\tx"),
            b"escred        x"
        );
        assert_eq!(&*strip_tab_ansi(b"\x1b(B"), b"\x1b(B");
        assert_eq!(format_bytes(8 << 20), "8.0M");
        assert_eq!(format_bytes(512), "512B");
        assert!(json_plain(b"bench line 0000001 and more text"));
        for bad in [
            &b"quote\" in the middle of it"[..],
            b"back\\slash.........",
            b"ctl\x01...........",
            b"high\xc3\xa9.........",
            b"del\x7f",
        ] {
            assert!(!json_plain(bad), "{bad:?}");
        }
        assert!(is_printable(b"0123456789abcdef\"\\", false));
        assert_eq!(format_bytes(1536), "1.5K");
        assert_eq!(format_bytes((381 << 20) + (1 << 19)), "381.5M");
    }
}
