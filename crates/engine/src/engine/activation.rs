//! Timers and sockets: the units that start another unit on a schedule or on traffic, and
//! how they follow the state of the unit they activate.

use linger_unit::model::{SocketConfig, TimerConfig};

use super::*;
use crate::socket::SocketState;
use crate::timer::{
    ElapseInputs, MonotonicBase, TimerState, coalesce, earliest_deadline, next_elapse,
};

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

    fn set_timer(&mut self, id: &str, state: TimerState, result: Option<&'static str>) {
        self.set_runtime_state(id, |r| {
            if let UnitRuntime::Timer(t) = r {
                t.state = state;
                if let Some(res) = result {
                    t.result = res;
                }
            }
        });
    }

    fn set_socket(&mut self, id: &str, state: SocketState, result: Option<&'static str>) {
        self.set_runtime_state(id, |r| {
            if let UnitRuntime::Socket(s) = r {
                s.state = state;
                if let Some(res) = result {
                    s.result = res;
                }
            }
        });
    }

    fn timer_config(&self, id: &str) -> Option<TimerConfig> {
        match &self.units.get(id)?.config.kind {
            UnitKind::Timer(t) => Some((**t).clone()),
            _ => None,
        }
    }

    fn socket_config(&self, id: &str) -> Option<SocketConfig> {
        match &self.units.get(id)?.config.kind {
            UnitKind::Socket(s) => Some((**s).clone()),
            _ => None,
        }
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
            self.start_socket(id, &target);
        }
    }

    fn start_timer(&mut self, id: &str) {
        let Some(cfg) = self.timer_config(id) else {
            return;
        };
        if cfg.wake_system {
            self.log(
                id,
                LogLevel::Warning,
                "WakeSystem= is not supported by a user manager (it cannot wake the machine), ignoring.".into(),
            );
        }
        let stamp = cfg
            .persistent
            .then(|| self.host.read_timer_stamp(id))
            .flatten();
        let now = self.now().realtime;
        if let Some(UnitRuntime::Timer(t)) = self.units.get_mut(id).map(|u| &mut u.runtime) {
            // A new activation: OnActiveSec= counts again from now; boot- and startup-relative
            // triggers that already fired stay done. The last trigger is forgotten unless a
            // Persistent= stamp (in the past) remembers it.
            t.disabled.retain(|(b, _)| *b != MonotonicBase::Active);
            t.result = "success";
            t.last_trigger = Timestamp {
                realtime: stamp.filter(|&s| s < now).unwrap_or(0),
                monotonic: 0,
            };
        }
        self.set_timer(id, TimerState::Waiting, None);
        self.arm_timer(id);
    }

    /// Compute the next elapse and arm it; with nothing left, enter `elapsed` (or stop).
    fn arm_timer(&mut self, id: &str) {
        let Some(cfg) = self.timer_config(id) else {
            return;
        };
        let now = self.now();
        let target = self.triggers(id).and_then(|t| self.unit(&t));
        let inputs = ElapseInputs {
            now,
            startup: self.host.startup().monotonic,
            timer_activated: self
                .units
                .get(id)
                .map(|u| u.inactive_exit)
                .unwrap_or_default(),
            unit_active: target.map_or(0, |t| t.inactive_exit.monotonic),
            unit_inactive: target.map_or(0, |t| t.inactive_enter.monotonic),
        };
        let tz = self.host.time_zone();
        let delay = if cfg.randomized_delay > 0 {
            self.host
                .random_delay(id, cfg.randomized_delay, cfg.fixed_random_delay)
        } else {
            0
        };
        let offset = self.host.coalescing_offset();
        let Some(UnitRuntime::Timer(t)) = self.units.get_mut(id).map(|u| &mut u.runtime) else {
            return;
        };
        let (mono, real) = next_elapse(&cfg, t, &inputs, &tz);
        let mono = mono.map(|m| m.saturating_add(delay));
        let real = real.map(|r| r.saturating_add(delay));
        t.next_monotonic = mono;
        t.next_realtime = real;
        let Some(earliest) = earliest_deadline(mono, real, now) else {
            self.effects.push(Effect::DisarmTimer {
                unit: id.to_string(),
                kind: TimerKind::Elapse,
            });
            let next = if cfg.on_clock_change || cfg.on_timezone_change {
                // Nothing scheduled, but a clock or time-zone change will still trigger it.
                TimerState::Waiting
            } else if cfg.remain_after_elapse {
                TimerState::Elapsed
            } else {
                TimerState::Dead
            };
            self.set_timer(id, next, None);
            if next == TimerState::Dead {
                self.effects.push(Effect::ReleaseResources {
                    unit: id.to_string(),
                });
            }
            return;
        };
        t.generation += 1;
        let generation = t.generation;
        let was = t.state;
        self.effects.push(Effect::ArmTimer {
            unit: id.to_string(),
            kind: TimerKind::Elapse,
            deadline: coalesce(earliest, cfg.accuracy, offset),
            generation,
        });
        if was != TimerState::Waiting {
            self.set_timer(id, TimerState::Waiting, None);
        }
    }

    /// The armed elapse of timer `id` fired.
    pub(super) fn timer_elapsed(&mut self, id: &str, generation: u64) {
        let now = self.now();
        let Some(t) = self.units.get(id).and_then(UnitInfo::timer) else {
            return;
        };
        if t.generation != generation || t.state != TimerState::Waiting {
            return;
        }
        let due = t.next_monotonic.is_some_and(|m| m <= now.monotonic)
            || t.next_realtime.is_some_and(|r| r <= now.realtime);
        if !due {
            // The wall clock moved back since we armed: wait for the real time.
            self.arm_timer(id);
            return;
        }
        let persistent = self.timer_config(id).is_some_and(|c| c.persistent);
        if let Some(UnitRuntime::Timer(t)) = self.units.get_mut(id).map(|u| &mut u.runtime) {
            t.last_trigger = now;
        }
        self.touch(id);
        if persistent {
            self.host.write_timer_stamp(id, now.realtime);
        }
        let Some(target) = self.triggers(id) else {
            return;
        };
        self.set_timer(id, TimerState::Running, None);
        if let Err(e) = self.enqueue_internal(JobType::Start, &target, JobMode::Replace) {
            self.log(
                id,
                LogLevel::Warning,
                format!("Failed to queue unit startup job: {e}"),
            );
            self.set_timer(id, TimerState::Failed, Some("resources"));
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
            match self.units.get(&a).map(UnitInfo::sub_state) {
                Some(SubState::Timer(TimerState::Running)) => self.arm_timer(&a),
                Some(SubState::Socket(SocketState::Listening)) => self.host.watch_sockets(&a, true),
                _ => {}
            }
        }
    }

    /// Per-connection instance `instance` is down: the `Accept=yes` socket holding its
    /// connection drops it.
    fn release_connections(&mut self, instance: &str) {
        let holders: Vec<String> = self
            .activators
            .iter()
            .filter(|a| {
                self.units
                    .get(*a)
                    .and_then(UnitInfo::socket)
                    .is_some_and(|s| s.connections.contains(instance))
            })
            .cloned()
            .collect();
        for a in holders {
            if let Some(UnitRuntime::Socket(s)) = self.units.get_mut(&a).map(|u| &mut u.runtime) {
                s.connections.remove(instance);
            }
            self.host.release_connection(instance);
        }
    }

    fn start_socket(&mut self, id: &str, target: &str) {
        let Some(cfg) = self.socket_config(id) else {
            return;
        };
        if let Err(e) = self.host.open_sockets(id, &cfg) {
            self.log(
                id,
                LogLevel::Error,
                format!("Failed to create listening socket ({e})."),
            );
            self.set_socket(id, SocketState::Failed, Some("resources"));
            return;
        }
        // A service already running (started directly) owns the traffic.
        let service_up = !cfg.accept
            && self
                .unit(target)
                .is_some_and(|u| !u.active_state().is_inactive_or_failed());
        let state = if service_up {
            SocketState::Running
        } else {
            SocketState::Listening
        };
        self.set_socket(id, state, Some("success"));
        if !service_up {
            self.host.watch_sockets(id, true);
        }
    }

    /// Stop a timer or socket (from `perform_stop`).
    pub(super) fn stop_activator(&mut self, id: &str) {
        let Some(u) = self.units.get(id) else { return };
        match &u.config.kind {
            UnitKind::Timer(_) => {
                self.effects.push(Effect::DisarmTimer {
                    unit: id.to_string(),
                    kind: TimerKind::Elapse,
                });
                if let Some(UnitRuntime::Timer(t)) = self.units.get_mut(id).map(|u| &mut u.runtime)
                {
                    t.generation += 1;
                    t.next_monotonic = None;
                    t.next_realtime = None;
                }
                self.set_timer(id, TimerState::Dead, None);
                self.effects.push(Effect::ReleaseResources {
                    unit: id.to_string(),
                });
            }
            UnitKind::Socket(s) => {
                let remove = s.remove_on_stop;
                self.host.watch_sockets(id, false);
                self.host.close_sockets(id, remove);
                self.set_socket(id, SocketState::Dead, None);
            }
            _ => {}
        }
    }

    /// The listening sockets of `id` (`Accept=no`) have traffic: start the service.
    pub fn on_socket_ready(&mut self, id: &str) {
        let now = self.now().monotonic;
        let Some(cfg) = self.socket_config(id) else {
            return;
        };
        if self
            .units
            .get(id)
            .and_then(UnitInfo::socket)
            .map(|s| s.state)
            != Some(SocketState::Listening)
        {
            return;
        }
        if !self.note_socket_trigger(id, &cfg, now) {
            return;
        }
        let Some(target) = self.triggers(id) else {
            return;
        };
        if let Err(e) = self.enqueue_internal(JobType::Start, &target, JobMode::Replace) {
            self.log(
                id,
                LogLevel::Error,
                format!("Failed to queue service startup job: {e}"),
            );
            self.fail_socket(id, "resources");
        }
    }

    /// `Accept=yes`: a connection was accepted and is held for service instance `instance`.
    /// Err is why it must be dropped (the caller closes it).
    pub fn on_socket_connection(&mut self, id: &str, instance: &str) -> Result<(), String> {
        let now = self.now().monotonic;
        let cfg = self
            .socket_config(id)
            .ok_or_else(|| format!("{id} is not a socket unit"))?;
        let Some(s) = self.units.get(id).and_then(UnitInfo::socket) else {
            return Err(format!("{id} is not a socket unit"));
        };
        if s.state.active_state() != ActiveState::Active {
            return Err(format!("{id} is not listening"));
        }
        if s.connections.len() >= cfg.max_connections as usize {
            if let Some(UnitRuntime::Socket(s)) = self.units.get_mut(id).map(|u| &mut u.runtime) {
                s.refused += 1;
            }
            let msg = format!(
                "Too many incoming connections ({}), dropping connection.",
                cfg.max_connections
            );
            self.log(id, LogLevel::Warning, msg.clone());
            return Err(msg);
        }
        if !self.note_socket_trigger(id, &cfg, now) {
            return Err("trigger limit hit".into());
        }
        if let Some(UnitRuntime::Socket(s)) = self.units.get_mut(id).map(|u| &mut u.runtime) {
            s.accepted += 1;
            s.connections.insert(instance.to_string());
        }
        if let Err(e) = self.enqueue_internal(JobType::Start, instance, JobMode::Replace) {
            if let Some(UnitRuntime::Socket(s)) = self.units.get_mut(id).map(|u| &mut u.runtime) {
                s.connections.remove(instance);
            }
            let msg = format!("Failed to queue service startup job: {e}");
            self.log(id, LogLevel::Error, msg.clone());
            return Err(msg);
        }
        Ok(())
    }

    fn note_socket_trigger(&mut self, id: &str, cfg: &SocketConfig, now: Usec) -> bool {
        let ok = match self.units.get_mut(id).map(|u| &mut u.runtime) {
            Some(UnitRuntime::Socket(s)) => s.note_trigger(
                now,
                cfg.trigger_limit_interval,
                cfg.effective_trigger_burst(),
            ),
            _ => false,
        };
        if !ok {
            self.log(
                id,
                LogLevel::Error,
                "Trigger limit hit, refusing further activation.".into(),
            );
            self.fail_socket(id, "trigger-limit-hit");
        }
        ok
    }

    fn fail_socket(&mut self, id: &str, result: &'static str) {
        let remove = self.socket_config(id).is_some_and(|c| c.remove_on_stop);
        self.host.watch_sockets(id, false);
        self.host.close_sockets(id, remove);
        self.set_socket(id, SocketState::Failed, Some(result));
    }

    /// `daemon-reexec`: timer `id` last triggered at `last_trigger`. If it was active (since
    /// `activated`), it waits again as before — the same activation, so triggers that fired
    /// do not fire twice and OnActiveSec= keeps counting from the original start.
    pub fn restore_timer(
        &mut self,
        id: &str,
        last_trigger: Timestamp,
        activated: Timestamp,
        active: bool,
    ) {
        let id = self.load(id);
        self.touch(&id);
        if let Some(UnitRuntime::Timer(t)) = self.units.get_mut(&id).map(|u| &mut u.runtime) {
            t.last_trigger = last_trigger;
        }
        let target = self.triggers(&id).map(|t| self.load(&t));
        let loaded = target
            .and_then(|t| self.units.get(&t))
            .is_some_and(|t| t.config.load_state == LoadState::Loaded);
        if !active || !loaded || self.timer_config(&id).is_none() {
            return;
        }
        self.set_timer(&id, TimerState::Waiting, Some("success"));
        if let Some(u) = self.units.get_mut(&id) {
            u.inactive_exit = activated;
            u.active_enter = activated;
        }
        self.arm_timer(&id);
    }

    /// After `daemon-reload`: waiting timers are computed again from their new configuration.
    pub(super) fn rearm_timers_after_reload(&mut self) {
        let waiting: Vec<String> = self
            .activators
            .iter()
            .filter(|a| {
                self.units
                    .get(*a)
                    .is_some_and(|u| u.sub_state() == SubState::Timer(TimerState::Waiting))
            })
            .cloned()
            .collect();
        for id in waiting {
            // Fired one-shots are remembered by base and value: a changed value is a new
            // trigger, judged against the last trigger.
            self.arm_timer(&id);
        }
    }

    /// The wall clock jumped (`timezone`: the local time zone changed): calendar timers are
    /// computed again, and timers with `OnClockChange=`/`OnTimezoneChange=` elapse.
    pub fn on_clock_change(&mut self, timezone: bool) {
        let waiting: Vec<(String, bool)> = self
            .activators
            .iter()
            .filter_map(|id| {
                let u = self.units.get(id)?;
                let UnitKind::Timer(c) = &u.config.kind else {
                    return None;
                };
                let state = u.timer()?.state;
                if !matches!(state, TimerState::Waiting | TimerState::Elapsed) {
                    return None;
                }
                let fire = if timezone {
                    c.on_timezone_change
                } else {
                    c.on_clock_change
                };
                Some((id.clone(), fire))
            })
            .collect();
        for (id, fire) in waiting {
            if fire {
                let generation = match self.units.get_mut(&id).map(|u| &mut u.runtime) {
                    Some(UnitRuntime::Timer(t)) => {
                        // Elapse now, whatever was armed.
                        t.state = TimerState::Waiting;
                        t.next_monotonic = Some(0);
                        t.generation
                    }
                    _ => continue,
                };
                self.timer_elapsed(&id, generation);
            } else {
                self.arm_timer(&id);
            }
        }
    }

    /// Follow the state of an activated unit: timers go back to waiting when it finishes,
    /// sockets hand traffic to it while it runs and take it back when it stops.
    pub(super) fn notify_activators(&mut self, target: &str, new: ActiveState) {
        if self.activators.is_empty() {
            return;
        }
        // The unit may have moved on already (a restart job starts it again from within the
        // stop's bookkeeping): follow where it is now, not the transition being reported.
        let now_state = self.units.get(target).map_or(new, UnitInfo::active_state);
        let down = now_state.is_inactive_or_failed();
        if down {
            self.release_connections(target);
        }
        for a in self.triggered_by(target) {
            let Some(u) = self.units.get(&a) else {
                continue;
            };
            match u.sub_state() {
                SubState::Timer(TimerState::Running) if down => self.arm_timer(&a),
                SubState::Timer(TimerState::Waiting | TimerState::Elapsed)
                    if self.timer_config(&a).is_some_and(|c| {
                        !c.on_unit_active.is_empty() || !c.on_unit_inactive.is_empty()
                    }) =>
                {
                    self.arm_timer(&a)
                }
                SubState::Socket(SocketState::Listening) if !down => {
                    self.host.watch_sockets(&a, false);
                    self.set_socket(&a, SocketState::Running, None);
                }
                SubState::Socket(SocketState::Running) if down => {
                    let limit_hit = self
                        .units
                        .get(target)
                        .and_then(UnitInfo::service)
                        .is_some_and(|s| s.result == ServiceResult::StartLimitHit);
                    if limit_hit {
                        self.fail_socket(&a, "service-start-limit-hit");
                    } else {
                        self.set_socket(&a, SocketState::Listening, None);
                        self.host.watch_sockets(&a, true);
                    }
                }
                _ => {}
            }
        }
    }
}
