//! Scopes in the engine: registered running by [`Engine::start_scope`] (the manager has moved
//! the processes into the cgroup), dead when the cgroup empties, stopped by signalling the
//! whole cgroup. What happens when is the table `crate::scope::step`; this file feeds it
//! events and carries out its actions.

use linger_unit::model::{KillMode, ServiceConfig};

use super::*;
use crate::scope::{
    ScopeAction, ScopeEvent, ScopeKill, ScopeRuntime, ScopeSignal, ScopeState, step,
};

impl<H: Host, S: UnitSource> Engine<H, S> {
    fn scope_config(&self, id: &str) -> Option<ServiceConfig> {
        match &self.units.get(id)?.config.kind {
            UnitKind::Scope(c) => Some((**c).clone()),
            _ => None,
        }
    }

    fn arm_scope_timer(&mut self, id: &str, kind: TimerKind, after: Usec) {
        let deadline = self.now().monotonic.saturating_add(after);
        let Some(UnitRuntime::Scope(s)) = self.units.get_mut(id).map(|u| &mut u.runtime) else {
            return;
        };
        s.generation += 1;
        self.effects.push(Effect::ArmTimer {
            unit: id.to_string(),
            kind,
            deadline,
            generation: s.generation,
        });
    }

    /// Feed `event` to scope `id`'s table and carry out what it says.
    fn scope_event(&mut self, id: &str, event: ScopeEvent) {
        let (Some(s), Some(cfg)) = (
            self.units.get(id).and_then(|u| u.scope()),
            self.scope_config(id),
        ) else {
            return;
        };
        let kill = ScopeKill {
            none: cfg.kill.kill_mode == KillMode::None,
            send_sighup: cfg.kill.send_sighup,
            send_sigkill: cfg.kill.send_sigkill,
        };
        let stepped = step(s.state, s.result, event, kill);
        let Some((next, result, actions)) = self.accepted(id, stepped) else {
            return;
        };
        let publish = |r: &mut UnitRuntime| {
            if let UnitRuntime::Scope(s) = r {
                s.state = next;
                s.result = result;
            }
        };
        self.carry_out(id, actions, publish, |e, id, a| e.scope_action(id, a, &cfg));
    }

    fn scope_action(&mut self, id: &str, action: ScopeAction, cfg: &ServiceConfig) {
        match action {
            ScopeAction::WatchEmpty => self.effects.push(Effect::WatchEmpty {
                unit: id.to_string(),
            }),
            ScopeAction::ArmRuntimeMax => {
                if cfg.runtime_max > 0 && cfg.runtime_max != Usec::MAX {
                    self.arm_scope_timer(id, TimerKind::RuntimeMax, cfg.runtime_max);
                }
            }
            ScopeAction::ArmStopTimeout => {
                self.arm_scope_timer(id, TimerKind::State, cfg.timeout_stop);
            }
            ScopeAction::DisarmTimers => {
                for kind in [TimerKind::State, TimerKind::RuntimeMax] {
                    self.effects.push(Effect::DisarmTimer {
                        unit: id.to_string(),
                        kind,
                    });
                }
            }
            ScopeAction::Signal(which) => {
                let signal = match which {
                    ScopeSignal::Kill => cfg.kill.kill_signal,
                    ScopeSignal::Hangup => linger_wire::Signal::HUP.number(),
                    ScopeSignal::FinalKill => cfg.kill.final_kill_signal,
                };
                self.host.kill(id, KillWhom::All, signal, None, None);
            }
            ScopeAction::CheckEmpty => {
                if self.host.unit_is_empty(id) {
                    self.scope_event(id, ScopeEvent::Empty);
                }
            }
            ScopeAction::Log(level, text) => {
                let message = text.replace("{desc}", &self.description_of(id));
                // The one job beginning a scope logs carries systemd's id, as a service's does.
                let tag = text
                    .starts_with("Stopping {desc}")
                    .then_some(LogTag::JobBegun {
                        job_type: JobType::Stop,
                    });
                self.log_tagged(id, level, message, tag);
            }
            ScopeAction::LogFailedResult => {
                let result = self
                    .units
                    .get(id)
                    .and_then(|u| u.scope())
                    .map_or(ServiceResult::Success, |s| s.result);
                self.log(
                    id,
                    LogLevel::Warning,
                    format!("Failed with result '{result}'."),
                );
            }
            ScopeAction::Release => self.effects.push(Effect::ReleaseResources {
                unit: id.to_string(),
            }),
        }
    }

