//! `org.freedesktop.systemd1.Timer`: every property systemd 252 documents (org.freedesktop.systemd1(5)), in its order,
//! with its D-Bus type, where linger's value comes from (`Conv`; `Absent`: linger has no such
//! setting or state) and systemd's own value when a unit does not have it (`Unset`), which is
//! what is answered when the manager gives no value. See props.rs for the columns.

use super::Conv::*;
use super::Emits::*;
use super::Unset::*;
use super::{Prop, p};

/// `org.freedesktop.systemd1.Timer`.
pub const TIMER: &[Prop] = &[
    p("Unit", "s", Str, Zero, Const),
    p("TimersMonotonic", "a(stt)", Timers, Zero, Invalidates),
    p("TimersCalendar", "a(sst)", Calendars, Zero, Invalidates),
    p("OnClockChange", "b", Bool, Zero, Const),
    p("OnTimezoneChange", "b", Bool, Zero, Const),
    p("NextElapseUSecRealtime", "t", NextElapse, Max, Changes),
    p("NextElapseUSecMonotonic", "t", NextElapse, Max, Changes),
    p("LastTriggerUSec", "t", Realtime, Zero, Changes),
    p("LastTriggerUSecMonotonic", "t", Int, Zero, Changes),
    p("Result", "s", Str, Zero, Changes),
    p("AccuracyUSec", "t", Span, Zero, Const),
    p("RandomizedDelayUSec", "t", Span, Zero, Const),
    p("FixedRandomDelay", "b", Bool, Zero, Const),
    p("Persistent", "b", Bool, Zero, Const),
    p("WakeSystem", "b", Bool, Zero, Const),
    p("RemainAfterElapse", "b", Bool, Zero, Const),
];
