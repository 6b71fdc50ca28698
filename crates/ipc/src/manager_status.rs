//! The user manager's own properties (the `Manager` call: `status` and `show` without a
//! unit, `is-system-running`), named once and typed at the boundary, as
//! [`crate::unit_status`] does for units.

use std::collections::BTreeMap;

use serde::Deserialize;

/// `Version=`
pub const VERSION: &str = "Version";
/// `SystemState=`: `starting` (jobs queued), `degraded` (a unit failed) or `running`.
pub const SYSTEM_STATE: &str = "SystemState";
/// `NFailedUnits=`
pub const N_FAILED_UNITS: &str = "NFailedUnits";
/// `NJobs=`
pub const N_JOBS: &str = "NJobs";
/// `CgroupDriver=`: how units' processes are kept apart (`none`: no cgroups).
pub const CGROUP_DRIVER: &str = "CgroupDriver";
/// `CgroupReason=`: why the driver is `none`.
pub const CGROUP_REASON: &str = "CgroupReason";
/// `MainPID=`: the manager's pid.
pub const MAIN_PID: &str = "MainPID";

/// The `Manager` call's reply.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ManagerProperties {
    /// `Name=value`, as `systemctl show` prints them.
    #[serde(default)]
    pub properties: BTreeMap<String, String>,
}

/// The properties `status` and `is-system-running` read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ManagerStatus<'a> {
    /// `Version=`
    pub version: &'a str,
    /// `SystemState=` (empty: not answered)
    pub system_state: &'a str,
    /// `NFailedUnits=`
    pub n_failed_units: u64,
    /// `NJobs=`
    pub n_jobs: u64,
    /// `CgroupDriver=`
    pub cgroup_driver: &'a str,
    /// `CgroupReason=`
    pub cgroup_reason: &'a str,
    /// `MainPID=` (0: not answered)
    pub main_pid: u32,
}

impl ManagerProperties {
    /// The properties, typed (missing ones empty or 0).
    pub fn status(&self) -> ManagerStatus<'_> {
        let text = |k: &str| self.properties.get(k).map_or("", String::as_str);
        let number = |k: &str| text(k).parse::<u64>().unwrap_or(0);
        ManagerStatus {
            version: text(VERSION),
            system_state: text(SYSTEM_STATE),
            n_failed_units: number(N_FAILED_UNITS),
            n_jobs: number(N_JOBS),
            cgroup_driver: text(CGROUP_DRIVER),
            cgroup_reason: text(CGROUP_REASON),
            main_pid: text(MAIN_PID).parse().unwrap_or(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_reads_as_its_types() {
        let v = serde_json::json!({ "properties": {
            "Version": "0.1.0", "SystemState": "degraded", "NFailedUnits": "2", "NJobs": "0",
            "CgroupDriver": "none", "CgroupReason": "no delegation", "MainPID": "42",
            "Features": "ignored"
        }});
        let p: ManagerProperties = serde_json::from_value(v).unwrap();
        assert_eq!(
            p.status(),
            ManagerStatus {
                version: "0.1.0",
                system_state: "degraded",
                n_failed_units: 2,
                n_jobs: 0,
                cgroup_driver: "none",
                cgroup_reason: "no delegation",
                main_pid: 42,
            }
        );
        let empty: ManagerProperties = serde_json::from_value(serde_json::json!({})).unwrap();
        assert_eq!(empty.status(), ManagerStatus::default());
    }
}
