//! Carrying out [`Call`]s: what each request does to the manager and what it answers.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use linger_engine::{EngineError, JobType};
use linger_ipc::manager::{self as wire, ErrorKind, ManagerError};
use serde_json::json;

use crate::api::{Answer, Call, ReplyTo};
use crate::engine_error::engine_error;
use crate::manager::{Manager, ManagerEngine};
use crate::props_format::Props;
use crate::tracker::cmdline;

/// Carry out `call`; its answer goes to `reply` now, or (a job call that waits) when its jobs
/// are done.
pub fn call(m: &mut Manager, call: Call, reply: ReplyTo) {
    let answer = match call {
        Call::Jobs(p) => return jobs(m, p, reply),
        Call::Journal(p) => return journal(m, p, reply),
        Call::Freezer(p) => return crate::freezer::freezer(m, &p, reply),
        Call::Units(p) => Ok(units(m, &p)),
        Call::List(_) => Ok(list(m)),
        Call::ListUnitFiles => Ok(unit_files(m)),
        Call::UnitFileStates(p) => Ok(unit_file_states(m, &p)),
        Call::Install(p) => install(m, &p),
        Call::Kill(p) => kill(m, &p),
        Call::SetProperty(p) => crate::set_property::set_property(m, &p)
            .map(|()| Answer::Done)
            .map_err(|e| ManagerError::new(ErrorKind::Refused, e).unit(&p.unit)),
        Call::StartScope(p) => return crate::scope::start_scope(m, &p, reply),
        Call::AttachStdio { request, fds } => attach_stdio(m, &request, fds),
        Call::ResetFailed(p) => {
            let ids: Vec<String> = if p.units.is_empty() {
                m.engine.reset_failed(None);
                m.engine.units().map(|u| u.config.id.clone()).collect()
            } else {
                let ids: Vec<String> = p
                    .units
                    .iter()
                    .filter_map(|u| m.engine.resolve(u).map(str::to_string))
                    .collect();
                for id in &ids {
                    m.engine.reset_failed(Some(id));
                }
                ids
            };
            m.apply_effects();
            // A failed unit, kept for `status` until now, is collected (if nobody needs it).
            for id in &ids {
                m.collect_garbage(id);
            }
            Ok(Answer::Done)
        }
        Call::Reload => {
            m.reload();
            Ok(Answer::Done)
        }
        Call::Reexec => {
            m.begin_reexec();
            let (written, done) = crate::call::Written::new();
            m.reexec_written.push(done);
            Ok(Answer::Reexecuting(written))
        }
        Call::Exit => {
            m.begin_shutdown();
            Ok(Answer::Done)
        }
        Call::Environment(p) => {
            let env = &mut m.engine.host_mut().environment;
            for kv in &p.set {
                if let Some((k, v)) = kv.split_once('=') {
                    env.set(k, v);
                }
            }
            for k in &p.unset {
                env.unset(k);
            }
            Ok(Answer::Environment(env.to_strings()))
        }
        Call::Dependencies(p) => {
            let id = m.engine.load(&p.unit);
            let root = dep_tree(&m.engine, &id, &p, &mut HashSet::new(), 0);
            Ok(Answer::Dependencies(wire::DependenciesReply { root }))
        }
        Call::ListJobs => Ok(Answer::ListJobs(wire::ListJobsReply {
            jobs: m
                .engine
                .jobs()
                .into_iter()
                .map(|(id, unit, job_type, running)| wire::JobRow {
                    id,
                    unit,
                    job_type,
                    running,
                })
                .collect(),
        })),
        Call::Manager => Ok(Answer::Manager(manager_properties(m))),
        Call::BusName { name, owned } => Ok(crate::bus_names::bus_name(m, &name, owned)),
        Call::DefaultTarget => Ok(Answer::DefaultTarget(linger_unit::loader::default_target(
            &m.engine.source_ref().ctx,
        ))),
        Call::UnitOfPid { pid } => Ok(Answer::UnitOfPid(crate::unit_of_pid::unit_of_pid(m, pid))),
        Call::CancelJob { job } => {
            if m.engine.cancel(job) {
                m.apply_effects();
                Ok(Answer::Done)
            } else {
                Err(ManagerError::new(
                    ErrorKind::InvalidParameter,
                    format!("Job {job} does not exist."),
                ))
            }
        }
        // handle.rs hands these to control.rs before they get here.
        Call::Control(_) => Err(ManagerError::new(
            ErrorKind::Failed,
            "A control call reached the wrong handler.",
        )),
        Call::GetInfo => Ok(Answer::Info(json!({
            "vendor": "linger", "product": "linger user manager",
            "version": env!("CARGO_PKG_VERSION"), "url": "",
            "interfaces": ["org.varlink.service", wire::INTERFACE]
        }))),
    };
    let _ = reply.send(answer);
}

