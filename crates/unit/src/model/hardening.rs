//! Sandboxing settings of systemd.exec(5) that a user manager can apply.

use std::collections::BTreeMap;

/// `CAP_SYS_MODULE`'s number (capability(7)); the names are in `value::capability`.
pub const CAP_SYS_MODULE: u32 = 16;
/// `CAP_SYS_RAWIO` (capability(7)).
pub const CAP_SYS_RAWIO: u32 = 17;
/// `CAP_SYS_TIME` (capability(7)).
pub const CAP_SYS_TIME: u32 = 25;
/// `CAP_MKNOD` (capability(7)).
pub const CAP_MKNOD: u32 = 27;
/// `CAP_SYSLOG` (capability(7)).
pub const CAP_SYSLOG: u32 = 34;
/// `CAP_WAKE_ALARM` (capability(7)).
pub const CAP_WAKE_ALARM: u32 = 35;

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

/// `RestrictNamespaces=`'s names and their `CLONE_NEW*` flags, in systemd 252's order (the
/// one source of both: the parser, seccomp and `systemctl show` read it).
pub const NAMESPACE_FLAGS: [(&str, u64); 7] = [
    ("cgroup", 0x0200_0000),
    ("ipc", 0x0800_0000),
    ("net", 0x4000_0000),
    ("mnt", 0x0002_0000),
    ("pid", 0x2000_0000),
    ("user", 0x1000_0000),
    ("uts", 0x0400_0000),
];

/// Every namespace flag of [`NAMESPACE_FLAGS`].
pub const ALL_NAMESPACES: u64 = {
    let mut all = 0;
    let mut i = 0;
    while i < NAMESPACE_FLAGS.len() {
        all |= NAMESPACE_FLAGS[i].1;
        i += 1;
    }
    all
};

