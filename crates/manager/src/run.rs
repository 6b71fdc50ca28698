//! The event loop: SIGCHLD → reap, connections → serve, notify datagrams, output pipes, timers.

use std::cell::RefCell;
use std::os::fd::OwnedFd;
use std::process::ExitCode;
use std::rc::Rc;
use std::time::Duration;

use linger_engine::{Engine, ExitStatus, Host, JobMode, JobType, UnitInfo};
use rustix::process::{WaitOptions, WaitStatus};
use tokio::io::unix::AsyncFd;
use tokio::net::UnixListener;
use tokio::signal::unix::{SignalKind, signal};

use crate::config::ManagerConfig;
use crate::host::{NewPipe, RealHost};
use crate::source::SearchPathSource;
use crate::state::{ExitRequest, Shared, State};
use linger_ipc::notify::{MAX_LOG_DATAGRAM, NotifySocket};
use linger_journal::capture::{LineBatch, LineSplitter};

/// Why the manager could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// Another manager owns the socket.
    #[error("a user manager is already running for {user} (it answers on {socket})")]
    AlreadyRunning {
        /// User name.
        user: String,
        /// Socket path.
        socket: String,
    },
    /// Directory or socket setup failed.
    #[error("{what} {path}: {source}")]
    Io {
        /// What was attempted.
        what: &'static str,
        /// The path.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

fn io_err<'a>(
    what: &'static str,
    path: &'a std::path::Path,
) -> impl FnOnce(std::io::Error) -> StartError + 'a {
    move |source| StartError::Io {
        what,
        path: path.display().to_string(),
        source,
    }
}

/// Prepare directories and make sure no other manager is running.
fn prepare(config: &ManagerConfig) -> Result<(), StartError> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let dir = config.linger_runtime();
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .map_err(io_err("cannot create", &dir))?;
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))
        .map_err(io_err("cannot set permissions of", &dir))?;
    let sock = config.socket_path();
    if config.reexec_state.is_some() {
        // Our previous image still holds the socket open for us.
        return Ok(());
    }
    if std::os::unix::net::UnixStream::connect(&sock).is_ok() {
        return Err(StartError::AlreadyRunning {
            user: config.user.name.clone(),
            socket: sock.display().to_string(),
        });
    }
    let _ = std::fs::remove_file(&sock);
    Ok(())
}

/// Make sure fds 0–2 are open, so no socket or pipe of ours ever lands there.
fn ensure_std_fds() {
    for _ in 0..3 {
        match rustix::fs::open(
            "/dev/null",
            rustix::fs::OFlags::RDWR,
            rustix::fs::Mode::empty(),
        ) {
            Ok(fd) => {
                use std::os::fd::AsRawFd;
                if fd.as_raw_fd() > 2 {
                    break;
                }
                std::mem::forget(fd);
            }
            Err(_) => break,
        }
    }
}

/// Run the user manager until it is told to exit. `log_to_stderr` mirrors its messages.
pub fn run(config: ManagerConfig, log_to_stderr: bool) -> ExitCode {
    ensure_std_fds();
    if let Err(e) = prepare(&config) {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("linger: {e}");
        }
        return ExitCode::from(1);
    }
    let _ = rustix::process::set_child_subreaper(Some(rustix::process::getpid()));
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("linger: cannot start the event loop: {e}");
            }
            return ExitCode::from(1);
        }
    };
    let local = tokio::task::LocalSet::new();
    match local.block_on(&rt, main_loop(config, log_to_stderr)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("linger: {e}");
            }
            ExitCode::from(1)
        }
    }
}

fn build_state(config: &ManagerConfig, log_to_stderr: bool) -> State {
    let ctx = crate::source::load_context(config);
    let host = RealHost::new(config.clone());
    let mut state = State::new(Engine::new(host, SearchPathSource::new(ctx)), log_to_stderr);
    state.book =
        crate::recovery::Book::new(crate::recovery::records_path(&config.linger_runtime()));
    let mut jc = linger_journal::JournalConfig::new(config.journal_dir());
    let warnings = jc.load_conf(&config.journal_conf()).unwrap_or_default();
    let hostname = rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned();
    state.base_fields = vec![
        ("_UID".into(), config.user.uid.to_string().into_bytes()),
        ("_GID".into(), config.user.gid.to_string().into_bytes()),
        ("_HOSTNAME".into(), hostname.into_bytes()),
    ];
    match linger_journal::JournalWriter::spawn(jc) {
        Ok(w) => {
            let room = state.journal_room.clone();
            w.set_drain_hook(std::sync::Arc::new(move || room.notify_waiters()));
            state.journal = Some(w);
        }
        Err(e) => state.record(
            "linger",
            4,
            "linger",
            std::process::id(),
            format!("Journal disabled: {e}"),
        ),
    }
    for w in warnings {
        state.record(
            "linger",
            4,
            "linger",
            std::process::id(),
            format!(
                "{}:{}: {}",
                config.journal_conf().display(),
                w.line,
                w.message
            ),
        );
    }
    state
}

