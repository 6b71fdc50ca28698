//! show-session, show-user, show (properties) and session-status, user-status (loginctl's
//! human layout). The daemon sends properties as loginctl's `Name=value` lines.

use std::collections::BTreeMap;
use std::process::ExitCode;

use linger_ipc::login::{self as api, method};
use serde_json::{Value, json};

use super::{Opts, connect, message};
use crate::output::fail;

/// One object's properties, in the daemon's order.
type Props = Vec<(String, String)>;

fn split(lines: Vec<String>) -> Props {
    lines
        .into_iter()
        .map(|l| match l.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (l, String::new()),
        })
        .collect()
}

fn fetch(client: &mut linger_ipc::Client, m: &str, params: Value) -> Result<Props, String> {
    let v = client.call(m, params).map_err(|e| message(&e))?;
    let r: api::PropertiesReply =
        serde_json::from_value(v).map_err(|e| format!("Malformed reply to {m}: {e}"))?;
    Ok(split(r.properties))
}

/// Render `show-*` output: selected properties (`-p`; all by default), empty ones only with
/// `--all` or when asked for by name (as loginctl does), `--value` without names.
pub fn render_properties(props: &Props, o: &Opts) -> String {
    let mut out = String::new();
    for (k, v) in props {
        let asked = o.property.iter().any(|p| p == k);
        if !o.property.is_empty() && !asked {
            continue;
        }
        if v.is_empty() && !o.all && !asked {
            continue;
        }
        if o.value {
            out.push_str(&format!("{v}\n"));
        } else {
            out.push_str(&format!("{k}={v}\n"));
        }
    }
    out
}

fn props_json(props: &Props, o: &Opts) -> Value {
    let map: serde_json::Map<String, Value> = props
        .iter()
        .filter(|(k, _)| o.property.is_empty() || o.property.contains(k))
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    Value::Object(map)
}

/// Print one object; objects after the first are separated by a blank line.
fn print_props(props: &Props, o: &Opts, first: &mut bool) {
    if super::json(o) {
        super::print_json(o, &props_json(props, o));
        return;
    }
    if !*first {
        println!();
    }
    *first = false;
    print!("{}", render_properties(props, o));
}

/// `show` / `show-session` / `show-user` without arguments: the manager's properties.
pub fn manager(o: &Opts) -> ExitCode {
    let mut client = match connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    match fetch(&mut client, method::MANAGER, json!({})) {
        Ok(p) => {
            print_props(&p, o, &mut true);
            ExitCode::SUCCESS
        }
        Err(e) => fail(&format!("Failed to get manager properties: {e}")),
    }
}

/// `show-session` / `session-status`.
pub fn sessions(ids: &[String], o: &Opts, status: bool) -> ExitCode {
    if ids.is_empty() && !status {
        return manager(o);
    }
    // Without an id: the caller's session, which our PAM module exported.
    let own = [std::env::var("XDG_SESSION_ID").unwrap_or_default()];
    let ids = if ids.is_empty() { &own[..] } else { ids };
    let requests = ids.iter().map(|id| api::SessionRequest { id: id.clone() });
    let layout = status.then_some(session_status as fn(&Map) -> String);
    objects(
        requests,
        method::SESSION_PROPERTIES,
        "Failed to get session path",
        layout,
        o,
    )
}

/// `show-user` / `user-status`.
pub fn users(users: &[String], o: &Opts, status: bool) -> ExitCode {
    if users.is_empty() && !status {
        return manager(o);
    }
    // Without a user: the caller (the daemon reads it from the connection).
    let own = [String::new()];
    let users = if users.is_empty() { &own[..] } else { users };
    let requests = users.iter().map(|u| api::UserRequest { user: u.clone() });
    let layout = status.then_some(user_status as fn(&Map) -> String);
    objects(
        requests,
        method::USER_PROPERTIES,
        "Failed to get user",
        layout,
        o,
    )
}

