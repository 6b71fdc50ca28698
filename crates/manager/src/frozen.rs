//! Which units a `systemctl freeze` froze, and the kernel's freezer state of a unit (the
//! call itself is freezer.rs). A frozen process can act on nothing, so before the manager
//! signals a frozen unit or starts a command in it (stop, `ExecStop=`, reload, kill) it thaws
//! it: a stop always works. The set of units frozen by request is kept only to make that check
//! free of I/O on every spawn.

use std::collections::BTreeSet;

use linger_cgroup::FreezerState;
use linger_unit::model::UnitType;

/// Units frozen on request (see the module comment).
#[derive(Debug, Default)]
pub struct Frozen {
    units: BTreeSet<String>,
}

impl Frozen {
    /// Before signalling `unit` or spawning into it: thaw it if a request froze it.
    pub fn thaw_before_use(&mut self, cgroups: &crate::cgroups::Cgroups, unit: &str) {
        if self.units.remove(unit)
            && let Some(cg) = cgroups.unit_cgroups()
        {
            let _ = cg.set_frozen(unit, false);
        }
    }

    /// A request froze (`true`) or thawed `unit`.
    pub fn record(&mut self, unit: &str, frozen: bool) {
        if frozen {
            self.units.insert(unit.to_string());
        } else {
            self.units.remove(unit);
        }
    }
}

/// `FreezerState=` of a unit: `running` without a cgroup freezer.
pub fn state(cgroups: &crate::cgroups::Cgroups, unit: &str) -> FreezerState {
    cgroups
        .unit_cgroups()
        .and_then(|cg| cg.freezer_state(unit).ok())
        .unwrap_or(FreezerState::Running)
}

/// `CanFreeze=`: units of this type run in cgroups, and those have a freezer.
pub fn can_freeze(cgroups: &crate::cgroups::Cgroups, unit_type: UnitType) -> bool {
    matches!(unit_type, UnitType::Service | UnitType::Scope)
        && cgroups
            .unit_cgroups()
            .is_some_and(linger_cgroup::UnitCgroups::has_freezer)
}
