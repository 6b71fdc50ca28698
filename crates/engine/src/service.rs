//! The service state machine (systemd.service(5)): start-pre → start → start-post → running →
//! stop → stop-sigterm → stop-sigkill → stop-post → final-sigterm → dead/failed/auto-restart.
//!
//! What each event does in each sub-state is one table, `ServiceRuntime::step` (table.rs);
//! this file holds its actions (the `enter_*` steps). Every transition goes through
//! [`ServiceRuntime::set_state`], which arms the state's timeout and reports the change.

use std::collections::VecDeque;

use linger_time::{USEC_INFINITY, Usec};
use linger_unit::exec_line::ExecCommand;
use linger_unit::model::{
    ExitStatusSet, KillMode, NotifyAccess, RestartPolicy, ServiceConfig, ServiceType,
};

use crate::effect::{Effect, ExecKind, KillWhom, LogLevel, LogTag, TimerKind};
use crate::host::{Host, SpawnRequest, Timestamp};
use crate::state::{Procs, ServiceResult, ServiceState};

mod bus_name;
mod commands;
mod exit_handling;
mod exit_status;
mod notify;
mod snapshot;
mod table;
mod timeout;
pub use commands::{CommandRun, CommandRuns};
pub use exit_status::{ExitStatus, exit_status_name, signal_name};
pub use snapshot::{FailedSnapshot, ServiceSnapshot};
pub use table::{Outcome, ServiceEvent};

/// Context for one step of one service.
pub(crate) struct Ctx<'a> {
    pub unit: &'a str,
    pub cfg: &'a ServiceConfig,
    pub host: &'a mut dyn Host,
    pub out: &'a mut Vec<Effect>,
    /// Socket units whose fds the main process receives.
    pub sockets: &'a [String],
}

impl Ctx<'_> {
    fn log(&mut self, level: LogLevel, message: String) {
        self.log_tagged(level, message, None);
    }

    fn log_tagged(&mut self, level: LogLevel, message: String, tag: Option<LogTag>) {
        self.out.push(Effect::Log {
            unit: self.unit.to_string(),
            level,
            message,
            tag,
        });
    }
}

/// Runtime state of one service (never configuration).
#[derive(Debug, Clone, Default)]
pub struct ServiceRuntime {
    /// Current sub-state with its processes.
    pub state: ServiceStateCell,
    /// Outcome of the current/last run.
    pub result: ServiceResult,
    /// Which command list the control (or oneshot main) process runs, and what remains of it.
    exec_kind: Option<ExecKind>,
    exec_queue: VecDeque<ExecCommand>,
    current_ignore_failure: bool,
    /// The main process's last exit.
    pub main_exit: Option<ExitStatus>,
    /// When the main process started / exited.
    pub main_start: Option<Timestamp>,
    /// The pid of the last main process (kept after it exited, for `ExecMainPID=`).
    pub last_main_pid: Option<u32>,
    /// When the main process exited.
    pub main_exit_time: Option<Timestamp>,
    /// The last control process's exit.
    pub control_exit: Option<ExitStatus>,
    /// The last run of each command since the last start (`Exec*=` runtime, "Process:").
    pub commands: CommandRuns,
    /// `NRestarts=`
    pub restarts: u32,
    /// Start timestamps (monotonic) within the rate-limit window.
    start_times: VecDeque<Usec>,
    /// `StatusText=` from `STATUS=`.
    pub status_text: Option<String>,
    /// `StatusErrno=` from `ERRNO=`.
    pub status_errno: Option<i32>,
    /// `InvocationID=` of the current/last run.
    pub invocation_id: String,
    /// Generation of armed timers (stale firings are ignored).
    generation: u64,
    /// Generations of the watchdog and RuntimeMaxSec= timers (each kind has its own, so
    /// re-arming one never makes another one stale).
    watchdog_generation: u64,
    runtime_generation: u64,
    /// Deadline of the current state's timeout (EXTEND_TIMEOUT_USEC= may only push it out).
    state_deadline: Usec,
    /// The stop was asked for (by a job or the user): no auto-restart.
    forbid_restart: bool,
    /// Whether READY=1 arrived in this run.
    ready: bool,
    /// Whether `BusName=` has an owner on the bus (told by the D-Bus front end); reset at
    /// each start, so a run is ready only with its own name (`Type=dbus`).
    bus_name_owned: bool,
    /// The watchdog timeout (WatchdogSec= or WATCHDOG_USEC= override).
    watchdog_usec: Usec,
    /// A reload requested through RELOADING=1.
    notify_reloading: bool,
    /// OOM kills counted in the unit's cgroup when this run started: more at an exit means
    /// the kernel's OOM killer hit the service (`Result=oom-kill`).
    pub(crate) oom_baseline: u64,
}

