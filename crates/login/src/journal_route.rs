//! The system's journal sockets where no journald or syslog daemon owns them:
//! `/run/systemd/journal/socket` (native protocol), `/run/systemd/journal/stdout` (stream
//! protocol: `systemd-cat`, `sd_journal_stream_fd()`) and `/dev/log` (syslog: `logger`).
//! What arrives is routed by the sender's uid: an ordinary user's datagrams are re-sent to
//! their manager's sockets with the sender's credentials, their stream connections handed to
//! the manager whole; root's — and anything whose user has no manager — go to the system
//! journal this daemon writes (`journalctl --system` reads it), where each user gets
//! journald's `RateLimitBurst=` lines per `RateLimitIntervalSec=` (`UserLimits`).
//!
//! Anyone may connect and send here, as fast as they like: the sockets are served by a thread
//! of their own with its own event loop, below the daemon loop's priority, never by the loop
//! that serves logins; a uid's connections beyond [`crate::conns::USER_RATE`] and its
//! datagrams beyond `USER_DATAGRAMS` are closed or dropped as soon as they are read, before
//! any work for them.
//!
//! A flood must not make anyone else's lines vanish. Each loop here takes its turn: an accept
//! or a receive costs one unit of tokio's cooperative budget, and a stream yields after each
//! read, so the streams being read, the other sockets and the accepts share the thread
//! however fast one socket fills (tokio's `AsyncFd::readable` takes no budget, and `try_io`
//! keeps the readiness while the call succeeds: before, while a user kept the stdout socket's
//! backlog full, the accept loop never gave the thread back, the streams it had started were
//! never read and kept their slots, and every later connection of their users was accepted
//! and closed unread — another user's `systemd-cat` lines were lost, 17 of ~150 arriving).
//! And what a connection holds when it is accepted is read at once ([`AT_ONCE`]): a program
//! that wrote its lines and hung up (`echo … | systemd-cat`) is done then, with no slot and no
//! task; only a connection still open needs a slot, and one over its user's bound is closed
//! after what it had sent is logged (its writer sees EPIPE at its next write).
//!
//! Root code that touches users' things: every send is non-blocking (a user's full socket
//! costs that message, never a wait, and the message is dropped: it does not go to the system
//! journal instead, where a user could bury root's lines under theirs) and goes out through a sending socket of that user's
//! own (what a socket nobody reads holds stays charged to the sender's buffer: through one
//! shared sending socket, a user who stops their manager would make every later send to
//! everyone fail), the user's socket is reached component by component
//! without following links and must be a socket the user owns (a link in a runtime directory
//! cannot send root's traffic elsewhere), streams read here are bounded in number and
//! buffer, and datagrams are bounded by the socket's buffer.

use std::cell::RefCell;
use std::collections::HashMap;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use linger_ipc::journal_handoff::{self, STREAM_HANDOFF};
use linger_ipc::notify::{MAX_LOG_DATAGRAM, NotifySocket, Sender};
use linger_journal::capture::stream::StreamParser;
use linger_journal::ratelimit::{RateLimiter, Verdict};
use linger_journal::{Entry, JournalConfig, JournalWriter, Submitter};
use tokio::io::AsyncReadExt;
use tokio::net::UnixStream;
use tokio::sync::Semaphore;

use crate::conns::{Rate, Rates};
use crate::log;

/// Where the sockets and the system journal are (flags of `linger daemon --system`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalSockets {
    /// Holds `socket` and `stdout` (`/run/systemd/journal`).
    pub dir: PathBuf,
    /// The syslog socket (`/dev/log`).
    pub dev_log: PathBuf,
    /// The system journal's directory (`/var/log/linger/journal`).
    pub system_journal: PathBuf,
}

impl Default for JournalSockets {
    fn default() -> Self {
        JournalSockets {
            dir: PathBuf::from("/run/systemd/journal"),
            dev_log: PathBuf::from("/dev/log"),
            system_journal: PathBuf::from(linger_journal::config::SYSTEM_JOURNAL),
        }
    }
}

