//! The real side of the engine's seam: clock, conditions, spawning, killing, tracking.

use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use linger_engine::{Host, KillWhom, SpawnRequest, Spawned, Timestamp};
use linger_exec::{Environment, ExecSpec, read_environment_file};
use linger_time::Usec;
use linger_unit::exec_line::expand_environment;
use linger_unit::model::{
    Condition, ConditionKind, InputSpec, NotifyAccess, OutputSpec, ServiceConfig, ServiceType,
    SocketConfig,
};
use rustix::fs::{Mode, OFlags};

use crate::config::ManagerConfig;
use crate::signals::Sent;
use crate::sockets::SocketTable;
use crate::timer_host::TimerHost;
use crate::tracker::ProcTracker;

/// A service output pipe waiting for the event loop to read it.
#[derive(Debug)]
pub struct NewPipe {
    /// Unit.
    pub unit: String,
    /// Process.
    pub pid: u32,
    /// Identifier for its lines (SyslogIdentifier= or the program name).
    pub identifier: String,
    /// Honour `<N>` prefixes.
    pub level_prefix: bool,
    /// Read end.
    pub fd: OwnedFd,
}

/// Standard input, output and error a client handed over for a unit's processes.
#[derive(Debug)]
pub struct AttachedStdio {
    /// stdin, stdout, stderr.
    pub fds: [OwnedFd; 3],
    /// They are a terminal, to become the controlling one.
    pub tty: bool,
}

pub use crate::host_log::HostLog;

/// The manager's implementation of [`Host`].
#[derive(Debug)]
pub struct RealHost {
    /// Paths and user.
    pub config: ManagerConfig,
    /// The manager environment (set-environment changes it).
    pub environment: Environment,
    /// Process tracking.
    pub tracker: ProcTracker,
    /// Output pipes created by spawns, to be picked up by the event loop.
    pub new_pipes: Vec<NewPipe>,
    /// Messages to log.
    pub logs: Vec<HostLog>,
    /// Children started without waiting for their `execve`: (unit, program) by pid; a failed
    /// step is reported on `exec_reports`.
    pub pending_exec: std::collections::HashMap<u32, (String, String)>,
    /// The line naming the directory a child about to be spawned failed at (see
    /// `ExecSpec::fail_at`), then by its pid until it is reaped.
    directory_failure: Option<String>,
    directory_failures: std::collections::HashMap<u32, String>,
    /// The start times (/proc/PID/stat's clock ticks) of children known without reading
    /// /proc — spawned within one tick, see [`RealHost::spawn`] — until the crash-recovery
    /// record keeps them (`recovery::persist`) or they are reaped.
    pub start_ticks: std::collections::HashMap<u32, u64>,
    /// The one pipe those children report a failed setup step on (no fd per service).
    pub exec_reports: linger_exec::ExecReports,
    /// Worker threads that make those children: a spawn returns once the pid is known, the
    /// child's setup and execve go on on the other core (`linger_exec::Spawner`).
    pub spawner: linger_exec::Spawner,
    /// Socket units' fds and held connections.
    pub sockets: SocketTable,
    /// Per-unit cgroups (or the `none` driver).
    pub cgroups: crate::cgroups::Cgroups,
    /// Start time, stamps, stable randomness for timer units.
    pub timers: TimerHost,
    /// Holds pipes and sockets across a crash of the manager.
    pub keeper: crate::keeper::Link,
    /// The caller's streams for units started by `linger run --pipe/--pty`.
    pub attached_stdio: std::collections::HashMap<String, AttachedStdio>,
    /// Pidfds of the processes we may signal (never a bare pid).
    pub pidfds: crate::signals::Pidfds,
    /// Limits, directories and hardening of spawned processes (`exec_settings.rs`).
    pub exec_settings: crate::exec_settings::ExecSettings,
    /// Units frozen by `systemctl freeze`, thawed before they are signalled or spawned into.
    pub frozen: crate::frozen::Frozen,
    own_pid: u32,
}

