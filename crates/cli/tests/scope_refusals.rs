//! `StartScope` refusals carry their kind (a bad name or pid is InvalidParameter — D-Bus
//! StartTransientUnit's callers get InvalidArgs, as from systemd — not one generic
//! failure), and the manager keeps answering.

use linger_ipc::manager::{StartScopeRequest, error, method};
use linger_ipc::{CallError, Client};
use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

/// The varlink error a StartScope call for `unit` around `pid` gets.
fn refusal(m: &Manager, unit: &str, pid: u32) -> (String, String) {
    let mut c = Client::connect(&m.runtime().join("linger/manager")).expect("connect");
    let req = StartScopeRequest {
        unit: unit.to_string(),
        pid,
    };
    match c.call(method::START_SCOPE, serde_json::to_value(req).unwrap()) {
        Err(CallError::Remote { name, message, .. }) => (name, message),
        other => panic!("StartScope {unit} {pid}: {other:?}"),
    }
}

#[test]
fn scope_refusals_are_typed() {
    let mut m = Manager::new(BIN);
    m.start();
    let me = std::process::id();
    // Not a scope name: a bad parameter, as systemd's InvalidArgs.
    let (name, message) = refusal(&m, "web.service", me);
    assert_eq!(name, error::INVALID, "{message}");
    assert_eq!(message, "web.service is not a scope unit name.");
    // A process that does not exist (every pid is below pid_max): a bad parameter too.
    let pid_max: u32 = std::fs::read_to_string("/proc/sys/kernel/pid_max")
        .expect("pid_max")
        .trim()
        .parse()
        .expect("pid_max is a number");
    let (name, message) = refusal(&m, "run-nobody.scope", pid_max);
    assert_eq!(name, error::INVALID, "{message}");
    assert_eq!(message, format!("No process {pid_max}."));
    // The manager keeps answering.
    m.systemctl(&["is-system-running"]);
    assert!(m.pid().is_some_and(linger_test_support::alive));
}
