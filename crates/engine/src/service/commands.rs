//! The last run of each command of a service (systemd's per-command exec status): pid, when it
//! started and ended, how it ended. The `Exec*=` properties report it, and `systemctl status`
//! prints it as its "Process:" lines. Cleared when a start begins, as systemd does.

use crate::effect::ExecKind;
use crate::host::Timestamp;
use crate::service::exit_status::ExitStatus;

/// One command's last run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandRun {
    /// Its process.
    pub pid: u32,
    /// When it was spawned.
    pub start: Timestamp,
    /// When and how it ended (None while it runs).
    pub exit: Option<(Timestamp, ExitStatus)>,
}

/// The runs of this start, by command list and position in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommandRuns(Vec<((ExecKind, usize), CommandRun)>);

impl CommandRuns {
    /// The last run of command `index` of `kind`'s list, if it ran since the last start.
    pub fn get(&self, kind: ExecKind, index: usize) -> Option<&CommandRun> {
        self.0
            .iter()
            .find(|(k, _)| *k == (kind, index))
            .map(|(_, r)| r)
    }

    /// Command `index` of `kind`'s list was spawned as `pid`.
    pub(crate) fn started(&mut self, kind: ExecKind, index: usize, pid: u32, at: Timestamp) {
        let run = CommandRun {
            pid,
            start: at,
            exit: None,
        };
        match self.0.iter_mut().find(|(k, _)| *k == (kind, index)) {
            Some((_, r)) => *r = run,
            None => {
                // Most services run one command (ExecStart=): one 64-byte slot, not the four
                // a first push reserves (~190 bytes per running service).
                self.0.reserve_exact(1);
                self.0.push(((kind, index), run));
            }
        }
    }

    /// `pid` ended: the running command it was records how (other pids are not commands).
    pub(crate) fn exited(&mut self, pid: u32, status: ExitStatus, at: Timestamp) {
        if let Some((_, r)) = self
            .0
            .iter_mut()
            .find(|(_, r)| r.pid == pid && r.exit.is_none())
        {
            r.exit = Some((at, status));
        }
    }

    /// Every run: command list, position, run.
    pub fn all(&self) -> impl Iterator<Item = (ExecKind, usize, CommandRun)> + '_ {
        self.0.iter().map(|((k, i), r)| (*k, *i, *r))
    }

    /// The runs a previous manager process recorded ([`CommandRuns::all`]).
    pub(crate) fn from_runs(runs: Vec<(ExecKind, usize, CommandRun)>) -> Self {
        CommandRuns(runs.into_iter().map(|(k, i, r)| ((k, i), r)).collect())
    }

    /// A new start: the old runs are forgotten.
    pub(crate) fn clear(&mut self) {
        self.0.clear();
    }
}
