//! Enablement: `list-unit-files` states and the `enable`/`disable`/`mask`/`unmask` symlinks,
//! made in the context's configuration directory exactly as systemctl makes them; `link` and
//! the default target (link.rs).

mod edit;
mod link;
mod links;

use std::fmt;
use std::path::{Path, PathBuf};

use super::lookup::{EntryKind, SearchProbe, UnitIndex};
use super::{LoadContext, builtin, dropins, spec};
use crate::model::InstallSection;
use crate::settings::names::{instantiate, parse_name, template_of};
use crate::settings::{ApplyContext, UnitBuilder};

pub use edit::{add_dependency, revert};
pub use link::{default_target, link, set_default};
pub use links::{disable, enable, enable_with, mask, mask_with, reenable, unit_file_links, unmask};

/// `UnitFileState=` as systemctl shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitFileState {
    /// Symlinked from a `.wants/`/`.requires/` directory or an alias in the config directory.
    Enabled,
    /// Like enabled, in the runtime configuration directory.
    EnabledRuntime,
    /// Linked into the config directory from elsewhere (`systemctl link`), not enabled.
    Linked,
    /// Linked, in the runtime configuration directory.
    LinkedRuntime,
    /// This name is an alias symlink of another unit.
    Alias,
    /// Symlinked to /dev/null (or empty).
    Masked,
    /// Masked in the runtime configuration directory.
    MaskedRuntime,
    /// No `[Install]` section: cannot be enabled.
    Static,
    /// Has an `[Install]` section, not enabled.
    Disabled,
    /// Only `Also=` (or a template without default instance): enabled through other units.
    Indirect,
    /// Made by a generator.
    Generated,
    /// A transient unit.
    Transient,
    /// The file could not be read.
    Bad,
}

impl UnitFileState {
    /// Canonical string (`enabled`, `static`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            UnitFileState::Enabled => "enabled",
            UnitFileState::EnabledRuntime => "enabled-runtime",
            UnitFileState::Linked => "linked",
            UnitFileState::LinkedRuntime => "linked-runtime",
            UnitFileState::Alias => "alias",
            UnitFileState::Masked => "masked",
            UnitFileState::MaskedRuntime => "masked-runtime",
            UnitFileState::Static => "static",
            UnitFileState::Disabled => "disabled",
            UnitFileState::Indirect => "indirect",
            UnitFileState::Generated => "generated",
            UnitFileState::Transient => "transient",
            UnitFileState::Bad => "bad",
        }
    }
}

impl fmt::Display for UnitFileState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One change made by an install operation, printed as systemctl prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstallChange {
    /// `Created symlink LINK → TARGET.`
    Created {
        /// The symlink made.
        link: PathBuf,
        /// Where it points.
        target: PathBuf,
    },
    /// `Removed "PATH".`
    Removed {
        /// The symlink removed.
        path: PathBuf,
    },
    /// `Unit UNIT is added as a dependency to a non-existent unit TARGET.` — a warning, in
    /// the order of the links (systemd's change type "destination not present").
    DestinationNotPresent {
        /// The unit file being enabled.
        unit: PathBuf,
        /// The `WantedBy=`/`RequiredBy=` unit that does not exist.
        target: String,
    },
    /// Advice printed on stderr after the changes (no install section, …).
    Note(String),
}

impl fmt::Display for InstallChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InstallChange::Created { link, target } => {
                write!(
                    f,
                    "Created symlink {} \u{2192} {}.",
                    link.display(),
                    target.display()
                )
            }
            InstallChange::Removed { path } => write!(f, "Removed \"{}\".", path.display()),
            InstallChange::DestinationNotPresent { unit, target } => write!(
                f,
                "Unit {} is added as a dependency to a non-existent unit {target}.",
                unit.display()
            ),
            InstallChange::Note(n) => f.write_str(n),
        }
    }
}

