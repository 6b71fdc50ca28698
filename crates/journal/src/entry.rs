//! One journal entry: timestamps, boot, sequence number and journald-named fields.

/// journald's well-known field names, spelled as journald spells them so that `-o json` and
/// `-o export` output matches journalctl's. Fields starting with `_` are "trusted": only the
/// manager sets them, never a logging client.
pub mod fields {
    /// The human-readable message.
    pub const MESSAGE: &str = "MESSAGE";
    /// A 128-bit message identifier (32 hex digits).
    pub const MESSAGE_ID: &str = "MESSAGE_ID";
    /// Syslog priority 0 (emerg) to 7 (debug), as a decimal string.
    pub const PRIORITY: &str = "PRIORITY";
    /// Syslog facility, as a decimal string.
    pub const SYSLOG_FACILITY: &str = "SYSLOG_FACILITY";
    /// The program's identifier (`web`, `sshd`).
    pub const SYSLOG_IDENTIFIER: &str = "SYSLOG_IDENTIFIER";
    /// The pid the client claims in a syslog message.
    pub const SYSLOG_PID: &str = "SYSLOG_PID";
    /// The timestamp text of an RFC 3164 syslog message.
    pub const SYSLOG_TIMESTAMP: &str = "SYSLOG_TIMESTAMP";
    /// Pid of the logging process.
    pub const PID: &str = "_PID";
    /// Uid of the logging process.
    pub const UID: &str = "_UID";
    /// Gid of the logging process.
    pub const GID: &str = "_GID";
    /// Command name (`/proc/PID/comm`).
    pub const COMM: &str = "_COMM";
    /// Executable path.
    pub const EXE: &str = "_EXE";
    /// Command line.
    pub const CMDLINE: &str = "_CMDLINE";
    /// Host name at logging time.
    pub const HOSTNAME: &str = "_HOSTNAME";
    /// Boot id (32 hex digits).
    pub const BOOT_ID: &str = "_BOOT_ID";
    /// Machine id (32 hex digits).
    pub const MACHINE_ID: &str = "_MACHINE_ID";
    /// How the entry reached the journal: `stdout`, `journal`, `syslog`, `driver`.
    pub const TRANSPORT: &str = "_TRANSPORT";
    /// The user unit the logging process belongs to (set by the manager).
    pub const SYSTEMD_USER_UNIT: &str = "_SYSTEMD_USER_UNIT";
    /// The user slice of the logging process.
    pub const SYSTEMD_USER_SLICE: &str = "_SYSTEMD_USER_SLICE";
    /// The cgroup path of the logging process.
    pub const SYSTEMD_CGROUP: &str = "_SYSTEMD_CGROUP";
    /// The uid owning the service manager.
    pub const SYSTEMD_OWNER_UID: &str = "_SYSTEMD_OWNER_UID";
    /// The invocation id of the unit run that logged (32 hex digits).
    pub const SYSTEMD_INVOCATION_ID: &str = "_SYSTEMD_INVOCATION_ID";
    /// The user unit a message of the manager is about (`Started web.service`).
    pub const USER_UNIT: &str = "USER_UNIT";
    /// The user unit an object of a message is about.
    pub const OBJECT_SYSTEMD_USER_UNIT: &str = "OBJECT_SYSTEMD_USER_UNIT";
    /// The user unit of a core dump.
    pub const COREDUMP_USER_UNIT: &str = "COREDUMP_USER_UNIT";
    /// The invocation id of a manager message about a unit.
    pub const INVOCATION_ID: &str = "INVOCATION_ID";
    /// Identifier of the stdout stream a line came from.
    pub const STREAM_ID: &str = "_STREAM_ID";
    /// Client-supplied wall-clock time of the event (µs), preferred by short output.
    pub const SOURCE_REALTIME_TIMESTAMP: &str = "_SOURCE_REALTIME_TIMESTAMP";
    /// Client-supplied monotonic time of the event (µs).
    pub const SOURCE_MONOTONIC_TIMESTAMP: &str = "_SOURCE_MONOTONIC_TIMESTAMP";
    /// Source code file of the log call.
    pub const CODE_FILE: &str = "CODE_FILE";
    /// Source code line of the log call.
    pub const CODE_LINE: &str = "CODE_LINE";
    /// Function of the log call.
    pub const CODE_FUNC: &str = "CODE_FUNC";
    /// errno value of a failure.
    pub const ERRNO: &str = "ERRNO";
    /// The fields a user-unit match (`-u`) looks at, as `journalctl --user-unit` does.
    pub const UNIT_MATCH_FIELDS: [&str; 4] = [
        SYSTEMD_USER_UNIT,
        USER_UNIT,
        OBJECT_SYSTEMD_USER_UNIT,
        COREDUMP_USER_UNIT,
    ];
}

