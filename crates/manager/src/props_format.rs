//! Property values in `systemctl show`'s formats (timestamps, spans, booleans), shared by the
//! property renderers.

use linger_time::{USEC_INFINITY, Usec};

/// systemd's timestamp format (`Mon 2026-11-23 10:00:00 UTC`), empty for "never".
pub fn timestamp(us: Usec) -> String {
    if us == 0 || us == USEC_INFINITY {
        return String::new();
    }
    linger_time::timestamp::format_timestamp(us, &jiff::tz::TimeZone::system())
}

/// A time span as systemd prints it (`1min 30s`).
pub fn span(us: Usec) -> String {
    linger_time::format_timespan(us, 1)
}

/// `yes` or `no`.
pub fn yes(b: bool) -> String {
    if b { "yes".into() } else { "no".into() }
}
