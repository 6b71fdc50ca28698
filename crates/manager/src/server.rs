//! The `io.linger.Manager` varlink server: one task per connection on the event-loop thread.

use linger_engine::{JobMode, JobResult, JobType, KillWhom};
use linger_ipc::manager::{self as api, error, method};
use linger_ipc::{MAX_MESSAGE, Reply, Request, decode_request, encode};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::os::fd::OwnedFd;

use tokio::io::AsyncWriteExt;
use tokio::net::UnixStream;

use crate::state::{ExitRequest, Shared};
use crate::tracker::cmdline;

/// Most connections served at once (a limit on what clients can make us allocate).
pub const MAX_CONNECTIONS: usize = 512;

/// Most fds a connection may have pending (the three standard streams of `--pipe`).
const MAX_PASSED_FDS: usize = 3;

/// Serve one client until it hangs up or misbehaves.
pub async fn serve(state: Shared, stream: UnixStream, own_uid: u32) {
    let mut attached = Vec::new();
    serve_requests(&state, stream, own_uid, &mut attached).await;
    // Streams attached on this connection for a start that never came (refused, or the
    // client went away first) are let go: the caller's pipeline must be able to end.
    let mut s = state.borrow_mut();
    for unit in attached {
        let idle = s.engine.job_of(&unit).is_none()
            && s.engine
                .unit(&unit)
                .is_none_or(|u| u.active_state().is_inactive_or_failed());
        if idle {
            s.engine.host_mut().attached_stdio.remove(&unit);
        }
    }
}

async fn serve_requests(
    state: &Shared,
    stream: UnixStream,
    own_uid: u32,
    attached: &mut Vec<String>,
) {
    let Ok(cred) = linger_ipc::peer_cred(&stream) else {
        return;
    };
    let (rd, mut wr) = stream.into_split();
    // Read with recvmsg: fds a client passes (`systemd-run --pipe`) arrive with the bytes.
    let mut pending: Vec<u8> = Vec::new();
    let mut fds: Vec<OwnedFd> = Vec::new();
    let mut chunk = vec![0u8; 16 * 1024];
    loop {
        let frame = loop {
            if let Some(end) = pending.iter().position(|&b| b == 0) {
                let mut f: Vec<u8> = pending.drain(..=end).collect();
                f.pop();
                break f;
            }
            if pending.len() > MAX_MESSAGE {
                return; // oversized: close this connection only
            }
            match receive(rd.as_ref(), &mut chunk, &mut fds).await {
                Ok(0) | Err(_) => return,
                Ok(n) => pending.extend_from_slice(&chunk[..n]),
            }
        };
        let reply = match decode_request(&frame) {
            Ok(_) if cred.uid != own_uid && cred.uid != 0 => Reply::error(
                error::REFUSED,
                "Access denied: this manager belongs to another user.",
            ),
            Ok(req) if req.method == method::ATTACH_STDIO => {
                let (reply, unit) = attach_stdio(state, &req, std::mem::take(&mut fds));
                attached.extend(unit);
                reply
            }
            Ok(req) => handle(state, req).await,
            Err(_) => return,
        };
        // What the request changed is written down before the client hears of it: a crash
        // right after a `start` returned must find the new service in the records.
        crate::recovery::persist(&mut state.borrow_mut());
        if wr.write_all(&encode(&reply)).await.is_err() {
            return;
        }
    }
}

/// Some bytes from the client, and any fds that came with them (beyond the limit: closed).
async fn receive(s: &UnixStream, buf: &mut [u8], fds: &mut Vec<OwnedFd>) -> std::io::Result<usize> {
    use rustix::net::{RecvAncillaryBuffer, RecvAncillaryMessage, RecvFlags};
    loop {
        s.readable().await?;
        let got = s.try_io(tokio::io::Interest::READABLE, || {
            let mut space =
                [std::mem::MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(MAX_PASSED_FDS))];
            let mut control = RecvAncillaryBuffer::new(&mut space);
            let mut iov = [std::io::IoSliceMut::new(buf)];
            let msg = rustix::net::recvmsg(
                s,
                &mut iov,
                &mut control,
                RecvFlags::CMSG_CLOEXEC | RecvFlags::DONTWAIT,
            )?;
            for m in control.drain() {
                if let RecvAncillaryMessage::ScmRights(passed) = m {
                    for fd in passed {
                        if fds.len() < MAX_PASSED_FDS {
                            fds.push(fd);
                        }
                    }
                }
            }
            Ok(msg.bytes)
        });
        match got {
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
            r => return r,
        }
    }
}

