//! `systemd-escape` and friends: strings and paths to unit-name text and back, name
//! mangling for user input, and D-Bus object path labels.

use super::{
    NameError, NameKinds, UNIT_NAME_MAX, is_valid, is_valid_char, prefix_is_valid, suffix_is_valid,
    to_prefix,
};

fn push_hex(out: &mut String, b: u8) {
    out.push_str(&format!("\\x{b:02x}"));
}

/// `systemd-escape STRING`: `/` becomes `-`; `-`, `\`, a leading `.` and every byte outside
/// `[A-Za-z0-9:_.]` become `\xNN`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'.' if i == 0 => push_hex(&mut out, b),
            b'/' => out.push('-'),
            b'-' | b'\\' => push_hex(&mut out, b),
            b if is_valid_char(b) => out.push(b as char),
            b => push_hex(&mut out, b),
        }
    }
    out
}

/// `systemd-escape -u STRING`: `\xNN` decoded, `-` back to `/`. Fails on any other
/// backslash use, and on bytes that are not UTF-8. A decoded NUL ends the string, as in C.
pub fn unescape(s: &str) -> Result<String, NameError> {
    let bad = || NameError::InvalidEscape(s.to_owned());
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'-' => out.push(b'/'),
            b'\\' => {
                if b.get(i + 1) != Some(&b'x') {
                    return Err(bad());
                }
                let hex = b
                    .get(i + 2..i + 4)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .ok_or_else(bad)?;
                let v = u8::from_str_radix(hex, 16).map_err(|_| bad())?;
                out.push(v);
                i += 3;
            }
            c => out.push(c),
        }
        i += 1;
    }
    if let Some(nul) = out.iter().position(|&b| b == 0) {
        out.truncate(nul);
    }
    String::from_utf8(out).map_err(|_| bad())
}

/// systemd's `path_simplify()` for escaping: no repeated slashes, no `.` components, no
/// trailing slash.
fn simplify(p: &str) -> String {
    let parts: Vec<&str> = p
        .split('/')
        .filter(|c| !c.is_empty() && *c != ".")
        .collect();
    let joined = parts.join("/");
    if p.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

/// `systemd-escape --path PATH`: simplified, `/` → `-`, the root as `-`. Paths with `..`
/// components (or over-long components) have no name. Relative paths are accepted, as
/// `systemd-escape` does with a warning.
pub fn escape_path(path: &str) -> Result<String, NameError> {
    let p = simplify(path);
    let trimmed = p.trim_matches('/');
    if trimmed.is_empty() {
        // `.` (or `./`) simplifies to `.`, which systemd refuses; the root and "" are `-`.
        if !path.is_empty() && !path.starts_with('/') {
            return Err(NameError::InvalidPath(path.to_owned()));
        }
        return Ok("-".to_owned());
    }
    if trimmed.split('/').any(|c| c == ".." || c.len() > 255) {
        return Err(NameError::InvalidPath(path.to_owned()));
    }
    Ok(escape(trimmed))
}

/// `systemd-escape --path -u NAME`: the path a name stands for (`-` is the root; leading,
/// trailing or doubled `-` and `.`/`..` components are refused).
pub fn unescape_path(s: &str) -> Result<String, NameError> {
    let bad = || NameError::InvalidPath(s.to_owned());
    if s.is_empty() {
        return Err(bad());
    }
    if s == "-" {
        return Ok("/".to_owned());
    }
    // Checked after unescaping (a decoded NUL ends the text, as in C): `-` became `/`, so
    // a leading, trailing or doubled `-` shows up as an empty component.
    let inner = unescape(s)?;
    if !inner.is_empty()
        && inner
            .split('/')
            .any(|c| c.is_empty() || c == "." || c == "..")
    {
        return Err(bad());
    }
    Ok(format!("/{inner}"))
}

/// The path a (path-derived) unit name stands for: `home-lennart.mount` → `/home/lennart`.
pub fn to_path(name: &str) -> Result<String, NameError> {
    unescape_path(to_prefix(name)?)
}

/// The unit name for a path: `/waldo/quuix`, `.mount` → `waldo-quuix.mount`.
/// systemd 252 hashes names that would be too long; this reports [`NameError::TooLong`].
pub fn from_path(path: &str, suffix: &str) -> Result<String, NameError> {
    if !suffix_is_valid(suffix) {
        return Err(NameError::InvalidSuffix(suffix.to_owned()));
    }
    let s = format!("{}{}", escape_path(path)?, suffix);
    if s.len() >= UNIT_NAME_MAX {
        Err(NameError::TooLong(s))
    } else {
        Ok(s)
    }
}

/// An instance named after a path: `waldo`, `/a/b`, `.mount` → `waldo@a-b.mount`.
pub fn from_path_instance(prefix: &str, path: &str, suffix: &str) -> Result<String, NameError> {
    if !prefix_is_valid(prefix) {
        return Err(NameError::InvalidPrefix(prefix.to_owned()));
    }
    if !suffix_is_valid(suffix) {
        return Err(NameError::InvalidSuffix(suffix.to_owned()));
    }
    let s = format!("{prefix}@{}{suffix}", escape_path(path)?);
    if s.len() >= UNIT_NAME_MAX {
        Err(NameError::TooLong(s))
    } else {
        Ok(s)
    }
}

fn is_glob_char(b: u8) -> bool {
    matches!(b, b'*' | b'?' | b'[' | b']')
}

/// Make a unit name out of user input (`systemd-escape --mangle`, `systemctl start foo`):
/// valid names pass unchanged; `/dev/…` and `/sys/…` become `.device` units, other absolute
/// paths `.mount` units; anything else has `/` turned into `-` and bytes outside the name
/// alphabet (and `@`, and with `allow_globs` `*?[]`) escaped, and gets `suffix` (with its
/// dot) unless that already makes a valid name. With `allow_globs`, a glob pattern is only
/// escaped, and other results are not checked. Returns the name and whether it differs
/// from the input.
pub fn mangle(name: &str, suffix: &str, allow_globs: bool) -> Result<(String, bool), NameError> {
    if name.is_empty() || !suffix_is_valid(suffix) {
        return Err(NameError::InvalidName(name.to_owned()));
    }
    let escape_mangled = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for b in s.bytes() {
            if b == b'/' {
                out.push('-');
            } else if b == b'@' || is_valid_char(b) || (allow_globs && is_glob_char(b)) {
                out.push(b as char);
            } else {
                push_hex(&mut out, b);
            }
        }
        out
    };
    if is_valid(name, NameKinds::ANY) {
        return Ok((name.to_owned(), false));
    }
    // Paths become device or mount units; if that fails (`..`), the text is escaped below.
    let simplified = simplify(name);
    let device = ["/dev/", "/sys/"].iter().any(|p| {
        simplified
            .strip_prefix(p)
            .is_some_and(|rest| !rest.is_empty())
    });
    let path_suffix = if device {
        Some(".device")
    } else {
        name.starts_with('/').then_some(".mount")
    };
    if let Some(Ok(s)) = path_suffix.map(|suffix| from_path(name, suffix)) {
        return Ok((s, true));
    }
    if allow_globs && name.bytes().any(|b| matches!(b, b'*' | b'?' | b'[')) {
        let s = escape_mangled(name);
        let changed = s != name;
        return Ok((s, changed));
    }
    let mut s = escape_mangled(name);
    if !is_valid(&s, NameKinds::ANY) {
        s.push_str(suffix);
    }
    // With globs allowed the result may be a pattern, so systemd does not check it.
    if !allow_globs && !is_valid(&s, NameKinds::ANY) {
        return Err(NameError::InvalidName(name.to_owned()));
    }
    Ok((s, true))
}

