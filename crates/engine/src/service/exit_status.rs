//! How a process ended, and how systemd names and judges that.

use linger_unit::model::ExitStatusSet;

use crate::state::ServiceResult;

/// A process's end, as `waitid` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// `code=exited, status=N`
    Exited(i32),
    /// `code=killed, status=SIG`
    Killed(i32),
    /// `code=dumped, status=SIG`
    Dumped(i32),
}

/// Signals that count as a clean end of a main process (systemd.service(5), SuccessExitStatus=).
const CLEAN_SIGNALS: [i32; 4] = [1, 2, 13, 15];

impl ExitStatus {
    /// Whether this end counts as success. Main processes also accept SIGHUP/INT/TERM/PIPE.
    pub fn is_clean(self, success: &ExitStatusSet, main: bool) -> bool {
        match self {
            ExitStatus::Exited(0) => true,
            ExitStatus::Exited(c) => u8::try_from(c).is_ok_and(|c| success.statuses.contains(&c)),
            ExitStatus::Killed(s) => {
                (main && CLEAN_SIGNALS.contains(&s)) || success.signals.contains(&s)
            }
            ExitStatus::Dumped(_) => false,
        }
    }

    /// Whether it is listed in a RestartPrevent/ForceExitStatus= set.
    pub fn matches(self, set: &ExitStatusSet) -> bool {
        match self {
            ExitStatus::Exited(c) => u8::try_from(c).is_ok_and(|c| set.statuses.contains(&c)),
            ExitStatus::Killed(s) | ExitStatus::Dumped(s) => set.signals.contains(&s),
        }
    }

    /// An exit code in `lo..=hi`.
    pub fn is_exit_between(self, lo: i32, hi: i32) -> bool {
        matches!(self, ExitStatus::Exited(c) if (lo..=hi).contains(&c))
    }

    /// A `wait(2)` status as this end.
    pub fn from_wait_status(st: i32) -> ExitStatus {
        let sig = st & 0x7f;
        match sig {
            0 => ExitStatus::Exited((st >> 8) & 0xff),
            _ if st & 0x80 != 0 => ExitStatus::Dumped(sig),
            _ => ExitStatus::Killed(sig),
        }
    }

    /// This end as a `wait(2)` status ([`ExitStatus::from_wait_status`] gives it back).
    pub fn wait_status(self) -> i32 {
        match self {
            ExitStatus::Exited(c) => (c & 0xff) << 8,
            ExitStatus::Killed(s) => s & 0x7f,
            ExitStatus::Dumped(s) => (s & 0x7f) | 0x80,
        }
    }

    /// The `Result=` a failure of this kind gives.
    pub fn result(self) -> ServiceResult {
        match self {
            ExitStatus::Exited(_) => ServiceResult::ExitCode,
            ExitStatus::Killed(_) => ServiceResult::Signal,
            ExitStatus::Dumped(_) => ServiceResult::CoreDump,
        }
    }

    /// systemd's `code=exited, status=203/EXEC` wording.
    pub fn describe(self) -> String {
        match self {
            ExitStatus::Exited(c) => match exit_status_name(c) {
                Some(n) => format!("code=exited, status={c}/{n}"),
                None => format!("code=exited, status={c}"),
            },
            ExitStatus::Killed(s) => format!("code=killed, status={s}/{}", signal_name(s)),
            ExitStatus::Dumped(s) => format!("code=dumped, status={s}/{}", signal_name(s)),
        }
    }

    /// `code=` value alone (`exited`, `killed`, `dumped`).
    pub fn code_str(self) -> &'static str {
        match self {
            ExitStatus::Exited(_) => "exited",
            ExitStatus::Killed(_) => "killed",
            ExitStatus::Dumped(_) => "dumped",
        }
    }

    /// The number in `status=`.
    pub fn number(self) -> i32 {
        match self {
            ExitStatus::Exited(c) | ExitStatus::Killed(c) | ExitStatus::Dumped(c) => c,
        }
    }

    /// A human sentence for the well-known setup failures (status shows it).
    pub fn explanation(self) -> Option<&'static str> {
        match self {
            ExitStatus::Exited(200) => Some("Changing to the requested working directory failed"),
            ExitStatus::Exited(203) => {
                Some("Executing the command failed: the program is missing or not executable")
            }
            ExitStatus::Exited(205) => Some("Setting a resource limit (Limit*=) failed"),
            ExitStatus::Exited(206) => Some("Setting OOMScoreAdjust= failed"),
            ExitStatus::Exited(201) => Some("Setting Nice= failed"),
            ExitStatus::Exited(208) => Some("Setting up standard input failed"),
            ExitStatus::Exited(209) => Some("Setting up standard output failed"),
            ExitStatus::Exited(222) => Some("Setting up standard error failed"),
            ExitStatus::Exited(219) => Some("Moving the process into its cgroup failed"),
            ExitStatus::Exited(216 | 217) => {
                Some("User=/Group= cannot be changed by a user manager")
            }
            _ => None,
        }
    }
}

