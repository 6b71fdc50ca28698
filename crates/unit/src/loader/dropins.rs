//! Drop-in directories (`NAME.d/`, `NAME.wants/`, …) and their precedence.
//!
//! Directories are listed in priority order — each search-path directory (highest first),
//! within it each of the unit's names followed by its dash-truncated prefixes
//! (`foo-bar-baz.service` → `foo-bar-.service`, `foo-.service`); after all of those the
//! type-wide `service.d/`. Files are then merged by file name: the first directory with a
//! given name wins (a `/dev/null` symlink hides the name), and the result is sorted by name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::lookup::UnitIndex;
use crate::model::UnitType;
use crate::settings::names::parse_name;

/// The directory names (without the search-path directory) to look in for `name`.
pub(crate) fn name_dirs(name: &str, suffix: &str) -> Vec<String> {
    let mut out = vec![format!("{name}{suffix}")];
    if let Some(p) = parse_name(name) {
        let ty = p.unit_type.as_str();
        for (i, c) in p.prefix.char_indices().rev() {
            if c == '-' {
                let d = format!("{}.{ty}{suffix}", &p.prefix[..=i]);
                if !out.contains(&d) {
                    out.push(d);
                }
            }
        }
    }
    out
}

/// Every file in the unit's drop-in directories with the given directory suffix (`.d`,
/// `.wants`, …) and, if given, file suffix (`.conf`), in the order to apply them.
pub(crate) fn find(
    index: &UnitIndex,
    names: &[String],
    unit_type: UnitType,
    dir_suffix: &str,
    file_suffix: Option<&str>,
) -> Vec<PathBuf> {
    // Only names that some search directory has (most units have none): no paths to join.
    let candidates: Vec<String> = names
        .iter()
        .flat_map(|n| name_dirs(n, dir_suffix))
        .filter(|d| index.dropin_names.contains(d))
        .collect();
    let mut dirs: Vec<PathBuf> = Vec::new();
    for base in &index.search_path {
        for d in &candidates {
            let p = base.join(d);
            if index.dropin_dirs.contains(&p) && !dirs.contains(&p) {
                dirs.push(p);
            }
        }
    }
    let type_wide = format!("{}{dir_suffix}", unit_type.as_str());
    if index.dropin_names.contains(&type_wide) {
        for base in &index.search_path {
            let p = base.join(&type_wide);
            if index.dropin_dirs.contains(&p) {
                dirs.push(p);
            }
        }
    }
    // File name → Some(path), or None when masked by a /dev/null symlink.
    let mut files: BTreeMap<String, Option<PathBuf>> = BTreeMap::new();
    for dir in dirs {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut entries: Vec<(String, PathBuf)> = rd
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(|n| (n.to_string(), e.path())))
            .filter(|(n, _)| !n.starts_with('.') && file_suffix.is_none_or(|s| n.ends_with(s)))
            .collect();
        entries.sort();
        for (n, p) in entries {
            if files.contains_key(&n) {
                continue;
            }
            let masked = is_dev_null(&p);
            // `.conf` drop-ins must be (links to) regular files; `.wants/` entries may dangle.
            if file_suffix.is_some() && !masked && !std::fs::metadata(&p).is_ok_and(|m| m.is_file())
            {
                continue;
            }
            files.insert(n, (!masked).then_some(p));
        }
    }
    files.into_values().flatten().collect()
}

fn is_dev_null(p: &Path) -> bool {
    std::fs::read_link(p).is_ok_and(|t| t == Path::new("/dev/null"))
        || std::fs::canonicalize(p).is_ok_and(|c| c == Path::new("/dev/null"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_prefixes() {
        assert_eq!(
            name_dirs("foo-bar-baz.service", ".d"),
            vec![
                "foo-bar-baz.service.d",
                "foo-bar-.service.d",
                "foo-.service.d"
            ]
        );
        assert_eq!(
            name_dirs("a-b@c.service", ".d"),
            vec!["a-b@c.service.d", "a-.service.d"]
        );
        assert_eq!(
            name_dirs("unit-with-.service", ".d"),
            vec!["unit-with-.service.d", "unit-.service.d"]
        );
    }
}
