//! `RuntimeDirectory=` & co.: make a unit's directories (and their symlinks) before a spawn,
//! remove runtime directories when the unit stops. The caller picks the roots (for a user
//! manager `$XDG_RUNTIME_DIR`, `$XDG_CONFIG_HOME`, `$XDG_CACHE_HOME`, …).
//!
//! Done in the parent, before the fork: these are ordinary file-system calls with errors worth
//! a sentence, and a directory that already has the right mode costs one `stat`.

use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// One directory to make: `root/path` with `mode` (the innermost directory only; missing
/// parents get 0755), and symlinks `root/LINK` → it.
#[derive(Debug, Clone, Copy)]
pub struct DirRequest<'a> {
    /// The kind's root (must exist or be creatable).
    pub root: &'a Path,
    /// Relative, normalized path below it.
    pub path: &'a str,
    /// Mode of the innermost directory.
    pub mode: u32,
    /// Relative paths of symlinks to make next to it.
    pub symlinks: &'a [String],
}

/// Why a directory could not be made.
#[derive(Debug, thiserror::Error)]
#[error("{what} {}: {source}", path.display())]
pub struct DirError {
    /// What was being done.
    pub what: &'static str,
    /// The path concerned.
    pub path: PathBuf,
    /// The cause.
    #[source]
    pub source: std::io::Error,
}

fn err<'a>(what: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> DirError + 'a {
    move |source| DirError {
        what,
        path: path.to_path_buf(),
        source,
    }
}

/// Make the directory (and its symlinks) if needed, give it `mode`, return its path.
pub fn ensure(req: DirRequest<'_>) -> Result<PathBuf, DirError> {
    let dir = req.root.join(req.path);
    match std::fs::metadata(&dir) {
        Ok(m) if m.is_dir() => {
            if m.permissions().mode() & 0o7777 != req.mode {
                std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(req.mode))
                    .map_err(err("Failed to set the mode of", &dir))?;
            }
        }
        Ok(_) => {
            return Err(DirError {
                what: "Not a directory:",
                path: dir,
                source: std::io::Error::from_raw_os_error(rustix::io::Errno::NOTDIR.raw_os_error()),
            });
        }
        Err(_) => {
            if let Some(parent) = dir.parent() {
                std::fs::DirBuilder::new()
                    .recursive(true)
                    .mode(0o755)
                    .create(parent)
                    .map_err(err("Failed to create directory", parent))?;
            }
            match std::fs::DirBuilder::new().mode(req.mode).create(&dir) {
                Ok(()) => {}
                // Another spawn of the same unit made it meanwhile: fine.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(err("Failed to create directory", &dir)(e)),
            }
            // The umask narrowed the mode given to mkdir.
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(req.mode))
                .map_err(err("Failed to set the mode of", &dir))?;
        }
    }
    for link in req.symlinks {
        let at = req.root.join(link);
        if std::fs::read_link(&at).is_ok_and(|t| t == dir) {
            continue;
        }
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            std::fs::remove_file(&at).map_err(err("Failed to replace symlink", &at))?;
        }
        if let Some(parent) = at.parent() {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o755)
                .create(parent)
                .map_err(err("Failed to create directory", parent))?;
        }
        std::os::unix::fs::symlink(&dir, &at).map_err(err("Failed to create symlink", &at))?;
    }
    Ok(dir)
}

/// Remove `root/path` with everything in it, and its symlinks (a runtime directory of a
/// stopped unit). A directory already gone is not an error.
pub fn remove(root: &Path, path: &str, symlinks: &[String]) -> Result<(), DirError> {
    for link in symlinks {
        let at = root.join(link);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            std::fs::remove_file(&at).map_err(err("Failed to remove symlink", &at))?;
        }
    }
    let dir = root.join(path);
    match std::fs::remove_dir_all(&dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(err("Failed to remove directory", &dir)(e))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_with_mode_parents_and_symlinks_then_removed() {
        let t = tempfile::tempdir().unwrap();
        let links = vec!["alias".to_string(), "deep/alias2".to_string()];
        let req = DirRequest {
            root: t.path(),
            path: "foo/bar",
            mode: 0o700,
            symlinks: &links,
        };
        let dir = ensure(req).unwrap();
        assert_eq!(dir, t.path().join("foo/bar"));
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&t.path().join("foo")), 0o755);
        assert_eq!(std::fs::read_link(t.path().join("alias")).unwrap(), dir);
        assert_eq!(
            std::fs::read_link(t.path().join("deep/alias2")).unwrap(),
            dir
        );
        std::fs::write(dir.join("data"), "x").unwrap();

        // Again, with another mode: adjusted, content kept.
        ensure(DirRequest { mode: 0o750, ..req }).unwrap();
        assert_eq!(mode(&dir), 0o750);
        assert!(dir.join("data").exists());

        remove(t.path(), "foo/bar", &links).unwrap();
        assert!(
            !dir.exists() && t.path().join("foo").exists(),
            "only the innermost goes"
        );
        assert!(std::fs::symlink_metadata(t.path().join("alias")).is_err());
        remove(t.path(), "foo/bar", &links).unwrap();
    }

    #[test]
    fn a_file_in_the_way_is_an_error_naming_it() {
        let t = tempfile::tempdir().unwrap();
        std::fs::write(t.path().join("f"), "").unwrap();
        let e = ensure(DirRequest {
            root: t.path(),
            path: "f",
            mode: 0o755,
            symlinks: &[],
        })
        .unwrap_err();
        assert!(e.to_string().contains("/f"), "{e}");
    }
}
