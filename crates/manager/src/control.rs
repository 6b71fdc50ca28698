//! What systemd's D-Bus API asks of the manager beyond linger's own CLI
//! (org.freedesktop.systemd1(5)): the exit code (`SetExitCode`, `systemctl --user exit N`),
//! the log level and target (`systemctl --user log-level`, `systemd-analyze --user
//! log-level/log-target`), which jobs wait for which (`GetJobAfter`/`GetJobBefore`).
//! Answered in the turn they are asked.

use linger_ipc::manager::{self as wire, ErrorKind, ManagerError};

use crate::api::Answer;
use crate::calls::install_reply;
use crate::manager::Manager;

/// A request of [`crate::Call::Control`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Control {
    /// The manager exits with `0..=255` when it is told to exit (`SetExitCode`).
    SetExitCode(u8),
    /// `LogLevel=`: a syslog level name (`debug` … `emerg`) or number.
    SetLogLevel(String),
    /// `LogTarget=`: `console`, `journal`, `journal-or-kmsg`, `auto`, `null`.
    SetLogTarget(String),
    /// The jobs that wait for job `job` (`after`), or that it waits for.
    JobsAround {
        /// The job.
        job: u32,
        /// true: the jobs ordered after it (`GetJobAfter`); false: before (`GetJobBefore`).
        after: bool,
    },
    /// `add-wants`/`add-requires` (`AddDependencyUnitFiles`): answered with
    /// [`Answer::Install`].
    AddDependency {
        /// The units to link.
        units: Vec<String>,
        /// Into this target's `.wants/` or `.requires/`.
        target: String,
        /// `Wants` or `Requires`.
        dependency: String,
        /// In the runtime configuration directory.
        runtime: bool,
        /// Replace a link pointing elsewhere.
        force: bool,
    },
    /// `revert` (`RevertUnitFiles`): answered with [`Answer::Install`].
    Revert(Vec<String>),
    /// The links `disable` would remove (`GetUnitFileLinks`): answered with [`Answer::Paths`].
    UnitFileLinks {
        /// The unit.
        unit: String,
        /// In the runtime configuration directory.
        runtime: bool,
    },
}

/// Where the manager's own messages go (`LogTarget=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogTarget {
    /// The journal (linger's own writer; systemd's `journal`, `journal-or-kmsg`, `auto`).
    #[default]
    Auto,
    /// `journal`
    Journal,
    /// `journal-or-kmsg`
    JournalOrKmsg,
    /// Standard error only: not the journal, so not `status` either.
    Console,
    /// Nowhere.
    Null,
}

impl LogTarget {
    /// The name systemd gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            LogTarget::Auto => "auto",
            LogTarget::Journal => "journal",
            LogTarget::JournalOrKmsg => "journal-or-kmsg",
            LogTarget::Console => "console",
            LogTarget::Null => "null",
        }
    }

    /// Whether messages reach the journal (and `status`'s log tail).
    pub fn journal(self) -> bool {
        matches!(
            self,
            LogTarget::Auto | LogTarget::Journal | LogTarget::JournalOrKmsg
        )
    }
}

/// The syslog level names, by number (systemd's `log_level_to_string`).
const LEVELS: [&str; 8] = [
    "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug",
];

/// The name of syslog level `n`.
pub fn level_name(n: u8) -> &'static str {
    LEVELS[usize::from(n.min(7))]
}

/// A level by name or number, as systemd's `log_level_from_string` reads it.
fn parse_level(s: &str) -> Option<u8> {
    if let Some(i) = LEVELS.iter().position(|l| *l == s) {
        return u8::try_from(i).ok();
    }
    s.parse::<u8>().ok().filter(|n| *n <= 7)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_read_by_name_or_number_as_systemd_reads_them() {
        assert_eq!(parse_level("debug"), Some(7));
        assert_eq!(parse_level("err"), Some(3));
        assert_eq!(parse_level("4"), Some(4));
        assert_eq!(parse_level("8"), None);
        assert_eq!(parse_level("error"), None);
        assert_eq!(level_name(5), "notice");
    }
}
