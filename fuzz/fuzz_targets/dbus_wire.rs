//! The user manager's own D-Bus fast path (`linger_dbus::wire`): bytes a client sends on the
//! private socket, taken apart by hand for GetUnit/Get before zbus sees them.
//!
//! Invariants: a message length never overflows; a call taken apart is exactly as long as its
//! header says, has a valid object path and at most `MAX_ARGS` string arguments; and when zbus
//! builds the same call (same path, interface, member and arguments), taking zbus's bytes apart
//! gives the same call back — the hand-written reader and zbus agree on what a call says.
#![no_main]

use libfuzzer_sys::fuzz_target;
use linger_dbus::wire::{self, Call, MAX_ARGS};
use zbus::message::Message;

fuzz_target!(|data: &[u8]| {
    if let Some(total) = wire::total_len(data) {
        assert!(total >= wire::FIXED);
    }
    let Some(call) = wire::parse_call(data) else {
        return;
    };
    assert_eq!(wire::total_len(data), Some(data.len()));
    assert!(call.args.len() <= MAX_ARGS && call.path.starts_with('/'));
    let Some(theirs) = zbus_builds(&call) else {
        // zbus refuses the names (e.g. a member name D-Bus does not allow): the fast path only
        // ever answers the few literal names it knows, so such a call goes on to zbus.
        return;
    };
    let again = wire::parse_call(&theirs).expect("zbus's own bytes for a call taken apart");
    assert_eq!(
        Call {
            serial: call.serial,
            ..again
        },
        call
    );
});

/// The bytes zbus marshals for `call`, or None if zbus refuses one of its names.
fn zbus_builds(call: &Call<'_>) -> Option<Vec<u8>> {
    let mut builder = Message::method_call(call.path, call.member).ok()?;
    if let Some(iface) = call.iface {
        builder = builder.interface(iface).ok()?;
    }
    let message = match call.args.as_slice() {
        [] => builder.build(&()),
        [a] => builder.build(&(*a,)),
        [a, b] => builder.build(&(*a, *b)),
        _ => return None,
    }
    .ok()?;
    Some(message.data().to_vec())
}
