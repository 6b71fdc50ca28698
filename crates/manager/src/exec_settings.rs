//! The unit's process-execution settings that go beyond the command line — resource limits
//! (lowered to what the manager may grant), the default open-file limit, `RuntimeDirectory=`
//! & co. — mapped onto the [`ExecSpec`] and the environment. `host.rs` calls
//! [`ExecSettings::prepare_environment`] and [`ExecSettings::apply`] once per spawn and
//! [`ExecSettings::release`] when a unit has stopped; the logic lives here and in
//! `linger-exec`, so the event loop's restructuring can move those calls freely.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use linger_exec::dirs::{self, DirRequest};
use linger_exec::limits::{self, Clamped};
use linger_exec::{Environment, ExecSpec, Rlimit};
use linger_unit::model::{DirectoryKind, ExecDirectories, RuntimePreserve, ServiceConfig};

use crate::config::ManagerConfig;
use crate::host::HostLog;

/// Where a user manager puts each kind of directory (systemd.exec(5), "Automatic directory
/// creation", user units; the same roots as the `%t %S %C %L %E` specifiers).
pub fn directory_root(config: &ManagerConfig, kind: DirectoryKind) -> PathBuf {
    match kind {
        DirectoryKind::Runtime => config.runtime_dir.clone(),
        DirectoryKind::State | DirectoryKind::Configuration => config.config_home.clone(),
        DirectoryKind::Cache => config.cache_home.clone(),
        DirectoryKind::Logs => config.config_home.join("log"),
    }
}

/// What the manager knows once and remembers across spawns.
#[derive(Debug)]
pub struct ExecSettings {
    /// `CAP_SYS_RESOURCE`: hard limits may be raised (a manager running as root).
    may_raise_limits: bool,
    /// (unit, message) already logged: a note about a unit's settings is written once per
    /// manager lifetime, not at every spawn or restart.
    told: HashSet<(String, String)>,
    /// Unit → the invocation whose runtime directories exist now.
    runtime_owner: HashMap<String, String>,
}

impl Default for ExecSettings {
    fn default() -> Self {
        ExecSettings {
            may_raise_limits: limits::may_raise_hard_limits(),
            told: HashSet::new(),
            runtime_owner: HashMap::new(),
        }
    }
}

impl ExecSettings {
    /// Fill `spec`'s limits from `cfg`, noting in `logs` what had to be changed.
    pub fn apply(
        &mut self,
        unit: &str,
        cfg: &ServiceConfig,
        spec: &mut ExecSpec,
        logs: &mut Vec<HostLog>,
    ) {
        let mut rlimits: Vec<Rlimit> = cfg
            .exec
            .limits
            .iter()
            .map(|l| Rlimit {
                resource: l.resource,
                soft: l.soft,
                hard: l.hard,
            })
            .collect();
        if !rlimits.iter().any(|l| l.resource == limits::RLIMIT_NOFILE) {
            rlimits.push(limits::default_nofile());
        }
        for c in limits::clamp_to_grantable(&mut rlimits, self.may_raise_limits) {
            self.tell_once(unit, 5, clamp_message(&c), logs);
        }
        spec.rlimits = rlimits;
    }

    /// Make the unit's directories and name them in `env` (`$RUNTIME_DIRECTORY` …), before
    /// the command line is expanded (it may use them).
    pub fn prepare_environment(
        &mut self,
        config: &ManagerConfig,
        req: &linger_engine::SpawnRequest<'_>,
        env: &mut Environment,
    ) -> Result<(), String> {
        let cfg = req.service;
        for kind in DirectoryKind::ALL {
            let set = cfg.exec.directories.get(kind);
            if set.entries.is_empty() {
                continue;
            }
            let root = directory_root(config, kind);
            if kind == DirectoryKind::Runtime {
                self.renew_runtime_directories(req, &root);
            }
            let mut made = Vec::with_capacity(set.entries.len());
            for e in &set.entries {
                let dir = dirs::ensure(DirRequest {
                    root: &root,
                    path: &e.path,
                    mode: set.mode,
                    symlinks: &e.symlinks,
                })
                .map_err(|err| format!("{}=: {err}", kind.directive()))?;
                made.push(dir.to_string_lossy().into_owned());
            }
            env.set(kind.variable(), &made.join(":"));
        }
        Ok(())
    }

    /// A new run of a unit whose runtime directories are not preserved across restarts starts
    /// with them empty, as after systemd's stop-time removal: the stop of a restart is seen
    /// (as `ReleaseResources`) only after the new run's first spawn, so it is done here.
    fn renew_runtime_directories(&mut self, req: &linger_engine::SpawnRequest<'_>, root: &Path) {
        let dirs_cfg = &req.service.exec.directories;
        let previous = self
            .runtime_owner
            .insert(req.unit.to_string(), req.invocation_id.to_string());
        if dirs_cfg.runtime_preserve != RuntimePreserve::No
            || previous.is_none_or(|p| p == req.invocation_id)
        {
            return;
        }
        for e in &dirs_cfg.get(DirectoryKind::Runtime).entries {
            // Recreated right after by `ensure`; a failure shows there.
            let _ = dirs::remove(root, &e.path, &e.symlinks);
        }
    }

    /// `unit` has stopped (and is still inactive: `restarted` says whether it was started
    /// again meanwhile): remove its runtime directories unless `RuntimeDirectoryPreserve=`
    /// keeps them.
    pub fn release(
        &mut self,
        config: &ManagerConfig,
        unit: &str,
        dirs_cfg: &ExecDirectories,
        restarted: bool,
        logs: &mut Vec<HostLog>,
    ) {
        if restarted {
            return;
        }
        self.runtime_owner.remove(unit);
        if dirs_cfg.runtime_preserve == RuntimePreserve::Yes {
            return;
        }
        let root = directory_root(config, DirectoryKind::Runtime);
        for e in &dirs_cfg.get(DirectoryKind::Runtime).entries {
            if let Err(err) = dirs::remove(&root, &e.path, &e.symlinks) {
                logs.push(HostLog {
                    unit: unit.to_string(),
                    priority: 4,
                    message: format!("RuntimeDirectory=: {err}"),
                });
            }
        }
    }

    /// Log `message` for `unit` unless it was logged before.
    pub fn tell_once(
        &mut self,
        unit: &str,
        priority: u8,
        message: String,
        logs: &mut Vec<HostLog>,
    ) {
        if self.told.insert((unit.to_string(), message.clone())) {
            logs.push(HostLog {
                unit: unit.to_string(),
                priority,
                message,
            });
        }
    }
}

fn clamp_message(c: &Clamped) -> String {
    let name = linger_unit::value::rlimit_key(c.resource).unwrap_or("Limit?");
    let v = |x: u64| {
        if x == u64::MAX {
            "infinity".to_string()
        } else {
            x.to_string()
        }
    };
    format!(
        "{name}={}:{} is above the hard limit this manager may grant, lowered to {}:{}.",
        v(c.asked.0),
        v(c.asked.1),
        v(c.granted.0),
        v(c.granted.1)
    )
}
