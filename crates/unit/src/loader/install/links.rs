//! Finding, creating and removing enablement symlinks.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::link::named_file;
use super::{
    InstallChange, InstallError, enablement_dirs, install_info, install_info_of, unit_exists,
    with_instance,
};
use crate::loader::LoadContext;
use crate::loader::lookup::UnitIndex;
use crate::model::InstallSection;
use crate::settings::names::parse_name;

/// The text systemctl prints when a unit has nothing to enable.
const NO_INSTALL_INFO: &str =
    "The unit files have no installation config (WantedBy=, RequiredBy=, Also=,
Alias= settings in the [Install] section, and DefaultInstance= for template
units). This means they are not meant to be enabled using systemctl.
 
Possible reasons for having this kind of units are:
\u{2022} A unit may be statically enabled by being symlinked from another unit's
  .wants/ or .requires/ directory.
\u{2022} A unit's purpose may be to act as a helper for some other unit which has
  a requirement dependency on it.
\u{2022} A unit may be started when needed via activation (socket, path, timer,
  D-Bus, udev, scripted systemctl call, ...).
\u{2022} In case of template units, the unit is meant to be enabled with some
  instance name specified.";

/// A symlink in an enablement directory that refers to a unit.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    /// In the runtime configuration directory.
    pub runtime: bool,
    /// A `.wants/`-style or alias link (not the unit's own linked file).
    pub counts_as_enabled: bool,
    /// The link's own name (an instance's name for a link to a template).
    pub name: String,
    /// A top-level link under another name that `[Install] Alias=` does not list: it makes
    /// the unit `indirect`, not enabled (as systemctl 252 judges it).
    pub unlisted_alias: bool,
}

/// A symlink found in an enablement directory: (path, link name, target, top-level?).
type FoundLink = (PathBuf, String, PathBuf, bool);

/// Every symlink in `dir` (top level) and in its `*.wants/`, `*.requires/`, `*.upholds/`
/// subdirectories; the dependency subdirectories looked into are added to `listed`.
fn symlinks(ctx: &LoadContext, dir: &Path, listed: &mut Vec<PathBuf>) -> Vec<FoundLink> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    // The entry's type comes with the listing (d_type): a unit file costs no readlink and
    // no stat — `status` in a directory of 500 unit files made 1,000 failing calls. Only
    // symlinks and dependency directories are kept, and sorted by name (the order of their
    // paths): sorting 10,000 unit files' paths took 30 ms of a `status`.
    let is_dep_dir = |name: &str| {
        [".wants", ".requires", ".upholds"]
            .iter()
            .any(|s| name.ends_with(s))
    };
    let mut entries: Vec<_> = rd
        .flatten()
        .filter_map(|e| {
            let kind = e
                .file_type()
                .ok()
                .filter(|k| k.is_symlink() || k.is_dir())?;
            let name = e.file_name().into_string().ok()?;
            (kind.is_symlink() || is_dep_dir(&name)).then_some((name, kind))
        })
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, kind) in entries {
        let p = dir.join(&name);
        if kind.is_symlink() {
            if let Ok(t) = std::fs::read_link(&p) {
                out.push((p.clone(), name, ctx.rooted(&t), true));
            }
            continue;
        }
        if kind.is_dir() {
            listed.push(p.clone());
            let Ok(sub) = std::fs::read_dir(&p) else {
                continue;
            };
            let mut subs: Vec<_> = sub.flatten().map(|e| e.path()).collect();
            subs.sort();
            for s in subs {
                let Some(n) = s.file_name().and_then(|n| n.to_str()).map(str::to_string) else {
                    continue;
                };
                if let Ok(t) = std::fs::read_link(&s) {
                    out.push((s, n, ctx.rooted(&t), false));
                }
            }
        }
    }
    out
}

