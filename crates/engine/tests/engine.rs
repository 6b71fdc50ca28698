//! The engine driven through its seam with a fake host: no processes, a controllable clock.
//! Each test reads like a systemctl session and asserts what a user would see.

mod common;
use common::*;

#[test]
fn simple_service_starts_and_stops_cleanly() {
    let mut w = World::new(vec![service("web.service", |_, _| {})]);
    w.start("web.service").unwrap();
    assert_eq!(w.state("web.service"), (ActiveState::Active, "running"));
    assert_eq!(w.finished, vec![("web.service".into(), JobResult::Done)]);
    assert!(
        w.log
            .iter()
            .any(|l| l == "web.service: Started web.service."),
        "{:?}",
        w.log
    );
    let pid = w.main_pid("web.service");
    w.stop("web.service");
    assert_eq!(
        w.state("web.service"),
        (ActiveState::Deactivating, "stop-sigterm")
    );
    assert_eq!(
        w.e.host().kills.last(),
        Some(&("web.service".into(), KillWhom::All, 15))
    );
    w.exit("web.service", pid, ExitStatus::Killed(15));
    assert_eq!(w.state("web.service"), (ActiveState::Inactive, "dead"));
    assert!(
        w.log
            .iter()
            .any(|l| l == "web.service: Stopped web.service.")
    );
}

#[test]
fn restart_always_brings_a_killed_service_back_after_restart_sec() {
    let mut w = World::new(vec![service("web.service", |s, _| {
        s.restart = RestartPolicy::Always
    })]);
    w.start("web.service").unwrap();
    let pid = w.main_pid("web.service");
    w.exit("web.service", pid, ExitStatus::Killed(9));
    assert_eq!(
        w.state("web.service"),
        (ActiveState::Activating, "auto-restart")
    );
    assert_eq!(w.spawned("web.service"), 1, "not before RestartSec=");
    w.advance(100_000);
    assert_eq!(w.state("web.service"), (ActiveState::Active, "running"));
    assert_eq!(w.spawned("web.service"), 2);
    assert_eq!(
        w.e.unit("web.service").unwrap().service().unwrap().restarts,
        1
    );
    assert!(
        w.log
            .iter()
            .any(|l| l.contains("Scheduled restart job, restart counter is at 1.")),
        "{:?}",
        w.log
    );
    assert!(
        w.log
            .iter()
            .any(|l| l.contains("Main process exited, code=killed, status=9/KILL"))
    );
    let started = w
        .log
        .iter()
        .filter(|l| l.as_str() == "web.service: Started web.service.")
        .count();
    assert_eq!(
        started, 2,
        "systemd logs Started again after an automatic restart: {:?}",
        w.log
    );
    assert!(
        w.log
            .iter()
            .any(|l| l == "web.service: Stopped web.service.")
    );
}

#[test]
fn restart_sec_zero_restarts_in_the_same_step_as_the_exit() {
    let mut w = World::new(vec![service("web.service", |s, _| {
        s.restart = RestartPolicy::Always;
        s.restart_sec = 0;
    })]);
    w.start("web.service").unwrap();
    let pid = w.main_pid("web.service");
    // No clock advance and no timer firing: the exit itself brings the new main process.
    w.exit("web.service", pid, ExitStatus::Killed(9));
    assert_eq!(w.spawned("web.service"), 2, "{:?}", w.log);
    assert_eq!(w.state("web.service"), (ActiveState::Active, "running"));
    assert_ne!(w.main_pid("web.service"), pid);
    assert_eq!(
        w.e.unit("web.service").unwrap().service().unwrap().restarts,
        1
    );
    // As with a RestartSec= wait: scheduled, stopped, started again, in that order.
    let at = |needle: &str| {
        w.log
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} not in {:?}", w.log))
    };
    assert!(at("Scheduled restart job, restart counter is at 1.") < at("Stopped web.service."));
    // The timer armed for the wait is stale: firing it later does not restart a second time.
    w.advance(1_000_000);
    assert_eq!(w.spawned("web.service"), 2);
    assert_eq!(w.state("web.service"), (ActiveState::Active, "running"));
}

