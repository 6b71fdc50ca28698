//! Attacks on the login daemon and what the others see meanwhile: the `login-attack` program
//! (built with this crate) run as an attacking user, and three witnesses that keep asking the
//! daemon while the attack goes on — root (ListSessions), another user (ListUsers) and a
//! third user's logins (CreateSession as the PAM module makes it). Every call's latency is
//! recorded, less the time the witness itself waited for a CPU meanwhile (its scheduler
//! statistics: the machine's load, not the daemon); [`Report::assert_served`] demands that
//! each was answered, within [`LIMIT`] (logins: [`LOGIN_LIMIT`]). A stopped witness finishes
//! its call under way, so no call is cut short and none is left out.
//!
//! The daemon and the witnesses run at a raised priority ([`PRIORITY`], through [`NICE`]), the
//! attacker at the default one: the machine running the tests may be busy with unrelated
//! work (other test suites, builds), and what is measured is what the daemon makes the
//! others wait for, not what the rest of the machine does. The attacker gets no such help.
//! With autogroup scheduling (`kernel.sched_autogroup_enabled`, on on this machine) a nice
//! value only counts within its session's group and every session's group gets an equal
//! share: so the daemon and each witness run in a session of their own whose group is at
//! [`PRIORITY`] (`/proc/self/autogroup`), and each attacker runs in a session of its own at the
//! default priority, as a user's login would. Everything else the test starts (a user's
//! shell, loginctl, a manager started by hand) stays in the test's session: in the daemon's
//! group it would eat the daemon's share (a test once made the daemon wait 129 ms for a CPU
//! so). (The daemon logs the times its loop was late and how much of that was waiting for a
//! CPU: `lag.rs`.)
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{Daemon, TestUser};

/// What "answered at once" means during an attack (issue 10), for root's and another user's
/// requests.
pub const LIMIT: Duration = Duration::from_millis(100);
/// A login gets its session when the answer comes within what the PAM module waits
/// (`pam_linger::session::BUDGET`; after that the login goes on without one). A login's
/// answer waits for its process to be moved into the session's cgroup, which the kernel
/// makes wait for an RCU grace period (tens of ms on a busy machine).
pub const LOGIN_LIMIT: Duration = Duration::from_millis(800);
/// The `nice` adjustment of the daemon and the witnesses.
pub const PRIORITY: &str = "-10";

/// Run the daemon in a session of its own at [`PRIORITY`] (prepend to
/// [`super::Opts::wrapper`]); `setsid` keeps the pid (its caller leads no process group).
pub const NICE: [&str; 5] = [
    "setsid",
    "sh",
    "-c",
    "echo -10 >/proc/self/autogroup 2>/dev/null; exec nice -n -10 \"$@\"",
    "sh",
];

/// How long each attack is watched once it is in place.
pub const WINDOW: Duration = Duration::from_secs(3);
/// How long a stopped `login-attack` may take to exit (a probe finishes its call under way,
/// for up to 30 s, then reports it as still waiting): a failure bound.
pub const STOP_LIMIT: Duration = Duration::from_secs(40);

/// The attack program.
pub fn attack_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_login-attack"))
}

/// A running `login-attack`: its output lines are collected as they come.
#[derive(Debug)]
pub struct Attack {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Arc<Mutex<Vec<String>>>,
    reader: Option<std::thread::JoinHandle<()>>,
    what: String,
}

impl Attack {
    /// Start `login-attack ARGS` as `user` (root when `None`), at the default priority.
    pub fn start(args: &[&str], user: Option<&TestUser>) -> Attack {
        use std::os::unix::process::CommandExt;
        // A session (so an autogroup) of its own, as a user's login has.
        let mut cmd = Command::new("setsid");
        cmd.arg(attack_bin()).args(args);
        if let Some(u) = user {
            cmd.uid(u.uid).gid(u.gid);
        }
        Self::spawn(cmd, args)
    }

