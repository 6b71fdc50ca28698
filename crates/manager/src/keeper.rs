//! The fd keeper: a small process beside the manager that holds duplicates of the services'
//! output pipes and the socket units' listening sockets. When the manager dies (SIGKILL, the
//! OOM killer, a bug) these stay open: a service writing to stdout blocks on a full pipe
//! instead of dying of SIGPIPE, clients wait in the listen backlog, and the next manager takes
//! the fds back (crash recovery, see `recovery.rs`). This is what systemd's file descriptor
//! store does for journald, done for the manager itself.
//!
//! It also takes the bytes of the services' output lines out of their pipes once the journal
//! has written them, so that a crash between the journal's write and that removal can be told
//! apart afterwards (no line lost, none written twice): the journal's writer thread, through
//! its own channel, says before each write which pipe bytes the lines in it came from and
//! where in which segment the write goes (`intent`), and after it `commit`s; an intent still
//! open when the manager died is handed to the next manager with the fds, which settles it
//! by the segment's length ([`settle`]).
//!
//! Protocol: a `SOCK_SEQPACKET` socket at `$XDG_RUNTIME_DIR/linger/fd-keeper`, one manager
//! connection at a time (only from our own uid; a newcomer waits until it ends). Messages are
//! text, one per packet:
//! `put KEY` (with one fd; replaces), `puts` (a batch: the keys on the lines after the verb,
//! with as many fds — the manager sends its puts of one turn so, before it writes the records
//! that name them), `del KEY`, `dels` (a batch of keys), `close KEY` (a `del` answered by `closed`
//! once the keeper's copy is closed: a listening socket must be really closed before the
//! manager binds its address again), `take` (answered by one `fd KEY` packet per fd — or,
//! asked `take 2`, by `fds` batches like `puts` and a final `end 2`, which tells the manager
//! this keeper takes batches; one left by an older manager answers the old way), one
//! `intent …` packet per open intent and a final `end`; the keeper keeps the fds until the new
//! manager, its own put back under its own keys, deletes the old ones, and the intents until
//! it settles them), `resolve KEY 0|1` (settle a handed-over intent: take its bytes out or
//! not; answered by `resolved`), `chan` (with the journal writer's end of a socket pair, a second
//! connection of the same manager), and `quit` (a clean manager exit: the keeper closes
//! everything and exits). On a channel: `intent KEY BYTES START END SEGMENT`, `commit KEY
//! BYTES` (take the bytes out of the pipe, and forget its intent), `sync` (answered by `synced` once everything
//! before is done). A connection that ends without `quit` is a crash: the keeper keeps the fds
//! and waits for the next manager — while some service can still write to a pipe it holds, or
//! for five minutes when only listening sockets are left; then nothing is worth saving and it
//! exits.

use std::collections::BTreeMap;
use std::io::{IoSlice, IoSliceMut};
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, poll};
use rustix::io::Errno;
use rustix::net::{
    AddressFamily, RecvAncillaryBuffer, RecvAncillaryMessage, RecvFlags, SendAncillaryBuffer,
    SendAncillaryMessage, SendFlags, SocketAddrUnix, SocketFlags, SocketType,
};

/// The keeper's key of socket `i` of a socket unit, for the manager of `generation`.
pub fn socket_key(generation: &str, unit: &str, i: usize) -> String {
    format!("{generation}:s:{i}:{unit}")
}

/// The keeper's key of an output pipe, for the manager of `generation`.
pub fn pipe_key(generation: &str, id: u64) -> String {
    format!("{generation}:p:{id}")
}

/// The keeper's socket, in the manager's runtime directory.
pub fn socket_path(linger_runtime: &Path) -> PathBuf {
    linger_runtime.join("fd-keeper")
}

/// How long listening sockets alone keep a keeper without a manager alive.
const SOCKETS_GRACE: Duration = Duration::from_secs(300);

/// Longest message (a key is a prefix and a unit name, at most 256 bytes; an intent names a
/// journal segment's path).
const MAX_MESSAGE: usize = 8192;

/// Most fds in one packet (the kernel's limit is 253): a new manager takes 500 pipes back in
/// three packets, not 500.
const BATCH_FDS: usize = 200;

/// A write of the journal that holds lines of a pipe, and the pipe's bytes they came from:
/// announced before the write, settled after it (or by the next manager).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intent {
    /// The pipe's key.
    pub key: String,
    /// Bytes at the head of the pipe the lines came from.
    pub bytes: usize,
    /// Where in the segment the write starts and ends.
    pub start: u64,
    pub end: u64,
    /// The segment file.
    pub segment: PathBuf,
}

impl Intent {
    fn message(&self) -> Option<String> {
        let segment = self.segment.to_str()?;
        Some(format!(
            "intent {} {} {} {} {segment}",
            self.key, self.bytes, self.start, self.end
        ))
    }

    /// `intent KEY BYTES START END SEGMENT` (the path last: it may hold spaces).
    fn parse(text: &str) -> Option<Intent> {
        let mut f = text.strip_prefix("intent ")?.splitn(5, ' ');
        let key = f.next()?.to_string();
        let bytes = f.next()?.parse().ok()?;
        let start = f.next()?.parse().ok()?;
        let end = f.next()?.parse().ok()?;
        let segment = PathBuf::from(f.next()?);
        (!key.is_empty() && start <= end).then_some(Intent {
            key,
            bytes,
            start,
            end,
            segment,
        })
    }
}

/// Whether the journal write an intent announced is there, by its segment's length now:
/// through `end`, yes; a segment vacuumed since was complete, yes; not reached, no; torn (a
/// crash in the middle of the write), no — and the segment is cut back to `start`, so none of
/// the lines is there either: the next manager reads them all again from the pipe.
pub fn settle(i: &Intent) -> bool {
    match std::fs::metadata(&i.segment) {
        Ok(m) if m.len() >= i.end => true,
        Ok(m) => {
            if m.len() > i.start {
                let cut = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&i.segment)
                    .and_then(|f| f.set_len(i.start));
                if cut.is_err() {
                    // Cannot be cut: the lines there stay, and are not read again.
                    return true;
                }
            }
            false
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(_) => false,
    }
}

