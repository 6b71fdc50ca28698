//! Accepting connections: caps in total, per non-root uid and for all non-root uids together
//! (from `limits.rs`), and a pause when `accept` itself fails — at the open-files limit it
//! fails at once, again and again; retrying at once would spin the loop and starve timers
//! and signals. A connection that broke the protocol (a frame too large or too slow, garbage)
//! is held, unread, for [`PENALTY`] before it is closed, and so is every connection its user
//! opens meanwhile (up to the per-user cap; beyond it they are closed at once), and so is
//! every connection of theirs that was open already, before its next frame is read: a user
//! who floods the daemon with bad frames waits instead of making it read and discard them as
//! fast as they can send. Each connection is served by a task of its own (`server.rs`), which
//! reads a user's frames in that user's turn.
//!
//! A flood of connections costs the daemon little, and costs root nothing. The shared socket
//! is accepted on a thread of its own, below the loop's priority: it takes each connection
//! as a bare descriptor (no task, no reactor registration, no allocation), reads its peer's
//! uid, closes it at once without a word in the log when that uid opens connections faster
//! than [`USER_RATE`], and hands the others to the loop. Root's socket has its own accept
//! task on the loop. Before, one loop accepted both and served every connection of a flood
//! in a task of its own: 70 % of a CPU went to a user connecting and hanging up in a loop,
//! and on a loaded machine root's requests waited for that CPU.

use std::cell::RefCell;
use std::collections::HashMap;
use std::os::fd::OwnedFd;
use std::rc::Rc;
use std::time::{Duration, Instant};

use linger_ipc::PeerCred;
use tokio::io::unix::AsyncFd;
use tokio::net::UnixStream;
use tokio::sync::mpsc;

use crate::limits::{Budget, MAX_PER_USER};
use crate::log;
use crate::server::{self, Ending};
use crate::state::Shared;

/// How long to stop accepting after `accept` failed.
const BACKOFF: Duration = Duration::from_millis(100);
/// How long a user's connections are refused after one broke the protocol.
pub const PENALTY: Duration = Duration::from_secs(1);
/// New connections a non-root uid may open per second (and at once, [`USER_BURST`]); beyond
/// it they are closed as soon as accepted. A tool run in a loop stays far below it.
pub const USER_RATE: Rate = Rate {
    per_second: 200,
    burst: 64,
};
/// Connections the shared socket's thread has accepted and the loop not yet taken: when
/// the loop is busy, the thread stops accepting and the rest waits in the backlog.
const HANDED_OVER: usize = 64;

/// A rate: so many a second, so many at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// Tokens added each second.
    pub per_second: u32,
    /// Tokens kept at most.
    pub burst: u32,
}

/// A token bucket for a [`Rate`].
#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn full(rate: Rate, now: Instant) -> Bucket {
        Bucket {
            tokens: f64::from(rate.burst),
            at: now,
        }
    }

    fn refill(&mut self, rate: Rate, now: Instant) {
        let secs = now.saturating_duration_since(self.at).as_secs_f64();
        self.tokens = (self.tokens + secs * f64::from(rate.per_second)).min(f64::from(rate.burst));
        self.at = now;
    }

    /// Take one token if there is one.
    fn take(&mut self, rate: Rate, now: Instant) -> bool {
        self.refill(rate, now);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    fn is_full(&self, rate: Rate, now: Instant) -> bool {
        let mut b = *self;
        b.refill(rate, now);
        b.tokens >= f64::from(rate.burst)
    }
}

/// Connection counts (one for both sockets).
#[derive(Debug, Default)]
pub struct Counts {
    total: usize,
    users: usize,
    per_uid: HashMap<u32, usize>,
    next_id: u64,
    /// Uids refused until then (they broke the protocol).
    penalized: HashMap<u32, Instant>,
}

/// Buckets kept before full ones are forgotten.
const RATES_KEPT: usize = 1024;

/// New connections (or datagrams) per non-root uid ([`USER_RATE`] unless told), kept by a
/// receiving thread (the shared socket's, the notify socket's, the journal sockets').
#[derive(Debug)]
pub struct Rates {
    rate: Rate,
    buckets: HashMap<u32, Bucket>,
}

impl Default for Rates {
    fn default() -> Rates {
        Rates::new(USER_RATE)
    }
}

impl Rates {
    /// Each non-root uid at `rate`.
    pub fn new(rate: Rate) -> Rates {
        Rates {
            rate,
            buckets: HashMap::new(),
        }
    }

    /// Whether `uid` may open one more connection now (root always may).
    pub fn allow(&mut self, uid: u32, now: Instant) -> bool {
        if uid == 0 {
            return true;
        }
        let rate = self.rate;
        if self.buckets.len() >= RATES_KEPT && !self.buckets.contains_key(&uid) {
            self.buckets.retain(|_, b| !b.is_full(rate, now));
        }
        self.buckets
            .entry(uid)
            .or_insert_with(|| Bucket::full(rate, now))
            .take(rate, now)
    }
}

