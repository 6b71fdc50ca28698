//! The peer-to-peer socket `$XDG_RUNTIME_DIR/systemd/private`, where systemctl, systemd-run &
//! co. look first. Only the manager's own user gets in: the peer's uid (SO_PEERCRED) must be
//! ours and the EXTERNAL authentication must claim it; anyone else is rejected during the
//! handshake, before a single message is read.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use futures_lite::StreamExt;
use tokio::net::UnixListener;
use zbus::connection::Builder;
use zbus::{AuthMechanism, Guid};

use crate::front::{Caller, Front};
use crate::signals::Listeners;

/// At most this many clients at once (each costs a task and buffers).
pub const MAX_CONNECTIONS: usize = 256;

/// The socket's path under a runtime directory.
pub fn socket_path(runtime_dir: &Path) -> PathBuf {
    runtime_dir.join("systemd").join("private")
}

/// Bind the private socket (replacing a stale one): mode 0600, in a directory of its own.
///
/// The socket is bound under a temporary name and renamed into place, so the path appears
/// only once it is listening and already 0600: a client that sees the file never gets
/// "Connection refused" from the gap between bind() and listen(), and nobody can connect in
/// the gap before the mode is set.
pub fn bind(runtime_dir: &Path) -> std::io::Result<UnixListener> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let path = socket_path(runtime_dir);
    let dir = path.parent().unwrap_or(runtime_dir);
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o755)
        .create(dir)?;
    let staged = dir.join(".private.new");
    let _ = std::fs::remove_file(&staged);
    let listener = std::os::unix::net::UnixListener::bind(&staged)?;
    std::fs::set_permissions(&staged, std::fs::Permissions::from_mode(0o600))?;
    std::fs::rename(&staged, &path)?;
    listener.set_nonblocking(true)?;
    UnixListener::from_std(listener)
}

/// Serve the private socket until the manager exits (`first`: a client accepted already).
pub async fn serve(
    front: Front,
    listeners: Listeners,
    listener: UnixListener,
    mut first: Option<tokio::net::UnixStream>,
) {
    let own_uid = rustix::process::getuid().as_raw();
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let stream = match first.take() {
            Some(stream) => stream,
            None => match listener.accept().await {
                Ok((stream, _)) => stream,
                Err(_) => continue,
            },
        };
        let Ok(permit) = slots.clone().try_acquire_owned() else {
            continue; // Too many: dropping the stream closes it.
        };
        let front = front.clone();
        let listeners = listeners.clone();
        // A task of the runtime's, not of the manager's LocalSet: the socket's reader task
        // (zbus's) is one too, and waking this one from it then costs no extra turn of the
        // runtime (an `epoll_wait` per call).
        tokio::task::spawn(async move {
            connection(front, listeners, stream, own_uid).await;
            drop(permit);
        });
    }
}

async fn connection(
    front: Front,
    listeners: Listeners,
    stream: tokio::net::UnixStream,
    own_uid: u32,
) {
    let cred = stream.peer_cred().ok();
    let peer_is_us = cred.is_some_and(|c| c.uid() == own_uid);
    let peer_pid = cred
        .and_then(|c| c.pid())
        .and_then(|p| u32::try_from(p).ok());
    // zbus accepts the EXTERNAL uid the client claims if it equals `user_id`: ours for our
    // user; for anyone else a uid no client can claim as a number, so the handshake fails.
    let expected = if peer_is_us { own_uid } else { u32::MAX };
    // The fast path (read_ahead.rs) answers only our own user, and only once every message
    // zbus was given is done.
    let shared = Arc::new(crate::read_ahead::Shared::default());
    let fast = peer_is_us.then(|| front.requests.clone());
    let socket = crate::read_ahead::split(stream, fast, shared.clone());
    let Ok(builder) = Builder::socket(socket).server(Guid::generate()) else {
        return;
    };
    let Ok(mut messages) = builder
        .p2p()
        .auth_mechanism(AuthMechanism::External)
        .user_id(expected)
        .build_message_stream()
        .await
    else {
        return;
    };
    if !peer_is_us {
        return;
    }
    let conn: zbus::Connection = (&messages).into();
    let id = listeners.add(conn.clone(), Arc::new(AtomicBool::new(true)));
    // Units this client references stay loaded while the connection lasts (ref_calls.rs).
    let client = format!("private-connection-{id}");
    while let Some(Ok(msg)) = messages.next().await {
        let caller = Caller::Peer(peer_pid);
        if let Some(reply) = crate::ref_calls::handle(&front, &client, &msg, &caller).await {
            let _ = conn.send(&reply).await;
        }
        shared.handled_one();
    }
    front.refs.forget(&client);
    listeners.remove(id);
}
