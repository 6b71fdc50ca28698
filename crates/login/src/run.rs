//! The event loop: notify datagrams, SIGCHLD (reap everything), exits seen through pidfds,
//! finished worker jobs, cgroup emptiness events, timers, SIGHUP (reload) and SIGTERM/SIGINT
//! (orderly stop). Connections are accepted by a task of their own (`conns.rs`) and served
//! by one task each (`server.rs`), all on this thread.

use std::cell::RefCell;
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;
use std::time::Instant;

use rustix::process::{WaitOptions, WaitStatus};
use tokio::io::unix::AsyncFd;
use tokio::signal::unix::{SignalKind, signal};

use crate::config::LoginConfig;
use crate::limits::{self, Budget};
use crate::log;
use crate::pid1;
use crate::policy::Policy;
use crate::state::{Shared, State};
use crate::tracker::Tracker;

/// Run the login daemon until SIGTERM/SIGINT. Exit code 0 after a clean stop.
pub fn run(config: LoginConfig) -> ExitCode {
    pid1::ensure_std_fds();
    // A known umask, whatever the daemon inherited (an init may leave 0): a starting
    // manager's notify socket (notify_in::bind) is bound under it and must leave no write
    // access to others before its chmod/chown, and the state files are root's alone to write.
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o022));
    let blocked = pid1::unblock_loop_signals();
    if !blocked.is_empty() {
        log::warn(format!(
            "started with {} blocked; unblocked them",
            blocked.join(", ")
        ));
    }
    if !config.ignore_systemd && pid1::systemd_is_init(Path::new("/run/systemd/system")) {
        log::error(pid1::UNDER_SYSTEMD);
        log::flush(std::time::Duration::from_secs(1));
        return ExitCode::from(1);
    }
    if !rustix::process::geteuid().is_root() {
        log::warn("not running as root: user managers can only be started for this user");
    }
    if pid1::is_pid1() {
        log::info("running as PID 1: reaping orphans, SIGTERM/SIGINT stop everything in order");
    }
    let _ = rustix::process::set_child_subreaper(Some(rustix::process::getpid()));
    let (budget, note) = limits::raise_nofile();
    if let Some(n) = note {
        log::warn(n);
    }
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(crate::jobs::MAX_WORKERS)
        .thread_keep_alive(crate::jobs::WORKER_KEEP_ALIVE)
        .on_thread_start(crate::jobs::lower_worker_priority)
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            log::error(format!("cannot start the event loop: {e}"));
            return ExitCode::from(1);
        }
    };
    let local = tokio::task::LocalSet::new();
    let code = match local.block_on(&rt, main_loop(config, budget)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            log::error(e);
            ExitCode::from(1)
        }
    };
    // The last words reach the log (a stuck stderr gets a second, no more).
    log::flush(std::time::Duration::from_secs(1));
    code
}

fn mkdir(path: &Path) -> Result<(), String> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o755)
        .create(path)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))
}

/// Notify datagrams taken in a row before the loop looks at everything else: when anyone
/// could send them, a user who sent them as fast as they could kept job results, exits,
/// timers and SIGTERM waiting for ever — the datagrams came first, and never ran out (now
/// only a starting manager's user may, and each socket is read at most `notify_in::BUDGET`
/// a window).
const NOTIFY_STREAK: u32 = 32;

/// The shared socket's listen backlog.
const SHARED_BACKLOG: i32 = 64;

/// Fail if another login daemon answers on `path` (before anything of its is taken over).
fn refuse_if_answered(path: &Path) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        mkdir(dir)?;
    }
    if std::os::unix::net::UnixStream::connect(path).is_ok() {
        return Err(format!(
            "another login daemon answers on {}",
            path.display()
        ));
    }
    Ok(())
}

/// Listen on `path` with `mode` from its first moment (bound under the matching umask: a
/// client that sees the path can connect — or is refused — for good).
fn bind(path: &Path, mode: u32) -> Result<std::os::unix::net::UnixListener, String> {
    let _ = std::fs::remove_file(path);
    let old = rustix::process::umask(rustix::fs::Mode::from_raw_mode(!mode & 0o777));
    let l = std::os::unix::net::UnixListener::bind(path);
    rustix::process::umask(old);
    let l = l.map_err(|e| format!("cannot listen on {}: {e}", path.display()))?;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| format!("cannot chmod {}: {e}", path.display()))?;
    Ok(l)
}

