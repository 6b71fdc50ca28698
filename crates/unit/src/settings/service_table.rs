//! Rows for `[Service]` (systemd.service(5)) and the kill settings (systemd.kill(5)).

use super::names::parse_name;
use super::unit_table::{
    failure_action, start_limit_action, start_limit_burst, start_limit_interval, words,
};
use super::{Apply, Cx, UnitBuilder};
use crate::exec_line::{ExecCommand, parse_exec_line_with};
use crate::model::{ServiceConfig, UnitType};
use crate::specifier::SpecifierError;
use crate::value::{
    parse_boolean, parse_exit_status_set, parse_kill_mode, parse_notify_access, parse_path,
    parse_restart, parse_sec, parse_sec_fix_0, parse_service_type, parse_signal, parse_unsigned,
};

/// `[Service]` rows (exec settings are in `exec_table`).
pub(crate) const SERVICE: &[(&str, Apply)] = &[
    ("Type", |b, cx| {
        b.set(cx, false, parse_service_type, |b, v| {
            b.svc.service_type = v;
            b.extra.type_set = true;
        })
    }),
    ("RemainAfterExit", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.svc.remain_after_exit = v)
    }),
    ("PIDFile", pid_file),
    ("GuessMainPID", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.svc.guess_main_pid = v)
    }),
    ("ExecCondition", |b, cx| {
        exec(b, cx, |s| &mut s.exec_condition)
    }),
    ("ExecStartPre", |b, cx| {
        exec(b, cx, |s| &mut s.exec_start_pre)
    }),
    ("ExecStart", |b, cx| exec(b, cx, |s| &mut s.exec_start)),
    ("ExecStartPost", |b, cx| {
        exec(b, cx, |s| &mut s.exec_start_post)
    }),
    ("ExecReload", |b, cx| exec(b, cx, |s| &mut s.exec_reload)),
    ("ExecStop", |b, cx| exec(b, cx, |s| &mut s.exec_stop)),
    ("ExecStopPost", |b, cx| {
        exec(b, cx, |s| &mut s.exec_stop_post)
    }),
    ("Restart", |b, cx| {
        b.set(cx, false, parse_restart, |b, v| b.svc.restart = v)
    }),
    ("RestartSec", |b, cx| {
        b.set(cx, false, parse_sec, |b, v| b.svc.restart_sec = v)
    }),
    ("RestartPreventExitStatus", |b, cx| {
        exit_set(b, cx, |s| &mut s.restart_prevent_exit_status)
    }),
    ("RestartForceExitStatus", |b, cx| {
        exit_set(b, cx, |s| &mut s.restart_force_exit_status)
    }),
    ("SuccessExitStatus", |b, cx| {
        exit_set(b, cx, |s| &mut s.success_exit_status)
    }),
    ("TimeoutStartSec", |b, cx| {
        b.set(cx, false, parse_sec_fix_0, |b, v| b.svc.timeout_start = v)
    }),
    ("TimeoutStopSec", |b, cx| {
        b.set(cx, false, parse_sec_fix_0, |b, v| b.svc.timeout_stop = v)
    }),
    ("TimeoutSec", |b, cx| {
        b.set(cx, false, parse_sec_fix_0, |b, v| {
            b.svc.timeout_start = v;
            b.svc.timeout_stop = v;
        });
    }),
    ("TimeoutAbortSec", |b, cx| {
        if cx.value.trim().is_empty() {
            b.svc.timeout_abort = None;
        } else {
            b.set(cx, false, parse_sec_fix_0, |b, v| {
                b.svc.timeout_abort = Some(v)
            });
        }
    }),
    ("RuntimeMaxSec", |b, cx| {
        b.set(cx, false, parse_sec, |b, v| b.svc.runtime_max = v)
    }),
    ("WatchdogSec", |b, cx| {
        b.set(cx, false, parse_sec, |b, v| b.svc.watchdog = v)
    }),
    ("NotifyAccess", |b, cx| {
        b.set(cx, false, parse_notify_access, |b, v| {
            b.svc.notify_access = Some(v)
        })
    }),
    ("FileDescriptorStoreMax", |b, cx| {
        b.set(cx, false, parse_unsigned, |b, v| b.svc.fd_store_max = v)
    }),
    ("Sockets", sockets),
    ("BusName", |b, cx| {
        if let Some(v) = b.expand(cx) {
            b.svc.bus_name = (!v.is_empty()).then_some(v);
        }
    }),
    ("Slice", slice),
    // systemd still accepts these `[Unit]` settings in `[Service]` (their pre-v230 home).
    ("StartLimitInterval", start_limit_interval),
    ("StartLimitBurst", start_limit_burst),
    ("StartLimitAction", start_limit_action),
    ("FailureAction", failure_action),
    // Kill settings.
    ("KillMode", |b, cx| {
        b.set(cx, false, parse_kill_mode, |b, v| b.svc.kill.kill_mode = v)
    }),
    ("KillSignal", |b, cx| {
        b.set(cx, false, parse_signal, |b, v| b.svc.kill.kill_signal = v)
    }),
    ("RestartKillSignal", |b, cx| {
        b.set(cx, false, parse_signal, |b, v| {
            b.svc.kill.restart_kill_signal = Some(v)
        })
    }),
    ("SendSIGHUP", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.svc.kill.send_sighup = v)
    }),
    ("SendSIGKILL", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.svc.kill.send_sigkill = v)
    }),
    ("FinalKillSignal", |b, cx| {
        b.set(cx, false, parse_signal, |b, v| {
            b.svc.kill.final_kill_signal = v
        })
    }),
    ("WatchdogSignal", |b, cx| {
        b.set(cx, false, parse_signal, |b, v| {
            b.svc.kill.watchdog_signal = v
        })
    }),
];

