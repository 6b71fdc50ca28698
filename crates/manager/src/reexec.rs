//! `daemon-reexec`: re-execute the manager binary (e.g. after an upgrade) without disturbing a
//! single service. The pid stays the same across `execve`, so every service remains our child;
//! what must be carried over is written to a 0600 file in the runtime directory, and the
//! listening socket and the services' output pipes stay open (FD_CLOEXEC cleared), together
//! with any partial line not yet logged, so no client and no log line is lost. Failed
//! services stay failed, with their result and last run.

use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use linger_engine::{
    CommandRun, ExecKind, ExitStatus, FailedSnapshot, ServiceResult, ServiceSnapshot, Timestamp,
    UnitStamps,
};
use linger_ipc::manager::LogLine;
use serde::{Deserialize, Serialize};

use crate::manager::Manager;

const VERSION: u32 = 1;

/// A running service (also the crash-recovery record's service part).
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct SavedService {
    pub(crate) unit: String,
    pub(crate) main_pid: Option<u32>,
    pub(crate) exited: bool,
    pub(crate) invocation_id: String,
    pub(crate) restarts: u32,
    pub(crate) status_text: Option<String>,
    pub(crate) main_start: Option<(u64, u64)>,
    pub(crate) active_enter: (u64, u64),
    /// No later than the start time (clock ticks since boot) of the invocation's first
    /// process, as the tracker knows it (0: unknown): the next manager's first scan reads
    /// the environment of no older process (tracker.rs).
    #[serde(default)]
    pub(crate) since: u64,
}

/// A failed service (also the crash-recovery record's failed part): what `status` says of its
/// last run. Exit statuses are `wait(2)` statuses, command lists their directive names.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct SavedFailed {
    pub(crate) unit: String,
    result: ServiceResult,
    invocation_id: String,
    restarts: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status_errno: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    main_pid: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    main_start: Option<(u64, u64)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    main_exit: Option<((u64, u64), i32)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    control_exit: Option<i32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    commands: Vec<SavedRun>,
    /// State change, active enter, active exit, inactive enter, inactive exit.
    stamps: [(u64, u64); 5],
}

/// One command's run of a failed start: list, position, pid, start, end (time, status).
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct SavedRun(String, usize, u32, (u64, u64), Option<((u64, u64), i32)>);

impl SavedFailed {
    /// What is saved of a failed service.
    pub(crate) fn of(unit: String, snap: FailedSnapshot, st: UnitStamps) -> Self {
        SavedFailed {
            unit,
            result: snap.result,
            invocation_id: snap.invocation_id,
            restarts: snap.restarts,
            status_text: snap.status_text,
            status_errno: snap.status_errno,
            main_pid: snap.last_main_pid,
            main_start: snap.main_start.map(ts),
            // The exit time goes with the exit (the engine sets both at once).
            main_exit: snap.main_exit.map(|e| {
                (
                    snap.main_exit_time.map(ts).unwrap_or_default(),
                    e.wait_status(),
                )
            }),
            control_exit: snap.control_exit.map(ExitStatus::wait_status),
            commands: snap
                .commands
                .into_iter()
                .map(|(kind, i, r)| {
                    SavedRun(
                        kind.directive().to_string(),
                        i,
                        r.pid,
                        ts(r.start),
                        r.exit.map(|(t, e)| (ts(t), e.wait_status())),
                    )
                })
                .collect(),
            stamps: [
                ts(st.state_change),
                ts(st.active_enter),
                ts(st.active_exit),
                ts(st.inactive_enter),
                ts(st.inactive_exit),
            ],
        }
    }

    /// Back as the engine takes it (a command of an unknown list is left out).
    fn snapshot(&self) -> (FailedSnapshot, UnitStamps) {
        let snap = FailedSnapshot {
            result: self.result,
            invocation_id: self.invocation_id.clone(),
            restarts: self.restarts,
            status_text: self.status_text.clone(),
            status_errno: self.status_errno,
            last_main_pid: self.main_pid,
            main_start: self.main_start.map(unts),
            main_exit: self.main_exit.map(|(_, e)| ExitStatus::from_wait_status(e)),
            main_exit_time: self.main_exit.map(|(t, _)| unts(t)),
            control_exit: self.control_exit.map(ExitStatus::from_wait_status),
            commands: self
                .commands
                .iter()
                .filter_map(|SavedRun(kind, i, pid, start, exit)| {
                    Some((
                        ExecKind::from_directive(kind)?,
                        *i,
                        CommandRun {
                            pid: *pid,
                            start: unts(*start),
                            exit: exit.map(|(t, e)| (unts(t), ExitStatus::from_wait_status(e))),
                        },
                    ))
                })
                .collect(),
        };
        let [
            state_change,
            active_enter,
            active_exit,
            inactive_enter,
            inactive_exit,
        ] = self.stamps.map(unts);
        let stamps = UnitStamps {
            state_change,
            active_enter,
            active_exit,
            inactive_enter,
            inactive_exit,
        };
        (snap, stamps)
    }
}

