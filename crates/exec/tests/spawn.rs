//! Real fork/exec: stages are reported by name and number, as systemd's status shows them.

use std::os::fd::OwnedFd;

use linger_exec::{ExecSpec, Stage, spawn};

fn wait(pid: u32) -> i32 {
    // The zombie's exit code is in /proc/PID/stat; init reaps it when the test exits.
    let mut status = 0;
    let pid = pid as i32;
    loop {
        match nix_waitpid(pid, &mut status) {
            Ok(()) => return status,
            Err(()) => continue,
        }
    }
}

fn nix_waitpid(pid: i32, status: &mut i32) -> Result<(), ()> {
    // Read /proc until the child is a zombie, then its exit code from /proc/PID/stat field 52.
    loop {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).map_err(|_| ())?;
        let after = stat.rsplit_once(')').map(|x| x.1).unwrap_or("");
        let fields: Vec<&str> = after.split_whitespace().collect();
        if fields.first() == Some(&"Z") {
            *status = fields.last().and_then(|s| s.parse().ok()).unwrap_or(-1);
            return Ok(());
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

#[test]
fn missing_program_fails_at_exec_stage() {
    let spec = ExecSpec::new("/nonexistent/program", &["program"]).unwrap();
    let child = spawn(spec).unwrap();
    assert_eq!(child.failure.map(|f| f.0), Some(Stage::Exec));
    assert_eq!(child.failure.map(|f| f.1), Some(2), "errno ENOENT");
    assert_eq!(wait(child.pid) >> 8, 203);
}

#[test]
fn bad_working_directory_fails_at_chdir_unless_optional() {
    let mut spec = ExecSpec::new("/bin/true", &["true"]).unwrap();
    spec.set_cwd("/nonexistent/dir", false).unwrap();
    let child = spawn(spec).unwrap();
    assert_eq!(child.failure.map(|f| f.0), Some(Stage::Chdir));
    assert_eq!(wait(child.pid) >> 8, 200);

    let mut spec = ExecSpec::new("/bin/true", &["true"]).unwrap();
    spec.set_cwd("/nonexistent/dir", true).unwrap();
    let child = spawn(spec).unwrap();
    assert_eq!(child.failure, None);
    assert_eq!(wait(child.pid) >> 8, 0);
}

#[test]
fn environment_cwd_and_stdout_reach_the_program() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out");
    let out: OwnedFd = std::fs::File::create(&out_path).unwrap().into();
    let mut spec = ExecSpec::new(
        "/bin/sh",
        &["sh", "-c", "echo \"$GREETING $(pwd) $(umask)\""],
    )
    .unwrap();
    spec.set_env(&["GREETING=hello", "PATH=/usr/bin:/bin"])
        .unwrap();
    spec.set_cwd(dir.path().to_str().unwrap(), false).unwrap();
    spec.umask = 0o077;
    spec.stdout = Some(out);
    let child = spawn(spec).unwrap();
    assert_eq!(child.failure, None);
    assert_eq!(wait(child.pid) >> 8, 0);
    let text = std::fs::read_to_string(&out_path).unwrap();
    assert_eq!(text.trim(), format!("hello {} 0077", dir.path().display()));
}

#[test]
fn nowait_spawn_reports_the_failed_stage_after_exit() {
    let spec = ExecSpec::new("/nonexistent/program", &["program"]).unwrap();
    let child = linger_exec::spawn_nowait(spec).unwrap();
    assert!(child.failure.is_none(), "not known yet");
    assert_eq!(wait(child.pid) >> 8, 203);
    let pipe = child.status_pipe.expect("status pipe");
    assert_eq!(linger_exec::read_status(&pipe), Some((Stage::Exec, 2)));

    let child = linger_exec::spawn_nowait(ExecSpec::new("/bin/true", &["true"]).unwrap()).unwrap();
    assert_eq!(wait(child.pid) >> 8, 0);
    assert_eq!(
        linger_exec::read_status(&child.status_pipe.unwrap()),
        None,
        "exec succeeded"
    );
}

/// Many children share one report pipe: each failure is found under its own pid, and a
/// child that exec'ed has nothing reported.
#[test]
fn shared_report_pipe_keeps_failures_apart() {
    let mut reports = linger_exec::ExecReports::new();
    let mut bad_dir = ExecSpec::new("/bin/true", &["true"]).unwrap();
    bad_dir.set_cwd("/nonexistent/dir", false).unwrap();
    let a = linger_exec::spawn_reporting(bad_dir, &reports).unwrap();
    let b = linger_exec::spawn_reporting(ExecSpec::new("/bin/true", &["true"]).unwrap(), &reports)
        .unwrap();
    let c = linger_exec::spawn_reporting(
        ExecSpec::new("/nonexistent/program", &["program"]).unwrap(),
        &reports,
    )
    .unwrap();
    assert!(
        a.status_pipe.is_none() && c.status_pipe.is_none(),
        "no fd kept per child"
    );
    assert_eq!(wait(a.pid) >> 8, 200);
    assert_eq!(wait(b.pid) >> 8, 0);
    assert_eq!(wait(c.pid) >> 8, 203);
    assert_eq!(reports.take(c.pid), Some((Stage::Exec, 2)));
    assert_eq!(reports.take(b.pid), None);
    assert_eq!(reports.take(a.pid), Some((Stage::Chdir, 2)));
    assert_eq!(reports.take(a.pid), None, "taken once");
}

/// Credentials: as root, a child becomes `nobody` (uid, gid and an exact supplementary group
/// list) before exec; the working directory is checked as that user.
#[test]
fn credentials_switch_user_and_groups() {
    if !is_root() {
        eprintln!("skipped: needs root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out");
    let out: OwnedFd = std::fs::File::create(&out_path).unwrap().into();
    let mut spec =
        ExecSpec::new("/bin/sh", &["sh", "-c", "echo $(id -u) $(id -g) $(id -G)"]).unwrap();
    spec.set_env(&["PATH=/usr/bin:/bin"]).unwrap();
    spec.stdout = Some(out);
    spec.credentials = Some(linger_exec::Credentials {
        uid: 65534,
        gid: 65534,
        groups: vec![65534, 100],
    });
    let child = spawn(spec).unwrap();
    assert_eq!(child.failure, None);
    assert_eq!(wait(child.pid) >> 8, 0);
    let text = std::fs::read_to_string(&out_path).unwrap();
    assert_eq!(text.trim(), "65534 65534 65534 100");

    // A directory only root may enter: chdir fails as the user, at the CHDIR stage.
    let private = dir.path().join("private");
    std::fs::create_dir(&private).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o700)).unwrap();
    let mut spec = ExecSpec::new("/bin/true", &["true"]).unwrap();
    spec.set_cwd(private.to_str().unwrap(), false).unwrap();
    spec.credentials = Some(linger_exec::Credentials {
        uid: 65534,
        gid: 65534,
        groups: Vec::new(),
    });
    let child = spawn(spec).unwrap();
    assert_eq!(child.failure.map(|f| (f.0, f.1)), Some((Stage::Chdir, 13)));
    assert_eq!(wait(child.pid) >> 8, 200);
}

