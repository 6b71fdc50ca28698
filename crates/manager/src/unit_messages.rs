//! The journal fields that say what a manager message about a unit reports: systemd's
//! `MESSAGE_ID=` for the same event (so `journalctl -x` explains it from linger's catalog,
//! crates/journal/src/catalog.rs) and the job's or unit's result.

use linger_engine::{JobResult, JobType, LogTag};
use linger_journal::catalog;

/// The fields an entry tagged `tag` carries beside its message.
pub fn fields(tag: LogTag) -> Vec<(&'static str, String)> {
    match tag {
        LogTag::Job { job_type, result } => {
            let id = match (job_type, result) {
                (JobType::Start | JobType::Restart | JobType::TryRestart, JobResult::Done) => {
                    Some(catalog::UNIT_STARTED)
                }
                (JobType::Start | JobType::Restart | JobType::TryRestart, _) => {
                    Some(catalog::UNIT_FAILED)
                }
                (JobType::Stop, _) => Some(catalog::UNIT_STOPPED),
                (JobType::Reload, _) => Some(catalog::UNIT_RELOADED),
                (JobType::VerifyActive, _) => None,
            };
            let mut out = Vec::with_capacity(3);
            if let Some(id) = id {
                out.push(("MESSAGE_ID", id.to_string()));
            }
            out.push(("JOB_TYPE", job_type.as_str().to_string()));
            out.push(("JOB_RESULT", result.as_str().to_string()));
            out
        }
        LogTag::JobBegun { job_type } => {
            let id = match job_type {
                JobType::Start => catalog::UNIT_STARTING,
                JobType::Reload => catalog::UNIT_RELOADING,
                _ => catalog::UNIT_STOPPING,
            };
            vec![
                ("MESSAGE_ID", id.into()),
                ("JOB_TYPE", job_type.as_str().to_string()),
            ]
        }
        LogTag::RestartScheduled => vec![("MESSAGE_ID", catalog::UNIT_RESTART_SCHEDULED.into())],
        LogTag::Succeeded => vec![("MESSAGE_ID", catalog::UNIT_SUCCESS.into())],
        LogTag::Failed { result } => vec![
            ("MESSAGE_ID", catalog::UNIT_FAILURE_RESULT.into()),
            ("UNIT_RESULT", result.into()),
        ],
        LogTag::ProcessExited => vec![("MESSAGE_ID", catalog::UNIT_PROCESS_EXIT.into())],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_id_has_a_catalog_entry() {
        let tags = [
            LogTag::Job {
                job_type: JobType::Start,
                result: JobResult::Done,
            },
            LogTag::Job {
                job_type: JobType::Start,
                result: JobResult::Dependency,
            },
            LogTag::Job {
                job_type: JobType::Stop,
                result: JobResult::Done,
            },
            LogTag::Job {
                job_type: JobType::Reload,
                result: JobResult::Failed,
            },
            LogTag::JobBegun {
                job_type: JobType::Start,
            },
            LogTag::JobBegun {
                job_type: JobType::Restart,
            },
            LogTag::JobBegun {
                job_type: JobType::Reload,
            },
            LogTag::RestartScheduled,
            LogTag::Succeeded,
            LogTag::Failed {
                result: "exit-code",
            },
            LogTag::ProcessExited,
        ];
        for tag in tags {
            let f = fields(tag);
            let id = &f.iter().find(|(k, _)| *k == "MESSAGE_ID").unwrap().1;
            assert!(catalog::lookup(id).is_some(), "{tag:?}: {id}");
        }
    }

    #[test]
    fn a_failed_start_is_told_apart_from_a_started_one() {
        let id = |result| {
            fields(LogTag::Job {
                job_type: JobType::Start,
                result,
            })[0]
                .1
                .clone()
        };
        assert_eq!(id(JobResult::Done), catalog::UNIT_STARTED);
        assert_eq!(id(JobResult::Failed), catalog::UNIT_FAILED);
    }
}
