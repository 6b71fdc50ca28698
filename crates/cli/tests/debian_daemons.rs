//! Debian's per-user daemons as their packages ship them (issue 12), run unchanged under
//! `linger daemon --user` and probed with their real clients: emacs (`emacs --fg-daemon`,
//! Type=notify) with `emacsclient --eval`; syncthing (MemoryDenyWriteExecute=,
//! SystemCallArchitectures=, Restart=) through its REST API on 127.0.0.1; vdirsyncer's timer
//! and service with a minimal configuration; podman.socket → podman.service (Delegate=,
//! KillMode=process) as a rootless user with subordinate ids, through its API socket with
//! `curl --unix-socket`. Each test skips, saying so, where a package is not installed;
//! .ci/run installs them. Servers listen on 127.0.0.1 only: the configurations say so.
#![allow(clippy::print_stderr)]

mod debian;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use debian::{Who, client, hand_over, installed, journal, manager_with, text};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

/// emacs.service starts the server, says READY=1 when it listens, evaluates what
/// `emacsclient` sends in the service's process, and stops on SIGTERM as a success
/// (SuccessExitStatus=15).
#[test]
fn debians_emacs_daemon_answers_emacsclient() {
    if !installed(
        &["/usr/bin/emacs", "/usr/bin/emacsclient"],
        &["emacs.service"],
    ) {
        return;
    }
    for who in Who::root_and_nobody() {
        let m = manager_with(BIN, &who, &["emacs.service"], &[]);
        // Type=notify: the start returns once the server listens.
        m.systemctl(&["start", "emacs.service"]).expect_code(0);
        let pid = m.main_pid("emacs.service");
        let out = client(
            &m,
            &who,
            "emacsclient",
            &["--eval", "(+ 1 2)", "(emacs-pid)"],
            &[],
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("3\n{pid}\n"),
            "emacsclient as {}: {}\n{}",
            who.name(),
            text(&out),
            journal(&m, "emacs.service")
        );
        m.systemctl(&["stop", "emacs.service"]).expect_code(0);
        assert_eq!(
            (
                m.prop("emacs.service", "ActiveState"),
                m.prop("emacs.service", "Result")
            ),
            ("inactive".to_string(), "success".to_string()),
            "{}",
            journal(&m, "emacs.service")
        );
    }
}

/// syncthing's configuration for a test: GUI/REST and sync protocol on 127.0.0.1 ports,
/// discovery, relays, NAT, usage reports and upgrades off (nothing leaves the machine).
fn syncthing_config(gui: u16, sync: u16) -> String {
    format!(
        "<configuration version=\"36\">\n\
         <gui enabled=\"true\" tls=\"false\"><address>127.0.0.1:{gui}</address>\
         <apikey>linger-test-key</apikey></gui>\n\
         <options><listenAddress>tcp://127.0.0.1:{sync}</listenAddress>\
         <globalAnnounceEnabled>false</globalAnnounceEnabled>\
         <localAnnounceEnabled>false</localAnnounceEnabled>\
         <relaysEnabled>false</relaysEnabled><natEnabled>false</natEnabled>\
         <urAccepted>-1</urAccepted><crashReportingEnabled>false</crashReportingEnabled>\
         <autoUpgradeIntervalH>0</autoUpgradeIntervalH><startBrowser>false</startBrowser>\
         </options>\n</configuration>\n"
    )
}

/// syncthing.service (MemoryDenyWriteExecute=, SystemCallArchitectures=native,
/// NoNewPrivileges=) runs its Go runtime under the seccomp filters and answers its REST API;
/// the hardening is in force in its process.
#[test]
fn debians_syncthing_answers_its_rest_api() {
    if !installed(
        &["/usr/bin/syncthing", "/usr/bin/curl"],
        &["syncthing.service"],
    ) {
        return;
    }
    let Some(who) = Who::nobody() else { return };
    let (gui, sync) = (
        linger_test_support::free_port(),
        linger_test_support::free_port(),
    );
    let m = manager_with(
        BIN,
        &who,
        &["syncthing.service"],
        &[(".config/syncthing/config.xml", syncthing_config(gui, sync))],
    );
    m.systemctl(&["start", "syncthing.service"]).expect_code(0);
    let url = format!("http://127.0.0.1:{gui}/rest/system/status");
    let status = || {
        let out = Command::new("curl")
            .args([
                "-sf",
                "--max-time",
                "5",
                "-H",
                "X-API-Key: linger-test-key",
                &url,
            ])
            .output()
            .ok()?;
        serde_json::from_slice::<serde_json::Value>(&out.stdout).ok()
    };
    let mut answer = None;
    m.wait_for("syncthing's REST API", |_| {
        answer = status();
        answer.is_some()
    });
    let answer = answer.unwrap();
    assert!(
        answer["myID"].as_str().is_some_and(|id| id.len() > 50),
        "{answer}"
    );
    assert!(
        answer["connectionServiceStatus"]
            .get(format!("tcp://127.0.0.1:{sync}"))
            .is_some(),
        "{answer}"
    );
    let pid = m.main_pid("syncthing.service");
    let proc_status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    assert!(
        proc_status.lines().any(|l| l == "NoNewPrivs:\t1"),
        "{proc_status}"
    );
    assert!(
        proc_status.lines().any(|l| l == "Seccomp:\t2"),
        "{proc_status}"
    );
    assert_eq!(
        m.prop("syncthing.service", "NRestarts"),
        "0",
        "{}",
        journal(&m, "syncthing.service")
    );
    m.systemctl(&["stop", "syncthing.service"]).expect_code(0);
    assert_eq!(m.prop("syncthing.service", "ActiveState"), "inactive");
}