#[test]
fn restart_on_failure_ignores_clean_exit_and_start_limit_stops_the_loop() {
    let mut w = World::new(vec![service("a.service", |s, u| {
        s.restart = RestartPolicy::OnFailure;
        u.start_limit_burst = 3;
    })]);
    w.start("a.service").unwrap();
    for _ in 0..3 {
        let pid = w.main_pid("a.service");
        w.exit("a.service", pid, ExitStatus::Exited(1));
        w.advance(100_000);
    }
    assert_eq!(w.state("a.service"), (ActiveState::Failed, "failed"));
    assert_eq!(
        w.e.unit("a.service")
            .unwrap()
            .service()
            .unwrap()
            .result
            .as_str(),
        "start-limit-hit"
    );
    assert!(
        w.log
            .iter()
            .any(|l| l.contains("Start request repeated too quickly."))
    );

    let mut w = World::new(vec![service("b.service", |s, _| {
        s.restart = RestartPolicy::OnFailure
    })]);
    w.start("b.service").unwrap();
    let pid = w.main_pid("b.service");
    w.exit("b.service", pid, ExitStatus::Exited(0));
    assert_eq!(w.state("b.service"), (ActiveState::Inactive, "dead"));
}

#[test]
fn failed_requirement_fails_dependent_with_dependency_result() {
    let mut w = World::new(vec![
        service("db.service", |s, _| s.service_type = ServiceType::Notify),
        service("app.service", |_, u| {
            u.requires = vec!["db.service".into()];
            u.after = vec!["db.service".into()];
        }),
    ]);
    w.start("app.service").unwrap();
    assert_eq!(w.spawned("app.service"), 0, "app waits for db (After=)");
    assert_eq!(w.state("db.service").1, "start");
    let pid = w.main_pid("db.service");
    w.exit("db.service", pid, ExitStatus::Exited(1));
    assert!(
        w.finished
            .contains(&("db.service".into(), JobResult::Failed))
    );
    assert!(
        w.finished
            .contains(&("app.service".into(), JobResult::Dependency))
    );
    assert_eq!(w.spawned("app.service"), 0);
    assert!(
        w.log
            .iter()
            .any(|l| l == "app.service: Dependency failed for app.service."),
        "{:?}",
        w.log
    );
}

#[test]
fn notify_service_is_active_only_after_ready_and_orders_its_dependents() {
    let mut w = World::new(vec![
        service("db.service", |s, _| s.service_type = ServiceType::Notify),
        service("app.service", |_, u| {
            u.wants = vec!["db.service".into()];
            u.after = vec!["db.service".into()];
        }),
    ]);
    w.start("app.service").unwrap();
    assert_eq!(w.state("db.service"), (ActiveState::Activating, "start"));
    let pid = w.main_pid("db.service");
    w.e.on_notify(
        "db.service",
        pid,
        &[
            ("READY".into(), "1".into()),
            ("STATUS".into(), "Accepting connections".into()),
        ],
    );
    w.drain();
    assert_eq!(w.state("db.service"), (ActiveState::Active, "running"));
    assert_eq!(w.state("app.service"), (ActiveState::Active, "running"));
    assert_eq!(
        w.e.unit("db.service")
            .unwrap()
            .service()
            .unwrap()
            .status_text
            .as_deref(),
        Some("Accepting connections")
    );
}

#[test]
fn dbus_service_is_active_only_while_its_bus_name_is_owned() {
    let bus = |s: &mut ServiceConfig, _: &mut UnitSection| {
        s.service_type = ServiceType::Dbus;
        s.bus_name = Some("org.example.Db".into());
    };
    let mut w = World::new(vec![
        service("db.service", bus),
        service("app.service", |_, u| {
            u.wants = vec!["db.service".into()];
            u.after = vec!["db.service".into()];
        }),
    ]);
    w.start("app.service").unwrap();
    assert_eq!(w.state("db.service"), (ActiveState::Activating, "start"));
    assert_eq!(w.spawned("app.service"), 0, "ordered after the name");
    // Someone else's name changes nothing.
    w.e.on_bus_name("org.example.Other", true);
    w.drain();
    assert_eq!(w.state("db.service"), (ActiveState::Activating, "start"));
    w.e.on_bus_name("org.example.Db", true);
    w.drain();
    assert_eq!(w.state("db.service"), (ActiveState::Active, "running"));
    assert_eq!(w.state("app.service"), (ActiveState::Active, "running"));
    // The name released: the service is done and gets stopped (a clean stop, not a failure).
    let pid = w.main_pid("db.service");
    w.e.on_bus_name("org.example.Db", false);
    w.drain();
    assert_eq!(
        w.state("db.service"),
        (ActiveState::Deactivating, "stop-sigterm")
    );
    w.exit("db.service", pid, ExitStatus::Killed(15));
    assert_eq!(w.state("db.service"), (ActiveState::Inactive, "dead"));
    // A new run waits for its own name again.
    w.start("db.service").unwrap();
    assert_eq!(w.state("db.service"), (ActiveState::Activating, "start"));
    // Gone before taking the name: never active, not a failure.
    let pid = w.main_pid("db.service");
    w.exit("db.service", pid, ExitStatus::Exited(0));
    assert_eq!(w.state("db.service"), (ActiveState::Inactive, "dead"));
    // A name that never comes: TimeoutStartSec= ends the start.
    w.start("db.service").unwrap();
    w.advance(90_000_001);
    assert_eq!(
        w.state("db.service"),
        (ActiveState::Deactivating, "stop-sigterm")
    );
    let pid = w.main_pid("db.service");
    w.exit("db.service", pid, ExitStatus::Killed(15));
    assert_eq!(w.state("db.service"), (ActiveState::Failed, "failed"));
    assert_eq!(
        w.e.unit("db.service").unwrap().service().unwrap().result,
        linger_engine::ServiceResult::Timeout
    );
}

