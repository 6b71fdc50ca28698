//! The calendar event grammar of systemd.time(7):
//!
//! ```text
//! spec     = shorthand [zone] | [weekdays " "] [date " "] [time] [zone] | "@" SECONDS
//! weekdays = day ((","|".."|"-") day)* [","]      day = "Mon" | "Monday" | … (any case)
//! date     = [chain "-"] chain ("-"|"~") chain    (year-month-day or month-day; "~" counts
//!                                                  the day from the end of the month)
//! time     = chain ":" chain [":" chain]          (the seconds chain may have fractions)
//! chain    = "*" | value ("," value)*             value = N [".." N] ["/" N]
//! zone     = " UTC" | " " tz-database-name
//! ```
//!
//! Years written with one or two digits mean 2000–2069 (0–69) or 1970–1999 (70–99).

use crate::civil::{civil_from_days, weekday_prefix};
use crate::error::ErrorKind;
use crate::span::parse_sec;
use crate::timestamp::parse_fraction;
use crate::{Usec, zone};
use jiff::tz::TimeZone;

use super::component::{
    Chain, Component, DAY, DAY_FROM_END, EVERY_SECOND, HOUR, MINUTE, MONTH, SECOND, USEC_PER_SEC,
    YEAR, normalize, validate,
};
use super::{CalendarError, CalendarSpec, SpecZone};

/// A failure and the byte offset it was detected at.
type Fail = (ErrorKind, &'static str, usize);

const SHORTHANDS: &[(&str, &str)] = &[
    ("minutely", "*-*-* *:*:00"),
    ("hourly", "*-*-* *:00:00"),
    ("daily", "*-*-* 00:00:00"),
    ("monthly", "*-*-01 00:00:00"),
    ("weekly", "Mon *-*-* 00:00:00"),
    ("yearly", "*-01-01 00:00:00"),
    ("annually", "*-01-01 00:00:00"),
    ("quarterly", "*-01,04,07,10-01 00:00:00"),
    ("semiannually", "*-01,07-01 00:00:00"),
    ("semi-annually", "*-01,07-01 00:00:00"),
];

/// The local zone and the time at which to read its abbreviations, when known.
pub(super) type Local<'a> = Option<(&'a TimeZone, Usec)>;

pub(super) fn parse(input: &str, local: Local<'_>) -> Result<CalendarSpec, CalendarError> {
    parse_inner(input, local).map_err(|(kind, reason, offset)| CalendarError {
        input: input.to_owned(),
        kind,
        reason,
        offset: offset.min(input.len()),
    })
}

fn parse_inner(input: &str, local: Local<'_>) -> Result<CalendarSpec, Fail> {
    let (body, zone) = split_zone(input, local);
    if body.is_empty() {
        return Err((ErrorKind::Invalid, "empty calendar specification", 0));
    }
    let mut spec = match SHORTHANDS
        .iter()
        .find(|(name, _)| body.eq_ignore_ascii_case(name))
    {
        // The expansions are valid, so errors cannot point into them.
        Some((_, expansion)) => Parser::new(expansion).spec()?,
        None => Parser::new(body).spec()?,
    };
    if spec.zone == SpecZone::Local {
        spec.zone = zone;
    }
    finish(&mut spec)?;
    Ok(spec)
}

/// Splits off a trailing " UTC" (any case), " Area/Location" tz database name, or — when
/// the local zone is known — one of its abbreviations (" CEST", any case).
fn split_zone<'a>(input: &'a str, local: Local<'_>) -> (&'a str, SpecZone) {
    let n = input.len();
    if n >= 4 && input.is_char_boundary(n - 4) && input[n - 4..].eq_ignore_ascii_case(" UTC") {
        return (&input[..n - 4], SpecZone::Utc);
    }
    let Some(idx) = input.rfind(' ') else {
        return (input, SpecZone::Local);
    };
    let word = &input[idx + 1..];
    if let Some(tz) = zone::by_name(word) {
        return (
            &input[..idx],
            SpecZone::Named {
                name: word.to_owned(),
                tz,
            },
        );
    }
    if let Some((tz, now)) = local {
        let found = zone::local_abbreviations(tz, now)
            .into_iter()
            .find(|(abbr, _, _)| word.eq_ignore_ascii_case(abbr));
        if let Some((name, dst, _)) = found {
            return (&input[..idx], SpecZone::LocalAbbreviation { name, dst });
        }
    }
    (input, SpecZone::Local)
}

