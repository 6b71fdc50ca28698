//! Process exits (main and control) and an emptied unit: how each state reacts.

use super::*;

impl ServiceRuntime {
    /// A child of ours exited. Returns false if the pid was not this service's main or control.
    pub(crate) fn on_exit(&mut self, pid: u32, status: ExitStatus, ctx: &mut Ctx<'_>) -> bool {
        let procs = self.state.0.procs();
        if procs.main == Some(pid) || procs.control == Some(pid) {
            let now = ctx.host.now();
            self.commands.exited(pid, status, now);
        }
        if procs.main == Some(pid) {
            self.on_main_exit(status, ctx);
            true
        } else if procs.control == Some(pid) {
            self.on_control_exit(status, ctx);
            true
        } else {
            false
        }
    }

    pub(super) fn on_main_exit(&mut self, status: ExitStatus, ctx: &mut Ctx<'_>) {
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
        let failure = if clean || ignored {
            None
        } else if oom {
            Some(ServiceResult::OomKill)
        } else {
            Some(status.result())
        };
        match self.state.0 {
            ServiceState::Start(p) => {
                if let Some(f) = failure {
                    self.fail_into_stop(f, ctx);
                } else if oneshot {
                    if self.exec_queue.is_empty() {
                        self.enter_start_post(Procs::default(), ctx);
                    } else {
                        self.run_next_control(ctx);
                    }
                } else if matches!(
                    ctx.cfg.service_type,
                    ServiceType::Notify | ServiceType::NotifyReload
                ) && !self.ready
                {
                    // Exited before telling us it was ready.
                    self.fail_into_stop(ServiceResult::Protocol, ctx);
                } else if ctx.cfg.service_type == ServiceType::Dbus {
                    // Gone before its name appeared: never ready, nothing runs.
                    self.enter_running(None, ctx);
                } else if ctx.cfg.service_type == ServiceType::Exec {
                    // Exec'ed and already finished: a short-lived service.
                    self.enter_start_post(p, ctx);
                } else {
                    self.enter_start_post(p, ctx);
                }
            }
            ServiceState::StartPost(_) | ServiceState::Running(_) | ServiceState::Reload(_) => {
                if let Some(f) = failure
                    && self.result == ServiceResult::Success
                {
                    self.result = f;
                }
                if matches!(self.state.0, ServiceState::Running(_)) {
                    if failure.is_none() && ctx.cfg.remain_after_exit {
                        self.set_state(ServiceState::Exited(Procs::default()), ctx);
                    } else {
                        self.enter_stop(ctx);
                    }
                }
                // In start-post/reload we let the control process finish first.
            }
            ServiceState::Stop(p)
                // Main died while ExecStop= runs: wait for the control process. Without one
                // (the service said STOPPING=1 and then exited) go on with the stop.
                if p.control.is_none() => {
                    self.enter_signal(ServiceState::StopSigterm(p), ctx);
                }
            ServiceState::StopSigterm(_)
            | ServiceState::StopSigkill(_)
            | ServiceState::StopWatchdog(_)
            | ServiceState::FinalSigterm(_)
            | ServiceState::FinalSigkill(_) => {
                // Being killed by our SIGTERM counts as clean; any other failure is recorded.
                if let Some(f) = failure
                    && self.result == ServiceResult::Success
                {
                    self.result = f;
                }
                self.maybe_finish_signal_phase(ctx);
            }
            _ => {}
        }
    }

