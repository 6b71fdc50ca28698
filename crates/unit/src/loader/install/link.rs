//! `link` and `set-default`/`get-default`: the symlinks that are not `[Install]` links — a
//! unit file outside the search path made available by name, and `default.target` pointing
//! at another target. One implementation for the manager (systemd's `LinkUnitFiles`,
//! `SetDefaultTarget` over D-Bus, and linger's own `systemctl link`/`set-default`).

use std::path::{Path, PathBuf};

use super::links::{create_link, remove_link, target_dir};
use super::{InstallChange, InstallError};
use crate::loader::LoadContext;
use crate::loader::lookup::UnitIndex;
use crate::settings::names::parse_name;

/// The name systemd reads the default target through.
const DEFAULT_TARGET: &str = "default.target";

/// Make `link` point at `target` (as systemd's `create_symlink`): nothing to do when it
/// already does; a symlink pointing elsewhere is replaced only with `force`; a file that is
/// not a symlink is never replaced.
fn point(
    ctx: &LoadContext,
    link: &Path,
    target: &Path,
    force: bool,
) -> Result<Vec<InstallChange>, InstallError> {
    let mut changes = Vec::new();
    match std::fs::read_link(link) {
        Ok(existing) if ctx.rooted(&existing) == ctx.rooted(target) => return Ok(changes),
        Ok(_) if force => {
            remove_link(link)?;
            changes.push(InstallChange::Removed {
                path: link.to_path_buf(),
            });
        }
        Ok(existing) => {
            return Err(InstallError::Exists {
                path: link.to_path_buf(),
                target: existing,
            });
        }
        Err(_) if std::fs::symlink_metadata(link).is_ok() => {
            return Err(InstallError::FileExists(link.to_path_buf()));
        }
        Err(_) => {}
    }
    create_link(link, target)?;
    changes.push(InstallChange::Created {
        link: link.to_path_buf(),
        target: target.to_path_buf(),
    });
    Ok(changes)
}

/// `link PATH…`: a symlink named after each unit file in the configuration directory (its
/// runtime twin with `runtime`), so a file kept elsewhere loads by its name. Every path is
/// checked before anything is made; a file whose directory is on the search path already
/// needs no link (as systemd skips it).
pub fn link<S: AsRef<str>>(
    ctx: &LoadContext,
    paths: &[S],
    runtime: bool,
    force: bool,
) -> Result<Vec<InstallChange>, InstallError> {
    let dir = target_dir(ctx, runtime)?;
    let mut todo = Vec::new();
    for p in paths {
        let path = PathBuf::from(p.as_ref());
        if !path.is_absolute() {
            return Err(InstallError::NotAbsolute(path));
        }
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            return Err(InstallError::InvalidName(p.as_ref().to_string()));
        };
        if parse_name(&name).is_none() {
            return Err(InstallError::InvalidName(name));
        }
        let meta = std::fs::metadata(ctx.rooted(&path)).map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                InstallError::NotFound(path.display().to_string())
            } else {
                InstallError::Io {
                    path: path.clone(),
                    source,
                }
            }
        })?;
        if !meta.is_file() {
            return Err(InstallError::NotAFile(path));
        }
        let on_search_path = path
            .parent()
            .is_some_and(|d| ctx.search_path.iter().any(|s| ctx.unrooted(s) == d));
        if !on_search_path {
            todo.push((dir.join(&name), path));
        }
    }
    let mut changes = Vec::new();
    for (link, target) in todo {
        changes.extend(point(ctx, &link, &target, force)?);
    }
    Ok(changes)
}

/// `set-default TARGET`: `default.target` in the configuration directory points at the
/// target's file (systemctl always asks with `force`; a D-Bus caller chooses).
pub fn set_default(
    ctx: &LoadContext,
    target: &str,
    force: bool,
) -> Result<Vec<InstallChange>, InstallError> {
    if !target.ends_with(".target") || parse_name(target).is_none() {
        return Err(InstallError::NotATarget(target.to_string()));
    }
    if target == DEFAULT_TARGET {
        return Err(InstallError::DefaultToItself);
    }
    let index = UnitIndex::scan(ctx);
    let resolved = index.resolve(target);
    if resolved.masked {
        return Err(InstallError::Masked(
            resolved.fragment.unwrap_or_else(|| PathBuf::from(target)),
        ));
    }
    let fragment = resolved
        .fragment
        .ok_or_else(|| InstallError::NotFound(target.to_string()))?;
    // A linked unit file: the link names the file itself.
    let file = std::fs::read_link(&fragment)
        .map(|t| ctx.unrooted(&ctx.rooted(&t)))
        .unwrap_or_else(|_| ctx.unrooted(&fragment));
    point(ctx, &ctx.config_dir.join(DEFAULT_TARGET), &file, force)
}

/// `get-default`: the unit `default.target` is an alias of (itself when it is not one).
pub fn default_target(ctx: &LoadContext) -> String {
    UnitIndex::scan(ctx).resolve(DEFAULT_TARGET).id
}
