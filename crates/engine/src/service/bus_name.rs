//! `Type=dbus` (systemd.service(5)): the service is activating until its `BusName=` gets an
//! owner on the bus, active while the name is held, and stopped once it is released. The
//! D-Bus front end watches the bus (NameOwnerChanged) and tells the engine through the
//! manager; the engine only keeps whether the name is held in this run.

use super::*;

impl ServiceRuntime {
    /// The service's `BusName=` got an owner (`owned`) or lost it.
    pub(crate) fn on_bus_name(&mut self, owned: bool, ctx: &mut Ctx<'_>) {
        if self.bus_name_owned == owned {
            return;
        }
        self.bus_name_owned = owned;
        if ctx.cfg.service_type != ServiceType::Dbus {
            return;
        }
        match self.state.0 {
            ServiceState::Start(p) if owned => self.enter_start_post(p, ctx),
            ServiceState::Running(p) if !owned => {
                // Running without its name is no service: exited (RemainAfterExit=) or stop.
                self.enter_running(p.main, ctx);
            }
            _ => {}
        }
    }

    /// Whether `BusName=` is held in this run (`Type=dbus`'s readiness).
    pub fn bus_name_owned(&self) -> bool {
        self.bus_name_owned
    }
}