/// The root socket handed to the event loop for `conns::accept_root`.
fn accepting(l: std::os::unix::net::UnixListener) -> Result<crate::conns::Listener, String> {
    l.set_nonblocking(true)
        .map_err(|e| e.to_string())
        .and_then(|()| crate::adopt::register(std::os::fd::OwnedFd::from(l)))
        .map_err(|e| format!("cannot watch the root socket: {e}"))
}

async fn main_loop(config: LoginConfig, budget: Budget) -> Result<bool, String> {
    let sig = |k| signal(k).map_err(|e| format!("cannot install signal handlers: {e}"));
    let mut sigchld = sig(SignalKind::child())?;
    let mut sigterm = sig(SignalKind::terminate())?;
    let mut sigint = sig(SignalKind::interrupt())?;
    let mut sighup = sig(SignalKind::hangup())?;
    mkdir(&config.state_dir)?;
    crate::jobs::start_workers().await;
    let root_socket = linger_ipc::login::root_socket(&config.socket);
    refuse_if_answered(&config.socket)?;
    refuse_if_answered(&root_socket)?;
    crate::notify_in::prepare_dir(&config.notify_dir())
        .map_err(|e| format!("cannot make {}: {e}", config.notify_dir().display()))?;
    let (tracker, note) = Tracker::open(config.cgroup_root.as_deref(), config.no_cgroups);
    log::info(note);
    let (policy, warnings) = Policy::load(&config.conf_file(), &config.conf_dropin_dir());
    for w in warnings {
        log::warn(w);
    }
    let journal_sockets = match &config.journal_sockets {
        Some(j) if rustix::process::geteuid().is_root() => crate::journal_route::start(
            j,
            &config.runtime_base,
            &config.config_dir.join("journald.conf"),
        ),
        _ => crate::journal_route::Taken::default(),
    };
    // The login sockets come last: a client that finds them finds everything else in place
    // (a test that waited for the socket once found the journal's stdout socket not yet
    // there, or not yet writable for users).
    let listener = bind(&config.socket, 0o666)?;
    // Anyone's connections queue in the shared socket's backlog, and a user who floods it
    // keeps it full: a newcomer waits behind all of it. A short one keeps that wait short
    // (a connect that finds it full waits to be woken, and the waiting are woken at each
    // accept); root's tools and the PAM module have the root socket.
    let _ = rustix::net::listen(&listener, SHARED_BACKLOG);
    let root_listener = bind(&root_socket, 0o600)?;
    let socket_path = config.socket.clone();
    let (state, mut inbox) = State::new(config, policy, tracker);
    let state: Shared = Rc::new(RefCell::new(state));
    let watch = state.borrow().tracker.watch_fd().and_then(watch_fd);
    let changed = state.borrow().changed.clone();
    state.borrow_mut().reattach();
    state.borrow_mut().start_lingering();
    reap(&state);
    let lag = tokio::task::spawn_local(crate::lag::watch());
    let counts = crate::conns::Counts::shared();
    let handed = crate::conns::accept_shared(listener)
        .map_err(|e| format!("cannot start accepting connections: {e}"))?;
    let acceptor = tokio::task::spawn_local(crate::conns::serve_shared(
        handed,
        state.clone(),
        budget,
        counts.clone(),
    ));
    let root_acceptor = tokio::task::spawn_local(crate::conns::accept_root(
        accepting(root_listener)?,
        state.clone(),
        budget,
        counts,
    ));
    let mut shutdown_deadline: Option<Instant> = None;
    let mut notified = 0;
    let clean = loop {
        let deadline = [state.borrow().next_deadline(), shutdown_deadline]
            .into_iter()
            .flatten()
            .min();
        let sleep = async {
            match deadline {
                Some(d) => tokio::time::sleep_until(d.into()).await,
                None => std::future::pending().await,
            }
        };
        let mut streak = false;
        tokio::select! {
            biased;
            // READY=1 before SIGCHLD: a manager that said ready and then died was ready.
            // Only so many in a row: anyone may send them.
            Some((uid, sender, data)) = inbox.notify.recv(), if notified < NOTIFY_STREAK => {
                notified += 1;
                streak = true;
                state.borrow_mut().on_notify(uid, sender, &data);
            }
            _ = sigchld.recv() => reap(&state),
            // Before timers and wake-ups: a stop is never kept waiting behind busy work.
            _ = sigterm.recv() => begin_stop(&state, &mut shutdown_deadline),
            _ = sigint.recv() => begin_stop(&state, &mut shutdown_deadline),
            Some(exit) = inbox.exits.recv() => state.borrow_mut().on_pidfd_exit(exit),
            Some(done) = inbox.done.recv() => done(&mut state.borrow_mut()),
            guard = async { match &watch { Some(w) => w.readable().await, None => std::future::pending().await } } => {
                if let Ok(mut g) = guard {
                    let empty = state.borrow_mut().tracker.drain_events();
                    g.clear_ready();
                    for unit in empty {
                        state.borrow_mut().on_empty(&unit);
                    }
                }
            }
            () = sleep => state.borrow_mut().fire_timers(),
            () = changed.notified() => {}
            _ = sighup.recv() => state.borrow_mut().reload(),
            // Nothing else was ready after a streak of datagrams: back to them.
            () = std::future::ready(()), if notified >= NOTIFY_STREAK => {}
        }
        if !streak {
            notified = 0;
        }
        if state.borrow().reap_missed {
            reap(&state);
        }
        if let Some(d) = shutdown_deadline {
            if state.borrow().all_done() {
                break true;
            }
            if Instant::now() >= d {
                log::error("user managers did not stop in time, killing them");
                state.borrow_mut().exiting = true;
                state.borrow_mut().kill_remaining();
                break false;
            }
        }
    };
    acceptor.abort();
    root_acceptor.abort();
    lag.abort();
    // From here on work runs right here: the loop is over.
    state.borrow_mut().exiting = true;
    // Users without sessions lose their runtime directories; the sockets go.
    let uids: Vec<u32> = state.borrow().users.keys().copied().collect();
    for uid in uids {
        state.borrow_mut().tidy_user(uid);
    }
    state.borrow_mut().store.flush();
    let _ = std::fs::remove_file(&socket_path);
    let _ = std::fs::remove_file(linger_ipc::login::root_socket(&socket_path));
    journal_sockets.release();
    log::info(if clean {
        "stopped"
    } else {
        "stopped (not cleanly)"
    });
    Ok(clean)
}

