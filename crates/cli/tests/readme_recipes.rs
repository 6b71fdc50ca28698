//! The README's recipes, run as the README gives them (root: each test makes its own user and
//! removes it):
//! - *Docker: linger as PID 1* — the image's ENTRYPOINT command line, read from README.md, as
//!   PID 1 of a PID and mount namespace of its own laid out as a container sees the machine
//!   (its own /run, /var/lib/systemd, /var/log and /dev, a read-only cgroup file system), with
//!   a lingering user made as the Dockerfile makes it: the user's manager and service start,
//!   `docker exec`'s `systemctl --user` works inside, an orphan is reaped, and SIGTERM stops
//!   the service through its manager before the daemon exits 0. Docker itself is not used.
//! - *A machine where you have no root* — the README's `mkdir` and `@reboot` crontab lines run
//!   as an ordinary user in the environment cron gives a job, then `systemctl --user`.
#![allow(clippy::print_stderr)] // "skipped:" lines

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_linger");
const LIMIT: Duration = Duration::from_secs(30);

fn readme() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md");
    std::fs::read_to_string(path).expect("README.md")
}

fn root_or_skip() -> bool {
    let root = rustix::process::geteuid().is_root();
    if !root {
        eprintln!("skipped: needs root (makes a user)");
    }
    root
}

/// Polls `f` until it holds or `limit` passes (waits for a real event, bounded).
fn wait_until(limit: Duration, mut f: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if f() {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The children of `pid` (a process this test started), zombies included.
fn children(pid: u32) -> Vec<u32> {
    std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect()
}

/// A user made for one test (home in the test's directory), removed at the end.
struct TestUser {
    name: String,
    uid: u32,
    home: PathBuf,
}

impl TestUser {
    fn create(tag: &str, home: &Path) -> TestUser {
        let name = format!("lrcp{}{tag}", std::process::id());
        // Other tests add users at the same moment: useradd's lock is retried.
        let made = (0..50).any(|_| {
            let ok = Command::new("useradd")
                .args(["-m", "-s", "/bin/sh", "-d"])
                .arg(home)
                .arg(&name)
                .status()
                .is_ok_and(|s| s.success());
            if !ok {
                std::thread::sleep(Duration::from_millis(100));
            }
            ok
        });
        assert!(made, "useradd {name}");
        let out = Command::new("id").args(["-u", &name]).output().unwrap();
        let uid = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        TestUser {
            name,
            uid,
            home: home.to_path_buf(),
        }
    }

    /// `~/.config/systemd/user/web.service`, enabled by a `default.target.wants/` link made as
    /// the Dockerfile makes it, owned by the user. It writes `~/up` when it runs and
    /// `~/stopped` when its manager stops it with SIGTERM.
    fn enabled_service(&self) {
        let units = self.home.join(".config/systemd/user");
        std::fs::create_dir_all(units.join("default.target.wants")).unwrap();
        std::fs::write(
            units.join("web.service"),
            "[Service]\nExecStart=/bin/sh -c 'trap \"echo stopped > %h/stopped; exit 0\" TERM; \
             echo up > %h/up; sleep 600 & wait'\n[Install]\nWantedBy=default.target\n",
        )
        .unwrap();
        symlink(
            "../web.service",
            units.join("default.target.wants/web.service"),
        )
        .unwrap();
        let chown = Command::new("chown")
            .args(["-R", &format!("{0}:{0}", self.name)])
            .arg(self.home.join(".config"))
            .status()
            .unwrap();
        assert!(chown.success());
    }

    /// `setpriv` to this user (its groups, no privileges): the command after it.
    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new("setpriv");
        cmd.args([
            &format!("--reuid={}", self.name),
            &format!("--regid={}", self.name),
            "--init-groups",
            "--",
            program,
        ]);
        cmd
    }
}

impl Drop for TestUser {
    fn drop(&mut self) {
        let _ = Command::new("userdel")
            .args(["-r", &self.name])
            .stderr(Stdio::null())
            .status();
    }
}

/// Kills (by pid) and waits for a child still running when a test fails.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        if self.0.try_wait().ok().flatten().is_none() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// SIGKILL to a PID namespace's init when a test fails: the kernel then ends everything in
/// that namespace (unshare's --kill-child does not reach an init that reset its death signal).
struct NamespaceInit(u32);

impl Drop for NamespaceInit {
    fn drop(&mut self) {
        if let Some(pid) = rustix::process::Pid::from_raw(self.0 as i32) {
            let _ = rustix::process::kill_process(pid, rustix::process::Signal::KILL);
        }
    }
}

/// A directory other users can pass through (the test user's home is inside it), with a
/// `bin/` holding the tool names linked to the binary.
fn test_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::create_dir(dir.path().join("bin")).unwrap();
    symlink(BIN, dir.path().join("bin/systemctl")).unwrap();
    dir
}

