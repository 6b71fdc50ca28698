//! linger-manager
