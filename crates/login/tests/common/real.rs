//! Real login programs against the real daemon: `pamtester`, `su -l`, `runuser`, `ssh`/`sshd`
//! and the real `loginctl` (the `linger` binary called through a link of that name).
//!
//! PAM stacks are temp files (`/etc/pam.d/linger-e2e-PID-N-TAG`), removed on drop. `su -l`
//! reads the fixed service `su-l`: it runs in a private mount namespace where our stack is
//! bind-mounted over `/etc/pam.d/su-l`, so the machine's file is never touched. For the
//! session's processes to see the runtime tmpfs the daemon mounts later (in the machine's
//! namespace), the test's `run/` is made a shared mount and the namespace its slave.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::{Daemon, TestUser, linger_bin, wait_until};

pub use linger_test_support::{Run, ensure_program};

/// The built PAM module: `$LINGER_PAM_MODULE`, or `libpam_linger.so` in this test's target
/// directory (`cargo build -p pam_linger`, or any workspace build).
pub fn pam_module() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("LINGER_PAM_MODULE") {
        return Some(PathBuf::from(p));
    }
    let exe = std::env::current_exe().ok()?;
    let deps = exe.parent()?;
    [
        deps.parent()?.join("libpam_linger.so"),
        deps.join("libpam_linger.so"),
    ]
    .into_iter()
    .find(|p| p.exists())
}

/// Root, the linger binary, the module and the programs: else print why and say no.
pub fn real_or_skip(programs: &[(&str, &str)]) -> bool {
    if !super::root_or_skip() {
        return false;
    }
    if pam_module().is_none() {
        eprintln!("skipped: pam_linger.so is not built (cargo build -p pam_linger)");
        return false;
    }
    for (bin, pkg) in programs {
        if let Err(why) = ensure_program(bin, pkg) {
            eprintln!("skipped: {why}");
            return false;
        }
    }
    true
}

/// A PAM service file in /etc/pam.d, removed on drop.
#[derive(Debug)]
pub struct PamService {
    /// The service name.
    pub name: String,
    /// Its file.
    pub path: PathBuf,
}

impl PamService {
    /// `/etc/pam.d/linger-e2e-PID-N-TAG` with our session stack talking to `socket` (N
    /// counts: tests of one process run in parallel, each with its own daemon).
    pub fn new(tag: &str, socket: &Path) -> PamService {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Self::named(
            &format!("linger-e2e-{}-{n}-{tag}", std::process::id()),
            socket,
        )
    }

    /// The stack under a given service name.
    pub fn named(name: &str, socket: &Path) -> PamService {
        let module = pam_module().expect("module");
        let text = format!(
            "auth sufficient pam_rootok.so\naccount required pam_permit.so\n\
             session required pam_unix.so\n\
             session required {} socket={} debug\n",
            module.display(),
            socket.display()
        );
        let path = Path::new("/etc/pam.d").join(name);
        std::fs::write(&path, text).expect("write the PAM service");
        PamService {
            name: name.into(),
            path,
        }
    }

    /// Append a line (e.g. a `pam_exec` session entry after ours).
    pub fn append(&self, line: &str) {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&self.path)
            .unwrap();
        writeln!(f, "{line}").unwrap();
    }
}

impl Drop for PamService {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The test's `run/` as a shared bind mount (see the module doc); unmounted on drop.
#[derive(Debug)]
pub struct SharedRun(PathBuf);

impl SharedRun {
    /// Bind `dir/run` onto itself and make it shared.
    pub fn new(dir: &Path) -> SharedRun {
        let run = dir.join("run");
        std::fs::create_dir_all(&run).unwrap();
        let ok = |args: &[&str]| {
            Command::new("mount")
                .args(args)
                .arg(&run)
                .arg(&run)
                .status()
                .is_ok_and(|s| s.success())
        };
        assert!(ok(&["--bind"]), "bind {}", run.display());
        let shared = Command::new("mount")
            .arg("--make-shared")
            .arg(&run)
            .status()
            .is_ok_and(|s| s.success());
        let me = SharedRun(run);
        assert!(shared, "make-shared {}", me.0.display());
        me
    }
}

impl Drop for SharedRun {
    fn drop(&mut self) {
        let _ = rustix::mount::unmount(&self.0, rustix::mount::UnmountFlags::DETACH);
    }
}

/// A daemon whose `run/` is shared, and a `loginctl` link; drops the daemon first.
#[derive(Debug)]
pub struct Login {
    /// The daemon.
    pub d: Daemon,
    /// Held until after the daemon stopped.
    shared: SharedRun,
}

impl Login {
    /// Start a daemon on `dir` with `conf` as logind.conf.
    pub fn start(dir: &Path, cgroup: Option<&Path>, conf: &str) -> Login {
        Self::launch(
            dir,
            conf,
            super::Opts {
                cgroup,
                ..super::Opts::default()
            },
        )
    }

    /// Start a daemon on `dir` with `conf` as logind.conf, as `o` says.
    pub fn launch(dir: &Path, conf: &str, o: super::Opts<'_>) -> Login {
        let shared = SharedRun::new(dir);
        Daemon::write_conf(dir, conf);
        let d = Daemon::launch(dir, o);
        let link = dir.join("loginctl");
        if !link.exists() {
            std::os::unix::fs::symlink(linger_bin().unwrap(), &link).unwrap();
        }
        Login { d, shared }
    }

