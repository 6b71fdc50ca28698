//! linger-ipc: the varlink protocol between linger's CLI and its daemons.
//!
//! Messages are JSON objects terminated by a NUL byte on a Unix stream socket. A request is
//! `{"method": "io.linger.Manager.Start", "parameters": {…}}`; a reply is `{"parameters": {…}}`
//! or `{"error": "io.linger.Manager.NoSuchUnit", "parameters": {"message": …}}`; replies with
//! `"continues": true` stream. Every message is bounded by [`MAX_MESSAGE`].
#![forbid(unsafe_code)]

mod client;
mod frame;
pub mod journal_handoff;
pub mod login;
pub mod manager;
pub mod manager_status;
pub mod notify;
mod peer;
mod reader;
pub mod unit_activation;
pub mod unit_status;

pub use client::{CallError, Client};
pub use frame::{FrameError, MAX_MESSAGE, Reply, Request, decode_request, encode, read_frame};
pub use peer::{PeerCred, peer_cred, process_uid};
pub use reader::{FrameBuf, FrameReader};