/// Stream connections read into the system journal at once, for root's programs and, apart,
/// for all ordinary users together; one over is closed at once (its writer sees EPIPE),
/// nothing waits for a slot.
const MAX_SYSTEM_STREAMS: usize = 256;
/// What one ordinary user may hold of the users' slots: a user who opens and idles
/// connections must not take the slots root's and other users' programs log through.
const MAX_STREAMS_PER_USER: usize = 16;
/// How long a socket rests after receiving or accepting failed.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(100);
/// Bytes read at a time from one stream.
const READ_SIZE: usize = 16 * 1024;
/// Bytes read from a connection as it is accepted, before it gets a slot and a task of its
/// own: a program's few lines written before it hung up are taken at once.
const AT_ONCE: usize = 4 * READ_SIZE;

/// The sockets this daemon took, each with the identity of the file it bound, so that at exit
/// it removes only what is still its own (a syslog daemon started meanwhile may have replaced
/// `/dev/log`).
#[derive(Debug, Default)]
pub struct Taken(Vec<(PathBuf, (u64, u64))>);

impl Taken {
    fn add(&mut self, path: &Path) {
        if let Ok(m) = std::fs::symlink_metadata(path) {
            self.0.push((path.to_path_buf(), (m.dev(), m.ino())));
        }
    }

    /// The daemon stops: remove the sockets it bound, so programs find no dead socket (a
    /// `logger` then says the journal is not there, and a syslog daemon started later binds
    /// its own).
    pub fn release(self) {
        for (path, id) in self.0 {
            let same = std::fs::symlink_metadata(&path).is_ok_and(|m| (m.dev(), m.ino()) == id);
            if same {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

/// Take the sockets nobody owns and serve them on a thread of their own ([`serve`]). They
/// are bound here, before the caller goes on: a program that finds the login socket finds
/// these in place. `conf` is the system journal's `journald.conf` (`RateLimitIntervalSec=`,
/// `RateLimitBurst=` per user; sizes and rotation).
pub fn start(cfg: &JournalSockets, runtime_base: &Path, conf: &Path) -> Taken {
    let native = cfg.dir.join("socket");
    let stdout = cfg.dir.join("stdout");
    let claim = |path: &Path, stream: bool| -> bool {
        let free = claimable(path, stream);
        if !free {
            log::info(format!("{} is served by another program", path.display()));
        }
        free
    };
    let want_native = claim(&native, false);
    let want_syslog = claim(&cfg.dev_log, false);
    let want_stdout = claim(&stdout, true);
    if !(want_native || want_syslog || want_stdout) {
        return Taken::default();
    }
    let _ = std::fs::create_dir_all(&cfg.dir);
    let mut taken = Vec::new();
    let mut sockets = Sockets::default();
    let datagrams = [
        (want_native, native, Transport::Journal),
        (want_syslog, cfg.dev_log.clone(), Transport::Syslog),
    ];
    for (want, path, transport) in datagrams {
        if !want {
            continue;
        }
        match NotifySocket::bind_shared_fd(&path) {
            Ok(fd) => {
                taken.push(path);
                sockets.datagrams.push((fd, transport));
            }
            Err(e) => log::warn(format!("cannot listen on {}: {e}", path.display())),
        }
    }
    if want_stdout {
        let _ = std::fs::remove_file(&stdout);
        // Writable by everyone from its first moment (bound under umask 0111).
        let old = rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o111));
        let bound = std::os::unix::net::UnixListener::bind(&stdout);
        rustix::process::umask(old);
        match bound.and_then(|l| l.set_nonblocking(true).map(|()| l)) {
            Ok(listener) => {
                use std::os::unix::fs::PermissionsExt;
                let _ = std::fs::set_permissions(&stdout, std::fs::Permissions::from_mode(0o666));
                taken.push(stdout);
                sockets.stdout = Some(OwnedFd::from(listener));
            }
            Err(e) => log::warn(format!("cannot listen on {}: {e}", stdout.display())),
        }
    }
    let mut config = JournalConfig::new(&cfg.system_journal);
    match config.load_conf(conf) {
        Ok(warnings) => {
            for w in warnings {
                log::warn(format!("{}:{}: {}", conf.display(), w.line, w.message));
            }
        }
        Err(e) => log::warn(format!("{e}; using the defaults")),
    }
    let runtime_base = runtime_base.to_path_buf();
    let spawned = std::thread::Builder::new()
        .name("journal".into())
        .spawn(move || serve(sockets, runtime_base, config));
    if let Err(e) = spawned {
        log::warn(format!("cannot start routing the journal sockets: {e}"));
        return Taken::default();
    }
    if !taken.is_empty() {
        let names: Vec<String> = taken.iter().map(|p| p.display().to_string()).collect();
        log::info(format!(
            "journal sockets {} routed to the senders' user managers",
            names.join(", ")
        ));
    }
    let mut own = Taken::default();
    for path in &taken {
        own.add(path);
    }
    own
}

/// The bound sockets, handed to the journal thread.
#[derive(Default)]
struct Sockets {
    datagrams: Vec<(OwnedFd, Transport)>,
    stdout: Option<OwnedFd>,
}

/// The journal thread: an event loop of its own, at the workers' priority, for ever. Anyone
/// may connect or send to these sockets, as fast as they like: a flood costs this thread,
/// never the login daemon's loop (before, the loop accepted and received them, and a user's
/// flood took its CPU at the attacker's pace).
fn serve(sockets: Sockets, runtime_base: PathBuf, mut config: JournalConfig) {
    crate::jobs::lower_worker_priority();
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            log::warn(format!("cannot route the journal sockets: {e}"));
            return;
        }
    };
    // Users are limited per uid here ([`UserLimits`]); the writer's own limit is per unit,
    // and every line here has none: root's and all users' lines would share one window.
    let limits = UserLimits::new(config.rate_limit_interval_usec, config.rate_limit_burst);
    config.rate_limit_interval_usec = 0;
    let local = tokio::task::LocalSet::new();
    local.block_on(&rt, async move {
        let router = Rc::new(Router {
            runtime_base,
            via: SendingSockets::default(),
            system: open_system_journal(config),
            limits: RefCell::new(limits),
        });
        for (fd, transport) in sockets.datagrams {
            tokio::task::spawn_local(read_datagrams(fd, transport, router.clone()));
        }
        if let Some(listener) = sockets.stdout {
            tokio::task::spawn_local(accept_streams(listener, router));
        }
        std::future::pending::<()>().await;
    });
}

