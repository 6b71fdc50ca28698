//! pam_linger.so's request path, which runs inside every login: the module arguments, the
//! PAM items and the `XDG_SESSION_*` environment (which the user logging in may control, e.g.
//! through `su`), the CreateSession call built from them, and the daemon's reply frame read
//! as the module reads it, turned into the variables put into the session's environment.
//!
//! Input: NUL-separated fields (argv; service, tty, rhost, ruser, display; class, type,
//! desktop), then the reply bytes. Invariants: the call the module sends is what the daemon
//! decodes; the session always gets a type and a class, a tty without `/dev/`; every
//! variable set is `NAME=value` with one of the names the module owns.
#![no_main]

use std::io::BufReader;

use libfuzzer_sys::fuzz_target;
use linger_ipc::login::{CreateSessionReply, CreateSessionRequest};
use linger_ipc::{Reply, decode_request, encode, read_frame};
use pam_linger::fuzzing::{Items, XdgEnv, build, parse_args, session_env};

const NAMES: [&str; 6] = [
    "XDG_SESSION_ID",
    "XDG_RUNTIME_DIR",
    "DBUS_SESSION_BUS_ADDRESS",
    "XDG_SESSION_TYPE",
    "XDG_SESSION_CLASS",
    "XDG_SESSION_DESKTOP",
];

fuzz_target!(|data: &[u8]| {
    let mut fields = data.splitn(10, |&b| b == 0);
    let mut next = || String::from_utf8_lossy(fields.next().unwrap_or_default()).into_owned();
    let argv_text = next();
    let argv: Vec<&str> = argv_text.split(' ').filter(|a| !a.is_empty()).collect();
    let items = Items {
        service: next(),
        tty: next(),
        rhost: next(),
        ruser: next(),
        display: next(),
    };
    let env = XdgEnv {
        class: next(),
        session_type: next(),
        desktop: next(),
    };
    let reply_bytes = fields.next().unwrap_or_default();

    let (args, _warnings) = parse_args(&argv);
    let req = build(1000, 4242, &items, &env, &args);
    assert!(
        !req.session_type.is_empty() && !req.class.is_empty(),
        "{req:?}"
    );
    assert!(!req.tty.starts_with("/dev/"), "{req:?}");
    // What the module sends is what the daemon reads.
    let call = serde_json::json!({
        "method": linger_ipc::login::method::CREATE_SESSION,
        "parameters": serde_json::to_value(&req).expect("serializes"),
    });
    let frame = encode(&call);
    let decoded = decode_request(&frame[..frame.len() - 1]).expect("the daemon decodes it");
    let sent: CreateSessionRequest = serde_json::from_value(decoded.parameters).expect("typed");
    assert_eq!(sent, req);

    // The daemon's answer, read as the module's client reads it.
    let mut reader = BufReader::with_capacity(16, reply_bytes);
    let Ok(frame) = read_frame(&mut reader) else {
        return;
    };
    let Ok(reply) = serde_json::from_slice::<Reply>(&frame) else {
        return;
    };
    if reply.error.is_some() {
        return;
    }
    let Ok(created) = serde_json::from_value::<CreateSessionReply>(reply.parameters) else {
        return;
    };
    for bus in [false, true] {
        let vars = session_env(&req, &created, bus, |n| n == "XDG_SESSION_CLASS");
        assert!(vars[0].starts_with("XDG_SESSION_ID="));
        for v in &vars {
            let (name, _) = v.split_once('=').expect("NAME=value");
            assert!(NAMES.contains(&name), "{v:?}");
            assert_ne!(
                name, "XDG_SESSION_CLASS",
                "a variable the caller set was replaced"
            );
        }
    }
});
