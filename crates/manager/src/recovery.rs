//! Crash recovery: a manager killed with SIGKILL (or by the OOM killer, or a bug) leaves its
//! services running. The next manager re-adopts them instead of starting duplicates or
//! leaving orphans — which systemd cannot do for its own user manager.
//!
//! What makes it possible:
//! - a record per unit in `$XDG_RUNTIME_DIR/linger/recovery.log` (`recovery_log.rs`), written
//!   again in the turn of the event loop in which the engine touched that unit (main pid and
//!   its start time, invocation id, restart count, output pipes, listening sockets, timer
//!   state, a socket's place on its way up, a failed service's last run), so it is current at
//!   every crash;
//! - the fd keeper (`keeper.rs`), which still holds the services' output pipes and the socket
//!   units' listening sockets;
//! - the cgroups: what runs in a unit's cgroup belongs to it, whoever started it.
//!
//! A main pid is adopted only if `/proc/PID/stat` still shows the start time it had (a pid the
//! kernel reused for another program is not ours). Adopted processes are no longer our
//! children: their exit is seen through a pidfd, with its status read from `/proc` while it
//! is a zombie or from the pidfd once reaped (Linux ≥ 6.15; where neither tells, it counts as
//! a clean exit and the journal says so), and their cgroup's emptiness through
//! `cgroup.events`. A socket unit caught in `start-pre`/`start-post` goes on from there: its
//! running command adopted the same way, none of its commands run twice. Output lines the
//! journal wrote just before the crash leave their pipes, those it did not stay to be read
//! again (the keeper's intents, settled here before any pipe is read). Populated unit cgroups
//! that no record claims are killed before anything starts. A clean exit removes the records
//! and ends the keeper.
//!
//! One pass over the records: each main pid's pidfd opened and its start time checked once
//! (its uid read through the pidfd), the fds taken from the keeper and put back in a few
//! batches, and the start times just checked kept for the first records written.

use std::collections::{BTreeSet, HashMap};
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use linger_engine::{ExitStatus, JobMode, JobType};
use serde::{Deserialize, Serialize};

use crate::event::Event;
use crate::keeper::{pipe_key, socket_key};
use crate::manager::Manager;
use crate::recovery_log as store;
use crate::reexec::{Saved, SavedFailed, SavedPipe, SavedService, ts};

/// Where the records are.
pub fn records_path(linger_runtime: &Path) -> PathBuf {
    linger_runtime.join("recovery.log")
}

/// The manager's own record's key (unit names never start with a dot).
const MANAGER_KEY: &str = ".manager";

/// What is written down about one unit.
#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
struct UnitRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    service: Option<SavedService>,
    /// A failed service's last run (it comes back failed, as it was).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    failed: Option<SavedFailed>,
    /// `/proc/PID/stat` start time of the main pid, in clock ticks since boot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    main_pid_start: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pipes: Vec<PipeMeta>,
    /// Number of listening sockets the keeper holds for this socket unit.
    #[serde(default)]
    sockets: usize,
    /// Timer: last trigger, activation time, whether active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    timer: Option<TimerRecord>,
    /// A running scope (its processes are in its cgroup).
    #[serde(default)]
    scope: bool,
    /// A start, stop or restart in progress (or an automatic restart pending), to be done
    /// again by the next manager: `start`, `stop`, `restart`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    job: Option<String>,
    /// A socket unit on its way up with a start command list running.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    midway: Option<MidwayRecord>,
}

/// A socket unit half way up: its state (`start-pre`, `start-post`), how many commands of
/// that list had started, and the running one's pid with its start time.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct MidwayRecord {
    state: String,
    started: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    control: Option<(u32, u64)>,
}

/// Realtime and monotonic µs.
type Stamp = (u64, u64);

