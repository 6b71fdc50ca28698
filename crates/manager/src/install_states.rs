//! One request's look at units' install states (`UnitFileState=`, `UnitFilePreset=`,
//! `NeedDaemonReload=`), through what [`LoadStamps`] keeps between requests (see
//! [`crate::install_cache`] for what is kept and when it is read again).

use std::path::PathBuf;
use std::time::SystemTime;

use linger_unit::loader::{LoadContext, SearchProbe, UnitFileStates};
use linger_unit::model::UnitConfig;

use crate::install_cache::PathStamps;
use crate::need_reload::LoadStamps;
use crate::preset::Presets;

/// One request's look at units' install states: the kept links and presets are checked
/// against the disk once per request (a few `statx`), then used for every unit it asks about.
pub struct InstallLookups {
    /// When the request began: what changed less than [`SETTLE`] before is not kept.
    began: SystemTime,
    /// For the unit's own paths ([`UnitFileStates::state_of`], `need_reload`).
    probe: SearchProbe,
    /// The links were checked (kept, or read into `fresh_links`) for this request.
    links_checked: bool,
    /// Links read for this request that could not be kept (a directory changed too recently).
    fresh_links: Option<UnitFileStates>,
    presets_checked: bool,
    fresh_presets: Option<Presets>,
    /// Where the preset directories are (`/`; a test's own tree in tests).
    preset_root: PathBuf,
}

impl InstallLookups {
    /// A look for a request asking about `units` units (many: one listing of each search
    /// directory for their own files; few: each unit's own paths).
    pub fn new(units: usize) -> InstallLookups {
        InstallLookups {
            began: SystemTime::now(),
            probe: if units > 16 {
                SearchProbe::listing()
            } else {
                SearchProbe::direct()
            },
            links_checked: false,
            fresh_links: None,
            presets_checked: false,
            fresh_presets: None,
            preset_root: PathBuf::from("/"),
        }
    }

    /// `NeedDaemonReload=` of `cfg`: whether its files changed since it was loaded.
    pub fn need_reload(
        &mut self,
        stamps: &LoadStamps,
        ctx: &LoadContext,
        cfg: &UnitConfig,
    ) -> bool {
        stamps.need_reload(cfg, ctx, &mut self.probe)
    }

    /// `UnitFileState=` of `cfg`. `changed` is [`Self::need_reload`]'s answer for it (asked
    /// first): a unit whose files changed since it was loaded is judged afresh each time.
    pub fn file_state(
        &mut self,
        stamps: &LoadStamps,
        ctx: &LoadContext,
        cfg: &UnitConfig,
        changed: bool,
    ) -> String {
        self.check_links(stamps, ctx);
        let kept = self.fresh_links.is_none();
        let generation = stamps.install.borrow().generation;
        if kept
            && !changed
            && let Some(state) = stamps.kept_file_state(&cfg.id, generation)
        {
            return state;
        }
        #[cfg(test)]
        {
            stamps.install.borrow_mut().reads.states += 1;
        }
        let state = match (&self.fresh_links, &stamps.install.borrow().links) {
            (Some(links), _) | (None, Some((links, _))) => {
                crate::source::unit_file_state(links, cfg, &mut self.probe)
            }
            // Not left by check_links (it keeps the links or reads them for this request).
            (None, None) => {
                let links = UnitFileStates::links_only(ctx);
                crate::source::unit_file_state(&links, cfg, &mut self.probe)
            }
        };
        if kept && !changed && stamps.settled(&cfg.id, self.began) {
            stamps.keep_file_state(&cfg.id, generation, &state);
        }
        state
    }

