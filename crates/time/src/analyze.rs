//! The reports `systemd-analyze timespan|timestamp|calendar` print, byte for byte, so
//! that `linger` can offer the same commands. Everything the real tool takes from the
//! environment (the clock, the local zone) is a parameter here.
//!
//! [`timespan_report`], [`timestamp_report`] and [`calendar_block`] return the block for
//! one input; [`timespans_report`], [`timestamps_report`] and [`calendar_report`] handle
//! several inputs the way the tool does: blocks separated by an empty line, and the error
//! lines (for standard error) returned separately.

use std::fmt::Write as _;

use jiff::tz::TimeZone;

use crate::calendar::{CalendarError, CalendarSpec};
use crate::span::{SpanError, format_timespan, parse_sec};
use crate::timestamp::{
    TimestampError, format_timestamp, format_timestamp_relative, parse_timestamp,
};
use crate::{USEC_INFINITY, USEC_PER_SEC, Usec, zone};

/// What `systemd-analyze timespan INPUT` prints for one span:
///
/// ```text
/// Original: 1h 30min
///       μs: 5400000000
///    Human: 1h 30min
/// ```
///
/// # Errors
/// The [`SpanError`] for an invalid span (the tool prints
/// `Failed to parse time span 'INPUT': Invalid argument`).
pub fn timespan_report(input: &str) -> Result<String, SpanError> {
    let usec = parse_sec(input)?;
    let mut t = Table::default();
    t.row("Original:", input);
    t.row("\u{3bc}s:", usec.to_string());
    t.row("Human:", format_timespan(usec, 1));
    Ok(t.render())
}

/// `systemd-analyze timespan INPUT…`: stops at the first invalid span, as the tool does.
/// Returns standard output and the error lines; `now` and `tz` only decide whether the
/// tool's hint ("this expression is a valid timestamp") is added.
#[must_use]
pub fn timespans_report(inputs: &[&str], now: Usec, tz: &TimeZone) -> (String, Vec<String>) {
    let mut out = String::new();
    for (i, input) in inputs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match timespan_report(input) {
            Ok(block) => out.push_str(&block),
            Err(e) => {
                let mut errors = vec![format!("Failed to parse time span '{input}': {}", e.kind())];
                if parse_timestamp(input, now, tz).is_ok() {
                    errors.push(format!(
                        "Hint: this expression is a valid timestamp. Use 'systemd-analyze timestamp \"{input}\"' instead?"
                    ));
                }
                return (out, errors);
            }
        }
    }
    (out, Vec::new())
}

/// The two-column tables systemd-analyze prints: labels right-aligned, values after
/// them. Values narrower than the widest one lose trailing blanks (systemd pads them to
/// the column width and then trims the line), the widest ones are printed as they are.
#[derive(Default)]
struct Table {
    rows: Vec<(String, String)>,
}

impl Table {
    fn row(&mut self, label: impl Into<String>, value: impl Into<String>) {
        self.rows.push((label.into(), value.into()));
    }

    fn render(&self) -> String {
        let width = |s: &str| s.chars().count();
        let label_width = self.rows.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
        let value_width = self.rows.iter().map(|(_, v)| width(v)).max().unwrap_or(0);
        let mut out = String::new();
        for (label, value) in &self.rows {
            let pad = label_width - width(label);
            let value = if width(value) < value_width {
                value.trim_end()
            } else {
                value.as_str()
            };
            let _ = writeln!(out, "{:pad$}{label} {value}", "");
        }
        out
    }
}

/// A timestamp as the reports show it; systemd treats 0 and infinity as "unset".
fn shown(usec: Usec, text: impl FnOnce() -> String) -> String {
    if usec == 0 || usec == USEC_INFINITY {
        "-".to_owned()
    } else {
        text()
    }
}

/// What `systemd-analyze timestamp INPUT` prints for one timestamp, with the clock at
/// `now` and `tz` as the local zone:
///
/// ```text
///   Original form: 2026-11-23 10:00
/// Normalized form: Mon 2026-11-23 10:00:00 CET
///        (in UTC): Mon 2026-11-23 09:00:00 UTC
///    UNIX seconds: @1795424400
///        From now: 1h 38min ago
/// ```
///
/// The "(in UTC)" line is left out when the local zone is UTC.
///
/// # Errors
/// The [`TimestampError`] for an invalid timestamp.
pub fn timestamp_report(input: &str, now: Usec, tz: &TimeZone) -> Result<String, TimestampError> {
    let usec = parse_timestamp(input, now, tz)?;
    let mut t = Table::default();
    t.row("Original form:", input);
    t.row(
        "Normalized form:",
        shown(usec, || format_timestamp(usec, tz)),
    );
    if !zone::is_utc_like(tz, now) {
        t.row(
            "(in UTC):",
            shown(usec, || format_timestamp(usec, &TimeZone::UTC)),
        );
    }
    let mut unix = format!("@{}", usec / USEC_PER_SEC);
    if usec % USEC_PER_SEC != 0 {
        let _ = write!(unix, ".{:06}", usec % USEC_PER_SEC);
    }
    t.row("UNIX seconds:", unix);
    t.row(
        "From now:",
        shown(usec, || format_timestamp_relative(usec, now)),
    );
    Ok(t.render())
}

