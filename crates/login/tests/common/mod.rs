//! Harness for root tests of the real login daemon: a throwaway user (useradd/userdel), a
//! private cgroup below the machine's cgroup2 tree, temp paths for every daemon directory,
//! and the real `linger` binary (built by `cargo build -p linger`, found next to the test).
//! Everything is removed on drop, processes are stopped by pid.
#![allow(dead_code, clippy::print_stderr)]

pub mod attack;
pub mod pid_reuse;
pub mod real;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// useradd/userdel lock /etc/passwd: one at a time in this process (other processes' root
/// tests may hold the lock too: see [`user_tool`]).
static USERDB: Mutex<()> = Mutex::new(());

/// Run `useradd`/`userdel`, again while another process holds the user database's lock
/// (root tests of other crates run at the same time): whether it succeeded, and its stderr.
fn user_tool(cmd: &mut Command) -> (bool, String) {
    let mut last = String::new();
    for _ in 0..100 {
        let out = cmd
            .stderr(Stdio::piped())
            .output()
            .expect("run useradd/userdel");
        last = String::from_utf8_lossy(&out.stderr).into_owned();
        if out.status.success() {
            return (true, last);
        }
        // shadow-utils: "cannot lock /etc/passwd; try again later." (exit 1 or 10).
        if !last.contains("lock") {
            return (false, last);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    (false, last)
}

/// A user name no other test (of this or another process) uses: `lgTAG` + pid + a count.
pub fn unique_name(tag: &str) -> String {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("lg{tag}{}x{n}", std::process::id())
}

/// Whether we can run root tests; prints the skip reason otherwise.
pub fn root_or_skip() -> bool {
    if !rustix::process::geteuid().is_root() {
        eprintln!("skipped: needs root");
        return false;
    }
    let Some(bin) = linger_bin() else {
        eprintln!("skipped: the linger binary is not built (cargo build -p linger)");
        return false;
    };
    // `cargo test -p linger-login` rebuilds this test but not the daemon it drives (another
    // package's binary): say so where a failure's output shows it.
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if let (Some(daemon), Some(test)) = (
        modified(&bin),
        std::env::current_exe().ok().and_then(|e| modified(&e)),
    ) && daemon < test
    {
        eprintln!(
            "note: {} is older than this test: if crates/login changed since, it is stale \
             (cargo build -p linger, or run the whole workspace's tests)",
            bin.display()
        );
    }
    true
}

/// The `linger` binary: `$LINGER_BIN`, or `<target>/<profile>/linger` next to this test.
pub fn linger_bin() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("LINGER_BIN") {
        return Some(PathBuf::from(p));
    }
    let exe = std::env::current_exe().ok()?;
    let profile_dir = exe.parent()?.parent()?;
    let p = profile_dir.join("linger");
    p.exists().then_some(p)
}

/// Poll `f` every 5 ms until it is true or `limit` passes (tests only: the daemon itself
/// never polls).
pub fn wait_until(limit: Duration, mut f: impl FnMut() -> bool) -> bool {
    let end = Instant::now() + limit;
    loop {
        if f() {
            return true;
        }
        if Instant::now() >= end {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A stand-in for a PAM process (`sleep 60`) whose signals are all at their defaults and
/// unblocked: a test runner that ignores or blocks SIGTERM/SIGHUP for itself (CI job runners
/// do) must not make the session's SIGTERM look ineffective. `env --default-signal` resets
/// both (coreutils ≥ 8.31); without it the plain `sleep` is used.
pub fn session_leader() -> Child {
    Command::new("env")
        .args(["--default-signal", "sleep", "60"])
        .spawn()
        .or_else(|_| Command::new("sleep").arg("60").spawn())
        .expect("spawn sleep")
}

/// A user made for the test.
#[derive(Debug)]
pub struct TestUser {
    /// Name.
    pub name: String,
    /// Uid.
    pub uid: u32,
    /// Gid.
    pub gid: u32,
}

impl TestUser {
    /// `useradd` a user whose home is `home` (created, owned by the user).
    pub fn create(name: &str, home: &Path) -> TestUser {
        let _g = USERDB.lock().unwrap_or_else(|e| e.into_inner());
        let _ = user_tool(Command::new("userdel").arg(name));
        let (ok, err) = user_tool(
            Command::new("useradd")
                .args(["-M", "-s", "/bin/sh", "-d"])
                .arg(home)
                .arg(name),
        );
        assert!(ok, "useradd {name} failed: {err}");
        let out = Command::new("id").args(["-u", name]).output().unwrap();
        let uid: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        let out = Command::new("id").args(["-g", name]).output().unwrap();
        let gid: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        std::fs::create_dir_all(home).unwrap();
        rustix::fs::chown(
            home,
            Some(rustix::fs::Uid::from_raw(uid)),
            Some(rustix::fs::Gid::from_raw(gid)),
        )
        .unwrap();
        TestUser {
            name: name.into(),
            uid,
            gid,
        }
    }
}

impl Drop for TestUser {
    fn drop(&mut self) {
        let _g = USERDB.lock().unwrap_or_else(|e| e.into_inner());
        // Whatever still runs as the user (only this test's processes: the user is the
        // test's own) would make userdel fail: SIGKILL each by pid.
        for pid in pids_of_uid(self.uid) {
            if let Some(p) = rustix::process::Pid::from_raw(pid as i32) {
                let _ = rustix::process::kill_process(p, rustix::process::Signal::KILL);
            }
        }
        wait_until(Duration::from_secs(2), || pids_of_uid(self.uid).is_empty());
        let (ok, err) = user_tool(Command::new("userdel").arg(&self.name));
        if !ok {
            eprintln!("cleanup: userdel {} failed: {err}", self.name);
        }
    }
}

/// Live processes whose real uid is `uid`.
pub fn pids_of_uid(uid: u32) -> Vec<u32> {
    let Ok(rd) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    rd.filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            alive(*pid)
                && status_field(*pid, "Uid:")
                    .and_then(|u| u.split_whitespace().next().map(str::to_string))
                    == Some(uid.to_string())
        })
        .collect()
}

/// A cgroup of the test's own below the machine's cgroup2 tree.
#[derive(Debug)]
pub struct TestCgroup {
    /// Its path.
    pub path: PathBuf,
}

impl TestCgroup {
    /// `linger-test-<pid>-<name>` below this process's own v2 cgroup (None without cgroups).
    pub fn create(name: &str) -> Option<TestCgroup> {
        let driver = linger_cgroup::detect();
        let base = driver.setup()?.unified.clone();
        let path = base.join(format!("linger-test-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&path).ok()?;
        Some(TestCgroup { path })
    }
}

fn remove_cgroup_tree(dir: &Path) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.filter_map(Result::ok) {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                remove_cgroup_tree(&e.path());
            }
        }
    }
    if std::fs::remove_dir(dir).is_err() {
        let _ = std::fs::write(dir.join("cgroup.kill"), "1");
        std::thread::sleep(Duration::from_millis(50));
        if let Err(e) = std::fs::remove_dir(dir) {
            eprintln!("cleanup: cannot remove {}: {e}", dir.display());
        }
    }
}

impl Drop for TestCgroup {
    fn drop(&mut self) {
        // On a hybrid machine the daemon mirrored this root into the v1 hierarchies.
        let v1 = linger_cgroup::V1Delegation::detect(&self.path);
        remove_cgroup_tree(&self.path);
        if let Err(e) = v1.remove_bases(&linger_cgroup::RealFs::system()) {
            eprintln!("cleanup: {e}");
        }
    }
}

/// A running login daemon on temp paths.
#[derive(Debug)]
pub struct Daemon {
    /// Temp tree: sock, linger/, conf/, run/, state/, home/, log.
    pub dir: PathBuf,
    /// The cgroup root given to the daemon.
    pub cgroup: Option<PathBuf>,
    child: Option<Child>,
    extra: Vec<String>,
    wrapper: Vec<String>,
    user_manager: Option<String>,
    env: Vec<(String, String)>,
}

/// How [`Daemon::launch`] starts the daemon.
#[derive(Debug, Default)]
pub struct Opts<'a> {
    /// The cgroup root (`None`: `--no-cgroups`).
    pub cgroup: Option<&'a Path>,
    /// More flags.
    pub extra: &'a [&'a str],
    /// A command the daemon runs under (e.g. `unshare --pid --fork`, `prlimit …`).
    pub wrapper: &'a [&'a str],
    /// The user manager's command line (default: the linger binary's `daemon --user`).
    pub user_manager: Option<String>,
}

