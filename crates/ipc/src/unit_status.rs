//! The properties the CLI's status and show paths read, typed once at the boundary. The
//! manager answers with `systemctl show`'s `Name=value` map (its one property table); this
//! view names every property those paths read in one place ([`UnitStatus::PROPERTIES`]) and
//! parses each to its type, so the CLI spells no property name and parses no value itself.

use linger_wire::{ActiveState, LoadState};

use crate::manager::UnitProperties;

// The property names, spelled once: what a client asks for and what the view reads.
/// `Id=`: the unit's name
pub const ID: &str = "Id";
/// `Description=`
pub const DESCRIPTION: &str = "Description";
/// `LoadState=`
pub const LOAD_STATE: &str = "LoadState";
/// `ActiveState=`
pub const ACTIVE_STATE: &str = "ActiveState";
/// `SubState=`
pub const SUB_STATE: &str = "SubState";
/// `Result=`
pub const RESULT: &str = "Result";
/// `FragmentPath=`
pub const FRAGMENT_PATH: &str = "FragmentPath";
/// `UnitFileState=`
pub const UNIT_FILE_STATE: &str = "UnitFileState";
/// `UnitFilePreset=`
pub const UNIT_FILE_PRESET: &str = "UnitFilePreset";
/// `DropInPaths=`
pub const DROP_IN_PATHS: &str = "DropInPaths";
/// `FreezerState=`
pub const FREEZER_STATE: &str = "FreezerState";
/// `NeedDaemonReload=`: whether its files changed since they were loaded
pub const NEED_DAEMON_RELOAD: &str = "NeedDaemonReload";
/// `ConditionResult=`
pub const CONDITION_RESULT: &str = "ConditionResult";
/// `ConditionTimestamp=`
pub const CONDITION_TIMESTAMP: &str = "ConditionTimestamp";
/// `ConditionTimestampMonotonic=`
pub const CONDITION_TIMESTAMP_MONOTONIC: &str = "ConditionTimestampMonotonic";
/// `ConditionFailed=`
pub const CONDITION_FAILED: &str = "ConditionFailed";
/// `ActiveEnterTimestamp=`
pub const ACTIVE_ENTER_TIMESTAMP: &str = "ActiveEnterTimestamp";
/// `ActiveEnterTimestampMonotonic=`
pub const ACTIVE_ENTER_TIMESTAMP_MONOTONIC: &str = "ActiveEnterTimestampMonotonic";
/// `ActiveExitTimestamp=`
pub const ACTIVE_EXIT_TIMESTAMP: &str = "ActiveExitTimestamp";
/// `ActiveExitTimestampMonotonic=`
pub const ACTIVE_EXIT_TIMESTAMP_MONOTONIC: &str = "ActiveExitTimestampMonotonic";
/// `InactiveEnterTimestamp=`
pub const INACTIVE_ENTER_TIMESTAMP: &str = "InactiveEnterTimestamp";
/// `InactiveEnterTimestampMonotonic=`
pub const INACTIVE_ENTER_TIMESTAMP_MONOTONIC: &str = "InactiveEnterTimestampMonotonic";
/// `InactiveExitTimestamp=`
pub const INACTIVE_EXIT_TIMESTAMP: &str = "InactiveExitTimestamp";
/// `InactiveExitTimestampMonotonic=`
pub const INACTIVE_EXIT_TIMESTAMP_MONOTONIC: &str = "InactiveExitTimestampMonotonic";
/// `MainPID=`
pub const MAIN_PID: &str = "MainPID";
/// `ExecMainPID=`
pub const EXEC_MAIN_PID: &str = "ExecMainPID";
/// `ExecMainCode=`
pub const EXEC_MAIN_CODE: &str = "ExecMainCode";
/// `ExecMainStatus=`
pub const EXEC_MAIN_STATUS: &str = "ExecMainStatus";
/// `StatusText=`
pub const STATUS_TEXT: &str = "StatusText";
/// `TasksCurrent=`
pub const TASKS_CURRENT: &str = "TasksCurrent";
/// `MemoryCurrent=`
pub const MEMORY_CURRENT: &str = "MemoryCurrent";
/// `CPUUsageNSec=`
pub const CPU_USAGE_NSEC: &str = "CPUUsageNSec";
/// `ControlGroup=`
pub const CONTROL_GROUP: &str = "ControlGroup";
/// `Documentation=`
pub const DOCUMENTATION: &str = "Documentation";
/// `TriggeredBy=`
pub const TRIGGERED_BY: &str = "TriggeredBy";
/// `After=`
pub const AFTER: &str = "After";

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
    /// `Documentation=`: its addresses (`man:…`, `https://…`).
    pub documentation: Vec<&'a str>,
    /// `TriggeredBy=`: the timers, sockets and paths that start it.
    pub triggered_by: Vec<&'a str>,
    /// `After=`: the units it starts after.
    pub after: Vec<&'a str>,
}

