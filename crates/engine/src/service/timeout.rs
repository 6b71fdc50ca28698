//! State timeouts, the watchdog and RuntimeMaxSec=: what happens when a service's timer fires.

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
            _ => None,
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

    /// A per-unit timer fired. Returns true when an auto-restart is due.
    pub(crate) fn on_timer(&mut self, kind: TimerKind, generation: u64, ctx: &mut Ctx<'_>) -> bool {
        let current = match kind {
            TimerKind::State => self.generation,
            TimerKind::Watchdog => self.watchdog_generation,
            TimerKind::RuntimeMax => self.runtime_generation,
            // Timer units' own timer: never armed for a service.
            TimerKind::Elapse => return false,
        };
        if generation != current {
            return false;
        }
        match kind {
            TimerKind::Elapse => false,
            TimerKind::Watchdog => {
                if matches!(
                    self.state.0,
                    ServiceState::Running(_) | ServiceState::Reload(_)
                ) {
                    ctx.log(LogLevel::Error, "Watchdog timeout (limit reached)!".into());
                    self.result = ServiceResult::Watchdog;
                    let procs = self.state.0.procs();
                    self.enter_signal(ServiceState::StopWatchdog(procs), ctx);
                }
                false
            }
            TimerKind::RuntimeMax => {
                if matches!(
                    self.state.0,
                    ServiceState::Running(_) | ServiceState::Reload(_)
                ) {
                    ctx.log(
                        LogLevel::Warning,
                        "Service reached runtime time limit. Stopping.".into(),
                    );
                    self.result = ServiceResult::Timeout;
                    self.enter_stop(ctx);
                }
                false
            }
            TimerKind::State => self.on_state_timeout(ctx),
        }
    }

    pub(super) fn on_state_timeout(&mut self, ctx: &mut Ctx<'_>) -> bool {
        let procs = self.state.0.procs();
        let word = |s: &str| format!("{s} operation timed out. Terminating.");
        match self.state.0 {
            ServiceState::Condition(_)
            | ServiceState::StartPre(_)
            | ServiceState::Start(_)
            | ServiceState::StartPost(_) => {
                let what = match self.state.0 {
                    ServiceState::StartPre(_) => "start-pre",
                    ServiceState::StartPost(_) => "start-post",
                    ServiceState::Condition(_) => "condition",
                    _ => "start",
                };
                ctx.log(LogLevel::Error, word(&capitalize(what)));
                self.result = ServiceResult::Timeout;
                self.enter_signal(ServiceState::StopSigterm(procs), ctx);
            }
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
            ServiceState::AutoRestart => return true,
            _ => {}
        }
        false
    }
}
