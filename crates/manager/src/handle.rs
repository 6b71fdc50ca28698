//! `Manager::handle`: the one path from an [`Event`] to a change of the manager — engine call,
//! effects applied — and `Manager::end_turn`, which closes each turn of the event loop:
//! batched adopted exits, new output pipes read, the turn's changes written down for crash
//! recovery, then told to subscribers, and the units' states published for the front ends
//! (replies sent in the turn reach their clients only after it, since the loop yields only
//! then).

use std::collections::BTreeSet;

use crate::event::Event;
use crate::manager::{ExitRequest, Manager};

impl Manager {
    /// Take one event.
    pub fn handle(&mut self, event: Event) {
        // Starting: what needs a unit or the complete environment waits (startup.rs).
        if let Some(starting) = &mut self.starting
            && !crate::startup::answered_while_starting(&event)
        {
            starting.held.push(event);
            return;
        }
        self.engine.source_mut().new_turn();
        // A collected unit whose follower left since the last turn goes before a call sees it.
        crate::collect::unload_collected(self);
        match event {
            Event::Reaped(exits) => {
                if exits.is_empty() {
                    // Still look: a process may have vanished without being our child.
                    self.check_empty();
                    self.apply_effects();
                } else {
                    for (pid, _) in &exits {
                        if let Some(unit) = self.unit_of_live_pid(*pid) {
                            self.recent_exits.remember(*pid, unit);
                        }
                    }
                    self.on_reaped(&exits);
                }
            }
            Event::Notify(msg) => {
                let unit = self
                    .engine
                    .unit_of_pid(msg.pid)
                    .map(str::to_string)
                    .or_else(|| self.engine.host().tracker.unit_of(msg.pid));
                if let Some(u) = unit {
                    self.engine.on_notify(&u, msg.pid, &msg.fields);
                    self.apply_effects();
                }
            }
            Event::TimerDue => self.fire_due_timers(),
            Event::CgroupEvents => self.on_cgroup_events(),
            Event::SocketReady(unit) => crate::socket_events::on_socket_event(self, &unit),
            Event::ClockChanged { timezone } => {
                if timezone {
                    // Calendar elapses are recomputed now, in the new zone.
                    linger_time::forget_local_zone();
                }
                self.engine.on_clock_change(timezone);
                self.apply_effects();
            }
            Event::LogDatagram {
                pid,
                fields,
                transport,
            } => self.log_datagram(pid, fields, transport, None),
            Event::LogStream {
                pid,
                unit_hint,
                entries,
                taken,
            } => {
                for fields in entries {
                    self.log_datagram(pid, fields, "stdout", unit_hint.as_deref());
                }
                let _ = taken.send(());
            }
            Event::Output {
                pipe,
                lines,
                pending,
            } => self.on_output(pipe, lines, pending),
            // Awaited by the event loop before it handles an exit; nothing else to do.
            Event::OutputDrained { .. } => {}
            Event::OutputClosed { pipe } => self.on_output_closed(pipe),
            Event::OutputHandedBack { pipe, fd } => self.on_output_handed_back(pipe, fd),
            Event::AdoptedExit { unit, pid, status } => {
                self.adopted_exits.push((unit, pid, status));
            }
            // What systemd's D-Bus API asks beyond the CLI's calls (control.rs).
            Event::Call {
                call: crate::call::Call::Control(c),
                reply,
            } => {
                let _ = reply.send(crate::control::control(self, c));
            }
            Event::Call { call, reply } => crate::calls::call(self, call, reply),
            Event::ScopeAttached {
                unit,
                pid,
                v1,
                result,
                reply,
            } => crate::scope::attached(self, &unit, pid, v1, result, reply),
            Event::ConnectionClosed { attached } => {
                crate::calls::connection_closed(self, attached);
            }
            Event::Subscribe { filter, tx } => self.subscribers.add(&self.engine, filter, tx),
            Event::Hangup => self.reload(),
            Event::Terminate => self.begin_shutdown(),
        }
    }

    /// Units stopped, collected or restarted by the hundred leave their memory in the
    /// allocator's free lists (a manager that started and stopped 500 services kept 1.7 MB
    /// more RssAnon than while they ran); once that many have changed and no job is left,
    /// the free pages go back to the kernel. A fraction of a millisecond, once per burst.
    fn give_back_freed_memory(&mut self, changed: usize) {
        const AFTER_CHANGES: usize = 128;
        self.changes_since_trim += changed;
        if self.changes_since_trim >= AFTER_CHANGES && self.engine.jobs().is_empty() {
            self.changes_since_trim = 0;
            linger_exec::memory::give_back_free_heap();
        }
    }

    /// Close a turn of the event loop (after one or a batch of events).
    pub fn end_turn(&mut self) {
        self.end_turn_steps();
        // Last: the turn's entries, those its own steps made included.
        self.flush_entries();
    }

    fn end_turn_steps(&mut self) {
        if self.starting.is_some() {
            // Nothing changed but subscribers: no unit is loaded, no record is written (the
            // crashed predecessor's are still to be read).
            return;
        }
        crate::recovery::drain_adopted_exits(self);
        self.engine.host().tracker.next_turn();
        self.start_new_pipe_readers();
        let touched: BTreeSet<String> = self.engine.take_touched();
        crate::recovery::persist(self, &touched);
        if self.startup_finished.is_none() && self.engine.jobs().is_empty() {
            let now = crate::host::now();
            let startup = self.engine.host().timers.startup;
            self.startup_finished = Some(now);
            let userspace_usec = now.monotonic.saturating_sub(startup.monotonic);
            self.subscribers
                .manager_changed(linger_ipc::manager::Change::StartupFinished { userspace_usec });
        }
        self.subscribers.publish(&self.engine, &touched);
        // systemd's garbage collection looks at every unit loaded or changed: one a query
        // loaded, or whose job ended, goes now if nothing keeps it (collect.rs).
        let looked_at: Vec<String> = self
            .engine
            .reloaded_units()
            .map(str::to_string)
            .chain(touched.iter().cloned())
            .collect();
        self.collected.extend(looked_at);
        // After its last state was told: a collected unit is gone from the next turn on.
        crate::collect::unload_collected(self);
        // Their records go now, not at the end of the next turn (a crash meanwhile would
        // bring a collected unit back, failed as it was).
        let unloaded = self.engine.take_touched();
        if !unloaded.is_empty() {
            crate::recovery::persist(self, &unloaded);
        }
        // What the front ends read without a turn: before the loop yields, so before any
        // reply or change of this turn reaches a client.
        let mut changed = self.engine.take_reloaded();
        changed.extend(touched);
        changed.extend(unloaded);
        self.published.publish(&self.engine, &changed);
        self.give_back_freed_memory(changed.len());
        if self.shutting_down && self.engine.jobs().is_empty() {
            self.exit = Some(ExitRequest::Shutdown);
        }
    }
}
