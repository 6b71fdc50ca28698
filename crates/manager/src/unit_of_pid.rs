//! Which loaded unit a process belongs to (D-Bus `GetUnitByPID`, the `unit/self` object
//! systemd-run --scope reads): a main or control process the engine knows; else, with
//! per-unit cgroups, the unit whose cgroup holds the process (the deepest one); else the
//! process tracker's answer (session and `$INVOCATION_ID`).

use crate::manager::Manager;

/// The unit `pid` belongs to, if any.
pub(crate) fn unit_of_pid(m: &Manager, pid: u32) -> Option<String> {
    if let Some(u) = m.engine.unit_of_pid(pid) {
        return Some(u.to_string());
    }
    let host = m.engine.host();
    if host.cgroups.active() {
        let cgroup = std::fs::read_to_string(format!("/proc/{pid}/cgroup")).ok()?;
        let path = cgroup.lines().find_map(|l| l.strip_prefix("0::"))?;
        return m
            .engine
            .units()
            .filter_map(|u| {
                let group = host.cgroups.control_group(&u.config.id)?;
                let inside = path == group
                    || path
                        .strip_prefix(group.as_str())
                        .is_some_and(|rest| rest.starts_with('/'));
                inside.then_some((group.len(), u.config.id.clone()))
            })
            .max()
            .map(|(_, id)| id);
    }
    host.tracker.unit_of(pid)
}
