//! `--global` and `--root=DIR` (with `--global`, as systemctl 252 requires for user units):
//! the unit files under DIR's (or the machine's) global user unit directories, read and
//! changed here without any manager — what systemd's `systemctl --global [--root=DIR]`
//! does (list-unit-files, is-enabled, enable/disable/reenable/mask/unmask, preset). Under
//! DIR an absolute symlink means the path inside DIR, and new links are written so.

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
    let mut ctx = crate::daemon::user_load_context();
    ctx.search_path = GLOBAL_USER_DIRS.iter().map(|d| root.join(d)).collect();
    ctx.config_dir = root.join(GLOBAL_USER_DIRS[0]);
    ctx.admin_config_dir = None;
    ctx.runtime_dir = None;
    ctx.transient_dir = None;
    ctx.generator_dirs = Vec::new();
    ctx.root = (root != Path::new("/")).then(|| root.to_path_buf());
    ctx
}

/// `list-unit-files` rows from the files under `root`; the PRESET column from the preset
/// files under it (none: "enable").
pub fn unit_files(root: &Path) -> api::UnitFilesReply {
    let ctx = context(root);
    let presets = linger_manager::preset::Presets::load(root);
    let files = linger_unit::loader::list_unit_files(&ctx)
        .into_iter()
        .map(|(name, path, state)| api::UnitFileRow {
            path: path.display().to_string(),
            state: state.as_str().to_string(),
            preset: linger_manager::preset::preset_for_state(&presets, &name, state.as_str())
                .unwrap_or("-")
                .to_string(),
        })
        .collect();
    api::UnitFilesReply { files }
}

/// `is-enabled` states from the files under `root` (empty: no such unit file).
pub fn unit_file_states(root: &Path, names: &[String]) -> api::UnitFileStatesReply {
    let file_states = linger_unit::loader::UnitFileStates::scan(&context(root));
    let states = names
        .iter()
        .map(|n| api::UnitFileStateRow {
            unit: n.clone(),
            state: file_states
                .state(n)
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
        })
        .collect();
    api::UnitFileStatesReply { states }
}

/// enable/disable/reenable/mask/unmask of the global user units under `root`: the changes
/// made, in systemctl's words (or the error).
pub fn install(
    action: &str,
    names: &[String],
    root: &Path,
    runtime: bool,
    force: bool,
) -> Result<api::InstallReply, String> {
    use linger_unit::loader;
    if runtime {
        return Err("--runtime cannot be used with --global or --root=.".into());
    }
    let ctx = context(root);
    let result = match action {
        "enable" => loader::enable_with(&ctx, names, false, force),
        "disable" => loader::disable(&ctx, names, false),
        "reenable" => loader::reenable(&ctx, names, false, force),
        "mask" => loader::mask_with(&ctx, names, false, force),
        "unmask" => loader::unmask(&ctx, names, false),
        other => return Err(format!("Unknown install action '{other}'.")),
    };
    Ok(linger_manager::install_reply(
        result.map_err(|e| e.to_string())?,
    ))
}
