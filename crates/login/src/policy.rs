//! The logout policy: `logind.conf` and `logind.conf.d/*.conf`, `[Login]` section
//! (logind.conf(5)). Read at start and on SIGHUP / `Reload`.
//!
//! Files are read in systemd's order: the main file, then the drop-ins sorted by file name;
//! a later assignment wins, list settings append and an empty assignment resets them.

use std::path::{Path, PathBuf};
use std::time::Duration;

use linger_unit::syntax::{self, SectionKind};

/// Keys of `[Login]` that linger knows but does not act on (seats, VTs, power keys, idle,
/// inhibitors): accepted without a warning, as their absence of effect is documented.
const ACCEPTED_UNUSED: &[&str] = &[
    "NAutoVTs",
    "ReserveVT",
    "IdleAction",
    "IdleActionSec",
    "InhibitDelayMaxSec",
    "HandlePowerKey",
    "HandlePowerKeyLongPress",
    "HandleRebootKey",
    "HandleRebootKeyLongPress",
    "HandleSuspendKey",
    "HandleSuspendKeyLongPress",
    "HandleHibernateKey",
    "HandleHibernateKeyLongPress",
    "HandleLidSwitch",
    "HandleLidSwitchExternalPower",
    "HandleLidSwitchDocked",
    "PowerKeyIgnoreInhibited",
    "SuspendKeyIgnoreInhibited",
    "HibernateKeyIgnoreInhibited",
    "LidSwitchIgnoreInhibited",
    "RebootKeyIgnoreInhibited",
    "HoldoffTimeoutSec",
    "InhibitorsMax",
    "StopIdleSessionSec",
];

/// The size limit of each `/run/user/UID` tmpfs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuntimeSize {
    /// Relative to physical RAM, in 1/10000.
    Permyriad(u64),
    /// Absolute, in bytes.
    Bytes(u64),
}

impl RuntimeSize {
    /// Bytes, given the machine's physical RAM.
    pub fn bytes(self, ram: u64) -> u64 {
        match self {
            RuntimeSize::Permyriad(p) => {
                u64::try_from(u128::from(ram) * u128::from(p) / 10_000).unwrap_or(u64::MAX)
            }
            RuntimeSize::Bytes(b) => b,
        }
    }
}

/// `[Login]` settings that linger implements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// KillUserProcesses= (default: yes with the `default-kill-user-processes` feature).
    pub kill_user_processes: bool,
    /// KillOnlyUsers=.
    pub kill_only_users: Vec<String>,
    /// KillExcludeUsers= (default `root`; an empty assignment clears it).
    pub kill_exclude_users: Vec<String>,
    /// UserStopDelaySec= (default 10 s; `None` is infinity: never stopped).
    pub user_stop_delay: Option<Duration>,
    /// RemoveIPC= (default yes).
    pub remove_ipc: bool,
    /// RuntimeDirectorySize= (default 10%).
    pub runtime_directory_size: RuntimeSize,
    /// RuntimeDirectoryInodesMax= (default: the size divided by 4096).
    pub runtime_directory_inodes: Option<u64>,
    /// SessionsMax= (default 8192).
    pub sessions_max: u64,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            kill_user_processes: cfg!(feature = "default-kill-user-processes"),
            kill_only_users: Vec::new(),
            kill_exclude_users: vec!["root".into()],
            user_stop_delay: Some(Duration::from_secs(10)),
            remove_ipc: true,
            runtime_directory_size: RuntimeSize::Permyriad(1000),
            runtime_directory_inodes: None,
            sessions_max: 8192,
        }
    }
}

/// A problem in a configuration file; the setting was ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file.
    pub path: PathBuf,
    /// 1-based line (0: the whole file).
    pub line: usize,
    /// What, ending with what was done.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
        }
    }
}

