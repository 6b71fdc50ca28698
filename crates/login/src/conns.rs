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

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::{Duration, Instant};

use tokio::net::UnixListener;

use crate::limits::{Budget, MAX_PER_USER};
use crate::log;
use crate::server::{self, Ending};
use crate::state::Shared;

/// How long to stop accepting after `accept` failed.
const BACKOFF: Duration = Duration::from_millis(100);
/// How long a user's connections are refused after one broke the protocol.
pub const PENALTY: Duration = Duration::from_secs(1);

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

/// Accept connections for ever (the task is dropped at exit). `root_only`: the root socket
/// (mode 0600 keeps others out; a peer that is not root all the same is closed at once).
pub async fn accept_loop(
    listener: UnixListener,
    state: Shared,
    budget: Budget,
    counts: Rc<RefCell<Counts>>,
    root_only: bool,
) {
    let mut failing = false;
    loop {
        let stream = match listener.accept().await {
            Ok((s, _)) => {
                failing = false;
                s
            }
            Err(e) => {
                if !failing {
                    log::warn(format!("cannot accept connections: {e}; pausing"));
                    failing = true;
                }
                tokio::time::sleep(BACKOFF).await;
                continue;
            }
        };
        let Ok(cred) = linger_ipc::peer_cred(&stream) else {
            continue;
        };
        if root_only && cred.uid != 0 {
            continue;
        }
        // Over a cap the connection is closed at once (dropping it): the client learns
        // instead of waiting in the backlog.
        let (id, penalty) = {
            let mut c = counts.borrow_mut();
            let Some(id) = c.admit(cred.uid, &budget) else {
                continue;
            };
            (id, c.penalty(cred.uid, Instant::now()))
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
                    let held = || {
                        cred.uid != 0 && c.borrow_mut().penalty(cred.uid, Instant::now()).is_some()
                    };
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
}
