//! The engine's [`UnitSource`] over the real search path (crate linger-unit's loader).

use linger_engine::UnitSource;
use linger_unit::loader::{HostInfo, LoadContext, UnitFileStates, UnitIndex, load_unit_with};
use linger_unit::model::UnitConfig;

use crate::config::ManagerConfig;
use crate::host_log::HostLog;
use crate::need_reload::LoadStamps;

/// Loads units from the user's search path. The directory scan is cached (like systemd's
/// lookup cache) and redone on daemon-reload, or when a name is not found (a file may have
/// been added since) — at most once per turn of the manager's loop: a call naming thousands
/// of units without a file (`is-active a b c …`) is answered from one scan, not one each.
#[derive(Debug)]
pub struct SearchPathSource {
    /// The loader context (search path, user, specifier values).
    pub ctx: LoadContext,
    index: Option<UnitIndex>,
    /// The modification time of each search-path directory when [`Self::index`] was made: a
    /// file or directory added or removed there since changes it, and the next load scans
    /// again (systemd rebuilds its unit name map the same way), so a unit loaded afresh —
    /// one collected since — is read as its files are now, new drop-in directories too.
    dir_times: Vec<Option<std::time::SystemTime>>,
    /// The scan was made (or redone) during the current turn: a name not in it is not there.
    scanned_this_turn: bool,
    /// The directories' times were compared during the current turn (once is enough).
    checked_this_turn: bool,
    /// Scans made so far (what the rule above bounds).
    #[cfg(test)]
    scans: u64,
    /// What each loaded unit's files looked like when read (`NeedDaemonReload=`).
    pub stamps: LoadStamps,
    /// (unit, diagnostic) already handed out for the journal: a unit's load warnings are
    /// logged once per manager lifetime, not at every load, start or `status`.
    told: std::collections::HashSet<(String, String)>,
    /// Load diagnostics not yet logged (see [`SearchPathSource::take_untold`]).
    untold: Vec<HostLog>,
    /// Units read ahead by [`SearchPathSource::preload`] for loads of this turn.
    preloaded: std::collections::HashMap<String, UnitConfig>,
}

impl SearchPathSource {
    /// A source over `ctx`.
    pub fn new(ctx: LoadContext) -> Self {
        SearchPathSource {
            ctx,
            index: None,
            dir_times: Vec::new(),
            scanned_this_turn: false,
            checked_this_turn: false,
            #[cfg(test)]
            scans: 0,
            stamps: LoadStamps::default(),
            told: Default::default(),
            untold: Vec::new(),
            preloaded: Default::default(),
        }
    }

