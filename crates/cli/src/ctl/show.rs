//! show, cat, is-active, is-failed, is-enabled, is-system-running.

use std::process::ExitCode;

use linger_ipc::manager::{self as api, method};
use linger_ipc::unit_status;
use linger_wire::{ActiveState, LoadState};
use serde_json::json;

use super::Opts;
use crate::connect::connect;
use crate::output::fail;
use crate::unit_names::{expand_names, mangle_all};

/// Fetch units' properties (and, for status, processes and logs).
pub fn fetch(
    units: &[String],
    log_lines: usize,
    processes: bool,
) -> Result<Vec<api::UnitProperties>, String> {
    fetch_props(units, log_lines, processes, &[])
}

/// [`fetch`] limited to some properties (empty: all), so cheap queries stay cheap.
pub fn fetch_props(
    units: &[String],
    log_lines: usize,
    processes: bool,
    properties: &[&str],
) -> Result<Vec<api::UnitProperties>, String> {
    let mut client = connect()?;
    let req = api::UnitsRequest {
        units: units.to_vec(),
        log_lines,
        processes,
        properties: properties.iter().map(|p| (*p).to_string()).collect(),
        ..Default::default()
    };
    crate::unit_pages::units(&mut client, &req).map_err(|e| e.to_string())
}

/// `show`.
pub fn show(units: &[String], o: &Opts) -> ExitCode {
    let props_list: Vec<std::collections::BTreeMap<String, String>> = if units.is_empty() {
        let mut client = match connect() {
            Ok(c) => c,
            Err(e) => return fail(&e),
        };
        match client.call(method::MANAGER, json!({})) {
            Ok(v) => vec![
                v.get("properties")
                    .and_then(|p| serde_json::from_value(p.clone()).ok())
                    .unwrap_or_default(),
            ],
            Err(e) => return fail(&e.to_string()),
        }
    } else {
        let wanted: Vec<&str> = o.property.iter().map(|p| property_filter(p).0).collect();
        let names = match expand_names(units) {
            Ok(n) => n,
            Err(e) => return fail(&e),
        };
        match fetch_props(
            &names,
            0,
            wanted.is_empty() || wanted.contains(&"TasksCurrent"),
            &wanted,
        ) {
            Ok(u) => u.into_iter().map(|u| u.properties).collect(),
            Err(e) => return fail(&e),
        }
    };
    let json_out = matches!(o.output.as_deref(), Some("json" | "json-pretty"));
    for (i, props) in props_list.iter().enumerate() {
        if json_out {
            let selected: std::collections::BTreeMap<&String, &String> = props
                .iter()
                .filter(|(k, _)| o.property.is_empty() || o.property.contains(k))
                .collect();
            let text = if o.output.as_deref() == Some("json-pretty") {
                serde_json::to_string_pretty(&selected)
            } else {
                serde_json::to_string(&selected)
            };
            println!("{}", text.unwrap_or_default());
            continue;
        }
        if i > 0 && !o.value {
            println!();
        }
        if o.property.is_empty() {
            for (k, v) in props {
                if o.all || !v.is_empty() {
                    // Array properties (Listen=) print one assignment per element.
                    for line in v.split('\n') {
                        println!("{k}={line}");
                    }
                }
            }
        } else {
            for p in &o.property {
                let (k, only) = property_filter(p);
                let v = props.get(k).map(String::as_str).unwrap_or("");
                // `-p NAME=VALUE` shows the property only when it has that value (systemd's
                // bash completion filters units with it).
                if only.is_some_and(|want| want != v) {
                    continue;
                }
                for line in v.split('\n') {
                    if o.value {
                        println!("{line}");
                    } else {
                        println!("{k}={line}");
                    }
                }
            }
        }
    }
    ExitCode::SUCCESS
}

/// `-p NAME` or `-p NAME=VALUE`: (name, the value it must have).
fn property_filter(p: &str) -> (&str, Option<&str>) {
    match p.split_once('=') {
        Some((k, v)) => (k, Some(v)),
        None => (p, None),
    }
}

/// `cat`: the fragment and drop-ins, each headed by its path; units are separated by an
/// empty line (none before the first one printed).
pub fn cat(units: &[String]) -> ExitCode {
    let list = match expand_names(units).and_then(|n| fetch(&n, 0, false)) {
        Ok(u) => u,
        Err(e) => return fail(&e),
    };
    let mut code = 0;
    let mut printed_one = false;
    // Only needed for a unit without a file (scanned once).
    let mut index = None;
    for u in &list {
        let s = u.status();
        let id = s.id;
        let mut paths: Vec<String> = Vec::new();
        if s.fragment_path.is_empty() {
            // systemctl 252 looks for drop-ins by the unit's own name (`NAME.d/`,
            // `service.d/`) itself when the manager found no file: they are shown alone.
            if s.load_state == Some(LoadState::NotFound) {
                let index = index.get_or_insert_with(search_index);
                paths.extend(
                    linger_unit::loader::dropins_of_name(index, id)
                        .into_iter()
                        .map(|p| p.display().to_string()),
                );
            }
        } else {
            paths.push(s.fragment_path.to_string());
            paths.extend(s.drop_in_paths.iter().map(|p| p.to_string()));
        }
        if paths.is_empty() {
            eprintln!("No files found for {id}.");
            code = 1;
            continue;
        }
        if printed_one {
            println!();
        }
        printed_one = true;
        if s.need_daemon_reload {
            eprintln!("{}", super::reload_warning::cat_block(id));
        }
        for (j, p) in paths.iter().enumerate() {
            if j > 0 {
                println!();
            }
            println!(
                "{}",
                crate::output::paint(crate::output::style::HIGHLIGHT_BLUE, &format!("# {p}"))
            );
            match std::fs::read_to_string(p) {
                Ok(t) => print!("{t}{}", if t.ends_with('\n') { "" } else { "\n" }),
                Err(e) => eprintln!("Failed to read {p}: {e}"),
            }
        }
    }
    ExitCode::from(code)
}