/// Why an install operation failed (nothing was changed).
#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    /// No unit file by that name on the search path.
    #[error("unit {0} does not exist.")]
    NotFound(String),
    /// The unit is masked.
    #[error("unit {} is masked.", .0.display())]
    Masked(PathBuf),
    /// Not a valid unit name.
    #[error("invalid unit name '{0}'.")]
    InvalidName(String),
    /// A path whose file name is not a unit's name (systemctl's words).
    #[error("file \"{}\": Invalid argument", .0.display())]
    NotAUnitFile(PathBuf),
    /// A different symlink or file is in the way.
    #[error("file \"{}\" already exists and is a symlink to \"{}\".", .path.display(), .target.display())]
    Exists {
        /// The existing path.
        path: PathBuf,
        /// What it points to.
        target: PathBuf,
    },
    /// A regular file is in the way (`mask` over a unit file in the config directory).
    #[error("file \"{}\" already exists.", .0.display())]
    FileExists(PathBuf),
    /// `link` of a relative path.
    #[error("{} is not an absolute path.", .0.display())]
    NotAbsolute(PathBuf),
    /// `link` of something that is not a regular file.
    #[error("{} is not a regular file.", .0.display())]
    NotAFile(PathBuf),
    /// `set-default` of a unit that is not a target.
    #[error("{0} is not a target unit.")]
    NotATarget(String),
    /// `set-default default.target`.
    #[error("default.target cannot be the default target's alias of itself.")]
    DefaultToItself,
    /// `--runtime` was asked for but `$XDG_RUNTIME_DIR` is unknown.
    #[error("no runtime directory ($XDG_RUNTIME_DIR) for --runtime.")]
    NoRuntimeDir,
    /// Creating or removing a link failed.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The path concerned.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}

/// The directories whose symlinks count as enablement: (dir, is it runtime configuration?).
pub(crate) fn enablement_dirs(ctx: &LoadContext) -> Vec<(PathBuf, bool)> {
    let mut dirs = vec![(ctx.config_dir.clone(), false)];
    if let Some(rt) = &ctx.runtime_dir {
        dirs.push((rt.join("systemd/user"), true));
    }
    if let Some(admin) = &ctx.admin_config_dir {
        dirs.push((admin.clone(), false));
    }
    dirs.dedup();
    dirs
}

/// The fragment and `[Install]` section (fragment plus drop-ins) of `name`, which may be a
/// template. None if there is no file.
pub(crate) fn install_info(
    index: &UnitIndex,
    ctx: &LoadContext,
    name: &str,
) -> Option<(PathBuf, InstallSection)> {
    let resolved = index.resolve(name);
    let fragment = resolved.fragment.filter(|_| !resolved.masked)?;
    let mut names = vec![resolved.id.clone()];
    names.extend(resolved.aliases.iter().cloned());
    install_info_of(index, ctx, &resolved.id, names, &fragment)
}

/// [`install_info`] of unit `id` read from `file` — also a unit file named by its path
/// (`systemctl enable /path/foo.service`) that is not on the search path; `names` are the
/// unit's names whose drop-ins apply.
pub(crate) fn install_info_of(
    index: &UnitIndex,
    ctx: &LoadContext,
    id: &str,
    mut names: Vec<String>,
    file: &Path,
) -> Option<(PathBuf, InstallSection)> {
    // A linked unit file is known by the file its link leads to (systemctl points new
    // `.wants/` links there), read inside --root=.
    let fragment = ctx.final_file(file);
    let unit_type = parse_name(id)?.unit_type;
    let mut b = UnitBuilder::new(id, unit_type);
    let id = id.to_string();
    // `[Install]` names are expanded as systemctl does (`install_name_printf()`).
    let sctx = spec::context(&id, Some(&fragment), ctx);
    let expand = |s: &str| spec::expand_with(&sctx, s, true);
    let home = PathBuf::from(&ctx.user.home);
    let actx = ApplyContext {
        expand: &expand,
        expand_name: &expand,
        home: Some(&home),
    };
    let mut files = vec![fragment.clone()];
    if let Some(t) = template_of(&id) {
        names.push(t);
    }
    files.extend(dropins::find(index, &names, unit_type, ".d", Some(".conf")));
    for f in files {
        let Ok(bytes) = std::fs::read(ctx.final_file(&f)) else {
            continue;
        };
        let parsed = crate::syntax::parse_bytes(&bytes, Some(&f));
        for a in parsed.assignments.iter().filter(|a| a.section == "Install") {
            b.apply(a, Some(&f), &actx);
        }
    }
    Some((fragment, b.config().install.clone()))
}

