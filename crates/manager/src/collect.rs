//! Collected units are unloaded, as systemd's garbage collection unloads them
//! (systemd.unit(5) `CollectMode=`, org.freedesktop.systemd1(5) `Ref()`): at the end of each
//! turn every unit loaded or changed in it is looked at (handle.rs) — one a query loaded
//! (`show`, `status`, D-Bus `LoadUnit`, a property read at a unit's path), one whose job
//! ended, one reset-failed, a transient one whose files were removed
//! ([`Manager::collect_garbage`]) — and the engine forgets those that are inactive (or failed,
//! under `CollectMode=inactive-or-failed`), have no job, and that nothing keeps:
//! - a loaded unit naming them in its configuration (any dependency or ordering, conflicts,
//!   `OnFailure=`, the default ones), or a timer or socket triggering them (engine
//!   `unneeded`); a slice, a loaded unit in it (`Slice=`, or a slice's parent by name);
//! - a client following the unit by name (`systemd-run --wait`, `--pty`, `--pipe`,
//!   `systemctl start --wait`, a D-Bus client's `RefUnit`): it has to read the unit's result,
//!   as systemd-run's `AddRef=` does; the unit goes once that client does.
//!
//! What the collected units referenced may be garbage then, and is looked at next. A unit
//! collected and asked for again is loaded afresh: no last run, its files as they are now
//! (so `NeedDaemonReload=` compares with those), or "could not be found".

use std::collections::BTreeSet;

use crate::manager::Manager;
use crate::props::slice_of;

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
            if m.engine.unit(&id).is_none() {
                continue;
            }
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
                .filter(|id| {
                    !is_transient(m, id)
                        && (!m.engine.unneeded(id, &going) || slice_in_use(m, id, &going))
                })
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
            .map(|id| {
                let mut needs = m.engine.needs(id);
                needs.extend(m.engine.unit(id).and_then(|u| slice_of(&u.config)));
                (id.clone(), needs)
            })
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

/// Whether `id` is a slice a loaded unit outside `going` is in (systemd keeps it: the unit
/// references its slice).
fn slice_in_use(m: &Manager, id: &str, going: &BTreeSet<String>) -> bool {
    id.ends_with(".slice")
        && m.engine
            .units()
            .any(|u| !going.contains(&u.config.id) && slice_of(&u.config).as_deref() == Some(id))
}
