//! `linger run --scope CMD` (≙ `systemd-run --user --scope`): the command runs here, in this
//! process (which execs it), after the user manager made a transient `run-*.scope` unit of
//! it: its own cgroup below `user@UID.service`. A login session's kill at logout does not
//! reach it, so with linger on it outlives the session — the how-to's
//! `systemd-run --scope --user screen`.

use std::os::unix::process::CommandExt;
use std::process::{Command, ExitCode};

use linger_ipc::manager::{StartScopeRequest, method};

use super::{RunArgs, base_name, has_timer, setenv, split_properties, transient_dir, validate};
use crate::connect::connect;
use crate::output::fail;

/// The `[Unit]`/`[Scope]` text of the scope.
fn scope_text(a: &RunArgs) -> Result<String, String> {
    let (unit, properties) = split_properties(a)?;
    let slice = super::slice(a)?
        .map(|s| format!("Slice={s}\n"))
        .unwrap_or_default();
    Ok(format!("{unit}[Scope]\n{slice}{properties}"))
}

/// Make the scope, then exec the command in it. Returns only on failure.
pub(super) fn run(a: &RunArgs) -> ExitCode {
    if a.wait || a.no_block || has_timer(a) || a.remain_after_exit || a.service_type.is_some() {
        return fail(
            "--scope may not be combined with --wait, --no-block, --remain-after-exit, --service-type or the timer options.",
        );
    }
    let nice = match a.nice.as_deref().map(str::parse::<i32>) {
        None => None,
        Some(Ok(l)) if (-20..=19).contains(&l) => Some(l),
        Some(_) => {
            return fail(&format!(
                "Failed to parse nice value '{}': expected -20…19.",
                a.nice.as_deref().unwrap_or("")
            ));
        }
    };
    let base = match base_name(a, ".scope") {
        Ok(b) => b,
        Err(e) => return fail(&e),
    };
    let name = format!("{base}.scope");
    let text = match scope_text(a) {
        Ok(t) => t,
        Err(e) => return fail(&e),
    };
    if let Err(e) = validate(a, "Scope", &[(name.as_str(), text.as_str())]) {
        return fail(&e);
    }
    let dir = transient_dir();
    let path = dir.join(&name);
    if path.exists() {
        return fail(&format!(
            "Failed to start transient scope unit: Unit {name} was already loaded or has a fragment file."
        ));
    }
    if let Err(e) = linger_unit::transient::write(&dir, &name, &text) {
        return fail(&format!(
            "Failed to write transient unit {}: {e}",
            path.display()
        ));
    }
    let started = connect().and_then(|mut c| {
        let req = StartScopeRequest {
            unit: name.clone(),
            pid: std::process::id(),
        };
        c.call(
            method::START_SCOPE,
            serde_json::to_value(req).unwrap_or_default(),
        )
        .map(drop)
        .map_err(|e| e.to_string())
    });
    if let Err(e) = started {
        let _ = std::fs::remove_file(&path);
        return fail(&format!("Failed to start transient scope unit: {e}"));
    }
    if !a.quiet {
        eprintln!("Running scope as unit: {name}");
    }
    // --nice: this process becomes the command, so its own nice level is the scope's.
    if let Some(level) = nice
        && let Err(e) = rustix::process::setpriority_process(None, level)
    {
        return fail(&format!("Failed to set nice level {level}: {e}"));
    }
    let mut cmd = Command::new(&a.command[0]);
    cmd.args(&a.command[1..]);
    cmd.envs(setenv(a));
    // --same-dir: this process's directory already is the caller's.
    if let Some(d) = a.working_directory.as_ref().filter(|_| !a.same_dir) {
        cmd.current_dir(d);
    }
    let err = cmd.exec();
    fail(&format!("Failed to execute {}: {err}", a.command[0]))
}
