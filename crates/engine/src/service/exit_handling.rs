//! Process exits (main and control): which event an exit is, what is recorded of it, and
//! the reactions the table (table.rs) picks by state.

use super::*;

impl ServiceRuntime {
    /// The table's event for the exit of `pid` at `now`, or None if it is neither this
    /// service's main nor its control process. The run of the command it was is recorded
    /// (the `Process:` lines of status).
    pub(crate) fn exit_event(
        &mut self,
        pid: u32,
        status: ExitStatus,
        now: Timestamp,
    ) -> Option<ServiceEvent> {
        let procs = self.state.0.procs();
        if procs.main == Some(pid) || procs.control == Some(pid) {
            self.commands.exited(pid, status, now);
        }
        if procs.main == Some(pid) {
            Some(ServiceEvent::MainExited(status))
        } else if procs.control == Some(pid) {
            Some(ServiceEvent::ControlExited(status))
        } else {
            None
        }
    }

    /// Record the main process's exit; the failure it means, if any.
    pub(super) fn record_main_exit(
        &mut self,
        status: ExitStatus,
        ctx: &mut Ctx<'_>,
    ) -> Option<ServiceResult> {
        self.main_exit = Some(status);
        self.last_main_pid = self.state.0.procs().main;
        self.main_exit_time = Some(ctx.host.now());
        if let Some(p) = self.state.0.procs_mut() {
            p.main = None;
        }
        let clean = status.is_clean(&ctx.cfg.success_exit_status, true);
        let oneshot = ctx.cfg.service_type == ServiceType::Oneshot;
        let ignored = oneshot && self.current_ignore_failure;
        // Like systemd 252, a clean exit is only worth a debug message; failures are notices.
        if !clean {
            ctx.log_tagged(
                LogLevel::Notice,
                format!("Main process exited, {}", status.describe()),
                Some(LogTag::ProcessExited),
            );
        }
        let oom = !clean && ctx.host.oom_kills(ctx.unit) > self.oom_baseline;
        if oom {
            ctx.log(
                LogLevel::Warning,
                "A process of this unit has been killed by the OOM killer.".into(),
            );
        }
        if clean || ignored {
            None
        } else if oom {
            Some(ServiceResult::OomKill)
        } else {
            Some(status.result())
        }
    }

    /// The first failure of a run is its result.
    pub(super) fn note_failure(&mut self, failure: Option<ServiceResult>) {
        if let Some(f) = failure
            && self.result == ServiceResult::Success
        {
            self.result = f;
        }
    }

    /// The main process exited while the service was starting (processes `p` before).
    pub(super) fn main_exit_while_starting(
        &mut self,
        p: Procs,
        failure: Option<ServiceResult>,
        ctx: &mut Ctx<'_>,
    ) {
        let p = Procs { main: None, ..p };
        if let Some(f) = failure {
            self.fail_into_stop(f, ctx);
            return;
        }
        match ctx.cfg.service_type {
            ServiceType::Oneshot if self.exec_queue.is_empty() => {
                self.enter_start_post(Procs::default(), ctx)
            }
            ServiceType::Oneshot => self.run_next_control(ctx),
            // Exited before telling us it was ready.
            ServiceType::Notify | ServiceType::NotifyReload if !self.ready => {
                self.fail_into_stop(ServiceResult::Protocol, ctx)
            }
            // Gone before its name appeared: never ready, nothing runs.
            ServiceType::Dbus => self.enter_running(None, ctx),
            // Exec'ed and already finished (a short-lived service), a notify service that
            // was ready, or a forking one whose daemon was found.
            ServiceType::Simple
            | ServiceType::Idle
            | ServiceType::Exec
            | ServiceType::Notify
            | ServiceType::NotifyReload
            | ServiceType::Forking => self.enter_start_post(p, ctx),
        }
    }

    /// Record the control process's exit; whether it counts as clean.
    pub(super) fn record_control_exit(&mut self, status: ExitStatus, ctx: &mut Ctx<'_>) -> bool {
        self.control_exit = Some(status);
        if let Some(p) = self.state.0.procs_mut() {
            p.control = None;
        }
        let clean =
            status.is_clean(&ExitStatusSet::default(), false) || self.current_ignore_failure;
        if !clean {
            let directive = self.exec_kind.map_or("control", |k| k.directive());
            ctx.log(
                LogLevel::Warning,
                format!(
                    "Control process exited, {} ({directive})",
                    status.describe()
                ),
            );
        }
        clean
    }

    /// A forking service's ExecStart= process exited cleanly: find the daemon it left.
    pub(super) fn forked(&mut self, ctx: &mut Ctx<'_>) {
        let main = self.find_forking_main_pid(ctx);
        if main.is_none() && ctx.cfg.pid_file.is_some() {
            ctx.log(
                LogLevel::Warning,
                "New main PID could not be read from the PID file: the daemon did not write it."
                    .into(),
            );
        }
        self.enter_start_post(
            Procs {
                main,
                control: None,
            },
            ctx,
        );
    }

    pub(super) fn find_forking_main_pid(&mut self, ctx: &mut Ctx<'_>) -> Option<u32> {
        if let Some(path) = &ctx.cfg.pid_file {
            return ctx.host.read_pid_file(path);
        }
        if ctx.cfg.guess_main_pid {
            let pids = ctx.host.unit_pids(ctx.unit);
            if pids.len() == 1 {
                return pids.first().copied();
            }
        }
        None
    }
}
