//! The engine's [`UnitSource`] over the real search path (crate linger-unit's loader).

use linger_engine::UnitSource;
use linger_unit::loader::{HostInfo, LoadContext, UnitFileStates, UnitIndex, load_unit_with};
use linger_unit::model::UnitConfig;

use crate::config::ManagerConfig;
use crate::need_reload::LoadStamps;

/// Loads units from the user's search path. The directory scan is cached (like systemd's
/// lookup cache) and redone on daemon-reload, or when a name is not found (a file may have
/// been added since).
#[derive(Debug)]
pub struct SearchPathSource {
    /// The loader context (search path, user, specifier values).
    pub ctx: LoadContext,
    index: Option<UnitIndex>,
    /// What each loaded unit's files looked like when read (`NeedDaemonReload=`).
    pub stamps: LoadStamps,
}

impl SearchPathSource {
    /// A source over `ctx`.
    pub fn new(ctx: LoadContext) -> Self {
        SearchPathSource {
            ctx,
            index: None,
            stamps: LoadStamps::default(),
        }
    }

    /// Forget the cached directory scan (daemon-reload, enable/disable/mask).
    pub fn rescan(&mut self) {
        self.index = None;
    }
}

impl UnitSource for SearchPathSource {
    fn load(&mut self, name: &str) -> UnitConfig {
        let fresh = self.index.is_none();
        let index = self.index.get_or_insert_with(|| UnitIndex::scan(&self.ctx));
        let mut cfg = load_unit_with(index, name, &self.ctx);
        if cfg.load_state == linger_unit::model::LoadState::NotFound && !fresh {
            let index = self.index.insert(UnitIndex::scan(&self.ctx));
            cfg = load_unit_with(index, name, &self.ctx);
        }
        self.stamps.record(&cfg);
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

/// `UnitFileState=` of a loaded unit, empty for units without a file.
/// `states` is one scan of the search path, shared by the units of one call.
pub fn unit_file_state(states: &UnitFileStates, cfg: &UnitConfig) -> String {
    if cfg.fragment_path.is_none() && cfg.load_state != linger_unit::model::LoadState::Masked {
        return String::new();
    }
    states
        .state(&cfg.id)
        .map(|s| s.as_str().to_string())
        .unwrap_or_default()
}
