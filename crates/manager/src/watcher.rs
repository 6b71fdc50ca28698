//! Readiness of listening sockets, reported to the event loop.
//!
//! A socket unit's fds must be watched without accepting (`Accept=no` hands the listening
//! socket itself to the service), and tokio offers no safe way to wait on a foreign fd's
//! readiness. One thread blocks in poll(2) over the watched fds plus an eventfd used to
//! tell it the set changed; a ready unit is sent to the loop once and unwatched until the
//! engine arms it again — no busy loop while the service owns the traffic.

use std::os::fd::OwnedFd;
use std::sync::{Arc, Mutex, PoisonError};

use rustix::event::{EventfdFlags, PollFd, PollFlags, eventfd, poll};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

#[derive(Debug, Default)]
struct Set {
    /// (unit, fds) being watched.
    entries: Vec<(String, Vec<Arc<OwnedFd>>)>,
}

/// Handle to the watcher thread (cheap to clone).
#[derive(Debug, Clone)]
pub struct Watcher {
    set: Arc<Mutex<Set>>,
    wake: Arc<OwnedFd>,
}

impl Watcher {
    /// Start the thread; readable units arrive on the returned receiver.
    pub fn spawn() -> std::io::Result<(Watcher, UnboundedReceiver<String>)> {
        let wake = Arc::new(eventfd(0, EventfdFlags::CLOEXEC | EventfdFlags::NONBLOCK)?);
        let set = Arc::new(Mutex::new(Set::default()));
        let (tx, rx) = unbounded_channel();
        let w = Watcher {
            set: set.clone(),
            wake: wake.clone(),
        };
        std::thread::Builder::new()
            .name("socket-watch".into())
            .spawn(move || run(&set, &wake, &tx))?;
        Ok((w, rx))
    }

    /// Watch `unit`'s fds (replacing an earlier arming).
    pub fn watch(&self, unit: &str, fds: Vec<Arc<OwnedFd>>) {
        {
            let mut s = self.set.lock().unwrap_or_else(PoisonError::into_inner);
            s.entries.retain(|(u, _)| u != unit);
            s.entries.push((unit.to_string(), fds));
        }
        self.kick();
    }

    /// Stop watching `unit`.
    pub fn unwatch(&self, unit: &str) {
        let changed = {
            let mut s = self.set.lock().unwrap_or_else(PoisonError::into_inner);
            let before = s.entries.len();
            s.entries.retain(|(u, _)| u != unit);
            before != s.entries.len()
        };
        if changed {
            self.kick();
        }
    }

    fn kick(&self) {
        let _ = rustix::io::write(&*self.wake, &1u64.to_ne_bytes());
    }
}

fn run(set: &Mutex<Set>, wake: &OwnedFd, tx: &UnboundedSender<String>) {
    loop {
        // Snapshot: the Arcs keep every fd open while we poll on it even if the unit closes.
        let entries = set
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entries
            .clone();
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
            let mut s = set.lock().unwrap_or_else(PoisonError::into_inner);
            s.entries.retain(|(u, _)| !ready.contains(u));
        }
        for unit in ready {
            if tx.send(unit).is_err() {
                return;
            }
        }
    }
}