impl Policy {
    /// Read `conf` and then every `*.conf` in `dropins` (by file name). Missing files are fine.
    pub fn load(conf: &Path, dropins: &Path) -> (Policy, Vec<Warning>) {
        let mut policy = Policy::default();
        let mut state = ParseState::default();
        let mut warnings = Vec::new();
        let mut files = vec![conf.to_path_buf()];
        if let Ok(rd) = std::fs::read_dir(dropins) {
            let mut extra: Vec<PathBuf> = rd
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "conf"))
                .collect();
            extra.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
            files.extend(extra);
        }
        for f in files {
            match std::fs::read(&f) {
                Ok(bytes) => {
                    warnings.extend(policy.apply_bytes(&bytes, &f, &mut state));
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => warnings.push(Warning {
                    path: f.clone(),
                    line: 0,
                    message: format!("cannot read: {e}, ignoring."),
                }),
            }
        }
        (policy, warnings)
    }

    /// Apply one file's text (tests, and [`Policy::load`]).
    pub fn apply_text(&mut self, text: &str, path: &Path) -> Vec<Warning> {
        self.apply_bytes(text.as_bytes(), path, &mut ParseState::default())
    }

    fn apply_bytes(&mut self, bytes: &[u8], path: &Path, st: &mut ParseState) -> Vec<Warning> {
        let classify = |s: &str| {
            if s == "Login" {
                SectionKind::Known
            } else {
                SectionKind::Unknown
            }
        };
        let parsed = syntax::parse_with(bytes, Some(path), &classify);
        let mut out: Vec<Warning> = parsed
            .diagnostics
            .iter()
            .map(|d| Warning {
                path: path.to_path_buf(),
                line: d.line,
                message: d.message.clone(),
            })
            .collect();
        for a in parsed.assignments.iter().filter(|a| a.section == "Login") {
            if let Err(message) = self.set(&a.key, &a.value, st) {
                out.push(Warning {
                    path: path.to_path_buf(),
                    line: a.line,
                    message,
                });
            }
        }
        out
    }

    fn set(&mut self, key: &str, value: &str, st: &mut ParseState) -> Result<(), String> {
        let bad = |what: &str| format!("Failed to parse {what} {key}={value}, ignoring.");
        match key {
            "KillUserProcesses" => {
                self.kill_user_processes =
                    linger_unit::value::parse_boolean(value).map_err(|_| bad("boolean"))?;
            }
            "RemoveIPC" => {
                self.remove_ipc =
                    linger_unit::value::parse_boolean(value).map_err(|_| bad("boolean"))?;
            }
            "KillOnlyUsers" => set_list(&mut self.kill_only_users, value, &mut st.only_set),
            "KillExcludeUsers" => {
                set_list(&mut self.kill_exclude_users, value, &mut st.exclude_set);
            }
            "UserStopDelaySec" => {
                let us = linger_time::span::parse_sec(value).map_err(|_| bad("time span"))?;
                self.user_stop_delay =
                    (us != linger_time::USEC_INFINITY).then(|| Duration::from_micros(us));
            }
            "RuntimeDirectorySize" => {
                self.runtime_directory_size = if value.trim_end().ends_with('%') {
                    linger_cgroup::parse_permyriad(value, true)
                        .filter(|p| *p > 0)
                        .map(RuntimeSize::Permyriad)
                } else {
                    linger_cgroup::parse_size(value)
                        .filter(|b| *b > 0)
                        .map(RuntimeSize::Bytes)
                }
                .ok_or_else(|| bad("size"))?;
            }
            "RuntimeDirectoryInodesMax" => {
                let n = linger_cgroup::parse_size(value)
                    .filter(|n| *n > 0)
                    .ok_or_else(|| bad("number"))?;
                self.runtime_directory_inodes = Some(n);
            }
            "SessionsMax" => {
                self.sessions_max =
                    linger_cgroup::parse_size(value).ok_or_else(|| bad("number"))?;
            }
            k if ACCEPTED_UNUSED.contains(&k) => {}
            _ => {
                return Err(format!(
                    "Unknown key name '{key}' in section 'Login', ignoring."
                ));
            }
        }
        Ok(())
    }

    /// Whether the session processes of `user` are killed when a session ends
    /// (logind.conf(5): excluded users never, then KillOnlyUsers= if set, else
    /// KillUserProcesses=).
    pub fn shall_kill(&self, user: &str) -> bool {
        if self.kill_exclude_users.iter().any(|u| u == user) {
            return false;
        }
        if !self.kill_only_users.is_empty() {
            return self.kill_only_users.iter().any(|u| u == user);
        }
        self.kill_user_processes
    }

    /// Inode limit of a runtime directory of `bytes` size.
    pub fn runtime_inodes(&self, bytes: u64) -> u64 {
        self.runtime_directory_inodes
            .unwrap_or((bytes / 4096).max(1024))
    }
}

/// Across files: whether a list was assigned yet (the first assignment replaces the built-in
/// default, later ones append).
#[derive(Debug, Default)]
struct ParseState {
    only_set: bool,
    exclude_set: bool,
}