impl Daemon {
    /// The socket.
    pub fn socket(&self) -> PathBuf {
        self.dir.join("sock")
    }

    /// The linger dir.
    pub fn linger_dir(&self) -> PathBuf {
        self.dir.join("linger")
    }

    /// The runtime base.
    pub fn run_dir(&self) -> PathBuf {
        self.dir.join("run")
    }

    /// Write logind.conf (before start, or then send Reload).
    pub fn write_conf(dir: &Path, text: &str) {
        std::fs::create_dir_all(dir.join("conf")).unwrap();
        std::fs::write(dir.join("conf/logind.conf"), text).unwrap();
    }

    /// Start the daemon on `dir` (made traversable: user managers reach into it).
    pub fn start(dir: &Path, cgroup: Option<&Path>, extra: &[&str]) -> Daemon {
        Self::start_with(dir, cgroup, extra, &[])
    }

    /// Like [`Daemon::start`], run through `wrapper` (e.g. `unshare --pid --fork`).
    pub fn start_with(
        dir: &Path,
        cgroup: Option<&Path>,
        extra: &[&str],
        wrapper: &[&str],
    ) -> Daemon {
        Self::launch(
            dir,
            Opts {
                cgroup,
                extra,
                wrapper,
                user_manager: None,
            },
        )
    }

