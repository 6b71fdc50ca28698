//! The timer's transition table: what every event does in every sub-state. An event that
//! cannot happen in a state is a [`BadTransition`] the engine logs as an internal error;
//! engine/timer.rs feeds the events and carries out the actions.

use super::TimerState;

/// What can happen to a timer unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerEvent {
    /// A start job (conditions passed, the unit to trigger is loaded).
    Start,
    /// `daemon-reexec`: the timer was active in the previous manager.
    Restore,
    /// The next elapse was computed and armed.
    Scheduled,
    /// No trigger is left to wait for. `watch_clock`: `OnClockChange=`/`OnTimezoneChange=`
    /// will still trigger it; `remain`: `RemainAfterElapse=yes`.
    NothingLeft {
        /// A clock or time-zone change still triggers it.
        watch_clock: bool,
        /// `RemainAfterElapse=`
        remain: bool,
    },
    /// The armed elapse fired and is due.
    Elapsed,
    /// The armed elapse fired early (the wall clock moved back since it was armed).
    FiredEarly,
    /// The start job for the unit to trigger could not be queued.
    ActivationFailed,
    /// A stop job.
    Stop,
    /// The triggered unit changed: `down`: it went down (or its start job ended without it
    /// coming up); `follows`: the timer counts from its changes (`OnUnitActiveSec=`,
    /// `OnUnitInactiveSec=`).
    UnitChanged {
        /// The unit is down.
        down: bool,
        /// The timer has `OnUnitActiveSec=`/`OnUnitInactiveSec=`.
        follows: bool,
    },
    /// `daemon-reload`: the configuration may have changed.
    Reloaded,
    /// The wall clock jumped or the time zone changed; `fire`: the timer has
    /// `OnClockChange=`/`OnTimezoneChange=` for it.
    ClockJumped {
        /// The timer elapses on this change.
        fire: bool,
    },
}

/// What the engine does for a timer transition, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerAction {
    /// Compute the next elapse and arm it (then feed `Scheduled` or `NothingLeft`).
    Schedule,
    /// Disarm the elapse (firings already under way become stale).
    Disarm,
    /// Remember the trigger (`LastTriggerUSec=`, `Persistent=` stamp) and queue the start of
    /// the unit to trigger.
    Trigger,
    /// The timer is down: release what the manager holds for it.
    Release,
}

impl crate::table::StagedAction for TimerAction {
    /// Disarming comes first: a restart's start half arms the timer again at once.
    fn before_state(self) -> bool {
        match self {
            TimerAction::Disarm => true,
            TimerAction::Schedule | TimerAction::Trigger | TimerAction::Release => false,
        }
    }
}

/// An event that cannot happen in a timer's state.
pub type BadTransition = crate::table::BadTransition<TimerState, TimerEvent>;

impl crate::table::TableState for TimerState {
    const UNIT_TYPE: &'static str = "timer";
    fn name(self) -> &'static str {
        self.as_str()
    }
}

