//! Sandboxing settings of systemd.exec(5) that a user manager can apply.

use std::collections::BTreeMap;

/// `SystemCallFilter=` after merging every assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyscallFilter {
    /// Allow-list (the first assignment had no `~`): everything else is denied.
    pub allow_list: bool,
    /// System call names (groups already expanded) → the errno a denied call returns
    /// (`None`: the default action, `SystemCallErrorNumber=` or kill).
    pub syscalls: BTreeMap<String, Option<i32>>,
}

/// A list of names that is either what is allowed or (`~`) what is denied
/// (`RestrictAddressFamilies=`, `RestrictNamespaces=`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameList {
    /// The names are the only ones allowed.
    pub allow_list: bool,
    /// Names (`AF_UNIX`, `net`, …).
    pub names: Vec<String>,
}

/// `ProtectSystem=`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProtectSystem {
    /// `no`
    #[default]
    No,
    /// `yes`: /usr and /boot read-only.
    Yes,
    /// `full`: also /etc.
    Full,
    /// `strict`: the whole file system except the API file systems.
    Strict,
}

impl ProtectSystem {
    /// Canonical string.
    pub fn as_str(self) -> &'static str {
        match self {
            ProtectSystem::No => "no",
            ProtectSystem::Yes => "yes",
            ProtectSystem::Full => "full",
            ProtectSystem::Strict => "strict",
        }
    }
}

/// `ProtectHome=`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProtectHome {
    /// `no`
    #[default]
    No,
    /// `yes`: /home, /root, /run/user inaccessible.
    Yes,
    /// `read-only`
    ReadOnly,
    /// `tmpfs`: empty (read-only) tmpfs over them.
    Tmpfs,
}

impl ProtectHome {
    /// Canonical string.
    pub fn as_str(self) -> &'static str {
        match self {
            ProtectHome::No => "no",
            ProtectHome::Yes => "yes",
            ProtectHome::ReadOnly => "read-only",
            ProtectHome::Tmpfs => "tmpfs",
        }
    }
}

/// The sandboxing settings linger applies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hardening {
    /// `NoNewPrivileges=`
    pub no_new_privileges: bool,
    /// `SystemCallFilter=`
    pub syscall_filter: Option<SyscallFilter>,
    /// `SystemCallErrorNumber=`: errno of denied calls (None: kill the process).
    pub syscall_errno: Option<i32>,
    /// `SystemCallArchitectures=` (`native`, `x86-64`, `x86`, `x32`, …).
    pub syscall_archs: Vec<String>,
    /// `RestrictAddressFamilies=` (`none` is an empty allow-list).
    pub address_families: Option<NameList>,
    /// `RestrictNamespaces=` (`yes` is an empty allow-list, `no` is None).
    pub namespaces: Option<NameList>,
    /// `LockPersonality=`
    pub lock_personality: bool,
    /// `MemoryDenyWriteExecute=`
    pub memory_deny_write_execute: bool,
    /// `RestrictRealtime=`
    pub restrict_realtime: bool,
    /// `PrivateTmp=`
    pub private_tmp: bool,
    /// `ProtectSystem=`
    pub protect_system: ProtectSystem,
    /// `ProtectHome=`
    pub protect_home: ProtectHome,
    /// `PrivateUsers=`
    pub private_users: bool,
    /// `ReadWritePaths=` (absolute; a leading `-` lets a missing path be skipped).
    pub read_write_paths: Vec<String>,
    /// `ReadOnlyPaths=` (same form).
    pub read_only_paths: Vec<String>,
    /// `InaccessiblePaths=` (same form).
    pub inaccessible_paths: Vec<String>,
}

impl Hardening {
    /// Whether any seccomp filter is asked for (then `NoNewPrivileges=` is implied in a
    /// user manager, as systemd does).
    pub fn wants_seccomp(&self) -> bool {
        self.syscall_filter.is_some()
            || !self.syscall_archs.is_empty()
            || self.address_families.is_some()
            || self.namespaces.is_some()
            || self.lock_personality
            || self.memory_deny_write_execute
            || self.restrict_realtime
    }

    /// Whether a mount namespace is asked for.
    pub fn wants_mount_namespace(&self) -> bool {
        self.private_tmp
            || self.protect_system != ProtectSystem::No
            || self.protect_home != ProtectHome::No
            || !self.read_write_paths.is_empty()
            || !self.read_only_paths.is_empty()
            || !self.inaccessible_paths.is_empty()
    }
}
