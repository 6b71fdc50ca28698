//! The `io.linger.Manager` varlink server: one task per connection reads requests, checks
//! the caller, and submits each as a typed [`Call`] to the event loop through [`Requests`];
//! it never touches the manager's state itself. `Subscribe` streams changes.

use std::os::fd::OwnedFd;

use linger_ipc::manager::{ChangesReply, ErrorKind, ManagerError, SubscribeRequest, error, method};
use linger_ipc::{MAX_MESSAGE, Reply, decode_request, encode};
use tokio::io::AsyncWriteExt;
use tokio::net::UnixStream;
use tokio::net::unix::OwnedWriteHalf;

use crate::api::{Answer, Call, Requests};

/// Most connections served at once (a limit on what clients can make us allocate).
pub const MAX_CONNECTIONS: usize = 512;

/// Most fds a connection may have pending (the three standard streams of `--pipe`).
const MAX_PASSED_FDS: usize = 3;

/// Most changes sent in one `Subscribe` reply: a burst (10,000 units started in one call)
/// goes out in several replies, each far below [`MAX_MESSAGE`].
const MAX_CHANGES_PER_REPLY: usize = 1024;

/// Serve one client until it hangs up or misbehaves.
pub async fn serve(requests: Requests, stream: UnixStream, own_uid: u32) {
    let mut attached = Vec::new();
    serve_requests(&requests, stream, own_uid, &mut attached).await;
    if !attached.is_empty() {
        requests.closed(attached);
    }
}

async fn serve_requests(
    requests: &Requests,
    stream: UnixStream,
    own_uid: u32,
    attached: &mut Vec<String>,
) {
    let Ok(cred) = linger_ipc::peer_cred(&stream) else {
        return;
    };
    let (rd, mut wr) = stream.into_split();
    // Read with recvmsg: fds a client passes (`systemd-run --pipe`) arrive with the bytes.
    let mut pending: Vec<u8> = Vec::new();
    let mut fds: Vec<OwnedFd> = Vec::new();
    let mut chunk = vec![0u8; 16 * 1024];
    loop {
        let frame = loop {
            if let Some(end) = pending.iter().position(|&b| b == 0) {
                let mut f: Vec<u8> = pending.drain(..=end).collect();
                f.pop();
                break f;
            }
            if pending.len() > MAX_MESSAGE {
                return; // oversized: close this connection only
            }
            match receive(rd.as_ref(), &mut chunk, &mut fds).await {
                Ok(0) | Err(_) => return,
                Ok(n) => pending.extend_from_slice(&chunk[..n]),
            }
        };
        let Ok(req) = decode_request(&frame) else {
            return;
        };
        if cred.uid != own_uid && cred.uid != 0 {
            let r = Reply::error(
                error::REFUSED,
                "Access denied: this manager belongs to another user.",
            );
            if wr.write_all(&encode(&r)).await.is_err() {
                return;
            }
            continue;
        }
        if req.method == method::SUBSCRIBE {
            // Streams until the client or the manager goes away.
            subscribe(requests, req.parameters, rd.as_ref(), &mut wr).await;
            return;
        }
        let passed = std::mem::take(&mut fds);
        // The answer is held until it is written: a `daemon-reexec` waits for that.
        let mut answered = None;
        let reply = match Call::decode(&req.method, req.parameters, passed) {
            Ok(call) => match requests.call(call).await {
                Ok(answer) => {
                    if let Answer::Attached(unit) = &answer {
                        attached.push(unit.clone());
                    }
                    let reply = answer.encode_reply();
                    answered = Some(answer);
                    reply
                }
                Err(e) => encode(&e.to_reply()),
            },
            Err(e) => encode(&e.to_reply()),
        };
        if wr.write_all(&within_limit(reply)).await.is_err() {
            return;
        }
        drop(answered);
    }
}