/// Syslog priorities, numerically (journald's `PRIORITY=`).
pub mod priority {
    /// System is unusable.
    pub const EMERG: u8 = 0;
    /// Action must be taken immediately.
    pub const ALERT: u8 = 1;
    /// Critical conditions.
    pub const CRIT: u8 = 2;
    /// Error conditions.
    pub const ERR: u8 = 3;
    /// Warning conditions.
    pub const WARNING: u8 = 4;
    /// Normal but significant.
    pub const NOTICE: u8 = 5;
    /// Informational (the default of service output).
    pub const INFO: u8 = 6;
    /// Debug-level messages.
    pub const DEBUG: u8 = 7;
    /// Names as `journalctl -p` accepts them, indexed by priority.
    pub const NAMES: [&str; 8] = [
        "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug",
    ];
}

/// One log entry. Field order is kept; a field may appear more than once (journald allows it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Wall-clock time, µs since the epoch. `0` means "stamp it when submitted".
    pub realtime_usec: u64,
    /// CLOCK_MONOTONIC time, µs. Stamped with `realtime_usec` when that is `0`.
    pub monotonic_usec: u64,
    /// Boot id; all zero means "the current boot" (the writer fills it in).
    pub boot_id: [u8; 16],
    /// Sequence number, assigned by the writer (what the caller sets is ignored).
    pub seqnum: u64,
    /// `(NAME, value)` pairs with journald field names; values are bytes (may be binary).
    pub fields: Vec<(String, Vec<u8>)>,
}

impl Entry {
    /// An entry with a `MESSAGE` and `PRIORITY`, timestamps left for the writer.
    pub fn message(priority: u8, message: impl Into<Vec<u8>>) -> Self {
        let mut e = Entry::default();
        e.push(fields::PRIORITY, priority_digit(priority));
        e.push(fields::MESSAGE, message);
        e
    }

    /// Appends a field. Returns `self` for chaining.
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<Vec<u8>>) -> &mut Self {
        self.fields.push((name.into(), value.into()));
        self
    }

    /// The first value of field `name`.
    pub fn field(&self, name: &str) -> Option<&[u8]> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_slice())
    }

    /// The first value of field `name` when it is UTF-8.
    pub fn field_str(&self, name: &str) -> Option<&str> {
        self.field(name).and_then(|v| std::str::from_utf8(v).ok())
    }

    /// The `MESSAGE` field.
    pub fn message_bytes(&self) -> Option<&[u8]> {
        self.field(fields::MESSAGE)
    }

    /// `PRIORITY` as a number 0-7.
    pub fn priority(&self) -> Option<u8> {
        parse_priority_value(self.field(fields::PRIORITY)?)
    }

    /// The user unit this entry belongs to: `_SYSTEMD_USER_UNIT`, else `USER_UNIT`.
    pub fn unit(&self) -> Option<&str> {
        self.field_str(fields::SYSTEMD_USER_UNIT)
            .or_else(|| self.field_str(fields::USER_UNIT))
    }

    /// `_PID` as a number.
    pub fn pid(&self) -> Option<u32> {
        self.field_str(fields::PID)?.parse().ok()
    }

    /// Sets both timestamps from the clocks now.
    pub fn stamp_now(&mut self) {
        let (rt, mono) = now();
        self.realtime_usec = rt;
        self.monotonic_usec = mono;
    }
}