/// Fetch each object's properties with `m` and print them: in the `*-status` `layout` when
/// given (and no JSON was asked for), else as `show-*` does. Stops at the first failure,
/// printed after `what`.
fn objects<R: serde::Serialize>(
    requests: impl Iterator<Item = R>,
    m: &str,
    what: &str,
    layout: Option<fn(&Map) -> String>,
    o: &Opts,
) -> ExitCode {
    let mut client = match connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let mut first = true;
    for req in requests {
        let params = serde_json::to_value(&req).unwrap_or_default();
        let props = match fetch(&mut client, m, params) {
            Ok(p) => p,
            Err(e) => return fail(&format!("{what}: {e}")),
        };
        match layout.filter(|_| !super::json(o)) {
            Some(render) => {
                if !first {
                    println!();
                }
                first = false;
                print!("{}", render(&to_map(&props)));
            }
            None => print_props(&props, o, &mut first),
        }
    }
    ExitCode::SUCCESS
}

type Map<'a> = BTreeMap<&'a str, &'a str>;

fn to_map(p: &Props) -> Map<'_> {
    p.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

fn get<'a>(m: &Map<'a>, k: &str) -> &'a str {
    m.get(k).copied().unwrap_or("")
}

fn now(clock: rustix::time::ClockId) -> u64 {
    let t = rustix::time::clock_gettime(clock);
    (t.tv_sec as u64) * 1_000_000 + (t.tv_nsec as u64) / 1000
}

/// "\t   Since: TIMESTAMP; 5min ago\n" from `Timestamp` and `TimestampMonotonic`.
fn since(m: &Map) -> String {
    let ts = get(m, "Timestamp");
    if ts.is_empty() {
        return String::new();
    }
    match get(m, "TimestampMonotonic").parse::<u64>() {
        Ok(mono) if mono > 0 => {
            let ago = now(rustix::time::ClockId::Monotonic).saturating_sub(mono);
            let real = now(rustix::time::ClockId::Realtime);
            let rel =
                linger_time::timestamp::format_timestamp_relative(real.saturating_sub(ago), real);
            format!("\t   Since: {ts}; {rel}\n")
        }
        _ => format!("\t   Since: {ts}\n"),
    }
}

/// `NAME (UID)` or just the uid.
fn title(name: &str, uid: &str) -> String {
    if name.is_empty() {
        uid.to_string()
    } else {
        format!("{name} ({uid})")
    }
}

/// session-status's block (loginctl 252's labels; no process tree or journal lines).
pub fn session_status(m: &Map) -> String {
    let mut s = format!(
        "{} - {}\n",
        get(m, "Id"),
        title(get(m, "Name"), get(m, "User"))
    );
    s.push_str(&since(m));
    let leader = get(m, "Leader");
    if !leader.is_empty() && leader != "0" {
        let comm = std::fs::read_to_string(format!("/proc/{leader}/comm")).unwrap_or_default();
        match comm.trim() {
            "" => s.push_str(&format!("\t  Leader: {leader}\n")),
            c => s.push_str(&format!("\t  Leader: {leader} ({c})\n")),
        }
    }
    let (tty, display) = (get(m, "TTY"), get(m, "Display"));
    if !tty.is_empty() {
        s.push_str(&format!("\t     TTY: {tty}\n"));
    } else if !display.is_empty() {
        s.push_str(&format!("\t Display: {display}\n"));
    }
    let (rhost, ruser) = (get(m, "RemoteHost"), get(m, "RemoteUser"));
    match (rhost.is_empty(), ruser.is_empty()) {
        (false, false) => s.push_str(&format!("\t  Remote: {ruser}@{rhost}\n")),
        (false, true) => s.push_str(&format!("\t  Remote: {rhost}\n")),
        (true, false) => s.push_str(&format!("\t  Remote: user {ruser}\n")),
        (true, true) if get(m, "Remote") == "yes" => s.push_str("\t  Remote: Yes\n"),
        _ => {}
    }
    let (service, ty, class) = (get(m, "Service"), get(m, "Type"), get(m, "Class"));
    let mut tail = String::new();
    if !ty.is_empty() {
        tail.push_str(&format!("; type {ty}"));
    }
    if !class.is_empty() {
        tail.push_str(&format!("; class {class}"));
    }
    if !service.is_empty() {
        s.push_str(&format!("\t Service: {service}{tail}\n"));
    } else if !ty.is_empty() {
        s.push_str(&format!("\t    Type: {}\n", &tail["; type ".len()..]));
    } else if !class.is_empty() {
        s.push_str(&format!("\t   Class: {class}\n"));
    }
    let desktop = get(m, "Desktop");
    if !desktop.is_empty() {
        s.push_str(&format!("\t Desktop: {desktop}\n"));
    }
    let state = get(m, "State");
    if !state.is_empty() {
        s.push_str(&format!("\t   State: {state}\n"));
    }
    let scope = get(m, "Scope");
    if !scope.is_empty() {
        s.push_str(&format!("\t    Unit: {scope}\n"));
    }
    s
}

