//! Resource directives (systemd.resource-control(5)): parsing with systemd's value syntax,
//! and turning them into cgroup file writes for the driver in use (the `plan` module).

mod size;

use std::fmt;

pub use size::{parse_permyriad, parse_size};

use crate::controller::Controller;
use crate::detect::DriverKind;

/// A resource directive linger implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Directive {
    /// `MemoryMax=`: hard limit (`memory.max`, v1 `memory.limit_in_bytes`).
    MemoryMax,
    /// `MemoryHigh=`: throttling limit (`memory.high`; no v1 equivalent).
    MemoryHigh,
    /// `MemoryLow=`: best-effort protection (`memory.low`, v1 approximated by the soft limit).
    MemoryLow,
    /// `MemorySwapMax=`: swap limit (`memory.swap.max`, v1 via `memory.memsw.limit_in_bytes`).
    MemorySwapMax,
    /// `TasksMax=`: `pids.max`.
    TasksMax,
    /// `CPUQuota=`: `cpu.max` (v1 `cpu.cfs_quota_us`/`cpu.cfs_period_us`).
    CPUQuota,
    /// `CPUWeight=`: `cpu.weight` / `cpu.idle` (v1 `cpu.shares`).
    CPUWeight,
    /// `IOWeight=`: `io.weight` (v2 only).
    IOWeight,
}

impl Directive {
    /// Every directive, in the order they are applied and reported.
    pub const ALL: [Directive; 8] = [
        Directive::MemoryMax,
        Directive::MemoryHigh,
        Directive::MemoryLow,
        Directive::MemorySwapMax,
        Directive::TasksMax,
        Directive::CPUQuota,
        Directive::CPUWeight,
        Directive::IOWeight,
    ];

    /// The directive's name as written in unit files (without `=`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Directive::MemoryMax => "MemoryMax",
            Directive::MemoryHigh => "MemoryHigh",
            Directive::MemoryLow => "MemoryLow",
            Directive::MemorySwapMax => "MemorySwapMax",
            Directive::TasksMax => "TasksMax",
            Directive::CPUQuota => "CPUQuota",
            Directive::CPUWeight => "CPUWeight",
            Directive::IOWeight => "IOWeight",
        }
    }

    /// The directive for a unit-file key, if linger implements it.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == name)
    }

    /// The controller the directive needs.
    #[must_use]
    pub fn controller(self) -> Controller {
        match self {
            Directive::MemoryMax
            | Directive::MemoryHigh
            | Directive::MemoryLow
            | Directive::MemorySwapMax => Controller::Memory,
            Directive::TasksMax => Controller::Pids,
            Directive::CPUQuota | Directive::CPUWeight => Controller::Cpu,
            Directive::IOWeight => Controller::Io,
        }
    }

    /// What the directive accepts, for error messages.
    #[must_use]
    pub fn accepted(self) -> &'static str {
        match self {
            Directive::MemoryMax | Directive::MemoryHigh => {
                "a size in bytes above 0 with an optional K, M, G, T, P or E suffix (base 1024), \
                 a percentage of physical memory (e.g. 50%), or \"infinity\""
            }
            Directive::MemoryLow => {
                "a size in bytes with an optional K, M, G, T, P or E suffix (base 1024), \
                 a percentage of physical memory (e.g. 10%), or \"infinity\""
            }
            Directive::MemorySwapMax => {
                "a size in bytes with an optional K, M, G, T, P or E suffix (base 1024), \
                 or \"infinity\""
            }
            Directive::TasksMax => {
                "a number of tasks above 0, a percentage of the system's task limit (e.g. 33%), \
                 or \"infinity\""
            }
            Directive::CPUQuota => "a percentage above 0%, e.g. 20% or 150% (more than one CPU)",
            Directive::CPUWeight => "an integer from 1 to 10000, or \"idle\"",
            Directive::IOWeight => "an integer from 1 to 10000",
        }
    }
}

