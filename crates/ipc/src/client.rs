//! A blocking client: the CLI makes one or a few calls and exits, so no runtime is needed.

use std::io::{BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

use crate::frame::{FrameError, Reply, Request, encode, read_frame};

/// A call that did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum CallError {
    /// Could not connect.
    #[error("Failed to connect to {path}: {source}")]
    Connect {
        /// The socket path.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The daemon answered with an error.
    #[error("{message}")]
    Remote {
        /// The varlink error name.
        name: String,
        /// Its human message.
        message: String,
        /// All error parameters.
        parameters: Value,
    },
    /// Transport failure.
    #[error("{0}")]
    Frame(#[from] FrameError),
}

/// A connection to a varlink service.
#[derive(Debug)]
pub struct Client {
    reader: BufReader<UnixStream>,
    writer: UnixStream,
}

impl Client {
    /// Connect to the socket at `path`.
    pub fn connect(path: &Path) -> Result<Client, CallError> {
        let connect_error = |source| CallError::Connect {
            path: path.to_path_buf(),
            source,
        };
        Client::from_stream(UnixStream::connect(path).map_err(connect_error)?)
            .map_err(connect_error)
    }

    /// A client on a connected stream (its read half buffered).
    fn from_stream(s: UnixStream) -> std::io::Result<Client> {
        Ok(Client {
            writer: s.try_clone()?,
            reader: BufReader::new(s),
        })
    }

    /// Connect to the socket at `path`, giving up after `timeout`, and bound every later send
    /// and receive by `timeout` as well (see [`Client::set_timeout`]).
    ///
    /// A Unix stream `connect` blocks while the listener's backlog is full; `SO_SNDTIMEO`,
    /// set before connecting, bounds that wait (the kernel uses it for the backlog wait). This
    /// is what the PAM module needs: a login must never hang on a stuck daemon.
    pub fn connect_with_timeout(path: &Path, timeout: Duration) -> Result<Client, CallError> {
        use rustix::net::sockopt::{Timeout, set_socket_timeout};
        use rustix::net::{AddressFamily, SocketAddrUnix, SocketFlags, SocketType};
        let err = |source: std::io::Error| CallError::Connect {
            path: path.to_path_buf(),
            source,
        };
        // A zero timeout means "forever" to the kernel: the shortest real wait instead.
        let timeout = timeout.max(Duration::from_millis(1));
        let fd = rustix::net::socket_with(
            AddressFamily::UNIX,
            SocketType::STREAM,
            SocketFlags::CLOEXEC,
            None,
        )
        .map_err(|e| err(e.into()))?;
        set_socket_timeout(&fd, Timeout::Send, Some(timeout)).map_err(|e| err(e.into()))?;
        set_socket_timeout(&fd, Timeout::Recv, Some(timeout)).map_err(|e| err(e.into()))?;
        let addr = SocketAddrUnix::new(path).map_err(|e| err(e.into()))?;
        loop {
            match rustix::net::connect(&fd, &addr) {
                Ok(()) => break,
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => return Err(err(e.into())),
            }
        }
        Client::from_stream(UnixStream::from(fd)).map_err(err)
    }

    /// Bound each send and each receive by `timeout` (`None`: wait forever, the default of
    /// [`Client::connect`]).
    pub fn set_timeout(&self, timeout: Option<Duration>) -> std::io::Result<()> {
        let timeout = timeout.map(|t| t.max(Duration::from_millis(1)));
        self.writer.set_write_timeout(timeout)?;
        self.writer.set_read_timeout(timeout)
    }

    /// Call `method` and wait for its single reply.
    pub fn call(&mut self, method: &str, parameters: Value) -> Result<Value, CallError> {
        self.send(method, parameters, false)?;
        self.next_reply().map(|(v, _)| v)
    }

    /// Call `method` and read its single reply's parameters straight into `T` (no
    /// intermediate [`Value`] tree: a `status` reply of ~200 properties is parsed once, not
    /// twice). An error reply is returned as [`Client::call`] returns it.
    pub fn call_as<T: serde::de::DeserializeOwned>(
        &mut self,
        method: &str,
        parameters: Value,
    ) -> Result<T, CallError> {
        self.send(method, parameters, false)?;
        self.reply_as()
    }

    /// Send a call to `method` without waiting for its reply: the caller does other work
    /// meanwhile (`status` reads the journal while the manager answers), then reads the
    /// single reply with [`Client::reply_as`].
    pub fn send_call(&mut self, method: &str, parameters: Value) -> Result<(), CallError> {
        self.send(method, parameters, false)
    }

    /// The single reply of a call sent with [`Client::send_call`], parsed as
    /// [`Client::call_as`] parses it.
    pub fn reply_as<T: serde::de::DeserializeOwned>(&mut self) -> Result<T, CallError> {
        /// Whether the reply is an error (other fields skipped unparsed).
        #[derive(serde::Deserialize)]
        struct Head {
            #[serde(default)]
            error: Option<String>,
        }
        #[derive(serde::Deserialize)]
        struct Typed<T> {
            parameters: T,
        }
        let frame = read_frame(&mut self.reader)?;
        let head: Head = serde_json::from_slice(&frame).map_err(FrameError::Malformed)?;
        if head.error.is_some() {
            return Err(reply_error(&frame));
        }
        let typed: Typed<T> = serde_json::from_slice(&frame).map_err(FrameError::Malformed)?;
        Ok(typed.parameters)
    }

    /// Call `method` passing `fds` along (`SCM_RIGHTS` on the request's bytes), and wait for
    /// its single reply. The daemon receives duplicates; ours stay open.
    pub fn call_with_fds(
        &mut self,
        method: &str,
        parameters: Value,
        fds: &[std::os::fd::BorrowedFd<'_>],
    ) -> Result<Value, CallError> {
        use rustix::net::{SendAncillaryBuffer, SendAncillaryMessage, SendFlags};
        let req = Request {
            method: method.to_string(),
            parameters,
            more: false,
            oneway: false,
        };
        let bytes = encode(&req);
        let mut space =
            vec![std::mem::MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(fds.len()))];
        let mut control = SendAncillaryBuffer::new(&mut space);
        if !control.push(SendAncillaryMessage::ScmRights(fds)) {
            return Err(FrameError::Io(std::io::Error::other("too many fds to pass")).into());
        }
        // The fds travel with the first chunk; the rest of a large request follows plainly.
        let mut sent = loop {
            match rustix::net::sendmsg(
                &self.writer,
                &[std::io::IoSlice::new(&bytes)],
                &mut control,
                SendFlags::NOSIGNAL,
            ) {
                Ok(n) => break n,
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => return Err(FrameError::Io(e.into()).into()),
            }
        };
        while sent < bytes.len() {
            let n = self.writer.write(&bytes[sent..]).map_err(FrameError::Io)?;
            sent += n;
        }
        self.next_reply().map(|(v, _)| v)
    }

    /// Start a streaming call; read replies with [`Client::next_reply`] until `continues` is false.
    pub fn call_more(&mut self, method: &str, parameters: Value) -> Result<(), CallError> {
        self.send(method, parameters, true)
    }

    fn send(&mut self, method: &str, parameters: Value, more: bool) -> Result<(), CallError> {
        let req = Request {
            method: method.to_string(),
            parameters,
            more,
            oneway: false,
        };
        self.writer
            .write_all(&encode(&req))
            .map_err(FrameError::Io)?;
        Ok(())
    }

    /// The next reply: (parameters, continues).
    pub fn next_reply(&mut self) -> Result<(Value, bool), CallError> {
        let frame = read_frame(&mut self.reader)?;
        let reply: Reply = serde_json::from_slice(&frame).map_err(FrameError::Malformed)?;
        if reply.error.is_some() {
            return Err(remote_error(reply));
        }
        Ok((reply.parameters, reply.continues))
    }
}

/// The error a reply frame that names one carries (a malformed frame: that error).
fn reply_error(frame: &[u8]) -> CallError {
    match serde_json::from_slice::<Reply>(frame) {
        Ok(reply) => remote_error(reply),
        Err(e) => FrameError::Malformed(e).into(),
    }
}

fn remote_error(reply: Reply) -> CallError {
    let name = reply.error.unwrap_or_default();
    let message = reply
        .parameters
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or(&name)
        .to_string();
    CallError::Remote {
        name,
        message,
        parameters: reply.parameters,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    /// A listener whose backlog is full makes a blocking connect wait; the timeout must end it.
    #[test]
    fn connect_with_timeout_gives_up_on_a_full_backlog() {
        use rustix::net::{AddressFamily, SocketAddrUnix, SocketFlags, SocketType};
        let dir = std::env::temp_dir().join(format!("linger-ipc-test-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("full");
        let _ = std::fs::remove_file(&path);
        let l = rustix::net::socket_with(
            AddressFamily::UNIX,
            SocketType::STREAM,
            SocketFlags::CLOEXEC,
            None,
        )
        .unwrap();
        rustix::net::bind(&l, &SocketAddrUnix::new(&path).unwrap()).unwrap();
        rustix::net::listen(&l, 0).unwrap();
        // Fill the backlog (never accepted); keep the clients alive.
        let mut held = Vec::new();
        let mut timed_out = false;
        for _ in 0..8 {
            let start = Instant::now();
            match Client::connect_with_timeout(&path, Duration::from_millis(100)) {
                Ok(c) => held.push(c),
                Err(CallError::Connect { .. }) => {
                    assert!(
                        start.elapsed() < Duration::from_secs(2),
                        "{:?}",
                        start.elapsed()
                    );
                    timed_out = true;
                    break;
                }
                Err(e) => panic!("unexpected error {e}"),
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
        assert!(timed_out, "connect never blocked on a full backlog");
    }

    #[test]
    fn connect_with_timeout_reports_a_missing_socket() {
        let e = Client::connect_with_timeout(
            Path::new("/nonexistent/linger/login"),
            Duration::from_millis(50),
        )
        .unwrap_err();
        assert!(e.to_string().contains("/nonexistent/linger/login"), "{e}");
    }

    /// `call_as` reads what `call` + `from_value` read, and an error reply as `call` does.
    #[test]
    fn call_as_reads_replies_and_errors_as_call_does() {
        #[derive(Debug, PartialEq, serde::Deserialize)]
        struct Answer {
            units: Vec<String>,
        }
        let replies: [&[u8]; 3] = [
            b"{\"parameters\":{\"units\":[\"a\",\"b\"]}}\0",
            b"{\"parameters\":{\"message\":\"too big\"},\"error\":\"io.linger.ReplyTooLarge\"}\0",
            b"{\"parameters\":{\"units\":7}}\0",
        ];
        for (i, reply) in replies.iter().enumerate() {
            let (ours, theirs) = UnixStream::pair().unwrap();
            let mut client = Client::from_stream(ours).unwrap();
            let mut server = theirs;
            server.write_all(reply).unwrap();
            let got = client.call_as::<Answer>("x.Y", serde_json::json!({}));
            match i {
                0 => assert_eq!(got.unwrap().units, ["a", "b"]),
                1 => match got {
                    Err(CallError::Remote { name, message, .. }) => {
                        assert_eq!(name, "io.linger.ReplyTooLarge");
                        assert_eq!(message, "too big");
                    }
                    other => panic!("{other:?}"),
                },
                _ => assert!(matches!(
                    got,
                    Err(CallError::Frame(FrameError::Malformed(_)))
                )),
            }
        }
    }
}
