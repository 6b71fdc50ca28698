//! Scopes in the engine: registered running by [`Engine::start_scope`] (the manager has moved
//! the processes into the cgroup), dead when the cgroup empties, stopped by signalling the
//! whole cgroup with SIGKILL after `TimeoutStopSec=`.

use linger_unit::model::{KillMode, ServiceConfig};

use super::*;
use crate::scope::{ScopeRuntime, ScopeState};

impl<H: Host, S: UnitSource> Engine<H, S> {
    fn scope_config(&self, id: &str) -> Option<ServiceConfig> {
        match &self.units.get(id)?.config.kind {
            UnitKind::Scope(c) => Some((**c).clone()),
            _ => None,
        }
    }

    fn set_scope(&mut self, id: &str, state: ScopeState, result: Option<&'static str>) {
        self.set_runtime_state(id, |r| {
            if let UnitRuntime::Scope(s) = r {
                s.state = state;
                if let Some(res) = result {
                    s.result = res;
                }
            }
        });
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

    /// The manager moved a process into `id`'s (loaded, transient) scope cgroup: the scope
    /// runs from now until its cgroup is empty.
    pub fn start_scope(&mut self, id: &str) -> Result<(), EngineError> {
        let id = self.load(id);
        let u = self
            .units
            .get(&id)
            .ok_or_else(|| EngineError::NotLoaded(id.clone()))?;
        let runtime_max = match &u.config.kind {
            UnitKind::Scope(c) if u.config.load_state == LoadState::Loaded => c.runtime_max,
            _ => return Err(EngineError::NotLoaded(id)),
        };
        if !u.active_state().is_inactive_or_failed() {
            return Err(EngineError::Exists(id));
        }
        let desc = u.description().to_string();
        let invocation_id = self.host.new_invocation_id();
        if let Some(u) = self.units.get_mut(&id) {
            u.runtime = UnitRuntime::Scope(Box::new(ScopeRuntime {
                invocation_id,
                ..ScopeRuntime::default()
            }));
        }
        self.set_scope(&id, ScopeState::Running, Some("success"));
        self.effects.push(Effect::WatchEmpty { unit: id.clone() });
        if runtime_max > 0 && runtime_max != Usec::MAX {
            self.arm_scope_timer(&id, TimerKind::RuntimeMax, runtime_max);
        }
        self.log(&id, LogLevel::Info, format!("Started {desc}."));
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

    /// Stop a running scope: its kill signal to every process, SIGKILL after the timeout.
    pub(super) fn stop_scope(&mut self, id: &str, result: &'static str) {
        let Some(cfg) = self.scope_config(id) else {
            return;
        };
        let desc = self.description_of(id);
        self.log(id, LogLevel::Info, format!("Stopping {desc}..."));
        let kill = &cfg.kill;
        if kill.kill_mode != KillMode::None {
            self.host
                .kill(id, KillWhom::All, kill.kill_signal, None, None);
            if kill.send_sighup {
                self.host.kill(id, KillWhom::All, 1, None, None);
            }
        }
        self.set_scope(id, ScopeState::StopSigterm, Some(result));
        if self.host.unit_is_empty(id) {
            self.scope_empty(id);
            return;
        }
        self.arm_scope_timer(id, TimerKind::State, cfg.timeout_stop);
    }

    /// The scope's cgroup is empty: it is dead (failed if a stop timed out).
    pub(super) fn scope_empty(&mut self, id: &str) {
        let Some(s) = self.units.get(id).and_then(UnitInfo::scope) else {
            return;
        };
        if s.state.active_state().is_inactive_or_failed() {
            return;
        }
        let failed = s.result != "success";
        self.effects.push(Effect::DisarmTimer {
            unit: id.to_string(),
            kind: TimerKind::State,
        });
        self.effects.push(Effect::DisarmTimer {
            unit: id.to_string(),
            kind: TimerKind::RuntimeMax,
        });
        if failed {
            self.log(
                id,
                LogLevel::Warning,
                format!("Failed with result '{}'.", s.result),
            );
            self.set_scope(id, ScopeState::Failed, None);
        } else {
            self.log(id, LogLevel::Info, "Deactivated successfully.".into());
            self.set_scope(id, ScopeState::Dead, None);
        }
        self.effects.push(Effect::ReleaseResources {
            unit: id.to_string(),
        });
    }

    /// A scope timer fired: the stop timeout (escalate to SIGKILL, then give up) or
    /// `RuntimeMaxSec=` (stop).
    pub(super) fn scope_timer(&mut self, id: &str, kind: TimerKind, generation: u64) {
        let Some(s) = self.units.get(id).and_then(UnitInfo::scope) else {
            return;
        };
        if s.generation != generation {
            return;
        }
        let state = s.state;
        let Some(cfg) = self.scope_config(id) else {
            return;
        };
        match (kind, state) {
            (TimerKind::RuntimeMax, ScopeState::Running) => {
                self.log(
                    id,
                    LogLevel::Warning,
                    "Scope reached runtime time limit. Stopping.".into(),
                );
                self.stop_scope(id, "timeout");
            }
            (TimerKind::State, ScopeState::StopSigterm) => {
                self.log(id, LogLevel::Warning, "Stopping timed out. Killing.".into());
                if let Some(UnitRuntime::Scope(s)) = self.units.get_mut(id).map(|u| &mut u.runtime)
                {
                    s.result = "timeout";
                }
                if cfg.kill.send_sigkill {
                    self.host
                        .kill(id, KillWhom::All, cfg.kill.final_kill_signal, None, None);
                    self.set_scope(id, ScopeState::StopSigkill, None);
                    self.arm_scope_timer(id, TimerKind::State, cfg.timeout_stop);
                } else {
                    self.set_scope(id, ScopeState::Failed, None);
                }
            }
            (TimerKind::State, ScopeState::StopSigkill) => {
                self.log(
                    id,
                    LogLevel::Warning,
                    "Processes still around after final SIGKILL. Entering failed mode.".into(),
                );
                self.set_scope(id, ScopeState::Failed, None);
            }
            _ => {}
        }
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
