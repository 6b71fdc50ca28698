//! Collected units are unloaded: once a transient unit's files are removed
//! ([`Manager::collect_transient`]), the engine forgets it at the end of the turn, so
//! `status` says it "could not be found" as systemd's garbage collection makes it say.
//!
//! A client following the unit's changes by name (`systemd-run --wait`, `--pty`, `--pipe`,
//! `systemctl start --wait`) keeps it loaded until that client goes away — it still has to
//! read the unit's result — as systemd-run's `AddRef=` does.

use crate::manager::Manager;

/// Unload the collected units nobody follows any more.
pub fn unload_collected(m: &mut Manager) {
    if m.collected.is_empty() {
        return;
    }
    let pending = std::mem::take(&mut m.collected);
    for id in pending {
        if m.subscribers.follows(&id) {
            m.collected.insert(id);
            continue;
        }
        if m.engine.unload(&id) {
            let source = m.engine.source_mut();
            source.stamps.forget(&id);
            // The cached scan still lists the removed files.
            source.rescan();
        }
    }
}
