//! `preset` and `preset-all`: enable or disable unit files as the preset files say
//! (systemd.preset(5): `enable PATTERN` / `disable PATTERN` lines in `*.preset` files of the
//! user preset directories, files read in name order, the first matching line wins, and
//! with no match a unit is enabled).

use std::path::Path;
use std::process::ExitCode;

use linger_ipc::manager::{self as api, PresetMode, method};
use linger_manager::preset::{Presets, presettable};

use super::Opts;
use crate::output::fail;

/// The preset files the units are judged by: under `--root=` when given.
fn presets(o: &Opts) -> Presets {
    Presets::load(o.root.as_deref().unwrap_or(Path::new("/")))
}

/// Enable or disable each of `units` as the presets say (`--preset-mode=` limits it).
fn apply(units: &[String], o: &Opts) -> ExitCode {
    let presets = presets(o);
    let mode_word = o.preset_mode.as_deref().unwrap_or("full");
    let Some(mode) = PresetMode::parse(mode_word) else {
        return fail(&format!(
            "Failed to parse preset mode: {mode_word} (expected full, enable-only, disable-only)."
        ));
    };
    let names: Vec<String> = units.iter().map(|u| crate::unit_names::mangle(u)).collect();
    let (enable, disable) = presets.plan(&names, mode);
    let quiet_now = Opts {
        now: false,
        ..o.clone()
    };
    // Removals first, then the new links, as systemctl reports them.
    let mut code = ExitCode::SUCCESS;
    if !disable.is_empty() {
        code = super::jobs::install("disable", &disable, &quiet_now);
    }
    if !enable.is_empty() && code == ExitCode::SUCCESS {
        code = super::jobs::install("enable", &enable, &quiet_now);
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
    let r = if let Some(root) = &o.root {
        super::offline::unit_files(root)
    } else {
        let mut client = match crate::connect::connect() {
            Ok(c) => c,
            Err(e) => return fail(&e),
        };
        let v = match client.call(method::LIST_UNIT_FILES, serde_json::json!({})) {
            Ok(v) => v,
            Err(e) => return fail(&e.to_string()),
        };
        serde_json::from_value::<api::UnitFilesReply>(v).unwrap_or_default()
    };
    let names: Vec<String> = r
        .files
        .iter()
        .filter(|f| presettable(&f.state))
        .filter_map(|f| f.path.rsplit('/').next().map(String::from))
        .collect();
    if names.is_empty() {
        return ExitCode::SUCCESS;
    }
    apply(&names, o)
}
