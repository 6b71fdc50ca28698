//! `systemctl show` properties of timer and socket units.

use linger_engine::{Engine, Host, UnitInfo, UnitSource};
use linger_unit::model::UnitKind;

use crate::props_format::{Props, span, yes};

/// `TriggeredBy=`: the units that can start `id` (none: not set).
pub fn triggered_by<H: Host, S: UnitSource>(engine: &Engine<H, S>, id: &str, p: &mut Props) {
    let by = engine.triggered_by(id);
    if !by.is_empty() {
        p.insert("TriggeredBy".into(), by.join(" "));
    }
}

/// Add the timer/socket properties of `u` (nothing for other types); `TriggeredBy=` for all.
pub fn activation_properties<H: Host, S: UnitSource>(
    engine: &Engine<H, S>,
    u: &UnitInfo,
    p: &mut Props,
) {
    let id = &u.config.id;
    triggered_by(engine, id, p);
    let target = engine.triggers(id).unwrap_or_default();
    match (&u.config.kind, u.timer(), u.socket()) {
        (UnitKind::Timer(c), Some(t), _) => {
            p.insert("Unit".into(), target.clone());
            p.insert("Triggers".into(), target);
            p.insert("Result".into(), t.result.to_string());
            // The exact µs go to D-Bus too (`realtime`; the span is exact): one source.
            p.realtime("NextElapseUSecRealtime", t.next_elapse_realtime());
            p.insert(
                "NextElapseUSecMonotonic".into(),
                span(t.next_elapse_monotonic()),
            );
            p.realtime("LastTriggerUSec", t.last_trigger.realtime);
            p.insert(
                "LastTriggerUSecMonotonic".into(),
                t.last_trigger.monotonic.to_string(),
            );
            p.insert("AccuracyUSec".into(), span(c.accuracy));
            p.insert("RandomizedDelayUSec".into(), span(c.randomized_delay));
            p.insert("FixedRandomDelay".into(), yes(c.fixed_random_delay));
            p.insert("Persistent".into(), yes(c.persistent));
            p.insert("WakeSystem".into(), yes(c.wake_system));
            p.insert("RemainAfterElapse".into(), yes(c.remain_after_elapse));
            p.insert("OnClockChange".into(), yes(c.on_clock_change));
            p.insert("OnTimezoneChange".into(), yes(c.on_timezone_change));
            let mono: Vec<String> = [
                ("OnActiveUSec", &c.on_active),
                ("OnBootUSec", &c.on_boot),
                ("OnStartupUSec", &c.on_startup),
                ("OnUnitActiveUSec", &c.on_unit_active),
                ("OnUnitInactiveUSec", &c.on_unit_inactive),
            ]
            .iter()
            .flat_map(|(k, v)| {
                v.iter()
                    .map(move |x| format!("{{ {k}={} ; next_elapse=n/a }}", span(*x)))
            })
            .collect();
            p.insert("TimersMonotonic".into(), mono.join(" "));
            let cal: Vec<String> = c
                .on_calendar
                .iter()
                .map(|s| format!("{{ OnCalendar={} ; next_elapse=n/a }}", s.normalized()))
                .collect();
            p.insert("TimersCalendar".into(), cal.join(" "));
        }
        (UnitKind::Socket(c), _, Some(s)) => {
            p.insert("Triggers".into(), target);
            p.insert("Result".into(), s.result.to_string());
            p.insert(
                "Listen".into(),
                c.listen
                    .iter()
                    .map(|l| format!("{} ({})", l.display(), l.kind.type_name()))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            p.insert("Accept".into(), yes(c.accept));
            p.insert("NAccepted".into(), s.accepted.to_string());
            p.insert("NConnections".into(), s.connections.len().to_string());
            p.insert("NRefused".into(), s.refused.to_string());
            p.insert("MaxConnections".into(), c.max_connections.to_string());
            p.insert("Backlog".into(), c.backlog.to_string());
            p.insert("SocketMode".into(), format!("{:04o}", c.socket_mode));
            p.insert("DirectoryMode".into(), format!("{:04o}", c.directory_mode));
            p.insert("RemoveOnStop".into(), yes(c.remove_on_stop));
            p.insert("PassCredentials".into(), yes(c.pass_credentials));
            p.insert(
                "FileDescriptorName".into(),
                c.file_descriptor_name.clone().unwrap_or_else(|| id.clone()),
            );
            p.insert(
                "TriggerLimitIntervalUSec".into(),
                span(c.trigger_limit_interval),
            );
            p.insert(
                "TriggerLimitBurst".into(),
                c.effective_trigger_burst().to_string(),
            );
        }
        _ => {}
    }
}