impl Counts {
    /// Counts shared by the accept loops of both sockets.
    pub fn shared() -> Rc<RefCell<Counts>> {
        Rc::default()
    }

    /// Until when `uid` is penalized.
    fn penalty(&mut self, uid: u32, now: Instant) -> Option<Instant> {
        let until = *self.penalized.get(&uid)?;
        if now < until {
            return Some(until);
        }
        self.penalized.remove(&uid);
        None
    }

    /// Room for one more connection of `uid`: its connection id.
    fn admit(&mut self, uid: u32, budget: &Budget) -> Option<u64> {
        let mine = self.per_uid.get(&uid).copied().unwrap_or(0);
        let full = self.total >= budget.connections
            || (uid != 0 && (mine >= MAX_PER_USER || self.users >= budget.user_connections));
        if full {
            return None;
        }
        self.total += 1;
        if uid != 0 {
            self.users += 1;
        }
        *self.per_uid.entry(uid).or_insert(0) += 1;
        self.next_id += 1;
        Some(self.next_id)
    }

    fn penalize(&mut self, uid: u32, now: Instant) {
        self.penalized.insert(uid, now + PENALTY);
    }

    fn release(&mut self, uid: u32) {
        self.total -= 1;
        if uid != 0 {
            self.users -= 1;
        }
        if let Some(n) = self.per_uid.get_mut(&uid) {
            *n -= 1;
            if *n == 0 {
                self.per_uid.remove(&uid);
            }
        }
    }
}

/// The root socket, nonblocking, as [`accept_root`] takes it.
pub type Listener = AsyncFd<OwnedFd>;

/// Accept root's connections for ever (the task is dropped at exit). Mode 0600 keeps others
/// out; a peer that is not root all the same is closed at once.
///
/// Each accept takes a unit of tokio's cooperative budget. `AsyncFd::readable` takes none,
/// and `try_io` keeps the readiness while `accept` succeeds: without it, a backlog kept
/// non-empty (root's own tools or PAM logins arriving faster than they are accepted) would
/// keep this task from ever giving the loop's thread back, and the connections it accepted,
/// the main loop (timers, SIGCHLD, manager exits) and the users' connections would all wait
/// until the backlog ran dry. Only root can connect here, so no user can drive this loop;
/// the journal sockets' accept loop, which anyone can drive, had exactly this starvation
/// (`journal_route.rs`).
pub async fn accept_root(
    listener: Listener,
    state: Shared,
    budget: Budget,
    counts: Rc<RefCell<Counts>>,
) {
    use rustix::net::SocketFlags;
    let mut failing = false;
    loop {
        // The thread's other tasks get their turn however full the backlog stays (above).
        tokio::task::coop::consume_budget().await;
        let taken = match listener.readable().await {
            Ok(mut ready) => ready.try_io(|l| {
                rustix::net::accept_with(l.get_ref(), SocketFlags::NONBLOCK | SocketFlags::CLOEXEC)
                    .map_err(std::io::Error::from)
            }),
            Err(e) => Ok(Err(e)),
        };
        let fd = match taken {
            // Not ready after all (readiness cleared): wait again.
            Err(_) => continue,
            Ok(Ok(fd)) => {
                failing = false;
                fd
            }
            Ok(Err(e)) => {
                if !failing {
                    log::warn(format!("cannot accept connections: {e}; pausing"));
                    failing = true;
                }
                tokio::time::sleep(BACKOFF).await;
                continue;
            }
        };
        match linger_ipc::peer_cred(&fd) {
            Ok(cred) if cred.uid == 0 => start(&state, &counts, budget, fd, cred),
            _ => {}
        }
    }
}

/// Accept on the shared socket (`listener`, blocking) on a thread of its own at the workers'
/// priority, for ever; the connections admitted by their uid's rate come out of the receiver.
/// The thread ends when the receiver is dropped and the next connection comes.
pub fn accept_shared(
    listener: std::os::unix::net::UnixListener,
) -> std::io::Result<mpsc::Receiver<(OwnedFd, PeerCred)>> {
    use rustix::net::SocketFlags;
    let (tx, rx) = mpsc::channel(HANDED_OVER);
    std::thread::Builder::new()
        .name("accept".into())
        .spawn(move || {
            crate::jobs::lower_worker_priority();
            let mut rates = Rates::default();
            let mut failing = false;
            loop {
                let fd = match rustix::net::accept_with(
                    &listener,
                    SocketFlags::NONBLOCK | SocketFlags::CLOEXEC,
                ) {
                    Ok(fd) => {
                        failing = false;
                        fd
                    }
                    Err(rustix::io::Errno::INTR) => continue,
                    Err(e) => {
                        if !failing {
                            log::warn(format!("cannot accept connections: {e}; pausing"));
                            failing = true;
                        }
                        std::thread::sleep(BACKOFF);
                        continue;
                    }
                };
                // Up to here nothing was allocated; a refused descriptor is just closed.
                let Ok(cred) = linger_ipc::peer_cred(&fd) else {
                    continue;
                };
                if !rates.allow(cred.uid, Instant::now()) {
                    continue;
                }
                if tx.blocking_send((fd, cred)).is_err() {
                    return;
                }
            }
        })?;
    Ok(rx)
}