impl RealHost {
    /// A host for `config`.
    pub fn new(config: ManagerConfig) -> Self {
        let own_pid = std::process::id();
        let mut environment = Environment::new();
        for (k, v) in &config.environment {
            environment.set(k, v);
        }
        let timers = TimerHost::new(
            now(),
            config.state_home.join("linger/timers"),
            config.user.uid,
        );
        let cgroups = if config.cgroups {
            crate::cgroups::Cgroups::setup(config.user.uid)
        } else {
            crate::cgroups::Cgroups::none("disabled (--no-cgroups)")
        };
        let keeper = crate::keeper::Link::new(
            crate::keeper::socket_path(&config.linger_runtime()),
            config.exe.clone(),
        );
        RealHost {
            frozen: Default::default(),
            keeper,
            attached_stdio: Default::default(),
            pidfds: Default::default(),
            sockets: SocketTable::default(),
            cgroups,
            timers,
            config,
            environment,
            tracker: ProcTracker::new(own_pid),
            new_pipes: Vec::new(),
            logs: Vec::new(),
            pending_exec: Default::default(),
            directory_failure: None,
            directory_failures: Default::default(),
            start_ticks: Default::default(),
            exec_reports: Default::default(),
            spawner: Default::default(),
            exec_settings: Default::default(),
            own_pid,
        }
    }

    /// A child exited: if it never reached execve, say which step failed (before the engine
    /// reports its exit status, as systemd orders these lines).
    pub fn child_exited(&mut self, pid: u32) {
        self.pidfds.gone(pid);
        self.start_ticks.remove(&pid);
        let directory = self.directory_failures.remove(&pid);
        if let Some((unit, program)) = self.pending_exec.remove(&pid)
            && let Some((stage, errno)) = self.exec_reports.take(pid)
        {
            if let Some(line) = directory {
                self.log(&unit, 3, line);
            }
            self.log_exec_failure(&unit, &program, stage, errno);
        }
    }

    fn log_exec_failure(
        &mut self,
        unit: &str,
        program: &str,
        stage: linger_exec::Stage,
        errno: i32,
    ) {
        let err = std::io::Error::from_raw_os_error(errno);
        let what = match stage {
            linger_exec::Stage::Exec => format!("Failed to execute {program}: {err}"),
            linger_exec::Stage::Chdir => {
                format!("Changing to the requested working directory failed: {err}")
            }
            _ => String::new(),
        };
        if !what.is_empty() {
            self.log(unit, 3, what);
        }
        self.log(
            unit,
            3,
            format!("Failed at step {} spawning {program}: {err}", stage.name()),
        );
    }

    /// Hand duplicates of `unit`'s listening sockets to the fd keeper.
    pub fn keep_sockets(&mut self, unit: &str) {
        let fds = self.sockets.listening_fds(unit);
        for (i, (_, fd)) in fds.iter().enumerate() {
            let key = crate::keeper::socket_key(self.keeper.generation(), unit, i);
            if let Err(e) = self.keeper.put(&key, std::os::fd::AsFd::as_fd(&**fd)) {
                self.log(unit, 4, e);
            }
        }
    }

    fn log(&mut self, unit: &str, priority: u8, message: String) {
        self.logs.push(HostLog {
            unit: unit.to_string(),
            priority,
            message,
        });
    }