/// A timer's last trigger, when it was activated, and whether it is active.
type TimerRecord = (Stamp, Stamp, bool);

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct PipeMeta {
    id: u64,
    pid: u32,
    identifier: String,
    level_prefix: bool,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
struct ManagerRecord {
    pid: u32,
    /// Its keys' prefix in the keeper.
    #[serde(default)]
    generation: String,
    startup: (u64, u64),
    environment: Vec<String>,
}

/// The start time of `pid` (field 22 of `/proc/PID/stat`), None if it does not exist.
pub fn proc_start_time(pid: u32) -> Option<u64> {
    // Bytes: the command name is cut at 15 bytes, possibly inside a UTF-8 character.
    // One open and one read into a stack buffer (the line is a few hundred bytes):
    // std::fs::read adds a statx and probe reads (/proc reports size 0) — 8 syscalls a
    // started service instead of 3.
    let mut buf = [0u8; 1024];
    let mut f = std::fs::File::open(format!("/proc/{pid}/stat")).ok()?;
    let n = std::io::Read::read(&mut f, &mut buf).ok()?;
    let stat = &buf[..n];
    // The command name may hold spaces and parentheses: fields resume after the last ')'.
    let rest = std::str::from_utf8(&stat[stat.iter().rposition(|&b| b == b')')? + 1..]).ok()?;
    // After it come fields 3 (state), 4, …: the start time is the 20th of those.
    let mut fields = rest.split_whitespace();
    if fields.next()? == "Z" {
        return None; // a zombie is gone, only not yet reaped
    }
    fields.nth(18)?.parse().ok()
}

/// The exit status of `pid` while it is a zombie that started at `start` (field 52 of
/// `/proc/PID/stat`, `wait(2)` format): what its parent will read when it reaps it.
fn zombie_exit_status(pid: u32, start: u64) -> Option<i32> {
    let stat = std::fs::read(format!("/proc/{pid}/stat")).ok()?;
    let rest = std::str::from_utf8(&stat[stat.iter().rposition(|&b| b == b')')? + 1..]).ok()?;
    // Fields 3, 4, …: the state is the 1st of those, the start time the 20th, the exit code
    // the 50th.
    let f: Vec<&str> = rest.split_whitespace().collect();
    (*f.first()? == "Z" && f.get(19)?.parse::<u64>().ok()? == start)
        .then(|| f.get(49)?.parse().ok())
        .flatten()
}

/// A pidfd for `pid` if it is still the process that started at `start`: opened first and
/// the start time checked after, so the pid cannot be reused in between. `Err(())`: gone (or
/// another process now); `Ok(None)`: the same process, but this kernel has no pidfds.
fn reopen(pid: u32, start: Option<u64>) -> Result<Option<OwnedFd>, ()> {
    let p = rustix::process::Pid::from_raw(pid as i32).ok_or(())?;
    let fd = match rustix::process::pidfd_open(p, rustix::process::PidfdFlags::empty()) {
        Ok(fd) => Some(fd),
        Err(rustix::io::Errno::SRCH) => return Err(()),
        Err(_) => None,
    };
    match (proc_start_time(pid), start) {
        (Some(now), Some(then)) if now == then => Ok(fd),
        _ => Err(()),
    }
}

/// Output pipes by unit (one pass over all pipes per turn, not one per touched unit).
fn pipes_by_unit(s: &Manager) -> HashMap<String, Vec<PipeMeta>> {
    let mut out: HashMap<String, Vec<PipeMeta>> = HashMap::new();
    for (id, p) in &s.pipes {
        out.entry(p.unit.clone()).or_default().push(PipeMeta {
            id: *id,
            pid: p.pid,
            identifier: p.identifier.clone(),
            level_prefix: p.level_prefix,
        });
    }
    out
}

fn record(s: &Manager, unit: &str, pipes: Option<Vec<PipeMeta>>) -> UnitRecord {
    let Some(u) = s.engine.unit(unit) else {
        return UnitRecord::default();
    };
    let active = !u.active_state().is_inactive_or_failed();
    let service = u.service().and_then(|svc| svc.snapshot()).map(|snap| {
        let since = s.engine.host().tracker.since_of(unit);
        SavedService::of(unit.to_string(), snap, s.engine.active_enter(unit), since)
    });
    // A pid's start time never changes: known at its spawn, or read from /proc once.
    let main_pid_start = service.as_ref().and_then(|x| x.main_pid).and_then(|pid| {
        match s.recovery.starts.get(unit) {
            Some(&(p, t)) if p == pid => Some(t),
            _ => s
                .engine
                .host()
                .start_ticks
                .get(&pid)
                .copied()
                .or_else(|| proc_start_time(pid)),
        }
    });
    let mut pipes = pipes.unwrap_or_default();
    pipes.sort_by_key(|p| p.id);
    let sockets = if active && u.socket().is_some() {
        s.engine.host().sockets.listening_fds(unit).len()
    } else {
        0
    };
    let timer = u.timer().and_then(|t| {
        let active = u.active_state().is_active_or_reloading();
        (active || t.last_trigger.realtime > 0)
            .then(|| (ts(t.last_trigger), ts(u.inactive_exit), active))
    });
    let job = match s.engine.job_of(unit).map(|(_, t, _)| t) {
        Some(t @ (JobType::Start | JobType::Stop | JobType::Restart)) => Some(t.as_str()),
        _ if u.sub_state().as_str() == "auto-restart" => Some("start"),
        _ => None,
    };
    let midway = s.engine.socket_midway(unit).map(|m| MidwayRecord {
        state: m.state.as_str().to_string(),
        started: m.started,
        control: m.control.and_then(|pid| Some((pid, proc_start_time(pid)?))),
    });
    let failed = s
        .engine
        .failed_snapshot(unit)
        .map(|(snap, stamps)| SavedFailed::of(unit.to_string(), snap, stamps));
    UnitRecord {
        service,
        failed,
        main_pid_start,
        pipes,
        sockets,
        timer,
        scope: active && u.scope().is_some(),
        job: job.map(str::to_string),
        midway,
    }
}

fn parse<T: serde::de::DeserializeOwned>(data: &[u8]) -> Option<T> {
    serde_json::from_slice(data).ok()
}

/// Write down every unit the engine `touched` this turn (and the manager's own record when
/// it changed). Called once per turn of the event loop.
pub fn persist(s: &mut Manager, touched: &BTreeSet<String>) {
    // The keeper holds what the records name before they are written (the turn's puts).
    if let Err(e) = s.engine.host_mut().keeper.flush() {
        s.record("linger", 4, "linger", std::process::id(), e);
    }
    let mut touched = touched.clone();
    if s.recovery.store.needs_rewrite() {
        // A write failed (a full runtime directory): once it works again, everything is
        // written anew into a fresh log, so no record stays stale or torn.
        s.recovery.store.restart();
        s.recovery.manager = None;
        touched.extend(s.engine.units().map(|u| u.config.id.clone()));
    }
    let host = s.engine.host();
    let manager_changed =
        s.recovery.manager.as_ref().is_none_or(|(env, startup)| {
            *env != host.environment || *startup != host.timers.startup
        });
    if touched.is_empty() && !manager_changed {
        return;
    }
    let mut changes = Vec::new();
    if manager_changed {
        let manager = ManagerRecord {
            pid: std::process::id(),
            generation: host.keeper.generation().to_string(),
            startup: ts(host.timers.startup),
            environment: host.environment.to_strings(),
        };
        changes.push((
            MANAGER_KEY.to_string(),
            serde_json::to_vec(&manager).unwrap_or_default(),
        ));
        s.recovery.manager = Some((host.environment.clone(), host.timers.startup));
    }
    let mut by_unit = pipes_by_unit(s);
    for unit in touched {
        let r = record(s, &unit, by_unit.remove(&unit));
        match (
            r.service.as_ref().and_then(|x| x.main_pid),
            r.main_pid_start,
        ) {
            (Some(pid), Some(t)) => {
                // Kept here from now on.
                s.engine.host_mut().start_ticks.remove(&pid);
                s.recovery.starts.insert(unit.clone(), (pid, t))
            }
            _ => s.recovery.starts.remove(&unit),
        };
        let data = if r == UnitRecord::default() {
            store::NONE.to_vec()
        } else {
            serde_json::to_vec(&r).unwrap_or_else(|_| store::NONE.to_vec())
        };
        changes.push((unit, data));
    }
    let result = s.recovery.store.write(changes);
    if result.is_ok() && !s.recovery.taken.is_empty() {
        // Our own records and copies are in place: the predecessor's copies can go.
        let taken = std::mem::take(&mut s.recovery.taken);
        let _ = s.engine.host_mut().keeper.del_many(taken);
    }
    match result {
        Ok(()) => s.recovery.failed = false,
        Err(e) if !s.recovery.failed => {
            s.recovery.failed = true;
            s.record(
                "linger",
                4,
                "linger",
                std::process::id(),
                format!(
                    "Cannot write the crash-recovery state in {}: {e}; after a crash of this manager, services started meanwhile may not be re-adopted",
                    s.recovery.path.display()
                ),
            );
        }
        Err(_) => {}
    }
}

/// A clean exit: nothing is left to recover.
pub fn forget(s: &mut Manager) {
    s.recovery.store.remove();
    s.engine.host_mut().keeper.quit();
}

/// Every record the log at `path` holds (the log is removed: what is re-adopted is written
/// again). A record that does not parse is skipped: its unit's cgroup is then a leftover.
fn load(path: &Path) -> (Option<ManagerRecord>, Vec<(String, UnitRecord)>) {
    decode(store::take(path))
}

/// The manager's and the units' records among a log's live records (one that does not parse
/// is skipped).
fn decode(records: HashMap<String, Vec<u8>>) -> (Option<ManagerRecord>, Vec<(String, UnitRecord)>) {
    let mut manager = None;
    let mut units = Vec::new();
    for (key, data) in records {
        if key == MANAGER_KEY {
            manager = parse(&data);
        } else if let Some(r) = parse::<UnitRecord>(&data) {
            units.push((key, r));
        }
    }
    (manager, units)
}

/// At start: take the keeper's fds back and, unless this is a `daemon-reexec` (whose state
/// came with the exec), re-adopt what a crashed predecessor left running.
pub fn recover(s: &mut Manager, reexec: bool) {
    let taken = s.engine.host_mut().keeper.take_over();
    let crate::keeper::Taken {
        fds: taken,
        intents,
    } = match taken {
        Ok(t) => t,
        Err(e) => {
            s.record("linger", 4, "linger", std::process::id(), e);
            crate::keeper::Taken::default()
        }
    };
    // The predecessor's last journal writes of output lines: their bytes leave the pipes
    // if the lines are in the journal, and stay to be read again if not — before any reader
    // looks at the pipes. So no line is lost or written twice across the crash.
    for i in &intents {
        let written = crate::keeper::settle(i);
        if let Err(e) = s.engine.host_mut().keeper.resolve(&i.key, written) {
            s.record("linger", 4, "linger", std::process::id(), e);
        }
    }
    // Whatever happens below, the predecessor's copies go once our records are written.
    s.recovery.taken = taken.iter().map(|(k, _)| k.clone()).collect();
    if reexec {
        return; // the fds came along with the exec; the keeper's copies are dropped here
    }
    let path = s.recovery.path.clone();
    let (manager, records) = load(&path);
    if records.is_empty() && manager.is_none() {
        kill_leftovers(s);
        return;
    }
    let mut fds: HashMap<String, OwnedFd> = taken.into_iter().collect();
    let generation = manager
        .as_ref()
        .map(|m| m.generation.clone())
        .unwrap_or_default();
    let mut table: Vec<Option<OwnedFd>> = Vec::new();
    let mut slot = |fd: OwnedFd| {
        table.push(Some(fd));
        (table.len() - 1) as i32
    };
    let mut saved = Saved::empty();
    if let Some(m) = &manager {
        saved.environment = m.environment.clone();
        saved.startup = Some(m.startup);
    }
    let mut adopted = Vec::new();
    let mut requeue = Vec::new();
    let mut relisten = Vec::new();
    let mut pidfds = Vec::new();
    let mut gone = Vec::new();
    let mut scopes = Vec::new();
    let mut halfway = Vec::new();
    // The recorded units' files are read on two threads, and meanwhile each main pid's
    // pidfd is opened and its start time checked.
    let names: Vec<String> = records.iter().map(|(unit, _)| unit.clone()).collect();
    let mut reopened: HashMap<String, Result<Option<OwnedFd>, ()>> =
        s.engine.source_mut().preload(&names, || {
            records
                .iter()
                .filter_map(|(unit, r)| {
                    let pid = r.service.as_ref()?.main_pid?;
                    Some((unit.clone(), reopen(pid, r.main_pid_start)))
                })
                .collect()
        });
    for (unit, r) in records {
        if let Some(mut svc) = r.service {
            if let Some(pid) = svc.main_pid {
                match reopened.remove(&unit).unwrap_or(Err(())) {
                    Ok(pidfd) => {
                        adopted.push((unit.clone(), pid));
                        pidfds.push((unit.clone(), pid, r.main_pid_start, pidfd));
                    }
                    Err(()) => gone.push((unit.clone(), pid)),
                }
            }
            svc.unit.clone_from(&unit);
            saved.services.push(svc);
        }
        if let Some(mut f) = r.failed {
            f.unit.clone_from(&unit);
            saved.failed.push(f);
        }
        for p in r.pipes {
            if let Some(fd) = fds.remove(&pipe_key(&generation, p.id)) {
                saved.pipes.push(SavedPipe {
                    unit: unit.clone(),
                    pid: p.pid,
                    identifier: p.identifier,
                    level_prefix: p.level_prefix,
                    fd: slot(fd),
                    partial: Vec::new(),
                });
            }
        }
        let socket_fds: Vec<OwnedFd> = (0..r.sockets)
            .filter_map(|i| fds.remove(&socket_key(&generation, &unit, i)))
            .collect();
        let complete = socket_fds.len() == r.sockets;
        if let Some(m) = r
            .midway
            .as_ref()
            .and_then(|m| midway(m, r.sockets, complete))
        {
            // Half way up: it goes on from there (below), its sockets held again if open.
            let control = m.control.zip(r.midway.as_ref().and_then(|x| x.control));
            let control = control.and_then(|(pid, (_, start))| {
                reopen(pid, Some(start)).ok().map(|fd| (pid, start, fd))
            });
            halfway.push((unit.clone(), m, socket_fds, control));
        } else if r.sockets > 0 {
            if complete {
                let slots = socket_fds.into_iter().map(&mut slot).collect();
                saved.sockets.push((unit.clone(), slots));
            } else {
                // The keeper is gone (or lost them): the unit listens again, on new sockets.
                relisten.push(unit.clone());
            }
        }
        if let Some((last, activated, active)) = r.timer {
            saved.timers.push((unit.clone(), last, active));
            saved.timer_activations.push((unit.clone(), activated));
        }
        let job = match r.job.as_deref() {
            Some("start") => Some(JobType::Start),
            Some("stop") => Some(JobType::Stop),
            Some("restart") => Some(JobType::Restart),
            _ => None,
        };
        if let Some(j) = job {
            requeue.push((unit.clone(), j));
        }
        if r.scope {
            scopes.push(unit);
        }
    }
    // Units come back with their cgroups known, before anything asks about them.
    for (unit, _) in adopted.iter().chain(&gone) {
        adopt_cgroup(s, unit);
    }
    for unit in &scopes {
        adopt_cgroup(s, unit);
    }
    // The records are the user's to write: a main pid is taken only if it is a process of
    // this manager's user inside the unit's cgroup. Any other (a forged record naming a root
    // process, say) is not the unit's: the unit comes back without it.
    let mut refused = Vec::new();
    let own = rustix::process::getuid().as_raw();
    pidfds.retain(
        |(unit, pid, _, fd)| match adoptable(s, own, unit, *pid, fd.as_ref()) {
            Ok(()) => true,
            Err(why) => {
                refused.push((unit.clone(), *pid, why));
                false
            }
        },
    );
    adopted.retain(|(unit, pid)| !refused.iter().any(|(u, p, _)| u == unit && p == pid));
    for (unit, pid, why) in &refused {
        s.record(
            unit,
            4,
            "linger",
            std::process::id(),
            format!("Not adopting process {pid} as the main process of {unit}: {why}."),
        );
        if let Some(svc) = saved
            .services
            .iter_mut()
            .find(|x| x.unit == *unit && x.main_pid == Some(*pid))
        {
            svc.main_pid = None;
            svc.main_start = None;
        }
    }
    // Their start times were checked just now: the records written next need not read them
    // from /proc again.
    for (unit, pid, start, _) in &pidfds {
        if let Some(t) = start {
            s.recovery.starts.insert(unit.clone(), (*pid, *t));
        }
    }
    // What their main processes left behind is not our child either.
    s.adopted
        .extend(adopted.iter().chain(&gone).map(|(u, _)| u.clone()));
    crate::reexec::restore(s, saved, &mut |i| {
        table.get_mut(i as usize).and_then(Option::take)
    });
    for unit in &relisten {
        let _ = s
            .engine
            .enqueue(JobType::Start, unit, JobMode::Replace, false);
    }
    for (unit, m, socket_fds, control) in halfway {
        resume_socket(s, &unit, m, socket_fds, control);
    }
    for unit in &scopes {
        if s.engine.host().cgroups.is_empty(unit) == Some(false) {
            let _ = s.engine.start_scope(unit);
        }
    }
    let n = adopted.len();
    for (unit, pid) in gone {
        s.record(
            &unit,
            4,
            "linger",
            std::process::id(),
            format!(
                "Main process {pid} exited while the manager was down; its exit status is unknown, counting it as a clean exit."
            ),
        );
        s.on_reaped(&[(pid, ExitStatus::Exited(0))]);
    }
    // What was in progress at the crash is asked for again (a stop that was under way, an
    // automatic restart that was pending).
    for (unit, job) in requeue {
        let _ = s.engine.enqueue(job, &unit, JobMode::Replace, false);
    }
    let previous = manager.map_or(String::new(), |m| format!(" of manager {}", m.pid));
    s.record(
        "linger",
        5,
        "linger",
        std::process::id(),
        format!("Recovered after a crash{previous}: re-adopted {n} running service(s)."),
    );
    s.apply_effects();
    for (unit, pid, start, pidfd) in pidfds {
        // One fd for signalling and for seeing the exit (no copy per adopted process).
        let pidfd = pidfd.map(std::sync::Arc::new);
        if let Some(fd) = &pidfd {
            s.engine.host_mut().pidfds.adopted(pid, fd.clone());
        }
        watch_adopted_pid(s, unit, pid, start, pidfd);
    }
    kill_leftovers(s);
}

/// Whether `pid`, named by `unit`'s record, may be adopted: a process of our own user, and
/// (with cgroups) in the unit's cgroup.
/// `own`: this manager's uid.
fn adoptable(
    s: &Manager,
    own: u32,
    unit: &str,
    pid: u32,
    pidfd: Option<&OwnedFd>,
) -> Result<(), String> {
    // Through the pidfd already open (no /proc file read), where the kernel tells.
    let uid = pidfd
        .and_then(|fd| linger_exec::pidfd::real_uid(std::os::fd::AsFd::as_fd(fd)))
        .or_else(|| linger_ipc::process_uid(pid));
    match uid {
        Some(uid) if uid == own => {}
        Some(uid) => {
            return Err(format!(
                "it belongs to uid {uid}, not to this manager's user"
            ));
        }
        None => return Err("it is gone".into()),
    }
    let cgroups = &s.engine.host().cgroups;
    if cgroups.active() && !cgroups.pids(unit).is_some_and(|p| p.contains(&pid)) {
        return Err("it is not in the unit's cgroup".into());
    }
    Ok(())
}

/// A socket's half-way record as the engine takes it: None if it does not make sense (an
/// unknown state; open in `start-post` but its sockets were lost: it starts again).
fn midway(m: &MidwayRecord, sockets: usize, complete: bool) -> Option<linger_engine::SocketMidway> {
    use linger_engine::SocketState;
    let state = match m.state.as_str() {
        "start-pre" => SocketState::StartPre,
        "start-post" if sockets > 0 && complete => SocketState::StartPost,
        _ => return None,
    };
    Some(linger_engine::SocketMidway {
        state,
        started: m.started,
        control: m.control.map(|(pid, _)| pid),
    })
}

/// A socket unit caught half way up by the crash goes on from there: its listening fds (if it
/// had opened them) taken back, its running command adopted (if it still runs, as its own
/// user's process in the unit's cgroup), the commands after it run — none run twice.
fn resume_socket(
    s: &mut Manager,
    unit: &str,
    m: linger_engine::SocketMidway,
    fds: Vec<OwnedFd>,
    control: Option<(u32, u64, Option<OwnedFd>)>,
) {
    let id = s.engine.load(unit);
    let cfg = match s.engine.unit(&id).map(|u| &u.config.kind) {
        Some(linger_unit::model::UnitKind::Socket(c)) => (**c).clone(),
        _ => return,
    };
    adopt_cgroup(s, &id);
    if !fds.is_empty() {
        if !s.engine.host_mut().sockets.adopt(&id, &cfg, fds) {
            return;
        }
        s.engine.host_mut().keep_sockets(&id);
    }
    let own = rustix::process::getuid().as_raw();
    let control = control.filter(
        |(pid, _, fd)| match adoptable(s, own, &id, *pid, fd.as_ref()) {
            Ok(()) => true,
            Err(why) => {
                s.record(
                    &id,
                    4,
                    "linger",
                    std::process::id(),
                    format!("Not adopting process {pid} as the control process of {id}: {why}."),
                );
                false
            }
        },
    );
    s.engine.resume_socket(&id, m, control.is_some());
    if let Some((pid, start, pidfd)) = control {
        s.adopted.insert(id.clone());
        let pidfd = pidfd.map(std::sync::Arc::new);
        if let Some(fd) = &pidfd {
            s.engine.host_mut().pidfds.adopted(pid, fd.clone());
        }
        watch_adopted_pid(s, id, pid, Some(start), pidfd);
    }
}

/// Register a unit's existing cgroup (its limits written again) without moving anything.
fn adopt_cgroup(s: &mut Manager, unit: &str) {
    let id = s.engine.load(unit);
    let cfg = s.engine.unit(&id).and_then(|u| match &u.config.kind {
        linger_unit::model::UnitKind::Service(c) | linger_unit::model::UnitKind::Scope(c) => {
            Some((c.slice.clone(), c.resource_control.clone()))
        }
        linger_unit::model::UnitKind::Socket(c) => Some((
            c.processes.slice.clone(),
            c.processes.resource_control.clone(),
        )),
        _ => None,
    });
    let Some((slice, directives)) = cfg else {
        return;
    };
    if let Err(e) = s
        .engine
        .host_mut()
        .cgroups
        .prepare(&id, slice.as_deref(), &directives)
    {
        s.record(&id, 4, "linger", std::process::id(), e);
    }
}

/// An adopted main pid is not our child: a pidfd says when it exits.
fn watch_adopted_pid(
    s: &mut Manager,
    unit: String,
    pid: u32,
    start: Option<u64>,
    pidfd: Option<std::sync::Arc<OwnedFd>>,
) {
    let Some(fd) = pidfd else {
        // Without pidfds (Linux < 5.3) nothing tells when a process that is not our child ends.
        s.record(
            &unit,
            4,
            "linger",
            std::process::id(),
            format!("Cannot watch adopted main process {pid}: this kernel has no pidfds; stop the unit to end it."),
        );
        return;
    };
    let Ok(fd) = crate::readiness::register_shared(fd) else {
        return;
    };
    let events = s.events.clone();
    tokio::task::spawn_local(async move {
        let _ = fd.readable().await;
        // Not our child, but its status can be had: the pidfd reports readable only once the
        // process has exited (its exit state is set), so it is a zombie — whose status /proc
        // shows — until its new parent reaps it, and then the pidfd holds the status (Linux ≥
        // 6.15). On older kernels a process reaped before we look has no status to read.
        let status = linger_exec::pidfd::exit_status(std::os::fd::AsFd::as_fd(fd.get_ref()))
            .or_else(|| start.and_then(|t| zombie_exit_status(pid, t)))
            .or_else(|| linger_exec::pidfd::exit_status(std::os::fd::AsFd::as_fd(fd.get_ref())));
        // Handed to the event loop, which takes all exits of a turn as one batch (as it
        // reaps children): a stop of hundreds of adopted services is one pass, not hundreds.
        let _ = events.send(Event::AdoptedExit { unit, pid, status });
    });
}

/// Read a crash-recovery log's content as a starting manager does (the fuzz target's entry
/// point: any bytes must be taken without a panic). Returns how many unit records it holds
/// and whether the manager's own record was there.
pub fn read_log(data: &[u8]) -> (usize, bool) {
    let (manager, units) = decode(store::parse(data));
    (units.len(), manager.is_some())
}

/// The adopted main processes that exited since the last turn of the event loop.
pub fn drain_adopted_exits(s: &mut Manager) {
    if s.adopted_exits.is_empty() {
        return;
    }
    let mut exits = Vec::new();
    for (unit, pid, status) in std::mem::take(&mut s.adopted_exits) {
        // Only if it is still this unit's main process (a restart may have replaced it), or
        // its socket's control process.
        let still_main = s
            .engine
            .unit(&unit)
            .and_then(|u| u.service())
            .and_then(|svc| svc.snapshot())
            .and_then(|snap| snap.main_pid)
            == Some(pid);
        let control = s
            .engine
            .unit(&unit)
            .and_then(|u| u.socket())
            .and_then(|x| x.control)
            == Some(pid);
        if !still_main && !control {
            continue;
        }
        match status {
            Some(st) => exits.push((pid, ExitStatus::from_wait_status(st))),
            None => {
                s.record(
                    &unit,
                    6,
                    "linger",
                    std::process::id(),
                    format!("{} process {pid} (adopted after a manager restart) exited; this kernel does not tell its exit status (Linux 6.15 does): counting it as a clean exit.", if control { "Control" } else { "Main" }),
                );
                exits.push((pid, ExitStatus::Exited(0)));
            }
        }
    }
    if !exits.is_empty() {
        s.on_reaped(&exits);
    }
}

/// Kill what runs in unit cgroups no unit claims: left by a manager that crashed before it
/// wrote them down (or whose records were lost). Their units start afresh, if wanted.
fn kill_leftovers(s: &mut Manager) {
    let claimed: std::collections::HashSet<String> = s
        .engine
        .units()
        .filter(|u| !u.active_state().is_inactive_or_failed())
        .map(|u| u.config.id.clone())
        .collect();
    let killed = s
        .engine
        .host_mut()
        .cgroups
        .kill_leftovers(&|unit| claimed.contains(unit));
    for (unit, n) in killed {
        s.record(
            &unit,
            4,
            "linger",
            std::process::id(),
            format!(
                "Killed {n} process(es) a previous manager left in {unit} without a record of them."
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_time_is_ours_and_stable() {
        let me = std::process::id();
        let a = proc_start_time(me).expect("our own start time");
        assert_eq!(proc_start_time(me), Some(a));
        let mut child = std::process::Command::new("sleep")
            .arg("5")
            .spawn()
            .unwrap();
        let b = proc_start_time(child.id()).unwrap();
        assert!(b >= a, "a child starts after us");
        child.kill().unwrap();
        child.wait().unwrap();
        assert_eq!(proc_start_time(child.id()), None);
    }

    #[test]
    fn a_zombies_exit_status_is_read_from_proc() {
        // A child of ours, not reaped yet: a zombie, as an adopted process is until its new
        // parent reaps it.
        let mut child = std::process::Command::new("/bin/sh")
            .args(["-c", "read x; exit 6"])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let pid = child.id();
        let start = proc_start_time(pid).expect("running");
        drop(child.stdin.take());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let mut got = None;
        while got.is_none() && std::time::Instant::now() < deadline {
            got = zombie_exit_status(pid, start);
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(got, Some(6 << 8));
        assert_eq!(
            zombie_exit_status(pid, start + 1),
            None,
            "another process's"
        );
        let mut child = child;
        child.wait().unwrap();
    }

    #[test]
    fn records_round_trip_and_fds_are_keyed_apart() {
        let r = UnitRecord {
            main_pid_start: Some(7),
            pipes: vec![PipeMeta {
                id: 3,
                pid: 9,
                identifier: "web".into(),
                level_prefix: true,
            }],
            sockets: 2,
            timer: Some(((1, 2), (3, 4), true)),
            ..UnitRecord::default()
        };
        let text = serde_json::to_vec(&r).unwrap();
        assert_eq!(serde_json::from_slice::<UnitRecord>(&text).unwrap(), r);
        assert_ne!(
            socket_key("g", "a.socket", 1),
            socket_key("g", "a.socket", 0)
        );
        assert_ne!(pipe_key("g", 1), socket_key("g", "1", 0));
        assert_ne!(
            pipe_key("g1", 1),
            pipe_key("g2", 1),
            "a successor's keys are its own"
        );
    }
}