/// The Dockerfile's ENTRYPOINT in README.md, the binary in place of /usr/bin/linger.
fn docker_entrypoint(readme: &str) -> Vec<String> {
    let line = readme
        .lines()
        .find(|l| l.starts_with("ENTRYPOINT ["))
        .expect("README's Dockerfile has an ENTRYPOINT");
    let words: Vec<String> = line["ENTRYPOINT [".len()..line.rfind(']').unwrap()]
        .split(',')
        .map(|w| w.trim().trim_matches('"').to_string())
        .collect();
    assert_eq!(words[0], "/usr/bin/linger", "{line}");
    std::iter::once(BIN.to_string())
        .chain(words[1..].iter().cloned())
        .collect()
}

/// What a container has of its own, made in the namespace before the ENTRYPOINT runs as PID
/// 1: /run, /var/lib/systemd (the image's linger registry), /var/log, /dev with the usual
/// device nodes, and a read-only (not delegated) cgroup file system.
const CONTAINER_LAYOUT: &str = r#"set -e
dir=$1; user=$2; shift 2
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /var/lib/systemd
mkdir -p /var/lib/systemd/linger
touch /var/lib/systemd/linger/"$user"
mount -t tmpfs tmpfs /var/log
mount -t tmpfs -o ro tmpfs /sys/fs/cgroup
mkdir "$dir/dev"
for n in null zero full random urandom tty; do
  touch "$dir/dev/$n"; mount --bind "/dev/$n" "$dir/dev/$n"
done
mount --rbind "$dir/dev" /dev
mkdir /dev/shm && mount -t tmpfs tmpfs /dev/shm
exec "$@"
"#;

