//! Attacks on crash recovery (issue 10, item 7): the recovery log is written by the user's
//! manager in the user's runtime directory, so anything of that uid can forge it. A forged
//! record must not make the next manager adopt — and later signal and wait for — a process
//! that is not the unit's. Root only: the victim is a root process, the manager runs as
//! `nobody`.

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use linger_test_support::{Manager, alive};

const BIN: &str = env!("CARGO_BIN_EXE_linger");
const NOBODY: u32 = 65534;

fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

/// Field 22 of /proc/PID/stat.
fn start_time(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let rest = &stat[stat.rfind(')').unwrap() + 1..];
    rest.split_whitespace().nth(19).unwrap().parse().unwrap()
}

/// The user manager as `nobody`, in the test tree (chowned to it).
fn start_as_nobody(m: &Manager) -> Child {
    let chown = Command::new("chown")
        .args(["-R", &format!("{NOBODY}:{NOBODY}")])
        .arg(m.dir.path())
        .status()
        .unwrap();
    assert!(chown.success());
    let log = std::fs::File::create(m.dir.path().join("manager.log")).unwrap();
    let child = Command::new(BIN)
        .args(["daemon", "--user", "--no-system-units"])
        .env_clear()
        .env("HOME", m.home())
        .env("XDG_RUNTIME_DIR", m.runtime())
        .env("XDG_CONFIG_HOME", m.home().join(".config"))
        .env("XDG_STATE_HOME", m.home().join(".local/state"))
        .env("PATH", "/usr/bin:/bin")
        .env("TZ", "UTC")
        .uid(NOBODY)
        .gid(NOBODY)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap();
    let sock = m.runtime().join("linger/manager");
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::os::unix::net::UnixStream::connect(&sock).is_err() {
        assert!(
            Instant::now() < deadline,
            "manager did not come up: {}",
            m.manager_log()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child
}

/// Ends (by pid) the processes a test started, also when it fails.
struct Ends(Vec<Child>);

impl Drop for Ends {
    fn drop(&mut self) {
        for c in &mut self.0 {
            if let Some(p) = rustix::process::Pid::from_raw(c.id() as i32) {
                let _ = rustix::process::kill_process(p, rustix::process::Signal::TERM);
            }
            let _ = c.wait();
        }
    }
}

/// See: issue 10, item 7 — "a same-uid forged recovery record makes the user manager adopt a
/// root pid (then its stop hangs 180 s)".
#[test]
fn a_forged_record_naming_a_root_process_is_not_adopted() {
    if !is_root() {
        eprintln!("skipped: needs root (a root victim, a manager as nobody)");
        return;
    }
    let m = Manager::new(BIN);
    m.write_unit(
        "victim.service",
        "[Service]\nExecStart=/bin/sleep infinity\n",
    );
    // Root's process, which the forged record claims.
    let victim = Command::new("sleep").arg("600").spawn().unwrap();
    let pid = victim.id();
    let mut ends = Ends(vec![victim]);
    let record = serde_json::json!({
        "service": {
            "unit": "victim.service", "main_pid": pid, "exited": false,
            "invocation_id": "00000000000000000000000000000001", "restarts": 0,
            "status_text": null, "main_start": [1, 1], "active_enter": [1, 1]
        },
        "main_pid_start": start_time(pid),
    });
    let dir = m.runtime().join("linger");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("recovery.log"),
        format!("victim.service\t{record}\n"),
    )
    .unwrap();
    ends.0.insert(0, start_as_nobody(&m));
    let main_pid = m.prop("victim.service", "MainPID");
    assert_ne!(main_pid, pid.to_string(), "adopted root's process");
    let t = Instant::now();
    m.systemctl(&["stop", "victim.service"]).expect_code(0);
    assert!(
        t.elapsed() < Duration::from_secs(10),
        "stop took {:?}",
        t.elapsed()
    );
    assert!(alive(pid), "the root process was touched");
    let log = std::fs::read_to_string(m.dir.path().join("manager.log")).unwrap_or_default();
    let journal = m.linger(&["journal", "--user", "-u", "victim.service", "--no-pager"]);
    assert!(
        journal
            .stdout
            .contains(&format!("Not adopting process {pid}"))
            || log.contains(&format!("Not adopting process {pid}")),
        "the refusal is logged: {}\n{}",
        journal.stdout,
        log
    );
    // The manager goes first (its stop must not touch root's process), then the victim.
    drop(ends);
}
