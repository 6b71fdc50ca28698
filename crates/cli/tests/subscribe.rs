//! The manager's change stream (`io.linger.Manager.Subscribe`), which the CLI's waits and the
//! D-Bus front end's signals are built on: a subscriber hears of jobs queued and finished and
//! of its units' state changes, in order, and only of the units it asked for.

use std::time::Duration;

use linger_ipc::Client;
use linger_ipc::manager::{Change, ChangesReply, method};
use linger_test_support::Manager;
use linger_wire::{ActiveState, JobResult, JobType};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn subscribe(m: &Manager, units: &[&str]) -> Client {
    let mut c = Client::connect(&m.runtime().join("linger/manager")).unwrap();
    c.set_timeout(Some(Duration::from_secs(20))).unwrap();
    c.call_more(method::SUBSCRIBE, serde_json::json!({ "units": units }))
        .unwrap();
    let (first, continues) = c.next_reply().unwrap();
    assert!(continues, "a subscription streams");
    let first: ChangesReply = serde_json::from_value(first).unwrap();
    assert!(first.changes.is_empty(), "{first:?}");
    c
}

/// Changes until `done` says the awaited one came.
fn read_until(c: &mut Client, mut done: impl FnMut(&Change) -> bool) -> Vec<Change> {
    let mut seen = Vec::new();
    loop {
        let (v, continues) = c.next_reply().unwrap();
        assert!(continues);
        let r: ChangesReply = serde_json::from_value(v).unwrap();
        for ch in r.changes {
            let end = done(&ch);
            seen.push(ch);
            if end {
                return seen;
            }
        }
    }
}

#[test]
fn a_subscriber_hears_jobs_and_state_changes_of_its_units_only() {
    let mut m = Manager::new(BIN);
    m.write_unit(
        "watched.service",
        "[Service]\nExecStart=/bin/sleep infinity\n",
    );
    m.write_unit(
        "other.service",
        "[Service]\nExecStart=/bin/sleep infinity\n",
    );
    m.start();
    let mut watched = subscribe(&m, &["watched.service"]);
    let mut all = subscribe(&m, &[]);
    m.systemctl(&["start", "other.service"]).expect_code(0);
    m.systemctl(&["start", "watched.service"]).expect_code(0);
    let seen = read_until(&mut watched, |c| matches!(c, Change::JobRemoved { .. }));
    assert!(
        seen.iter().all(|c| c.unit() == "watched.service"),
        "only the unit asked for: {seen:?}"
    );
    let job_new = seen
        .iter()
        .position(|c| {
            matches!(
                c,
                Change::JobNew {
                    job_type: JobType::Start,
                    ..
                }
            )
        })
        .expect("JobNew");
    let active = seen
        .iter()
        .position(|c| {
            matches!(
                c,
                Change::UnitChanged {
                    active: ActiveState::Active,
                    ..
                }
            )
        })
        .expect("UnitChanged to active");
    assert!(job_new < active, "{seen:?}");
    assert!(
        matches!(
            seen.last(),
            Some(Change::JobRemoved {
                result: JobResult::Done,
                ..
            })
        ),
        "{seen:?}"
    );
    // The unfiltered subscriber heard of both, other.service first.
    let seen = read_until(
        &mut all,
        |c| matches!(c, Change::JobRemoved { unit, .. } if unit == "watched.service"),
    );
    let first_other = seen.iter().position(|c| c.unit() == "other.service");
    let first_watched = seen.iter().position(|c| c.unit() == "watched.service");
    assert!(
        first_other.is_some() && first_other < first_watched,
        "{seen:?}"
    );
    // A stop is heard as it goes: deactivating (or straight to inactive), then inactive.
    m.systemctl(&["stop", "watched.service"]).expect_code(0);
    let seen = read_until(&mut watched, |c| matches!(c, Change::JobRemoved { .. }));
    assert!(
        seen.iter().any(|c| matches!(
            c,
            Change::UnitChanged {
                active: ActiveState::Inactive,
                ..
            }
        )),
        "{seen:?}"
    );
    m.shutdown();
}

/// A unit that runs until the test writes to its FIFO, then exits with `code`.
fn gated_unit(m: &Manager, name: &str, code: i32) -> std::path::PathBuf {
    let fifo = m.home().join(format!("{name}.gate"));
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    m.write_unit(
        name,
        &format!(
            "[Service]\nExecStart=/bin/sh -c 'read x < {}; exit {code}'\n",
            fifo.display()
        ),
    );
    fifo
}

fn open_gate(fifo: &std::path::Path) {
    std::fs::write(fifo, "go\n").unwrap();
}

/// `start --wait` returns when the unit is down again — not before — with 1 if it failed.
#[test]
fn start_wait_follows_the_unit_until_it_is_down() {
    let mut m = Manager::new(BIN);
    let ok = gated_unit(&m, "ok.service", 0);
    let bad = gated_unit(&m, "bad.service", 3);
    m.start();
    for (unit, gate, code) in [("ok.service", &ok, 0), ("bad.service", &bad, 1)] {
        let mut wait = m
            .tool("systemctl", &["--user", "start", "--wait", unit])
            .spawn()
            .unwrap();
        m.wait_for("the unit to run", |m| m.prop(unit, "SubState") == "running");
        std::thread::sleep(Duration::from_millis(200));
        assert!(
            wait.try_wait().unwrap().is_none(),
            "start --wait returned while {unit} still runs"
        );
        open_gate(gate);
        let status = wait.wait().unwrap();
        assert_eq!(status.code(), Some(code), "{unit}");
        assert_ne!(m.prop(unit, "ActiveState"), "active");
    }
    m.shutdown();
}

/// `is-system-running --wait` answers once the queued jobs are done, not while "starting".
#[test]
fn is_system_running_wait_waits_for_the_jobs() {
    let mut m = Manager::new(BIN);
    let gate = m.home().join("pre.gate");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&gate)
            .status()
            .unwrap()
            .success()
    );
    m.write_unit(
        "slow.service",
        &format!(
            "[Service]\nExecStartPre=/bin/sh -c 'read x < {}'\nExecStart=/bin/sleep infinity\n",
            gate.display()
        ),
    );
    m.start();
    m.systemctl(&["start", "--no-block", "slow.service"])
        .expect_code(0);
    let now = m.systemctl(&["is-system-running"]);
    assert_eq!(now.stdout.trim(), "starting");
    let mut wait = m
        .tool("systemctl", &["--user", "is-system-running", "--wait"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        wait.try_wait().unwrap().is_none(),
        "answered while starting"
    );
    open_gate(&gate);
    let out = wait.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "running");
    assert_eq!(out.status.code(), Some(0));
    m.shutdown();
}
