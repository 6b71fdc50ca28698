//! What the unit types' transition tables share (service/table.rs, socket.rs,
//! timer/table.rs, scope.rs): the refusal of an event that cannot happen in a state, and the
//! two stages a transition's actions are carried out in (`Engine::carry_out`, engine.rs).

use std::fmt;

/// A table's sub-state, named as `SubState=` names it.
pub trait TableState: Copy + fmt::Debug {
    /// The unit type the refusal names (`socket`).
    const UNIT_TYPE: &'static str;
    /// `SubState=`.
    fn name(self) -> &'static str;
}

/// An event that cannot happen in a state: a bug in the engine (or the manager feeding it),
/// logged as an internal error in the unit's log, never ignored; the unit is left as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadTransition<S, E> {
    /// The state.
    pub state: S,
    /// The event.
    pub event: E,
}

impl<S: TableState, E: fmt::Debug> fmt::Display for BadTransition<S, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} event {:?} is impossible in state {}",
            S::UNIT_TYPE,
            self.event,
            self.state.name()
        )
    }
}

impl<S: TableState, E: fmt::Debug> std::error::Error for BadTransition<S, E> {}

/// An action a table's transition asks for. Those that let go of something the unit holds
/// (its sockets, its timer) are carried out before the new state is published: publishing it
/// may finish a job whose next step (a restart's start half) takes the same thing again at
/// once. The rest come after.
pub trait StagedAction: Copy {
    /// Whether it is carried out before the new state is published.
    fn before_state(self) -> bool;
}
