//! Signals: the one table of names (`KillSignal=SIGTERM`, `kill -s HUP`, `status=9/KILL`).

/// Linux signal names without the `SIG` prefix, indexed by number (index 0 unused).
const NAMES: [&str; 32] = [
    "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
    "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
    "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
];

/// glibc's SIGRTMIN (the kernel's 32 and 33 are reserved by the C library).
const RTMIN: i32 = 34;
/// The highest signal number on Linux.
const RTMAX: i32 = 64;

/// A signal number, 1–64. Travels as its number; reads and prints by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Signal(i32);

impl Signal {
    /// `SIGHUP`
    pub const HUP: Signal = Signal(1);
    /// `SIGINT`
    pub const INT: Signal = Signal(2);
    /// `SIGKILL`
    pub const KILL: Signal = Signal(9);
    /// `SIGUSR1`
    pub const USR1: Signal = Signal(10);
    /// `SIGTERM`
    pub const TERM: Signal = Signal(15);
    /// `SIGCONT`
    pub const CONT: Signal = Signal(18);
    /// `SIGSTOP`
    pub const STOP: Signal = Signal(19);

    /// The signal numbered `n`, if Linux has one.
    pub fn new(n: i32) -> Option<Signal> {
        (1..=RTMAX).contains(&n).then_some(Signal(n))
    }

    /// Its number.
    pub fn number(self) -> i32 {
        self.0
    }

    /// The standard name without `SIG` (`TERM`); None for real-time signals.
    pub fn name(self) -> Option<&'static str> {
        usize::try_from(self.0)
            .ok()
            .and_then(|i| NAMES.get(i))
            .copied()
            .filter(|n| !n.is_empty())
    }

    /// As systemd prints it after a status number: `TERM`, `RTMIN+3`.
    pub fn short_name(self) -> String {
        match self.name() {
            Some(n) => n.to_string(),
            None if self.0 >= RTMIN => format!("RTMIN+{}", self.0 - RTMIN),
            None => self.0.to_string(),
        }
    }

    /// Parse a signal as systemd does: `SIGTERM`, `TERM`, `15`, `RTMIN+3`, `SIGRTMAX-1`
    /// (names are case-sensitive; numbers 1–64, without the `SIG` prefix).
    pub fn parse(s: &str) -> Option<Signal> {
        let t = s.trim();
        let name = t.strip_prefix("SIG").unwrap_or(t);
        if let Some(i) = NAMES.iter().position(|n| !n.is_empty() && *n == name) {
            return i32::try_from(i).ok().map(Signal);
        }
        let realtime = |base: i32, rest: &str, sign: i32| -> Option<Signal> {
            if rest.is_empty() {
                return Some(Signal(base));
            }
            let n = rest.strip_prefix(if sign > 0 { '+' } else { '-' })?;
            if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let v = base.checked_add(sign.checked_mul(n.parse().ok()?)?)?;
            (RTMIN..=RTMAX).contains(&v).then_some(Signal(v))
        };
        if let Some(rest) = name.strip_prefix("RTMIN") {
            return realtime(RTMIN, rest, 1);
        }
        if let Some(rest) = name.strip_prefix("RTMAX") {
            return realtime(RTMAX, rest, -1);
        }
        if name.len() == t.len() && !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
            return t.parse().ok().and_then(Signal::new);
        }
        None
    }

    /// Whether a stopped process must be woken (`SIGCONT`) to act on this signal: everything
    /// but `SIGKILL`, which needs no action of the process, and `SIGCONT` itself.
    pub fn needs_cont(self) -> bool {
        self != Signal::KILL && self != Signal::CONT
    }

    /// Every standard signal with its name (for `kill --signal=help`-like listings).
    pub fn standard() -> impl Iterator<Item = (Signal, &'static str)> {
        (1..NAMES.len()).filter_map(|i| Some((Signal(i32::try_from(i).ok()?), NAMES[i])))
    }
}

impl std::fmt::Display for Signal {
    /// `SIGTERM`, `SIGRTMIN+3`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SIG{}", self.short_name())
    }
}

impl<'de> serde::Deserialize<'de> for Signal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Signal, D::Error> {
        let n = i32::deserialize(d)?;
        Signal::new(n).ok_or_else(|| {
            serde::de::Error::custom(format!("invalid signal number {n} (expected 1–64)"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_numbers_and_realtime_signals() {
        assert_eq!(Signal::parse("SIGTERM"), Some(Signal::TERM));
        assert_eq!(Signal::parse("KILL"), Some(Signal::KILL));
        assert_eq!(Signal::parse("9"), Some(Signal::KILL));
        assert_eq!(Signal::parse("SIG9"), None, "numbers only without SIG");
        assert_eq!(Signal::parse("RTMIN+3").map(Signal::number), Some(37));
        assert_eq!(Signal::parse("SIGRTMAX-1").map(Signal::number), Some(63));
        assert_eq!(Signal::parse("RTMAX+1"), None);
        assert_eq!(Signal::parse("term"), None, "names are case-sensitive");
        assert_eq!(Signal::parse("65"), None);
        assert_eq!(Signal::TERM.to_string(), "SIGTERM");
        assert_eq!(Signal::new(37).unwrap().short_name(), "RTMIN+3");
        for (s, name) in Signal::standard() {
            assert_eq!(Signal::parse(name), Some(s));
        }
    }

    #[test]
    fn travels_as_its_number_and_refuses_nonsense() {
        assert_eq!(serde_json::to_string(&Signal::HUP).unwrap(), "1");
        assert_eq!(serde_json::from_str::<Signal>("15").unwrap(), Signal::TERM);
        assert!(serde_json::from_str::<Signal>("0").is_err());
        assert!(serde_json::from_str::<Signal>("99").is_err());
    }

    #[test]
    fn only_kill_and_cont_need_no_cont() {
        assert!(!Signal::KILL.needs_cont());
        assert!(!Signal::CONT.needs_cont());
        assert!(Signal::TERM.needs_cont());
    }
}
