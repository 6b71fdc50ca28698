//! linger-ipc