    /// Start `login-attack ARGS` as `user` at [`PRIORITY`] (a witness).
    pub fn witness(args: &[&str], user: Option<&TestUser>) -> Attack {
        let mut cmd = Command::new(NICE[0]);
        cmd.args(&NICE[1..]);
        if let Some(u) = user {
            cmd.arg("setpriv")
                .arg(format!("--reuid={}", u.uid))
                .arg(format!("--regid={}", u.gid))
                .arg("--clear-groups");
        }
        cmd.arg(attack_bin()).args(args);
        Self::spawn(cmd, args)
    }

    fn spawn(mut cmd: Command, args: &[&str]) -> Attack {
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        let mut child = cmd.spawn().expect("start login-attack");
        let stdin = child.stdin.take();
        let out = child.stdout.take().expect("stdout");
        let lines: Arc<Mutex<Vec<String>>> = Arc::default();
        let sink = lines.clone();
        let reader = std::thread::spawn(move || {
            for l in BufReader::new(out).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(l);
            }
        });
        Attack {
            child,
            stdin,
            lines,
            reader: Some(reader),
            what: args.join(" "),
        }
    }

    /// Lines so far.
    pub fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }

    /// Wait until it says "ready" (its attack is in place); the line.
    pub fn ready(&self) -> String {
        let ok = super::wait_until(Duration::from_secs(120), || {
            self.lines().iter().any(|l| l.starts_with("ready"))
        });
        assert!(ok, "{} never got ready: {:?}", self.what, self.lines());
        self.lines()
            .into_iter()
            .find(|l| l.starts_with("ready"))
            .unwrap_or_default()
    }

    /// Stop it (close its stdin: a probe finishes its call under way and exits, an attack
    /// exits at once) and return its lines once its output ended; SIGKILL only after
    /// [`STOP_LIMIT`], a failure bound.
    pub fn stop(mut self) -> Vec<String> {
        drop(self.stdin.take());
        let exited = super::wait_until(STOP_LIMIT, || matches!(self.child.try_wait(), Ok(Some(_))));
        if !exited {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // Every line is in once the reader thread saw the end of the output.
        let ended = super::wait_until(STOP_LIMIT, || {
            self.reader.as_ref().is_none_or(|r| r.is_finished())
        });
        assert!(ended, "{}: output still open after it exited", self.what);
        self.lines()
    }
}

impl Drop for Attack {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One call a witness made: its latency and whether it was served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    /// How long it took, less the time the witness itself waited for a CPU meanwhile: what
    /// the daemon made it wait (the daemon's own waits for a CPU count).
    pub took: Duration,
    /// The time the witness itself waited for a CPU during the call (the machine's load).
    pub cpu_wait: Duration,
    /// `None` when served, else what went wrong.
    pub error: Option<String>,
}

/// A probe's lines ("MICROSECONDS CPU-WAIT-MICROSECONDS ok|err: …", `login-attack`). A
/// stopped probe finishes the call under way first: "still waiting" means it did not end
/// within the probe's stop bound (30 s), never just a call cut short by the stop.
fn parse(lines: &[String]) -> Vec<Sample> {
    lines
        .iter()
        .filter_map(|l| {
            let mut f = l.splitn(3, ' ');
            let total = Duration::from_micros(f.next()?.parse().ok()?);
            let cpu_wait = Duration::from_micros(f.next()?.parse().ok()?);
            let rest = f.next()?;
            let error = (rest != "ok").then(|| rest.to_string());
            Some(Sample {
                took: total.saturating_sub(cpu_wait),
                cpu_wait,
                error,
            })
        })
        .collect()
}

/// Attacks of one test binary run one after the other: each is measured alone.
pub fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: Mutex<()> = Mutex::new(());
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// The three witnesses.
#[derive(Debug)]
pub struct Witnesses {
    root: Attack,
    user: Attack,
    login: Attack,
    /// Lines of each before the attack began (not counted).
    from: [usize; 3],
    /// The daemon's CPU time when the attack began, in ticks, and when that was.
    cpu_from: (u64, Instant),
    /// More witnesses held to [`LIMIT`] ([`Witnesses::add`]): who, the probe, lines before.
    more: Vec<(String, Attack, usize)>,
}

