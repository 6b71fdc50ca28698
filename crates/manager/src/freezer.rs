//! `systemctl freeze` / `thaw`: a unit's processes stopped and resumed by the cgroup v2
//! freezer (linger_cgroup's freezer.rs). The kernel's files are the state (`FreezerState=` is
//! read from them); the answer to a request comes once the kernel reports it done, from a task
//! that watches the unit's `cgroup.events` — the event loop never waits.
//!
//! What the host keeps (which units a request froze, thawed before use) and the reads of the
//! kernel's state are in frozen.rs, below the host; this file is the call, above the manager.

use std::time::Duration;

use linger_cgroup::FreezerState;
use linger_engine::ActiveState;
use linger_ipc::manager::{self as wire, ErrorKind, ManagerError};

use crate::api::{Answer, ReplyTo};
use crate::frozen::{can_freeze, state};
use crate::manager::Manager;

/// How long a request waits for the kernel. Freezing waits for every process to reach a
/// stopping point; one stuck in uninterruptible sleep can hold it up. After this the request
/// fails, and `FreezerState=` still tells how far it got.
const SETTLE_WAIT: Duration = Duration::from_secs(30);

fn refused(unit: &str, message: String) -> ManagerError {
    ManagerError::new(ErrorKind::Refused, message).unit(unit)
}

/// Carry out a `Freezer` call; the answer goes to `reply` once the kernel has done it.
pub fn freezer(m: &mut Manager, p: &wire::FreezerRequest, reply: ReplyTo) {
    let answer = begin(m, p);
    match answer {
        Ok(None) => {
            let _ = reply.send(Ok(Answer::Done));
        }
        Ok(Some(events)) => {
            let unit = p.unit.clone();
            let want = p.freeze;
            let Some(fd) = watch(&events) else {
                let _ = reply.send(Err(ManagerError::new(
                    ErrorKind::Failed,
                    format!("Cannot watch {}.", events.display()),
                )));
                return;
            };
            tokio::spawn(async move {
                let done = tokio::time::timeout(SETTLE_WAIT, settled(fd, &events, want)).await;
                let _ = reply.send(match done {
                    Ok(true) => Ok(Answer::Done),
                    Ok(false) => Err(refused(
                        &unit,
                        format!("Unit {unit} stopped before the freezer operation finished."),
                    )),
                    Err(_) => Err(ManagerError::new(
                        ErrorKind::Failed,
                        format!(
                            "The kernel did not finish {} unit {unit} within {}s (see FreezerState=).",
                            if want { "freezing" } else { "thawing" },
                            SETTLE_WAIT.as_secs()
                        ),
                    )
                    .unit(&unit)),
                });
            });
        }
        Err(e) => {
            let _ = reply.send(Err(e));
        }
    }
}

/// Check the request and ask the kernel. Ok(None): done already; Ok(Some(events file)): the
/// kernel is at it, watch that file.
fn begin(
    m: &mut Manager,
    p: &wire::FreezerRequest,
) -> Result<Option<std::path::PathBuf>, ManagerError> {
    // Loaded if it is not, as `systemctl freeze`/`thaw` have systemd load it (they take a
    // reference on it first: RefUnit), and answered for its state; a unit loaded for this
    // goes again at the end of the turn (collect.rs). The D-Bus FreezeUnit/ThawUnit methods,
    // which do not load, look first (linger-dbus).
    let id = m.engine.load(&p.unit);
    if m.engine
        .unit(&id)
        .is_some_and(|u| u.config.load_state == linger_unit::model::LoadState::NotFound)
    {
        return Err(ManagerError::new(
            ErrorKind::NoSuchUnit,
            format!("Unit {} not found.", p.unit),
        )
        .unit(&p.unit));
    }
    let unit = m.engine.unit(&id).ok_or_else(|| {
        ManagerError::new(ErrorKind::NoSuchUnit, format!("Unit {id} not loaded.")).unit(&id)
    })?;
    let unit_type = unit.config.unit_type;
    let active = unit.active_state();
    let cgroups = &m.engine.host().cgroups;
    if !can_freeze(cgroups, unit_type) {
        let why = if cgroups.active() {
            String::new()
        } else {
            format!(" (no cgroups: {})", cgroups.reason)
        };
        return Err(refused(
            &id,
            format!("Unit '{id}' does not support freezing{why}."),
        ));
    }
    if m.engine.job_of(&id).is_some() {
        return Err(refused(&id, "Unit has a pending job.".into()));
    }
    if active != ActiveState::Active {
        return Err(refused(&id, "Unit is inactive.".into()));
    }
    let current = state(cgroups, &id);
    let target = if p.freeze {
        FreezerState::Frozen
    } else {
        FreezerState::Running
    };
    if current == target {
        return Ok(None);
    }
    if !current.is_settled() {
        return Err(refused(
            &id,
            format!("Previously requested freezer operation for unit '{id}' is still in progress."),
        ));
    }
    let Some(cg) = cgroups.unit_cgroups() else {
        return Err(refused(
            &id,
            format!("Unit '{id}' does not support freezing."),
        ));
    };
    let events = cg
        .events_file(&id)
        .map_err(|e| ManagerError::new(ErrorKind::Failed, e.to_string()).unit(&id))?;
    cg.set_frozen(&id, p.freeze)
        .map_err(|e| ManagerError::new(ErrorKind::Failed, e.to_string()).unit(&id))?;
    m.engine.host_mut().frozen.record(&id, p.freeze);
    let cgroups = &m.engine.host().cgroups;
    if state(cgroups, &id) == target {
        return Ok(None);
    }
    Ok(Some(events))
}

/// An inotify watch on `events`, registered with the event loop's reactor.
fn watch(events: &std::path::Path) -> Option<tokio::io::unix::AsyncFd<std::os::fd::OwnedFd>> {
    use rustix::fs::inotify;
    let fd = inotify::init(inotify::CreateFlags::CLOEXEC | inotify::CreateFlags::NONBLOCK).ok()?;
    inotify::add_watch(&fd, events, inotify::WatchFlags::MODIFY).ok()?;
    crate::readiness::register(fd)
}

/// Wait until the kernel reports frozen (`want`) or thawed; false if the cgroup went away or
/// someone asked the opposite meanwhile (a stop thaws).
async fn settled(
    fd: tokio::io::unix::AsyncFd<std::os::fd::OwnedFd>,
    events: &std::path::Path,
    want: bool,
) -> bool {
    let Some(dir) = events.parent() else {
        return false;
    };
    let fs = linger_cgroup::RealFs::system();
    let target = if want {
        FreezerState::Frozen
    } else {
        FreezerState::Running
    };
    let pending = if want {
        FreezerState::Freezing
    } else {
        FreezerState::Thawing
    };
    loop {
        // Read first: the kernel may have finished between the write and the watch.
        match linger_cgroup::freezer_state_at(&fs, dir) {
            Ok(s) if s == target => return true,
            Ok(s) if s == pending => {}
            _ => return false,
        }
        crate::readiness::readable(Some(&fd)).await;
        drain(&fd);
    }
}

/// Consume the pending inotify events (only their arrival matters).
fn drain(fd: &tokio::io::unix::AsyncFd<std::os::fd::OwnedFd>) {
    let mut buf = [std::mem::MaybeUninit::<u8>::uninit(); 1024];
    let mut reader = rustix::fs::inotify::Reader::new(fd.get_ref(), &mut buf);
    while reader.next().is_ok() {}
}
