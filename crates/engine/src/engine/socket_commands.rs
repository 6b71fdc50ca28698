//! A socket unit's own commands (`ExecStartPre=`, `ExecStartPost=`, `ExecStopPre=`,
//! `ExecStopPost=`): spawned one at a time through the Host as the socket's control process,
//! with the socket's exec settings (`SocketConfig::processes`), under `TimeoutSec=`, and
//! signalled by its kill settings. When a list ends (or a command fails) the table
//! (`crate::socket::step`) hears `CommandsDone`.

use linger_unit::model::{ExitStatusSet, KillMode, SocketConfig};

use super::*;
use crate::effect::ExecKind;
use crate::host::SpawnRequest;
use crate::socket::{SocketCommands, SocketEvent, SocketMidway, SocketSignal, SocketState};

/// The spawn kind of each list. `ExecStopPre=` is held where a service holds `ExecStop=`
/// (`SocketConfig::processes.exec_stop`): both run while the unit is still up, first on the
/// way down.
fn exec_kind(list: SocketCommands) -> ExecKind {
    match list {
        SocketCommands::StartPre => ExecKind::StartPre,
        SocketCommands::StartPost => ExecKind::StartPost,
        SocketCommands::StopPre => ExecKind::Stop,
        SocketCommands::StopPost => ExecKind::StopPost,
    }
}

/// systemd's name for the task in "Failed to spawn '…' task".
fn task_word(list: SocketCommands) -> &'static str {
    match list {
        SocketCommands::StartPre => "start-pre",
        SocketCommands::StartPost => "start-post",
        SocketCommands::StopPre => "stop-pre",
        SocketCommands::StopPost => "stop-post",
    }
}

impl<H: Host, S: UnitSource> Engine<H, S> {
    /// The table's `Run`: queue `list`'s commands and start the first.
    pub(super) fn run_socket_commands(&mut self, id: &str, list: SocketCommands) {
        let Some(cfg) = self.socket_config(id) else {
            return;
        };
        let p = &cfg.processes;
        let commands = match list {
            SocketCommands::StartPre => &p.exec_start_pre,
            SocketCommands::StartPost => &p.exec_start_post,
            SocketCommands::StopPre => &p.exec_stop,
            SocketCommands::StopPost => &p.exec_stop_post,
        };
        if let Some(UnitRuntime::Socket(s)) = self.units.get_mut(id).map(|u| &mut u.runtime) {
            s.commands = Some(list);
            s.queue = commands.iter().cloned().collect();
        }
        self.spawn_next_socket_command(id, &cfg);
    }

    /// Start the next queued command of socket `id` as its control process; a command that
    /// cannot be spawned ends the list with `resources`.
    fn spawn_next_socket_command(&mut self, id: &str, cfg: &SocketConfig) {
        let Some(UnitRuntime::Socket(s)) = self.units.get_mut(id).map(|u| &mut u.runtime) else {
            return;
        };
        let (Some(list), Some(command)) = (s.commands, s.queue.pop_front()) else {
            return;
        };
        s.ignore_failure = command.flags.ignore_failure;
        let invocation_id = s.invocation_id.clone();
        let request = SpawnRequest {
            unit: id,
            kind: exec_kind(list),
            command: &command,
            main: false,
            invocation_id: &invocation_id,
            service: &cfg.processes,
            main_pid: None,
            sockets: Vec::new(),
        };
        match self.host.spawn(&request) {
            Ok(spawned) => {
                if let Some(UnitRuntime::Socket(s)) = self.units.get_mut(id).map(|u| &mut u.runtime)
                {
                    s.control = Some(spawned.pid);
                }
                // A new control process (crash recovery writes it down).
                self.touch(id);
                self.pids.insert(spawned.pid, id.to_string());
                self.arm_socket_timeout(id, cfg);
            }
            Err(e) => {
                self.log(
                    id,
                    LogLevel::Error,
                    format!("Failed to spawn '{}' task: {e}", task_word(list)),
                );
                self.end_socket_commands(id);
                self.socket_event(id, SocketEvent::CommandsDone(Some("resources")));
            }
        }
    }

