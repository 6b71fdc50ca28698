//! The front ends' listening sockets (the D-Bus private socket) kept open across
//! `daemon-reexec`, as the control socket is: a client that connects while the new image
//! starts waits in the listen queue instead of being refused by a socket file nobody serves
//! (systemd passes its private bus socket across re-execution too).
//!
//! A front end asks for the socket it had under a name of its choosing and hands in a
//! duplicate of the one it listens on; the manager keeps the duplicates (close-on-exec) until
//! a re-exec clears that flag and records their numbers in the state file.

use std::collections::HashMap;
use std::os::fd::OwnedFd;

/// What the front ends got from the previous image and what they want passed to the next.
#[derive(Debug, Default)]
pub struct FrontSockets {
    inherited: HashMap<String, OwnedFd>,
    kept: Vec<(String, OwnedFd)>,
}

impl FrontSockets {
    pub(crate) fn inherited(from: impl IntoIterator<Item = (String, OwnedFd)>) -> Self {
        FrontSockets {
            inherited: from.into_iter().collect(),
            kept: Vec::new(),
        }
    }

    /// The listening socket kept under `name` by the previous image, if this start is a
    /// re-exec and it had one.
    pub fn take_inherited(&mut self, name: &str) -> Option<OwnedFd> {
        self.inherited.remove(name)
    }

    /// Pass `listener` (a duplicate of the front end's listening socket) to the next image
    /// under `name`.
    pub fn keep(&mut self, name: &str, listener: OwnedFd) {
        self.kept.push((name.to_string(), listener));
    }

    /// The sockets to pass on (the inherited ones nobody took are closed here).
    pub(crate) fn into_kept(self) -> Vec<(String, OwnedFd)> {
        self.kept
    }
}
