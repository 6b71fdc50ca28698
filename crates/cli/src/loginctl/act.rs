//! enable-linger, disable-linger, terminate-session/-user, kill-session/-user. Each stops at
//! the first failure and prints it as "`what`: message" ("Could not disable linger: Access
//! denied").

use std::process::ExitCode;

use linger_ipc::login::{self as api, method};
use serde::Serialize;

use super::{Opts, connect, message};
use crate::output::fail;

/// Make one call per request; the first failure is printed as "`what`: message".
fn each<T: Serialize>(m: &str, requests: &[T], what: &str) -> ExitCode {
    let mut client = match connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    for r in requests {
        let params = serde_json::to_value(r).unwrap_or_default();
        if let Err(e) = client.call(m, params) {
            return fail(&format!("{what}: {}", message(&e)));
        }
    }
    ExitCode::SUCCESS
}

/// `enable-linger` / `disable-linger`: no user means the caller (an empty name).
pub fn linger(users: &[String], enable: bool) -> ExitCode {
    let own = [String::new()];
    let users = if users.is_empty() { &own[..] } else { users };
    let reqs: Vec<api::SetLingerRequest> = users
        .iter()
        .map(|u| api::SetLingerRequest {
            user: u.clone(),
            enable,
        })
        .collect();
    let what = if enable {
        "Could not enable linger"
    } else {
        "Could not disable linger"
    };
    each(method::SET_LINGER, &reqs, what)
}

/// `terminate-session`.
pub fn terminate_sessions(ids: &[String]) -> ExitCode {
    let reqs: Vec<api::SessionRequest> = ids
        .iter()
        .map(|id| api::SessionRequest { id: id.clone() })
        .collect();
    each(
        method::TERMINATE_SESSION,
        &reqs,
        "Could not terminate session",
    )
}

/// `terminate-user`.
pub fn terminate_users(users: &[String]) -> ExitCode {
    let reqs: Vec<api::UserRequest> = users
        .iter()
        .map(|u| api::UserRequest { user: u.clone() })
        .collect();
    each(method::TERMINATE_USER, &reqs, "Could not terminate user")
}

/// The signal of `--signal` (SIGTERM by default); `Err` carries the exit code for `help`,
/// `list` (which print and succeed) and invalid names.
fn signal(o: &Opts) -> Result<i32, ExitCode> {
    let Some(s) = o.signal.as_deref() else {
        return Ok(15);
    };
    match s {
        "help" => {
            for n in 1..=64 {
                println!("{}", signal_string(n));
            }
            Err(ExitCode::SUCCESS)
        }
        "list" => {
            for n in 1..=64 {
                println!("{n:2} {}", signal_string(n));
            }
            Err(ExitCode::SUCCESS)
        }
        _ => linger_unit::value::parse_signal(s)
            .map_err(|_| fail(&format!("Failed to parse signal string {s}."))),
    }
}

/// `SIGTERM`, `SIGRTMIN+3` (32 and 33 are the C library's own).
fn signal_string(n: i32) -> String {
    match linger_unit::value::signal_name(n) {
        Some(name) => format!("SIG{name}"),
        None if n >= 34 => format!("SIGRTMIN+{}", n - 34),
        None => n.to_string(),
    }
}

/// `kill-session` (`--kill-whom=leader|all`, default all).
pub fn kill_sessions(ids: &[String], o: &Opts) -> ExitCode {
    let whom = o.kill_whom.as_deref().unwrap_or("all");
    if !matches!(whom, "leader" | "all") {
        return fail(&format!(
            "Invalid --kill-whom= value '{whom}': expected leader or all."
        ));
    }
    let sig = match signal(o) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let reqs: Vec<api::KillSessionRequest> = ids
        .iter()
        .map(|id| api::KillSessionRequest {
            id: id.clone(),
            whom: whom.to_string(),
            signal: sig,
        })
        .collect();
    each(method::KILL_SESSION, &reqs, "Could not kill session")
}

/// `kill-user`.
pub fn kill_users(users: &[String], o: &Opts) -> ExitCode {
    let sig = match signal(o) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let reqs: Vec<api::KillUserRequest> = users
        .iter()
        .map(|u| api::KillUserRequest {
            user: u.clone(),
            signal: sig,
        })
        .collect();
    each(method::KILL_USER, &reqs, "Could not kill user")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signal_strings() {
        assert_eq!(signal_string(1), "SIGHUP");
        assert_eq!(signal_string(15), "SIGTERM");
        assert_eq!(signal_string(34), "SIGRTMIN+0");
        assert_eq!(signal_string(64), "SIGRTMIN+30");
        assert_eq!(signal_string(32), "32");
    }
}
