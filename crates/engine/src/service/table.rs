//! The service's transition table: what every event does in every sub-state, in one function
//! ([`ServiceRuntime::step`]), on the model of the scope's `step` and the login daemon's
//! `sessions::step`. Each event's match lists every state: an event that cannot happen in a
//! state (a bug in the engine or the manager) is a [`BadTransition`] the engine logs as an
//! internal error, and an event a state rightly lets pass is an arm that says why. The
//! `enter_*` helpers (service.rs) are the actions.

use super::*;

/// What can happen to a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceEvent {
    /// A start job (or the restart after `RestartSec=`), with `StartLimitIntervalSec=` and
    /// `StartLimitBurst=`.
    Start {
        /// `StartLimitIntervalSec=`
        interval: Usec,
        /// `StartLimitBurst=`
        burst: u32,
        /// Leaving `RestartSec=`: counts in `NRestarts=`.
        auto_restart: bool,
    },
    /// A stop job.
    Stop,
    /// A reload job.
    Reload,
    /// `reset-failed`.
    ResetFailed,
    /// The main process exited.
    MainExited(ExitStatus),
    /// The control process exited.
    ControlExited(ExitStatus),
    /// No process of the unit is left.
    Empty,
    /// The current state's timeout (start, stop, `RestartSec=`) elapsed.
    StateTimeout,
    /// `WatchdogSec=` elapsed without a `WATCHDOG=1`.
    WatchdogTimeout,
    /// `WATCHDOG=trigger`.
    WatchdogTrigger,
    /// `RuntimeMaxSec=` elapsed.
    RuntimeMaxElapsed,
    /// `READY=1`.
    Ready,
    /// `RELOADING=1`.
    Reloading,
    /// `STOPPING=1`.
    Stopping,
    /// `BusName=` got an owner (true) or lost it.
    BusName(bool),
}

/// What a step tells the engine beyond the state it left the service in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done; the state change (if any) says the rest.
    Done,
    /// The start was refused: `StartLimitBurst=` hit (the service is failed).
    StartLimitHit,
    /// A reload began.
    Reloading,
    /// Nothing to run for a reload (no `ExecReload=`, or one already running).
    NothingToReload,
    /// `RestartSec=` elapsed: the engine queues the restart.
    RestartDue,
}

/// An event that cannot happen in a service's state.
pub type BadTransition = crate::table::BadTransition<ServiceState, ServiceEvent>;

impl crate::table::TableState for ServiceState {
    const UNIT_TYPE: &'static str = "service";
    fn name(self) -> &'static str {
        self.as_str()
    }
}

