//! Signals (`KillSignal=`) and exit-status sets (`SuccessExitStatus=`).

use super::ValueError;
use super::number::parse_c_integer;
use crate::model::ExitStatusSet;

/// The name of a standard signal without `SIG` (`15` → `TERM`); None for real-time or invalid
/// numbers. (The one signal table is `linger_wire::Signal`'s.)
pub fn signal_name(signo: i32) -> Option<&'static str> {
    linger_wire::Signal::new(signo).and_then(linger_wire::Signal::name)
}

/// Parse a signal as systemd does: `SIGTERM`, `TERM`, `15`, `RTMIN+3`, `SIGRTMAX-1`
/// (names are case-sensitive; numbers 1–64).
pub fn parse_signal(s: &str) -> Result<i32, ValueError> {
    let t = s.trim();
    linger_wire::Signal::parse(t)
        // Numbers as C writes them too (`0x9`), as systemd's parser takes them.
        .or_else(|| {
            let n = parse_c_integer(t)?;
            linger_wire::Signal::new(i32::try_from(n).ok()?)
        })
        .map(linger_wire::Signal::number)
        .ok_or_else(|| {
            ValueError::new(
                "expected a signal name such as SIGTERM, TERM, RTMIN+1, or a number 1–64",
            )
        })
}

/// Names accepted for exit statuses (systemd.exec(5) "Process exit codes", plus the BSD
/// sysexits names systemd also accepts), without `EXIT_`/`EX_`.
const EXIT_NAMES: &[(&str, u8)] = &[
    ("SUCCESS", 0),
    ("FAILURE", 1),
    ("INVALIDARGUMENT", 2),
    ("NOTIMPLEMENTED", 3),
    ("NOPERMISSION", 4),
    ("NOTINSTALLED", 5),
    ("NOTCONFIGURED", 6),
    ("NOTRUNNING", 7),
    // BSD sysexits.h names.
    ("USAGE", 64),
    ("DATAERR", 65),
    ("NOINPUT", 66),
    ("NOUSER", 67),
    ("NOHOST", 68),
    ("UNAVAILABLE", 69),
    ("SOFTWARE", 70),
    ("OSERR", 71),
    ("OSFILE", 72),
    ("CANTCREAT", 73),
    ("IOERR", 74),
    ("TEMPFAIL", 75),
    ("PROTOCOL", 76),
    ("NOPERM", 77),
    ("CONFIG", 78),
    ("CHDIR", 200),
    ("NICE", 201),
    ("FDS", 202),
    ("EXEC", 203),
    ("MEMORY", 204),
    ("LIMITS", 205),
    ("OOM_ADJUST", 206),
    ("SIGNAL_MASK", 207),
    ("STDIN", 208),
    ("STDOUT", 209),
    ("CHROOT", 210),
    ("IOPRIO", 211),
    ("TIMERSLACK", 212),
    ("SECUREBITS", 213),
    ("SETSCHEDULER", 214),
    ("CPUAFFINITY", 215),
    ("GROUP", 216),
    ("USER", 217),
    ("CAPABILITIES", 218),
    ("CGROUP", 219),
    ("SETSID", 220),
    ("CONFIRM", 221),
    ("STDERR", 222),
    ("PAM", 224),
    ("NETWORK", 225),
    ("NAMESPACE", 226),
    ("NO_NEW_PRIVILEGES", 227),
    ("SECCOMP", 228),
    ("SELINUX_CONTEXT", 229),
    ("PERSONALITY", 230),
    ("APPARMOR_PROFILE", 231),
    ("ADDRESS_FAMILIES", 232),
    ("RUNTIME_DIRECTORY", 233),
    ("CHOWN", 235),
    ("SMACK_PROCESS_LABEL", 236),
    ("KEYRING", 237),
    ("STATE_DIRECTORY", 238),
    ("CACHE_DIRECTORY", 239),
    ("LOGS_DIRECTORY", 240),
    ("CONFIGURATION_DIRECTORY", 241),
    ("NUMA_POLICY", 242),
    ("CREDENTIALS", 243),
    ("BPF", 245),
];

/// An exit status by its systemd name (`CHDIR` → 200), as `SuccessExitStatus=` accepts it.
pub fn exit_status_from_name(name: &str) -> Option<u8> {
    EXIT_NAMES.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// Apply one `SuccessExitStatus=`-style assignment to `set`: an empty value resets it,
/// otherwise each space-separated word is an exit status (0–255 or a name like `CHDIR`)
/// or a signal name. Returns one error per word that was ignored, with the word.
pub fn parse_exit_status_set(value: &str, set: &mut ExitStatusSet) -> Vec<(String, ValueError)> {
    let mut errors = Vec::new();
    if value.trim().is_empty() {
        *set = ExitStatusSet::default();
        return errors;
    }
    for word in value.split_ascii_whitespace() {
        let status = if word.trim_start().starts_with('-') {
            None
        } else {
            parse_c_integer(word)
                .and_then(|v| u8::try_from(v).ok())
                .or_else(|| exit_status_from_name(word))
        };
        if let Some(st) = status {
            if !set.statuses.contains(&st) {
                set.statuses.push(st);
            }
        } else if parse_c_integer(word).is_none() {
            match parse_signal(word) {
                Ok(sig) => {
                    if !set.signals.contains(&sig) {
                        set.signals.push(sig);
                    }
                }
                Err(_) => errors.push((
                    word.to_string(),
                    ValueError::new(
                        "expected an exit status 0–255, an exit status name or a signal name",
                    ),
                )),
            }
        } else {
            errors.push((
                word.to_string(),
                ValueError::new("exit status out of range (expected 0–255)"),
            ));
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing (fuzz/ unit_file): the offset overflowed `i32` instead of failing.
    #[test]
    fn huge_realtime_offsets_are_errors() {
        for s in [
            "RTMIN+2147483644",
            "SIGRTMAX-2147483647",
            "RTMAX+2147483647",
        ] {
            assert!(parse_signal(s).is_err(), "{s}");
        }
    }

    #[test]
    fn signals() {
        let ok = [
            ("SIGTERM", 15),
            ("TERM", 15),
            ("15", 15),
            ("0x5", 5),
            ("+5", 5),
            ("RTMIN", 34),
            ("SIGRTMIN+0", 34),
            ("RTMIN+3", 37),
            ("SIGRTMAX-1", 63),
            ("RTMAX", 64),
        ];
        for (s, n) in ok {
            assert_eq!(parse_signal(s), Ok(n), "{s}");
        }
        for s in [
            "sigterm",
            "65",
            "0",
            "SIGRTMIN+40",
            "SIG15",
            "IOT",
            "RTMIN-1",
            "SIGFOO",
        ] {
            assert!(parse_signal(s).is_err(), "{s}");
        }
    }

    #[test]
    fn exit_sets() {
        let mut set = ExitStatusSet::default();
        let errs = parse_exit_status_set(
            "1 2 SIGKILL TERM CHDIR INVALIDARGUMENT 256 foo 0377 0400",
            &mut set,
        );
        assert_eq!(set.statuses, vec![1, 2, 200, 255]);
        assert_eq!(set.signals, vec![9, 15]);
        let bad: Vec<_> = errs.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(bad, vec!["256", "foo", "0400"]);
        assert!(parse_exit_status_set("", &mut set).is_empty());
        assert_eq!(set, ExitStatusSet::default());
    }
}
