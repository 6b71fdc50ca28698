//! Readiness of listening sockets, reported to the event loop.
//!
//! A socket unit's fds must be watched without accepting (`Accept=no` hands the listening
//! socket itself to the service), and tokio offers no safe way to wait on a foreign fd's
//! readiness. One thread blocks in poll(2) over the watched fds plus an eventfd used to
//! tell it the set changed; a ready unit is sent to the loop once and unwatched until the
//! engine arms it again — no busy loop while the service owns the traffic.
//!
//! `unwatch` returns only once the thread has let go of the unit's fds: a socket unit that is
//! stopped and started again must be able to bind the same address at once (EADDRINUSE
//! otherwise, while a stale poll snapshot still held the old listening socket open).

use std::os::fd::OwnedFd;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use rustix::event::{EventfdFlags, PollFd, PollFlags, eventfd, poll};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

#[derive(Debug, Default)]
struct Set {
    /// (unit, fds) being watched.
    entries: Vec<(String, Vec<Arc<OwnedFd>>)>,
    /// Bumped by every change of `entries`.
    generation: u64,
    /// The generation of the thread's current snapshot (older snapshots are dropped).
    seen: u64,
    /// The thread has ended (nothing will ever hold fds again).
    gone: bool,
}

#[derive(Debug, Default)]
struct Shared {
    set: Mutex<Set>,
    snapshot_taken: Condvar,
}

/// Handle to the watcher thread (cheap to clone).
#[derive(Debug, Clone)]
pub struct Watcher {
    shared: Arc<Shared>,
    wake: Arc<OwnedFd>,
}

/// How long `unwatch` waits for the thread (it is only ever blocked in poll, which the
/// eventfd interrupts; the bound is a guard, not an expected wait).
const RELEASE_WAIT: Duration = Duration::from_secs(1);

impl Watcher {
    /// Start the thread; readable units arrive on the returned receiver.
    pub fn spawn() -> std::io::Result<(Watcher, UnboundedReceiver<String>)> {
        let wake = Arc::new(eventfd(0, EventfdFlags::CLOEXEC | EventfdFlags::NONBLOCK)?);
        let shared = Arc::new(Shared::default());
        let (tx, rx) = unbounded_channel();
        let w = Watcher {
            shared: shared.clone(),
            wake: wake.clone(),
        };
        std::thread::Builder::new()
            .name("socket-watch".into())
            .spawn(move || {
                run(&shared, &wake, &tx);
                shared.lock().gone = true;
                shared.snapshot_taken.notify_all();
            })?;
        Ok((w, rx))
    }

    /// Watch `unit`'s fds (replacing an earlier arming).
    pub fn watch(&self, unit: &str, fds: Vec<Arc<OwnedFd>>) {
        {
            let mut s = self.shared.lock();
            s.entries.retain(|(u, _)| u != unit);
            s.entries.push((unit.to_string(), fds));
            s.generation += 1;
        }
        self.kick();
    }

    /// Stop watching `unit`; on return the thread holds none of its fds.
    pub fn unwatch(&self, unit: &str) {
        let mut s = self.shared.lock();
        let before = s.entries.len();
        s.entries.retain(|(u, _)| u != unit);
        if before == s.entries.len() && s.seen == s.generation {
            return;
        }
        s.generation += 1;
        let wanted = s.generation;
        self.kick();
        let _ = self
            .shared
            .snapshot_taken
            .wait_timeout_while(s, RELEASE_WAIT, |s| s.seen < wanted && !s.gone);
    }

    fn kick(&self) {
        let _ = rustix::io::write(&*self.wake, &1u64.to_ne_bytes());
    }
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, Set> {
        self.set.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn run(shared: &Shared, wake: &OwnedFd, tx: &UnboundedSender<String>) {
    loop {
        // Snapshot: the Arcs keep every fd open while we poll on it even if the unit closes
        // meanwhile; the previous iteration's snapshot is already dropped here.
        let entries = {
            let mut s = shared.lock();
            s.seen = s.generation;
            s.entries.clone()
        };
        shared.snapshot_taken.notify_all();
        let mut owners = Vec::new();
        let mut pfds = vec![PollFd::new(wake, PollFlags::IN)];
        for (unit, fds) in &entries {
            for fd in fds {
                pfds.push(PollFd::new(&**fd, PollFlags::IN));
                owners.push(unit.as_str());
            }
        }
        match poll(&mut pfds, None) {
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            Err(_) => return,
        }
        if pfds[0].revents().contains(PollFlags::IN) {
            let mut buf = [0u8; 8];
            let _ = rustix::io::read(wake, &mut buf);
        }
        let mut ready: Vec<String> = Vec::new();
        for (pfd, unit) in pfds[1..].iter().zip(&owners) {
            if !pfd.revents().is_empty() && !ready.iter().any(|r| r == unit) {
                ready.push((*unit).to_string());
            }
        }
        if ready.is_empty() {
            continue;
        }
        {
            let mut s = shared.lock();
            s.entries.retain(|(u, _)| !ready.contains(u));
            s.generation += 1;
        }
        for unit in ready {
            if tx.send(unit).is_err() {
                return;
            }
        }
    }
}
