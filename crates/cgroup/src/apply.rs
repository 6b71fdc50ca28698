//! Applying resource limits to a unit's cgroups and reading its accounting.

use std::path::{Path, PathBuf};

use crate::controller::Controller;
use crate::error::{CgroupError, Result};
use crate::fs::CgroupFs;
use crate::plan::{ApplyMode, SystemInfo, Target, plan};
use crate::resource::{Directive, ResourceLimits};
use crate::stats::{MemoryEvents, UnitStats, stat_value};
use crate::units::{UnitCgroups, collect_pids};

impl<F: CgroupFs> UnitCgroups<F> {
    fn v1_index(&self, c: Controller) -> Option<usize> {
        self.setup
            .v1
            .iter()
            .position(|r| r.controllers.contains(&c))
    }

    /// The unit's existing directory for `target`, if it has one.
    fn target_dir(&self, unit: &str, target: Target) -> Result<Option<PathBuf>> {
        let e = self.entry(unit)?;
        Ok(match target {
            Target::Unified => Some(self.setup.unified.join(&e.rel)),
            Target::V1(c) => self
                .v1_index(c)
                .filter(|i| e.v1.contains(i))
                .map(|i| self.setup.v1[i].path.join(&e.rel)),
        })
    }

    /// Applies `limits` to the unit's cgroups (v2 files, or their v1 equivalents with the hybrid
    /// driver). Returns warnings for directives applied approximately or not at all; each ends
    /// with what was done.
    ///
    /// Nothing is written when a set directive needs a controller this manager lacks: that is
    /// an error naming the directive (a limit is never silently dropped). With the hybrid
    /// driver, the unit gets a cgroup in each v1 hierarchy its limits need (processes already
    /// running in the unit are moved into it).
    ///
    /// # Errors
    /// [`CgroupError::Resource`] for a missing controller; [`CgroupError::Apply`] when the
    /// kernel refuses a value.
    pub fn apply(
        &mut self,
        unit: &str,
        limits: &ResourceLimits,
        sys: &SystemInfo,
        mode: ApplyMode,
    ) -> Result<Vec<String>> {
        let plan = plan(limits, &self.availability(), sys, mode);
        plan.check()?;
        let mut warnings = plan.warnings;
        for w in plan.writes {
            let dir = match w.target {
                Target::Unified => self.path(unit)?,
                Target::V1(c) => match self.v1_index(c) {
                    // A default for an unset directive only matters where the unit already has
                    // a cgroup; a set directive gets one.
                    Some(i) if w.directive.is_some_and(|d| limits.is_set(d)) => {
                        self.realize_v1(unit, i)?
                    }
                    Some(_) => match self.target_dir(unit, w.target)? {
                        Some(dir) => dir,
                        None => continue,
                    },
                    None => continue, // plan() only targets hierarchies that exist
                },
            };
            let file = dir.join(w.file);
            if let Some(msg) = &w.if_missing
                && !self.fs.exists(&file)
            {
                warnings.push(msg.clone());
                continue;
            }
            self.fs
                .write(&file, &w.value)
                .map_err(|source| CgroupError::Apply {
                    directive: w.directive.map_or("cgroup setup", Directive::as_str),
                    value: w.value.clone(),
                    source: Box::new(source),
                })?;
        }
        Ok(warnings)
    }

    /// The unit's accounting for `status`/`show`. Unavailable values are `None`.
    ///
    /// # Errors
    /// The unit has no cgroup.
    pub fn stats(&self, unit: &str) -> Result<UnitStats> {
        let v2 = self.path(unit)?;
        let read = |p: PathBuf| self.fs.read(&p).ok();
        let number = |p: PathBuf| read(p).and_then(|t| t.trim().parse::<u64>().ok());
        let v1 = |c: Controller| self.target_dir(unit, Target::V1(c)).ok().flatten();
        let mut s = UnitStats::default();
        let has_v2 = |c: Controller| self.enabled.contains(&c);
        if has_v2(Controller::Memory) {
            s.memory_current = number(v2.join("memory.current"));
            s.memory_events = read(v2.join("memory.events")).map(|t| MemoryEvents::parse(&t));
            s.oom_kills = s.memory_events.map(|e| e.oom_kill);
        } else if let Some(d) = v1(Controller::Memory) {
            s.memory_current = number(d.join("memory.usage_in_bytes"));
            s.oom_kills =
                read(d.join("memory.oom_control")).and_then(|t| stat_value(&t, "oom_kill"));
        }
        s.tasks_current = if has_v2(Controller::Pids) {
            number(v2.join("pids.current"))
        } else if let Some(d) = v1(Controller::Pids) {
            number(d.join("pids.current"))
        } else {
            count_threads(&self.fs, &v2)
        };
        // cpu.stat's usage_usec exists in every v2 cgroup, even without the cpu controller.
        s.cpu_usage_nsec = read(v2.join("cpu.stat"))
            .and_then(|t| stat_value(&t, "usage_usec"))
            .map(|us| us.saturating_mul(1000));
        Ok(s)
    }
}

/// Threads in `dir` and below (`cgroup.threads`, what `pids.current` would count); the
/// number of processes where a cgroup lists no threads (v1-style trees, test doubles).
fn count_threads<F: CgroupFs>(fs: &F, dir: &Path) -> Option<u64> {
    fn walk<F: CgroupFs>(fs: &F, dir: &Path) -> Option<u64> {
        let here = fs
            .read(&dir.join("cgroup.threads"))
            .ok()?
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count() as u64;
        let mut n = here;
        for child in fs.children(dir).ok()? {
            n += walk(fs, &dir.join(child))?;
        }
        Some(n)
    }
    walk(fs, dir).or_else(|| {
        let mut pids = Vec::new();
        collect_pids(fs, dir, &mut pids)
            .ok()
            .map(|()| pids.len() as u64)
    })
}
