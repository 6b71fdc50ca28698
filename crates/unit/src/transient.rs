//! Transient unit files (`$XDG_RUNTIME_DIR/systemd/transient`, written by `systemd-run` and
//! D-Bus `StartTransientUnit` just before they ask the manager to start the unit): written
//! whole under a name no loader takes for a unit, then renamed into place, so a manager that
//! reads the directory in between never sees an empty file — which is a masked unit, and
//! stays loaded as such.

use std::path::{Path, PathBuf};

/// Write unit `name` with `text` into `dir` (created if missing); the file's path.
pub fn write(dir: &Path, name: &str, text: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(name);
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, &path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_whole_file_appears_under_the_unit_name() {
        let dir = tempfile::tempdir().unwrap();
        let t = dir.path().join("systemd/transient");
        let p = write(&t, "run-x.scope", "[Scope]\n").unwrap();
        assert_eq!(p, t.join("run-x.scope"));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "[Scope]\n");
        let names: Vec<_> = std::fs::read_dir(&t)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["run-x.scope"]);
    }
}
