//! The properties the CLI's status and show paths read, typed once at the boundary. The
//! manager answers with `systemctl show`'s `Name=value` map (its one property table); this
//! view names every property those paths read in one place ([`UnitStatus::PROPERTIES`]) and
//! parses each to its type, so the CLI spells no property name and parses no value itself.

use linger_wire::{ActiveState, LoadState};

use crate::manager::UnitProperties;

/// `Id=`: the unit's name.
pub const ID: &str = "Id";
/// `NeedDaemonReload=`: whether its files changed since they were loaded.
pub const NEED_DAEMON_RELOAD: &str = "NeedDaemonReload";

/// A timestamp as `show` formats it, with its monotonic value (µs; 0: never).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stamp<'a> {
    /// `Mon 2026-11-23 10:00:00 UTC`, empty when never.
    pub formatted: &'a str,
    /// `CLOCK_MONOTONIC` µs.
    pub monotonic: u64,
}

impl Stamp<'_> {
    /// Whether it happened.
    pub fn is_set(&self) -> bool {
        !self.formatted.is_empty()
    }
}

/// How the main process ended (`ExecMainCode=`/`ExecMainStatus=`), as `waitid(2)` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MainExit {
    /// `code=exited, status=N`
    Exited(i32),
    /// `code=killed, signal=N`
    Killed(i32),
    /// `code=dumped, signal=N`
    Dumped(i32),
}

/// One unit's properties as `status` (and `show`'s warnings) read them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitStatus<'a> {
    /// `Id=`
    pub id: &'a str,
    /// `Description=`
    pub description: &'a str,
    /// `LoadState=` (None: a value this CLI does not know).
    pub load_state: Option<LoadState>,
    /// `ActiveState=` (None: a value this CLI does not know).
    pub active_state: Option<ActiveState>,
    /// `SubState=`
    pub sub_state: &'a str,
    /// `Result=`
    pub result: &'a str,
    /// `FragmentPath=`
    pub fragment_path: &'a str,
    /// `UnitFileState=`
    pub unit_file_state: &'a str,
    /// `UnitFilePreset=`
    pub unit_file_preset: &'a str,
    /// `DropInPaths=`
    pub drop_in_paths: Vec<&'a str>,
    /// `FreezerState=`
    pub freezer_state: &'a str,
    /// `NeedDaemonReload=`
    pub need_daemon_reload: bool,
    /// `ConditionResult=no`: a start condition failed.
    pub condition_failed: bool,
    /// `ConditionTimestamp=`
    pub condition_timestamp: Stamp<'a>,
    /// `ConditionFailed=`: the condition that was not met.
    pub failed_condition: Option<&'a str>,
    /// `ActiveEnterTimestamp=`
    pub active_enter: Stamp<'a>,
    /// `ActiveExitTimestamp=`
    pub active_exit: Stamp<'a>,
    /// `InactiveEnterTimestamp=`
    pub inactive_enter: Stamp<'a>,
    /// `InactiveExitTimestamp=`
    pub inactive_exit: Stamp<'a>,
    /// `MainPID=` (None: no main process).
    pub main_pid: Option<u32>,
    /// `ExecMainPID=` (None: never ran).
    pub exec_main_pid: Option<u32>,
    /// `ExecMainCode=`/`ExecMainStatus=` (None: has not exited).
    pub main_exit: Option<MainExit>,
    /// `StatusText=`
    pub status_text: &'a str,
    /// `TasksCurrent=`
    pub tasks_current: Option<u64>,
    /// `MemoryCurrent=`
    pub memory_current: Option<u64>,
    /// `CPUUsageNSec=`
    pub cpu_usage_nsec: Option<u64>,
    /// `ControlGroup=`
    pub control_group: &'a str,
}

impl UnitStatus<'_> {
    /// Every property this view reads (what a client asks the manager for).
    pub const PROPERTIES: &'static [&'static str] = &[
        ID,
        "Description",
        "LoadState",
        "ActiveState",
        "SubState",
        "Result",
        "FragmentPath",
        "UnitFileState",
        "UnitFilePreset",
        "DropInPaths",
        "FreezerState",
        NEED_DAEMON_RELOAD,
        "ConditionResult",
        "ConditionTimestamp",
        "ConditionTimestampMonotonic",
        "ConditionFailed",
        "ActiveEnterTimestamp",
        "ActiveEnterTimestampMonotonic",
        "ActiveExitTimestamp",
        "ActiveExitTimestampMonotonic",
        "InactiveEnterTimestamp",
        "InactiveEnterTimestampMonotonic",
        "InactiveExitTimestamp",
        "InactiveExitTimestampMonotonic",
        "MainPID",
        "ExecMainPID",
        "ExecMainCode",
        "ExecMainStatus",
        "StatusText",
        "TasksCurrent",
        "MemoryCurrent",
        "CPUUsageNSec",
        "ControlGroup",
    ];

    /// Whether the unit is unknown to the manager (`Unit X could not be found.`).
    pub fn not_found(&self) -> bool {
        self.load_state == Some(LoadState::NotFound)
            && self.active_state == Some(ActiveState::Inactive)
    }

    /// Whether the unit is up (`is-active`'s and `status`'s exit code 0).
    pub fn is_up(&self) -> bool {
        self.active_state
            .is_some_and(ActiveState::is_active_or_reloading)
    }
}