/// A transition: the new state, the new `Result=` if it changes, the actions in order.
pub type TimerStep = (TimerState, Option<&'static str>, Vec<TimerAction>);

/// The timer's transition table.
pub fn step(state: TimerState, event: TimerEvent) -> Result<TimerStep, BadTransition> {
    use TimerAction::*;
    use TimerState::*;
    let bad = Err(BadTransition { state, event });
    let stay = Ok((state, None, vec![]));
    let schedule = Ok((state, None, vec![Schedule]));
    match event {
        TimerEvent::Start => match state {
            Dead | Failed => Ok((Waiting, Some("success"), vec![Schedule])),
            // A start job on an active timer is done before it reaches the timer.
            Waiting | Running | Elapsed => bad,
        },
        // The previous manager's activation goes on, whatever this one did meanwhile; the
        // engine schedules it once the activation times are the old ones.
        TimerEvent::Restore => match state {
            Dead | Failed | Waiting | Running | Elapsed => Ok((Waiting, Some("success"), vec![])),
        },
        TimerEvent::Scheduled => match state {
            Waiting | Running | Elapsed => Ok((Waiting, None, vec![])),
            // Nothing schedules a stopped timer.
            Dead | Failed => bad,
        },
        TimerEvent::NothingLeft {
            watch_clock,
            remain,
        } => match state {
            Waiting | Running | Elapsed if watch_clock => Ok((Waiting, None, vec![Disarm])),
            Waiting | Running | Elapsed if remain => Ok((Elapsed, None, vec![Disarm])),
            Waiting | Running | Elapsed => Ok((Dead, None, vec![Disarm, Release])),
            Dead | Failed => bad,
        },
        TimerEvent::Elapsed => match state {
            Waiting => Ok((Running, None, vec![Trigger])),
            // Only a waiting timer has an elapse armed; leaving waiting re-arms or disarms.
            Running | Elapsed | Dead | Failed => bad,
        },
        TimerEvent::FiredEarly => match state {
            Waiting => schedule,
            Running | Elapsed | Dead | Failed => bad,
        },
        TimerEvent::ActivationFailed => match state {
            Running => Ok((Failed, Some("resources"), vec![])),
            // The start is queued only right after entering running.
            Waiting | Elapsed | Dead | Failed => bad,
        },
        TimerEvent::Stop => match state {
            Waiting | Running | Elapsed => Ok((Dead, None, vec![Disarm, Release])),
            // A stop job on a stopped timer is done before it reaches the timer.
            Dead | Failed => bad,
        },
        TimerEvent::UnitChanged { down, follows } => match state {
            // The unit it started is done: wait for the next elapse.
            Running if down => schedule,
            // Still running the unit it started.
            Running => stay,
            Waiting | Elapsed if follows => schedule,
            // Neither counting from the unit nor waiting for it; a stopped timer does not
            // follow the unit at all.
            Waiting | Elapsed | Dead | Failed => stay,
        },
        TimerEvent::Reloaded => match state {
            Waiting => schedule,
            // Running: computed when the unit is done; elapsed or stopped: nothing waits.
            Running | Elapsed | Dead | Failed => stay,
        },
        TimerEvent::ClockJumped { fire } => match state {
            Waiting | Elapsed if fire => Ok((Running, None, vec![Trigger])),
            Waiting | Elapsed => schedule,
            // Running: computed when the unit is done; stopped: nothing waits.
            Running | Dead | Failed => stay,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATES: [TimerState; 5] = [
        TimerState::Dead,
        TimerState::Waiting,
        TimerState::Running,
        TimerState::Elapsed,
        TimerState::Failed,
    ];

    fn events() -> Vec<TimerEvent> {
        let mut v = vec![
            TimerEvent::Start,
            TimerEvent::Restore,
            TimerEvent::Scheduled,
            TimerEvent::Elapsed,
            TimerEvent::FiredEarly,
            TimerEvent::ActivationFailed,
            TimerEvent::Stop,
            TimerEvent::Reloaded,
            TimerEvent::ClockJumped { fire: false },
            TimerEvent::ClockJumped { fire: true },
        ];
        for a in [false, true] {
            for b in [false, true] {
                v.push(TimerEvent::NothingLeft {
                    watch_clock: a,
                    remain: b,
                });
                v.push(TimerEvent::UnitChanged {
                    down: a,
                    follows: b,
                });
            }
        }
        v
    }

    /// The whole table: refusals exactly where the rule below says an event cannot happen,
    /// and every transition keeps the timer's invariants.
    #[test]
    fn the_whole_table() {
        use TimerAction::*;
        use TimerState::*;
        for state in STATES {
            for event in events() {
                let active = !state.active_state().is_inactive_or_failed();
                let possible = match event {
                    TimerEvent::Start => !active,
                    TimerEvent::Stop | TimerEvent::Scheduled | TimerEvent::NothingLeft { .. } => {
                        active
                    }
                    TimerEvent::Elapsed | TimerEvent::FiredEarly => state == Waiting,
                    TimerEvent::ActivationFailed => state == Running,
                    TimerEvent::Restore
                    | TimerEvent::UnitChanged { .. }
                    | TimerEvent::Reloaded
                    | TimerEvent::ClockJumped { .. } => true,
                };
                let Ok((next, result, actions)) = step(state, event) else {
                    assert!(!possible, "{state:?} {event:?} refused");
                    continue;
                };
                assert!(possible, "{state:?} {event:?} accepted");
                // The triggered unit is started exactly on entering running.
                assert_eq!(
                    actions.contains(&Trigger),
                    next == Running && state != Running,
                    "{state:?} {event:?}"
                );
                // Released exactly when an active timer goes down for good.
                assert_eq!(
                    actions.contains(&Release),
                    active && next == Dead,
                    "{state:?} {event:?}"
                );
                // A timer going down never keeps an elapse armed.
                if active && next.active_state().is_inactive_or_failed() && next != Failed {
                    assert!(actions.contains(&Disarm), "{state:?} {event:?}");
                }
                // A stopped timer never schedules.
                if actions.contains(&Schedule) {
                    assert!(next.active_state() == linger_wire::ActiveState::Active);
                }
                if next == Failed && state != Failed {
                    assert_eq!(result, Some("resources"));
                }
            }
        }
    }
}