impl Witnesses {
    /// Start witnessing `d`: `bystander` lists users, root lists sessions, `login` logs in.
    pub fn start(d: &Daemon, bystander: &TestUser, login: &TestUser) -> Witnesses {
        let sock = d.socket();
        let s = sock.to_str().unwrap();
        // Root (its tools, the PAM module) goes through the root-only socket.
        let root_sock = linger_ipc::login::socket_for(&sock);
        let r = root_sock.to_str().unwrap();
        let w = Witnesses {
            root: Attack::witness(&["probe", r, "io.linger.Login.ListSessions", "{}"], None),
            user: Attack::witness(
                &["probe", s, "io.linger.Login.ListUsers", "{}"],
                Some(bystander),
            ),
            login: Attack::witness(&["login-probe", r, &login.uid.to_string()], None),
            from: [0; 3],
            cpu_from: (cpu_ticks(d.pid()), Instant::now()),
            more: Vec::new(),
        };
        // Each has been served once before the attack: the first login starts a manager.
        let warm = super::wait_until(Duration::from_secs(30), || {
            [&w.root, &w.user, &w.login]
                .iter()
                .all(|a| parse(&a.lines()).iter().any(|s| s.error.is_none()))
        });
        assert!(
            warm,
            "witnesses not served before the attack: {:?} {:?} {:?}\n{}",
            w.root.lines(),
            w.user.lines(),
            w.login.lines(),
            d.report()
        );
        w
    }

    /// One more witness, `who`: a probe ([`Attack::witness`]) held to [`LIMIT`] like root's
    /// and the other user's requests. Waits until it was served once.
    pub fn add(&mut self, who: &str, probe: Attack) {
        let warm = super::wait_until(Duration::from_secs(30), || {
            parse(&probe.lines()).iter().any(|s| s.error.is_none())
        });
        assert!(
            warm,
            "{who} not served before the attack: {:?}",
            probe.lines()
        );
        let from = probe.lines().len();
        self.more.push((who.to_string(), probe, from));
    }

    /// The attack begins now: only later calls count.
    pub fn mark(&mut self, daemon_pid: i32) {
        self.cpu_from = (cpu_ticks(daemon_pid), Instant::now());
        self.from = [
            self.root.lines().len(),
            self.user.lines().len(),
            self.login.lines().len(),
        ];
        for (_, probe, from) in &mut self.more {
            *from = probe.lines().len();
        }
    }

    /// Watch for [`WINDOW`], then stop: what each saw.
    pub fn finish(self, attack: &str, daemon_pid: i32) -> Report {
        std::thread::sleep(WINDOW);
        let from = self.from;
        let root = parse(&self.root.stop()[from[0]..]);
        let user = parse(&self.user.stop()[from[1]..]);
        let login = parse(&self.login.stop()[from[2]..]);
        let more = self
            .more
            .into_iter()
            .map(|(who, probe, from)| (who, parse(&probe.stop()[from..])))
            .collect();
        let (ticks, since) = self.cpu_from;
        let hz = rustix::param::clock_ticks_per_second().max(1);
        let cpu = Duration::from_millis(cpu_ticks(daemon_pid).saturating_sub(ticks) * 1000 / hz);
        Report {
            cpu,
            watched: since.elapsed(),
            attack: attack.to_string(),
            root,
            user,
            login,
            more,
            rss_kb: rss_kb(daemon_pid),
        }
    }
}

/// CPU time `pid` used so far (user and system), in clock ticks.
pub fn cpu_ticks(pid: i32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command name.
    f.get(11).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
        + f.get(12).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
}