/// The object path prefix of units on systemd's D-Bus API.
const DBUS_UNIT_PREFIX: &str = "/org/freedesktop/systemd1/unit/";

/// `/org/freedesktop/systemd1/unit/dbus_2esocket` → `dbus.socket` (`_XX` is a hex byte).
pub fn from_dbus_path(path: &str) -> Result<String, NameError> {
    let bad = || NameError::InvalidPath(path.to_owned());
    let label = path.strip_prefix(DBUS_UNIT_PREFIX).ok_or_else(bad)?;
    if label.is_empty() || label.contains('/') {
        return Err(bad());
    }
    if label == "_" {
        return Ok(String::new());
    }
    let b = label.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = (b[i] == b'_').then(|| b.get(i + 1..i + 3)).flatten();
        match hex
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            Some(v) => {
                out.push(v);
                i += 3;
            }
            None => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| bad())
}

/// The D-Bus object path of a unit: every byte but ASCII letters and digits as `_XX`.
pub fn to_dbus_path(name: &str) -> String {
    let mut out = String::from(DBUS_UNIT_PREFIX);
    if name.is_empty() {
        out.push('_');
    }
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(b as char);
        } else {
            out.push_str(&format!("_{b:02x}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_round_trips() {
        assert_eq!(
            escape("ab+-c.a/bc@foo.service"),
            "ab\\x2b\\x2dc.a-bc\\x40foo.service"
        );
        assert_eq!(escape(".foo"), "\\x2efoo");
        assert_eq!(unescape("foo-bar\\x2d").as_deref(), Ok("foo/bar-"));
        assert!(unescape("foo\\bar").is_err());
        assert_eq!(escape_path("//a//b//").as_deref(), Ok("a-b"));
        assert_eq!(escape_path("/").as_deref(), Ok("-"));
        assert!(escape_path("../x").is_err());
        assert_eq!(unescape_path("foo-.bar").as_deref(), Ok("/foo/.bar"));
        assert!(unescape_path("a--b").is_err());
    }

    #[test]
    fn mangling() {
        let m = |s: &str| mangle(s, ".service", false).map(|(n, _)| n);
        assert_eq!(m("a-b").as_deref(), Ok("a-b.service"));
        assert_eq!(m("/").as_deref(), Ok("-.mount"));
        assert_eq!(m("..-x").as_deref(), Ok("..-x.service"));
        assert!(m("@").is_err());
        assert_eq!(
            mangle("ü*", ".service", true),
            Ok(("\\xc3\\xbc*".to_owned(), true))
        );
    }

    #[test]
    fn dbus_paths() {
        let p = to_dbus_path("user@1000.service");
        assert_eq!(p, "/org/freedesktop/systemd1/unit/user_401000_2eservice");
        assert_eq!(from_dbus_path(&p).as_deref(), Ok("user@1000.service"));
    }
}