#[test]
fn dbus_service_whose_name_is_held_before_its_main_process_runs_is_ready_at_once() {
    // The front end asks the bus for the name's owner when the service begins to start (as
    // systemd does when it starts watching the name): held already, the service is ready as
    // soon as its main process runs — no NameOwnerChanged will come for a name that stays.
    let mut w = World::new(vec![service("db.service", |s, _| {
        s.service_type = ServiceType::Dbus;
        s.bus_name = Some("org.example.Db".into());
        s.exec_start_pre = vec![cmd("/bin/pre")];
    })]);
    w.start("db.service").unwrap();
    assert_eq!(
        w.state("db.service"),
        (ActiveState::Activating, "start-pre")
    );
    w.e.on_bus_name("org.example.Db", true);
    w.drain();
    assert_eq!(
        w.state("db.service"),
        (ActiveState::Activating, "start-pre")
    );
    let pre = w.e.host().spawned.last().unwrap().3;
    w.exit("db.service", pre, ExitStatus::Exited(0));
    assert_eq!(w.state("db.service"), (ActiveState::Active, "running"));
}

#[test]
fn ordering_cycle_is_reported_and_broken_not_hung() {
    let mut w = World::new(vec![
        service("a.service", |_, u| u.after = vec!["b.service".into()]),
        service("b.service", |_, u| u.after = vec!["a.service".into()]),
        {
            let mut t = target("both.target");
            t.unit.wants = vec!["a.service".into(), "b.service".into()];
            t
        },
    ]);
    w.start("both.target").unwrap();
    assert!(
        w.log.iter().any(|l| l.contains("Found ordering cycle")),
        "{:?}",
        w.log
    );
    assert!(
        w.log
            .iter()
            .any(|l| l.contains("deleted to break ordering cycle"))
    );
    let running = ["a.service", "b.service"]
        .iter()
        .filter(|u| w.state(u).0 == ActiveState::Active)
        .count();
    assert_eq!(running, 1, "one job was dropped, the other ran");
    assert_eq!(w.state("both.target").0, ActiveState::Active);

    // A cycle between hard requirements cannot be broken: the request fails at once.
    let mut w = World::new(vec![
        service("a.service", |_, u| {
            u.requires = vec!["b.service".into()];
            u.after = vec!["b.service".into()];
        }),
        service("b.service", |_, u| {
            u.requires = vec!["a.service".into()];
            u.after = vec!["a.service".into()];
        }),
    ]);
    assert!(matches!(
        w.start("a.service"),
        Err(linger_engine::EngineError::Cycle(_))
    ));
}

#[test]
fn conflicts_stop_the_other_side() {
    // Conflicts= implies no ordering (systemd.unit(5)): with After= the start waits for the stop.
    let mut w = World::new(vec![
        service("a.service", |_, u| {
            u.conflicts = vec!["b.service".into()];
            u.after = vec!["b.service".into()];
        }),
        service("b.service", |_, _| {}),
    ]);
    w.start("b.service").unwrap();
    w.start("a.service").unwrap();
    assert_eq!(w.state("b.service").1, "stop-sigterm");
    assert_eq!(w.spawned("a.service"), 0, "a waits until b is gone");
    let pid = w.main_pid("b.service");
    w.exit("b.service", pid, ExitStatus::Killed(15));
    assert_eq!(w.state("b.service").0, ActiveState::Inactive);
    assert_eq!(w.state("a.service").0, ActiveState::Active);
}