/// `systemd-run --pipe/--pty`: the unit's processes will use the passed stdin, stdout, stderr.
/// Also the unit they were attached to.
fn attach_stdio(state: &Shared, req: &Request, fds: Vec<OwnedFd>) -> (Reply, Option<String>) {
    let p = match params::<api::AttachStdioRequest>(req) {
        Ok(p) => p,
        Err(r) => return (r, None),
    };
    let Ok(fds) = <[OwnedFd; 3]>::try_from(fds) else {
        let r = Reply::error(
            error::INVALID,
            "AttachStdio needs three file descriptors (standard input, output and error) passed with the call.",
        );
        return (r, None);
    };
    let mut s = state.borrow_mut();
    let id = s.engine.load(&p.unit);
    // Only for a start to come: a running unit's next ExecReload= or ExecStop= must not
    // suddenly write to someone's terminal.
    if s.engine
        .unit(&id)
        .is_some_and(|u| !u.active_state().is_inactive_or_failed())
    {
        let r = Reply::error(
            api::error::REFUSED,
            format!("{id} is already active: streams can only be attached before it starts."),
        );
        return (r, None);
    }
    s.engine
        .host_mut()
        .attached_stdio
        .insert(id.clone(), crate::host::AttachedStdio { fds, tty: p.tty });
    (Reply::ok(json!({})), Some(id))
}

fn params<T: DeserializeOwned>(req: &Request) -> Result<T, Reply> {
    serde_json::from_value(req.parameters.clone())
        .map_err(|e| Reply::error(error::INVALID, format!("Invalid parameters: {e}")))
}

fn ok<T: serde::Serialize>(v: &T) -> Reply {
    Reply::ok(serde_json::to_value(v).unwrap_or(Value::Null))
}

async fn handle(state: &Shared, req: Request) -> Reply {
    let r = match req.method.as_str() {
        method::JOBS => jobs(state, &req).await,
        method::UNITS => units(state, &req),
        method::LIST => list(state),
        method::KILL => kill(state, &req),
        method::SET_PROPERTY => params::<api::SetPropertyRequest>(&req).and_then(|p| {
            let mut s = state.borrow_mut();
            crate::set_property::set_property(&mut s, &p)
                .map(|()| Reply::ok(json!({})))
                .map_err(|m| Reply::error(api::error::REFUSED, &m))
        }),
        method::START_SCOPE => params::<api::StartScopeRequest>(&req).and_then(|p| {
            let mut s = state.borrow_mut();
            crate::scope::start_scope(&mut s, &p)
                .map(|()| Reply::ok(json!({})))
                .map_err(|m| Reply::error(api::error::FAILED, &m))
        }),
        method::RESET_FAILED => params::<api::NamesRequest>(&req).map(|p| {
            let mut s = state.borrow_mut();
            if p.units.is_empty() {
                s.engine.reset_failed(None);
            }
            for u in &p.units {
                if let Some(id) = s.engine.resolve(u).map(str::to_string) {
                    s.engine.reset_failed(Some(&id));
                }
            }
            s.apply_effects();
            Reply::ok(json!({}))
        }),
        method::RELOAD => {
            let mut s = state.borrow_mut();
            s.engine.source_mut().rescan();
            s.engine.daemon_reload();
            s.apply_effects();
            Ok(Reply::ok(json!({})))
        }
        method::REEXEC => {
            let mut s = state.borrow_mut();
            s.exit = Some(ExitRequest::Reexec);
            // Wake the event loop: it acts on `exit` after any event.
            s.timer_changed.notify_one();
            Ok(Reply::ok(json!({})))
        }
        method::EXIT => {
            let mut s = state.borrow_mut();
            s.exit = Some(ExitRequest::Shutdown);
            // Wake the event loop: it acts on `exit` after any event.
            s.timer_changed.notify_one();
            Ok(Reply::ok(json!({})))
        }
        method::ENVIRONMENT => params::<api::EnvironmentRequest>(&req).map(|p| {
            let mut s = state.borrow_mut();
            let env = &mut s.engine.host_mut().environment;
            for kv in &p.set {
                if let Some((k, v)) = kv.split_once('=') {
                    env.set(k, v);
                }
            }
            for k in &p.unset {
                env.unset(k);
            }
            let all: Vec<String> = env.to_strings();
            Reply::ok(json!({ "environment": all }))
        }),
        method::LIST_JOBS => {
            let s = state.borrow();
            let jobs = s
                .engine
                .jobs()
                .into_iter()
                .map(|(id, unit, t, running)| api::JobRow {
                    id,
                    unit,
                    job_type: t.as_str().into(),
                    state: if running {
                        "running".into()
                    } else {
                        "waiting".into()
                    },
                })
                .collect();
            Ok(ok(&api::ListJobsReply { jobs }))
        }
        method::DEPENDENCIES => params::<api::DependenciesRequest>(&req).map(|p| {
            let mut s = state.borrow_mut();
            let id = s.engine.load(&p.unit);
            let mut seen = std::collections::HashSet::new();
            let root = dep_tree(&s.engine, &id, &p, &mut seen, 0);
            ok(&api::DependenciesReply { root })
        }),
        method::MANAGER => Ok(manager_props(state)),
        method::LIST_UNIT_FILES => Ok(unit_files(state)),
        method::UNIT_FILE_STATES => {
            params::<api::NamesRequest>(&req).map(|p| unit_file_states(state, &p))
        }
        method::INSTALL => install(state, &req),
        "org.varlink.service.GetInfo" => Ok(Reply::ok(json!({
            "vendor": "linger", "product": "linger user manager", "version": env!("CARGO_PKG_VERSION"),
            "url": "", "interfaces": ["org.varlink.service", api::INTERFACE]
        }))),
        other => Err(Reply::error(
            error::NO_METHOD,
            format!("Unknown method {other}"),
        )),
    };
    r.unwrap_or_else(|e| e)
}