/// A non-root uid's datagrams on one socket beyond this are dropped as they are read (before
/// any work for them: no path of theirs looked up, nothing parsed).
const USER_DATAGRAMS: Rate = Rate {
    per_second: 1000,
    burst: 2000,
};

async fn read_datagrams(fd: OwnedFd, transport: Transport, router: Rc<Router>) {
    let fd = match crate::adopt::register(fd) {
        Ok(fd) => fd,
        Err(e) => {
            log::warn(format!("cannot read a journal socket: {e}"));
            return;
        }
    };
    let mut buf = vec![0u8; MAX_LOG_DATAGRAM];
    let mut rates = Rates::new(USER_DATAGRAMS);
    loop {
        let Ok(mut ready) = fd.readable().await else {
            tokio::time::sleep(PAUSE).await;
            continue;
        };
        match ready.try_io(|fd| linger_ipc::notify::receive(fd.get_ref(), &mut buf)) {
            // Read to the end: wait again.
            Err(_) => {}
            Ok(Ok(Some((sender, data)))) => {
                if rates.allow(sender.uid, Instant::now()) {
                    router.datagram(transport, sender, &data);
                }
            }
            Ok(Ok(None)) => {}
            // Out of memory for a moment: a pause, not the end of routing.
            Ok(Err(_)) => tokio::time::sleep(PAUSE).await,
        }
        // A flood keeps this socket readable: the other sockets and the streams get their
        // turn all the same (see the module's header).
        tokio::task::coop::consume_budget().await;
    }
}

/// Whether `path` is ours to take: absent, or a socket nobody listens on any more. A link or
/// another file is someone's arrangement (e.g. /dev/log → a syslog daemon's socket).
fn claimable(path: &Path, stream: bool) -> bool {
    match std::fs::symlink_metadata(path) {
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        Ok(m) if m.file_type().is_socket() => {
            let answered = if stream {
                std::os::unix::net::UnixStream::connect(path).is_ok()
            } else {
                std::os::unix::net::UnixDatagram::unbound().is_ok_and(|s| s.connect(path).is_ok())
            };
            !answered
        }
        Ok(_) => false,
    }
}

