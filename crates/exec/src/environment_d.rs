//! environment.d(5): the `KEY=VALUE` files that extend the environment a user manager passes
//! to its services, with `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR:+alternate}`
//! expanded against the environment built so far.
//!
//! Files are `*.conf` in the directories given, earlier directories first in precedence: a
//! file name found in an earlier directory hides the same name in later ones, a symlink to
//! `/dev/null` or an empty file masks it. The surviving files are read in the order of their
//! names, whatever their directory, so a later name overrides an earlier one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::env::{Environment, read_environment_file};

/// The directories systemd's user manager reads, in precedence order: the user's own
/// (`$XDG_CONFIG_HOME/environment.d`), then, when `system` is true, the machine's.
pub fn directories(config_home: &Path, system: bool) -> Vec<PathBuf> {
    let mut dirs = vec![config_home.join("environment.d")];
    if system {
        dirs.extend(
            [
                "/etc/environment.d",
                "/run/environment.d",
                "/usr/local/lib/environment.d",
                "/usr/lib/environment.d",
            ]
            .map(PathBuf::from),
        );
    }
    dirs
}

/// The files that apply, in the order they are read.
pub fn files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut chosen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".conf") && !chosen.contains_key(&name) {
                chosen.insert(name, e.path());
            }
        }
    }
    chosen.into_values().filter(|p| !is_masked(p)).collect()
}

/// A symlink to /dev/null, or an empty file.
fn is_masked(p: &Path) -> bool {
    std::fs::read_link(p).is_ok_and(|t| t == Path::new("/dev/null"))
        || std::fs::metadata(p).is_ok_and(|m| m.len() == 0)
}

/// Apply the files to `env`. Returns warnings as `path:line: message`.
pub fn apply(dirs: &[PathBuf], env: &mut Environment) -> Vec<String> {
    let mut warnings = Vec::new();
    for path in files(dirs) {
        match read_environment_file(&path) {
            Ok((vars, bad)) => {
                for (line, w) in bad {
                    warnings.push(format!("{}:{line}: {w}", path.display()));
                }
                for (k, v) in vars {
                    let value = expand(&v, &|name| env.get(name).map(str::to_string));
                    env.set(&k, &value);
                }
            }
            Err(e) => warnings.push(format!("Failed to read {}: {e}", path.display())),
        }
    }
    warnings
}

/// Expand `$NAME`, `${NAME}`, `${NAME:-default}` (when unset or empty) and
/// `${NAME:+alternate}` (when set and not empty); an unset variable expands to nothing, and
/// a `$` that starts none of these stays as it is. Defaults and alternates are expanded too.
pub fn expand(value: &str, lookup: &dyn Fn(&str) -> Option<String>) -> String {
    let is_name = |c: char| c == '_' || c.is_ascii_alphanumeric();
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(pos) = rest.find('$') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        if let Some(inner) = after.strip_prefix('{') {
            let Some(close) = inner.find('}') else {
                // No closing brace: not an expansion.
                out.push('$');
                rest = after;
                continue;
            };
            let body = &inner[..close];
            rest = &inner[close + 1..];
            let (name, op) = match body.find(":-").or_else(|| body.find(":+")) {
                Some(i) => (&body[..i], Some((&body[i..i + 2], &body[i + 2..]))),
                None => (body, None),
            };
            let current = lookup(name).filter(|v| !v.is_empty());
            match op {
                None => out.push_str(&current.unwrap_or_default()),
                Some((":-", default)) => match current {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&expand(default, lookup)),
                },
                Some((_, alternate)) => {
                    if current.is_some() {
                        out.push_str(&expand(alternate, lookup));
                    }
                }
            }
            continue;
        }
        let len = after.find(|c: char| !is_name(c)).unwrap_or(after.len());
        if len == 0 {
            out.push('$');
            rest = after;
            continue;
        }
        out.push_str(&lookup(&after[..len]).unwrap_or_default());
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(name: &str) -> Option<String> {
        match name {
            "PATH" => Some("/usr/bin:/bin".into()),
            "EMPTY" => Some(String::new()),
            "LD" => Some("/lib/x".into()),
            _ => None,
        }
    }

    #[test]
    fn expansion_forms_of_environment_d_5() {
        let cases = [
            ("/opt/foo/bin:$PATH", "/opt/foo/bin:/usr/bin:/bin"),
            ("${PATH}/x", "/usr/bin:/bin/x"),
            ("/opt/lib${LD:+:$LD}", "/opt/lib:/lib/x"),
            ("/opt/lib${NOPE:+:$NOPE}", "/opt/lib"),
            (
                "${XDG:-/usr/local/share/:/usr/share/}",
                "/usr/local/share/:/usr/share/",
            ),
            ("${EMPTY:-default}", "default"),
            ("${PATH:-default}", "/usr/bin:/bin"),
            ("$NOPE-x", "-x"),
            ("cost $5 and $ alone", "cost  and $ alone"),
            ("50$", "50$"),
            ("${unclosed", "${unclosed"),
        ];
        for (input, want) in cases {
            assert_eq!(expand(input, &lookup), want, "{input}");
        }
    }

    #[test]
    fn files_by_name_across_directories_earlier_directory_wins_and_masks() {
        let t = tempfile::tempdir().unwrap();
        let (user, etc, lib) = (t.path().join("u"), t.path().join("e"), t.path().join("l"));
        for d in [&user, &etc, &lib] {
            std::fs::create_dir_all(d).unwrap();
        }
        std::fs::write(lib.join("10-a.conf"), "A=lib\nP=/lib:$P\n").unwrap();
        std::fs::write(etc.join("10-a.conf"), "A=etc\nP=/etc:$P\n").unwrap();
        std::fs::write(lib.join("20-b.conf"), "B=$A-b\n").unwrap();
        std::fs::write(user.join("30-c.conf"), "C=${B:+yes}\nbad line\n").unwrap();
        std::fs::write(lib.join("40-masked.conf"), "M=1\n").unwrap();
        std::os::unix::fs::symlink("/dev/null", user.join("40-masked.conf")).unwrap();
        std::fs::write(lib.join("ignored.txt"), "X=1\n").unwrap();
        let mut env = Environment::new();
        env.set("P", "/usr/bin");
        let warnings = apply(&[user.clone(), etc, lib], &mut env);
        assert_eq!(
            env.to_strings(),
            ["P=/etc:/usr/bin", "A=etc", "B=etc-b", "C=yes"]
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with(&format!("{}:2: ", user.join("30-c.conf").display())));
    }
}
