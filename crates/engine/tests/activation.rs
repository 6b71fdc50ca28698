//! Timers and sockets driven through the engine with a fake clock and fake sockets: the
//! schedule a user configured is the one that fires, and traffic reaches the service.

mod common;
use common::*;

use linger_engine::{ActiveState, ExitStatus, JobResult, TimerKind};
use linger_time::CalendarSpec;
use linger_unit::model::{
    Condition, ConditionKind, ServiceType, TimerConfig, UnitConfig, UnitKind, UnitType,
};

const SEC: u64 = 1_000_000;
/// The fake host's realtime at monotonic 0: Tue 2023-11-14 22:13:20 UTC.
const EPOCH: u64 = 1_700_000_000 * SEC;

fn timer(name: &str, f: impl FnOnce(&mut TimerConfig)) -> UnitConfig {
    let mut t = TimerConfig {
        accuracy: 1,
        ..TimerConfig::default()
    };
    f(&mut t);
    UnitConfig {
        unit_type: UnitType::Timer,
        kind: UnitKind::Timer(Box::new(t)),
        ..target(name)
    }
}

fn oneshot(name: &str) -> UnitConfig {
    service(name, |s, _| s.service_type = ServiceType::Oneshot)
}

fn elapse_deadline(w: &World, unit: &str) -> Option<u64> {
    w.timers
        .get(&(unit.to_string(), TimerKind::Elapse))
        .map(|d| d.0)
}

/// Run the service's main process to a clean exit.
fn finish_run(w: &mut World, svc: &str) {
    let pid =
        w.e.host()
            .spawned
            .iter()
            .rev()
            .find(|s| s.0 == svc)
            .unwrap()
            .3;
    w.exit(svc, pid, ExitStatus::Exited(0));
}

#[test]
fn on_active_sec_fires_once_then_the_timer_is_elapsed() {
    let mut w = World::new(vec![
        timer("job.timer", |t| t.on_active = vec![10 * SEC]),
        oneshot("job.service"),
    ]);
    w.start("job.timer").unwrap();
    assert_eq!(w.state("job.timer"), (ActiveState::Active, "waiting"));
    assert_eq!(w.finished, vec![("job.timer".into(), JobResult::Done)]);
    assert_eq!(elapse_deadline(&w, "job.timer"), Some(10 * SEC));
    w.advance(9 * SEC);
    assert_eq!(w.spawned("job.service"), 0, "not before its time");
    w.advance(SEC);
    assert_eq!(w.spawned("job.service"), 1);
    assert_eq!(w.state("job.timer"), (ActiveState::Active, "running"));
    let last = w.e.unit("job.timer").unwrap().timer().unwrap().last_trigger;
    assert_eq!(last.monotonic, 10 * SEC);
    finish_run(&mut w, "job.service");
    assert_eq!(w.state("job.timer"), (ActiveState::Active, "elapsed"));
    w.advance(3600 * SEC);
    assert_eq!(
        w.spawned("job.service"),
        1,
        "a one-shot trigger does not repeat"
    );
}

#[test]
fn remain_after_elapse_no_stops_the_timer_when_nothing_is_left() {
    let mut w = World::new(vec![
        timer("once.timer", |t| {
            t.on_active = vec![SEC];
            t.remain_after_elapse = false;
        }),
        oneshot("once.service"),
    ]);
    w.start("once.timer").unwrap();
    w.advance(SEC);
    finish_run(&mut w, "once.service");
    assert_eq!(w.state("once.timer"), (ActiveState::Inactive, "dead"));
}

