//! Timers and sockets: the units that start another unit on a schedule or on traffic — which
//! unit that is, and how they follow its state (the events their tables get from it). Each
//! type's own table feeding is in timer.rs and socket.rs beside this file.

use super::*;
use crate::socket::{SocketEvent, SocketState};
use crate::timer::TimerEvent;

/// `foo.timer` → `foo.service`, `foo@x.socket` → `foo@x.service`.
fn same_name_service(id: &str) -> String {
    let stem = id.rsplit_once('.').map_or(id, |(s, _)| s);
    format!("{stem}.service")
}

/// The unit a timer or socket activates: `Unit=`/`Service=`, else the same name as a service
/// (for `Accept=yes` sockets the template, `foo@.service`).
pub(crate) fn activation_target(cfg: &UnitConfig) -> Option<String> {
    match &cfg.kind {
        UnitKind::Timer(t) => Some(t.unit.clone().unwrap_or_else(|| same_name_service(&cfg.id))),
        UnitKind::Socket(s) if s.accept => {
            let stem = cfg.id.rsplit_once('.').map_or(&*cfg.id, |(s, _)| s);
            Some(format!("{stem}@.service"))
        }
        UnitKind::Socket(s) => Some(
            s.service
                .clone()
                .unwrap_or_else(|| same_name_service(&cfg.id)),
        ),
        _ => None,
    }
}

impl<H: Host, S: UnitSource> Engine<H, S> {
    /// The unit a loaded timer or socket activates (`Triggers=`).
    pub fn triggers(&self, id: &str) -> Option<String> {
        activation_target(&self.unit(id)?.config)
    }

    /// The timers and sockets that activate `id` (`TriggeredBy=`).
    pub fn triggered_by(&self, id: &str) -> Vec<String> {
        self.activators
            .iter()
            .filter(|a| {
                self.units
                    .get(*a)
                    .and_then(|u| activation_target(&u.config))
                    .is_some_and(|t| t == id || self.resolve(&t) == Some(id))
            })
            .cloned()
            .collect()
    }

    /// Open socket units (`Accept=no`) whose fds a start of service `id` receives: those
    /// named in its `Sockets=`, then those that activate it.
    pub(super) fn sockets_for_service(&self, id: &str) -> Vec<String> {
        let Some(UnitKind::Service(svc)) = self.units.get(id).map(|u| &u.config.kind) else {
            return Vec::new();
        };
        let open = |s: &str| {
            self.units.get(s).is_some_and(|u| {
                matches!(&u.config.kind, UnitKind::Socket(c) if !c.accept)
                    && u.socket().is_some_and(|r| {
                        matches!(r.state, SocketState::Listening | SocketState::Running)
                    })
            })
        };
        let mut out: Vec<String> = svc.sockets.iter().filter(|s| open(s)).cloned().collect();
        if self.activators.is_empty() {
            return out;
        }
        for a in self.triggered_by(id) {
            if open(&a) && !out.contains(&a) {
                out.push(a);
            }
        }
        out
    }

    /// Change `id`'s runtime with `f` and follow the resulting state change (timers, sockets
    /// and scopes, whose runtimes the engine sets directly).
    pub(super) fn set_runtime_state(&mut self, id: &str, f: impl FnOnce(&mut UnitRuntime)) {
        let Some(u) = self.units.get_mut(id) else {
            return;
        };
        let before = u.active_state();
        f(&mut u.runtime);
        let after = u.active_state();
        self.after_state_change(id, before, after);
    }

    /// Start a timer or socket (from `perform_start`, after conditions passed).
    pub(super) fn start_activator(&mut self, id: &str, jid: JobId) {
        let Some(u) = self.units.get(id) else { return };
        let Some(target) = activation_target(&u.config) else {
            return;
        };
        let is_timer = u.timer().is_some();
        let accept = matches!(&u.config.kind, UnitKind::Socket(s) if s.accept);
        if !accept {
            let tid = self.load(&target);
            let loaded = self
                .units
                .get(&tid)
                .is_some_and(|t| t.config.load_state == LoadState::Loaded);
            if !loaded {
                let what = if is_timer { "trigger" } else { "activate" };
                self.log(
                    id,
                    LogLevel::Warning,
                    format!("Refusing to start, unit {target} to {what} not loaded."),
                );
                self.finish_job(jid, JobResult::Failed);
                return;
            }
        }
        if is_timer {
            self.start_timer(id);
        } else {
            self.start_socket(id);
        }
    }

    /// A start job of `target` ended (from `finish_job`, also when it ended at once inside the
    /// enqueue of a trigger). If the unit is not running (skipped by a condition, failed
    /// before any state change, a dependency failed) no state change will tell the units that
    /// triggered it: timers go back to waiting, sockets listen again, and `Accept=yes`
    /// connections held for it are released.
    pub(super) fn start_job_ended(&mut self, target: &str) {
        if self.activators.is_empty()
            || self
                .units
                .get(target)
                .is_some_and(|u| !u.active_state().is_inactive_or_failed())
        {
            return;
        }
        self.release_connections(target);
        for a in self.triggered_by(target) {
            self.activator_event(
                &a,
                TimerEvent::UnitChanged {
                    down: true,
                    follows: false,
                },
                SocketEvent::ServiceStartEnded,
            );
        }
    }

    /// Feed activator `id` the event of its type (the other one is for the other type).
    fn activator_event(&mut self, id: &str, timer: TimerEvent, socket: SocketEvent) {
        match self.units.get(id).map(|u| &u.runtime) {
            Some(UnitRuntime::Timer(_)) => self.timer_event(id, timer),
            Some(UnitRuntime::Socket(_)) => self.socket_event(id, socket),
            // `activators` holds timers and sockets only.
            Some(UnitRuntime::Service(_) | UnitRuntime::Scope(_) | UnitRuntime::Passive { .. })
            | None => {}
        }
    }

    /// Stop a timer or socket (from `perform_stop`).
    pub(super) fn stop_activator(&mut self, id: &str) {
        self.activator_event(id, TimerEvent::Stop, SocketEvent::Stop);
    }

    /// Follow the state of an activated unit: timers go back to waiting when it finishes,
    /// sockets hand traffic to it while it runs and take it back when it stops.
    pub(super) fn notify_activators(&mut self, target: &str, new: ActiveState) {
        if self.activators.is_empty() {
            return;
        }
        // The unit may have moved on already (a restart job starts it again from within the
        // stop's bookkeeping): follow where it is now, not the transition being reported.
        let now_state = self.units.get(target).map_or(new, |u| u.active_state());
        let down = now_state.is_inactive_or_failed();
        if down {
            self.release_connections(target);
        }
        let start_limit_hit = self
            .units
            .get(target)
            .and_then(|u| u.service())
            .is_some_and(|s| s.result == ServiceResult::StartLimitHit);
        for a in self.triggered_by(target) {
            let follows = self
                .timer_config(&a)
                .is_some_and(|c| !c.on_unit_active.is_empty() || !c.on_unit_inactive.is_empty());
            let socket = if down {
                SocketEvent::ServiceDown { start_limit_hit }
            } else {
                SocketEvent::ServiceUp
            };
            self.activator_event(&a, TimerEvent::UnitChanged { down, follows }, socket);
        }
    }
}