const VDIRSYNCER_CONFIG: &str = "[general]\nstatus_path = \"~/.local/share/vdirsyncer/status/\"\n\n\
    [pair calendar]\na = \"calendar_a\"\nb = \"calendar_b\"\ncollections = null\n\n\
    [storage calendar_a]\ntype = \"filesystem\"\npath = \"~/calendars/a/\"\nfileext = \".ics\"\n\n\
    [storage calendar_b]\ntype = \"filesystem\"\npath = \"~/calendars/b/\"\nfileext = \".ics\"\n";

const EVENT: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//linger//test//EN\r\n\
    BEGIN:VEVENT\r\nUID:linger-test-1\r\nDTSTAMP:20261207T000000Z\r\n\
    DTSTART:20261208T100000Z\r\nSUMMARY:lingering\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/// vdirsyncer.timer (OnBootSec=5m, OnUnitActiveSec=15m): on a machine up for more than five
/// minutes its boot trigger is already due, so starting the timer runs vdirsyncer.service at
/// once (as systemd does), which syncs an event from one directory storage to the other; the
/// timer then waits for OnUnitActiveSec=.
#[test]
fn debians_vdirsyncer_timer_runs_a_sync() {
    if !installed(
        &["/usr/bin/vdirsyncer"],
        &["vdirsyncer.timer", "vdirsyncer.service"],
    ) {
        return;
    }
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0);
    if uptime < 330.0 {
        eprintln!("skipped: the machine is up for less than OnBootSec=5m");
        return;
    }
    for who in Who::root_and_nobody() {
        let m = manager_with(
            BIN,
            &who,
            &["vdirsyncer.timer", "vdirsyncer.service"],
            &[
                (".config/vdirsyncer/config", VDIRSYNCER_CONFIG.to_string()),
                ("calendars/a/linger-test-1.ics", EVENT.to_string()),
                ("calendars/b/.keep", String::new()),
            ],
        );
        // What the user does once by hand before the timer may sync.
        let discover = client(&m, &who, "vdirsyncer", &["discover"], &[]);
        assert!(discover.status.success(), "{}", text(&discover));
        hand_over(&m, &who);
        m.systemctl(&["start", "vdirsyncer.timer"]).expect_code(0);
        let synced = m.home().join("calendars/b/linger-test-1.ics");
        m.wait_for("vdirsyncer to sync the event", |_| {
            std::fs::read_to_string(&synced).is_ok_and(|t| t.contains("SUMMARY:lingering"))
        });
        m.wait_for("vdirsyncer.service to finish", |m| {
            m.prop("vdirsyncer.service", "ActiveState") == "inactive"
        });
        assert_eq!(
            m.prop("vdirsyncer.service", "Result"),
            "success",
            "{}",
            journal(&m, "vdirsyncer.service")
        );
        assert_eq!(m.prop("vdirsyncer.timer", "SubState"), "waiting");
        assert_ne!(m.prop("vdirsyncer.timer", "LastTriggerUSec"), "n/a");
        // Next: 15 minutes after the service's activation (the boot trigger is spent).
        let timers = m.systemctl(&["list-timers", "--no-pager"]).stdout;
        assert!(
            timers.lines().any(|l| l.contains("vdirsyncer.timer")
                && (l.contains(" 14min left") || l.contains(" 15min left"))),
            "{timers}"
        );
    }
}

/// A user made for the podman test, with subordinate uid/gid ranges (useradd makes them
/// where /etc/subuid exists; otherwise the test adds them), all removed at the end.
struct PodmanUser {
    name: String,
    added_range: Option<String>,
}

