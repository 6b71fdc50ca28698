//! The requests of `Call::Control` (carried out by control.rs) and the log settings they
//! change: plain data, which call.rs and manager.rs name without depending on the manager.

/// A request of `Call::Control`.
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
    /// `AbandonScope`/`Scope.Abandon`: the running scope is given up by its maker.
    AbandonScope(String),
    /// Where `AttachProcessesToUnit` may move processes: the unit's v2 cgroup directory and
    /// its `ControlGroup=`, answered with [`Answer::Paths`] — for a loaded, delegated
    /// (`Delegate=`), active unit only, as systemd refuses the others.
    AttachTarget(String),
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
pub(crate) fn parse_level(s: &str) -> Option<u8> {
    if let Some(i) = LEVELS.iter().position(|l| *l == s) {
        return u8::try_from(i).ok();
    }
    s.parse::<u8>().ok().filter(|n| *n <= 7)
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
