//! Dev-only harness: start a real `linger daemon --user` in a private temp tree (HOME,
//! XDG_RUNTIME_DIR, XDG_CONFIG_HOME) and drive it with the real CLI, the commands a user types.
//! Dropping the harness stops the manager (SIGTERM: it stops its services) and removes the tree.
#![forbid(unsafe_code)]
#![allow(clippy::print_stderr)]

use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

mod cgroups;
pub use cgroups::{TestCgroups, cgroup2_tree, dirs_below};

/// The result of one command.
#[derive(Debug)]
pub struct Run {
    /// Exit code (128 + N when killed by signal N, as a shell says).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// What a finished command left.
    pub fn of(o: Output) -> Run {
        use std::os::unix::process::ExitStatusExt;
        Run {
            code: o
                .status
                .code()
                .or(o.status.signal().map(|s| 128 + s))
                .unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    /// Panic with the full output unless the exit code is `code`.
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "unexpected exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// A user manager in a temp tree.
#[derive(Debug)]
pub struct Manager {
    /// The `linger` binary.
    pub bin: PathBuf,
    /// The temp tree.
    pub dir: tempfile::TempDir,
    child: Option<Child>,
}

impl Manager {
    /// Create the tree (no manager started yet).
    pub fn new(bin: &str) -> Manager {
        Manager::new_in(bin, &std::env::temp_dir())
    }

    /// Like [`Manager::new`] with the tree (home and runtime directory) made in `parent`,
    /// e.g. `/run/user` where a real user's runtime directory is.
    pub fn new_in(bin: &str, parent: &std::path::Path) -> Manager {
        let dir = tempfile::Builder::new()
            .prefix("linger-test")
            .tempdir_in(parent)
            .expect("temp dir");
        for d in ["home/.config/systemd/user", "run"] {
            std::fs::create_dir_all(dir.path().join(d)).expect("mkdir");
        }
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(
            dir.path().join("run"),
            std::fs::Permissions::from_mode(0o700),
        );
        Manager {
            bin: PathBuf::from(bin),
            dir,
            child: None,
        }
    }

    /// `~` of the test user.
    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// `~/.config/systemd/user`.
    pub fn unit_dir(&self) -> PathBuf {
        self.home().join(".config/systemd/user")
    }

    /// `dbus-send --peer` to the manager's D-Bus private socket: (exit code, what it printed).
    pub fn dbus_send(&self, path: &str, method: &str, args: &[&str]) -> (i32, String) {
        let address = format!(
            "--peer=unix:path={}",
            self.runtime().join("systemd/private").display()
        );
        let out = Command::new("dbus-send")
            .args([
                &address,
                "--print-reply",
                "--dest=org.freedesktop.systemd1",
                path,
                method,
            ])
            .args(args)
            .output()
            .expect("run dbus-send");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code().unwrap_or(-1), text)
    }

    /// `$XDG_RUNTIME_DIR`.
    pub fn runtime(&self) -> PathBuf {
        self.dir.path().join("run")
    }

    /// Write a unit file (or drop-in: a relative path like `a.service.d/x.conf`).
    pub fn write_unit(&self, name: &str, text: &str) -> PathBuf {
        let p = self.unit_dir().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        // Written aside and renamed into place: a manager that looks at the directory in
        // between must never see an empty file (which would be a masked unit).
        let file = p.file_name().unwrap_or_default().to_string_lossy();
        let tmp = p.with_file_name(format!(".{file}.tmp"));
        std::fs::write(&tmp, text).expect("write unit");
        std::fs::rename(&tmp, &p).expect("rename unit into place");
        p
    }

    fn env(&self, cmd: &mut Command) {
        cmd.env_clear()
            .env("HOME", self.home())
            .env("XDG_RUNTIME_DIR", self.runtime())
            .env("XDG_CONFIG_HOME", self.home().join(".config"))
            .env("XDG_STATE_HOME", self.home().join(".local/state"))
            .env(
                "PATH",
                std::env::var("PATH").unwrap_or_else(|_| "/usr/bin:/bin".into()),
            )
            .env("TZ", "UTC")
            .env("NO_COLOR", "1");
    }

    /// A manager with `units` written, started, and its D-Bus private socket there (what
    /// systemd's own clients talk to).
    pub fn with_dbus(bin: &str, units: &[(&str, &str)]) -> Manager {
        let mut m = Manager::new(bin);
        for (name, text) in units {
            m.write_unit(name, text);
        }
        m.start();
        let private = m.runtime().join("systemd/private");
        m.wait_for("the D-Bus private socket", |_| private.exists());
        m
    }

    /// Start the manager and wait until its socket answers.
    pub fn start(&mut self) {
        self.start_in_cgroups(&[]);
    }

    /// Start the manager after moving it into the cgroups whose `cgroup.procs` files are
    /// given (a delegated `user@UID.service` the test created), then wait until it answers.
    pub fn start_in_cgroups(&mut self, procs_files: &[PathBuf]) {
        let cmd = if procs_files.is_empty() {
            let mut c = Command::new(&self.bin);
            c.args(["daemon", "--user", "--no-system-units"]);
            c
        } else {
            // The shell joins the cgroups, then becomes the manager (same pid).
            let mut c = Command::new("/bin/sh");
            c.arg("-c")
                .arg("bin=$1; shift; for f; do echo $$ > \"$f\" || exit 1; done; exec \"$bin\" daemon --user --no-system-units")
                .arg("sh")
                .arg(&self.bin)
                .args(procs_files);
            c
        };
        self.launch(cmd);
    }

    /// Start the manager under a wrapper command (e.g. `setpriv --bounding-set=-sys_resource`)
    /// that ends by executing its arguments, then wait until it answers.
    pub fn start_wrapped(&mut self, wrapper: &[&str]) {
        let mut cmd = Command::new(wrapper[0]);
        cmd.args(&wrapper[1..])
            .arg(&self.bin)
            .args(["daemon", "--user", "--no-system-units"]);
        self.launch(cmd);
    }

    /// As root: hand the test's home and runtime directory to `user`:`group` and start the
    /// manager as that user (an ordinary user's manager, without privileges).
    pub fn start_as(&mut self, user: &str, group: &str) {
        for dir in [self.home(), self.runtime()] {
            std::fs::create_dir_all(&dir).expect("mkdir");
        }
        let ok = Command::new("chmod")
            .arg("0755")
            .arg(self.dir.path())
            .status()
            .is_ok_and(|s| s.success())
            && Command::new("chown")
                .args(["-R", &format!("{user}:{group}")])
                .arg(self.home())
                .arg(self.runtime())
                .status()
                .is_ok_and(|s| s.success());
        assert!(ok, "cannot hand the test tree to {user}");
        let (reuid, regid) = (format!("--reuid={user}"), format!("--regid={group}"));
        self.start_wrapped(&["setpriv", &reuid, &regid, "--clear-groups", "--"]);
    }

    fn launch(&mut self, cmd: Command) {
        self.spawn_child(cmd);
        self.wait_up();
    }

    /// Start the manager under a wrapper command (as [`Manager::start_wrapped`]) without
    /// waiting for it to answer: one told to kill itself at a crash point may die first.
    pub fn launch_wrapped(&mut self, wrapper: &[&str]) {
        let mut cmd = Command::new(wrapper[0]);
        cmd.args(&wrapper[1..])
            .arg(&self.bin)
            .args(["daemon", "--user", "--no-system-units"]);
        self.spawn_child(cmd);
    }

    fn spawn_child(&mut self, mut cmd: Command) {
        self.env(&mut cmd);
        cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(self.dir.path().join("manager.log"))
                .map(Stdio::from)
                .unwrap_or(Stdio::null()),
        );
        self.child = Some(cmd.spawn().expect("spawn linger daemon"));
    }

    /// Wait until the manager's socket answers.
    fn wait_up(&self) {
        let sock = self.runtime().join("linger/manager");
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if std::os::unix::net::UnixStream::connect(&sock).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        panic!("manager did not come up; log:\n{}", self.manager_log());
    }

    /// The manager's stderr so far.
    pub fn manager_log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("manager.log")).unwrap_or_default()
    }

    /// The manager's pid.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// `linger ARGS…` with the test environment, to spawn (for commands that keep running).
    pub fn linger_command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.bin);
        self.env(&mut cmd);
        cmd.args(args);
        cmd
    }

    /// Another program (systemd's own tools as oracles) with the test environment.
    pub fn program_command(&self, program: &str, args: &[&str]) -> Command {
        let mut cmd = Command::new(program);
        self.env(&mut cmd);
        cmd.args(args);
        cmd
    }

    /// systemd 252's own client PROGRAM (`/usr/bin/systemctl`, `systemd-run`, `busctl`, …) as
    /// the tests run it against this manager: the test environment, plain C.UTF-8 text, no
    /// colours, no pager, 200 columns.
    pub fn systemd_client(&self, program: &str, args: &[&str]) -> Command {
        let mut cmd = self.program_command(program, args);
        cmd.env("LANG", "C.UTF-8")
            .env("SYSTEMD_COLORS", "0")
            .env("SYSTEMD_PAGER", "cat")
            .env("COLUMNS", "200");
        cmd
    }

    /// systemd's own `PROGRAM --user ARGS…` (`/usr/bin/systemctl`, `systemd-analyze`, …)
    /// against this manager, over its D-Bus private socket: (exit code, stdout, stderr).
    pub fn systemd_user(&self, program: &str, args: &[&str]) -> (i32, String, String) {
        let out = self
            .systemd_client(program, &["--user"])
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("run {program}: {e}"));
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// systemd's own `/usr/bin/systemctl --user ARGS…` against this manager.
    pub fn systemd_systemctl(&self, args: &[&str]) -> (i32, String, String) {
        self.systemd_user("/usr/bin/systemctl", args)
    }

    /// Run `linger ARGS…` with the test environment.
    pub fn linger(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(&self.bin);
        self.env(&mut cmd);
        Run::of(cmd.args(args).output().expect("run linger"))
    }

    /// `NAME ARGS…` through a link named NAME to the binary (the personality: `systemctl`,
    /// `journalctl`, `systemd-run`, …) with the test environment, to run or spawn.
    pub fn tool(&self, name: &str, args: &[&str]) -> Command {
        let link = self.dir.path().join("bin").join(name);
        if !link.exists() {
            std::fs::create_dir_all(self.dir.path().join("bin")).expect("mkdir bin");
            std::os::unix::fs::symlink(&self.bin, &link).expect("link");
        }
        let mut cmd = Command::new(&link);
        self.env(&mut cmd);
        cmd.args(args);
        cmd
    }

    /// Run `systemctl --user ARGS…` through a `systemctl` link to the binary.
    pub fn systemctl(&self, args: &[&str]) -> Run {
        let mut cmd = self.tool("systemctl", &["--user"]);
        Run::of(cmd.args(args).output().expect("run systemctl"))
    }

    /// A property of a unit (`show -p NAME --value`).
    pub fn prop(&self, unit: &str, name: &str) -> String {
        self.systemctl(&["show", "-p", name, "--value", unit])
            .stdout
            .trim()
            .to_string()
    }

    /// A unit's main pid (0: none).
    pub fn main_pid(&self, unit: &str) -> u32 {
        self.prop(unit, "MainPID").parse().unwrap_or(0)
    }

    /// Wait (bounded) until `f` holds; panics with `what` and the manager log otherwise.
    pub fn wait_for(&self, what: &str, mut f: impl FnMut(&Manager) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if f(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "timed out waiting for {what}; manager log:\n{}",
            self.manager_log()
        );
    }

    /// Wait (bounded by `within`) for the manager to exit by itself; its exit status, None
    /// if it is still running then (or was never started).
    pub fn wait_exit(&mut self, within: Duration) -> Option<std::process::ExitStatus> {
        let c = self.child.as_mut()?;
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = c.try_wait() {
                self.child = None;
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Kill the manager with SIGKILL (a crash: it cleans nothing up) and reap it.
    pub fn crash(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Stop the manager (SIGTERM) and wait for it.
    pub fn shutdown(&mut self) {
        if let Some(mut c) = self.child.take() {
            if let Some(pid) = rustix::process::Pid::from_raw(c.id() as i32) {
                let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
            }
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = c.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for Manager {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// The built PAM module: `$LINGER_PAM_MODULE`, else the newer of the two copies Cargo makes
/// of the cdylib in the test binary's target directory — `<profile>/libpam_linger.so` (from
/// `cargo build`) and `<profile>/deps/libpam_linger.so` (from `cargo test`). The newer, not
/// the first found: after a `cargo build` and an edit, `cargo test` refreshes only the copy in
/// `deps/`, and the stale one would be tested.
pub fn built_pam_module() -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os("LINGER_PAM_MODULE") {
        return Some(p.into());
    }
    let exe = std::env::current_exe().ok()?;
    let deps = exe.parent()?;
    [
        deps.parent()?.join("libpam_linger.so"),
        deps.join("libpam_linger.so"),
    ]
    .into_iter()
    .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
    .max_by_key(|(modified, _)| *modified)
    .map(|(_, p)| p)
}

/// The parent of `pid` (from /proc/PID/stat, after the command name's closing parenthesis).
pub fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// `pids` without those whose parent is among them: a shell loop's fork before it execs
/// `sleep` carries the shell's command line for a moment, and is no second copy of the shell
/// (what tests that look for duplicate services by command line must not count).
pub fn leaving_out_their_forks(pids: &[u32]) -> Vec<u32> {
    pids.iter()
        .copied()
        .filter(|&pid| !parent_of(pid).is_some_and(|parent| pids.contains(&parent)))
        .collect()
}

/// Whether a process exists and is not a zombie.
pub fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            s.rsplit_once(')')
                .map(|x| x.1.trim_start().starts_with('Z'))
        })
        .is_some_and(|zombie| !zombie)
}

/// apt-get runs one at a time.
static APT: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Make sure `binary` exists, installing `package` with apt-get if not (root tests on a
/// fresh machine); why not otherwise. Installing never starts the package's daemon.
pub fn ensure_program(binary: &str, package: &str) -> Result<(), String> {
    let _g = APT.lock().unwrap_or_else(|e| e.into_inner());
    if std::path::Path::new(binary).exists() {
        return Ok(());
    }
    // A policy-rc.d that says no for the duration of the install (sshd must not start on
    // every interface), unless the machine has one.
    let policy = std::path::Path::new("/usr/sbin/policy-rc.d");
    let made = !policy.exists() && std::fs::write(policy, "#!/bin/sh\nexit 101\n").is_ok();
    if made {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(policy, std::fs::Permissions::from_mode(0o755));
    }
    let install = || {
        Command::new("apt-get")
            .args(["install", "-y", "-qq", "--no-install-recommends", package])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !install() {
        let _ = Command::new("apt-get").args(["update", "-qq"]).output();
        install();
    }
    if made {
        let _ = std::fs::remove_file(policy);
    }
    if std::path::Path::new(binary).exists() {
        Ok(())
    } else {
        Err(format!(
            "{binary} is missing and apt-get could not install {package}"
        ))
    }
}

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(18080)
}

/// GET http://127.0.0.1:PORT/ with a bounded timeout; the body or None.
pub fn http_get(port: u16) -> Option<String> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect_timeout(
        &([127, 0, 0, 1], port).into(),
        Duration::from_secs(2),
    )
    .ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    s.write_all(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .ok()?;
    let mut body = String::new();
    s.read_to_string(&mut body).ok()?;
    Some(body)
}

/// The lines a running child prints on stdout, read on a thread of their own, so a test can
/// wait for the next one with a deadline instead of hanging.
#[derive(Debug)]
pub struct Lines(std::sync::mpsc::Receiver<String>);

impl Lines {
    /// Take over `child`'s stdout (spawned with `Stdio::piped()`).
    pub fn of(child: &mut Child) -> Lines {
        use std::io::BufRead;
        let out = child.stdout.take().expect("stdout piped");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for l in std::io::BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(l).is_err() {
                    break;
                }
            }
        });
        Lines(rx)
    }

    /// The next line, or None when none came within `within` (or the output ended).
    pub fn next(&self, within: Duration) -> Option<String> {
        self.0.recv_timeout(within).ok()
    }
}

/// Run the `units` step of a reference script (crates/dbus/tests/reference/*.sh): it writes
/// into `unit_dir` the units its transcript was captured with against systemd 252.
pub fn write_reference_units(script: &std::path::Path, unit_dir: &std::path::Path) {
    let ok = std::process::Command::new("bash")
        .arg(script)
        .arg("units")
        .arg(unit_dir)
        .status()
        .unwrap_or_else(|e| panic!("bash {}: {e}", script.display()));
    assert!(
        ok.success(),
        "{} units {}: {ok}",
        script.display(),
        unit_dir.display()
    );
}

/// Whether python3 with GObject introspection's Gio is there (the GDBus clients some D-Bus
/// tests drive the manager with).
pub fn have_python_gi() -> bool {
    std::process::Command::new("/usr/bin/python3")
        .args(["-c", "import gi; gi.require_version('Gio', '2.0')"])
        .output()
        .is_ok_and(|o| o.status.success())
}
