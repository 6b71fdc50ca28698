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
use linger_exec::seccomp::{FilterSpec, Program};
use linger_exec::{Environment, ExecSpec, Rlimit, Stage};
use linger_unit::model::{
    DirectoryKind, ExecDirectories, Hardening, RuntimePreserve, ServiceConfig,
};

use crate::config::ManagerConfig;
use crate::host_log::HostLog;

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

/// The step (and exit status) of a directory that could not be made.
fn directory_stage(kind: DirectoryKind) -> Stage {
    match kind {
        DirectoryKind::Runtime => Stage::RuntimeDirectory,
        DirectoryKind::State => Stage::StateDirectory,
        DirectoryKind::Cache => Stage::CacheDirectory,
        DirectoryKind::Logs => Stage::LogsDirectory,
        DirectoryKind::Configuration => Stage::ConfigurationDirectory,
    }
}

/// The directories `RuntimeDirectory=` … `ConfigurationDirectory=` name, as full paths.
fn unit_directories(config: &ManagerConfig, d: &ExecDirectories) -> Vec<PathBuf> {
    DirectoryKind::ALL
        .into_iter()
        .flat_map(|kind| {
            let root = directory_root(config, kind);
            d.get(kind)
                .entries
                .iter()
                .map(move |e| root.join(&e.path))
                .collect::<Vec<_>>()
        })
        .collect()
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
    /// Unit → its hardening settings and their compiled seccomp program (compiled once when
    /// the unit's settings are first seen or have changed, not at every spawn).
    filters: HashMap<String, (Hardening, Option<Program>)>,
}

impl Default for ExecSettings {
    fn default() -> Self {
        ExecSettings {
            may_raise_limits: limits::may_raise_hard_limits(),
            told: HashSet::new(),
            runtime_owner: HashMap::new(),
            filters: HashMap::new(),
        }
    }
}

impl ExecSettings {
    /// Fill `spec`'s limits and hardening from `cfg` (a `+` command runs unrestricted, as
    /// in systemd), noting in `logs` what had to be changed or left out.
    pub fn apply(
        &mut self,
        config: &ManagerConfig,
        req: &linger_engine::SpawnRequest<'_>,
        spec: &mut ExecSpec,
        logs: &mut Vec<HostLog>,
    ) -> Result<(), String> {
        let (unit, cfg) = (req.unit, req.service);
        self.apply_limits(unit, cfg, spec, logs);
        if !req.command.flags.full_privileges {
            let dirs = unit_directories(config, &cfg.exec.directories);
            self.apply_hardening(config, unit, &cfg.exec.hardening, &dirs, spec, logs)?;
        }
        Ok(())
    }

    fn apply_hardening(
        &mut self,
        config: &ManagerConfig,
        unit: &str,
        h: &Hardening,
        unit_dirs: &[PathBuf],
        spec: &mut ExecSpec,
        logs: &mut Vec<HostLog>,
    ) -> Result<(), String> {
        spec.no_new_privileges = h.no_new_privileges;
        spec.ambient_capabilities = h.ambient_capabilities;
        spec.capability_bounding_set = h.bounding_set();
        if spec.capability_bounding_set.is_some()
            && !rustix::process::geteuid().is_root()
            && !crate::sandbox::user_namespaces_available()
        {
            // Without privileges the bounding set can only be limited inside a user
            // namespace of the service's own; none may be made here.
            spec.capability_bounding_set = None;
            self.tell_once(
                unit,
                4,
                "The capability bounding set (CapabilityBoundingSet=, and what ProtectKernelModules=, PrivateDevices=, ProtectClock=, ProtectKernelLogs= take out of it) is not applied: this user may not create user namespaces here.".into(),
                logs,
            );
        }
        let (ns, notes) = crate::sandbox::plan(config, unit, h, unit_dirs)?;
        for note in notes {
            self.tell_once(unit, 4, note, logs);
        }
        spec.namespace = ns;
        if !h.wants_seccomp() {
            return Ok(());
        }
        let cached = self.filters.get(unit).filter(|(was, _)| was == h);
        let program = match cached {
            Some((_, p)) => p.clone(),
            None => {
                let compiled = linger_exec::seccomp::compile(&filter_spec(h))
                    .map_err(|e| format!("Failed to compile the seccomp filter: {e}"))?;
                for note in compiled.notes {
                    self.tell_once(unit, 4, note, logs);
                }
                self.filters
                    .insert(unit.to_string(), (h.clone(), compiled.program.clone()));
                compiled.program
            }
        };
        spec.seccomp = program;
        Ok(())
    }

