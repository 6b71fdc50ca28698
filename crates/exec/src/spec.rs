//! What to set up in the child, prepared (as C strings and raw numbers) before the fork.

use std::ffi::{CString, NulError};
use std::os::fd::OwnedFd;

/// The step of child setup that failed; its number is the child's exit status, as systemd's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Stage {
    /// Changing to WorkingDirectory=.
    Chdir = 200,
    /// Nice=.
    Nice = 201,
    /// Passing file descriptors.
    Fds = 202,
    /// execve itself.
    Exec = 203,
    /// Limit*=.
    Limits = 205,
    /// OOMScoreAdjust=.
    OomAdjust = 206,
    /// Resetting the signal mask.
    SignalMask = 207,
    /// Standard input.
    Stdin = 208,
    /// Standard output.
    Stdout = 209,
    /// Joining the unit's cgroup.
    Cgroup = 219,
    /// setsid().
    Setsid = 220,
    /// Standard error.
    Stderr = 222,
    /// Setting the supplementary groups or the group id (Credentials).
    Group = 216,
    /// Setting the user id (Credentials).
    User = 217,
    /// Limiting the capability bounding set (`CapabilityBoundingSet=`).
    Capabilities = 218,
    /// Mount or user namespace set-up (PrivateTmp=, ProtectSystem=, …).
    Namespace = 226,
    /// NoNewPrivileges=.
    NoNewPrivileges = 227,
    /// Loading seccomp filters (SystemCallFilter= & co.).
    Seccomp = 228,
    /// Making RuntimeDirectory= (done by the manager; see [`ExecSpec::fail_at`]).
    RuntimeDirectory = 233,
    /// Making StateDirectory=.
    StateDirectory = 238,
    /// Making CacheDirectory=.
    CacheDirectory = 239,
    /// Making LogsDirectory=.
    LogsDirectory = 240,
    /// Making ConfigurationDirectory=.
    ConfigurationDirectory = 241,
}

impl Stage {
    /// From the exit status number.
    pub fn from_code(code: u8) -> Option<Stage> {
        Some(match code {
            200 => Stage::Chdir,
            201 => Stage::Nice,
            202 => Stage::Fds,
            203 => Stage::Exec,
            205 => Stage::Limits,
            206 => Stage::OomAdjust,
            207 => Stage::SignalMask,
            208 => Stage::Stdin,
            209 => Stage::Stdout,
            219 => Stage::Cgroup,
            220 => Stage::Setsid,
            222 => Stage::Stderr,
            216 => Stage::Group,
            217 => Stage::User,
            218 => Stage::Capabilities,
            226 => Stage::Namespace,
            227 => Stage::NoNewPrivileges,
            228 => Stage::Seccomp,
            233 => Stage::RuntimeDirectory,
            238 => Stage::StateDirectory,
            239 => Stage::CacheDirectory,
            240 => Stage::LogsDirectory,
            241 => Stage::ConfigurationDirectory,
            _ => return None,
        })
    }

    /// systemd's step name (`EXEC`, `CHDIR` …).
    pub fn name(self) -> &'static str {
        match self {
            Stage::Chdir => "CHDIR",
            Stage::Nice => "NICE",
            Stage::Fds => "FDS",
            Stage::Exec => "EXEC",
            Stage::Limits => "LIMITS",
            Stage::OomAdjust => "OOM_ADJUST",
            Stage::SignalMask => "SIGNAL_MASK",
            Stage::Stdin => "STDIN",
            Stage::Stdout => "STDOUT",
            Stage::Cgroup => "CGROUP",
            Stage::Setsid => "SETSID",
            Stage::Stderr => "STDERR",
            Stage::Group => "GROUP",
            Stage::User => "USER",
            Stage::Capabilities => "CAPABILITIES",
            Stage::Namespace => "NAMESPACE",
            Stage::NoNewPrivileges => "NO_NEW_PRIVILEGES",
            Stage::Seccomp => "SECCOMP",
            Stage::RuntimeDirectory => "RUNTIME_DIRECTORY",
            Stage::StateDirectory => "STATE_DIRECTORY",
            Stage::CacheDirectory => "CACHE_DIRECTORY",
            Stage::LogsDirectory => "LOGS_DIRECTORY",
            Stage::ConfigurationDirectory => "CONFIGURATION_DIRECTORY",
        }
    }
}