    /// The service environment: manager env, Environment=, EnvironmentFile=, UnsetEnvironment=,
    /// then the variables the manager itself provides.
    fn service_environment(&mut self, req: &SpawnRequest<'_>) -> Result<Environment, String> {
        let cfg = req.service;
        let mut env = self.environment.clone();
        for (k, v) in &cfg.exec.environment {
            env.set(k, v);
        }
        for (path, optional) in &cfg.exec.environment_files {
            match read_environment_file(path) {
                Ok((vars, warnings)) => {
                    for (line, w) in warnings {
                        self.log(req.unit, 4, format!("{}:{line}: {w}", path.display()));
                    }
                    for (k, v) in vars {
                        env.set(&k, &v);
                    }
                }
                Err(e) if *optional => {
                    let _ = e;
                }
                Err(e) => {
                    return Err(format!(
                        "Failed to load environment files: {}: {e}",
                        path.display()
                    ));
                }
            }
        }
        for name in &cfg.exec.pass_environment {
            if let Ok(v) = std::env::var(name) {
                env.set(name, &v);
            }
        }
        for u in &cfg.exec.unset_environment {
            env.unset(u);
        }
        env.set("INVOCATION_ID", req.invocation_id);
        // Where the journal's native protocol, syslog and stdout stream sockets are (libsystemd itself always
        // uses /run/systemd/journal/socket, which an unprivileged manager cannot own).
        let jdir = self.config.linger_runtime().join("journal");
        env.set(
            "LINGER_JOURNAL_SOCKET",
            &jdir.join("socket").to_string_lossy(),
        );
        env.set(
            "LINGER_SYSLOG_SOCKET",
            &jdir.join("dev-log").to_string_lossy(),
        );
        env.set(
            "LINGER_JOURNAL_STDOUT",
            &jdir.join("stdout").to_string_lossy(),
        );
        env.set("MANAGERPID", &self.own_pid.to_string());
        if let Some(m) = req.main_pid
            && !req.main
        {
            env.set("MAINPID", &m.to_string());
        }
        if wants_notify_socket(cfg) {
            env.set(
                "NOTIFY_SOCKET",
                &self.config.notify_path().to_string_lossy(),
            );
        }
        if req.main && cfg.watchdog > 0 && cfg.watchdog != linger_time::USEC_INFINITY {
            env.set("WATCHDOG_USEC", &cfg.watchdog.to_string());
        }
        Ok(env)
    }

    fn open_output(
        &self,
        spec: &OutputSpec,
        journal: &Option<OwnedFd>,
        stream: u8,
    ) -> Result<Option<OwnedFd>, String> {
        let open = |p: &Path, flags: OFlags| -> Result<Option<OwnedFd>, String> {
            rustix::fs::open(
                p,
                flags | OFlags::WRONLY | OFlags::CREATE | OFlags::CLOEXEC,
                Mode::from_raw_mode(0o644),
            )
            .map(Some)
            .map_err(|e| format!("Failed to open {}: {e}", p.display()))
        };
        match spec {
            OutputSpec::Journal
            | OutputSpec::JournalAlike
            | OutputSpec::Socket
            | OutputSpec::Fd(_) => journal
                .as_ref()
                .map(|fd| fd.try_clone().map(Some).map_err(|e| e.to_string()))
                .unwrap_or(Ok(None)),
            OutputSpec::Null | OutputSpec::Tty => open(Path::new("/dev/null"), OFlags::empty()),
            OutputSpec::Inherit => Ok(None),
            OutputSpec::File(p) => open(p, OFlags::empty()),
            OutputSpec::Append(p) => open(p, OFlags::APPEND),
            OutputSpec::Truncate(p) => open(p, OFlags::TRUNC),
        }
        .map_err(|e| {
            format!(
                "{e} (standard {})",
                if stream == 1 { "output" } else { "error" }
            )
        })
    }