/// user-status's block.
pub fn user_status(m: &Map) -> String {
    let mut s = format!("{}\n", title(get(m, "Name"), get(m, "UID")));
    s.push_str(&since(m));
    let state = get(m, "State");
    if !state.is_empty() {
        s.push_str(&format!("\t   State: {state}\n"));
    }
    let sessions: Vec<&str> = get(m, "Sessions").split_whitespace().collect();
    if !sessions.is_empty() {
        // The star marks the user's display (graphical) session.
        let display = get(m, "Display");
        let list: Vec<String> = sessions
            .iter()
            .map(|id| {
                if *id == display {
                    format!("*{id}")
                } else {
                    (*id).to_string()
                }
            })
            .collect();
        s.push_str(&format!("\tSessions: {}\n", list.join(" ")));
    }
    let linger = if get(m, "Linger") == "yes" {
        "yes"
    } else {
        "no"
    };
    s.push_str(&format!("\t  Linger: {linger}\n"));
    let slice = get(m, "Slice");
    if !slice.is_empty() {
        s.push_str(&format!("\t    Unit: {slice}\n"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(lines: &[&str]) -> Props {
        split(lines.iter().map(|s| (*s).to_string()).collect())
    }

    #[test]
    fn property_selection_table() {
        let p = props(&["Id=3", "Name=alice", "TTY=", "Remote=no", "Display="]);
        let o = |property: &[&str], value: bool, all: bool| Opts {
            property: property.iter().map(|s| (*s).to_string()).collect(),
            value,
            all,
            ..Opts::default()
        };
        let cases: &[(Opts, &str)] = &[
            (o(&[], false, false), "Id=3\nName=alice\nRemote=no\n"),
            (
                o(&[], false, true),
                "Id=3\nName=alice\nTTY=\nRemote=no\nDisplay=\n",
            ),
            // Asked-for properties show even when empty, in the daemon's order.
            (o(&["TTY", "Id"], false, false), "Id=3\nTTY=\n"),
            (o(&["Name"], true, false), "alice\n"),
            (o(&["Nope"], false, false), ""),
            (o(&[], true, false), "3\nalice\nno\n"),
        ];
        let mut bad = Vec::new();
        for (opts, want) in cases {
            let got = render_properties(&p, opts);
            if got != *want {
                bad.push(format!(
                    "-p {:?} value={} all={}: expected {want:?}, got {got:?}",
                    opts.property, opts.value, opts.all
                ));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn session_status_layout() {
        let p = props(&[
            "Id=4",
            "User=1000",
            "Name=alice",
            "Timestamp=Mon 2026-11-23 10:00:00 UTC",
            "Leader=0",
            "TTY=pts/1",
            "RemoteHost=192.0.2.7",
            "Service=sshd",
            "Type=tty",
            "Class=user",
            "State=active",
            "Scope=session-4.scope",
        ]);
        assert_eq!(
            session_status(&to_map(&p)),
            "4 - alice (1000)\n\t   Since: Mon 2026-11-23 10:00:00 UTC\n\t     TTY: pts/1\n\t  Remote: 192.0.2.7\n\t Service: sshd; type tty; class user\n\t   State: active\n\t    Unit: session-4.scope\n"
        );
        let p = props(&["Id=c1", "User=0", "Type=unspecified", "Class=background"]);
        assert_eq!(
            session_status(&to_map(&p)),
            "c1 - 0\n\t    Type: unspecified; class background\n"
        );
    }

    #[test]
    fn user_status_layout() {
        let p = props(&[
            "UID=1000",
            "Name=alice",
            "State=active",
            "Sessions=3 5",
            "Display=5",
            "Linger=yes",
            "Slice=user-1000.slice",
        ]);
        assert_eq!(
            user_status(&to_map(&p)),
            "alice (1000)\n\t   State: active\n\tSessions: 3 *5\n\t  Linger: yes\n\t    Unit: user-1000.slice\n"
        );
    }
}
