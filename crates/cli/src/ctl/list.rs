//! list-units, list-unit-files, list-dependencies, list-jobs — in systemctl's table layout.

use std::process::ExitCode;

use linger_ipc::manager::{self as api, method};
use linger_wire::{ActiveState, LoadState};
use serde_json::json;

use super::Opts;
use crate::connect::connect;
use crate::output::{fail, paint};

/// Print rows as aligned columns (systemctl style), cut to the terminal unless `--full`.
pub(super) fn table(
    o: &Opts,
    header: &[&str],
    rows: &[Vec<String>],
    legend: bool,
    prefix: &[String],
) {
    crate::output::table::print(header, rows, legend, prefix, o.full);
}

/// `list-units`.
pub fn list_units(o: &Opts, patterns: &[String]) -> ExitCode {
    let mut client = match connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let v = match client.call(method::LIST, json!({ "all": o.all })) {
        Ok(v) => v,
        Err(e) => return fail(&e.to_string()),
    };
    let r: api::ListReply = serde_json::from_value(v).unwrap_or_default();
    let mut states = o.state.clone();
    if o.failed {
        states.push("failed".into());
    }
    let rows: Vec<&api::UnitRow> = r
        .units
        .iter()
        .filter(|u| crate::unit_names::matches_patterns(patterns, &u.unit))
        .filter(|u| {
            o.types.is_empty() || o.types.iter().any(|t| u.unit.ends_with(&format!(".{t}")))
        })
        .filter(|u| {
            if !states.is_empty() {
                return states.iter().any(|s| {
                    s == u.active.as_str() || s == u.sub.as_str() || s == u.load.as_str()
                });
            }
            o.all
                || u.active != ActiveState::Inactive
                || u.job.is_some()
                || u.load != LoadState::Loaded
        })
        .collect();
    if o.output.as_deref().is_some_and(|x| x.starts_with("json")) {
        let text = serde_json::to_string(&rows).unwrap_or_default();
        println!("{text}");
        return ExitCode::SUCCESS;
    }
    let prefix: Vec<String> = rows
        .iter()
        .map(|u| {
            if u.active == ActiveState::Failed || u.load != LoadState::Loaded {
                format!("{} ", paint(crate::output::style::HIGHLIGHT_RED, "●"))
            } else {
                "  ".into()
            }
        })
        .collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|u| {
            vec![
                u.unit.clone(),
                u.load.to_string(),
                u.active.to_string(),
                u.sub.to_string(),
                u.job.map(|j| j.to_string()).unwrap_or_default(),
                u.description.clone(),
            ]
        })
        .collect();
    let any_job = rows.iter().any(|u| u.job.is_some());
    let (header, cells): (Vec<&str>, Vec<Vec<String>>) = if any_job {
        (
            vec!["UNIT", "LOAD", "ACTIVE", "SUB", "JOB", "DESCRIPTION"],
            cells,
        )
    } else {
        (
            vec!["UNIT", "LOAD", "ACTIVE", "SUB", "DESCRIPTION"],
            cells
                .into_iter()
                .map(|mut c| {
                    c.remove(4);
                    c
                })
                .collect(),
        )
    };
    table(o, &header, &cells, !o.no_legend, &prefix);
    if !o.no_legend {
        println!();
        println!("LOAD   = Reflects whether the unit definition was properly loaded.");
        println!("ACTIVE = The high-level unit activation state, i.e. generalization of SUB.");
        println!("SUB    = The low-level unit activation state, values depend on unit type.");
        if any_job {
            println!("JOB    = Pending job for the unit.");
        }
        if o.all {
            println!("{} loaded units listed.", rows.len());
        } else {
            println!(
                "{} loaded units listed. Pass --all to see loaded but inactive units, too.",
                rows.len()
            );
        }
        println!("To show all installed unit files use 'systemctl list-unit-files'.");
    }
    ExitCode::SUCCESS
}

