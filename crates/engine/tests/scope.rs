//! Scope units: processes moved into a cgroup by `linger run --scope`, followed until the
//! cgroup is empty and stopped by signalling all of it.

mod common;
use common::*;

use linger_engine::{ActiveState, JobResult, KillWhom};
use linger_unit::model::{ServiceConfig, UnitConfig, UnitKind, UnitType};

const SEC: u64 = 1_000_000;

fn scope(name: &str, f: impl FnOnce(&mut ServiceConfig)) -> UnitConfig {
    let mut s = ServiceConfig {
        timeout_stop: 5 * SEC,
        ..ServiceConfig::default()
    };
    f(&mut s);
    UnitConfig {
        unit_type: UnitType::Scope,
        kind: UnitKind::Scope(Box::new(s)),
        ..target(name)
    }
}

fn with_pids(w: &mut World, unit: &str, pids: &[u32]) {
    w.e.host_mut()
        .alive
        .insert(unit.into(), pids.iter().copied().collect());
}

fn empty(w: &mut World, unit: &str) {
    w.e.host_mut().alive.remove(unit);
    w.e.on_unit_empty(unit);
    w.drain();
}

#[test]
fn a_scope_runs_until_its_cgroup_is_empty() {
    let mut w = World::new(vec![scope("run-u1.scope", |_| {})]);
    with_pids(&mut w, "run-u1.scope", &[4242]);
    w.e.start_scope("run-u1.scope").unwrap();
    w.drain();
    assert_eq!(w.state("run-u1.scope"), (ActiveState::Active, "running"));
    assert!(
        w.e.start_scope("run-u1.scope").is_err(),
        "a running scope cannot be made twice"
    );
    empty(&mut w, "run-u1.scope");
    assert_eq!(w.state("run-u1.scope"), (ActiveState::Inactive, "dead"));
    // Nothing can start it again: its processes came from elsewhere.
    w.start("run-u1.scope").unwrap();
    assert_eq!(
        w.finished.last(),
        Some(&("run-u1.scope".to_string(), JobResult::Failed))
    );
    assert_eq!(w.state("run-u1.scope").0, ActiveState::Inactive);
}

#[test]
fn stopping_a_scope_signals_its_whole_cgroup() {
    let mut w = World::new(vec![scope("screen.scope", |c| {
        c.kill.kill_signal = 1;
    })]);
    with_pids(&mut w, "screen.scope", &[10, 11, 12]);
    w.e.start_scope("screen.scope").unwrap();
    w.drain();
    w.stop("screen.scope");
    assert_eq!(
        w.e.host().kills,
        vec![("screen.scope".to_string(), KillWhom::All, 1)],
        "KillSignal= to every process"
    );
    assert_eq!(
        w.state("screen.scope"),
        (ActiveState::Deactivating, "stop-sigterm")
    );
    empty(&mut w, "screen.scope");
    assert_eq!(w.state("screen.scope"), (ActiveState::Inactive, "dead"));
    assert_eq!(
        w.finished.last(),
        Some(&("screen.scope".to_string(), JobResult::Done))
    );
}

#[test]
fn a_scope_that_ignores_sigterm_is_killed_after_the_stop_timeout() {
    let mut w = World::new(vec![scope("stubborn.scope", |_| {})]);
    with_pids(&mut w, "stubborn.scope", &[7]);
    w.e.start_scope("stubborn.scope").unwrap();
    w.drain();
    w.stop("stubborn.scope");
    w.advance(5 * SEC);
    assert_eq!(
        w.e.host().kills.last(),
        Some(&("stubborn.scope".to_string(), KillWhom::All, 9))
    );
    assert_eq!(
        w.state("stubborn.scope"),
        (ActiveState::Deactivating, "stop-sigkill")
    );
    empty(&mut w, "stubborn.scope");
    assert_eq!(w.state("stubborn.scope"), (ActiveState::Failed, "failed"));
    assert_eq!(
        w.e.unit("stubborn.scope").unwrap().scope().unwrap().result,
        linger_engine::ServiceResult::Timeout
    );
}

#[test]
fn runtime_max_sec_stops_a_scope() {
    let mut w = World::new(vec![scope("short.scope", |c| c.runtime_max = 30 * SEC)]);
    with_pids(&mut w, "short.scope", &[99]);
    w.e.start_scope("short.scope").unwrap();
    w.drain();
    w.advance(30 * SEC);
    assert_eq!(
        w.state("short.scope"),
        (ActiveState::Deactivating, "stop-sigterm")
    );
    empty(&mut w, "short.scope");
    assert_eq!(w.state("short.scope").0, ActiveState::Failed);
}