    fn resolve_program(&self, path: &str, env: &Environment) -> String {
        if path.starts_with('/') {
            return path.to_string();
        }
        let search = env.get("PATH").unwrap_or("/usr/local/bin:/usr/bin:/bin");
        search
            .split(':')
            .map(|d| PathBuf::from(d).join(path))
            .find(|p| p.is_file())
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.to_string())
    }

    fn build_spec(
        &mut self,
        req: &SpawnRequest<'_>,
    ) -> Result<(ExecSpec, Option<OwnedFd>), String> {
        let cfg: &ServiceConfig = req.service;
        let cgroup_fds = if self.cgroups.active() {
            self.cgroups
                .prepare(req.unit, cfg.slice.as_deref(), &cfg.resource_control)?
        } else {
            crate::resources::refuse_unenforceable(req.unit, cfg)?;
            Vec::new()
        };
        if let Some(u) = &cfg.exec.user
            && u != &self.config.user.name
            && u != &self.config.user.uid.to_string()
        {
            return Err(format!(
                "User={u} cannot be used in a user manager (it runs as {}, without privileges to switch users); remove User= or run the unit in the system manager",
                self.config.user.name
            ));
        }
        if let Some(g) = &cfg.exec.group
            && g != &self.config.user.gid.to_string()
            && g != &self.config.user.group
        {
            return Err(format!(
                "Group={g} cannot be used in a user manager; remove Group="
            ));
        }
        let mut env = self.service_environment(req)?;
        let failed_directory = self
            .exec_settings
            .prepare_environment(&self.config, req, &mut env);
        let mut passed = if req.main || req.kind == linger_engine::ExecKind::Start {
            self.sockets.passed(req.unit, &req.sockets)?
        } else {
            crate::sockets::Passed::default()
        };
        if cfg.exec.standard_input == InputSpec::Socket && passed.connection.is_some() {
            // inetd style: the connection is the process's stdio, nothing is passed in
            // $LISTEN_FDS (as with systemd, which hands a socket one way or the other).
            passed.fds.clear();
            passed.names.clear();
        }
        if !passed.fds.is_empty() {
            env.set("LISTEN_FDS", &passed.fds.len().to_string());
            env.set("LISTEN_FDNAMES", &passed.names.join(":"));
        }
        let lookup = |name: &str| env.get(name).map(str::to_string);
        let argv = if req.command.flags.no_env_expand {
            req.command.argv.clone()
        } else {
            expand_environment(&req.command.argv, &lookup)
        };
        let program = self.resolve_program(&req.command.path, &env);
        let mut spec = ExecSpec::new(&program, &[]).map_err(|e| e.to_string())?;
        spec.set_argv(&argv).map_err(|e| e.to_string())?;
        match &cfg.exec.working_directory {
            Some(wd) => spec.set_cwd(&wd.path.to_string_lossy(), wd.missing_ok),
            None => spec.set_cwd(&self.config.user.home, true),
        }
        .map_err(|e| e.to_string())?;
        spec.stdin = Some(
            rustix::fs::open("/dev/null", OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty())
                .map_err(|e| e.to_string())?,
        );
        let wants_journal = |o: &OutputSpec| {
            matches!(
                o,
                OutputSpec::Journal
                    | OutputSpec::JournalAlike
                    | OutputSpec::Socket
                    | OutputSpec::Fd(_)
            )
        };
        let (mut read_end, journal) = if wants_journal(&cfg.exec.standard_output)
            || wants_journal(&cfg.exec.standard_error)
        {
            let (r, w) = rustix::pipe::pipe_with(rustix::pipe::PipeFlags::CLOEXEC)
                .map_err(|e| format!("Failed to create pipe: {e}"))?;
            // The read end stays as long as the service runs: out of the low fds that
            // each spawn's child copies (the write end, the child's, stays low).
            (Some(linger_exec::long_lived_fd(r)), Some(w))
        } else {
            (None, None)
        };
        spec.stdout = self.open_output(&cfg.exec.standard_output, &journal, 1)?;
        spec.stderr = self.open_output(&cfg.exec.standard_error, &journal, 2)?;
        if let Some(conn) = passed.connection
            && cfg.exec.standard_input == InputSpec::Socket
        {
            // inetd style: the connection is stdin, and stdout/stderr unless they were sent
            // elsewhere (with StandardInput=socket both default to "inherit" it).
            let follows = |o: &OutputSpec| {
                matches!(
                    o,
                    OutputSpec::Socket | OutputSpec::Inherit | OutputSpec::Journal
                )
            };
            if follows(&cfg.exec.standard_output) {
                spec.stdout = Some(conn.try_clone().map_err(|e| e.to_string())?);
            }
            if follows(&cfg.exec.standard_error) {
                spec.stderr = Some(conn.try_clone().map_err(|e| e.to_string())?);
            }
            spec.stdin = Some(conn);
        }
        if let Some(a) = self.attached_stdio.get(req.unit) {
            // `linger run --pipe/--pty`: the caller's own streams (or its pseudo-terminal).
            let dup = |fd: &OwnedFd| {
                fd.try_clone()
                    .map_err(|e| format!("Failed to duplicate the caller's streams: {e}"))
            };
            spec.stdin = Some(dup(&a.fds[0])?);
            spec.stdout = Some(dup(&a.fds[1])?);
            spec.stderr = Some(dup(&a.fds[2])?);
            spec.controlling_tty = a.tty;
            read_end = None;
        }
        if let Some(stream) = journal_stream(journal.as_ref(), &spec) {
            env.set("JOURNAL_STREAM", &stream);
        }
        spec.set_env(&env.to_strings()).map_err(|e| e.to_string())?;
        let mut cgroup_fds = cgroup_fds.into_iter();
        spec.cgroup_procs = cgroup_fds.next();
        spec.extra_cgroup_procs = cgroup_fds.collect();
        spec.pass_fds = passed.fds;
        spec.listen_pid = !spec.pass_fds.is_empty();
        spec.umask = cfg.exec.umask;
        spec.nice = cfg.exec.nice;
        spec.oom_score_adjust = cfg.exec.oom_score_adjust;
        if let Some((stage, errno, line)) = failed_directory {
            // The child fails at once with the directory's exit status; the line naming the
            // directory is logged when it is reaped, with "Failed at step …".
            spec.fail_at = Some((stage, errno));
            self.directory_failure = Some(line);
            return Ok((spec, read_end));
        }
        self.exec_settings
            .apply(&self.config, req, &mut spec, &mut self.logs)?;
        Ok((spec, read_end))
    }
}