#[test]
fn on_unit_active_sec_repeats_relative_to_the_last_activation() {
    let mut w = World::new(vec![
        timer("tick.timer", |t| {
            t.on_boot = vec![60 * SEC];
            t.on_unit_active = vec![5 * 60 * SEC];
        }),
        oneshot("tick.service"),
    ]);
    w.start("tick.timer").unwrap();
    for _minute in 1..=21 {
        w.advance(60 * SEC);
        if w.state("tick.service").0 == ActiveState::Activating {
            finish_run(&mut w, "tick.service");
        }
    }
    // Boot+1min, then every 5 minutes after each activation: 1, 6, 11, 16, 21.
    assert_eq!(w.spawned("tick.service"), 5);
    assert_eq!(w.state("tick.timer"), (ActiveState::Active, "waiting"));
}

#[test]
fn on_calendar_fires_at_the_wall_clock_time() {
    let mut w = World::new(vec![
        timer("hourly.timer", |t| {
            t.on_calendar = vec![CalendarSpec::parse("hourly").unwrap()];
        }),
        oneshot("hourly.service"),
    ]);
    w.start("hourly.timer").unwrap();
    let t = w.e.unit("hourly.timer").unwrap().timer().unwrap();
    // 22:13:20 → 23:00:00 UTC is 46 min 40 s away.
    assert_eq!(t.next_realtime, Some(EPOCH + 2800 * SEC));
    assert_eq!(elapse_deadline(&w, "hourly.timer"), Some(2800 * SEC));
    w.advance(2799 * SEC);
    assert_eq!(w.spawned("hourly.service"), 0);
    w.advance(SEC);
    assert_eq!(w.spawned("hourly.service"), 1);
    finish_run(&mut w, "hourly.service");
    let t = w.e.unit("hourly.timer").unwrap().timer().unwrap();
    assert_eq!(t.next_realtime, Some(EPOCH + (2800 + 3600) * SEC));
    assert_eq!(w.state("hourly.timer"), (ActiveState::Active, "waiting"));
}

#[test]
fn persistent_timer_catches_up_a_run_missed_while_the_manager_was_down() {
    let daily = || CalendarSpec::parse("daily").unwrap();
    let mut w = World::new(vec![
        timer("backup.timer", |t| {
            t.on_calendar = vec![daily()];
            t.persistent = true;
        }),
        timer("plain.timer", |t| t.on_calendar = vec![daily()]),
        oneshot("backup.service"),
        oneshot("plain.service"),
    ]);
    // Last run two days ago, recorded on disk.
    w.e.host_mut()
        .stamps
        .insert("backup.timer".into(), EPOCH - 2 * 86_400 * SEC);
    w.start("backup.timer").unwrap();
    w.start("plain.timer").unwrap();
    w.advance(1);
    assert_eq!(w.spawned("backup.service"), 1, "the missed run happens now");
    assert_eq!(
        w.spawned("plain.service"),
        0,
        "without Persistent= nothing is owed"
    );
    let stamp = w.e.host().stamps["backup.timer"];
    assert_eq!(
        stamp,
        EPOCH + 1,
        "the trigger is recorded for the next start"
    );
}

#[test]
fn randomized_delay_stays_within_its_bound() {
    for permille in [0, 500, 999] {
        let mut w = World::new(vec![
            timer("r.timer", |t| {
                t.on_active = vec![100 * SEC];
                t.randomized_delay = 60 * SEC;
            }),
            oneshot("r.service"),
        ]);
        w.e.host_mut().random_permille = permille;
        w.start("r.timer").unwrap();
        let next = w.e.unit("r.timer").unwrap().timer().unwrap().next_monotonic;
        let next = next.unwrap();
        assert!(
            (100 * SEC..160 * SEC).contains(&next),
            "{permille}‰ → {next}"
        );
        assert_eq!(next, 100 * SEC + 60 * SEC * permille / 1000);
    }
}

#[test]
fn accuracy_coalesces_into_a_shared_window() {
    let mut w = World::new(vec![
        timer("a.timer", |t| {
            t.on_active = vec![61 * SEC + 5];
            t.accuracy = 60 * SEC;
        }),
        oneshot("a.service"),
    ]);
    w.start("a.timer").unwrap();
    let d = elapse_deadline(&w, "a.timer").unwrap();
    assert_eq!(d, 120 * SEC, "placed on the minute inside [61 s, 121 s]");
}

