//! Search paths, drop-ins, aliases, masks and templates: a unit name → [`crate::model::UnitConfig`].
//! OWNER: helper U2.
//!
//! Lookup follows systemd.unit(5): the first directory of the search path that has an entry
//! for the name wins; a symlink to `/dev/null` or an empty file masks the unit; a symlink
//! whose target lies in a search-path directory makes the name an alias of the target's
//! name; a symlink elsewhere is a linked unit file; `foo@bar.service` falls back to the
//! template `foo@.service`. Drop-ins (`NAME.d/*.conf`, template and dash-prefix directories,
//! `TYPE.d/`) are applied in file-name order, a file in a higher-priority directory hiding a
//! same-named one lower down. `NAME.wants/`/`.requires/` add dependencies.

mod builtin;
mod dropins;
mod implicit;
mod install;
mod lookup;
mod paths;
mod spec;

use std::path::{Path, PathBuf};

pub use crate::specifier::{HostInfo, Scope, UserInfo};
pub use install::{
    InstallChange, InstallError, UnitFileState, UnitFileStates, add_dependency, default_target,
    disable, enable, enable_with, link, list_unit_files, mask, mask_with, reenable, revert,
    set_default, unit_file_links, unit_file_state, unmask,
};
pub use lookup::{SearchProbe, UnitIndex};

use crate::diag::{Diagnostic, Severity};
use crate::model::{LoadState, UnitConfig, UnitSection, UnitType};
use crate::settings::names::{instantiate, parse_name, template_of};
use crate::settings::{ApplyContext, UnitBuilder};

/// Everything the loader needs to know: where unit files are, who the user is (for
/// specifiers and `~`), and which directory enablement writes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadContext {
    /// User or system manager (specifier values differ).
    pub scope: Scope,
    /// Unit directories, highest priority first.
    pub search_path: Vec<PathBuf>,
    /// Where `enable`/`disable`/`mask` create and remove symlinks
    /// (`~/.config/systemd/user` for a user manager).
    pub config_dir: PathBuf,
    /// The administrator's configuration directory (`/etc/systemd/user`): its `.wants/` links
    /// also count as enabled.
    pub admin_config_dir: Option<PathBuf>,
    /// `$XDG_RUNTIME_DIR/systemd/transient` (units there are "transient").
    pub transient_dir: Option<PathBuf>,
    /// Generator output directories (units there are "generated").
    pub generator_dirs: Vec<PathBuf>,
    /// The user the manager runs as.
    pub user: UserInfo,
    /// Machine facts for specifiers (`%H`, `%m`, `%b`, …).
    pub host: HostInfo,
    /// `$XDG_RUNTIME_DIR`, if known (runtime configuration, `enabled-runtime`).
    pub runtime_dir: Option<PathBuf>,
    /// The manager's environment variables that specifiers read (`XDG_*`, `TMPDIR`).
    pub env: Vec<(String, String)>,
    /// `systemctl --root=DIR`: the directories above are under DIR, and an absolute symlink
    /// target means the path inside DIR (links are read and written that way, as systemd
    /// does). None: the machine itself.
    pub root: Option<PathBuf>,
}

