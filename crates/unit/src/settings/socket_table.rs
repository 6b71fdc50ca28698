//! Rows for `[Socket]` (systemd.socket(5)): the listening side here; the socket's own
//! commands (`ExecStartPre=` …, `TimeoutSec=`) in [`PROCESSES`]. Their exec, kill and
//! resource-control settings are the service rows (settings.rs looks them up for `[Socket]`
//! too), stored in `SocketConfig::processes`, which the manager spawns like a service's.

use super::names::parse_name;
use super::service_table::exec;
use super::unit_table::words;
use super::{Apply, Cx, OtherListen, UnitBuilder};
use crate::model::{ListenAddress, ListenKind, ListenSpec, UnitType};
use crate::value::{
    AddressError, fd_name_is_valid, parse_bind_ipv6_only, parse_boolean, parse_iec_size, parse_int,
    parse_mode, parse_netlink, parse_node_path, parse_sec, parse_sec_fix_0, parse_socket_address,
    parse_unsigned,
};

/// `[Socket]` rows for the socket's control processes (held as a service's command lists:
/// `ExecStopPre=` runs where a service's `ExecStop=` would, before the sockets close).
pub(crate) const PROCESSES: &[(&str, Apply)] = &[
    ("ExecStartPre", |b, cx| {
        exec(b, cx, |s| &mut s.exec_start_pre)
    }),
    ("ExecStartPost", |b, cx| {
        exec(b, cx, |s| &mut s.exec_start_post)
    }),
    ("ExecStopPre", |b, cx| exec(b, cx, |s| &mut s.exec_stop)),
    ("ExecStopPost", |b, cx| {
        exec(b, cx, |s| &mut s.exec_stop_post)
    }),
    ("TimeoutSec", |b, cx| {
        b.set(cx, false, parse_sec_fix_0, |b, v| {
            b.svc.timeout_start = v;
            b.svc.timeout_stop = v;
        })
    }),
];

/// The `[Service]` rows a socket shares (systemd.kill(5), `Slice=`): looked up in
/// service_table.rs, applied to the socket's processes.
pub(crate) const SERVICE_KEYS: &[&str] = &[
    "Slice",
    "KillMode",
    "KillSignal",
    "RestartKillSignal",
    "SendSIGHUP",
    "SendSIGKILL",
    "FinalKillSignal",
    "WatchdogSignal",
];

