//! The Manager's calls that more than one method table needs (`manager_methods.rs`,
//! `manager_rest.rs`, `dispatch.rs`): jobs and install, each one typed call to the manager.

use linger_ipc::manager::{InstallAction, InstallRequest, PresetMode};
use linger_manager::{Answer, Call};

use crate::errors::BusError;
use crate::front::Front;

/// `org.freedesktop.systemd1.NoSuchJob` unless job `id` is queued or running.
pub(crate) async fn job_exists(f: &Front, id: u32) -> Result<(), BusError> {
    if list_jobs(f).await?.iter().any(|j| j.id == id) {
        Ok(())
    } else {
        Err(BusError::new(
            crate::errors::name::NO_SUCH_JOB,
            format!("Job {id} does not exist."),
        ))
    }
}

/// `CancelJob`/`Job.Cancel`.
pub async fn cancel_job(f: &Front, id: u32) -> Result<(), BusError> {
    job_exists(f, id).await?;
    f.ask(Call::CancelJob { job: id }).await?;
    Ok(())
}

pub(crate) async fn list_jobs(f: &Front) -> Result<Vec<linger_ipc::manager::JobRow>, BusError> {
    match f.ask(Call::ListJobs).await? {
        Answer::ListJobs(l) => Ok(l.jobs),
        _ => Ok(Vec::new()),
    }
}

/// enable & co.: the changes as `a(sss)` (type, file, destination) and whether the units
/// had `[Install]` information.
pub(crate) async fn install(
    f: &Front,
    action: InstallAction,
    units: Vec<String>,
    runtime: bool,
    force: bool,
    preset_mode: PresetMode,
) -> Result<(Vec<(String, String, String)>, bool), BusError> {
    let answer = f
        .ask(Call::Install(InstallRequest {
            action,
            units,
            runtime,
            force,
            preset_mode,
        }))
        .await?;
    let Answer::Install(r) = answer else {
        return Ok((Vec::new(), true));
    };
    let changes = r
        .changes
        .into_iter()
        .map(|c| (c.kind, c.path, c.source))
        .collect();
    Ok((changes, r.warnings.is_empty()))
}

/// A job as `GetJobAfter`/`GetJobBefore` list it: id, unit, type, state, job and unit paths.
pub(crate) type JobEntry = (
    u32,
    String,
    String,
    String,
    zbus::zvariant::ObjectPath<'static>,
    zbus::zvariant::ObjectPath<'static>,
);

/// `GetJobAfter`/`Job.GetAfter` (`after`: the jobs waiting for job `id`) and
/// `GetJobBefore`/`Job.GetBefore` (the jobs it waits for).
pub(crate) async fn jobs_around(
    f: &Front,
    id: u32,
    after: bool,
) -> Result<Vec<JobEntry>, BusError> {
    job_exists(f, id).await?;
    let answer = f
        .ask(Call::Control(linger_manager::Control::JobsAround {
            job: id,
            after,
        }))
        .await?;
    let Answer::ListJobs(l) = answer else {
        return Ok(Vec::new());
    };
    Ok(l.jobs
        .into_iter()
        .map(|j| {
            let state = if j.running { "running" } else { "waiting" };
            let job_path = crate::props::object_path(crate::paths::job(j.id));
            (
                j.id,
                j.unit.clone(),
                j.job_type.as_str().to_string(),
                state.to_string(),
                job_path,
                crate::front::unit_path(&j.unit),
            )
        })
        .collect())
}