impl ServiceRuntime {
    /// The service's transition table.
    pub(crate) fn step(
        &mut self,
        event: ServiceEvent,
        ctx: &mut Ctx<'_>,
    ) -> Result<Outcome, BadTransition> {
        use ServiceEvent as E;
        use ServiceState as S;
        let state = self.state.0;
        let bad = Err(BadTransition { state, event });
        match event {
            E::Start {
                interval,
                burst,
                auto_restart,
            } => match state {
                S::Dead | S::Failed | S::AutoRestart => {
                    return Ok(self.begin_start(ctx, (interval, burst), auto_restart));
                }
                // A start job on a unit that is up is done at once, one on a unit on its way
                // up completes with that start, one on a unit on its way down waits for the
                // end of the stop (jobs.rs): none reaches the service.
                S::Condition(_)
                | S::StartPre(_)
                | S::Start(_)
                | S::StartPost(_)
                | S::Running(_)
                | S::Exited(_)
                | S::Reload(_)
                | S::Stop(_)
                | S::StopWatchdog(_)
                | S::StopSigterm(_)
                | S::StopSigkill(_)
                | S::StopPost(_)
                | S::FinalSigterm(_)
                | S::FinalSigkill(_) => return bad,
            },
            E::Stop => {
                self.forbid_restart = true;
                match state {
                    // Nothing runs: the stop job is done by the state as it is.
                    S::Dead | S::Failed => {}
                    S::AutoRestart => self.set_state(S::Dead, ctx),
                    // Aborting a start: no ExecStop=, straight to the signal phase.
                    S::Condition(p) | S::StartPre(p) | S::Start(p) | S::StartPost(p) => {
                        self.enter_signal(S::StopSigterm(p), ctx)
                    }
                    S::Running(_) | S::Exited(_) | S::Reload(_) => self.enter_stop(ctx),
                    // Already on the way down: the stop job merges with it.
                    S::Stop(_)
                    | S::StopWatchdog(_)
                    | S::StopSigterm(_)
                    | S::StopSigkill(_)
                    | S::StopPost(_)
                    | S::FinalSigterm(_)
                    | S::FinalSigkill(_) => {}
                }
            }
            E::Reload => match state {
                S::Running(p) | S::Exited(p) => return Ok(self.begin_reload(p, ctx)),
                // Reloading already: the job completes at once, as systemd's merge.
                S::Reload(_) => return Ok(Outcome::NothingToReload),
                // A reload job runs only on an active unit (jobs.rs refuses the others).
                S::Dead
                | S::Condition(_)
                | S::StartPre(_)
                | S::Start(_)
                | S::StartPost(_)
                | S::Stop(_)
                | S::StopWatchdog(_)
                | S::StopSigterm(_)
                | S::StopSigkill(_)
                | S::StopPost(_)
                | S::FinalSigterm(_)
                | S::FinalSigkill(_)
                | S::Failed
                | S::AutoRestart => return bad,
            },
            E::ResetFailed => {
                self.reset_start_limit();
                match state {
                    S::Failed => {
                        self.result = ServiceResult::Success;
                        self.set_state(S::Dead, ctx);
                    }
                    // Only the start-limit history is forgotten.
                    S::Dead
                    | S::Condition(_)
                    | S::StartPre(_)
                    | S::Start(_)
                    | S::StartPost(_)
                    | S::Running(_)
                    | S::Exited(_)
                    | S::Reload(_)
                    | S::Stop(_)
                    | S::StopWatchdog(_)
                    | S::StopSigterm(_)
                    | S::StopSigkill(_)
                    | S::StopPost(_)
                    | S::FinalSigterm(_)
                    | S::FinalSigkill(_)
                    | S::AutoRestart => {}
                }
            }
            E::MainExited(status) => {
                match state {
                    S::Start(p) => {
                        let failure = self.record_main_exit(status, ctx);
                        self.main_exit_while_starting(p, failure, ctx);
                    }
                    // In start-post and reload the control process finishes first.
                    S::StartPost(_) | S::Reload(_) => {
                        let failure = self.record_main_exit(status, ctx);
                        self.note_failure(failure);
                    }
                    S::Running(_) => {
                        let failure = self.record_main_exit(status, ctx);
                        self.note_failure(failure);
                        if failure.is_none() && ctx.cfg.remain_after_exit {
                            self.set_state(S::Exited(Procs::default()), ctx);
                        } else {
                            self.enter_stop(ctx);
                        }
                    }
                    // Gone while ExecStop= runs: wait for the control process. Without one
                    // (the service said STOPPING=1 and then exited) go on with the stop.
                    S::Stop(p) => {
                        self.record_main_exit(status, ctx);
                        if p.control.is_none() {
                            self.enter_signal(S::StopSigterm(self.state.0.procs()), ctx);
                        }
                    }
                    // Being killed by our signal counts as clean; any other failure is
                    // recorded.
                    S::StopWatchdog(_)
                    | S::StopSigterm(_)
                    | S::StopSigkill(_)
                    | S::FinalSigterm(_)
                    | S::FinalSigkill(_) => {
                        let failure = self.record_main_exit(status, ctx);
                        self.note_failure(failure);
                        self.maybe_finish_signal_phase(ctx);
                    }
                    // No main process in these states (MAINPID= is taken only while one may
                    // run).
                    S::Dead
                    | S::Condition(_)
                    | S::StartPre(_)
                    | S::Exited(_)
                    | S::StopPost(_)
                    | S::Failed
                    | S::AutoRestart => return bad,
                }
            }
            E::ControlExited(status) => match state {
                S::Condition(p) => {
                    let clean = self.record_control_exit(status, ctx);
                    if clean && self.exec_queue.is_empty() {
                        self.enter_start_pre(procs_without_control(p), ctx);
                    } else if clean {
                        self.run_next_control(ctx);
                    } else if status.is_exit_between(1, 254) {
                        // ExecCondition= said "skip": not a failure.
                        ctx.log(LogLevel::Info, "Skipped due to 'exec-condition'.".into());
                        self.forbid_restart = true;
                        self.enter_signal(S::FinalSigterm(procs_without_control(p)), ctx);
                    } else {
                        self.fail_into_stop(status.result(), ctx);
                    }
                }
                S::StartPre(p) | S::StartPost(p) => {
                    let clean = self.record_control_exit(status, ctx);
                    if !clean {
                        self.fail_into_stop(status.result(), ctx);
                    } else if !self.exec_queue.is_empty() {
                        self.run_next_control(ctx);
                    } else if matches!(state, S::StartPre(_)) {
                        self.enter_start(ctx);
                    } else {
                        self.enter_running(p.main, ctx);
                    }
                }
                // Forking: the ExecStart= process exited; the daemon should be there now.
                S::Start(_) => {
                    if self.record_control_exit(status, ctx) {
                        self.forked(ctx);
                    } else {
                        self.fail_into_stop(status.result(), ctx);
                    }
                }
                S::Reload(p) => {
                    if !self.record_control_exit(status, ctx) {
                        ctx.log(LogLevel::Warning, "Reload failed.".into());
                    } else if !self.exec_queue.is_empty() {
                        self.run_next_control(ctx);
                        return Ok(Outcome::Done);
                    }
                    // Back to running — or down, if the main process died during the reload.
                    self.enter_running(p.main, ctx);
                }
                S::Stop(p) => {
                    let clean = self.record_control_exit(status, ctx);
                    if clean && !self.exec_queue.is_empty() {
                        self.run_next_control(ctx);
                    } else {
                        if !clean {
                            self.note_failure(Some(status.result()));
                        }
                        self.enter_signal(S::StopSigterm(procs_without_control(p)), ctx);
                    }
                }
                S::StopPost(p) => {
                    let clean = self.record_control_exit(status, ctx);
                    if clean && !self.exec_queue.is_empty() {
                        self.run_next_control(ctx);
                    } else {
                        self.enter_signal(S::FinalSigterm(procs_without_control(p)), ctx);
                    }
                }
                S::StopWatchdog(_)
                | S::StopSigterm(_)
                | S::StopSigkill(_)
                | S::FinalSigterm(_)
                | S::FinalSigkill(_) => {
                    self.record_control_exit(status, ctx);
                    self.maybe_finish_signal_phase(ctx);
                }
                // No control process runs in these states.
                S::Dead | S::Running(_) | S::Exited(_) | S::Failed | S::AutoRestart => {
                    return bad;
                }
            },
            E::Empty => match state {
                S::Running(p)
                    if p.main.is_none() && ctx.cfg.service_type == ServiceType::Forking =>
                {
                    // A forking daemon whose main pid we never knew is gone.
                    self.enter_stop(ctx);
                }
                S::StopWatchdog(_)
                | S::StopSigterm(_)
                | S::StopSigkill(_)
                | S::FinalSigterm(_)
                | S::FinalSigkill(_) => self.maybe_finish_signal_phase(ctx),
                // Only a signal phase (and a forking daemon without a known pid) waits for
                // the cgroup to empty; the tracker may report it at other moments.
                S::Dead
                | S::Condition(_)
                | S::StartPre(_)
                | S::Start(_)
                | S::StartPost(_)
                | S::Running(_)
                | S::Exited(_)
                | S::Reload(_)
                | S::Stop(_)
                | S::StopPost(_)
                | S::Failed
                | S::AutoRestart => {}
            },
            E::StateTimeout => match state {
                S::AutoRestart => return Ok(Outcome::RestartDue),
                S::Condition(_)
                | S::StartPre(_)
                | S::Start(_)
                | S::StartPost(_)
                | S::Reload(_)
                | S::Stop(_)
                | S::StopWatchdog(_)
                | S::StopSigterm(_)
                | S::StopSigkill(_)
                | S::StopPost(_)
                | S::FinalSigterm(_)
                | S::FinalSigkill(_) => self.on_state_timeout(ctx),
                // These states have no timeout: entering them disarmed it and made any firing
                // already under way stale.
                S::Dead | S::Running(_) | S::Exited(_) | S::Failed => return bad,
            },
            E::RuntimeMaxElapsed => match state {
                S::Running(_) | S::Reload(_) => {
                    ctx.log(
                        LogLevel::Warning,
                        "Service reached runtime time limit. Stopping.".into(),
                    );
                    self.result = ServiceResult::Timeout;
                    self.enter_stop(ctx);
                }
                // Only a running service has a runtime limit: leaving running disarmed the
                // timer and made any firing already under way stale.
                S::Dead
                | S::Condition(_)
                | S::StartPre(_)
                | S::Start(_)
                | S::StartPost(_)
                | S::Exited(_)
                | S::Stop(_)
                | S::StopWatchdog(_)
                | S::StopSigterm(_)
                | S::StopSigkill(_)
                | S::StopPost(_)
                | S::FinalSigterm(_)
                | S::FinalSigkill(_)
                | S::Failed
                | S::AutoRestart => return bad,
            },
            E::WatchdogTimeout | E::WatchdogTrigger => match state {
                S::Running(p) | S::Reload(p) => {
                    let message = if event == E::WatchdogTrigger {
                        format!(
                            "Watchdog request (last status: {})!",
                            self.status_text.as_deref().unwrap_or("n/a")
                        )
                    } else {
                        "Watchdog timeout (limit reached)!".to_string()
                    };
                    ctx.log(LogLevel::Error, message);
                    self.result = ServiceResult::Watchdog;
                    self.enter_signal(S::StopWatchdog(p), ctx);
                }
                // Only a running service has a watchdog: it is armed on entering running and
                // disarmed (its firings made stale) on leaving it. A process of the unit may
                // still ask for it then (WATCHDOG=trigger), and is not heard.
                S::Dead
                | S::Condition(_)
                | S::StartPre(_)
                | S::Start(_)
                | S::StartPost(_)
                | S::Exited(_)
                | S::Stop(_)
                | S::StopWatchdog(_)
                | S::StopSigterm(_)
                | S::StopSigkill(_)
                | S::StopPost(_)
                | S::FinalSigterm(_)
                | S::FinalSigkill(_)
                | S::Failed
                | S::AutoRestart => {
                    if event == E::WatchdogTimeout {
                        return bad;
                    }
                }
            },
            E::Ready => {
                self.ready = true;
                match state {
                    S::Start(p)
                        if matches!(
                            ctx.cfg.service_type,
                            ServiceType::Notify | ServiceType::NotifyReload
                        ) =>
                    {
                        self.enter_start_post(p, ctx)
                    }
                    S::Reload(p) if self.notify_reloading => {
                        self.notify_reloading = false;
                        self.set_state(S::Running(p), ctx);
                    }
                    // READY=1 moves only a notify service out of start and a notify reload
                    // back to running; elsewhere it is only remembered (sent twice, sent by
                    // a service of another type, sent late).
                    S::Dead
                    | S::Condition(_)
                    | S::StartPre(_)
                    | S::Start(_)
                    | S::StartPost(_)
                    | S::Running(_)
                    | S::Exited(_)
                    | S::Reload(_)
                    | S::Stop(_)
                    | S::StopWatchdog(_)
                    | S::StopSigterm(_)
                    | S::StopSigkill(_)
                    | S::StopPost(_)
                    | S::FinalSigterm(_)
                    | S::FinalSigkill(_)
                    | S::Failed
                    | S::AutoRestart => {}
                }
            }
            E::Reloading => match state {
                S::Running(p) => {
                    self.notify_reloading = true;
                    self.set_state(S::Reload(p), ctx);
                }
                // A reload announced while the service is not simply running is not one
                // the manager follows (as systemd).
                S::Dead
                | S::Condition(_)
                | S::StartPre(_)
                | S::Start(_)
                | S::StartPost(_)
                | S::Exited(_)
                | S::Reload(_)
                | S::Stop(_)
                | S::StopWatchdog(_)
                | S::StopSigterm(_)
                | S::StopSigkill(_)
                | S::StopPost(_)
                | S::FinalSigterm(_)
                | S::FinalSigkill(_)
                | S::Failed
                | S::AutoRestart => {}
            },
            E::Stopping => match state {
                S::Running(p) | S::Reload(p) => {
                    self.forbid_restart = true;
                    self.set_state(S::Stop(p), ctx);
                }
                // Not running: either not up yet (systemd too waits for the exit) or
                // already on the way down.
                S::Dead
                | S::Condition(_)
                | S::StartPre(_)
                | S::Start(_)
                | S::StartPost(_)
                | S::Exited(_)
                | S::Stop(_)
                | S::StopWatchdog(_)
                | S::StopSigterm(_)
                | S::StopSigkill(_)
                | S::StopPost(_)
                | S::FinalSigterm(_)
                | S::FinalSigkill(_)
                | S::Failed
                | S::AutoRestart => {}
            },
            E::BusName(owned) => {
                let changed = self.bus_name_owned != owned;
                self.bus_name_owned = owned;
                let dbus = ctx.cfg.service_type == ServiceType::Dbus;
                match state {
                    S::Start(p) if dbus && changed && owned => self.enter_start_post(p, ctx),
                    // Running without its name is no service: exited (RemainAfterExit=) or
                    // stop.
                    S::Running(p) if dbus && changed && !owned => self.enter_running(p.main, ctx),
                    // The name matters only to a Type=dbus service waiting for it or running
                    // with it; elsewhere it is only remembered for the next check.
                    S::Dead
                    | S::Condition(_)
                    | S::StartPre(_)
                    | S::Start(_)
                    | S::StartPost(_)
                    | S::Running(_)
                    | S::Exited(_)
                    | S::Reload(_)
                    | S::Stop(_)
                    | S::StopWatchdog(_)
                    | S::StopSigterm(_)
                    | S::StopSigkill(_)
                    | S::StopPost(_)
                    | S::FinalSigterm(_)
                    | S::FinalSigkill(_)
                    | S::Failed
                    | S::AutoRestart => {}
                }
            }
        }
        Ok(Outcome::Done)
    }
}

