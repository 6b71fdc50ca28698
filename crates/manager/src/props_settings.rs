//! `systemctl show`'s view of more of the settings linger has (systemd 252's property names
//! and formats): a service's or scope's identity, output, environment, signals and resource
//! settings, a socket's options, whether a unit is transient or can be isolated. They are
//! what the D-Bus front end answers for these properties (crates/dbus/src/props/).

use std::collections::BTreeMap;

use linger_cgroup::{CpuWeight, MemoryValue, ResourceLimits, TasksValue};
use linger_ipc::manager as wire;
use linger_unit::exec_line::ExecCommand;
use linger_unit::model::{BindIpv6Only, InputSpec, OutputSpec, ServiceConfig, SocketConfig};

use crate::props_format::{span, yes};

fn input(i: &InputSpec) -> &'static str {
    match i {
        InputSpec::Null => "null",
        InputSpec::Tty => "tty",
        InputSpec::Socket => "socket",
        InputSpec::Data(_) => "data",
        InputSpec::File(_) => "file",
        InputSpec::Fd(_) => "fd",
    }
}

fn output(o: &OutputSpec) -> &'static str {
    match o {
        // linger sends kmsg, console and their journal+ forms to the journal.
        OutputSpec::Journal | OutputSpec::JournalAlike => "journal",
        OutputSpec::Null => "null",
        OutputSpec::Inherit => "inherit",
        OutputSpec::Tty => "tty",
        OutputSpec::File(_) => "file",
        OutputSpec::Append(_) => "append",
        OutputSpec::Truncate(_) => "truncate",
        OutputSpec::Socket => "socket",
        OutputSpec::Fd(_) => "fd",
    }
}

/// Add the execution, kill and resource settings of a service, scope or socket `sc` (a
/// socket's control processes run with a service's settings) to `p`.
pub fn service_settings(sc: &ServiceConfig, p: &mut BTreeMap<String, String>) {
    p.insert("KillMode".into(), sc.kill.kill_mode.as_str().into());
    p.insert("KillSignal".into(), sc.kill.kill_signal.to_string());
    p.insert(
        "FinalKillSignal".into(),
        sc.kill.final_kill_signal.to_string(),
    );
    p.insert("SendSIGKILL".into(), yes(sc.kill.send_sigkill));
    p.insert("SendSIGHUP".into(), yes(sc.kill.send_sighup));
    p.insert("UMask".into(), format!("{:04o}", sc.exec.umask));
    p.insert(
        "WorkingDirectory".into(),
        sc.exec
            .working_directory
            .as_ref()
            .map(|w| {
                format!(
                    "{}{}",
                    if w.missing_ok { "!" } else { "" },
                    w.path.display()
                )
            })
            .unwrap_or_default(),
    );
    p.insert(
        "Environment".into(),
        sc.exec
            .environment
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(" "),
    );
    p.insert(
        "SyslogIdentifier".into(),
        sc.exec.syslog_identifier.clone().unwrap_or_default(),
    );
    crate::props_exec::exec_properties(&sc.exec, p);
    let mut set = |k: &str, v: String| {
        p.insert(k.to_string(), v);
    };
    let e = &sc.exec;
    set(
        "Slice",
        sc.slice
            .clone()
            .unwrap_or_else(|| linger_cgroup::DEFAULT_SLICE.to_string()),
    );
    set("User", e.user.clone().unwrap_or_default());
    set("Group", e.group.clone().unwrap_or_default());
    if let Some(n) = e.nice {
        set("Nice", n.to_string());
    }
    if let Some(n) = e.oom_score_adjust {
        set("OOMScoreAdjust", n.to_string());
    }
    set("StandardInput", input(&e.standard_input).into());
    set("StandardOutput", output(&e.standard_output).into());
    set("StandardError", output(&e.standard_error).into());
    set("SyslogLevelPrefix", yes(e.syslog_level_prefix));
    set("PassEnvironment", e.pass_environment.join(" "));
    if !e.environment_files.is_empty() {
        set(
            "EnvironmentFiles",
            e.environment_files
                .iter()
                .map(|(path, optional)| {
                    format!("{} (ignore_errors={})", path.display(), yes(*optional))
                })
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
    set("UnsetEnvironment", e.unset_environment.join(" "));
    set("GuessMainPID", yes(sc.guess_main_pid));
    set(
        "TimeoutAbortUSec",
        span(sc.timeout_abort.unwrap_or(sc.timeout_stop)),
    );
    set(
        "RestartKillSignal",
        sc.kill
            .restart_kill_signal
            .unwrap_or(sc.kill.kill_signal)
            .to_string(),
    );
    set("WatchdogSignal", sc.kill.watchdog_signal.to_string());
    set("FileDescriptorStoreMax", sc.fd_store_max.to_string());
    set("Delegate", yes(sc.delegate.on()));
    set("DelegateControllers", sc.delegate.named().join(" "));
    resource_settings(&sc.resource_control, p);
}

/// `SuccessExitStatus=`, `RestartPreventExitStatus=`, `RestartForceExitStatus=` of a service
/// as systemctl prints them: exit codes, then signal names, each ascending (`3 USR1`).
pub fn exit_status_settings(sc: &ServiceConfig, p: &mut BTreeMap<String, String>) {
    let words = |set: &linger_unit::model::ExitStatusSet| {
        let mut codes = set.statuses.clone();
        codes.sort_unstable();
        codes.dedup();
        let mut signals = set.signals.clone();
        signals.sort_unstable();
        signals.dedup();
        codes
            .iter()
            .map(u8::to_string)
            .chain(signals.iter().map(|&s| {
                linger_unit::value::signal_name(s).map_or_else(|| s.to_string(), str::to_string)
            }))
            .collect::<Vec<_>>()
            .join(" ")
    };
    p.insert("SuccessExitStatus".into(), words(&sc.success_exit_status));
    p.insert(
        "RestartPreventExitStatus".into(),
        words(&sc.restart_prevent_exit_status),
    );
    p.insert(
        "RestartForceExitStatus".into(),
        words(&sc.restart_force_exit_status),
    );
}

/// The resource directives linger applies, in systemd's unset forms where not set (a size
/// relative to the machine in bytes of this machine, as applied).
fn resource_settings(directives: &[(String, String, usize)], p: &mut BTreeMap<String, String>) {
    let mut r = ResourceLimits::default();
    for (k, v, _line) in directives {
        // The unit loader reported bad ones already.
        let _ = r.assign_key(k, v);
    }
    // A percentage is shown in bytes of this machine's memory, as systemd shows it (read
    // only when a unit has one).
    let mut machine = None;
    let mut system = || *machine.get_or_insert_with(|| linger_cgroup::SystemInfo::read().ok());
    let mut memory = |v: Option<MemoryValue>| match v {
        None | Some(MemoryValue::Infinity) => Some("infinity".to_string()),
        Some(MemoryValue::Bytes(n)) => Some(n.to_string()),
        Some(v @ MemoryValue::Permyriad(_)) => {
            let bytes = system()?.memory_bytes(v);
            Some(bytes.map_or_else(|| "infinity".to_string(), |b| b.to_string()))
        }
    };
    let mut set = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            p.insert(k.to_string(), v);
        }
    };
    set("MemoryMax", memory(r.memory_max));
    set("MemoryHigh", memory(r.memory_high));
    set("MemorySwapMax", memory(r.memory_swap_max));
    set(
        "MemoryLow",
        match r.memory_low {
            None => Some("0".into()),
            v => memory(v),
        },
    );
    set(
        "TasksMax",
        match r.tasks_max {
            None | Some(TasksValue::Infinity) => Some("infinity".into()),
            Some(TasksValue::Count(n)) => Some(n.to_string()),
            Some(v @ TasksValue::Permyriad(_)) => {
                system().and_then(|m| m.tasks(v)).map(|n| n.to_string())
            }
        },
    );
    set(
        "CPUQuotaPerSecUSec",
        Some(match r.cpu_quota_permyriad {
            None => "infinity".into(),
            // permyriad of one CPU per second → µs per second.
            Some(n) => span(n * 100),
        }),
    );
    set(
        "CPUWeight",
        Some(match r.cpu_weight {
            None => "[not set]".into(),
            // systemd reports `idle` as weight 0.
            Some(CpuWeight::Idle) => "0".into(),
            Some(CpuWeight::Weight(n)) => n.to_string(),
        }),
    );
    set(
        "IOWeight",
        Some(r.io_weight.map_or("[not set]".into(), |n| n.to_string())),
    );
}

