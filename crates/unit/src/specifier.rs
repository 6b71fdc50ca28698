//! `%`-specifier expansion (systemd.unit(5) "Specifiers"), with user-manager values.
//! OWNER: helper U1 (matches conformance `specifier` records).

/// Why a specifier could not be expanded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SpecifierError {
    /// Human description naming the specifier.
    pub message: String,
}
