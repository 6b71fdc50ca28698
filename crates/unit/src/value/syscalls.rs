//! System call names, systemd's `@group`s and errno names, for `SystemCallFilter=` and
//! `SystemCallErrorNumber=`. The tables are generated data (see `crates/unit/gen/`).

use super::ValueError;
use super::address_families::ADDRESS_FAMILIES;
use super::errno_names::ERRNO_NAMES;
use super::syscall_groups::SYSCALL_GROUPS;

/// The members of group `@name` with nested groups expanded, or None for an unknown group.
pub fn syscall_group(name: &str) -> Option<Vec<&'static str>> {
    let mut out = Vec::new();
    expand(name, &mut out, 0)?;
    out.sort_unstable();
    out.dedup();
    Some(out)
}

fn expand(name: &str, out: &mut Vec<&'static str>, depth: u8) -> Option<()> {
    let (_, _, members) = SYSCALL_GROUPS.iter().find(|(g, _, _)| *g == name)?;
    for m in *members {
        if m.starts_with('@') {
            // The table nests only a few levels; a loop would be a generator bug.
            if depth < 8 {
                expand(m, out, depth + 1)?;
            }
        } else {
            out.push(m);
        }
    }
    Some(())
}

/// Names of all groups, with their descriptions.
pub fn syscall_groups() -> impl Iterator<Item = (&'static str, &'static str)> {
    SYSCALL_GROUPS.iter().map(|(g, d, _)| (*g, *d))
}

/// Whether `name` looks like a system call name (the kernel's own spelling).
pub fn syscall_name_is_valid(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// An errno: a name (`EPERM`) or a number 0–4095.
pub fn parse_errno(s: &str) -> Result<i32, ValueError> {
    let t = s.trim();
    if let Some((_, n)) = ERRNO_NAMES.iter().find(|(name, _)| *name == t) {
        return Ok(*n);
    }
    match t.parse::<i32>() {
        Ok(n) if (0..=4095).contains(&n) => Ok(n),
        _ => Err(ValueError::new(
            "expected an errno name such as EPERM or a number between 0 and 4095",
        )),
    }
}

/// The number of address family `AF_…` (Linux).
pub fn address_family_number(name: &str) -> Option<i32> {
    ADDRESS_FAMILIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| *v)
}

/// The name of errno `n` (`EPERM`), if it has one.
pub fn errno_name(n: i32) -> Option<&'static str> {
    ERRNO_NAMES.iter().find(|(_, v)| *v == n).map(|(k, _)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_expand_nested_groups() {
        let svc = syscall_group("@system-service").unwrap();
        for name in ["read", "execve", "socket", "setuid", "mmap"] {
            assert!(svc.contains(&name), "{name}");
        }
        assert!(!svc.contains(&"reboot") && !svc.contains(&"init_module"));
        assert!(syscall_group("@nonesuch").is_none());
    }

    #[test]
    fn errnos() {
        assert_eq!(parse_errno("EPERM"), Ok(1));
        assert_eq!(parse_errno("EUCLEAN"), Ok(117));
        assert_eq!(parse_errno("4095"), Ok(4095));
        assert!(parse_errno("4096").is_err() && parse_errno("EFOO").is_err());
        assert_eq!(errno_name(13), Some("EACCES"));
    }
}