#[test]
fn stop_timeout_escalates_to_sigkill_and_escaped_processes_are_waited_for() {
    let mut w = World::new(vec![service("stubborn.service", |s, _| {
        s.timeout_stop = 5_000_000
    })]);
    w.start("stubborn.service").unwrap();
    let pid = w.main_pid("stubborn.service");
    w.e.host_mut()
        .alive
        .get_mut("stubborn.service")
        .unwrap()
        .insert(4242); // double-forked child
    w.stop("stubborn.service");
    w.exit("stubborn.service", pid, ExitStatus::Killed(15));
    assert_eq!(
        w.state("stubborn.service").1,
        "stop-sigterm",
        "the escaped child still runs"
    );
    w.advance(5_000_000);
    assert_eq!(w.state("stubborn.service").1, "stop-sigkill");
    assert_eq!(
        w.e.host().kills.last(),
        Some(&("stubborn.service".into(), KillWhom::All, 9))
    );
    w.exit("stubborn.service", 4242, ExitStatus::Killed(9));
    assert_eq!(w.state("stubborn.service").0, ActiveState::Failed);
    assert_eq!(
        w.e.unit("stubborn.service")
            .unwrap()
            .service()
            .unwrap()
            .result
            .as_str(),
        "timeout"
    );
}

#[test]
fn kill_mode_process_leaves_other_processes_alone() {
    let mut w = World::new(vec![service("p.service", |s, _| {
        s.kill.kill_mode = KillMode::Process
    })]);
    w.start("p.service").unwrap();
    let pid = w.main_pid("p.service");
    w.e.host_mut()
        .alive
        .get_mut("p.service")
        .unwrap()
        .insert(777);
    w.stop("p.service");
    assert_eq!(
        w.e.host().kills.last(),
        Some(&("p.service".into(), KillWhom::Main, 15))
    );
    w.exit("p.service", pid, ExitStatus::Killed(15));
    assert_eq!(w.state("p.service").0, ActiveState::Inactive);
}

#[test]
fn oneshot_runs_commands_in_order_and_remains_after_exit() {
    let mut w = World::new(vec![service("setup.service", |s, _| {
        s.service_type = ServiceType::Oneshot;
        s.remain_after_exit = true;
        s.exec_start = vec![cmd("/bin/one"), cmd("/bin/two")];
        s.exec_start_pre = vec![cmd("/bin/pre")];
    })]);
    w.start("setup.service").unwrap();
    assert_eq!(w.state("setup.service").1, "start-pre");
    assert!(
        w.finished.is_empty(),
        "a oneshot start job waits for the commands"
    );
    let order = |w: &World| {
        w.e.host()
            .spawned
            .iter()
            .map(|s| s.2.clone())
            .collect::<Vec<_>>()
    };
    let last_pid = |w: &World| w.e.host().spawned.last().unwrap().3;
    let p = last_pid(&w);
    w.exit("setup.service", p, ExitStatus::Exited(0));
    let p = last_pid(&w);
    w.exit("setup.service", p, ExitStatus::Exited(0));
    let p = last_pid(&w);
    w.exit("setup.service", p, ExitStatus::Exited(0));
    assert_eq!(order(&w), ["/bin/pre", "/bin/one", "/bin/two"]);
    assert_eq!(w.state("setup.service"), (ActiveState::Active, "exited"));
    assert_eq!(w.finished, vec![("setup.service".into(), JobResult::Done)]);
}

#[test]
fn forking_service_takes_main_pid_from_pid_file() {
    let mut w = World::new(vec![service("daemon.service", |s, _| {
        s.service_type = ServiceType::Forking;
        s.pid_file = Some("/run/d.pid".into());
    })]);
    w.start("daemon.service").unwrap();
    assert_eq!(w.state("daemon.service").1, "start");
    let launcher = w.e.host().spawned[0].3;
    w.e.host_mut().pid_files.insert("/run/d.pid".into(), 5555);
    w.e.host_mut()
        .alive
        .get_mut("daemon.service")
        .unwrap()
        .insert(5555);
    w.exit("daemon.service", launcher, ExitStatus::Exited(0));
    assert_eq!(w.state("daemon.service"), (ActiveState::Active, "running"));
    assert_eq!(w.main_pid("daemon.service"), 5555);
}

#[test]
fn unmet_condition_skips_without_failing() {
    let mut w = World::new(vec![service("c.service", |_, u| {
        u.conditions = vec![Condition {
            kind: linger_unit::model::ConditionKind::PathExists,
            name: "ConditionPathExists".into(),
            trigger: false,
            negate: false,
            parameter: "/nope".into(),
        }]
    })]);
    w.start("c.service").unwrap();
    assert_eq!(w.state("c.service"), (ActiveState::Inactive, "dead"));
    assert_eq!(w.finished, vec![("c.service".into(), JobResult::Done)]);
    assert_eq!(w.spawned("c.service"), 0);
    assert!(
        w.log
            .iter()
            .any(|l| l.contains("unmet condition check (ConditionPathExists=/nope)")),
        "{:?}",
        w.log
    );
}