/// `list-unit-files`.
pub fn list_unit_files(o: &Opts, patterns: &[String]) -> ExitCode {
    let r = if let Some(root) = &o.root {
        super::offline::unit_files(root)
    } else {
        let mut client = match connect() {
            Ok(c) => c,
            Err(e) => return fail(&e),
        };
        let v = match client.call(method::LIST_UNIT_FILES, json!({})) {
            Ok(v) => v,
            Err(e) => return fail(&e.to_string()),
        };
        serde_json::from_value::<api::UnitFilesReply>(v).unwrap_or_default()
    };
    let mut rows: Vec<Vec<String>> = r
        .files
        .iter()
        .map(|f| (f.path.rsplit('/').next().unwrap_or(&f.path).to_string(), f))
        .filter(|(name, f)| {
            crate::unit_names::matches_patterns(patterns, name)
                && (o.state.is_empty() || o.state.contains(&f.state))
        })
        .filter(|(name, _)| {
            o.types.is_empty() || o.types.iter().any(|t| name.ends_with(&format!(".{t}")))
        })
        .map(|(name, f)| vec![name, f.state.clone(), f.preset.clone()])
        .collect();
    // systemctl's order: by type suffix, then by name, both ignoring case.
    rows.sort_by_cached_key(|r| {
        let name = r[0].to_lowercase();
        let suffix = name.rfind('.').map(|i| name[i..].to_string());
        (suffix, name)
    });
    table(
        o,
        &["UNIT FILE", "STATE", "PRESET"],
        &rows,
        !o.no_legend,
        &[],
    );
    if !o.no_legend {
        println!();
        println!("{} unit files listed.", rows.len());
    }
    ExitCode::SUCCESS
}

/// `list-dependencies`.
pub fn list_dependencies(o: &Opts, unit: &str) -> ExitCode {
    let mut client = match connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let ordering = if o.after {
        "after"
    } else if o.before {
        "before"
    } else {
        ""
    };
    let req = api::DependenciesRequest {
        unit: crate::unit_names::mangle(unit),
        reverse: o.reverse,
        ordering: ordering.into(),
    };
    let v = match client.call(
        method::DEPENDENCIES,
        serde_json::to_value(&req).unwrap_or_default(),
    ) {
        Ok(v) => v,
        Err(e) => return fail(&e.to_string()),
    };
    let r: api::DependenciesReply = match serde_json::from_value(v) {
        Ok(r) => r,
        Err(e) => return fail(&format!("Malformed reply from the user manager: {e}")),
    };
    println!("{}", r.root.unit);
    print_tree(&r.root.children, "", o.all, o.plain);
    ExitCode::SUCCESS
}

fn print_tree(nodes: &[api::DependencyNode], indent: &str, all: bool, plain: bool) {
    for (i, n) in nodes.iter().enumerate() {
        let last = i + 1 == nodes.len();
        // --plain: indentation only, no dots or tree lines (for scripts).
        if plain {
            println!("  {indent}{}", n.unit);
            if all || n.unit.ends_with(".target") {
                print_tree(&n.children, &format!("{indent}  "), all, plain);
            }
            continue;
        }
        let dot = match n.active {
            ActiveState::Active | ActiveState::Reloading => paint(crate::output::style::GREEN, "●"),
            ActiveState::Failed => paint(crate::output::style::RED, "×"),
            _ => "○".to_string(),
        };
        println!("{dot} {indent}{}{}", if last { "└─" } else { "├─" }, n.unit);
        // Like systemctl, targets are expanded; other units only with --all.
        if all || n.unit.ends_with(".target") {
            let next = format!("{indent}{}", if last { "  " } else { "│ " });
            print_tree(&n.children, &next, all, plain);
        }
    }
}

/// `list-jobs`.
pub fn list_jobs(o: &Opts) -> ExitCode {
    let mut client = match connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let v = match client.call(method::LIST_JOBS, json!({})) {
        Ok(v) => v,
        Err(e) => return fail(&e.to_string()),
    };
    let r: api::ListJobsReply = serde_json::from_value(v).unwrap_or_default();
    if r.jobs.is_empty() {
        if !o.quiet {
            println!("No jobs running.");
        }
        return ExitCode::SUCCESS;
    }
    let rows: Vec<Vec<String>> = r
        .jobs
        .iter()
        .map(|j| {
            vec![
                j.id.to_string(),
                j.unit.clone(),
                j.job_type.to_string(),
                if j.running { "running" } else { "waiting" }.to_string(),
            ]
        })
        .collect();
    table(
        o,
        &["JOB", "UNIT", "TYPE", "STATE"],
        &rows,
        !o.no_legend,
        &[],
    );
    if !o.no_legend {
        println!();
        println!("{} jobs listed.", rows.len());
    }
    ExitCode::SUCCESS
}
