//! NUL-terminated JSON framing.

use std::io::{BufRead, ErrorKind};

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The largest message either side accepts (a larger one closes the connection).
pub const MAX_MESSAGE: usize = 8 * 1024 * 1024;

/// A varlink call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// `interface.Method`
    pub method: String,
    /// Method parameters (an object).
    #[serde(default)]
    pub parameters: Value,
    /// The caller accepts several replies.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub more: bool,
    /// The caller wants no reply.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub oneway: bool,
}

/// A varlink reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// Return values, or error parameters.
    #[serde(default)]
    pub parameters: Value,
    /// Error name when the call failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// More replies follow.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub continues: bool,
}

impl Reply {
    /// A successful reply.
    pub fn ok(parameters: Value) -> Reply {
        Reply {
            parameters,
            error: None,
            continues: false,
        }
    }

    /// An error reply with a human message.
    pub fn error(name: &str, message: impl Into<String>) -> Reply {
        Reply {
            parameters: serde_json::json!({ "message": message.into() }),
            error: Some(name.to_string()),
            continues: false,
        }
    }
}

/// A framing or decoding failure.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    /// The peer closed the connection.
    #[error("connection closed")]
    Closed,
    /// Over the reader's limit ([`MAX_MESSAGE`] unless the reader was given a lower one).
    #[error("message larger than {0} bytes")]
    TooLarge(usize),
    /// A message begun but not finished in time (see [`crate::FrameReader`]).
    #[error("message not completed within {0:?}")]
    Timeout(std::time::Duration),
    /// Not JSON of the expected shape.
    #[error("malformed message: {0}")]
    Malformed(#[from] serde_json::Error),
    /// Socket error.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Serialize a message with its terminating NUL.
pub fn encode<T: Serialize>(msg: &T) -> Vec<u8> {
    let mut v = serde_json::to_vec(msg).unwrap_or_else(|_| b"{}".to_vec());
    v.push(0);
    v
}

/// Read one NUL-terminated frame (without the NUL), bounded by [`MAX_MESSAGE`].
pub fn read_frame<R: BufRead>(r: &mut R) -> Result<Vec<u8>, FrameError> {
    let mut buf = Vec::new();
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        if available.is_empty() {
            return Err(FrameError::Closed);
        }
        if let Some(pos) = available.iter().position(|&b| b == 0) {
            buf.extend_from_slice(&available[..pos]);
            r.consume(pos + 1);
            return Ok(buf);
        }
        let n = available.len();
        buf.extend_from_slice(available);
        r.consume(n);
        if buf.len() > MAX_MESSAGE {
            return Err(FrameError::TooLarge(MAX_MESSAGE));
        }
    }
}

/// Decode a request frame.
pub fn decode_request(frame: &[u8]) -> Result<Request, FrameError> {
    Ok(serde_json::from_slice(frame)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A number too long for any integer type is read as the float nearest to it, exactly:
    /// the request then encodes to a frame that decodes to the same request (the fuzzer found
    /// a 115-digit `uid` that, read with serde_json's fast approximate parser, came back as a
    /// different float — a typed decoder still refuses it as "expected u32").
    #[test]
    fn a_number_too_long_for_an_integer_survives_a_round_trip() {
        let digits = format!("1{}", "2".repeat(114));
        let frame = format!(
            r#"{{"method":"io.linger.Login.CreateSession","parameters":{{"uid":{digits}}}}}"#
        );
        let req = decode_request(frame.as_bytes()).unwrap();
        let back = encode(&req);
        assert_eq!(decode_request(&back[..back.len() - 1]).unwrap(), req);
        let uid: Result<u32, _> = serde_json::from_value(req.parameters["uid"].clone());
        assert!(uid.is_err(), "a float is no uid");
    }
}
