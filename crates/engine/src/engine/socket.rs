//! Socket units in the engine: what happens when is the table `crate::socket::step`; this
//! file turns jobs, traffic and the activated service's changes into its events and carries
//! out its actions (watching, closing, queueing the service's start).

use linger_unit::model::SocketConfig;

use super::*;
use crate::socket::{ResultChange, SocketAction, SocketContext, SocketEvent, SocketState, step};

impl<H: Host, S: UnitSource> Engine<H, S> {
    pub(super) fn socket_config(&self, id: &str) -> Option<SocketConfig> {
        match &self.units.get(id)?.config.kind {
            UnitKind::Socket(s) => Some((**s).clone()),
            _ => None,
        }
    }

    /// What socket `id`'s table decides by now (its command lists, kill settings, whether
    /// processes are left, whether its service runs, whether the run failed).
    fn socket_context(&self, id: &str) -> Option<SocketContext> {
        let u = self.units.get(id)?;
        let (UnitKind::Socket(cfg), UnitRuntime::Socket(s)) = (&u.config.kind, &u.runtime) else {
            return None;
        };
        let p = &cfg.processes;
        let has_commands = !(p.exec_start_pre.is_empty()
            && p.exec_start_post.is_empty()
            && p.exec_stop.is_empty()
            && p.exec_stop_post.is_empty());
        // A socket has processes only through its commands: no look at its cgroup without.
        let processes = s.control.is_some() || (has_commands && !self.host.unit_is_empty(id));
        let service_up = !cfg.accept
            && self
                .triggers(id)
                .and_then(|t| self.unit(&t))
                .is_some_and(|t| !t.active_state().is_inactive_or_failed());
        Some(SocketContext {
            start_pre: !p.exec_start_pre.is_empty(),
            start_post: !p.exec_start_post.is_empty(),
            stop_pre: !p.exec_stop.is_empty(),
            stop_post: !p.exec_stop_post.is_empty(),
            send_sigkill: p.kill.send_sigkill,
            processes,
            service_up,
            failed: !matches!(s.result, "" | "success"),
        })
    }

    /// Feed `event` to socket `id`'s table and carry out what it says. An event the table
    /// refuses is a bug: logged as an internal error, the socket left as it was.
    pub(super) fn socket_event(&mut self, id: &str, event: SocketEvent) {
        let (Some(s), Some(cx)) = (
            self.units.get(id).and_then(|u| u.socket()),
            self.socket_context(id),
        ) else {
            return;
        };
        let (state, old_result) = (s.state, s.result);
        let Some((next, change, actions)) = self.accepted(id, step(state, event, cx)) else {
            return;
        };
        let result = match change {
            ResultChange::Keep => old_result,
            ResultChange::Reset => "success",
            ResultChange::Fail(_) if cx.failed => old_result,
            ResultChange::Fail(f) => f,
        };
        if state.has_timeout() && !next.has_timeout() {
            self.disarm_socket_timeout(id);
        }
        if next == SocketState::Failed && state != SocketState::Failed {
            self.log(
                id,
                LogLevel::Warning,
                format!("Failed with result '{result}'."),
            );
        }
        let invocation_id = (change == ResultChange::Reset).then(|| self.host.new_invocation_id());
        let publish = |r: &mut UnitRuntime| {
            if let UnitRuntime::Socket(s) = r {
                s.state = next;
                s.result = result;
                if let Some(i) = invocation_id {
                    s.invocation_id = i;
                }
            }
        };
        self.carry_out(id, actions, publish, Self::socket_action);
    }

    fn socket_action(&mut self, id: &str, action: SocketAction) {
        match action {
            SocketAction::Watch(watch) => self.host.watch_sockets(id, watch),
            SocketAction::Open => self.open_socket(id),
            SocketAction::Close => {
                if let Some(UnitRuntime::Socket(s)) = self.units.get_mut(id).map(|u| &mut u.runtime)
                {
                    s.restored = false;
                }
                let remove = self.socket_config(id).is_some_and(|c| c.remove_on_stop);
                self.host.close_sockets(id, remove);
            }
            SocketAction::Activate => self.activate_service_of(id),
            SocketAction::Run(list) => self.run_socket_commands(id, list),
            SocketAction::Signal(which) => self.signal_socket(id, which),
            SocketAction::Log(level, text) => self.log(id, level, text.into()),
        }
    }

