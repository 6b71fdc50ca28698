//! login-bench: figures for the login daemon, to set beside systemd-logind's
//! (shared/anchors/README.md §3). Root only; it creates throwaway users `lingerbench000…`
//! (useradd) and a private cgroup, and removes both at the end.
//!
//! ```text
//! login-bench [--linger PATH] [--users N] [--rounds N] [--no-system-units] [--no-cgroups]
//! ```
//! `--no-system-units`: managers read no system unit or generator directory (the start
//! without Debian's generators). `--no-cgroups`: the daemon uses no cgroups — the start
//! without a hybrid machine's cgroup v1 moves, which cost an RCU grace period each first
//! time (on a pure v2 machine the manager is born in its cgroup and pays none either).
//! Prints: SetLinger call latency (one varlink call, and the whole `loginctl enable-linger` /
//! `disable-linger` command), enable → user manager answering (its first answer) and started
//! (its `READY=1`, what a login waits for), disable → manager gone, and the
//! time for N lingering users' managers to answer after the daemon starts.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

struct Opts {
    linger: PathBuf,
    users: usize,
    rounds: usize,
    system_units: bool,
    cgroups: bool,
}

fn parse_args() -> Result<Opts, String> {
    let mut o = Opts {
        linger: std::env::current_exe()
            .map_err(|e| e.to_string())?
            .with_file_name("linger"),
        users: 100,
        rounds: 10,
        system_units: true,
        cgroups: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--linger" => o.linger = PathBuf::from(val()?),
            "--users" => o.users = val()?.parse().map_err(|e| format!("--users: {e}"))?,
            "--rounds" => o.rounds = val()?.parse().map_err(|e| format!("--rounds: {e}"))?,
            "--no-system-units" => o.system_units = false,
            "--no-cgroups" => o.cgroups = false,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(o)
}

/// Users made by the bench; removed on drop.
struct Users(Vec<(String, u32)>);

impl Drop for Users {
    fn drop(&mut self) {
        for (name, _) in &self.0 {
            let _ = Command::new("userdel")
                .arg(name)
                .stderr(Stdio::null())
                .status();
        }
    }
}

fn make_users(n: usize, homes: &Path) -> Result<Users, String> {
    let mut users = Users(Vec::new());
    for i in 0..n {
        let name = format!("lingerbench{i:03}");
        let _ = Command::new("userdel")
            .arg(&name)
            .stderr(Stdio::null())
            .status();
        let home = homes.join(&name);
        let ok = Command::new("useradd")
            .args(["-M", "-s", "/bin/sh", "-d"])
            .arg(&home)
            .arg(&name)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            return Err(format!("useradd {name} failed"));
        }
        let uid = nix::unistd::User::from_name(&name)
            .ok()
            .flatten()
            .ok_or(format!("{name} not in the user database"))?;
        std::fs::create_dir_all(&home).map_err(|e| e.to_string())?;
        rustix::fs::chown(
            &home,
            Some(rustix::fs::Uid::from_raw(uid.uid.as_raw())),
            Some(rustix::fs::Gid::from_raw(uid.gid.as_raw())),
        )
        .map_err(|e| e.to_string())?;
        users.0.push((name, uid.uid.as_raw()));
    }
    Ok(users)
}

/// A scratch directory removed on drop (after the daemon unmounted what it mounted there).
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Daemon {
    child: Child,
}

impl Daemon {
    fn start(o: &Opts, dir: &Path, cgroup: Option<&Path>) -> Result<Daemon, String> {
        let mut cmd = Command::new(&o.linger);
        let um = if o.system_units {
            format!("{} daemon --user", o.linger.display())
        } else {
            format!("{} daemon --user --no-system-units", o.linger.display())
        };
        cmd.args([
            "daemon",
            "--system",
            "--ignore-systemd",
            "--no-journal-sockets",
            "--user-manager",
            &um,
        ])
        .arg("--socket")
        .arg(dir.join("sock"))
        .arg("--linger-dir")
        .arg(dir.join("linger"))
        .arg("--config-dir")
        .arg(dir.join("conf"))
        .arg("--runtime-dir")
        .arg(dir.join("run"))
        .arg("--state-dir")
        .arg(dir.join("state"));
        match cgroup {
            Some(c) => cmd.arg("--cgroup-root").arg(c),
            None => cmd.arg("--no-cgroups"),
        };
        let log = std::fs::File::create(dir.join("log")).map_err(|e| e.to_string())?;
        let child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", o.linger.display()))?;
        let d = Daemon { child };
        if !wait(Duration::from_secs(10), || {
            std::os::unix::net::UnixStream::connect(dir.join("sock")).is_ok()
        }) {
            return Err("daemon did not come up".into());
        }
        Ok(d)
    }

