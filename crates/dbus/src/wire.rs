//! Just enough of the D-Bus wire format for the private socket's fast path (read_ahead.rs):
//! the length of a message from its fixed header, a little-endian method call whose
//! arguments are all strings taken apart, and a method return carrying one object path or one
//! string in a variant put together. Anything this does not take apart exactly (big-endian,
//! other argument types, file descriptors, an unknown header field, a malformed message) is
//! left to zbus, which answers it as before.

/// The fixed part of every message's header.
pub const FIXED: usize = 16;

/// A message's total length from its first [`FIXED`] bytes (None: not a message start zbus
/// would take; it then decides what to do).
pub fn total_len(fixed: &[u8]) -> Option<usize> {
    let fixed = fixed.get(..FIXED)?;
    let u32_at = |i: usize| match fixed[0] {
        b'l' => u32::from_le_bytes([fixed[i], fixed[i + 1], fixed[i + 2], fixed[i + 3]]),
        b'B' => u32::from_be_bytes([fixed[i], fixed[i + 1], fixed[i + 2], fixed[i + 3]]),
        _ => 0,
    };
    if !matches!(fixed[0], b'l' | b'B') {
        return None;
    }
    let body = u32_at(4) as usize;
    let fields = u32_at(12) as usize;
    Some((FIXED + fields).div_ceil(8) * 8 + body)
}

/// A method call taken apart.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Call<'a> {
    /// Its serial (what the reply names).
    pub serial: u32,
    /// The object path.
    pub path: &'a str,
    /// The interface, if named.
    pub iface: Option<&'a str>,
    /// The method.
    pub member: &'a str,
    /// The string arguments (at most [`MAX_ARGS`]).
    pub args: Vec<&'a str>,
}

/// More string arguments than this: not taken apart.
pub const MAX_ARGS: usize = 2;

/// Header field codes.
const PATH: u8 = 1;
const INTERFACE: u8 = 2;
const MEMBER: u8 = 3;
const DESTINATION: u8 = 6;
const SIGNATURE: u8 = 8;

/// `msg` (exactly one whole message) as a little-endian method call expecting a reply whose
/// arguments are all strings; None otherwise.
pub fn parse_call(msg: &[u8]) -> Option<Call<'_>> {
    let total = total_len(msg)?;
    // Little-endian, a method call, no flags (no NO_REPLY_EXPECTED, no ALLOW_INTERACTIVE…),
    // protocol version 1.
    if msg.len() != total || msg[..4] != [b'l', 1, 0, 1] {
        return None;
    }
    let u32_at =
        |i: usize| -> Option<u32> { Some(u32::from_le_bytes(msg.get(i..i + 4)?.try_into().ok()?)) };
    let serial = u32_at(8)?;
    let fields_end = FIXED + u32_at(12)? as usize;
    let body_at = fields_end.div_ceil(8) * 8;
    if serial == 0 || msg.get(fields_end..body_at)?.iter().any(|b| *b != 0) {
        return None;
    }
    let mut call = Call {
        serial,
        ..Call::default()
    };
    let mut signature = None;
    let mut member = None;
    let mut path = None;
    let mut i = FIXED;
    while i < fields_end {
        // Each field: aligned to 8; its code; a variant's one-letter signature; the value.
        if msg.get(i + 1..i + 4)? != [1, field_type(msg[i])?, 0] {
            return None;
        }
        let code = msg[i];
        let (value, end) = if code == SIGNATURE {
            signature_at(msg, i + 4)?
        } else {
            string_at(msg, i + 4)?
        };
        match code {
            PATH if valid_path(value) => path = Some(value),
            INTERFACE => call.iface = Some(value),
            MEMBER => member = Some(value),
            SIGNATURE => signature = Some(value),
            DESTINATION => {}
            _ => return None,
        }
        if end > fields_end {
            return None;
        }
        let next = end.div_ceil(8) * 8;
        if next < fields_end && msg.get(end..next)?.iter().any(|b| *b != 0) {
            return None;
        }
        i = next;
    }
    call.path = path?;
    call.member = member?;
    let signature = signature.unwrap_or("");
    if signature.len() > MAX_ARGS || signature.bytes().any(|b| b != b's') {
        return None;
    }
    let mut at = body_at;
    for _ in 0..signature.len() {
        let start = at.div_ceil(4) * 4;
        if msg.get(at..start)?.iter().any(|b| *b != 0) {
            return None;
        }
        let (arg, end) = string_at(msg, start)?;
        call.args.push(arg);
        at = end;
    }
    (at == total).then_some(call)
}

