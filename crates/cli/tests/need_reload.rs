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
    // Running, so loaded from its files as they were then.
    m.systemctl(&["start", "app.service"]).expect_code(0);
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

/// `show` of one unit looks at that unit's own paths, of many units at one listing of each
/// search directory: both see an edit, a new drop-in and a copy in a directory that takes
/// precedence (`~/.config/systemd/user.control/`), and both say "no" when nothing changed.
#[test]
fn one_unit_asked_or_many_each_change_is_seen() {
    let mut m = Manager::new(BIN);
    let others: Vec<String> = (0..20).map(|i| format!("other-{i}.service")).collect();
    for o in &others {
        m.write_unit(o, "[Service]\nExecStart=/bin/true\n");
    }
    let file = m.write_unit("app.service", "[Service]\nExecStart=/bin/sleep 1000\n");
    m.start();
    // Running, so loaded from its files as they were then; the others are loaded by each
    // `show` (and collected after it).
    m.systemctl(&["start", "app.service"]).expect_code(0);
    let asked = |m: &Manager| -> (String, String) {
        let one = m.prop("app.service", "NeedDaemonReload");
        let mut args = vec!["show", "-p", "NeedDaemonReload", "--value"];
        args.extend(others.iter().map(String::as_str));
        args.push("app.service");
        let many = m.systemctl(&args).expect_code(0).stdout;
        let lines: Vec<&str> = many.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), others.len() + 1, "{many}");
        assert!(lines[..others.len()].iter().all(|l| *l == "no"), "{many}");
        (one, lines[others.len()].to_string())
    };
    let no = ("no".to_string(), "no".to_string());
    let yes = ("yes".to_string(), "yes".to_string());
    assert_eq!(asked(&m), no);

    edit_later(&file, "[Service]\nExecStart=/bin/sleep 999\n");
    assert_eq!(asked(&m), yes, "the unit file edited");
    m.systemctl(&["daemon-reload"]).expect_code(0);
    assert_eq!(asked(&m), no, "after daemon-reload");

    m.write_unit("app.service.d/x.conf", "[Unit]\nDescription=X\n");
    assert_eq!(asked(&m), yes, "a drop-in added");
    m.systemctl(&["daemon-reload"]).expect_code(0);
    assert_eq!(asked(&m), no);

    let control = m.home().join(".config/systemd/user.control");
    std::fs::create_dir_all(&control).unwrap();
    std::fs::write(
        control.join("app.service"),
        "[Service]\nExecStart=/bin/sleep 998\n",
    )
    .unwrap();
    assert_eq!(asked(&m), yes, "a copy that takes precedence");
    m.systemctl(&["daemon-reload"]).expect_code(0);
    assert_eq!(asked(&m), no);
    assert_eq!(
        m.prop("app.service", "FragmentPath"),
        control.join("app.service").display().to_string()
    );
}

/// A unit nothing keeps loaded (never started, or stopped) is collected after each query, as
/// systemd collects it: the next query loads its files as they are then, so an edit or a new
/// drop-in asks for no daemon-reload and shows at once (systemd 252 answers so: the
/// transcript in crates/dbus/tests/reference/query_gc.txt, section 2).
#[test]
fn a_unit_nothing_keeps_loaded_is_read_afresh_at_each_query() {
    let mut m = Manager::new(BIN);
    let file = m.write_unit("idle.service", "[Service]\nExecStart=/bin/sleep 1000\n");
    m.start();
    assert_eq!(m.prop("idle.service", "NeedDaemonReload"), "no");
    edit_later(
        &file,
        "[Unit]\nDescription=Edited\n[Service]\nExecStart=/bin/sleep 1000\n",
    );
    assert_eq!(m.prop("idle.service", "NeedDaemonReload"), "no");
    assert_eq!(m.prop("idle.service", "Description"), "Edited");
    m.write_unit("idle.service.d/x.conf", "[Unit]\nDescription=Dropin\n");
    assert_eq!(m.prop("idle.service", "NeedDaemonReload"), "no");
    let status = m.systemctl(&["status", "idle.service"]);
    assert!(!status.stderr.contains("Warning"), "{}", status.stderr);
    assert!(
        status.stdout.contains("idle.service - Dropin"),
        "{}",
        status.stdout
    );
    // Started and stopped: collected again, the same.
    m.systemctl(&["start", "idle.service"]).expect_code(0);
    m.systemctl(&["stop", "idle.service"]).expect_code(0);
    m.write_unit("idle.service.d/y.conf", "[Unit]\nDescription=Second\n");
    assert_eq!(m.prop("idle.service", "NeedDaemonReload"), "no");
    assert_eq!(m.prop("idle.service", "Description"), "Second");
}