/// An output pipe; `fd` is what the fd provider of [`restore`] is asked for.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct SavedPipe {
    pub(crate) unit: String,
    pub(crate) pid: u32,
    pub(crate) identifier: String,
    pub(crate) level_prefix: bool,
    pub(crate) fd: i32,
    pub(crate) partial: Vec<u8>,
}

/// Everything handed from one manager image to the next.
#[derive(Debug, Serialize, Deserialize)]
pub struct Saved {
    pub(crate) version: u32,
    pub(crate) listen_fd: i32,
    pub(crate) environment: Vec<String>,
    pub(crate) services: Vec<SavedService>,
    /// Failed services, failed again in the next image.
    #[serde(default)]
    pub(crate) failed: Vec<SavedFailed>,
    pub(crate) pipes: Vec<SavedPipe>,
    pub(crate) logs: Vec<(String, Vec<LogLine>)>,
    /// Open socket units and their listening fds (kept across execve).
    #[serde(default)]
    pub(crate) sockets: Vec<(String, Vec<i32>)>,
    /// Timers that ran or run: last trigger (realtime, monotonic), and whether active.
    #[serde(default)]
    pub(crate) timers: Vec<(String, (u64, u64), bool)>,
    /// When the active timers were started (OnActiveSec= counts from there).
    #[serde(default)]
    pub(crate) timer_activations: Vec<(String, (u64, u64))>,
    /// When the manager first started (OnStartupSec= counts from there, not from the re-exec).
    #[serde(default)]
    pub(crate) startup: Option<(u64, u64)>,
    /// When the start-up jobs were done (`FinishTimestamp`): kept, not the new image's first
    /// empty queue, and `StartupFinished` is not sent again.
    #[serde(default)]
    pub(crate) finished: Option<(u64, u64)>,
    /// The front ends' listening sockets (name, fd), kept across execve ([`crate::FrontSockets`]).
    #[serde(default)]
    pub(crate) front_sockets: Vec<(String, i32)>,
}

impl Saved {
    /// The fds kept open across the execve: the services' output pipes, the socket units'
    /// listening fds, the control socket and the front ends' sockets.
    pub(crate) fn kept_fds(&self) -> Vec<i32> {
        let mut kept: Vec<i32> = self.pipes.iter().map(|p| p.fd).collect();
        kept.extend(self.sockets.iter().flat_map(|(_, fds)| fds.iter().copied()));
        kept.push(self.listen_fd);
        kept.extend(self.front_sockets.iter().map(|(_, fd)| *fd));
        kept
    }

    /// Close-on-exec again on every fd the previous image kept open for us, before this one
    /// starts any process: each is adopted later (the pipes and sockets only once the
    /// generators ran), and until then a generator would inherit them.
    /// (A number below 3 is never one of them: stdio stays as it is.)
    pub(crate) fn close_kept_fds_on_exec(&self) {
        let fds: Vec<i32> = self.kept_fds().into_iter().filter(|&fd| fd > 2).collect();
        restore_cloexec(&fds);
    }

    /// Nothing yet (crash recovery fills it from its records; there is no inherited socket).
    pub(crate) fn empty() -> Self {
        Saved {
            version: VERSION,
            listen_fd: -1,
            environment: Vec::new(),
            services: Vec::new(),
            failed: Vec::new(),
            pipes: Vec::new(),
            logs: Vec::new(),
            sockets: Vec::new(),
            timers: Vec::new(),
            timer_activations: Vec::new(),
            startup: None,
            finished: None,
            front_sockets: Vec::new(),
        }
    }
}

impl SavedService {
    /// What is saved of a running service.
    pub(crate) fn of(
        unit: String,
        snap: ServiceSnapshot,
        active_enter: Timestamp,
        since: Option<u64>,
    ) -> Self {
        SavedService {
            since: since.unwrap_or(0),
            unit,
            main_pid: snap.main_pid,
            exited: snap.exited,
            invocation_id: snap.invocation_id,
            restarts: snap.restarts,
            status_text: snap.status_text,
            main_start: snap.main_start.map(ts),
            active_enter: ts(active_enter),
        }
    }
}

