//! File descriptors and the connection caps that follow from them. At start the soft
//! `RLIMIT_NOFILE` is raised to the hard limit (as systemd does for its services: the soft
//! 1024 exists for `select()`, which the daemon does not use). Every connection may own a
//! session, and a session holds its leader's pidfd: two descriptors each, and a reserve for
//! everything else (sockets, managers' pidfds and pipes, the cgroup watch, files being read).
//! Connections beyond the cap are closed at once, before they could take the last descriptor.

/// The most connections ever served at once (8192 sessions plus room for loginctl).
pub const MAX_CONNECTIONS: usize = 8192 + 256;
/// Connections one non-root uid may hold (users own no sessions: they only ask).
pub const MAX_PER_USER: usize = 64;
/// Descriptors kept out of the connection budget.
pub const RESERVE: u64 = 256;

/// What the daemon may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// The open-files limit in force.
    pub nofile: u64,
    /// Connections served at once.
    pub connections: usize,
    /// Of which non-root uids together may hold (the rest stays for logins).
    pub user_connections: usize,
}

impl Budget {
    /// The caps under an open-files limit of `nofile`.
    pub fn for_limit(nofile: u64) -> Budget {
        let room = usize::try_from(nofile.saturating_sub(RESERVE) / 2).unwrap_or(usize::MAX);
        let connections = room.clamp(16, MAX_CONNECTIONS);
        Budget {
            nofile,
            connections,
            user_connections: connections / 2,
        }
    }
}

/// Raise the soft open-files limit to the hard one; the budget under the result, and a note
/// for the log when the limit stays low.
pub fn raise_nofile() -> (Budget, Option<String>) {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let lim = getrlimit(Resource::Nofile);
    let hard = lim.maximum;
    let mut soft = lim.current;
    if soft != hard {
        let raised = rustix::process::Rlimit {
            current: hard,
            maximum: hard,
        };
        if setrlimit(Resource::Nofile, raised).is_ok() {
            soft = hard;
        }
    }
    let nofile = soft.unwrap_or(u64::MAX);
    let budget = Budget::for_limit(nofile);
    let note = (budget.connections < MAX_CONNECTIONS).then(|| {
        format!(
            "open files limited to {nofile}: serving at most {} connections (raise the hard RLIMIT_NOFILE for more)",
            budget.connections
        )
    });
    (budget, note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_stay_below_the_limit() {
        for nofile in [64, 256, 1024, 4096, 65536, 524_288, u64::MAX] {
            let b = Budget::for_limit(nofile);
            assert!(b.connections <= MAX_CONNECTIONS);
            assert!(b.user_connections < b.connections);
            if nofile >= 1024 {
                let fds = 2 * b.connections as u64 + RESERVE;
                assert!(fds <= nofile, "{nofile}: {b:?}");
            }
        }
        assert_eq!(Budget::for_limit(1024).connections, 384);
        assert_eq!(Budget::for_limit(524_288).connections, MAX_CONNECTIONS);
    }
}