fn send(sock: BorrowedFd<'_>, text: &str, fd: Option<BorrowedFd<'_>>) -> rustix::io::Result<()> {
    match fd {
        Some(fd) => send_fds(sock, text, &[fd]),
        None => send_fds(sock, text, &[]),
    }
}

/// One packet with `fds` (at most [`BATCH_FDS`]).
fn send_fds(sock: BorrowedFd<'_>, text: &str, fds: &[BorrowedFd<'_>]) -> rustix::io::Result<()> {
    let mut space = [MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(BATCH_FDS))];
    let mut control = SendAncillaryBuffer::new(&mut space);
    if !fds.is_empty() {
        control.push(SendAncillaryMessage::ScmRights(fds));
    }
    let iov = [IoSlice::new(text.as_bytes())];
    loop {
        match rustix::net::sendmsg(sock, &iov, &mut control, SendFlags::NOSIGNAL) {
            Err(Errno::INTR) => continue,
            r => return r.map(|_| ()),
        }
    }
}

/// One packet: its text and the fds it carried. `Ok(None)` at end of connection.
fn receive(sock: BorrowedFd<'_>) -> rustix::io::Result<Option<(String, Vec<OwnedFd>)>> {
    let mut data = [0u8; MAX_MESSAGE];
    let mut space = [MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(BATCH_FDS))];
    let mut control = RecvAncillaryBuffer::new(&mut space);
    let msg = loop {
        let mut iov = [IoSliceMut::new(&mut data)];
        match rustix::net::recvmsg(sock, &mut iov, &mut control, RecvFlags::CMSG_CLOEXEC) {
            Err(Errno::INTR) => continue,
            r => break r?,
        }
    };
    let mut fds = Vec::new();
    for m in control.drain() {
        if let RecvAncillaryMessage::ScmRights(got) = m {
            fds.extend(got);
        }
    }
    if msg.bytes == 0 && fds.is_empty() {
        return Ok(None);
    }
    let text = String::from_utf8_lossy(&data[..msg.bytes.min(MAX_MESSAGE)]).into_owned();
    Ok(Some((text, fds)))
}

/// Batches of keys with their fds, each fitting one packet: at most [`BATCH_FDS`] fds and
/// [`MAX_MESSAGE`] bytes of text (`VERB\nKEY\nKEY…`).
fn batches<'a, T>(verb: &str, items: &'a [(String, T)]) -> Vec<(String, &'a [(String, T)])> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let mut text = verb.to_string();
        let mut end = start;
        while end < items.len()
            && end - start < BATCH_FDS
            && text.len() + 1 + items[end].0.len() <= MAX_MESSAGE
        {
            text.push('\n');
            text.push_str(&items[end].0);
            end += 1;
        }
        if end == start {
            // A key too long for any packet: skipped (keys are short; never happens).
            start += 1;
            continue;
        }
        out.push((text, &items[start..end]));
        start = end;
    }
    out
}

// ---------------------------------------------------------------------------------------
// The keeper process (`linger daemon --fd-keeper`, listening socket on stdin).

/// What the keeper holds.
#[derive(Default)]
struct Kept {
    fds: BTreeMap<String, OwnedFd>,
    /// Open intents by pipe key.
    intents: BTreeMap<String, Intent>,
    /// The journal writers' channels.
    chans: Vec<OwnedFd>,
}

