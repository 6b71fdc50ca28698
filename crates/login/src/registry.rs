//! The linger registry: one empty file per lingering user in the linger directory
//! (`/var/lib/systemd/linger/NAME`, the same place and format as systemd, so `ls` works and
//! the two agree). Files are created atomically (temp file + rename) and only for names that
//! passed [`crate::userdb::valid_user_name`].

use std::io;
use std::path::{Path, PathBuf};

use crate::userdb::valid_user_name;

/// A registry operation that failed.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// The name cannot be a file name here.
    #[error("Invalid user name '{0}'")]
    InvalidName(String),
    /// A file system call failed.
    #[error("{what} {}: {source}", path.display())]
    Io {
        /// What was attempted.
        what: &'static str,
        /// On which path.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
}

fn io_err<'a>(what: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> RegistryError + 'a {
    move |source| RegistryError::Io {
        what,
        path: path.to_path_buf(),
        source,
    }
}

/// The linger directory.
#[derive(Debug, Clone)]
pub struct Registry {
    dir: PathBuf,
}

impl Registry {
    /// A registry in `dir` (created on first enable).
    pub fn new(dir: PathBuf) -> Registry {
        Registry { dir }
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, name: &str) -> Result<PathBuf, RegistryError> {
        if !valid_user_name(name) {
            return Err(RegistryError::InvalidName(name.into()));
        }
        Ok(self.dir.join(name))
    }

    /// Whether `name` lingers.
    pub fn is_lingering(&self, name: &str) -> bool {
        self.path(name).is_ok_and(|p| p.exists())
    }

    /// Mark `name` lingering. Returns whether it changed.
    pub fn enable(&self, name: &str) -> Result<bool, RegistryError> {
        let target = self.path(name)?;
        if target.exists() {
            return Ok(false);
        }
        {
            use std::os::unix::fs::DirBuilderExt;
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o755)
                .create(&self.dir)
                .map_err(io_err("cannot create", &self.dir))?;
        }
        // A temp name no user name can have (valid names never start with '.'); the rename
        // makes the file appear complete or not at all.
        let tmp = self.dir.join(format!(".#{name}.{}", std::process::id()));
        {
            use std::os::unix::fs::OpenOptionsExt;
            std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(0o644)
                .open(&tmp)
                .map_err(io_err("cannot create", &tmp))?;
        }
        std::fs::rename(&tmp, &target).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            RegistryError::Io {
                what: "cannot rename into",
                path: target.clone(),
                source: e,
            }
        })?;
        Ok(true)
    }

    /// Unmark `name`. Returns whether it changed.
    pub fn disable(&self, name: &str) -> Result<bool, RegistryError> {
        let target = self.path(name)?;
        match std::fs::remove_file(&target) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(io_err("cannot remove", &target)(e)),
        }
    }

    /// Every lingering name, sorted; entries that are not valid names (temp files, junk) are
    /// skipped. A missing directory is an empty registry.
    pub fn list(&self) -> Result<Vec<String>, RegistryError> {
        let rd = match std::fs::read_dir(&self.dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_err("cannot read", &self.dir)(e)),
        };
        let mut out: Vec<String> = rd
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| valid_user_name(n))
            .collect();
        out.sort();
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enable_disable_list() {
        let dir = tempfile::tempdir().unwrap();
        let reg = Registry::new(dir.path().join("linger"));
        assert_eq!(
            reg.list().unwrap(),
            Vec::<String>::new(),
            "missing dir is empty"
        );
        assert!(!reg.is_lingering("alice"));
        assert!(reg.enable("alice").unwrap());
        assert!(!reg.enable("alice").unwrap(), "idempotent");
        assert!(reg.enable("bob").unwrap());
        let meta = std::fs::metadata(dir.path().join("linger/alice")).unwrap();
        assert_eq!(meta.len(), 0);
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(meta.permissions().mode() & 0o777, 0o644);
        // Junk and temp files in the directory are not users.
        std::fs::write(dir.path().join("linger/.#carol.1"), "").unwrap();
        std::fs::write(dir.path().join("linger/has space"), "").unwrap();
        assert_eq!(reg.list().unwrap(), ["alice", "bob"]);
        assert!(reg.is_lingering("alice"));
        assert!(reg.disable("alice").unwrap());
        assert!(!reg.disable("alice").unwrap());
        assert_eq!(reg.list().unwrap(), ["bob"]);
        // No temp file is left behind by enable.
        let names: Vec<_> = std::fs::read_dir(dir.path().join("linger"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(!names.iter().any(|n| n.starts_with(".#bob")), "{names:?}");
    }

    #[test]
    fn bad_names_never_become_paths() {
        let dir = tempfile::tempdir().unwrap();
        let reg = Registry::new(dir.path().join("linger"));
        for name in ["", "..", "../escape", "a/b", "/abs", ".", "-x", "a b", "12"] {
            assert!(
                matches!(reg.enable(name), Err(RegistryError::InvalidName(_))),
                "{name:?}"
            );
            assert!(matches!(
                reg.disable(name),
                Err(RegistryError::InvalidName(_))
            ));
            assert!(!reg.is_lingering(name));
        }
        assert!(!dir.path().join("escape").exists());
        assert!(!dir.path().join("linger").exists(), "nothing was created");
    }
}
