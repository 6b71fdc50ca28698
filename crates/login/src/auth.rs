//! Who may call what: decided by the caller's uid from SO_PEERCRED only (DESIGN.md §4). A user
//! may read everything and change only their own linger and sessions; root may do anything;
//! registering sessions (the PAM module's job) and reloading the policy are root's.

use linger_ipc::login::method;

/// The rule a method falls under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Read-only: anyone.
    Anyone,
    /// Changes the target user's state: that user, or root.
    OwnerOrRoot,
    /// Root only.
    RootOnly,
}

/// The rule of a method name; `None` for unknown methods.
pub fn rule(name: &str) -> Option<Rule> {
    Some(match name {
        method::LIST_SESSIONS
        | method::LIST_USERS
        | method::SESSION_PROPERTIES
        | method::USER_PROPERTIES
        | method::MANAGER
        | "org.varlink.service.GetInfo" => Rule::Anyone,
        method::RELEASE_SESSION
        | method::SET_LINGER
        | method::TERMINATE_SESSION
        | method::TERMINATE_USER
        | method::KILL_SESSION
        | method::KILL_USER
        | method::ATTACH_PROCESS
        | method::WAIT_USER_MANAGER => Rule::OwnerOrRoot,
        method::CREATE_SESSION | method::RELOAD => Rule::RootOnly,
        _ => return None,
    })
}

/// Whether `caller` may apply `rule` to something owned by `target` (a uid; `None` when the
/// call names no user or session).
pub fn allowed(rule: Rule, caller: u32, target: Option<u32>) -> bool {
    match rule {
        Rule::Anyone => true,
        Rule::RootOnly => caller == 0,
        Rule::OwnerOrRoot => caller == 0 || target == Some(caller),
    }
}

/// The message every refusal carries (error `io.linger.Login.AccessDenied`).
pub const DENIED: &str = "Access denied";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        // (method, caller, target, allowed)
        let cases: &[(&str, u32, Option<u32>, bool)] = &[
            (method::LIST_SESSIONS, 1000, None, true),
            (method::LIST_USERS, 1000, None, true),
            (method::USER_PROPERTIES, 1000, Some(1001), true),
            (method::SESSION_PROPERTIES, 1000, Some(0), true),
            (method::MANAGER, 65534, None, true),
            (method::SET_LINGER, 1000, Some(1000), true),
            (method::SET_LINGER, 1000, Some(1001), false),
            (method::SET_LINGER, 1000, Some(0), false),
            (method::SET_LINGER, 0, Some(1000), true),
            (method::RELEASE_SESSION, 1000, Some(1000), true),
            (method::RELEASE_SESSION, 1001, Some(1000), false),
            (method::TERMINATE_SESSION, 1001, Some(1000), false),
            (method::TERMINATE_SESSION, 0, Some(1000), true),
            (method::TERMINATE_USER, 1000, Some(1000), true),
            (method::TERMINATE_USER, 1000, Some(1001), false),
            (method::KILL_SESSION, 1000, Some(1000), true),
            (method::KILL_SESSION, 1000, None, false),
            (method::KILL_USER, 1001, Some(1000), false),
            (method::CREATE_SESSION, 1000, Some(1000), false),
            (method::CREATE_SESSION, 0, Some(1000), true),
            (method::RELOAD, 1000, None, false),
            (method::RELOAD, 0, None, true),
        ];
        let mut bad = Vec::new();
        for (m, caller, target, want) in cases {
            let got = rule(m).is_some_and(|r| allowed(r, *caller, *target));
            if got != *want {
                bad.push(format!(
                    "{m} caller {caller} target {target:?}: want {want}, got {got}"
                ));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
        assert_eq!(rule("io.linger.Login.Nope"), None);
    }
}
