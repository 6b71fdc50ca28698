//! Events from the outside world (exits, emptied units, timers, notify messages, kill) and the propagation they cause (BindsTo=, OnFailure=, OnSuccess=, Upholds=, StopWhenUnneeded=).

use super::*;

impl<H: Host, S: UnitSource> Engine<H, S> {
    /// Dependencies acting on state changes: BindsTo=, OnFailure=, OnSuccess=, Upholds=.
    pub(super) fn propagate(&mut self, id: &str, old: ActiveState, new: ActiveState) {
        let Some(deps) = self.graph.get(id).cloned() else {
            return;
        };
        // As systemd's binding check: only while this unit is still down and nothing is
        // bringing it back (a restart's start half may already have run by now).
        let still_down = self
            .units
            .get(id)
            .is_none_or(|u| u.active_state().is_inactive_or_failed())
            && !self.jobs.has(id);
        if new.is_inactive_or_failed() && !old.is_inactive_or_failed() && still_down {
            for other in &deps.bound_by {
                let active = self
                    .units
                    .get(other)
                    .is_some_and(|u| !u.active_state().is_inactive_or_failed());
                if active && !self.jobs.has(other) {
                    self.log(
                        other,
                        LogLevel::Info,
                        format!("Stopping because bound unit {id} went away."),
                    );
                    let _ = self.enqueue_internal(JobType::Stop, other, JobMode::Replace);
                }
            }
            let failed = new == ActiveState::Failed;
            let list = if failed {
                &deps.on_failure
            } else {
                &deps.on_success
            };
            let what = if failed { "OnFailure" } else { "OnSuccess" };
            // OnSuccess= fires only after a real run, not when a never-started unit settles.
            if failed
                || old != ActiveState::Activating
                || self.units.get(id).and_then(|u| u.service()).is_some()
            {
                for other in list.clone() {
                    self.log(
                        id,
                        LogLevel::Info,
                        format!("Triggering {what}= dependencies."),
                    );
                    let _ = self.enqueue_internal(JobType::Start, &other, JobMode::Replace);
                }
            }
        }
        self.check_upholds_and_unneeded();
    }

    pub(super) fn check_upholds_and_unneeded(&mut self) {
        let mut starts = Vec::new();
        let mut stops = Vec::new();
        // Runs after every state change: only the (usually few) units that uphold others or
        // stop when unneeded are looked at, not all.
        for id in &self.upholders {
            let (Some(u), Some(d)) = (self.units.get(id), self.graph.get(id)) else {
                continue;
            };
            if u.active_state().is_active_or_reloading() {
                for up in &d.upholds {
                    let down = self
                        .units
                        .get(up)
                        .is_none_or(|x| x.active_state().is_inactive_or_failed());
                    if down && !self.jobs.has(up) {
                        starts.push(up.clone());
                    }
                }
            }
            if u.config.unit.stop_when_unneeded
                && u.active_state().is_active_or_reloading()
                && !self.jobs.has(id)
            {
                let needed = d
                    .required_by
                    .iter()
                    .chain(d.wanted_by.iter())
                    .chain(d.bound_by.iter())
                    .any(|o| {
                        self.units
                            .get(o)
                            .is_some_and(|x| !x.active_state().is_inactive_or_failed())
                            || self.jobs.has(o)
                    });
                if !needed {
                    stops.push(id.clone());
                }
            }
        }
        for s in starts {
            let _ = self.enqueue_internal(JobType::Start, &s, JobMode::Replace);
        }
        for s in stops {
            self.log(
                &s,
                LogLevel::Info,
                "Unit not needed anymore. Stopping.".into(),
            );
            let _ = self.enqueue_internal(JobType::Stop, &s, JobMode::Replace);
        }
    }

    /// A child process exited (the manager reaped it).
    pub fn on_exit(&mut self, pid: u32, status: ExitStatus) {
        let Some(id) = self.owner_of_pid(pid).map(str::to_string) else {
            return;
        };
        if self.units.get(&id).and_then(|u| u.socket()).is_some() {
            self.socket_command_exited(&id, pid, status);
            return;
        }
        let now = self.host.now();
        let event = match self.units.get_mut(&id).map(|u| &mut u.runtime) {
            Some(UnitRuntime::Service(s)) => s.exit_event(pid, status, now),
            _ => None,
        };
        if let Some(event) = event {
            self.service_event(&id, event);
        }
    }

