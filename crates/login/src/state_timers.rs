//! Timers: the loop sleeps until [`State::next_deadline`] and then calls
//! [`State::fire_timers`]. Deadlines live in the phases themselves (a session's SIGKILL time,
//! a manager's ready/stop timeout or restart time) plus the users' stop delay.

use std::time::{Duration, Instant};

use super::State;
use crate::sessions::{Event, Phase};
use crate::users::{ManagerEvent, ManagerPhase};

/// Without cgroups, how often closing sessions are re-checked for emptiness.
const POLL: Duration = Duration::from_secs(1);

impl State {
    /// The earliest pending timer.
    pub fn next_deadline(&self) -> Option<Instant> {
        let sessions = self.sessions.values().filter_map(|s| s.phase.deadline());
        let managers = self.users.values().filter_map(|u| u.manager.deadline());
        let delays = self.users.values().filter_map(|u| {
            // Only while a manager runs: once it is stopping the delay has done its work.
            matches!(
                u.manager,
                ManagerPhase::Starting { .. } | ManagerPhase::Running { .. }
            )
            .then(|| self.stop_at_pub(u))
            .flatten()
        });
        // No poll deadline while a scan runs: its completion sets the next one (a deadline in
        // the past would spin the loop until then).
        let poll = if self.tracker.needs_polling()
            && !self.scanning
            && self.sessions.values().any(|s| s.phase != Phase::Active)
        {
            let at = self.poll_at.get().unwrap_or_else(|| Instant::now() + POLL);
            self.poll_at.set(Some(at));
            Some(at)
        } else {
            self.poll_at.set(None);
            None
        };
        sessions.chain(managers).chain(delays).chain(poll).min()
    }

    fn stop_at_pub(&self, u: &crate::users::User) -> Option<Instant> {
        if self.shutting_down || u.held_down {
            return None;
        }
        self.stop_at(u)
    }

    /// Act on every timer that is due.
    pub fn fire_timers(&mut self) {
        let now = Instant::now();
        let due: Vec<u64> = self
            .sessions
            .values()
            .filter(|s| s.phase.deadline().is_some_and(|d| d <= now))
            .map(|s| s.info.id)
            .collect();
        for id in due {
            self.session_event(id, Event::Timeout);
        }
        if self.poll_at.get().is_some_and(|t| t <= now) && !self.scanning {
            self.poll_at.set(None);
            // One scan of /proc for every closing session, on a worker.
            if let Some(scan) = self.tracker.scan() {
                self.scanning = true;
                self.background(0, scan, |s: &mut State, procs| {
                    s.scanning = false;
                    let closing: Vec<u64> = s
                        .sessions
                        .values()
                        .filter(|x| x.phase != Phase::Active)
                        .map(|x| x.info.id)
                        .collect();
                    for id in s.tracker.refresh_sets(&closing, &procs) {
                        s.session_event(id, Event::Empty);
                    }
                    s.changed.notify_one();
                });
            }
        }
        let users: Vec<(u32, ManagerPhase)> = self
            .users
            .iter()
            .map(|(uid, u)| (*uid, u.manager))
            .collect();
        for (uid, phase) in users {
            match phase {
                ManagerPhase::Backoff { until } if until <= now => self.reconcile_user(uid, false),
                ManagerPhase::Starting { deadline, .. } if deadline <= now => {
                    crate::log::error(format!(
                        "user manager of uid {uid} did not become ready in {:?}, stopping it",
                        self.config.ready_timeout
                    ));
                    self.manager_event(uid, ManagerEvent::Timeout);
                }
                ManagerPhase::Stopping {
                    deadline: Some(d), ..
                } if d <= now => self.manager_event(uid, ManagerEvent::Timeout),
                ManagerPhase::Starting { .. } | ManagerPhase::Running { .. } => {
                    let delay_over = self
                        .users
                        .get(&uid)
                        .and_then(|u| self.stop_at(u))
                        .is_some_and(|t| t <= now);
                    if delay_over {
                        self.reconcile_user(uid, false);
                    }
                }
                _ => {}
            }
        }
    }
}