    /// Start the daemon on `dir` as `o` says.
    pub fn launch(dir: &Path, o: Opts<'_>) -> Daemon {
        Self::launch_env(dir, o, &[])
    }

    /// [`Daemon::launch`] with more environment variables for the daemon (its test hooks).
    pub fn launch_env(dir: &Path, o: Opts<'_>, env: &[(&str, &Path)]) -> Daemon {
        let (cgroup, extra, wrapper) = (o.cgroup, o.extra, o.wrapper);
        use std::os::unix::fs::PermissionsExt;
        for d in ["", "linger", "conf", "run", "state"] {
            std::fs::create_dir_all(dir.join(d)).unwrap();
            std::fs::set_permissions(dir.join(d), std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let mut d = Daemon {
            dir: dir.to_path_buf(),
            cgroup: cgroup.map(Path::to_path_buf),
            child: None,
            extra: extra.iter().map(|s| s.to_string()).collect(),
            wrapper: wrapper.iter().map(|s| s.to_string()).collect(),
            user_manager: o.user_manager,
            env: env
                .iter()
                .map(|(k, v)| (k.to_string(), v.display().to_string()))
                .collect(),
        };
        let _ = std::fs::File::create(dir.join("log"));
        d.spawn();
        d
    }

    /// Start the process and wait for its socket.
    fn spawn(&mut self) {
        let dir = self.dir.as_path();
        let bin = linger_bin().expect("linger binary");
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("log"))
            .unwrap();
        let mut cmd = match self.wrapper.split_first() {
            Some((w, rest)) => {
                let mut c = Command::new(w);
                c.args(rest).arg(&bin);
                c
            }
            None => Command::new(&bin),
        };
        cmd.arg("daemon").arg("--system");
        cmd.arg("--socket").arg(dir.join("sock"));
        cmd.arg("--linger-dir").arg(dir.join("linger"));
        cmd.arg("--config-dir").arg(dir.join("conf"));
        cmd.arg("--runtime-dir").arg(dir.join("run"));
        cmd.arg("--state-dir").arg(dir.join("state"));
        cmd.arg("--ignore-systemd");
        // The system's journal sockets stay untouched: each daemon serves its own copies.
        cmd.arg("--journal-dir").arg(dir.join("journal"));
        cmd.arg("--dev-log").arg(dir.join("dev-log"));
        cmd.arg("--system-journal").arg(dir.join("system-journal"));
        let um = self
            .user_manager
            .clone()
            .unwrap_or_else(|| format!("{} daemon --user --no-system-units", bin.display()));
        cmd.arg("--user-manager").arg(um);
        match &self.cgroup {
            Some(c) => {
                cmd.arg("--cgroup-root").arg(c);
            }
            None => {
                cmd.arg("--no-cgroups");
            }
        }
        cmd.args(&self.extra);
        cmd.envs(self.env.iter().map(|(k, v)| (k, v)));
        cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(log);
        self.child = Some(cmd.spawn().expect("start the daemon"));
        let sock = dir.join("sock");
        let up = wait_until(Duration::from_secs(10), || {
            std::os::unix::net::UnixStream::connect(&sock).is_ok()
        });
        assert!(up, "daemon did not come up; log:\n{}", self.log());
    }

    /// Stop (SIGTERM, as at shutdown) and start again on the same paths (≙ a reboot): the
    /// exit code of the first run.
    pub fn restart(&mut self) -> Option<i32> {
        let code = self.stop();
        self.spawn();
        code
    }

    /// The daemon's stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("log")).unwrap_or_default()
    }

