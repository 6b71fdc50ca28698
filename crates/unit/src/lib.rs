//! linger-unit: the systemd unit-file language, parsed exactly as systemd parses it.
//!
//! Layers, lowest first:
//! - [`syntax`]: the line lexer (sections, comments, continuations) → raw assignments with lines.
//! - [`exec_line`]: `ExecStart=` command lines (quoting, C escapes, prefixes `-@:+!`).
//! - [`specifier`]: `%n`, `%h`, … expansion.
//! - [`name`]: unit-name grammar, templates/instances, `systemd-escape`.
//! - [`value`]: scalar value parsers shared by the settings table (booleans, signals, …).
//! - [`model`]: the typed configuration of a unit (what the manager consumes).
//! - [`settings`]: the declarative `Section.Key → parser` table that fills the model.
//! - [`loader`]: search paths, drop-ins, aliases, masking, templates: name → [`model::UnitConfig`].
//! - [`lint`]: `verify`'s extra warnings for legal-but-wrong input.
//!
//! Pure: the only I/O is reading the files and directories the loader is pointed at (and
//! `/sys/class/net/NAME/ifindex` for a `ListenStream=[addr]:port%NAME` interface scope).
#![forbid(unsafe_code)]

pub mod diag;
pub mod exec_line;
pub mod lint;
pub mod loader;
pub mod model;
pub mod name;
pub mod settings;
pub mod specifier;
pub mod syntax;
pub mod transient;
pub mod value;