/// Run the keeper on the listening socket `listener`. Returns the exit code.
pub fn serve(listener: OwnedFd) -> u8 {
    let own_uid = rustix::process::getuid().as_raw();
    let mut kept = Kept::default();
    let mut conn: Option<OwnedFd> = None;
    // A newcomer while the manager's connection is still open: the next manager, when the
    // old one's last copy of its socket is not closed yet (a child it was spawning holds one
    // until its exec), or a stray client of the same user. It waits, one at a time, and takes
    // the place when the connection ends; it never takes it from a live one.
    let mut waiting: Option<OwnedFd> = None;
    let mut served = false;
    let mut orphaned: Option<std::time::Instant> = None;
    // Held pipes found without a writer.
    let mut hung_up_pipes = std::collections::BTreeSet::new();
    loop {
        let (listener_ready, conn_ready, waiting_gone, chans_ready) = {
            let mut fds = vec![PollFd::new(&listener, PollFlags::IN)];
            if let Some(c) = &conn {
                fds.push(PollFd::new(c, PollFlags::IN));
            }
            // Only its hang-up: its requests wait for its turn.
            let waiting_at = fds.len();
            if let Some(w) = &waiting {
                fds.push(PollFd::new(w, PollFlags::empty()));
            }
            let first_chan = fds.len();
            fds.extend(kept.chans.iter().map(|c| PollFd::new(c, PollFlags::IN)));
            // Without a manager: woken when the last writer of a pipe we hold goes (its
            // hang-up; a pipe hung up once stays so and is not watched again: its hang-up is
            // level-triggered), and at the end of the listening sockets' grace.
            let orphan = served && conn.is_none();
            let first_pipe = fds.len();
            let watched: Vec<&String> = if orphan {
                kept.fds
                    .iter()
                    .filter(|(k, fd)| !hung_up_pipes.contains(*k) && is_fifo(fd))
                    .map(|(k, _)| k)
                    .collect()
            } else {
                Vec::new()
            };
            fds.extend(
                watched
                    .iter()
                    .filter_map(|k| kept.fds.get(*k))
                    .map(|fd| PollFd::new(fd, PollFlags::empty())),
            );
            let timeout = match orphaned {
                Some(since) if orphan && holds_sockets(&kept.fds) => {
                    let left = SOCKETS_GRACE.saturating_sub(since.elapsed());
                    Some(rustix::time::Timespec {
                        tv_sec: left.as_secs() as i64,
                        tv_nsec: i64::from(left.subsec_nanos()),
                    })
                }
                _ => None,
            };
            match poll(&mut fds, timeout.as_ref()) {
                Ok(_) => {}
                Err(Errno::INTR) => continue,
                Err(_) => return 1,
            }
            for (k, f) in watched.iter().zip(&fds[first_pipe..]) {
                if f.revents().intersects(PollFlags::HUP | PollFlags::ERR) {
                    hung_up_pipes.insert((*k).clone());
                }
            }
            let chans_ready: Vec<bool> = fds[first_chan..first_pipe]
                .iter()
                .map(|f| !f.revents().is_empty())
                .collect();
            (
                !fds[0].revents().is_empty(),
                conn.is_some() && !fds[1].revents().is_empty(),
                waiting.is_some() && !fds[waiting_at].revents().is_empty(),
                chans_ready,
            )
        };
        if waiting_gone {
            waiting = None;
        }
        if conn_ready && let Some(c) = &conn {
            match handle(c.as_fd(), &mut kept) {
                Handled::Continue => {}
                Handled::Closed => conn = None,
                Handled::Quit => return 0,
            }
        }
        // A channel's messages, in order; a closed one goes.
        let mut closed = Vec::new();
        for (i, ready) in chans_ready.into_iter().enumerate() {
            if !ready {
                continue;
            }
            let Ok(chan) = kept.chans[i].try_clone() else {
                closed.push(i);
                continue;
            };
            if !matches!(handle(chan.as_fd(), &mut kept), Handled::Continue) {
                closed.push(i);
            }
        }
        for i in closed.into_iter().rev() {
            kept.chans.swap_remove(i);
        }
        if listener_ready
            && let Ok(c) = rustix::net::accept_with(&listener, SocketFlags::CLOEXEC)
            && linger_ipc::peer_cred(&c).is_ok_and(|p| p.uid == own_uid)
        {
            // A manager that died may have left messages (its journal writer's intents
            // too): read them to the end first.
            if let Some(old) = conn.as_ref().filter(|o| hung_up(o.as_fd())) {
                loop {
                    match handle(old.as_fd(), &mut kept) {
                        Handled::Continue => {}
                        Handled::Closed => break,
                        Handled::Quit => return 0,
                    }
                }
                conn = None;
            }
            // While a manager is connected, nobody else may take its place: a newcomer waits
            // (replacing an earlier one).
            if conn.is_none() {
                drain_dead_chans(&mut kept);
                conn = Some(c);
                served = true;
            } else {
                waiting = Some(c);
            }
        }
        if conn.is_none()
            && let Some(next) = waiting.take()
        {
            drain_dead_chans(&mut kept);
            conn = Some(next);
        }
        // Without a manager: stay while a service could still write to a pipe we hold, and
        // for a while for listening sockets alone (clients wait in their backlog until the
        // next manager takes them), then go.
        hung_up_pipes.retain(|k| kept.fds.contains_key(k));
        match (served, &conn) {
            (true, None) => {
                let since = *orphaned.get_or_insert_with(std::time::Instant::now);
                if !anything_to_save(&kept.fds)
                    && (!holds_sockets(&kept.fds) || since.elapsed() > SOCKETS_GRACE)
                {
                    return 0;
                }
            }
            _ => orphaned = None,
        }
    }
}

/// Read every message the dead managers' journal writers left, and let their channels go.
fn drain_dead_chans(kept: &mut Kept) {
    let mut i = 0;
    while i < kept.chans.len() {
        if !hung_up(kept.chans[i].as_fd()) {
            i += 1;
            continue;
        }
        let Ok(chan) = kept.chans[i].try_clone() else {
            kept.chans.swap_remove(i);
            continue;
        };
        while matches!(handle(chan.as_fd(), kept), Handled::Continue) {}
        kept.chans.swap_remove(i);
    }
}

enum Handled {
    Continue,
    Closed,
    Quit,
}

