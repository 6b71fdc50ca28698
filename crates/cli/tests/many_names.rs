//! systemctl calls naming thousands of units (issue 12: a user manager with 10,000 services
//! must still answer `is-active`, `show`, `status`, `list-units`, `start` and `stop` for all
//! of them, although every message on the manager's socket is bounded by 8 MiB).
//!
//! The units are instances of a template target: nothing is spawned, so the test exercises the
//! calls and their replies, not process start-up. 3,000 units with long descriptions make
//! `show`'s reply well over the 8 MiB a message may have (asserted below); 10,000 names cost a
//! debug build more than the time a test may take here (ten_thousand.rs starts 10,000 real
//! services in a test binary of its own; bench/usermgr.py --scale 10000 measures them).

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");
const UNITS: usize = 3_000;

fn with_names<'a>(verb: &'a [&'a str], names: &'a [String]) -> Vec<&'a str> {
    verb.iter()
        .copied()
        .chain(names.iter().map(String::as_str))
        .collect()
}

#[test]
fn thousands_of_names_in_one_call_are_answered() {
    let mut m = Manager::new(BIN);
    m.start();
    // A long description (as some packages' are) makes every unit weigh ~3 KB in a reply, so
    // that 3,000 of them are more than one message may carry.
    m.write_unit(
        "many@.target",
        &format!("[Unit]\nDescription=Many %i {}\n", "long ".repeat(400)),
    );
    let units: Vec<String> = (0..UNITS).map(|i| format!("many@{i}.target")).collect();
    let names = &units;

    let r = m.systemctl(&with_names(&["is-active"], names));
    assert_eq!(r.code, 3, "none is active yet: {}", r.stderr);
    assert_eq!(r.stdout.lines().count(), UNITS, "{}", r.stderr);
    assert!(r.stdout.lines().all(|l| l == "inactive"));

    m.systemctl(&with_names(&["start"], &units)).expect_code(0);
    let r = m.systemctl(&with_names(&["is-active"], names));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), UNITS, "{}", r.stderr);
    assert!(r.stdout.lines().all(|l| l == "active"), "{}", r.stdout);

    // Every property of every unit: more than one message may carry.
    let r = m.systemctl(&with_names(&["show"], &units));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.len() > linger_ipc::MAX_MESSAGE,
        "only {} bytes: too few units to go over the limit",
        r.stdout.len()
    );
    let ids: Vec<&str> = r
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("Id="))
        .collect();
    assert_eq!(ids.len(), UNITS);
    assert_eq!(ids[0], "many@0.target");
    assert_eq!(ids[UNITS - 1], format!("many@{}.target", UNITS - 1));

    // Without journal lines: each unit's tail is a journal query of its own (notes/units.md).
    let r = m.systemctl(&with_names(&["status", "--no-pager", "-n", "0"], &units));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let headers = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("● many@") && l.contains(" - Many "))
        .count();
    assert_eq!(headers, UNITS, "{}", r.stderr);

    let r = m.systemctl(&["list-units", "--no-legend", "--plain", "many@*"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), UNITS);

    m.systemctl(&with_names(&["stop"], &units)).expect_code(0);
    let r = m.systemctl(&["list-units", "--no-legend", "--plain", "many@*"]);
    assert_eq!(r.stdout, "", "{}", r.stderr);
}

/// Thousands of names without a unit file (issue 12: each one rescanned the whole search path,
/// 7,000 of them took more than 16 minutes): `is-active` and `status` answer every one, and a
/// unit file written afterwards is found by the next call.
#[test]
fn thousands_of_names_without_a_file_are_answered() {
    const ABSENT: usize = 5_000;
    let mut m = Manager::new(BIN);
    m.start();
    let names: Vec<String> = (0..ABSENT).map(|i| format!("absent-{i}.service")).collect();
    let r = m.systemctl(&with_names(&["is-active"], &names));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), ABSENT, "{}", r.stderr);
    assert!(r.stdout.lines().all(|l| l == "inactive"), "{}", r.stdout);
    let r = m.systemctl(&with_names(&["status"], &names[..1000]));
    assert_eq!(r.code, 4, "{}", r.stdout);
    assert_eq!(
        r.stderr
            .lines()
            .filter(|l| l.starts_with("Unit absent-") && l.ends_with(".service could not be found."))
            .count(),
        1000,
        "{}",
        r.stderr
    );
    m.write_unit(
        "absent-7.service",
        "[Service]\nExecStart=/bin/sleep infinity\n",
    );
    m.systemctl(&["start", "absent-7.service"]).expect_code(0);
    let r = m.systemctl(&with_names(&["is-active"], &names[..10]));
    let answers: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(answers[7], "active", "{}", r.stdout);
    assert_eq!(answers.iter().filter(|a| **a == "inactive").count(), 9);
    m.shutdown();
}