/// Add a socket's options to `p`.
pub fn socket_settings(c: &SocketConfig, p: &mut BTreeMap<String, String>) {
    let mut set = |k: &str, v: String| {
        p.insert(k.to_string(), v);
    };
    set(
        "BindIPv6Only",
        match c.bind_ipv6_only {
            BindIpv6Only::Default => "default",
            BindIpv6Only::Both => "both",
            BindIpv6Only::Ipv6Only => "ipv6-only",
        }
        .into(),
    );
    set("PassSecurity", yes(c.pass_security));
    set("ReusePort", yes(c.reuse_port));
    set("FreeBind", yes(c.free_bind));
    set("KeepAlive", yes(c.keep_alive));
    set("NoDelay", yes(c.no_delay));
    set("FlushPending", yes(c.flush_pending));
    set("Writable", yes(c.writable));
    set(
        "Symlinks",
        c.symlinks
            .iter()
            .map(|s| s.display().to_string())
            .collect::<Vec<_>>()
            .join(" "),
    );
    set("ReceiveBuffer", c.receive_buffer.unwrap_or(0).to_string());
    set("SendBuffer", c.send_buffer.unwrap_or(0).to_string());
    set("Priority", c.priority.unwrap_or(-1).to_string());
    set(
        "MaxConnectionsPerSource",
        c.max_connections_per_source.unwrap_or(0).to_string(),
    );
}

/// A socket's command lists (D-Bus `ExecStartPre` & co. of `org.freedesktop.systemd1.Socket`),
/// with where each is kept in its control-process settings. Their runs are not recorded
/// (pid and times 0, as before a first run).
pub const SOCKET_COMMAND_LISTS: [&str; 4] = [
    "ExecStartPre",
    "ExecStartPost",
    "ExecStopPre",
    "ExecStopPost",
];

/// A socket's command lists, typed.
pub fn socket_commands(c: &SocketConfig) -> BTreeMap<String, Vec<wire::CommandRun>> {
    let p = &c.processes;
    let lists: [&[ExecCommand]; 4] = [
        &p.exec_start_pre,
        &p.exec_start_post,
        &p.exec_stop,
        &p.exec_stop_post,
    ];
    SOCKET_COMMAND_LISTS
        .iter()
        .zip(lists)
        .map(|(name, list)| {
            let rows = list
                .iter()
                .map(|cmd| wire::CommandRun {
                    path: cmd.path.clone(),
                    argv: cmd.argv.clone(),
                    ignore_failure: cmd.flags.ignore_failure,
                    ..Default::default()
                })
                .collect();
            (name.to_string(), rows)
        })
        .collect()
}