    /// A client connection (a failing connect panics with the daemon's state and log).
    pub fn client(&self) -> DaemonClient {
        let inner = linger_ipc::Client::connect(&self.socket())
            .unwrap_or_else(|e| panic!("connect: {e}\n{}", self.report()));
        DaemonClient {
            inner,
            dir: self.dir.clone(),
            pid: self.pid(),
        }
    }

    /// Whether the daemon process still runs, and what it logged: for failure messages.
    pub fn report(&self) -> String {
        report(&self.dir, self.pid())
    }

    /// One call on a fresh connection.
    pub fn call(&self, method: &str, params: Value) -> Result<Value, linger_ipc::CallError> {
        self.client().call(method, params)
    }

    /// The pid of the process started (the daemon, or its wrapper).
    pub fn pid(&self) -> i32 {
        self.child.as_ref().map_or(0, |c| c.id() as i32)
    }

    /// SIGKILL (a crash: user managers are left running).
    pub fn kill_hard(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// SIGTERM and wait: the exit code.
    pub fn stop(&mut self) -> Option<i32> {
        self.stop_status().and_then(|s| s.code())
    }

    /// SIGTERM and wait: the exit status (`None`: not running under us, or killed after 20 s).
    fn stop_status(&mut self) -> Option<ExitStatus> {
        let child = self.child.as_ref()?;
        let _ = rustix::process::kill_process(
            rustix::process::Pid::from_child(child),
            rustix::process::Signal::TERM,
        );
        self.wait_status()
    }

    /// Wait (up to 20 s) for the process to exit: its exit code.
    pub fn wait_exit(&mut self) -> Option<i32> {
        self.wait_status().and_then(|s| s.code())
    }

    fn wait_status(&mut self) -> Option<ExitStatus> {
        let mut child = self.child.take()?;
        let end = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(Some(st)) = child.try_wait() {
                return Some(st);
            }
            if Instant::now() > end {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Properties of a user as a map.
    pub fn user_props(&self, user: &str) -> Option<std::collections::BTreeMap<String, String>> {
        let v = self
            .call("io.linger.Login.UserProperties", json!({ "user": user }))
            .ok()?;
        Some(props(&v))
    }
}

/// `Name=value` list → map.
pub fn props(v: &Value) -> std::collections::BTreeMap<String, String> {
    v["properties"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p.as_str()?.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A client connection to a test daemon: like [`linger_ipc::Client`], but a call that fails
/// in transport (the daemon closed the connection, or died) prints the daemon's state and log
/// first — the log lives in the temp dir, which is gone once the test has failed.
#[derive(Debug)]
pub struct DaemonClient {
    inner: linger_ipc::Client,
    dir: PathBuf,
    pid: i32,
}

impl DaemonClient {
    /// One call; see [`linger_ipc::Client::call`].
    pub fn call(&mut self, method: &str, params: Value) -> Result<Value, linger_ipc::CallError> {
        let r = self.inner.call(method, params);
        if let Err(e) = &r
            && !matches!(e, linger_ipc::CallError::Remote { .. })
        {
            eprintln!("{method} failed: {e:?}\n{}", report(&self.dir, self.pid));
        }
        r
    }
}

fn report(dir: &Path, pid: i32) -> String {
    let state = if pid <= 0 {
        "not started".to_string()
    } else if alive(pid as u32) {
        format!("pid {pid} still running")
    } else {
        format!("pid {pid} has exited (its status is printed when the test ends)")
    };
    let log = std::fs::read_to_string(dir.join("log")).unwrap_or_default();
    format!("daemon: {state}; log:\n{log}")
}

impl Drop for Daemon {
    fn drop(&mut self) {
        // Whether the daemon ended on its own (crash, signal from elsewhere) before our SIGTERM.
        let before = self
            .child
            .as_mut()
            .and_then(|c| c.try_wait().ok().flatten());
        let ours = self.child.is_some();
        let status = self.stop_status();
        // A failed test shows what the daemon said and how it ended, whatever its exit code.
        let bad = status.map_or(ours, |s| !s.success());
        if bad || std::thread::panicking() {
            let how = match (before, status) {
                (Some(st), _) => format!("it had exited by itself: {st}"),
                (None, Some(st)) => format!("stopped by our SIGTERM: {st}"),
                (None, None) if ours => "SIGKILLed: still running 20 s after SIGTERM".into(),
                (None, None) => "not waited for here".into(),
            };
            eprintln!("daemon log ({how}):\n{}", self.log());
        }
        // Safety net for failed tests: a runtime tmpfs left mounted would keep the temp dir.
        let run = self.run_dir();
        if let Ok(rd) = std::fs::read_dir(&run) {
            for e in rd.filter_map(Result::ok) {
                if is_mount_point(&e.path()) {
                    let _ = rustix::mount::unmount(e.path(), rustix::mount::UnmountFlags::DETACH);
                }
            }
        }
    }
}

/// The pid of the user manager answering on `run/UID/linger/manager`, if it answers.
pub fn manager_pid(run: &Path, uid: u32) -> Option<u32> {
    let sock = run.join(uid.to_string()).join("linger/manager");
    let mut c = linger_ipc::Client::connect(&sock).ok()?;
    let v = c.call("io.linger.Manager.Manager", json!({})).ok()?;
    v["properties"]["MainPID"].as_str()?.parse().ok()
}

/// Whether `path` is a mount point.
pub fn is_mount_point(path: &Path) -> bool {
    std::fs::read_to_string("/proc/self/mountinfo").is_ok_and(|t| {
        t.lines()
            .any(|l| l.split(' ').nth(4) == Some(path.to_str().unwrap_or("")))
    })
}

/// Whether `pid` exists and is not a zombie.
pub fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
        !s.rsplit_once(')')
            .is_some_and(|(_, r)| r.trim_start().starts_with('Z'))
    })
}

/// A field of /proc/PID/status (first number).
pub fn status_field(pid: u32, field: &str) -> Option<String> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find_map(|l| l.strip_prefix(field))
        .map(|r| r.trim().to_string())
}