fn set_list(list: &mut Vec<String>, value: &str, assigned: &mut bool) {
    if value.trim().is_empty() {
        list.clear();
    } else {
        if !*assigned {
            list.clear();
        }
        for w in value.split_whitespace() {
            if !list.iter().any(|x| x == w) {
                list.push(w.to_string());
            }
        }
    }
    *assigned = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Policy, Vec<String>) {
        let mut p = Policy::default();
        let w = p.apply_text(text, Path::new("logind.conf"));
        (p, w.into_iter().map(|w| w.to_string()).collect())
    }

    #[test]
    fn defaults() {
        let p = Policy::default();
        assert_eq!(
            p.kill_user_processes,
            cfg!(feature = "default-kill-user-processes")
        );
        assert_eq!(p.kill_exclude_users, ["root"]);
        assert_eq!(p.user_stop_delay, Some(Duration::from_secs(10)));
        assert!(p.remove_ipc);
        assert_eq!(p.runtime_directory_size.bytes(1_000_000), 100_000);
        assert!(!p.shall_kill("root"));
    }

    #[test]
    fn table() {
        // (config text, user, expected shall_kill)
        let cases: &[(&str, &str, bool)] = &[
            ("[Login]\nKillUserProcesses=yes\n", "alice", true),
            ("[Login]\nKillUserProcesses=no\n", "alice", false),
            ("[Login]\nKillUserProcesses=yes\n", "root", false),
            (
                "[Login]\nKillUserProcesses=yes\nKillExcludeUsers=\n",
                "root",
                true,
            ),
            (
                "[Login]\nKillUserProcesses=yes\nKillExcludeUsers=alice\n",
                "alice",
                false,
            ),
            (
                "[Login]\nKillUserProcesses=yes\nKillExcludeUsers=alice\n",
                "root",
                true,
            ),
            (
                "[Login]\nKillUserProcesses=yes\nKillExcludeUsers=alice\nKillExcludeUsers=bob\n",
                "alice",
                false,
            ),
            (
                "[Login]\nKillUserProcesses=no\nKillOnlyUsers=alice bob\n",
                "bob",
                true,
            ),
            (
                "[Login]\nKillUserProcesses=yes\nKillOnlyUsers=alice\n",
                "bob",
                false,
            ),
            (
                "[Login]\nKillOnlyUsers=alice\nKillExcludeUsers=alice\n",
                "alice",
                false,
            ),
            (
                "[Login]\nKillOnlyUsers=alice\nKillOnlyUsers=\n",
                "bob",
                cfg!(feature = "default-kill-user-processes"),
            ),
            ("[Login]\nKillUserProcesses=TRUE\n", "x", true),
            ("[Login]\nKillUserProcesses=off\n", "x", false),
        ];
        let mut bad = Vec::new();
        for (text, user, want) in cases {
            let (p, w) = parse(text);
            if p.shall_kill(user) != *want || !w.is_empty() {
                bad.push(format!(
                    "{text:?} user {user}: want {want}, got {} {w:?}",
                    p.shall_kill(user)
                ));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn spans_sizes_and_warnings() {
        let (p, w) = parse(
            "[Login]\nUserStopDelaySec=0\nRemoveIPC=no\nRuntimeDirectorySize=64M\nSessionsMax=2\n",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(p.user_stop_delay, Some(Duration::ZERO));
        assert!(!p.remove_ipc);
        assert_eq!(p.runtime_directory_size, RuntimeSize::Bytes(64 << 20));
        assert_eq!(p.runtime_inodes(64 << 20), 16384);
        assert_eq!(p.sessions_max, 2);
        let (p, _) = parse("[Login]\nUserStopDelaySec=infinity\nRuntimeDirectorySize=25%\n");
        assert_eq!(p.user_stop_delay, None);
        assert_eq!(p.runtime_directory_size, RuntimeSize::Permyriad(2500));
        let (p, _) = parse("[Login]\nUserStopDelaySec=1min 30s\n");
        assert_eq!(p.user_stop_delay, Some(Duration::from_secs(90)));

        let (p, w) = parse(
            "[Login]\nKillUserProcesses=maybe\nUserStopDelaySec=soon\nFrobnicate=1\nHandlePowerKey=ignore\n[Other]\nX=1\n",
        );
        assert_eq!(p, Policy::default(), "bad values leave defaults");
        assert_eq!(
            w,
            [
                "logind.conf:6: Unknown section 'Other'. Ignoring.",
                "logind.conf:2: Failed to parse boolean KillUserProcesses=maybe, ignoring.",
                "logind.conf:3: Failed to parse time span UserStopDelaySec=soon, ignoring.",
                "logind.conf:4: Unknown key name 'Frobnicate' in section 'Login', ignoring.",
            ]
        );
    }

    #[test]
    fn dropins_in_order_override_main_file() {
        let dir = tempfile::tempdir().unwrap();
        let conf = dir.path().join("logind.conf");
        let d = dir.path().join("logind.conf.d");
        std::fs::create_dir(&d).unwrap();
        std::fs::write(&conf, "[Login]\nKillUserProcesses=no\nUserStopDelaySec=5\n").unwrap();
        std::fs::write(d.join("20-b.conf"), "[Login]\nUserStopDelaySec=7\n").unwrap();
        std::fs::write(
            d.join("10-a.conf"),
            "[Login]\nUserStopDelaySec=6\nKillUserProcesses=yes\n",
        )
        .unwrap();
        std::fs::write(d.join("30-c.txt"), "[Login]\nUserStopDelaySec=99\n").unwrap();
        let (p, w) = Policy::load(&conf, &d);
        assert!(w.is_empty(), "{w:?}");
        assert!(p.kill_user_processes);
        assert_eq!(p.user_stop_delay, Some(Duration::from_secs(7)));
        let (p, w) = Policy::load(&dir.path().join("missing"), &dir.path().join("missing.d"));
        assert!(w.is_empty());
        assert_eq!(p, Policy::default());
    }
}
