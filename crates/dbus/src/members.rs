//! The methods and signals of systemd's interfaces: every one org.freedesktop.systemd1(5)
//! documents for the interfaces linger has, with systemd 252's names, argument names and D-Bus
//! types (tests/tables.rs checks them against the man page). The dispatcher checks a call's
//! signature against these, and introspection prints them; which ones linger carries out and
//! which it refuses as systemd refuses what it cannot do is in manager_methods.rs and
//! dispatch.rs.

/// The manager's interface.
pub const MANAGER: &str = "org.freedesktop.systemd1.Manager";

/// A method or signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// Its name.
    pub name: &'static str,
    /// Input arguments (a signal's arguments): name, type.
    pub args: &'static [(&'static str, &'static str)],
    /// Output arguments: name, type.
    pub out: &'static [(&'static str, &'static str)],
}

impl Member {
    /// The signature a call must have.
    pub fn in_signature(&self) -> String {
        self.args.iter().map(|(_, t)| *t).collect()
    }
}

const fn m(
    name: &'static str,
    args: &'static [(&'static str, &'static str)],
    out: &'static [(&'static str, &'static str)],
) -> Member {
    Member { name, args, out }
}

/// The member `name` of `table`.
pub fn find(table: &'static [Member], name: &str) -> Option<&'static Member> {
    table.iter().find(|m| m.name == name)
}

/// `org.freedesktop.systemd1.Manager`'s methods.
pub const MANAGER_METHODS: &[Member] = &[
    m("GetUnit", &[("name", "s")], &[("unit", "o")]),
    m("GetUnitByPID", &[("pid", "u")], &[("unit", "o")]),
    m(
        "GetUnitByInvocationID",
        &[("invocation_id", "ay")],
        &[("unit", "o")],
    ),
    m(
        "GetUnitByControlGroup",
        &[("cgroup", "s")],
        &[("unit", "o")],
    ),
    m("LoadUnit", &[("name", "s")], &[("unit", "o")]),
    m(
        "StartUnit",
        &[("name", "s"), ("mode", "s")],
        &[("job", "o")],
    ),
    m(
        "StartUnitWithFlags",
        &[("name", "s"), ("mode", "s"), ("flags", "t")],
        &[("job", "o")],
    ),
    m(
        "StartUnitReplace",
        &[("old_unit", "s"), ("new_unit", "s"), ("mode", "s")],
        &[("job", "o")],
    ),
    m("StopUnit", &[("name", "s"), ("mode", "s")], &[("job", "o")]),
    m(
        "ReloadUnit",
        &[("name", "s"), ("mode", "s")],
        &[("job", "o")],
    ),
    m(
        "RestartUnit",
        &[("name", "s"), ("mode", "s")],
        &[("job", "o")],
    ),
    m(
        "TryRestartUnit",
        &[("name", "s"), ("mode", "s")],
        &[("job", "o")],
    ),
    m(
        "ReloadOrRestartUnit",
        &[("name", "s"), ("mode", "s")],
        &[("job", "o")],
    ),
    m(
        "ReloadOrTryRestartUnit",
        &[("name", "s"), ("mode", "s")],
        &[("job", "o")],
    ),
    m(
        "EnqueueUnitJob",
        &[("name", "s"), ("job_type", "s"), ("job_mode", "s")],
        &[
            ("job_id", "u"),
            ("job_path", "o"),
            ("unit_id", "s"),
            ("unit_path", "o"),
            ("job_type", "s"),
            ("affected_jobs", "a(uosos)"),
        ],
    ),
    m(
        "KillUnit",
        &[("name", "s"), ("whom", "s"), ("signal", "i")],
        &[],
    ),
    m("CleanUnit", &[("name", "s"), ("mask", "as")], &[]),
    m("FreezeUnit", &[("name", "s")], &[]),
    m("ThawUnit", &[("name", "s")], &[]),
    m("ResetFailedUnit", &[("name", "s")], &[]),
    m(
        "SetUnitProperties",
        &[("name", "s"), ("runtime", "b"), ("properties", "a(sv)")],
        &[],
    ),
    m(
        "BindMountUnit",
        &[
            ("name", "s"),
            ("source", "s"),
            ("destination", "s"),
            ("read_only", "b"),
            ("mkdir", "b"),
        ],
        &[],
    ),
    m(
        "MountImageUnit",
        &[
            ("name", "s"),
            ("source", "s"),
            ("destination", "s"),
            ("read_only", "b"),
            ("mkdir", "b"),
            ("options", "a(ss)"),
        ],
        &[],
    ),
    m("RefUnit", &[("name", "s")], &[]),
    m("UnrefUnit", &[("name", "s")], &[]),
    m(
        "StartTransientUnit",
        &[
            ("name", "s"),
            ("mode", "s"),
            ("properties", "a(sv)"),
            ("aux", "a(sa(sv))"),
        ],
        &[("job", "o")],
    ),
    m(
        "GetUnitProcesses",
        &[("name", "s")],
        &[("processes", "a(sus)")],
    ),
    m(
        "AttachProcessesToUnit",
        &[("unit_name", "s"), ("subcgroup", "s"), ("pids", "au")],
        &[],
    ),
    m("AbandonScope", &[("name", "s")], &[]),
    m("GetJob", &[("id", "u")], &[("job", "o")]),
    m("GetJobAfter", &[("id", "u")], &[("jobs", "a(usssoo)")]),
    m("GetJobBefore", &[("id", "u")], &[("jobs", "a(usssoo)")]),
    m("CancelJob", &[("id", "u")], &[]),
    m("ClearJobs", &[], &[]),
    m("ResetFailed", &[], &[]),
    m("SetShowStatus", &[("mode", "s")], &[]),
    m("ListUnits", &[], &[("units", "a(ssssssouso)")]),
    m(
        "ListUnitsFiltered",
        &[("states", "as")],
        &[("units", "a(ssssssouso)")],
    ),
    m(
        "ListUnitsByPatterns",
        &[("states", "as"), ("patterns", "as")],
        &[("units", "a(ssssssouso)")],
    ),
    m(
        "ListUnitsByNames",
        &[("names", "as")],
        &[("units", "a(ssssssouso)")],
    ),
    m("ListJobs", &[], &[("jobs", "a(usssoo)")]),
    m("Subscribe", &[], &[]),
    m("Unsubscribe", &[], &[]),
    m("Dump", &[], &[("output", "s")]),
    m(
        "DumpUnitsMatchingPatterns",
        &[("patterns", "as")],
        &[("output", "s")],
    ),
    m("DumpByFileDescriptor", &[], &[("fd", "h")]),
    m(
        "DumpUnitsMatchingPatternsByFileDescriptor",
        &[("patterns", "as")],
        &[("fd", "h")],
    ),
    m("Reload", &[], &[]),
    m("Reexecute", &[], &[]),
    m("Exit", &[], &[]),
    m("Reboot", &[], &[]),
    m("PowerOff", &[], &[]),
    m("Halt", &[], &[]),
    m("KExec", &[], &[]),
    m("SwitchRoot", &[("new_root", "s"), ("init", "s")], &[]),
    m("SetEnvironment", &[("assignments", "as")], &[]),
    m("UnsetEnvironment", &[("names", "as")], &[]),
    m(
        "UnsetAndSetEnvironment",
        &[("names", "as"), ("assignments", "as")],
        &[],
    ),
    m("EnqueueMarkedJobs", &[], &[("jobs", "ao")]),
    m("ListUnitFiles", &[], &[("unit_files", "a(ss)")]),
    m(
        "ListUnitFilesByPatterns",
        &[("states", "as"), ("patterns", "as")],
        &[("unit_files", "a(ss)")],
    ),
    m("GetUnitFileState", &[("file", "s")], &[("state", "s")]),
    m(
        "EnableUnitFiles",
        &[("files", "as"), ("runtime", "b"), ("force", "b")],
        &[("carries_install_info", "b"), ("changes", "a(sss)")],
    ),
    m(
        "DisableUnitFiles",
        &[("files", "as"), ("runtime", "b")],
        &[("changes", "a(sss)")],
    ),
    m(
        "EnableUnitFilesWithFlags",
        &[("files", "as"), ("flags", "t")],
        &[("carries_install_info", "b"), ("changes", "a(sss)")],
    ),
    m(
        "DisableUnitFilesWithFlags",
        &[("files", "as"), ("flags", "t")],
        &[("changes", "a(sss)")],
    ),
    m(
        "ReenableUnitFiles",
        &[("files", "as"), ("runtime", "b"), ("force", "b")],
        &[("carries_install_info", "b"), ("changes", "a(sss)")],
    ),
    m(
        "LinkUnitFiles",
        &[("files", "as"), ("runtime", "b"), ("force", "b")],
        &[("changes", "a(sss)")],
    ),
    m(
        "PresetUnitFiles",
        &[("files", "as"), ("runtime", "b"), ("force", "b")],
        &[("carries_install_info", "b"), ("changes", "a(sss)")],
    ),
    m(
        "PresetUnitFilesWithMode",
        &[
            ("files", "as"),
            ("mode", "s"),
            ("runtime", "b"),
            ("force", "b"),
        ],
        &[("carries_install_info", "b"), ("changes", "a(sss)")],
    ),
    m(
        "MaskUnitFiles",
        &[("files", "as"), ("runtime", "b"), ("force", "b")],
        &[("changes", "a(sss)")],
    ),
    m(
        "UnmaskUnitFiles",
        &[("files", "as"), ("runtime", "b")],
        &[("changes", "a(sss)")],
    ),
    m(
        "RevertUnitFiles",
        &[("files", "as")],
        &[("changes", "a(sss)")],
    ),
    m(
        "SetDefaultTarget",
        &[("name", "s"), ("force", "b")],
        &[("changes", "a(sss)")],
    ),
    m("GetDefaultTarget", &[], &[("name", "s")]),
    m(
        "PresetAllUnitFiles",
        &[("mode", "s"), ("runtime", "b"), ("force", "b")],
        &[("changes", "a(sss)")],
    ),
    m(
        "AddDependencyUnitFiles",
        &[
            ("files", "as"),
            ("target", "s"),
            ("type", "s"),
            ("runtime", "b"),
            ("force", "b"),
        ],
        &[("changes", "a(sss)")],
    ),
    m(
        "GetUnitFileLinks",
        &[("name", "s"), ("runtime", "b")],
        &[("links", "as")],
    ),
    m("SetExitCode", &[("number", "y")], &[]),
    m("LookupDynamicUserByName", &[("name", "s")], &[("uid", "u")]),
    m("LookupDynamicUserByUID", &[("uid", "u")], &[("name", "s")]),
    m("GetDynamicUsers", &[], &[("users", "a(us)")]),
];

/// `org.freedesktop.systemd1.Manager`'s signals.
pub const MANAGER_SIGNALS: &[Member] = &[
    m("UnitNew", &[("id", "s"), ("unit", "o")], &[]),
    m("UnitRemoved", &[("id", "s"), ("unit", "o")], &[]),
    m("JobNew", &[("id", "u"), ("job", "o"), ("unit", "s")], &[]),
    m(
        "JobRemoved",
        &[("id", "u"), ("job", "o"), ("unit", "s"), ("result", "s")],
        &[],
    ),
    m(
        "StartupFinished",
        &[
            ("firmware", "t"),
            ("loader", "t"),
            ("kernel", "t"),
            ("initrd", "t"),
            ("userspace", "t"),
            ("total", "t"),
        ],
        &[],
    ),
    m("UnitFilesChanged", &[], &[]),
    m("Reloading", &[("active", "b")], &[]),
];

/// `org.freedesktop.systemd1.Unit`'s methods.
pub const UNIT_METHODS: &[Member] = &[
    m("Start", &[("mode", "s")], &[("job", "o")]),
    m("Stop", &[("mode", "s")], &[("job", "o")]),
    m("Reload", &[("mode", "s")], &[("job", "o")]),
    m("Restart", &[("mode", "s")], &[("job", "o")]),
    m("TryRestart", &[("mode", "s")], &[("job", "o")]),
    m("ReloadOrRestart", &[("mode", "s")], &[("job", "o")]),
    m("ReloadOrTryRestart", &[("mode", "s")], &[("job", "o")]),
    m(
        "EnqueueJob",
        &[("job_type", "s"), ("job_mode", "s")],
        &[
            ("job_id", "u"),
            ("job_path", "o"),
            ("unit_id", "s"),
            ("unit_path", "o"),
            ("job_type", "s"),
            ("affected_jobs", "a(uosos)"),
        ],
    ),
    m("Kill", &[("whom", "s"), ("signal", "i")], &[]),
    m("ResetFailed", &[], &[]),
    m(
        "SetProperties",
        &[("runtime", "b"), ("properties", "a(sv)")],
        &[],
    ),
    m("Ref", &[], &[]),
    m("Unref", &[], &[]),
    m("Clean", &[("mask", "as")], &[]),
    m("Freeze", &[], &[]),
    m("Thaw", &[], &[]),
];

/// `org.freedesktop.systemd1.Service`'s methods.
pub const SERVICE_METHODS: &[Member] = &[
    m(
        "BindMount",
        &[
            ("source", "s"),
            ("destination", "s"),
            ("read_only", "b"),
            ("mkdir", "b"),
        ],
        &[],
    ),
    m(
        "MountImage",
        &[
            ("source", "s"),
            ("destination", "s"),
            ("read_only", "b"),
            ("mkdir", "b"),
            ("options", "a(ss)"),
        ],
        &[],
    ),
    m("GetProcesses", &[], &[("processes", "a(sus)")]),
    m(
        "AttachProcesses",
        &[("subcgroup", "s"), ("pids", "au")],
        &[],
    ),
];

/// `org.freedesktop.systemd1.Socket`'s methods.
pub const SOCKET_METHODS: &[Member] = &[
    m("GetProcesses", &[], &[("processes", "a(sus)")]),
    m(
        "AttachProcesses",
        &[("subcgroup", "s"), ("pids", "au")],
        &[],
    ),
];

/// `org.freedesktop.systemd1.Target`'s methods.
pub const TARGET_METHODS: &[Member] = &[];

/// `org.freedesktop.systemd1.Timer`'s methods.
pub const TIMER_METHODS: &[Member] = &[];

/// `org.freedesktop.systemd1.Slice`'s methods.
pub const SLICE_METHODS: &[Member] = &[
    m("GetProcesses", &[], &[("processes", "a(sus)")]),
    m(
        "AttachProcesses",
        &[("subcgroup", "s"), ("pids", "au")],
        &[],
    ),
];

/// `org.freedesktop.systemd1.Scope`'s methods.
pub const SCOPE_METHODS: &[Member] = &[
    m("Abandon", &[], &[]),
    m("GetProcesses", &[], &[("processes", "a(sus)")]),
    m(
        "AttachProcesses",
        &[("subcgroup", "s"), ("pids", "au")],
        &[],
    ),
];

/// `org.freedesktop.systemd1.Scope`'s signals.
pub const SCOPE_SIGNALS: &[Member] = &[m("RequestStop", &[], &[])];

/// `org.freedesktop.systemd1.Job`'s methods.
pub const JOB_METHODS: &[Member] = &[
    m("Cancel", &[], &[]),
    m("GetAfter", &[], &[("jobs", "a(usssoo)")]),
    m("GetBefore", &[], &[("jobs", "a(usssoo)")]),
];

/// Every interface with its methods and signals.
pub const INTERFACES: [(&str, &[Member], &[Member]); 9] = [
    (
        "org.freedesktop.systemd1.Manager",
        MANAGER_METHODS,
        MANAGER_SIGNALS,
    ),
    ("org.freedesktop.systemd1.Unit", UNIT_METHODS, &[]),
    ("org.freedesktop.systemd1.Service", SERVICE_METHODS, &[]),
    ("org.freedesktop.systemd1.Socket", SOCKET_METHODS, &[]),
    ("org.freedesktop.systemd1.Target", TARGET_METHODS, &[]),
    ("org.freedesktop.systemd1.Timer", TIMER_METHODS, &[]),
    ("org.freedesktop.systemd1.Slice", SLICE_METHODS, &[]),
    (
        "org.freedesktop.systemd1.Scope",
        SCOPE_METHODS,
        SCOPE_SIGNALS,
    ),
    ("org.freedesktop.systemd1.Job", JOB_METHODS, &[]),
];

/// The methods and signals of interface `name` (none for an interface linger has not).
pub fn of(name: &str) -> (&'static str, &'static [Member], &'static [Member]) {
    INTERFACES
        .iter()
        .copied()
        .find(|(n, _, _)| *n == name)
        .unwrap_or(("", &[], &[]))
}
