use super::*;
use ManagerEffect as E;
use ManagerEvent as Ev;
use ManagerPhase as P;

type Case = (P, Ev, Result<(P, Vec<E>), ()>);

const T: Timing = Timing {
    ready: Duration::from_secs(30),
    stop: Duration::from_secs(10),
};

#[test]
fn transition_table() {
    let now = Instant::now();
    let starting = P::Starting {
        pid: 7,
        deadline: now + T.ready,
    };
    let stopping = P::Stopping {
        pid: 7,
        deadline: Some(now + T.stop),
        failed: false,
    };
    let cases: Vec<Case> = vec![
        (P::Stopped, Ev::Spawned(7), Ok((starting, vec![]))),
        (
            P::Stopped,
            Ev::SpawnFailed,
            Ok((
                P::Backoff {
                    until: now + FIRST_DELAY,
                },
                vec![E::WakeWaiters],
            )),
        ),
        (
            starting,
            Ev::Ready(7),
            Ok((P::Running { pid: 7 }, vec![E::WakeWaiters])),
        ),
        (starting, Ev::Ready(8), Ok((starting, vec![]))),
        (
            P::Running { pid: 7 },
            Ev::Ready(7),
            Ok((P::Running { pid: 7 }, vec![])),
        ),
        (
            starting,
            Ev::Timeout,
            Ok((
                P::Stopping {
                    pid: 7,
                    deadline: Some(now + T.stop),
                    failed: true,
                },
                vec![E::Terminate(7), E::WakeWaiters],
            )),
        ),
        (
            P::Running { pid: 7 },
            Ev::Exited(7),
            Ok((
                P::Backoff {
                    until: now + FIRST_DELAY,
                },
                vec![E::WakeWaiters],
            )),
        ),
        (
            stopping,
            Ev::Exited(7),
            Ok((P::Stopped, vec![E::Cleanup, E::WakeWaiters])),
        ),
        (
            stopping,
            Ev::Timeout,
            Ok((
                P::Stopping {
                    pid: 7,
                    deadline: None,
                    failed: false,
                },
                vec![E::KillAll],
            )),
        ),
        (P::Running { pid: 7 }, Ev::Exited(9), Err(())),
        (P::Stopped, Ev::Exited(7), Err(())),
        (P::Running { pid: 7 }, Ev::Timeout, Err(())),
        (P::Stopped, Ev::Timeout, Err(())),
        (P::Running { pid: 7 }, Ev::Spawned(8), Err(())),
    ];
    let mut bad = Vec::new();
    for (phase, ev, want) in cases {
        let mut b = Backoff::default();
        let got = step(phase, ev, now, T, &mut b).map_err(|_| ());
        if got != want {
            bad.push(format!("{phase:?} + {ev:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn failed_start_counts_as_a_crash_once_gone() {
    let now = Instant::now();
    let mut b = Backoff::default();
    let (p, _) = step(
        P::Starting {
            pid: 7,
            deadline: now,
        },
        Ev::Timeout,
        now,
        T,
        &mut b,
    )
    .unwrap();
    let (p, fx) = step(p, Ev::Exited(7), now, T, &mut b).unwrap();
    assert_eq!(
        p,
        P::Backoff {
            until: now + FIRST_DELAY
        }
    );
    assert_eq!(fx, [E::Cleanup, E::WakeWaiters]);
}

#[test]
fn backoff_doubles_caps_and_gives_up() {
    let now = Instant::now();
    let mut b = Backoff::default();
    let delays: Vec<_> = (0..MAX_FAILURES).map(|_| b.failed(now).unwrap()).collect();
    assert_eq!(delays[0], Duration::from_millis(100));
    assert_eq!(delays[1], Duration::from_millis(200));
    assert_eq!(delays[6], Duration::from_millis(6400));
    assert_eq!(delays[7], MAX_DELAY);
    assert_eq!(b.failed(now), None, "gives up");
    // Outside the window the count starts again.
    assert_eq!(
        b.failed(now + RESTART_WINDOW + Duration::from_secs(1)),
        Some(FIRST_DELAY)
    );
    let (p, _) = step(
        P::Running { pid: 1 },
        Ev::Exited(1),
        now,
        T,
        &mut exhausted(now),
    )
    .unwrap();
    assert_eq!(p, P::Failed);
}

fn exhausted(now: Instant) -> Backoff {
    let mut b = Backoff::default();
    for _ in 0..MAX_FAILURES {
        b.failed(now);
    }
    b
}

#[test]
fn reconcile_table() {
    let now = Instant::now();
    let later = now + Duration::from_secs(1);
    let running = P::Running { pid: 7 };
    // (phase, wanted, retry, want phase, want effects)
    let cases: Vec<(P, bool, bool, P, Vec<E>)> = vec![
        (P::Stopped, true, false, P::Stopped, vec![E::Spawn]),
        (P::Stopped, false, false, P::Stopped, vec![]),
        (running, true, false, running, vec![]),
        (
            running,
            false,
            false,
            P::Stopping {
                pid: 7,
                deadline: Some(now + T.stop),
                failed: false,
            },
            vec![E::Terminate(7)],
        ),
        (
            P::Backoff { until: later },
            true,
            false,
            P::Backoff { until: later },
            vec![],
        ),
        (
            P::Backoff { until: now },
            true,
            false,
            P::Backoff { until: now },
            vec![E::Spawn],
        ),
        (
            P::Backoff { until: later },
            true,
            true,
            P::Backoff { until: later },
            vec![E::Spawn],
        ),
        (
            P::Backoff { until: later },
            false,
            false,
            P::Stopped,
            vec![E::Cleanup, E::WakeWaiters],
        ),
        (P::Failed, true, false, P::Failed, vec![]),
        (P::Failed, true, true, P::Failed, vec![E::Spawn]),
        (
            P::Failed,
            false,
            false,
            P::Stopped,
            vec![E::Cleanup, E::WakeWaiters],
        ),
    ];
    let mut bad = Vec::new();
    for (phase, wanted, retry, want_p, want_fx) in cases {
        let mut b = exhausted(now);
        let got = reconcile(phase, wanted, retry, now, T, &mut b);
        if got != (want_p, want_fx.clone()) {
            bad.push(format!(
                "{phase:?} wanted={wanted} retry={retry}: want {:?}, got {got:?}",
                (want_p, want_fx)
            ));
        }
        if retry && b != Backoff::default() {
            bad.push(format!("{phase:?}: retry must reset the crash count"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn states() {
    let running = P::Running { pid: 1 };
    let stopping = P::Stopping {
        pid: 1,
        deadline: None,
        failed: false,
    };
    assert_eq!(user_state(1, 0, false, running), "active");
    assert_eq!(user_state(1, 1, true, running), "active");
    assert_eq!(user_state(0, 1, true, running), "closing");
    assert_eq!(user_state(0, 0, true, running), "lingering");
    assert_eq!(user_state(0, 0, true, P::Stopped), "lingering");
    assert_eq!(user_state(0, 0, false, stopping), "closing");
    assert_eq!(user_state(0, 0, false, running), "closing");
    assert_eq!(user_state(0, 0, false, P::Stopped), "offline");
}

#[test]
fn a_crash_keeps_the_services_until_restarting_is_given_up() {
    let now = Instant::now();
    let running = P::Running { pid: 7 };
    // Restart planned: nothing is killed, the next manager re-adopts the services.
    let mut b = Backoff::default();
    let (p, fx) = step(running, Ev::Exited(7), now, T, &mut b).unwrap();
    assert!(matches!(p, P::Backoff { .. }));
    assert_eq!(fx, [E::WakeWaiters]);
    // The last allowed crash: give up, and then clean up what is left.
    let mut b = exhausted(now);
    let (p, fx) = step(running, Ev::Exited(7), now, T, &mut b).unwrap();
    assert_eq!(p, P::Failed);
    assert_eq!(fx, [E::Cleanup, E::WakeWaiters]);
}
