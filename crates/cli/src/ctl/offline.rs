//! `--root=DIR` (with `--global`, as systemctl 252 requires for user units): the unit files
//! under DIR's user unit directories, read here without any manager — what systemd's
//! `systemctl --global --root=DIR` reads, so the two can be compared.

use std::path::Path;

use linger_ipc::manager as api;

/// systemd's global user unit directories, highest priority first.
const GLOBAL_USER_DIRS: [&str; 6] = [
    "etc/systemd/user",
    "run/systemd/user",
    "usr/local/share/systemd/user",
    "usr/share/systemd/user",
    "usr/local/lib/systemd/user",
    "usr/lib/systemd/user",
];

/// The loader context for the global user unit directories under `root`.
pub fn context(root: &Path) -> linger_unit::loader::LoadContext {
    let cfg = crate::daemon::manager_config(Vec::new(), true, String::new());
    let mut ctx = linger_manager::load_context(&cfg);
    ctx.search_path = GLOBAL_USER_DIRS.iter().map(|d| root.join(d)).collect();
    ctx.config_dir = root.join(GLOBAL_USER_DIRS[0]);
    ctx.admin_config_dir = None;
    ctx.runtime_dir = None;
    ctx.transient_dir = None;
    ctx.generator_dirs = Vec::new();
    ctx
}

/// The preset column as systemctl 252 shows it with no preset files (the default policy is
/// "enable"): none for what cannot be enabled (static units, aliases, generated and transient
/// ones), `enabled` for the rest — masked units included.
fn preset(state: &str) -> &'static str {
    match state {
        "static" | "alias" | "generated" | "transient" | "bad" => "-",
        _ => "enabled",
    }
}

/// `list-unit-files` rows from the files under `root`.
pub fn unit_files(root: &Path) -> api::UnitFilesReply {
    let ctx = context(root);
    let files = linger_unit::loader::list_unit_files(&ctx)
        .into_iter()
        .map(|(_, path, state)| api::UnitFileRow {
            path: path.display().to_string(),
            state: state.as_str().to_string(),
            preset: preset(state.as_str()).to_string(),
        })
        .collect();
    api::UnitFilesReply { files }
}

/// `is-enabled` states from the files under `root` (empty: no such unit file).
pub fn unit_file_states(root: &Path, names: &[String]) -> api::UnitFileStatesReply {
    let ctx = context(root);
    let states = names
        .iter()
        .map(|n| api::UnitFileStateRow {
            unit: n.clone(),
            state: linger_unit::loader::unit_file_state(&ctx, n)
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
        })
        .collect();
    api::UnitFileStatesReply { states }
}