impl fmt::Display for Directive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A memory amount: absolute, relative to physical memory, or unlimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemoryValue {
    /// `infinity`.
    Infinity,
    /// Bytes.
    Bytes(u64),
    /// Ten-thousandths of physical memory (`50%` is 5000), resolved when applied.
    Permyriad(u64),
}

/// A task count: absolute, relative to the system's task limit, or unlimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TasksValue {
    /// `infinity`.
    Infinity,
    /// A number of tasks.
    Count(u64),
    /// Ten-thousandths of the system's task limit, resolved when applied.
    Permyriad(u64),
}

/// `CPUWeight=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CpuWeight {
    /// `idle`: `cpu.idle` 1 on v2, the minimum weight on v1.
    Idle,
    /// 1 to 10000.
    Weight(u64),
}

/// The resource directives of one unit, as parsed. `None` means unset (the kernel default).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResourceLimits {
    /// `MemoryMax=`.
    pub memory_max: Option<MemoryValue>,
    /// `MemoryHigh=`.
    pub memory_high: Option<MemoryValue>,
    /// `MemoryLow=`.
    pub memory_low: Option<MemoryValue>,
    /// `MemorySwapMax=`.
    pub memory_swap_max: Option<MemoryValue>,
    /// `TasksMax=`.
    pub tasks_max: Option<TasksValue>,
    /// `CPUQuota=`, in ten-thousandths of one CPU (`20%` is 2000).
    pub cpu_quota_permyriad: Option<u64>,
    /// `CPUWeight=`.
    pub cpu_weight: Option<CpuWeight>,
    /// `IOWeight=`.
    pub io_weight: Option<u64>,
}

/// Why a resource directive cannot be parsed or applied. Every variant names the directive.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResourceError {
    /// The value is not in the directive's syntax or range.
    #[error("{directive}={value}: invalid value; {directive}= accepts {}", directive.accepted())]
    Invalid {
        /// The directive.
        directive: Directive,
        /// The value as written.
        value: String,
    },
    /// The manager runs without cgroups.
    #[error(
        "{directive}= needs a cgroup controller; this manager runs without cgroups (driver none)"
    )]
    NoCgroups {
        /// The directive.
        directive: Directive,
    },
    /// The controller the directive needs is not available to this manager.
    #[error(
        "{directive}= needs the {controller} controller, which is not available to this manager (driver {driver})"
    )]
    MissingController {
        /// The directive.
        directive: Directive,
        /// The controller it needs.
        controller: Controller,
        /// The driver in use.
        driver: DriverKind,
    },
}

impl ResourceLimits {
    /// Whether `directive` is set.
    #[must_use]
    pub fn is_set(&self, directive: Directive) -> bool {
        match directive {
            Directive::MemoryMax => self.memory_max.is_some(),
            Directive::MemoryHigh => self.memory_high.is_some(),
            Directive::MemoryLow => self.memory_low.is_some(),
            Directive::MemorySwapMax => self.memory_swap_max.is_some(),
            Directive::TasksMax => self.tasks_max.is_some(),
            Directive::CPUQuota => self.cpu_quota_permyriad.is_some(),
            Directive::CPUWeight => self.cpu_weight.is_some(),
            Directive::IOWeight => self.io_weight.is_some(),
        }
    }

    /// The directives that are set, in [`Directive::ALL`] order.
    #[must_use]
    pub fn set_directives(&self) -> Vec<Directive> {
        Directive::ALL
            .into_iter()
            .filter(|d| self.is_set(*d))
            .collect()
    }

