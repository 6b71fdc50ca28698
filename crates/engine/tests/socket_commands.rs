//! A socket unit's own commands (`ExecStartPre=`, `ExecStartPost=`, `ExecStopPre=`,
//! `ExecStopPost=`, `TimeoutSec=`) driven through the engine with a fake host: when each
//! runs relative to the sockets being open, and how a failing or hanging one ends the socket.

mod common;
use common::*;

use linger_engine::{ActiveState, ExitStatus, JobResult, KillWhom};

const SEC: u64 = 1_000_000;

fn may_fail(path: &str) -> ExecCommand {
    let mut c = cmd(path);
    c.flags.ignore_failure = true;
    c
}

/// The last process spawned for `unit`: (directive, path, pid).
fn last_spawn(w: &World, unit: &str) -> (String, String, u32) {
    let s =
        w.e.host()
            .spawned
            .iter()
            .rev()
            .find(|s| s.0 == unit)
            .unwrap();
    (s.1.clone(), s.2.clone(), s.3)
}

fn is_open(w: &World, unit: &str) -> bool {
    w.e.host().sockets.contains_key(unit)
}

fn result(w: &World, unit: &str) -> &'static str {
    w.e.unit(unit).unwrap().socket().unwrap().result
}

#[test]
fn start_post_runs_once_the_socket_is_open_and_it_listens_when_that_ends() {
    // Debian's dbus.socket: ExecStartPost=-/bin/systemctl --user set-environment …
    let mut w = World::new(vec![
        socket("bus.socket", |s| {
            s.processes.exec_start_post = vec![may_fail("/bin/systemctl")]
        }),
        service("bus.service", |_, _| {}),
    ]);
    w.start("bus.socket").unwrap();
    assert_eq!(
        w.state("bus.socket"),
        (ActiveState::Activating, "start-post")
    );
    assert!(is_open(&w, "bus.socket"), "open before ExecStartPost= runs");
    let (directive, path, pid) = last_spawn(&w, "bus.socket");
    assert_eq!(
        (directive.as_str(), path.as_str()),
        ("ExecStartPost", "/bin/systemctl")
    );
    assert_eq!(w.e.unit_of_pid(pid), Some("bus.socket"));
    assert!(
        w.finished.is_empty(),
        "the start job waits for ExecStartPost="
    );
    // A `-` command may fail.
    w.exit("bus.socket", pid, ExitStatus::Exited(1));
    assert_eq!(w.state("bus.socket"), (ActiveState::Active, "listening"));
    assert_eq!(w.e.host().sockets.get("bus.socket"), Some(&true), "watched");
    assert_eq!(result(&w, "bus.socket"), "success");
    assert_eq!(w.finished, vec![("bus.socket".into(), JobResult::Done)]);
}

#[test]
fn a_failing_start_pre_fails_the_socket_before_it_opens() {
    let mut w = World::new(vec![
        socket("s.socket", |s| {
            s.processes.exec_start_pre =
                vec![cmd("/bin/true"), cmd("/bin/false"), cmd("/bin/never")]
        }),
        service("s.service", |_, _| {}),
    ]);
    w.start("s.socket").unwrap();
    assert_eq!(w.state("s.socket"), (ActiveState::Activating, "start-pre"));
    assert!(!is_open(&w, "s.socket"));
    let (_, path, pid) = last_spawn(&w, "s.socket");
    assert_eq!(path, "/bin/true");
    w.exit("s.socket", pid, ExitStatus::Exited(0));
    let (_, path, pid) = last_spawn(&w, "s.socket");
    assert_eq!(path, "/bin/false", "the list runs in order");
    w.exit("s.socket", pid, ExitStatus::Exited(1));
    assert_eq!(w.state("s.socket"), (ActiveState::Failed, "failed"));
    assert_eq!(result(&w, "s.socket"), "exit-code");
    assert_eq!(w.spawned("s.socket"), 2, "nothing after the failed command");
    assert!(!is_open(&w, "s.socket"));
    assert_eq!(w.finished, vec![("s.socket".into(), JobResult::Failed)]);
    assert!(
        w.log
            .contains(&"s.socket: Failed with result 'exit-code'.".to_string()),
        "{:?}",
        w.log
    );
}