async fn main_loop(config: ManagerConfig, log_to_stderr: bool) -> Result<(), StartError> {
    let sock_path = config.socket_path();
    let saved = config
        .reexec_state
        .as_deref()
        .and_then(|p| match crate::reexec::load(p) {
            Ok(s) => Some(s),
            Err(e) => {
                #[allow(clippy::print_stderr)]
                {
                    eprintln!("linger: daemon-reexec: {e}; starting fresh");
                }
                None
            }
        });
    let inherited = saved
        .as_ref()
        .and_then(|s| crate::reexec::listener(s).ok())
        .and_then(|l| UnixListener::from_std(l).ok());
    let listener = match inherited {
        Some(l) => l,
        None => {
            let _ = std::fs::remove_file(&sock_path);
            UnixListener::bind(&sock_path).map_err(io_err("cannot listen on", &sock_path))?
        }
    };
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&sock_path, std::fs::Permissions::from_mode(0o600));
    }
    let notify_path = config.notify_path();
    let notify = NotifySocket::bind(&notify_path)
        .map_err(io_err("cannot bind notify socket", &notify_path))?;
    let journal_dir = config.linger_runtime().join("journal");
    let _ = std::fs::create_dir_all(&journal_dir);
    let native_path = journal_dir.join("socket");
    let syslog_path = journal_dir.join("dev-log");
    let native = NotifySocket::bind_sized(&native_path, MAX_LOG_DATAGRAM, 0o666)
        .map_err(io_err("cannot bind journal socket", &native_path))?;
    let syslog = NotifySocket::bind_sized(&syslog_path, MAX_LOG_DATAGRAM, 0o666)
        .map_err(io_err("cannot bind syslog socket", &syslog_path))?;
    let sig = |k| {
        signal(k).map_err(io_err(
            "cannot install signal handler for",
            std::path::Path::new("SIGCHLD"),
        ))
    };
    let mut sigchld = sig(SignalKind::child())?;
    let mut sigterm = sig(SignalKind::terminate())?;
    let mut sigint = sig(SignalKind::interrupt())?;
    let mut sighup = sig(SignalKind::hangup())?;
    let own_uid = rustix::process::getuid().as_raw();
    let state: Shared = Rc::new(RefCell::new(build_state(&config, log_to_stderr)));
    let (watcher, mut socket_events) = crate::watcher::Watcher::spawn().map_err(io_err(
        "cannot start the socket watcher thread",
        std::path::Path::new("socket-watch"),
    ))?;
    state
        .borrow_mut()
        .engine
        .host_mut()
        .sockets
        .set_watcher(watcher);
    // Without it (no timerfd/inotify) calendar timers still run; they just do not notice
    // clock jumps until their next elapse.
    let mut clock_events = crate::clock::spawn().ok();
    crate::recovery::recover(&state, saved.is_some());
    if let Some(saved) = saved {
        crate::reexec::restore(&state, saved, &mut |fd| {
            linger_exec::adopt_inherited_fd(fd).ok()
        });
    }
    {
        let mut s = state.borrow_mut();
        let default = config.default_unit.clone();
        if let Err(e) = s
            .engine
            .enqueue(JobType::Start, &default, JobMode::Replace, false)
        {
            s.record(
                &default,
                3,
                "linger",
                std::process::id(),
                format!("Failed to start default target: {e}"),
            );
        }
        s.apply_effects();
    }
    wake_pipes(&state);
    reap(&state);
    tell_supervisor_ready();
    let connections = Rc::new(std::cell::Cell::new(0usize));
    let timer_changed = state.borrow().timer_changed.clone();
    let cgroup_events = cgroup_events_fd(&state);
    loop {
        let deadline = state.borrow().next_deadline();
        let sleep_for = deadline.map(|d| {
            let now = state.borrow().engine.monotonic_now();
            Duration::from_micros(d.saturating_sub(now))
        });
        tokio::select! {
            // Notify datagrams before SIGCHLD: a READY=1 sent just before exiting must count.
            biased;
            msg = notify.recv() => {
                if let Ok(m) = msg {
                    let mut s = state.borrow_mut();
                    let unit = s.engine.unit_of_pid(m.pid).map(str::to_string).or_else(|| s.engine.host().tracker.unit_of(m.pid));
                    if let Some(u) = unit {
                        s.engine.on_notify(&u, m.pid, &m.fields);
                        s.apply_effects();
                    }
                }
            }
            () = async { match sleep_for { Some(d) => tokio::time::sleep(d).await, None => std::future::pending().await } } => {
                state.borrow_mut().fire_due_timers();
            }
            _ = sigchld.recv() => reap(&state),
            () = cgroup_event(cgroup_events.as_ref()) => state.borrow_mut().on_cgroup_events(),
            Some(unit) = socket_events.recv() => crate::socket_events::on_socket_event(&state, &unit),
            Some(ev) = async {
                match clock_events.as_mut() {
                    Some(rx) => rx.recv().await,
                    None => std::future::pending().await,
                }
            } => {
                let mut s = state.borrow_mut();
                s.engine.on_clock_change(ev == crate::clock::ClockEvent::Timezone);
                s.apply_effects();
            }
            accepted = listener.accept() => {
                if let Ok((stream, _)) = accepted
                    && connections.get() < crate::server::MAX_CONNECTIONS {
                        connections.set(connections.get() + 1);
                        let st = state.clone();
                        let c = connections.clone();
                        tokio::task::spawn_local(async move {
                            crate::server::serve(st, stream, own_uid).await;
                            c.set(c.get() - 1);
                        });
                    }
            }
            msg = native.recv_raw() => {
                if let Ok((pid, data)) = msg
                    && let Ok(fields) = linger_journal::capture::native::parse_datagram(&data) {
                        state.borrow_mut().log_datagram(pid, fields, "journal");
                    }
            }
            msg = syslog.recv_raw() => {
                if let Ok((pid, data)) = msg {
                    let fields = linger_journal::capture::syslog::parse(&data).to_fields();
                    state.borrow_mut().log_datagram(pid, fields, "syslog");
                }
            }
            () = timer_changed.notified() => {}
            _ = sighup.recv() => {
                let mut s = state.borrow_mut();
                s.engine.source_mut().rescan();
                s.engine.daemon_reload();
                s.apply_effects();
            }
            _ = sigterm.recv() => state.borrow_mut().exit = Some(ExitRequest::Shutdown),
            _ = sigint.recv() => state.borrow_mut().exit = Some(ExitRequest::Shutdown),
        }
        crate::recovery::drain_adopted_exits(&mut state.borrow_mut());
        wake_pipes(&state);
        crate::recovery::persist(&mut state.borrow_mut());
        let exit = state.borrow().exit;
        if let Some(req) = exit {
            match req {
                ExitRequest::Shutdown => {
                    shutdown(&state, &mut sigchld, cgroup_events.as_ref()).await;
                    crate::recovery::forget(&mut state.borrow_mut());
                    let _ = std::fs::remove_file(&sock_path);
                    let _ = std::fs::remove_file(&notify_path);
                    return Ok(());
                }
                ExitRequest::Reexec => {
                    let path = crate::reexec::state_path(&config.linger_runtime());
                    let err = crate::reexec::save_and_exec(
                        &state,
                        &listener,
                        &config.exe,
                        &path,
                        &config.args,
                    );
                    // Only reached when the exec failed: keep running as we are.
                    let mut s = state.borrow_mut();
                    s.exit = None;
                    s.record(
                        "linger",
                        3,
                        "linger",
                        std::process::id(),
                        format!("daemon-reexec failed: {err}"),
                    );
                }
            }
        }
    }
}