/// `frame` if the client can take it, else an error saying so: a client refuses (and then
/// cannot resynchronise on) a frame over [`MAX_MESSAGE`], so the caller learns instead that it
/// should ask for less (the CLI asks for units page by page and halves a page on this error).
fn within_limit(frame: Vec<u8>) -> Vec<u8> {
    // The frame carries its terminating NUL, which the limit does not count.
    if frame.len() <= MAX_MESSAGE + 1 {
        return frame;
    }
    encode(&Reply::error(
        error::REPLY_TOO_LARGE,
        format!(
            "The reply ({} bytes) is larger than the {MAX_MESSAGE} bytes a message may have; ask for fewer units.",
            frame.len() - 1
        ),
    ))
}

/// `Subscribe`: an empty first reply once the subscription is in place (nothing after it is
/// missed), then a reply per batch of changes.
async fn subscribe(
    requests: &Requests,
    parameters: serde_json::Value,
    rd: &UnixStream,
    wr: &mut OwnedWriteHalf,
) {
    let filter: SubscribeRequest = match serde_json::from_value(if parameters.is_null() {
        serde_json::json!({})
    } else {
        parameters
    }) {
        Ok(f) => f,
        Err(e) => {
            let e = ManagerError::new(
                ErrorKind::InvalidParameter,
                format!("Invalid parameters: {e}"),
            );
            let _ = wr.write_all(&encode(&e.to_reply())).await;
            return;
        }
    };
    let mut rx = requests.subscribe(filter);
    // The subscription is registered in the turn that handles it; a call behind it in the
    // queue (this no-op) is answered only after that.
    if requests.call(Call::Manager).await.is_err() {
        return;
    }
    let send = |changes| {
        let mut r = Reply::ok(serde_json::to_value(ChangesReply { changes }).unwrap_or_default());
        r.continues = true;
        encode(&r)
    };
    if wr.write_all(&send(Vec::new())).await.is_err() {
        return;
    }
    loop {
        // A client that hangs up ends its subscription at once (not at the next change it
        // would be sent): a unit it followed by name may then be unloaded (collect.rs).
        let first = tokio::select! {
            c = rx.recv() => c,
            () = hung_up(rd) => return,
        };
        let Some(first) = first else { break };
        let mut changes = vec![first];
        while changes.len() < MAX_CHANGES_PER_REPLY
            && let Ok(c) = rx.try_recv()
        {
            changes.push(c);
        }
        if wr.write_all(&send(changes)).await.is_err() {
            return;
        }
    }
    let end = ManagerError::new(
        ErrorKind::Failed,
        "The change stream ended (the manager is exiting, or this client fell too far behind).",
    );
    let _ = wr.write_all(&encode(&end.to_reply())).await;
}

/// Until the client's end of a subscription is closed (anything it sends is ignored).
async fn hung_up(s: &UnixStream) {
    let mut sink = [0u8; 256];
    loop {
        if s.readable().await.is_err() {
            return;
        }
        match s.try_read(&mut sink) {
            Ok(0) => return,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(_) => return,
        }
    }
}

/// Some bytes from the client, and any fds that came with them (beyond the limit: closed).
async fn receive(s: &UnixStream, buf: &mut [u8], fds: &mut Vec<OwnedFd>) -> std::io::Result<usize> {
    use rustix::net::{RecvAncillaryBuffer, RecvAncillaryMessage, RecvFlags};
    loop {
        s.readable().await?;
        let got = s.try_io(tokio::io::Interest::READABLE, || {
            let mut space =
                [std::mem::MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(MAX_PASSED_FDS))];
            let mut control = RecvAncillaryBuffer::new(&mut space);
            let mut iov = [std::io::IoSliceMut::new(buf)];
            let msg = rustix::net::recvmsg(
                s,
                &mut iov,
                &mut control,
                RecvFlags::CMSG_CLOEXEC | RecvFlags::DONTWAIT,
            )?;
            for m in control.drain() {
                if let RecvAncillaryMessage::ScmRights(passed) = m {
                    for fd in passed {
                        if fds.len() < MAX_PASSED_FDS {
                            fds.push(fd);
                        }
                    }
                }
            }
            Ok(msg.bytes)
        });
        match got {
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
            r => return r,
        }
    }
}