#[test]
fn exec_type_fails_start_job_when_exec_fails() {
    let mut w = World::new(vec![service("x.service", |s, _| {
        s.service_type = ServiceType::Exec;
        s.exec_start = vec![cmd("/missing")];
    })]);
    w.e.host_mut().fail_exec.insert("/missing".into());
    w.start("x.service").unwrap();
    assert_eq!(w.state("x.service").1, "start");
    let pid = w.main_pid("x.service");
    w.exit("x.service", pid, ExitStatus::Exited(203));
    assert_eq!(w.finished, vec![("x.service".into(), JobResult::Failed)]);
    assert!(
        w.log.iter().any(|l| l.contains("status=203/EXEC")),
        "{:?}",
        w.log
    );
}

#[test]
fn masked_and_missing_units_are_refused_with_clear_errors() {
    let mut masked = service("m.service", |_, _| {});
    masked.load_state = LoadState::Masked;
    let mut w = World::new(vec![masked]);
    assert_eq!(
        w.start("m.service").unwrap_err().to_string(),
        "Unit m.service is masked."
    );
    assert_eq!(
        w.start("nope.service").unwrap_err().to_string(),
        "Unit nope.service not found."
    );
}

#[test]
fn binds_to_stops_dependent_when_the_other_goes_away_and_on_failure_triggers() {
    let mut w = World::new(vec![
        service("dev.service", |_, _| {}),
        service("user.service", |_, u| {
            u.binds_to = vec!["dev.service".into()];
            u.after = vec!["dev.service".into()];
            u.on_failure = vec!["alert.service".into()];
        }),
        service("alert.service", |_, _| {}),
    ]);
    w.start("user.service").unwrap();
    assert_eq!(w.state("user.service").0, ActiveState::Active);
    let pid = w.main_pid("dev.service");
    w.exit("dev.service", pid, ExitStatus::Exited(0));
    assert_eq!(w.state("user.service").1, "stop-sigterm");
    let upid = w.main_pid("user.service");
    w.exit("user.service", upid, ExitStatus::Exited(3));
    assert_eq!(w.state("user.service").0, ActiveState::Failed);
    assert_eq!(
        w.state("alert.service").0,
        ActiveState::Active,
        "OnFailure= started"
    );
}

/// systemd.service(5) table 2: which Restart= value restarts after which kind of end.
#[test]
fn restart_policy_table_matches_systemd() {
    use RestartPolicy as R;
    let ends: [(&str, ExitStatus); 4] = [
        ("clean exit", ExitStatus::Exited(0)),
        ("unclean exit", ExitStatus::Exited(1)),
        ("clean signal", ExitStatus::Killed(15)),
        ("unclean signal", ExitStatus::Killed(9)),
    ];
    // Rows: clean exit, unclean exit code, clean signal, unclean signal.
    let table: [(R, [bool; 4]); 7] = [
        (R::No, [false, false, false, false]),
        (R::Always, [true, true, true, true]),
        (R::OnSuccess, [true, false, true, false]),
        (R::OnFailure, [false, true, false, true]),
        (R::OnAbnormal, [false, false, false, true]),
        (R::OnAbort, [false, false, false, true]),
        (R::OnWatchdog, [false, false, false, false]),
    ];
    for (policy, expect) in table {
        for ((what, end), want) in ends.iter().zip(expect) {
            let mut w = World::new(vec![service("r.service", |s, u| {
                s.restart = policy;
                u.start_limit_interval = 0;
            })]);
            w.start("r.service").unwrap();
            let pid = w.main_pid("r.service");
            w.exit("r.service", pid, *end);
            let restarting = w.state("r.service").1 == "auto-restart";
            assert_eq!(restarting, want, "Restart={} after {what}", policy.as_str());
        }
    }
    // RestartPreventExitStatus= wins over Restart=always.
    let mut w = World::new(vec![service("p.service", |s, _| {
        s.restart = R::Always;
        s.restart_prevent_exit_status.statuses = vec![42];
    })]);
    w.start("p.service").unwrap();
    let pid = w.main_pid("p.service");
    w.exit("p.service", pid, ExitStatus::Exited(42));
    assert_eq!(w.state("p.service").0, ActiveState::Failed);
}