/// Stop every unit (jobs in dependency order), bounded by the units' own stop timeouts.
async fn shutdown(
    state: &Shared,
    sigchld: &mut tokio::signal::unix::Signal,
    cgroup_events: Option<&AsyncFd<OwnedFd>>,
) {
    {
        let mut s = state.borrow_mut();
        let active: Vec<String> = s
            .engine
            .units()
            .filter(|u| !u.active_state().is_inactive_or_failed())
            .map(|u| u.config.id.clone())
            .collect();
        for id in active {
            let _ = s
                .engine
                .enqueue(JobType::Stop, &id, JobMode::Replace, false);
        }
        s.apply_effects();
    }
    loop {
        if state.borrow().engine.jobs().is_empty() {
            return;
        }
        let deadline = state.borrow().next_deadline();
        let sleep_for = deadline.map(|d| {
            Duration::from_micros(d.saturating_sub(state.borrow().engine.monotonic_now()))
        });
        let woken = state.borrow().timer_changed.clone();
        tokio::select! {
            _ = sigchld.recv() => reap(state),
            () = cgroup_event(cgroup_events) => state.borrow_mut().on_cgroup_events(),
            () = async { match sleep_for { Some(d) => tokio::time::sleep(d).await, None => std::future::pending().await } } => {
                state.borrow_mut().fire_due_timers();
            }
            // Adopted processes' exits (pidfds) arrive this way.
            () = woken.notified() => {}
        }
        crate::recovery::drain_adopted_exits(&mut state.borrow_mut());
    }
}

