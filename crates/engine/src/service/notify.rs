//! The sd_notify protocol: READY=1, RELOADING=1, STOPPING=1, STATUS=, MAINPID=, WATCHDOG=, EXTEND_TIMEOUT_USEC=.

use super::*;

impl ServiceRuntime {
    /// An sd_notify datagram from `pid`, already split into `KEY=value` pairs.
    pub(crate) fn on_notify(&mut self, pid: u32, fields: &[(String, String)], ctx: &mut Ctx<'_>) {
        let procs = self.state.0.procs();
        let default_access = if matches!(
            ctx.cfg.service_type,
            ServiceType::Notify | ServiceType::NotifyReload
        ) || ctx.cfg.watchdog > 0
        {
            NotifyAccess::Main
        } else {
            NotifyAccess::None
        };
        let access = ctx.cfg.notify_access.unwrap_or(default_access);
        let allowed = match access {
            NotifyAccess::None => false,
            NotifyAccess::Main => procs.main == Some(pid),
            NotifyAccess::Exec => procs.main == Some(pid) || procs.control == Some(pid),
            // The manager only routes messages from processes of this unit.
            NotifyAccess::All => true,
        };
        if !allowed {
            ctx.log(
                LogLevel::Warning,
                format!("Got notification message from PID {pid}, but reception only permitted for main PID (NotifyAccess={}), ignoring.", access.as_str()),
            );
            return;
        }
        let mut ready = false;
        let mut reloading = false;
        let mut stopping = false;
        for (k, v) in fields {
            match k.as_str() {
                "READY" if v == "1" => ready = true,
                "RELOADING" if v == "1" => reloading = true,
                "STOPPING" if v == "1" => stopping = true,
                "STATUS" => self.status_text = if v.is_empty() { None } else { Some(v.clone()) },
                "ERRNO" => self.status_errno = v.parse().ok(),
                "MAINPID" => {
                    if let Ok(new) = v.parse::<u32>()
                        && new > 1
                        && (self.state.0.procs().main == Some(new)
                            || ctx.host.unit_pids(ctx.unit).contains(&new))
                        && let Some(p) = self.state.0.procs_mut()
                    {
                        p.main = Some(new);
                    }
                }
                "WATCHDOG" if v == "1" => self.arm_watchdog(ctx),
                "WATCHDOG" if v == "trigger" => {
                    self.on_timer(TimerKind::Watchdog, self.watchdog_generation, ctx);
                }
                "WATCHDOG_USEC" => {
                    if let Ok(u) = v.parse::<Usec>() {
                        self.watchdog_usec = u;
                        self.arm_watchdog(ctx);
                    }
                }
                "EXTEND_TIMEOUT_USEC" => {
                    if let Ok(u) = v.parse::<Usec>() {
                        // Push the current state's deadline out to at least now + u (never in).
                        let wanted = ctx.host.now().monotonic.saturating_add(u);
                        if self.state_deadline == USEC_INFINITY || wanted <= self.state_deadline {
                            continue;
                        }
                        let deadline = wanted;
                        self.state_deadline = wanted;
                        self.generation += 1;
                        ctx.out.push(Effect::ArmTimer {
                            unit: ctx.unit.to_string(),
                            kind: TimerKind::State,
                            deadline,
                            generation: self.generation,
                        });
                    }
                }
                _ => {}
            }
        }
        if stopping
            && matches!(
                self.state.0,
                ServiceState::Running(_) | ServiceState::Reload(_)
            )
        {
            self.forbid_restart = true;
            self.enter_stop_by_notify(ctx);
            return;
        }
        if reloading && matches!(self.state.0, ServiceState::Running(_)) {
            self.notify_reloading = true;
            let p = self.state.0.procs();
            self.set_state(ServiceState::Reload(p), ctx);
        }
        if ready {
            self.ready = true;
            match self.state.0 {
                ServiceState::Start(p)
                    if matches!(
                        ctx.cfg.service_type,
                        ServiceType::Notify | ServiceType::NotifyReload
                    ) =>
                {
                    self.enter_start_post(p, ctx)
                }
                ServiceState::Reload(p) if self.notify_reloading => {
                    self.notify_reloading = false;
                    self.set_state(ServiceState::Running(p), ctx);
                }
                _ => {}
            }
        }
    }

    pub(super) fn enter_stop_by_notify(&mut self, ctx: &mut Ctx<'_>) {
        let p = self.state.0.procs();
        self.set_state(ServiceState::Stop(p), ctx);
    }
}
