//! The short family, cat and verbose: the formats meant for people.

use std::io::{self, Write};

use super::text::{is_printable, plain, strip_tab_ansi};
use super::{OutputMode, Printer, display_monotonic, display_realtime};
use crate::entry::{fields, id128_hex};
use crate::store::segment::{
    K_COMM, K_HOSTNAME, K_MESSAGE, K_PID, K_PRIORITY, K_SYSLOG_IDENTIFIER, K_SYSLOG_PID,
};
use crate::view::EntryView;

impl Printer {
    pub(super) fn cat(&mut self, e: &dyn EntryView, out: &mut dyn Write) -> io::Result<()> {
        match &self.opts.output_fields {
            None => {
                let Some(m) = e.get_known(K_MESSAGE) else {
                    return Ok(());
                };
                let mut b = std::mem::take(&mut self.buf);
                b.clear();
                b.extend_from_slice(m);
                b.push(b'\n');
                let r = out.write_all(&b);
                self.buf = b;
                r
            }
            Some(wanted) => {
                let mut res = Ok(());
                e.for_each_field(&mut |n, v| {
                    if res.is_ok() && wanted.iter().any(|w| w == n) {
                        res = out.write_all(v).and_then(|()| out.write_all(b"\n"));
                    }
                });
                res
            }
        }
    }

    pub(super) fn short(&mut self, e: &dyn EntryView, out: &mut dyn Write) -> io::Result<()> {
        // Entries without a message are not shown in the short formats.
        let Some(msg) = e.get_known(K_MESSAGE) else {
            return Ok(());
        };
        let mut line = std::mem::take(&mut self.buf);
        line.clear();
        let rt = display_realtime(e);
        let frac = rt % 1_000_000;
        match self.opts.mode {
            OutputMode::ShortMonotonic => {
                let m = display_monotonic(e);
                let _ = write!(line, "[{:5}.{:06}]", m / 1_000_000, m % 1_000_000);
            }
            OutputMode::ShortUnix => {
                let _ = write!(line, "{}.{:06}", rt / 1_000_000, frac);
            }
            mode => {
                let (pattern, precise_after) = match mode {
                    OutputMode::ShortIso => ("%Y-%m-%dT%H:%M:%S%z", None),
                    OutputMode::ShortIsoPrecise => ("%Y-%m-%dT%H:%M:%S", Some("%z")),
                    OutputMode::ShortPrecise => ("%b %d %H:%M:%S", Some("")),
                    OutputMode::ShortFull | OutputMode::WithUnit => {
                        ("%a %Y-%m-%d %H:%M:%S %Z", None)
                    }
                    _ => ("%b %d %H:%M:%S", None),
                };
                match self.strftime_cached(rt, pattern) {
                    Some(s) => line.extend_from_slice(s.as_bytes()),
                    None => line.extend_from_slice(b"--- XXX --:--:--"),
                }
                if let Some(after) = precise_after {
                    let _ = write!(line, ".{frac:06}");
                    if !after.is_empty()
                        && let Some(z) = self.strftime(rt, after)
                    {
                        line.extend_from_slice(z.as_bytes());
                    }
                }
            }
        }
        // The origin covers host, identifier and pid, not the unit fields of with-unit.
        let origin = e
            .origin()
            .filter(|_| self.opts.mode != OutputMode::WithUnit);
        match &self.origin_cache {
            Some((o, part)) if origin.as_ref() == Some(o) => line.extend_from_slice(part),
            _ => {
                let from = line.len();
                self.origin_part(e, &mut line);
                if let Some(o) = origin {
                    let mut part = self.origin_cache.take().map(|(_, p)| p).unwrap_or_default();
                    part.clear();
                    part.extend_from_slice(&line[from..]);
                    self.origin_cache = Some((o, part));
                }
            }
        }
        // Printable ASCII has no line breaks: no continuation indent to work out.
        let plain_msg = plain(msg);
        let prefix_cols = if plain_msg {
            0
        } else if line.is_ascii() {
            line.len()
        } else {
            std::str::from_utf8(&line).map_or(line.len(), |s| s.chars().count())
        };
        let style = if self.opts.colors {
            priority_style(e.get_known(K_PRIORITY))
        } else {
            None
        };
        if let Some(s) = style {
            let _ = write!(line, "{}", s.render());
        }
        if plain_msg {
            line.extend_from_slice(msg);
        } else if self.opts.all {
            write_multiline(&mut line, msg, prefix_cols);
        } else {
            let m = strip_tab_ansi(msg);
            if is_printable(&m, true) {
                write_multiline(&mut line, &m, prefix_cols);
            } else {
                let _ = write!(line, "[{}B blob data]", m.len());
            }
        }
        if let Some(s) = style {
            let _ = write!(line, "{}", s.render_reset());
        }
        line.push(b'\n');
        let r = out.write_all(&line);
        self.buf = line;
        r
    }