fn jobs(m: &mut Manager, p: wire::JobsRequest, reply: ReplyTo) {
    let mut outcomes = Vec::new();
    let mut waits = Vec::new();
    // NeedDaemonReload of each unit a job is queued for, told in the reply (systemctl warns).
    let mut install = crate::install_states::InstallLookups::new(p.units.len());
    for name in &p.units {
        let id = m.engine.load(name);
        let (can_reload, active, is_service, changed) = m
            .engine
            .unit(&id)
            .map(|u| {
                let reload = matches!(&u.config.kind, linger_unit::model::UnitKind::Service(sc) if !sc.exec_reload.is_empty());
                let source = m.engine.source_ref();
                let changed = install.need_reload(&source.stamps, &source.ctx, &u.config);
                (reload, u.active_state().is_active_or_reloading(), u.service().is_some(), changed)
            })
            .unwrap_or((false, false, false, false));
        let jt = p.action.job_type(can_reload, active);
        let refused = |e: ManagerError| wire::JobOutcome {
            unit: name.clone(),
            job: 0,
            job_type: None,
            result: None,
            message: e.message.clone(),
            error: Some(e),
            need_daemon_reload: None,
        };
        if jt == JobType::Reload && !can_reload && is_service {
            let e = engine_error(
                &EngineError::NotApplicable(jt.as_str().into(), id.clone()),
                &id,
            );
            outcomes.push(refused(e));
            continue;
        }
        match m.engine.enqueue(jt, name, p.mode, true) {
            Ok(job) => {
                // systemd's words at `LogLevel=debug` (control.rs).
                if m.log_level >= 7 {
                    let message = format!("{id}: Installed new job {id}/{} as {job}", jt.as_str());
                    m.record(&id, 7, "linger", std::process::id(), message);
                }
                waits.push((outcomes.len(), job));
                outcomes.push(wire::JobOutcome {
                    unit: name.clone(),
                    job,
                    job_type: Some(jt),
                    result: None,
                    error: None,
                    message: String::new(),
                    need_daemon_reload: Some(changed),
                });
            }
            Err(e) => outcomes.push(refused(engine_error(&e, name))),
        }
    }
    if p.no_block {
        m.apply_effects();
        let _ = reply.send(Ok(Answer::Jobs(wire::JobsReply { jobs: outcomes })));
    } else {
        // Waiting first: a job may be done as soon as its effects are applied.
        m.job_waits.wait(outcomes, waits, reply);
        m.apply_effects();
    }
}