#[test]
fn a_timer_for_a_missing_unit_refuses_to_start() {
    let mut w = World::new(vec![timer("lonely.timer", |t| t.on_active = vec![SEC])]);
    w.start("lonely.timer").unwrap();
    assert_eq!(w.finished, vec![("lonely.timer".into(), JobResult::Failed)]);
    assert!(
        w.log
            .iter()
            .any(|l| l.contains("lonely.service to trigger not loaded")),
        "{:?}",
        w.log
    );
}

#[test]
fn stopping_a_timer_disarms_it() {
    let mut w = World::new(vec![
        timer("s.timer", |t| t.on_active = vec![10 * SEC]),
        oneshot("s.service"),
    ]);
    w.start("s.timer").unwrap();
    w.stop("s.timer");
    assert_eq!(w.state("s.timer"), (ActiveState::Inactive, "dead"));
    w.advance(20 * SEC);
    assert_eq!(w.spawned("s.service"), 0);
}

#[test]
fn socket_hands_traffic_to_its_service_and_takes_it_back() {
    let mut w = World::new(vec![
        socket("echo.socket", |_| {}),
        service("echo.service", |_, _| {}),
    ]);
    w.start("echo.socket").unwrap();
    assert_eq!(w.state("echo.socket"), (ActiveState::Active, "listening"));
    assert_eq!(w.e.host().sockets.get("echo.socket"), Some(&true));
    w.e.on_socket_ready("echo.socket");
    w.drain();
    assert_eq!(w.state("echo.service"), (ActiveState::Active, "running"));
    assert_eq!(w.state("echo.socket"), (ActiveState::Active, "running"));
    assert_eq!(w.e.host().sockets.get("echo.socket"), Some(&false));
    let passed = w.e.host().passed.last().unwrap().clone();
    assert_eq!(passed, ("echo.service".into(), vec!["echo.socket".into()]));
    // The service crashes: the socket listens again, so the next connection restarts it.
    let pid = w.main_pid("echo.service");
    w.exit("echo.service", pid, ExitStatus::Exited(1));
    assert_eq!(w.state("echo.socket"), (ActiveState::Active, "listening"));
    assert_eq!(w.e.host().sockets.get("echo.socket"), Some(&true));
    w.e.on_socket_ready("echo.socket");
    w.drain();
    assert_eq!(w.spawned("echo.service"), 2);
    // Stopping the socket closes it.
    w.stop("echo.socket");
    assert_eq!(w.state("echo.socket"), (ActiveState::Inactive, "dead"));
    assert!(!w.e.host().sockets.contains_key("echo.socket"));
}

#[test]
fn a_service_started_directly_receives_its_sockets() {
    let mut w = World::new(vec![
        socket("web.socket", |_| {}),
        service("web.service", |_, _| {}),
    ]);
    w.start("web.socket").unwrap();
    w.start("web.service").unwrap();
    assert_eq!(w.state("web.socket"), (ActiveState::Active, "running"));
    assert_eq!(
        w.e.host().passed.last().unwrap().1,
        vec!["web.socket".to_string()]
    );
}

/// The manager's lines about sockets use systemd's words: "Listening on …", "Closed …",
/// "Failed to listen on …" (description, else name).
#[test]
fn socket_messages_are_systemds() {
    let mut w = World::new(vec![
        socket("echo.socket", |_| {}),
        service("echo.service", |_, _| {}),
        socket("busy.socket", |_| {}),
    ]);
    w.e.host_mut().fail_listen.insert("busy.socket".into());
    w.start("echo.socket").unwrap();
    w.stop("echo.socket");
    w.start("busy.socket").unwrap();
    let about = |w: &World, unit: &str| -> Vec<String> {
        let prefix = format!("{unit}: ");
        w.log
            .iter()
            .filter_map(|l| l.strip_prefix(&prefix).map(str::to_string))
            .collect()
    };
    assert_eq!(
        about(&w, "echo.socket"),
        ["Listening on echo.socket.", "Closed echo.socket."]
    );
    assert!(
        about(&w, "busy.socket").contains(&"Failed to listen on busy.socket.".to_string()),
        "{:?}",
        w.log
    );
}