/// The `CLONE_NEW*` flag of a `RestrictNamespaces=` name.
pub fn namespace_flag(name: &str) -> Option<u64> {
    NAMESPACE_FLAGS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, flag)| *flag)
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
    /// `ProtectKernelTunables=`: /proc/sys & co. and /sys read-only, /proc/kallsyms and
    /// /proc/kcore inaccessible.
    pub protect_kernel_tunables: bool,
    /// `ProtectControlGroups=`: /sys/fs/cgroup read-only.
    pub protect_control_groups: bool,
    /// `ReadWritePaths=` (absolute; a leading `-` lets a missing path be skipped).
    pub read_write_paths: Vec<String>,
    /// `ReadOnlyPaths=` (same form).
    pub read_only_paths: Vec<String>,
    /// `InaccessiblePaths=` (same form).
    pub inaccessible_paths: Vec<String>,
    /// `CapabilityBoundingSet=`: the capabilities kept, by bit (None: unset, all kept).
    pub capability_bounding_set: Option<u64>,
    /// `AmbientCapabilities=`: the capabilities raised into the ambient set, by bit (0: none).
    pub ambient_capabilities: u64,
    /// `ProtectKernelModules=`: the module system calls refused, `CAP_SYS_MODULE` out of the
    /// bounding set, `/usr/lib/modules` inaccessible.
    pub protect_kernel_modules: bool,
    /// `PrivateNetwork=`: a network namespace with only `lo`.
    pub private_network: bool,
    /// `PrivateIPC=`: an IPC namespace.
    pub private_ipc: bool,
    /// `ProtectHostname=`: a UTS namespace, `sethostname`/`setdomainname` refused.
    pub protect_hostname: bool,
    /// `PrivateDevices=`: a minimal `/dev`, `@raw-io` refused, `CAP_MKNOD` and
    /// `CAP_SYS_RAWIO` out of the bounding set.
    pub private_devices: bool,
    /// `ProtectClock=`: `@clock` refused, `CAP_SYS_TIME` and `CAP_WAKE_ALARM` out of the
    /// bounding set.
    pub protect_clock: bool,
    /// `ProtectKernelLogs=`: `syslog(2)` refused, `/proc/kmsg` and `/dev/kmsg` inaccessible,
    /// `CAP_SYSLOG` out of the bounding set.
    pub protect_kernel_logs: bool,
    /// `RestrictSUIDSGID=`: no set-user-ID or set-group-ID bit on files made or changed.
    pub restrict_suid_sgid: bool,
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
            || self.protect_kernel_modules
            || self.protect_hostname
            || self.private_devices
            || self.protect_clock
            || self.protect_kernel_logs
            || self.restrict_suid_sgid
    }

    /// The capability bounding set the service gets (None: not limited): its
    /// `CapabilityBoundingSet=`, without what `ProtectKernelModules=` (`CAP_SYS_MODULE`),
    /// `PrivateDevices=` (`CAP_MKNOD`, `CAP_SYS_RAWIO`), `ProtectClock=` (`CAP_SYS_TIME`,
    /// `CAP_WAKE_ALARM`) and `ProtectKernelLogs=` (`CAP_SYSLOG`) take out, as systemd does.
    pub fn bounding_set(&self) -> Option<u64> {
        let bit = |cap: u32| 1u64 << cap;
        let mut dropped = 0;
        if self.protect_kernel_modules {
            dropped |= bit(CAP_SYS_MODULE);
        }
        if self.private_devices {
            dropped |= bit(CAP_MKNOD) | bit(CAP_SYS_RAWIO);
        }
        if self.protect_clock {
            dropped |= bit(CAP_SYS_TIME) | bit(CAP_WAKE_ALARM);
        }
        if self.protect_kernel_logs {
            dropped |= bit(CAP_SYSLOG);
        }
        match self.capability_bounding_set {
            _ if dropped != 0 => Some(self.capability_bounding_set.unwrap_or(u64::MAX) & !dropped),
            set => set,
        }
    }

    /// The `CLONE_NEW*` namespaces other than the user and mount ones that the settings ask
    /// for: network (`PrivateNetwork=`), IPC (`PrivateIPC=`), UTS (`ProtectHostname=`).
    pub fn other_namespaces(&self) -> u64 {
        let mut flags = 0;
        for (on, name) in [
            (self.private_network, "net"),
            (self.private_ipc, "ipc"),
            (self.protect_hostname, "uts"),
        ] {
            if on {
                flags |= namespace_flag(name).unwrap_or(0);
            }
        }
        flags
    }

    /// The `CLONE_NEW*` flags `RestrictNamespaces=` allows, as systemd's D-Bus property
    /// `RestrictNamespaces` (type `t`) carries them: every bit set when the setting is unset.
    pub fn namespaces_allowed_mask(&self) -> u64 {
        match &self.namespaces {
            None => u64::MAX,
            Some(list) => list
                .names
                .iter()
                .filter_map(|n| namespace_flag(n))
                .fold(0, |mask, flag| mask | flag),
        }
    }

    /// `RestrictNamespaces=` as `systemctl show` prints systemd's property: `yes` when no
    /// namespace may be made, `no` when every one may (or it is unset), else the allowed
    /// names in systemd's order.
    pub fn namespaces_allowed_text(&self) -> String {
        let mask = self.namespaces_allowed_mask();
        if mask & ALL_NAMESPACES == 0 {
            return "yes".into();
        }
        if mask & ALL_NAMESPACES == ALL_NAMESPACES {
            return "no".into();
        }
        let names: Vec<&str> = NAMESPACE_FLAGS
            .iter()
            .filter(|(_, flag)| mask & flag != 0)
            .map(|(name, _)| *name)
            .collect();
        names.join(" ")
    }

    /// Whether a mount namespace is asked for.
    pub fn wants_mount_namespace(&self) -> bool {
        self.private_tmp
            || self.protect_system != ProtectSystem::No
            || self.protect_home != ProtectHome::No
            || self.protect_kernel_tunables
            || self.protect_control_groups
            || !self.read_write_paths.is_empty()
            || !self.read_only_paths.is_empty()
            || !self.inaccessible_paths.is_empty()
            || self.protect_kernel_modules
            || self.private_devices
            || self.protect_kernel_logs
    }
}