/// Whether a link named `link_name` pointing at `target` refers to unit `name` (file `fragment`).
fn refers(link_name: &str, target: &Path, name: &str, fragment: &Path) -> bool {
    if target == Path::new("/dev/null") {
        return false;
    }
    let p = parse_name(name);
    if p.as_ref()
        .is_some_and(|p| p.instance.is_some_and(|i| !i.is_empty()))
    {
        return link_name == name;
    }
    link_name == name || target == fragment || target.file_name() == fragment.file_name()
}

/// The symlinks of every enablement directory, read once for many units (`status` or
/// `show` of 500 units read the directories 500 times): (runtime?, the directory's symlinks),
/// and every directory the scan listed or tried to (what a later change would show in).
#[derive(Debug)]
pub(crate) struct EnablementLinks(Vec<(bool, Vec<FoundLink>)>, Vec<PathBuf>);

impl EnablementLinks {
    pub(crate) fn scan(ctx: &LoadContext) -> Self {
        let mut listed = Vec::new();
        let links = enablement_dirs(ctx)
            .into_iter()
            .map(|(dir, runtime)| {
                listed.push(dir.clone());
                (runtime, symlinks(ctx, &dir, &mut listed))
            })
            .collect();
        EnablementLinks(links, listed)
    }

    /// The directories the scan listed (or found missing): the enablement directories and
    /// their `*.wants/`-style subdirectories. A link made or removed since changes one of them.
    pub(crate) fn listed(&self) -> &[PathBuf] {
        &self.1
    }
}

/// The symlinks referring to `name` in the enablement directories.
pub(crate) fn find_links(
    all: &EnablementLinks,
    name: &str,
    fragment: &Path,
    install: &InstallSection,
) -> Vec<Link> {
    let mut out = Vec::new();
    for &(runtime, ref links) in &all.0 {
        for (_, link_name, target, top) in links {
            if refers(link_name, target, name, fragment) {
                // A top-level link with the unit's own name is the linked unit file itself.
                let listed = install.alias.contains(link_name);
                let unlisted_alias = *top && link_name != name && !listed;
                let counts_as_enabled = !(unlisted_alias || *top && link_name == name);
                out.push(Link {
                    runtime,
                    counts_as_enabled,
                    name: link_name.clone(),
                    unlisted_alias,
                });
            }
        }
    }
    out
}

fn names_of<S: AsRef<str>>(names: &[S]) -> Vec<String> {
    names.iter().map(|n| n.as_ref().to_string()).collect()
}

/// What enabling will do: its steps in order, the units already planned, advice to print.
#[derive(Default)]
struct Plan {
    steps: Vec<Planned>,
    seen: BTreeSet<String>,
    notes: Vec<String>,
}

/// One step of enabling, in the order systemctl reports them.
enum Planned {
    /// A symlink to make: (link, target).
    Link(PathBuf, PathBuf),
    /// `[Install]` names a unit that does not exist: systemctl warns right after the link.
    MissingDestination { unit: PathBuf, target: String },
}

/// The unit name an argument stands for: a path's file name, or the name itself.
fn unit_name_of(arg: &str) -> String {
    match arg.rsplit_once('/') {
        Some((_, name)) if arg.starts_with('/') => name.to_string(),
        _ => arg.to_string(),
    }
}