#[test]
fn a_socket_that_cannot_listen_fails_with_resources() {
    let mut w = World::new(vec![
        socket("busy.socket", |_| {}),
        service("busy.service", |_, _| {}),
    ]);
    w.e.host_mut().fail_listen.insert("busy.socket".into());
    w.start("busy.socket").unwrap();
    assert_eq!(w.state("busy.socket"), (ActiveState::Failed, "failed"));
    assert_eq!(
        w.e.unit("busy.socket").unwrap().socket().unwrap().result,
        "resources"
    );
    assert_eq!(w.finished, vec![("busy.socket".into(), JobResult::Failed)]);
}

#[test]
fn trigger_limit_stops_a_socket_whose_service_never_takes_the_traffic() {
    let mut w = World::new(vec![
        socket("spin.socket", |s| s.trigger_limit_burst = Some(5)),
        oneshot("spin.service"),
    ]);
    w.start("spin.socket").unwrap();
    for _ in 0..5 {
        w.e.on_socket_ready("spin.socket");
        w.drain();
        finish_run(&mut w, "spin.service");
    }
    assert_eq!(w.state("spin.socket"), (ActiveState::Active, "listening"));
    w.e.on_socket_ready("spin.socket");
    w.drain();
    assert_eq!(w.state("spin.socket"), (ActiveState::Failed, "failed"));
    assert_eq!(
        w.e.unit("spin.socket").unwrap().socket().unwrap().result,
        "trigger-limit-hit"
    );
}

#[test]
fn accept_yes_starts_one_instance_per_connection_up_to_max_connections() {
    let tmpl = |n: &str| service(n, |_, _| {});
    let mut w = World::new(vec![
        socket("greet.socket", |s| {
            s.accept = true;
            s.max_connections = 2;
        }),
        tmpl("greet@0-1-1000.service"),
        tmpl("greet@1-2-1000.service"),
        tmpl("greet@2-3-1000.service"),
    ]);
    w.start("greet.socket").unwrap();
    assert_eq!(
        w.e.triggers("greet.socket").as_deref(),
        Some("greet@.service")
    );
    for n in ["greet@0-1-1000.service", "greet@1-2-1000.service"] {
        w.e.on_socket_connection("greet.socket", n).unwrap();
        w.drain();
        assert_eq!(w.state(n), (ActiveState::Active, "running"));
    }
    let refused =
        w.e.on_socket_connection("greet.socket", "greet@2-3-1000.service")
            .unwrap_err();
    assert!(
        refused.contains("Too many incoming connections (2)"),
        "{refused}"
    );
    let sock = w.e.unit("greet.socket").unwrap().socket().unwrap();
    assert_eq!(
        (sock.accepted, sock.refused, sock.connections.len()),
        (2, 1, 2)
    );
    // A connection ends: its instance stops and the held connection is released.
    let pid = w.main_pid("greet@0-1-1000.service");
    w.exit("greet@0-1-1000.service", pid, ExitStatus::Exited(0));
    assert_eq!(
        w.e.host().released,
        vec!["greet@0-1-1000.service".to_string()]
    );
    assert_eq!(w.state("greet.socket"), (ActiveState::Active, "listening"));
}

