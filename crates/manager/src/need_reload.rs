//! `NeedDaemonReload=`: whether a loaded unit's files changed on disk since they were read.
//!
//! When the loader reads a unit, [`LoadStamps::record`] keeps the modification time of its
//! fragment and of each drop-in. When the property is read, [`LoadStamps::need_reload`]
//! looks again: a fragment or drop-in modified (any other mtime, not only a newer one — a
//! file restored by `cp -p` or a package is older and still not what was loaded) or removed,
//! a drop-in added, or another file now taking the unit's place (a copy in
//! `~/.config/systemd/user` overriding the packaged one) all mean yes, as `systemctl` then
//! warns "changed on disk". The unit's fragment and drop-ins are looked up afresh (the
//! manager's cached scan predates the change), only when the property is asked for, and only
//! at the paths that can hold them ([`UnitIndex::of_names`]: a few dozen lookups, not a scan
//! of every unit file on the search path). The unit's names are the ones it was loaded with,
//! as in systemd: an alias link made since does not count (daemon-reload makes it one).
//!
//! A unit's stamp is the one of the configuration the engine holds: the first load of a name
//! records it, later loads of the same unit (through another name) leave it alone, and
//! daemon-reload starts over ([`LoadStamps::clear`]).

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use linger_unit::loader::{LoadContext, SearchProbe, UnitIndex, current_files};
use linger_unit::model::{LoadState, UnitConfig};

use crate::install_cache::{InstallCache, SETTLE};

/// What was on disk when a unit was loaded.
#[derive(Debug)]
struct Stamp {
    fragment: Option<(PathBuf, Option<SystemTime>)>,
    dropins: Vec<(PathBuf, Option<SystemTime>)>,
    /// Its `UnitFileState=` judged from these files, and the generation of the enablement
    /// links it was judged by ([`crate::install_cache`]): goes with the stamp.
    file_state: RefCell<Option<(u64, String)>>,
}

/// The modification times of every loaded unit's files, by unit id — and what was derived
/// from them and from the enablement links and presets, kept while they are unchanged
/// ([`crate::install_cache`]; this is its one owner: [`LoadStamps::clear`] forgets it all).
#[derive(Debug, Default)]
pub struct LoadStamps {
    by_unit: HashMap<String, Stamp>,
    /// The enablement links and preset rules kept between requests.
    pub(crate) install: RefCell<InstallCache>,
}

/// A file's modification time; a masking entry (a `/dev/null` link) is judged by the link
/// itself, not by the device it points to.
fn mtime(path: &Path, masked: bool) -> Option<SystemTime> {
    let meta = if masked {
        std::fs::symlink_metadata(path)
    } else {
        std::fs::metadata(path)
    };
    meta.and_then(|m| m.modified()).ok()
}

impl LoadStamps {
    /// Note the files `cfg` was read from (unless the unit's stamp is already taken and it
    /// had a file then: see the module comment).
    pub fn record(&mut self, cfg: &UnitConfig) {
        if self
            .by_unit
            .get(&cfg.id)
            .is_some_and(|s| s.fragment.is_some())
        {
            return;
        }
        let masked = cfg.load_state == LoadState::Masked;
        // The times the loader saw when it read the files (one per file, fragment first);
        // looked at here only for what it did not read (a masked unit, say).
        let read = cfg.file_mtimes.len() == cfg.dropin_paths.len() + 1;
        let seen = |i: usize, p: &Path, masked: bool| match cfg.file_mtimes.get(i) {
            Some(t) if read => *t,
            _ => mtime(p, masked),
        };
        let stamp = Stamp {
            fragment: cfg
                .fragment_path
                .as_ref()
                .map(|p| (p.clone(), seen(0, p, masked))),
            dropins: cfg
                .dropin_paths
                .iter()
                .enumerate()
                .map(|(i, p)| (p.clone(), seen(i + 1, p, false)))
                .collect(),
            file_state: RefCell::new(None),
        };
        self.by_unit.insert(cfg.id.clone(), stamp);
    }

