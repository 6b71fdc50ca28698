//! Every `.socket` and `.timer` shipped on this machine (/usr/lib/systemd/user as a user
//! manager, /lib/systemd/system as the system manager) and in systemd's own tree (the
//! conformance corpus) loads without an error, listens where systemd would, and triggers the
//! unit systemd would. Known files are checked against the addresses and triggers read off
//! their text by hand; others must at least keep every `Listen*=`/`On*=` line they have.

#![allow(clippy::print_stdout)] // tests report pass counts and skips

mod model_support;

use std::path::{Path, PathBuf};

use linger_time::Usec;
use linger_unit::diag::Severity;
use linger_unit::loader::{Scope, UnitIndex, load_unit_with};
use linger_unit::model::{LoadState, SocketConfig, TimerConfig, UnitConfig, UnitKind};

/// (file, [(directive, address as list-sockets shows it)], service it activates);
/// `{RT}` is the user's runtime directory.
type SocketExpect = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
);

const USER_SOCKETS: &[SocketExpect] = &[
    (
        "dbus.socket",
        &[("ListenStream", "{RT}/bus")],
        "dbus.service",
    ),
    (
        "dirmngr.socket",
        &[("ListenStream", "{RT}/gnupg/S.dirmngr")],
        "dirmngr.service",
    ),
    (
        "gpg-agent.socket",
        &[("ListenStream", "{RT}/gnupg/S.gpg-agent")],
        "gpg-agent.service",
    ),
    (
        "gpg-agent-browser.socket",
        &[("ListenStream", "{RT}/gnupg/S.gpg-agent.browser")],
        "gpg-agent.service",
    ),
    (
        "gpg-agent-extra.socket",
        &[("ListenStream", "{RT}/gnupg/S.gpg-agent.extra")],
        "gpg-agent.service",
    ),
    (
        "gpg-agent-ssh.socket",
        &[("ListenStream", "{RT}/gnupg/S.gpg-agent.ssh")],
        "gpg-agent.service",
    ),
    (
        "pk-debconf-helper.socket",
        &[("ListenStream", "{RT}/pk-debconf-socket")],
        "pk-debconf-helper.service",
    ),
];

const SYSTEM_SOCKETS: &[SocketExpect] = &[
    (
        "dbus.socket",
        &[("ListenStream", "/run/dbus/system_bus_socket")],
        "dbus.service",
    ),
    (
        "syslog.socket",
        &[("ListenDatagram", "/run/systemd/journal/syslog")],
        "syslog.service",
    ),
    (
        "systemd-fsckd.socket",
        &[("ListenStream", "/run/systemd/fsck.progress")],
        "systemd-fsckd.service",
    ),
    (
        "systemd-initctl.socket",
        &[("ListenFIFO", "/run/initctl")],
        "systemd-initctl.service",
    ),
    (
        "systemd-journal-gatewayd.socket",
        &[("ListenStream", "[::]:19531")],
        "systemd-journal-gatewayd.service",
    ),
    (
        "systemd-journal-remote.socket",
        &[("ListenStream", "[::]:19532")],
        "systemd-journal-remote.service",
    ),
    (
        "systemd-journald-audit.socket",
        &[],
        "systemd-journald.service",
    ),
    (
        "systemd-journald-dev-log.socket",
        &[("ListenDatagram", "/run/systemd/journal/dev-log")],
        "systemd-journald.service",
    ),
    (
        "systemd-journald-varlink@i.socket",
        &[("ListenStream", "/run/systemd/journal.i/io.systemd.journal")],
        "systemd-journald@i.service",
    ),
    (
        "systemd-journald.socket",
        &[
            ("ListenDatagram", "/run/systemd/journal/socket"),
            ("ListenStream", "/run/systemd/journal/stdout"),
        ],
        "systemd-journald.service",
    ),
    (
        "systemd-journald@i.socket",
        &[
            ("ListenStream", "/run/systemd/journal.i/stdout"),
            ("ListenDatagram", "/run/systemd/journal.i/socket"),
            ("ListenDatagram", "/run/systemd/journal.i/dev-log"),
        ],
        "systemd-journald@i.service",
    ),
    ("systemd-networkd.socket", &[], "systemd-networkd.service"),
    ("systemd-rfkill.socket", &[], "systemd-rfkill.service"),
    (
        "systemd-coredump.socket",
        &[("ListenSequentialPacket", "/run/systemd/coredump")],
        "systemd-coredump@.service",
    ),
    (
        "systemd-oomd.socket",
        &[("ListenStream", "/run/systemd/oom/io.system.ManagedOOM")],
        "systemd-oomd.service",
    ),
    (
        "systemd-udevd-control.socket",
        &[("ListenSequentialPacket", "/run/udev/control")],
        "systemd-udevd.service",
    ),
    ("systemd-udevd-kernel.socket", &[], "systemd-udevd.service"),
    (
        "systemd-userdbd.socket",
        &[("ListenStream", "/run/systemd/userdb/io.systemd.Multiplexer")],
        "systemd-userdbd.service",
    ),
];