/// `$JOURNAL_STREAM` (`DEVICE:INODE` of the journal stream, as systemd.exec(5) says) when the
/// standard error — else the standard output — goes to the journal: programs (GLib, libsystemd
/// users) compare it with their own stderr to know they may log structured entries instead.
fn journal_stream(journal: Option<&OwnedFd>, spec: &ExecSpec) -> Option<String> {
    let id = |fd: &OwnedFd| rustix::fs::fstat(fd).ok().map(|st| (st.st_dev, st.st_ino));
    let journal = id(journal?)?;
    [spec.stderr.as_ref(), spec.stdout.as_ref()]
        .into_iter()
        .flatten()
        .filter_map(id)
        .find(|s| *s == journal)
        .map(|(dev, ino)| format!("{dev}:{ino}"))
}

fn wants_notify_socket(cfg: &ServiceConfig) -> bool {
    match cfg.notify_access {
        Some(NotifyAccess::None) => false,
        Some(_) => true,
        None => {
            matches!(
                cfg.service_type,
                ServiceType::Notify | ServiceType::NotifyReload
            ) || cfg.watchdog > 0
        }
    }
}

fn clock(id: rustix::time::ClockId) -> u64 {
    let t = rustix::time::clock_gettime(id);
    (t.tv_sec as u64)
        .saturating_mul(1_000_000)
        .saturating_add((t.tv_nsec as u64) / 1000)
}

/// Both clocks now.
pub fn now() -> Timestamp {
    Timestamp {
        realtime: clock(rustix::time::ClockId::Realtime),
        monotonic: clock(rustix::time::ClockId::Monotonic),
    }
}

impl Host for RealHost {
    fn now(&self) -> Timestamp {
        now()
    }

    fn startup(&self) -> Timestamp {
        self.timers.startup
    }

    fn random_delay(&mut self, unit: &str, max: Usec, fixed: bool) -> Usec {
        self.timers.random_delay(unit, max, fixed)
    }

    fn coalescing_offset(&self) -> Usec {
        self.timers.coalescing_offset()
    }

    fn read_timer_stamp(&self, unit: &str) -> Option<Usec> {
        self.timers.read_stamp(unit)
    }

    fn write_timer_stamp(&mut self, unit: &str, realtime: Usec) {
        if let Err(e) = self.timers.write_stamp(unit, realtime) {
            self.log(
                unit,
                4,
                format!("Failed to write timestamp file for Persistent=yes: {e}"),
            );
        }
    }

    fn open_sockets(&mut self, unit: &str, config: &SocketConfig) -> Result<(), String> {
        self.sockets.open(unit, config)?;
        self.keep_sockets(unit);
        Ok(())
    }

    fn close_sockets(&mut self, unit: &str, remove: bool) {
        // The keeper lets go first: a socket it still held would stay bound, and the next
        // start of the unit could not bind its address again.
        for i in 0..self.sockets.listening_fds(unit).len() {
            let key = crate::keeper::socket_key(self.keeper.generation(), unit, i);
            if let Err(e) = self.keeper.close(&key) {
                self.log(unit, 4, e);
            }
        }
        self.sockets.close(unit, remove);
    }