/// One resource limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rlimit {
    /// RLIMIT_* number.
    pub resource: i32,
    /// Soft limit (`u64::MAX` = infinity).
    pub soft: u64,
    /// Hard limit (`u64::MAX` = infinity).
    pub hard: u64,
}

/// The identity the child takes before `execve` (User=, Group=, supplementary groups).
///
/// The group list is computed by the caller *before* the fork (e.g. with `getgrouplist`,
/// i.e. initgroups semantics): the child only makes the three system calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    /// User id (real, effective and saved).
    pub uid: u32,
    /// Primary group id (real, effective and saved).
    pub gid: u32,
    /// Supplementary groups; replaces the parent's list entirely (empty: none).
    pub groups: Vec<u32>,
}

/// Invalid input for a spawn (a NUL byte inside an argument or variable).
#[derive(Debug, thiserror::Error)]
#[error("{what} contains a NUL byte")]
pub struct SpecError {
    /// Which part.
    pub what: String,
    #[source]
    source: NulError,
}

/// Everything the child does before `execve`.
#[derive(Debug)]
pub struct ExecSpec {
    pub(crate) path: CString,
    pub(crate) argv: Vec<CString>,
    pub(crate) envp: Vec<CString>,
    pub(crate) cwd: Option<(CString, bool)>,
    /// fds to become 0, 1, 2 (None: /dev/null is not implied — the fd is left as inherited).
    pub stdin: Option<OwnedFd>,
    /// Standard output.
    pub stdout: Option<OwnedFd>,
    /// Standard error.
    pub stderr: Option<OwnedFd>,
    /// fds passed as 3, 4, … (socket activation).
    pub pass_fds: Vec<OwnedFd>,
    /// An open `cgroup.procs` of the unit's cgroup: the child writes "0" to join it.
    pub cgroup_procs: Option<OwnedFd>,
    /// More `cgroup.procs` files to join (the v1 controller hierarchies of the hybrid driver).
    pub extra_cgroup_procs: Vec<OwnedFd>,
    /// UMask=
    pub umask: u32,
    /// Nice=
    pub nice: Option<i32>,
    /// OOMScoreAdjust= (the child writes /proc/self/oom_score_adj).
    pub oom_score_adjust: Option<i32>,
    /// Limit*=
    pub rlimits: Vec<Rlimit>,
    /// Start a new session (every service gets one, like systemd).
    pub new_session: bool,
    /// Make standard input (a terminal) the controlling terminal of the new session
    /// (`linger run --pty`); needs `new_session`.
    pub controlling_tty: bool,
    /// Become this user and group after joining the cgroup, before `chdir` and `execve`
    /// (None: keep the parent's identity). Needs privilege (root or CAP_SETUID/CAP_SETGID).
    pub credentials: Option<Credentials>,
    /// Set `$LISTEN_PID` to the child's own pid (socket activation: `sd_listen_fds()` only
    /// accepts fds meant for its own pid, which is known only after the fork).
    pub listen_pid: bool,
    /// NoNewPrivileges= (also needed for unprivileged seccomp).
    pub no_new_privileges: bool,
    /// The unit's seccomp program, loaded last, just before `execve` (see
    /// [`crate::seccomp`]; compiled once per unit and shared by its spawns).
    pub seccomp: Option<crate::seccomp::Program>,
    /// The capability bounding set, by bit (`CapabilityBoundingSet=`; None: left as it is):
    /// every other capability is dropped from it after the namespaces are entered (which
    /// is what allows it without privileges) and before the identity changes.
    pub capability_bounding_set: Option<u64>,
    /// `AmbientCapabilities=`, by bit (0: none): raised into the inheritable and ambient sets
    /// after the identity changes, so the program keeps them across `execve`. Only
    /// capabilities the manager holds can be raised: otherwise the spawn fails at step
    /// CAPABILITIES (EPERM), as under systemd.
    pub ambient_capabilities: u64,
    /// The namespaces set up before the identity and the filters (`PrivateUsers=`,
    /// `PrivateTmp=`, `ProtectSystem=`, `ProtectHome=`, `PrivateNetwork=`, `PrivateDevices=` …).
    pub namespace: Option<Namespace>,
    /// A step the manager did for the child that failed (making `RuntimeDirectory=` & co.):
    /// the child reports it and exits with its status, running nothing — so the unit fails
    /// with systemd's `233/RUNTIME_DIRECTORY` … exit status, not a spawn error.
    pub fail_at: Option<(Stage, i32)>,
    pub(crate) oom_value: CString,
}

