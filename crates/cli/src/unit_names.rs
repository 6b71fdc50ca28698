//! Unit names as the user typed them → the names the manager knows: systemctl's mangling
//! and glob patterns matched against the loaded units. Shared by `systemctl` (ctl) and
//! `systemd-analyze` (analyze), so neither reaches into the other.

/// fnmatch-style matching, shared with `journalctl -u 'web*'`.
fn glob(pattern: &str, s: &str) -> bool {
    linger_journal::glob::glob_match(pattern.as_bytes(), s.as_bytes())
}

/// Whether `name` matches one of `patterns` (as typed or mangled); no pattern matches all.
pub fn matches_patterns(patterns: &[String], name: &str) -> bool {
    patterns.is_empty()
        || patterns
            .iter()
            .any(|p| glob(p, name) || glob(&mangle(p), name))
}

/// systemctl's name mangling: `.service` added to names without a unit suffix, characters
/// a unit name cannot hold escaped (`has space` → `has\x20space.service`), paths made
/// `.mount`/`.device` names; glob patterns are left as patterns.
pub fn mangle(name: &str) -> String {
    linger_unit::name::mangle(name, ".service", true)
        .map(|(n, _)| n)
        .unwrap_or_else(|_| name.to_string())
}

/// [`mangle`] over a list.
pub fn mangle_all(names: &[String]) -> Vec<String> {
    names.iter().map(|n| mangle(n)).collect()
}

/// Every unit the manager has loaded (`list-units --all`), by name.
pub fn loaded_units() -> Result<Vec<String>, String> {
    let mut client = crate::connect::connect()?;
    let v = client
        .call(
            linger_ipc::manager::method::LIST,
            serde_json::json!({ "all": true }),
        )
        .map_err(|e| e.to_string())?;
    let r: linger_ipc::manager::ListReply = serde_json::from_value(v).unwrap_or_default();
    Ok(r.units.into_iter().map(|u| u.unit).collect())
}

/// Whether a name is a glob pattern (`'web*'`, `'app@?.service'`).
pub fn is_glob(name: &str) -> bool {
    name.contains(['*', '?', '['])
}

/// The unit names a verb acts on: plain names mangled, glob patterns replaced by the loaded
/// units they match (systemctl's rule: a pattern never loads a unit file). The manager is
/// asked only when there is a pattern.
pub fn expand_names(names: &[String]) -> Result<Vec<String>, String> {
    if !names.iter().any(|n| is_glob(n)) {
        return Ok(mangle_all(names));
    }
    let loaded = loaded_units()?;
    let mut out = Vec::new();
    for n in names {
        if is_glob(n) {
            let pattern = [n.clone()];
            out.extend(
                loaded
                    .iter()
                    .filter(|u| matches_patterns(&pattern, u))
                    .cloned(),
            );
        } else {
            out.push(mangle(n));
        }
    }
    out.dedup();
    Ok(out)
}