/// The daemon's resident memory, in KiB.
pub fn rss_kb(pid: i32) -> u64 {
    super::status_field(pid as u32, "VmRSS:")
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// What the witnesses saw during one attack.
#[derive(Debug)]
pub struct Report {
    /// Which attack.
    pub attack: String,
    /// Root's requests.
    pub root: Vec<Sample>,
    /// The other user's requests.
    pub user: Vec<Sample>,
    /// The third user's logins.
    pub login: Vec<Sample>,
    /// The witnesses [`Witnesses::add`] added.
    pub more: Vec<(String, Vec<Sample>)>,
    /// The daemon's RSS right after.
    pub rss_kb: u64,
    /// The daemon's CPU time while watched.
    pub cpu: Duration,
    /// How long it was watched.
    pub watched: Duration,
}

fn worst(s: &[Sample]) -> Duration {
    s.iter().map(|s| s.took).max().unwrap_or_default()
}

/// The most a witness waited for a CPU in one call (not counted in [`worst`]).
fn worst_cpu_wait(s: &[Sample]) -> Duration {
    s.iter().map(|s| s.cpu_wait).max().unwrap_or_default()
}

impl Report {
    /// One line for the closing note (also appended to `$LINGER_ATTACK_REPORT`, if set).
    pub fn line(&self) -> String {
        let more: String = self
            .more
            .iter()
            .map(|(who, s)| {
                format!(
                    ", worst {who} {:.1} ms ({} calls)",
                    worst(s).as_secs_f64() * 1e3,
                    s.len()
                )
            })
            .collect();
        let cpu_wait = [&self.root, &self.user, &self.login]
            .into_iter()
            .chain(self.more.iter().map(|(_, s)| s))
            .map(|s| worst_cpu_wait(s))
            .max()
            .unwrap_or_default();
        format!(
            "{}: worst root request {:.1} ms, worst other user's request {:.1} ms, worst login {:.1} ms ({}/{}/{} calls), daemon RSS {:.1} MB, daemon CPU {} ms in {:.1} s{more}; a witness's own wait for a CPU (not counted) up to {:.1} ms",
            self.attack,
            worst(&self.root).as_secs_f64() * 1e3,
            worst(&self.user).as_secs_f64() * 1e3,
            worst(&self.login).as_secs_f64() * 1e3,
            self.root.len(),
            self.user.len(),
            self.login.len(),
            self.rss_kb as f64 / 1024.0,
            self.cpu.as_millis(),
            self.watched.as_secs_f64(),
            cpu_wait.as_secs_f64() * 1e3
        )
    }

    /// Every witness was served, often, each call within [`LIMIT`].
    pub fn assert_served(&self, d: &Daemon) {
        self.assert_served_but(d, &[]);
    }

    /// As [`Report::assert_served`], but the witnesses named in `unbounded` ("another user",
    /// …) need only be served, at any latency (the report still shows it).
    pub fn assert_served_but(&self, d: &Daemon, unbounded: &[&str]) {
        eprintln!("{}", self.line());
        // The daemon logs every time its loop ran late (crates/login/src/lag.rs).
        let late: Vec<String> = d
            .log()
            .lines()
            .filter(|l| l.contains("the event loop ran"))
            .map(str::to_string)
            .collect();
        if !late.is_empty() {
            eprintln!("  daemon since start: {} late ticks: {late:?}", late.len());
        }
        if let Some(path) = std::env::var_os("LINGER_ATTACK_REPORT") {
            use std::io::Write;
            if let Ok(mut f) = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(Path::new(&path))
            {
                let _ = writeln!(f, "{}", self.line());
            }
        }
        let mut bad = Vec::new();
        let mut all = vec![
            ("root", &self.root, LIMIT),
            ("another user", &self.user, LIMIT),
            ("another user's login", &self.login, LOGIN_LIMIT),
        ];
        all.extend(self.more.iter().map(|(who, s)| (who.as_str(), s, LIMIT)));
        for (who, samples, limit) in all {
            if samples.len() < 5 {
                bad.push(format!("{who}: only {} calls finished", samples.len()));
            }
            for s in samples {
                if let Some(e) = &s.error {
                    bad.push(format!("{who}: not served ({e}) after {:?}", s.took));
                } else if s.took > limit && !unbounded.contains(&who) {
                    bad.push(format!(
                        "{who}: answered after {:?} (and {:?} the witness waited for a CPU)",
                        s.took, s.cpu_wait
                    ));
                }
            }
        }
        bad.truncate(20);
        assert!(
            bad.is_empty(),
            "{}\n{}\n{}",
            self.line(),
            bad.join("\n"),
            d.report()
        );
    }
}
