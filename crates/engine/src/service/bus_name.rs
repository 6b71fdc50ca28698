//! `Type=dbus` (systemd.service(5)): the service is activating until its `BusName=` gets an
//! owner on the bus, active while the name is held, and stopped once it is released. The
//! D-Bus front end watches the bus (NameOwnerChanged) and tells the engine through the
//! manager; the engine keeps whether the name is held in this run, and the table's
//! `BusName` arm (table.rs) moves the service.

use super::*;

impl ServiceRuntime {
    /// Whether `BusName=` is held in this run (`Type=dbus`'s readiness).
    pub fn bus_name_owned(&self) -> bool {
        self.bus_name_owned
    }
}