/// Fixes two-digit years, normalizes and validates every field.
fn finish(spec: &mut CalendarSpec) -> Result<(), Fail> {
    let end = usize::MAX; // validation errors concern the whole field; point at the end
    if let Some(years) = spec.year.as_mut() {
        for c in years.iter_mut() {
            c.start = widen_year(c.start);
            if c.stop >= 0 {
                c.stop = widen_year(c.stop);
            }
        }
    }
    if spec.day.is_none() {
        spec.end_of_month = false;
    }
    let day_field = if spec.end_of_month { DAY_FROM_END } else { DAY };
    let fields: [(&mut Chain, _, bool); 6] = [
        (&mut spec.year, YEAR, false),
        (&mut spec.month, MONTH, false),
        (&mut spec.day, day_field, spec.end_of_month),
        (&mut spec.hour, HOUR, false),
        (&mut spec.minute, MINUTE, false),
        (&mut spec.second, SECOND, false),
    ];
    for (chain, field, from_end) in fields {
        if let Some(list) = chain.as_mut() {
            normalize(list);
            validate(list, field, from_end).map_err(|reason| (ErrorKind::Invalid, reason, end))?;
            if field.usec && list.contains(&EVERY_SECOND) {
                *list = vec![EVERY_SECOND];
            }
        }
    }
    if spec.weekdays == 0x7f {
        spec.weekdays = 0;
    }
    Ok(())
}