impl PodmanUser {
    fn create() -> PodmanUser {
        let name = format!("lpod{}", std::process::id());
        // Other tests add users at the same moment: useradd's lock is retried.
        let made = (0..50).any(|_| {
            let ok = Command::new("useradd")
                .args(["-M", "-d", "/nonexistent", "-s", "/usr/sbin/nologin", &name])
                .status()
                .is_ok_and(|s| s.success());
            if !ok {
                std::thread::sleep(Duration::from_millis(100));
            }
            ok
        });
        assert!(made, "useradd {name}");
        let mut user = PodmanUser {
            name,
            added_range: None,
        };
        if user.subordinate_ids().is_none() {
            // A range far above the ones useradd hands out, distinct per test process.
            let first = 2_000_000_000u64 + u64::from(std::process::id() % 1000) * 65_536;
            let range = format!("{first}-{}", first + 65_535);
            let ok = Command::new("usermod")
                .args(["--add-subuids", &range, "--add-subgids", &range, &user.name])
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "usermod --add-subuids {range} {}", user.name);
            user.added_range = Some(range);
        }
        user
    }

    /// The user's first subordinate uid and count, from /etc/subuid.
    fn subordinate_ids(&self) -> Option<(u64, u64)> {
        let table = std::fs::read_to_string("/etc/subuid").ok()?;
        table.lines().find_map(|l| {
            let mut f = l.split(':');
            (f.next()? == self.name).then_some(())?;
            Some((f.next()?.parse().ok()?, f.next()?.parse().ok()?))
        })
    }
}

impl Drop for PodmanUser {
    fn drop(&mut self) {
        if let Some(range) = &self.added_range {
            let _ = Command::new("usermod")
                .args(["--del-subuids", range, "--del-subgids", range, &self.name])
                .status();
        }
        // userdel also drops the ranges useradd made.
        for _ in 0..50 {
            if Command::new("userdel")
                .arg(&self.name)
                .status()
                .is_ok_and(|s| s.success())
            {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// podman.socket listens at `%t/podman/podman.sock`; the first API request starts
/// podman.service (`podman system service`, socket-activated), which answers `_ping` and
/// `info` as a rootless podman whose user namespace maps the user's subordinate ids. Stopping
/// it with KillMode=process leaves podman's pause process (it holds the user namespace), as
/// under systemd; the test ends it by the pid podman recorded.
#[test]
fn debians_podman_socket_serves_the_api_rootless() {
    if !installed(
        &["/usr/bin/podman", "/usr/bin/curl", "/usr/bin/newuidmap"],
        &["podman.socket", "podman.service"],
    ) {
        return;
    }
    if !rustix::process::geteuid().is_root() {
        eprintln!("skipped: needs root to make a user with subordinate ids");
        return;
    }
    let user = PodmanUser::create();
    let (first, count) = user.subordinate_ids().expect("subordinate ids");
    let who = Who::User(user.name.clone(), user.name.clone());
    let m = manager_with(BIN, &who, &["podman.socket", "podman.service"], &[]);
    m.systemctl(&["start", "podman.socket"]).expect_code(0);
    let sock = m.runtime().join("podman/podman.sock");
    let api = |path: &str| {
        let out = Command::new("curl")
            .args(["-s", "--max-time", "60", "--unix-socket"])
            .arg(&sock)
            .arg(format!("http://d/v4.0.0/libpod/{path}"))
            .output()
            .expect("curl");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let pause_pid_file = m.runtime().join("libpod/tmp/pause.pid");
    let end_pause = || {
        if let Some(pid) = std::fs::read_to_string(&pause_pid_file)
            .ok()
            .and_then(|p| p.trim().parse::<i32>().ok())
            .and_then(rustix::process::Pid::from_raw)
        {
            let _ = rustix::process::kill_process(pid, rustix::process::Signal::KILL);
        }
    };
    let ping = api("_ping");
    if ping != "OK" {
        end_pause();
        panic!("_ping: {ping:?}\n{}", journal(&m, "podman.service"));
    }
    assert_eq!(m.prop("podman.service", "ActiveState"), "active");
    let info: serde_json::Value = serde_json::from_str(&api("info")).unwrap_or_default();
    end_pause_on_panic(&end_pause, || {
        assert_eq!(info["host"]["security"]["rootless"], true, "{info}");
        let uidmap = info["host"]["idMappings"]["uidmap"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(
            uidmap
                .iter()
                .any(|e| e["host_id"] == first && e["size"] == count),
            "uid map {uidmap:?} lacks {first}+{count}"
        );
        assert!(
            info["store"]["graphRoot"]
                .as_str()
                .is_some_and(|p| Path::new(p).starts_with(m.home())),
            "{info}"
        );
        m.systemctl(&["stop", "podman.service", "podman.socket"])
            .expect_code(0);
        assert_eq!(m.prop("podman.service", "ActiveState"), "inactive");
    });
    end_pause();
    drop(m);
}

/// Run `f`; whatever happens, `cleanup` runs first if it panics.
fn end_pause_on_panic(cleanup: &dyn Fn(), f: impl FnOnce()) {
    if let Err(e) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        cleanup();
        std::panic::resume_unwind(e);
    }
}
