//! Waiting for the user manager without polling it: `start --wait`, `run --wait` and
//! `is-system-running --wait` subscribe to its change stream (`io.linger.Manager.Subscribe`)
//! first, then read the state once, then follow the changes — so nothing that happens between
//! the read and the wait is missed, and nothing is asked twice.

use linger_ipc::Client;
use linger_ipc::manager::{Change, ChangesReply, ManagerError, method};

use crate::connect::connect;

/// A subscription on a connection of its own.
#[derive(Debug)]
pub struct Changes {
    client: Client,
}

impl Changes {
    /// Changes of `units` (none: of every unit), from now on.
    pub fn subscribe(units: &[String]) -> Result<Changes, String> {
        let mut client = connect()?;
        client
            .call_more(method::SUBSCRIBE, serde_json::json!({ "units": units }))
            .map_err(|e| e.to_string())?;
        // The first, empty, reply says the subscription is in place.
        let mut c = Changes { client };
        c.next()?;
        Ok(c)
    }

    /// The next batch of changes (waits for it).
    pub fn next(&mut self) -> Result<Vec<Change>, String> {
        match self.client.next_reply() {
            Ok((v, _)) => serde_json::from_value::<ChangesReply>(v)
                .map(|r| r.changes)
                .map_err(|e| format!("Malformed change from the user manager: {e}")),
            Err(e) => Err(ManagerError::from_call(&e).message),
        }
    }
}
