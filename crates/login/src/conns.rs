//! Accepting connections: caps in total, per non-root uid and for all non-root uids together
//! (from `limits.rs`), and a pause when `accept` itself fails — at the open-files limit it
//! fails at once, again and again; retrying at once would spin the loop and starve timers
//! and signals. Each connection is served by a task of its own (`server.rs`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use tokio::net::UnixListener;

use crate::limits::{Budget, MAX_PER_USER};
use crate::log;
use crate::server;
use crate::state::Shared;

/// How long to stop accepting after `accept` failed.
const BACKOFF: Duration = Duration::from_millis(100);

/// Connection counts.
#[derive(Debug, Default)]
struct Counts {
    total: usize,
    users: usize,
    per_uid: HashMap<u32, usize>,
    next_id: u64,
}

impl Counts {
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

/// Accept connections for ever (the task is dropped at exit).
pub async fn accept_loop(listener: UnixListener, state: Shared, budget: Budget) {
    let counts = Rc::new(RefCell::new(Counts::default()));
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
        // Over a cap the connection is closed at once (dropping it): the client learns
        // instead of waiting in the backlog.
        let Some(id) = counts.borrow_mut().admit(cred.uid, &budget) else {
            continue;
        };
        let st = state.clone();
        let c = counts.clone();
        tokio::task::spawn_local(async move {
            server::serve(st, stream, id, cred).await;
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
    }
}