    fn end_socket_commands(&mut self, id: &str) {
        if let Some(UnitRuntime::Socket(s)) = self.units.get_mut(id).map(|u| &mut u.runtime) {
            s.commands = None;
            s.queue.clear();
            if let Some(pid) = s.control.take() {
                self.pids.remove(&pid);
            }
        }
    }

    /// Socket `id`'s control process `pid` exited: the next command of its list, or the
    /// list's end for the table (a failure unless it exited 0 or may fail: `-`).
    pub(super) fn socket_command_exited(&mut self, id: &str, pid: u32, status: ExitStatus) {
        let Some(cfg) = self.socket_config(id) else {
            return;
        };
        let Some(UnitRuntime::Socket(s)) = self.units.get_mut(id).map(|u| &mut u.runtime) else {
            return;
        };
        if s.control != Some(pid) {
            return;
        }
        s.control = None;
        self.pids.remove(&pid);
        let clean = status.is_clean(&ExitStatusSet::default(), false) || s.ignore_failure;
        let directive = s.commands.map_or("control", SocketCommands::directive);
        let more = !s.queue.is_empty();
        if !clean {
            self.log(
                id,
                LogLevel::Warning,
                format!(
                    "Control process exited, {} ({directive})",
                    status.describe()
                ),
            );
        }
        if clean && more {
            self.spawn_next_socket_command(id, &cfg);
            return;
        }
        self.end_socket_commands(id);
        let failure = (!clean).then(|| status.result().as_str());
        self.socket_event(id, SocketEvent::CommandsDone(failure));
    }

    /// Socket `id` on its way up with a start command list running (for crash recovery's
    /// record), else None.
    pub fn socket_midway(&self, id: &str) -> Option<SocketMidway> {
        let u = self.units.get(id)?;
        let (UnitKind::Socket(cfg), UnitRuntime::Socket(s)) = (&u.config.kind, &u.runtime) else {
            return None;
        };
        let total = match (s.state, s.commands?) {
            (SocketState::StartPre, SocketCommands::StartPre) => cfg.processes.exec_start_pre.len(),
            (SocketState::StartPost, SocketCommands::StartPost) => {
                cfg.processes.exec_start_post.len()
            }
            _ => return None,
        };
        Some(SocketMidway {
            state: s.state,
            started: total.saturating_sub(s.queue.len()),
            control: s.control,
        })
    }

    /// After a crash of the manager: socket `id` goes on from where `m` says it was (its
    /// listening fds held again already if it was open). `control_alive`: its running command
    /// is still there (adopted: its exit comes as for any control process); if not, it ended
    /// while no manager ran — its status is lost, and it counts as a success, as for an
    /// adopted main process — and the next command runs, or the list is done.
    pub fn resume_socket(&mut self, id: &str, m: SocketMidway, control_alive: bool) {
        let id = &self.load(id);
        let Some(cfg) = self.socket_config(id) else {
            return;
        };
        let (list, commands) = match m.state {
            SocketState::StartPre => (SocketCommands::StartPre, &cfg.processes.exec_start_pre),
            SocketState::StartPost => (SocketCommands::StartPost, &cfg.processes.exec_start_post),
            _ => return,
        };
        let started = m.started.clamp(1, commands.len().max(1));
        let control = m.control.filter(|_| control_alive);
        let invocation_id = self.host.new_invocation_id();
        let before = match self.units.get(id) {
            Some(u) => u.active_state(),
            None => return,
        };
        if let Some(UnitRuntime::Socket(s)) = self.units.get_mut(id).map(|u| &mut u.runtime) {
            s.state = m.state;
            s.result = "success";
            s.invocation_id = invocation_id;
            s.commands = Some(list);
            s.queue = commands.iter().skip(started).cloned().collect();
            s.ignore_failure = commands
                .get(started - 1)
                .is_some_and(|c| c.flags.ignore_failure);
            s.control = control;
            s.restored = false;
        }
        if let Some(pid) = control {
            self.pids.insert(pid, id.to_string());
            self.arm_socket_timeout(id, &cfg);
        }
        self.after_state_change(id, before, m.state.active_state());
        if control.is_none() {
            let more = self
                .units
                .get(id)
                .and_then(|u| u.socket())
                .is_some_and(|s| !s.queue.is_empty());
            if more {
                self.spawn_next_socket_command(id, &cfg);
            } else {
                self.end_socket_commands(id);
                self.socket_event(id, SocketEvent::CommandsDone(None));
            }
        }
    }