#[test]
fn watchdog_timeout_kills_with_sigabrt_and_restarts_on_watchdog() {
    let mut w = World::new(vec![service("wd.service", |s, _| {
        s.service_type = ServiceType::Notify;
        s.watchdog = 2_000_000;
        s.restart = RestartPolicy::OnWatchdog;
    })]);
    w.start("wd.service").unwrap();
    let pid = w.main_pid("wd.service");
    w.e.on_notify("wd.service", pid, &[("READY".into(), "1".into())]);
    w.drain();
    w.advance(1_500_000);
    w.e.on_notify("wd.service", pid, &[("WATCHDOG".into(), "1".into())]);
    w.drain();
    w.advance(1_500_000);
    assert_eq!(w.state("wd.service").1, "running", "fed in time");
    w.advance(1_000_000);
    assert_eq!(w.state("wd.service").1, "stop-watchdog");
    assert_eq!(
        w.e.host().kills.last(),
        Some(&("wd.service".into(), KillWhom::All, 6))
    );
    w.exit("wd.service", pid, ExitStatus::Dumped(6));
    assert_eq!(w.state("wd.service").1, "auto-restart");
    assert!(
        w.log.iter().any(|l| l.contains("Watchdog timeout")),
        "{:?}",
        w.log
    );
}

#[test]
fn start_timeout_fails_a_notify_service_that_never_becomes_ready() {
    let mut w = World::new(vec![service("slow.service", |s, _| {
        s.service_type = ServiceType::Notify;
        s.timeout_start = 3_000_000;
    })]);
    w.start("slow.service").unwrap();
    let pid = w.main_pid("slow.service");
    w.advance(3_000_000);
    assert_eq!(w.state("slow.service").1, "stop-sigterm");
    w.exit("slow.service", pid, ExitStatus::Killed(15));
    assert_eq!(w.state("slow.service").0, ActiveState::Failed);
    assert_eq!(
        w.e.unit("slow.service")
            .unwrap()
            .service()
            .unwrap()
            .result
            .as_str(),
        "timeout"
    );
    assert_eq!(w.finished, vec![("slow.service".into(), JobResult::Failed)]);
}

// Regression tests for the review of session 1 (each names the finding it pins).

#[test]
fn review_1_start_queued_behind_a_slow_stop_runs_when_the_stop_ends() {
    let mut w = World::new(vec![service("slow.service", |s, _| {
        s.exec_stop = vec![cmd("/bin/stopper")]
    })]);
    w.start("slow.service").unwrap();
    let main = w.main_pid("slow.service");
    w.stop("slow.service");
    assert_eq!(w.state("slow.service").1, "stop");
    w.start("slow.service").unwrap();
    let stopper = w.e.host().spawned.last().unwrap().3;
    w.exit("slow.service", stopper, ExitStatus::Exited(0));
    w.exit("slow.service", main, ExitStatus::Killed(15));
    assert_eq!(
        w.state("slow.service"),
        (ActiveState::Active, "running"),
        "the start ran after the stop"
    );
    assert!(
        w.finished
            .contains(&("slow.service".into(), JobResult::Done))
    );
}

#[test]
fn review_2_stopping_then_exit_ends_cleanly() {
    let mut w = World::new(vec![service("n.service", |s, _| {
        s.service_type = ServiceType::Notify
    })]);
    w.start("n.service").unwrap();
    let pid = w.main_pid("n.service");
    w.e.on_notify("n.service", pid, &[("READY".into(), "1".into())]);
    w.drain();
    w.e.on_notify("n.service", pid, &[("STOPPING".into(), "1".into())]);
    w.drain();
    w.exit("n.service", pid, ExitStatus::Exited(0));
    assert_eq!(w.state("n.service"), (ActiveState::Inactive, "dead"));
}

#[test]
fn review_3_start_of_an_activating_unit_does_not_spawn_twice() {
    let mut w = World::new(vec![service("n.service", |s, _| {
        s.service_type = ServiceType::Notify
    })]);
    w.start("n.service").unwrap();
    w.start("n.service").unwrap();
    assert_eq!(w.spawned("n.service"), 1);
}

