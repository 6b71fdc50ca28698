//! `add-wants`/`add-requires` (`AddDependencyUnitFiles`) and `revert` (`RevertUnitFiles`):
//! the other changes systemctl makes to the user's configuration directory.

use std::path::{Path, PathBuf};

use super::links::{remove_link, target_dir};
use super::{InstallChange, InstallError};
use crate::loader::LoadContext;
use crate::loader::lookup::UnitIndex;
use crate::settings::names::parse_name;

/// `add-wants TARGET UNIT…` (`dependency` "Wants") and `add-requires` ("Requires"): a link
/// to each unit's file in `TARGET.wants/` (`.requires/`) of the configuration directory (the
/// runtime one with `runtime`); `force` replaces a link of that name pointing elsewhere.
pub fn add_dependency<S: AsRef<str>>(
    ctx: &LoadContext,
    names: &[S],
    target: &str,
    dependency: &str,
    runtime: bool,
    force: bool,
) -> Result<Vec<InstallChange>, InstallError> {
    parse_name(target).ok_or_else(|| InstallError::InvalidName(target.to_string()))?;
    let suffix = match dependency {
        "Wants" => "wants",
        "Requires" => "requires",
        other => return Err(InstallError::InvalidName(other.to_string())),
    };
    let dir = target_dir(ctx, runtime)?.join(format!("{target}.{suffix}"));
    let index = UnitIndex::scan(ctx);
    let mut changes = Vec::new();
    for name in names.iter().map(AsRef::as_ref) {
        let name = name.rsplit('/').next().unwrap_or(name);
        parse_name(name).ok_or_else(|| InstallError::InvalidName(name.to_string()))?;
        let resolved = index.resolve(name);
        if resolved.masked {
            return Err(InstallError::Masked(
                resolved.fragment.unwrap_or_else(|| PathBuf::from(name)),
            ));
        }
        let fragment = resolved
            .fragment
            .ok_or_else(|| InstallError::NotFound(name.to_string()))?;
        let link = dir.join(name);
        if let Ok(old) = std::fs::read_link(&link) {
            if old == fragment {
                continue;
            }
            if !force {
                return Err(InstallError::Exists {
                    path: link,
                    target: old,
                });
            }
            remove_link(&link)?;
            changes.push(InstallChange::Removed { path: link.clone() });
        } else if link.exists() {
            return Err(InstallError::FileExists(link));
        }
        let io = |source| InstallError::Io {
            path: link.clone(),
            source,
        };
        std::fs::create_dir_all(&dir).map_err(io)?;
        std::os::unix::fs::symlink(&fragment, &link).map_err(io)?;
        changes.push(InstallChange::Created {
            link,
            target: fragment,
        });
    }
    Ok(changes)
}

/// `revert UNIT…`: back to the vendor's version — the user's drop-in directories
/// (`UNIT.d/`) in the configuration and runtime directories go, a mask goes, and a unit file
/// there goes when one of the same name exists further down the search path (a unit the user
/// wrote and nobody ships stays).
pub fn revert<S: AsRef<str>>(
    ctx: &LoadContext,
    names: &[S],
) -> Result<Vec<InstallChange>, InstallError> {
    let mut own: Vec<PathBuf> = vec![ctx.config_dir.clone()];
    if let Some(rt) = &ctx.runtime_dir {
        own.push(rt.join("systemd/user"));
    }
    let mut changes = Vec::new();
    for name in names.iter().map(AsRef::as_ref) {
        parse_name(name).ok_or_else(|| InstallError::InvalidName(name.to_string()))?;
        let vendor = ctx
            .search_path
            .iter()
            .filter(|d| !own.contains(d) && ctx.transient_dir.as_ref() != Some(*d))
            .map(|d| d.join(name))
            .any(|p| p.is_file());
        for dir in &own {
            let dropins = dir.join(format!("{name}.d"));
            if dropins.is_dir() {
                std::fs::remove_dir_all(&dropins).map_err(|source| InstallError::Io {
                    path: dropins.clone(),
                    source,
                })?;
                changes.push(InstallChange::Removed { path: dropins });
            }
            let file = dir.join(name);
            let is_mask = std::fs::read_link(&file).is_ok_and(|t| t == Path::new("/dev/null"));
            let own_copy =
                vendor && std::fs::symlink_metadata(&file).is_ok_and(|m| m.file_type().is_file());
            if is_mask || own_copy {
                remove_link(&file)?;
                changes.push(InstallChange::Removed { path: file });
            }
        }
    }
    Ok(changes)
}
