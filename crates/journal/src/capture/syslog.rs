//! RFC 3164 syslog datagrams (`/dev/log`): `<PRI>Mmm dd hh:mm:ss TAG[PID]: message`.

use crate::entry::fields;

/// A parsed syslog datagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyslogMessage {
    /// Priority 0-7 (default `info`).
    pub priority: u8,
    /// Facility number (default 1, `user`).
    pub facility: u8,
    /// The RFC 3164 timestamp text, if present (dropped from the message).
    pub timestamp: Option<String>,
    /// The tag (program name).
    pub identifier: Option<String>,
    /// The pid given in brackets.
    pub pid: Option<String>,
    /// The message text.
    pub message: Vec<u8>,
}

impl SyslogMessage {
    /// The journal fields journald stores for a syslog message.
    pub fn to_fields(&self) -> Vec<(String, Vec<u8>)> {
        let mut f = vec![
            (fields::PRIORITY.to_owned(), vec![b'0' + self.priority]),
            (
                fields::SYSLOG_FACILITY.to_owned(),
                self.facility.to_string().into_bytes(),
            ),
        ];
        if let Some(id) = &self.identifier {
            f.push((
                fields::SYSLOG_IDENTIFIER.to_owned(),
                id.clone().into_bytes(),
            ));
        }
        if let Some(pid) = &self.pid {
            f.push((fields::SYSLOG_PID.to_owned(), pid.clone().into_bytes()));
        }
        if let Some(ts) = &self.timestamp {
            f.push((fields::SYSLOG_TIMESTAMP.to_owned(), ts.clone().into_bytes()));
        }
        f.push((fields::MESSAGE.to_owned(), self.message.clone()));
        f
    }
}

/// Parses a datagram. Never fails: what cannot be recognized stays in the message.
pub fn parse(d: &[u8]) -> SyslogMessage {
    let mut rest = d;
    while let Some(r) = rest
        .strip_suffix(b"\n")
        .or_else(|| rest.strip_suffix(b"\0"))
    {
        rest = r;
    }
    let (mut priority, mut facility) = (6u8, 1u8);
    if rest.first() == Some(&b'<')
        && let Some(end) = rest.iter().take(5).position(|&b| b == b'>')
        && let Some(v) = std::str::from_utf8(&rest[1..end])
            .ok()
            .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse::<u32>().ok())
        && v <= 191
    {
        priority = (v & 7) as u8;
        facility = (v >> 3) as u8;
        rest = &rest[end + 1..];
    }
    let timestamp = parse_timestamp(rest).map(|(ts, r)| {
        rest = r;
        ts
    });
    let (identifier, pid) = match parse_tag(rest) {
        Some((id, pid, r)) => {
            rest = r;
            (Some(id), pid)
        }
        None => (None, None),
    };
    SyslogMessage {
        priority,
        facility,
        timestamp,
        identifier,
        pid,
        message: rest.to_vec(),
    }
}

/// `Mmm dd hh:mm:ss ` (day space-padded or not).
fn parse_timestamp(s: &[u8]) -> Option<(String, &[u8])> {
    const MONTHS: [&[u8]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    if s.len() < 16 || !MONTHS.contains(&&s[..3]) || s[3] != b' ' {
        return None;
    }
    let t = &s[..15];
    let ok = (t[4] == b' ' || t[4].is_ascii_digit())
        && t[5].is_ascii_digit()
        && t[6] == b' '
        && t[7..9].iter().all(u8::is_ascii_digit)
        && t[9] == b':'
        && t[10..12].iter().all(u8::is_ascii_digit)
        && t[12] == b':'
        && t[13..15].iter().all(u8::is_ascii_digit)
        && s[15] == b' ';
    ok.then(|| (String::from_utf8_lossy(t).into_owned(), &s[16..]))
}

/// `TAG[PID]: ` or `TAG: `; the tag is up to 64 visible characters.
fn parse_tag(s: &[u8]) -> Option<(String, Option<String>, &[u8])> {
    let end = s
        .iter()
        .take(65)
        .position(|&b| b == b':' || b == b'[' || b.is_ascii_whitespace())?;
    if end == 0 {
        return None;
    }
    let id = std::str::from_utf8(&s[..end]).ok()?.to_owned();
    let mut p = end;
    let mut pid = None;
    if s[p] == b'[' {
        let close = s[p..].iter().position(|&b| b == b']')? + p;
        pid = Some(std::str::from_utf8(&s[p + 1..close]).ok()?.to_owned());
        p = close + 1;
    }
    if s.get(p) != Some(&b':') {
        return None;
    }
    p += 1;
    if s.get(p) == Some(&b' ') {
        p += 1;
    }
    Some((id, pid, &s[p..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let m = parse(b"<11>Nov 14 22:13:20 web[42]: boom\n");
        assert_eq!((m.priority, m.facility), (3, 1));
        assert_eq!(m.timestamp.as_deref(), Some("Nov 14 22:13:20"));
        assert_eq!(m.identifier.as_deref(), Some("web"));
        assert_eq!(m.pid.as_deref(), Some("42"));
        assert_eq!(m.message, b"boom");
        let m = parse(b"<34>su: BAD SU");
        assert_eq!(
            (m.priority, m.facility, m.identifier.as_deref(), m.pid),
            (2, 4, Some("su"), None)
        );
        let m = parse(b"just text");
        assert_eq!(
            (m.priority, m.identifier, m.message.as_slice()),
            (6, None, &b"just text"[..])
        );
        let m = parse(b"<999>x: y");
        assert_eq!(m.message, b"y");
        assert_eq!(m.identifier.as_deref(), Some("<999>x"));
        let f = parse(b"<13>app[7]: hi").to_fields();
        assert_eq!(
            f.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
            [
                "PRIORITY",
                "SYSLOG_FACILITY",
                "SYSLOG_IDENTIFIER",
                "SYSLOG_PID",
                "MESSAGE"
            ]
        );
    }
}
