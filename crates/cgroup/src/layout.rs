//! Unit names to cgroup paths, with systemd's layout below the manager's root:
//! `app.slice/foo.service`, `a.slice/a-b.slice/bar.service`, `init.scope` for the manager.

use std::path::PathBuf;

use crate::error::{CgroupError, Result};

/// The slice units go to when they name none (a user manager's default).
pub const DEFAULT_SLICE: &str = "app.slice";

/// The leaf the manager moves itself into, so its root may distribute controllers.
pub const INIT_SCOPE: &str = "init.scope";

/// Escapes one path component so it cannot collide with kernel files (systemd's
/// `cg_escape()`; the one escaper is linger-wire's, which the unit crate's specifiers use too).
#[must_use]
pub fn escape(name: &str) -> String {
    linger_wire::cgroup_escape(name).into_owned()
}

fn invalid(name: &str, reason: &'static str) -> CgroupError {
    CgroupError::InvalidName {
        name: name.to_owned(),
        reason,
    }
}

fn check_unit_name(name: &str) -> Result<()> {
    if name.is_empty() || name.len() > 255 {
        return Err(invalid(name, "must be 1 to 255 bytes long"));
    }
    if name.contains(['/', '\0', '\n']) {
        return Err(invalid(name, "must not contain '/', NUL or newline"));
    }
    match name.rsplit_once('.') {
        Some((stem, suffix)) if !stem.is_empty() && !suffix.is_empty() => Ok(()),
        _ => Err(invalid(name, "must be NAME.TYPE, e.g. foo.service")),
    }
}

/// The path of slice `slice` below the root: `a-b.slice` → `a.slice/a-b.slice`,
/// `-.slice` → the root itself.
///
/// # Errors
/// The name is not a valid slice name (`a--b.slice`, `-a.slice`, `a-.slice`, no `.slice`).
pub fn slice_path(slice: &str) -> Result<PathBuf> {
    check_unit_name(slice)?;
    let Some(stem) = slice.strip_suffix(".slice") else {
        return Err(invalid(slice, "a slice name must end in .slice"));
    };
    if stem == "-" {
        return Ok(PathBuf::new());
    }
    if stem.starts_with('-') || stem.ends_with('-') || stem.contains("--") {
        return Err(invalid(
            slice,
            "a slice name must not start or end with '-' nor contain '--'",
        ));
    }
    let mut path = PathBuf::new();
    let mut prefix = String::new();
    for part in stem.split('-') {
        if !prefix.is_empty() {
            prefix.push('-');
        }
        prefix.push_str(part);
        path.push(escape(&format!("{prefix}.slice")));
    }
    Ok(path)
}

/// The cgroup path of `unit` below the manager's root. Slices map to their own path; other
/// units go into `slice` (or [`DEFAULT_SLICE`]).
///
/// ```
/// use linger_cgroup::unit_path;
/// use std::path::Path;
/// assert_eq!(unit_path("web.service", None).unwrap(), Path::new("app.slice/web.service"));
/// assert_eq!(unit_path("x.service", Some("a-b.slice")).unwrap(), Path::new("a.slice/a-b.slice/x.service"));
/// ```
///
/// # Errors
/// The unit or slice name cannot be mapped.
pub fn unit_path(unit: &str, slice: Option<&str>) -> Result<PathBuf> {
    check_unit_name(unit)?;
    if unit.ends_with(".slice") {
        return slice_path(unit);
    }
    let mut p = slice_path(slice.unwrap_or(DEFAULT_SLICE))?;
    p.push(escape(unit));
    Ok(p)
}