/// A timestamp as saved: (realtime, monotonic) µs.
pub(crate) fn ts(t: Timestamp) -> (u64, u64) {
    (t.realtime, t.monotonic)
}

fn unts((realtime, monotonic): (u64, u64)) -> Timestamp {
    Timestamp {
        realtime,
        monotonic,
    }
}

/// Write the state file and exec ourselves. Returns only if that failed (then nothing changed
/// for the running manager but the state file, which is removed). The output pipes' readers
/// have given their pipes back ([`Manager::begin_reexec`]).
pub fn save_and_exec(
    s: &Manager,
    listener: &tokio::net::UnixListener,
    front_sockets: &[(String, OwnedFd)],
    exe: &Path,
    path: &Path,
    args: &[String],
) -> String {
    // No child may be mid-clone while fds lose their close-on-exec flag below (its copy of
    // our fd table would carry them into the service).
    s.engine.host().spawner.settle();
    let saved = {
        let services = s
            .engine
            .snapshot()
            .into_iter()
            .map(|(unit, snap)| {
                let enter = s.engine.active_enter(&unit);
                let since = s.engine.host().tracker.since_of(&unit);
                SavedService::of(unit, snap, enter, since)
            })
            .collect();
        let failed = s
            .engine
            .failed_snapshots()
            .into_iter()
            .map(|(unit, snap, stamps)| SavedFailed::of(unit, snap, stamps))
            .collect();
        let mut pipes = Vec::new();
        for p in s.pipes.values() {
            let Some(fd) = &p.handed_back else { continue };
            let Ok(fd) = linger_exec::keep_across_exec(fd) else {
                continue;
            };
            pipes.push(SavedPipe {
                unit: p.unit.clone(),
                pid: p.pid,
                identifier: p.identifier.clone(),
                level_prefix: p.level_prefix,
                fd,
                partial: p.pending.clone(),
            });
        }
        let listen_fd = match linger_exec::keep_across_exec(listener) {
            Ok(fd) => fd,
            Err(e) => {
                restore_cloexec(&pipes.iter().map(|p| p.fd).collect::<Vec<_>>());
                return format!("cannot keep the control socket open: {e}");
            }
        };
        // A front end's socket that cannot be kept is bound anew by the next image.
        let front_sockets = front_sockets
            .iter()
            .filter_map(|(name, fd)| Some((name.clone(), linger_exec::keep_across_exec(fd).ok()?)))
            .collect();
        let sockets = s.engine.host().sockets.keep_for_reexec();
        let timers = s
            .engine
            .units()
            .filter_map(|u| {
                let t = u.timer()?;
                let active = u.active_state().is_active_or_reloading();
                (active || t.last_trigger.realtime > 0)
                    .then(|| (u.config.id.clone(), ts(t.last_trigger), active))
            })
            .collect();
        let timer_activations = s
            .engine
            .units()
            .filter(|u| u.timer().is_some() && u.active_state().is_active_or_reloading())
            .map(|u| (u.config.id.clone(), ts(u.inactive_exit)))
            .collect();
        Saved {
            version: VERSION,
            listen_fd,
            sockets,
            timers,
            timer_activations,
            startup: Some(ts(s.engine.host().timers.startup)),
            finished: s.startup_finished.map(ts),
            front_sockets,
            environment: s.engine.host().environment.to_strings(),
            services,
            failed,
            pipes,
            logs: s
                .logs
                .all()
                .map(|(u, l)| (u.clone(), l.iter().cloned().collect()))
                .collect(),
        }
    };
    // On any failure below the re-exec does not happen: these fds must not leak into the
    // services started later, so close-on-exec is set again.
    let kept = saved.kept_fds();
    let text = match serde_json::to_vec(&saved) {
        Ok(t) => t,
        Err(e) => {
            restore_cloexec(&kept);
            return format!("cannot serialize state: {e}");
        }
    };
    {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(path)
            .and_then(|mut f| f.write_all(&text));
        if let Err(e) = written {
            restore_cloexec(&kept);
            return format!("cannot write {}: {e}", path.display());
        }
    }
    use std::os::unix::process::CommandExt;
    let err = std::process::Command::new(exe)
        .args(args)
        .arg("--deserialize")
        .arg(path)
        .exec();
    let _ = std::fs::remove_file(path);
    restore_cloexec(&kept);
    format!("cannot execute {}: {err}", exe.display())
}

fn restore_cloexec(fds: &[i32]) {
    for &fd in fds {
        linger_exec::set_cloexec(fd);
    }
}

