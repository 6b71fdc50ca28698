//! The unit types and their suffixes (`service`, `socket`, …): part of the name grammar,
//! since a unit's type is its name's suffix.

/// The unit types linger knows by suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitType {
    /// `.service`
    Service,
    /// `.socket`
    Socket,
    /// `.target`
    Target,
    /// `.timer`
    Timer,
    /// `.slice`
    Slice,
    /// `.scope`
    Scope,
    /// `.path`
    Path,
    /// `.mount`
    Mount,
    /// `.automount`
    Automount,
    /// `.swap`
    Swap,
    /// `.device`
    Device,
}

impl UnitType {
    /// All types, in systemd's order.
    pub const ALL: [UnitType; 11] = [
        UnitType::Service,
        UnitType::Mount,
        UnitType::Swap,
        UnitType::Socket,
        UnitType::Target,
        UnitType::Device,
        UnitType::Automount,
        UnitType::Timer,
        UnitType::Path,
        UnitType::Slice,
        UnitType::Scope,
    ];

    /// The suffix without the dot, e.g. `service`.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitType::Service => "service",
            UnitType::Socket => "socket",
            UnitType::Target => "target",
            UnitType::Timer => "timer",
            UnitType::Slice => "slice",
            UnitType::Scope => "scope",
            UnitType::Path => "path",
            UnitType::Mount => "mount",
            UnitType::Automount => "automount",
            UnitType::Swap => "swap",
            UnitType::Device => "device",
        }
    }

    /// Parse a suffix without the dot.
    pub fn parse(s: &str) -> Option<UnitType> {
        UnitType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The type-specific section name (`Service`, `Socket`, …), if the type has one.
    pub fn section(self) -> Option<&'static str> {
        match self {
            UnitType::Service => Some("Service"),
            UnitType::Socket => Some("Socket"),
            UnitType::Timer => Some("Timer"),
            UnitType::Slice => Some("Slice"),
            UnitType::Scope => Some("Scope"),
            UnitType::Path => Some("Path"),
            UnitType::Mount => Some("Mount"),
            UnitType::Automount => Some("Automount"),
            UnitType::Swap => Some("Swap"),
            UnitType::Target | UnitType::Device => None,
        }
    }
}