/// The type of header field `code`'s value (only the ones taken apart here).
fn field_type(code: u8) -> Option<u8> {
    match code {
        PATH => Some(b'o'),
        INTERFACE | MEMBER | DESTINATION => Some(b's'),
        SIGNATURE => Some(b'g'),
        _ => None,
    }
}

/// A string at `at` (aligned to 4 already): length, UTF-8 bytes without NUL, NUL; and the
/// offset after it.
fn string_at(msg: &[u8], at: usize) -> Option<(&str, usize)> {
    if !at.is_multiple_of(4) {
        return None;
    }
    let len = u32::from_le_bytes(msg.get(at..at + 4)?.try_into().ok()?) as usize;
    let bytes = msg.get(at + 4..at + 4 + len)?;
    if *msg.get(at + 4 + len)? != 0 || bytes.contains(&0) {
        return None;
    }
    Some((std::str::from_utf8(bytes).ok()?, at + 4 + len + 1))
}

/// A signature at `at`: a length byte, the letters, NUL.
fn signature_at(msg: &[u8], at: usize) -> Option<(&str, usize)> {
    let len = *msg.get(at)? as usize;
    let bytes = msg.get(at + 1..at + 1 + len)?;
    if *msg.get(at + 1 + len)? != 0 || !bytes.iter().all(u8::is_ascii_graphic) {
        return None;
    }
    Some((std::str::from_utf8(bytes).ok()?, at + 1 + len + 1))
}

/// An object path as D-Bus defines it: `/`, or `/`-separated non-empty elements of
/// `[A-Za-z0-9_]`.
fn valid_path(p: &str) -> bool {
    p == "/"
        || (p.starts_with('/')
            && p[1..].split('/').all(|e| {
                !e.is_empty() && e.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            }))
}

