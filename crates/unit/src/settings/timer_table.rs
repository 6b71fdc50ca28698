//! Rows for `[Timer]` (systemd.timer(5)).

use linger_time::{CalendarSpec, Usec};

use super::names::parse_name;
use super::{Apply, Cx, UnitBuilder};
use crate::model::{TimerConfig, UnitType};
use crate::value::{parse_boolean, parse_sec};

/// `[Timer]` rows.
pub(crate) const TIMER: &[(&str, Apply)] = &[
    ("OnActiveSec", |b, cx| {
        monotonic(b, cx, |t| &mut t.on_active)
    }),
    ("OnBootSec", |b, cx| monotonic(b, cx, |t| &mut t.on_boot)),
    ("OnStartupSec", |b, cx| {
        monotonic(b, cx, |t| &mut t.on_startup)
    }),
    ("OnUnitActiveSec", |b, cx| {
        monotonic(b, cx, |t| &mut t.on_unit_active)
    }),
    ("OnUnitInactiveSec", |b, cx| {
        monotonic(b, cx, |t| &mut t.on_unit_inactive)
    }),
    ("OnCalendar", on_calendar),
    ("AccuracySec", |b, cx| {
        b.set(cx, false, parse_sec, |b, v| b.timer.accuracy = v)
    }),
    ("RandomizedDelaySec", |b, cx| {
        b.set(cx, false, parse_sec, |b, v| b.timer.randomized_delay = v)
    }),
    ("FixedRandomDelay", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| {
            b.timer.fixed_random_delay = v
        })
    }),
    ("Persistent", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.timer.persistent = v)
    }),
    // Stored as written: the manager tells the user it cannot wake the machine.
    ("WakeSystem", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.timer.wake_system = v)
    }),
    ("RemainAfterElapse", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| {
            b.timer.remain_after_elapse = v
        })
    }),
    ("OnClockChange", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| b.timer.on_clock_change = v)
    }),
    ("OnTimezoneChange", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| {
            b.timer.on_timezone_change = v
        })
    }),
    ("Unit", unit),
];

/// An empty `On*=` assignment drops every trigger written so far, monotonic and calendar
/// alike (systemd.timer(5)).
fn reset_triggers(t: &mut TimerConfig) {
    t.on_active.clear();
    t.on_boot.clear();
    t.on_startup.clear();
    t.on_unit_active.clear();
    t.on_unit_inactive.clear();
    t.on_calendar.clear();
}

/// `On{Active,Boot,Startup,UnitActive,UnitInactive}Sec=`: a time span (specifiers expanded),
/// appended to the list.
fn monotonic(b: &mut UnitBuilder, cx: &Cx<'_>, field: fn(&mut TimerConfig) -> &mut Vec<Usec>) {
    if cx.value.trim().is_empty() {
        reset_triggers(&mut b.timer);
        return;
    }
    b.set(cx, true, parse_sec, |b, v| field(&mut b.timer).push(v));
}

/// `OnCalendar=`: a calendar event (systemd.time(7)), appended to the list.
fn on_calendar(b: &mut UnitBuilder, cx: &Cx<'_>) {
    if cx.value.trim().is_empty() {
        reset_triggers(&mut b.timer);
        return;
    }
    let Some(v) = b.expand(cx) else { return };
    match CalendarSpec::parse(&v) {
        Ok(spec) => b.timer.on_calendar.push(spec),
        Err(e) => b.warn(
            cx,
            format!(
                "Failed to parse calendar specification '{v}' ({}), ignoring.",
                e.reason()
            ),
        ),
    }
}

/// `Unit=`: one unit name (unit-name specifiers expanded). systemd accepts only the first
/// valid one, and no name of the timer itself.
fn unit(b: &mut UnitBuilder, cx: &Cx<'_>) {
    if b.extra.trigger_set {
        b.warn(
            cx,
            format!(
                "Multiple units to trigger specified, ignoring: {}",
                cx.value
            ),
        );
        return;
    }
    let Some(name) = b.expand_unit_name(cx, cx.value) else {
        return;
    };
    let Some(parts) = parse_name(&name) else {
        b.warn(
            cx,
            format!("Unit= is not a valid unit name, ignoring: {}", cx.value),
        );
        return;
    };
    if name == b.cfg.id || b.cfg.aliases.contains(&name) {
        b.warn(
            cx,
            format!("Units cannot trigger themselves, ignoring: {name}"),
        );
        return;
    }
    // systemd takes these at load time; they can never be started by the timer, so linger
    // says so now (the man page excludes timers; a template has no instance to start).
    let problem = if parts.unit_type == UnitType::Timer {
        Some("names a timer unit, which a timer cannot activate")
    } else if parts.instance == Some("") {
        Some("names a template, which has no instance to start")
    } else {
        None
    };
    b.extra.trigger_set = true;
    match problem {
        Some(p) => b.warn(
            cx,
            format!("Unit={name} {p}; not supported by linger, ignoring."),
        ),
        None => b.timer.unit = Some(name),
    }
}