/// Plan the links enabling `name` (and its `Also=` units) into `plan`; `file` is the unit
/// file when it was named by its path (read from there, not looked up by name).
fn plan_enable(
    index: &UnitIndex,
    ctx: &LoadContext,
    dir: &Path,
    name: &str,
    file: Option<&Path>,
    plan: &mut Plan,
) -> Result<(), InstallError> {
    if !plan.seen.insert(name.to_string()) {
        return Ok(());
    }
    let parts = parse_name(name).ok_or_else(|| InstallError::InvalidName(name.to_string()))?;
    let resolved = index.resolve(name);
    if resolved.masked {
        return Err(InstallError::Masked(
            resolved.fragment.unwrap_or_else(|| dir.join(name)),
        ));
    }
    let info = match file {
        Some(f) => install_info_of(index, ctx, name, vec![name.to_string()], f),
        None => install_info(index, ctx, name),
    };
    let (fragment, install) = info.ok_or_else(|| InstallError::NotFound(name.to_string()))?;
    let instance = match parts.instance {
        Some("") => install.default_instance.clone(),
        Some(i) => Some(i.to_string()),
        None => None,
    };
    let is_bare_template = parts.instance == Some("") && instance.is_none();
    let link_name = with_instance(name, instance.as_deref());
    let before = plan.steps.len();
    for a in &install.alias {
        plan.steps.push(Planned::Link(
            dir.join(with_instance(a, instance.as_deref())),
            fragment.clone(),
        ));
    }
    if !is_bare_template {
        for (targets, suffix) in [
            (&install.wanted_by, "wants"),
            (&install.required_by, "requires"),
        ] {
            for t in targets {
                plan.steps.push(Planned::Link(
                    dir.join(format!("{t}.{suffix}")).join(&link_name),
                    fragment.clone(),
                ));
                if !unit_exists(index, ctx, t) {
                    plan.steps.push(Planned::MissingDestination {
                        unit: fragment.clone(),
                        target: t.clone(),
                    });
                }
            }
        }
    }
    let planned_here = plan.steps.len() > before;
    for also in &install.also {
        plan_enable(index, ctx, dir, also, None, plan)?;
    }
    if !planned_here && install.also.is_empty() {
        plan.notes.push(NO_INSTALL_INFO.to_string());
    }
    Ok(())
}

/// `enable`: create the `[Install]` symlinks of each unit (and its `Also=` units) in the
/// config directory (runtime configuration directory with `runtime`). Nothing is changed when any link conflicts.
pub fn enable<S: AsRef<str>>(
    ctx: &LoadContext,
    names: &[S],
    runtime: bool,
) -> Result<Vec<InstallChange>, InstallError> {
    enable_with(ctx, names, runtime, false)
}

/// [`enable`]; with `force` (`systemctl enable --force`) a symlink in the way that points
/// elsewhere is replaced (reported as removed, then created), as systemd does. A file that is
/// not a symlink is never replaced.
pub fn enable_with<S: AsRef<str>>(
    ctx: &LoadContext,
    names: &[S],
    runtime: bool,
    force: bool,
) -> Result<Vec<InstallChange>, InstallError> {
    let dir = target_dir(ctx, runtime)?;
    let index = UnitIndex::scan(ctx);
    let mut plan = Plan::default();
    for n in names_of(names) {
        if !n.starts_with('/') {
            plan_enable(&index, ctx, &dir, &n, None, &mut plan)?;
            continue;
        }
        // `enable PATH`: a file outside the search path is linked into the config directory
        // first (as `systemctl link`), then enabled from there — systemd 252's order.
        let named = named_file(ctx, &n)?;
        let file = ctx.rooted(&named.path);
        if !named.on_search_path {
            plan.steps
                .push(Planned::Link(dir.join(&named.name), file.clone()));
        }
        plan_enable(&index, ctx, &dir, &named.name, Some(&file), &mut plan)?;
    }
    // Check everything first so a conflict leaves the file system untouched.
    let mut todo: Vec<&PathBuf> = Vec::new();
    let mut replace: Vec<&PathBuf> = Vec::new();
    for step in &plan.steps {
        let Planned::Link(link, target) = step else {
            continue;
        };
        match std::fs::read_link(link).map(|t| ctx.rooted(&t)) {
            Ok(existing) if existing == *target => {}
            Ok(_) if force => {
                if !replace.contains(&link) {
                    replace.push(link);
                    todo.push(link);
                }
            }
            Ok(existing) => {
                return Err(InstallError::Exists {
                    path: link.clone(),
                    target: ctx.unrooted(&existing),
                });
            }
            Err(_) if std::fs::symlink_metadata(link).is_ok() => {
                return Err(InstallError::FileExists(link.clone()));
            }
            Err(_) => {
                if !todo.contains(&link) {
                    todo.push(link);
                }
            }
        }
    }
    // Then act in the planned order, each warning right after its link (systemctl's order).
    let mut changes = Vec::new();
    for step in &plan.steps {
        match step {
            Planned::Link(link, target) => {
                let Some(at) = todo.iter().position(|l| *l == link) else {
                    continue; // already right, or made by an earlier step
                };
                todo.remove(at);
                if replace.contains(&link) {
                    remove_link(link)?;
                    changes.push(InstallChange::Removed { path: link.clone() });
                }
                // Under --root= the link says where the file is inside the root.
                let target = ctx.unrooted(target);
                create_link(link, &target)?;
                changes.push(InstallChange::Created {
                    link: link.clone(),
                    target,
                });
            }
            Planned::MissingDestination { unit, target } => {
                changes.push(InstallChange::DestinationNotPresent {
                    unit: unit.clone(), // systemctl names the file with the root
                    target: target.clone(),
                });
            }
        }
    }
    plan.notes.dedup();
    changes.extend(plan.notes.into_iter().map(InstallChange::Note));
    Ok(changes)
}