    pub(super) fn on_control_exit(&mut self, status: ExitStatus, ctx: &mut Ctx<'_>) {
        self.control_exit = Some(status);
        if let Some(p) = self.state.0.procs_mut() {
            p.control = None;
        }
        let clean =
            status.is_clean(&ExitStatusSet::default(), false) || self.current_ignore_failure;
        let kind = self.exec_kind;
        if !clean {
            let directive = kind.map_or("control", |k| k.directive());
            ctx.log(
                LogLevel::Warning,
                format!(
                    "Control process exited, {} ({directive})",
                    status.describe()
                ),
            );
        }
        let procs = self.state.0.procs();
        match self.state.0 {
            ServiceState::Condition(_) => {
                if clean && self.exec_queue.is_empty() {
                    self.enter_start_pre(procs, ctx);
                } else if clean {
                    self.run_next_control(ctx);
                } else if status.is_exit_between(1, 254) {
                    // ExecCondition= said "skip": not a failure.
                    ctx.log(LogLevel::Info, "Skipped due to 'exec-condition'.".into());
                    self.forbid_restart = true;
                    self.enter_signal(ServiceState::FinalSigterm(procs), ctx);
                } else {
                    self.fail_into_stop(status.result(), ctx);
                }
            }
            ServiceState::StartPre(_) | ServiceState::StartPost(_) => {
                if !clean {
                    self.fail_into_stop(status.result(), ctx);
                } else if !self.exec_queue.is_empty() {
                    self.run_next_control(ctx);
                } else if matches!(self.state.0, ServiceState::StartPre(_)) {
                    self.enter_start(ctx);
                } else {
                    self.enter_running(procs.main, ctx);
                }
            }
            ServiceState::Start(_) => {
                // Forking: the ExecStart= process exited; the daemon should be there now.
                if !clean {
                    self.fail_into_stop(status.result(), ctx);
                    return;
                }
                let main = self.find_forking_main_pid(ctx);
                if main.is_none() && ctx.cfg.pid_file.is_some() {
                    ctx.log(LogLevel::Warning, "New main PID could not be read from the PID file: the daemon did not write it.".into());
                }
                self.enter_start_post(
                    Procs {
                        main,
                        control: None,
                    },
                    ctx,
                );
            }
            ServiceState::Reload(_) => {
                if !clean {
                    ctx.log(LogLevel::Warning, "Reload failed.".into());
                } else if !self.exec_queue.is_empty() {
                    self.run_next_control(ctx);
                    return;
                }
                // Back to running — or down, if the main process died during the reload.
                self.enter_running(procs.main, ctx);
            }
            ServiceState::Stop(_) => {
                if clean && !self.exec_queue.is_empty() {
                    self.run_next_control(ctx);
                } else {
                    if !clean && self.result == ServiceResult::Success {
                        self.result = status.result();
                    }
                    self.enter_signal(ServiceState::StopSigterm(procs), ctx);
                }
            }
            ServiceState::StopPost(_) => {
                if clean && !self.exec_queue.is_empty() {
                    self.run_next_control(ctx);
                } else {
                    self.enter_signal(ServiceState::FinalSigterm(procs), ctx);
                }
            }
            ServiceState::StopSigterm(_)
            | ServiceState::StopSigkill(_)
            | ServiceState::StopWatchdog(_)
            | ServiceState::FinalSigterm(_)
            | ServiceState::FinalSigkill(_) => self.maybe_finish_signal_phase(ctx),
            _ => {}
        }
    }

    pub(super) fn find_forking_main_pid(&mut self, ctx: &mut Ctx<'_>) -> Option<u32> {
        if let Some(path) = &ctx.cfg.pid_file {
            if let Some(pid) = ctx.host.read_pid_file(path) {
                return Some(pid);
            }
            return None;
        }
        if ctx.cfg.guess_main_pid {
            let pids = ctx.host.unit_pids(ctx.unit);
            if pids.len() == 1 {
                return pids.first().copied();
            }
        }
        None
    }

    /// The tracker reports that no process of the unit is left.
    pub(crate) fn on_empty(&mut self, ctx: &mut Ctx<'_>) {
        match self.state.0 {
            ServiceState::Running(p)
                if p.main.is_none() && ctx.cfg.service_type == ServiceType::Forking =>
            {
                // A forking daemon whose main pid we never knew is gone.
                self.enter_stop(ctx);
            }
            _ => self.maybe_finish_signal_phase(ctx),
        }
    }
}
