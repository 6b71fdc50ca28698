//! Where `status` finds a unit's last log lines: in the journal when the manager has one,
//! else in the tail the manager keeps in memory. The manager keeps that second copy only
//! without a journal (a copy of 64 lines of every unit beside the journal grew a manager of
//! 500 services by ~0.35 MB per start/stop round), so both paths must show the lines.

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

const TALKER: &str =
    "[Service]\nExecStart=/bin/sh -c 'echo hello from the talker; exec sleep 600'\n";

/// Start the talker and wait until `status` shows its line.
fn start_talker(m: &Manager) {
    m.write_unit("talker.service", TALKER);
    m.systemctl(&["start", "talker.service"]).expect_code(0);
    m.wait_for("the talker's line in status", |m| {
        m.systemctl(&["status", "talker.service"])
            .stdout
            .contains("hello from the talker")
    });
}

#[test]
fn status_shows_the_last_lines_from_memory_when_the_journal_cannot_be_opened() {
    let mut m = Manager::new(BIN);
    // A file where the journal directory would be: the manager cannot open its journal.
    let state = m.home().join(".local/state/linger");
    std::fs::create_dir_all(&state).expect("mkdir");
    std::fs::write(state.join("journal"), "not a directory").expect("write");
    m.start();
    start_talker(&m);
    let status = m.systemctl(&["status", "talker.service"]).stdout;
    assert!(
        status.contains("Started talker.service."),
        "the manager's own line is in the tail too:\n{status}"
    );
}

#[test]
fn status_shows_the_last_lines_from_the_journal_and_the_manager_keeps_no_copy() {
    let mut m = Manager::new(BIN);
    m.start();
    start_talker(&m);
    // The journal goes away: status has nowhere else to read the line from.
    std::fs::remove_dir_all(m.home().join(".local/state/linger/journal")).expect("rm journal");
    let status = m.systemctl(&["status", "talker.service"]).stdout;
    assert!(
        status.contains("talker.service") && !status.contains("hello from the talker"),
        "with a journal the manager keeps no second copy of the lines:\n{status}"
    );
}
