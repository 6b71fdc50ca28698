//! State timeouts, the watchdog and RuntimeMaxSec=: which timer a state arms, which table
//! event a firing is, and what a state timeout does in each state that has one.

use super::*;

impl ServiceRuntime {
    pub(super) fn state_timeout(&self, s: ServiceState, cfg: &ServiceConfig) -> Option<Usec> {
        let start = cfg.timeout_start;
        match s {
            ServiceState::Condition(_)
            | ServiceState::StartPre(_)
            | ServiceState::Start(_)
            | ServiceState::StartPost(_)
            | ServiceState::Reload(_) => Some(start),
            ServiceState::Stop(_)
            | ServiceState::StopSigterm(_)
            | ServiceState::StopWatchdog(_)
            | ServiceState::StopPost(_)
            | ServiceState::FinalSigterm(_) => Some(cfg.timeout_stop),
            ServiceState::StopSigkill(_) | ServiceState::FinalSigkill(_) => Some(cfg.timeout_stop),
            ServiceState::AutoRestart => Some(cfg.restart_sec.max(1)),
            ServiceState::Dead
            | ServiceState::Running(_)
            | ServiceState::Exited(_)
            | ServiceState::Failed => None,
        }
    }

    pub(super) fn arm_watchdog(&mut self, ctx: &mut Ctx<'_>) {
        let usec = if self.watchdog_usec > 0 {
            self.watchdog_usec
        } else {
            ctx.cfg.watchdog
        };
        if usec == 0 || usec == USEC_INFINITY {
            return;
        }
        self.watchdog_generation += 1;
        ctx.out.push(Effect::ArmTimer {
            unit: ctx.unit.to_string(),
            kind: TimerKind::Watchdog,
            deadline: ctx.host.now().monotonic.saturating_add(usec),
            generation: self.watchdog_generation,
        });
    }

    /// The table's event for a firing of the service's `kind` timer armed as `generation`;
    /// None for a stale firing (the timer was re-armed or disarmed since).
    pub(crate) fn timer_event(&self, kind: TimerKind, generation: u64) -> Option<ServiceEvent> {
        let (current, event) = match kind {
            TimerKind::State => (self.generation, ServiceEvent::StateTimeout),
            TimerKind::Watchdog => (self.watchdog_generation, ServiceEvent::WatchdogTimeout),
            TimerKind::RuntimeMax => (self.runtime_generation, ServiceEvent::RuntimeMaxElapsed),
            // Timer units' own timer: never armed for a service (the engine routes it to
            // timer units before asking).
            TimerKind::Elapse => return None,
        };
        (generation == current).then_some(event)
    }

    /// The state timeout of a state that has one (the table's StateTimeout arm).
    pub(super) fn on_state_timeout(&mut self, ctx: &mut Ctx<'_>) {
        let procs = self.state.0.procs();
        match self.state.0 {
            ServiceState::Condition(_) => self.start_timed_out("Condition", procs, ctx),
            ServiceState::StartPre(_) => self.start_timed_out("Start-pre", procs, ctx),
            ServiceState::Start(_) => self.start_timed_out("Start", procs, ctx),
            ServiceState::StartPost(_) => self.start_timed_out("Start-post", procs, ctx),
            ServiceState::Reload(_) => {
                ctx.log(
                    LogLevel::Error,
                    "Reload operation timed out. Killing reload process.".into(),
                );
                if procs.control.is_some() {
                    ctx.host
                        .kill(ctx.unit, KillWhom::Control, 9, None, procs.control);
                }
                self.set_state(
                    ServiceState::Running(Procs {
                        control: None,
                        ..procs
                    }),
                    ctx,
                );
            }
            ServiceState::Stop(_) => {
                ctx.log(LogLevel::Error, "Stopping timed out. Terminating.".into());
                self.result = ServiceResult::Timeout;
                self.enter_signal(ServiceState::StopSigterm(procs), ctx);
            }
            ServiceState::StopSigterm(_) | ServiceState::StopWatchdog(_) => {
                if self.result == ServiceResult::Success {
                    self.result = ServiceResult::Timeout;
                }
                if ctx.cfg.kill.send_sigkill {
                    ctx.log(
                        LogLevel::Warning,
                        "State 'stop-sigterm' timed out. Killing.".into(),
                    );
                    self.enter_signal(ServiceState::StopSigkill(procs), ctx);
                } else {
                    ctx.log(
                        LogLevel::Warning,
                        "State 'stop-sigterm' timed out. Skipping SIGKILL.".into(),
                    );
                    self.enter_stop_post(ctx);
                }
            }
            ServiceState::StopSigkill(_) => {
                ctx.log(
                    LogLevel::Warning,
                    "Processes still around after SIGKILL. Ignoring.".into(),
                );
                self.enter_stop_post(ctx);
            }
            ServiceState::StopPost(_) => {
                ctx.log(
                    LogLevel::Warning,
                    "State 'stop-post' timed out. Terminating.".into(),
                );
                self.result = ServiceResult::Timeout;
                self.enter_signal(ServiceState::FinalSigterm(procs), ctx);
            }
            ServiceState::FinalSigterm(_) => {
                if ctx.cfg.kill.send_sigkill {
                    ctx.log(
                        LogLevel::Warning,
                        "State 'final-sigterm' timed out. Killing.".into(),
                    );
                    self.enter_signal(ServiceState::FinalSigkill(procs), ctx);
                } else {
                    self.enter_dead(ctx);
                }
            }
            ServiceState::FinalSigkill(_) => {
                ctx.log(
                    LogLevel::Warning,
                    "Processes still around after final SIGKILL. Entering failed mode.".into(),
                );
                self.enter_dead(ctx);
            }
            // The table answers these itself (AutoRestart: the restart is due) or refuses
            // them (no timeout in these states).
            ServiceState::AutoRestart
            | ServiceState::Dead
            | ServiceState::Running(_)
            | ServiceState::Exited(_)
            | ServiceState::Failed => {}
        }
    }

    fn start_timed_out(&mut self, what: &str, procs: Procs, ctx: &mut Ctx<'_>) {
        ctx.log(
            LogLevel::Error,
            format!("{what} operation timed out. Terminating."),
        );
        self.result = ServiceResult::Timeout;
        self.enter_signal(ServiceState::StopSigterm(procs), ctx);
    }
}