/// The cgroup inotify fd (a duplicate: readiness is shared with the original, which the
/// cgroup layer reads), registered with the event loop; None without cgroups.
fn cgroup_events_fd(state: &Shared) -> Option<AsyncFd<OwnedFd>> {
    let s = state.borrow();
    let fd = s.engine.host().cgroups.watch_fd()?;
    let dup = rustix::io::fcntl_dupfd_cloexec(fd, 3).ok()?;
    register(dup)
}

/// The registration owns the fd it polls, which is the I/O-safety condition behind
/// `AsyncFd::new`'s deprecation (in favour of an `unsafe` constructor this crate avoids).
#[allow(deprecated)]
pub(crate) fn register(fd: OwnedFd) -> Option<AsyncFd<OwnedFd>> {
    AsyncFd::with_interest(fd, tokio::io::Interest::READABLE).ok()
}

/// Resolves when cgroup events are pending (never without cgroups).
async fn cgroup_event(fd: Option<&AsyncFd<OwnedFd>>) {
    match fd {
        Some(a) => {
            if let Ok(mut g) = a.readable().await {
                g.clear_ready();
            }
        }
        None => std::future::pending().await,
    }
}

/// Reap every exited child (ours and re-parented orphans) and hand the exits to the engine.
fn reap(state: &Shared) {
    let mut exits = Vec::new();
    // wait() is waitpid(-1): every child, whatever its process group (services run in
    // sessions of their own; waitpid(0) would miss them).
    while let Ok(Some((pid, status))) = rustix::process::wait(WaitOptions::NOHANG) {
        exits.push((pid.as_raw_nonzero().get() as u32, convert(status)));
    }
    if exits.is_empty() {
        // Still re-check emptiness: a process may have vanished without being our child.
        state.borrow_mut().check_empty();
        state.borrow_mut().apply_effects();
        return;
    }
    state.borrow_mut().on_reaped(&exits);
}

fn convert(status: WaitStatus) -> ExitStatus {
    let raw = status.as_raw();
    if let Some(code) = status.exit_status() {
        ExitStatus::Exited(code)
    } else if let Some(sig) = status.terminating_signal() {
        if raw & 0x80 != 0 {
            ExitStatus::Dumped(sig)
        } else {
            ExitStatus::Killed(sig)
        }
    } else {
        ExitStatus::Exited(0)
    }
}

/// Start reader tasks for output pipes created by recent spawns.
pub fn wake_pipes(state: &Shared) {
    let pipes = state.borrow_mut().take_new_pipes();
    for p in pipes {
        watch_pipe(state, p, Vec::new());
    }
}

thread_local! {
    static READ_BUF: RefCell<Vec<u8>> = RefCell::new(vec![0u8; 64 * 1024]);
}

