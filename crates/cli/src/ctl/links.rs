//! The verbs that make symlinks in the user's configuration directory, as systemctl makes
//! them: `get-default`/`set-default`, `link`, `add-wants`/`add-requires` — then a reload.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Opts;
use crate::output::fail;

/// The configuration directory (`~/.config/systemd/user`, or its runtime twin).
fn config_dir(o: &Opts) -> PathBuf {
    let (config, runtime) = super::edit::config_dirs();
    if o.runtime { runtime } else { config }
}

/// A loaded unit's file, asked of the manager.
fn fragment(unit: &str) -> Result<PathBuf, String> {
    let props = super::show::fetch_props(&[unit.to_string()], 0, false, &["FragmentPath"])?;
    props
        .first()
        .and_then(|u| u.properties.get("FragmentPath"))
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
    let found = ctx
        .search_path
        .iter()
        .map(|d| d.join("default.target"))
        .find(|p| p.exists() || p.is_symlink());
    let name = found
        .and_then(|p| std::fs::read_link(p).ok())
        .and_then(|t| t.file_name().map(|f| f.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "default.target".to_string());
    println!("{name}");
    ExitCode::SUCCESS
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
    let path = match fragment(&name) {
        Ok(p) => p,
        Err(e) => return fail(&format!("Failed to set default target: {e}")),
    };
    if let Err(e) = symlink(&config_dir(o).join("default.target"), &path, o) {
        return fail(&e);
    }
    reload(o)
}

/// `link PATH…`: make unit files outside the search path available by name.
pub fn link(paths: &[String], o: &Opts) -> ExitCode {
    if paths.is_empty() {
        return fail("Too few arguments.");
    }
    for p in paths {
        let path = Path::new(p);
        if !path.is_absolute() {
            return fail(&format!(
                "Failed to link unit: {p} is not an absolute path."
            ));
        }
        if !path.is_file() {
            return fail(&format!("Failed to link unit: {p}: No such file."));
        }
        let Some(name) = path.file_name() else {
            return fail(&format!("Failed to link unit: {p} names no file."));
        };
        if let Err(e) = symlink(&config_dir(o).join(name), path, o) {
            return fail(&e);
        }
    }
    reload(o)
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
