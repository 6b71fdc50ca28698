//! Resource limits: what a service asks for (`Limit*=`) against what this manager may grant,
//! and the manager's own open-file limit.
//!
//! Without `CAP_SYS_RESOURCE` no process can raise a hard limit above its own, so a user
//! manager asked for `LimitRTPRIO=40` (Debian's `mpd.service`) where its hard RTPRIO limit is 0
//! must lower the request, as systemd does, rather than fail the start with `205/LIMITS`. The
//! clamp is computed here, before the fork, so that the caller can say which limit it lowered;
//! the child still falls back to the closest allowed value should the guess be wrong (see
//! `sys.rs`).

use rustix::process::{Resource, Rlimit as SysRlimit, getrlimit, setrlimit};

use crate::spec::Rlimit;

/// `RLIMIT_NOFILE`.
pub const RLIMIT_NOFILE: i32 = 7;

/// The soft open-file limit services get unless they set `LimitNOFILE=` (systemd's
/// `DefaultLimitNOFILE=1024:…`): `select()` cannot handle fds above 1023, so programs that
/// want more must ask for it.
pub const DEFAULT_NOFILE_SOFT: u64 = 1024;

/// A limit lowered to what the manager may grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clamped {
    /// RLIMIT_* number.
    pub resource: i32,
    /// What the unit asked for (soft, hard).
    pub asked: (u64, u64),
    /// What the service gets (soft, hard).
    pub granted: (u64, u64),
}

fn resource(number: i32) -> Option<Resource> {
    Some(match number {
        0 => Resource::Cpu,
        1 => Resource::Fsize,
        2 => Resource::Data,
        3 => Resource::Stack,
        4 => Resource::Core,
        5 => Resource::Rss,
        6 => Resource::Nproc,
        7 => Resource::Nofile,
        8 => Resource::Memlock,
        9 => Resource::As,
        10 => Resource::Locks,
        11 => Resource::Sigpending,
        12 => Resource::Msgqueue,
        13 => Resource::Nice,
        14 => Resource::Rtprio,
        15 => Resource::Rttime,
        _ => return None,
    })
}

fn to_u64(v: Option<u64>) -> u64 {
    v.unwrap_or(u64::MAX)
}

fn from_u64(v: u64) -> Option<u64> {
    (v != u64::MAX).then_some(v)
}

/// This process's (soft, hard) limit for RLIMIT_* `number` (`u64::MAX` = infinity).
pub fn current(number: i32) -> Option<(u64, u64)> {
    let r = getrlimit(resource(number)?);
    Some((to_u64(r.current), to_u64(r.maximum)))
}

/// Whether this process may raise hard limits (`CAP_SYS_RESOURCE` in its effective set).
pub fn may_raise_hard_limits() -> bool {
    rustix::thread::capabilities(None).is_ok_and(|c| {
        c.effective
            .contains(rustix::thread::CapabilitySet::SYS_RESOURCE)
    })
}

/// Lower every limit whose hard value exceeds this process's own hard limit (unless
/// `may_raise`), keeping soft ≤ hard, and return what was lowered.
pub fn clamp_to_grantable(limits: &mut [Rlimit], may_raise: bool) -> Vec<Clamped> {
    if may_raise {
        return Vec::new();
    }
    let mut clamped = Vec::new();
    for l in limits.iter_mut() {
        let Some((_, own_hard)) = current(l.resource) else {
            continue;
        };
        if l.hard <= own_hard {
            continue;
        }
        let asked = (l.soft, l.hard);
        l.hard = own_hard;
        l.soft = l.soft.min(own_hard);
        clamped.push(Clamped {
            resource: l.resource,
            asked,
            granted: (l.soft, l.hard),
        });
    }
    clamped
}

/// Raise this process's soft open-file limit to its hard limit (a manager holds a few fds
/// per service), returning the hard limit. Services get [`default_nofile`] instead.
pub fn raise_nofile_to_hard() -> std::io::Result<u64> {
    let r = getrlimit(Resource::Nofile);
    if r.current != r.maximum {
        setrlimit(
            Resource::Nofile,
            SysRlimit {
                current: r.maximum,
                maximum: r.maximum,
            },
        )?;
    }
    Ok(to_u64(r.maximum))
}

/// The open-file limit of a service that does not set `LimitNOFILE=`: 1024 soft, the
/// manager's hard limit as hard (systemd's `DefaultLimitNOFILE=1024:524288` in spirit).
pub fn default_nofile() -> Rlimit {
    let hard = current(RLIMIT_NOFILE).map_or(DEFAULT_NOFILE_SOFT, |(_, h)| h);
    Rlimit {
        resource: RLIMIT_NOFILE,
        soft: DEFAULT_NOFILE_SOFT.min(hard),
        hard,
    }
}

/// Set one limit of this process (tests and tools; the child uses raw calls).
pub fn set(limit: Rlimit) -> std::io::Result<()> {
    let res = resource(limit.resource).ok_or_else(|| {
        std::io::Error::from_raw_os_error(rustix::io::Errno::INVAL.raw_os_error())
    })?;
    setrlimit(
        res,
        SysRlimit {
            current: from_u64(limit.soft),
            maximum: from_u64(limit.hard),
        },
    )
    .map_err(Into::into)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_above_the_own_hard_limit_is_lowered_and_reported() {
        let (_, own) = current(RLIMIT_NOFILE).unwrap();
        if own == u64::MAX {
            return; // nothing is above infinity
        }
        let mut limits = [
            Rlimit {
                resource: RLIMIT_NOFILE,
                soft: own + 10,
                hard: own + 20,
            },
            Rlimit {
                resource: 4, // RLIMIT_CORE: asking for 0 is always allowed
                soft: 0,
                hard: 0,
            },
        ];
        let clamped = clamp_to_grantable(&mut limits, false);
        assert_eq!(
            clamped,
            vec![Clamped {
                resource: RLIMIT_NOFILE,
                asked: (own + 10, own + 20),
                granted: (own, own),
            }]
        );
        assert_eq!((limits[1].soft, limits[1].hard), (0, 0));
        assert!(clamp_to_grantable(&mut limits, true).is_empty());
    }

    #[test]
    fn the_default_open_file_limit_keeps_select_safe() {
        let d = default_nofile();
        assert!(d.soft <= DEFAULT_NOFILE_SOFT && d.soft <= d.hard);
    }
}