/// `p` once its control process has exited.
fn procs_without_control(p: Procs) -> Procs {
    Procs { control: None, ..p }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::Spawned;
    use crate::state::ActiveState;
    use linger_unit::model::Condition;

    /// A host where everything works and the unit still has processes.
    #[derive(Default)]
    struct Quiet {
        next_pid: u32,
        kills: usize,
    }

    impl Host for Quiet {
        fn now(&self) -> Timestamp {
            Timestamp {
                realtime: 1_700_000_000_000_000,
                monotonic: 5_000_000,
            }
        }
        fn check_condition(&self, _: &Condition) -> bool {
            true
        }
        fn read_pid_file(&self, _: &std::path::Path) -> Option<u32> {
            None
        }
        fn new_invocation_id(&mut self) -> String {
            "0".repeat(32)
        }
        fn spawn(&mut self, _: &SpawnRequest<'_>) -> Result<Spawned, String> {
            self.next_pid += 1;
            Ok(Spawned {
                pid: 5000 + self.next_pid,
                exec_ok: true,
            })
        }
        fn kill(&mut self, _: &str, _: KillWhom, _: i32, _: Option<u32>, _: Option<u32>) -> usize {
            self.kills += 1;
            1
        }
        fn unit_is_empty(&self, _: &str) -> bool {
            false
        }
        fn unit_pids(&self, _: &str) -> Vec<u32> {
            vec![10, 11]
        }
    }

    fn states() -> Vec<ServiceState> {
        let p = Procs {
            main: Some(10),
            control: Some(11),
        };
        use ServiceState as S;
        vec![
            S::Dead,
            S::Condition(p),
            S::StartPre(p),
            S::Start(p),
            S::StartPost(p),
            S::Running(p),
            S::Exited(p),
            S::Reload(p),
            S::Stop(p),
            S::StopWatchdog(p),
            S::StopSigterm(p),
            S::StopSigkill(p),
            S::StopPost(p),
            S::FinalSigterm(p),
            S::FinalSigkill(p),
            S::Failed,
            S::AutoRestart,
        ]
    }

    fn events() -> Vec<ServiceEvent> {
        use ServiceEvent as E;
        vec![
            E::Start {
                interval: 10_000_000,
                burst: 5,
                auto_restart: false,
            },
            E::Start {
                interval: 10_000_000,
                burst: 5,
                auto_restart: true,
            },
            E::Stop,
            E::Reload,
            E::ResetFailed,
            E::MainExited(ExitStatus::Exited(0)),
            E::MainExited(ExitStatus::Exited(1)),
            E::MainExited(ExitStatus::Killed(9)),
            E::ControlExited(ExitStatus::Exited(0)),
            E::ControlExited(ExitStatus::Exited(2)),
            E::Empty,
            E::StateTimeout,
            E::WatchdogTimeout,
            E::WatchdogTrigger,
            E::RuntimeMaxElapsed,
            E::Ready,
            E::Reloading,
            E::Stopping,
            E::BusName(true),
            E::BusName(false),
        ]
    }

    fn configs() -> Vec<ServiceConfig> {
        let cmd = |p: &str| ExecCommand {
            path: p.into(),
            argv: vec![p.into()],
            ..ExecCommand::default()
        };
        let mut out = Vec::new();
        for service_type in [
            ServiceType::Simple,
            ServiceType::Exec,
            ServiceType::Forking,
            ServiceType::Oneshot,
            ServiceType::Dbus,
            ServiceType::Notify,
            ServiceType::NotifyReload,
            ServiceType::Idle,
        ] {
            for (lists, restart) in [(false, RestartPolicy::No), (true, RestartPolicy::Always)] {
                let list = |p: &str| if lists { vec![cmd(p)] } else { vec![] };
                out.push(ServiceConfig {
                    service_type,
                    exec_start: vec![cmd("/bin/main")],
                    exec_condition: list("/bin/cond"),
                    exec_start_pre: list("/bin/pre"),
                    exec_start_post: list("/bin/post"),
                    exec_reload: list("/bin/reload"),
                    exec_stop: list("/bin/stop"),
                    exec_stop_post: list("/bin/stop-post"),
                    restart,
                    remain_after_exit: lists,
                    timeout_start: 90_000_000,
                    timeout_stop: 90_000_000,
                    watchdog: 3_000_000,
                    runtime_max: 60_000_000,
                    ..ServiceConfig::default()
                });
            }
        }
        out
    }

    /// The whole table: every (state, event) pair under every kind of service is either a
    /// transition or a typed refusal, exactly where the independent rule below says the
    /// event cannot happen; and transitions keep the service's invariants.
    #[test]
    fn the_whole_table() {
        use ServiceEvent as E;
        use ServiceState as S;
        let mut transitions = 0;
        for cfg in configs() {
            for state in states() {
                for event in events() {
                    let mut rt = ServiceRuntime::default();
                    rt.state.0 = state;
                    rt.result = ServiceResult::Success;
                    let mut host = Quiet::default();
                    let mut out = Vec::new();
                    let got = {
                        let mut ctx = Ctx {
                            unit: "t.service",
                            cfg: &cfg,
                            host: &mut host,
                            out: &mut out,
                            sockets: &[],
                        };
                        rt.step(event, &mut ctx)
                    };
                    let possible = match event {
                        E::Start { .. } => {
                            state.active_state().is_inactive_or_failed() || state == S::AutoRestart
                        }
                        E::Reload => state.active_state().is_active_or_reloading(),
                        E::MainExited(_) => notify::may_have_main(state),
                        E::ControlExited(_) => !matches!(
                            state,
                            S::Dead | S::Running(_) | S::Exited(_) | S::Failed | S::AutoRestart
                        ),
                        E::StateTimeout => rt.state_timeout(state, &cfg).is_some(),
                        E::WatchdogTimeout | E::RuntimeMaxElapsed => {
                            matches!(state, S::Running(_) | S::Reload(_))
                        }
                        E::Stop
                        | E::ResetFailed
                        | E::Empty
                        | E::WatchdogTrigger
                        | E::Ready
                        | E::Reloading
                        | E::Stopping
                        | E::BusName(_) => true,
                    };
                    let Ok(outcome) = got else {
                        assert!(!possible, "{state:?} {event:?} refused");
                        assert_eq!(rt.state.0, state, "a refusal changes nothing");
                        assert!(out.is_empty(), "a refusal has no effect: {out:?}");
                        continue;
                    };
                    assert!(possible, "{state:?} {event:?} accepted");
                    transitions += 1;
                    let next = rt.state.0;
                    // A stop never leaves the service up or coming up.
                    if event == E::Stop {
                        assert!(
                            !matches!(
                                next.active_state(),
                                ActiveState::Active
                                    | ActiveState::Activating
                                    | ActiveState::Reloading
                            ),
                            "{:?} {state:?} stop → {next:?}",
                            cfg.service_type
                        );
                    }
                    // Only RestartSec= makes a restart due, and it leaves the state to the
                    // restart job.
                    assert_eq!(
                        outcome == Outcome::RestartDue,
                        state == S::AutoRestart && event == E::StateTimeout
                    );
                    // Processes are signalled only on the way down (or SIGHUP to reload a
                    // notify-reload service, or the reload process that timed out).
                    if host.kills > 0 {
                        assert!(
                            next.active_state() == ActiveState::Deactivating
                                || next.active_state().is_inactive_or_failed()
                                || (event == E::Reload && outcome == Outcome::Reloading)
                                || (matches!(state, S::Reload(_)) && event == E::StateTimeout),
                            "{state:?} {event:?} → {next:?} signalled"
                        );
                    }
                    // Down means failed exactly when the result is not success (a stop
                    // during RestartSec= ends the run as dead, as systemd).
                    if next != state
                        && next.active_state().is_inactive_or_failed()
                        && state != S::AutoRestart
                    {
                        assert_eq!(
                            next == S::Failed,
                            rt.result != ServiceResult::Success,
                            "{state:?} {event:?} → {next:?} {:?}",
                            rt.result
                        );
                    }
                }
            }
        }
        assert!(transitions > 3000, "{transitions}");
    }

    #[test]
    fn an_exit_of_a_main_process_the_state_cannot_have_is_refused_and_changes_nothing() {
        let cfg = ServiceConfig::default();
        let mut rt = ServiceRuntime::default();
        rt.state.0 = ServiceState::StartPre(Procs {
            main: None,
            control: Some(11),
        });
        let mut host = Quiet::default();
        let mut out = Vec::new();
        let mut ctx = Ctx {
            unit: "t.service",
            cfg: &cfg,
            host: &mut host,
            out: &mut out,
            sockets: &[],
        };
        let event = ServiceEvent::MainExited(ExitStatus::Exited(0));
        let bad = rt.step(event, &mut ctx).unwrap_err();
        assert_eq!(
            bad.to_string(),
            "service event MainExited(Exited(0)) is impossible in state start-pre"
        );
        assert!(rt.main_exit.is_none());
    }
}
