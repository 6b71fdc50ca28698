//! Which alias symlinks are acceptable for a unit (systemd's
//! `unit_validate_alias_symlink_or_warn()`, used for `Alias=` and links in unit directories).

use super::UnitType;
use super::{NameKind, kind_of, to_instance, type_of};

/// Why an alias symlink is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AliasError {
    /// The alias is not a valid unit name, or aliases a slice (systemd: `EINVAL`).
    #[error("invalid alias '{alias}': {reason}")]
    Invalid {
        /// The alias file name.
        alias: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// Alias and target differ in type, or in being plain/template/instance, or in the
    /// instance (systemd: `EXDEV`).
    #[error("alias '{alias}' does not match its target '{target}': {reason}")]
    Mismatch {
        /// The alias file name.
        alias: String,
        /// The target file name.
        target: String,
        /// What differs.
        reason: &'static str,
    },
    /// The alias names itself (systemd: `ELOOP`).
    #[error("alias '{0}' points to itself")]
    SelfLink(String),
}

fn base(p: &str) -> &str {
    p.rsplit('/').next().unwrap_or(p)
}

/// Check a symlink `alias` → `target` (paths; only their last components matter):
/// same type, slices cannot be aliased, templates alias templates, plain names alias plain
/// names, an instance aliases the same instance or a template.
pub fn validate_alias_symlink(alias: &str, target: &str) -> Result<(), AliasError> {
    let (src, dst) = (base(alias), base(target));
    let invalid = |reason| AliasError::Invalid {
        alias: src.to_owned(),
        reason,
    };
    let mismatch = |reason| AliasError::Mismatch {
        alias: src.to_owned(),
        target: dst.to_owned(),
        reason,
    };
    let Some(src_kind) = kind_of(src) else {
        return Err(invalid("not a valid unit name"));
    };
    let src_type = type_of(src);
    if src_type == Some(UnitType::Slice) {
        return Err(invalid("slices cannot have aliases"));
    }
    if src == dst {
        return Err(AliasError::SelfLink(src.to_owned()));
    }
    if type_of(dst) != src_type {
        return Err(mismatch("the unit types differ"));
    }
    let Ok((dst_kind, dst_instance)) = to_instance(dst) else {
        return Err(mismatch("the target is not a valid unit name"));
    };
    let src_instance = to_instance(src).ok().and_then(|(_, i)| i);
    match (src_kind, dst_kind) {
        (NameKind::Plain, NameKind::Plain) | (NameKind::Template, NameKind::Template) => Ok(()),
        (NameKind::Instance, NameKind::Template) => Ok(()),
        (NameKind::Instance, NameKind::Instance) if src_instance == dst_instance => Ok(()),
        (NameKind::Instance, NameKind::Instance) => Err(mismatch("the instances differ")),
        _ => Err(mismatch(
            "one is a template or instance and the other is not",
        )),
    }
}