    /// A start job on socket `id` (conditions passed).
    pub(super) fn start_socket(&mut self, id: &str) {
        let restored = match self.units.get_mut(id).map(|u| &mut u.runtime) {
            Some(UnitRuntime::Socket(s)) => std::mem::take(&mut s.restored),
            _ => false,
        };
        let event = if restored {
            SocketEvent::Restored
        } else {
            SocketEvent::Start
        };
        self.socket_event(id, event);
    }

    /// The manager holds socket `id`'s listening fds again (kept across a re-exec or a
    /// crash): its next start job brings it up as it was, without running `ExecStartPre=`/
    /// `ExecStartPost=` a second time.
    pub fn restore_socket(&mut self, id: &str) {
        if let Some(UnitRuntime::Socket(s)) = self.units.get_mut(id).map(|u| &mut u.runtime) {
            s.restored = true;
        }
    }

    /// The table's `Open`: open the listening sockets and tell the table how it went.
    fn open_socket(&mut self, id: &str) {
        let Some(cfg) = self.socket_config(id) else {
            return;
        };
        if let Err(e) = self.host.open_sockets(id, &cfg) {
            self.log(
                id,
                LogLevel::Error,
                format!("Failed to create listening socket ({e})."),
            );
            self.socket_event(id, SocketEvent::OpenFailed);
            return;
        }
        self.socket_event(id, SocketEvent::Opened);
    }

    /// The listening sockets of `id` (`Accept=no`) have traffic: start the service.
    pub fn on_socket_ready(&mut self, id: &str) {
        let now = self.now().monotonic;
        let Some(cfg) = self.socket_config(id) else {
            return;
        };
        let listening = self.units.get(id).and_then(|u| u.socket()).map(|s| s.state)
            == Some(SocketState::Listening);
        // The trigger limit counts only activations a listening socket makes.
        if listening && !self.note_socket_trigger(id, &cfg, now) {
            return;
        }
        self.socket_event(id, SocketEvent::Traffic);
    }

    /// The table's `Activate`: queue the start of the service socket `id` activates.
    fn activate_service_of(&mut self, id: &str) {
        let Some(target) = self.triggers(id) else {
            return;
        };
        if let Err(e) = self.enqueue_internal(JobType::Start, &target, JobMode::Replace) {
            self.log(
                id,
                LogLevel::Error,
                format!("Failed to queue service startup job: {e}"),
            );
            self.socket_event(id, SocketEvent::ActivationFailed);
        }
    }

    /// `Accept=yes`: a connection was accepted and is held for service instance `instance`.
    /// Err is why it must be dropped (the caller closes it).
    pub fn on_socket_connection(&mut self, id: &str, instance: &str) -> Result<(), String> {
        let now = self.now().monotonic;
        let cfg = self
            .socket_config(id)
            .ok_or_else(|| format!("{id} is not a socket unit"))?;
        let Some(s) = self.units.get(id).and_then(|u| u.socket()) else {
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

    /// Count an activation of socket `id`; false (and the socket failed) past the limit.
    fn note_socket_trigger(&mut self, id: &str, cfg: &SocketConfig, now: Usec) -> bool {
        let Some(UnitRuntime::Socket(s)) = self.units.get_mut(id).map(|u| &mut u.runtime) else {
            return false;
        };
        if s.note_trigger(
            now,
            cfg.trigger_limit_interval,
            cfg.effective_trigger_burst(),
        ) {
            return true;
        }
        self.log(
            id,
            LogLevel::Error,
            "Trigger limit hit, refusing further activation.".into(),
        );
        self.socket_event(id, SocketEvent::TriggerLimitHit);
        false
    }

    /// Per-connection instance `instance` is down: the `Accept=yes` socket holding its
    /// connection drops it.
    pub(super) fn release_connections(&mut self, instance: &str) {
        let holders: Vec<String> = self
            .activators
            .iter()
            .filter(|a| {
                self.units
                    .get(*a)
                    .and_then(|u| u.socket())
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
}
