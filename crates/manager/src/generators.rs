//! What systemd --user runs at start and at every daemon-reload, before it loads units:
//! the environment generators (systemd.environment-generator(7)) with environment.d(5), whose
//! output becomes the environment services get, then the unit generators
//! (systemd.generator(7): xdg-autostart, podman's quadlet…) writing into
//! `$XDG_RUNTIME_DIR/systemd/generator{.early,,.late}`, which the unit search path includes.
//!
//! Environment generators run one after the other in the order of their names, each seeing
//! what the earlier ones produced. environment.d is read by linger itself, at the place of
//! systemd's own `30-systemd-environment-d-generator` (which is therefore not run: it would
//! read the same files again). Unit generators run side by side. All of them together get
//! [`TIMEOUT`], as systemd gives them; one still running then is killed and named. At start
//! they run on a thread of their own while the manager already answers (startup.rs); at
//! daemon-reload on the loop's thread, as systemd does.
//!
//! Where they are looked for: the directories systemd uses (`/run`, `/etc`, `/usr/local/lib`,
//! `/usr/lib`) when the manager reads the machine's unit directories, or what
//! `$SYSTEMD_ENVIRONMENT_GENERATOR_PATH` / `$SYSTEMD_GENERATOR_PATH` say (systemd's variables:
//! colon-separated, a trailing colon appends the defaults).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use linger_exec::Environment;

use crate::config::ManagerConfig;

/// How long the generators of one kind may take together (systemd's default timeout).
pub const TIMEOUT: Duration = Duration::from_secs(90);

/// More output than this from an environment generator is not an environment.
const MAX_OUTPUT: usize = 1 << 20;

/// The name under which environment.d takes its turn among the environment generators.
const ENVIRONMENT_D: &str = "30-systemd-environment-d-generator";

/// A message for the manager's log: (priority, text).
pub type Message = (u8, String);

/// Run the environment generators (updating `env`), then the unit generators. Returns what
/// to log, and whether any unit generator ran (the unit index must be rebuilt).
pub fn run(config: &ManagerConfig, env: &mut Environment) -> (Vec<Message>, bool) {
    let mut log = Vec::new();
    run_environment_generators(config, env, &mut log);
    let ran = run_unit_generators(config, env, &mut log);
    (log, ran)
}

/// Whether there is any generator program to run (environment.d aside, which is read, not
/// run).
pub fn any(config: &ManagerConfig) -> bool {
    let env = search_dirs(
        config,
        "SYSTEMD_ENVIRONMENT_GENERATOR_PATH",
        "user-environment-generators",
    );
    let units = search_dirs(config, "SYSTEMD_GENERATOR_PATH", "user-generators");
    executables(&env)
        .into_iter()
        .any(|(name, path)| path.is_some() && name != ENVIRONMENT_D)
        || executables(&units).into_values().any(|p| p.is_some())
}

fn search_dirs(config: &ManagerConfig, var: &str, kind: &str) -> Vec<PathBuf> {
    let defaults: Vec<PathBuf> = if config.system_unit_dirs {
        [
            "/run/systemd",
            "/etc/systemd",
            "/usr/local/lib/systemd",
            "/usr/lib/systemd",
        ]
        .iter()
        .map(|d| Path::new(d).join(kind))
        .collect()
    } else {
        Vec::new()
    };
    match std::env::var(var).ok().filter(|v| !v.is_empty()) {
        Some(v) => {
            let mut dirs: Vec<PathBuf> = v
                .split(':')
                .filter(|s| !s.is_empty())
                .map(PathBuf::from)
                .collect();
            if v.ends_with(':') {
                dirs.extend(defaults);
            }
            dirs
        }
        None => defaults,
    }
}

/// Executables by name, a name in an earlier directory hiding later ones; masked ones (a
/// symlink to /dev/null, an empty file) are kept as `None` so they hide and do not run.
fn executables(dirs: &[PathBuf]) -> BTreeMap<String, Option<PathBuf>> {
    let mut found = BTreeMap::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if found.contains_key(&name) {
                continue;
            }
            let path = e.path();
            let masked = std::fs::read_link(&path).is_ok_and(|t| t == Path::new("/dev/null"))
                || std::fs::metadata(&path).is_ok_and(|m| m.len() == 0);
            let runnable = std::fs::metadata(&path).is_ok_and(|m| {
                use std::os::unix::fs::PermissionsExt;
                m.is_file() && m.permissions().mode() & 0o111 != 0
            });
            if masked {
                found.insert(name, None);
            } else if runnable {
                found.insert(name, Some(path));
            }
        }
    }
    found
}

fn command(path: &Path, env: &Environment) -> Command {
    let mut c = Command::new(path);
    c.env_clear()
        .envs(env.iter())
        .env("SYSTEMD_SCOPE", "user")
        .stdin(Stdio::null());
    c
}

