//! `clean [--what=…] UNIT…`: remove the directories a stopped unit's `RuntimeDirectory=`,
//! `StateDirectory=`, `CacheDirectory=`, `LogsDirectory=` and `ConfigurationDirectory=` name,
//! under the user's base directories as systemd.exec(5) places them for user units.

use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use linger_ipc::unit_status;

use super::Opts;
use crate::output::fail;

/// `--what=` kinds: (name, directive, base directory).
fn kinds(cfg: &linger_manager::ManagerConfig) -> [(&'static str, &'static str, PathBuf); 5] {
    [
        ("runtime", "RuntimeDirectory", cfg.runtime_dir.clone()),
        ("state", "StateDirectory", cfg.state_home.clone()),
        ("cache", "CacheDirectory", cfg.cache_home.clone()),
        ("logs", "LogsDirectory", cfg.state_home.join("log")),
        (
            "configuration",
            "ConfigurationDirectory",
            cfg.config_home.clone(),
        ),
    ]
}

/// A directory name the directive may hold: relative, no `..`.
fn safe(name: &str) -> bool {
    let p = Path::new(name);
    !name.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)))
}

/// `clean`.
pub fn clean(units: &[String], o: &Opts) -> ExitCode {
    if units.is_empty() {
        return fail("Too few arguments.");
    }
    let cfg = crate::daemon::manager_config(Vec::new(), true, String::new());
    let ctx = linger_manager::load_context(&cfg);
    let what: Vec<&str> = if o.what.is_empty() {
        // systemd's default: the cache and the runtime data.
        vec!["cache", "runtime"]
    } else {
        o.what.iter().map(String::as_str).collect()
    };
    let kinds = kinds(&cfg);
    for w in &what {
        if *w != "all" && *w != "fdstore" && !kinds.iter().any(|k| k.0 == *w) {
            return fail(&format!("Unknown resource type: {w}"));
        }
    }
    let names = match crate::unit_names::expand_names(units) {
        Ok(n) => n,
        Err(e) => return fail(&e),
    };
    let wanted = [unit_status::ID, unit_status::ACTIVE_STATE];
    let states = match super::show::fetch_props(&names, 0, false, &wanted) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    for u in &states {
        let s = u.status();
        if !s
            .active_state
            .is_some_and(linger_wire::ActiveState::is_inactive_or_failed)
        {
            let id = s.id;
            return fail(&format!(
                "Failed to clean runtime, cache, state, logs or configuration directories of unit {id}: Unit {id} is not inactive."
            ));
        }
    }
    let mut code = ExitCode::SUCCESS;
    for name in &names {
        let loaded = linger_unit::loader::load_unit(name, &ctx);
        let assignments = linger_unit::lint::raw_assignments(&loaded);
        for (kind, directive, base) in &kinds {
            if !what.contains(kind) && !what.contains(&"all") {
                continue;
            }
            for (_, a) in assignments.iter().filter(|(_, a)| a.key == *directive) {
                for dir in a.value.split_whitespace() {
                    // `dir:symlink` names a link to make too; the directory is the first part.
                    let dir = dir.split(':').next().unwrap_or(dir);
                    if !safe(dir) {
                        code = fail(&format!(
                            "{directive}={dir} is not a relative path, not cleaning it."
                        ));
                        continue;
                    }
                    let path = base.join(dir);
                    match std::fs::remove_dir_all(&path) {
                        Ok(()) => {
                            if !o.quiet {
                                eprintln!("Removed \"{}\".", path.display());
                            }
                        }
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                        Err(e) => code = fail(&format!("Failed to remove {}: {e}", path.display())),
                    }
                }
            }
        }
    }
    code
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn only_relative_names_inside_the_base_are_cleaned() {
        assert!(safe("app"));
        assert!(safe("app/sub"));
        assert!(!safe("/etc"));
        assert!(!safe("../x"));
        assert!(!safe("a/../../x"));
        assert!(!safe(""));
    }
}