fn units(m: &mut Manager, p: &wire::UnitsRequest) -> Answer {
    let mut out = Vec::new();
    // Fresh looks at the unit files (NeedDaemonReload), with the install states kept while
    // what they were read from is unchanged (crate::install_cache).
    let mut install = crate::install_states::InstallLookups::new(p.units.len());
    // Only unit states asked (`is-active`, the warnings after a job): the rest of each
    // unit's properties is not rendered. The names added below are answered either way.
    let added_below = [
        "NeedDaemonReload",
        "UnitFilePreset",
        "FreezerState",
        "CanFreeze",
    ];
    let states_only = !p.properties.is_empty()
        && !p.processes
        && p.properties.iter().all(|k| {
            crate::props::STATE_PROPERTIES.contains(&k.as_str())
                || added_below.contains(&k.as_str())
        });
    for name in &p.units {
        let was_loaded = m.engine.resolve(name).is_some();
        if p.loaded_only && !was_loaded {
            continue;
        }
        let id = m.engine.load(name);
        // Logged before the log tail below is read: the first `status` shows them too.
        m.record_load_diagnostics();
        let Some(u) = m.engine.unit(&id) else {
            continue;
        };
        let wants = |k: &str| p.properties.is_empty() || p.properties.iter().any(|x| x == k);
        let source = m.engine.source_ref();
        let want_state = wants("UnitFileState") || wants("UnitFilePreset");
        // Asked for the property, and to know whether a kept state still holds.
        let changed = (want_state || wants("NeedDaemonReload"))
            && install.need_reload(&source.stamps, &source.ctx, &u.config);
        let file_state = if want_state {
            install.file_state(&source.stamps, &source.ctx, &u.config, changed)
        } else {
            String::new()
        };
        let mut props = if states_only {
            crate::props::state_properties(&m.engine, u, &file_state)
        } else {
            let mut all = crate::props::unit_properties(&m.engine, u, &file_state);
            crate::props::cgroup_properties(&m.engine.host().cgroups, &id, &mut all.strings);
            all
        };
        if wants("UnitFilePreset") {
            let preset = install.preset(&source.stamps, &id, &file_state);
            props.insert("UnitFilePreset".into(), preset.unwrap_or_default().into());
        }
        if wants("NeedDaemonReload") {
            props.insert("NeedDaemonReload".into(), crate::props_format::yes(changed));
        }
        if wants("FreezerState") || wants("CanFreeze") {
            let cg = &m.engine.host().cgroups;
            let state = crate::frozen::state(cg, &id);
            props.insert("FreezerState".into(), state.as_str().into());
            let can = crate::frozen::can_freeze(cg, u.config.unit_type);
            props.insert("CanFreeze".into(), if can { "yes" } else { "no" }.into());
        }
        let mut processes = Vec::new();
        if p.processes {
            let main = u.service().and_then(|x| x.state().procs().main);
            let mut pids = linger_engine::Host::unit_pids(m.engine.host(), &id);
            pids.extend(main);
            pids.sort_unstable();
            pids.dedup();
            // Reaped (or never reaped by us and gone) processes are not listed.
            pids.retain(|p| std::path::Path::new(&format!("/proc/{p}")).exists());
            if let Some(main) = main.filter(|m| pids.contains(m)) {
                pids.retain(|x| *x != main);
                pids.insert(0, main);
            }
            // Tasks are threads (as pids.current counts them); the cgroup's figure, when
            // there is one, was set with the other accounting properties.
            if !props.strings.contains_key("TasksCurrent") {
                let threads: usize = pids.iter().map(|p| thread_count(*p)).sum();
                props.insert("TasksCurrent".into(), threads.to_string());
            }
            processes = pids
                .into_iter()
                .map(|pid| wire::ProcessInfo {
                    pid,
                    cmdline: cmdline(pid),
                })
                .collect();
        }
        let logs = m.logs.last(&id, p.log_lines);
        let commands = match (&u.config.kind, u.service()) {
            (linger_unit::model::UnitKind::Service(sc), Some(rt))
                if crate::props::COMMAND_LISTS
                    .iter()
                    .any(|&(name, _)| wants(name)) =>
            {
                crate::props::command_runs(sc, rt)
            }
            (linger_unit::model::UnitKind::Socket(c), _)
                if crate::props_settings::SOCKET_COMMAND_LISTS
                    .iter()
                    .any(|name| wants(name)) =>
            {
                crate::props_settings::socket_commands(c)
            }
            _ => Default::default(),
        };
        let (conditions, asserts) = match (wants("Conditions"), wants("Asserts")) {
            (false, false) => Default::default(),
            _ => crate::props::condition_checks(u),
        };
        let mut realtime = props.realtime;
        realtime.retain(|k, _| wants(k));
        // Only what was asked (and the name, which every caller keys rows by) goes back:
        // `is-active` of 10,000 units would otherwise carry all ~200 properties of each.
        if !p.properties.is_empty() {
            props.strings.retain(|k, _| k == "Id" || wants(k));
        }
        out.push(wire::UnitProperties {
            properties: props.strings,
            processes,
            logs,
            commands,
            realtime,
            conditions,
            asserts,
        });
    }
    Answer::Units(wire::UnitsReply { units: out })
}

