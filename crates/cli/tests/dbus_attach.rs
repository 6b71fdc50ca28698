//! `AttachProcessesToUnit` through D-Bus (`dbus-send` on the private socket), as root on this
//! machine: the manager runs in a private delegated `user@0.service` the test creates
//! (test-support's TestCgroups), so its units have cgroups. Every answer is the one systemd
//! 252's own user manager gave for the same call on the same units
//! (crates/dbus/tests/reference/attach.sh, its transcript attach.txt there): `Delegate=` is
//! required, the unit must be running, the sub-cgroup absolute, normalized and existing, the
//! processes the user's own and not the manager's. A moved process keeps its own unit running.
#![allow(clippy::print_stderr)]

use std::path::Path;
use std::process::{Child, Command};

use linger_test_support::{Manager, TestCgroups, write_reference_units};

const BIN: &str = env!("CARGO_BIN_EXE_linger");
const M: &str = "/org/freedesktop/systemd1";

fn reference(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../dbus/tests/reference")
        .join(name)
}

/// systemd 252's answer (`Error NAME: MESSAGE`, or `ok`) to the call its transcript lists
/// as `$ AttachProcessesToUnit UNIT SUB …` in the `n`th place.
fn systemds_answer(n: usize) -> String {
    let text = std::fs::read_to_string(reference("attach.txt")).expect("attach.txt");
    let mut calls = text.split("$ AttachProcessesToUnit ").skip(1);
    let call = calls.nth(n).expect("that many calls");
    let answer = call.lines().nth(1).unwrap_or("");
    if answer.starts_with("method return") {
        "ok".to_string()
    } else {
        answer.to_string()
    }
}

/// `AttachProcessesToUnit(unit, sub, pids)` on the private socket: `ok` or `Error NAME: …`.
fn attach(m: &Manager, unit: &str, sub: &str, pids: &[u32]) -> String {
    let list: Vec<String> = pids.iter().map(u32::to_string).collect();
    let (code, text) = m.dbus_send(
        M,
        "org.freedesktop.systemd1.Manager.AttachProcessesToUnit",
        &[
            &format!("string:{unit}"),
            &format!("string:{sub}"),
            &format!("array:uint32:{}", list.join(",")),
        ],
    );
    if code == 0 {
        "ok".to_string()
    } else {
        text.lines()
            .find(|l| l.starts_with("Error "))
            .unwrap_or(&text)
            .to_string()
    }
}

/// The v2 cgroup of `pid`, below the manager's own.
fn cgroup_of(pid: u32) -> String {
    let text = std::fs::read_to_string(format!("/proc/{pid}/cgroup")).unwrap_or_default();
    let path = text
        .lines()
        .find_map(|l| l.strip_prefix("0::"))
        .unwrap_or("")
        .to_string();
    match path.find("/user@0.service") {
        Some(i) => path[i + "/user@0.service".len()..].to_string(),
        None => path,
    }
}

struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn attach_processes_moves_the_users_processes_into_a_delegated_unit_as_systemd_does() {
    if Command::new("dbus-send").arg("--help").output().is_err() {
        eprintln!("skipped: needs dbus-send");
        return;
    }
    let Some(cg) = TestCgroups::create("dbus-attach", 0, false) else {
        return;
    };
    let mut m = Manager::new(BIN);
    write_reference_units(&reference("attach.sh"), &m.unit_dir());
    m.start_in_cgroups(&cg.procs_files());
    let private = m.runtime().join("systemd/private");
    m.wait_for("the D-Bus private socket", |_| private.exists());
    m.systemctl(&[
        "start",
        "deleg.service",
        "delegctl.service",
        "plain.service",
        "donor.service",
        "donor2.service",
    ])
    .expect_code(0);
    assert_eq!(m.prop("deleg.service", "Delegate"), "yes");
    assert_eq!(
        m.prop("delegctl.service", "DelegateControllers"),
        "cpu memory"
    );
    assert_eq!(m.prop("plain.service", "Delegate"), "no");
    let donor = m.main_pid("donor.service");
    let donor2 = m.main_pid("donor2.service");
    assert_eq!(cgroup_of(donor), "/app.slice/donor.service");
    m.systemctl(&["start", "delegoff.service"]).expect_code(1);
    // Another user's process.
    let other = Reaped(
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .args(["sleep", "infinity"])
            .spawn()
            .expect("setpriv"),
    );
    let calls: [(&str, &str, Vec<u32>); 10] = [
        ("plain.service", "", vec![donor]),
        ("nothere.service", "", vec![donor]),
        ("delegoff.service", "", vec![donor]),
        ("deleg.service", "", vec![other.0.id()]),
        ("deleg.service", "", vec![999_999]),
        ("deleg.service", "", vec![1]),
        ("deleg.service", "sub", vec![donor]),
        ("deleg.service", "/../x", vec![donor]),
        ("deleg.service", "", vec![]),
        ("deleg.service", "", vec![donor]),
    ];
    for (n, (unit, sub, pids)) in calls.iter().enumerate() {
        assert_eq!(
            attach(&m, unit, sub, pids),
            systemds_answer(n),
            "AttachProcessesToUnit {unit} '{sub}' {pids:?}"
        );
    }
    assert_eq!(cgroup_of(donor), "/app.slice/deleg.service");
    // A sub-cgroup is not made: the unit makes its own.
    assert_eq!(
        attach(&m, "deleg.service", "/sub/deeper", &[donor2]),
        systemds_answer(10)
    );
    assert_eq!(cgroup_of(donor2), "/app.slice/donor2.service");
    let dir = cg.procs_files()[0]
        .parent()
        .expect("user@0.service")
        .join("app.slice/deleg.service/sub");
    std::fs::create_dir(&dir).expect("mkdir sub");
    assert_eq!(
        attach(&m, "deleg.service", "/sub", &[donor2]),
        systemds_answer(11)
    );
    assert_eq!(cgroup_of(donor2), "/app.slice/deleg.service/sub");
    // The moved processes' own units go on, as in systemd.
    assert_eq!(m.prop("donor2.service", "ActiveState"), "active");
    assert_eq!(m.main_pid("donor2.service"), donor2);
    assert_eq!(
        attach(&m, "delegctl.service", "/a", &[donor]),
        systemds_answer(12)
    );
    m.systemctl(&["stop", "donor2.service", "deleg.service"])
        .expect_code(0);
    let _ = std::fs::remove_dir(&dir);
}

/// `Delegate=` and `DelegateControllers=` read by systemd's own systemctl are what systemd 252
/// showed for the same units (reference/delegate.sh, its transcript delegate.txt): `yes` lists
/// the cgroup v2 controllers (on this machine's hybrid layout too), a later list adds to them,
/// an empty one empties them, `no` and a socket list none.
#[test]
fn delegate_controllers_read_as_systemd_shows_them() {
    if !Path::new("/usr/bin/systemctl").exists() {
        eprintln!("skipped: systemd's systemctl is not installed");
        return;
    }
    let mut m = Manager::new(BIN);
    let script = reference("delegate.sh");
    write_reference_units(&script, &m.unit_dir());
    m.start();
    let private = m.runtime().join("systemd/private");
    m.wait_for("the D-Bus private socket", |_| private.exists());
    let out = m
        .systemd_client("bash", &[])
        .arg(&script)
        .arg("run")
        .output()
        .expect("run delegate.sh");
    let want = std::fs::read_to_string(reference("delegate.txt")).expect("delegate.txt");
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
}