/// Read (and remove) the state file written by the previous image.
pub fn load(path: &Path) -> Result<Saved, String> {
    let text = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let _ = std::fs::remove_file(path);
    let saved: Saved = serde_json::from_slice(&text)
        .map_err(|e| format!("malformed state file {}: {e}", path.display()))?;
    if saved.version != VERSION {
        return Err(format!(
            "state file version {} is not supported (expected {VERSION})",
            saved.version
        ));
    }
    Ok(saved)
}

/// The inherited listening socket.
pub fn listener(saved: &Saved) -> std::io::Result<std::os::unix::net::UnixListener> {
    let fd: OwnedFd = linger_exec::adopt_inherited_fd(saved.listen_fd)?;
    let l = std::os::unix::net::UnixListener::from(fd);
    l.set_nonblocking(true)?;
    Ok(l)
}

/// The front ends' inherited listening sockets (those no longer open are left out).
pub fn front_sockets(saved: &Saved) -> Vec<(String, OwnedFd)> {
    saved
        .front_sockets
        .iter()
        .filter_map(|(name, fd)| Some((name.clone(), linger_exec::adopt_inherited_fd(*fd).ok()?)))
        .collect()
}

/// Adopt services, environment, logs and output pipes; `take_fd` turns a saved fd number
/// into the open fd (inherited across exec, or handed back by the fd keeper).
pub fn restore(s: &mut Manager, saved: Saved, take_fd: &mut dyn FnMut(i32) -> Option<OwnedFd>) {
    {
        for kv in &saved.environment {
            if let Some((k, v)) = kv.split_once('=') {
                s.engine.host_mut().environment.set(k, v);
            }
        }
        for (unit, lines) in saved.logs {
            for l in lines {
                s.logs.push(&unit, l);
            }
        }
        for svc in &saved.services {
            let snap = ServiceSnapshot {
                main_pid: svc.main_pid,
                exited: svc.exited,
                invocation_id: svc.invocation_id.clone(),
                restarts: svc.restarts,
                status_text: svc.status_text.clone(),
                main_start: svc.main_start.map(unts),
            };
            if let Some(pid) = svc.main_pid {
                let host = s.engine.host_mut();
                let since = (svc.since > 0).then_some(svc.since);
                host.tracker
                    .adopted(&svc.unit, &svc.invocation_id, pid, since);
                // After a re-exec it is still our child (an adopted one has its pidfd already).
                if !s.adopted.contains(&svc.unit) {
                    host.pidfds.child(pid);
                }
            }
            s.engine.restore(&svc.unit, &snap, unts(svc.active_enter));
        }
        for f in &saved.failed {
            let (snap, stamps) = f.snapshot();
            s.engine.restore_failed(&f.unit, &snap, stamps);
        }
        // Sockets: adopt the open fds, then start the units, which find them open (a service
        // that was running with them stays the owner: the socket comes back as "running").
        for (unit, raw) in saved.sockets {
            let fds: Vec<OwnedFd> = raw.into_iter().filter_map(&mut *take_fd).collect();
            let id = s.engine.load(&unit);
            let cfg = match s.engine.unit(&id).map(|u| &u.config.kind) {
                Some(linger_unit::model::UnitKind::Socket(c)) => (**c).clone(),
                _ => continue,
            };
            if s.engine.host_mut().sockets.adopt(&id, &cfg, fds) {
                s.engine.host_mut().keep_sockets(&id);
                // Up again as it was: its ExecStartPre=/ExecStartPost= ran already.
                s.engine.restore_socket(&id);
                let _ = s.engine.enqueue(
                    linger_engine::JobType::Start,
                    &id,
                    linger_engine::JobMode::Replace,
                    false,
                );
            }
        }
        // Timers: waiting again as before, with their last trigger, so nothing runs twice.
        if let Some(t) = saved.startup {
            s.engine.host_mut().timers.startup = unts(t);
        }
        if let Some(t) = saved.finished {
            s.startup_finished = Some(unts(t));
        }
        for (unit, last, active) in saved.timers {
            let activated = saved
                .timer_activations
                .iter()
                .find(|(u, _)| *u == unit)
                .map_or(Timestamp::default(), |(_, t)| unts(*t));
            s.engine.restore_timer(&unit, unts(last), activated, active);
        }
        s.apply_effects();
    }
    for p in saved.pipes {
        let Some(fd) = take_fd(p.fd) else {
            continue;
        };
        s.read_pipe(
            crate::host::NewPipe {
                unit: p.unit,
                pid: p.pid,
                identifier: p.identifier,
                level_prefix: p.level_prefix,
                fd,
            },
            p.partial,
        );
    }
}

/// Where the state file goes.
pub fn state_path(runtime: &Path) -> PathBuf {
    runtime.join("reexec.json")
}