    /// `UnitFilePreset=` of unit `id` whose file is in `state`.
    pub fn preset(&mut self, stamps: &LoadStamps, id: &str, state: &str) -> Option<&'static str> {
        if !self.presets_checked {
            self.presets_checked = true;
            let mut cache = stamps.install.borrow_mut();
            if cache.presets.as_ref().is_some_and(|(_, s)| !s.unchanged()) {
                cache.presets = None;
            }
            if cache.presets.is_none() {
                let (presets, read) = Presets::load_read(&self.preset_root);
                #[cfg(test)]
                {
                    cache.reads.presets += 1;
                }
                match PathStamps::settled(&read, self.began) {
                    Some(s) => cache.presets = Some((presets, s)),
                    None => self.fresh_presets = Some(presets),
                }
            }
        }
        let cache = stamps.install.borrow();
        let presets = match (&self.fresh_presets, &cache.presets) {
            (Some(p), _) | (None, Some((p, _))) => p,
            (None, None) => return None,
        };
        crate::preset::preset_for_state(presets, id, state)
    }

    /// Check the kept links against the disk (once per request); read them if none are kept.
    fn check_links(&mut self, stamps: &LoadStamps, ctx: &LoadContext) {
        if self.links_checked {
            return;
        }
        self.links_checked = true;
        let mut cache = stamps.install.borrow_mut();
        if cache.links.as_ref().is_some_and(|(_, s)| !s.unchanged()) {
            cache.links = None;
            cache.generation += 1;
        }
        if cache.links.is_some() {
            return;
        }
        let links = UnitFileStates::links_only(ctx);
        #[cfg(test)]
        {
            cache.reads.links += 1;
        }
        match PathStamps::settled(links.scanned_dirs(), self.began) {
            Some(s) => {
                cache.generation += 1;
                cache.links = Some((links, s));
            }
            None => self.fresh_links = Some(links),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::install_cache::Reads;
    use linger_unit::loader::{HostInfo, UserInfo, load_unit};
    use std::path::Path;
    use std::time::Duration;

    const UNIT: &str = "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=default.target\n";

    struct Tree {
        dir: tempfile::TempDir,
        ctx: LoadContext,
    }

    impl Tree {
        fn new() -> Tree {
            let dir = tempfile::tempdir().unwrap();
            let user = UserInfo {
                name: "u".into(),
                uid: 1000,
                gid: 1000,
                group: "u".into(),
                home: dir.path().display().to_string(),
                shell: "/bin/sh".into(),
            };
            let config = dir.path().join("config");
            let lib = dir.path().join("lib");
            std::fs::create_dir_all(&config).unwrap();
            std::fs::create_dir_all(&lib).unwrap();
            let mut ctx = LoadContext::user_default(user, HostInfo::from_system(), &|_| None)
                .with_search_path(vec![config.clone(), lib]);
            ctx.config_dir = config;
            ctx.admin_config_dir = None;
            ctx.runtime_dir = None;
            ctx.transient_dir = None;
            ctx.generator_dirs = Vec::new();
            Tree { dir, ctx }
        }

        fn path(&self, rel: &str) -> PathBuf {
            self.dir.path().join(rel)
        }

        fn write(&self, rel: &str, text: &str) {
            let p = self.path(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }

        /// Every directory (and, with `files`, every file) of the tree last modified an hour
        /// ago, each at its own second: settled, as a tree untouched for a while is.
        fn age(&self, files: bool) {
            fn walk(p: &Path, files: bool, n: &mut u64) {
                let meta = std::fs::symlink_metadata(p).unwrap();
                if meta.is_dir() {
                    for e in std::fs::read_dir(p).unwrap() {
                        walk(&e.unwrap().path(), files, n);
                    }
                } else if !(files && meta.is_file()) {
                    return;
                }
                *n += 1;
                let when = SystemTime::now() - Duration::from_secs(3600 + *n);
                std::fs::File::open(p).unwrap().set_modified(when).unwrap();
            }
            walk(self.dir.path(), files, &mut 0);
        }

        /// One file last modified an hour ago (its directory left as it is).
        fn age_file(&self, rel: &str) {
            let when = SystemTime::now() - Duration::from_secs(3600);
            let f = std::fs::File::options().write(true).open(self.path(rel));
            f.unwrap().set_modified(when).unwrap();
        }

        /// A unit as the manager loads it, stamped.
        fn load(&self, stamps: &mut LoadStamps, name: &str) -> UnitConfig {
            let cfg = load_unit(name, &self.ctx);
            stamps.record(&cfg);
            cfg
        }

        /// One request's (UnitFileState, NeedDaemonReload, UnitFilePreset) of `cfg`, checked
        /// against a full fresh scan of the tree.
        fn look(&self, stamps: &LoadStamps, cfg: &UnitConfig) -> (String, bool, &'static str) {
            let mut l = InstallLookups::new(1);
            l.preset_root = self.dir.path().to_path_buf();
            let changed = l.need_reload(stamps, &self.ctx, cfg);
            let state = l.file_state(stamps, &self.ctx, cfg, changed);
            let fresh = UnitFileStates::scan(&self.ctx)
                .state(&cfg.id)
                .map(|s| s.as_str().to_string())
                .unwrap_or_default();
            assert_eq!(
                state, fresh,
                "{}: the kept state is not the files' state",
                cfg.id
            );
            let preset = l.preset(stamps, &cfg.id, &state).unwrap_or("");
            (state, changed, preset)
        }
    }

    fn reads(stamps: &LoadStamps) -> Reads {
        stamps.install.borrow().reads
    }

    /// Kept while nothing changed (nothing read again); every change on disk — a link made or
    /// removed by hand, a mask, an edited `[Install]` before and after daemon-reload, a new
    /// drop-in — is seen by the next request.
    #[test]
    fn kept_states_follow_every_change_on_disk() {
        let t = Tree::new();
        t.write("lib/a.service", UNIT);
        t.age(true);
        let mut stamps = LoadStamps::default();
        let mut cfg = t.load(&mut stamps, "a.service");
        assert_eq!(t.look(&stamps, &cfg), ("disabled".into(), false, "enabled"));
        let first = reads(&stamps);
        assert_eq!(t.look(&stamps, &cfg).0, "disabled");
        assert_eq!(reads(&stamps), first, "nothing changed: nothing read again");

        // `enable` by hand (no manager, no reload).
        let link = t.path("config/default.target.wants/a.service");
        std::fs::create_dir_all(link.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(t.path("lib/a.service"), &link).unwrap();
        t.age(false);
        assert_eq!(t.look(&stamps, &cfg).0, "enabled");
        let kept = reads(&stamps);
        assert_eq!(t.look(&stamps, &cfg).0, "enabled");
        assert_eq!(reads(&stamps), kept, "kept again once settled");

        // `disable` by hand: the link goes, its directory stays.
        std::fs::remove_file(&link).unwrap();
        t.age(false);
        assert_eq!(t.look(&stamps, &cfg).0, "disabled");

        // A runtime-less alias link at the top level under another name: indirect.
        std::os::unix::fs::symlink(t.path("lib/a.service"), t.path("config/b.service")).unwrap();
        t.age(false);
        assert_eq!(t.look(&stamps, &cfg).0, "indirect");
        std::fs::remove_file(t.path("config/b.service")).unwrap();
        t.age(false);
        assert_eq!(t.look(&stamps, &cfg).0, "disabled");

        // The [Install] section edited: the unit's files changed (judged afresh each time
        // until daemon-reload), then reloaded and kept again.
        let kept = reads(&stamps);
        t.write("lib/a.service", "[Service]\nExecStart=/bin/true\n");
        t.age_file("lib/a.service");
        assert_eq!(t.look(&stamps, &cfg), ("static".into(), true, ""));
        assert_eq!(
            reads(&stamps).links,
            kept.links,
            "the links are still the kept ones"
        );
        assert_eq!(t.look(&stamps, &cfg).0, "static");
        stamps.clear();
        cfg = t.load(&mut stamps, "a.service");
        assert_eq!(t.look(&stamps, &cfg), ("static".into(), false, ""));
        let kept = reads(&stamps);
        assert_eq!(t.look(&stamps, &cfg).0, "static");
        assert_eq!(reads(&stamps), kept);

        // A drop-in bringing an [Install] section back.
        t.write(
            "config/a.service.d/i.conf",
            "[Install]\nWantedBy=default.target\n",
        );
        t.age(false);
        assert_eq!(t.look(&stamps, &cfg), ("disabled".into(), true, "enabled"));
        stamps.clear();
        cfg = t.load(&mut stamps, "a.service");
        assert_eq!(t.look(&stamps, &cfg), ("disabled".into(), false, "enabled"));

        // `mask` by hand: the unit's file is now /dev/null.
        std::os::unix::fs::symlink("/dev/null", t.path("config/a.service")).unwrap();
        t.age(false);
        assert_eq!(t.look(&stamps, &cfg), ("masked".into(), true, "enabled"));
        stamps.clear();
        cfg = t.load(&mut stamps, "a.service");
        assert_eq!(t.look(&stamps, &cfg), ("masked".into(), false, "enabled"));
        // (The link was made just now: its state is judged afresh until it settles.)
        assert_eq!(t.look(&stamps, &cfg).0, "masked");
        std::fs::remove_file(t.path("config/a.service")).unwrap();
        t.age(false);
        assert_eq!(t.look(&stamps, &cfg), ("disabled".into(), true, "enabled"));
    }

    /// daemon-reload (which every install operation of the manager makes) forgets what was
    /// kept, even when no time stamp shows a change.
    #[test]
    fn daemon_reload_reads_everything_again() {
        let t = Tree::new();
        t.write("lib/a.service", UNIT);
        t.write("etc/systemd/user-preset/50-x.preset", "disable a.service\n");
        t.age(true);
        let mut stamps = LoadStamps::default();
        let cfg = t.load(&mut stamps, "a.service");
        assert_eq!(
            t.look(&stamps, &cfg),
            ("disabled".into(), false, "disabled")
        );
        let before = reads(&stamps);
        t.look(&stamps, &cfg);
        assert_eq!(reads(&stamps), before);
        stamps.clear();
        let cfg = t.load(&mut stamps, "a.service");
        t.look(&stamps, &cfg);
        let after = reads(&stamps);
        assert_eq!(
            (after.links, after.presets, after.states),
            (before.links + 1, before.presets + 1, before.states + 1)
        );
    }

    /// A directory or file changed within the settle time is read again at each request: a
    /// second change in the same clock tick would leave its time stamp as it was.
    #[test]
    fn what_changed_just_now_is_not_kept() {
        let t = Tree::new();
        t.write("lib/a.service", UNIT);
        t.age(true);
        let mut stamps = LoadStamps::default();
        let cfg = t.load(&mut stamps, "a.service");
        t.look(&stamps, &cfg);
        // Just now: a link directory made (and so config/ changed).
        std::fs::create_dir_all(t.path("config/default.target.wants")).unwrap();
        let before = reads(&stamps);
        t.look(&stamps, &cfg);
        t.look(&stamps, &cfg);
        let after = reads(&stamps);
        assert_eq!(after.links, before.links + 2, "read at each request");
        assert_eq!(after.states, before.states + 2);
        // The unit's own file written just now (and loaded so): its state is not kept either.
        let t = Tree::new();
        t.write("lib/a.service", UNIT);
        let mut stamps = LoadStamps::default();
        let cfg = t.load(&mut stamps, "a.service");
        t.look(&stamps, &cfg);
        let before = reads(&stamps);
        t.look(&stamps, &cfg);
        assert_eq!(reads(&stamps).states, before.states + 1);
    }

    /// The preset rules are kept while their directories and files are unchanged.
    #[test]
    fn presets_follow_their_files() {
        let t = Tree::new();
        t.write("lib/a.service", UNIT);
        t.write("usr/lib/systemd/user-preset/90-x.preset", "disable *\n");
        t.age(true);
        let mut stamps = LoadStamps::default();
        let cfg = t.load(&mut stamps, "a.service");
        assert_eq!(t.look(&stamps, &cfg).2, "disabled");
        let before = reads(&stamps);
        assert_eq!(t.look(&stamps, &cfg).2, "disabled");
        assert_eq!(reads(&stamps).presets, before.presets);
        // The file edited in place (its directory unchanged).
        t.write(
            "usr/lib/systemd/user-preset/90-x.preset",
            "enable a.service\n",
        );
        t.age(true);
        assert_eq!(t.look(&stamps, &cfg).2, "enabled");
        // A file of higher priority added.
        t.write("etc/systemd/user-preset/10-y.preset", "disable a.service\n");
        t.age(false);
        assert_eq!(t.look(&stamps, &cfg).2, "disabled");
        // All of them gone: the default.
        std::fs::remove_dir_all(t.path("etc")).unwrap();
        std::fs::remove_dir_all(t.path("usr")).unwrap();
        t.age(false);
        assert_eq!(t.look(&stamps, &cfg).2, "enabled");
    }
}
