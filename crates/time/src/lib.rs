//! linger-time: time spans (`5min 20s`), timestamps (`yesterday`, `-1h`) and calendar
//! events, parsed and formatted exactly as systemd.time(7) specifies. Pure: no I/O.
#![forbid(unsafe_code)]

/// Microseconds, the one time unit used everywhere in linger (as in systemd).
pub type Usec = u64;
/// "infinity": no timeout / never.
pub const USEC_INFINITY: Usec = u64::MAX;