    /// Write logind.conf again and reload (SIGHUP, as an init system would).
    pub fn reconfigure(&self, conf: &str) {
        Daemon::write_conf(&self.d.dir, conf);
        let pid = rustix::process::Pid::from_raw(self.d.pid()).unwrap();
        rustix::process::kill_process(pid, rustix::process::Signal::HUP).unwrap();
        // The reload is one event of the loop: any later call is served after it.
        std::thread::sleep(Duration::from_millis(50));
    }

    /// The real `loginctl` (argv0 dispatch) as root or as `user` (through runuser).
    pub fn loginctl(&self, user: Option<&TestUser>, args: &[&str]) -> Run {
        let link = self.d.dir.join("loginctl");
        let mut c = match user {
            Some(u) => {
                let mut c = Command::new("runuser");
                c.args(["-u", &u.name, "--", "env"]);
                c.arg(format!("LINGER_LOGIN_SOCKET={}", self.d.socket().display()));
                c.arg(&link);
                c
            }
            None => {
                let mut c = Command::new(&link);
                c.env("LINGER_LOGIN_SOCKET", self.d.socket());
                c
            }
        };
        Run::of(
            c.args(args)
                .stdin(Stdio::null())
                .output()
                .expect("loginctl"),
        )
    }

    /// `linger ctl ARGS` as `user` against their manager under `run/UID`.
    pub fn ctl(&self, user: &TestUser, args: &[&str]) -> Run {
        self.ctl_in(user, &self.d.run_dir().join(user.uid.to_string()), args)
    }

    /// `linger ctl ARGS` as `user` with `XDG_RUNTIME_DIR=runtime`.
    pub fn ctl_in(&self, user: &TestUser, runtime: &Path, args: &[&str]) -> Run {
        let out = Command::new("runuser")
            .args(["-u", &user.name, "--", "env"])
            .arg(format!("XDG_RUNTIME_DIR={}", runtime.display()))
            .arg(linger_bin().unwrap())
            .arg("ctl")
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("linger ctl");
        Run::of(out)
    }

    /// Ids of the sessions `loginctl list-sessions` shows for `user`.
    pub fn sessions_of(&self, user: &TestUser) -> Vec<String> {
        let r = self.loginctl(None, &["list-sessions", "--no-legend"]);
        r.stdout
            .lines()
            .filter(|l| l.split_whitespace().nth(2) == Some(user.name.as_str()))
            .filter_map(|l| l.split_whitespace().next().map(str::to_string))
            .collect()
    }

    /// Wait until `user` has no session left.
    pub fn wait_no_sessions(&self, user: &TestUser) -> bool {
        wait_until(Duration::from_secs(10), || {
            self.sessions_of(user).is_empty()
        })
    }
}

/// `su -l USER -c CMD` with `pam` as its session stack (see the module doc).
pub fn su_command(pam: &PamService, user: &TestUser, cmd: &str) -> Command {
    let mut c = Command::new("unshare");
    c.args(["-m", "--propagation", "slave", "sh", "-c"])
        .arg(r#"mount --bind "$1" /etc/pam.d/su-l && shift && exec "$@""#)
        .arg("sh")
        .arg(&pam.path)
        .args(["su", "-l", &user.name, "-c", cmd])
        .stdin(Stdio::null());
    c
}

/// Run [`su_command`] to the end.
pub fn su(pam: &PamService, user: &TestUser, cmd: &str) -> Run {
    Run::of(su_command(pam, user, cmd).output().expect("su"))
}

/// Start [`su_command`] without waiting (its output is discarded).
pub fn su_spawn(pam: &PamService, user: &TestUser, cmd: &str) -> Child {
    su_command(pam, user, cmd)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("su")
}

/// A pid a session wrote into a file (the file is the user's, in their home).
pub fn read_pid(path: &Path) -> u32 {
    let mut text = String::new();
    wait_until(Duration::from_secs(5), || {
        text = std::fs::read_to_string(path).unwrap_or_default();
        text.trim().parse::<u32>().is_ok()
    });
    text.trim()
        .parse()
        .unwrap_or_else(|_| panic!("no pid in {}: {text:?}", path.display()))
}

/// SIGKILL test processes by pid.
pub fn kill_pids(pids: &[u32]) {
    for p in pids {
        if let Some(pid) = rustix::process::Pid::from_raw(*p as i32) {
            let _ = rustix::process::kill_process(pid, rustix::process::Signal::KILL);
        }
    }
}

/// A shell snippet that starts `nohup sleep` and `setsid -f sleep`, writing their pids to
/// `HOME/nohup.pid` and `HOME/setsid.pid` (and waits for the second: the login must not end
/// before the escapee said who it is).
pub const ESCAPEES: &str = "nohup sleep 1000 >/dev/null 2>&1 & echo $! > \"$HOME/nohup.pid\"; \
     setsid -f sh -c 'echo $$ > \"$HOME/setsid.pid\"; exec sleep 1000' </dev/null >/dev/null 2>&1; \
     while [ ! -s \"$HOME/setsid.pid\" ]; do sleep 0.01; done";
