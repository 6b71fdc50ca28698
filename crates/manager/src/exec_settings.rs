//! The unit's process-execution settings that go beyond the command line — resource limits
//! (lowered to what the manager may grant), the default open-file limit — mapped onto the
//! [`ExecSpec`]. `host.rs` calls [`ExecSettings::apply`] once per spawn; the logic lives here
//! and in `linger-exec`, so the event loop's restructuring can move that call freely.

use std::collections::HashSet;

use linger_exec::limits::{self, Clamped};
use linger_exec::{ExecSpec, Rlimit};
use linger_unit::model::ServiceConfig;

use crate::host::HostLog;

/// What the manager knows once and remembers across spawns.
#[derive(Debug)]
pub struct ExecSettings {
    /// `CAP_SYS_RESOURCE`: hard limits may be raised (a manager running as root).
    may_raise_limits: bool,
    /// (unit, message) already logged: a note about a unit's settings is written once per
    /// manager lifetime, not at every spawn or restart.
    told: HashSet<(String, String)>,
}

impl Default for ExecSettings {
    fn default() -> Self {
        ExecSettings {
            may_raise_limits: limits::may_raise_hard_limits(),
            told: HashSet::new(),
        }
    }
}

impl ExecSettings {
    /// Fill `spec`'s limits from `cfg`, noting in `logs` what had to be changed.
    pub fn apply(
        &mut self,
        unit: &str,
        cfg: &ServiceConfig,
        spec: &mut ExecSpec,
        logs: &mut Vec<HostLog>,
    ) {
        let mut rlimits: Vec<Rlimit> = cfg
            .exec
            .limits
            .iter()
            .map(|l| Rlimit {
                resource: l.resource,
                soft: l.soft,
                hard: l.hard,
            })
            .collect();
        if !rlimits.iter().any(|l| l.resource == limits::RLIMIT_NOFILE) {
            rlimits.push(limits::default_nofile());
        }
        for c in limits::clamp_to_grantable(&mut rlimits, self.may_raise_limits) {
            self.tell_once(unit, 5, clamp_message(&c), logs);
        }
        spec.rlimits = rlimits;
    }

    /// Log `message` for `unit` unless it was logged before.
    pub fn tell_once(
        &mut self,
        unit: &str,
        priority: u8,
        message: String,
        logs: &mut Vec<HostLog>,
    ) {
        if self.told.insert((unit.to_string(), message.clone())) {
            logs.push(HostLog {
                unit: unit.to_string(),
                priority,
                message,
            });
        }
    }
}

fn clamp_message(c: &Clamped) -> String {
    let name = linger_unit::value::rlimit_key(c.resource).unwrap_or("Limit?");
    let v = |x: u64| {
        if x == u64::MAX {
            "infinity".to_string()
        } else {
            x.to_string()
        }
    };
    format!(
        "{name}={}:{} is above the hard limit this manager may grant, lowered to {}:{}.",
        v(c.asked.0),
        v(c.asked.1),
        v(c.granted.0),
        v(c.granted.1)
    )
}