    /// The process tracker says a unit has no process left.
    pub fn on_unit_empty(&mut self, id: &str) {
        if self.units.get(id).and_then(|u| u.scope()).is_some() {
            self.scope_empty(id);
            return;
        }
        if self.units.get(id).and_then(|u| u.socket()).is_some() {
            self.socket_empty(id);
            return;
        }
        if self.units.get(id).and_then(|u| u.service()).is_some() {
            self.service_event(id, ServiceEvent::Empty);
        }
    }

    /// A per-unit timer fired.
    pub fn on_timer(&mut self, id: &str, kind: TimerKind, generation: u64) {
        if kind == TimerKind::Elapse {
            self.timer_elapsed(id, generation);
            return;
        }
        if self.units.get(id).and_then(|u| u.scope()).is_some() {
            self.scope_timer(id, kind, generation);
            return;
        }
        if self.units.get(id).and_then(|u| u.socket()).is_some() {
            // Sockets arm only their TimeoutSec= (TimerKind::State).
            self.socket_timer(id, generation);
            return;
        }
        let Some(event) = self
            .units
            .get(id)
            .and_then(|u| u.service())
            .and_then(|s| s.timer_event(kind, generation))
        else {
            return;
        };
        if self.service_event(id, event) == Some(Outcome::RestartDue) {
            self.auto_restart(id);
        }
    }

    pub(super) fn auto_restart(&mut self, id: &str) {
        let Some(u) = self.units.get(id) else { return };
        let n = u.service().map_or(0, |s| s.restarts) + 1;
        self.log_tagged(
            id,
            LogLevel::Info,
            format!("Scheduled restart job, restart counter is at {n}."),
            Some(LogTag::RestartScheduled),
        );
        match self.jobs.id_of(id) {
            Some(jid)
                if self
                    .jobs
                    .get(&jid)
                    .is_some_and(|j| j.job_type == JobType::Stop) =>
            {
                // A stop is queued: do not come back, go down.
                self.service_event(id, ServiceEvent::Stop);
                self.dispatch();
            }
            Some(jid) => {
                // A start job is already waiting on this unit (auto-restart counts as activating).
                self.jobs.set_running(jid);
                self.perform_start(id, jid);
            }
            None => {
                // As systemd: the restart is a job, pulling in requirements and logging
                // "Stopped …"/"Started …" like any other.
                let _ = self.enqueue_internal(JobType::Restart, id, JobMode::Replace);
            }
        }
    }

    /// An sd_notify message from `pid`, routed by the manager to unit `id`.
    pub fn on_notify(&mut self, id: &str, pid: u32, fields: &[(String, String)]) {
        let events = self
            .with_service(id, |s, c| s.on_notify(pid, fields, c))
            .unwrap_or_default();
        for event in events {
            self.service_event(id, event);
        }
    }

    /// A well-known name on the session bus got an owner (`owned`) or lost it: the services
    /// with that `BusName=` learn it (`Type=dbus` readiness, service/bus_name.rs).
    pub fn on_bus_name(&mut self, name: &str, owned: bool) {
        let ids: Vec<String> = self
            .units
            .iter()
            .filter(|(_, u)| {
                matches!(&u.config.kind, UnitKind::Service(c) if c.bus_name.as_deref() == Some(name))
            })
            .map(|(id, _)| id.clone())
            .collect();
        for id in ids {
            self.service_event(&id, ServiceEvent::BusName(owned));
        }
    }

    /// The unit owning `pid` as main or control process.
    pub fn unit_of_pid(&self, pid: u32) -> Option<&str> {
        self.owner_of_pid(pid)
    }

    /// `systemctl kill`: signal processes of a unit. Returns how many were signalled.
    pub fn kill(&mut self, id: &str, whom: KillWhom, signal: i32) -> Result<usize, EngineError> {
        let u = self
            .units
            .get(id)
            .ok_or_else(|| EngineError::NotLoaded(id.to_string()))?;
        let procs = match &u.runtime {
            UnitRuntime::Service(s) => s.state().procs(),
            UnitRuntime::Socket(s) => crate::state::Procs {
                main: None,
                control: s.control,
            },
            UnitRuntime::Passive { .. } | UnitRuntime::Timer(_) | UnitRuntime::Scope(_) => {
                crate::state::Procs::default()
            }
        };
        let n = self.host.kill(id, whom, signal, procs.main, procs.control);
        Ok(n)
    }

    /// `reset-failed` for one unit (or all when None).
    pub fn reset_failed(&mut self, id: Option<&str>) {
        let ids: Vec<String> = match id {
            Some(i) => vec![i.to_string()],
            None => self.units.keys().cloned().collect(),
        };
        for i in ids {
            if self.units.get(&i).and_then(|u| u.service()).is_some() {
                self.service_event(&i, ServiceEvent::ResetFailed);
            }
        }
    }
}
