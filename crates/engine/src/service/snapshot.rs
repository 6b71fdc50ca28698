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

/// What survives a `daemon-reexec` or a crash of the manager of one failed service: what
/// `status` and `show` say of its last run (result, main and command exits, timestamps).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FailedSnapshot {
    /// `Result=`
    pub result: ServiceResult,
    /// `InvocationID=` of the failed run.
    pub invocation_id: String,
    /// `NRestarts=`
    pub restarts: u32,
    /// `StatusText=`
    pub status_text: Option<String>,
    /// `StatusErrno=`
    pub status_errno: Option<i32>,
    /// `ExecMainPID=`
    pub last_main_pid: Option<u32>,
    /// When the main process started.
    pub main_start: Option<Timestamp>,
    /// How the main process ended.
    pub main_exit: Option<ExitStatus>,
    /// When the main process ended.
    pub main_exit_time: Option<Timestamp>,
    /// The last control process's exit.
    pub control_exit: Option<ExitStatus>,
    /// The runs of the failed start ("Process:" lines), by command list and position.
    pub commands: Vec<(ExecKind, usize, CommandRun)>,
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

    /// A failed service's last run, for the next manager (None unless failed).
    pub fn failed_snapshot(&self) -> Option<FailedSnapshot> {
        if self.state.0 != ServiceState::Failed {
            return None;
        }
        Some(FailedSnapshot {
            result: self.result,
            invocation_id: self.invocation_id.clone(),
            restarts: self.restarts,
            status_text: self.status_text.clone(),
            status_errno: self.status_errno,
            last_main_pid: self.last_main_pid,
            main_start: self.main_start,
            main_exit: self.main_exit,
            main_exit_time: self.main_exit_time,
            control_exit: self.control_exit,
            commands: self.commands.all().collect(),
        })
    }

    /// Failed again as the previous manager process left it (nothing runs, nothing is
    /// triggered: it failed once already).
    pub(crate) fn restore_failed(&mut self, snap: &FailedSnapshot, ctx: &mut Ctx<'_>) {
        self.result = snap.result;
        self.invocation_id = snap.invocation_id.clone();
        self.restarts = snap.restarts;
        self.status_text = snap.status_text.clone();
        self.status_errno = snap.status_errno;
        self.last_main_pid = snap.last_main_pid;
        self.main_start = snap.main_start;
        self.main_exit = snap.main_exit;
        self.main_exit_time = snap.main_exit_time;
        self.control_exit = snap.control_exit;
        self.commands = CommandRuns::from_runs(snap.commands.clone());
        self.set_state(ServiceState::Failed, ctx);
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