fn list(m: &Manager) -> Answer {
    let units = m
        .engine
        .units()
        .map(|u| wire::UnitRow {
            unit: u.config.id.clone(),
            load: u.config.load_state,
            active: u.active_state(),
            sub: u.sub_state().name(),
            description: u.description().to_string(),
            job: m.engine.job_of(&u.config.id).map(|(_, t, _)| t),
        })
        .collect();
    Answer::List(wire::ListReply { units })
}

fn kill(m: &mut Manager, p: &wire::KillRequest) -> Result<Answer, ManagerError> {
    for name in &p.units {
        let Some(id) = m.engine.resolve(name).map(str::to_string) else {
            return Err(ManagerError::new(
                ErrorKind::NoSuchUnit,
                format!("Unit {name} not loaded."),
            )
            .unit(name));
        };
        m.engine
            .kill(&id, p.whom, p.signal.number())
            .map_err(|e| engine_error(&e, &id))?;
    }
    Ok(Answer::Done)
}

/// `systemd-run --pipe/--pty`: the unit's processes will use the passed stdin, stdout, stderr.
fn attach_stdio(
    m: &mut Manager,
    p: &wire::AttachStdioRequest,
    fds: Vec<std::os::fd::OwnedFd>,
) -> Result<Answer, ManagerError> {
    let Ok(fds) = <[std::os::fd::OwnedFd; 3]>::try_from(fds) else {
        return Err(ManagerError::new(
            ErrorKind::InvalidParameter,
            "AttachStdio needs three file descriptors (standard input, output and error) passed with the call.",
        ));
    };
    let id = m.engine.load(&p.unit);
    // Only for a start to come: a running unit's next ExecReload= or ExecStop= must not
    // suddenly write to someone's terminal.
    if m.engine
        .unit(&id)
        .is_some_and(|u| !u.active_state().is_inactive_or_failed())
    {
        return Err(ManagerError::new(
            ErrorKind::Refused,
            format!("{id} is already active: streams can only be attached before it starts."),
        )
        .unit(&id));
    }
    m.engine
        .host_mut()
        .attached_stdio
        .insert(id.clone(), crate::host::AttachedStdio { fds, tty: p.tty });
    Ok(Answer::Attached(id))
}

/// A connection that attached streams closed: those of units for which no start came (it
/// was refused, or the client went away first) are let go, so the caller's pipeline can end.
pub fn connection_closed(m: &mut Manager, attached: Vec<String>) {
    for unit in attached {
        let idle = m.engine.job_of(&unit).is_none()
            && m.engine
                .unit(&unit)
                .is_none_or(|u| u.active_state().is_inactive_or_failed());
        if idle {
            m.engine.host_mut().attached_stdio.remove(&unit);
        }
    }
}