/// `b'0' + p` for a priority (clamped to 7), the way `PRIORITY=` values are written.
pub fn priority_digit(p: u8) -> [u8; 1] {
    [b'0' + p.min(7)]
}

/// Parses a `PRIORITY=` value: a single digit 0-7.
pub fn parse_priority_value(v: &[u8]) -> Option<u8> {
    match v {
        [d @ b'0'..=b'7'] => Some(d - b'0'),
        _ => None,
    }
}

/// The current `(CLOCK_REALTIME, CLOCK_MONOTONIC)` in µs.
pub fn now() -> (u64, u64) {
    use rustix::time::{ClockId, clock_gettime};
    let to_us = |t: rustix::time::Timespec| {
        (t.tv_sec.max(0) as u64).saturating_mul(1_000_000) + (t.tv_nsec.max(0) as u64) / 1000
    };
    (
        to_us(clock_gettime(ClockId::Realtime)),
        to_us(clock_gettime(ClockId::Monotonic)),
    )
}

/// True when `name` is a valid journal field name: 1-64 characters of `A-Z`, `0-9`, `_`,
/// not starting with a digit (journald's rule).
pub fn valid_field_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && !name.as_bytes()[0].is_ascii_digit()
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// Lower-case hex of a 128-bit id, as journald prints boot and machine ids.
pub fn id128_hex(id: &[u8; 16]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(32);
    for b in id {
        s.push(HEX[usize::from(b >> 4)] as char);
        s.push(HEX[usize::from(b & 15)] as char);
    }
    s
}

/// Parses 32 hex digits (dashes allowed, as in `/proc/sys/kernel/random/boot_id`).
pub fn parse_id128(s: &str) -> Option<[u8; 16]> {
    let hex: Vec<u8> = s.trim().bytes().filter(|&b| b != b'-').collect();
    if hex.len() != 32 {
        return None;
    }
    let mut out = [0u8; 16];
    for (i, pair) in hex.chunks(2).enumerate() {
        let hi = (pair[0] as char).to_digit(16)?;
        let lo = (pair[1] as char).to_digit(16)?;
        out[i] = (hi * 16 + lo) as u8;
    }
    Some(out)
}

/// The running kernel's boot id, or all zero when it cannot be read.
pub fn current_boot_id() -> [u8; 16] {
    std::fs::read_to_string("/proc/sys/kernel/random/boot_id")
        .ok()
        .and_then(|s| parse_id128(&s))
        .unwrap_or([0; 16])
}

/// 16 random bytes (for sequence-number ids), falling back to time and pid if the kernel's
/// random source fails.
pub(crate) fn random_id128() -> [u8; 16] {
    let mut b = [0u8; 16];
    if rustix::rand::getrandom(&mut b, rustix::rand::GetRandomFlags::empty()).map(|n| n == 16)
        != Ok(true)
    {
        let (rt, mono) = now();
        b[..8].copy_from_slice(&rt.to_le_bytes());
        b[8..12].copy_from_slice(&(mono as u32).to_le_bytes());
        b[12..].copy_from_slice(&std::process::id().to_le_bytes());
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        let mut e = Entry::message(3, "boom");
        e.push(fields::SYSTEMD_USER_UNIT, "web.service")
            .push(fields::PID, "42");
        assert_eq!(e.priority(), Some(3));
        assert_eq!(e.unit(), Some("web.service"));
        assert_eq!(e.pid(), Some(42));
        assert_eq!(e.message_bytes(), Some(&b"boom"[..]));
        assert!(valid_field_name("_SYSTEMD_UNIT"));
        for bad in ["", "lower", "1ABC", "A-B", &"A".repeat(65)] {
            assert!(!valid_field_name(bad), "{bad}");
        }
        let id = parse_id128("01234567-89ab-cdef-0123-456789abcdef").unwrap_or_default();
        assert_eq!(id128_hex(&id), "0123456789abcdef0123456789abcdef");
        assert_eq!(parse_id128("xyz"), None);
    }
}