    /// Read the files of `names` ahead, on two threads (this one and one more), for the
    /// loads that follow in this turn (crash recovery loads every recorded unit at once;
    /// their files are independent of each other). `alongside` runs on this thread
    /// meanwhile, then this thread takes its share of the files. What [`UnitSource::load`]
    /// then returns is what it would have read itself: the same scan, the same context.
    pub fn preload<R>(&mut self, names: &[String], alongside: impl FnOnce() -> R) -> R {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let index = self.current_index();
        let next = AtomicUsize::new(0);
        let take = |out: &mut Vec<(usize, UnitConfig)>| {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(name) = names.get(i) else { break };
                out.push((i, load_unit_with(&index, name, &self.ctx)));
            }
        };
        let mut mine = Vec::new();
        let r = std::thread::scope(|scope| {
            // Without a second thread this one reads them all.
            let other = std::thread::Builder::new()
                .name("unit-preload".into())
                .spawn_scoped(scope, || {
                    let mut theirs = Vec::new();
                    take(&mut theirs);
                    theirs
                })
                .ok();
            let r = alongside();
            take(&mut mine);
            if let Some(theirs) = other.and_then(|h| h.join().ok()) {
                mine.extend(theirs);
            }
            r
        });
        for (i, cfg) in mine {
            self.preloaded.insert(names[i].clone(), cfg);
        }
        self.index = Some(index);
        r
    }

    /// The load diagnostics (unknown keys, settings linger does not apply, errors) of units
    /// loaded since the last call that were never logged, for the journal under the unit's
    /// name — where systemd logs them, and where `status` shows them in its log tail.
    pub fn take_untold(&mut self) -> Vec<HostLog> {
        std::mem::take(&mut self.untold)
    }

    fn note_diagnostics(&mut self, cfg: &UnitConfig) {
        for d in &cfg.diagnostics {
            let message = d.to_string();
            if self.told.insert((cfg.id.clone(), message.clone())) {
                let priority = match d.severity {
                    linger_unit::diag::Severity::Warning => 4,
                    linger_unit::diag::Severity::Error => 3,
                };
                self.untold.push(HostLog {
                    unit: cfg.id.clone(),
                    priority,
                    message,
                });
            }
        }
    }

    /// Forget the cached directory scan (daemon-reload, enable/disable/mask).
    pub fn rescan(&mut self) {
        self.index = None;
    }

    /// A new turn of the loop (a new call, a new event): a name not found may be a file
    /// added since the last scan, worth one scan again.
    pub fn new_turn(&mut self) {
        self.scanned_this_turn = false;
        self.checked_this_turn = false;
        // Read ahead for that turn's loads; a later turn reads afresh.
        self.preloaded.clear();
    }

    /// How many times the search path was scanned.
    #[cfg(test)]
    fn scans(&self) -> u64 {
        self.scans
    }

    fn fresh_scan(&mut self) -> UnitIndex {
        #[cfg(test)]
        {
            self.scans += 1;
        }
        self.scanned_this_turn = true;
        self.checked_this_turn = true;
        // Before the scan: a change made during it shows as a change next time.
        self.dir_times = self.dir_times_now();
        UnitIndex::scan(&self.ctx)
    }

    fn dir_times_now(&self) -> Vec<Option<std::time::SystemTime>> {
        self.ctx
            .search_path
            .iter()
            .map(|d| std::fs::metadata(d).and_then(|m| m.modified()).ok())
            .collect()
    }

    /// The cached scan if the search path's directories did not change since it was made
    /// (looked at once per turn), else a new one.
    fn current_index(&mut self) -> UnitIndex {
        match self.index.take() {
            Some(index) if self.checked_this_turn => index,
            Some(index) if self.dir_times_now() == self.dir_times => {
                self.checked_this_turn = true;
                index
            }
            _ => self.fresh_scan(),
        }
    }
}

impl UnitSource for SearchPathSource {
    fn load(&mut self, name: &str) -> UnitConfig {
        if let Some(cfg) = self.preloaded.remove(name)
            && (cfg.load_state != linger_unit::model::LoadState::NotFound || self.scanned_this_turn)
        {
            self.stamps.record(&cfg);
            self.note_diagnostics(&cfg);
            return cfg;
        }
        let mut index = self.current_index();
        let mut cfg = load_unit_with(&index, name, &self.ctx);
        if cfg.load_state == linger_unit::model::LoadState::NotFound && !self.scanned_this_turn {
            index = self.fresh_scan();
            cfg = load_unit_with(&index, name, &self.ctx);
        }
        self.index = Some(index);
        self.stamps.record(&cfg);
        self.note_diagnostics(&cfg);
        cfg
    }
}

/// The loader context for a manager: systemd's user search path built from the manager's
/// directories, with `--unit-path` directories first and, when asked, without the
/// system-wide user unit directories.
pub fn load_context(config: &ManagerConfig) -> LoadContext {
    let u = &config.user;
    let vars: Vec<(String, String)> = vec![
        ("HOME".into(), u.home.clone()),
        (
            "XDG_RUNTIME_DIR".into(),
            config.runtime_dir.display().to_string(),
        ),
        (
            "XDG_CONFIG_HOME".into(),
            config.config_home.display().to_string(),
        ),
        (
            "XDG_STATE_HOME".into(),
            config.state_home.display().to_string(),
        ),
        (
            "XDG_CACHE_HOME".into(),
            config.cache_home.display().to_string(),
        ),
        (
            "XDG_DATA_HOME".into(),
            config.data_home.display().to_string(),
        ),
    ];
    let env = |k: &str| {
        vars.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .or_else(|| std::env::var(k).ok())
    };
    let mut ctx = LoadContext::user_default(u.clone(), HostInfo::from_system(), &env);
    if !config.system_unit_dirs {
        let home = &u.home;
        let runtime = &config.runtime_dir;
        ctx.search_path.retain(|p| {
            p.starts_with(home) || p.starts_with(runtime) || p.starts_with(&config.config_home)
        });
    }
    let mut search = config.extra_unit_dirs.clone();
    search.extend(ctx.search_path);
    ctx.search_path = search;
    ctx
}

