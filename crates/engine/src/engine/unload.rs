//! Unloading a unit: what the manager does with a collected transient unit (its files
//! removed, `CollectMode=` satisfied), as systemd's garbage collection unloads it, so that
//! `status` then says the unit "could not be found" instead of showing a deleted file.

use super::*;

impl<H: Host, S: UnitSource> Engine<H, S> {
    /// Forget unit `id` if it is loaded, inactive or failed, and has no job; true when it
    /// was unloaded. Its names go with it; loading the name again reads the disk afresh.
    pub fn unload(&mut self, id: &str) -> bool {
        let idle = self
            .units
            .get(id)
            .is_some_and(|u| u.active_state().is_inactive_or_failed() && !self.jobs.has(id));
        if !idle {
            return false;
        }
        self.units.remove(id);
        self.reloaded.insert(id.to_string());
        self.names.retain(|_, target| target != id);
        self.activators.remove(id);
        // Its crash-recovery record is cleared at the end of the turn.
        self.touch(id);
        self.rebuild_graph();
        true
    }
}