impl UnitStatus<'_> {
    /// Every property this view reads (what a client asks the manager for).
    pub const PROPERTIES: &'static [&'static str] = &[
        ID,
        DESCRIPTION,
        LOAD_STATE,
        ACTIVE_STATE,
        SUB_STATE,
        RESULT,
        FRAGMENT_PATH,
        UNIT_FILE_STATE,
        UNIT_FILE_PRESET,
        DROP_IN_PATHS,
        FREEZER_STATE,
        NEED_DAEMON_RELOAD,
        CONDITION_RESULT,
        CONDITION_TIMESTAMP,
        CONDITION_TIMESTAMP_MONOTONIC,
        CONDITION_FAILED,
        ACTIVE_ENTER_TIMESTAMP,
        ACTIVE_ENTER_TIMESTAMP_MONOTONIC,
        ACTIVE_EXIT_TIMESTAMP,
        ACTIVE_EXIT_TIMESTAMP_MONOTONIC,
        INACTIVE_ENTER_TIMESTAMP,
        INACTIVE_ENTER_TIMESTAMP_MONOTONIC,
        INACTIVE_EXIT_TIMESTAMP,
        INACTIVE_EXIT_TIMESTAMP_MONOTONIC,
        MAIN_PID,
        EXEC_MAIN_PID,
        EXEC_MAIN_CODE,
        EXEC_MAIN_STATUS,
        STATUS_TEXT,
        TASKS_CURRENT,
        MEMORY_CURRENT,
        CPU_USAGE_NSEC,
        CONTROL_GROUP,
        DOCUMENTATION,
        TRIGGERED_BY,
        AFTER,
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
        let stamp = |k: &str, monotonic: &str| Stamp {
            formatted: text(k),
            monotonic: number(monotonic).unwrap_or(0),
        };
        let status: i32 = text(EXEC_MAIN_STATUS).parse().unwrap_or(0);
        // CLD_EXITED, CLD_KILLED, CLD_DUMPED (waitid's si_code); 0: not exited.
        let main_exit = match text(EXEC_MAIN_CODE) {
            "1" => Some(MainExit::Exited(status)),
            "2" => Some(MainExit::Killed(status)),
            "3" => Some(MainExit::Dumped(status)),
            _ => None,
        };
        UnitStatus {
            id: text(ID),
            description: text(DESCRIPTION),
            load_state: LoadState::parse(text(LOAD_STATE)),
            active_state: ActiveState::parse(text(ACTIVE_STATE)),
            sub_state: text(SUB_STATE),
            result: text(RESULT),
            fragment_path: text(FRAGMENT_PATH),
            unit_file_state: text(UNIT_FILE_STATE),
            unit_file_preset: text(UNIT_FILE_PRESET),
            drop_in_paths: text(DROP_IN_PATHS)
                .split(' ')
                .filter(|s| !s.is_empty())
                .collect(),
            freezer_state: text(FREEZER_STATE),
            need_daemon_reload: text(NEED_DAEMON_RELOAD) == "yes",
            condition_failed: text(CONDITION_RESULT) == "no",
            condition_timestamp: stamp(CONDITION_TIMESTAMP, CONDITION_TIMESTAMP_MONOTONIC),
            failed_condition: p.get(CONDITION_FAILED).map(String::as_str),
            active_enter: stamp(ACTIVE_ENTER_TIMESTAMP, ACTIVE_ENTER_TIMESTAMP_MONOTONIC),
            active_exit: stamp(ACTIVE_EXIT_TIMESTAMP, ACTIVE_EXIT_TIMESTAMP_MONOTONIC),
            inactive_enter: stamp(INACTIVE_ENTER_TIMESTAMP, INACTIVE_ENTER_TIMESTAMP_MONOTONIC),
            inactive_exit: stamp(INACTIVE_EXIT_TIMESTAMP, INACTIVE_EXIT_TIMESTAMP_MONOTONIC),
            main_pid: pid(MAIN_PID),
            exec_main_pid: pid(EXEC_MAIN_PID),
            main_exit,
            status_text: text(STATUS_TEXT),
            tasks_current: number(TASKS_CURRENT),
            memory_current: number(MEMORY_CURRENT),
            cpu_usage_nsec: number(CPU_USAGE_NSEC),
            control_group: text(CONTROL_GROUP),
            documentation: text(DOCUMENTATION).split_whitespace().collect(),
            triggered_by: text(TRIGGERED_BY).split_whitespace().collect(),
            after: text(AFTER).split_whitespace().collect(),
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
        assert_eq!(
            (s.documentation, s.triggered_by, s.after),
            (vec!["1"], vec!["1"], vec!["1"])
        );
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