/// The value a method return carries.
#[derive(Debug, Clone, Copy)]
pub enum Value<'a> {
    /// `o`.
    Path(&'a str),
    /// `v` holding an `s`.
    Str(&'a str),
}

/// A method return to the call with serial `reply_to`, its own serial `serial`, carrying
/// `value` — the bytes zbus would send for the same reply.
pub fn method_return(serial: u32, reply_to: u32, value: Value<'_>) -> Vec<u8> {
    let mut body = Vec::new();
    let signature = match value {
        Value::Path(p) => {
            put_string(&mut body, p);
            "o"
        }
        Value::Str(s) => {
            body.extend_from_slice(&[1, b's', 0]);
            put_string(&mut body, s);
            "v"
        }
    };
    let mut m = Vec::with_capacity(48 + body.len());
    m.extend_from_slice(&[b'l', 2, 0, 1]);
    m.extend_from_slice(&(body.len() as u32).to_le_bytes());
    m.extend_from_slice(&serial.to_le_bytes());
    // Fields: REPLY_SERIAL (5, u) and SIGNATURE (8, g): 8 + 8 bytes, the second aligned.
    m.extend_from_slice(&[0; 4]);
    m.extend_from_slice(&[5, 1, b'u', 0]);
    m.extend_from_slice(&reply_to.to_le_bytes());
    m.extend_from_slice(&[8, 1, b'g', 0, 1, signature.as_bytes()[0], 0]);
    let fields_len = (m.len() - FIXED) as u32;
    m[12..16].copy_from_slice(&fields_len.to_le_bytes());
    while !m.len().is_multiple_of(8) {
        m.push(0);
    }
    m.extend_from_slice(&body);
    m
}

fn put_string(b: &mut Vec<u8>, s: &str) {
    while !b.len().is_multiple_of(4) {
        b.push(0);
    }
    b.extend_from_slice(&(s.len() as u32).to_le_bytes());
    b.extend_from_slice(s.as_bytes());
    b.push(0);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zbus_call(path: &str, iface: &str, member: &str, body: &(&str, &str)) -> Vec<u8> {
        zbus::message::Message::method_call(path, member)
            .unwrap()
            .destination("org.freedesktop.systemd1")
            .unwrap()
            .interface(iface)
            .unwrap()
            .build(body)
            .unwrap()
            .data()
            .to_vec()
    }

    #[test]
    fn calls_zbus_marshals_are_taken_apart() {
        let m = zbus_call(
            "/org/freedesktop/systemd1/unit/a_2eservice",
            "org.freedesktop.DBus.Properties",
            "Get",
            &("org.freedesktop.systemd1.Unit", "ActiveState"),
        );
        assert_eq!(total_len(&m), Some(m.len()));
        let c = parse_call(&m).expect("taken apart");
        assert_eq!(c.path, "/org/freedesktop/systemd1/unit/a_2eservice");
        assert_eq!(c.iface, Some("org.freedesktop.DBus.Properties"));
        assert_eq!(c.member, "Get");
        assert_eq!(c.args, ["org.freedesktop.systemd1.Unit", "ActiveState"]);
        let one = zbus::message::Message::method_call("/org/freedesktop/systemd1", "GetUnit")
            .unwrap()
            .build(&("a.service",))
            .unwrap();
        let c = parse_call(one.data()).expect("taken apart");
        assert_eq!((c.iface, c.args.as_slice()), (None, &["a.service"][..]));
    }

    #[test]
    fn what_is_not_taken_apart_exactly_is_left_to_zbus() {
        let m = zbus_call("/a", "b.c", "Get", &("x", "y"));
        // Cut short, one byte more, a flag set, big-endian, a non-zero padding byte.
        assert_eq!(parse_call(&m[..m.len() - 1]), None);
        let mut longer = m.clone();
        longer.push(0);
        assert_eq!(parse_call(&longer), None);
        let mut flagged = m.clone();
        flagged[2] = 1;
        assert_eq!(parse_call(&flagged), None);
        let mut big = m.clone();
        big[0] = b'B';
        assert_eq!(parse_call(&big), None);
        let with_int = zbus::message::Message::method_call("/a", "Kill")
            .unwrap()
            .build(&("x", 1u32))
            .unwrap();
        assert_eq!(parse_call(with_int.data()), None);
        // A NUL inside a string.
        let nul = zbus_call("/a", "b.c", "Get", &("x\0y", "z"));
        assert_eq!(parse_call(&nul), None);
    }

    #[test]
    fn a_return_is_what_zbus_sends_for_the_same_reply() {
        use zbus::zvariant::{ObjectPath, Value as V};
        let call = zbus::message::Message::method_call("/org/freedesktop/systemd1", "GetUnit")
            .unwrap()
            .build(&("a.service",))
            .unwrap();
        let hdr = call.header();
        let serial = |m: &zbus::message::Message| m.primary_header().serial_num().get();
        let path = "/org/freedesktop/systemd1/unit/a_2eservice";
        let theirs = zbus::message::Message::method_return(&hdr)
            .unwrap()
            .build(&ObjectPath::try_from(path).unwrap())
            .unwrap();
        let ours = method_return(serial(&theirs), serial(&call), Value::Path(path));
        assert_eq!(ours, theirs.data().to_vec());
        let theirs = zbus::message::Message::method_return(&hdr)
            .unwrap()
            .build(&V::from("active"))
            .unwrap();
        let ours = method_return(serial(&theirs), serial(&call), Value::Str("active"));
        assert_eq!(ours, theirs.data().to_vec());
    }
}
