//! The directive names systemd 252 knows, per section, derived from systemd.directives(7) and
//! checked against `systemd-analyze verify` (which names it reports as unknown). linger uses them
//! to tell "systemd knows this, linger does not implement it" from a plain typo.
//! Lists are sorted so lookups can binary-search.

/// `[Unit]` (systemd.unit(5), plus compatibility names systemd still accepts).
pub(crate) const UNIT: &[&str] = &[
    "After", "AllowIsolate", "AssertACPower", "AssertArchitecture", "AssertCPUFeature", "AssertCPUPressure",
    "AssertCPUs", "AssertCapability", "AssertControlGroupController", "AssertCredential",
    "AssertDirectoryNotEmpty", "AssertEnvironment", "AssertFileIsExecutable", "AssertFileNotEmpty",
    "AssertFirstBoot", "AssertGroup", "AssertHost", "AssertIOPressure", "AssertKernelCommandLine",
    "AssertKernelVersion", "AssertMemory", "AssertMemoryPressure", "AssertNeedsUpdate", "AssertOSRelease",
    "AssertPathExists", "AssertPathExistsGlob", "AssertPathIsDirectory", "AssertPathIsEncrypted",
    "AssertPathIsMountPoint", "AssertPathIsReadWrite", "AssertPathIsSymbolicLink", "AssertSecurity",
    "AssertUser", "AssertVirtualization", "Before", "BindTo", "BindsTo", "CollectMode", "ConditionACPower",
    "ConditionArchitecture", "ConditionCPUFeature", "ConditionCPUPressure", "ConditionCPUs",
    "ConditionCapability", "ConditionControlGroupController", "ConditionCredential",
    "ConditionDirectoryNotEmpty", "ConditionEnvironment", "ConditionFileIsExecutable",
    "ConditionFileNotEmpty", "ConditionFirmware", "ConditionFirstBoot", "ConditionGroup", "ConditionHost",
    "ConditionIOPressure", "ConditionKernelCommandLine", "ConditionKernelVersion", "ConditionMemory",
    "ConditionMemoryPressure", "ConditionNeedsUpdate", "ConditionOSRelease", "ConditionPathExists",
    "ConditionPathExistsGlob", "ConditionPathIsDirectory", "ConditionPathIsEncrypted",
    "ConditionPathIsMountPoint", "ConditionPathIsReadWrite", "ConditionPathIsSymbolicLink",
    "ConditionSecurity", "ConditionUser", "ConditionVirtualization", "Conflicts", "DefaultDependencies",
    "Description", "Documentation", "FailureAction", "FailureActionExitStatus", "IgnoreOnIsolate",
    "IgnoreOnSnapshot", "JobRunningTimeoutSec", "JobTimeoutAction", "JobTimeoutRebootArgument",
    "JobTimeoutSec", "JoinsNamespaceOf", "OnFailure", "OnFailureIsolate", "OnFailureJobMode", "OnSuccess",
    "OnSuccessJobMode", "PartOf", "PropagateReloadFrom", "PropagateReloadTo", "PropagatesReloadTo",
    "PropagatesStopTo", "RebootArgument", "RefuseManualStart", "RefuseManualStop", "ReloadPropagatedFrom",
    "Requires", "RequiresMountsFor", "RequiresOverridable", "Requisite", "RequisiteOverridable", "SourcePath",
    "StartLimitAction", "StartLimitBurst", "StartLimitInterval", "StartLimitIntervalSec",
    "StopPropagatedFrom", "StopWhenUnneeded", "SuccessAction", "SuccessActionExitStatus", "Upholds", "Wants",
];

/// `[Install]`.
pub(crate) const INSTALL: &[&str] = &[
    "Alias", "Also", "DefaultInstance", "RequiredBy", "WantedBy",
];

