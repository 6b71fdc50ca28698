//! Unit properties in `systemctl show`'s names and formats — the one canonical rendering
//! used by `show`, `status` and `is-*`.

use std::collections::BTreeMap;

use linger_engine::Engine;
use linger_engine::{
    ConditionState, Deps, ExecKind, ExitStatus, Host, ServiceRuntime, UnitInfo, UnitSource,
    commands_of, signal_name,
};
use linger_ipc::manager as wire;
use linger_unit::model::{ServiceConfig, UnitKind};

use crate::props_format::{Props, span, timestamp, yes};

fn join(set: &linger_engine::NameSet) -> String {
    set.iter().cloned().collect::<Vec<_>>().join(" ")
}

/// The `Exec*=` properties a service has, with the engine's list each reads.
pub const COMMAND_LISTS: [(&str, ExecKind); 7] = [
    ("ExecCondition", ExecKind::Condition),
    ("ExecStartPre", ExecKind::StartPre),
    ("ExecStart", ExecKind::Start),
    ("ExecStartPost", ExecKind::StartPost),
    ("ExecReload", ExecKind::Reload),
    ("ExecStop", ExecKind::Stop),
    ("ExecStopPost", ExecKind::StopPost),
];

/// `si_code` of an exit (`CLD_EXITED` 1, `CLD_KILLED` 2, `CLD_DUMPED` 3), as systemd reports it.
fn cld_code(e: ExitStatus) -> i32 {
    match e {
        ExitStatus::Exited(_) => 1,
        ExitStatus::Killed(_) => 2,
        ExitStatus::Dumped(_) => 3,
    }
}

/// Each command list of a service with every command's last run since the last start.
pub fn command_runs(
    sc: &ServiceConfig,
    rt: &ServiceRuntime,
) -> BTreeMap<String, Vec<wire::CommandRun>> {
    let mut out = BTreeMap::new();
    for (name, kind) in COMMAND_LISTS {
        let runs = commands_of(kind, sc)
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut row = wire::CommandRun {
                    path: c.path.clone(),
                    argv: c.argv.clone(),
                    ignore_failure: c.flags.ignore_failure,
                    ..Default::default()
                };
                if let Some(run) = rt.commands.get(kind, i) {
                    row.pid = run.pid;
                    row.start = (run.start.realtime, run.start.monotonic);
                    if let Some((at, status)) = run.exit {
                        row.exit = (at.realtime, at.monotonic);
                        row.code = cld_code(status);
                        row.status = status.number();
                    }
                }
                row
            })
            .collect();
        out.insert(name.to_string(), runs);
    }
    out
}