/// What the child does in its own namespaces (see [`ExecSpec::namespace`]), in this order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Namespace {
    /// Enter a new user namespace that maps only this `(uid, gid)` to itself: the mounts
    /// below are then allowed without privileges, and the service keeps its identity.
    pub user: Option<(u32, u32)>,
    /// Enter a new mount namespace (its mounts do not propagate back).
    pub mounts: bool,
    /// More `CLONE_NEW*` namespaces to enter: network (`PrivateNetwork=`; its loopback
    /// device is brought up), IPC (`PrivateIPC=`), UTS (`ProtectHostname=`).
    pub other: u64,
    /// Bind mounts `(source, target)`, with everything below the source.
    pub binds: Vec<(String, String)>,
    /// Read-only empty tmpfs over these paths, with this mode (`0` hides what is below),
    /// mounted from the shallowest to the deepest.
    pub tmpfs: Vec<(String, u32)>,
    /// Paths below a `tmpfs` entry that stay reachable, bound back from the original before
    /// the tmpfs covers it: `(path, is_directory)` (under `ProtectHome=`, the notify and
    /// journal sockets in the runtime directory and the unit's own directories).
    pub keep: Vec<(String, bool)>,
    /// Symbolic links `(path, target)` made in a `tmpfs` entry before it becomes read-only
    /// (`PrivateDevices=`'s `/dev/fd`, `/dev/stdin` …; the path's parent must be there).
    pub links: Vec<(String, String)>,
    /// These paths, and everything mounted below them, made read-only (`/` for all).
    pub read_only: Vec<String>,
    /// These paths made writable again below a read-only one (`ProtectSystem=strict`'s API
    /// file systems, the unit's directories, `ReadWritePaths=`). Of nested rules the deeper
    /// path wins.
    pub writable: Vec<String>,
}

fn cstr(what: &str, s: &str) -> Result<CString, SpecError> {
    CString::new(s).map_err(|source| SpecError {
        what: what.to_string(),
        source,
    })
}

impl ExecSpec {
    /// A spec running `path` with `argv`, an empty environment, inheriting stdio.
    pub fn new(path: &str, argv: &[&str]) -> Result<ExecSpec, SpecError> {
        Ok(ExecSpec {
            path: cstr("program path", path)?,
            argv: argv
                .iter()
                .map(|a| cstr("argument", a))
                .collect::<Result<_, _>>()?,
            envp: Vec::new(),
            cwd: None,
            stdin: None,
            stdout: None,
            stderr: None,
            pass_fds: Vec::new(),
            cgroup_procs: None,
            extra_cgroup_procs: Vec::new(),
            umask: 0o022,
            nice: None,
            oom_score_adjust: None,
            rlimits: Vec::new(),
            new_session: true,
            controlling_tty: false,
            credentials: None,
            listen_pid: false,
            no_new_privileges: false,
            seccomp: None,
            namespace: None,
            capability_bounding_set: None,
            ambient_capabilities: 0,
            fail_at: None,
            oom_value: CString::default(),
        })
    }

    /// Replace argv.
    pub fn set_argv<S: AsRef<str>>(&mut self, argv: &[S]) -> Result<(), SpecError> {
        self.argv = argv
            .iter()
            .map(|a| cstr("argument", a.as_ref()))
            .collect::<Result<_, _>>()?;
        Ok(())
    }

    /// Set the environment (`NAME=value` strings).
    pub fn set_env<S: AsRef<str>>(&mut self, env: &[S]) -> Result<(), SpecError> {
        self.envp = env
            .iter()
            .map(|e| cstr("environment variable", e.as_ref()))
            .collect::<Result<_, _>>()?;
        Ok(())
    }

    /// WorkingDirectory=; `missing_ok` for the `-` prefix.
    pub fn set_cwd(&mut self, dir: &str, missing_ok: bool) -> Result<(), SpecError> {
        self.cwd = Some((cstr("working directory", dir)?, missing_ok));
        Ok(())
    }

    /// The program path.
    pub fn path(&self) -> &str {
        self.path.to_str().unwrap_or("")
    }

    pub(crate) fn finalize(&mut self) {
        if let Some(v) = self.oom_score_adjust {
            self.oom_value = CString::new(v.to_string()).unwrap_or_default();
        }
    }
}
