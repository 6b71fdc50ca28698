//! Unloading units: what the manager does with a collected transient unit (its files
//! removed, `CollectMode=` satisfied) and with any unit nobody needs any more, as systemd's
//! garbage collection unloads them (systemd.unit(5) `CollectMode=`: inactive — or failed,
//! under `inactive-or-failed` — with no job, and not referenced by clients or other units), so
//! that `status` then shows the unit as loading it afresh finds it: no last run, or "could not
//! be found" for a deleted file.

use super::*;

impl<H: Host, S: UnitSource> Engine<H, S> {
    /// Forget unit `id` if it is loaded, inactive or failed, and has no job; true when it
    /// was unloaded. Its names go with it; loading the name again reads the disk afresh.
    pub fn unload(&mut self, id: &str) -> bool {
        !self.unload_all([id.to_string()].into()).is_empty()
    }

    /// [`Engine::unload`] for each of `ids` (one rebuild of the dependency graph for all):
    /// the ones unloaded.
    pub fn unload_all(&mut self, ids: BTreeSet<String>) -> Vec<String> {
        let idle = |e: &Self, id: &str| {
            e.units
                .get(id)
                .is_some_and(|u| u.active_state().is_inactive_or_failed() && !e.jobs.has(id))
        };
        let gone: Vec<String> = ids.into_iter().filter(|id| idle(self, id)).collect();
        if gone.is_empty() {
            return gone;
        }
        for id in &gone {
            self.units.remove(id);
            self.reloaded.insert(id.clone());
            self.names.retain(|_, target| target != id);
            self.activators.remove(id);
            // Its crash-recovery record is cleared at the end of the turn.
            self.touch(id);
        }
        self.rebuild_graph();
        gone
    }

    /// Whether `id` is garbage by systemd's rule, clients' references aside (the manager
    /// knows those, and slices): loaded, inactive — or failed with
    /// `CollectMode=inactive-or-failed` —, no job, and no loaded unit outside `going` (the
    /// units collected with it) references it: names it in its configuration (any dependency,
    /// ordering or conflict, `OnFailure=`/`OnSuccess=`, the default dependencies) or triggers
    /// it; a timer or socket whose unit still runs is needed too.
    pub fn unneeded(&self, id: &str, going: &BTreeSet<String>) -> bool {
        let Some(u) = self.units.get(id) else {
            return false;
        };
        let collectable = match u.active_state() {
            ActiveState::Inactive => true,
            ActiveState::Failed => {
                u.config.unit.collect_mode == linger_unit::model::CollectMode::InactiveOrFailed
            }
            _ => false,
        };
        if !collectable || self.jobs.has(id) {
            return false;
        }
        let kept_by = |by: &str| by != id && !going.contains(by) && self.units.contains_key(by);
        // A timer or socket stays while the unit it started runs (systemd.timer(5)
        // `RemainAfterElapse=no`: unloaded once its unit finished).
        let trigger_running = self.triggers(id).is_some_and(|t| {
            self.unit(&t)
                .is_some_and(|t| !t.active_state().is_inactive_or_failed())
        });
        !trigger_running
            && !self.triggered_by(id).iter().any(|by| kept_by(by))
            && !self.referenced(id, &kept_by)
    }

    /// Whether a unit `kept_by` accepts names `id` in its own configuration. The graph's
    /// inverse and symmetric sets of `id` hold every such unit (ordering is kept both ways,
    /// so each is checked against its own settings); `OnFailure=`/`OnSuccess=` have no
    /// inverse there and are looked up in the units that set them.
    fn referenced(&self, id: &str, kept_by: &dyn Fn(&str) -> bool) -> bool {
        let resolve = |n: &str| -> String {
            if self.units.contains_key(n) {
                n.to_string()
            } else {
                self.names.get(n).cloned().unwrap_or_else(|| n.to_string())
            }
        };
        let names_it = |by: &str| {
            self.units.get(by).is_some_and(|u| {
                let d = crate::deps::forward_deps(&u.config, &resolve);
                [
                    &d.requires,
                    &d.wants,
                    &d.requisite,
                    &d.binds_to,
                    &d.part_of,
                    &d.upholds,
                    &d.conflicts,
                    &d.after,
                    &d.before,
                    &d.on_failure,
                    &d.on_success,
                ]
                .into_iter()
                .any(|s| s.contains(id))
            })
        };
        let near = self.graph.get(id).is_some_and(|d| {
            [
                &d.required_by,
                &d.wanted_by,
                &d.requisite_of,
                &d.bound_by,
                &d.upheld_by,
                &d.consists_of,
                &d.conflicted_by,
                &d.after,
                &d.before,
            ]
            .into_iter()
            .flatten()
            .any(|by| kept_by(by) && names_it(by))
        });
        near || self
            .with_handlers
            .iter()
            .any(|by| kept_by(by) && names_it(by))
    }

    /// The units `id` references (any dependency or ordering, conflicts, `OnFailure=`,
    /// `OnSuccess=`) or triggers: candidates for collection once it is gone.
    pub fn needs(&self, id: &str) -> Vec<String> {
        let mut out: Vec<String> = self.triggers(id).into_iter().collect();
        if let Some(d) = self.graph.get(id) {
            for set in [
                &d.requires,
                &d.wants,
                &d.requisite,
                &d.binds_to,
                &d.upholds,
                &d.part_of,
                &d.conflicts,
                &d.after,
                &d.before,
                &d.on_failure,
                &d.on_success,
            ] {
                out.extend(set.iter().cloned());
            }
        }
        out
    }
}
