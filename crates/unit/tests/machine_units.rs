//! Every unit file installed on this machine must load without an error: the user units in
//! /usr/lib/systemd/user (as a user manager) and the system units in /lib/systemd/system
//! (with system-scope specifiers). Warnings (e.g. directives linger does not implement) are
//! fine. Machines without these directories skip the corresponding part.

#![allow(clippy::print_stdout)] // tests report pass counts and skips

mod model_support;

use std::path::{Path, PathBuf};

use linger_unit::diag::Severity;
use linger_unit::loader::{Scope, UnitIndex, load_unit_with};
use linger_unit::model::LoadState;

fn check_dir(dir: &Path, scope: Scope) -> (usize, Vec<String>) {
    if !dir.is_dir() {
        println!("skipped: {} not found", dir.display());
        return (0, Vec::new());
    }
    let t = model_support::Tree::new();
    let mut ctx = t.ctx.clone().with_search_path(vec![dir.to_path_buf()]);
    ctx.scope = scope;
    let index = UnitIndex::scan(&ctx);
    let mut failures = Vec::new();
    let mut n = 0;
    let names: Vec<String> = index.names().map(|(n, _)| n.to_string()).collect();
    for name in names {
        // Templates load as instance "i", as `systemd-analyze verify` does.
        let load_name = match name.split_once("@.") {
            Some((p, s)) => format!("{p}@i.{s}"),
            None => name.clone(),
        };
        let u = load_unit_with(&index, &load_name, &ctx);
        n += 1;
        let errors: Vec<String> = u
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        if !matches!(u.load_state, LoadState::Loaded | LoadState::Masked) || !errors.is_empty() {
            failures.push(format!("{load_name}: {} {errors:?}", u.load_state.as_str()));
        }
    }
    (n, failures)
}

#[test]
fn user_units_on_this_machine_load() {
    let (n, failures) = check_dir(&PathBuf::from("/usr/lib/systemd/user"), Scope::User);
    println!("{n} user units checked");
    assert!(
        failures.is_empty(),
        "{} of {n} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn system_units_on_this_machine_load() {
    let (n, failures) = check_dir(&PathBuf::from("/lib/systemd/system"), Scope::System);
    println!("{n} system units checked");
    assert!(
        failures.is_empty(),
        "{} of {n} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
