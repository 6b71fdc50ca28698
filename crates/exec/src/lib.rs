//! linger-exec
