//! The one cgroup-name escaper (systemd's `cg_escape()`): the cgroup crate builds unit cgroup
//! paths with it, the unit crate's specifiers print them, so the two always agree.

use std::borrow::Cow;

/// The cgroup controllers systemd 252 knows, in its order: a directory named like
/// `CONTROLLER.x` is escaped, and `Delegate=` may name them (linger-unit).
pub const CONTROLLERS: &[&str] = &[
    "cpu",
    "cpuacct",
    "cpuset",
    "io",
    "blkio",
    "memory",
    "devices",
    "pids",
    "bpf-firewall",
    "bpf-devices",
    "bpf-foreign",
    "bpf-socket-bind",
    "bpf-restrict-network-interfaces",
];

/// A cgroup directory name for `name` that cannot clash with the kernel's files: names that
/// start with `_` or `.`, name a v1 attribute file (`tasks`, …), start with `cgroup.`, or whose
/// part before the last dot is a controller's name get a `_` prefix, as systemd does.
pub fn cgroup_escape(name: &str) -> Cow<'_, str> {
    let clash = name.is_empty()
        || name.starts_with('_')
        || name.starts_with('.')
        || name.starts_with("cgroup.")
        || matches!(name, "notify_on_release" | "release_agent" | "tasks")
        || name
            .rsplit_once('.')
            .is_some_and(|(head, _)| CONTROLLERS.contains(&head));
    if clash {
        Cow::Owned(format!("_{name}"))
    } else {
        Cow::Borrowed(name)
    }
}

#[cfg(test)]
mod tests {
    use super::cgroup_escape;

    #[test]
    fn as_systemd_escapes() {
        for (name, want) in [
            ("foo.service", "foo.service"),
            ("cpu.service", "_cpu.service"),
            ("memory.slice", "_memory.slice"),
            ("bpf-firewall.service", "_bpf-firewall.service"),
            // Only the part before the last dot counts (systemd's strrchr).
            ("memory.x.service", "memory.x.service"),
            ("cgroup.procs.service", "_cgroup.procs.service"),
            ("tasks", "_tasks"),
            ("_x.service", "__x.service"),
            (".hidden", "_.hidden"),
            ("freezer.service", "freezer.service"),
        ] {
            assert_eq!(cgroup_escape(name), want, "{name}");
        }
    }
}
