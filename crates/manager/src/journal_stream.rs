//! journald's stdout stream transport for this user: `$XDG_RUNTIME_DIR/linger/journal/stdout`
//! (this user's programs connect to it directly: `$LINGER_JOURNAL_STDOUT`) and
//! `stdout-handoff`, where the login daemon hands over the connections this user's processes
//! made to `/run/systemd/journal/stdout` (what `systemd-cat` and `sd_journal_stream_fd()`
//! use). Each connection is read by a task of its own; its lines reach the loop in batches,
//! one batch in flight per connection (the next read waits until the loop took the last), so
//! a fast writer is held back by its socket buffer, not buffered here.

use std::os::fd::OwnedFd;
use std::path::Path;
use std::sync::Arc;

use linger_ipc::journal_handoff::{STREAM_HANDOFF, StreamHandoff};
use linger_journal::capture::stream::StreamParser;
use linger_unit::name::NameKinds;
use tokio::io::AsyncReadExt;
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::{Semaphore, mpsc, oneshot};

use crate::event::Event;

/// Connections read at once; more wait in the listen queue (each costs a task, a buffer and
/// an fd).
const MAX_STREAMS: usize = 1024;
/// Bytes read at a time from one connection.
const READ_SIZE: usize = 16 * 1024;

/// Listen on `dir/stdout` and `dir/stdout-handoff`, feeding `events`. Must run inside the
/// manager's `LocalSet`.
pub fn start(dir: &Path, events: mpsc::UnboundedSender<Event>) -> std::io::Result<()> {
    let path = dir.join("stdout");
    let _ = std::fs::remove_file(&path);
    let listener = UnixListener::bind(&path)?;
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666))?;
    }
    let handoff = StreamHandoff::bind(&dir.join(STREAM_HANDOFF))?;
    let slots = Arc::new(Semaphore::new(MAX_STREAMS));
    let (direct_events, direct_slots) = (events.clone(), slots.clone());
    tokio::task::spawn_local(async move {
        loop {
            let Ok(permit) = direct_slots.clone().acquire_owned().await else {
                return;
            };
            if let Ok((stream, _)) = listener.accept().await {
                let events = direct_events.clone();
                tokio::task::spawn_local(async move {
                    serve(stream, events).await;
                    drop(permit);
                });
            }
        }
    });
    tokio::task::spawn_local(async move {
        loop {
            let Ok(permit) = slots.clone().acquire_owned().await else {
                return;
            };
            let Ok(fd) = handoff.accept().await else {
                continue;
            };
            if let Some(stream) = into_stream(fd) {
                let events = events.clone();
                tokio::task::spawn_local(async move {
                    serve(stream, events).await;
                    drop(permit);
                });
            }
        }
    });
    Ok(())
}

/// A handed-over descriptor as a stream of the event loop (None when it is not a socket).
fn into_stream(fd: OwnedFd) -> Option<UnixStream> {
    let std = std::os::unix::net::UnixStream::from(fd);
    std.set_nonblocking(true).ok()?;
    UnixStream::from_std(std).ok()
}

/// Read one connection to its end. Entries are attributed to the process that connected
/// (SO_PEERCRED: `systemd-cat` execs the command it runs, so that is the writer).
/// Connections of another user (handed over through a link planted in a runtime
/// directory) are closed unread.
async fn serve(mut stream: UnixStream, events: mpsc::UnboundedSender<Event>) {
    let Ok(peer) = linger_ipc::peer_cred(&stream) else {
        return;
    };
    let own_uid = rustix::process::getuid().as_raw();
    if peer.uid != own_uid && peer.uid != 0 {
        return;
    }
    let pid = peer.pid;
    // journald takes the header's unit only from root (what systemd itself sends when it
    // connects a service's output), and only as a fallback.
    let hint = |parser: &StreamParser| {
        parser.header().map(|h| h.unit.clone()).filter(|u| {
            peer.uid == 0
                && linger_unit::name::is_valid(
                    u,
                    NameKinds {
                        template: false,
                        ..NameKinds::ANY
                    },
                )
        })
    };
    let mut parser = StreamParser::new();
    let mut buf = vec![0u8; READ_SIZE];
    loop {
        let n = match stream.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let mut entries = Vec::new();
        if parser.feed(&buf[..n], &mut |f| entries.push(f)).is_err() {
            // A bad header: journald closes the connection too.
            return;
        }
        if !entries.is_empty() {
            let (taken, wait) = oneshot::channel();
            let batch = Event::LogStream {
                pid,
                unit_hint: hint(&parser),
                entries,
                taken,
            };
            if events.send(batch).is_err() {
                return;
            }
            let _ = wait.await;
        }
    }
    let mut entries = Vec::new();
    parser.finish(&mut |f| entries.push(f));
    if !entries.is_empty() {
        let (taken, _) = oneshot::channel();
        let _ = events.send(Event::LogStream {
            pid,
            unit_hint: hint(&parser),
            entries,
            taken,
        });
    }
}
