//! The varlink wire of both daemons: bytes from a socket peer are cut into NUL-terminated
//! frames (as the client does, through a small buffer so frames straddle reads), each frame is
//! decoded as a request (as `linger daemon --system` and `--user` do) and as a reply (as the
//! CLI and the PAM module do), the request's parameters as every parameter type of
//! `io.linger.Login` and `io.linger.Manager`, the request as the user manager turns it into a
//! typed call (`linger_manager::Call::decode`), plus the strings the manager parses further;
//! and as the login daemon decodes it (`linger_login::request::decode`: session and user
//! references, signals, kill targets, session classes, types and desktops), with the daemon's
//! own frame splitting (`linger_ipc::FrameBuf`, its per-caller limit). Also `sd_notify`
//! datagrams (`KEY=value` lines any service may send).
//!
//! Invariants: a frame never holds a NUL and never exceeds the limit; a decoded request or
//! parameter value encodes to one frame that decodes back to the same value.
#![no_main]

use std::io::BufReader;

use libfuzzer_sys::fuzz_target;
use linger_fuzz::wire_round_trip;
use linger_ipc::login as l;
use linger_ipc::manager as m;
use linger_ipc::{FrameError, MAX_MESSAGE, Reply, Request, decode_request, read_frame};
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for (key, value) in linger_ipc::notify::parse_fields(text) {
            assert!(!key.contains('\n') && !value.contains('\n'));
        }
    }
    // The first byte picks the read size: frames must come out the same however they arrive.
    let Some((&size, stream)) = data.split_first() else {
        return;
    };
    let mut reader = BufReader::with_capacity(usize::from(size % 64) + 1, stream);
    let mut frames = 0;
    loop {
        match read_frame(&mut reader) {
            Ok(frame) => {
                assert!(frame.len() <= MAX_MESSAGE && !frame.contains(&0));
                frames += 1;
                message(&frame);
            }
            Err(FrameError::Closed) => break,
            Err(e) => panic!("reading from memory failed: {e}"),
        }
    }
    assert_eq!(frames, stream.iter().filter(|&&b| b == 0).count());
    server_frames(usize::from(size % 64) + 1, stream);
});

/// The login daemon's reader: the same frames as the client's reader while they fit the
/// limit (here the users' 64 KiB), `TooLarge` at the first that does not, never more held
/// than the limit and one read.
fn server_frames(read: usize, stream: &[u8]) {
    let limit = l::MAX_REQUEST_USER;
    let mut buf = linger_ipc::FrameBuf::new(limit);
    let mut want = stream.split(|&b| b == 0);
    let mut rest = stream;
    while !rest.is_empty() {
        let n = rest.len().min(read).min(buf.room());
        buf.extend(&rest[..n]);
        rest = &rest[n..];
        loop {
            match buf.take_frame() {
                Ok(Some(frame)) => assert_eq!(Some(frame.as_slice()), want.next()),
                Ok(None) => break,
                Err(FrameError::TooLarge(l)) => {
                    assert_eq!(l, limit);
                    assert!(want.next().is_some_and(|f| f.len() > limit));
                    return;
                }
                Err(e) => panic!("{e}"),
            }
            assert!(buf.len() <= limit + 1);
        }
    }
}

fn message(frame: &[u8]) {
    if let Ok(reply) = serde_json::from_slice::<Reply>(frame) {
        let back = linger_ipc::encode(&reply);
        let again: Reply = serde_json::from_slice(&back[..back.len() - 1]).expect("own reply");
        assert_eq!(again, reply);
        let _ = reply.parameters.get("message").and_then(Value::as_str);
    }
    let Ok(req) = decode_request(frame) else {
        return;
    };
    let back = linger_ipc::encode(&req);
    let again: Request = decode_request(&back[..back.len() - 1]).expect("own request decodes");
    assert_eq!(again, req);
    // The login daemon reads absent parameters as `{}`.
    let p = if req.parameters.is_null() {
        serde_json::json!({})
    } else {
        req.parameters.clone()
    };
    login_parameters(&p);
    login_request(&req);
    manager_parameters(&p);
    // The user manager's own request decoding: a known method with bad parameters is
    // InvalidParameter, anything else MethodNotFound — never a panic, never another error.
    if let Err(e) = linger_manager::Call::decode(&req.method, req.parameters.clone(), Vec::new()) {
        assert!(
            matches!(
                e.kind,
                m::ErrorKind::InvalidParameter | m::ErrorKind::MethodNotFound
            ),
            "{e:?}"
        );
        assert_eq!(
            m::ErrorKind::from_varlink_name(e.kind.varlink_name()),
            e.kind
        );
    }
}

