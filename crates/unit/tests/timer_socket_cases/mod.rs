//! The snippet table for `timer_socket.rs`: (file name, text, load state, lines with a
//! diagnostic, model check). Lines include linger's own "not supported by linger" warnings.

use std::fmt::Debug;
use std::net::SocketAddr;
use std::path::PathBuf;

use linger_time::USEC_INFINITY;
use linger_unit::model::{
    BindIpv6Only, KillMode, ListenAddress, ListenKind, SocketConfig, TimerConfig, UnitConfig,
    UnitKind,
};

/// One snippet.
pub struct Case {
    pub file: &'static str,
    pub text: &'static str,
    pub state: &'static str,
    pub lines: &'static [usize],
    pub check: fn(&UnitConfig) -> Result<(), String>,
}

type R = Result<(), String>;

fn timer(u: &UnitConfig) -> Result<&TimerConfig, String> {
    match &u.kind {
        UnitKind::Timer(t) => Ok(t),
        k => Err(format!("kind: expected Timer, got {k:?}")),
    }
}

fn socket(u: &UnitConfig) -> Result<&SocketConfig, String> {
    match &u.kind {
        UnitKind::Socket(s) => Ok(s),
        k => Err(format!("kind: expected Socket, got {k:?}")),
    }
}

fn eq<T: PartialEq + Debug>(what: &str, got: T, want: T) -> R {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: expected {want:?}, got {got:?}"))
    }
}

fn said(u: &UnitConfig, needle: &str) -> R {
    if u.diagnostics.iter().any(|d| d.message.contains(needle)) {
        Ok(())
    } else {
        Err(format!("no diagnostic mentions {needle:?}"))
    }
}

/// The listen list as (directive, display) pairs.
fn listen(s: &SocketConfig) -> Vec<(&'static str, String)> {
    s.listen
        .iter()
        .map(|l| (l.kind.directive(), l.display()))
        .collect()
}

fn inet(s: &str) -> ListenAddress {
    ListenAddress::Inet(s.parse::<SocketAddr>().expect("test address"))
}

const S: u64 = 1_000_000;

fn ok(_: &UnitConfig) -> R {
    Ok(())
}

