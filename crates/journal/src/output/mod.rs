//! Output formats of journalctl: short family, cat, json family, export and verbose,
//! byte for byte as journalctl 252 prints them where the format is defined.

mod short;
mod structured;
pub mod text;

use std::io::{self, Write};

use crate::entry::id128_hex;
use crate::view::EntryView;

/// `-o` modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputMode {
    /// `Nov 14 22:13:20 host ident[pid]: message`
    #[default]
    Short,
    /// ISO 8601 seconds with the zone offset.
    ShortIso,
    /// ISO 8601 with microseconds.
    ShortIsoPrecise,
    /// Like short, with microseconds.
    ShortPrecise,
    /// Monotonic seconds since boot.
    ShortMonotonic,
    /// Seconds since the epoch.
    ShortUnix,
    /// Weekday, date, time and zone name.
    ShortFull,
    /// Like short-full, with the unit's name where the syslog identifier would be.
    WithUnit,
    /// The message only.
    Cat,
    /// One JSON object per line.
    Json,
    /// Indented JSON.
    JsonPretty,
    /// JSON as server-sent events.
    JsonSse,
    /// JSON text sequences (RFC 7464).
    JsonSeq,
    /// Journal Export Format.
    Export,
    /// Every field.
    Verbose,
}

impl std::str::FromStr for OutputMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "short" => OutputMode::Short,
            "short-iso" => OutputMode::ShortIso,
            "short-iso-precise" => OutputMode::ShortIsoPrecise,
            "short-precise" => OutputMode::ShortPrecise,
            "short-monotonic" => OutputMode::ShortMonotonic,
            "short-unix" => OutputMode::ShortUnix,
            "short-full" => OutputMode::ShortFull,
            "with-unit" => OutputMode::WithUnit,
            "cat" => OutputMode::Cat,
            "json" => OutputMode::Json,
            "json-pretty" => OutputMode::JsonPretty,
            "json-sse" => OutputMode::JsonSse,
            "json-seq" => OutputMode::JsonSeq,
            "export" => OutputMode::Export,
            "verbose" => OutputMode::Verbose,
            _ => return Err(format!("Unknown output format '{s}'.")),
        })
    }
}

impl OutputMode {
    /// Whether "-- Boot ID --" separators are printed between boots.
    fn boot_separators(self) -> bool {
        !matches!(
            self,
            OutputMode::Cat
                | OutputMode::Json
                | OutputMode::JsonPretty
                | OutputMode::JsonSse
                | OutputMode::JsonSeq
                | OutputMode::Export
        )
    }
}

/// How to print.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutputOptions {
    /// The format.
    pub mode: OutputMode,
    /// `--output-fields=`: only these fields (json, export, verbose, cat).
    pub output_fields: Option<Vec<String>>,
    /// `--no-hostname`.
    pub no_hostname: bool,
    /// `--all`: print long and unprintable fields in full.
    pub all: bool,
    /// `-q`: no boot separators.
    pub quiet: bool,
    /// `--utc`: times in UTC instead of the local zone.
    pub utc: bool,
    /// Colour messages by priority (errors red, warnings yellow, notices bold, debug grey), as
    /// journalctl does on a terminal.
    pub colors: bool,
}

/// Formats entries one after another (it remembers the previous boot for separators).
#[derive(Debug)]
pub struct Printer {
    opts: OutputOptions,
    tz: jiff::tz::TimeZone,
    prev_boot: Option<[u8; 16]>,
    /// (second, mode-specific formatted seconds part) of the last timestamp.
    ts_cache: Option<(i64, String)>,
    /// Hex forms of recently printed 128-bit ids.
    id_cache: Vec<([u8; 16], [u8; 32])>,
    /// Short output: the part after the time (` host ident[pid]: `) for one entry origin.
    origin_cache: Option<(crate::view::Origin, Vec<u8>)>,
    /// Reused output buffer.
    buf: Vec<u8>,
}

impl Printer {
    /// A printer using the local time zone (`TZ`, `/etc/localtime`), or UTC with `utc`.
    pub fn new(opts: OutputOptions) -> Self {
        let tz = if opts.utc {
            jiff::tz::TimeZone::UTC
        } else {
            linger_time::local_zone()
        };
        Printer {
            opts,
            tz,
            prev_boot: None,
            ts_cache: None,
            id_cache: Vec::new(),
            origin_cache: None,
            buf: Vec::new(),
        }
    }

    /// A printer with an explicit time zone (tests).
    pub fn with_time_zone(opts: OutputOptions, tz: jiff::tz::TimeZone) -> Self {
        Printer {
            opts,
            tz,
            prev_boot: None,
            ts_cache: None,
            id_cache: Vec::new(),
            origin_cache: None,
            buf: Vec::new(),
        }
    }

    /// The options in use.
    pub fn options(&self) -> &OutputOptions {
        &self.opts
    }

    /// Prints one entry.
    pub fn print(&mut self, e: &dyn EntryView, out: &mut dyn Write) -> io::Result<()> {
        let boot = e.boot_id();
        if self.opts.mode.boot_separators()
            && !self.opts.quiet
            && self.prev_boot.is_some_and(|b| b != boot)
        {
            writeln!(out, "-- Boot {} --", id128_hex(&boot))?;
        }
        self.prev_boot = Some(boot);
        match self.opts.mode {
            OutputMode::Cat => self.cat(e, out),
            OutputMode::Json
            | OutputMode::JsonPretty
            | OutputMode::JsonSse
            | OutputMode::JsonSeq => self.json(e, out),
            OutputMode::Export => self.export(e, out),
            OutputMode::Verbose => self.verbose(e, out),
            _ => self.short(e, out),
        }
    }

    fn wanted(&self, name: &str) -> bool {
        self.opts
            .output_fields
            .as_ref()
            .is_none_or(|f| f.iter().any(|x| x == name))
    }

    /// Formats `usec` with a strftime pattern in the printer's zone; `None` when out of range.
    pub(crate) fn strftime(&self, usec: u64, pattern: &str) -> Option<String> {
        let ts = jiff::Timestamp::from_microsecond(i64::try_from(usec).ok()?).ok()?;
        Some(ts.to_zoned(self.tz.clone()).strftime(pattern).to_string())
    }

    /// Like [`Printer::strftime`], cached per second (the hot path of short output).
    fn strftime_cached(&mut self, usec: u64, pattern: &str) -> Option<&str> {
        let sec = (usec / 1_000_000) as i64;
        if self.ts_cache.as_ref().is_none_or(|(s, _)| *s != sec) {
            let s = self.strftime(usec - usec % 1_000_000, pattern)?;
            self.ts_cache = Some((sec, s));
        }
        self.ts_cache.as_ref().map(|(_, s)| s.as_str())
    }
}

/// The wall-clock time output shows: `_SOURCE_REALTIME_TIMESTAMP` when valid, else the
/// entry's own.
fn display_realtime(e: &dyn EntryView) -> u64 {
    e.get_known(crate::store::segment::K_SOURCE_REALTIME)
        .and_then(|v| std::str::from_utf8(v).ok()?.parse::<u64>().ok())
        .filter(|&t| t > 0)
        .unwrap_or_else(|| e.realtime_usec())
}

/// The monotonic time output shows: `_SOURCE_MONOTONIC_TIMESTAMP` when valid, else the entry's.
fn display_monotonic(e: &dyn EntryView) -> u64 {
    e.get_known(crate::store::segment::K_SOURCE_MONOTONIC)
        .and_then(|v| std::str::from_utf8(v).ok()?.parse::<u64>().ok())
        .unwrap_or_else(|| e.monotonic_usec())
}
