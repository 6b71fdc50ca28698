//! Calendar events as systemd.time(7) "CALENDAR EVENTS" defines them
//! (`Mon..Fri *-*-* 09:00`, `*-*~01`, `hourly`, `*:0/15 Europe/Berlin`): parsing,
//! the normalized form `systemd-analyze calendar` prints, and the next elapse.
//!
//! The next elapse is searched on the wall clock of the spec's zone (its own, UTC, or the
//! caller's local zone), field by field — a year that cannot match is skipped whole, as is
//! a month, a day, an hour — and only then mapped to an instant. It reproduces what
//! systemd 252 computes, including its less obvious rules:
//!
//! * wall-clock times a DST change skips are left out; times it repeats fire once, on
//!   their first pass;
//! * nothing elapses after 2199-12-31;
//! * a repetition that overshoots its field by more than one carry rolls the clock over
//!   instead of restarting it: `*:0/7` fires at 23:56 and then at 00:07, not at 00:00.
//!
//! Where systemd 252 gives up ("Infinite loop in calendar calculation", e.g. for a month
//! repetition running past December in a zone with DST), linger returns the elapse.

mod component;
mod next;
mod parse;

use std::fmt;
use std::str::FromStr;

use jiff::tz::TimeZone;

use crate::Usec;
use crate::civil::WEEKDAY_NAMES;
use crate::error::ErrorKind;
use component::{Chain, DAY, HOUR, MINUTE, MONTH, SECOND, YEAR, format_chain};

/// A parsed calendar event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarSpec {
    /// Allowed weekdays, Monday = bit 0; 0 means any day.
    weekdays: u8,
    year: Chain,
    month: Chain,
    day: Chain,
    /// `day` counts from the end of the month (`~`).
    end_of_month: bool,
    hour: Chain,
    minute: Chain,
    /// In µs; always present (`*` is "every whole second").
    second: Chain,
    zone: SpecZone,
}

/// Which wall clock the event is written in.
#[derive(Debug, Clone, PartialEq, Eq)]
enum SpecZone {
    /// The caller's local zone.
    Local,
    /// `UTC` suffix (or an `@SECONDS` spec).
    Utc,
    /// A tz database name suffix.
    Named { name: String, tz: TimeZone },
    /// One of the local zone's abbreviations ("CET", "CEST"): local time, but only while
    /// the zone is in standard (`dst` false) or daylight-saving time.
    LocalAbbreviation { name: String, dst: bool },
}

/// A calendar event that could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarError {
    input: String,
    kind: ErrorKind,
    reason: &'static str,
    offset: usize,
}

impl CalendarError {
    /// The input that was rejected.
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }
    /// Whether systemd would report `EINVAL` or `ERANGE` for this input.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    /// What is wrong, in a few words.
    #[must_use]
    pub fn reason(&self) -> &'static str {
        self.reason
    }
    /// Byte offset in the input where the problem was found (the input's length when it
    /// concerns a whole field, such as a value out of range).
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid calendar specification '{}': {}",
            self.input, self.reason
        )?;
        match self.input.get(self.offset..) {
            Some(rest) if !rest.is_empty() => write!(f, " at '{rest}'"),
            _ => Ok(()),
        }
    }
}

impl std::error::Error for CalendarError {}

impl CalendarSpec {
    /// Parses a calendar event.
    ///
    /// # Errors
    /// [`CalendarError`] naming the offending part, for input systemd rejects too.
    pub fn parse(s: &str) -> Result<CalendarSpec, CalendarError> {
        parse::parse(s, None)
    }

    /// Like [`CalendarSpec::parse`], and also accepts the abbreviations of the local zone
    /// `local_tz` (as in effect around `now`) after the expression, as systemd does:
    /// "Mon 10:00 CEST" means local time, but only while daylight-saving time is in effect
    /// — systemd 252 reports no further elapse once the zone has switched (which linger
    /// reproduces).
    ///
    /// # Errors
    /// As [`CalendarSpec::parse`].
    pub fn parse_in(
        s: &str,
        local_tz: &TimeZone,
        now: Usec,
    ) -> Result<CalendarSpec, CalendarError> {
        parse::parse(s, Some((local_tz, now)))
    }