fn manager_properties(m: &Manager) -> Props {
    // The names the CLI's typed view reads, spelled once.
    use linger_ipc::manager_status as name;
    let failed = m
        .engine
        .units()
        .filter(|u| u.active_state() == linger_engine::ActiveState::Failed)
        .count();
    let jobs = m.engine.jobs().len();
    let system_state = if m.starting.is_some() {
        // Generators still running, no unit loaded yet (startup.rs).
        "initializing"
    } else if jobs > 0 {
        "starting"
    } else if failed > 0 {
        "degraded"
    } else {
        "running"
    };
    let host = m.engine.host();
    let p: BTreeMap<String, String> = [
        (name::VERSION, env!("CARGO_PKG_VERSION").to_string()),
        (name::SYSTEM_STATE, system_state.to_string()),
        (name::N_FAILED_UNITS, failed.to_string()),
        (name::N_JOBS, jobs.to_string()),
        ("NNames", m.engine.units().count().to_string()),
        (name::CGROUP_DRIVER, host.cgroups.driver().to_string()),
        (name::CGROUP_REASON, host.cgroups.reason.clone()),
        (
            "ControlGroup",
            host.cgroups.own_control_group().unwrap_or_default(),
        ),
        ("Features", FEATURES.to_string()),
        (name::MAIN_PID, std::process::id().to_string()),
        ("Environment", host.environment.to_strings().join(" ")),
        ("ExitCode", m.exit_code.to_string()),
        (
            "LogLevel",
            crate::control_call::level_name(m.log_level).to_string(),
        ),
        ("LogTarget", m.log_target.as_str().to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let mut p = Props {
        strings: p,
        ..Default::default()
    };
    p.stamp("UserspaceTimestamp", host.timers.startup);
    if let Some(t) = m.startup_finished {
        p.stamp("FinishTimestamp", t);
    }
    p
}

/// `Features=`: what this build can do, in systemd's `+NAME`/`-NAME` words.
const FEATURES: &str = "+PAM +SECCOMP -SELINUX -APPARMOR";

fn dep_tree(
    engine: &ManagerEngine,
    id: &str,
    p: &wire::DependenciesRequest,
    seen: &mut HashSet<String>,
    depth: usize,
) -> wire::DependencyNode {
    let active = engine
        .unit(id)
        .map_or(linger_engine::ActiveState::Inactive, |u| u.active_state());
    let mut node = wire::DependencyNode {
        unit: id.to_string(),
        active,
        children: Vec::new(),
    };
    if !seen.insert(id.to_string()) || depth > 32 {
        return node;
    }
    if let Some(d) = engine.deps(id) {
        let kids: BTreeSet<String> = match (p.ordering.as_str(), p.reverse) {
            ("after", _) => d.after.iter().cloned().collect(),
            ("before", _) => d.before.iter().cloned().collect(),
            (_, false) => d
                .requires
                .iter()
                .chain(&d.wants)
                .chain(&d.binds_to)
                .chain(&d.requisite)
                .cloned()
                .collect(),
            (_, true) => d
                .required_by
                .iter()
                .chain(&d.wanted_by)
                .chain(&d.bound_by)
                .chain(&d.requisite_of)
                .cloned()
                .collect(),
        };
        let mut kids: Vec<String> = kids.into_iter().collect();
        kids.sort_by_key(|k| (!k.ends_with(".target"), k.clone()));
        for k in kids {
            node.children.push(dep_tree(engine, &k, p, seen, depth + 1));
        }
    }
    node
}

fn unit_files(m: &Manager) -> Answer {
    use crate::preset::{Presets, preset_for_state};
    let ctx = &m.engine.source_ref().ctx;
    let presets = Presets::load(std::path::Path::new("/"));
    let files = linger_unit::loader::list_unit_files(ctx)
        .into_iter()
        .map(|(_, path, st)| {
            let state = st.as_str().to_string();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let preset = preset_for_state(&presets, &name.unwrap_or_default(), &state);
            wire::UnitFileRow {
                path: path.display().to_string(),
                state,
                preset: preset.unwrap_or("-").into(),
            }
        })
        .collect();
    Answer::UnitFiles(wire::UnitFilesReply { files })
}

fn unit_file_states(m: &Manager, p: &wire::NamesRequest) -> Answer {
    let file_states = linger_unit::loader::UnitFileStates::scan(&m.engine.source_ref().ctx);
    let states = p
        .units
        .iter()
        .map(|name| wire::UnitFileStateRow {
            unit: name.clone(),
            state: file_states
                .state(name)
                .map(|st| st.as_str().to_string())
                .unwrap_or_default(),
        })
        .collect();
    Answer::UnitFileStates(wire::UnitFileStatesReply { states })
}

/// The install changes as they travel (systemd's change types: `symlink`, `unlink`,
/// `destination not present` with path = the missing unit, source = the unit file), in
/// order; advice such as "no installation config" as warnings after them. Also used by
/// systemctl's offline `--global`/`--root=` path.
pub fn install_reply(changes: Vec<linger_unit::loader::InstallChange>) -> wire::InstallReply {
    use linger_unit::loader::InstallChange;
    let mut reply = wire::InstallReply::default();
    for c in changes {
        let (kind, path, source) = match c {
            InstallChange::Created { link, target } => (
                "symlink",
                link.display().to_string(),
                target.display().to_string(),
            ),
            InstallChange::Removed { path } => {
                ("unlink", path.display().to_string(), String::new())
            }
            InstallChange::DestinationNotPresent { unit, target } => (
                "destination not present",
                target,
                unit.display().to_string(),
            ),
            InstallChange::Note(n) => {
                reply.warnings.push(n);
                continue;
            }
        };
        reply.changes.push(wire::InstallChange {
            kind: kind.into(),
            path,
            source,
        });
    }
    reply
}

fn install(m: &mut Manager, p: &wire::InstallRequest) -> Result<Answer, ManagerError> {
    use linger_unit::loader;
    use wire::InstallAction;
    let ctx = m.engine.source_ref().ctx.clone();
    let names: Vec<&str> = p.units.iter().map(String::as_str).collect();
    let result = match p.action {
        InstallAction::Enable => loader::enable_with(&ctx, &names, p.runtime, p.force),
        InstallAction::Disable => loader::disable(&ctx, &names, p.runtime),
        InstallAction::Reenable => loader::reenable(&ctx, &names, p.runtime, p.force),
        InstallAction::Mask => loader::mask_with(&ctx, &names, p.runtime, p.force),
        InstallAction::Unmask => loader::unmask(&ctx, &names, p.runtime),
        InstallAction::Link => loader::link(&ctx, &names, p.runtime, p.force),
        InstallAction::SetDefault => match names.as_slice() {
            [target] => loader::set_default(&ctx, target, p.force),
            _ => {
                return Err(ManagerError::new(
                    ErrorKind::InvalidParameter,
                    "set-default takes exactly one target.",
                ));
            }
        },
        InstallAction::Preset | InstallAction::PresetAll => {
            let names = match p.action {
                InstallAction::PresetAll => loader::list_unit_files(&ctx)
                    .into_iter()
                    .filter(|(_, _, state)| crate::preset::presettable(state.as_str()))
                    .map(|(name, _, _)| name)
                    .collect(),
                _ => p.units.clone(),
            };
            let presets = crate::preset::Presets::load(std::path::Path::new("/"));
            let (enable, disable) = presets.plan(&names, p.preset_mode);
            // Removals first, then the new links, as systemctl reports them.
            loader::disable(&ctx, &disable, p.runtime).and_then(|mut changes| {
                changes.extend(loader::enable_with(&ctx, &enable, p.runtime, p.force)?);
                Ok(changes)
            })
        }
    };
    let changes = result.map_err(|e| ManagerError::new(ErrorKind::Failed, e.to_string()))?;
    let reply = install_reply(changes);
    // Masking changes what loads: pick it up at once, as systemctl's implicit reload does.
    m.reload();
    m.subscribers
        .manager_changed(wire::Change::UnitFilesChanged);
    Ok(Answer::Install(reply))
}

/// `journalctl --flush/--rotate`: the writer thread does it; a blocking-pool thread waits for
/// it and answers, so the event loop never waits on the disk.
fn journal(m: &mut Manager, p: wire::JournalRequest, reply: ReplyTo) {
    m.flush_entries();
    let Some(submitter) = m.journal.as_ref().map(|j| j.submitter()) else {
        let _ = reply.send(Err(ManagerError::new(
            ErrorKind::Failed,
            "This manager keeps no journal.",
        )));
        return;
    };
    tokio::task::spawn_blocking(move || {
        let done = (|| {
            if p.flush || p.rotate {
                submitter.flush()?;
            }
            if p.rotate {
                submitter.rotate()?;
            }
            Ok::<(), linger_journal::Error>(())
        })();
        let _ = reply.send(
            done.map(|()| Answer::Done)
                .map_err(|e| ManagerError::new(ErrorKind::Failed, e.to_string())),
        );
    });
}

/// Threads of `pid` (1 when /proc cannot tell: the process itself).
fn thread_count(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task")).map_or(1, |d| d.count().max(1))
}