impl LoadContext {
    /// A user manager's context with systemd's user search path (systemd.unit(5), "UNIT FILE
    /// LOAD PATH", table 2), built from the user's account and the environment (`XDG_*`
    /// variables; `SYSTEMD_UNIT_PATH` replaces the path, or is prepended when it ends in `:`).
    pub fn user_default(
        user: UserInfo,
        host: HostInfo,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> LoadContext {
        paths::user_default(user, host, env)
    }

    /// An absolute symlink target as a path on this machine: inside [`LoadContext::root`]
    /// (`/dev/null`, which masks, stays what it is).
    pub fn rooted(&self, target: &Path) -> PathBuf {
        match &self.root {
            Some(root) if target.is_absolute() && target != Path::new("/dev/null") => {
                root.join(target.strip_prefix("/").unwrap_or(target))
            }
            _ => target.to_path_buf(),
        }
    }

    /// A path on this machine as a symlink inside [`LoadContext::root`] must say it (the
    /// inverse of [`LoadContext::rooted`]).
    pub fn unrooted(&self, path: &Path) -> PathBuf {
        match self.root.as_ref().and_then(|r| path.strip_prefix(r).ok()) {
            Some(rest) => Path::new("/").join(rest),
            None => path.to_path_buf(),
        }
    }

    /// The file `path` finally refers to, following symlinks as this context sees them
    /// (absolute targets inside [`LoadContext::root`]): a linked unit file's content is read
    /// there, not through a link that would lead out of the root.
    pub fn final_file(&self, path: &Path) -> PathBuf {
        let mut cur = path.to_path_buf();
        for _ in 0..32 {
            let Ok(target) = std::fs::read_link(&cur) else {
                return cur;
            };
            cur = if target.is_absolute() {
                self.rooted(&target)
            } else {
                match cur.parent() {
                    Some(dir) => dir.join(target),
                    None => return cur,
                }
            };
        }
        cur
    }

    /// A context with an explicit search path (tests, `verify` of a file elsewhere).
    pub fn with_search_path(mut self, search_path: Vec<PathBuf>) -> LoadContext {
        self.search_path = search_path;
        self
    }
}

/// Load unit `name` from the search path. Never fails: problems are in `load_state` and
/// `diagnostics` (`NotFound` when no file exists and the name is not a built-in target).
pub fn load_unit(name: &str, ctx: &LoadContext) -> UnitConfig {
    let index = UnitIndex::scan(ctx);
    load_unit_with(&index, name, ctx)
}

/// Like [`load_unit`] with a pre-scanned index (cheaper when loading many units at once).
pub fn load_unit_with(index: &UnitIndex, name: &str, ctx: &LoadContext) -> UnitConfig {
    let Some(parts) = parse_name(name) else {
        return failed(
            name,
            UnitType::Service,
            LoadState::Error,
            format!("Invalid unit name '{name}'."),
        );
    };
    let unit_type = parts.unit_type;
    if parts.instance == Some("") {
        return failed(
            name,
            unit_type,
            LoadState::Error,
            format!(
                "Unit {name} is a template; start an instance of it (e.g. {}).",
                instantiate(name, "NAME").unwrap_or_default()
            ),
        );
    }
    let resolved = index.resolve_for_load(name);
    let id = resolved.id.clone();
    let mut b = UnitBuilder::new(&id, unit_type);
    b.config_mut().aliases = resolved.aliases.clone();
    if resolved.masked {
        b.config_mut().load_state = LoadState::Masked;
        b.config_mut().fragment_path = resolved.fragment.clone();
        return b.finish_masked();
    }
    let Some(fragment) = resolved.fragment.clone() else {
        if let Some(cfg) = builtin::target(&id, ctx, index) {
            return cfg;
        }
        let mut cfg = b.finish_unloaded(LoadState::NotFound);
        cfg.fragment_path = None;
        return cfg;
    };
    apply_everything(b, &fragment, &resolved, index, ctx)
}

/// Where `cfg`'s files would be found now by `index` (a fresh scan): its fragment and its
/// drop-ins, in the order the loader applies them. The manager compares this with what it
/// loaded for `NeedDaemonReload=`.
pub fn current_files(index: &UnitIndex, cfg: &UnitConfig) -> (Option<PathBuf>, Vec<PathBuf>) {
    let resolved = index.resolve(&cfg.id);
    let names = all_names(&resolved.id, &resolved.aliases);
    let dropins = dropins::find(index, &names, cfg.unit_type, ".d", Some(".conf"));
    (resolved.fragment, dropins)
}

/// The `.conf` drop-ins that apply to `name` by name alone (`NAME.d/`, its template's, dash
/// prefixes, the type-wide `service.d/`), in the order they would apply. What `systemctl
/// cat` shows for a unit that has no unit file, as systemctl 252 does (it finds them on its
/// own: the manager loads no drop-ins for a unit it could not find).
pub fn dropins_of_name(index: &UnitIndex, name: &str) -> Vec<PathBuf> {
    match parse_name(name) {
        Some(p) => dropins::find(
            index,
            &all_names(name, &[]),
            p.unit_type,
            ".d",
            Some(".conf"),
        ),
        None => Vec::new(),
    }
}

/// Load a unit file given by path (`verify FILE`): its directory is searched first, so the
/// file and drop-ins next to it are used; a template is loaded as instance `i`, as
/// `systemd-analyze verify` does.
pub fn load_file(path: &Path, ctx: &LoadContext) -> UnitConfig {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ctx = file_context(path, ctx);
    let name = match parse_name(&name) {
        Some(p) if p.instance == Some("") => instantiate(&name, "i").unwrap_or(name),
        _ => name,
    };
    load_unit(&name, &ctx)
}

/// The context [`load_file`] loads `path` with: `ctx` with the file's directory searched
/// first (so units next to the file, e.g. the service a socket activates, are found).
pub fn file_context(path: &Path, ctx: &LoadContext) -> LoadContext {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut search = Vec::with_capacity(ctx.search_path.len() + 1);
    search.push(dir);
    search.extend(ctx.search_path.iter().cloned());
    ctx.clone().with_search_path(search)
}

/// The specifier values for unit `unit` (with unit file `fragment`) as the loader uses them.
pub fn specifier_context(
    unit: &str,
    fragment: Option<&Path>,
    ctx: &LoadContext,
) -> Result<crate::specifier::SpecifierContext, crate::name::NameError> {
    spec::context(unit, fragment, ctx)
}

/// Apply the fragment, the drop-ins and the `.wants/`/`.requires/` directories.
fn apply_everything(
    mut b: UnitBuilder,
    fragment: &Path,
    resolved: &lookup::Resolved,
    index: &UnitIndex,
    ctx: &LoadContext,
) -> UnitConfig {
    let id = resolved.id.clone();
    b.config_mut().fragment_path = Some(fragment.to_path_buf());
    let sctx = spec::context(&id, Some(fragment), ctx);
    let expand = |s: &str| spec::expand_with(&sctx, s, false);
    let expand_name = |s: &str| spec::expand_with(&sctx, s, true);
    let home = PathBuf::from(&ctx.user.home);
    let actx = ApplyContext {
        expand: &expand,
        expand_name: &expand_name,
        home: Some(&home),
    };

    let bytes = match read_stamped(fragment) {
        Ok((bytes, _)) if bytes.is_empty() && resolved.masked_if_empty => {
            // An empty unit file masks the unit, as a link to /dev/null does.
            let mut b = UnitBuilder::new(&id, b.config().unit_type);
            b.config_mut().aliases = resolved.aliases.clone();
            b.config_mut().load_state = LoadState::Masked;
            b.config_mut().fragment_path = Some(fragment.to_path_buf());
            return b.finish_masked();
        }
        Ok((bytes, mtime)) => {
            b.config_mut().file_mtimes.push(mtime);
            bytes
        }
        Err(e) => {
            b.config_mut().diagnostics.push(Diagnostic {
                path: Some(fragment.to_path_buf()),
                line: 0,
                severity: Severity::Error,
                message: format!("Failed to read unit file: {e}"),
            });
            return b.finish_unloaded(LoadState::Error);
        }
    };
    b.apply_bytes(&bytes, Some(fragment), &actx);

    let names = all_names(&id, &resolved.aliases);
    for dropin in dropins::find(index, &names, b.config().unit_type, ".d", Some(".conf")) {
        match read_stamped(&dropin) {
            Ok((bytes, mtime)) => {
                b.config_mut().file_mtimes.push(mtime);
                b.apply_bytes(&bytes, Some(&dropin), &actx);
            }
            Err(e) => {
                b.config_mut().file_mtimes.push(None);
                b.config_mut().diagnostics.push(Diagnostic {
                    path: Some(dropin.clone()),
                    line: 0,
                    severity: Severity::Warning,
                    message: format!("Failed to read drop-in file: {e}, ignoring."),
                });
            }
        }
        b.config_mut().dropin_paths.push(dropin);
    }
    add_dir_dependencies(&mut b, index, &names, &id);
    let mut cfg = b.finish();
    implicit::add_implicit_dependencies(&mut cfg);
    cfg
}

/// A file's bytes and its modification time, from one open and one `statx` of the open file
/// (what `std::fs::read` makes for its size hint anyway).
fn read_stamped(path: &Path) -> std::io::Result<(Vec<u8>, Option<std::time::SystemTime>)> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let meta = f.metadata().ok();
    let len = meta.as_ref().map_or(0, |m| m.len() as usize);
    // Read into a buffer of the size the stat of the open file gave: open, stat, one read
    // (and one more to see the end), close. `read_to_end` asks the size again (statx and
    // lseek) — two system calls more per file, 1,000 for 500 units at a recovery.
    let mut bytes = vec![0u8; len + 1];
    let mut got = 0;
    loop {
        match f.read(&mut bytes[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
        if got == bytes.len() {
            // Grown since the stat: read on to the end.
            f.read_to_end(&mut bytes)?;
            return Ok((bytes, meta.and_then(|m| m.modified().ok())));
        }
    }
    bytes.truncate(got);
    Ok((bytes, meta.and_then(|m| m.modified().ok())))
}

/// The unit's names for drop-in lookup: id, aliases, and for instances their templates.
fn all_names(id: &str, aliases: &[String]) -> Vec<String> {
    let mut names = vec![id.to_string()];
    names.extend(aliases.iter().cloned());
    let templates: Vec<String> = names.iter().filter_map(|n| template_of(n)).collect();
    for t in templates {
        if !names.contains(&t) {
            names.push(t);
        }
    }
    names
}

/// `.wants/`, `.requires/` and `.upholds/` directories: each entry names a unit to depend
/// on; a template entry gets the unit's instance.
fn add_dir_dependencies(b: &mut UnitBuilder, index: &UnitIndex, names: &[String], id: &str) {
    let instance = parse_name(id).and_then(|p| p.instance.map(str::to_string));
    let unit_type = b.config().unit_type;
    for (suffix, field) in [
        (
            ".wants",
            (|u| &mut u.wants) as fn(&mut UnitSection) -> &mut Vec<String>,
        ),
        (".requires", |u| &mut u.requires),
        (".upholds", |u| &mut u.upholds),
    ] {
        for entry in dropins::find(index, names, unit_type, suffix, None) {
            let Some(file) = entry.file_name().map(|f| f.to_string_lossy().into_owned()) else {
                continue;
            };
            let dep = match (parse_name(&file), &instance) {
                (Some(p), Some(i)) if p.instance == Some("") => instantiate(&file, i),
                (Some(p), _) if p.instance != Some("") => Some(file.clone()),
                _ => None,
            };
            match dep {
                Some(dep) => {
                    let list = field(&mut b.config_mut().unit);
                    if !list.contains(&dep) {
                        list.push(dep);
                    }
                }
                None => b.config_mut().diagnostics.push(Diagnostic {
                    path: Some(entry.clone()),
                    line: 0,
                    severity: Severity::Warning,
                    message: format!(
                        "Not a valid unit name for a {suffix}/ dependency: {file}, ignoring."
                    ),
                }),
            }
        }
    }
}

/// A unit that could not be loaded, with one diagnostic.
fn failed(name: &str, unit_type: UnitType, state: LoadState, message: String) -> UnitConfig {
    let mut b = UnitBuilder::new(name, unit_type);
    b.config_mut().diagnostics.push(Diagnostic {
        path: None,
        line: 0,
        severity: Severity::Error,
        message,
    });
    b.finish_unloaded(state)
}

impl UnitBuilder {
    /// Finish without applying or checking anything (masked units).
    fn finish_masked(self) -> UnitConfig {
        self.finish_unloaded(LoadState::Masked)
    }

    /// Finish with a given load state, skipping the whole-unit checks.
    fn finish_unloaded(self, state: LoadState) -> UnitConfig {
        let mut cfg = self.into_config();
        cfg.load_state = state;
        cfg
    }
}