    /// Forget a unit the engine no longer holds (a later load records afresh).
    pub fn forget(&mut self, id: &str) {
        self.by_unit.remove(id);
    }

    /// daemon-reload: every unit is read again and stamped again; what was derived from the
    /// files (install states, links, presets) is read again too.
    pub fn clear(&mut self) {
        self.by_unit.clear();
        self.install.get_mut().clear();
    }

    /// The `UnitFileState=` kept for unit `id`, if it was judged by links of `generation`.
    pub(crate) fn kept_file_state(&self, id: &str, generation: u64) -> Option<String> {
        let stamp = self.by_unit.get(id)?;
        let kept = stamp.file_state.borrow();
        kept.as_ref()
            .filter(|(g, _)| *g == generation)
            .map(|(_, s)| s.clone())
    }

    /// Keep `state` as unit `id`'s `UnitFileState=` (judged by links of `generation`) with
    /// its stamp (none: not kept).
    pub(crate) fn keep_file_state(&self, id: &str, generation: u64, state: &str) {
        if let Some(stamp) = self.by_unit.get(id) {
            *stamp.file_state.borrow_mut() = Some((generation, state.to_string()));
        }
    }

    /// Whether unit `id`'s files, as stamped, last changed at least [`SETTLE`] before
    /// `began` (what was read from them then may be kept: see [`crate::install_cache`]).
    pub(crate) fn settled(&self, id: &str, began: SystemTime) -> bool {
        let Some(stamp) = self.by_unit.get(id) else {
            return false;
        };
        let Some(limit) = began.checked_sub(SETTLE) else {
            return false;
        };
        stamp
            .fragment
            .iter()
            .chain(&stamp.dropins)
            .all(|(_, when)| when.is_none_or(|t| t < limit))
    }