/// systemd.exec(5): valid in `[Service]`, `[Socket]`, `[Mount]`, `[Swap]`.
pub(crate) const EXEC: &[&str] = &[
    "AmbientCapabilities", "AppArmorProfile", "BindPaths", "BindReadOnlyPaths", "CPUAffinity",
    "CPUSchedulingPolicy", "CPUSchedulingPriority", "CPUSchedulingResetOnFork", "CacheDirectory",
    "CacheDirectoryMode", "Capabilities", "CapabilityBoundingSet", "ConfigurationDirectory",
    "ConfigurationDirectoryMode", "CoredumpFilter", "DynamicUser", "Environment", "EnvironmentFile",
    "ExecPaths", "ExecSearchPath", "ExtensionDirectories", "ExtensionImages", "Group", "IOSchedulingClass",
    "IOSchedulingPriority", "IPCNamespacePath", "IgnoreSIGPIPE", "InaccessiblePaths", "KeyringMode",
    "LimitAS", "LimitCORE", "LimitCPU", "LimitDATA", "LimitFSIZE", "LimitLOCKS", "LimitMEMLOCK",
    "LimitMSGQUEUE", "LimitNICE", "LimitNOFILE", "LimitNPROC", "LimitRSS", "LimitRTPRIO", "LimitRTTIME",
    "LimitSIGPENDING", "LimitSTACK", "LoadCredential", "LoadCredentialEncrypted", "LockPersonality",
    "LogExtraFields", "LogLevelMax", "LogNamespace", "LogRateLimitBurst", "LogRateLimitIntervalSec",
    "LogsDirectory", "LogsDirectoryMode", "MemoryDenyWriteExecute", "MountAPIVFS", "MountFlags",
    "MountImages", "NUMAMask", "NUMAPolicy", "NetworkNamespacePath", "Nice", "NoExecPaths", "NoNewPrivileges",
    "OOMScoreAdjust", "PAMName", "PassEnvironment", "Personality", "PrivateDevices", "PrivateIPC",
    "PrivateMounts", "PrivateNetwork", "PrivateTmp", "PrivateUsers", "ProcSubset", "ProtectClock",
    "ProtectControlGroups", "ProtectHome", "ProtectHostname", "ProtectKernelLogs", "ProtectKernelModules",
    "ProtectKernelTunables", "ProtectProc", "ProtectSystem", "ReadOnlyPaths", "ReadWritePaths", "RemoveIPC",
    "RestrictAddressFamilies", "RestrictFileSystems", "RestrictNamespaces", "RestrictRealtime",
    "RestrictSUIDSGID", "RootDirectory", "RootHash", "RootHashSignature", "RootImage", "RootImageOptions",
    "RootVerity", "RuntimeDirectory", "RuntimeDirectoryMode", "RuntimeDirectoryPreserve", "SELinuxContext",
    "SecureBits", "SetCredential", "SetCredentialEncrypted", "SmackProcessLabel", "StandardError",
    "StandardInput", "StandardInputData", "StandardInputText", "StandardOutput", "StateDirectory",
    "StateDirectoryMode", "SupplementaryGroups", "SyslogFacility", "SyslogIdentifier", "SyslogLevel",
    "SyslogLevelPrefix", "SystemCallArchitectures", "SystemCallErrorNumber", "SystemCallFilter",
    "SystemCallLog", "TTYColumns", "TTYPath", "TTYReset", "TTYRows", "TTYVHangup", "TTYVTDisallocate",
    "TemporaryFileSystem", "TimeoutCleanSec", "TimerSlackNSec", "UMask", "UnsetEnvironment", "User",
    "UtmpIdentifier", "UtmpMode", "WorkingDirectory",
];

/// systemd.kill(5): valid in `[Service]`, `[Socket]`, `[Mount]`, `[Swap]`, `[Scope]`.
pub(crate) const KILL: &[&str] = &[
    "FinalKillSignal", "KillMode", "KillSignal", "RestartKillSignal", "SendSIGHUP", "SendSIGKILL",
    "WatchdogSignal",
];

/// systemd.resource-control(5) (plus deprecated names): valid in every section that has a cgroup.
pub(crate) const CGROUP: &[&str] = &[
    "AllowedCPUs", "AllowedMemoryNodes", "BPFProgram", "BlockIOAccounting", "BlockIODeviceWeight",
    "BlockIOReadBandwidth", "BlockIOWeight", "BlockIOWriteBandwidth", "CPUAccounting", "CPUQuota",
    "CPUQuotaPeriodSec", "CPUShares", "CPUWeight", "Delegate", "DeviceAllow", "DevicePolicy",
    "DisableControllers", "IOAccounting", "IODeviceLatencyTargetSec", "IODeviceWeight", "IOReadBandwidthMax",
    "IOReadIOPSMax", "IOWeight", "IOWriteBandwidthMax", "IOWriteIOPSMax", "IPAccounting", "IPAddressAllow",
    "IPAddressDeny", "IPEgressFilterPath", "IPIngressFilterPath", "ManagedOOMMemoryPressure",
    "ManagedOOMMemoryPressureLimit", "ManagedOOMPreference", "ManagedOOMSwap", "MemoryAccounting",
    "MemoryHigh", "MemoryLimit", "MemoryLow", "MemoryMax", "MemoryMin", "MemorySwapMax",
    "RestrictNetworkInterfaces", "Slice", "SocketBindAllow", "SocketBindDeny", "StartupAllowedCPUs",
    "StartupAllowedMemoryNodes", "StartupBlockIOWeight", "StartupCPUShares", "StartupCPUWeight",
    "StartupIOWeight", "TasksAccounting", "TasksMax",
];

/// systemd.service(5) (plus compatibility names).
pub(crate) const SERVICE: &[&str] = &[
    "BusName", "BusPolicy", "ExecCondition", "ExecReload", "ExecStart", "ExecStartPost", "ExecStartPre",
    "ExecStop", "ExecStopPost", "ExitType", "FailureAction", "FileDescriptorStoreMax", "GuessMainPID",
    "NonBlocking", "NotifyAccess", "OOMPolicy", "PIDFile", "PermissionsStartOnly", "RebootArgument",
    "RemainAfterExit", "Restart", "RestartForceExitStatus", "RestartPreventExitStatus", "RestartSec",
    "RootDirectoryStartOnly", "RuntimeMaxSec", "RuntimeRandomizedExtraSec", "Sockets", "StartLimitAction",
    "StartLimitBurst", "StartLimitInterval", "SuccessExitStatus", "SysVStartPriority", "TimeoutAbortSec",
    "TimeoutSec", "TimeoutStartFailureMode", "TimeoutStartSec", "TimeoutStopFailureMode", "TimeoutStopSec",
    "Type", "USBFunctionDescriptors", "USBFunctionStrings", "WatchdogSec",
];