/// Serve the connections the shared socket's thread hands over, for ever.
pub async fn serve_shared(
    mut handed: mpsc::Receiver<(OwnedFd, PeerCred)>,
    state: Shared,
    budget: Budget,
    counts: Rc<RefCell<Counts>>,
) {
    while let Some((fd, cred)) = handed.recv().await {
        start(&state, &counts, budget, fd, cred);
    }
}

/// Serve an accepted connection in a task of its own if its uid has room; else close it
/// (the client learns at once instead of waiting).
fn start(
    state: &Shared,
    counts: &Rc<RefCell<Counts>>,
    budget: Budget,
    fd: OwnedFd,
    cred: PeerCred,
) {
    let (id, penalty) = {
        let mut c = counts.borrow_mut();
        let Some(id) = c.admit(cred.uid, &budget) else {
            return;
        };
        (id, c.penalty(cred.uid, Instant::now()))
    };
    let Ok(stream) = UnixStream::from_std(std::os::unix::net::UnixStream::from(fd)) else {
        counts.borrow_mut().release(cred.uid);
        return;
    };
    let st = state.clone();
    let c = counts.clone();
    tokio::task::spawn_local(async move {
        match penalty {
            // Held unread, then closed: the user's client waits, the daemon does not work.
            Some(until) => {
                tokio::time::sleep_until(until.into()).await;
                drop(stream);
            }
            None => {
                let held =
                    || cred.uid != 0 && c.borrow_mut().penalty(cred.uid, Instant::now()).is_some();
                match server::serve(st, stream, id, cred, held).await {
                    // The offending connection too is held for the penalty.
                    (Ending::Violation, Some(stream)) if cred.uid != 0 => {
                        c.borrow_mut().penalize(cred.uid, Instant::now());
                        tokio::time::sleep(PENALTY).await;
                        drop(stream);
                    }
                    // Another one's offence: held until the penalty ends.
                    (Ending::Held, Some(stream)) => {
                        let until = c.borrow_mut().penalty(cred.uid, Instant::now());
                        if let Some(until) = until {
                            tokio::time::sleep_until(until.into()).await;
                        }
                        drop(stream);
                    }
                    _ => {}
                }
            }
        }
        c.borrow_mut().release(cred.uid);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps() {
        let b = Budget {
            nofile: 1024,
            connections: 200,
            user_connections: 100,
        };
        let mut c = Counts::default();
        let now = Instant::now();
        for _ in 0..MAX_PER_USER {
            assert!(c.admit(1000, &b).is_some());
        }
        assert_eq!(c.admit(1000, &b), None, "per-user cap");
        for _ in 0..(100 - MAX_PER_USER) {
            assert!(c.admit(1001, &b).is_some());
        }
        assert_eq!(c.admit(1002, &b), None, "users' share");
        for _ in 0..100 {
            assert!(c.admit(0, &b).is_some(), "root keeps the rest");
        }
        assert_eq!(c.admit(0, &b), None, "total cap");
        c.release(0);
        assert_eq!(c.admit(1002, &b), None, "users' share still full");
        assert!(c.admit(0, &b).is_some());
        c.release(1000);
        assert!(c.admit(1000, &b).is_some(), "room again");
        assert_eq!(c.per_uid[&1000], MAX_PER_USER);
        // A protocol violation puts the user in the penalty box for a while.
        c.penalize(1001, now);
        assert_eq!(c.penalty(1001, now + PENALTY / 2), Some(now + PENALTY));
        assert_eq!(c.penalty(1001, now + PENALTY), None, "penalty over");
        assert_eq!(c.penalty(1002, now), None);
    }

    #[test]
    fn a_uid_opening_connections_too_fast_is_refused_until_its_rate_allows() {
        let mut c = Rates::default();
        let now = Instant::now();
        for _ in 0..USER_RATE.burst {
            assert!(c.allow(1000, now));
        }
        assert!(!c.allow(1000, now), "burst spent");
        assert!(c.allow(1001, now), "another uid has its own");
        assert!(c.allow(0, now), "root is not limited");
        let one = Duration::from_secs(1) / USER_RATE.per_second;
        assert!(!c.allow(1000, now + one / 2));
        assert!(c.allow(1000, now + one * 2), "refilled at the rate");
        // Full buckets are forgotten when many uids came by.
        for uid in 2000..2000 + RATES_KEPT as u32 {
            c.allow(uid, now);
        }
        let later = now + Duration::from_secs(1);
        assert!(c.allow(9999, later));
        assert!(c.buckets.len() < 10, "{} buckets kept", c.buckets.len());
    }
}
