//! Unit properties in `systemctl show`'s names and formats — the one canonical rendering
//! used by `show`, `status` and `is-*`.

use std::collections::BTreeMap;

use linger_engine::Engine;
use linger_engine::{Deps, Host, Timestamp, UnitInfo, UnitSource};
use linger_unit::exec_line::ExecCommand;
use linger_unit::model::UnitKind;

use crate::props_format::{span, timestamp, yes};

fn join(set: &std::collections::BTreeSet<String>) -> String {
    set.iter().cloned().collect::<Vec<_>>().join(" ")
}

fn exec_prop(cmds: &[ExecCommand]) -> String {
    cmds.iter()
        .map(|c| {
            format!(
                "{{ path={} ; argv[]={} ; ignore_errors={} ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }}",
                c.path,
                c.argv.join(" "),
                if c.flags.ignore_failure { "yes" } else { "no" }
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `NAME=` as systemctl prints a timestamp, and `NAMEMonotonic=` in µs.
pub fn timestamp_pair(p: &mut BTreeMap<String, String>, name: &str, t: Timestamp) {
    p.insert(name.to_string(), timestamp(t.realtime));
    p.insert(format!("{name}Monotonic"), t.monotonic.to_string());
}

/// All properties of a unit.
pub fn unit_properties<H: Host, S: UnitSource>(
    engine: &Engine<H, S>,
    u: &UnitInfo,
    unit_file_state: &str,
) -> BTreeMap<String, String> {
    let cfg = &u.config;
    let mut p = BTreeMap::new();
    let mut names = vec![cfg.id.clone()];
    names.extend(cfg.aliases.iter().cloned());
    p.insert("Id".into(), cfg.id.clone());
    p.insert("Names".into(), names.join(" "));
    p.insert("Description".into(), u.description().to_string());
    p.insert("LoadState".into(), cfg.load_state.as_str().into());
    p.insert("ActiveState".into(), u.active_state().as_str().into());
    p.insert("SubState".into(), u.sub_state().as_str().into());
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
    timestamp_pair(&mut p, "StateChangeTimestamp", u.state_change);
    timestamp_pair(&mut p, "ActiveEnterTimestamp", u.active_enter);
    timestamp_pair(&mut p, "ActiveExitTimestamp", u.active_exit);
    timestamp_pair(&mut p, "InactiveEnterTimestamp", u.inactive_enter);
    timestamp_pair(&mut p, "InactiveExitTimestamp", u.inactive_exit);
    timestamp_pair(&mut p, "ConditionTimestamp", u.condition_timestamp);
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
        deps_props(&mut p, d);
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
        p.insert("KillMode".into(), sc.kill.kill_mode.as_str().into());
        p.insert("KillSignal".into(), sc.kill.kill_signal.to_string());
        p.insert(
            "FinalKillSignal".into(),
            sc.kill.final_kill_signal.to_string(),
        );
        p.insert("SendSIGKILL".into(), yes(sc.kill.send_sigkill));
        p.insert("SendSIGHUP".into(), yes(sc.kill.send_sighup));
        p.insert("UMask".into(), format!("{:04o}", sc.exec.umask));
        p.insert(
            "WorkingDirectory".into(),
            sc.exec
                .working_directory
                .as_ref()
                .map(|w| {
                    format!(
                        "{}{}",
                        if w.missing_ok { "!" } else { "" },
                        w.path.display()
                    )
                })
                .unwrap_or_default(),
        );
        p.insert(
            "Environment".into(),
            sc.exec
                .environment
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(" "),
        );
        p.insert(
            "SyslogIdentifier".into(),
            sc.exec.syslog_identifier.clone().unwrap_or_default(),
        );
        crate::props_exec::exec_properties(&sc.exec, &mut p);
        p.insert("ExecStartPre".into(), exec_prop(&sc.exec_start_pre));
        p.insert("ExecStart".into(), exec_prop(&sc.exec_start));
        p.insert("ExecStartPost".into(), exec_prop(&sc.exec_start_post));
        p.insert("ExecReload".into(), exec_prop(&sc.exec_reload));
        p.insert("ExecStop".into(), exec_prop(&sc.exec_stop));
        p.insert("ExecStopPost".into(), exec_prop(&sc.exec_stop_post));
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
        timestamp_pair(
            &mut p,
            "ExecMainStartTimestamp",
            rt.main_start.unwrap_or_default(),
        );
        timestamp_pair(
            &mut p,
            "ExecMainExitTimestamp",
            rt.main_exit_time.unwrap_or_default(),
        );
        let (code, status) = match rt.main_exit {
            Some(e) => (
                match e.code_str() {
                    "exited" => 1,
                    "killed" => 2,
                    _ => 3,
                },
                e.number(),
            ),
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
    p.insert("IgnoreOnIsolate".into(), yes(cfg.ignores_isolate()));
    p.insert("CollectMode".into(), cfg.unit.collect_mode.as_str().into());
    crate::props_activation::activation_properties(engine, u, &mut p);
    p
}

fn deps_props(p: &mut BTreeMap<String, String>, d: &Deps) {
    let pairs: [(&str, &std::collections::BTreeSet<String>); 18] = [
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
