//! `RuntimeDirectory=`, `StateDirectory=`, `CacheDirectory=`, `LogsDirectory=`,
//! `ConfigurationDirectory=` (systemd.exec(5) "Automatic directory creation").

/// Which of the five kinds a directory is; each has its root, its `$…_DIRECTORY` variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DirectoryKind {
    /// `RuntimeDirectory=` (below `$XDG_RUNTIME_DIR`; removed when the unit stops).
    Runtime,
    /// `StateDirectory=`
    State,
    /// `CacheDirectory=`
    Cache,
    /// `LogsDirectory=`
    Logs,
    /// `ConfigurationDirectory=`
    Configuration,
}

impl DirectoryKind {
    /// All kinds, in systemd's order.
    pub const ALL: [DirectoryKind; 5] = [
        DirectoryKind::Runtime,
        DirectoryKind::State,
        DirectoryKind::Cache,
        DirectoryKind::Logs,
        DirectoryKind::Configuration,
    ];

    /// The directive without `=` (`RuntimeDirectory`).
    pub fn directive(self) -> &'static str {
        match self {
            DirectoryKind::Runtime => "RuntimeDirectory",
            DirectoryKind::State => "StateDirectory",
            DirectoryKind::Cache => "CacheDirectory",
            DirectoryKind::Logs => "LogsDirectory",
            DirectoryKind::Configuration => "ConfigurationDirectory",
        }
    }

    /// The environment variable listing the directories (`RUNTIME_DIRECTORY`).
    pub fn variable(self) -> &'static str {
        match self {
            DirectoryKind::Runtime => "RUNTIME_DIRECTORY",
            DirectoryKind::State => "STATE_DIRECTORY",
            DirectoryKind::Cache => "CACHE_DIRECTORY",
            DirectoryKind::Logs => "LOGS_DIRECTORY",
            DirectoryKind::Configuration => "CONFIGURATION_DIRECTORY",
        }
    }

    /// The kind a `…Directory=`/`…DirectoryMode=` directive is about.
    pub fn of_directive(key: &str) -> Option<DirectoryKind> {
        let base = key.strip_suffix("Mode").unwrap_or(key);
        DirectoryKind::ALL
            .into_iter()
            .find(|k| k.directive() == base)
    }
}

/// One entry: a relative path below the kind's root, and symlinks to it (`foo:bar`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecDirectory {
    /// Relative, normalized path (`foo/bar`).
    pub path: String,
    /// Relative paths of symlinks to make pointing at it.
    pub symlinks: Vec<String>,
}

/// The entries of one kind and their mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectorySet {
    /// In file order, one entry per path.
    pub entries: Vec<ExecDirectory>,
    /// `…DirectoryMode=` (default 0755), applied to the innermost directories.
    pub mode: u32,
}

impl Default for DirectorySet {
    fn default() -> Self {
        DirectorySet {
            entries: Vec::new(),
            mode: 0o755,
        }
    }
}

/// `RuntimeDirectoryPreserve=`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RuntimePreserve {
    /// Removed when the unit stops (default).
    #[default]
    No,
    /// Kept.
    Yes,
    /// Kept across restarts, removed on stop.
    Restart,
}

impl RuntimePreserve {
    /// Canonical string.
    pub fn as_str(self) -> &'static str {
        match self {
            RuntimePreserve::No => "no",
            RuntimePreserve::Yes => "yes",
            RuntimePreserve::Restart => "restart",
        }
    }
}

/// All five kinds of a unit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExecDirectories {
    /// Indexed like [`DirectoryKind::ALL`].
    pub sets: [DirectorySet; 5],
    /// `RuntimeDirectoryPreserve=`
    pub runtime_preserve: RuntimePreserve,
}

impl ExecDirectories {
    /// The set of `kind`.
    pub fn get(&self, kind: DirectoryKind) -> &DirectorySet {
        &self.sets[kind as usize]
    }

    /// The set of `kind`, to change.
    pub fn get_mut(&mut self, kind: DirectoryKind) -> &mut DirectorySet {
        &mut self.sets[kind as usize]
    }

    /// Whether no directory of any kind is configured.
    pub fn is_empty(&self) -> bool {
        self.sets.iter().all(|s| s.entries.is_empty())
    }
}