#[test]
fn clock_and_time_zone_changes_recompute_and_trigger() {
    let mut w = World::new(vec![
        timer("clock.timer", |t| t.on_clock_change = true),
        timer("tz.timer", |t| t.on_timezone_change = true),
        timer("cal.timer", |t| {
            t.on_calendar = vec![CalendarSpec::parse("daily").unwrap()]
        }),
        oneshot("clock.service"),
        oneshot("tz.service"),
        oneshot("cal.service"),
    ]);
    for t in ["clock.timer", "tz.timer", "cal.timer"] {
        w.start(t).unwrap();
    }
    assert_eq!(
        w.state("clock.timer"),
        (ActiveState::Active, "waiting"),
        "nothing scheduled, but waiting for a clock change"
    );
    w.e.on_clock_change(false);
    w.drain();
    assert_eq!(
        w.spawned("clock.service"),
        1,
        "OnClockChange= fires on a clock jump"
    );
    assert_eq!(w.spawned("tz.service"), 0);
    finish_run(&mut w, "clock.service");
    assert_eq!(w.state("clock.timer"), (ActiveState::Active, "waiting"));
    w.e.on_clock_change(false);
    w.drain();
    assert_eq!(w.spawned("clock.service"), 2, "and on the next jump again");
    assert_eq!(
        w.spawned("cal.service"),
        0,
        "a calendar timer is only recomputed"
    );
    w.e.on_clock_change(true);
    w.drain();
    assert_eq!(
        w.spawned("tz.service"),
        1,
        "OnTimezoneChange= fires on a zone change"
    );
    assert!(elapse_deadline(&w, "cal.timer").is_some());
}

#[test]
fn a_trigger_whose_start_ends_later_without_a_state_change_rearms_the_activator() {
    // The service waits for `slow.service`, then a condition skips it: no state change ever
    // reports back, yet the socket must listen again and the timer wait again.
    let skipped = |name: &str| {
        service(name, |_, u| {
            u.requires = vec!["slow.service".into()];
            u.after = vec!["slow.service".into()];
            u.conditions = vec![Condition {
                kind: ConditionKind::PathExists,
                name: "ConditionPathExists".into(),
                trigger: false,
                negate: false,
                parameter: "/nonexistent".into(),
            }];
        })
    };
    let mut w = World::new(vec![
        socket("web.socket", |_| {}),
        skipped("web.service"),
        timer("tick.timer", |t| {
            t.on_unit_inactive = vec![10 * SEC];
            t.on_active = vec![SEC];
        }),
        skipped("tick.service"),
        oneshot("slow.service"),
    ]);
    w.start("web.socket").unwrap();
    w.start("tick.timer").unwrap();
    // Readiness is reported once: the watcher stops watching until it is armed again.
    w.e.host_mut().sockets.insert("web.socket".into(), false);
    w.e.on_socket_ready("web.socket");
    w.drain();
    w.advance(SEC);
    assert_eq!(w.state("tick.timer"), (ActiveState::Active, "running"));
    finish_run(&mut w, "slow.service");
    assert_eq!(w.state("web.service"), (ActiveState::Inactive, "dead"));
    assert_eq!(w.state("web.socket"), (ActiveState::Active, "listening"));
    assert_eq!(
        w.e.host().sockets.get("web.socket"),
        Some(&true),
        "watched again"
    );
    assert_eq!(w.state("tick.timer"), (ActiveState::Active, "waiting"));
    assert!(elapse_deadline(&w, "tick.timer").is_some(), "armed again");
}

#[test]
fn an_accept_yes_connection_whose_instance_cannot_start_is_released() {
    let mut w = World::new(vec![
        socket("greet.socket", |s| s.accept = true),
        service("greet@0-1-1000.service", |_, u| {
            u.requires = vec!["broken.service".into()];
            u.after = vec!["broken.service".into()];
        }),
        oneshot("broken.service"),
    ]);
    w.start("greet.socket").unwrap();
    w.e.on_socket_connection("greet.socket", "greet@0-1-1000.service")
        .unwrap();
    w.drain();
    let pid = w.e.host().spawned.last().unwrap().3;
    w.exit("broken.service", pid, ExitStatus::Exited(1));
    assert_eq!(w.state("greet@0-1-1000.service").0, ActiveState::Inactive);
    assert_eq!(
        w.e.host().released,
        vec!["greet@0-1-1000.service".to_string()],
        "the held connection is closed"
    );
    let sock = w.e.unit("greet.socket").unwrap().socket().unwrap();
    assert!(sock.connections.is_empty());
    assert_eq!(w.state("greet.socket"), (ActiveState::Active, "listening"));
}