#[test]
fn review_5_main_dying_during_reload_takes_the_unit_down() {
    let mut w = World::new(vec![service("r.service", |s, _| {
        s.exec_reload = vec![cmd("/bin/reloader")]
    })]);
    w.start("r.service").unwrap();
    let main = w.main_pid("r.service");
    w.e.enqueue(JobType::Reload, "r.service", JobMode::Replace, true)
        .unwrap();
    w.drain();
    let reloader = w.e.host().spawned.last().unwrap().3;
    w.exit("r.service", main, ExitStatus::Killed(9));
    w.exit("r.service", reloader, ExitStatus::Exited(0));
    assert!(
        w.state("r.service").0.is_inactive_or_failed(),
        "{:?}",
        w.state("r.service")
    );
}

#[test]
fn review_14_mainpid_must_belong_to_the_unit() {
    let mut w = World::new(vec![service("m.service", |s, _| {
        s.service_type = ServiceType::Notify;
        s.notify_access = Some(linger_unit::model::NotifyAccess::All);
    })]);
    w.start("m.service").unwrap();
    let pid = w.main_pid("m.service");
    w.e.on_notify("m.service", pid, &[("MAINPID".into(), "1".into())]);
    w.e.on_notify("m.service", pid, &[("MAINPID".into(), "99999".into())]);
    w.drain();
    assert_eq!(
        w.main_pid("m.service"),
        pid,
        "pid 1 and foreign pids are refused"
    );
}

#[test]
fn review_10_requisite_and_requires_on_the_same_unit_start_it() {
    let mut w = World::new(vec![
        service("b.service", |_, _| {}),
        service("a.service", |_, u| u.requisite = vec!["b.service".into()]),
        service("c.service", |_, u| u.requires = vec!["b.service".into()]),
        {
            let mut t = target("both.target");
            t.unit.wants = vec!["c.service".into(), "a.service".into()];
            t
        },
    ]);
    w.start("both.target").unwrap();
    assert_eq!(
        w.state("b.service").0,
        ActiveState::Active,
        "{:?}",
        w.finished
    );
    assert_eq!(w.state("c.service").0, ActiveState::Active);
}

#[test]
fn an_oom_kill_is_reported_as_such_and_restart_on_failure_acts_on_it() {
    let mut w = World::new(vec![service("hog.service", |s, _| {
        s.restart = RestartPolicy::OnFailure;
    })]);
    // An OOM kill from an earlier run does not count against this one.
    w.e.host_mut().oom.insert("hog.service".into(), 2);
    w.start("hog.service").unwrap();
    let pid = w.main_pid("hog.service");
    w.e.host_mut().oom.insert("hog.service".into(), 3);
    w.exit("hog.service", pid, ExitStatus::Killed(9));
    assert_eq!(
        w.e.unit("hog.service")
            .unwrap()
            .service()
            .unwrap()
            .result
            .as_str(),
        "oom-kill"
    );
    assert!(
        w.log
            .iter()
            .any(|l| l == "hog.service: A process of this unit has been killed by the OOM killer."),
        "{:?}",
        w.log
    );
    assert!(
        w.log
            .iter()
            .any(|l| l.contains("Failed with result 'oom-kill'")),
        "{:?}",
        w.log
    );
    assert_eq!(
        w.state("hog.service"),
        (ActiveState::Activating, "auto-restart")
    );
    // A plain SIGKILL without an OOM kill stays a "signal" failure.
    w.advance(200_000);
    let pid = w.main_pid("hog.service");
    w.exit("hog.service", pid, ExitStatus::Killed(9));
    assert_eq!(
        w.e.unit("hog.service")
            .unwrap()
            .service()
            .unwrap()
            .result
            .as_str(),
        "signal"
    );
}

/// A state timeout for a running service (a state without one) can only come from a bug in
/// the manager's timer book: whatever generation such a firing carries, the service is not
/// touched, and the one firing that is not stale is logged as an internal error naming the
/// state and the event (the service table's BadTransition), never dropped silently.
#[test]
fn an_impossible_event_is_logged_as_an_internal_error_and_changes_nothing() {
    let mut w = World::new(vec![service("web.service", |_, _| {})]);
    w.start("web.service").unwrap();
    assert_eq!(w.state("web.service"), (ActiveState::Active, "running"));
    let kills = w.e.host().kills.len();
    for generation in 0..64 {
        w.e.on_timer("web.service", TimerKind::State, generation);
        w.drain();
    }
    let internal: Vec<&String> = w
        .log
        .iter()
        .filter(|l| l.contains("Internal error"))
        .collect();
    assert_eq!(
        internal,
        ["web.service: Internal error: service event StateTimeout is impossible in state running."],
        "{:?}",
        w.log
    );
    assert_eq!(w.state("web.service"), (ActiveState::Active, "running"));
    assert_eq!(w.e.host().kills.len(), kills);
}

