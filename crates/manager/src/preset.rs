//! Preset policy (systemd.preset(5)) for user units: `enable PATTERN [INSTANCE…]` and
//! `disable PATTERN` lines in `*.preset` files of the user preset directories. Files are
//! read in name order (a name in a higher-priority directory hides the same name lower
//! down), the first matching line decides, and a unit no line matches is enabled — also
//! when there are no preset files at all. One reader for the manager's `UnitFilePreset=`,
//! `list-unit-files`' PRESET column and systemctl's `preset`/`preset-all` (also offline
//! under `--root=`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use linger_ipc::manager::PresetMode;
use linger_journal::glob::glob_match;

/// The user preset directories below a root, highest priority first.
const USER_PRESET_DIRS: [&str; 4] = [
    "etc/systemd/user-preset",
    "run/systemd/user-preset",
    "usr/local/lib/systemd/user-preset",
    "usr/lib/systemd/user-preset",
];

/// One line of a preset file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    enable: bool,
    pattern: String,
    /// `enable foo@.service a b`: the instances a template's preset enables.
    instances: Vec<String>,
}

/// The rules of every preset file, in the order they apply.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Presets {
    rules: Vec<Rule>,
}

impl Presets {
    /// The preset files under `root` (`/` for the machine's). `$LINGER_PRESET_PATH`
    /// (colon-separated directories) replaces the standard ones, so a policy can be tried —
    /// and tested — without touching /etc.
    pub fn load(root: &Path) -> Presets {
        Presets::load_read(root).0
    }

    /// [`Presets::load`], with the directories and files it read (what a later change of the
    /// policy would show in: the manager keeps the rules while none of them changed).
    pub fn load_read(root: &Path) -> (Presets, Vec<PathBuf>) {
        let dirs: Vec<PathBuf> = match std::env::var("LINGER_PRESET_PATH") {
            Ok(p) => p
                .split(':')
                .filter(|d| !d.is_empty())
                .map(PathBuf::from)
                .collect(),
            Err(_) => USER_PRESET_DIRS.iter().map(|d| root.join(d)).collect(),
        };
        let mut read = Vec::new();
        let presets = Presets::from_dirs_read(&dirs, &mut read);
        (presets, read)
    }

    /// The preset files in `dirs` (highest priority first).
    pub fn from_dirs(dirs: &[PathBuf]) -> Presets {
        Presets::from_dirs_read(dirs, &mut Vec::new())
    }

    /// [`Presets::from_dirs`]; the directories and the files it read are added to `read`.
    fn from_dirs_read(dirs: &[PathBuf], read: &mut Vec<PathBuf>) -> Presets {
        read.extend(dirs.iter().cloned());
        let mut files: BTreeMap<String, PathBuf> = BTreeMap::new();
        for d in dirs {
            let Ok(rd) = std::fs::read_dir(d) else {
                continue;
            };
            for e in rd.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.ends_with(".preset") {
                    files.entry(name).or_insert_with(|| e.path());
                }
            }
        }
        let mut rules = Vec::new();
        read.extend(files.values().cloned());
        for path in files.values() {
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            for line in text.lines().map(str::trim) {
                let mut words = line.split_whitespace();
                let enable = match words.next() {
                    Some("enable") => true,
                    Some("disable") => false,
                    // Comments (`#`, `;`), blank lines and what systemd 252 does not know.
                    _ => continue,
                };
                let Some(pattern) = words.next() else {
                    continue;
                };
                rules.push(Rule {
                    enable,
                    pattern: pattern.to_string(),
                    instances: words.map(str::to_string).collect(),
                });
            }
        }
        Presets { rules }
    }

    /// The first rule deciding for `unit`: its pattern matches the name, or `unit` is one of
    /// the instances a template's line names.
    fn rule_for(&self, unit: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| {
            if glob_match(r.pattern.as_bytes(), unit.as_bytes()) {
                return true;
            }
            let Some((prefix, rest)) = unit.split_once('@') else {
                return false;
            };
            let Some((instance, suffix)) = rest.rsplit_once('.') else {
                return false;
            };
            let template = format!("{prefix}@.{suffix}");
            !r.instances.is_empty()
                && r.instances.iter().any(|i| i == instance)
                && glob_match(r.pattern.as_bytes(), template.as_bytes())
        })
    }

    /// Whether the policy enables `unit` (no matching line: yes).
    pub fn enables(&self, unit: &str) -> bool {
        self.rule_for(unit).is_none_or(|r| r.enable)
    }

    /// `enabled`/`disabled`, as `UnitFilePreset=` and list-unit-files' PRESET column say.
    pub fn state(&self, unit: &str) -> &'static str {
        if self.enables(unit) {
            "enabled"
        } else {
            "disabled"
        }
    }

    /// For a template: the instances its enabling line names (`enable foo@.service a b` →
    /// `foo@a.service`, `foo@b.service`), which `preset` enables.
    pub fn instances_of(&self, template: &str) -> Vec<String> {
        let Some(r) = self.rule_for(template).filter(|r| r.enable) else {
            return Vec::new();
        };
        let Some((prefix, suffix)) = template.split_once("@.") else {
            return Vec::new();
        };
        r.instances
            .iter()
            .map(|i| format!("{prefix}@{i}.{suffix}"))
            .collect()
    }
}