#[test]
fn stop_pre_runs_while_open_and_stop_post_after_closing() {
    let mut w = World::new(vec![
        socket("s.socket", |s| {
            s.processes.exec_stop = vec![cmd("/bin/stop-pre")];
            s.processes.exec_stop_post = vec![cmd("/bin/stop-post")];
        }),
        service("s.service", |_, _| {}),
    ]);
    w.start("s.socket").unwrap();
    assert_eq!(w.state("s.socket"), (ActiveState::Active, "listening"));
    w.stop("s.socket");
    assert_eq!(w.state("s.socket"), (ActiveState::Deactivating, "stop-pre"));
    assert!(
        is_open(&w, "s.socket"),
        "still open while ExecStopPre= runs"
    );
    let (_, path, pid) = last_spawn(&w, "s.socket");
    assert_eq!(path, "/bin/stop-pre");
    w.exit("s.socket", pid, ExitStatus::Exited(0));
    assert_eq!(
        w.state("s.socket"),
        (ActiveState::Deactivating, "stop-post")
    );
    assert!(!is_open(&w, "s.socket"), "closed before ExecStopPost= runs");
    let (_, path, pid) = last_spawn(&w, "s.socket");
    assert_eq!(path, "/bin/stop-post");
    w.exit("s.socket", pid, ExitStatus::Exited(0));
    assert_eq!(w.state("s.socket"), (ActiveState::Inactive, "dead"));
    assert_eq!(
        w.finished,
        vec![
            ("s.socket".into(), JobResult::Done),
            ("s.socket".into(), JobResult::Done)
        ]
    );
}

#[test]
fn a_hanging_start_post_times_out_and_is_killed() {
    let mut w = World::new(vec![
        socket("s.socket", |s| {
            s.processes.exec_start_post = vec![cmd("/bin/hang")];
            s.processes.timeout_start = 5 * SEC;
        }),
        service("s.service", |_, _| {}),
    ]);
    w.start("s.socket").unwrap();
    let (_, _, pid) = last_spawn(&w, "s.socket");
    w.advance(4 * SEC);
    assert_eq!(w.state("s.socket"), (ActiveState::Activating, "start-post"));
    w.advance(SEC);
    // No ExecStopPre=/ExecStopPost=: closed, and what is left gets KillSignal=.
    assert_eq!(
        w.state("s.socket"),
        (ActiveState::Deactivating, "final-sigterm")
    );
    assert!(!is_open(&w, "s.socket"));
    assert_eq!(
        w.e.host().kills.last(),
        Some(&("s.socket".to_string(), KillWhom::All, 15))
    );
    // Still there after another TimeoutSec=: SIGKILL.
    w.advance(5 * SEC);
    assert_eq!(
        w.state("s.socket"),
        (ActiveState::Deactivating, "final-sigkill")
    );
    assert_eq!(
        w.e.host().kills.last(),
        Some(&("s.socket".to_string(), KillWhom::All, 9))
    );
    w.exit("s.socket", pid, ExitStatus::Killed(9));
    assert_eq!(w.state("s.socket"), (ActiveState::Failed, "failed"));
    assert_eq!(
        result(&w, "s.socket"),
        "timeout",
        "the first failure is kept"
    );
    assert_eq!(w.finished, vec![("s.socket".into(), JobResult::Failed)]);
    assert!(
        w.log
            .contains(&"s.socket: Starting timed out. Stopping.".to_string()),
        "{:?}",
        w.log
    );
}

#[test]
fn stopping_a_socket_during_its_start_ends_the_command() {
    let mut w = World::new(vec![
        socket("s.socket", |s| {
            s.processes.exec_start_pre = vec![cmd("/bin/slow")];
        }),
        service("s.service", |_, _| {}),
    ]);
    w.start("s.socket").unwrap();
    let (_, _, pid) = last_spawn(&w, "s.socket");
    w.stop("s.socket");
    assert_eq!(
        w.state("s.socket"),
        (ActiveState::Deactivating, "stop-pre-sigterm")
    );
    w.exit("s.socket", pid, ExitStatus::Killed(15));
    // As systemd: a command killed by SIGTERM is a failed command (it is not a main process).
    assert_eq!(w.state("s.socket"), (ActiveState::Failed, "failed"));
    assert_eq!(result(&w, "s.socket"), "signal");
    assert!(!is_open(&w, "s.socket"));
}

#[test]
fn a_socket_restarts_its_commands_on_each_start() {
    let mut w = World::new(vec![
        socket("s.socket", |s| {
            s.processes.exec_start_post = vec![cmd("/bin/post")];
        }),
        service("s.service", |_, _| {}),
    ]);
    for round in 1..=2 {
        w.start("s.socket").unwrap();
        let (_, _, pid) = last_spawn(&w, "s.socket");
        w.exit("s.socket", pid, ExitStatus::Exited(0));
        assert_eq!(w.state("s.socket"), (ActiveState::Active, "listening"));
        w.stop("s.socket");
        assert_eq!(w.state("s.socket"), (ActiveState::Inactive, "dead"));
        assert_eq!(w.spawned("s.socket"), round);
    }
}

