//! What a service hands to the next manager image on `daemon-reexec`.

use super::*;

/// What survives a `daemon-reexec` of one service (the manager serializes it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceSnapshot {
    /// Main pid, if running.
    pub main_pid: Option<u32>,
    /// Whether the unit was up without a process (RemainAfterExit=).
    pub exited: bool,
    /// `InvocationID=`
    pub invocation_id: String,
    /// `NRestarts=`
    pub restarts: u32,
    /// `StatusText=`
    pub status_text: Option<String>,
    /// When the main process started.
    pub main_start: Option<Timestamp>,
}

impl ServiceRuntime {
    /// The part of the state that survives a re-exec. Only settled states are carried over:
    /// a unit in the middle of a transition is handed over as running (if its main process
    /// lives) so the new manager can finish any stop by itself.
    pub fn snapshot(&self) -> Option<ServiceSnapshot> {
        let p = self.state.0.procs();
        let exited = matches!(self.state.0, ServiceState::Exited(_));
        if p.main.is_none() && !exited {
            return None;
        }
        Some(ServiceSnapshot {
            main_pid: p.main,
            exited,
            invocation_id: self.invocation_id.clone(),
            restarts: self.restarts,
            status_text: self.status_text.clone(),
            main_start: self.main_start,
        })
    }

    /// Adopt a snapshot taken by the previous manager process.
    pub(crate) fn restore(&mut self, snap: &ServiceSnapshot, ctx: &mut Ctx<'_>) {
        self.invocation_id = snap.invocation_id.clone();
        self.restarts = snap.restarts;
        self.status_text = snap.status_text.clone();
        self.main_start = snap.main_start;
        self.ready = true;
        let next = match snap.main_pid {
            Some(pid) => ServiceState::Running(Procs {
                main: Some(pid),
                control: None,
            }),
            None => ServiceState::Exited(Procs::default()),
        };
        self.set_state(next, ctx);
    }
}