/// Wrapper so the default state is `Dead`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceStateCell(pub ServiceState);

impl Default for ServiceStateCell {
    fn default() -> Self {
        ServiceStateCell(ServiceState::Dead)
    }
}

impl ServiceRuntime {
    /// The current state.
    pub fn state(&self) -> ServiceState {
        self.state.0
    }

    fn set_state(&mut self, new: ServiceState, ctx: &mut Ctx<'_>) {
        let old = self.state.0;
        self.state.0 = new;
        // Timeouts belong to states; any transition re-arms or clears.
        let now = ctx.host.now().monotonic;
        let timeout = self.state_timeout(new, ctx.cfg);
        self.generation += 1;
        self.state_deadline = match timeout {
            Some(t) if t != USEC_INFINITY && t > 0 => now.saturating_add(t),
            _ => USEC_INFINITY,
        };
        match timeout {
            Some(t) if t != USEC_INFINITY && t > 0 => ctx.out.push(Effect::ArmTimer {
                unit: ctx.unit.to_string(),
                kind: TimerKind::State,
                deadline: now.saturating_add(t),
                generation: self.generation,
            }),
            _ => ctx.out.push(Effect::DisarmTimer {
                unit: ctx.unit.to_string(),
                kind: TimerKind::State,
            }),
        }
        // Reload → running is not a new run: RuntimeMaxSec= keeps counting from the start.
        let was_running = matches!(old, ServiceState::Running(_) | ServiceState::Reload(_));
        let is_running = matches!(new, ServiceState::Running(_) | ServiceState::Reload(_));
        if is_running && !was_running {
            self.arm_watchdog(ctx);
            if ctx.cfg.runtime_max != USEC_INFINITY {
                self.runtime_generation += 1;
                ctx.out.push(Effect::ArmTimer {
                    unit: ctx.unit.to_string(),
                    kind: TimerKind::RuntimeMax,
                    deadline: now.saturating_add(ctx.cfg.runtime_max),
                    generation: self.runtime_generation,
                });
            }
        } else if !is_running {
            // Firings of the disarmed timers already on their way are stale from now on.
            self.watchdog_generation += 1;
            self.runtime_generation += 1;
            ctx.out.push(Effect::DisarmTimer {
                unit: ctx.unit.to_string(),
                kind: TimerKind::Watchdog,
            });
            ctx.out.push(Effect::DisarmTimer {
                unit: ctx.unit.to_string(),
                kind: TimerKind::RuntimeMax,
            });
        }
        if matches!(
            new,
            ServiceState::StopSigterm(_)
                | ServiceState::StopSigkill(_)
                | ServiceState::FinalSigterm(_)
                | ServiceState::FinalSigkill(_)
                | ServiceState::StopWatchdog(_)
        ) {
            ctx.out.push(Effect::WatchEmpty {
                unit: ctx.unit.to_string(),
            });
        }
    }

    /// Record a start attempt against the rate limit.
    fn check_start_limit(&mut self, interval: Usec, burst: u32, now: Usec) -> bool {
        if interval == 0 || burst == 0 {
            return true;
        }
        while self
            .start_times
            .front()
            .is_some_and(|t| now.saturating_sub(*t) >= interval)
        {
            self.start_times.pop_front();
        }
        if self.start_times.len() >= burst as usize {
            return false;
        }
        self.start_times.push_back(now);
        true
    }

    /// Clear the rate-limit history (`reset-failed`).
    pub fn reset_start_limit(&mut self) {
        self.start_times.clear();
    }