/// `[Socket]` rows.
pub(crate) const SOCKET: &[(&str, Apply)] = &[
    ("ListenStream", |b, cx| listen(b, cx, ListenKind::Stream)),
    ("ListenDatagram", |b, cx| {
        listen(b, cx, ListenKind::Datagram)
    }),
    ("ListenSequentialPacket", |b, cx| {
        listen(b, cx, ListenKind::SequentialPacket)
    }),
    ("ListenFIFO", fifo),
    ("ListenSpecial", other_path),
    ("ListenMessageQueue", other_path),
    ("ListenUSBFunction", other_path),
    ("ListenNetlink", netlink),
    ("Accept", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.socket.accept = v)
    }),
    ("SocketMode", |b, cx| {
        b.set(cx, false, parse_mode, |b, v| b.socket.socket_mode = v)
    }),
    ("DirectoryMode", |b, cx| {
        b.set(cx, false, parse_mode, |b, v| b.socket.directory_mode = v)
    }),
    ("Backlog", |b, cx| {
        b.set(cx, false, parse_unsigned, |b, v| b.socket.backlog = v)
    }),
    ("Service", service),
    ("RemoveOnStop", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.socket.remove_on_stop = v)
    }),
    ("PassCredentials", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| {
            b.socket.pass_credentials = v
        })
    }),
    ("PassSecurity", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.socket.pass_security = v)
    }),
    ("MaxConnections", |b, cx| {
        b.set(cx, false, parse_unsigned, |b, v| {
            b.socket.max_connections = v
        })
    }),
    ("MaxConnectionsPerSource", |b, cx| {
        b.set(cx, false, parse_unsigned, |b, v| {
            b.socket.max_connections_per_source = Some(v)
        })
    }),
    ("TriggerLimitIntervalSec", |b, cx| {
        b.set(cx, false, parse_sec, |b, v| {
            b.socket.trigger_limit_interval = v
        })
    }),
    ("TriggerLimitBurst", |b, cx| {
        b.set(cx, false, parse_unsigned, |b, v| {
            b.socket.trigger_limit_burst = Some(v)
        })
    }),
    ("FileDescriptorName", fd_name),
    ("BindIPv6Only", |b, cx| {
        b.set(cx, false, parse_bind_ipv6_only, |b, v| {
            b.socket.bind_ipv6_only = v
        })
    }),
    ("ReusePort", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.socket.reuse_port = v)
    }),
    ("FreeBind", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.socket.free_bind = v)
    }),
    ("Symlinks", symlinks),
    ("ReceiveBuffer", |b, cx| {
        b.set(cx, false, parse_iec_size, |b, v| {
            b.socket.receive_buffer = Some(v)
        })
    }),
    ("Priority", |b, cx| {
        b.set(cx, false, parse_int, |b, v| b.socket.priority = Some(v))
    }),
    ("SendBuffer", |b, cx| {
        b.set(cx, false, parse_iec_size, |b, v| {
            b.socket.send_buffer = Some(v)
        })
    }),
    ("KeepAlive", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.socket.keep_alive = v)
    }),
    ("NoDelay", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.socket.no_delay = v)
    }),
    ("FlushPending", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.socket.flush_pending = v)
    }),
    ("Writable", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.socket.writable = v)
    }),
];

/// An empty assignment to any `Listen*=` drops every address written so far.
fn reset_listen(b: &mut UnitBuilder, cx: &Cx<'_>) -> bool {
    if !cx.value.trim().is_empty() {
        return false;
    }
    b.socket.listen.clear();
    b.extra.other_listens.clear();
    true
}

