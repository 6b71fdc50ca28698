//! Parsers for the model's enums (`Type=`, `Restart=`, `KillMode=`, `NotifyAccess=`,
//! `StandardInput=`/`StandardOutput=`, `StartLimitAction=`). Names are case-sensitive, as in systemd.

use std::path::PathBuf;

use super::ValueError;
use crate::model::{
    BindIpv6Only, CollectMode, EmergencyAction, InputSpec, KillMode, NotifyAccess, OutputSpec,
    RestartPolicy, ServiceType,
};

fn pick<T: Copy>(s: &str, table: &[(&str, T)]) -> Result<T, ValueError> {
    let t = s.trim();
    table
        .iter()
        .find(|(n, _)| *n == t)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
            ValueError::new(format!("expected {}", names.join(", ")))
        })
}

/// `Type=`: simple, exec, forking, oneshot, dbus, notify, notify-reload, idle.
pub fn parse_service_type(s: &str) -> Result<ServiceType, ValueError> {
    pick(
        s,
        &[
            ("simple", ServiceType::Simple),
            ("exec", ServiceType::Exec),
            ("forking", ServiceType::Forking),
            ("oneshot", ServiceType::Oneshot),
            ("dbus", ServiceType::Dbus),
            ("notify", ServiceType::Notify),
            ("notify-reload", ServiceType::NotifyReload),
            ("idle", ServiceType::Idle),
        ],
    )
}

/// `CollectMode=`: inactive, inactive-or-failed.
pub fn parse_collect_mode(s: &str) -> Result<CollectMode, ValueError> {
    pick(
        s,
        &[
            ("inactive", CollectMode::Inactive),
            ("inactive-or-failed", CollectMode::InactiveOrFailed),
        ],
    )
}

/// `Restart=`: no, always, on-success, on-failure, on-abnormal, on-abort, on-watchdog.
pub fn parse_restart(s: &str) -> Result<RestartPolicy, ValueError> {
    pick(
        s,
        &[
            ("no", RestartPolicy::No),
            ("always", RestartPolicy::Always),
            ("on-success", RestartPolicy::OnSuccess),
            ("on-failure", RestartPolicy::OnFailure),
            ("on-abnormal", RestartPolicy::OnAbnormal),
            ("on-abort", RestartPolicy::OnAbort),
            ("on-watchdog", RestartPolicy::OnWatchdog),
        ],
    )
}

/// `BindIPv6Only=`: default, both, ipv6-only, or a boolean (yes = ipv6-only, no = both).
pub fn parse_bind_ipv6_only(s: &str) -> Result<BindIpv6Only, ValueError> {
    if let Ok(b) = super::parse_boolean(s) {
        return Ok(if b {
            BindIpv6Only::Ipv6Only
        } else {
            BindIpv6Only::Both
        });
    }
    pick(
        s,
        &[
            ("default", BindIpv6Only::Default),
            ("both", BindIpv6Only::Both),
            ("ipv6-only", BindIpv6Only::Ipv6Only),
        ],
    )
}

/// `KillMode=`: control-group, mixed, process, none.
pub fn parse_kill_mode(s: &str) -> Result<KillMode, ValueError> {
    pick(
        s,
        &[
            ("control-group", KillMode::ControlGroup),
            ("mixed", KillMode::Mixed),
            ("process", KillMode::Process),
            ("none", KillMode::None),
        ],
    )
}

/// `NotifyAccess=`: none, main, exec, all.
pub fn parse_notify_access(s: &str) -> Result<NotifyAccess, ValueError> {
    pick(
        s,
        &[
            ("none", NotifyAccess::None),
            ("main", NotifyAccess::Main),
            ("exec", NotifyAccess::Exec),
            ("all", NotifyAccess::All),
        ],
    )
}

/// `StartLimitAction=`/`FailureAction=`/`SuccessAction=`: `none`, and `exit`/`exit-force`
/// (carried out for `SuccessAction=` only); the others systemd knows are recognised (and
/// refused later in a user manager).
pub fn parse_emergency_action(s: &str) -> Result<EmergencyAction, ValueError> {
    let u = EmergencyAction::Unsupported;
    pick(
        s,
        &[
            ("none", EmergencyAction::None),
            ("exit", EmergencyAction::Exit),
            ("exit-force", EmergencyAction::ExitForce),
            ("reboot", u),
            ("reboot-force", u),
            ("reboot-immediate", u),
            ("poweroff", u),
            ("poweroff-force", u),
            ("poweroff-immediate", u),
            ("halt", u),
            ("halt-force", u),
            ("halt-immediate", u),
            ("kexec", u),
            ("kexec-force", u),
        ],
    )
}

/// A valid `fd:NAME` name: 1–255 printable characters, no `:`.
fn valid_fd_name(n: &str) -> bool {
    !n.is_empty() && n.len() <= 255 && n.chars().all(|c| !c.is_control() && c != ':')
}

fn absolute(kind: &str, p: &str) -> Result<PathBuf, ValueError> {
    if p.starts_with('/') {
        Ok(PathBuf::from(p))
    } else {
        Err(ValueError::new(format!(
            "{kind}: path is not absolute: {p}"
        )))
    }
}