    /// ` host ident[pid]: ` of short output.
    fn origin_part(&self, e: &dyn EntryView, line: &mut Vec<u8>) {
        if !self.opts.no_hostname
            && let Some(h) = e.get_known(K_HOSTNAME)
        {
            line.push(b' ');
            line.extend_from_slice(h);
        }
        line.push(b' ');
        let unit = if self.opts.mode == OutputMode::WithUnit {
            // The unit a manager message is about, else the unit the process runs in.
            ["USER_UNIT", "UNIT", "_SYSTEMD_USER_UNIT", "_SYSTEMD_UNIT"]
                .iter()
                .find_map(|f| e.get(f))
        } else {
            None
        };
        match unit
            .or_else(|| e.get_known(K_SYSLOG_IDENTIFIER))
            .or_else(|| e.get_known(K_COMM))
        {
            Some(id) => line.extend_from_slice(id),
            None => line.extend_from_slice(b"unknown"),
        }
        if let Some(pid) = e.get_known(K_PID).or_else(|| e.get_known(K_SYSLOG_PID)) {
            line.push(b'[');
            line.extend_from_slice(pid);
            line.push(b']');
        }
        line.extend_from_slice(b": ");
    }

    pub(super) fn verbose(&mut self, e: &dyn EntryView, out: &mut dyn Write) -> io::Result<()> {
        let rt = display_realtime(e);
        let ts = self
            .strftime(rt, "%a %Y-%m-%d %H:%M:%S")
            .unwrap_or_default();
        let zone = self.strftime(rt, "%Z").unwrap_or_default();
        let mut buf: Vec<u8> = Vec::with_capacity(512);
        let _ = writeln!(buf, "{ts}.{:06} {zone} [{}]", rt % 1_000_000, e.cursor());
        let mut has_boot = false;
        e.for_each_field(&mut |n, _| has_boot |= n == fields::BOOT_ID);
        if !has_boot && self.wanted(fields::BOOT_ID) {
            let _ = writeln!(buf, "    _BOOT_ID={}", id128_hex(&e.boot_id()));
        }
        let all = self.opts.all;
        let wanted = self.opts.output_fields.clone();
        e.for_each_field(&mut |n, v| {
            if wanted.as_ref().is_some_and(|w| !w.iter().any(|x| x == n)) {
                return;
            }
            let _ = write!(buf, "    {n}=");
            if all || is_printable(v, true) {
                write_multiline(&mut buf, v, 4 + n.len() + 1);
            } else {
                let _ = write!(buf, "[{}B blob data]", v.len());
            }
            buf.push(b'\n');
        });
        out.write_all(&buf)
    }
}

/// Writes `msg` with continuation lines indented by `indent` columns; one trailing newline
/// is not shown.
fn write_multiline(out: &mut Vec<u8>, msg: &[u8], indent: usize) {
    let msg = msg.strip_suffix(b"\n").unwrap_or(msg);
    if !msg.contains(&b'\n') {
        out.extend_from_slice(msg);
        return;
    }
    let mut first = true;
    for part in msg.split(|&b| b == b'\n') {
        if !first {
            out.push(b'\n');
            out.resize(out.len() + indent, b' ');
        }
        first = false;
        out.extend_from_slice(part);
    }
}

/// How a message of this priority is highlighted: errors and worse red, warnings yellow,
/// notices bold, debug grey, info plain.
fn priority_style(priority: Option<&[u8]>) -> Option<anstyle::Style> {
    use anstyle::{AnsiColor, Color, Style};
    let fg = |c| Style::new().fg_color(Some(Color::Ansi(c)));
    match priority? {
        b"0" | b"1" | b"2" | b"3" => Some(fg(AnsiColor::Red).bold()),
        b"4" => Some(fg(AnsiColor::Yellow).bold()),
        b"5" => Some(Style::new().bold()),
        b"7" => Some(fg(AnsiColor::BrightBlack)),
        _ => None,
    }
}