const MIN: Usec = 60_000_000;

/// (file, scope, OnBootSec, OnStartupSec, OnUnitActiveSec).
type TimerExpect = (
    &'static str,
    Scope,
    &'static [Usec],
    &'static [Usec],
    &'static [Usec],
);

const TIMERS: &[TimerExpect] = &[
    (
        "systemd-tmpfiles-clean.timer",
        Scope::User,
        &[],
        &[5 * MIN],
        &[1440 * MIN],
    ),
    (
        "systemd-tmpfiles-clean.timer",
        Scope::System,
        &[15 * MIN],
        &[],
        &[1440 * MIN],
    ),
    (
        "systemd-sysupdate.timer",
        Scope::System,
        &[15 * MIN],
        &[],
        &[120 * MIN],
    ),
];

/// How many lines of `text` assign one of `keys` (shipped units never reset these lists).
fn count(text: &str, keys: &[&str]) -> usize {
    text.lines()
        .filter(|l| {
            l.split_once('=')
                .is_some_and(|(k, _)| keys.contains(&k.trim()))
        })
        .count()
}

fn check_socket(
    u: &UnitConfig,
    s: &SocketConfig,
    text: &str,
    scope: Scope,
    rt: &Path,
) -> Vec<String> {
    let mut errs = Vec::new();
    let got: Vec<(&str, String)> = s
        .listen
        .iter()
        .map(|l| (l.kind.directive(), l.display()))
        .collect();
    let table = if scope == Scope::User {
        USER_SOCKETS
    } else {
        SYSTEM_SOCKETS
    };
    if let Some((_, want, service)) = table.iter().find(|(n, _, _)| *n == u.id) {
        let want: Vec<(&str, String)> = want
            .iter()
            .map(|(k, a)| (*k, a.replace("{RT}", &rt.display().to_string())))
            .collect();
        if got != want {
            errs.push(format!("listen: expected {want:?}, got {got:?}"));
        }
        if s.target_service(&u.id) != *service {
            errs.push(format!(
                "service: expected {service}, got {}",
                s.target_service(&u.id)
            ));
        }
    } else {
        let keys = [
            "ListenStream",
            "ListenDatagram",
            "ListenSequentialPacket",
            "ListenFIFO",
        ];
        if got.len() != count(text, &keys) {
            errs.push(format!("listen: {got:?} for {} lines", count(text, &keys)));
        }
    }
    let want_triggers: Vec<String> = if s.accept {
        Vec::new()
    } else {
        vec![s.target_service(&u.id)]
    };
    if u.unit.triggers != want_triggers {
        errs.push(format!(
            "triggers: expected {want_triggers:?}, got {:?}",
            u.unit.triggers
        ));
    }
    errs
}

