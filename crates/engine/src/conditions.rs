//! Checking a unit's `Condition…=`/`Assert…=` list as systemd does: every non-triggering
//! entry must hold and, when there are triggering (`|`) entries, at least one of them. The
//! check stops at the first non-triggering entry that fails, so the entries after it stay
//! unchecked — what D-Bus's `Conditions`/`Asserts` report per entry.

use linger_unit::model::Condition;

use crate::host::Host;

/// What the last check said of one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConditionState {
    /// Not checked since the unit was loaded (or the check stopped before it).
    #[default]
    Unchecked,
    /// It held.
    Met,
    /// It did not hold.
    NotMet,
}

/// The outcome of checking one list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Checked {
    /// Whether the unit may go on.
    pub ok: bool,
    /// What failed (`PathExists=/x`, `!` kept), for the log line and status.
    pub failed: Option<String>,
    /// One state per entry of the list.
    pub states: Vec<ConditionState>,
}

/// Check `list` on `host`.
pub(crate) fn check<H: Host>(host: &H, list: &[Condition]) -> Checked {
    let mut states = vec![ConditionState::Unchecked; list.len()];
    let mut any_trigger = false;
    let mut trigger_ok = false;
    for (c, state) in list.iter().zip(states.iter_mut()) {
        let met = host.check_condition(c) != c.negate;
        *state = if met {
            ConditionState::Met
        } else {
            ConditionState::NotMet
        };
        if c.trigger {
            any_trigger = true;
            trigger_ok |= met;
        } else if !met {
            let neg = if c.negate { "!" } else { "" };
            return Checked {
                ok: false,
                failed: Some(format!("{}={neg}{}", c.name, c.parameter)),
                states,
            };
        }
    }
    if any_trigger && !trigger_ok {
        return Checked {
            ok: false,
            failed: Some("one of the triggering conditions".into()),
            states,
        };
    }
    Checked {
        ok: true,
        failed: None,
        states,
    }
}
