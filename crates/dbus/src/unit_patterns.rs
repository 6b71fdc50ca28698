//! The unit-name patterns of ListUnitsByPatterns, ListUnitFilesByPatterns and
//! DumpUnitsMatchingPatterns: shell globs, as systemd matches them.

/// Whether `name` matches one of `patterns` (shell globs; none: every name).
pub(crate) fn matches(patterns: &[String], name: &str) -> bool {
    patterns.is_empty()
        || patterns
            .iter()
            .any(|p| linger_journal::glob::glob_match(p.as_bytes(), name.as_bytes()))
}
