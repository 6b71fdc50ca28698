//! `blame` and `critical-chain` for the user manager: how long each unit took to start, and
//! the chain of units the default target (or a named unit) waited for. Times come from the
//! units' monotonic state-change stamps; the origin is the earliest unit start the manager
//! recorded (its own start).

use std::collections::BTreeMap;
use std::process::ExitCode;

use linger_ipc::manager as api;
use linger_ipc::unit_status;

use crate::output::fail;

/// When a unit started to activate and when it was up (µs, monotonic); 0 = never.
#[derive(Debug, Clone, Default)]
struct Times {
    activating: u64,
    activated: u64,
    after: Vec<String>,
}

fn fetch() -> Result<BTreeMap<String, Times>, String> {
    let names = crate::unit_names::loaded_units()?;
    let mut client = crate::connect::connect()?;
    let req = api::UnitsRequest {
        units: names,
        properties: [
            unit_status::ID,
            unit_status::INACTIVE_EXIT_TIMESTAMP_MONOTONIC,
            unit_status::ACTIVE_ENTER_TIMESTAMP_MONOTONIC,
            unit_status::INACTIVE_ENTER_TIMESTAMP_MONOTONIC,
            unit_status::AFTER,
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect(),
        ..Default::default()
    };
    let rows = crate::unit_pages::units(&mut client, &req).map_err(|e| e.to_string())?;
    let mut out = BTreeMap::new();
    for u in rows {
        let s = u.status();
        let start = s.inactive_exit.monotonic;
        // A oneshot without RemainAfterExit= is never "active": it ended instead.
        let up = match s.active_enter.monotonic {
            0 => s.inactive_enter.monotonic,
            t => t,
        };
        let after = s.after.iter().map(|a| a.to_string()).collect();
        if !s.id.is_empty() {
            out.insert(
                s.id.to_string(),
                Times {
                    activating: start,
                    activated: if up >= start { up } else { 0 },
                    after,
                },
            );
        }
    }
    Ok(out)
}

/// systemd-analyze's span format: `1min 2.345s`, `123ms`.
fn span(us: u64) -> String {
    linger_time::format_timespan(us, 1000)
}

/// `blame`: units by the time they took to start, slowest first.
pub fn blame() -> ExitCode {
    let units = match fetch() {
        Ok(u) => u,
        Err(e) => return fail(&e),
    };
    let mut rows: Vec<(u64, &String)> = units
        .iter()
        .filter(|(_, t)| t.activating > 0 && t.activated > t.activating)
        .map(|(n, t)| (t.activated - t.activating, n))
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let w = rows.iter().map(|r| span(r.0).len()).max().unwrap_or(0);
    for (d, n) in rows {
        println!("{:>w$} {n}", span(d));
    }
    ExitCode::SUCCESS
}

/// `critical-chain [UNIT…]`.
pub fn critical_chain(units: &[String]) -> ExitCode {
    let all = match fetch() {
        Ok(u) => u,
        Err(e) => return fail(&e),
    };
    let origin = all
        .values()
        .map(|t| t.activating)
        .filter(|&t| t > 0)
        .min()
        .unwrap_or(0);
    println!("The time when unit became active or started is printed after the \"@\" character.");
    println!("The time the unit took to start is printed after the \"+\" character.\n");
    let roots: Vec<String> = if units.is_empty() {
        vec!["default.target".to_string()]
    } else {
        units.iter().map(|u| crate::unit_names::mangle(u)).collect()
    };
    for root in roots {
        let Some(t) = all.get(&root) else {
            return fail(&format!("Unit {root} not loaded."));
        };
        if t.activated == 0 {
            return fail(&format!("Unit {root} has not been activated yet."));
        }
        print_chain(&all, &root, origin, 0);
    }
    ExitCode::SUCCESS
}

fn print_chain(all: &BTreeMap<String, Times>, unit: &str, origin: u64, depth: usize) {
    let Some(t) = all.get(unit) else { return };
    let at = span(t.activated.saturating_sub(origin));
    let took = t.activated.saturating_sub(t.activating);
    let line = if took > 0 && !unit.ends_with(".target") {
        format!("{unit} @{at} +{}", span(took))
    } else {
        format!("{unit} @{at}")
    };
    if depth == 0 {
        println!("{line}");
    } else {
        println!("{}└─{line}", "  ".repeat(depth - 1));
    }
    // The dependency this unit waited for last: the latest one up before it started.
    let limit = if t.activating > 0 {
        t.activating
    } else {
        t.activated
    };
    let next = t
        .after
        .iter()
        .filter_map(|d| all.get(d).map(|dt| (d, dt)))
        .filter(|(_, dt)| dt.activated > 0 && dt.activated <= limit.max(t.activated))
        .max_by_key(|(_, dt)| dt.activated);
    if let Some((d, _)) = next
        && depth < 64
    {
        print_chain(all, d, origin, depth + 1);
    }
}
