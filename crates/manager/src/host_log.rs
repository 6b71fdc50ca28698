//! A message the host (spawning, exec settings) wants logged for a unit; the manager logs them
//! after each batch of effects.

/// A message the host wants logged for a unit (setup failures).
#[derive(Debug, Clone)]
pub struct HostLog {
    /// Unit.
    pub unit: String,
    /// Priority.
    pub priority: u8,
    /// Text.
    pub message: String,
}