/// Read a service's output pipe into its log, starting with an inherited partial line.
pub fn watch_pipe(state: &Shared, p: NewPipe, partial: Vec<u8>) {
    let Ok(rx) = tokio::net::unix::pipe::Receiver::from_owned_fd(p.fd) else {
        return;
    };
    let rx = Rc::new(rx);
    let buf = Rc::new(RefCell::new(
        LineSplitter::new()
            .level_prefix(p.level_prefix)
            .with_pending(partial),
    ));
    let id = {
        let mut s = state.borrow_mut();
        s.next_pipe += 1;
        let id = s.next_pipe;
        s.pipes.insert(
            id,
            crate::state::PipeRecord {
                unit: p.unit.clone(),
                pid: p.pid,
                identifier: p.identifier.clone(),
                level_prefix: p.level_prefix,
                fd: rx.clone(),
                buf: buf.clone(),
            },
        );
        crate::recovery::keep_pipe(&mut s, &p.unit, id, std::os::fd::AsFd::as_fd(&*rx));
        id
    };
    let stream = {
        let s = state.borrow();
        s.journal.as_ref().map(|j| {
            let invocation = s
                .engine
                .unit(&p.unit)
                .and_then(|u| u.service().map(|x| x.invocation_id.clone()))
                .unwrap_or_default();
            let mut fields: Vec<(String, Vec<u8>)> = vec![
                ("_TRANSPORT".into(), b"stdout".to_vec()),
                ("_PID".into(), p.pid.to_string().into_bytes()),
                ("_COMM".into(), p.identifier.clone().into_bytes()),
                (
                    "SYSLOG_IDENTIFIER".into(),
                    p.identifier.clone().into_bytes(),
                ),
                ("_SYSTEMD_USER_UNIT".into(), p.unit.clone().into_bytes()),
                ("_SYSTEMD_INVOCATION_ID".into(), invocation.into_bytes()),
            ];
            fields.extend(s.base_fields.iter().cloned());
            (j.submitter(), j.stream(fields))
        })
    };
    let st = state.clone();
    tokio::task::spawn_local(async move {
        let (unit, pid, identifier) = (p.unit, p.pid, p.identifier);
        let stream = stream;
        loop {
            if rx.readable().await.is_err() {
                break;
            }
            // One read buffer for all pipes: reads never overlap on this single thread, and
            // a buffer per service would cost 64 KiB × services of memory. The lines of one
            // read go to the journal as one batch with one timestamp.
            let mut batch = LineBatch::new();
            let read = READ_BUF.with_borrow_mut(|chunk| match rx.try_read(chunk) {
                Ok(0) => Ok(false),
                Ok(n) => {
                    buf.borrow_mut().feed_batch(&chunk[..n], &mut batch);
                    Ok(true)
                }
                Err(e) => Err(e),
            });
            match read {
                Ok(false) => break,
                Ok(true) => emit(&st, &unit, pid, &identifier, stream.as_ref(), batch).await,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
                Err(_) => break,
            }
        }
        let mut batch = LineBatch::new();
        buf.borrow_mut().finish(&mut |l| batch.push(l));
        emit(&st, &unit, pid, &identifier, stream.as_ref(), batch).await;
        let mut s = st.borrow_mut();
        s.pipes.remove(&id);
        crate::recovery::release_pipe(&mut s, &unit, id);
    });
}

/// Log the complete lines of one read of a service: into the journal with back-pressure, and
/// into the in-memory tail. When the writer's queue is full this task waits until the writer
/// thread says it drained a batch — it stops reading its pipe meanwhile, so the service blocks
/// on a full pipe, as under journald — and no line is dropped. Only if the writer makes no
/// progress for 2 s are the lines counted as dropped (and reported by the journal).
async fn emit(
    state: &Shared,
    unit: &str,
    pid: u32,
    identifier: &str,
    journal: Option<&(linger_journal::Submitter, linger_journal::Stream)>,
    batch: LineBatch,
) {
    if batch.is_empty() {
        return;
    }
    // Only the lines the tail keeps are copied into it.
    let tail: Vec<(u8, String)> = batch
        .iter()
        .skip(batch.len().saturating_sub(crate::logs::PER_UNIT))
        .map(|l| (l.priority, String::from_utf8_lossy(l.message).into_owned()))
        .collect();
    if let Some((sub, stream)) = journal {
        let room = state.borrow().journal_room.clone();
        let mut batch = batch;
        loop {
            // Register before retrying, so a drain between the two is not missed.
            let drained = room.notified();
            tokio::pin!(drained);
            drained.as_mut().enable();
            match sub.try_submit_batch(stream, batch) {
                Ok(()) => break,
                Err(back) => batch = back,
            }
            if tokio::time::timeout(std::time::Duration::from_secs(2), drained)
                .await
                .is_err()
            {
                sub.submit_batch(stream, batch);
                break;
            }
        }
    }
    let mut s = state.borrow_mut();
    let realtime = s.engine.host().now().realtime;
    for (priority, message) in tail {
        s.logs.push(
            unit,
            linger_ipc::manager::LogLine {
                realtime,
                identifier: identifier.to_string(),
                pid,
                priority,
                message,
            },
        );
    }
}

/// `UnitFileState=` of a loaded unit.
pub fn unit_file_state(state: &State, u: &UnitInfo) -> String {
    crate::source::unit_file_state(&state.engine.source_ref().ctx, &u.config)
}

/// Whoever started us with `$NOTIFY_SOCKET` (the login daemon, as systemd does for
/// `user@.service`, which is `Type=notify`) learns that the control socket accepts commands.
/// Best effort: a supervisor that went away must not stop the manager.
fn tell_supervisor_ready() {
    let Some(path) = std::env::var_os("NOTIFY_SOCKET") else {
        return;
    };
    if let Ok(sock) = std::os::unix::net::UnixDatagram::unbound() {
        let msg = format!("READY=1\nMAINPID={}\n", std::process::id());
        let _ = sock.send_to(msg.as_bytes(), std::path::Path::new(&path));
    }
}