/// Where links go: the config directory, or with `runtime` (`--runtime`) the runtime
/// configuration directory `$XDG_RUNTIME_DIR/systemd/user`, which is gone after logout.
pub(super) fn target_dir(ctx: &LoadContext, runtime: bool) -> Result<PathBuf, InstallError> {
    if !runtime {
        return Ok(ctx.config_dir.clone());
    }
    ctx.runtime_dir
        .as_ref()
        .map(|r| r.join("systemd/user"))
        .ok_or(InstallError::NoRuntimeDir)
}

pub(super) fn remove_link(link: &Path) -> Result<(), InstallError> {
    std::fs::remove_file(link).map_err(|source| InstallError::Io {
        path: link.to_path_buf(),
        source,
    })
}

pub(super) fn create_link(link: &Path, target: &Path) -> Result<(), InstallError> {
    let io = |source| InstallError::Io {
        path: link.to_path_buf(),
        source,
    };
    if let Some(parent) = link.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    std::os::unix::fs::symlink(target, link).map_err(io)
}

/// `disable`: remove every symlink in the config directory that refers to each unit (and
/// its `Also=` units); empty `.wants/` directories left behind are removed.
pub fn disable<S: AsRef<str>>(
    ctx: &LoadContext,
    names: &[S],
    runtime: bool,
) -> Result<Vec<InstallChange>, InstallError> {
    let (dir, remove) = links_to_disable(ctx, names, runtime)?;
    let mut changes = Vec::new();
    for path in remove {
        std::fs::remove_file(&path).map_err(|source| InstallError::Io {
            path: path.clone(),
            source,
        })?;
        if let Some(parent) = path.parent().filter(|p| *p != dir) {
            // Only succeeds when empty, which is the point.
            let _ = std::fs::remove_dir(parent);
        }
        changes.push(InstallChange::Removed { path });
    }
    Ok(changes)
}

/// The symlinks `disable` of `name` would remove, changing nothing (systemd's
/// `GetUnitFileLinks`, a dry run of the disable).
pub fn unit_file_links(
    ctx: &LoadContext,
    name: &str,
    runtime: bool,
) -> Result<Vec<PathBuf>, InstallError> {
    Ok(links_to_disable(ctx, &[name], runtime)?
        .1
        .into_iter()
        .collect())
}

