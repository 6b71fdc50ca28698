//! `systemctl isolate` (`--job-mode=isolate`): start one unit with what it pulls in, stop
//! everything else that runs — except units with `IgnoreOnIsolate=` and what a kept socket or
//! timer activates — and refuse units without `AllowIsolate=yes`.

mod common;
use common::*;

fn isolatable(name: &str, wants: &[&str]) -> UnitConfig {
    let mut t = target(name);
    t.unit.allow_isolate = true;
    t.unit.wants = wants.iter().map(|s| (*s).to_string()).collect();
    t
}

fn isolate(w: &mut World, unit: &str) -> Result<u32, linger_engine::EngineError> {
    let r = w.e.enqueue(JobType::Start, unit, JobMode::Isolate, true);
    w.drain();
    r
}

#[test]
fn isolate_stops_what_the_target_does_not_pull_in_and_keeps_ignored_units() {
    let mut w = World::new(vec![
        isolatable("work.target", &["kept.service"]),
        service("kept.service", |_, _| {}),
        service("other.service", |_, _| {}),
        service("pinned.service", |_, u| u.ignore_on_isolate = Some(true)),
    ]);
    for u in ["kept.service", "other.service", "pinned.service"] {
        w.start(u).unwrap();
    }
    isolate(&mut w, "work.target").unwrap();
    assert_eq!(w.state("work.target").0, ActiveState::Active);
    assert_eq!(w.state("kept.service"), (ActiveState::Active, "running"));
    assert_eq!(w.state("pinned.service"), (ActiveState::Active, "running"));
    assert_eq!(
        w.state("other.service"),
        (ActiveState::Deactivating, "stop-sigterm")
    );
    let pid = w.main_pid("other.service");
    w.exit("other.service", pid, ExitStatus::Killed(15));
    assert_eq!(w.state("other.service"), (ActiveState::Inactive, "dead"));
    assert!(
        !w.e.host()
            .kills
            .iter()
            .any(|(u, _, _)| u == "kept.service" || u == "pinned.service"),
        "{:?}",
        w.e.host().kills
    );
}

#[test]
fn isolate_is_refused_without_allow_isolate_and_for_jobs_other_than_start() {
    let mut w = World::new(vec![
        target("plain.target"),
        service("web.service", |_, _| {}),
    ]);
    w.start("web.service").unwrap();
    let e = isolate(&mut w, "plain.target").unwrap_err();
    assert_eq!(
        e.to_string(),
        "Operation refused, unit may not be isolated."
    );
    let e =
        w.e.enqueue(JobType::Stop, "plain.target", JobMode::Isolate, true)
            .unwrap_err();
    assert_eq!(e.to_string(), "Isolate is only valid for start.");
    // Nothing was stopped by the refused requests.
    assert_eq!(w.state("web.service"), (ActiveState::Active, "running"));
}

#[test]
fn isolate_cancels_queued_jobs_outside_the_new_transaction() {
    // slow.service waits for blocker.service (After=), so its start stays queued.
    let mut w = World::new(vec![
        isolatable("work.target", &[]),
        service("blocker.service", |s, _| {
            s.service_type = ServiceType::Notify
        }),
        service("slow.service", |_, u| {
            u.after = vec!["blocker.service".into()]
        }),
    ]);
    w.e.enqueue(JobType::Start, "blocker.service", JobMode::Replace, true)
        .unwrap();
    w.e.enqueue(JobType::Start, "slow.service", JobMode::Replace, true)
        .unwrap();
    w.drain();
    assert!(w.e.job_of("slow.service").is_some());
    isolate(&mut w, "work.target").unwrap();
    assert!(w.e.job_of("slow.service").is_none());
    assert!(
        w.finished
            .contains(&("slow.service".into(), JobResult::Canceled)),
        "{:?}",
        w.finished
    );
    assert_eq!(w.spawned("slow.service"), 0);
}
