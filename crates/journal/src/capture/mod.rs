//! Turning what services write into entries: stdout/stderr byte streams ([`LineSplitter`]),
//! journal native protocol datagrams ([`native`]), RFC 3164 syslog datagrams ([`syslog`]) and
//! journald's stdout stream connections ([`stream`]).

mod lines;
pub mod native;
pub mod stream;
pub mod syslog;

pub use lines::{LINE_MAX, Line, LineBatch, LineSplitter};