/// The state of unit file `name` (None if there is no such file or built-in target).
pub fn unit_file_state(ctx: &LoadContext, name: &str) -> Option<UnitFileState> {
    UnitFileStates::scan(ctx).state(name)
}

/// The unit file states of many units from one scan of the search path (`show` of 10,000
/// units would otherwise scan every unit directory 10,000 times).
#[derive(Debug)]
pub struct UnitFileStates {
    ctx: LoadContext,
    index: UnitIndex,
    links: links::EnablementLinks,
}

impl UnitFileStates {
    /// Scan the search path of `ctx` now; later changes on disk are not seen.
    pub fn scan(ctx: &LoadContext) -> UnitFileStates {
        UnitFileStates {
            ctx: ctx.clone(),
            index: UnitIndex::scan(ctx),
            links: links::EnablementLinks::scan(ctx),
        }
    }

    /// As [`unit_file_state`].
    pub fn state(&self, name: &str) -> Option<UnitFileState> {
        state_with(&self.index, &self.links, &self.ctx, name)
    }

    /// Only the enablement links scanned now: states are then asked with
    /// [`Self::state_of`], which looks at the unit's own files only.
    pub fn links_only(ctx: &LoadContext) -> UnitFileStates {
        UnitFileStates {
            ctx: ctx.clone(),
            index: UnitIndex::default(),
            links: links::EnablementLinks::scan(ctx),
        }
    }

    /// The directories whose listing the enablement links were read from (the enablement
    /// directories, also those missing, and their `*.wants/`-style subdirectories): a link
    /// made or removed since changes one of them (its modification time, or whether it exists).
    pub fn scanned_dirs(&self) -> &[PathBuf] {
        self.links.listed()
    }

    /// The state of unit `id`, known also by `aliases`, from a fresh look at its own files
    /// ([`UnitIndex::of_names`]: the same answer as [`Self::state`] after a full scan,
    /// except that only `aliases` count as its other names).
    pub fn state_of(
        &self,
        id: &str,
        aliases: &[String],
        probe: &mut SearchProbe,
    ) -> Option<UnitFileState> {
        let mut names = vec![id.to_string()];
        names.extend(aliases.iter().cloned());
        let index = UnitIndex::of_names(&self.ctx, &names, &[".d"], probe);
        state_with(&index, &self.links, &self.ctx, id)
    }
}