/// job.timer (OnActiveSec=10s, OnBootSec=1s) → job.service, started 5 s after boot.
fn boot_and_active_timer_started_at_5s() -> World {
    let mut w = World::new(vec![
        timer("job.timer", |t| {
            t.on_active = vec![10 * SEC];
            t.on_boot = vec![SEC];
        }),
        oneshot("job.service"),
    ]);
    w.e.host_mut().now = 5 * SEC;
    w.start("job.timer").unwrap();
    w
}

#[test]
fn a_restarted_timer_counts_on_active_sec_again_but_boot_triggers_stay_done() {
    let mut w = boot_and_active_timer_started_at_5s();
    // OnBootSec= already in the past when the timer starts: it elapses at once.
    w.advance(0);
    assert_eq!(w.spawned("job.service"), 1);
    finish_run(&mut w, "job.service");
    w.advance(10 * SEC);
    assert_eq!(
        w.spawned("job.service"),
        2,
        "OnActiveSec=10s after the start"
    );
    finish_run(&mut w, "job.service");
    assert_eq!(w.state("job.timer"), (ActiveState::Active, "elapsed"));
    w.stop("job.timer");
    w.advance(100 * SEC);
    w.start("job.timer").unwrap();
    let t = w.e.unit("job.timer").unwrap().timer().unwrap();
    assert_eq!(
        t.last_trigger.monotonic, 0,
        "a new activation forgets the last trigger"
    );
    assert_eq!(
        w.spawned("job.service"),
        2,
        "the boot trigger fired already"
    );
    w.advance(10 * SEC);
    assert_eq!(
        w.spawned("job.service"),
        3,
        "OnActiveSec= counts from the new start"
    );
}

#[test]
fn a_daemon_reload_after_a_restart_does_not_fire_a_boot_trigger_again() {
    let mut w = boot_and_active_timer_started_at_5s();
    w.advance(0);
    finish_run(&mut w, "job.service");
    w.stop("job.timer");
    w.start("job.timer").unwrap();
    // The restart forgot the last trigger; the reload must not forget the fired boot trigger.
    w.e.daemon_reload();
    w.drain();
    w.advance(0);
    assert_eq!(w.spawned("job.service"), 1, "OnBootSec= fired already");
}

#[test]
fn on_unit_active_sec_counts_from_the_start_of_a_long_oneshot() {
    let mut w = World::new(vec![
        timer("backup.timer", |t| {
            t.on_active = vec![SEC];
            t.on_unit_active = vec![60 * SEC];
        }),
        oneshot("backup.service"),
    ]);
    w.start("backup.timer").unwrap();
    w.advance(SEC);
    assert_eq!(w.spawned("backup.service"), 1);
    // The oneshot runs 50 s; it never reaches "active", yet it was activated at 1 s.
    w.advance(50 * SEC);
    finish_run(&mut w, "backup.service");
    assert_eq!(elapse_deadline(&w, "backup.timer"), Some(61 * SEC));
}

#[test]
fn a_reload_before_a_coalesced_one_shot_fires_does_not_lose_it() {
    let mut w = World::new(vec![
        timer("later.timer", |t| {
            t.on_active = vec![SEC];
            t.accuracy = 60 * SEC;
        }),
        oneshot("later.service"),
    ]);
    w.start("later.timer").unwrap();
    let deadline = elapse_deadline(&w, "later.timer").unwrap();
    assert!(deadline >= SEC);
    // Past its OnActiveSec= but inside the accuracy window: a daemon-reload recomputes.
    w.e.host_mut().now = SEC + 1;
    w.e.daemon_reload();
    w.drain();
    assert_eq!(w.state("later.timer"), (ActiveState::Active, "waiting"));
    w.advance(deadline);
    assert_eq!(w.spawned("later.service"), 1);
}

