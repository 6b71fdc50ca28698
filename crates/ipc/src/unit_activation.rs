//! The properties of timer, socket and path units that `list-timers`, `list-sockets`,
//! `list-paths` and `status`'s activation lines read, named once and parsed at the boundary
//! (the companion of [`crate::unit_status`]).

use crate::manager::UnitProperties;
use crate::unit_status::{ID, TRIGGERED_BY};

/// `Triggers=`: the unit a timer, socket or path starts.
pub const TRIGGERS: &str = "Triggers";
/// `NextElapseUSecRealtime=`: a timer's next calendar elapse, formatted.
pub const NEXT_ELAPSE_REALTIME: &str = "NextElapseUSecRealtime";
/// `NextElapseUSecMonotonic=`: a timer's next monotonic elapse, a time span since boot.
pub const NEXT_ELAPSE_MONOTONIC: &str = "NextElapseUSecMonotonic";
/// `LastTriggerUSec=`: when a timer last elapsed, formatted.
pub const LAST_TRIGGER: &str = "LastTriggerUSec";
/// `Listen=`: a socket's addresses, a line each (`ADDRESS (Type)`).
pub const LISTEN: &str = "Listen";
/// `Accept=`
pub const ACCEPT: &str = "Accept";
/// `NAccepted=`
pub const N_ACCEPTED: &str = "NAccepted";
/// `NConnections=`
pub const N_CONNECTIONS: &str = "NConnections";
/// `Paths=`: a path unit's watches, a line each (`Condition path`).
pub const PATHS: &str = "Paths";

/// A timer's, socket's or path's activation properties (other units: all empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Activation<'a> {
    /// `Id=`
    pub id: &'a str,
    /// `Triggers=` (empty: none)
    pub triggers: &'a str,
    /// `TriggeredBy=`
    pub triggered_by: Vec<&'a str>,
    /// `NextElapseUSecRealtime=` (None: no calendar elapse ahead)
    pub next_elapse_realtime: Option<&'a str>,
    /// `NextElapseUSecMonotonic=` (None: no monotonic elapse ahead)
    pub next_elapse_monotonic: Option<&'a str>,
    /// `LastTriggerUSec=` (None: never)
    pub last_trigger: Option<&'a str>,
    /// `Listen=`: one address a line
    pub listen: Vec<&'a str>,
    /// `Accept=yes`
    pub accept: bool,
    /// `NAccepted=`
    pub n_accepted: u64,
    /// `NConnections=`
    pub n_connections: u64,
    /// `Paths=`: `(condition, path)` a watch
    pub paths: Vec<(&'a str, &'a str)>,
}

impl Activation<'_> {
    /// What `list-timers` asks for.
    pub const TIMER_PROPERTIES: &'static [&'static str] = &[
        ID,
        NEXT_ELAPSE_REALTIME,
        NEXT_ELAPSE_MONOTONIC,
        LAST_TRIGGER,
        TRIGGERS,
    ];
    /// What `list-sockets` asks for.
    pub const SOCKET_PROPERTIES: &'static [&'static str] = &[ID, LISTEN, TRIGGERS];
    /// What `list-paths` asks for.
    pub const PATH_PROPERTIES: &'static [&'static str] = &[ID, PATHS, TRIGGERS];
}

impl UnitProperties {
    /// The activation properties, typed (missing ones empty, None or 0).
    pub fn activation(&self) -> Activation<'_> {
        let p = &self.properties;
        let text = |k: &str| p.get(k).map_or("", String::as_str);
        let set = |k: &str| Some(text(k)).filter(|s| !s.is_empty());
        let number = |k: &str| text(k).parse::<u64>().unwrap_or(0);
        Activation {
            id: text(ID),
            triggers: text(TRIGGERS),
            triggered_by: text(TRIGGERED_BY).split_whitespace().collect(),
            next_elapse_realtime: set(NEXT_ELAPSE_REALTIME),
            next_elapse_monotonic: set(NEXT_ELAPSE_MONOTONIC).filter(|s| *s != "0"),
            last_trigger: set(LAST_TRIGGER),
            listen: text(LISTEN).lines().collect(),
            accept: text(ACCEPT) == "yes",
            n_accepted: number(N_ACCEPTED),
            n_connections: number(N_CONNECTIONS),
            paths: text(PATHS)
                .lines()
                .map(|l| l.split_once(' ').unwrap_or(("", l)))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(pairs: &[(&'static str, &'static str)]) -> UnitProperties {
        UnitProperties::with_properties(pairs.iter().copied())
    }

    #[test]
    fn a_socket_reads_as_its_types() {
        let u = unit(&[
            (ID, "web.socket"),
            (TRIGGERS, "web.service"),
            (LISTEN, "127.0.0.1:8080 (Stream)\n/run/web.sock (Stream)"),
            (ACCEPT, "yes"),
            (N_ACCEPTED, "7"),
            (N_CONNECTIONS, "2"),
        ]);
        let a = u.activation();
        assert_eq!((a.id, a.triggers), ("web.socket", "web.service"));
        assert_eq!(
            a.listen,
            ["127.0.0.1:8080 (Stream)", "/run/web.sock (Stream)"]
        );
        assert!(a.accept);
        assert_eq!((a.n_accepted, a.n_connections), (7, 2));
        assert_eq!(a.next_elapse_realtime, None);
    }

    #[test]
    fn a_timer_without_a_monotonic_elapse_has_none() {
        let u = unit(&[
            (NEXT_ELAPSE_REALTIME, "Mon 2026-12-07 04:00:00 UTC"),
            (NEXT_ELAPSE_MONOTONIC, "0"),
            (LAST_TRIGGER, ""),
            (TRIGGERED_BY, ""),
        ]);
        let a = u.activation();
        assert_eq!(a.next_elapse_realtime, Some("Mon 2026-12-07 04:00:00 UTC"));
        assert_eq!((a.next_elapse_monotonic, a.last_trigger), (None, None));
        assert!(a.triggered_by.is_empty());
    }

    #[test]
    fn a_path_unit_lists_its_watches() {
        let u = unit(&[(PATHS, "PathExists /tmp/a\nPathChanged /tmp/b c")]);
        assert_eq!(
            u.activation().paths,
            [("PathExists", "/tmp/a"), ("PathChanged", "/tmp/b c")]
        );
    }

    /// Every list names only properties the view reads.
    #[test]
    fn the_lists_are_what_the_view_reads() {
        for list in [
            Activation::TIMER_PROPERTIES,
            Activation::SOCKET_PROPERTIES,
            Activation::PATH_PROPERTIES,
        ] {
            for name in list {
                let (empty, with) = (unit(&[]), unit(&[(name, "1")]));
                assert_ne!(with.activation(), empty.activation(), "{name} is not read");
            }
        }
    }
}
