//! linger-engine