fn run_environment_generators(
    config: &ManagerConfig,
    env: &mut Environment,
    log: &mut Vec<Message>,
) {
    let dirs = search_dirs(
        config,
        "SYSTEMD_ENVIRONMENT_GENERATOR_PATH",
        "user-environment-generators",
    );
    let mut generators = executables(&dirs);
    // environment.d runs at its place unless masked.
    if !generators.contains_key(ENVIRONMENT_D) || generators[ENVIRONMENT_D].is_some() {
        generators.insert(ENVIRONMENT_D.to_string(), Some(PathBuf::new()));
    }
    let deadline = Instant::now() + TIMEOUT;
    for (name, path) in generators {
        let Some(path) = path else { continue };
        if name == ENVIRONMENT_D {
            let d = linger_exec::environment_d::directories(
                &config.config_home,
                config.system_unit_dirs,
            );
            for w in linger_exec::environment_d::apply(&d, env) {
                log.push((4, w));
            }
            continue;
        }
        let output = command(&path, env)
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| e.to_string())
            .and_then(|child| collect(child, deadline));
        match output {
            Ok(text) => {
                let (vars, warnings) = linger_exec::parse_environment_file(&text);
                for (line, w) in warnings {
                    log.push((4, format!("{}: output line {line}: {w}", path.display())));
                }
                for (k, v) in vars {
                    env.set(&k, &v);
                }
            }
            Err(e) => log.push((4, format!("{}: {e}, ignoring its output.", path.display()))),
        }
    }
}

/// The three output directories, emptied for a new run.
fn fresh_output_dirs(config: &ManagerConfig) -> [PathBuf; 3] {
    let base = config.runtime_dir.join("systemd");
    let dirs = ["generator", "generator.early", "generator.late"].map(|d| base.join(d));
    for d in &dirs {
        let _ = std::fs::remove_dir_all(d);
    }
    dirs
}

fn run_unit_generators(config: &ManagerConfig, env: &Environment, log: &mut Vec<Message>) -> bool {
    let dirs = search_dirs(config, "SYSTEMD_GENERATOR_PATH", "user-generators");
    let generators: Vec<PathBuf> = executables(&dirs).into_values().flatten().collect();
    let out = fresh_output_dirs(config);
    if generators.is_empty() {
        return false;
    }
    for d in &out {
        let _ = std::fs::create_dir_all(d);
    }
    let deadline = Instant::now() + TIMEOUT;
    let children: Vec<(PathBuf, std::io::Result<Child>)> = generators
        .into_iter()
        .map(|g| {
            let child = command(&g, env).args(&out).stdout(Stdio::null()).spawn();
            (g, child)
        })
        .collect();
    for (g, child) in children {
        let result = child
            .map_err(|e| e.to_string())
            .and_then(|c| collect_exit(c, deadline));
        if let Err(e) = result {
            log.push((4, format!("{}: {e}", g.display())));
        }
    }
    true
}

fn remaining(deadline: Instant) -> Option<rustix::time::Timespec> {
    let left = deadline.saturating_duration_since(Instant::now());
    Some(rustix::time::Timespec {
        tv_sec: left.as_secs() as i64,
        tv_nsec: i64::from(left.subsec_nanos()),
    })
}

/// Read the child's stdout to its end, then wait for it; a child past the deadline or
/// writing too much is killed.
fn collect(mut child: Child, deadline: Instant) -> Result<String, String> {
    let mut out = Vec::new();
    let mut failure = None;
    if let Some(mut stdout) = child.stdout.take() {
        let mut buf = [0u8; 8192];
        loop {
            let mut fds = [rustix::event::PollFd::new(
                &stdout,
                rustix::event::PollFlags::IN,
            )];
            match rustix::event::poll(&mut fds, remaining(deadline).as_ref()) {
                Ok(0) => {
                    failure = Some(format!("timed out after {}s", TIMEOUT.as_secs()));
                    break;
                }
                Ok(_) | Err(rustix::io::Errno::INTR) => {}
                Err(e) => {
                    failure = Some(e.to_string());
                    break;
                }
            }
            match stdout.read(&mut buf) {
                Ok(0) => break,
                Ok(n) if out.len() + n > MAX_OUTPUT => {
                    failure = Some(format!("wrote more than {MAX_OUTPUT} bytes"));
                    break;
                }
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    failure = Some(e.to_string());
                    break;
                }
            }
        }
    }
    if let Some(f) = failure {
        // Not reaped yet, so the pid is still this child's.
        let _ = child.kill();
        let _ = child.wait();
        return Err(f);
    }
    collect_exit(child, deadline)?;
    String::from_utf8(out).map_err(|_| "wrote output that is not UTF-8".to_string())
}

/// Wait for the child until the deadline (its pidfd turns readable when it exits).
fn collect_exit(mut child: Child, deadline: Instant) -> Result<(), String> {
    let pid = rustix::process::Pid::from_raw(child.id() as i32);
    let exited =
        match pid.map(|p| rustix::process::pidfd_open(p, rustix::process::PidfdFlags::empty())) {
            Some(Ok(fd)) => loop {
                let mut fds = [rustix::event::PollFd::new(
                    &fd,
                    rustix::event::PollFlags::IN,
                )];
                match rustix::event::poll(&mut fds, remaining(deadline).as_ref()) {
                    Ok(0) => break false,
                    Err(rustix::io::Errno::INTR) => continue,
                    _ => break true,
                }
            },
            // No pidfd (old kernel): wait without a deadline.
            _ => true,
        };
    if !exited {
        let _ = child.kill();
        let _ = child.wait();
        return Err(format!("timed out after {}s, killed", TIMEOUT.as_secs()));
    }
    match child.wait() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(
            match (s.code(), std::os::unix::process::ExitStatusExt::signal(&s)) {
                (Some(c), _) => format!("failed with exit status {c}"),
                (_, Some(sig)) => format!("terminated by signal {sig}"),
                _ => format!("failed: {s}"),
            },
        ),
        Err(e) => Err(e.to_string()),
    }
}