    /// The table's `Signal`: signal socket `id`'s processes by its kill settings (its
    /// control process always: it is ours to end whatever `KillMode=` says), arm
    /// `TimeoutSec=` and watch for the unit to be empty.
    pub(super) fn signal_socket(&mut self, id: &str, which: SocketSignal) {
        let (Some(cfg), Some(s)) = (
            self.socket_config(id),
            self.units.get(id).and_then(|u| u.socket()),
        ) else {
            return;
        };
        let control = s.control;
        let kill = &cfg.processes.kill;
        let (signal, last) = match which {
            SocketSignal::Term => (kill.kill_signal, false),
            SocketSignal::Kill => (kill.final_kill_signal, true),
        };
        let whom = match (kill.kill_mode, last) {
            (KillMode::ControlGroup, _) | (KillMode::Mixed, true) => KillWhom::All,
            (KillMode::Mixed | KillMode::Process | KillMode::None, _) => KillWhom::Control,
        };
        self.host.kill(id, whom, signal, None, control);
        if kill.send_sighup && !last {
            let hup = linger_wire::Signal::HUP.number();
            self.host.kill(id, whom, hup, None, control);
        }
        self.arm_socket_timeout(id, &cfg);
        self.effects.push(Effect::WatchEmpty {
            unit: id.to_string(),
        });
    }

    fn arm_socket_timeout(&mut self, id: &str, cfg: &SocketConfig) {
        let timeout = cfg.processes.timeout_start;
        let now = self.now().monotonic;
        let Some(UnitRuntime::Socket(s)) = self.units.get_mut(id).map(|u| &mut u.runtime) else {
            return;
        };
        s.generation += 1;
        if timeout == 0 || timeout == Usec::MAX {
            self.effects.push(Effect::DisarmTimer {
                unit: id.to_string(),
                kind: TimerKind::State,
            });
            return;
        }
        self.effects.push(Effect::ArmTimer {
            unit: id.to_string(),
            kind: TimerKind::State,
            deadline: now.saturating_add(timeout),
            generation: s.generation,
        });
    }

    /// Out of the states with a timeout: firings on their way are stale from now on.
    pub(super) fn disarm_socket_timeout(&mut self, id: &str) {
        if let Some(UnitRuntime::Socket(s)) = self.units.get_mut(id).map(|u| &mut u.runtime) {
            s.generation += 1;
        }
        self.effects.push(Effect::DisarmTimer {
            unit: id.to_string(),
            kind: TimerKind::State,
        });
    }

    /// Socket `id`'s `TimeoutSec=` timer fired (`generation` tells a stale firing).
    pub(super) fn socket_timer(&mut self, id: &str, generation: u64) {
        let current = self
            .units
            .get(id)
            .and_then(|u| u.socket())
            .is_some_and(|s| s.generation == generation && s.state.has_timeout());
        if current {
            self.socket_event(id, SocketEvent::Timeout);
        }
    }

    /// Socket `id` has no process left: the signal states move on (a running command
    /// reports its own end).
    pub(super) fn socket_empty(&mut self, id: &str) {
        let idle = self
            .units
            .get(id)
            .and_then(|u| u.socket())
            .is_some_and(|s| s.control.is_none());
        if idle {
            self.socket_event(id, SocketEvent::Empty);
        }
    }
}
