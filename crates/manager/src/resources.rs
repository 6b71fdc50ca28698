//! Resource-control directives (systemd.resource-control(5)) under the `none` cgroup driver:
//! a limit that cannot be enforced is refused at start, never silently ignored.

use linger_unit::model::ServiceConfig;

/// Directives that only switch accounting on or hand out delegation: harmless without
/// cgroups (there is nothing to account or delegate, and nothing is promised).
fn advisory(key: &str) -> bool {
    key.ends_with("Accounting")
        || matches!(
            key,
            "Delegate" | "DisableControllers" | "CPUQuotaPeriodSec" | "Slice"
        )
        || key.starts_with("ManagedOOM")
}

/// Why `unit` cannot start: the first limit it sets that this manager cannot enforce.
pub fn refuse_unenforceable(unit: &str, cfg: &ServiceConfig) -> Result<(), String> {
    let Some((key, value, line)) = cfg
        .resource_control
        .iter()
        .find(|(k, v, _)| !advisory(k) && !v.trim().is_empty())
    else {
        return Ok(());
    };
    Err(format!(
        "{key}={value} ({unit}, line {line}) cannot be enforced: this user manager runs with \
         the cgroup driver \"none\" (no per-unit cgroups), so it refuses to start the unit \
         rather than run it without the limit. Remove {key}= to run it unlimited."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(lines: &[(&str, &str)]) -> ServiceConfig {
        ServiceConfig {
            resource_control: lines
                .iter()
                .enumerate()
                .map(|(i, (k, v))| ((*k).to_string(), (*v).to_string(), i + 3))
                .collect(),
            ..ServiceConfig::default()
        }
    }

    #[test]
    fn limits_are_refused_by_name_accounting_is_not() {
        assert!(refuse_unenforceable("a.service", &cfg(&[("MemoryAccounting", "yes")])).is_ok());
        assert!(refuse_unenforceable("a.service", &cfg(&[("MemoryMax", "")])).is_ok());
        let e = refuse_unenforceable(
            "web.service",
            &cfg(&[("CPUAccounting", "yes"), ("MemoryMax", "50M")]),
        )
        .unwrap_err();
        assert!(
            e.starts_with("MemoryMax=50M (web.service, line 4) cannot be enforced"),
            "{e}"
        );
        let e = refuse_unenforceable("b.service", &cfg(&[("TasksMax", "20")])).unwrap_err();
        assert!(e.contains("Remove TasksMax="), "{e}");
    }
}
