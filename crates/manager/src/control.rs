//! What systemd's D-Bus API asks of the manager beyond linger's own CLI
//! (org.freedesktop.systemd1(5)): the exit code (`SetExitCode`, `systemctl --user exit N`),
//! the log level and target (`systemctl --user log-level`, `systemd-analyze --user
//! log-level/log-target`), which jobs wait for which (`GetJobAfter`/`GetJobBefore`).
//! Answered in the turn they are asked (handle.rs routes them here; the requests are in
//! control_call.rs).

use linger_ipc::manager::{self as wire, ErrorKind, ManagerError};

use crate::call::Answer;
use crate::calls::install_reply;
use crate::control_call::{Control, LogTarget, level_name, parse_level};
use crate::manager::Manager;

/// Carry out `c` in this turn.
pub fn control(m: &mut Manager, c: Control) -> Result<Answer, ManagerError> {
    let invalid = |message: String| ManagerError::new(ErrorKind::InvalidParameter, message);
    match c {
        Control::SetExitCode(n) => {
            m.exit_code = n;
            Ok(Answer::Done)
        }
        Control::SetLogLevel(s) => {
            let level =
                parse_level(&s).ok_or_else(|| invalid(format!("Invalid log level '{s}'")))?;
            m.log_level = level;
            let message = format!("Setting log level to {}.", level_name(level));
            m.record("linger", 6, "linger", std::process::id(), message);
            Ok(Answer::Done)
        }
        Control::SetLogTarget(s) => {
            m.log_target = match s.as_str() {
                "auto" => LogTarget::Auto,
                "journal" => LogTarget::Journal,
                "journal-or-kmsg" => LogTarget::JournalOrKmsg,
                "console" => LogTarget::Console,
                "null" => LogTarget::Null,
                // Valid for systemd, but a user's manager cannot write there.
                "kmsg" | "syslog" | "syslog-or-kmsg" => {
                    return Err(ManagerError::new(
                        ErrorKind::Refused,
                        format!("linger's user manager cannot log to {s}."),
                    ));
                }
                _ => return Err(invalid(format!("Invalid log target '{s}'"))),
            };
            Ok(Answer::Done)
        }
        Control::JobsAround { job, after } => {
            if !m.engine.jobs().iter().any(|j| j.0 == job) {
                return Err(ManagerError::new(
                    ErrorKind::InvalidParameter,
                    format!("Job {job} does not exist."),
                ));
            }
            let ids = if after {
                m.engine.jobs_after(job)
            } else {
                m.engine.jobs_before(job)
            };
            let jobs = m
                .engine
                .jobs()
                .into_iter()
                .filter(|j| ids.contains(&j.0))
                .map(|(id, unit, job_type, running)| wire::JobRow {
                    id,
                    unit,
                    job_type,
                    running,
                })
                .collect();
            Ok(Answer::ListJobs(wire::ListJobsReply { jobs }))
        }
        Control::AddDependency {
            units,
            target,
            dependency,
            runtime,
            force,
        } => {
            let ctx = &m.engine.source_ref().ctx;
            let changes = linger_unit::loader::add_dependency(
                ctx,
                &units,
                &target,
                &dependency,
                runtime,
                force,
            )
            .map_err(install_error)?;
            Ok(Answer::Install(install_reply(changes)))
        }
        Control::Revert(units) => {
            let ctx = &m.engine.source_ref().ctx;
            let changes = linger_unit::loader::revert(ctx, &units).map_err(install_error)?;
            Ok(Answer::Install(install_reply(changes)))
        }
        Control::AbandonScope(unit) => {
            let id = m.engine.resolve(&unit).map(str::to_string).ok_or_else(|| {
                ManagerError::new(ErrorKind::NoSuchUnit, format!("Unit {unit} not loaded."))
            })?;
            if !id.ends_with(".scope") {
                return Err(invalid(format!(
                    "Unit '{id}' is not a scope unit, refusing."
                )));
            }
            if !m.engine.abandon_scope(&id) {
                return Err(ManagerError::new(
                    ErrorKind::Refused,
                    format!("Scope {id} is not running, cannot abandon."),
                ));
            }
            m.apply_effects();
            Ok(Answer::Done)
        }
        Control::AttachTarget(unit) => attach_target(m, &unit),
        Control::UnitFileLinks { unit, runtime } => {
            let ctx = &m.engine.source_ref().ctx;
            let paths =
                linger_unit::loader::unit_file_links(ctx, &unit, runtime).map_err(install_error)?;
            Ok(Answer::Paths(
                paths.into_iter().map(|p| p.display().to_string()).collect(),
            ))
        }
    }
}

/// See [`Control::AttachTarget`]; the refusals are systemd 252's words (its
/// AttachProcessesToUnit, asked on its own user manager).
fn attach_target(m: &Manager, unit: &str) -> Result<Answer, ManagerError> {
    let invalid = |message: &str| ManagerError::new(ErrorKind::InvalidParameter, message);
    let u = m
        .engine
        .resolve(unit)
        .and_then(|id| m.engine.unit(id))
        .ok_or_else(|| {
            ManagerError::new(ErrorKind::NoSuchUnit, format!("Unit {unit} not loaded."))
        })?;
    let delegated = match &u.config.kind {
        linger_unit::model::UnitKind::Service(sc) | linger_unit::model::UnitKind::Scope(sc) => {
            sc.delegate.on()
        }
        _ => false,
    };
    if !delegated {
        return Err(invalid(
            "Process migration not available on non-delegated units.",
        ));
    }
    if !u.active_state().is_active_or_reloading() {
        return Err(invalid("Unit is not active, refusing."));
    }
    let id = &u.config.id;
    let cgroups = &m.engine.host().cgroups;
    let dir = cgroups
        .unit_cgroups()
        .and_then(|cg| cg.dirs(id).ok())
        .and_then(|dirs| dirs.into_iter().next());
    match (dir, cgroups.control_group(id)) {
        (Some(dir), Some(path)) => Ok(Answer::Paths(vec![dir.display().to_string(), path])),
        _ => Err(ManagerError::new(
            ErrorKind::Failed,
            format!(
                "{id} has no cgroup: this user manager runs with the cgroup driver \"none\", so processes cannot be moved into its units."
            ),
        )),
    }
}

fn install_error(e: linger_unit::loader::InstallError) -> ManagerError {
    use linger_unit::loader::InstallError as E;
    let kind = match &e {
        E::NotFound(_) => ErrorKind::NoSuchUnit,
        E::Masked(_) => ErrorKind::UnitMasked,
        E::InvalidName(_) => ErrorKind::InvalidParameter,
        _ => ErrorKind::Failed,
    };
    ManagerError::new(kind, e.to_string())
}
