//! Table tests over systemd's own results (tests/data/conformance), oracle tests against
//! the installed systemd-analyze, and property tests of the calendar search.

// Tests report what they skipped and how much they checked on standard output.
#![allow(clippy::print_stdout)]

mod calendar;
mod common;
mod oracle;
mod property;
mod quirks;
mod timespan;
