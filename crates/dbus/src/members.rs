//! The methods and signals linger's objects have: names, argument names and D-Bus types as
//! systemd 252 has them (taken from its introspection data, tests/reference/systemd252/). The
//! dispatcher checks a call's signature against these, and introspection prints them.

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

/// `org.freedesktop.systemd1.Manager`'s methods that linger has.
pub const MANAGER_METHODS: &[Member] = &[
    m("GetUnit", &[("name", "s")], &[("unit", "o")]),
    m("GetUnitByPID", &[("pid", "u")], &[("unit", "o")]),
    m(
        "GetUnitByInvocationID",
        &[("invocation_id", "ay")],
        &[("unit", "o")],
    ),
    m("LoadUnit", &[("name", "s")], &[("unit", "o")]),
    m(
        "StartUnit",
        &[("name", "s"), ("mode", "s")],
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
        "KillUnit",
        &[("name", "s"), ("whom", "s"), ("signal", "i")],
        &[],
    ),
    m("ResetFailedUnit", &[("name", "s")], &[]),
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
    m("GetJob", &[("id", "u")], &[("job", "o")]),
    m("CancelJob", &[("id", "u")], &[]),
    m("ResetFailed", &[], &[]),
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
    m("Reload", &[], &[]),
    m("Reexecute", &[], &[]),
    m("Exit", &[], &[]),
    m("SetEnvironment", &[("assignments", "as")], &[]),
    m("UnsetEnvironment", &[("names", "as")], &[]),
    m(
        "UnsetAndSetEnvironment",
        &[("names", "as"), ("assignments", "as")],
        &[],
    ),
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
        "ReenableUnitFiles",
        &[("files", "as"), ("runtime", "b"), ("force", "b")],
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
];

/// `org.freedesktop.systemd1.Manager`'s signals that linger sends.
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

/// `org.freedesktop.systemd1.Unit`'s methods that linger has.
pub const UNIT_METHODS: &[Member] = &[
    m("Start", &[("mode", "s")], &[("job", "o")]),
    m("Stop", &[("mode", "s")], &[("job", "o")]),
    m("Reload", &[("mode", "s")], &[("job", "o")]),
    m("Restart", &[("mode", "s")], &[("job", "o")]),
    m("TryRestart", &[("mode", "s")], &[("job", "o")]),
    m("ReloadOrRestart", &[("mode", "s")], &[("job", "o")]),
    m("ReloadOrTryRestart", &[("mode", "s")], &[("job", "o")]),
    m("Kill", &[("whom", "s"), ("signal", "i")], &[]),
    m("ResetFailed", &[], &[]),
];

/// `org.freedesktop.systemd1.Job`'s methods.
pub const JOB_METHODS: &[Member] = &[m("Cancel", &[], &[])];

/// `org.freedesktop.systemd1.Job`'s properties (name, type).
pub const JOB_PROPS: &[(&str, &str)] = &[
    ("Id", "u"),
    ("Unit", "(so)"),
    ("JobType", "s"),
    ("State", "s"),
];
