//! What the module tells the daemon, and what it puts into the session's environment —
//! pure functions of the PAM items, the environment and the module arguments.

use linger_ipc::login::{CreateSessionReply, CreateSessionRequest};

use crate::args::Args;

/// The PAM items the session is described by (empty when unset).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Items {
    /// `PAM_SERVICE`
    pub service: String,
    /// `PAM_TTY`
    pub tty: String,
    /// `PAM_RHOST`
    pub rhost: String,
    /// `PAM_RUSER`
    pub ruser: String,
    /// `PAM_XDISPLAY`, else `DISPLAY` from the PAM environment.
    pub display: String,
}

/// `XDG_SESSION_*` as found in the PAM environment, else the process environment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct XdgEnv {
    /// `XDG_SESSION_CLASS`
    pub class: String,
    /// `XDG_SESSION_TYPE`
    pub session_type: String,
    /// `XDG_SESSION_DESKTOP`
    pub desktop: String,
}

fn first_set(a: &str, b: &str) -> String {
    if a.is_empty() { b } else { a }.to_string()
}

/// Build the CreateSession call. As pam_systemd: the `XDG_SESSION_*` variables take precedence
/// over `class=`/`type=`/`desktop=`; a "tty" that is really an X display, `cron` or `ssh` (what
/// those programs put in `PAM_TTY`) is corrected; the type follows from display/tty when
/// unknown, and the class from the type.
pub fn build(uid: u32, pid: u32, items: &Items, env: &XdgEnv, args: &Args) -> CreateSessionRequest {
    let mut session_type = first_set(&env.session_type, &args.session_type);
    let mut class = first_set(&env.class, &args.class);
    let desktop = first_set(&env.desktop, &args.desktop);
    let mut display = items.display.clone();
    let mut tty = items.tty.as_str();
    if tty.contains(':') {
        // xdm & co. put the X display into PAM_TTY.
        if display.is_empty() {
            display = tty.to_string();
        }
        tty = "";
    } else if tty == "cron" {
        session_type = "unspecified".into();
        class = "background".into();
        tty = "";
    } else if tty == "ssh" {
        // sshd without a pty.
        session_type = "tty".into();
        class = "user".into();
        tty = "";
    } else {
        tty = skip_dev_prefix(tty);
    }
    if session_type.is_empty() {
        session_type = if !display.is_empty() {
            "x11"
        } else if !tty.is_empty() {
            "tty"
        } else {
            "unspecified"
        }
        .into();
    }
    if class.is_empty() {
        class = if session_type == "unspecified" {
            "background"
        } else {
            "user"
        }
        .into();
    }
    CreateSessionRequest {
        uid,
        pid,
        service: items.service.clone(),
        tty: tty.to_string(),
        remote_host: items.rhost.clone(),
        remote_user: items.ruser.clone(),
        class,
        session_type,
        desktop,
        display,
    }
}

/// pam_systemd's `skip_dev_prefix()`: `/dev/` as a path prefix, repeated slashes counting as
/// one (`/dev//pts/3` is `pts/3` too; found by fuzzing).
fn skip_dev_prefix(tty: &str) -> &str {
    let Some(rest) = tty.strip_prefix('/') else {
        return tty;
    };
    match rest.trim_start_matches('/').strip_prefix("dev") {
        Some(after) if after.is_empty() || after.starts_with('/') => after.trim_start_matches('/'),
        _ => tty,
    }
}

/// D-Bus address escaping: bytes other than `[-0-9A-Za-z_/.\*]` become `%XX`.
fn dbus_escape(path: &str) -> String {
    let mut s = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-_/.\\*".contains(&b) {
            s.push(char::from(b));
        } else {
            s.push_str(&format!("%{b:02x}"));
        }
    }
    s
}

