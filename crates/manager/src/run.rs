//! The event loop, the top of the manager: it sets up every source (SIGCHLD and the other
//! signals, the control socket, the notify and journal sockets, socket units' readiness, the
//! cgroup inotify fd, clock changes, the earliest timer, and the queue that tasks and front
//! ends submit to), owns the one [`Manager`], turns whatever is ready into an [`Event`] for
//! `Manager::handle`, and ends each turn with `Manager::end_turn`.

use std::process::ExitCode;
use std::time::Duration;

use linger_engine::{Engine, ExitStatus, JobMode, JobType};
use rustix::process::{WaitOptions, WaitStatus};
use tokio::net::UnixListener;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;

use crate::api::Requests;
use crate::config::ManagerConfig;
use crate::event::Event;
use crate::front_sockets::FrontSockets;
use crate::host::RealHost;
use crate::manager::{ExitRequest, Manager};
use crate::readiness::readable;
use crate::source::SearchPathSource;
use linger_ipc::notify::{MAX_LOG_DATAGRAM, NotifyMessage, NotifySocket, Sender};

/// Events taken in one turn at most, beyond the first: queued calls and adopted exits are
/// handled as a batch (one pass over the units), without starving the other sources.
const TURN_BATCH: usize = 256;

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
    run_with(config, log_to_stderr, |_, _| {})
}

/// [`run`], with more front ends: `front_ends` is called once on the manager's thread, when the
/// manager is up, with a handle to submit requests and subscribe to changes, and the listening
/// sockets kept across a re-exec ([`FrontSockets`]); it may spawn local tasks
/// (`tokio::task::spawn_local`) that use them (the D-Bus front end does).
pub fn run_with(
    config: ManagerConfig,
    log_to_stderr: bool,
    front_ends: impl FnOnce(Requests, &mut FrontSockets) + 'static,
) -> ExitCode {
    ensure_std_fds();
    if let Err(e) = prepare(&config) {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("linger: {e}");
        }
        return ExitCode::from(1);
    }
    let _ = rustix::process::set_child_subreaper(Some(rustix::process::getpid()));
    // A few fds per service: 1024 would stop us near 500 services. Services get 1024 back
    // (exec_settings.rs).
    let nofile = linger_exec::limits::raise_nofile_to_hard().ok();
    reserve_fd_table(&config, nofile);
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
    match local.block_on(&rt, main_loop(config, log_to_stderr, front_ends)) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("linger: {e}");
            }
            ExitCode::from(1)
        }
    }
}

/// How long a `daemon-reexec` waits at most for the connections that asked it to write
/// their answers.
const REEXEC_ANSWER_BOUND: std::time::Duration = std::time::Duration::from_secs(5);

/// Fd-table slots every manager gets at start: an idle one holds ~30 fds, and a few hundred
/// services ~3 each (output pipe, pidfd, their copies in flight to the fd keeper).
const FD_TABLE_FLOOR: usize = 1024;

/// Fds a crash recovery may hold per record of the log: a service's output pipe, its main
/// pid's pidfd and the watcher's copy of it, one to spare (a socket unit's listening fds).
const FDS_PER_RECORD: usize = 4;

/// Grow the fd table now, while this is the only thread, to what the manager will hold. The
/// kernel grows a table by doubling it (64, 128, … slots), and while other threads share it
/// each growth waits for an RCU grace period (`expand_fdtable`: `synchronize_rcu`): ~8 ms
/// each on a virtual machine, so the five growths to ~1,500 fds cost the crash recovery of
/// 500 services ~43 ms — most of its time. Sized here for the recovery log's records (each
/// of its lines, an upper bound), at least [`FD_TABLE_FLOOR`], at most the open-file limit;
/// the table holds pointers only (8 bytes a slot, kernel memory).
fn reserve_fd_table(config: &ManagerConfig, nofile: Option<u64>) {
    let records =
        crate::recovery_log::lines(&crate::recovery::records_path(&config.linger_runtime()));
    let want = FD_TABLE_FLOOR.max(records.saturating_mul(FDS_PER_RECORD) + FD_TABLE_FLOOR / 8);
    let limit = nofile.map_or(FD_TABLE_FLOOR, |n| usize::try_from(n).unwrap_or(usize::MAX));
    let top = want.min(limit).saturating_sub(1);
    if let Ok(top) = i32::try_from(top)
        && let Ok(fd) =
            rustix::io::fcntl_dupfd_cloexec(std::os::fd::AsFd::as_fd(&std::io::stdin()), top)
    {
        drop(fd); // the slot goes, the table stays its new size
    }
}