#[test]
fn a_timer_restored_after_reexec_waits_as_before_without_firing_twice() {
    let mut w = World::new(vec![
        timer("job.timer", |t| {
            t.on_active = vec![10 * SEC];
            t.on_unit_inactive = vec![30 * SEC];
        }),
        oneshot("job.service"),
    ]);
    w.e.host_mut().now = 100 * SEC;
    let activated = w.e.host().now();
    w.e.host_mut().now = 115 * SEC;
    let last = linger_engine::Timestamp {
        realtime: 1_700_000_000_000_000 + 110 * SEC,
        monotonic: 110 * SEC,
    };
    w.e.restore_timer("job.timer", last, activated, true);
    w.drain();
    assert_eq!(w.state("job.timer"), (ActiveState::Active, "waiting"));
    let t = w.e.unit("job.timer").unwrap().timer().unwrap();
    assert_eq!(t.last_trigger, last);
    assert_eq!(
        w.e.unit("job.timer").unwrap().inactive_exit,
        activated,
        "the same activation"
    );
    w.advance(3600 * SEC);
    assert_eq!(
        w.spawned("job.service"),
        1,
        "OnActiveSec= fired before the re-exec; only OnUnitInactiveSec= counts from the last trigger"
    );
}

#[test]
fn cancelling_a_triggered_start_makes_the_socket_listen_again() {
    let mut w = World::new(vec![
        socket("web.socket", |_| {}),
        service("web.service", |_, u| {
            u.requires = vec!["slow.service".into()];
            u.after = vec!["slow.service".into()];
        }),
        oneshot("slow.service"),
    ]);
    w.start("web.socket").unwrap();
    w.e.host_mut().sockets.insert("web.socket".into(), false);
    w.e.on_socket_ready("web.socket");
    w.drain();
    let (jid, ..) =
        w.e.jobs()
            .into_iter()
            .find(|j| j.1 == "web.service")
            .expect("a start job waiting for slow.service");
    assert!(w.e.cancel(jid));
    w.drain();
    assert_eq!(w.state("web.socket"), (ActiveState::Active, "listening"));
    assert_eq!(
        w.e.host().sockets.get("web.socket"),
        Some(&true),
        "watched again after `systemctl cancel`"
    );
}

/// A restart's start half runs from inside the stop's bookkeeping: the stop lets go of the
/// sockets and the armed elapse before the new state is published, so the start half's new
/// listener and new elapse are the ones left (a timer that stops arming, or sockets closed
/// right after they opened, is a unit that says it waits and never does).
#[test]
fn a_restarted_socket_listens_and_a_restarted_timer_is_armed() {
    let mut w = World::new(vec![
        socket("echo.socket", |_| {}),
        service("echo.service", |_, _| {}),
        timer("s.timer", |t| t.on_active = vec![10 * SEC]),
        oneshot("s.service"),
    ]);
    w.start("echo.socket").unwrap();
    w.start("s.timer").unwrap();
    for round in 0..3 {
        for unit in ["echo.socket", "s.timer"] {
            w.e.enqueue(JobType::Restart, unit, JobMode::Replace, true)
                .unwrap();
            w.drain();
        }
        assert_eq!(
            w.state("echo.socket"),
            (ActiveState::Active, "listening"),
            "round {round}"
        );
        assert_eq!(w.e.host().sockets.get("echo.socket"), Some(&true));
        assert_eq!(w.state("s.timer"), (ActiveState::Active, "waiting"));
        assert!(elapse_deadline(&w, "s.timer").is_some(), "round {round}");
    }
    w.advance(20 * SEC);
    assert_eq!(w.spawned("s.service"), 1);
}
