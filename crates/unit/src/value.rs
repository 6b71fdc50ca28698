//! Scalar value parsers shared by the settings table (booleans, signals, modes, sizes …).
//! OWNER: helper U2.
//!
//! Every parser takes the already specifier-expanded right-hand side of one assignment and
//! returns a typed value or a [`ValueError`] describing what is accepted; the settings table
//! turns that into a diagnostic naming file, line and directive.

mod address;
#[rustfmt::skip]
mod address_families;
mod capability;
mod enums;
#[rustfmt::skip]
mod errno_names;
mod number;
mod rlimit;
mod signal;
#[rustfmt::skip]
mod syscall_groups;
mod syscalls;
mod time;
mod words;

pub use address::{
    AddressError, fd_name_is_valid, parse_netlink, parse_node_path, parse_socket_address,
};
pub use capability::{CAP_SYS_MODULE, CAPABILITIES, capability_from_name, capability_set_text};
pub use enums::{
    parse_bind_ipv6_only, parse_collect_mode, parse_emergency_action, parse_input_spec,
    parse_kill_mode, parse_notify_access, parse_output_spec, parse_restart, parse_service_type,
};
pub use number::{
    MemoryLimit, parse_c_integer, parse_iec_size, parse_int, parse_log_facility, parse_log_level,
    parse_memory_limit, parse_mode, parse_nice, parse_oom_score_adjust, parse_si_size, parse_u64,
    parse_unsigned,
};
pub use rlimit::{RlimitKind, parse_rlimit, rlimit_by_key, rlimit_key, rlimit_keys};
pub use signal::{exit_status_from_name, parse_exit_status_set, parse_signal, signal_name};
pub use syscalls::{
    address_family_number, errno_name, parse_errno, syscall_group, syscall_groups,
    syscall_name_is_valid,
};
pub use time::{parse_nsec, parse_sec, parse_sec_fix_0, parse_time_usec};
pub use words::{
    EnvAssignments, cunescape, env_name_is_valid, parse_environment_assignments, parse_path,
    split_words,
};

/// Why a value was rejected: a sentence fragment naming what is accepted
/// (e.g. "expected no, always, on-success, …").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{detail}")]
pub struct ValueError {
    /// What is wrong / what would have been accepted.
    pub detail: String,
}

impl ValueError {
    /// A new error with the given detail.
    pub fn new(detail: impl Into<String>) -> Self {
        ValueError {
            detail: detail.into(),
        }
    }
}

/// Parse a boolean as systemd does: `1 yes y true t on` / `0 no n false f off`, case-insensitive.
pub fn parse_boolean(s: &str) -> Result<bool, ValueError> {
    let t = s.trim();
    const TRUE: [&str; 6] = ["1", "yes", "y", "true", "t", "on"];
    const FALSE: [&str; 6] = ["0", "no", "n", "false", "f", "off"];
    if TRUE.iter().any(|w| w.eq_ignore_ascii_case(t)) {
        Ok(true)
    } else if FALSE.iter().any(|w| w.eq_ignore_ascii_case(t)) {
        Ok(false)
    } else {
        Err(ValueError::new(
            "expected a boolean: yes, no, true, false, on, off, 1 or 0",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans() {
        for t in ["1", "yes", "Y", "TRUE", "t", "On"] {
            assert_eq!(parse_boolean(t), Ok(true), "{t}");
        }
        for f in ["0", "no", "N", "false", "F", "OFF"] {
            assert_eq!(parse_boolean(f), Ok(false), "{f}");
        }
        for bad in ["", "2", "yess", "enable"] {
            assert!(parse_boolean(bad).is_err(), "{bad}");
        }
    }
}