fn build_manager(
    config: &ManagerConfig,
    log_to_stderr: bool,
    events: mpsc::UnboundedSender<Event>,
) -> Manager {
    let ctx = crate::source::load_context(config);
    let host = RealHost::new(config.clone());
    let engine = Engine::new(host, SearchPathSource::new(ctx));
    let mut state = Manager::new(engine, log_to_stderr, events);
    state.recovery = crate::recovery_log::RecoveryState::new(crate::recovery::records_path(
        &config.linger_runtime(),
    ));
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

async fn main_loop(
    config: ManagerConfig,
    log_to_stderr: bool,
    front_ends: impl FnOnce(Requests, &mut FrontSockets),
) -> Result<u8, StartError> {
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
    // Before any process is started (the generators below): the fds the previous image kept
    // open for us are adopted only later.
    if let Some(s) = &saved {
        s.close_kept_fds_on_exec();
    }
    let inherited = saved
        .as_ref()
        .and_then(|s| crate::reexec::listener(s).ok())
        .and_then(|l| UnixListener::from_std(l).ok());
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
    let (events, mut queue) = mpsc::unbounded_channel();
    if let Err(e) = crate::journal_stream::start(&journal_dir, events.clone()) {
        // Scripts lose systemd-cat's stream transport, nothing else: say so and run on.
        #[allow(clippy::print_stderr)]
        {
            eprintln!("linger: cannot listen on the journal's stdout stream socket: {e}");
        }
    }
    // The control socket comes last: whoever reaches it (the login daemon, a script, the
    // tests) may at once use the notify and journal sockets it names (`systemd-cat` right
    // after the manager answered found no journal socket).
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
    let mut m = build_manager(&config, log_to_stderr, events.clone());
    let requests = Requests::new(events, m.published.clone());
    // The generators run meanwhile; the loop answers what needs no unit (startup.rs). Not
    // earlier: with CPUs short (100 lingering users' managers starting at once) their programs
    // delayed every manager's first answer (all 100 answering 6.3 → 7.5–9.2 s, load 28).
    let mut generated = Some(crate::startup::spawn_generators(
        &config,
        &m.engine.host().environment,
    ));
    m.starting = Some(crate::startup::Starting::default());
    let (watcher, mut socket_events) = crate::watcher::Watcher::spawn().map_err(io_err(
        "cannot start the socket watcher thread",
        std::path::Path::new("socket-watch"),
    ))?;
    m.engine.host_mut().sockets.set_watcher(watcher);
    // Without it (no timerfd/inotify) calendar timers still run; they just do not notice
    // clock jumps until their next elapse.
    let mut clock_events = crate::clock::spawn().ok();
    // Front ends first (the D-Bus private socket), as systemd sets up its private bus before
    // it runs a job: a unit's command that talks to the manager at start-up (Debian's
    // dbus.socket ExecStartPost=: systemctl --user set-environment) must find it, or systemctl
    // falls back to the session bus, whose socket nobody serves until that very unit is up.
    // Before crash recovery too, which may queue jobs again. Their calls wait until the
    // start is complete (startup.rs).
    let mut front_sockets = FrontSockets::inherited(
        saved
            .as_ref()
            .map(crate::reexec::front_sockets)
            .unwrap_or_default(),
    );
    front_ends(requests.clone(), &mut front_sockets);
    let front_sockets = front_sockets.into_kept();
    let mut saved = saved;
    let connections =
        std::sync::Arc::new(tokio::sync::Semaphore::new(crate::server::MAX_CONNECTIONS));
    let cgroup_events = cgroup_events_fd(&m);
    let mut fired_at_once = false;
    loop {
        let sleep_for = m
            .next_deadline()
            .map(|d| Duration::from_micros(d.saturating_sub(m.engine.monotonic_now())));
        // A timer already due fires without tokio's sleep, which rounds up to its next 1 ms
        // tick (RestartSec=0's restart waited ~1 ms for it) — but only when no other source
        // is ready (its branch is the last) and never twice in a row: a timer re-armed in the
        // past on every firing keeps tokio's pace instead of starving the loop.
        let due_at_once = sleep_for.is_some_and(|d| d.is_zero()) && !fired_at_once;
        fired_at_once = false;
        // Starting: no unit is loaded, so what concerns units (datagrams, exits, timers)
        // waits where it is — and no exit is reaped: the generators' thread waits for its
        // own children.
        let started = m.starting.is_none();
        let event = tokio::select! {
            // Notify datagrams before SIGCHLD: a READY=1 sent just before exiting must count.
            biased;
            done = async {
                match generated.as_mut() {
                    Some(rx) => rx.await,
                    None => std::future::pending().await,
                }
            }, if generated.is_some() => {
                generated = None;
                finish_start(&mut m, done.ok(), saved.take(), &config);
                m.end_turn();
                // Complete: whoever started us may count on every request now.
                tell_supervisor_ready();
                // The start-up code the kernel mapped in 64 KB windows (~7 MB of the
                // binary) need not stay resident in this process (see linger_exec::memory).
                let _ = linger_exec::memory::release_clean_file_pages();
                continue;
            }
            msg = notify.recv(), if started => match msg {
                Ok(msg) => Event::Notify(msg),
                Err(_) => continue,
            },
            () = async { match sleep_for { Some(d) if !due_at_once => tokio::time::sleep(d).await, _ => std::future::pending().await } } => Event::TimerDue,
            _ = sigchld.recv(), if started => Event::Reaped(reap()),
            () = readable(cgroup_events.as_ref()), if started => Event::CgroupEvents,
            Some(unit) = socket_events.recv() => Event::SocketReady(unit),
            Some(ev) = async {
                match clock_events.as_mut() {
                    Some(rx) => rx.recv().await,
                    None => std::future::pending().await,
                }
            } => Event::ClockChanged { timezone: ev == crate::clock::ClockEvent::Timezone },
            accepted = listener.accept(), if !m.shutting_down => {
                // A connection is served by a task of its own, which submits its requests.
                if let Ok((stream, _)) = accepted
                    && let Ok(permit) = connections.clone().try_acquire_owned() {
                        let requests = requests.clone();
                        tokio::task::spawn_local(async move {
                            crate::server::serve(requests, stream, own_uid).await;
                            drop(permit);
                        });
                    }
                continue;
            }
            msg = native.recv_from(), if started => match msg.ok().and_then(|m| from_own_user(m, own_uid)).and_then(native_event) {
                Some(ev) => ev,
                None => continue,
            },
            msg = syslog.recv_from(), if started => match msg.ok().and_then(|m| from_own_user(m, own_uid)) {
                Some(msg) => syslog_event(msg),
                None => continue,
            },
            Some(ev) = queue.recv() => ev,
            _ = sighup.recv() => Event::Hangup,
            _ = sigterm.recv() => Event::Terminate,
            _ = sigint.recv() => Event::Terminate,
            () = std::future::ready(()), if due_at_once => {
                fired_at_once = true;
                Event::TimerDue
            }
        };
        let mut later = Vec::new();
        if let Event::Reaped(exits) = &event {
            // What a process sent before it exited is queued by now: handled first, while
            // its pid still names its unit (a oneshot's last log line, a READY=1).
            for ev in queued_datagrams(&notify, &native, &syslog, own_uid) {
                m.handle(ev);
            }
            // And what it wrote to its output pipe goes to the journal before the exit is
            // handled (its "Failed" comes after its last words, as under systemd). Other
            // events wait meanwhile: the reaped pid must not be acted on before its exit.
            let pids: Vec<u32> = exits.iter().map(|&(pid, _)| pid).collect();
            drain_output_of(&mut m, &mut queue, &pids, &mut later).await;
        }
        m.handle(event);
        for ev in later.drain(..) {
            m.handle(ev);
        }
        for _ in 0..TURN_BATCH {
            match queue.try_recv() {
                Ok(ev) => m.handle(ev),
                Err(_) => break,
            }
        }
        // Adopted processes that exited (not our children: their exits come from pidfds and
        // are handled together at the end of the turn) get the same: their output first.
        let adopted: Vec<u32> = m.adopted_exits.iter().map(|&(_, pid, _)| pid).collect();
        if !adopted.is_empty() {
            drain_output_of(&mut m, &mut queue, &adopted, &mut later).await;
            for ev in later.drain(..) {
                m.handle(ev);
            }
        }
        m.end_turn();
        match m.exit.take() {
            None => {}
            Some(ExitRequest::Shutdown) => {
                crate::recovery::forget(&mut m);
                let _ = std::fs::remove_file(&sock_path);
                let _ = std::fs::remove_file(&notify_path);
                return Ok(m.exit_code);
            }
            Some(ExitRequest::Reexec) => {
                // The connections that asked write their answers before the exec closes
                // them (each drops its token once written; the deadline only bounds a
                // connection that cannot write).
                let written = std::mem::take(&mut m.reexec_written);
                let all = async {
                    for w in written {
                        let _ = w.await;
                    }
                };
                let _ = tokio::time::timeout(REEXEC_ANSWER_BOUND, all).await;
                // Lines handed to the journal's writer thread must be on disk before the exec
                // (which runs no destructor): under load its queue may still hold the last
                // ones read from the pipes.
                m.flush_entries();
                if let Some(j) = &m.journal {
                    let _ = j.flush();
                }
                let path = crate::reexec::state_path(&config.linger_runtime());
                let err = crate::reexec::save_and_exec(
                    &m,
                    &listener,
                    &front_sockets,
                    &config.exe,
                    &path,
                    &config.args,
                );
                // Only reached when the exec failed: keep running as we are.
                m.resume_pipe_readers();
                m.record(
                    "linger",
                    3,
                    "linger",
                    std::process::id(),
                    format!("daemon-reexec failed: {err}"),
                );
                m.end_turn();
            }
        }
    }
}

/// Complete the start (startup.rs) once the generators are done (`None`: their thread ended
/// without a result; the environment stays as it was): their output taken, a crashed
/// predecessor's services re-adopted or a re-executed image's state restored,
/// `default.target`'s start queued, and the events that waited handled, in order.
fn finish_start(
    m: &mut Manager,
    generated: Option<crate::startup::Generated>,
    saved: Option<crate::reexec::Saved>,
    config: &ManagerConfig,
) {
    let held = m.starting.take().map(|s| s.held).unwrap_or_default();
    match generated {
        Some(g) => m.take_generated(g),
        None => m.record(
            "linger",
            4,
            "linger",
            std::process::id(),
            "The generators ended without a result; the environment is the manager's own."
                .to_string(),
        ),
    }
    crate::recovery::recover(m, saved.is_some());
    if let Some(saved) = saved {
        crate::reexec::restore(m, saved, &mut |fd| linger_exec::adopt_inherited_fd(fd).ok());
    }
    let default = &config.default_unit;
    if let Err(e) = m
        .engine
        .enqueue(JobType::Start, default, JobMode::Replace, false)
    {
        m.record(
            default,
            3,
            "linger",
            std::process::id(),
            format!("Failed to start default target: {e}"),
        );
    }
    m.apply_effects();
    m.handle(Event::Reaped(reap()));
    for event in held {
        m.handle(event);
    }
}

/// A journal native-protocol datagram as an event (None when malformed).
/// Wait until the readers of the pipes `pids` wrote to have put everything in them into the
/// journal, handling their output meanwhile; other events are kept in `later`, except adopted
/// exits, whose pipes are drained too (they are handled at the end of the turn).
async fn drain_output_of(
    m: &mut Manager,
    queue: &mut mpsc::UnboundedReceiver<Event>,
    pids: &[u32],
    later: &mut Vec<Event>,
) {
    // The turn's entries so far come before the lines drained now.
    m.flush_entries();
    let mut waiting = m.drain_output_of(pids);
    while !waiting.is_empty() {
        let Some(ev) = queue.recv().await else { break };
        match ev {
            Event::OutputDrained { pipe } => {
                waiting.remove(&pipe);
            }
            Event::OutputClosed { pipe } | Event::OutputHandedBack { pipe, .. } => {
                waiting.remove(&pipe);
                m.handle(ev);
            }
            Event::Output { .. } => m.handle(ev),
            Event::AdoptedExit { pid, .. } => {
                waiting.extend(m.drain_output_of(&[pid]));
                m.handle(ev);
            }
            other => later.push(other),
        }
    }
}

fn native_event((pid, data): (u32, Vec<u8>)) -> Option<Event> {
    let fields = linger_journal::capture::native::parse_datagram(&data).ok()?;
    Some(Event::LogDatagram {
        pid,
        fields,
        transport: "journal",
    })
}

/// A syslog datagram as an event.
fn syslog_event((pid, data): (u32, Vec<u8>)) -> Event {
    Event::LogDatagram {
        pid,
        fields: linger_journal::capture::syslog::parse(&data).to_fields(),
        transport: "syslog",
    }
}

/// A log datagram's (pid, payload) if its sender runs as this manager's user or root. The
/// sockets are in the user's runtime directory; the login daemon forwards what this user's
/// processes sent to the system's sockets with their credentials, and anything claiming
/// another user (e.g. through a link planted for the root daemon to follow) is dropped.
///
/// A datagram whose sender had exited before the login daemon forwarded it comes with the
/// daemon's pid and the sender's in front of the data: the sender's pid is taken from there
/// (its unit is still known for a while after its exit), if the datagram's sender is root.
fn from_own_user((sender, data): (Sender, Vec<u8>), own_uid: u32) -> Option<(u32, Vec<u8>)> {
    if sender.uid != own_uid && sender.uid != 0 {
        return None;
    }
    let runs_as_root =
        || rustix::fs::stat(format!("/proc/{}", sender.pid)).is_ok_and(|st| st.st_uid == 0);
    match linger_ipc::journal_handoff::exited_sender(&data, runs_as_root) {
        Some((pid, sent)) => Some((pid, sent.to_vec())),
        None => Some((sender.pid, data)),
    }
}

/// Every datagram already queued on the notify and log sockets, as events.
fn queued_datagrams(
    notify: &NotifySocket,
    native: &NotifySocket,
    syslog: &NotifySocket,
    own_uid: u32,
) -> Vec<Event> {
    let mut out = Vec::new();
    while let Some((pid, data)) = notify.try_recv_raw() {
        out.push(Event::Notify(NotifyMessage::new(pid, &data)));
    }
    let own = |m| from_own_user(m, own_uid);
    out.extend(
        std::iter::from_fn(|| native.try_recv_from())
            .filter_map(own)
            .filter_map(native_event),
    );
    out.extend(
        std::iter::from_fn(|| syslog.try_recv_from())
            .filter_map(own)
            .map(syslog_event),
    );
    out
}

/// The cgroup inotify fd (a duplicate: readiness is shared with the original, which the
/// cgroup layer reads), registered with the event loop; None without cgroups.
fn cgroup_events_fd(m: &Manager) -> Option<tokio::io::unix::AsyncFd<std::os::fd::OwnedFd>> {
    let fd = m.engine.host().cgroups.watch_fd()?;
    let dup = rustix::io::fcntl_dupfd_cloexec(fd, 3).ok()?;
    crate::readiness::register(dup)
}

/// Reap every exited child (ours and re-parented orphans).
fn reap() -> Vec<(u32, ExitStatus)> {
    let mut exits = Vec::new();
    // wait() is waitpid(-1): every child, whatever its process group (services run in
    // sessions of their own; waitpid(0) would miss them).
    while let Ok(Some((pid, status))) = rustix::process::wait(WaitOptions::NOHANG) {
        exits.push((pid.as_raw_nonzero().get() as u32, convert(status)));
    }
    exits
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
