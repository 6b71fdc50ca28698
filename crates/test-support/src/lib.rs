//! linger-test-support
