//! linger-time: time spans (`5min 20s`), timestamps (`yesterday`, `-1h`) and calendar
//! events (`Mon..Fri *-*-* 09:00`), parsed and formatted exactly as systemd.time(7)
//! specifies and as systemd 252 behaves.
//!
//! The crate is pure: apart from reading the system time zone database (through
//! [`jiff`]) it does no I/O, and it never reads the clock — "now" is always a parameter.
//! One time unit is used everywhere: [`Usec`], microseconds since the UNIX epoch (for
//! timestamps) or microseconds (for spans), as in systemd.
//!
//! * [`span`]: [`parse_sec`], [`parse_time`], [`parse_nsec`], [`format_timespan`].
//! * [`timestamp`]: [`parse_timestamp`], [`format_timestamp`], [`format_timestamp_relative`].
//! * [`calendar`]: [`CalendarSpec`] — parse, normalize, compute the next elapse.
//! * [`analyze`]: the text `systemd-analyze timespan|timestamp|calendar` prints.
//!
//! # Example
//!
//! ```
//! use jiff::tz::TimeZone;
//! use linger_time::{CalendarSpec, format_timespan, format_timestamp, parse_sec, USEC_PER_SEC};
//!
//! // Time spans: "1h 30min" is 5400 seconds, and formats back the same way.
//! let span = parse_sec("1h 30min")?;
//! assert_eq!(span, 5400 * USEC_PER_SEC);
//! assert_eq!(format_timespan(span, 1), "1h 30min");
//!
//! // Calendar events: normalized as systemd-analyze prints them, and the next elapse.
//! let spec = CalendarSpec::parse("Mon..Fri 9:00 Europe/Berlin")?;
//! assert_eq!(spec.normalized(), "Mon..Fri *-*-* 09:00:00 Europe/Berlin");
//! let base = 1_767_225_600 * USEC_PER_SEC; // Thu 2026-01-01 00:00:00 UTC
//! let next = spec.next_elapse_in(base, &TimeZone::UTC).expect("elapses again");
//! assert_eq!(format_timestamp(next, &TimeZone::UTC), "Thu 2026-01-01 08:00:00 UTC");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod analyze;
pub mod calendar;
mod civil;
mod error;
mod local;
pub mod span;
pub mod timestamp;
mod zone;

pub use calendar::{CalendarError, CalendarSpec};
pub use error::ErrorKind;
pub use local::{forget_local_zone, local_zone};
pub use span::{
    SpanError, format_timespan, parse_nsec, parse_sec, parse_sec_def_infinity, parse_sec_fix_0,
    parse_time,
};
pub use timestamp::{
    TimestampError, format_timestamp, format_timestamp_relative, format_timestamp_us,
    parse_timestamp,
};

/// Microseconds, the one time unit used everywhere in linger (as in systemd).
pub type Usec = u64;
/// Nanoseconds, only for the few settings that accept `ns` (see [`parse_nsec`]).
pub type Nsec = u64;
/// "infinity": no timeout / never.
pub const USEC_INFINITY: Usec = u64::MAX;
/// "infinity" for nanosecond values.
pub const NSEC_INFINITY: Nsec = u64::MAX;

/// Microseconds per millisecond.
pub const USEC_PER_MSEC: Usec = 1_000;
/// Microseconds per second.
pub const USEC_PER_SEC: Usec = 1_000_000;
/// Microseconds per minute.
pub const USEC_PER_MINUTE: Usec = 60 * USEC_PER_SEC;
/// Microseconds per hour.
pub const USEC_PER_HOUR: Usec = 60 * USEC_PER_MINUTE;
/// Microseconds per day.
pub const USEC_PER_DAY: Usec = 24 * USEC_PER_HOUR;
/// Microseconds per week.
pub const USEC_PER_WEEK: Usec = 7 * USEC_PER_DAY;
/// Microseconds per month, which systemd defines as 30.44 days.
pub const USEC_PER_MONTH: Usec = 2_629_800 * USEC_PER_SEC;
/// Microseconds per year, which systemd defines as 365.25 days.
pub const USEC_PER_YEAR: Usec = 31_557_600 * USEC_PER_SEC;

/// The largest timestamp systemd formats or accepts: 9999-12-30 23:59:59.999999 UTC (one
/// day short of the end of year 9999, so that every time zone can still show it).
pub const USEC_TIMESTAMP_FORMATTABLE_MAX: Usec = 253_402_214_400 * USEC_PER_SEC - 1;