/// The `NAME=value` strings to put into the PAM environment after the daemon answered.
/// `bus_exists`: `$XDG_RUNTIME_DIR/bus` is a socket (a session bus runs); `already_set`: the
/// PAM environment has that variable (the `XDG_SESSION_*` the caller chose are kept).
pub fn session_env(
    req: &CreateSessionRequest,
    reply: &CreateSessionReply,
    bus_exists: bool,
    already_set: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut env = vec![format!("XDG_SESSION_ID={}", reply.id)];
    if !reply.runtime_path.is_empty() {
        env.push(format!("XDG_RUNTIME_DIR={}", reply.runtime_path));
        if bus_exists {
            env.push(format!(
                "DBUS_SESSION_BUS_ADDRESS=unix:path={}",
                dbus_escape(&format!("{}/bus", reply.runtime_path.trim_end_matches('/')))
            ));
        }
    }
    for (name, value) in [
        ("XDG_SESSION_TYPE", &req.session_type),
        ("XDG_SESSION_CLASS", &req.class),
        ("XDG_SESSION_DESKTOP", &req.desktop),
    ] {
        if !value.is_empty() && !already_set(name) {
            env.push(format!("{name}={value}"));
        }
    }
    env
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(tty: &str, display: &str) -> Items {
        Items {
            service: "sshd".into(),
            tty: tty.into(),
            rhost: "10.0.0.1".into(),
            ruser: String::new(),
            display: display.into(),
        }
    }

    /// Found by fuzzing (fuzz/ pam_session): only one `/dev/` came off, and repeated slashes
    /// were kept, where pam_systemd compares path components.
    #[test]
    fn dev_prefix_as_a_path() {
        for (tty, want) in [
            ("/dev/pts/3", "pts/3"),
            ("/dev//pts/3", "pts/3"),
            ("//dev/tty1", "tty1"),
            ("/dev//dev/pts/3", "dev/pts/3"),
            ("/device", "/device"),
            ("tty1", "tty1"),
            ("dev/tty1", "dev/tty1"),
        ] {
            assert_eq!(skip_dev_prefix(tty), want, "{tty}");
        }
    }

    /// (tty, display, env class, env type, arg class, arg type) → (tty, display, type, class)
    #[test]
    fn tty_type_and_class_table() {
        type Case<'a> = (
            (&'a str, &'a str, &'a str, &'a str, &'a str, &'a str),
            (&'a str, &'a str, &'a str, &'a str),
        );
        let cases: &[Case] = &[
            (
                ("/dev/pts/3", "", "", "", "", ""),
                ("pts/3", "", "tty", "user"),
            ),
            (("tty2", "", "", "", "", ""), ("tty2", "", "tty", "user")),
            (
                ("", "", "", "", "", ""),
                ("", "", "unspecified", "background"),
            ),
            ((":0", "", "", "", "", ""), ("", ":0", "x11", "user")),
            ((":0", ":1", "", "", "", ""), ("", ":1", "x11", "user")),
            (("", ":0", "", "", "", ""), ("", ":0", "x11", "user")),
            (
                ("cron", "", "user", "tty", "", ""),
                ("", "", "unspecified", "background"),
            ),
            (("ssh", "", "", "", "", ""), ("", "", "tty", "user")),
            // Environment beats module arguments, arguments beat the guess.
            (
                ("tty1", "", "greeter", "wayland", "user", "x11"),
                ("tty1", "", "wayland", "greeter"),
            ),
            (
                ("tty1", "", "", "", "greeter", "x11"),
                ("tty1", "", "x11", "greeter"),
            ),
            (("", "", "", "", "", "tty"), ("", "", "tty", "user")),
            (
                ("", "", "", "", "", "unspecified"),
                ("", "", "unspecified", "background"),
            ),
        ];
        let mut bad = Vec::new();
        for ((tty, disp, ec, et, ac, at), want) in cases {
            let env = XdgEnv {
                class: (*ec).into(),
                session_type: (*et).into(),
                desktop: String::new(),
            };
            let args = Args {
                class: (*ac).into(),
                session_type: (*at).into(),
                ..Args::default()
            };
            let r = build(1000, 42, &items(tty, disp), &env, &args);
            let got = (
                r.tty.as_str(),
                r.display.as_str(),
                r.session_type.as_str(),
                r.class.as_str(),
            );
            if got != *want {
                bad.push(format!(
                    "tty={tty:?} display={disp:?} env=({ec},{et}) args=({ac},{at}): expected {want:?}, got {got:?}"
                ));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn request_carries_the_items() {
        let env = XdgEnv {
            desktop: "GNOME".into(),
            ..XdgEnv::default()
        };
        let args = Args {
            desktop: "KDE".into(),
            ..Args::default()
        };
        let mut it = items("pts/0", "");
        it.ruser = "alice".into();
        let r = build(1000, 42, &it, &env, &args);
        assert_eq!(
            r,
            CreateSessionRequest {
                uid: 1000,
                pid: 42,
                service: "sshd".into(),
                tty: "pts/0".into(),
                remote_host: "10.0.0.1".into(),
                remote_user: "alice".into(),
                class: "user".into(),
                session_type: "tty".into(),
                desktop: "GNOME".into(),
                display: String::new(),
            }
        );
    }

    #[test]
    fn environment_after_the_reply() {
        let req = build(
            1000,
            1,
            &items("pts/0", ""),
            &XdgEnv::default(),
            &Args::default(),
        );
        let reply = CreateSessionReply {
            id: "7".into(),
            runtime_path: "/run/user/1000".into(),
            scope: String::new(),
        };
        assert_eq!(
            session_env(&req, &reply, true, |_| false),
            [
                "XDG_SESSION_ID=7",
                "XDG_RUNTIME_DIR=/run/user/1000",
                "DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus",
                "XDG_SESSION_TYPE=tty",
                "XDG_SESSION_CLASS=user",
            ]
        );
        // No bus socket: no bus address; variables the caller set are left alone.
        assert_eq!(
            session_env(&req, &reply, false, |n| n == "XDG_SESSION_TYPE"),
            [
                "XDG_SESSION_ID=7",
                "XDG_RUNTIME_DIR=/run/user/1000",
                "XDG_SESSION_CLASS=user",
            ]
        );
    }

    #[test]
    fn bus_address_is_escaped() {
        assert_eq!(dbus_escape("/run/user/1000/bus"), "/run/user/1000/bus");
        assert_eq!(dbus_escape("/tmp/a b,c/bus"), "/tmp/a%20b%2cc/bus");
    }
}
