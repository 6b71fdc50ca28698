//! `systemctl --user set-property UNIT KEY=VALUE…`: resource limits changed on a unit, applied
//! at once to its cgroup and kept as a drop-in (`~/.config/systemd/user.control/UNIT.d/`, or
//! `$XDG_RUNTIME_DIR/systemd/user.control/` with `--runtime`), as systemd does.

use linger_cgroup::ResourceLimits;
use linger_ipc::manager::SetPropertyRequest;
use linger_unit::model::UnitKind;

use crate::manager::Manager;

/// Validate, persist, reload and apply. Err is the message for the client.
pub fn set_property(s: &mut Manager, req: &SetPropertyRequest) -> Result<(), String> {
    let id = s.engine.load(&req.unit);
    let Some(u) = s.engine.unit(&id) else {
        return Err(format!("Unit {} not found.", req.unit));
    };
    if !matches!(u.config.kind, UnitKind::Service(_)) {
        return Err(format!(
            "Cannot set properties of {id}: linger supports set-property on services only."
        ));
    }
    let mut pairs = Vec::new();
    let mut check = ResourceLimits::default();
    for a in &req.assignments {
        let Some((k, v)) = a.split_once('=') else {
            return Err(format!("Failed to parse assignment: {a}"));
        };
        match check.assign_key(k, v) {
            Ok(true) => pairs.push((k.to_string(), v.to_string())),
            Ok(false) => {
                return Err(format!(
                    "Cannot set property {k}, or unknown property (linger sets resource limits: MemoryMax=, MemoryHigh=, MemorySwapMax=, MemoryLow=, TasksMax=, CPUQuota=, CPUWeight=, IOWeight=)."
                ));
            }
            Err(e) => return Err(format!("Failed to set {k}={v}: {e}")),
        }
    }
    if !s.engine.host().cgroups.active() {
        let (k, v) = pairs.first().cloned().unwrap_or_default();
        return Err(format!(
            "{k}={v} cannot be enforced: this user manager runs with the cgroup driver \"none\" (no per-unit cgroups); nothing was changed."
        ));
    }
    let cfg = &s.engine.host().config;
    let base = if req.runtime {
        cfg.runtime_dir.join("systemd/user.control")
    } else {
        cfg.config_home.join("systemd/user.control")
    };
    let dir = base.join(format!("{id}.d"));
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("Failed to create {}: {e}", dir.display()))?;
    for (k, v) in &pairs {
        let path = dir.join(format!("50-{k}.conf"));
        let text = format!(
            "# This is a drop-in unit file extension, created via \"systemctl set-property\"\n# or an equivalent operation. Do not edit.\n[Service]\n{k}={v}\n"
        );
        std::fs::write(&path, text)
            .map_err(|e| format!("Failed to write {}: {e}", path.display()))?;
    }
    s.reload();
    let Some(u) = s.engine.unit(&id) else {
        return Ok(());
    };
    let running = !u.active_state().is_inactive_or_failed();
    let UnitKind::Service(svc) = &u.config.kind else {
        return Ok(());
    };
    let (slice, directives) = (svc.slice.clone(), svc.resource_control.clone());
    if running {
        s.engine
            .host_mut()
            .cgroups
            .prepare(&id, slice.as_deref(), &directives)
            .map(drop)?;
    }
    s.apply_effects();
    Ok(())
}
