//! Conformance of the unit-file grammar layers (lexer, command lines, unit names,
//! specifiers) against systemd 252's results in `tests/data/conformance` (from ../shared/conformance).
//!
//! Each test walks every record of its kinds, collects all mismatches and fails once with a
//! readable list (id, input, expected, got) and the pass count.

// The tests report skips and pass counts on stderr, as the project's test rules ask.
#![allow(clippy::print_stderr)]

mod grammar_cases;