    fn apply_limits(
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
    /// the command line is expanded (it may use them). A directory that cannot be made is
    /// returned as the step the child is to fail with (`233/RUNTIME_DIRECTORY` …
    /// `241/CONFIGURATION_DIRECTORY`, as systemd's) and the line naming it.
    pub fn prepare_environment(
        &mut self,
        config: &ManagerConfig,
        req: &linger_engine::SpawnRequest<'_>,
        env: &mut Environment,
    ) -> Option<(Stage, i32, String)> {
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
                let made_one = dirs::ensure(DirRequest {
                    root: &root,
                    path: &e.path,
                    mode: set.mode,
                    symlinks: &e.symlinks,
                });
                match made_one {
                    Ok(dir) => made.push(dir.to_string_lossy().into_owned()),
                    Err(err) => {
                        let errno = err
                            .source
                            .raw_os_error()
                            .unwrap_or(rustix::io::Errno::IO.raw_os_error());
                        let line = format!(
                            "Failed to set up special execution directory in {}: {err}",
                            root.display()
                        );
                        return Some((directory_stage(kind), errno, line));
                    }
                }
            }
            env.set(kind.variable(), &made.join(":"));
        }
        None
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
        crate::sandbox::release(config, unit);
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

/// The unit's seccomp settings in `linger-exec`'s terms.
fn filter_spec(h: &Hardening) -> FilterSpec {
    FilterSpec {
        syscalls: h.syscall_filter.as_ref().map(|f| {
            let mut calls = f.syscalls.clone();
            if f.allow_list {
                // systemd always allows @default (execve, exit, clock_gettime …).
                for name in linger_unit::value::syscall_group("@default").unwrap_or_default() {
                    calls.entry(name.to_string()).or_insert(None);
                }
            }
            (f.allow_list, calls)
        }),
        default_errno: h.syscall_errno,
        archs: h.syscall_archs.clone(),
        address_families: h.address_families.as_ref().map(|l| {
            (
                l.allow_list,
                l.names
                    .iter()
                    .filter_map(|n| linger_unit::value::address_family_number(n))
                    .collect(),
            )
        }),
        namespaces_allowed: h.namespaces.is_some().then(|| h.namespaces_allowed_mask()),
        lock_personality: h.lock_personality,
        memory_deny_write_execute: h.memory_deny_write_execute,
        restrict_realtime: h.restrict_realtime,
        restrict_suid_sgid: h.restrict_suid_sgid,
        refused: refused_calls(h),
    }
}

/// The system calls settings other than `SystemCallFilter=` refuse outright (systemd's groups).
fn refused_calls(h: &Hardening) -> std::collections::BTreeSet<String> {
    let group = |name: &str| linger_unit::value::syscall_group(name).unwrap_or_default();
    let mut out = std::collections::BTreeSet::new();
    let mut add = |names: Vec<&str>| out.extend(names.into_iter().map(String::from));
    if h.protect_kernel_modules {
        add(group("@module"));
    }
    if h.protect_clock {
        add(group("@clock"));
    }
    if h.private_devices {
        add(group("@raw-io"));
    }
    if h.protect_kernel_logs {
        add(vec!["syslog"]);
    }
    if h.protect_hostname {
        add(vec!["sethostname", "setdomainname"]);
    }
    out
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
