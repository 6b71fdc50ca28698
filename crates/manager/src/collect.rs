//! Collected units are unloaded, as systemd's garbage collection unloads them
//! (systemd.unit(5) `CollectMode=`): once a transient unit's files are removed, or a unit
//! went inactive — or was reset-failed — needed by no loaded unit
//! ([`Manager::collect_garbage`]), the engine forgets it at the end of the turn, so `status`
//! shows it as loading it afresh finds it: no last run, or "could not be found".
//!
//! Not done (yet): systemd also collects a unit a query loaded (`show`, `status` of a unit
//! that never ran, and systemctl's own look at `NeedDaemonReload` after `start`/`stop`) at
//! once; linger keeps such a unit loaded, afresh, until it has run.
//!
//! A client following the unit's changes by name (`systemd-run --wait`, `--pty`, `--pipe`,
//! `systemctl start --wait`, a D-Bus client's `RefUnit`) keeps it loaded until that client
//! goes away — it still has to read the unit's result — as systemd-run's `AddRef=` does.

use std::collections::BTreeSet;

use crate::manager::Manager;

/// Unload the collected units nobody follows or needs any more; then the units those needed
/// that are garbage now.
pub fn unload_collected(m: &mut Manager) {
    if m.collected.is_empty() {
        return;
    }
    let transient_dir = m.engine.host().config.runtime_dir.join("systemd/transient");
    // A transient unit whose file was collected (Manager::collect_garbage removed it).
    let is_transient = |m: &Manager, id: &str| {
        m.engine.unit(id).is_some_and(|u| {
            u.config
                .fragment_path
                .as_ref()
                .is_some_and(|p| p.starts_with(&transient_dir) && !p.exists())
        })
    };
    let mut pending = std::mem::take(&mut m.collected);
    while !pending.is_empty() {
        let mut going = BTreeSet::new();
        for id in pending {
            if m.subscribers.follows(&id) {
                m.collected.insert(id);
            } else {
                going.insert(id);
            }
        }
        // A transient unit goes (its files are gone); any other only if no loaded unit
        // staying needs it — a unit needed only by others going goes with them.
        loop {
            let kept: Vec<String> = going
                .iter()
                .filter(|id| !is_transient(m, id) && !m.engine.unneeded(id, &going))
                .cloned()
                .collect();
            if kept.is_empty() {
                break;
            }
            for id in kept {
                going.remove(&id);
            }
        }
        let needs: Vec<(String, Vec<String>)> = going
            .iter()
            .map(|id| (id.clone(), m.engine.needs(id)))
            .collect();
        let removed_files = going.iter().any(|id| is_transient(m, id));
        let gone = m.engine.unload_all(going);
        let needed: BTreeSet<String> = needs
            .into_iter()
            .filter(|(id, _)| gone.contains(id))
            .flat_map(|(_, n)| n)
            .collect();
        let source = m.engine.source_mut();
        for id in &gone {
            source.stamps.forget(id);
        }
        if removed_files {
            // The cached scan still lists the removed files.
            source.rescan();
        }
        // What the unloaded units needed may be garbage now.
        pending = needed
            .into_iter()
            .filter(|id| m.engine.unneeded(id, &BTreeSet::new()))
            .collect();
    }
}