    /// Begin a start from dead/failed/auto-restart.
    fn begin_start(
        &mut self,
        ctx: &mut Ctx<'_>,
        limit: (Usec, u32),
        auto_restart: bool,
    ) -> Outcome {
        let now = ctx.host.now();
        if !self.check_start_limit(limit.0, limit.1, now.monotonic) {
            ctx.log(
                LogLevel::Warning,
                "Start request repeated too quickly.".into(),
            );
            self.result = ServiceResult::StartLimitHit;
            ctx.log(
                LogLevel::Warning,
                "Failed with result 'start-limit-hit'.".into(),
            );
            self.set_state(ServiceState::Failed, ctx);
            return Outcome::StartLimitHit;
        }
        if auto_restart {
            self.restarts += 1;
        } else {
            self.restarts = 0;
        }
        self.result = ServiceResult::Success;
        self.main_exit = None;
        self.control_exit = None;
        self.commands.clear();
        self.status_text = None;
        self.status_errno = None;
        self.forbid_restart = false;
        self.ready = false;
        self.bus_name_owned = false;
        self.watchdog_usec = 0;
        self.invocation_id = ctx.host.new_invocation_id();
        self.oom_baseline = ctx.host.oom_kills(ctx.unit);
        if !ctx.cfg.exec_condition.is_empty() {
            self.run_list(ExecKind::Condition, Procs::default(), ctx);
        } else {
            self.enter_start_pre(Procs::default(), ctx);
        }
        Outcome::Done
    }

    /// Start the first command of `kind`'s list as the control process; false if the list is empty.
    fn run_list(&mut self, kind: ExecKind, procs: Procs, ctx: &mut Ctx<'_>) -> bool {
        let list = commands_of(kind, ctx.cfg);
        if list.is_empty() {
            return false;
        }
        self.exec_kind = Some(kind);
        self.exec_queue = list.iter().cloned().collect();
        let state = state_for(kind, procs);
        self.set_state(state, ctx);
        self.run_next_control(ctx);
        true
    }

    /// Spawn the next queued control command; on spawn failure, fail the service.
    fn run_next_control(&mut self, ctx: &mut Ctx<'_>) {
        let Some(cmd) = self.exec_queue.pop_front() else {
            return;
        };
        let kind = self.exec_kind.unwrap_or(ExecKind::Start);
        self.current_ignore_failure = cmd.flags.ignore_failure;
        let is_main = kind == ExecKind::Start && ctx.cfg.service_type == ServiceType::Oneshot;
        let req = SpawnRequest {
            unit: ctx.unit,
            kind,
            command: &cmd,
            main: is_main,
            invocation_id: &self.invocation_id,
            service: ctx.cfg,
            main_pid: self.state.0.procs().main,
            // A oneshot's ExecStart= is its main process: it gets the sockets too.
            sockets: if is_main {
                ctx.sockets.to_vec()
            } else {
                Vec::new()
            },
        };
        match ctx.host.spawn(&req) {
            Ok(sp) => {
                // The command's place in its list: those before it have been taken.
                let index = commands_of(kind, ctx.cfg)
                    .len()
                    .saturating_sub(self.exec_queue.len() + 1);
                let now = ctx.host.now();
                self.commands.started(kind, index, sp.pid, now);
                if let Some(p) = self.state.0.procs_mut() {
                    if is_main {
                        p.main = Some(sp.pid);
                    } else {
                        p.control = Some(sp.pid);
                    }
                }
                if is_main {
                    self.main_start = Some(ctx.host.now());
                }
            }
            Err(e) => {
                ctx.log(
                    LogLevel::Error,
                    format!("Failed to spawn '{}' task: {e}", kind_word(kind)),
                );
                if let ServiceState::Reload(p) = self.state.0 {
                    // A reload that cannot run leaves the service as it was.
                    self.exec_queue.clear();
                    self.enter_running(p.main, ctx);
                } else {
                    self.fail_into_stop(ServiceResult::Resources, ctx);
                }
            }
        }
    }

    fn enter_start_pre(&mut self, procs: Procs, ctx: &mut Ctx<'_>) {
        if !self.run_list(ExecKind::StartPre, procs, ctx) {
            self.enter_start(ctx);
        }
    }