    fn watch_sockets(&mut self, unit: &str, watch: bool) {
        self.sockets.watch(unit, watch);
    }

    fn release_connection(&mut self, instance: &str) {
        self.sockets.release_connection(instance);
    }

    fn oom_kills(&self, unit: &str) -> u64 {
        self.cgroups
            .stats(unit)
            .and_then(|s| s.oom_kills)
            .unwrap_or(0)
    }

    fn check_condition(&self, c: &Condition) -> bool {
        check_condition(c, &self.environment, &self.config)
    }

    fn read_pid_file(&self, path: &Path) -> Option<u32> {
        std::fs::read_to_string(path)
            .ok()?
            .trim()
            .parse()
            .ok()
            .filter(|&p: &u32| p > 1)
    }

    fn new_invocation_id(&mut self) -> String {
        let mut b = [0u8; 16];
        if rustix::rand::getrandom(&mut b, rustix::rand::GetRandomFlags::empty()).is_err() {
            let t = clock(rustix::time::ClockId::Monotonic) ^ u64::from(self.own_pid);
            b[..8].copy_from_slice(&t.to_le_bytes());
        }
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    fn spawn(&mut self, req: &SpawnRequest<'_>) -> Result<Spawned, String> {
        self.frozen.thaw_before_use(&self.cgroups, req.unit);
        // The engine logs the error ("Failed to spawn 'start' task: …").
        let (spec, read_end) = self.build_spec(req)?;
        let directory = self.directory_failure.take();
        let program = spec.path().to_string();
        // Only Type=exec must know that execve succeeded before going on; every other start
        // reads the exec report when the child is reaped, so a spawn costs just the fork.
        let wait = req.main && req.service.service_type == ServiceType::Exec;
        let since = crate::tracker::ProcTracker::ticks_now();
        let child = if wait {
            linger_exec::spawn(spec)
        } else {
            self.spawner.spawn(spec, &self.exec_reports)
        }
        .map_err(|e| e.to_string())?;
        // The kernel stamped the child's start time between the two clock reads: within one
        // tick, that tick is it (a /proc/PID/stat read less per service for its record).
        if crate::tracker::ProcTracker::ticks_now() == since {
            self.start_ticks.insert(child.pid, since);
        }
        // Our child: its pid stays its own until we reap it.
        self.pidfds.child(child.pid);
        self.tracker
            .started(req.unit, req.invocation_id, child.pid, since);
        if let Some((stage, errno)) = child.failure {
            if let Some(line) = directory {
                self.log(req.unit, 3, line);
            }
            self.log_exec_failure(req.unit, &program, stage, errno);
        } else if let Some(line) = directory {
            self.directory_failures.insert(child.pid, line);
        }
        if !wait {
            self.pending_exec
                .insert(child.pid, (req.unit.to_string(), program.clone()));
        }
        if let Some(fd) = read_end {
            let identifier = req
                .service
                .exec
                .syslog_identifier
                .clone()
                .unwrap_or_else(|| {
                    Path::new(&program)
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_default()
                });
            self.new_pipes.push(NewPipe {
                unit: req.unit.to_string(),
                pid: child.pid,
                identifier,
                level_prefix: req.service.exec.syslog_level_prefix,
                fd,
            });
        }
        Ok(Spawned {
            pid: child.pid,
            exec_ok: child.failure.is_none(),
        })
    }

    fn kill(
        &mut self,
        unit: &str,
        whom: KillWhom,
        signal: i32,
        main: Option<u32>,
        control: Option<u32>,
    ) -> usize {
        // Children still between birth and execve are signalled (and looked for) only once
        // they are what they will be: the unit's program, in its cgroup.
        self.spawner.settle();
        self.frozen.thaw_before_use(&self.cgroups, unit);
        let targets: Vec<u32> = match whom {
            KillWhom::Main => main.into_iter().collect(),
            KillWhom::Control => control.into_iter().collect(),
            KillWhom::All if self.cgroups.active() => {
                if let Some(n) = self.cgroups.kill(unit, signal) {
                    return n;
                }
                main.into_iter().chain(control).collect()
            }
            KillWhom::All => {
                // A scan of this turn: the cached one may be from before the unit's processes
                // forked (nothing tells us of a fork).
                let mut v = self.tracker.pids_now(unit);
                v.extend(main);
                v.extend(control);
                v.sort_unstable();
                v.dedup();
                v
            }
        };
        let Some(signal) = linger_wire::Signal::new(signal) else {
            return 0;
        };
        // A process not known by a pidfd must still be the unit's when one is taken for it.
        let belongs = |pid: u32| match self.cgroups.pids(unit) {
            Some(pids) => pids.contains(&pid),
            None => self.tracker.is_member(unit, pid),
        };
        targets
            .into_iter()
            .filter(|&pid| self.pidfds.signal(pid, signal, belongs) == Sent::Delivered)
            .count()
    }

    fn unit_is_empty(&self, unit: &str) -> bool {
        self.spawner.settle();
        self.cgroups
            .is_empty(unit)
            .unwrap_or_else(|| self.tracker.pids(unit).is_empty())
    }

    fn unit_pids(&self, unit: &str) -> Vec<u32> {
        self.spawner.settle();
        self.cgroups
            .pids(unit)
            .unwrap_or_else(|| self.tracker.pids(unit))
    }
}

/// Evaluate one condition against the real system.
pub fn check_condition(c: &Condition, env: &Environment, config: &ManagerConfig) -> bool {
    let p = Path::new(&c.parameter);
    match c.kind {
        ConditionKind::PathExists => p.exists() || p.is_symlink(),
        ConditionKind::PathExistsGlob => glob_exists(&c.parameter),
        ConditionKind::PathIsDirectory => p.is_dir(),
        ConditionKind::PathIsSymbolicLink => p.is_symlink(),
        ConditionKind::PathIsReadWrite => {
            p.exists() && !p.metadata().is_ok_and(|m| m.permissions().readonly())
        }
        ConditionKind::DirectoryNotEmpty => {
            std::fs::read_dir(p).is_ok_and(|mut d| d.next().is_some())
        }
        ConditionKind::FileNotEmpty => p.metadata().is_ok_and(|m| m.is_file() && m.len() > 0),
        ConditionKind::FileIsExecutable => {
            use std::os::unix::fs::PermissionsExt;
            p.metadata()
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        }
        ConditionKind::Environment => match c.parameter.split_once('=') {
            Some((k, v)) => env.get(k) == Some(v),
            None => env.get(&c.parameter).is_some(),
        },
        ConditionKind::User => {
            c.parameter == config.user.name
                || c.parameter == config.user.uid.to_string()
                || (c.parameter == "@system" && config.user.uid < 1000)
        }
        ConditionKind::Group => {
            c.parameter == config.user.gid.to_string() || c.parameter == config.user.group
        }
        ConditionKind::Host => {
            let host = rustix::system::uname()
                .nodename()
                .to_string_lossy()
                .into_owned();
            host.eq_ignore_ascii_case(&c.parameter)
                || std::fs::read_to_string("/etc/machine-id").is_ok_and(|m| m.trim() == c.parameter)
        }
        ConditionKind::KernelCommandLine => {
            std::fs::read_to_string("/proc/cmdline").is_ok_and(|l| {
                l.split_whitespace().any(|w| {
                    w == c.parameter || w.split_once('=').is_some_and(|(k, _)| k == c.parameter)
                })
            })
        }
        // systemd's names (`arm64`, `x86-64`), from the one mapping; `native` is this one.
        ConditionKind::Architecture => {
            c.parameter == "native" || c.parameter == linger_unit::specifier::native_architecture()
        }
        ConditionKind::Virtualization | ConditionKind::AcPower | ConditionKind::Other => true,
    }
}

fn glob_exists(pattern: &str) -> bool {
    // Only the last component may contain wildcards here; enough for the common cases.
    let p = Path::new(pattern);
    let (Some(dir), Some(name)) = (p.parent(), p.file_name().and_then(|n| n.to_str())) else {
        return false;
    };
    let Ok(rd) = std::fs::read_dir(dir) else {
        return false;
    };
    rd.flatten().any(|e| {
        linger_journal::glob::glob_match(name.as_bytes(), e.file_name().as_encoded_bytes())
    })
}