fn widen_year(y: i64) -> i64 {
    match y {
        0..=69 => y + 2000,
        70..=99 => y + 1900,
        _ => y,
    }
}

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn new(s: &'a str) -> Self {
        Parser {
            s,
            b: s.as_bytes(),
            pos: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.b.len()
    }

    fn invalid(&self, reason: &'static str) -> Fail {
        (ErrorKind::Invalid, reason, self.pos)
    }

    fn skip_spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
    }

    fn spec(mut self) -> Result<CalendarSpec, Fail> {
        let mut spec = CalendarSpec::empty();
        spec.weekdays = self.weekdays()?;
        if self.peek() == Some(b'@') {
            self.epoch(&mut spec)?;
        } else {
            self.date(&mut spec)?;
            self.time(&mut spec)?;
        }
        if !self.at_end() {
            return Err(self.invalid("unexpected characters"));
        }
        Ok(spec)
    }

    /// Weekday names, lists and ranges; returns a bit set, Monday = bit 0.
    fn weekdays(&mut self) -> Result<u8, Fail> {
        let mut bits: u8 = 0;
        let mut range_start: Option<u32> = None;
        let mut first = true;
        loop {
            let Some((nr, len)) = weekday_prefix(&self.s[self.pos..]) else {
                return if first {
                    Ok(0)
                } else {
                    Err(self.invalid("expected a weekday name"))
                };
            };
            if !matches!(
                self.b.get(self.pos + len),
                None | Some(b'-' | b'.' | b',' | b' ')
            ) {
                return Err(self.invalid("unexpected characters after weekday name"));
            }
            bits |= 1 << nr;
            if let Some(from) = range_start.take() {
                if from > nr {
                    return Err(self.invalid("weekday range goes backwards"));
                }
                for d in from..=nr {
                    bits |= 1 << d;
                }
            }
            self.pos += len;
            match self.peek() {
                None => return Ok(bits),
                Some(b' ') => {
                    self.skip_spaces();
                    return Ok(bits);
                }
                Some(b'.') => {
                    if self.b.get(self.pos + 1) != Some(&b'.') {
                        return Err(self.invalid("expected '..'"));
                    }
                    range_start = Some(nr);
                    self.pos += 2;
                }
                Some(b'-') => {
                    range_start = Some(nr);
                    self.pos += 1;
                }
                _ => self.pos += 1, // ','
            }
            // A trailing comma is fine, an open range is not.
            if matches!(self.peek(), None | Some(b' ')) {
                if range_start.is_some() {
                    return Err(self.invalid("weekday range without end"));
                }
                self.skip_spaces();
                return Ok(bits);
            }
            first = false;
        }
    }

    /// `[YEAR-]MONTH-DAY` (or `~DAY`). Leaves the position untouched when
    /// what follows is a time.
    fn date(&mut self, spec: &mut CalendarSpec) -> Result<(), Fail> {
        if self.at_end() {
            return Ok(());
        }
        let start = self.pos;
        let first = self.chain(false)?;
        if matches!(self.peek(), None | Some(b':')) {
            self.pos = start;
            return Ok(());
        }
        self.date_separator(spec)?;
        let second = self.chain(false)?;
        if matches!(self.peek(), None | Some(b' ')) {
            self.skip_spaces();
            (spec.month, spec.day) = (first, second);
            return Ok(());
        }
        if spec.end_of_month {
            return Err(self.invalid("'~' must come before the day"));
        }
        self.date_separator(spec)?;
        let third = self.chain(false)?;
        if !matches!(self.peek(), None | Some(b' ')) {
            return Err(self.invalid("unexpected characters after date"));
        }
        self.skip_spaces();
        (spec.year, spec.month, spec.day) = (first, second, third);
        Ok(())
    }

    fn date_separator(&mut self, spec: &mut CalendarSpec) -> Result<(), Fail> {
        match self.peek() {
            Some(b'~') => spec.end_of_month = true,
            Some(b'-') => {}
            _ => return Err(self.invalid("expected '-' or '~' in date")),
        }
        self.pos += 1;
        Ok(())
    }

    /// `@SECONDS`: one fixed point in time, in UTC.
    fn epoch(&mut self, spec: &mut CalendarSpec) -> Result<(), Fail> {
        let usec =
            parse_sec(&self.s[self.pos + 1..]).map_err(|e| (e.kind(), e.reason(), self.pos + 1))?;
        if usec % 1_000_000 != 0 {
            return Err(self.invalid("'@' takes whole seconds"));
        }
        let secs = i64::try_from(usec / 1_000_000)
            .map_err(|_| (ErrorKind::OutOfRange, "value too large", self.pos))?;
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        let rem = secs.rem_euclid(86_400);
        let one = |v: i64| Some(vec![Component::single(v)]);
        spec.year = one(y);
        spec.month = one(i64::from(m));
        spec.day = one(i64::from(d));
        spec.hour = one(rem / 3600);
        spec.minute = one(rem / 60 % 60);
        spec.second = one(rem % 60 * USEC_PER_SEC);
        spec.zone = SpecZone::Utc;
        self.pos = self.b.len();
        Ok(())
    }

    /// `HOUR:MINUTE[:SECOND]`; nothing at all means midnight.
    fn time(&mut self, spec: &mut CalendarSpec) -> Result<(), Fail> {
        let zero = || Some(vec![Component::single(0)]);
        if self.at_end() {
            (spec.hour, spec.minute, spec.second) = (zero(), zero(), zero());
            return Ok(());
        }
        spec.hour = self.chain(false)?;
        if self.peek() != Some(b':') {
            return Err(self.invalid("expected ':' after hour"));
        }
        self.pos += 1;
        spec.minute = self.chain(false)?;
        if self.at_end() {
            spec.second = zero();
            return Ok(());
        }
        if self.peek() != Some(b':') {
            return Err(self.invalid("expected ':' after minute"));
        }
        self.pos += 1;
        spec.second = self.chain(true)?;
        Ok(())
    }

    /// `*` or a comma-separated list of values.
    fn chain(&mut self, usec: bool) -> Result<Chain, Fail> {
        if self.peek() == Some(b'*') {
            self.pos += 1;
            return Ok(usec.then(|| vec![EVERY_SECOND]));
        }
        let mut list = vec![self.component(usec)?];
        while self.peek() == Some(b',') {
            self.pos += 1;
            list.push(self.component(usec)?);
        }
        Ok(Some(list))
    }

    /// `N`, `N/R`, `N..M` or `N..M/R`.
    fn component(&mut self, usec: bool) -> Result<Component, Fail> {
        let unit = if usec { USEC_PER_SEC } else { 1 };
        let start = self.number(usec)?;
        let mut c = Component::single(start);
        if self.peek() == Some(b'.') && self.b.get(self.pos + 1) == Some(&b'.') {
            self.pos += 2;
            c.stop = self.number(usec)?;
            c.repeat = unit;
        }
        if self.peek() == Some(b'/') {
            self.pos += 1;
            c.repeat = self.number(usec)?;
            if c.repeat == 0 {
                return Err((ErrorKind::OutOfRange, "repetition of zero", self.pos));
            }
        } else if usec && c.stop >= 0 {
            // A seconds range steps by whole seconds from its start, so it must span one.
            if c.start + USEC_PER_SEC > i64::from(i32::MAX) {
                return Err((ErrorKind::OutOfRange, "value too large", self.pos));
            }
            if c.start + USEC_PER_SEC > c.stop {
                return Err(self.invalid("seconds range shorter than a second"));
            }
        }
        Ok(c)
    }

    /// A decimal number; in the seconds field with an optional fraction (µs, rounded).
    fn number(&mut self, usec: bool) -> Result<i64, Fail> {
        let too_large = (ErrorKind::OutOfRange, "value too large", self.pos);
        if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
            return Err(self.invalid("expected a number"));
        }
        let mut value: i64 = 0;
        while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
            value = value * 10 + i64::from(d - b'0');
            if value > i64::from(i32::MAX) {
                return Err(too_large);
            }
            self.pos += 1;
        }
        if !usec {
            return Ok(value);
        }
        value *= USEC_PER_SEC;
        if self.peek() == Some(b'.') && self.b.get(self.pos + 1).is_some_and(u8::is_ascii_digit) {
            let (frac, end) =
                parse_fraction(self.b, self.pos + 1).ok_or_else(|| self.invalid("bad fraction"))?;
            value += i64::try_from(frac).unwrap_or(i64::MAX);
            self.pos = end;
        }
        if value > i64::from(i32::MAX) {
            return Err(too_large);
        }
        Ok(value)
    }
}
