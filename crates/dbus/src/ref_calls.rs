//! A client's call answered by the front end with the references it takes or drops kept in
//! the front end's registry (refs.rs): a `Ref` is taken before the call runs (a transient unit
//! may end and be collected before the answer goes out) and given back if the call is
//! refused; an `Unref` the client cannot make is refused as systemd refuses it.

use zbus::message::Message;

use crate::front::{Caller, Front, error_reply};
use crate::refs::RefCall;

/// Answer `msg` (from `client`) with the front end, keeping the client's references as the
/// call asks.
pub async fn handle(
    front: &Front,
    client: &str,
    msg: &Message,
    caller: &Caller<'_>,
) -> Option<Message> {
    let hdr = msg.header();
    let call = RefCall::of(msg, &hdr);
    if let Some(c) = &call {
        front.refs.before(client, c);
    }
    let reply = front.handle(msg, caller).await;
    if let Some(c) = &call {
        let ok = reply
            .as_ref()
            .is_none_or(|r| r.message_type() == zbus::message::Type::MethodReturn);
        if let Err(e) = front.refs.after(client, c, ok) {
            return error_reply(&hdr, &e);
        }
    }
    reply
}
