//! The dependencies systemd adds on its own to timers, sockets and services with `Sockets=`,
//! as a user manager has them (systemd.timer(5), systemd.socket(5), systemd.service(5),
//! "AUTOMATIC DEPENDENCIES"):
//!
//! | unit | implicit (always) | default (`DefaultDependencies=yes`) |
//! |---|---|---|
//! | timer | `Triggers=` + `Before=` the unit it activates | `Before=timers.target` |
//! | socket, `Accept=no` | `Triggers=` + `Before=` its service | `Before=sockets.target` |
//! | socket, `Accept=yes` | — (instances are made per connection) | `Before=sockets.target` |
//! | service | `Wants=` + `After=` each socket of `Sockets=` | — |
//! | service, `Type=dbus` | `Requires=` + `After=` `dbus.socket` (the bus it needs) | — |
//!
//! Not here: `Conflicts=`/`Before=shutdown.target` and `After=basic.target`, which the engine
//! adds to every unit type in one place; `sysinit.target`, `time-sync.target` and
//! `time-set.target`, which exist only in the system manager; the reverse edges
//! (`TriggeredBy=`, the service's `After=` its socket), which follow from the forward ones.

use crate::model::{LoadState, ServiceType, UnitConfig, UnitKind};

/// Add the implicit and default dependencies of a loaded timer, socket or service to its
/// `[Unit]` lists (each name once).
pub(crate) fn add_implicit_dependencies(cfg: &mut UnitConfig) {
    if cfg.load_state != LoadState::Loaded {
        return;
    }
    let UnitConfig { id, unit, kind, .. } = cfg;
    match kind {
        UnitKind::Timer(t) => {
            let target = t.target_unit(id);
            push(&mut unit.triggers, &target);
            push(&mut unit.before, &target);
            if unit.default_dependencies {
                push(&mut unit.before, "timers.target");
            }
        }
        UnitKind::Socket(s) => {
            if !s.accept {
                let target = s.target_service(id);
                push(&mut unit.triggers, &target);
                push(&mut unit.before, &target);
            }
            if unit.default_dependencies {
                push(&mut unit.before, "sockets.target");
            }
        }
        UnitKind::Service(s) => {
            for socket in &s.sockets {
                push(&mut unit.wants, socket);
                push(&mut unit.after, socket);
            }
            if s.service_type == ServiceType::Dbus {
                push(&mut unit.requires, "dbus.socket");
                push(&mut unit.after, "dbus.socket");
            }
        }
        UnitKind::Scope(_) | UnitKind::Target | UnitKind::Other => {}
    }
}

fn push(list: &mut Vec<String>, name: &str) {
    if !list.iter().any(|n| n == name) {
        list.push(name.to_string());
    }
}