    /// The manager moved a process into `id`'s (loaded, transient) scope cgroup: the scope
    /// runs from now until its cgroup is empty.
    pub fn start_scope(&mut self, id: &str) -> Result<(), EngineError> {
        let id = self.load(id);
        let u = self
            .units
            .get(&id)
            .ok_or_else(|| EngineError::NotLoaded(id.clone()))?;
        if !matches!(&u.config.kind, UnitKind::Scope(_)) || u.config.load_state != LoadState::Loaded
        {
            return Err(EngineError::NotLoaded(id));
        }
        if !u.active_state().is_inactive_or_failed() {
            return Err(EngineError::Exists(id));
        }
        let invocation_id = self.host.new_invocation_id();
        if let Some(u) = self.units.get_mut(&id) {
            u.runtime = UnitRuntime::Scope(Box::new(ScopeRuntime {
                invocation_id,
                ..ScopeRuntime::default()
            }));
        }
        self.scope_event(&id, ScopeEvent::Start);
        self.dispatch();
        Ok(())
    }

    /// A start job on a scope: only a running one can be "started" (nothing to do).
    pub(super) fn start_scope_job(&mut self, id: &str, jid: JobId) {
        self.log(
            id,
            LogLevel::Warning,
            "Refusing to start: a scope is made by `linger run --scope` (systemd-run --scope), it cannot be started again.".into(),
        );
        self.finish_job(jid, JobResult::Failed);
    }

    /// `Abandon()`: the running scope `id` is given up by its maker (it runs on until its
    /// cgroup is empty). False if it is not a running scope.
    pub fn abandon_scope(&mut self, id: &str) -> bool {
        let running = self
            .units
            .get(id)
            .and_then(|u| u.scope())
            .is_some_and(|s| matches!(s.state, ScopeState::Running | ScopeState::Abandoned));
        if running {
            self.scope_event(id, ScopeEvent::Abandon);
            self.dispatch();
        }
        running
    }

    /// A stop job on a scope.
    pub(super) fn stop_scope(&mut self, id: &str) {
        self.scope_event(id, ScopeEvent::Stop(ServiceResult::Success));
    }

    /// The scope's cgroup is empty.
    pub(super) fn scope_empty(&mut self, id: &str) {
        self.scope_event(id, ScopeEvent::Empty);
    }

    /// A scope timer fired: the stop timeout or `RuntimeMaxSec=` (stale firings are dropped).
    pub(super) fn scope_timer(&mut self, id: &str, kind: TimerKind, generation: u64) {
        let Some(s) = self.units.get(id).and_then(|u| u.scope()) else {
            return;
        };
        if s.generation != generation {
            return;
        }
        let event = match kind {
            TimerKind::RuntimeMax => ScopeEvent::RuntimeMaxElapsed,
            TimerKind::State => ScopeEvent::StopTimeout,
            // A scope arms no other timer.
            TimerKind::Watchdog | TimerKind::Elapse => return,
        };
        self.scope_event(id, event);
    }
}

impl UnitInfo {
    /// The scope runtime, if this is a scope.
    pub fn scope(&self) -> Option<&ScopeRuntime> {
        match &self.runtime {
            UnitRuntime::Scope(s) => Some(s),
            _ => None,
        }
    }
}