impl UnitProperties {
    /// The properties `status` reads, typed (missing ones empty or None).
    pub fn status(&self) -> UnitStatus<'_> {
        let p = &self.properties;
        let text = |k: &str| p.get(k).map_or("", String::as_str);
        let number = |k: &str| text(k).parse::<u64>().ok();
        let pid = |k: &str| text(k).parse::<u32>().ok().filter(|&n| n > 0);
        let stamp = |k: &str| Stamp {
            formatted: text(k),
            monotonic: p
                .get(&format!("{k}Monotonic"))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
        };
        let status: i32 = text("ExecMainStatus").parse().unwrap_or(0);
        // CLD_EXITED, CLD_KILLED, CLD_DUMPED (waitid's si_code); 0: not exited.
        let main_exit = match text("ExecMainCode") {
            "1" => Some(MainExit::Exited(status)),
            "2" => Some(MainExit::Killed(status)),
            "3" => Some(MainExit::Dumped(status)),
            _ => None,
        };
        UnitStatus {
            id: text(ID),
            description: text("Description"),
            load_state: LoadState::parse(text("LoadState")),
            active_state: ActiveState::parse(text("ActiveState")),
            sub_state: text("SubState"),
            result: text("Result"),
            fragment_path: text("FragmentPath"),
            unit_file_state: text("UnitFileState"),
            unit_file_preset: text("UnitFilePreset"),
            drop_in_paths: text("DropInPaths")
                .split(' ')
                .filter(|s| !s.is_empty())
                .collect(),
            freezer_state: text("FreezerState"),
            need_daemon_reload: text(NEED_DAEMON_RELOAD) == "yes",
            condition_failed: text("ConditionResult") == "no",
            condition_timestamp: stamp("ConditionTimestamp"),
            failed_condition: p.get("ConditionFailed").map(String::as_str),
            active_enter: stamp("ActiveEnterTimestamp"),
            active_exit: stamp("ActiveExitTimestamp"),
            inactive_enter: stamp("InactiveEnterTimestamp"),
            inactive_exit: stamp("InactiveExitTimestamp"),
            main_pid: pid("MainPID"),
            exec_main_pid: pid("ExecMainPID"),
            main_exit,
            status_text: text("StatusText"),
            tasks_current: number("TasksCurrent"),
            memory_current: number("MemoryCurrent"),
            cpu_usage_nsec: number("CPUUsageNSec"),
            control_group: text("ControlGroup"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(pairs: &[(&str, &str)]) -> UnitProperties {
        UnitProperties {
            properties: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..UnitProperties::default()
        }
    }

    #[test]
    fn a_failed_service_reads_as_its_types() {
        let u = unit(&[
            ("Id", "web.service"),
            ("LoadState", "loaded"),
            ("ActiveState", "failed"),
            ("SubState", "failed"),
            ("Result", "exit-code"),
            ("MainPID", "0"),
            ("ExecMainPID", "4242"),
            ("ExecMainCode", "1"),
            ("ExecMainStatus", "203"),
            ("DropInPaths", "/a/x.conf /a/y.conf"),
            ("TasksCurrent", "[not set]"),
            ("InactiveEnterTimestamp", "Mon 2026-11-23 10:00:00 UTC"),
            ("InactiveEnterTimestampMonotonic", "123"),
            ("NeedDaemonReload", "yes"),
        ]);
        let s = u.status();
        assert_eq!(s.id, "web.service");
        assert_eq!(s.active_state, Some(ActiveState::Failed));
        assert!(!s.is_up() && !s.not_found());
        assert_eq!(s.main_pid, None);
        assert_eq!(s.exec_main_pid, Some(4242));
        assert_eq!(s.main_exit, Some(MainExit::Exited(203)));
        assert_eq!(s.drop_in_paths, ["/a/x.conf", "/a/y.conf"]);
        assert_eq!(s.tasks_current, None);
        assert_eq!(s.inactive_enter.monotonic, 123);
        assert!(s.need_daemon_reload);
        assert!(!s.active_enter.is_set());
    }

    #[test]
    fn an_unknown_unit_is_not_found() {
        let u = unit(&[("LoadState", "not-found"), ("ActiveState", "inactive")]);
        assert!(u.status().not_found());
    }

    /// The list and the reads agree: with every listed property set, every field is set
    /// (a field read under a name missing from the list would stay empty, and a client
    /// asking for the list would never get it).
    #[test]
    fn every_field_is_read_from_a_listed_property() {
        let all: Vec<(&str, &str)> = UnitStatus::PROPERTIES.iter().map(|k| (*k, "1")).collect();
        let u = unit(&all);
        let s = u.status();
        let stamp = Stamp {
            formatted: "1",
            monotonic: 1,
        };
        let texts = [
            s.id,
            s.description,
            s.sub_state,
            s.result,
            s.fragment_path,
            s.unit_file_state,
            s.unit_file_preset,
            s.freezer_state,
            s.status_text,
            s.control_group,
        ];
        assert!(texts.iter().all(|t| *t == "1"), "{s:?}");
        assert_eq!(s.drop_in_paths, ["1"]);
        assert_eq!(s.failed_condition, Some("1"));
        for st in [
            s.condition_timestamp,
            s.active_enter,
            s.active_exit,
            s.inactive_enter,
            s.inactive_exit,
        ] {
            assert_eq!(st, stamp);
        }
        assert_eq!((s.main_pid, s.exec_main_pid), (Some(1), Some(1)));
        assert_eq!(s.main_exit, Some(MainExit::Exited(1)));
        assert_eq!(
            (s.tasks_current, s.memory_current, s.cpu_usage_nsec),
            (Some(1), Some(1), Some(1))
        );
        // "1" is no LoadState/ActiveState and no "yes"/"no": those read their own words.
        assert_eq!((s.load_state, s.active_state), (None, None));
        let u = unit(&[
            ("LoadState", "loaded"),
            ("ActiveState", "active"),
            ("NeedDaemonReload", "yes"),
            ("ConditionResult", "no"),
        ]);
        let s = u.status();
        assert_eq!(s.load_state, Some(LoadState::Loaded));
        assert!(s.is_up() && s.need_daemon_reload && s.condition_failed);
    }
}