    /// Whether `cfg`'s files changed since it was loaded, looking at the disk through
    /// `probe` (one per call: it lists the search directories once when it lists).
    pub fn need_reload(
        &self,
        cfg: &UnitConfig,
        ctx: &LoadContext,
        probe: &mut SearchProbe,
    ) -> bool {
        let Some(stamp) = self.by_unit.get(&cfg.id) else {
            // Built-in units (no file) and units loaded before any stamp was kept.
            return false;
        };
        let masked = cfg.load_state == LoadState::Masked;
        if let Some((path, when)) = &stamp.fragment
            && mtime(path, masked) != *when
        {
            return true;
        }
        if stamp
            .dropins
            .iter()
            .any(|(path, when)| mtime(path, false) != *when)
        {
            return true;
        }
        let mut names = vec![cfg.id.clone()];
        names.extend(cfg.aliases.iter().cloned());
        let index = UnitIndex::of_names(ctx, &names, &[".d"], probe);
        let (fragment, dropins) = current_files(&index, cfg);
        let loaded_fragment = stamp.fragment.as_ref().map(|(p, _)| p);
        if fragment.as_ref() != loaded_fragment && cfg.load_state != LoadState::NotFound {
            return true;
        }
        // Drop-ins count only for a loaded unit, as in systemd: one not found (or masked)
        // got none, and a `service.d/` file appearing does not make it outdated.
        let current: Vec<&PathBuf> = if cfg.load_state == LoadState::Loaded {
            dropins.iter().collect()
        } else {
            Vec::new()
        };
        let loaded_dropins: Vec<&PathBuf> = stamp.dropins.iter().map(|(p, _)| p).collect();
        current != loaded_dropins
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use linger_unit::loader::{HostInfo, UserInfo, load_unit};

    fn context(dir: &Path) -> LoadContext {
        let user = UserInfo {
            name: "u".into(),
            uid: 1000,
            gid: 1000,
            group: "u".into(),
            home: "/home/u".into(),
            shell: "/bin/sh".into(),
        };
        LoadContext::user_default(user, HostInfo::from_system(), &|_| None)
            .with_search_path(vec![dir.join("high"), dir.join("low")])
    }

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Bump a file's mtime by a second (filesystem timestamps can be coarse).
    fn touch_later(path: &Path) {
        let f = std::fs::File::options().write(true).open(path).unwrap();
        let later = f.metadata().unwrap().modified().unwrap() + std::time::Duration::from_secs(1);
        f.set_modified(later).unwrap();
    }

    fn loaded(dir: &Path) -> (LoadContext, UnitConfig, LoadStamps) {
        let ctx = context(dir);
        let cfg = load_unit("a.service", &ctx);
        let mut stamps = LoadStamps::default();
        stamps.record(&cfg);
        (ctx, cfg, stamps)
    }

    /// The answer through both kinds of probe, which must agree.
    fn needs(stamps: &LoadStamps, cfg: &UnitConfig, ctx: &LoadContext) -> bool {
        let direct = stamps.need_reload(cfg, ctx, &mut SearchProbe::direct());
        let listing = stamps.need_reload(cfg, ctx, &mut SearchProbe::listing());
        assert_eq!(direct, listing, "the two probes disagree");
        direct
    }

    #[test]
    fn each_kind_of_change_on_disk_is_noticed() {
        let d = tempfile::tempdir().unwrap();
        let frag = d.path().join("low/a.service");
        write(&frag, "[Service]\nExecStart=/bin/true\n");
        write(&d.path().join("low/a.service.d/x.conf"), "[Unit]\n");
        let (ctx, cfg, stamps) = loaded(d.path());
        assert!(!needs(&stamps, &cfg, &ctx), "nothing changed yet");

        touch_later(&frag);
        assert!(needs(&stamps, &cfg, &ctx), "fragment modified");

        let (ctx, cfg, stamps) = loaded(d.path());
        write(&d.path().join("high/a.service.d/y.conf"), "[Unit]\n");
        assert!(needs(&stamps, &cfg, &ctx), "drop-in added");

        let (ctx, cfg, stamps) = loaded(d.path());
        touch_later(&d.path().join("low/a.service.d/x.conf"));
        assert!(needs(&stamps, &cfg, &ctx), "drop-in modified");

        let (ctx, cfg, stamps) = loaded(d.path());
        std::fs::remove_file(d.path().join("high/a.service.d/y.conf")).unwrap();
        assert!(needs(&stamps, &cfg, &ctx), "drop-in removed");

        let (ctx, cfg, stamps) = loaded(d.path());
        write(
            &d.path().join("high/a.service"),
            "[Service]\nExecStart=/bin/false\n",
        );
        assert!(needs(&stamps, &cfg, &ctx), "a copy now overrides the file");

        let (ctx, cfg, stamps) = loaded(d.path());
        std::fs::remove_file(d.path().join("high/a.service")).unwrap();
        assert!(needs(&stamps, &cfg, &ctx), "fragment removed");
    }

    #[test]
    fn a_later_load_through_another_name_keeps_the_first_stamp() {
        let d = tempfile::tempdir().unwrap();
        let frag = d.path().join("low/a.service");
        write(&frag, "[Service]\nExecStart=/bin/true\n");
        let (ctx, cfg, mut stamps) = loaded(d.path());
        touch_later(&frag);
        stamps.record(&load_unit("a.service", &ctx));
        assert!(
            needs(&stamps, &cfg, &ctx),
            "the engine still holds the old config"
        );
        stamps.clear();
        let fresh = load_unit("a.service", &ctx);
        stamps.record(&fresh);
        assert!(!needs(&stamps, &fresh, &ctx), "after daemon-reload");
    }

    #[test]
    fn a_unit_not_found_is_not_outdated_by_drop_ins_appearing() {
        // systemd compares drop-ins only for loaded units: `systemctl cat nope.service`
        // after a `service.d/` file appears shows no "changed on disk" warning.
        let d = tempfile::tempdir().unwrap();
        let (ctx, cfg, stamps) = loaded(d.path());
        assert_eq!(cfg.load_state, LoadState::NotFound);
        write(&d.path().join("high/service.d/all.conf"), "[Unit]\n");
        write(&d.path().join("high/a.service.d/own.conf"), "[Unit]\n");
        assert!(!needs(&stamps, &cfg, &ctx));
    }
}