    fn enter_start(&mut self, ctx: &mut Ctx<'_>) {
        let cfg = ctx.cfg;
        if cfg.service_type == ServiceType::Oneshot {
            if !self.run_list(ExecKind::Start, Procs::default(), ctx) {
                // Oneshot without ExecStart= (RemainAfterExit=yes): nothing to run.
                self.enter_start_post(Procs::default(), ctx);
            }
            return;
        }
        let Some(cmd) = cfg.exec_start.first().cloned() else {
            self.enter_start_post(Procs::default(), ctx);
            return;
        };
        self.exec_kind = Some(ExecKind::Start);
        self.exec_queue.clear();
        self.current_ignore_failure = cmd.flags.ignore_failure;
        self.set_state(ServiceState::Start(Procs::default()), ctx);
        let forking = cfg.service_type == ServiceType::Forking;
        let req = SpawnRequest {
            unit: ctx.unit,
            kind: ExecKind::Start,
            command: &cmd,
            main: !forking,
            invocation_id: &self.invocation_id,
            service: cfg,
            main_pid: None,
            sockets: ctx.sockets.to_vec(),
        };
        let spawned = match ctx.host.spawn(&req) {
            Ok(sp) => sp,
            Err(e) => {
                ctx.log(
                    LogLevel::Error,
                    format!("Failed to spawn 'start' task: {e}"),
                );
                self.fail_into_stop(ServiceResult::Resources, ctx);
                return;
            }
        };
        let now = ctx.host.now();
        self.main_start = Some(now);
        self.commands.started(ExecKind::Start, 0, spawned.pid, now);
        let mut procs = Procs::default();
        if forking {
            // The ExecStart= process of a forking service is a control process; the daemon it
            // leaves behind becomes the main process.
            procs.control = Some(spawned.pid);
        } else {
            procs.main = Some(spawned.pid);
        }
        self.state.0 = ServiceState::Start(procs);
        match cfg.service_type {
            ServiceType::Simple | ServiceType::Idle => self.enter_start_post(procs, ctx),
            ServiceType::Exec if spawned.exec_ok => self.enter_start_post(procs, ctx),
            // dbus: its BusName= already has an owner (as systemd, which asks the bus when it
            // starts watching the name; the front end asks for us: crates/dbus bus.rs).
            ServiceType::Dbus if self.bus_name_owned => self.enter_start_post(procs, ctx),
            // exec: a failed execve shows up as the child's exit; notify: wait for READY=1;
            // forking: wait for the ExecStart= process to exit; dbus: for its BusName= to
            // get an owner (the table's BusName arm). A oneshot returned above.
            ServiceType::Exec
            | ServiceType::Dbus
            | ServiceType::Notify
            | ServiceType::NotifyReload
            | ServiceType::Forking
            | ServiceType::Oneshot => {}
        }
    }

    fn enter_start_post(&mut self, procs: Procs, ctx: &mut Ctx<'_>) {
        if !self.run_list(
            ExecKind::StartPost,
            Procs {
                control: None,
                ..procs
            },
            ctx,
        ) {
            self.enter_running(procs.main, ctx);
        }
    }

    fn enter_running(&mut self, main: Option<u32>, ctx: &mut Ctx<'_>) {
        self.exec_kind = None;
        // Type=dbus: running only while the name is held; released, the service is done.
        let alive =
            main.is_some() && (ctx.cfg.service_type != ServiceType::Dbus || self.bus_name_owned);
        if alive
            || (ctx.cfg.service_type == ServiceType::Forking
                && self.result == ServiceResult::Success
                && !ctx.host.unit_is_empty(ctx.unit))
        {
            self.set_state(
                ServiceState::Running(Procs {
                    main,
                    control: None,
                }),
                ctx,
            );
        } else if ctx.cfg.remain_after_exit && self.result == ServiceResult::Success {
            self.set_state(ServiceState::Exited(Procs::default()), ctx);
        } else {
            self.enter_stop(ctx);
        }
    }

    fn enter_stop(&mut self, ctx: &mut Ctx<'_>) {
        let procs = Procs {
            control: None,
            ..self.state.0.procs()
        };
        if !self.run_list(ExecKind::Stop, procs, ctx) {
            self.enter_signal(ServiceState::StopSigterm(procs), ctx);
        }
    }