fn manager_props(state: &Shared) -> Reply {
    let s = state.borrow();
    let failed = s
        .engine
        .units()
        .filter(|u| u.active_state() == linger_engine::ActiveState::Failed)
        .count();
    let jobs = s.engine.jobs().len();
    let system_state = if jobs > 0 {
        "starting"
    } else if failed > 0 {
        "degraded"
    } else {
        "running"
    };
    Reply::ok(json!({ "properties": {
        "Version": env!("CARGO_PKG_VERSION"),
        "SystemState": system_state,
        "NFailedUnits": failed.to_string(),
        "NJobs": jobs.to_string(),
        "NNames": s.engine.units().count().to_string(),
        "CgroupDriver": s.engine.host().cgroups.driver(),
        "CgroupReason": s.engine.host().cgroups.reason.clone(),
        "ControlGroup": "",
        "MainPID": std::process::id().to_string(),
        "Environment": s.engine.host().environment.to_strings().join(" "),
    }}))
}

fn dep_tree(
    engine: &crate::state::ManagerEngine,
    id: &str,
    p: &api::DependenciesRequest,
    seen: &mut std::collections::HashSet<String>,
    depth: usize,
) -> api::DependencyNode {
    let active = engine
        .unit(id)
        .map(|u| u.active_state().as_str())
        .unwrap_or("inactive")
        .to_string();
    let mut node = api::DependencyNode {
        unit: id.to_string(),
        active,
        children: Vec::new(),
    };
    if !seen.insert(id.to_string()) || depth > 32 {
        return node;
    }
    if let Some(d) = engine.deps(id) {
        let kids: Vec<String> = match (p.ordering.as_str(), p.reverse) {
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
        let mut kids: Vec<String> = kids
            .into_iter()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        kids.sort_by_key(|k| (!k.ends_with(".target"), k.clone()));
        for k in kids {
            node.children.push(dep_tree(engine, &k, p, seen, depth + 1));
        }
    }
    node
}

fn job_type_for(action: &str, can_reload: bool, active: bool) -> Option<JobType> {
    Some(match action {
        "start" => JobType::Start,
        "stop" => JobType::Stop,
        "restart" => JobType::Restart,
        "try-restart" => JobType::TryRestart,
        "reload" => JobType::Reload,
        "reload-or-restart" if can_reload && active => JobType::Reload,
        "reload-or-restart" => JobType::Restart,
        "try-reload-or-restart" if can_reload && active => JobType::Reload,
        "try-reload-or-restart" => JobType::TryRestart,
        _ => return None,
    })
}

/// systemctl's explanation of a failed start, from the unit's Result=.
fn failure_reason(result: &str) -> &'static str {
    match result {
        "exit-code" => "the control process exited with error code",
        "signal" => "a fatal signal was delivered to the control process",
        "core-dump" => "a fatal signal was delivered causing the control process to dump core",
        "timeout" => "a timeout was exceeded",
        "start-limit-hit" => "start of the service was attempted too often",
        "resources" => "of unavailable resources or another system error",
        "protocol" => "the service did not take the steps required by its unit configuration",
        "oom-kill" => "the control process was killed by the OOM killer",
        _ => "the unit failed",
    }
}

