//! Which unit the last few hundred exited processes belonged to. A stream connection is read
//! after its writer may have exited and been reaped (`systemd-cat echo …` exits at once, and
//! the login daemon hands the connection over a moment later): its lines still name the
//! writer's unit. Bounded; the oldest is forgotten first.

use std::collections::VecDeque;

/// Exited pids remembered.
const KEPT: usize = 512;

/// (pid, unit) of recent exits, newest last.
#[derive(Debug, Default)]
pub struct RecentExits {
    exits: VecDeque<(u32, String)>,
}

impl RecentExits {
    /// `pid` of `unit` exited.
    pub fn remember(&mut self, pid: u32, unit: String) {
        if self.exits.len() == KEPT {
            self.exits.pop_front();
        }
        self.exits.push_back((pid, unit));
    }

    /// The unit an exited `pid` belonged to (the latest, should the pid have been reused).
    pub fn unit_of(&self, pid: u32) -> Option<&str> {
        self.exits
            .iter()
            .rev()
            .find(|(p, _)| *p == pid)
            .map(|(_, u)| u.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_wins_and_the_oldest_is_forgotten() {
        let mut r = RecentExits::default();
        r.remember(7, "a.service".into());
        r.remember(7, "b.service".into());
        assert_eq!(r.unit_of(7), Some("b.service"));
        for pid in 100..100 + KEPT as u32 {
            r.remember(pid, "c.service".into());
        }
        assert_eq!(r.unit_of(7), None);
        assert_eq!(r.unit_of(100), Some("c.service"));
    }
}