    fn stop(&mut self) -> Duration {
        let t = Instant::now();
        let _ = rustix::process::kill_process(
            rustix::process::Pid::from_child(&self.child),
            rustix::process::Signal::TERM,
        );
        let _ = self.child.wait();
        t.elapsed()
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            self.stop();
        }
    }
}

/// Poll every 200 µs (a bench measures from outside; the daemon itself never polls).
fn wait(limit: Duration, mut f: impl FnMut() -> bool) -> bool {
    let end = Instant::now() + limit;
    while Instant::now() < end {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    false
}

fn manager_answers(run: &Path, uid: u32) -> Option<u32> {
    let mut c =
        linger_ipc::Client::connect(&run.join(uid.to_string()).join("linger/manager")).ok()?;
    let v = c.call("io.linger.Manager.Manager", json!({})).ok()?;
    v["properties"]["MainPID"].as_str()?.parse().ok()
}

/// Wait (10 s at most) for the user manager of `uid` to answer; its pid.
fn manager_up(run: &Path, uid: u32, dir: &Path) -> Result<u32, String> {
    let mut pid = None;
    if wait(Duration::from_secs(10), || {
        pid = manager_answers(run, uid);
        pid.is_some()
    }) {
        Ok(pid.unwrap_or(0))
    } else {
        Err(format!(
            "user manager did not come up; daemon log:\n{}",
            log_tail(dir)
        ))
    }
}

/// Run the linger binary as `loginctl ARGS` against the bench's daemon; an error unless it
/// exits 0.
fn loginctl(o: &Opts, dir: &Path, args: &[&str]) -> Result<(), String> {
    use std::os::unix::process::CommandExt;
    let out = Command::new(&o.linger)
        .arg0("loginctl")
        .args(args)
        .env("LINGER_LOGIN_SOCKET", dir.join("sock"))
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", o.linger.display()))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "loginctl {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
        !s.rsplit_once(')')
            .is_some_and(|(_, r)| r.trim_start().starts_with('Z'))
    })
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// The end of the daemon's log, for an error message.
fn log_tail(dir: &Path) -> String {
    let text = std::fs::read_to_string(dir.join("log")).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}

fn bench(o: &Opts) -> Result<(), String> {
    let tmp = TempDir(std::env::temp_dir().join(format!("login-bench-{}", std::process::id())));
    let dir = tmp.0.as_path();
    for d in ["", "linger", "conf", "run", "state", "home"] {
        std::fs::create_dir_all(dir.join(d)).map_err(|e| e.to_string())?;
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.join(d), std::fs::Permissions::from_mode(0o755))
            .map_err(|e| e.to_string())?;
    }
    std::fs::write(
        dir.join("conf/logind.conf"),
        "[Login]\nUserStopDelaySec=0\n",
    )
    .map_err(|e| e.to_string())?;
    let cgroup = o.cgroups.then(linger_cgroup::detect).and_then(|d| {
        d.setup().map(|s| {
            s.unified
                .join(format!("linger-bench-{}", std::process::id()))
        })
    });
    // Removed however the run ends (an early error return included).
    let _cgroup_guard = CgroupDir(cgroup.clone());
    let t = Instant::now();
    let users = make_users(o.users.max(1), &dir.join("home"))?;
    println!(
        "created {} users in {:.1} s",
        users.0.len(),
        t.elapsed().as_secs_f64()
    );
    let run = dir.join("run");
    let (name, uid) = users.0[0].clone();
    let (mut call, mut up, mut down) = (Vec::new(), Vec::new(), Vec::new());
    let (mut en_cmd, mut dis_cmd, mut started) = (Vec::new(), Vec::new(), Vec::new());
    {
        let _d = Daemon::start(o, dir, cgroup.as_deref())?;
        let sock = dir.join("sock");
        for _ in 0..o.rounds {
            let mut c = linger_ipc::Client::connect(&sock).map_err(|e| e.to_string())?;
            let t0 = Instant::now();
            c.call(
                "io.linger.Login.SetLinger",
                json!({"user": name, "enable": true}),
            )
            .map_err(|e| e.to_string())?;
            call.push(t0.elapsed());
            let pid = manager_up(&run, uid, dir)?;
            up.push(t0.elapsed());
            // What a login waits for: the manager's READY=1 (its start complete).
            c.call("io.linger.Login.WaitUserManager", json!({ "user": name }))
                .map_err(|e| e.to_string())?;
            started.push(t0.elapsed());
            let t1 = Instant::now();
            c.call(
                "io.linger.Login.SetLinger",
                json!({"user": name, "enable": false}),
            )
            .map_err(|e| e.to_string())?;
            call.push(t1.elapsed());
            if !wait(Duration::from_secs(10), || !alive(pid)) {
                return Err("user manager did not stop".into());
            }
            down.push(t1.elapsed());
        }
        // The same through the real command line, as a user types it: `loginctl
        // enable-linger` (the linger binary called as loginctl), each a whole process.
        for _ in 0..o.rounds {
            let t0 = Instant::now();
            loginctl(o, dir, &["enable-linger", &name])?;
            en_cmd.push(t0.elapsed());
            let pid = manager_up(&run, uid, dir)?;
            let t1 = Instant::now();
            loginctl(o, dir, &["disable-linger", &name])?;
            dis_cmd.push(t1.elapsed());
            if !wait(Duration::from_secs(10), || !alive(pid)) {
                return Err("user manager did not stop".into());
            }
        }
    }
    println!(
        "SetLinger call (enable/disable), median of {}: {}",
        call.len(),
        ms(median(call))
    );
    println!(
        "loginctl enable-linger (whole command), median of {}: {}",
        en_cmd.len(),
        ms(median(en_cmd))
    );
    println!(
        "loginctl disable-linger (whole command), median of {}: {}",
        dis_cmd.len(),
        ms(median(dis_cmd))
    );
    println!(
        "enable-linger → user manager answers, median of {}: {}",
        up.len(),
        ms(median(up))
    );
    println!(
        "enable-linger → user manager started (READY=1), median of {}: {}",
        started.len(),
        ms(median(started))
    );
    println!(
        "disable-linger → user manager gone, median of {}: {}",
        down.len(),
        ms(median(down))
    );
    for (n, _) in &users.0 {
        std::fs::write(dir.join("linger").join(n), "").map_err(|e| e.to_string())?;
    }
    let t0 = Instant::now();
    let mut d = Daemon::start(o, dir, cgroup.as_deref())?;
    let mut pending: Vec<u32> = users.0.iter().map(|(_, u)| *u).collect();
    let all = wait(Duration::from_secs(60), || {
        pending.retain(|u| manager_answers(&run, *u).is_none());
        pending.is_empty()
    });
    let elapsed = t0.elapsed();
    if !all {
        return Err(format!("{} user managers did not come up", pending.len()));
    }
    println!(
        "daemon start → {} lingering users' managers all answer: {}",
        users.0.len(),
        ms(elapsed)
    );
    let log = std::fs::read_to_string(dir.join("log")).unwrap_or_default();
    if let Some(l) = log.lines().find(|l| l.contains("lingering users in")) {
        println!("  (daemon: {})", l.trim_start_matches("<6>linger-login: "));
    }
    println!(
        "SIGTERM → daemon and {} managers stopped: {}",
        users.0.len(),
        ms(d.stop())
    );
    drop(users);
    Ok(())
}

/// A cgroup the benchmark's daemon used: its (empty) directories go, deepest first.
struct CgroupDir(Option<PathBuf>);

impl Drop for CgroupDir {
    fn drop(&mut self) {
        fn remove(dir: &Path) {
            if let Ok(entries) = std::fs::read_dir(dir) {
                for e in entries.flatten() {
                    if e.file_type().is_ok_and(|t| t.is_dir()) {
                        remove(&e.path());
                    }
                }
            }
            let _ = std::fs::remove_dir(dir);
        }
        if let Some(d) = &self.0 {
            remove(d);
        }
    }
}

fn main() -> ExitCode {
    if !rustix::process::geteuid().is_root() {
        eprintln!("login-bench: needs root (it creates users and starts user managers as them)");
        return ExitCode::from(2);
    }
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("login-bench: {e}");
            return ExitCode::from(2);
        }
    };
    if !o.linger.exists() {
        eprintln!(
            "login-bench: {} not found (cargo build --release -p linger, or --linger PATH)",
            o.linger.display()
        );
        return ExitCode::from(2);
    }
    match bench(&o) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("login-bench: {e}");
            ExitCode::from(1)
        }
    }
}