async fn jobs(state: &Shared, req: &Request) -> Result<Reply, Reply> {
    let p: api::JobsRequest = params(req)?;
    let mode = if p.mode.is_empty() {
        JobMode::Replace
    } else {
        JobMode::parse(&p.mode)
            .ok_or_else(|| Reply::error(error::INVALID, format!("Invalid job mode '{}'", p.mode)))?
    };
    let mut outcomes = Vec::new();
    let mut waits = Vec::new();
    {
        let mut s = state.borrow_mut();
        for name in &p.units {
            let id = s.engine.load(name);
            let (can_reload, active) = s
                .engine
                .unit(&id)
                .map(|u| {
                    let reload = matches!(&u.config.kind, linger_unit::model::UnitKind::Service(sc) if !sc.exec_reload.is_empty());
                    (reload, u.active_state().is_active_or_reloading())
                })
                .unwrap_or((false, false));
            let Some(jt) = job_type_for(&p.action, can_reload, active) else {
                return Err(Reply::error(
                    error::INVALID,
                    format!("Unknown job action '{}'", p.action),
                ));
            };
            if jt == JobType::Reload
                && !can_reload
                && s.engine.unit(&id).is_some_and(|u| u.service().is_some())
            {
                outcomes.push(api::JobOutcome {
                    unit: name.clone(),
                    job: 0,
                    result: String::new(),
                    message: format!("Job type reload is not applicable for unit {id}."),
                });
                continue;
            }
            match s.engine.enqueue(jt, name, mode, true) {
                Ok(jid) => {
                    let rx = s.wait_job(jid);
                    outcomes.push(api::JobOutcome {
                        unit: name.clone(),
                        job: jid,
                        result: "queued".into(),
                        message: String::new(),
                    });
                    waits.push((outcomes.len() - 1, rx));
                }
                Err(e) => outcomes.push(api::JobOutcome {
                    unit: name.clone(),
                    job: 0,
                    result: String::new(),
                    message: e.to_string(),
                }),
            }
        }
        s.apply_effects();
    }
    crate::run::wake_pipes(state);
    if p.no_block {
        return Ok(ok(&api::JobsReply { jobs: outcomes }));
    }
    for (i, rx) in waits {
        let result = rx.await.unwrap_or(JobResult::Canceled);
        let o = &mut outcomes[i];
        o.result = result.as_str().into();
        if matches!(
            result,
            JobResult::Failed | JobResult::Dependency | JobResult::Timeout | JobResult::Assert
        ) {
            let s = state.borrow();
            let id = s.engine.resolve(&o.unit).unwrap_or(&o.unit).to_string();
            let unit_result = s
                .engine
                .unit(&id)
                .and_then(|u| u.service().map(|x| x.result.as_str()))
                .unwrap_or("");
            o.message = match result {
                JobResult::Dependency => format!(
                    "A dependency job for {id} failed. See 'journalctl --user -xe' for details."
                ),
                JobResult::Assert => format!("Assertion failed on job for {id}."),
                _ => format!(
                    "Job for {id} failed because {}.\nSee \"systemctl --user status {id}\" and \"journalctl --user -xeu {id}\" for details.",
                    failure_reason(unit_result)
                ),
            };
        }
    }
    Ok(ok(&api::JobsReply { jobs: outcomes }))
}

fn units(state: &Shared, req: &Request) -> Result<Reply, Reply> {
    let p: api::UnitsRequest = params(req)?;
    let mut s = state.borrow_mut();
    let mut out = Vec::new();
    for name in &p.units {
        let id = s.engine.load(name);
        let Some(u) = s.engine.unit(&id) else {
            continue;
        };
        let wants = |k: &str| p.properties.is_empty() || p.properties.iter().any(|x| x == k);
        let file_state = if wants("UnitFileState") || wants("UnitFilePreset") {
            crate::run::unit_file_state(&s, u)
        } else {
            String::new()
        };
        let mut props = crate::props::unit_properties(&s.engine, u, &file_state);
        crate::props::cgroup_properties(&s.engine.host().cgroups, &id, &mut props);
        let mut processes = Vec::new();
        if p.processes {
            let main = u.service().and_then(|x| x.state().procs().main);
            let mut pids = linger_engine::Host::unit_pids(s.engine.host(), &id);
            pids.extend(main);
            pids.sort_unstable();
            pids.dedup();
            if let Some(m) = main {
                pids.retain(|x| *x != m);
                pids.insert(0, m);
            }
            props.insert("TasksCurrent".into(), pids.len().to_string());
            processes = pids
                .into_iter()
                .map(|pid| api::ProcessInfo {
                    pid,
                    cmdline: cmdline(pid),
                })
                .collect();
        }
        let diagnostics = u
            .config
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect();
        let logs = s.logs.last(&id, p.log_lines);
        out.push(api::UnitProperties {
            properties: props,
            processes,
            logs,
            diagnostics,
        });
    }
    Ok(ok(&api::UnitsReply { units: out }))
}