#[test]
fn docker_recipe_linger_as_pid_1_runs_a_lingering_users_service_reaps_and_stops() {
    if !root_or_skip() {
        return;
    }
    let unshare_works = Command::new("unshare")
        .args(["--pid", "--fork", "--mount-proc", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !unshare_works {
        eprintln!("skipped: cannot make PID and mount namespaces here");
        return;
    }
    let dir = test_dir();
    let d = dir.path();
    let user = TestUser::create("d", &d.join("home"));
    user.enabled_service();
    let entrypoint = docker_entrypoint(&readme());
    let log = std::fs::File::create(d.join("log")).unwrap();
    let child = Command::new("unshare")
        .args([
            "--pid",
            "--fork",
            "--mount-proc",
            "--kill-child",
            "sh",
            "-c",
        ])
        .arg(CONTAINER_LAYOUT)
        .arg("sh")
        .arg(d)
        .arg(&user.name)
        .args(&entrypoint)
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .unwrap();
    let mut unshare = Reaped(child);
    let log = || std::fs::read_to_string(d.join("log")).unwrap_or_default();
    let mut init = 0;
    assert!(
        wait_until(LIMIT, || {
            init = children(unshare.0.id()).first().copied().unwrap_or(0);
            init != 0 && log().contains("running as PID 1")
        }),
        "the ENTRYPOINT did not start as PID 1; log:\n{}",
        log()
    );
    let init_guard = NamespaceInit(init);
    assert!(
        wait_until(LIMIT, || user.home.join("up").exists()),
        "the lingering user's service did not start; log:\n{}",
        log()
    );
    // `docker exec -u app -e XDG_RUNTIME_DIR=/run/user/UID CONTAINER systemctl --user …`.
    let exec = |args: &[&str]| {
        let mut cmd = Command::new("nsenter");
        cmd.args(["-t", &init.to_string(), "--pid", "--mount", "--"]);
        cmd.args(["setpriv", &format!("--reuid={}", user.name)]);
        cmd.args([&format!("--regid={}", user.name), "--init-groups", "--"]);
        cmd.arg("env")
            .arg(format!("XDG_RUNTIME_DIR=/run/user/{}", user.uid))
            .arg(d.join("bin/systemctl"))
            .arg("--user")
            .args(args);
        cmd.output().unwrap()
    };
    let out = exec(&["is-active", "web.service"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "active\n", "{out:?}");
    let out = exec(&["status", "--no-pager"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // An orphan inside the container (its parent, entered from outside like `docker exec`,
    // exits at once) becomes PID 1's child, and PID 1 reaps it when it ends.
    let go = d.join("go");
    let out = Command::new("nsenter")
        .args(["-t", &init.to_string(), "--pid", "--", "sh", "-c"])
        .arg(format!(
            "sh -c 'while [ ! -e {} ]; do sleep 0.05; done' </dev/null >/dev/null 2>&1 & echo $!",
            go.display()
        ))
        .output()
        .unwrap();
    let orphan_ns_pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(!orphan_ns_pid.is_empty(), "{out:?}");
    let orphan = || {
        children(init).into_iter().find(|c| {
            std::fs::read_to_string(format!("/proc/{c}/status"))
                .unwrap_or_default()
                .lines()
                .find(|l| l.starts_with("NSpid:"))
                .and_then(|l| l.split_whitespace().last())
                == Some(orphan_ns_pid.as_str())
        })
    };
    assert!(
        wait_until(LIMIT, || orphan().is_some()),
        "the orphan never became PID 1's child"
    );
    std::fs::write(&go, "").unwrap();
    assert!(
        wait_until(LIMIT, || orphan().is_none()),
        "PID 1 left the ended orphan unreaped (a zombie); log:\n{}",
        log()
    );
    // `docker stop`: SIGTERM to PID 1 stops the service through its manager, then exits 0
    // (1 would mean something had to be killed).
    rustix::process::kill_process(
        rustix::process::Pid::from_raw(init as i32).unwrap(),
        rustix::process::Signal::TERM,
    )
    .unwrap();
    let status = unshare.0.wait().unwrap();
    std::mem::forget(init_guard); // it has exited: its pid may be another process's now
    assert_eq!(status.code(), Some(0), "log:\n{}", log());
    assert!(
        user.home.join("stopped").exists(),
        "the service was not stopped by its manager; log:\n{}",
        log()
    );
    assert!(log().contains("stopped"), "log:\n{}", log());
}

/// The README's crontab line (after `@reboot`), the binary in place of /path/to/linger.
fn cron_line(readme: &str) -> String {
    let line = readme
        .lines()
        .find_map(|l| l.strip_prefix("@reboot "))
        .expect("README has the @reboot line");
    assert!(line.contains("/path/to/linger"), "{line}");
    line.replace("/path/to/linger", BIN)
}

#[test]
fn no_root_recipe_the_reboot_crontab_line_brings_up_an_ordinary_users_services() {
    if !root_or_skip() {
        return;
    }
    let readme = readme();
    let mkdir = readme
        .lines()
        .find(|l| l.starts_with("mkdir -m 700 -p ~/.run"))
        .expect("README's mkdir line")
        .to_string();
    let dir = test_dir();
    let d = dir.path();
    let user = TestUser::create("c", &d.join("home"));
    user.enabled_service();
    // What cron gives a job: sh, HOME, LOGNAME, SHELL and a short PATH; no session, no
    // XDG_RUNTIME_DIR.
    let as_cron = |line: &str| {
        let mut cmd = user.command("env");
        cmd.args(["-i", &format!("HOME={}", user.home.display())]);
        cmd.args([&format!("LOGNAME={}", user.name), "SHELL=/bin/sh"]);
        cmd.args(["PATH=/usr/bin:/bin", "setsid", "sh", "-c", line]);
        cmd.stdin(Stdio::null());
        cmd
    };
    let out = as_cron(&mkdir).output().unwrap();
    assert!(out.status.success(), "{mkdir}: {out:?}");
    let run = user.home.join(".run");
    let mode = std::fs::metadata(&run).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
    let mut manager = Reaped(as_cron(&cron_line(&readme)).spawn().unwrap());
    let log =
        || std::fs::read_to_string(user.home.join(".local/state/linger.log")).unwrap_or_default();
    assert!(
        wait_until(LIMIT, || user.home.join("up").exists()),
        "the enabled service did not start; log:\n{}",
        log()
    );
    // `export XDG_RUNTIME_DIR=$HOME/.run` in the user's shell, then systemctl --user.
    let out = user
        .command("env")
        .arg(format!("XDG_RUNTIME_DIR={}", run.display()))
        .arg(d.join("bin/systemctl"))
        .args(["--user", "is-active", "web.service"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "active\n", "{out:?}");
    // The manager is the job's shell or, when sh forks for the redirections, its child.
    let job = manager.0.id();
    let is_linger = |pid: u32| {
        std::fs::read_link(format!("/proc/{pid}/exe"))
            .is_ok_and(|e| std::fs::canonicalize(BIN).is_ok_and(|b| e == b))
    };
    let pid = if is_linger(job) {
        job
    } else {
        let c = children(job);
        assert_eq!(c.len(), 1, "the job's children: {c:?}");
        c[0]
    };
    assert!(is_linger(pid));
    rustix::process::kill_process(
        rustix::process::Pid::from_raw(pid as i32).unwrap(),
        rustix::process::Signal::TERM,
    )
    .unwrap();
    let status = manager.0.wait().unwrap();
    assert_eq!(status.code(), Some(0), "log:\n{}", log());
    assert!(
        user.home.join("stopped").exists(),
        "SIGTERM did not stop the service first; log:\n{}",
        log()
    );
}

/// A Debian package's files, unpacked (never installed: no maintainer script runs, nothing
/// of the machine's init changes) into `dir`; None with the reason when apt cannot get it.
fn unpacked(package: &str, dir: &Path) -> Result<PathBuf, String> {
    let debs = dir.join("debs");
    std::fs::create_dir_all(&debs).unwrap();
    let download = || {
        Command::new("apt-get")
            .args(["download", "-qq", package])
            .current_dir(&debs)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !download() {
        let _ = Command::new("apt-get").args(["update", "-qq"]).output();
        if !download() {
            return Err(format!("apt-get download {package} failed"));
        }
    }
    let deb = std::fs::read_dir(&debs)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{package}_")))
        })
        .ok_or_else(|| format!("no {package}_*.deb after apt-get download"))?;
    let root = dir.join("unpacked");
    let ok = Command::new("dpkg-deb")
        .arg("-x")
        .arg(&deb)
        .arg(&root)
        .status()
        .is_ok_and(|s| s.success());
    ok.then_some(root)
        .ok_or_else(|| format!("dpkg-deb -x {} failed", deb.display()))
}

/// The login daemon's paths in the test's directory, so the init scripts' daemon stays out of
/// the machine's own /run/linger, linger registry and cgroups.
fn private_daemon_args(d: &Path) -> String {
    format!(
        "--socket {0}/sock --linger-dir {0}/linger --config-dir {0}/conf --runtime-dir {0}/run \
         --state-dir {0}/state --ignore-systemd --no-cgroups --no-journal-sockets",
        d.display()
    )
}

/// `contrib/runit/linger-login` supervised by Debian's runit (`runsv`, `sv`; runit is not the
/// init here and is not installed — its binaries are unpacked): the daemon starts with the
/// raised open-files limit and starts a lingering user's service, `sv hup` re-reads the
/// configuration, `sv stop` stops the service through its manager before the daemon exits.
/// The script is run as written except that the binary's path carries the test's paths.
#[test]
fn void_runit_recipe_runsv_supervises_the_login_daemon() {
    if !root_or_skip() {
        return;
    }
    let dir = test_dir();
    let d = dir.path();
    let runit = match unpacked("runit", &d.join("runit")) {
        Ok(r) => r,
        Err(why) => {
            eprintln!("skipped: {why}");
            return;
        }
    };
    let (runsv, sv) = (runit.join("usr/bin/runsv"), runit.join("usr/bin/sv"));
    let user = TestUser::create("r", &d.join("home"));
    user.enabled_service();
    std::fs::create_dir_all(d.join("linger")).unwrap();
    std::fs::write(d.join("linger").join(&user.name), "").unwrap();
    let contrib = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contrib/runit/linger-login");
    let script = std::fs::read_to_string(contrib.join("run")).unwrap();
    let call = "/usr/bin/linger daemon --system";
    assert!(script.contains(call), "{script}");
    let service = d.join("sv/linger-login");
    std::fs::create_dir_all(&service).unwrap();
    let run = service.join("run");
    let ours = format!("{BIN} daemon --system {}", private_daemon_args(d));
    std::fs::write(&run, script.replace(call, &ours)).unwrap();
    std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o755)).unwrap();
    let log = std::fs::File::create(d.join("log")).unwrap();
    let mut supervisor = Reaped(
        Command::new(&runsv)
            .arg(&service)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap(),
    );
    let log = || std::fs::read_to_string(d.join("log")).unwrap_or_default();
    let sv = |args: &[&str]| {
        let out = Command::new(&sv).args(args).arg(&service).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(
        wait_until(LIMIT, || d.join("sock").exists()
            && sv(&["status"]).starts_with("run: ")),
        "runsv did not run the daemon; sv status: {}; log:\n{}",
        sv(&["status"]),
        log()
    );
    let daemon = children(supervisor.0.id())[0];
    let limits = std::fs::read_to_string(format!("/proc/{daemon}/limits")).unwrap();
    let nofile: Vec<&str> = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .map(|l| l.split_whitespace().skip(3).take(2).collect())
        .unwrap_or_default();
    assert!(
        nofile.len() == 2 && nofile[0] == nofile[1] && nofile[0] != "1024",
        "open files of the daemon runsv started: {nofile:?}"
    );
    assert!(
        wait_until(LIMIT, || user.home.join("up").exists()),
        "the lingering user's service did not start; log:\n{}",
        log()
    );
    sv(&["hup"]);
    assert!(
        wait_until(LIMIT, || log().contains("configuration reloaded")),
        "sv hup: no reload; log:\n{}",
        log()
    );
    let stopped = sv(&["-w", "30", "stop"]);
    assert!(stopped.starts_with("ok: down: "), "sv stop: {stopped}");
    assert!(
        user.home.join("stopped").exists(),
        "the user's service was not stopped by its manager; log:\n{}",
        log()
    );
    assert!(
        !Path::new(&format!("/proc/{daemon}")).exists() || {
            // Gone, or a zombie runsv has not collected yet.
            std::fs::read_to_string(format!("/proc/{daemon}/stat"))
                .is_ok_and(|s| s.contains(") Z "))
        }
    );
    sv(&["exit"]);
    assert!(supervisor.0.wait().unwrap().success());
}
