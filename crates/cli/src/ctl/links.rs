//! The verbs that make symlinks in the user's configuration directory, as systemctl makes
//! them: `get-default`/`set-default` and `link` (made by the manager with crates/unit's
//! install code, the same the D-Bus front end serves), `add-wants`/`add-requires` (here, then
//! a reload).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use linger_ipc::manager::{self as api, method};

use super::Opts;
use crate::output::fail;

/// The configuration directory (`~/.config/systemd/user`, or its runtime twin).
fn config_dir(o: &Opts) -> PathBuf {
    let (config, runtime) = super::edit::config_dirs();
    if o.runtime { runtime } else { config }
}

/// A loaded unit's file, asked of the manager.
fn fragment(unit: &str) -> Result<PathBuf, String> {
    let wanted = [linger_ipc::unit_status::FRAGMENT_PATH];
    let props = super::show::fetch_props(&[unit.to_string()], 0, false, &wanted)?;
    props
        .first()
        .map(|u| u.status().fragment_path)
        .filter(|f| !f.is_empty())
        .map(PathBuf::from)
        .ok_or_else(|| format!("Unit {unit} not found."))
}

fn reload(o: &Opts) -> ExitCode {
    if o.no_reload {
        return ExitCode::SUCCESS;
    }
    super::jobs::simple(linger_ipc::manager::method::RELOAD, serde_json::json!({}))
}

/// Make `link` point at `target`, replacing an existing symlink (never a file), and say so.
fn symlink(link: &Path, target: &Path, o: &Opts) -> Result<(), String> {
    if let Ok(old) = std::fs::read_link(link) {
        if old == target {
            return Ok(());
        }
        std::fs::remove_file(link).map_err(|e| format!("{}: {e}", link.display()))?;
        if !o.quiet {
            eprintln!("Removed \"{}\".", link.display());
        }
    } else if link.exists() {
        return Err(format!(
            "Failed to link unit: File {} already exists.",
            link.display()
        ));
    }
    if let Some(dir) = link.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::os::unix::fs::symlink(target, link).map_err(|e| format!("{}: {e}", link.display()))?;
    if !o.quiet {
        eprintln!("Created symlink {} → {}.", link.display(), target.display());
    }
    Ok(())
}

/// `get-default`: the target `default.target` is an alias of (itself when it is not one).
pub fn get_default() -> ExitCode {
    let ctx = crate::daemon::user_load_context();
    println!("{}", linger_unit::loader::default_target(&ctx));
    ExitCode::SUCCESS
}

/// Have the manager make `action`'s links (it reloads after) and print what changed;
/// failures are reported as `Failed to {what}: …`.
fn manager_install(
    action: api::InstallAction,
    units: Vec<String>,
    force: bool,
    what: &str,
    o: &Opts,
) -> ExitCode {
    let mut client = match crate::connect::connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let req = api::InstallRequest {
        action,
        units,
        runtime: o.runtime,
        force,
        preset_mode: Default::default(),
    };
    match client.call(
        method::INSTALL,
        serde_json::to_value(&req).unwrap_or_default(),
    ) {
        Ok(v) => {
            let r: api::InstallReply = serde_json::from_value(v).unwrap_or_default();
            super::jobs::print_changes(&r, o);
            ExitCode::SUCCESS
        }
        Err(e) => fail(&format!("Failed to {what}: {e}")),
    }
}

/// `set-default TARGET`.
pub fn set_default(target: &str, o: &Opts) -> ExitCode {
    let name = linger_unit::name::mangle(target, ".target", false)
        .map(|(n, _)| n)
        .unwrap_or_else(|_| target.to_string());
    if !name.ends_with(".target") {
        return fail(&format!(
            "Failed to set default target: {name} is not a target unit."
        ));
    }
    // systemctl always replaces the old default.
    manager_install(
        api::InstallAction::SetDefault,
        vec![name],
        true,
        "set default target",
        o,
    )
}

/// `link PATH…`: make unit files outside the search path available by name.
pub fn link(paths: &[String], o: &Opts) -> ExitCode {
    if paths.is_empty() {
        return fail("Too few arguments.");
    }
    // A relative path means one from here, as systemctl takes it.
    let mut files = Vec::new();
    for p in paths {
        if Path::new(p).is_absolute() {
            files.push(p.clone());
        } else if p.contains('/') {
            match std::env::current_dir() {
                Ok(cwd) => files.push(cwd.join(p).display().to_string()),
                Err(e) => return fail(&format!("Failed to link unit: {e}")),
            }
        } else {
            return fail(&format!(
                "Link argument must contain at least one directory separator.\nIf you intended to link a file in the current directory, try ./{p} instead."
            ));
        }
    }
    manager_install(api::InstallAction::Link, files, o.force, "link unit", o)
}

/// `add-wants TARGET UNIT…` / `add-requires TARGET UNIT…`.
pub fn add_dependency(kind: &str, target: &str, units: &[String], o: &Opts) -> ExitCode {
    if units.is_empty() {
        return fail("Too few arguments.");
    }
    let target = linger_unit::name::mangle(target, ".target", false)
        .map(|(n, _)| n)
        .unwrap_or_else(|_| target.to_string());
    let dir = config_dir(o).join(format!("{target}.{kind}"));
    for u in units {
        let unit = crate::unit_names::mangle(u);
        let path = match fragment(&unit) {
            Ok(p) => p,
            Err(e) => return fail(&format!("Failed to add dependency: {e}")),
        };
        if let Err(e) = symlink(&dir.join(&unit), &path, o) {
            return fail(&e);
        }
    }
    reload(o)
}
