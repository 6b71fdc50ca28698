//! `org.freedesktop.systemd1.Scope`'s own properties and `org.freedesktop.systemd1.Job`: every property systemd 252 documents (org.freedesktop.systemd1(5)), in its order,
//! with its D-Bus type, where linger's value comes from (`Conv`; `Absent`: linger has no such
//! setting or state) and systemd's own value when a unit does not have it (`Unset`), which is
//! what is answered when the manager gives no value. See props.rs for the columns.

use super::Conv::*;
use super::Emits::*;
use super::Unset::*;
use super::{Prop, p};

/// `org.freedesktop.systemd1.Scope` before the control-group and kill blocks.
pub const SCOPE_OWN: &[Prop] = &[
    p("Controller", "s", Absent, Zero, Changes),
    p("TimeoutStopUSec", "t", Span, Num(90000000), Const),
    p("Result", "s", Str, Text("success"), Changes),
    p("RuntimeMaxUSec", "t", Span, Max, Const),
    p("RuntimeRandomizedExtraUSec", "t", Absent, Zero, Const),
    p("OOMPolicy", "s", Absent, Text("stop"), Const),
];

/// `org.freedesktop.systemd1.Job` (made by dispatch.rs from the job's row; `ActivationDetails` is systemd's empty list).
pub const JOB: &[Prop] = &[
    p("Id", "u", Absent, Zero, Const),
    p("Unit", "(so)", Absent, Zero, Const),
    p("JobType", "s", Absent, Zero, Const),
    p("State", "s", Absent, Zero, Changes),
    p("ActivationDetails", "a(ss)", Absent, Zero, Const),
];