/// The login daemon's decoding: never a panic; what it accepts is what it may act on; what it
/// refuses is said briefly, whatever the request held.
fn login_request(req: &Request) {
    use linger_login::request::{Call, UserRef, decode};
    let ok_user = |u: &UserRef| match u {
        UserRef::Name(n) => assert!(linger_login::userdb::valid_user_name(n), "{n:?}"),
        UserRef::Caller | UserRef::Uid(_) => {}
    };
    let named = |s: i32| assert!((1..=64).contains(&s), "{s}");
    match decode(req) {
        Ok(Call::CreateSession(p)) => {
            assert!(linger_login::sessions::CLASSES.contains(&p.class.as_str()));
            assert!(linger_login::sessions::TYPES.contains(&p.session_type.as_str()));
            assert!(linger_login::escape::is_safe(&p.desktop));
        }
        Ok(Call::KillSession { signal, .. }) => named(signal),
        Ok(Call::KillUser { user, signal }) => {
            ok_user(&user);
            named(signal);
        }
        Ok(
            Call::WaitUserManager(u)
            | Call::TerminateUser(u)
            | Call::UserProperties(u)
            | Call::SetLinger { user: u, .. },
        ) => ok_user(&u),
        Ok(_) => {}
        Err(e) => {
            assert!(
                e.message.len() < 512,
                "{} bytes: {}",
                e.message.len(),
                e.name
            );
            assert!(e.name.starts_with("io.linger.Login.") || e.name.starts_with("org.varlink."));
        }
    }
}

fn login_parameters(p: &Value) {
    wire_round_trip::<l::CreateSessionRequest>(p);
    wire_round_trip::<l::CreateSessionReply>(p);
    wire_round_trip::<l::AttachProcessRequest>(p);
    wire_round_trip::<l::SessionRequest>(p);
    wire_round_trip::<l::UserRequest>(p);
    wire_round_trip::<l::SetLingerRequest>(p);
    wire_round_trip::<l::KillSessionRequest>(p);
    wire_round_trip::<l::KillUserRequest>(p);
    wire_round_trip::<l::ListSessionsReply>(p);
    wire_round_trip::<l::ListUsersReply>(p);
    wire_round_trip::<l::PropertiesReply>(p);
}

fn manager_parameters(p: &Value) {
    wire_round_trip::<m::JobsRequest>(p);
    wire_round_trip::<m::JobsReply>(p);
    wire_round_trip::<m::NamesRequest>(p);
    wire_round_trip::<m::UnitsRequest>(p);
    wire_round_trip::<m::UnitsReply>(p);
    wire_round_trip::<m::ListRequest>(p);
    wire_round_trip::<m::ListReply>(p);
    wire_round_trip::<m::UnitFilesReply>(p);
    wire_round_trip::<m::InstallRequest>(p);
    wire_round_trip::<m::InstallReply>(p);
    wire_round_trip::<m::AttachStdioRequest>(p);
    wire_round_trip::<m::StartScopeRequest>(p);
    wire_round_trip::<m::SetPropertyRequest>(p);
    wire_round_trip::<m::KillRequest>(p);
    wire_round_trip::<m::EnvironmentRequest>(p);
    wire_round_trip::<m::DependenciesRequest>(p);
    wire_round_trip::<m::DependenciesReply>(p);
    wire_round_trip::<m::ListJobsReply>(p);
    wire_round_trip::<m::UnitFileStatesReply>(p);
    wire_round_trip::<m::SubscribeRequest>(p);
    wire_round_trip::<m::ChangesReply>(p);
    wire_round_trip::<m::ManagerError>(p);
    // What the manager parses out of the strings of its requests.
    if let Ok(set) = serde_json::from_value::<m::SetPropertyRequest>(p.clone()) {
        let mut limits = linger_cgroup::ResourceLimits::default();
        for a in &set.assignments {
            if let Some((k, v)) = a.split_once('=') {
                let _ = limits.assign_key(k, v);
            }
        }
    }
    if let Some(name) = p.get("unit").and_then(Value::as_str) {
        let _ = linger_unit::name::UnitName::parse(name);
    }
}