/// Exits find their unit by pid (an index kept where a service's processes change): the
/// main and control processes of many services, across a daemon-reload, each reach their
/// own unit and no other.
#[test]
fn every_exit_reaches_its_own_unit_among_many() {
    let names: Vec<String> = (0..50).map(|i| format!("s{i}.service")).collect();
    let mut w = World::new(
        names
            .iter()
            .map(|n| service(n, |s, _| s.exec_stop = vec![cmd("/bin/stop")]))
            .collect(),
    );
    for n in &names {
        w.start(n).unwrap();
    }
    w.e.daemon_reload();
    w.drain();
    // Stopping s7 runs its ExecStop= as a control process beside the main one.
    w.stop("s7.service");
    assert_eq!(w.state("s7.service"), (ActiveState::Deactivating, "stop"));
    let control = w.e.host().spawned.last().unwrap().3;
    w.exit("s7.service", control, ExitStatus::Exited(0));
    assert_eq!(
        w.state("s7.service"),
        (ActiveState::Deactivating, "stop-sigterm")
    );
    let main = w.main_pid("s7.service");
    w.exit("s7.service", main, ExitStatus::Killed(15));
    assert_eq!(w.state("s7.service"), (ActiveState::Inactive, "dead"));
    // s31's main process dies on its own: only s31 goes down (through its ExecStop=).
    let pid = w.main_pid("s31.service");
    w.exit("s31.service", pid, ExitStatus::Exited(1));
    assert_eq!(w.state("s31.service"), (ActiveState::Deactivating, "stop"));
    let control = w.e.host().spawned.last().unwrap().3;
    w.exit("s31.service", control, ExitStatus::Exited(0));
    assert_eq!(w.state("s31.service"), (ActiveState::Failed, "failed"));
    let running = names
        .iter()
        .filter(|n| w.state(n) == (ActiveState::Active, "running"))
        .count();
    assert_eq!(running, 48);
    // A pid that is nobody's main or control process changes nothing.
    w.e.on_exit(999_999, ExitStatus::Exited(0));
    w.drain();
    assert_eq!(
        names
            .iter()
            .filter(|n| w.state(n) == (ActiveState::Active, "running"))
            .count(),
        48
    );
}

/// Jobs held back by ordering start exactly when what they wait for is done — however many
/// wait, and whatever unrelated units do meanwhile (dispatch wakes only the jobs of units
/// ordered next to a unit whose job ended).
#[test]
fn jobs_held_back_by_ordering_run_when_their_turn_comes() {
    let mut units = vec![
        service("db.service", |s, _| s.service_type = ServiceType::Notify),
        service("other.service", |_, _| {}),
        service("first.service", |s, _| {
            s.service_type = ServiceType::Oneshot
        }),
        service("second.service", |s, u| {
            s.service_type = ServiceType::Oneshot;
            u.wants = vec!["first.service".into()];
            u.after = vec!["first.service".into()];
        }),
        service("third.service", |s, u| {
            s.service_type = ServiceType::Oneshot;
            u.wants = vec!["second.service".into()];
            u.after = vec!["second.service".into()];
        }),
    ];
    for i in 0..50 {
        units.push(service(&format!("app-{i}.service"), |_, u| {
            u.wants = vec!["db.service".into()];
            u.after = vec!["db.service".into()];
        }));
    }
    let mut w = World::new(units);
    for i in 0..50 {
        w.start(&format!("app-{i}.service")).unwrap();
    }
    let apps = |w: &World| {
        (0..50)
            .filter(|i| w.spawned(&format!("app-{i}.service")) > 0)
            .count()
    };
    assert_eq!(apps(&w), 0, "all wait for db");
    // Unrelated units come and go: nothing ordered after db moves.
    w.start("other.service").unwrap();
    w.stop("other.service");
    assert_eq!(apps(&w), 0);
    let pid = w.main_pid("db.service");
    w.e.on_notify("db.service", pid, &[("READY".into(), "1".into())]);
    w.drain();
    assert_eq!(apps(&w), 50, "all start once db is up");
    assert_eq!(w.state("app-49.service"), (ActiveState::Active, "running"));
    // A chain: each waits for the one before it to finish.
    w.start("third.service").unwrap();
    for (now, later) in [
        ("first.service", "second.service"),
        ("second.service", "third.service"),
    ] {
        assert_eq!(w.spawned(later), 0, "{later} waits for {now}");
        let pid = w.main_pid(now);
        w.exit(now, pid, ExitStatus::Exited(0));
        assert_eq!(w.spawned(later), 1, "{later} runs after {now}");
    }
}
