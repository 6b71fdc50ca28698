//! User units depending on units only the system manager has (`network-online.target`,
//! `multi-user.target`, mounts, devices …): such a dependency never works in a user manager.

use std::path::PathBuf;

use super::{at, find_line};
use crate::diag::{Diagnostic, Severity};
use crate::loader::UnitIndex;
use crate::model::UnitConfig;
use crate::syntax::Assignment;

const NETWORK: &str = "The user manager has no network targets. Drop the dependency; if the program needs the \
network at start (e.g. a lingering service started at boot), let it retry, or add \
ExecStartPre=/bin/sh -c 'until getent hosts example.org; do sleep 1; done'.";
const DEFAULT_TARGET: &str =
    "The user manager's equivalent is default.target: write WantedBy=default.target.";
const SYSTEM_STATE: &str = "The user manager starts after the system is up, so this is already satisfied. \
Drop the dependency.";
const SYSTEM_SERVICE: &str = "A user unit cannot depend on system services. Drop the dependency, or make the \
program wait for the service itself.";
const MOUNT_DEVICE: &str = "Mount, swap, automount and device units exist only in the system manager. Use \
ConditionPathIsMountPoint= or ConditionPathExists= instead.";

/// Units only the system manager has, with advice for a user unit.
const SYSTEM_ONLY: &[(&str, &str)] = &[
    ("network.target", NETWORK),
    ("network-online.target", NETWORK),
    ("network-pre.target", NETWORK),
    ("nss-lookup.target", NETWORK),
    ("multi-user.target", DEFAULT_TARGET),
    ("graphical.target", DEFAULT_TARGET),
    ("sysinit.target", SYSTEM_STATE),
    ("local-fs.target", SYSTEM_STATE),
    ("local-fs-pre.target", SYSTEM_STATE),
    ("remote-fs.target", SYSTEM_STATE),
    ("swap.target", SYSTEM_STATE),
    ("cryptsetup.target", SYSTEM_STATE),
    ("time-sync.target", SYSTEM_STATE),
    ("time-set.target", SYSTEM_STATE),
    ("nss-user-lookup.target", SYSTEM_STATE),
    ("rescue.target", SYSTEM_STATE),
    ("emergency.target", SYSTEM_STATE),
    ("getty.target", SYSTEM_STATE),
    ("systemd-networkd.service", SYSTEM_SERVICE),
    ("systemd-networkd-wait-online.service", SYSTEM_SERVICE),
    ("NetworkManager.service", SYSTEM_SERVICE),
    ("NetworkManager-wait-online.service", SYSTEM_SERVICE),
    ("systemd-resolved.service", SYSTEM_SERVICE),
    ("systemd-journald.service", SYSTEM_SERVICE),
    ("systemd-logind.service", SYSTEM_SERVICE),
    ("docker.service", SYSTEM_SERVICE),
    ("postgresql.service", SYSTEM_SERVICE),
    ("mysql.service", SYSTEM_SERVICE),
    ("mariadb.service", SYSTEM_SERVICE),
];

/// Whether `name` is known to exist only in the system manager.
pub(crate) fn is_system_only(name: &str) -> bool {
    SYSTEM_ONLY.iter().any(|(n, _)| *n == name)
}

fn advice(name: &str, index: &UnitIndex) -> Option<&'static str> {
    if let Some((_, a)) = SYSTEM_ONLY.iter().find(|(n, _)| *n == name) {
        // A user may really have made such a unit; then it is theirs and fine.
        return index.entry(name).is_none().then_some(*a);
    }
    let ty = name.rsplit_once('.').map_or("", |(_, t)| t);
    (matches!(ty, "mount" | "swap" | "automount" | "device") && index.entry(name).is_none())
        .then_some(MOUNT_DEVICE)
}

/// Warn about every system-only unit named in a dependency or `[Install]` list.
pub(crate) fn check(
    cfg: &UnitConfig,
    files: &[(PathBuf, Assignment)],
    index: &UnitIndex,
    out: &mut Vec<Diagnostic>,
) {
    let u = &cfg.unit;
    let i = &cfg.install;
    let lists: [(&str, &Vec<String>); 13] = [
        ("Requires", &u.requires),
        ("Wants", &u.wants),
        ("Requisite", &u.requisite),
        ("BindsTo", &u.binds_to),
        ("PartOf", &u.part_of),
        ("Upholds", &u.upholds),
        ("Conflicts", &u.conflicts),
        ("After", &u.after),
        ("Before", &u.before),
        ("OnFailure", &u.on_failure),
        ("OnSuccess", &u.on_success),
        ("WantedBy", &i.wanted_by),
        ("RequiredBy", &i.required_by),
    ];
    for (key, list) in lists {
        for dep in list {
            if let Some(advice) = advice(dep, index) {
                out.push(at(
                    find_line(files, key, dep),
                    Severity::Warning,
                    format!("{key}={dep}: {dep} exists only in the system manager, so this cannot work in a user unit. {advice}"),
                ));
            }
        }
    }
}
