//! `preset` and `preset-all`: enable or disable unit files as the preset files say
//! (systemd.preset(5): `enable PATTERN` / `disable PATTERN` lines in `*.preset` files of the
//! user preset directories, files read in name order, the first matching line wins, and
//! with no match a unit is enabled).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use linger_ipc::manager::{self as api, method};

use super::Opts;
use crate::output::fail;

/// The user preset directories, highest priority first (a file name in an earlier one hides
/// the same name in later ones).
const PRESET_DIRS: [&str; 4] = [
    "/etc/systemd/user-preset",
    "/run/systemd/user-preset",
    "/usr/local/lib/systemd/user-preset",
    "/usr/lib/systemd/user-preset",
];

/// The rules in order: (enable?, pattern).
fn rules(dirs: &[PathBuf]) -> Vec<(bool, String)> {
    let mut files: BTreeMap<String, PathBuf> = BTreeMap::new();
    for d in dirs {
        let Ok(rd) = std::fs::read_dir(d) else {
            continue;
        };
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".preset") {
                files.entry(name).or_insert_with(|| e.path());
            }
        }
    }
    let mut out = Vec::new();
    for path in files.values() {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        for line in text.lines().map(str::trim) {
            let mut words = line.split_whitespace();
            match (words.next(), words.next()) {
                (Some("enable"), Some(p)) => out.push((true, p.to_string())),
                (Some("disable"), Some(p)) => out.push((false, p.to_string())),
                _ => {}
            }
        }
    }
    out
}

/// Whether the presets enable `unit` (the first matching rule; none: yes).
fn enabled_by_preset(rules: &[(bool, String)], unit: &str) -> bool {
    rules
        .iter()
        .find(|(_, p)| linger_journal::glob::glob_match(p.as_bytes(), unit.as_bytes()))
        .is_none_or(|(enable, _)| *enable)
}

/// The preset directories: `$LINGER_PRESET_PATH` (colon-separated) replaces the standard ones,
/// so a preset policy can be tried (and tested) without touching /etc.
fn preset_dirs() -> Vec<PathBuf> {
    match std::env::var("LINGER_PRESET_PATH") {
        Ok(p) => p
            .split(':')
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .collect(),
        Err(_) => PRESET_DIRS.iter().map(PathBuf::from).collect(),
    }
}

/// Enable or disable each of `units` as the presets say (`--preset-mode=` limits it).
fn apply(units: &[String], o: &Opts) -> ExitCode {
    let rules = rules(&preset_dirs());
    let mode = o.preset_mode.as_deref().unwrap_or("full");
    if !matches!(mode, "full" | "enable-only" | "disable-only") {
        return fail(&format!(
            "Failed to parse preset mode: {mode} (expected full, enable-only, disable-only)."
        ));
    }
    let (mut enable, mut disable) = (Vec::new(), Vec::new());
    for u in units {
        let name = super::mangle(u);
        if enabled_by_preset(&rules, &name) {
            enable.push(name);
        } else {
            disable.push(name);
        }
    }
    let quiet_now = Opts {
        now: false,
        ..o.clone()
    };
    let mut code = ExitCode::SUCCESS;
    if mode != "disable-only" && !enable.is_empty() {
        code = super::jobs::install("enable", &enable, &quiet_now);
    }
    if mode != "enable-only" && !disable.is_empty() && code == ExitCode::SUCCESS {
        code = super::jobs::install("disable", &disable, &quiet_now);
    }
    code
}

/// `preset UNIT…`.
pub fn preset(units: &[String], o: &Opts) -> ExitCode {
    if units.is_empty() {
        return fail("Too few arguments.");
    }
    apply(units, o)
}

/// `preset-all`: every unit file that can be enabled.
pub fn preset_all(o: &Opts) -> ExitCode {
    let mut client = match crate::connect::connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let v = match client.call(method::LIST_UNIT_FILES, serde_json::json!({})) {
        Ok(v) => v,
        Err(e) => return fail(&e.to_string()),
    };
    let r: api::UnitFilesReply = serde_json::from_value(v).unwrap_or_default();
    let names: Vec<String> = r
        .files
        .iter()
        .filter(|f| matches!(f.state.as_str(), "enabled" | "disabled"))
        .filter_map(|f| f.path.rsplit('/').next().map(String::from))
        .filter(|n| !n.contains("@."))
        .collect();
    if names.is_empty() {
        return ExitCode::SUCCESS;
    }
    apply(&names, o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_matching_rule_wins_and_the_default_is_enable() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(a.join("10-x.preset"), "# comment\nenable web*\ndisable *\n").unwrap();
        // Hidden by a's file of the same name.
        std::fs::write(b.join("10-x.preset"), "disable web*\n").unwrap();
        std::fs::write(b.join("05-y.preset"), "disable webold.service\n").unwrap();
        let r = rules(&[a, b]);
        assert!(!enabled_by_preset(&r, "webold.service"));
        assert!(enabled_by_preset(&r, "web.service"));
        assert!(!enabled_by_preset(&r, "db.service"));
        assert!(enabled_by_preset(&[], "db.service"));
    }
}
