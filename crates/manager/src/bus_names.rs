//! Names on the session bus, as the D-Bus front end (crates/dbus) sees them come and go:
//! each change goes to the engine, where `Type=dbus` services wait for their `BusName=`
//! (crates/engine/src/service/bus_name.rs). The manager keeps no copy of the bus's names.

use crate::call::Answer;
use crate::manager::Manager;

/// `name` got an owner (`owned`) or lost it.
pub(crate) fn bus_name(m: &mut Manager, name: &str, owned: bool) -> Answer {
    m.engine.on_bus_name(name, owned);
    m.apply_effects();
    Answer::Done
}