fn state_with(
    index: &UnitIndex,
    all_links: &links::EnablementLinks,
    ctx: &LoadContext,
    name: &str,
) -> Option<UnitFileState> {
    let runtime_cfg = ctx.runtime_dir.as_ref().map(|r| r.join("systemd/user"));
    let in_dir = |p: &Path, d: Option<&PathBuf>| d.is_some_and(|d| p.parent() == Some(d.as_path()));
    let entry = match index.entry(name) {
        Some(e) => e.clone(),
        None => {
            // An instance without its own file is judged by its template's links.
            let tmpl = template_of(name)?;
            index.entry(&tmpl)?.clone()
        }
    };
    if entry.is_masked() {
        return Some(if in_dir(&entry.path, runtime_cfg.as_ref()) {
            UnitFileState::MaskedRuntime
        } else {
            UnitFileState::Masked
        });
    }
    if in_dir(&entry.path, ctx.transient_dir.as_ref()) {
        return Some(UnitFileState::Transient);
    }
    if ctx
        .generator_dirs
        .iter()
        .any(|g| entry.path.parent() == Some(g.as_path()))
    {
        return Some(UnitFileState::Generated);
    }
    if matches!(entry.kind, EntryKind::Alias(_)) {
        return Some(UnitFileState::Alias);
    }
    // A link to a file outside the search path under another name (`enable /opt/foo.service`
    // with `Alias=`) is an alias too: systemctl judges by the name of the file it leads to.
    let is_instance = parse_name(name).is_some_and(|p| p.instance.is_some_and(|i| !i.is_empty()));
    if entry.kind == EntryKind::Linked
        && !is_instance
        && ctx.final_file(&entry.path).file_name() != Some(std::ffi::OsStr::new(name))
    {
        return Some(UnitFileState::Alias);
    }
    let Some((fragment, install)) = install_info(index, ctx, name) else {
        return Some(UnitFileState::Bad);
    };
    let links = links::find_links(all_links, name, &fragment, &install);
    let is_template = parse_name(name).is_some_and(|p| p.instance == Some(""));
    let enabling: Vec<_> = links.iter().filter(|l| l.counts_as_enabled).collect();
    // A template is enabled by its default instance's links (or its own name's); links of
    // other instances make it `indirect`, as systemctl reports `getty@.service`.
    let (enabling, instances_only): (Vec<_>, bool) = if is_template {
        let own = with_instance(name, install.default_instance.as_deref());
        let direct: Vec<_> = enabling
            .iter()
            .copied()
            .filter(|l| {
                l.name == own
                    || parse_name(&l.name).is_none_or(|p| p.instance.is_none_or(str::is_empty))
            })
            .collect();
        let only = direct.is_empty() && !enabling.is_empty();
        (direct, only)
    } else {
        (enabling, false)
    };
    if instances_only {
        return Some(UnitFileState::Indirect);
    }
    let runtime_only = enabling.iter().all(|l| l.runtime);
    if !enabling.is_empty() {
        return Some(if runtime_only {
            UnitFileState::EnabledRuntime
        } else {
            UnitFileState::Enabled
        });
    }
    if links.iter().any(|l| l.unlisted_alias) {
        return Some(UnitFileState::Indirect);
    }
    if entry.kind == EntryKind::Linked {
        return Some(if in_dir(&entry.path, runtime_cfg.as_ref()) {
            UnitFileState::LinkedRuntime
        } else {
            UnitFileState::Linked
        });
    }
    let has_targets = !install.wanted_by.is_empty()
        || !install.required_by.is_empty()
        || !install.alias.is_empty();
    Some(if has_targets {
        UnitFileState::Disabled
    } else if !install.also.is_empty() {
        UnitFileState::Indirect
    } else {
        UnitFileState::Static
    })
}

/// Every unit file on the search path with its path and state, sorted by name
/// (`list-unit-files`). Built-in targets without a file are not listed.
pub fn list_unit_files(ctx: &LoadContext) -> Vec<(String, PathBuf, UnitFileState)> {
    let index = UnitIndex::scan(ctx);
    let all_links = links::EnablementLinks::scan(ctx);
    let mut out = Vec::new();
    for (name, path) in index.names() {
        if let Some(state) = state_with(&index, &all_links, ctx, name) {
            out.push((name.to_string(), path.to_path_buf(), state));
        }
    }
    out
}

/// Whether a unit by this name can be loaded (a file, an instance of a template file, or a
/// built-in target) — for the "added as a dependency to a non-existent unit" note. Under
/// --root= only files count: the tree is judged by what it holds, as systemctl judges it.
pub(crate) fn unit_exists(index: &UnitIndex, ctx: &LoadContext, name: &str) -> bool {
    index.resolve(name).fragment.is_some()
        || (ctx.root.is_none() && builtin::names().any(|b| b == name))
}

/// `template` + instance → instance name, for templates; the name itself otherwise.
pub(crate) fn with_instance(name: &str, instance: Option<&str>) -> String {
    match (parse_name(name), instance) {
        (Some(p), Some(i)) if p.instance == Some("") => {
            instantiate(name, i).unwrap_or_else(|| name.to_string())
        }
        _ => name.to_string(),
    }
}