/// Poll the tracker's inotify fd through an owned duplicate (the registration must own what
/// it polls).
fn watch_fd(fd: std::os::fd::BorrowedFd<'_>) -> Option<AsyncFd<std::os::fd::OwnedFd>> {
    let owned = rustix::io::fcntl_dupfd_cloexec(fd, 3).ok()?;
    crate::adopt::register(owned).ok()
}

fn begin_stop(state: &Shared, deadline: &mut Option<Instant>) {
    if deadline.is_none() {
        log::info("stopping user managers");
        *deadline = Some(Instant::now() + pid1::SHUTDOWN_TIMEOUT);
        state.borrow_mut().begin_shutdown();
    }
}

/// Reap every exited child: user managers (fed to their machines) and adopted orphans. Not
/// while a manager is being forked on a worker (its pid must stay its own until its pidfd
/// and record are here): then once that fork is back.
fn reap(state: &Shared) {
    if state.borrow().forks_in_flight > 0 {
        state.borrow_mut().reap_missed = true;
        return;
    }
    state.borrow_mut().reap_missed = false;
    while let Ok(Some((pid, status))) = rustix::process::wait(WaitOptions::NOHANG) {
        let (code, sig) = convert(status);
        state
            .borrow_mut()
            .on_exit(pid.as_raw_nonzero().get() as u32, code, sig);
    }
}

fn convert(status: WaitStatus) -> (Option<i32>, Option<i32>) {
    match (status.exit_status(), status.terminating_signal()) {
        (Some(c), _) => (Some(c), None),
        (None, Some(s)) => (None, Some(s)),
        _ => (None, None),
    }
}