/// `systemd-analyze timestamp INPUT…`: every input is tried; invalid ones produce error
/// lines (with the tool's hint when the input is a valid calendar event or time span).
#[must_use]
pub fn timestamps_report(inputs: &[&str], now: Usec, tz: &TimeZone) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut errors = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match timestamp_report(input, now, tz) {
            Ok(block) => out.push_str(&block),
            Err(e) => {
                errors.push(format!("Failed to parse \"{input}\": {}", e.kind()));
                if CalendarSpec::parse_in(input, tz, now).is_ok() {
                    errors.push(format!(
                        "Hint: this expression is a valid calendar specification. Use 'systemd-analyze calendar \"{input}\"' instead?"
                    ));
                } else if parse_sec(input).is_ok() {
                    errors.push(format!(
                        "Hint: this expression is a valid timespan. Use 'systemd-analyze timespan \"{input}\"' instead?"
                    ));
                }
            }
        }
    }
    (out, errors)
}

/// What `systemd-analyze calendar --iterations=N --base-time=BASE EXPR` prints for one
/// expression: the normalized form and the next `iterations` elapses after `base_time`,
/// each in the local zone `tz`, in UTC, and relative to `now`. The "Original form" line
/// is only printed when the expression differs from its normalized form:
///
/// ```text
///   Original form: hourly
/// Normalized form: *-*-* *:00:00
///     Next elapse: Mon 2026-11-23 12:00:00 CET
///        (in UTC): Mon 2026-11-23 11:00:00 UTC
///        From now: 21min left
///        Iter. #2: Mon 2026-11-23 13:00:00 CET
///        (in UTC): Mon 2026-11-23 12:00:00 UTC
///        From now: 1h 21min left
/// ```
///
/// # Errors
/// The [`CalendarError`] for an invalid expression.
pub fn calendar_block(
    expr: &str,
    iterations: u32,
    base_time: Usec,
    now: Usec,
    tz: &TimeZone,
) -> Result<String, CalendarError> {
    let spec = CalendarSpec::parse_in(expr, tz, now)?;
    let normalized = spec.normalized();
    let mut t = Table::default();
    if expr != normalized {
        t.row("Original form:", expr);
    }
    t.row("Normalized form:", normalized);
    let in_utc = !zone::is_utc_like(tz, now);
    let mut after = base_time;
    for i in 1..=iterations.max(1) {
        let Some(next) = spec.next_elapse_in(after, tz) else {
            if i == 1 {
                t.row("Next elapse:", "never");
            }
            break;
        };
        let label = if i == 1 {
            "Next elapse:".to_owned()
        } else {
            format!("Iter. #{i}:")
        };
        t.row(label, format_timestamp(next, tz));
        if in_utc {
            t.row("(in UTC):", format_timestamp(next, &TimeZone::UTC));
        }
        t.row("From now:", format_timestamp_relative(next, now));
        after = next;
    }
    Ok(t.render())
}

/// `systemd-analyze calendar EXPR…`: every expression is tried; returns standard output
/// and the error lines (with the tool's hint when an expression is a valid timestamp).
#[must_use]
pub fn calendar_report(
    exprs: &[&str],
    iterations: u32,
    base_time: Usec,
    now: Usec,
    tz: &TimeZone,
) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut errors = Vec::new();
    for (i, expr) in exprs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match calendar_block(expr, iterations, base_time, now, tz) {
            Ok(block) => out.push_str(&block),
            Err(e) => {
                errors.push(format!(
                    "Failed to parse calendar specification '{expr}': {}",
                    e.kind()
                ));
                if parse_timestamp(expr, now, tz).is_ok() {
                    errors.push(format!(
                        "Hint: this expression is a valid timestamp. Use 'systemd-analyze timestamp \"{expr}\"' instead?"
                    ));
                }
            }
        }
    }
    (out, errors)
}
