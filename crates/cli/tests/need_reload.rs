//! `NeedDaemonReload=`: a unit whose file or drop-ins changed on disk since the manager read
//! them says so, and systemctl warns in systemd's words (status, start/restart, cat) until
//! `daemon-reload`.

use std::path::Path;
use std::time::Duration;

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

const WARNING: &str = "Warning: The unit file, source configuration file or drop-ins of app.service changed on disk. Run 'systemctl --user daemon-reload' to reload units.";

/// An edit the manager can tell apart from the loaded version even on a filesystem whose
/// timestamps are coarser than the time between two writes: the new mtime is pushed on.
fn edit_later(path: &Path, text: &str) {
    let before = std::fs::metadata(path).unwrap().modified().unwrap();
    std::fs::write(path, text).unwrap();
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(before + Duration::from_secs(2)).unwrap();
}

#[test]
fn a_changed_unit_file_asks_for_daemon_reload_until_it_is_done() {
    let mut m = Manager::new(BIN);
    let file = m.write_unit("app.service", "[Service]\nExecStart=/bin/sleep 1000\n");
    m.start();
    m.systemctl(&["start", "app.service"]).expect_code(0);
    assert_eq!(m.prop("app.service", "NeedDaemonReload"), "no");
    let status = m.systemctl(&["status", "app.service"]);
    assert!(!status.stderr.contains("Warning"), "{}", status.stderr);

    edit_later(
        &file,
        "[Unit]\nDescription=Changed\n[Service]\nExecStart=/bin/sleep 1000\n",
    );
    assert_eq!(m.prop("app.service", "NeedDaemonReload"), "yes");
    let status = m.systemctl(&["status", "app.service"]);
    assert!(status.stderr.contains(WARNING), "{}", status.stderr);
    let restart = m.systemctl(&["restart", "app.service"]).expect_code(0);
    assert!(restart.stderr.contains(WARNING), "{}", restart.stderr);
    let quiet = m
        .systemctl(&["restart", "-q", "app.service"])
        .expect_code(0);
    assert!(!quiet.stderr.contains("Warning"), "{}", quiet.stderr);
    let cat = m.systemctl(&["cat", "app.service"]).expect_code(0);
    assert!(
        cat.stderr.starts_with("# Warning: app.service changed on disk, the version systemd has loaded is outdated.\n# This output shows the current version of the unit's original fragment and drop-in files.\n"),
        "{}",
        cat.stderr
    );
    assert!(cat.stdout.contains("Description=Changed"), "{}", cat.stdout);

    m.systemctl(&["daemon-reload"]).expect_code(0);
    assert_eq!(m.prop("app.service", "NeedDaemonReload"), "no");
    assert_eq!(m.prop("app.service", "Description"), "Changed");
    let restart = m.systemctl(&["restart", "app.service"]).expect_code(0);
    assert!(!restart.stderr.contains("Warning"), "{}", restart.stderr);
}

#[test]
fn a_new_drop_in_or_an_overriding_copy_asks_for_daemon_reload() {
    let mut m = Manager::new(BIN);
    m.write_unit("app.service", "[Service]\nExecStart=/bin/sleep 1000\n");
    m.start();
    assert_eq!(m.prop("app.service", "NeedDaemonReload"), "no");
    m.write_unit("app.service.d/more.conf", "[Unit]\nDescription=More\n");
    assert_eq!(m.prop("app.service", "NeedDaemonReload"), "yes");
    m.systemctl(&["daemon-reload"]).expect_code(0);
    assert_eq!(m.prop("app.service", "NeedDaemonReload"), "no");
    std::fs::remove_file(m.unit_dir().join("app.service.d/more.conf")).unwrap();
    assert_eq!(m.prop("app.service", "NeedDaemonReload"), "yes");
    m.systemctl(&["daemon-reload"]).expect_code(0);
    // A drop-in for every service (service.d/) counts too; a built-in unit never asks.
    m.write_unit("service.d/all.conf", "[Unit]\nDescription=All\n");
    assert_eq!(m.prop("app.service", "NeedDaemonReload"), "yes");
    assert_eq!(m.prop("default.target", "NeedDaemonReload"), "no");
}