/// systemd's names for exit statuses (LSB and its own 200+ range).
pub fn exit_status_name(code: i32) -> Option<&'static str> {
    Some(match code {
        0 => "SUCCESS",
        1 => "FAILURE",
        2 => "INVALIDARGUMENT",
        3 => "NOTIMPLEMENTED",
        4 => "NOPERMISSION",
        5 => "NOTINSTALLED",
        6 => "NOTCONFIGURED",
        7 => "NOTRUNNING",
        200 => "CHDIR",
        201 => "NICE",
        202 => "FDS",
        203 => "EXEC",
        204 => "MEMORY",
        205 => "LIMITS",
        206 => "OOM_ADJUST",
        207 => "SIGNAL_MASK",
        208 => "STDIN",
        209 => "STDOUT",
        210 => "CHROOT",
        211 => "IOPRIO",
        212 => "TIMERSLACK",
        213 => "SECUREBITS",
        214 => "SETSCHEDULER",
        215 => "CPUAFFINITY",
        216 => "GROUP",
        217 => "USER",
        218 => "CAPABILITIES",
        219 => "CGROUP",
        220 => "SETSID",
        221 => "CONFIRM",
        222 => "STDERR",
        224 => "PAM",
        225 => "NETWORK",
        226 => "NAMESPACE",
        227 => "NO_NEW_PRIVILEGES",
        228 => "SECCOMP",
        229 => "SELINUX_CONTEXT",
        230 => "PERSONALITY",
        231 => "APPARMOR",
        232 => "ADDRESS_FAMILIES",
        233 => "RUNTIME_DIRECTORY",
        235 => "CHOWN",
        236 => "SMACK_PROCESS_LABEL",
        237 => "KEYRING",
        238 => "STATE_DIRECTORY",
        239 => "CACHE_DIRECTORY",
        240 => "LOGS_DIRECTORY",
        241 => "CONFIGURATION_DIRECTORY",
        242 => "NUMA_POLICY",
        243 => "CREDENTIALS",
        245 => "BPF",
        _ => return None,
    })
}

/// Signal names without the SIG prefix, as systemd prints them (`9/KILL`); `RT` for real-time
/// signals. (The one table is `linger_wire::Signal`'s.)
pub fn signal_name(sig: i32) -> &'static str {
    linger_wire::Signal::new(sig)
        .and_then(linger_wire::Signal::name)
        .unwrap_or("RT")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_like_systemd() {
        assert_eq!(
            ExitStatus::Exited(1).describe(),
            "code=exited, status=1/FAILURE"
        );
        assert_eq!(
            ExitStatus::Exited(203).describe(),
            "code=exited, status=203/EXEC"
        );
        assert_eq!(
            ExitStatus::Killed(9).describe(),
            "code=killed, status=9/KILL"
        );
        assert_eq!(ExitStatus::Exited(42).describe(), "code=exited, status=42");
    }

    #[test]
    fn wait_statuses_decode_as_the_reaper_does_and_round_trip() {
        assert_eq!(ExitStatus::from_wait_status(3 << 8), ExitStatus::Exited(3));
        assert_eq!(ExitStatus::from_wait_status(9), ExitStatus::Killed(9));
        assert_eq!(
            ExitStatus::from_wait_status(0x80 | 11),
            ExitStatus::Dumped(11)
        );
        for e in [
            ExitStatus::Exited(0),
            ExitStatus::Exited(255),
            ExitStatus::Killed(15),
            ExitStatus::Dumped(6),
        ] {
            assert_eq!(ExitStatus::from_wait_status(e.wait_status()), e);
        }
    }

    #[test]
    fn sigterm_is_clean_only_for_main() {
        let none = ExitStatusSet::default();
        assert!(ExitStatus::Killed(15).is_clean(&none, true));
        assert!(!ExitStatus::Killed(15).is_clean(&none, false));
        assert!(!ExitStatus::Killed(9).is_clean(&none, true));
        let set = ExitStatusSet {
            statuses: vec![42],
            signals: vec![9],
        };
        assert!(ExitStatus::Exited(42).is_clean(&set, true));
        assert!(ExitStatus::Killed(9).is_clean(&set, true));
    }
}