pub const CASES: &[Case] = &[
    // ---- timers ----
    Case {
        file: "basic.timer",
        text: "[Timer]\nOnCalendar=daily\nOnBootSec=5min\nPersistent=yes\n",
        state: "loaded",
        lines: &[],
        check: |u| {
            let t = timer(u)?;
            eq("on_calendar", t.on_calendar.len(), 1)?;
            eq(
                "normalized",
                t.on_calendar[0].normalized(),
                "*-*-* 00:00:00".into(),
            )?;
            eq("on_boot", t.on_boot.clone(), vec![300 * S])?;
            eq("persistent", t.persistent, true)?;
            eq("accuracy", t.accuracy, 60 * S)?;
            eq("remain", t.remain_after_elapse, true)?;
            eq("unit", t.unit.clone(), None)?;
            eq(
                "triggers",
                u.unit.triggers.clone(),
                vec!["basic.service".into()],
            )?;
            eq(
                "before",
                u.unit.before.clone(),
                vec!["basic.service".into(), "timers.target".into()],
            )
        },
    },
    Case {
        file: "lists.timer",
        text: "[Timer]\nOnActiveSec=1 2\nOnActiveSec=10\nOnUnitActiveSec=1h\nOnUnitInactiveSec=infinity\nOnStartupSec=1min 30s\nOnCalendar=Mon..Fri 9:00\nOnCalendar=*:0/15\n",
        state: "loaded",
        lines: &[],
        check: |u| {
            let t = timer(u)?;
            eq("on_active", t.on_active.clone(), vec![3 * S, 10 * S])?;
            eq("on_unit_active", t.on_unit_active.clone(), vec![3600 * S])?;
            eq(
                "on_unit_inactive",
                t.on_unit_inactive.clone(),
                vec![USEC_INFINITY],
            )?;
            eq("on_startup", t.on_startup.clone(), vec![90 * S])?;
            eq("on_calendar", t.on_calendar.len(), 2)
        },
    },
    Case {
        file: "reset.timer",
        text: "[Timer]\nOnCalendar=daily\nOnActiveSec=5\nOnBootSec=\nOnUnitActiveSec=1h\n",
        state: "loaded",
        lines: &[],
        check: |u| {
            let t = timer(u)?;
            eq("on_calendar", t.on_calendar.len(), 0)?;
            eq("on_active", t.on_active.len(), 0)?;
            eq("on_unit_active", t.on_unit_active.clone(), vec![3600 * S])
        },
    },
    Case {
        file: "reset_all.timer",
        text: "[Timer]\nOnCalendar=daily\nOnCalendar=\n",
        state: "bad-setting",
        lines: &[],
        check: |u| said(u, "Timer unit lacks value setting. Refusing."),
    },
    Case {
        file: "none.timer",
        text: "[Timer]\nPersistent=yes\n",
        state: "bad-setting",
        lines: &[],
        check: |u| said(u, "none.timer: Timer unit lacks value setting"),
    },
    Case {
        file: "bad_values.timer",
        text: "[Timer]\nOnCalendar=bogus\nOnBootSec=5x\nOnActiveSec=1\nAccuracySec=foo\nRandomizedDelaySec=-1\nPersistent=maybe\nAccuracySec=\nOnCalendar=daily, weekly\n",
        state: "loaded",
        lines: &[2, 3, 5, 6, 7, 8, 9],
        check: |u| {
            said(u, "'bogus'")?;
            said(u, "'daily, weekly'")?;
            let t = timer(u)?;
            eq("on_calendar", t.on_calendar.len(), 0)?;
            eq("on_boot", t.on_boot.len(), 0)?;
            eq("accuracy", t.accuracy, 60 * S)
        },
    },
    Case {
        file: "flags.timer",
        text: "[Timer]\nOnClockChange=yes\nWakeSystem=yes\nRemainAfterElapse=no\nFixedRandomDelay=1\nAccuracySec=1us\nRandomizedDelaySec=infinity\nOnTimezoneChange=on\n",
        state: "loaded",
        lines: &[],
        check: |u| {
            let t = timer(u)?;
            eq("clock", t.on_clock_change, true)?;
            eq("tz", t.on_timezone_change, true)?;
            eq("wake", t.wake_system, true)?;
            eq("remain", t.remain_after_elapse, false)?;
            eq("fixed", t.fixed_random_delay, true)?;
            eq("accuracy", t.accuracy, 1)?;
            eq("randomized", t.randomized_delay, USEC_INFINITY)
        },
    },
    Case {
        file: "unit.timer",
        text: "[Timer]\nOnActiveSec=1\nUnit=foo.service\nUnit=bar.service\n",
        state: "loaded",
        lines: &[4],
        check: |u| {
            said(u, "Multiple units to trigger specified")?;
            eq("unit", timer(u)?.unit.clone(), Some("foo.service".into()))?;
            eq(
                "triggers",
                u.unit.triggers.clone(),
                vec!["foo.service".into()],
            )
        },
    },
    Case {
        file: "unit_bad.timer",
        text: "[Timer]\nOnActiveSec=1\nUnit=foo\nUnit=\nUnit=a b.service\nUnit=unit_bad.timer\nUnit=other.target\n",
        state: "loaded",
        lines: &[3, 4, 5, 6],
        check: |u| {
            said(u, "Units cannot trigger themselves")?;
            eq("unit", timer(u)?.unit.clone(), Some("other.target".into()))
        },
    },
    Case {
        file: "unit_timer.timer",
        text: "[Timer]\nOnActiveSec=1\nUnit=foo.timer\nUnit=foo.service\n",
        state: "loaded",
        lines: &[3, 4],
        check: |u| {
            said(u, "names a timer unit")?;
            said(u, "Multiple units to trigger")?;
            eq("unit", timer(u)?.unit.clone(), None)
        },
    },
    Case {
        file: "unit_template.timer",
        text: "[Timer]\nOnActiveSec=1\nUnit=foo@.service\n",
        state: "loaded",
        lines: &[3],
        check: |u| said(u, "names a template"),
    },
    Case {
        file: "tpl@inst.timer",
        text: "[Timer]\nOnActiveSec=%i\nOnBootSec=1\nUnit=%p-%i.service\n",
        state: "loaded",
        lines: &[2],
        check: |u| {
            eq(
                "unit",
                timer(u)?.unit.clone(),
                Some("tpl-inst.service".into()),
            )
        },
    },
    Case {
        file: "nodeps.timer",
        text: "[Unit]\nDefaultDependencies=no\n[Timer]\nOnActiveSec=1\n",
        state: "loaded",
        lines: &[],
        check: |u| {
            eq(
                "before",
                u.unit.before.clone(),
                vec!["nodeps.service".into()],
            )
        },
    },
    Case {
        file: "sections.timer",
        text: "[Timer]\nOnActiveSec=1\nListenStream=/a\nUser=me\n[Service]\nExecStart=/bin/true\n",
        state: "loaded",
        lines: &[3, 4, 5],
        check: |u| said(u, "Unknown key 'ListenStream' in section [Timer]"),
    },
    // ---- sockets ----
    Case {
        file: "paths.socket",
        text: "[Socket]\nListenStream=%t/foo.sock\nListenStream=@abstract\nListenDatagram=/run/d\nListenSequentialPacket=/run/sp\nListenFIFO=/run/a//fifo/\nListenFIFO=/run/./b\n",
        state: "loaded",
        lines: &[],
        check: |u| {
            let s = socket(u)?;
            eq("count", s.listen.len(), 6)?;
            match &s.listen[0].address {
                ListenAddress::Path(p) if p.ends_with("run/foo.sock") && p.is_absolute() => {}
                a => return Err(format!("%t path: got {a:?}")),
            }
            eq(
                "rest",
                listen(s)[1..].to_vec(),
                vec![
                    ("ListenStream", "@abstract".into()),
                    ("ListenDatagram", "/run/d".into()),
                    ("ListenSequentialPacket", "/run/sp".into()),
                    ("ListenFIFO", "/run/a/fifo".into()),
                    ("ListenFIFO", "/run/b".into()),
                ],
            )?;
            eq("type", s.listen[4].kind.type_name(), "FIFO")?;
            eq(
                "triggers",
                u.unit.triggers.clone(),
                vec!["paths.service".into()],
            )?;
            eq(
                "before",
                u.unit.before.clone(),
                vec!["paths.service".into(), "sockets.target".into()],
            )
        },
    },
    Case {
        file: "inet.socket",
        text: "[Socket]\nListenStream=80\nListenStream=0x50\nListenStream=127.0.0.1:8080\nListenStream=[::1]:8080\nListenDatagram=[::]:53\nListenStream=[::ffff:1.2.3.4]:80\nListenStream=1.2.3.4:80%%99\n",
        state: "loaded",
        lines: &[],
        check: |u| {
            let s = socket(u)?;
            let a: Vec<ListenAddress> = s.listen.iter().map(|l| l.address.clone()).collect();
            eq(
                "addresses",
                a,
                vec![
                    ListenAddress::Port(80),
                    ListenAddress::Port(80),
                    inet("127.0.0.1:8080"),
                    inet("[::1]:8080"),
                    inet("[::]:53"),
                    inet("[::ffff:1.2.3.4]:80"),
                    inet("1.2.3.4:80"),
                ],
            )?;
            eq("display", s.listen[0].display(), "[::]:80".into())
        },
    },
    Case {
        file: "bad_addr.socket",
        text: "[Socket]\nListenStream=/ok\nListenStream=0\nListenStream=65536\nListenStream=127.0.0.1\nListenStream=::1:80\nListenStream=relative\nListenStream=@\nListenStream=/\nListenStream=localhost:53\nListenStream=080\nListenStream=[fe80::1%%2]:80\nListenSequentialPacket=127.0.0.1:9\nListenFIFO=rel\nListenFIFO=/a/../b\nListenStream=%Z\nListenStream=[::1]:80%%\n",
        state: "loaded",
        lines: &[3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
        check: |u| {
            said(u, "address family not supported")?;
            said(u, "ListenFIFO= path is not absolute")?;
            said(u, "ListenFIFO= path is not normalized")?;
            eq(
                "listen",
                listen(socket(u)?),
                vec![("ListenStream", "/ok".into())],
            )
        },
    },
    Case {
        file: "reset.socket",
        text: "[Socket]\nListenStream=/a\nListenNetlink=audit\nListenDatagram=\nListenFIFO=/b\n",
        state: "loaded",
        lines: &[3],
        check: |u| {
            eq(
                "listen",
                listen(socket(u)?),
                vec![("ListenFIFO", "/b".into())],
            )
        },
    },
    Case {
        file: "empty.socket",
        text: "[Socket]\nListenStream=/a\nListenStream=\nAccept=yes\n",
        state: "bad-setting",
        lines: &[],
        check: |u| {
            said(
                u,
                "Unit has no Listen setting (ListenStream=, ListenDatagram=, ListenFIFO=, ...). Refusing.",
            )
        },
    },
    Case {
        file: "netlink.socket",
        text: "[Socket]\nListenNetlink=audit 1\nListenSpecial=/dev/rfkill\nListenNetlink=sock_diag\nListenSpecial=rel\n",
        state: "loaded",
        lines: &[2, 3, 4, 5],
        check: |u| {
            said(u, "ListenNetlink= is not supported by linger")?;
            said(u, "ListenSpecial= path is not absolute")?;
            eq("listen", socket(u)?.listen.len(), 0)?;
            eq(
                "triggers",
                u.unit.triggers.clone(),
                vec!["netlink.service".into()],
            )
        },
    },
    Case {
        file: "vsock.socket",
        text: "[Socket]\nListenStream=vsock:2:1234\nListenStream=vsock:2\n",
        state: "loaded",
        lines: &[2, 3],
        check: |u| said(u, "AF_VSOCK sockets are not supported by linger"),
    },
    Case {
        file: "accept_dgram.socket",
        text: "[Socket]\nListenStream=/x\nListenDatagram=/y\nAccept=yes\n",
        state: "bad-setting",
        lines: &[],
        check: |u| {
            said(
                u,
                "Unit configured for accepting sockets, but sockets are non-accepting. Refusing.",
            )
        },
    },
    Case {
        file: "accept_netlink.socket",
        text: "[Socket]\nListenNetlink=route\nAccept=yes\n",
        state: "bad-setting",
        lines: &[2],
        check: |u| said(u, "non-accepting"),
    },
    Case {
        file: "accept_max.socket",
        text: "[Socket]\nListenStream=/x\nAccept=yes\nMaxConnections=0\n",
        state: "bad-setting",
        lines: &[],
        check: |u| said(u, "MaxConnection= setting too small. Refusing."),
    },
    Case {
        file: "accept_service.socket",
        text: "[Socket]\nListenStream=/x\nAccept=yes\nService=foo.service\n",
        state: "bad-setting",
        lines: &[],
        check: |u| {
            said(
                u,
                "Explicit service configuration for accepting socket units not supported. Refusing.",
            )
        },
    },
    Case {
        file: "accept.socket",
        text: "[Socket]\nListenSequentialPacket=@sp\nListenStream=2222\nAccept=yes\nMaxConnections=10\nMaxConnectionsPerSource=2\n",
        state: "loaded",
        lines: &[],
        check: |u| {
            let s = socket(u)?;
            eq("accept", s.accept, true)?;
            eq("max", s.max_connections, 10)?;
            eq("per source", s.max_connections_per_source, Some(2))?;
            eq("burst", s.effective_trigger_burst(), 200)?;
            eq("target", s.target_service(&u.id), "accept@.service".into())?;
            eq("triggers", u.unit.triggers.len(), 0)?;
            eq(
                "before",
                u.unit.before.clone(),
                vec!["sockets.target".into()],
            )
        },
    },
    Case {
        file: "symlinks_two.socket",
        text: "[Socket]\nListenStream=/x\nListenFIFO=/y\nSymlinks=/z\n",
        state: "bad-setting",
        lines: &[],
        check: |u| {
            said(
                u,
                "Unit has symlinks set but none or more than one node in the file system. Refusing.",
            )
        },
    },
    Case {
        file: "symlinks_none.socket",
        text: "[Socket]\nListenStream=80\nSymlinks=/z\n",
        state: "bad-setting",
        lines: &[],
        check: |u| said(u, "symlinks set"),
    },
    Case {
        file: "symlinks.socket",
        text: "[Socket]\nListenStream=@x\nListenFIFO=/y\nSymlinks=/a //b/ rel /c\nSymlinks=/d\nSymlinks=\nSymlinks=/e /f/./g\n",
        state: "loaded",
        lines: &[4],
        check: |u| {
            said(u, "Symlinks= path is not absolute")?;
            eq(
                "symlinks",
                socket(u)?.symlinks.clone(),
                vec![PathBuf::from("/e"), PathBuf::from("/f/g")],
            )
        },
    },
    Case {
        file: "service.socket",
        text: "[Socket]\nListenStream=/x\nService=foo\nService=foo.socket\nService=foo@.service\nService=\nService=a.service\nService=b@x.service\n",
        state: "loaded",
        lines: &[3, 4, 5, 6],
        check: |u| {
            let s = socket(u)?;
            eq("service", s.service.clone(), Some("b@x.service".into()))?;
            eq(
                "triggers",
                u.unit.triggers.clone(),
                vec!["b@x.service".into()],
            )?;
            eq(
                "before",
                u.unit.before.clone(),
                vec!["b@x.service".into(), "sockets.target".into()],
            )
        },
    },
    Case {
        file: "options.socket",
        text: "[Socket]\nListenStream=/x\nSocketMode=0600\nDirectoryMode=0700\nBacklog=128\nTriggerLimitIntervalSec=5s\nTriggerLimitBurst=0\nBindIPv6Only=both\nReceiveBuffer=8M\nSendBuffer=1.5K\nFileDescriptorName=%p-fd\nRemoveOnStop=yes\nPassCredentials=yes\nPassSecurity=yes\nReusePort=yes\nFreeBind=yes\nKeepAlive=yes\nNoDelay=yes\nFlushPending=yes\nWritable=yes\nPriority=5\n",
        state: "loaded",
        lines: &[],
        check: |u| {
            let s = socket(u)?;
            eq("mode", s.socket_mode, 0o600)?;
            eq("dirmode", s.directory_mode, 0o700)?;
            eq("backlog", s.backlog, 128)?;
            eq("interval", s.trigger_limit_interval, 5 * S)?;
            eq("burst", s.trigger_limit_burst, Some(0))?;
            eq("bind", s.bind_ipv6_only, BindIpv6Only::Both)?;
            eq("rcvbuf", s.receive_buffer, Some(8 << 20))?;
            eq("sndbuf", s.send_buffer, Some(1536))?;
            eq("priority", s.priority, Some(5))?;
            eq(
                "fdname",
                s.file_descriptor_name.clone(),
                Some("options-fd".into()),
            )?;
            let flags = [
                s.remove_on_stop,
                s.pass_credentials,
                s.pass_security,
                s.reuse_port,
                s.free_bind,
                s.keep_alive,
                s.no_delay,
                s.flush_pending,
                s.writable,
            ];
            eq("flags", flags, [true; 9])
        },
    },
    Case {
        file: "defaults.socket",
        text: "[Socket]\nListenStream=/x\n",
        state: "loaded",
        lines: &[],
        check: |u| {
            let s = socket(u)?;
            eq("mode", s.socket_mode, 0o666)?;
            eq("dirmode", s.directory_mode, 0o755)?;
            eq("backlog", s.backlog, u32::MAX)?;
            eq("max", s.max_connections, 64)?;
            eq("interval", s.trigger_limit_interval, 2 * S)?;
            eq("burst", s.effective_trigger_burst(), 20)?;
            eq("bind", s.bind_ipv6_only, BindIpv6Only::Default)?;
            eq("accept", s.accept, false)?;
            eq("kind", s.listen[0].kind, ListenKind::Stream)
        },
    },
    Case {
        file: "bad_options.socket",
        text: "[Socket]\nListenStream=/x\nSocketMode=999\nDirectoryMode=\nBacklog=-1\nMaxConnections=abc\nTriggerLimitIntervalSec=x\nTriggerLimitBurst=-1\nBindIPv6Only=Both\nReceiveBuffer=\nSendBuffer=16E\nFileDescriptorName=a:b\nAccept=maybe\nBindIPv6Only=yes\nFileDescriptorName=ok\nFileDescriptorName=\n",
        state: "loaded",
        lines: &[3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
        check: |u| {
            let s = socket(u)?;
            eq("mode", s.socket_mode, 0o666)?;
            eq("bind", s.bind_ipv6_only, BindIpv6Only::Ipv6Only)?;
            eq("fdname", s.file_descriptor_name.clone(), None)?;
            said(u, "Invalid file descriptor name")
        },
    },
    Case {
        file: "unsupported.socket",
        text: "[Socket]\nListenStream=/x\nSocketUser=me\nExecStartPre=/bin/true\nMemoryMax=1G\nKillMode=process\nBogus=1\n[Service]\nExecStart=/bin/true\n",
        state: "loaded",
        lines: &[3, 7, 8],
        check: |u| {
            said(u, "SocketUser= is not supported by linger")?;
            said(u, "Unknown key 'Bogus' in section [Socket]")?;
            // A socket's commands and their exec/kill/resource settings are a service's.
            let p = &socket(u)?.processes;
            eq("start-pre", p.exec_start_pre.len(), 1)?;
            eq("kill mode", p.kill.kill_mode, KillMode::Process)?;
            eq(
                "resource control",
                p.resource_control.clone(),
                vec![("MemoryMax".into(), "1G".into(), 5)],
            )
        },
    },
    Case {
        file: "nodeps.socket",
        text: "[Unit]\nDefaultDependencies=no\nBefore=x.target\n[Socket]\nListenStream=/x\nService=nodeps.service\n",
        state: "loaded",
        lines: &[],
        check: |u| {
            eq(
                "before",
                u.unit.before.clone(),
                vec!["x.target".into(), "nodeps.service".into()],
            )
        },
    },
    Case {
        file: "inst@a.socket",
        text: "[Socket]\nListenStream=%t/inst-%i.sock\nFileDescriptorName=%i\n",
        state: "loaded",
        lines: &[],
        check: |u| {
            let s = socket(u)?;
            eq("fdname", s.file_descriptor_name.clone(), Some("a".into()))?;
            eq(
                "triggers",
                u.unit.triggers.clone(),
                vec!["inst@a.service".into()],
            )?;
            match &s.listen[0].address {
                ListenAddress::Path(p) if p.ends_with("run/inst-a.sock") => Ok(()),
                a => Err(format!("path: got {a:?}")),
            }
        },
    },
    Case {
        file: "other.socket",
        text: "[Socket]\nListenStream=/x\n[Timer]\nOnActiveSec=1\n",
        state: "loaded",
        lines: &[3],
        check: ok,
    },
];