/// The interface index of `name`, for `[fe80::1]:80%eth0` (the kernel's view in sysfs).
fn sysfs_ifindex(name: &str) -> Option<u32> {
    std::fs::read_to_string(format!("/sys/class/net/{name}/ifindex"))
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// `ListenStream=`, `ListenDatagram=`, `ListenSequentialPacket=`.
fn listen(b: &mut UnitBuilder, cx: &Cx<'_>, kind: ListenKind) {
    if reset_listen(b, cx) {
        return;
    }
    let Some(v) = b.expand(cx) else { return };
    let seqpacket = kind == ListenKind::SequentialPacket;
    let not_unix =
        |a: &ListenAddress| !matches!(a, ListenAddress::Path(_) | ListenAddress::Abstract(_));
    match parse_socket_address(&v, &sysfs_ifindex) {
        Ok(a) if seqpacket && not_unix(&a) => family_not_supported(b, cx, &v),
        Ok(address) => b.socket.listen.push(ListenSpec { kind, address }),
        Err(AddressError::Vsock) if seqpacket => family_not_supported(b, cx, &v),
        Err(AddressError::Vsock) => {
            b.warn(
                cx,
                format!(
                    "{}={v}: AF_VSOCK sockets are not supported by linger, ignoring.",
                    cx.key
                ),
            );
            b.extra.other_listens.push(OtherListen {
                accepting: kind == ListenKind::Stream,
            });
        }
        Err(e) => b.warn(
            cx,
            format!("Failed to parse {}= address '{v}' ({e}), ignoring.", cx.key),
        ),
    }
}

fn family_not_supported(b: &mut UnitBuilder, cx: &Cx<'_>, v: &str) {
    b.warn(
        cx,
        format!(
            "{}= works only with Unix sockets (address family not supported), ignoring: {v}",
            cx.key
        ),
    );
}

/// `ListenFIFO=`: an absolute, normalized path.
fn fifo(b: &mut UnitBuilder, cx: &Cx<'_>) {
    if reset_listen(b, cx) {
        return;
    }
    let Some(v) = b.expand(cx) else { return };
    match parse_node_path(&v) {
        Ok(p) => b.socket.listen.push(ListenSpec {
            kind: ListenKind::Fifo,
            address: ListenAddress::Path(p),
        }),
        Err(why) => b.warn(cx, format!("{}= path {why}, ignoring: {v}", cx.key)),
    }
}

/// `ListenSpecial=`, `ListenMessageQueue=`, `ListenUSBFunction=`: checked as systemd checks
/// them, then ignored (linger does not open them).
fn other_path(b: &mut UnitBuilder, cx: &Cx<'_>) {
    if reset_listen(b, cx) {
        return;
    }
    let Some(v) = b.expand(cx) else { return };
    match parse_node_path(&v) {
        Ok(_) => unsupported_listen(b, cx, &v),
        Err(why) => b.warn(cx, format!("{}= path {why}, ignoring: {v}", cx.key)),
    }
}

/// `ListenNetlink=FAMILY [GROUP]`: checked, then ignored.
fn netlink(b: &mut UnitBuilder, cx: &Cx<'_>) {
    if reset_listen(b, cx) {
        return;
    }
    let Some(v) = b.expand(cx) else { return };
    match parse_netlink(&v) {
        Ok(_) => unsupported_listen(b, cx, &v),
        Err(e) => b.warn(
            cx,
            format!("Failed to parse {}= value '{v}' ({e}), ignoring.", cx.key),
        ),
    }
}

fn unsupported_listen(b: &mut UnitBuilder, cx: &Cx<'_>, v: &str) {
    b.warn(
        cx,
        format!(
            "{}= is not supported by linger (systemd knows it), ignoring: {v}",
            cx.key
        ),
    );
    b.extra.other_listens.push(OtherListen { accepting: false });
}

/// `Service=`: a service name (unit-name specifiers expanded); the last one wins.
fn service(b: &mut UnitBuilder, cx: &Cx<'_>) {
    let Some(name) = b.expand_unit_name(cx, cx.value) else {
        return;
    };
    match parse_name(&name) {
        Some(p) if p.unit_type == UnitType::Service && p.instance == Some("") => b.warn(
            cx,
            format!("Service={name} is a template, which has no instance to start, ignoring."),
        ),
        Some(p) if p.unit_type == UnitType::Service => b.socket.service = Some(name),
        _ => b.warn(
            cx,
            format!("Service= must name a service unit (NAME.service), ignoring: {name}"),
        ),
    }
}

/// `FileDescriptorName=`: empty resets to the default (the unit name).
fn fd_name(b: &mut UnitBuilder, cx: &Cx<'_>) {
    let Some(v) = b.expand(cx) else { return };
    if v.is_empty() {
        b.socket.file_descriptor_name = None;
    } else if fd_name_is_valid(&v) {
        b.socket.file_descriptor_name = Some(v);
    } else {
        b.warn(
            cx,
            format!(
                "Invalid file descriptor name (1-255 printable ASCII characters, no ':'), ignoring: {v}"
            ),
        );
    }
}

/// `Symlinks=`: absolute paths, accumulated; empty resets. As in systemd, a bad path drops
/// the rest of its line.
fn symlinks(b: &mut UnitBuilder, cx: &Cx<'_>) {
    if cx.value.trim().is_empty() {
        b.socket.symlinks.clear();
        return;
    }
    let Some(words) = words(b, cx) else { return };
    for w in words {
        let Some(v) = b.expand_str(cx, &w) else {
            return;
        };
        match parse_node_path(&v) {
            Ok(p) => b.socket.symlinks.push(p),
            Err(why) => {
                b.warn(cx, format!("Symlinks= path {why}, ignoring: {v}"));
                return;
            }
        }
    }
}