/// The user's unit search path as the manager computes it from this environment (what
/// systemctl does for the files it looks up itself).
fn search_index() -> linger_unit::loader::UnitIndex {
    linger_unit::loader::UnitIndex::scan(&crate::daemon::user_load_context())
}

/// Which state `is-*` checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// is-active
    Active,
    /// is-failed
    Failed,
}

/// `is-active` (exit 0 when any is active, else 3) / `is-failed` (0 when any failed, else 1).
pub fn is_state(units: &[String], o: &Opts, check: Check) -> ExitCode {
    let list = match expand_names(units)
        .and_then(|n| fetch_props(&n, 0, false, &[unit_status::ACTIVE_STATE]))
    {
        Ok(u) => u,
        Err(e) => return fail(&e),
    };
    let mut any = false;
    for u in &list {
        let s = u.status();
        let state = s.active_state.unwrap_or(ActiveState::Inactive);
        let hit = match check {
            Check::Active => s.is_up(),
            Check::Failed => state == ActiveState::Failed,
        };
        any |= hit;
        if !o.quiet {
            println!("{}", state.as_str());
        }
    }
    match (check, any) {
        (_, true) => ExitCode::SUCCESS,
        (Check::Active, false) => ExitCode::from(3),
        (Check::Failed, false) => ExitCode::from(1),
    }
}

/// `is-enabled`: each name's unit file state as systemctl prints it (`alias` for an alias,
/// `disabled`/`indirect` for a template); exit 0 when any is enabled in some way. A name with
/// no unit file is an error (exit 1), as with systemctl.
pub fn is_enabled(units: &[String], o: &Opts) -> ExitCode {
    if units.is_empty() {
        return fail("Too few arguments.");
    }
    let r = if let Some(root) = &o.root {
        super::offline::unit_file_states(root, &mangle_all(units))
    } else {
        let mut client = match connect() {
            Ok(c) => c,
            Err(e) => return fail(&e),
        };
        let req = api::NamesRequest {
            units: mangle_all(units),
        };
        let reply = match client.call(
            method::UNIT_FILE_STATES,
            serde_json::to_value(&req).unwrap_or_default(),
        ) {
            Ok(v) => v,
            Err(e) => return fail(&e.to_string()),
        };
        serde_json::from_value::<api::UnitFileStatesReply>(reply).unwrap_or_default()
    };
    let mut ok = false;
    for row in &r.states {
        if row.state.is_empty() {
            return fail(&format!(
                "Failed to get unit file state for {}: No such file or directory",
                row.unit
            ));
        }
        ok |= matches!(
            row.state.as_str(),
            "enabled"
                | "enabled-runtime"
                | "static"
                | "alias"
                | "indirect"
                | "generated"
                | "transient"
        );
        if !o.quiet {
            println!("{}", row.state);
        }
    }
    ExitCode::from(u8::from(!ok))
}

/// `is-system-running` (with `--wait`: once the start-up jobs are done, followed through the
/// manager's change stream).
pub fn is_system_running(o: &Opts) -> ExitCode {
    let mut client = match connect() {
        Ok(c) => c,
        Err(_) => {
            if !o.quiet {
                println!("offline");
            }
            return ExitCode::from(1);
        }
    };
    let mut changes = if o.wait {
        crate::watch::Changes::subscribe(&[]).ok()
    } else {
        None
    };
    let state = loop {
        let state = client
            .call(method::MANAGER, json!({}))
            .ok()
            .and_then(|v| {
                serde_json::from_value::<linger_ipc::manager_status::ManagerProperties>(v).ok()
            })
            .map(|p| p.status().system_state.to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "unknown".into());
        let Some(c) = changes.as_mut().filter(|_| state == "starting") else {
            break state;
        };
        // Jobs are queued: look again once one has finished.
        loop {
            match c.next() {
                Ok(batch)
                    if batch
                        .iter()
                        .any(|ch| matches!(ch, linger_ipc::manager::Change::JobRemoved { .. })) =>
                {
                    break;
                }
                Ok(_) => {}
                Err(_) => return ExitCode::from(1),
            }
        }
    };
    if !o.quiet {
        println!("{state}");
    }
    ExitCode::from(u8::from(state != "running"))
}

/// `help UNIT…`: the manual pages in the units' `Documentation=` (`man:foo(5)`), shown with
/// man(1); other addresses are printed.
pub fn help(units: &[String]) -> ExitCode {
    if units.is_empty() {
        return fail("Too few arguments.");
    }
    let list = match expand_names(units)
        .and_then(|n| fetch_props(&n, 0, false, &[unit_status::ID, unit_status::DOCUMENTATION]))
    {
        Ok(u) => u,
        Err(e) => return fail(&e),
    };
    let mut code = ExitCode::SUCCESS;
    for u in &list {
        let s = u.status();
        if s.documentation.is_empty() {
            code = fail(&format!("Documentation for {} not known.", s.id));
            continue;
        }
        for d in s.documentation {
            let Some(page) = d.strip_prefix("man:") else {
                println!("Can't show: {d}");
                continue;
            };
            // man:foo(5) → man 5 foo
            let args: Vec<&str> = match page.strip_suffix(')').and_then(|p| p.split_once('(')) {
                Some((name, section)) => vec![section, name],
                None => vec![page],
            };
            match std::process::Command::new("man").args(&args).status() {
                Ok(s) if s.success() => {}
                Ok(_) => code = ExitCode::from(1),
                Err(e) => code = fail(&format!("Failed to run man: {e}")),
            }
        }
    }
    code
}