/// `UnitFileState=` of a loaded unit, empty for units without a file. `states` holds the
/// enablement links (one scan, shared by the units of one call); the unit's own files are
/// looked at through `probe` (see [`UnitFileStates::state_of`]).
pub fn unit_file_state(
    states: &UnitFileStates,
    cfg: &UnitConfig,
    probe: &mut linger_unit::loader::SearchProbe,
) -> String {
    if cfg.fragment_path.is_none() && cfg.load_state != linger_unit::model::LoadState::Masked {
        return String::new();
    }
    states
        .state_of(&cfg.id, &cfg.aliases, probe)
        .map(|s| s.as_str().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use linger_unit::loader::UserInfo;
    use linger_unit::model::LoadState;

    fn source(dir: &std::path::Path) -> SearchPathSource {
        let user = UserInfo {
            name: "u".into(),
            uid: 1000,
            gid: 1000,
            group: "u".into(),
            home: dir.display().to_string(),
            shell: "/bin/sh".into(),
        };
        let mut ctx = LoadContext::user_default(user, HostInfo::from_system(), &|_| None);
        ctx.search_path = vec![dir.to_path_buf()];
        SearchPathSource::new(ctx)
    }

    /// Thousands of names without a file in one turn cost one scan, not one each; a file
    /// written afterwards is found in the next turn.
    #[test]
    fn names_without_a_file_rescan_once_per_turn() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("here.service"),
            "[Service]\nExecStart=/bin/true\n",
        )
        .unwrap();
        let mut s = source(dir.path());
        s.new_turn();
        assert_eq!(s.load("here.service").load_state, LoadState::Loaded);
        for i in 0..3000 {
            let cfg = s.load(&format!("absent-{i}.service"));
            assert_eq!(cfg.load_state, LoadState::NotFound, "absent-{i}");
        }
        assert_eq!(s.scans(), 1, "one scan for the whole turn");
        std::fs::write(
            dir.path().join("late.service"),
            "[Service]\nExecStart=/bin/true\n",
        )
        .unwrap();
        // Same turn: the scan of this turn stands.
        assert_eq!(s.load("late.service").load_state, LoadState::NotFound);
        s.new_turn();
        assert_eq!(s.load("late.service").load_state, LoadState::Loaded);
        assert_eq!(s.scans(), 2);
        // A name found in the scan costs none.
        s.new_turn();
        assert_eq!(s.load("here.service").load_state, LoadState::Loaded);
        assert_eq!(s.scans(), 2);
    }

    /// Units read ahead on two threads load as they would have loaded one by one, and a
    /// name without a file still gets its one rescan in a later turn.
    #[test]
    fn preloaded_units_are_what_a_load_would_read() {
        let dir = tempfile::tempdir().unwrap();
        let names: Vec<String> = (0..40).map(|i| format!("u{i}.service")).collect();
        for (i, n) in names.iter().enumerate() {
            std::fs::write(
                dir.path().join(n),
                format!("[Unit]\nDescription=unit {i}\n[Service]\nExecStart=/bin/sleep {i}\n"),
            )
            .unwrap();
        }
        std::fs::write(dir.path().join("empty.service"), "").unwrap();
        let mut asked = names.clone();
        asked.push("empty.service".into());
        asked.push("absent.service".into());
        let mut one_by_one = source(dir.path());
        one_by_one.new_turn();
        let expected: Vec<UnitConfig> = asked.iter().map(|n| one_by_one.load(n)).collect();
        let mut s = source(dir.path());
        s.new_turn();
        let alongside = s.preload(&asked, || 7);
        assert_eq!(alongside, 7, "what runs meanwhile gives its result");
        // The files change after the read-ahead: this turn's loads are what was read.
        std::fs::write(
            dir.path().join("u0.service"),
            "[Service]\nExecStart=/bin/false\n",
        )
        .unwrap();
        for (n, want) in asked.iter().zip(&expected) {
            assert_eq!(&s.load(n), want, "{n}");
        }
        assert_eq!(expected[40].load_state, LoadState::Masked);
        assert_eq!(s.scans(), 1);
        // A later turn reads afresh.
        s.new_turn();
        assert_ne!(&s.load("u0.service"), &expected[0]);
    }
}
