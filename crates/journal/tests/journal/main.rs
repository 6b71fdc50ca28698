//! Integration tests of linger-journal: real writer threads, real files, real processes.
#![allow(clippy::print_stdout)] // skip notices and the crash child's progress lines

mod badinput;
mod capture;
mod cli;
mod crash;
mod diskfull;
mod follow;
mod query;
mod ratelimit;
mod reference;
mod rotation;
mod support;
