//! A blocking client: the CLI makes one or a few calls and exits, so no runtime is needed.

use std::io::{BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};

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
        let s = UnixStream::connect(path).map_err(|source| CallError::Connect {
            path: path.to_path_buf(),
            source,
        })?;
        let w = s.try_clone().map_err(|source| CallError::Connect {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Client {
            reader: BufReader::new(s),
            writer: w,
        })
    }

    /// Call `method` and wait for its single reply.
    pub fn call(&mut self, method: &str, parameters: Value) -> Result<Value, CallError> {
        self.send(method, parameters, false)?;
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
        if let Some(name) = reply.error {
            let message = reply
                .parameters
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or(&name)
                .to_string();
            return Err(CallError::Remote {
                name,
                message,
                parameters: reply.parameters,
            });
        }
        Ok((reply.parameters, reply.continues))
    }
}
