//! Turning what services write into entries: stdout/stderr byte streams ([`LineSplitter`]),
//! journal native protocol datagrams ([`native`]) and RFC 3164 syslog datagrams ([`syslog`]).

mod lines;
pub mod native;
pub mod syslog;

pub use lines::{LINE_MAX, Line, LineBatch, LineSplitter};
