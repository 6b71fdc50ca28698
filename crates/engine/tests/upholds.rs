//! Upholds= and StopWhenUnneeded= (systemd.unit(5)): an upheld unit that stops is started
//! again while its upholder is active; a unit with StopWhenUnneeded=yes stops once no active
//! unit requires or wants it — also when a daemon-reload gave it the setting.

mod common;
use common::*;

/// Let a stopping unit's main process end on its SIGTERM.
fn finish_stop(w: &mut World, unit: &str) {
    assert_eq!(
        w.state(unit).1,
        "stop-sigterm",
        "{unit} is stopping: {:?}",
        w.log
    );
    let pid = w.main_pid(unit);
    w.exit(unit, pid, ExitStatus::Killed(15));
}

#[test]
fn an_upheld_unit_that_exits_is_started_again() {
    let mut w = World::new(vec![
        service("keeper.service", |_, u| {
            u.upholds = vec!["kept.service".into()];
        }),
        service("kept.service", |_, _| {}),
    ]);
    w.start("keeper.service").unwrap();
    assert_eq!(w.state("kept.service"), (ActiveState::Active, "running"));
    let pid = w.main_pid("kept.service");
    w.exit("kept.service", pid, ExitStatus::Exited(0));
    assert_eq!(
        w.state("kept.service"),
        (ActiveState::Active, "running"),
        "{:?}",
        w.log
    );
    assert_ne!(w.main_pid("kept.service"), pid, "a new process");
}

fn user_and_helper(stop_when_unneeded: bool) -> World {
    World::new(vec![
        service("user.service", |_, u| {
            u.wants = vec!["helper.service".into()];
        }),
        service("helper.service", |_, u| {
            u.stop_when_unneeded = stop_when_unneeded;
        }),
    ])
}

#[test]
fn a_unit_stops_when_nothing_needs_it_any_more() {
    let mut w = user_and_helper(true);
    w.start("user.service").unwrap();
    assert_eq!(w.state("helper.service").0, ActiveState::Active);
    w.stop("user.service");
    finish_stop(&mut w, "user.service");
    assert!(
        w.log
            .contains(&"helper.service: Unit not needed anymore. Stopping.".to_string()),
        "{:?}",
        w.log
    );
    finish_stop(&mut w, "helper.service");
    assert_eq!(w.state("helper.service").0, ActiveState::Inactive);
}

#[test]
fn stop_when_unneeded_given_by_a_daemon_reload_takes_effect() {
    let mut w = user_and_helper(false);
    w.start("user.service").unwrap();
    w.e.source_mut().put(service("helper.service", |_, u| {
        u.stop_when_unneeded = true
    }));
    w.e.daemon_reload();
    w.drain();
    w.stop("user.service");
    finish_stop(&mut w, "user.service");
    finish_stop(&mut w, "helper.service");
    assert_eq!(w.state("helper.service").0, ActiveState::Inactive);
    // And taken away again: the helper, started once more, stays.
    w.start("user.service").unwrap();
    w.e.source_mut().put(service("helper.service", |_, _| {}));
    w.e.daemon_reload();
    w.drain();
    w.stop("user.service");
    finish_stop(&mut w, "user.service");
    assert_eq!(
        w.state("helper.service").0,
        ActiveState::Active,
        "{:?}",
        w.log
    );
}
