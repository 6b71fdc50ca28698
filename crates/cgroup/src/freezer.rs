//! The cgroup v2 freezer of a unit (`systemctl freeze` / `thaw`): writing `cgroup.freeze` asks
//! the kernel to stop (or resume) every process of the unit's cgroup; the `frozen` line of
//! `cgroup.events` says when it has. Both files are the state: nothing is kept here.

use std::path::{Path, PathBuf};

use crate::error::{CgroupError, Result};
use crate::fs::CgroupFs;
use crate::units::UnitCgroups;

/// Where a unit's freezer is (systemd's `FreezerState=` words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FreezerState {
    /// Not frozen, and not asked to be.
    Running,
    /// Asked to freeze; some process still runs.
    Freezing,
    /// Every process is stopped.
    Frozen,
    /// Asked to thaw; the kernel has not finished.
    Thawing,
}

impl FreezerState {
    /// `running`, `freezing`, `frozen`, `thawing`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            FreezerState::Running => "running",
            FreezerState::Freezing => "freezing",
            FreezerState::Frozen => "frozen",
            FreezerState::Thawing => "thawing",
        }
    }

    /// Whether the kernel has done what was last asked (frozen or running).
    #[must_use]
    pub fn is_settled(self) -> bool {
        matches!(self, FreezerState::Running | FreezerState::Frozen)
    }
}

/// The freezer state of the cgroup `dir` (for a watcher that holds no [`UnitCgroups`]).
///
/// # Errors
/// A file cannot be read or parsed (the cgroup is gone, or has no freezer).
pub fn freezer_state_at<F: CgroupFs>(fs: &F, dir: &Path) -> Result<FreezerState> {
    let freeze = dir.join("cgroup.freeze");
    let asked = match fs.read(&freeze)?.trim() {
        "0" => false,
        "1" => true,
        other => return Err(CgroupError::parse(&freeze, other, "0 or 1")),
    };
    let events = dir.join("cgroup.events");
    let text = fs.read(&events)?;
    let frozen = crate::stats::stat_value(&text, "frozen")
        .ok_or_else(|| CgroupError::parse(&events, &text, "a \"frozen 0|1\" line"))?
        != 0;
    Ok(match (asked, frozen) {
        (false, false) => FreezerState::Running,
        (true, false) => FreezerState::Freezing,
        (true, true) => FreezerState::Frozen,
        (false, true) => FreezerState::Thawing,
    })
}

impl<F: CgroupFs> UnitCgroups<F> {
    /// Whether unit cgroups have a freezer (`cgroup.freeze`: cgroup v2, Linux 5.2+; every
    /// non-root v2 cgroup has it then, so the delegated root tells).
    #[must_use]
    pub fn has_freezer(&self) -> bool {
        self.fs()
            .exists(&self.setup().unified.join("cgroup.freeze"))
    }

    /// Asks the kernel to freeze (`true`) or thaw the unit's processes; it may finish later
    /// (see [`Self::freezer_state`] and [`Self::events_file`]).
    ///
    /// # Errors
    /// The unit has no cgroup, or `cgroup.freeze` cannot be written.
    pub fn set_frozen(&self, unit: &str, frozen: bool) -> Result<()> {
        let file = self.path(unit)?.join("cgroup.freeze");
        self.fs().write(&file, if frozen { "1" } else { "0" })
    }

    /// The freezer's state: what `cgroup.freeze` asks against what `cgroup.events` reports.
    ///
    /// # Errors
    /// The unit has no cgroup, or a file cannot be read or parsed.
    pub fn freezer_state(&self, unit: &str) -> Result<FreezerState> {
        freezer_state_at(self.fs(), &self.path(unit)?)
    }

    /// The unit's `cgroup.events`, which the kernel modifies when freezing or thawing is done
    /// (for an inotify watch; its directory is the one [`freezer_state_at`] reads).
    ///
    /// # Errors
    /// The unit has no cgroup.
    pub fn events_file(&self, unit: &str) -> Result<PathBuf> {
        Ok(self.path(unit)?.join("cgroup.events"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CgroupSetup, Controller, DriverKind, MemFs};

    fn unit_cgroups(fs: &MemFs) -> UnitCgroups<&MemFs> {
        fs.add_v2_hierarchy("/cg", &["memory", "pids"]);
        fs.mkdir_all("/cg/user@1000.service");
        let setup = CgroupSetup {
            unified: PathBuf::from("/cg/user@1000.service"),
            unified_controllers: vec![Controller::Memory],
            v1: vec![],
        };
        let mut cg = UnitCgroups::with_setup(fs, DriverKind::Unified, setup).unwrap();
        cg.adopt_root().unwrap();
        cg.create("web.service", None).unwrap();
        cg
    }

    #[test]
    fn freezing_and_thawing_show_in_the_state() {
        let fs = MemFs::default();
        let cg = unit_cgroups(&fs);
        fs.spawn(42, &["/cg/user@1000.service/app.slice/web.service"]);
        assert!(cg.has_freezer());
        assert_eq!(
            cg.freezer_state("web.service").unwrap(),
            FreezerState::Running
        );
        cg.set_frozen("web.service", true).unwrap();
        assert_eq!(
            cg.freezer_state("web.service").unwrap(),
            FreezerState::Frozen
        );
        cg.set_frozen("web.service", false).unwrap();
        assert_eq!(
            cg.freezer_state("web.service").unwrap(),
            FreezerState::Running
        );
        assert_eq!(
            cg.events_file("web.service").unwrap(),
            Path::new("/cg/user@1000.service/app.slice/web.service/cgroup.events")
        );
    }

    #[test]
    fn a_unit_without_cgroup_says_so() {
        let fs = MemFs::default();
        let cg = unit_cgroups(&fs);
        assert!(cg.set_frozen("other.service", true).is_err());
        assert!(cg.freezer_state("other.service").is_err());
    }
}