    /// Assigns `directive=value` as a unit file line does; an empty value resets it to unset.
    ///
    /// ```
    /// use linger_cgroup::{Directive, MemoryValue, ResourceLimits};
    /// let mut l = ResourceLimits::default();
    /// l.assign(Directive::MemoryMax, "512M").unwrap();
    /// assert_eq!(l.memory_max, Some(MemoryValue::Bytes(512 << 20)));
    /// assert!(l.assign(Directive::CPUQuota, "fast").unwrap_err().to_string().contains("CPUQuota="));
    /// ```
    ///
    /// # Errors
    /// The value is not valid for the directive (nothing is changed then).
    pub fn assign(&mut self, directive: Directive, value: &str) -> Result<(), ResourceError> {
        let v = value.trim();
        let bad = || ResourceError::Invalid {
            directive,
            value: value.to_owned(),
        };
        let empty = v.is_empty();
        match directive {
            Directive::MemoryMax
            | Directive::MemoryHigh
            | Directive::MemoryLow
            | Directive::MemorySwapMax => {
                let parsed = if empty {
                    None
                } else {
                    Some(parse_memory(directive, v).ok_or_else(bad)?)
                };
                match directive {
                    Directive::MemoryMax => self.memory_max = parsed,
                    Directive::MemoryHigh => self.memory_high = parsed,
                    Directive::MemoryLow => self.memory_low = parsed,
                    _ => self.memory_swap_max = parsed,
                }
            }
            Directive::TasksMax => {
                self.tasks_max = if empty {
                    None
                } else {
                    Some(parse_tasks(v).ok_or_else(bad)?)
                };
            }
            Directive::CPUQuota => {
                self.cpu_quota_permyriad = if empty {
                    None
                } else {
                    Some(
                        parse_permyriad(v, false)
                            .filter(|p| *p > 0)
                            .ok_or_else(bad)?,
                    )
                };
            }
            Directive::CPUWeight => {
                self.cpu_weight = if empty {
                    None
                } else if v == "idle" {
                    Some(CpuWeight::Idle)
                } else {
                    Some(CpuWeight::Weight(parse_weight(v).ok_or_else(bad)?))
                };
            }
            Directive::IOWeight => {
                self.io_weight = if empty {
                    None
                } else {
                    Some(parse_weight(v).ok_or_else(bad)?)
                };
            }
        }
        Ok(())
    }

    /// Assigns by unit-file key. Returns `Ok(false)` (and changes nothing) when the key is not a
    /// resource directive linger implements.
    ///
    /// # Errors
    /// As [`ResourceLimits::assign`].
    pub fn assign_key(&mut self, key: &str, value: &str) -> Result<bool, ResourceError> {
        match Directive::from_name(key) {
            Some(d) => self.assign(d, value).map(|()| true),
            None => Ok(false),
        }
    }
}

fn parse_memory(directive: Directive, v: &str) -> Option<MemoryValue> {
    if v == "infinity" {
        return Some(MemoryValue::Infinity);
    }
    // Zero is a valid protection or swap limit, but a zero MemoryMax/MemoryHigh would make
    // the unit unable to run at all: systemd refuses it as out of range.
    let zero_ok = matches!(directive, Directive::MemoryLow | Directive::MemorySwapMax);
    if v.ends_with(['%', '‰', '‱']) {
        if directive == Directive::MemorySwapMax {
            return None;
        }
        let p = parse_permyriad(v, true)?;
        return (p > 0 || zero_ok).then_some(MemoryValue::Permyriad(p));
    }
    let b = parse_size(v)?;
    (b > 0 || zero_ok).then_some(MemoryValue::Bytes(b))
}

fn parse_tasks(v: &str) -> Option<TasksValue> {
    if v == "infinity" {
        return Some(TasksValue::Infinity);
    }
    if v.ends_with(['%', '‰', '‱']) {
        return parse_permyriad(v, true)
            .filter(|p| *p > 0)
            .map(TasksValue::Permyriad);
    }
    v.parse::<u64>()
        .ok()
        .filter(|n| *n > 0 && *n < u64::MAX)
        .map(TasksValue::Count)
}

fn parse_weight(v: &str) -> Option<u64> {
    v.parse::<u64>().ok().filter(|n| (1..=10_000).contains(n))
}