#[test]
fn a_socket_kept_across_a_reexec_does_not_run_its_start_commands_again() {
    let mut w = World::new(vec![
        socket("bus.socket", |s| {
            s.processes.exec_start_pre = vec![cmd("/bin/pre")];
            s.processes.exec_start_post = vec![cmd("/bin/post")];
        }),
        service("bus.service", |_, _| {}),
    ]);
    w.e.load("bus.socket");
    w.e.restore_socket("bus.socket");
    w.start("bus.socket").unwrap();
    assert_eq!(w.state("bus.socket"), (ActiveState::Active, "listening"));
    assert_eq!(w.spawned("bus.socket"), 0);
    assert_eq!(w.finished, vec![("bus.socket".into(), JobResult::Done)]);
    // The next start after a stop is a start again.
    w.stop("bus.socket");
    w.start("bus.socket").unwrap();
    assert_eq!(
        w.state("bus.socket"),
        (ActiveState::Activating, "start-pre")
    );
}

/// After a crash of the manager, a socket caught half way up goes on from where it was, as
/// systemd's serialization of a socket would have it: the commands that ran do not run again
/// (the record says how many had started), the one running is waited for (adopted), the ones
/// after it follow, and then the step after the list.
#[test]
fn a_socket_caught_half_way_up_goes_on_without_running_anything_twice() {
    let unit = || {
        socket("s.socket", |s| {
            s.processes.exec_start_pre = vec![cmd("/pre/1"), cmd("/pre/2"), cmd("/pre/3")];
            s.processes.exec_start_post = vec![cmd("/post/1"), cmd("/post/2")];
        })
    };
    let paths = |w: &World| -> Vec<String> {
        w.e.host()
            .spawned
            .iter()
            .filter(|s| s.0 == "s.socket")
            .map(|s| s.2.clone())
            .collect()
    };
    // The first manager: /pre/1 done, /pre/2 running, then the crash.
    let mut first = World::new(vec![unit(), service("s.service", |_, _| {})]);
    first.start("s.socket").unwrap();
    let (_, _, p1) = last_spawn(&first, "s.socket");
    first.exit("s.socket", p1, ExitStatus::Exited(0));
    let (_, path, p2) = last_spawn(&first, "s.socket");
    assert_eq!(path, "/pre/2");
    let midway = first.e.socket_midway("s.socket").expect("half way up");
    assert_eq!(
        midway,
        linger_engine::SocketMidway {
            state: linger_engine::SocketState::StartPre,
            started: 2,
            control: Some(p2),
        }
    );

    // The next manager: /pre/2 still runs (adopted).
    let mut next = World::new(vec![unit(), service("s.service", |_, _| {})]);
    next.e.resume_socket("s.socket", midway, true);
    next.drain();
    assert_eq!(
        next.state("s.socket"),
        (ActiveState::Activating, "start-pre")
    );
    assert!(paths(&next).is_empty(), "nothing ran again");
    assert_eq!(next.e.unit_of_pid(p2), Some("s.socket"));
    assert!(!is_open(&next, "s.socket"));
    next.exit("s.socket", p2, ExitStatus::Exited(0));
    assert_eq!(paths(&next), vec!["/pre/3"]);
    let (_, _, p3) = last_spawn(&next, "s.socket");
    next.exit("s.socket", p3, ExitStatus::Exited(0));
    assert!(is_open(&next, "s.socket"));
    assert_eq!(
        next.state("s.socket"),
        (ActiveState::Activating, "start-post")
    );
    assert_eq!(paths(&next), vec!["/pre/3", "/post/1"]);
    let (_, _, q1) = last_spawn(&next, "s.socket");
    let midway = next.e.socket_midway("s.socket").expect("half way up");
    assert_eq!((midway.started, midway.control), (1, Some(q1)));

    // A third manager, the sockets held again, and /post/1 ended while none ran: it counts
    // as done, /post/2 runs, then the socket listens.
    let mut third = World::new(vec![unit(), service("s.service", |_, _| {})]);
    third.e.host_mut().sockets.insert("s.socket".into(), false);
    third.e.resume_socket("s.socket", midway, false);
    third.drain();
    assert_eq!(paths(&third), vec!["/post/2"]);
    assert_eq!(
        third.state("s.socket"),
        (ActiveState::Activating, "start-post")
    );
    let (_, _, q2) = last_spawn(&third, "s.socket");
    third.exit("s.socket", q2, ExitStatus::Exited(0));
    assert_eq!(third.state("s.socket"), (ActiveState::Active, "listening"));
    assert_eq!(paths(&third), vec!["/post/2"], "nothing ran twice");
}
