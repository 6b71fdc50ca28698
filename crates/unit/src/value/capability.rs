//! Capability names (capabilities(7); `systemd-analyze capability` lists the same, a test
//! holds the two together) and `CapabilityBoundingSet=`'s list syntax.

/// The capabilities by number, in systemd's spelling.
pub const CAPABILITIES: [&str; 41] = [
    "cap_chown",
    "cap_dac_override",
    "cap_dac_read_search",
    "cap_fowner",
    "cap_fsetid",
    "cap_kill",
    "cap_setgid",
    "cap_setuid",
    "cap_setpcap",
    "cap_linux_immutable",
    "cap_net_bind_service",
    "cap_net_broadcast",
    "cap_net_admin",
    "cap_net_raw",
    "cap_ipc_lock",
    "cap_ipc_owner",
    "cap_sys_module",
    "cap_sys_rawio",
    "cap_sys_chroot",
    "cap_sys_ptrace",
    "cap_sys_pacct",
    "cap_sys_admin",
    "cap_sys_boot",
    "cap_sys_nice",
    "cap_sys_resource",
    "cap_sys_time",
    "cap_sys_tty_config",
    "cap_mknod",
    "cap_lease",
    "cap_audit_write",
    "cap_audit_control",
    "cap_setfcap",
    "cap_mac_override",
    "cap_mac_admin",
    "cap_syslog",
    "cap_wake_alarm",
    "cap_block_suspend",
    "cap_audit_read",
    "cap_perfmon",
    "cap_bpf",
    "cap_checkpoint_restore",
];

pub use crate::model::CAP_SYS_MODULE;

/// A capability by name (any case: `CAP_CHOWN`, `cap_chown`) or number.
pub fn capability_from_name(s: &str) -> Option<u32> {
    let lower = s.to_ascii_lowercase();
    if let Some(i) = CAPABILITIES.iter().position(|c| *c == lower) {
        return Some(i as u32);
    }
    s.parse::<u32>().ok().filter(|n| *n < 63)
}

/// The names of the capabilities in `mask` that this table knows, space-separated (what
/// `systemctl show` prints for a capability set).
pub fn capability_set_text(mask: u64) -> String {
    CAPABILITIES
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1u64 << i) != 0)
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers() {
        assert_eq!(capability_from_name("CAP_SYS_MODULE"), Some(CAP_SYS_MODULE));
        assert_eq!(capability_from_name("cap_checkpoint_restore"), Some(40));
        assert_eq!(capability_from_name("12"), Some(12));
        assert_eq!(capability_from_name("CAP_NOPE"), None);
        assert_eq!(
            capability_set_text(1 | 1 << 10),
            "cap_chown cap_net_bind_service"
        );
    }

    /// The table is systemd's (`systemd-analyze capability`, where installed).
    #[test]
    fn the_table_is_systemds() {
        let Ok(out) = std::process::Command::new("systemd-analyze")
            .arg("capability")
            .output()
        else {
            return;
        };
        let text = String::from_utf8_lossy(&out.stdout);
        let theirs: Vec<(String, usize)> = text
            .lines()
            .skip(1)
            .filter_map(|l| {
                let mut w = l.split_whitespace();
                Some((w.next()?.to_string(), w.next()?.parse().ok()?))
            })
            .collect();
        for (name, n) in &theirs {
            assert_eq!(CAPABILITIES.get(*n), Some(&name.as_str()), "{name} = {n}");
        }
    }
}