/// Without privilege the identity change fails, and says so by stage (GROUP, 216).
#[test]
fn credentials_without_privilege_fail_at_group_stage() {
    if is_root() {
        eprintln!("skipped: needs a non-root user");
        return;
    }
    let mut spec = ExecSpec::new("/bin/true", &["true"]).unwrap();
    spec.credentials = Some(linger_exec::Credentials {
        uid: 0,
        gid: 0,
        groups: Vec::new(),
    });
    let child = spawn(spec).unwrap();
    assert_eq!(child.failure.map(|f| f.0), Some(Stage::Group));
    assert_eq!(wait(child.pid) >> 8, 216);
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(2).map(|e| e == "0"))
        })
        .unwrap_or(false)
}

/// A child given a cgroup2 `cgroup.procs` starts inside that cgroup (clone3 with
/// CLONE_INTO_CGROUP, or the write after fork where clone3 is refused).
#[test]
fn child_starts_in_the_cgroup2_cgroup_it_is_given() {
    let Some(root) = cgroup2_mount().filter(|_| is_root()) else {
        eprintln!("skipped: needs root and a cgroup2 mount");
        return;
    };
    let name = format!("linger-exec-test-{}", std::process::id());
    let dir = root.join(&name);
    if let Err(e) = std::fs::create_dir(&dir) {
        eprintln!("skipped: cannot create {}: {e}", dir.display());
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out_path = tmp.path().join("out");
    let mut spec = ExecSpec::new("/bin/cat", &["cat", "/proc/self/cgroup"]).unwrap();
    spec.stdout = Some(std::fs::File::create(&out_path).unwrap().into());
    spec.cgroup_procs = Some(
        std::fs::OpenOptions::new()
            .write(true)
            .open(dir.join("cgroup.procs"))
            .unwrap()
            .into(),
    );
    let child = spawn(spec).unwrap();
    assert_eq!(child.failure, None);
    let pid = rustix::process::Pid::from_raw(child.pid as i32).unwrap();
    let status = rustix::process::waitpid(Some(pid), rustix::process::WaitOptions::empty());
    let _ = std::fs::remove_dir(&dir);
    assert_eq!(status.unwrap().and_then(|(_, s)| s.exit_status()), Some(0));
    let text = std::fs::read_to_string(&out_path).unwrap();
    let v2 = text.lines().find_map(|l| l.strip_prefix("0::"));
    assert!(
        v2.is_some_and(|p| p.ends_with(&format!("/{name}"))),
        "{text}"
    );
}

/// Where cgroup2 is mounted (`/sys/fs/cgroup` on a unified host, `…/unified` on a hybrid one).
fn cgroup2_mount() -> Option<std::path::PathBuf> {
    std::fs::read_to_string("/proc/self/mountinfo")
        .ok()?
        .lines()
        .find(|l| {
            l.split(" - ")
                .nth(1)
                .is_some_and(|t| t.starts_with("cgroup2 "))
        })
        .and_then(|l| l.split_whitespace().nth(4).map(std::path::PathBuf::from))
}
