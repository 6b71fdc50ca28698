//! `list-timers`, `list-sockets`, and the timer/socket lines of `status`.

use std::process::ExitCode;

use linger_ipc::manager::{self as api, method};
use linger_ipc::unit_activation::Activation;
use linger_time::timestamp::{format_timestamp, format_timestamp_relative};
use serde_json::json;

use super::Opts;
use crate::connect::connect;
use crate::output::fail;

fn clock(id: rustix::time::ClockId) -> u64 {
    let t = rustix::time::clock_gettime(id);
    (t.tv_sec as u64) * 1_000_000 + (t.tv_nsec as u64) / 1000
}

/// The next elapse of a timer on the wall clock: the calendar one or the monotonic one
/// converted at the current offset between the clocks, whichever comes first.
pub fn next_elapse(a: &Activation<'_>) -> Option<u64> {
    let parse_ts = |s: &str| linger_time::timestamp::parse_timestamp(s, 0, &tz()).ok();
    let real = a.next_elapse_realtime.and_then(parse_ts);
    let mono = a
        .next_elapse_monotonic
        .and_then(|s| linger_time::parse_sec(s).ok())
        // 0: no elapse on that clock; infinity: none to come (the engine's next_elapse_*).
        .filter(|m| *m != 0 && *m != linger_time::USEC_INFINITY)
        .map(|m| {
            let now_mono = clock(rustix::time::ClockId::Monotonic);
            let now_real = clock(rustix::time::ClockId::Realtime);
            (now_real + m).saturating_sub(now_mono)
        });
    match (real, mono) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn last_trigger(a: &Activation<'_>) -> Option<u64> {
    a.last_trigger
        .and_then(|s| linger_time::timestamp::parse_timestamp(s, 0, &tz()).ok())
}

fn tz() -> jiff::tz::TimeZone {
    linger_time::local_zone()
}

/// Units of one type with the given properties, from the manager.
fn units_of_type(
    o: &Opts,
    suffix: &str,
    patterns: &[String],
    props: &[&str],
) -> Result<Vec<api::UnitProperties>, String> {
    let mut client = connect()?;
    let v = client
        .call(method::LIST, json!({ "all": true }))
        .map_err(|e| e.to_string())?;
    let r: api::ListReply = serde_json::from_value(v).unwrap_or_default();
    let names: Vec<String> = r
        .units
        .into_iter()
        .filter(|u| u.unit.ends_with(suffix) && u.load == linger_wire::LoadState::Loaded)
        .filter(|u| o.all || u.active == linger_wire::ActiveState::Active)
        .filter(|u| crate::unit_names::matches_patterns(patterns, &u.unit))
        .map(|u| u.unit)
        .collect();
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let req = api::UnitsRequest {
        units: names,
        properties: props.iter().map(|s| (*s).to_string()).collect(),
        ..Default::default()
    };
    crate::unit_pages::units(&mut client, &req).map_err(|e| e.to_string())
}

fn footer(o: &Opts, n: usize, what: &str) {
    if o.no_legend {
        return;
    }
    println!("\n{n} {what} listed.");
    if !o.all {
        println!("Pass --all to see loaded but inactive {what}, too.");
    }
}

/// `list-timers`.
pub fn list_timers(o: &Opts, patterns: &[String]) -> ExitCode {
    let units = match units_of_type(o, ".timer", patterns, Activation::TIMER_PROPERTIES) {
        Ok(u) => u,
        Err(e) => return fail(&e),
    };
    let now = clock(rustix::time::ClockId::Realtime);
    let mut rows: Vec<(Option<u64>, Vec<String>)> = units
        .iter()
        .map(|u| {
            let a = u.activation();
            let next = next_elapse(&a);
            let last = last_trigger(&a);
            let show = |t: Option<u64>| {
                t.map_or_else(|| "n/a".to_string(), |t| format_timestamp(t, &tz()))
            };
            let rel = |t: Option<u64>| {
                t.map_or_else(|| "n/a".to_string(), |t| format_timestamp_relative(t, now))
            };
            (
                next,
                vec![
                    show(next),
                    rel(next),
                    show(last),
                    rel(last),
                    a.id.to_string(),
                    a.triggers.to_string(),
                ],
            )
        })
        .collect();
    // Soonest first; timers with nothing ahead last.
    rows.sort_by_key(|(n, r)| (n.is_none(), n.unwrap_or(0), r[4].clone()));
    let rows: Vec<Vec<String>> = rows.into_iter().map(|(_, r)| r).collect();
    let header = ["NEXT", "LEFT", "LAST", "PASSED", "UNIT", "ACTIVATES"];
    super::list::table(o, &header, &rows, !o.no_legend, &[]);
    footer(o, rows.len(), "timers");
    ExitCode::SUCCESS
}

/// `list-sockets`.
pub fn list_sockets(o: &Opts, patterns: &[String]) -> ExitCode {
    let units = match units_of_type(o, ".socket", patterns, Activation::SOCKET_PROPERTIES) {
        Ok(u) => u,
        Err(e) => return fail(&e),
    };
    let mut rows = Vec::new();
    for u in &units {
        let a = u.activation();
        for l in &a.listen {
            let addr = l.rsplit_once(" (").map_or(*l, |(addr, _)| addr);
            rows.push(vec![addr.to_string(), a.id.into(), a.triggers.into()]);
        }
    }
    rows.sort();
    super::list::table(
        o,
        &["LISTEN", "UNIT", "ACTIVATES"],
        &rows,
        !o.no_legend,
        &[],
    );
    footer(o, rows.len(), "sockets");
    ExitCode::SUCCESS
}

/// The lines `status` prints for a timer (`Trigger:`, `Triggers:`) or a socket (`Triggers:`,
/// `Listen:`, `Accepted:`), and `TriggeredBy:` for what they activate.
pub fn status_lines(a: &Activation<'_>, active: &str) -> String {
    let mut out = String::new();
    let id = a.id;
    for (i, t) in a.triggered_by.iter().enumerate() {
        let label = if i == 0 {
            "TriggeredBy: "
        } else {
            "             "
        };
        out.push_str(&format!("{label}● {t}\n"));
    }
    if id.ends_with(".timer") && active == "active" {
        let now = clock(rustix::time::ClockId::Realtime);
        let line = match next_elapse(a) {
            Some(t) => format!(
                "{}; {}",
                format_timestamp(t, &tz()),
                format_timestamp_relative(t, now)
            ),
            None => "n/a".into(),
        };
        out.push_str(&format!("    Trigger: {line}\n"));
    }
    if (id.ends_with(".timer") || id.ends_with(".socket")) && !a.triggers.is_empty() {
        out.push_str(&format!("   Triggers: ● {}\n", a.triggers));
    }
    if !a.listen.is_empty() {
        for (i, l) in a.listen.iter().enumerate() {
            let label = if i == 0 {
                "     Listen: "
            } else {
                "             "
            };
            out.push_str(&format!("{label}{l}\n"));
        }
        if a.accept {
            out.push_str(&format!(
                "   Accepted: {}; Connected: {};\n",
                a.n_accepted, a.n_connections
            ));
        }
    }
    out
}

/// `list-paths`: path units and what they watch.
pub fn list_paths(o: &Opts, patterns: &[String]) -> ExitCode {
    let units = match units_of_type(o, ".path", patterns, Activation::PATH_PROPERTIES) {
        Ok(u) => u,
        Err(e) => return fail(&e),
    };
    let mut rows = Vec::new();
    for u in &units {
        let a = u.activation();
        for (cond, path) in &a.paths {
            rows.push(vec![
                path.to_string(),
                cond.to_string(),
                a.id.to_string(),
                a.triggers.to_string(),
            ]);
        }
    }
    rows.sort();
    super::list::table(
        o,
        &["PATH", "CONDITION", "UNIT", "ACTIVATES"],
        &rows,
        !o.no_legend,
        &[],
    );
    footer(o, rows.len(), "paths");
    ExitCode::SUCCESS
}