const OUTPUT_NAMES: &str = "inherit, null, tty, journal, kmsg, journal+console, kmsg+console, \
file:PATH, append:PATH, truncate:PATH, socket, fd:NAME";

/// `StandardOutput=`/`StandardError=`. `is_stderr` picks the default fd name for bare `fd`.
/// Returns the spec and, for obsolete values (`syslog`), a note to warn with.
pub fn parse_output_spec(
    s: &str,
    is_stderr: bool,
) -> Result<(OutputSpec, Option<String>), ValueError> {
    let t = s.trim();
    let spec = match t {
        "inherit" => OutputSpec::Inherit,
        "null" => OutputSpec::Null,
        "tty" => OutputSpec::Tty,
        "journal" => OutputSpec::Journal,
        "kmsg" | "journal+console" | "kmsg+console" => OutputSpec::JournalAlike,
        "syslog" | "syslog+console" => {
            let note = format!(
                "Standard output type {t} is obsolete, automatically updating to journal. \
                 Please update your unit file, and consider removing the setting altogether."
            );
            let spec = if t == "syslog" {
                OutputSpec::Journal
            } else {
                OutputSpec::JournalAlike
            };
            return Ok((spec, Some(note)));
        }
        "socket" => OutputSpec::Socket,
        "fd" => OutputSpec::Fd(if is_stderr { "stderr" } else { "stdout" }.to_string()),
        _ => {
            if let Some(p) = t.strip_prefix("file:") {
                OutputSpec::File(absolute("file:", p)?)
            } else if let Some(p) = t.strip_prefix("append:") {
                OutputSpec::Append(absolute("append:", p)?)
            } else if let Some(p) = t.strip_prefix("truncate:") {
                OutputSpec::Truncate(absolute("truncate:", p)?)
            } else if let Some(n) = t.strip_prefix("fd:") {
                if !valid_fd_name(n) {
                    return Err(ValueError::new(format!(
                        "invalid file descriptor name: {n}"
                    )));
                }
                OutputSpec::Fd(n.to_string())
            } else {
                return Err(ValueError::new(format!("expected {OUTPUT_NAMES}")));
            }
        }
    };
    Ok((spec, None))
}

/// `StandardInput=`: null, tty, tty-force, tty-fail, data, file:PATH, socket, fd:NAME.
pub fn parse_input_spec(s: &str) -> Result<InputSpec, ValueError> {
    let t = s.trim();
    Ok(match t {
        "null" => InputSpec::Null,
        "tty" | "tty-force" | "tty-fail" => InputSpec::Tty,
        "socket" => InputSpec::Socket,
        "data" => InputSpec::Data(Vec::new()),
        "fd" => InputSpec::Fd("stdin".to_string()),
        _ => {
            if let Some(p) = t.strip_prefix("file:") {
                InputSpec::File(absolute("file:", p)?)
            } else if let Some(n) = t.strip_prefix("fd:") {
                if !valid_fd_name(n) {
                    return Err(ValueError::new(format!(
                        "invalid file descriptor name: {n}"
                    )));
                }
                InputSpec::Fd(n.to_string())
            } else {
                return Err(ValueError::new(
                    "expected null, tty, tty-force, tty-fail, data, file:PATH, socket, fd:NAME",
                ));
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_round_trip() {
        for t in [
            "simple",
            "exec",
            "forking",
            "oneshot",
            "dbus",
            "notify",
            "notify-reload",
            "idle",
        ] {
            assert_eq!(parse_service_type(t).map(ServiceType::as_str), Ok(t));
        }
        for t in [
            "no",
            "always",
            "on-success",
            "on-failure",
            "on-abnormal",
            "on-abort",
            "on-watchdog",
        ] {
            assert_eq!(parse_restart(t).map(RestartPolicy::as_str), Ok(t));
        }
        for t in ["control-group", "mixed", "process", "none"] {
            assert_eq!(parse_kill_mode(t).map(KillMode::as_str), Ok(t));
        }
        for t in ["none", "main", "exec", "all"] {
            assert_eq!(parse_notify_access(t).map(NotifyAccess::as_str), Ok(t));
        }
        let e = parse_restart("sometimes").unwrap_err();
        assert_eq!(
            e.detail,
            "expected no, always, on-success, on-failure, on-abnormal, on-abort, on-watchdog"
        );
        assert!(parse_service_type("Simple").is_err());
    }

    #[test]
    fn stdio() {
        assert_eq!(
            parse_output_spec("append:/tmp/x", false),
            Ok((OutputSpec::Append("/tmp/x".into()), None))
        );
        assert!(parse_output_spec("file:relative", false).is_err());
        assert!(parse_output_spec("File:/tmp/x", false).is_err());
        assert!(parse_output_spec("data", false).is_err());
        assert_eq!(
            parse_output_spec("fd", true),
            Ok((OutputSpec::Fd("stderr".into()), None))
        );
        assert!(
            parse_output_spec("syslog", false)
                .is_ok_and(|(s, n)| s == OutputSpec::Journal && n.is_some())
        );
        assert_eq!(parse_input_spec("tty-force"), Ok(InputSpec::Tty));
        assert_eq!(
            parse_input_spec("file:/etc/passwd"),
            Ok(InputSpec::File("/etc/passwd".into()))
        );
    }
}