impl Presets {
    /// What `preset` does to `units` under `mode`: (to enable, to disable). A template is
    /// replaced by the instances its enabling line names (none: it is left alone).
    pub fn plan(&self, units: &[String], mode: PresetMode) -> (Vec<String>, Vec<String>) {
        let (mut enable, mut disable) = (Vec::new(), Vec::new());
        for name in units {
            if name.contains("@.") {
                enable.extend(self.instances_of(name));
            } else if self.enables(name) {
                enable.push(name.clone());
            } else {
                disable.push(name.clone());
            }
        }
        match mode {
            PresetMode::Full => {}
            PresetMode::EnableOnly => disable.clear(),
            PresetMode::DisableOnly => enable.clear(),
        }
        (enable, disable)
    }
}

/// Whether `preset-all` considers a unit file in `state` (the ones `enable` could change).
pub fn presettable(state: &str) -> bool {
    matches!(state, "enabled" | "disabled" | "indirect")
}

/// The PRESET column / `UnitFilePreset=` for a unit file in `state`: none (`-` / empty) for
/// what cannot be enabled (static units, aliases, generated, transient and bad ones).
pub fn preset_for_state(presets: &Presets, unit: &str, state: &str) -> Option<&'static str> {
    match state {
        "" | "static" | "alias" | "generated" | "transient" | "bad" => None,
        _ => Some(presets.state(unit)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_matching_line_wins_and_the_default_is_enable() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(
            a.join("10-x.preset"),
            "# comment\n; another\nenable web*\ndisable *\n",
        )
        .unwrap();
        // Hidden by a's file of the same name.
        std::fs::write(b.join("10-x.preset"), "disable web*\n").unwrap();
        std::fs::write(
            b.join("05-y.preset"),
            "disable webold.service\nenable t@.service x y\n",
        )
        .unwrap();
        let p = Presets::from_dirs(&[a, b]);
        assert!(!p.enables("webold.service"));
        assert!(p.enables("web.service"));
        assert!(!p.enables("db.service"));
        assert_eq!(p.state("db.service"), "disabled");
        assert!(p.enables("t@.service"));
        assert!(p.enables("t@x.service"));
        assert!(
            !p.enables("t@z.service"),
            "not named: the catch-all decides"
        );
        assert_eq!(p.instances_of("t@.service"), ["t@x.service", "t@y.service"]);
        assert!(Presets::default().enables("db.service"));
        assert_eq!(preset_for_state(&p, "web.service", "static"), None);
        assert_eq!(
            preset_for_state(&p, "db.service", "masked"),
            Some("disabled")
        );
    }
}