/// The directory `disable` works in and the links it removes there.
fn links_to_disable<S: AsRef<str>>(
    ctx: &LoadContext,
    names: &[S],
    runtime: bool,
) -> Result<(PathBuf, BTreeSet<PathBuf>), InstallError> {
    let dir = target_dir(ctx, runtime)?;
    let index = UnitIndex::scan(ctx);
    let mut queue = names_of(names);
    let mut seen = BTreeSet::new();
    let mut remove: BTreeSet<PathBuf> = BTreeSet::new();
    while let Some(name) = queue.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        parse_name(&name).ok_or_else(|| InstallError::InvalidName(name.clone()))?;
        let Some((fragment, install)) = install_info(&index, ctx, &name) else {
            if index
                .entry(&name)
                .is_some_and(crate::loader::lookup::Entry::is_masked)
            {
                continue;
            }
            return Err(InstallError::NotFound(name));
        };
        for (path, link_name, target, _) in symlinks(ctx, &dir, &mut Vec::new()) {
            let is_alias = install.alias.contains(&link_name);
            if refers(&link_name, &target, &name, &fragment)
                || (is_alias && target != Path::new("/dev/null"))
            {
                remove.insert(path);
            }
        }
        queue.extend(install.also.iter().cloned());
    }
    Ok((dir, remove))
}

/// `reenable`: disable, then enable (`force` as [`enable_with`]).
pub fn reenable<S: AsRef<str>>(
    ctx: &LoadContext,
    names: &[S],
    runtime: bool,
    force: bool,
) -> Result<Vec<InstallChange>, InstallError> {
    // The disable half goes by name; a unit named by its path that is not linked yet is
    // simply enabled (systemd 252 then also reports "does not exist" and exits 1).
    let by_name: Vec<String> = names_of(names).iter().map(|n| unit_name_of(n)).collect();
    let mut changes = match disable(ctx, &by_name, runtime) {
        Err(InstallError::NotFound(_)) if names_of(names).iter().any(|n| n.starts_with('/')) => {
            Vec::new()
        }
        other => other?,
    };
    changes.extend(enable_with(ctx, names, runtime, force)?);
    Ok(changes)
}

/// `mask`: symlink each name to /dev/null in the config directory.
pub fn mask<S: AsRef<str>>(
    ctx: &LoadContext,
    names: &[S],
    runtime: bool,
) -> Result<Vec<InstallChange>, InstallError> {
    mask_with(ctx, names, runtime, false)
}

/// [`mask`]; with `force` a symlink of that name pointing elsewhere is replaced.
pub fn mask_with<S: AsRef<str>>(
    ctx: &LoadContext,
    names: &[S],
    runtime: bool,
    force: bool,
) -> Result<Vec<InstallChange>, InstallError> {
    let dir = target_dir(ctx, runtime)?;
    let mut changes = Vec::new();
    for name in names_of(names) {
        if parse_name(&name).is_none() {
            return Err(InstallError::InvalidName(name));
        }
        let link = dir.join(&name);
        let null = PathBuf::from("/dev/null");
        match std::fs::read_link(&link) {
            Ok(t) if t == null => continue,
            Ok(_) if force => {
                remove_link(&link)?;
                changes.push(InstallChange::Removed { path: link.clone() });
            }
            Ok(t) => {
                return Err(InstallError::Exists {
                    path: link,
                    target: t,
                });
            }
            Err(_) if std::fs::symlink_metadata(&link).is_ok() => {
                return Err(InstallError::FileExists(link));
            }
            Err(_) => {}
        }
        create_link(&link, &null)?;
        changes.push(InstallChange::Created { link, target: null });
    }
    Ok(changes)
}

/// `unmask`: remove `/dev/null` symlinks named after each unit from the config directory.
pub fn unmask<S: AsRef<str>>(
    ctx: &LoadContext,
    names: &[S],
    runtime: bool,
) -> Result<Vec<InstallChange>, InstallError> {
    let dir = target_dir(ctx, runtime)?;
    let mut changes = Vec::new();
    for name in names_of(names) {
        if parse_name(&name).is_none() {
            return Err(InstallError::InvalidName(name));
        }
        let link = dir.join(&name);
        if std::fs::read_link(&link).is_ok_and(|t| t == Path::new("/dev/null")) {
            std::fs::remove_file(&link).map_err(|source| InstallError::Io {
                path: link.clone(),
                source,
            })?;
            changes.push(InstallChange::Removed { path: link });
        }
    }
    Ok(changes)
}
