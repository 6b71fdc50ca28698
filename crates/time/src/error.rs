//! The error classes shared by all parsers of this crate.

use std::fmt;

/// Which class of failure systemd reports for an input: the distinction decides the
/// message (`Invalid argument` vs. `Numerical result out of range`) users see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The input does not follow the grammar (systemd: `EINVAL`).
    Invalid,
    /// A number in the input is too large or negative (systemd: `ERANGE`).
    OutOfRange,
}

impl ErrorKind {
    /// The C library's text for the matching errno, as systemd tools print it.
    #[must_use]
    pub fn strerror(self) -> &'static str {
        match self {
            ErrorKind::Invalid => "Invalid argument",
            ErrorKind::OutOfRange => "Numerical result out of range",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.strerror())
    }
}