/// systemd.socket(5).
pub(crate) const SOCKET: &[&str] = &[
    "Accept", "Backlog", "BindIPv6Only", "BindToDevice", "Broadcast", "DeferAcceptSec", "DirectoryMode",
    "ExecStartPost", "ExecStartPre", "ExecStopPost", "ExecStopPre", "FileDescriptorName", "FlushPending",
    "FreeBind", "IPTOS", "IPTTL", "KeepAlive", "KeepAliveIntervalSec", "KeepAliveProbes", "KeepAliveTimeSec",
    "ListenDatagram", "ListenFIFO", "ListenMessageQueue", "ListenNetlink", "ListenSequentialPacket",
    "ListenSpecial", "ListenStream", "ListenUSBFunction", "Mark", "MaxConnections", "MaxConnectionsPerSource",
    "MessageQueueMaxMessages", "MessageQueueMessageSize", "NoDelay", "PassCredentials", "PassPacketInfo",
    "PassSecurity", "PipeSize", "Priority", "ReceiveBuffer", "RemoveOnStop", "ReusePort",
    "SELinuxContextFromNet", "SendBuffer", "Service", "SmackLabel", "SmackLabelIPIn", "SmackLabelIPOut",
    "SocketGroup", "SocketMode", "SocketProtocol", "SocketUser", "Symlinks", "TCPCongestion", "TimeoutSec",
    "Timestamping", "Transparent", "TriggerLimitBurst", "TriggerLimitIntervalSec", "Writable",
];

/// systemd.mount(5).
pub(crate) const MOUNT: &[&str] = &[
    "DirectoryMode", "ForceUnmount", "LazyUnmount", "Options", "ReadWriteOnly", "SloppyOptions", "TimeoutSec",
    "Type", "What", "Where",
];

/// systemd.swap(5).
pub(crate) const SWAP: &[&str] = &[
    "Options", "Priority", "TimeoutSec", "What",
];

/// systemd.scope(5).
pub(crate) const SCOPE: &[&str] = &[
    "OOMPolicy", "RuntimeMaxSec", "RuntimeRandomizedExtraSec",
];

/// systemd.timer(5).
pub(crate) const TIMER: &[&str] = &[
    "AccuracySec", "FixedRandomDelay", "OnActiveSec", "OnBootSec", "OnCalendar", "OnClockChange",
    "OnStartupSec", "OnTimezoneChange", "OnUnitActiveSec", "OnUnitInactiveSec", "Persistent",
    "RandomizedDelaySec", "RemainAfterElapse", "Unit", "WakeSystem",
];

/// systemd.path(5).
pub(crate) const PATH: &[&str] = &[
    "DirectoryMode", "DirectoryNotEmpty", "MakeDirectory", "PathChanged", "PathExists", "PathExistsGlob",
    "PathModified", "TriggerLimitBurst", "TriggerLimitIntervalSec", "Unit",
];

/// systemd.automount(5).
pub(crate) const AUTOMOUNT: &[&str] = &[
    "DirectoryMode", "ExtraOptions", "TimeoutIdleSec", "Where",
];

/// Whether systemd 252 accepts `key` in `section` (of any unit type).
pub(crate) fn systemd_knows(section: &str, key: &str) -> bool {
    let lists: &[&[&str]] = match section {
        "Unit" => &[UNIT],
        "Install" => &[INSTALL],
        "Service" => &[SERVICE, EXEC, KILL, CGROUP],
        "Socket" => &[SOCKET, EXEC, KILL, CGROUP],
        "Mount" => &[MOUNT, EXEC, KILL, CGROUP],
        "Swap" => &[SWAP, EXEC, KILL, CGROUP],
        "Scope" => &[SCOPE, KILL, CGROUP],
        "Slice" => &[CGROUP],
        "Timer" => &[TIMER],
        "Path" => &[PATH],
        "Automount" => &[AUTOMOUNT],
        _ => &[],
    };
    lists.iter().any(|l| l.binary_search(&key).is_ok())
}

/// Whether `key` is a resource-control directive (kept raw for the cgroup layer).
pub(crate) fn is_resource_control(key: &str) -> bool {
    CGROUP.binary_search(&key).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted() {
        for l in [UNIT, INSTALL, EXEC, KILL, CGROUP, SERVICE, SOCKET, MOUNT, SWAP, SCOPE, TIMER, PATH, AUTOMOUNT] {
            assert!(l.windows(2).all(|w| w[0] < w[1]), "{:?}", l.first());
        }
        assert!(systemd_knows("Service", "ProtectSystem"));
        assert!(systemd_knows("Service", "MemoryMax"));
        assert!(!systemd_knows("Service", "Description"));
        assert!(systemd_knows("Unit", "ConditionPathExists"));
    }
}
