//! The sd_notify protocol: READY=1, RELOADING=1, STOPPING=1, STATUS=, ERRNO=, MAINPID=,
//! WATCHDOG=, WATCHDOG_USEC=, EXTEND_TIMEOUT_USEC=. The fields that only carry data are
//! applied here; the ones that move the service become the table's events (table.rs).

use super::*;

/// One `KEY=value` of a notify message, as the manager reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NotifyField<'a> {
    Ready,
    Reloading,
    Stopping,
    Status(&'a str),
    Errno(&'a str),
    MainPid(&'a str),
    WatchdogPing,
    WatchdogTrigger,
    WatchdogUsec(&'a str),
    ExtendTimeoutUsec(&'a str),
    /// A key (or value) the manager does not act on: FDSTORE=, BARRIER=, READY=0, …
    Other,
}

impl<'a> NotifyField<'a> {
    fn parse(key: &str, value: &'a str) -> Self {
        match (key, value) {
            ("READY", "1") => NotifyField::Ready,
            ("RELOADING", "1") => NotifyField::Reloading,
            ("STOPPING", "1") => NotifyField::Stopping,
            ("STATUS", v) => NotifyField::Status(v),
            ("ERRNO", v) => NotifyField::Errno(v),
            ("MAINPID", v) => NotifyField::MainPid(v),
            ("WATCHDOG", "1") => NotifyField::WatchdogPing,
            ("WATCHDOG", "trigger") => NotifyField::WatchdogTrigger,
            ("WATCHDOG_USEC", v) => NotifyField::WatchdogUsec(v),
            ("EXTEND_TIMEOUT_USEC", v) => NotifyField::ExtendTimeoutUsec(v),
            (_, _) => NotifyField::Other,
        }
    }
}

/// Whether a service in `state` may have a main process (the states `MAINPID=` is taken in).
pub(super) fn may_have_main(state: ServiceState) -> bool {
    match state {
        ServiceState::Start(_)
        | ServiceState::StartPost(_)
        | ServiceState::Running(_)
        | ServiceState::Reload(_)
        | ServiceState::Stop(_)
        | ServiceState::StopWatchdog(_)
        | ServiceState::StopSigterm(_)
        | ServiceState::StopSigkill(_)
        | ServiceState::FinalSigterm(_)
        | ServiceState::FinalSigkill(_) => true,
        ServiceState::Dead
        | ServiceState::Condition(_)
        | ServiceState::StartPre(_)
        | ServiceState::Exited(_)
        | ServiceState::StopPost(_)
        | ServiceState::Failed
        | ServiceState::AutoRestart => false,
    }
}

impl ServiceRuntime {
    /// An sd_notify datagram from `pid`, already split into `KEY=value` pairs: apply its
    /// data and return the table events it means, in order.
    pub(crate) fn on_notify(
        &mut self,
        pid: u32,
        fields: &[(String, String)],
        ctx: &mut Ctx<'_>,
    ) -> Vec<ServiceEvent> {
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
            return Vec::new();
        }
        // The watchdog runs only while the service runs (set_state arms it on entering).
        let watchdog_runs = matches!(
            self.state.0,
            ServiceState::Running(_) | ServiceState::Reload(_)
        );
        let mut events = Vec::new();
        let (mut ready, mut reloading, mut stopping) = (false, false, false);
        for (k, v) in fields {
            match NotifyField::parse(k, v) {
                NotifyField::Ready => ready = true,
                NotifyField::Reloading => reloading = true,
                NotifyField::Stopping => stopping = true,
                NotifyField::Status(v) => {
                    self.status_text = (!v.is_empty()).then(|| v.to_string());
                }
                NotifyField::Errno(v) => self.status_errno = v.parse().ok(),
                NotifyField::MainPid(v) => {
                    if let Ok(new) = v.parse::<u32>()
                        && new > 1
                        && may_have_main(self.state.0)
                        && (self.state.0.procs().main == Some(new)
                            || ctx.host.unit_pids(ctx.unit).contains(&new))
                        && let Some(p) = self.state.0.procs_mut()
                    {
                        p.main = Some(new);
                    }
                }
                NotifyField::WatchdogPing => {
                    if watchdog_runs {
                        self.arm_watchdog(ctx);
                    }
                }
                NotifyField::WatchdogTrigger => events.push(ServiceEvent::WatchdogTrigger),
                NotifyField::WatchdogUsec(v) => {
                    if let Ok(u) = v.parse::<Usec>() {
                        self.watchdog_usec = u;
                        if watchdog_runs {
                            self.arm_watchdog(ctx);
                        }
                    }
                }
                NotifyField::ExtendTimeoutUsec(v) => {
                    if let Ok(u) = v.parse::<Usec>() {
                        self.extend_timeout(u, ctx);
                    }
                }
                // As systemd, keys it does not act on are ignored.
                NotifyField::Other => {}
            }
        }
        for (said, event) in [
            (stopping, ServiceEvent::Stopping),
            (reloading, ServiceEvent::Reloading),
            (ready, ServiceEvent::Ready),
        ] {
            if said {
                events.push(event);
            }
        }
        events
    }

    /// EXTEND_TIMEOUT_USEC=: push the current state's deadline out to at least now + `usec`
    /// (never in; nothing for a state without a timeout).
    fn extend_timeout(&mut self, usec: Usec, ctx: &mut Ctx<'_>) {
        let wanted = ctx.host.now().monotonic.saturating_add(usec);
        if self.state_deadline == USEC_INFINITY || wanted <= self.state_deadline {
            return;
        }
        self.state_deadline = wanted;
        self.generation += 1;
        ctx.out.push(Effect::ArmTimer {
            unit: ctx.unit.to_string(),
            kind: TimerKind::State,
            deadline: wanted,
            generation: self.generation,
        });
    }
}