    fn empty() -> CalendarSpec {
        CalendarSpec {
            weekdays: 0,
            year: None,
            month: None,
            day: None,
            end_of_month: false,
            hour: None,
            minute: None,
            second: None,
            zone: SpecZone::Local,
        }
    }

    /// The normalized form, as `systemd-analyze calendar` prints it
    /// ("Mon..Fri *-*-* 09:00:00 Europe/Berlin").
    #[must_use]
    pub fn normalized(&self) -> String {
        let mut out = String::with_capacity(32);
        if self.weekdays != 0 {
            format_weekdays(&mut out, self.weekdays);
            out.push(' ');
        }
        format_chain(&mut out, self.year.as_deref(), YEAR);
        out.push('-');
        format_chain(&mut out, self.month.as_deref(), MONTH);
        out.push(if self.end_of_month { '~' } else { '-' });
        format_chain(&mut out, self.day.as_deref(), DAY);
        out.push(' ');
        format_chain(&mut out, self.hour.as_deref(), HOUR);
        out.push(':');
        format_chain(&mut out, self.minute.as_deref(), MINUTE);
        out.push(':');
        format_chain(&mut out, self.second.as_deref(), SECOND);
        if let Some(name) = self.zone_name() {
            out.push(' ');
            out.push_str(name);
        }
        out
    }

    /// The zone the event is written in: `Some("UTC")`, `Some("Europe/Berlin")`, a local
    /// abbreviation (`Some("CEST")`), or `None` for the local zone.
    #[must_use]
    pub fn zone_name(&self) -> Option<&str> {
        match &self.zone {
            SpecZone::Local => None,
            SpecZone::Utc => Some("UTC"),
            SpecZone::Named { name, .. } | SpecZone::LocalAbbreviation { name, .. } => Some(name),
        }
    }

    /// The zone whose wall clock the event follows, given the local one.
    fn effective_zone(&self, local: &TimeZone) -> TimeZone {
        match &self.zone {
            SpecZone::Local | SpecZone::LocalAbbreviation { .. } => local.clone(),
            SpecZone::Utc => TimeZone::UTC,
            SpecZone::Named { tz, .. } => tz.clone(),
        }
    }

    /// The first elapse strictly after `after` (µs since the epoch), with the system's
    /// local time zone for events without their own zone. `None` if it never elapses
    /// again (before the end of year 9999).
    #[must_use]
    pub fn next_elapse(&self, after: Usec) -> Option<Usec> {
        self.next_elapse_in(after, &crate::local_zone())
    }

    /// Like [`CalendarSpec::next_elapse`], with `default_tz` as the local time zone.
    #[must_use]
    pub fn next_elapse_in(&self, after: Usec, default_tz: &TimeZone) -> Option<Usec> {
        next::next_elapse(self, after, &self.effective_zone(default_tz))
    }

    /// Whether the instant `usec` is one the event describes (with `default_tz` as the
    /// local time zone). Every value [`CalendarSpec::next_elapse_in`] returns matches.
    #[must_use]
    pub fn matches_in(&self, usec: Usec, default_tz: &TimeZone) -> bool {
        next::matches(self, usec, &self.effective_zone(default_tz))
    }
}

impl fmt::Display for CalendarSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.normalized())
    }
}

impl FromStr for CalendarSpec {
    type Err = CalendarError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CalendarSpec::parse(s)
    }
}

/// Runs of three or more consecutive days print as ranges ("Mon..Thu,Sat,Sun").
fn format_weekdays(out: &mut String, bits: u8) {
    let set = |d: usize| bits & (1 << d) != 0;
    let mut d = 0;
    let mut first = true;
    while d < 7 {
        if !set(d) {
            d += 1;
            continue;
        }
        let start = d;
        while d + 1 < 7 && set(d + 1) {
            d += 1;
        }
        let names: Vec<&str> = if d - start >= 2 {
            vec![WEEKDAY_NAMES[start].0, "..", WEEKDAY_NAMES[d].0]
        } else {
            (start..=d)
                .flat_map(|i| [",", WEEKDAY_NAMES[i].0])
                .skip(1)
                .collect()
        };
        if !first {
            out.push(',');
        }
        out.extend(names);
        first = false;
        d += 1;
    }
}