    /// Enter a signal state: send the signal KillMode= calls for, or skip ahead if nobody is left.
    fn enter_signal(&mut self, target: ServiceState, ctx: &mut Ctx<'_>) {
        let procs = target.procs();
        let kill = &ctx.cfg.kill;
        let (signal, phase_final) = match target {
            ServiceState::StopSigterm(_) | ServiceState::FinalSigterm(_) => {
                (kill.kill_signal, false)
            }
            ServiceState::StopWatchdog(_) => (kill.watchdog_signal, false),
            _ => (kill.final_kill_signal, true),
        };
        let whom = match (kill.kill_mode, phase_final) {
            (KillMode::ControlGroup, _) | (KillMode::Mixed, true) => Some(KillWhom::All),
            (KillMode::Mixed, false) | (KillMode::Process, _) => Some(KillWhom::Main),
            (KillMode::None, _) => None,
        };
        self.set_state(target, ctx);
        if let Some(whom) = whom {
            ctx.host
                .kill(ctx.unit, whom, signal, procs.main, procs.control);
            // The control process is always ours to end, whatever KillMode= says.
            if whom == KillWhom::Main && procs.control.is_some() {
                ctx.host
                    .kill(ctx.unit, KillWhom::Control, signal, None, procs.control);
            }
            if kill.send_sighup && !phase_final && signal != libc_sighup() {
                ctx.host
                    .kill(ctx.unit, whom, libc_sighup(), procs.main, procs.control);
            }
        }
        self.maybe_finish_signal_phase(ctx);
    }

    /// Whether everything the current signal phase waits for has gone.
    fn nothing_left(&self, ctx: &Ctx<'_>) -> bool {
        let p = self.state.0.procs();
        if p.main.is_some() || p.control.is_some() {
            return false;
        }
        match ctx.cfg.kill.kill_mode {
            KillMode::ControlGroup | KillMode::Mixed => ctx.host.unit_is_empty(ctx.unit),
            KillMode::Process | KillMode::None => true,
        }
    }

    fn maybe_finish_signal_phase(&mut self, ctx: &mut Ctx<'_>) {
        if !self.nothing_left(ctx) {
            return;
        }
        match self.state.0 {
            ServiceState::StopSigterm(_)
            | ServiceState::StopSigkill(_)
            | ServiceState::StopWatchdog(_) => self.enter_stop_post(ctx),
            ServiceState::FinalSigterm(_) | ServiceState::FinalSigkill(_) => self.enter_dead(ctx),
            // Called right after entering a signal state (enter_signal) and by the table's
            // arms for the signal states only.
            ServiceState::Dead
            | ServiceState::Condition(_)
            | ServiceState::StartPre(_)
            | ServiceState::Start(_)
            | ServiceState::StartPost(_)
            | ServiceState::Running(_)
            | ServiceState::Exited(_)
            | ServiceState::Reload(_)
            | ServiceState::Stop(_)
            | ServiceState::StopPost(_)
            | ServiceState::Failed
            | ServiceState::AutoRestart => {}
        }
    }

    fn enter_stop_post(&mut self, ctx: &mut Ctx<'_>) {
        if !self.run_list(ExecKind::StopPost, Procs::default(), ctx) {
            self.enter_signal(ServiceState::FinalSigterm(Procs::default()), ctx);
        }
    }

    fn enter_dead(&mut self, ctx: &mut Ctx<'_>) {
        self.exec_kind = None;
        self.exec_queue.clear();
        let failed = self.result != ServiceResult::Success;
        if failed {
            ctx.log_tagged(
                LogLevel::Warning,
                format!("Failed with result '{}'.", self.result.as_str()),
                Some(LogTag::Failed {
                    result: self.result.as_str(),
                }),
            );
        }
        if !self.forbid_restart && self.should_restart(ctx.cfg) {
            self.set_state(ServiceState::AutoRestart, ctx);
            return;
        }
        if !failed {
            ctx.log_tagged(
                LogLevel::Info,
                "Deactivated successfully.".into(),
                Some(LogTag::Succeeded),
            );
        }
        self.set_state(
            if failed {
                ServiceState::Failed
            } else {
                ServiceState::Dead
            },
            ctx,
        );
        ctx.out.push(Effect::ReleaseResources {
            unit: ctx.unit.to_string(),
        });
    }

