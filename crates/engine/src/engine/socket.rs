//! Socket units in the engine: what happens when is the table `crate::socket::step`; this
//! file turns jobs, traffic and the activated service's changes into its events and carries
//! out its actions (watching, closing, queueing the service's start).

use linger_unit::model::SocketConfig;

use super::*;
use crate::socket::{SocketAction, SocketEvent, SocketState, step};

impl<H: Host, S: UnitSource> Engine<H, S> {
    pub(super) fn socket_config(&self, id: &str) -> Option<SocketConfig> {
        match &self.units.get(id)?.config.kind {
            UnitKind::Socket(s) => Some((**s).clone()),
            _ => None,
        }
    }

    /// Feed `event` to socket `id`'s table and carry out what it says. An event the table
    /// refuses is a bug: logged as an internal error, the socket left as it was.
    pub(super) fn socket_event(&mut self, id: &str, event: SocketEvent) {
        let Some(state) = self
            .units
            .get(id)
            .and_then(UnitInfo::socket)
            .map(|s| s.state)
        else {
            return;
        };
        let (next, result, actions) = match step(state, event) {
            Ok(t) => t,
            Err(bad) => {
                self.log(id, LogLevel::Error, format!("Internal error: {bad}."));
                return;
            }
        };
        let (before, after): (Vec<_>, Vec<_>) = actions.into_iter().partition(|a| a.before_state());
        for action in before {
            self.socket_action(id, action);
        }
        self.set_runtime_state(id, |r| {
            if let UnitRuntime::Socket(s) = r {
                s.state = next;
                if let Some(result) = result {
                    s.result = result;
                }
            }
        });
        for action in after {
            self.socket_action(id, action);
        }
    }

    fn socket_action(&mut self, id: &str, action: SocketAction) {
        match action {
            SocketAction::Watch(watch) => self.host.watch_sockets(id, watch),
            SocketAction::Close => {
                let remove = self.socket_config(id).is_some_and(|c| c.remove_on_stop);
                self.host.close_sockets(id, remove);
            }
            SocketAction::Activate => self.activate_service_of(id),
        }
    }

    /// A start job on socket `id` (conditions passed) that activates `target`.
    pub(super) fn start_socket(&mut self, id: &str, target: &str) {
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
        // A service already running (started directly) owns the traffic.
        let service_up = !cfg.accept
            && self
                .unit(target)
                .is_some_and(|u| !u.active_state().is_inactive_or_failed());
        self.socket_event(id, SocketEvent::Opened { service_up });
    }

    /// The listening sockets of `id` (`Accept=no`) have traffic: start the service.
    pub fn on_socket_ready(&mut self, id: &str) {
        let now = self.now().monotonic;
        let Some(cfg) = self.socket_config(id) else {
            return;
        };
        let listening = self
            .units
            .get(id)
            .and_then(UnitInfo::socket)
            .map(|s| s.state)
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
}
