//! BindsTo= and PartOf= on restart (systemd.unit(5)): restarting a unit, by request or by
//! Restart=, restarts the active units bound to it or part of it in the same transaction —
//! they stop first (they are ordered after it), and start again once it is back. The
//! scenario is Debian's pipewire.service / wireplumber.service pair.

mod common;
use common::*;

/// pipewire.service, and wireplumber.service as Debian ships it: BindsTo=pipewire.service,
/// After=pipewire.service, WantedBy=pipewire.service (enabled: pipewire wants it).
fn pipewire_pair(pipewire_restart: RestartPolicy) -> World {
    World::new(vec![
        service("pipewire.service", |s, u| {
            s.restart = pipewire_restart;
            u.wants = vec!["wireplumber.service".into()];
        }),
        service("wireplumber.service", |s, u| {
            s.restart = RestartPolicy::OnFailure;
            u.binds_to = vec!["pipewire.service".into()];
            u.after = vec!["pipewire.service".into()];
        }),
    ])
}

fn restart(w: &mut World, unit: &str) {
    w.e.enqueue(JobType::Restart, unit, JobMode::Replace, true)
        .unwrap();
    w.drain();
}

/// Lines about `units` in the order the manager logged them, from `from` on.
fn lines(w: &World, from: usize) -> Vec<String> {
    w.log[from..].to_vec()
}

/// Let the stopping unit's main process exit (it got SIGTERM).
fn finish_stop(w: &mut World, unit: &str) {
    assert_eq!(w.state(unit).1, "stop-sigterm", "{unit} is stopping");
    let pid = w.main_pid(unit);
    w.exit(unit, pid, ExitStatus::Killed(15));
}

#[test]
fn restarting_pipewire_restarts_wireplumber_after_it_in_one_transaction() {
    let mut w = pipewire_pair(RestartPolicy::No);
    w.start("pipewire.service").unwrap();
    assert_eq!(w.state("wireplumber.service").0, ActiveState::Active);
    let from = w.log.len();
    let (old_pw, old_wp) = (
        w.main_pid("pipewire.service"),
        w.main_pid("wireplumber.service"),
    );

    restart(&mut w, "pipewire.service");
    // wireplumber is ordered after pipewire: it stops first, pipewire waits for it.
    assert_eq!(w.state("wireplumber.service").1, "stop-sigterm");
    assert_eq!(
        w.state("pipewire.service").1,
        "running",
        "waits for wireplumber"
    );
    finish_stop(&mut w, "wireplumber.service");
    assert_eq!(w.state("wireplumber.service").0, ActiveState::Inactive);
    finish_stop(&mut w, "pipewire.service");

    // pipewire first, then wireplumber (After=), both with new processes.
    assert_eq!(
        w.state("pipewire.service"),
        (ActiveState::Active, "running")
    );
    assert_eq!(
        w.state("wireplumber.service"),
        (ActiveState::Active, "running")
    );
    assert_ne!(w.main_pid("pipewire.service"), old_pw);
    assert_ne!(w.main_pid("wireplumber.service"), old_wp);
    assert_eq!(
        lines(&w, from),
        [
            "wireplumber.service: Stopping wireplumber.service...",
            "wireplumber.service: Deactivated successfully.",
            "wireplumber.service: Stopped wireplumber.service.",
            "pipewire.service: Stopping pipewire.service...",
            "pipewire.service: Deactivated successfully.",
            "pipewire.service: Stopped pipewire.service.",
            "pipewire.service: Started pipewire.service.",
            "wireplumber.service: Started wireplumber.service.",
        ],
        "one stop and one start each, nothing 'Started' while still running"
    );
    assert_eq!(w.spawned("wireplumber.service"), 2);
}

#[test]
fn an_automatic_restart_of_pipewire_restarts_wireplumber_too() {
    let mut w = pipewire_pair(RestartPolicy::OnFailure);
    w.start("pipewire.service").unwrap();
    let old_wp = w.main_pid("wireplumber.service");
    let pid = w.main_pid("pipewire.service");
    w.exit("pipewire.service", pid, ExitStatus::Killed(11));
    assert_eq!(w.state("pipewire.service").1, "auto-restart");
    assert_eq!(
        w.state("wireplumber.service").0,
        ActiveState::Active,
        "auto-restart counts as activating: the binding holds meanwhile"
    );
    let from = w.log.len();
    w.advance(100_000);
    // The restart job stops wireplumber before pipewire comes back.
    finish_stop(&mut w, "wireplumber.service");
    assert_eq!(
        w.state("pipewire.service"),
        (ActiveState::Active, "running")
    );
    assert_eq!(
        w.state("wireplumber.service"),
        (ActiveState::Active, "running")
    );
    assert_ne!(w.main_pid("wireplumber.service"), old_wp);
    let log = lines(&w, from);
    let pos = |l: &str| {
        log.iter()
            .position(|x| x == l)
            .unwrap_or_else(|| panic!("{l:?} not in {log:?}"))
    };
    assert!(
        pos("wireplumber.service: Stopped wireplumber.service.")
            < pos("pipewire.service: Started pipewire.service.")
    );
    assert!(
        pos("pipewire.service: Started pipewire.service.")
            < pos("wireplumber.service: Started wireplumber.service.")
    );
}

#[test]
fn part_of_units_restart_with_the_unit_and_inactive_ones_stay_down() {
    let mut w = World::new(vec![
        service("app.service", |_, _| {}),
        service("helper.service", |_, u| {
            u.part_of = vec!["app.service".into()];
        }),
        service("idle.service", |_, u| {
            u.part_of = vec!["app.service".into()];
        }),
    ]);
    w.start("app.service").unwrap();
    w.start("helper.service").unwrap();
    let old = w.main_pid("helper.service");
    restart(&mut w, "app.service");
    // No ordering between them: both stop at once.
    finish_stop(&mut w, "app.service");
    finish_stop(&mut w, "helper.service");
    assert_eq!(w.state("app.service").0, ActiveState::Active);
    assert_eq!(w.state("helper.service").0, ActiveState::Active);
    assert_ne!(w.main_pid("helper.service"), old);
    assert!(
        w.e.unit("idle.service")
            .is_none_or(|u| u.active_state() == ActiveState::Inactive),
        "try-restart: a part that was not running is not started"
    );
    assert_eq!(w.spawned("idle.service"), 0);
}

#[test]
fn starting_an_active_unit_again_logs_nothing() {
    let mut w = pipewire_pair(RestartPolicy::No);
    w.start("pipewire.service").unwrap();
    let from = w.log.len();
    w.start("pipewire.service").unwrap();
    w.start("wireplumber.service").unwrap();
    assert!(lines(&w, from).is_empty(), "{:?}", lines(&w, from));
    assert_eq!(
        w.finished.last(),
        Some(&("wireplumber.service".into(), JobResult::Done))
    );
    w.stop("wireplumber.service");
    finish_stop(&mut w, "wireplumber.service");
    let from = w.log.len();
    w.stop("wireplumber.service");
    assert!(
        lines(&w, from).is_empty(),
        "stopping a stopped unit: {:?}",
        lines(&w, from)
    );
}