fn handle(conn: BorrowedFd<'_>, kept: &mut Kept) -> Handled {
    let (text, fds) = match receive(conn) {
        Ok(Some(m)) => m,
        Ok(None) | Err(_) => return Handled::Closed,
    };
    if let Some(keys) = text.strip_prefix("puts\n") {
        for (key, fd) in keys.split('\n').zip(fds) {
            kept.fds.insert(key.to_string(), fd);
        }
        return Handled::Continue;
    }
    if let Some(keys) = text.strip_prefix("dels\n") {
        for key in keys.split('\n') {
            kept.fds.remove(key);
            kept.intents.remove(key);
        }
        return Handled::Continue;
    }
    // Only the first fd is meant; any other is closed as it drops.
    let fd = fds.into_iter().next();
    let (verb, key) = text.split_once(' ').unwrap_or((text.as_str(), ""));
    let reply = |what: &str| send(conn, what, None).is_ok();
    match (verb, fd) {
        ("put", Some(fd)) if !key.is_empty() => {
            kept.fds.insert(key.to_string(), fd);
        }
        ("del", _) => {
            kept.fds.remove(key);
            kept.intents.remove(key);
        }
        ("close", _) => {
            kept.fds.remove(key);
            kept.intents.remove(key);
            if !reply("closed") {
                return Handled::Closed;
            }
        }
        ("chan", Some(fd)) => kept.chans.push(fd),
        ("intent", _) => {
            if let Some(i) = Intent::parse(&text) {
                kept.intents.insert(i.key.clone(), i);
            }
        }
        ("commit", _) => {
            // `commit KEY BYTES`: the bytes go whether or not an intent came first (a batch
            // whose lines were all rate-limited away is not written, so not announced).
            match key.split_once(' ') {
                Some((key, bytes)) => {
                    kept.intents.remove(key);
                    if let (Ok(n), Some(fd)) = (bytes.parse(), kept.fds.get(key)) {
                        let _ = crate::pipe_peek::consume(fd.as_fd(), n);
                    }
                }
                None => take_out(kept, key),
            }
        }
        ("sync", _) => {
            return match reply("synced") {
                true => Handled::Continue,
                false => Handled::Closed,
            };
        }
        ("resolve", _) => {
            if let Some((key, yes)) = key.rsplit_once(' ') {
                if yes == "1" {
                    take_out(kept, key);
                }
                kept.intents.remove(key);
            }
            if !reply("resolved") {
                return Handled::Closed;
            }
        }
        ("take", _) => {
            // Copies: ours are kept until the new manager, its own put back under its own
            // keys, deletes the old ones (a crash in between loses nothing). The intents go
            // to it to settle (an intent for a pipe no longer held means nothing).
            // `take 2`: a manager that takes them in batches (`fds` packets; `end 2`).
            let batched = key == "2";
            if batched {
                let all: Vec<(String, BorrowedFd<'_>)> = kept
                    .fds
                    .iter()
                    .map(|(k, fd)| (k.clone(), fd.as_fd()))
                    .collect();
                for (text, items) in batches("fds", &all) {
                    let fds: Vec<BorrowedFd<'_>> = items.iter().map(|(_, fd)| *fd).collect();
                    if send_fds(conn, &text, &fds).is_err() {
                        return Handled::Closed;
                    }
                }
            } else {
                for (k, fd) in kept.fds.iter() {
                    if send(conn, &format!("fd {k}"), Some(fd.as_fd())).is_err() {
                        return Handled::Closed;
                    }
                }
            }
            for i in kept
                .intents
                .values()
                .filter(|i| kept.fds.contains_key(&i.key))
            {
                if let Some(m) = i.message()
                    && send(conn, &m, None).is_err()
                {
                    return Handled::Closed;
                }
            }
            if !reply(if batched { "end 2" } else { "end" }) {
                return Handled::Closed;
            }
        }
        ("quit", _) => return Handled::Quit,
        _ => {} // unknown or malformed: ignored, as the manager that sent it is ours
    }
    Handled::Continue
}

/// Take an open intent's bytes out of its pipe (they are there: only the manager's reader,
/// which waits for this, takes bytes out of it).
fn take_out(kept: &mut Kept, key: &str) {
    if let (Some(i), Some(fd)) = (kept.intents.remove(key), kept.fds.get(key)) {
        let _ = crate::pipe_peek::consume(fd.as_fd(), i.bytes);
    }
}

/// Whether the other end of a connection is gone.
fn hung_up(conn: BorrowedFd<'_>) -> bool {
    let mut p = [PollFd::new(&conn, PollFlags::IN | PollFlags::RDHUP)];
    let zero = rustix::time::Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    poll(&mut p, Some(&zero)).is_ok()
        && p[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::RDHUP | PollFlags::ERR)
}

fn is_fifo(fd: &OwnedFd) -> bool {
    rustix::fs::fstat(fd).is_ok_and(|st| rustix::fs::FileType::from_raw_mode(st.st_mode).is_fifo())
}

/// Whether anything held is not a pipe (a listening socket).
fn holds_sockets(held: &BTreeMap<String, OwnedFd>) -> bool {
    held.values().any(|fd| !is_fifo(fd))
}

/// Whether a held pipe still has a writer (a service that would die of SIGPIPE without us).
fn anything_to_save(held: &BTreeMap<String, OwnedFd>) -> bool {
    held.values().any(|fd| {
        if !is_fifo(fd) {
            return false;
        }
        let mut p = [PollFd::new(fd, PollFlags::empty())];
        let zero = rustix::time::Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        match poll(&mut p, Some(&zero)) {
            Ok(_) => !p[0].revents().contains(PollFlags::HUP),
            Err(_) => false,
        }
    })
}

// ---------------------------------------------------------------------------------------
// The manager's side.

/// The manager's connection to its keeper, started on first use.
#[derive(Debug)]
pub struct Link {
    path: PathBuf,
    exe: PathBuf,
    sock: Option<OwnedFd>,
    /// This manager's key prefix: its keys never collide with a predecessor's.
    generation: String,
    /// Set after a failure, so it is reported once and not retried on every fd.
    failed: bool,
    /// The keeper takes `puts`/`dels` batches (one this binary started, or one that said
    /// so): puts wait in `pending` until [`Link::flush`] (or the next message) sends them.
    batches: bool,
    pending: Vec<(String, OwnedFd)>,
}

/// Why the keeper is unavailable.
pub type KeeperError = String;

impl Link {
    /// A link to the keeper at `path`, spawned from `exe` when first needed.
    pub fn new(path: PathBuf, exe: PathBuf) -> Self {
        let now = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
        Link {
            path,
            exe,
            sock: None,
            batches: false,
            pending: Vec::new(),
            generation: format!(
                "{:x}.{:x}{:09}",
                std::process::id(),
                now.tv_sec,
                now.tv_nsec
            ),
            failed: false,
        }
    }

    /// This manager's key prefix.
    pub fn generation(&self) -> &str {
        &self.generation
    }

    /// A link that never keeps anything (tests of parts that do not need one).
    pub fn disabled() -> Self {
        Link {
            path: PathBuf::new(),
            exe: PathBuf::new(),
            sock: None,
            batches: false,
            pending: Vec::new(),
            generation: String::new(),
            failed: true,
        }
    }

    /// Connect to a keeper left by a previous manager and take every fd it holds, with the
    /// intents of its last journal writes to settle ([`Link::resolve`]). Empty when there is
    /// none.
    pub fn take_over(&mut self) -> Result<Taken, KeeperError> {
        let mut out = Taken::default();
        let Ok(sock) = connect(&self.path) else {
            return Ok(out);
        };
        // `take 2`: in batches, if the keeper knows them (one left by an older manager
        // answers one fd a packet, and ends with a plain `end`).
        send(sock.as_fd(), "take 2", None).map_err(|e| format!("fd keeper: {e}"))?;
        loop {
            match receive(sock.as_fd()) {
                Ok(Some((text, fds))) => {
                    if let Some(keys) = text.strip_prefix("fds\n") {
                        out.fds
                            .extend(keys.split('\n').map(str::to_string).zip(fds));
                    } else if let (Some(key), Some(fd)) =
                        (text.strip_prefix("fd "), fds.into_iter().next())
                    {
                        out.fds.push((key.to_string(), fd));
                    } else if text == "end" || text == "end 2" {
                        self.batches = text == "end 2";
                        break;
                    } else {
                        out.intents.extend(Intent::parse(&text));
                    }
                }
                Ok(None) => break,
                Err(e) => return Err(format!("fd keeper: {e}")),
            }
        }
        self.sock = Some(sock);
        Ok(out)
    }

    /// Settle an intent handed over by [`Link::take_over`]: its pipe's bytes are taken out
    /// (`consume`: the journal has their lines) or left for the reader, and it is forgotten.
    pub fn resolve(&mut self, key: &str, consume: bool) -> Result<(), KeeperError> {
        self.send(&format!("resolve {key} {}", u8::from(consume)), None)?;
        self.answer("resolved")
    }

    /// The journal writer's end of a new channel to the keeper (started if need be), for
    /// taking output lines' bytes out of their pipes ([`PipeConsumer`]). None when there is
    /// no keeper (its failure was reported already).
    pub fn consumer(&mut self) -> Result<Option<PipeConsumer>, KeeperError> {
        if self.failed {
            return Ok(None);
        }
        let (ours, theirs) = rustix::net::socketpair(
            AddressFamily::UNIX,
            SocketType::SEQPACKET,
            SocketFlags::CLOEXEC,
            None,
        )
        .map_err(|e| format!("fd keeper: socketpair: {e}"))?;
        use rustix::net::sockopt::{Timeout, set_socket_timeout};
        // A keeper that stopped answering must not hang the journal's writer.
        set_socket_timeout(&ours, Timeout::Recv, Some(Duration::from_secs(2)))
            .and_then(|()| set_socket_timeout(&ours, Timeout::Send, Some(Duration::from_secs(2))))
            .map_err(|e| format!("fd keeper: {e}"))?;
        self.send("chan", Some(theirs.as_fd()))?;
        Ok(Some(PipeConsumer {
            sock: ours,
            generation: self.generation.clone(),
            crash_at: CrashAt::from_env(),
        }))
    }

    /// Keep a duplicate of `fd` under `key` (replacing one of the same key). With a keeper
    /// that takes batches it goes with the next [`Link::flush`] — the manager flushes before
    /// it writes the records that name the key — or the next message.
    pub fn put(&mut self, key: &str, fd: BorrowedFd<'_>) -> Result<(), KeeperError> {
        if self.failed {
            return Ok(());
        }
        self.ensure_started()?;
        if !self.batches {
            return self.send(&format!("put {key}"), Some(fd));
        }
        let dup = fd
            .try_clone_to_owned()
            .map_err(|e| format!("fd keeper: {e}"))?;
        self.pending.push((key.to_string(), dup));
        // A full packet goes at once: the duplicates waiting are fds the manager holds (10,000
        // services started in one turn must not need twice their fds).
        if self.pending.len() >= BATCH_FDS {
            return self.flush();
        }
        Ok(())
    }

    /// Send the puts waiting for a batch.
    pub fn flush(&mut self) -> Result<(), KeeperError> {
        if self.pending.is_empty() || self.failed {
            self.pending.clear();
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        let sent = match self.sock.as_ref() {
            Some(sock) => batches("puts", &pending)
                .into_iter()
                .try_for_each(|(text, items)| {
                    let fds: Vec<BorrowedFd<'_>> = items.iter().map(|(_, fd)| fd.as_fd()).collect();
                    send_fds(sock.as_fd(), &text, &fds)
                }),
            None => Ok(()),
        };
        sent.map_err(|e| self.fail(format!("fd keeper: {e}")))
    }

    /// Forget `key` (the keeper closes its duplicate).
    pub fn del(&mut self, key: &str) -> Result<(), KeeperError> {
        if self.sock.is_none() {
            return Ok(()); // nothing was ever kept
        }
        self.send(&format!("del {key}"), None)
    }

    /// Forget `keys` (in batches, if the keeper takes them).
    pub fn del_many(&mut self, keys: Vec<String>) -> Result<(), KeeperError> {
        if self.sock.is_none() || keys.is_empty() {
            return Ok(());
        }
        if !self.batches {
            return keys.iter().try_for_each(|k| self.del(k));
        }
        self.flush()?;
        let items: Vec<(String, ())> = keys.into_iter().map(|k| (k, ())).collect();
        for (text, _) in batches("dels", &items) {
            self.send(&text, None)?;
        }
        Ok(())
    }

    /// Give up on the keeper after `e` (reported once by the caller).
    fn fail(&mut self, e: String) -> KeeperError {
        self.failed = true;
        self.sock = None;
        self.pending.clear();
        format!("{e}; services will not survive a crash of this manager")
    }

    /// Connected (the keeper started if need be).
    fn ensure_started(&mut self) -> Result<(), KeeperError> {
        if self.sock.is_none() {
            match spawn(&self.path, &self.exe) {
                Ok(sock) => {
                    self.sock = Some(sock);
                    // Started from our own binary: it takes batches.
                    self.batches = true;
                }
                Err(e) => return Err(self.fail(e)),
            }
        }
        Ok(())
    }

    /// Forget `key` and wait until the keeper has closed its duplicate.
    pub fn close(&mut self, key: &str) -> Result<(), KeeperError> {
        if self.sock.is_none() {
            return Ok(());
        }
        self.send(&format!("close {key}"), None)?;
        self.answer("closed")
    }

    /// Wait for the keeper's answer `expected`.
    fn answer(&mut self, expected: &str) -> Result<(), KeeperError> {
        if self.failed {
            return Ok(());
        }
        let answered = self.sock.as_ref().map(|s| receive(s.as_fd()));
        match answered {
            Some(Ok(Some((text, _)))) if text == expected => Ok(()),
            other => Err(self.fail(format!("fd keeper: no answer ({other:?})"))),
        }
    }

    /// A clean exit: the keeper closes everything and ends.
    pub fn quit(&mut self) {
        self.pending.clear();
        if let Some(s) = self.sock.take() {
            let _ = send(s.as_fd(), "quit", None);
        }
    }

    fn send(&mut self, text: &str, fd: Option<BorrowedFd<'_>>) -> Result<(), KeeperError> {
        if self.failed {
            return Ok(());
        }
        self.ensure_started()?;
        // In order: the puts waiting for a batch go first.
        self.flush()?;
        let sent = match self.sock.as_ref() {
            Some(sock) => send(sock.as_fd(), text, fd),
            None => return Err(self.fail("fd keeper: not connected".into())),
        };
        sent.map_err(|e| self.fail(format!("fd keeper: {e}")))
    }
}

/// What a new manager takes over from its predecessor's keeper.
#[derive(Debug, Default)]
pub struct Taken {
    /// The fds by key.
    pub fds: Vec<(String, OwnedFd)>,
    /// The intents of the predecessor's last journal writes, to settle.
    pub intents: Vec<Intent>,
}

/// Where a manager kills itself with SIGKILL, for the tests of crash recovery that must
/// crash at one point and no other (`LINGER_CRASH_AT`): `journal-intent` — the journal's
/// write of the first lines of a pipe announced to the keeper, not yet done; `journal-written`
/// — that write done, the lines' bytes not yet taken out of their pipe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CrashAt {
    Intent,
    Written,
}

impl CrashAt {
    fn from_env() -> Option<CrashAt> {
        match std::env::var("LINGER_CRASH_AT").ok()?.as_str() {
            "journal-intent" => Some(CrashAt::Intent),
            "journal-written" => Some(CrashAt::Written),
            _ => None,
        }
    }

    fn now(self) {
        let me = rustix::process::getpid();
        let _ = rustix::process::kill_process(me, rustix::process::Signal::KILL);
        // SIGKILL cannot be caught: nothing after this runs.
    }
}

/// The journal writer's channel to the keeper: before each write that holds output lines it
/// says which pipe bytes they came from and where the write goes, and after it has the keeper
/// take those bytes out of the pipes, and waits for that (the pipes' readers look again only
/// then). See [`linger_journal::Consumer`].
#[derive(Debug)]
pub struct PipeConsumer {
    sock: OwnedFd,
    generation: String,
    crash_at: Option<CrashAt>,
}

impl linger_journal::Consumer for PipeConsumer {
    fn intent(&mut self, segment: &Path, start: u64, end: u64, sources: &[(u64, usize)]) -> bool {
        for &(pipe, bytes) in sources {
            let intent = Intent {
                key: pipe_key(&self.generation, pipe),
                bytes,
                start,
                end,
                segment: segment.to_path_buf(),
            };
            let sent = intent
                .message()
                .is_some_and(|m| send(self.sock.as_fd(), &m, None).is_ok());
            if !sent {
                return false;
            }
        }
        if self.crash_at == Some(CrashAt::Intent) {
            CrashAt::Intent.now();
        }
        true
    }

    fn commit(&mut self, sources: &[(u64, usize)]) -> bool {
        if self.crash_at == Some(CrashAt::Written) {
            CrashAt::Written.now();
        }
        let sock = self.sock.as_fd();
        for &(pipe, bytes) in sources {
            let key = pipe_key(&self.generation, pipe);
            if send(sock, &format!("commit {key} {bytes}"), None).is_err() {
                return false;
            }
        }
        send(sock, "sync", None).is_ok()
            && matches!(receive(sock), Ok(Some((text, _))) if text == "synced")
    }
}

fn seqpacket() -> rustix::io::Result<OwnedFd> {
    rustix::net::socket_with(
        AddressFamily::UNIX,
        SocketType::SEQPACKET,
        SocketFlags::CLOEXEC,
        None,
    )
}

fn connect(path: &Path) -> rustix::io::Result<OwnedFd> {
    use rustix::net::sockopt::{Timeout, set_socket_timeout};
    let sock = seqpacket()?;
    // A keeper that stopped answering must not hang the manager's event loop.
    set_socket_timeout(&sock, Timeout::Recv, Some(Duration::from_secs(2)))?;
    set_socket_timeout(&sock, Timeout::Send, Some(Duration::from_secs(2)))?;
    rustix::net::connect(&sock, &SocketAddrUnix::new(path)?)?;
    Ok(sock)
}

/// Bind the keeper's socket, start the keeper with it as stdin, and connect.
fn spawn(path: &Path, exe: &Path) -> Result<OwnedFd, KeeperError> {
    let fail = |what: &str, e: &dyn std::fmt::Display| format!("fd keeper: {what}: {e}");
    let listener = seqpacket().map_err(|e| fail("socket", &e))?;
    let _ = std::fs::remove_file(path);
    let addr = SocketAddrUnix::new(path).map_err(|e| fail("address", &e))?;
    rustix::net::bind(&listener, &addr).map_err(|e| fail(&path.display().to_string(), &e))?;
    rustix::net::listen(&listener, 4).map_err(|e| fail("listen", &e))?;
    // Its own process group: a Ctrl-C meant for a manager run from a terminal must not end
    // the keeper (the manager's clean exit tells it to go).
    use std::os::unix::process::CommandExt;
    std::process::Command::new(exe)
        .args(["daemon", "--fd-keeper"])
        .stdin(std::process::Stdio::from(listener))
        .stdout(std::process::Stdio::null())
        .process_group(0)
        .spawn()
        .map_err(|e| fail(&format!("cannot start {}", exe.display()), &e))?;
    connect(path).map_err(|e| fail("connect", &e))
}

/// `linger daemon --fd-keeper`: the listening socket is our stdin.
pub fn serve_stdin() -> u8 {
    match std::io::stdin().as_fd().try_clone_to_owned() {
        Ok(fd) => serve(fd),
        Err(_) => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    /// The keeper loop in a thread stands in for the process.
    fn start(dir: &Path) -> (PathBuf, std::thread::JoinHandle<u8>) {
        let path = socket_path(dir);
        let listener = seqpacket().unwrap();
        rustix::net::bind(&listener, &SocketAddrUnix::new(&path).unwrap()).unwrap();
        rustix::net::listen(&listener, 4).unwrap();
        (path, std::thread::spawn(move || serve(listener)))
    }

    fn link(path: &Path) -> Link {
        let mut l = Link::new(path.to_path_buf(), PathBuf::from("/nonexistent"));
        l.sock = Some(connect(path).unwrap());
        l
    }

    #[test]
    fn a_pipe_outlives_the_manager_and_the_next_one_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        let (path, keeper) = start(dir.path());
        let (r, mut w) = std::io::pipe().unwrap();
        {
            let mut first = link(&path);
            first.put("p:1", r.as_fd()).unwrap();
            drop(r);
            // The "crash": our connection ends without quit.
        }
        // Had the keeper not held the read end, this write would fail with EPIPE.
        w.write_all(b"still here\n").unwrap();
        let mut second = Link::new(path.clone(), PathBuf::from("/nonexistent"));
        let mut taken = second.take_over().unwrap().fds;
        assert_eq!(taken.len(), 1);
        assert_eq!(taken[0].0, "p:1");
        let mut f = std::fs::File::from(taken.remove(0).1);
        let mut buf = [0u8; 11];
        f.read_exact(&mut buf).unwrap();
        assert_eq!(&buf, b"still here\n");
        second.quit();
        assert_eq!(keeper.join().unwrap(), 0);
    }

    #[test]
    fn a_stray_client_cannot_take_a_live_managers_place() {
        let dir = tempfile::tempdir().unwrap();
        let (path, keeper) = start(dir.path());
        let (r, _w) = std::io::pipe().unwrap();
        let mut manager = link(&path);
        manager.put("p:1", r.as_fd()).unwrap();
        let stray = connect(&path).unwrap();
        let _ = send(stray.as_fd(), "take", None);
        manager
            .close("p:1")
            .expect("the manager's link still works");
        manager.quit();
        assert_eq!(keeper.join().unwrap(), 0);
        // It waited, unanswered, and nothing was handed out: the keeper went with the manager.
        assert!(matches!(receive(stray.as_fd()), Ok(None) | Err(_)));
    }

    /// The next manager can connect while the dead one's socket still looks open (a child it
    /// was spawning holds a copy until its exec): it waits for its turn, it is not refused.
    #[test]
    fn the_next_manager_waits_for_the_old_connection_to_end() {
        let dir = tempfile::tempdir().unwrap();
        let (path, keeper) = start(dir.path());
        let (r, _w) = std::io::pipe().unwrap();
        let mut first = link(&path);
        first.put("p:1", r.as_fd()).unwrap();
        // The copy a half-spawned child would hold.
        let held = first.sock.as_ref().unwrap().try_clone().unwrap();
        drop(first);
        let (tx, rx) = std::sync::mpsc::channel();
        let next = std::thread::spawn({
            let path = path.clone();
            move || {
                let mut second = Link::new(path, PathBuf::from("/nonexistent"));
                let taken = second.take_over();
                tx.send(()).unwrap();
                (second, taken)
            }
        });
        assert!(
            rx.recv_timeout(Duration::from_millis(100)).is_err(),
            "answered while the old connection was open"
        );
        drop(held);
        let (mut second, taken) = next.join().unwrap();
        let keys: Vec<String> = taken.unwrap().fds.into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["p:1"]);
        second.quit();
        assert_eq!(keeper.join().unwrap(), 0);
    }

    #[test]
    fn a_closed_listening_socket_frees_its_address_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let (path, keeper) = start(dir.path());
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let mut l = link(&path);
        l.put("s:0:web.socket", listener.as_fd()).unwrap();
        drop(listener);
        l.close("s:0:web.socket").unwrap();
        // No wait, no retry: the keeper's copy is gone when close returns.
        std::net::TcpListener::bind(addr).expect("the address is free again");
        l.quit();
        assert_eq!(keeper.join().unwrap(), 0);
    }

    #[test]
    fn deleted_fds_are_closed_and_without_live_pipes_it_exits() {
        let dir = tempfile::tempdir().unwrap();
        let (path, keeper) = start(dir.path());
        let (r, w) = std::io::pipe().unwrap();
        let (r2, w2) = std::io::pipe().unwrap();
        {
            let mut l = link(&path);
            l.put("p:1", r.as_fd()).unwrap();
            l.put("p:2", r2.as_fd()).unwrap();
            l.del("p:2").unwrap();
            drop((r, r2));
        }
        // p:2 was deleted: its write end has no reader left anywhere.
        let mut w2 = std::fs::File::from(OwnedFd::from(w2));
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        loop {
            match w2.write(b"x") {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => break,
                _ if std::time::Instant::now() > deadline => panic!("p:2 still has a reader"),
                _ => std::thread::sleep(Duration::from_millis(10)),
            }
        }
        // The crash left the keeper waiting for p:1's writer; when it goes, so does the keeper.
        assert!(!keeper.is_finished());
        drop(w);
        assert_eq!(keeper.join().unwrap(), 0);
    }

    /// The journal writer's intent outlives a crash between its write and the bytes' removal:
    /// the next manager gets it with the pipe and settles it; a committed one is gone.
    #[test]
    fn an_open_intent_goes_to_the_next_manager_who_settles_it() {
        use linger_journal::Consumer;
        let dir = tempfile::tempdir().unwrap();
        let (path, keeper) = start(dir.path());
        let (r, mut w) = std::io::pipe().unwrap();
        w.write_all(b"zero\none\ntwo\nthree\n").unwrap();
        let seg = dir.path().join("a segment.lj");
        let key;
        {
            let mut first = link(&path);
            key = pipe_key(first.generation(), 1);
            first.put(&key, r.as_fd()).unwrap();
            let mut c = first.consumer().unwrap().expect("a keeper");
            // "zero\n" all rate-limited away (nothing written, nothing announced): taken out.
            assert!(c.commit(&[(1, 5)]));
            // "one\n" written and taken out; "two\n" announced, then the crash.
            assert!(c.intent(&seg, 64, 80, &[(1, 4)]));
            assert!(c.commit(&[(1, 4)]));
            assert!(c.intent(&seg, 80, 96, &[(1, 4)]));
        }
        drop(r);
        let mut second = Link::new(path.clone(), PathBuf::from("/nonexistent"));
        let taken = second.take_over().unwrap();
        assert_eq!(
            taken.intents,
            vec![Intent {
                key: key.clone(),
                bytes: 4,
                start: 80,
                end: 96,
                segment: seg.clone(),
            }]
        );
        second.resolve(&key, true).unwrap();
        let mut f = std::fs::File::from(taken.fds.into_iter().next().unwrap().1);
        let mut buf = [0u8; 6];
        f.read_exact(&mut buf).unwrap();
        assert_eq!(
            &buf, b"three\n",
            "zero and one by the commits, two by the resolve"
        );
        // Settled: a third manager gets no intent.
        drop(second);
        let mut third = Link::new(path.clone(), PathBuf::from("/nonexistent"));
        assert!(third.take_over().unwrap().intents.is_empty());
        third.quit();
        assert_eq!(keeper.join().unwrap(), 0);
    }

    #[test]
    fn an_intent_is_settled_by_the_segments_length() {
        let dir = tempfile::tempdir().unwrap();
        let seg = dir.path().join("s.lj");
        let intent = |start, end| Intent {
            key: "k".into(),
            bytes: 1,
            start,
            end,
            segment: seg.clone(),
        };
        std::fs::write(&seg, [0u8; 100]).unwrap();
        assert!(settle(&intent(50, 100)), "written to its end");
        assert!(!settle(&intent(100, 120)), "not written");
        assert_eq!(std::fs::metadata(&seg).unwrap().len(), 100);
        assert!(!settle(&intent(60, 120)), "torn");
        assert_eq!(
            std::fs::metadata(&seg).unwrap().len(),
            60,
            "cut back to the write's start"
        );
        std::fs::remove_file(&seg).unwrap();
        assert!(settle(&intent(0, 10)), "vacuumed: it was complete");
        assert_eq!(
            Intent::parse("intent g:p:1 4 80 96 /a b/c.lj"),
            Some(Intent {
                key: "g:p:1".into(),
                bytes: 4,
                start: 80,
                end: 96,
                segment: "/a b/c.lj".into(),
            })
        );
        assert_eq!(Intent::parse("intent g:p:1 4 96 80 /x"), None);
        assert_eq!(Intent::parse("intent g:p:1 x 80 96 /x"), None);
    }

    /// Hundreds of fds go over in a few packets (each way), and a keeper still answers one
    /// fd a packet to a manager that asks for it so.
    #[test]
    fn fds_go_in_batches_and_come_back_in_batches() {
        let dir = tempfile::tempdir().unwrap();
        let (path, keeper) = start(dir.path());
        let pipes: Vec<_> = (0..450).map(|_| std::io::pipe().unwrap()).collect();
        {
            let mut first = link(&path);
            first.batches = true;
            for (i, (r, _)) in pipes.iter().enumerate() {
                first.put(&format!("g:p:{i}"), r.as_fd()).unwrap();
            }
            assert_eq!(
                first.pending.len(),
                50,
                "full packets went at once, the rest waits"
            );
            first.flush().unwrap();
            first
                .del_many(vec!["g:p:0".into(), "g:p:1".into()])
                .unwrap();
            // The crash.
        }
        let mut second = Link::new(path.clone(), PathBuf::from("/nonexistent"));
        let taken = second.take_over().unwrap();
        assert!(second.batches, "this keeper answered in batches");
        let mut keys: Vec<String> = taken.fds.iter().map(|(k, _)| k.clone()).collect();
        keys.sort_by_key(|k| k[4..].parse::<u32>().unwrap());
        let want: Vec<String> = (2..450).map(|i| format!("g:p:{i}")).collect();
        assert_eq!(keys, want);
        // Each fd is the pipe of its key.
        let (k, fd) = &taken.fds.iter().find(|(k, _)| k == "g:p:7").unwrap();
        let mut w = std::fs::File::from(OwnedFd::from(pipes[7].1.try_clone().unwrap()));
        w.write_all(b"7\n").unwrap();
        let mut f = std::fs::File::from(fd.try_clone().unwrap());
        let mut buf = [0u8; 2];
        f.read_exact(&mut buf).unwrap();
        assert_eq!((k.as_str(), &buf), ("g:p:7", b"7\n"));
        drop(taken);
        drop(second);
        // The old way, as a manager of an earlier version asks.
        let old = connect(&path).unwrap();
        send(old.as_fd(), "take", None).unwrap();
        let mut n = 0;
        loop {
            let (text, fds) = receive(old.as_fd()).unwrap().unwrap();
            if text == "end" {
                break;
            }
            assert!(text.starts_with("fd g:p:") && fds.len() == 1, "{text}");
            n += 1;
        }
        assert_eq!(n, 448);
        send(old.as_fd(), "quit", None).unwrap();
        assert_eq!(keeper.join().unwrap(), 0);
    }
}