/// `Exec*=`: parsed by `exec_line` with specifiers expanded per word. Parse errors are fatal,
/// as in systemd (a service must not run a command line other than the one written);
/// `-`-prefixed lines that cannot be parsed are ignored with a warning.
pub(crate) fn exec(
    b: &mut UnitBuilder,
    cx: &Cx<'_>,
    field: fn(&mut ServiceConfig) -> &mut Vec<ExecCommand>,
) {
    let expand = |w: &str| (cx.actx.expand)(w).map_err(|message| SpecifierError { message });
    match parse_exec_line_with(cx.value, &expand) {
        Ok(line) => {
            for w in line.warnings {
                b.warn(cx, w);
            }
            if line.reset {
                field(&mut b.svc).clear();
            }
            field(&mut b.svc).extend(line.commands);
        }
        Err(e) => b.fatal(cx, e.message),
    }
}

fn exit_set(
    b: &mut UnitBuilder,
    cx: &Cx<'_>,
    field: fn(&mut ServiceConfig) -> &mut crate::model::ExitStatusSet,
) {
    for (word, err) in parse_exit_status_set(cx.value, field(&mut b.svc)) {
        b.warn(
            cx,
            format!(
                "Failed to parse {}= value '{word}' ({}), ignoring.",
                cx.key, err.detail
            ),
        );
    }
}

/// `PIDFile=`: a relative path is taken relative to the runtime directory (`%t`).
fn pid_file(b: &mut UnitBuilder, cx: &Cx<'_>) {
    let Some(v) = b.expand(cx) else { return };
    if v.is_empty() {
        b.svc.pid_file = None;
        return;
    }
    let full = if v.starts_with('/') {
        v
    } else {
        let Some(rt) = b.expand_str(cx, "%t") else {
            return;
        };
        format!("{rt}/{v}")
    };
    match parse_path(&full) {
        Ok(p) => b.svc.pid_file = Some(p),
        Err(e) => b.bad_value(cx, &e),
    }
}

fn sockets(b: &mut UnitBuilder, cx: &Cx<'_>) {
    let Some(words) = words(b, cx) else { return };
    for w in words {
        let Some(name) = b.expand_unit_name(cx, &w) else {
            continue;
        };
        match parse_name(&name) {
            Some(p) if p.unit_type == UnitType::Socket && p.instance != Some("") => {
                if !b.svc.sockets.contains(&name) {
                    b.svc.sockets.push(name);
                }
            }
            _ => b.warn(
                cx,
                format!("Sockets= must name socket units, ignoring: {name}"),
            ),
        }
    }
}

fn slice(b: &mut UnitBuilder, cx: &Cx<'_>) {
    let Some(name) = b.expand_unit_name(cx, cx.value) else {
        return;
    };
    if name.is_empty() {
        b.svc.slice = None;
        return;
    }
    match parse_name(&name) {
        Some(p) if p.unit_type == UnitType::Slice && p.instance.is_none() => {
            b.svc.slice = Some(name)
        }
        _ => b.warn(
            cx,
            format!("Slice= must name a slice unit (NAME.slice), ignoring: {name}"),
        ),
    }
}