/// A command list as `systemctl show` prints it: `{ path=… ; argv[]=… ; … }` per command.
fn exec_prop(runs: &[wire::CommandRun]) -> String {
    let time = |t: u64| match t {
        0 => "n/a".to_string(),
        t => timestamp(t),
    };
    runs.iter()
        .map(|c| {
            let (code, status) = match c.code {
                0 => ("(null)".to_string(), format!("{}/0", c.status)),
                1 => ("exited".to_string(), c.status.to_string()),
                n => (
                    if n == 2 { "killed" } else { "dumped" }.to_string(),
                    format!("{}/{}", c.status, signal_name(c.status)),
                ),
            };
            format!(
                "{{ path={} ; argv[]={} ; ignore_errors={} ; start_time=[{}] ; stop_time=[{}] ; pid={} ; code={code} ; status={status} }}",
                c.path,
                c.argv.join(" "),
                yes(c.ignore_failure),
                time(c.start.0),
                time(c.exit.0),
                c.pid,
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A unit's `Condition…=` and `Assert…=` lists with what the last check said of each
/// entry (D-Bus's `Conditions`/`Asserts`).
pub fn condition_checks(u: &UnitInfo) -> (Vec<wire::ConditionCheck>, Vec<wire::ConditionCheck>) {
    let rows = |prefix: &str, list: &[linger_unit::model::Condition], states: &[ConditionState]| {
        list.iter()
            .enumerate()
            .map(|(i, c)| wire::ConditionCheck {
                directive: format!("{prefix}{}", c.name),
                trigger: c.trigger,
                negate: c.negate,
                parameter: c.parameter.clone(),
                state: match states.get(i).copied().unwrap_or_default() {
                    ConditionState::Unchecked => 0,
                    ConditionState::Met => 1,
                    ConditionState::NotMet => -1,
                },
            })
            .collect()
    };
    let unit = &u.config.unit;
    (
        rows("Condition", &unit.conditions, &u.condition_states),
        rows("Assert", &unit.asserts, &u.assert_states),
    )
}

/// The properties [`state_properties`] answers: what `is-active`, `is-failed` and the
/// warnings after a job ask of each unit (with `NeedDaemonReload`, `UnitFilePreset`,
/// `FreezerState`, which the caller adds in either case). A request for nothing else is
/// answered without rendering a unit's other ~200 properties (`stop` of 500 units asked
/// 1,000 of them for 2 properties each: 16 `prlimit64` and ~60 µs a unit).
pub const STATE_PROPERTIES: [&str; 6] = [
    "Id",
    "LoadState",
    "ActiveState",
    "SubState",
    "TriggeredBy",
    "UnitFileState",
];

/// `LoadState`, `ActiveState`, `SubState`: written here once for [`unit_properties`] and
/// [`state_properties`].
fn insert_states(u: &UnitInfo, p: &mut Props) {
    p.insert("LoadState".into(), u.config.load_state.as_str().into());
    p.insert("ActiveState".into(), u.active_state().as_str().into());
    p.insert("SubState".into(), u.sub_state().as_str().into());
}

/// Of [`unit_properties`], only those in [`STATE_PROPERTIES`] — each the same value, from the
/// same code.
pub fn state_properties<H: Host, S: UnitSource>(
    engine: &Engine<H, S>,
    u: &UnitInfo,
    unit_file_state: &str,
) -> Props {
    let mut p = Props::default();
    p.insert("Id".into(), u.config.id.clone());
    insert_states(u, &mut p);
    p.insert("UnitFileState".into(), unit_file_state.to_string());
    crate::props_activation::triggered_by(engine, &u.config.id, &mut p);
    p
}

/// All properties of a unit.
pub fn unit_properties<H: Host, S: UnitSource>(
    engine: &Engine<H, S>,
    u: &UnitInfo,
    unit_file_state: &str,
) -> Props {
    let cfg = &u.config;
    let mut p = Props::default();
    let mut names = vec![cfg.id.clone()];
    names.extend(cfg.aliases.iter().cloned());
    p.insert("Id".into(), cfg.id.clone());
    p.insert("Names".into(), names.join(" "));
    p.insert("Description".into(), u.description().to_string());
    insert_states(u, &mut p);
    p.insert(
        "FragmentPath".into(),
        cfg.fragment_path
            .as_ref()
            .map(|x| x.display().to_string())
            .unwrap_or_default(),
    );
    p.insert(
        "DropInPaths".into(),
        cfg.dropin_paths
            .iter()
            .map(|x| x.display().to_string())
            .collect::<Vec<_>>()
            .join(" "),
    );
    p.insert(
        "SourcePath".into(),
        cfg.unit
            .source_path
            .as_ref()
            .map(|x| x.display().to_string())
            .unwrap_or_default(),
    );
    p.insert("Documentation".into(), cfg.unit.documentation.join(" "));
    p.insert("UnitFileState".into(), unit_file_state.to_string());
    p.stamp("StateChangeTimestamp", u.state_change);
    p.stamp("ActiveEnterTimestamp", u.active_enter);
    p.stamp("ActiveExitTimestamp", u.active_exit);
    p.stamp("InactiveEnterTimestamp", u.inactive_enter);
    p.stamp("InactiveExitTimestamp", u.inactive_exit);
    p.stamp("ConditionTimestamp", u.condition_timestamp);
    p.stamp("AssertTimestamp", u.assert_timestamp);
    p.insert(
        "ConditionResult".into(),
        yes(u.condition_result.unwrap_or(true)),
    );
    p.insert("AssertResult".into(), yes(u.assert_result.unwrap_or(true)));
    if let Some(f) = &u.condition_failed {
        p.insert("ConditionFailed".into(), f.clone());
    }
    p.insert("CanStart".into(), yes(!cfg.unit.refuse_manual_start));
    p.insert("CanStop".into(), yes(!cfg.unit.refuse_manual_stop));
    p.insert(
        "RefuseManualStart".into(),
        yes(cfg.unit.refuse_manual_start),
    );
    p.insert("RefuseManualStop".into(), yes(cfg.unit.refuse_manual_stop));
    p.insert("StopWhenUnneeded".into(), yes(cfg.unit.stop_when_unneeded));
    p.insert(
        "DefaultDependencies".into(),
        yes(cfg.unit.default_dependencies),
    );
    p.insert(
        "StartLimitIntervalUSec".into(),
        span(cfg.unit.start_limit_interval),
    );
    p.insert(
        "StartLimitBurst".into(),
        cfg.unit.start_limit_burst.to_string(),
    );
    p.insert(
        "Job".into(),
        engine
            .job_of(&cfg.id)
            .map(|(j, _, _)| j.to_string())
            .unwrap_or_default(),
    );
    if let Some(d) = engine.deps(&cfg.id) {
        deps_props(&mut p.strings, d);
    }

    if let Some(scope) = u.scope() {
        p.insert("InvocationID".into(), scope.invocation_id.clone());
    }
    if let (UnitKind::Service(sc), Some(rt)) = (&cfg.kind, u.service()) {
        let procs = rt.state().procs();
        p.insert("Type".into(), sc.service_type.as_str().into());
        if let Some(name) = &sc.bus_name {
            p.insert("BusName".into(), name.clone());
        }
        p.insert("Restart".into(), sc.restart.as_str().into());
        p.insert("RestartUSec".into(), span(sc.restart_sec));
        p.insert("TimeoutStartUSec".into(), span(sc.timeout_start));
        p.insert("TimeoutStopUSec".into(), span(sc.timeout_stop));
        p.insert("RuntimeMaxUSec".into(), span(sc.runtime_max));
        p.insert("WatchdogUSec".into(), span(sc.watchdog));
        p.insert("RemainAfterExit".into(), yes(sc.remain_after_exit));
        p.insert(
            "PIDFile".into(),
            sc.pid_file
                .as_ref()
                .map(|x| x.display().to_string())
                .unwrap_or_default(),
        );
        p.insert(
            "NotifyAccess".into(),
            sc.notify_access
                .map(|n| n.as_str())
                .unwrap_or("none")
                .into(),
        );
        crate::props_settings::service_settings(sc, &mut p.strings);
        crate::props_settings::exit_status_settings(sc, &mut p.strings);
        for (name, runs) in command_runs(sc, rt) {
            // ExecCondition= is listed by systemd only when set.
            if name != "ExecCondition" || !runs.is_empty() {
                p.insert(name, exec_prop(&runs));
            }
        }
        p.insert("CanReload".into(), yes(!sc.exec_reload.is_empty()));
        p.insert("MainPID".into(), procs.main.unwrap_or(0).to_string());
        p.insert("ControlPID".into(), procs.control.unwrap_or(0).to_string());
        p.insert("Result".into(), rt.result.as_str().into());
        p.insert("NRestarts".into(), rt.restarts.to_string());
        p.insert(
            "StatusText".into(),
            rt.status_text.clone().unwrap_or_default(),
        );
        p.insert(
            "StatusErrno".into(),
            rt.status_errno.unwrap_or(0).to_string(),
        );
        p.insert("InvocationID".into(), rt.invocation_id.clone());
        p.stamp("ExecMainStartTimestamp", rt.main_start.unwrap_or_default());
        p.stamp(
            "ExecMainExitTimestamp",
            rt.main_exit_time.unwrap_or_default(),
        );
        let (code, status) = match rt.main_exit {
            Some(e) => (cld_code(e), e.number()),
            None => (0, 0),
        };
        p.insert("ExecMainCode".into(), code.to_string());
        p.insert("ExecMainStatus".into(), status.to_string());
        let main_pid = procs.main.or(rt.last_main_pid).unwrap_or(0);
        p.insert("ExecMainPID".into(), main_pid.to_string());
    } else {
        p.insert("CanReload".into(), "no".into());
    }
    p.insert("AllowIsolate".into(), yes(cfg.unit.allow_isolate));
    // Only a target can be isolated, and only when it allows it (systemd's unit_can_isolate).
    let target = matches!(cfg.kind, UnitKind::Target);
    p.insert("CanIsolate".into(), yes(target && cfg.unit.allow_isolate));
    match &cfg.kind {
        UnitKind::Scope(sc) => crate::props_settings::service_settings(sc, &mut p.strings),
        UnitKind::Socket(c) => {
            crate::props_settings::service_settings(&c.processes, &mut p.strings);
            // Only services and scopes delegate (systemd 252 shows a socket's `Delegate=yes`
            // as no: crates/dbus/tests/reference/delegate.txt).
            p.insert("Delegate".into(), "no".into());
            p.insert("DelegateControllers".into(), String::new());
            crate::props_settings::socket_settings(c, &mut p.strings);
        }
        _ => {}
    }
    if cfg.id.ends_with(".slice") {
        // The loaded units in this slice (systemd's SliceOf), by name.
        let members: Vec<&str> = engine
            .units()
            .filter(|x| slice_of(&x.config).as_deref() == Some(cfg.id.as_str()))
            .map(|x| x.config.id.as_str())
            .collect();
        p.insert("SliceOf".into(), members.join(" "));
    }
    p.insert("IgnoreOnIsolate".into(), yes(cfg.ignores_isolate()));
    p.insert("CollectMode".into(), cfg.unit.collect_mode.as_str().into());
    crate::props_activation::activation_properties(engine, u, &mut p);
    p
}

/// The slice a unit is in: its `Slice=` (else app.slice) for units with processes, the parent
/// by name for a slice (`a-b.slice` → `a.slice` → `-.slice`), none for the others.
pub(crate) fn slice_of(cfg: &linger_unit::model::UnitConfig) -> Option<String> {
    let configured = |slice: &Option<String>| {
        Some(
            slice
                .clone()
                .unwrap_or_else(|| linger_cgroup::DEFAULT_SLICE.to_string()),
        )
    };
    match &cfg.kind {
        UnitKind::Service(sc) | UnitKind::Scope(sc) => configured(&sc.slice),
        UnitKind::Socket(c) => configured(&c.processes.slice),
        _ => match cfg.id.strip_suffix(".slice")? {
            "-" => None,
            stem => Some(match stem.rsplit_once('-') {
                Some((parent, _)) => format!("{parent}.slice"),
                None => "-.slice".into(),
            }),
        },
    }
}

fn deps_props(p: &mut BTreeMap<String, String>, d: &Deps) {
    let pairs: [(&str, &linger_engine::NameSet); 18] = [
        ("Requires", &d.requires),
        ("Wants", &d.wants),
        ("Requisite", &d.requisite),
        ("BindsTo", &d.binds_to),
        ("PartOf", &d.part_of),
        ("Upholds", &d.upholds),
        ("Conflicts", &d.conflicts),
        ("After", &d.after),
        ("Before", &d.before),
        ("OnFailure", &d.on_failure),
        ("OnSuccess", &d.on_success),
        ("RequiredBy", &d.required_by),
        ("WantedBy", &d.wanted_by),
        ("RequisiteOf", &d.requisite_of),
        ("BoundBy", &d.bound_by),
        ("ConsistsOf", &d.consists_of),
        ("UpheldBy", &d.upheld_by),
        ("ConflictedBy", &d.conflicted_by),
    ];
    for (k, v) in pairs {
        p.insert(k.to_string(), join(v));
    }
}

/// `CgroupDriver=`, and with a cgroup `ControlGroup=`, `MemoryCurrent=`, `TasksCurrent=`,
/// `CPUUsageNSec=` (`[not set]` where the controller is missing, as systemd prints).
pub fn cgroup_properties(
    cg: &crate::cgroups::Cgroups,
    unit: &str,
    p: &mut BTreeMap<String, String>,
) {
    p.insert("CgroupDriver".into(), cg.driver().into());
    let Some(path) = cg.control_group(unit) else {
        return;
    };
    p.insert("ControlGroup".into(), path);
    if let Some(st) = cg.stats(unit) {
        let n = |v: Option<u64>| v.map_or_else(|| "[not set]".to_string(), |x| x.to_string());
        p.insert("MemoryCurrent".into(), n(st.memory_current));
        p.insert("TasksCurrent".into(), n(st.tasks_current));
        p.insert("CPUUsageNSec".into(), n(st.cpu_usage_nsec));
    }
}