fn open_system_journal(config: JournalConfig) -> Option<Submitter> {
    let dir = config.directory.clone();
    match JournalWriter::spawn(config) {
        // The writer thread lives as long as the daemon: its handle is leaked on purpose
        // (dropping it would stop the thread).
        Ok(handle) => {
            let sub = handle.submitter();
            std::mem::forget(handle);
            Some(sub)
        }
        Err(e) => {
            log::warn(format!(
                "cannot open the system journal {}: {e}",
                dir.display()
            ));
            None
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Transport {
    Journal,
    Syslog,
}

impl Transport {
    /// The user manager's socket of this kind.
    fn socket_name(self) -> &'static str {
        match self {
            Transport::Journal => "socket",
            Transport::Syslog => "dev-log",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Transport::Journal => "journal",
            Transport::Syslog => "syslog",
        }
    }
}

/// How many users' sending sockets are kept open; one more closes one of them (it is made
/// again at its user's next line).
const MAX_SENDING_SOCKETS: usize = 256;

/// The sockets the daemon sends to users' sockets through, one per user: a datagram waiting
/// in a queue nobody reads counts against its sender's send buffer until it is read, so a
/// user's manager that stops reading fills that user's sending socket and no other.
#[derive(Default)]
struct SendingSockets(RefCell<HashMap<u32, OwnedFd>>);

impl SendingSockets {
    /// `send` through `uid`'s socket (made when missing).
    fn send(
        &self,
        uid: u32,
        send: impl FnOnce(&OwnedFd) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let mut all = self.0.borrow_mut();
        if !all.contains_key(&uid) {
            if all.len() >= MAX_SENDING_SOCKETS
                && let Some(any) = all.keys().next().copied()
            {
                all.remove(&any);
            }
            all.insert(uid, journal_handoff::sending_socket()?);
        }
        send(&all[&uid])
    }
}

struct Router {
    runtime_base: PathBuf,
    /// Sends to users' sockets (one that cannot be made: that line goes to the system journal).
    via: SendingSockets,
    system: Option<Submitter>,
    /// Users' lines into the system journal.
    limits: RefCell<UserLimits>,
}

/// Lines of users without a manager go to the system journal, root's journal: each non-root
/// uid gets journald's `RateLimitBurst=` lines per `RateLimitIntervalSec=` there, the rest
/// is dropped and counted, and the count is written once, with the uid's next line after the
/// window ("Suppressed N messages from uid U", as journald says it of a unit). Without it one
/// user's flood buried root's lines — and the writer's per-unit window, which all these lines
/// share (none has a unit), then dropped root's too.
struct UserLimits(RateLimiter);

impl UserLimits {
    fn new(interval_usec: u64, burst: u32) -> UserLimits {
        UserLimits(RateLimiter::new(interval_usec, burst))
    }

    /// Whether `uid`'s line at `now` (monotonic µs) is kept; a notice of the lines it
    /// dropped before, if this one ends a suppression.
    fn check(&mut self, uid: u32, now: u64) -> (bool, Option<String>) {
        if uid == 0 {
            return (true, None);
        }
        match self.0.check(&uid.to_string(), now) {
            Verdict::Pass => (true, None),
            Verdict::PassAfterSuppressed(n) => (
                true,
                Some(format!("Suppressed {n} messages from uid {uid}")),
            ),
            Verdict::Drop => (false, None),
        }
    }
}

impl Router {
    fn datagram(&self, transport: Transport, sender: Sender, data: &[u8]) {
        if sender.uid != 0
            && let Ok(target) = user_socket(&self.runtime_base, sender.uid, transport.socket_name())
        {
            let sent = self.via.send(sender.uid, |via| {
                journal_handoff::forward_datagram(via, &proc_path(&target), data, sender)
            });
            match sent {
                Ok(()) => return,
                // Their manager does not keep up (or stopped reading): the line is theirs to
                // lose, not the system journal's to take — else a user could fill it, and
                // root's lines would wait behind theirs.
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return,
                Err(_) => {}
            }
        }
        let fields = match transport {
            Transport::Journal => match linger_journal::capture::native::parse_datagram(data) {
                Ok(f) => f,
                Err(_) => return,
            },
            Transport::Syslog => linger_journal::capture::syslog::parse(data).to_fields(),
        };
        self.to_system(sender.pid, sender.uid, sender.gid, fields, transport.name());
    }

    /// An entry for the system journal, with the trusted fields journald adds.
    fn to_system(
        &self,
        pid: u32,
        uid: u32,
        gid: u32,
        fields: Vec<(String, Vec<u8>)>,
        transport: &str,
    ) {
        let Some(sys) = &self.system else { return };
        let (keep, notice) = self
            .limits
            .borrow_mut()
            .check(uid, crate::state::clocks().1);
        if let Some(n) = notice {
            let mut e = Entry::message(linger_journal::entry::priority::WARNING, n);
            e.push("MESSAGE_ID", linger_journal::writer::MESSAGE_ID_SUPPRESSED);
            e.push("SYSLOG_IDENTIFIER", "linger-login");
            e.push("_TRANSPORT", "driver");
            sys.submit(e);
        }
        if !keep {
            return;
        }
        let mut e = Entry::default();
        for (k, v) in fields {
            if !k.starts_with('_') {
                e.push(k, v);
            }
        }
        e.push("_TRANSPORT", transport);
        e.push("_PID", pid.to_string());
        e.push("_UID", uid.to_string());
        e.push("_GID", gid.to_string());
        let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        if !comm.trim().is_empty() {
            e.push("_COMM", comm.trim());
        }
        sys.submit(e);
    }
}

/// The user's socket `name` in `RUNTIME/UID/linger/journal/`, opened `O_PATH` one component at
/// a time without following links, and only if it is a socket that user owns.
fn user_socket(runtime_base: &Path, uid: u32, name: &str) -> std::io::Result<OwnedFd> {
    let uid_dir = uid.to_string();
    crate::adopt::user_socket(runtime_base, &[&uid_dir, "linger", "journal"], name, uid)
}

/// A path that names the very inode `fd` holds (sockets are reached through it).
fn proc_path(fd: &OwnedFd) -> PathBuf {
    crate::adopt::fd_path(fd)
}

/// Accept stream connections for ever. Each is taken as a bare descriptor and its peer's uid
/// read before anything else: a uid connecting faster than [`crate::conns::USER_RATE`] has
/// the connection closed at once (a connect flood costs an accept and a close). Each accept
/// takes a unit of the task's cooperative budget: a backlog kept full never keeps the
/// streams already accepted from being read.
async fn accept_streams(listener: OwnedFd, router: Rc<Router>) {
    use rustix::net::SocketFlags;
    let listener = match crate::adopt::register(listener) {
        Ok(l) => l,
        Err(e) => {
            log::warn(format!("cannot accept journal streams: {e}"));
            return;
        }
    };
    let root_slots = Arc::new(Semaphore::new(MAX_SYSTEM_STREAMS));
    let user_slots = Arc::new(Semaphore::new(MAX_SYSTEM_STREAMS));
    let per_user = StreamsPerUser::default();
    let mut rates = Rates::default();
    let mut buf = vec![0u8; READ_SIZE];
    loop {
        tokio::task::coop::consume_budget().await;
        let taken = match listener.readable().await {
            Ok(mut ready) => ready.try_io(|l| {
                rustix::net::accept_with(l.get_ref(), SocketFlags::NONBLOCK | SocketFlags::CLOEXEC)
                    .map_err(std::io::Error::from)
            }),
            Err(e) => Ok(Err(e)),
        };
        let stream = match taken {
            // Not ready after all: wait again.
            Err(_) => continue,
            Ok(Ok(fd)) => fd,
            // Out of descriptors for a moment: a pause, not the end of routing (every later
            // systemd-cat of everyone would wait in the backlog for ever).
            Ok(Err(_)) => {
                tokio::time::sleep(PAUSE).await;
                continue;
            }
        };
        let Ok(cred) = linger_ipc::peer_cred(&stream) else {
            continue;
        };
        if !rates.allow(cred.uid, Instant::now()) {
            continue;
        }
        if cred.uid != 0
            && let Ok(target) = user_socket(&router.runtime_base, cred.uid, STREAM_HANDOFF)
        {
            let sent = router.via.send(cred.uid, |via| {
                journal_handoff::hand_off_stream(via, &proc_path(&target), stream.as_fd())
            });
            match sent {
                // The manager has it now; our copy closes here.
                Ok(()) => continue,
                // Their manager does not take connections now: closed (the writer sees EPIPE)
                // rather than read into the system journal, as datagrams are dropped.
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
                Err(_) => {}
            }
        }
        // What it holds already is read now: a writer that hung up is done here.
        let mut reader = StreamReader::new(cred);
        if reader.read_at_once(&stream, &mut buf, &router) == Open::Ended {
            continue;
        }
        // Still open, over a bound: closed (the writer sees EPIPE at its next write), nothing
        // waits; what it had sent is in the journal.
        let Some(user_slot) = per_user.take(cred.uid) else {
            continue;
        };
        let slots = if cred.uid == 0 {
            &root_slots
        } else {
            &user_slots
        };
        let Ok(permit) = slots.clone().try_acquire_owned() else {
            continue;
        };
        let Ok(stream) = UnixStream::from_std(std::os::unix::net::UnixStream::from(stream)) else {
            continue;
        };
        let router = router.clone();
        tokio::task::spawn_local(async move {
            reader.read_to_end(stream, &router).await;
            drop((permit, user_slot));
        });
    }
}

/// Whether a connection is still open after what it held was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// Its writer hung up (or broke the protocol): nothing more will come.
    Ended,
    /// More may come.
    Still,
}

/// One connection's lines into the system journal: its parser and its sender.
struct StreamReader {
    parser: StreamParser,
    cred: linger_ipc::PeerCred,
}

impl StreamReader {
    fn new(cred: linger_ipc::PeerCred) -> StreamReader {
        StreamReader {
            parser: StreamParser::new(),
            cred,
        }
    }

    /// Take `data`; `Ended` when it broke the protocol (the connection is closed).
    fn feed(&mut self, data: &[u8], router: &Router) -> Open {
        let cred = self.cred;
        let mut emit = |fields| router.to_system(cred.pid, cred.uid, cred.gid, fields, "stdout");
        match self.parser.feed(data, &mut emit) {
            Ok(()) => Open::Still,
            Err(_) => Open::Ended,
        }
    }

    /// The writer hung up: a last line without its newline is an entry too.
    fn finish(&mut self, router: &Router) {
        let cred = self.cred;
        let mut emit = |fields| router.to_system(cred.pid, cred.uid, cred.gid, fields, "stdout");
        self.parser.finish(&mut emit);
    }

    /// Read what the (non-blocking) connection holds now, up to [`AT_ONCE`] bytes, through
    /// `buf`.
    fn read_at_once(&mut self, fd: &OwnedFd, buf: &mut [u8], router: &Router) -> Open {
        let mut taken = 0;
        while taken < AT_ONCE {
            match rustix::io::read(fd, &mut *buf) {
                Ok(0) => {
                    self.finish(router);
                    return Open::Ended;
                }
                Ok(n) => {
                    taken += n;
                    if self.feed(&buf[..n], router) == Open::Ended {
                        return Open::Ended;
                    }
                }
                Err(rustix::io::Errno::INTR) => {}
                Err(rustix::io::Errno::AGAIN) => return Open::Still,
                // Reset by its writer: what came is in.
                Err(_) => {
                    self.finish(router);
                    return Open::Ended;
                }
            }
        }
        Open::Still
    }

    /// Read the connection to its end, a read per turn: one busy writer never holds up the
    /// others' streams.
    async fn read_to_end(mut self, mut stream: UnixStream, router: &Router) {
        let mut buf = vec![0u8; READ_SIZE];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if self.feed(&buf[..n], router) == Open::Ended {
                        return;
                    }
                }
            }
            tokio::task::yield_now().await;
        }
        self.finish(router);
    }
}

/// How many system-journal streams each ordinary user holds (root is bounded by the total
/// only). Lives on the daemon's single-threaded `LocalSet`, hence `Rc`.
#[derive(Default, Clone)]
struct StreamsPerUser(Rc<RefCell<HashMap<u32, usize>>>);

/// One stream's place in its user's count, given back when the stream ends.
struct UserStreamSlot {
    counts: StreamsPerUser,
    uid: u32,
}

impl StreamsPerUser {
    fn take(&self, uid: u32) -> Option<UserStreamSlot> {
        if uid != 0 {
            let mut counts = self.0.borrow_mut();
            let held = counts.entry(uid).or_default();
            if *held >= MAX_STREAMS_PER_USER {
                return None;
            }
            *held += 1;
        }
        Some(UserStreamSlot {
            counts: self.clone(),
            uid,
        })
    }
}

impl Drop for UserStreamSlot {
    fn drop(&mut self) {
        if self.uid == 0 {
            return;
        }
        let mut counts = self.counts.0.borrow_mut();
        if let Some(held) = counts.get_mut(&self.uid) {
            *held -= 1;
            if *held == 0 {
                counts.remove(&self.uid);
            }
        }
    }
}