fn check_timer(u: &UnitConfig, t: &TimerConfig, text: &str, scope: Scope) -> Vec<String> {
    let mut errs = Vec::new();
    if let Some((_, _, boot, startup, active)) =
        TIMERS.iter().find(|(n, s, ..)| *n == u.id && *s == scope)
    {
        let got = (
            t.on_boot.as_slice(),
            t.on_startup.as_slice(),
            t.on_unit_active.as_slice(),
        );
        if got != (*boot, *startup, *active) {
            errs.push(format!(
                "boot/startup/unit-active: expected {:?}, got {got:?}",
                (boot, startup, active)
            ));
        }
    }
    if t.on_calendar.len() != count(text, &["OnCalendar"]) {
        errs.push(format!("{} OnCalendar= kept", t.on_calendar.len()));
    }
    let mono = t.on_active.len()
        + t.on_boot.len()
        + t.on_startup.len()
        + t.on_unit_active.len()
        + t.on_unit_inactive.len();
    let keys = [
        "OnActiveSec",
        "OnBootSec",
        "OnStartupSec",
        "OnUnitActiveSec",
        "OnUnitInactiveSec",
    ];
    if mono != count(text, &keys) {
        errs.push(format!("{mono} monotonic triggers kept"));
    }
    if u.unit.triggers != vec![t.target_unit(&u.id)] {
        errs.push(format!("triggers: {:?}", u.unit.triggers));
    }
    errs
}

/// Load every timer and socket in `dir`; returns (units checked, failures).
fn check_dir(dir: &Path, scope: Scope) -> (usize, Vec<String>) {
    if !dir.is_dir() {
        println!("skipped: {} not found", dir.display());
        return (0, Vec::new());
    }
    let t = model_support::Tree::new();
    let rt: PathBuf = t.tmp.path().join("run");
    let mut ctx = t.ctx.clone().with_search_path(vec![dir.to_path_buf()]);
    ctx.scope = scope;
    let index = UnitIndex::scan(&ctx);
    let names: Vec<String> = index
        .names()
        .map(|(n, _)| n.to_string())
        .filter(|n| n.ends_with(".socket") || n.ends_with(".timer"))
        .collect();
    let mut failures = Vec::new();
    for name in &names {
        // Templates load as instance "i", as `systemd-analyze verify` does.
        let load_name = match name.split_once("@.") {
            Some((p, s)) => format!("{p}@i.{s}"),
            None => name.clone(),
        };
        let u = load_unit_with(&index, &load_name, &ctx);
        if u.load_state == LoadState::Masked {
            continue;
        }
        let text = u
            .fragment_path
            .as_ref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .unwrap_or_default();
        let mut errs: Vec<String> = u
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        if u.load_state != LoadState::Loaded {
            errs.push(format!("load state {}", u.load_state.as_str()));
        }
        match &u.kind {
            UnitKind::Socket(s) => errs.extend(check_socket(&u, s, &text, scope, &rt)),
            UnitKind::Timer(tm) => errs.extend(check_timer(&u, tm, &text, scope)),
            k => errs.push(format!("kind {k:?}")),
        }
        if !errs.is_empty() {
            failures.push(format!(
                "{}: {load_name}: {}",
                dir.display(),
                errs.join("; ")
            ));
        }
    }
    (names.len(), failures)
}

fn report(parts: &[(usize, Vec<String>)]) {
    let n: usize = parts.iter().map(|(n, _)| n).sum();
    let failures: Vec<&String> = parts.iter().flat_map(|(_, f)| f).collect();
    println!("{n} timers/sockets checked, {} failed", failures.len());
    assert!(
        failures.is_empty(),
        "{} of {n} failed:\n{}",
        failures.len(),
        failures
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn machine_timers_and_sockets() {
    report(&[
        check_dir(Path::new("/usr/lib/systemd/user"), Scope::User),
        check_dir(Path::new("/lib/systemd/system"), Scope::System),
    ]);
}

#[test]
fn upstream_timers_and_sockets() {
    let Some(dir) = model_support::conformance_dir() else {
        return;
    };
    let units = dir.join("unitfiles/upstream-v252.31/units");
    report(&[
        check_dir(&units.join("user"), Scope::User),
        check_dir(&units, Scope::System),
    ]);
}