    /// systemd.service(5) table 2, plus RestartPrevent/ForceExitStatus=.
    fn should_restart(&self, cfg: &ServiceConfig) -> bool {
        if self.result == ServiceResult::StartLimitHit {
            return false;
        }
        if let Some(exit) = self.main_exit {
            if exit.matches(&cfg.restart_prevent_exit_status) {
                return false;
            }
            if exit.matches(&cfg.restart_force_exit_status) {
                return true;
            }
        }
        let r = self.result;
        let unclean_signal = matches!(r, ServiceResult::Signal | ServiceResult::CoreDump);
        match cfg.restart {
            RestartPolicy::No => false,
            RestartPolicy::Always => true,
            RestartPolicy::OnSuccess => r == ServiceResult::Success,
            RestartPolicy::OnFailure => r != ServiceResult::Success,
            RestartPolicy::OnAbnormal => {
                unclean_signal
                    || matches!(
                        r,
                        ServiceResult::Timeout | ServiceResult::Watchdog | ServiceResult::OomKill
                    )
            }
            RestartPolicy::OnAbort => unclean_signal,
            RestartPolicy::OnWatchdog => r == ServiceResult::Watchdog,
        }
    }

    /// A failure during start or run: record it and go down through the signal phase.
    fn fail_into_stop(&mut self, result: ServiceResult, ctx: &mut Ctx<'_>) {
        if self.result == ServiceResult::Success {
            self.result = result;
        }
        let procs = self.state.0.procs();
        match self.state.0 {
            ServiceState::StopPost(_)
            | ServiceState::FinalSigterm(_)
            | ServiceState::FinalSigkill(_) => {
                self.enter_signal(ServiceState::FinalSigterm(procs), ctx)
            }
            _ => self.enter_signal(ServiceState::StopSigterm(procs), ctx),
        }
    }

    /// A reload job on a running (or exited) service with processes `p`.
    fn begin_reload(&mut self, p: Procs, ctx: &mut Ctx<'_>) -> Outcome {
        if self.run_list(ExecKind::Reload, p, ctx) {
            return Outcome::Reloading;
        }
        if ctx.cfg.service_type == ServiceType::NotifyReload
            && let Some(main) = p.main
        {
            ctx.host
                .kill(ctx.unit, KillWhom::Main, libc_sighup(), Some(main), None);
            self.notify_reloading = true;
            self.set_state(ServiceState::Reload(p), ctx);
            return Outcome::Reloading;
        }
        Outcome::NothingToReload
    }
}

/// The command list `kind` runs.
pub fn commands_of(kind: ExecKind, cfg: &ServiceConfig) -> &[ExecCommand] {
    match kind {
        ExecKind::Condition => &cfg.exec_condition,
        ExecKind::StartPre => &cfg.exec_start_pre,
        ExecKind::Start => &cfg.exec_start,
        ExecKind::StartPost => &cfg.exec_start_post,
        ExecKind::Reload => &cfg.exec_reload,
        ExecKind::Stop => &cfg.exec_stop,
        ExecKind::StopPost => &cfg.exec_stop_post,
    }
}

fn state_for(kind: ExecKind, procs: Procs) -> ServiceState {
    match kind {
        ExecKind::Condition => ServiceState::Condition(procs),
        ExecKind::StartPre => ServiceState::StartPre(procs),
        ExecKind::Start => ServiceState::Start(procs),
        ExecKind::StartPost => ServiceState::StartPost(procs),
        ExecKind::Reload => ServiceState::Reload(procs),
        ExecKind::Stop => ServiceState::Stop(procs),
        ExecKind::StopPost => ServiceState::StopPost(procs),
    }
}

fn kind_word(kind: ExecKind) -> &'static str {
    match kind {
        ExecKind::Condition => "exec-condition",
        ExecKind::StartPre => "start-pre",
        ExecKind::Start => "start",
        ExecKind::StartPost => "start-post",
        ExecKind::Reload => "reload",
        ExecKind::Stop => "stop",
        ExecKind::StopPost => "stop-post",
    }
}

const fn libc_sighup() -> i32 {
    1
}