fn list(state: &Shared) -> Result<Reply, Reply> {
    let s = state.borrow();
    let units = s
        .engine
        .summaries()
        .into_iter()
        .map(|u| api::UnitRow {
            unit: u.id,
            load: u.load_state.into(),
            active: u.active_state.into(),
            sub: u.sub_state.into(),
            description: u.description,
            job: u.job.map(|(_, t)| t.to_string()).unwrap_or_default(),
        })
        .collect();
    Ok(ok(&api::ListReply { units }))
}

fn kill(state: &Shared, req: &Request) -> Result<Reply, Reply> {
    let p: api::KillRequest = params(req)?;
    let whom = match p.whom.as_str() {
        "main" => KillWhom::Main,
        "control" => KillWhom::Control,
        "all" | "" => KillWhom::All,
        other => {
            return Err(Reply::error(
                error::INVALID,
                format!("Invalid --kill-whom= value '{other}' (expected main, control, all)"),
            ));
        }
    };
    let mut s = state.borrow_mut();
    for name in &p.units {
        let Some(id) = s.engine.resolve(name).map(str::to_string) else {
            return Err(Reply::error(
                error::NO_SUCH_UNIT,
                format!("Unit {name} not loaded."),
            ));
        };
        s.engine
            .kill(&id, whom, p.signal)
            .map_err(|e| Reply::error(error::FAILED, e.to_string()))?;
    }
    Ok(Reply::ok(json!({})))
}

fn unit_files(state: &Shared) -> Reply {
    let s = state.borrow();
    let ctx = &s.engine.source_ref().ctx;
    let files = linger_unit::loader::list_unit_files(ctx)
        .into_iter()
        .map(|(_, path, st)| {
            let state = st.as_str().to_string();
            let preset = if matches!(state.as_str(), "enabled" | "disabled") {
                "enabled"
            } else {
                "-"
            };
            api::UnitFileRow {
                path: path.display().to_string(),
                state,
                preset: preset.into(),
            }
        })
        .collect();
    ok(&api::UnitFilesReply { files })
}

fn unit_file_states(state: &Shared, p: &api::NamesRequest) -> Reply {
    let s = state.borrow();
    let ctx = &s.engine.source_ref().ctx;
    let states = p
        .units
        .iter()
        .map(|name| api::UnitFileStateRow {
            unit: name.clone(),
            state: linger_unit::loader::unit_file_state(ctx, name)
                .map(|st| st.as_str().to_string())
                .unwrap_or_default(),
        })
        .collect();
    ok(&api::UnitFileStatesReply { states })
}

fn install(state: &Shared, req: &Request) -> Result<Reply, Reply> {
    use linger_unit::loader::{self, InstallChange};
    let p: api::InstallRequest = params(req)?;
    let mut s = state.borrow_mut();
    let ctx = s.engine.source_ref().ctx.clone();
    let names: Vec<&str> = p.units.iter().map(String::as_str).collect();
    let result = match p.action.as_str() {
        "enable" => loader::enable(&ctx, &names, p.runtime),
        "disable" => loader::disable(&ctx, &names, p.runtime),
        "reenable" => loader::reenable(&ctx, &names, p.runtime),
        "mask" => loader::mask(&ctx, &names, p.runtime),
        "unmask" => loader::unmask(&ctx, &names, p.runtime),
        other => {
            return Err(Reply::error(
                error::INVALID,
                format!("Unknown install action '{other}'"),
            ));
        }
    };
    let changes = result.map_err(|e| Reply::error(error::FAILED, e.to_string()))?;
    let mut reply = api::InstallReply::default();
    for c in changes {
        match c {
            InstallChange::Created { link, target } => reply.changes.push(api::InstallChange {
                kind: "symlink".into(),
                path: link.display().to_string(),
                source: target.display().to_string(),
            }),
            InstallChange::Removed { path } => reply.changes.push(api::InstallChange {
                kind: "unlink".into(),
                path: path.display().to_string(),
                source: String::new(),
            }),
            InstallChange::Note(n) => reply.warnings.push(n),
        }
    }
    // Masking changes what loads: pick it up at once, as systemctl's implicit reload does.
    s.engine.source_mut().rescan();
    s.engine.daemon_reload();
    s.apply_effects();
    Ok(ok(&reply))
}
