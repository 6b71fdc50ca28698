//! The declarative `Section.Key → parser → field` table that fills [`crate::model`].
//! OWNER: helper U2.
//!
//! The tables live in `settings/{unit,service,exec,timer,socket}_table.rs`, one row per directive. A
//! [`UnitBuilder`] applies lexed files (fragment first, then drop-ins) to a default
//! [`UnitConfig`] with systemd's semantics:
//! - an invalid value is a warning ending in ", ignoring." and the line has no effect, except
//!   where systemd treats the error as fatal (unparsable `ExecStart=`, relative
//!   `WorkingDirectory=`): then the unit is `bad-setting` and no further line is applied;
//! - repeated assignments accumulate lists, the last one wins for scalars, and an empty
//!   assignment resets the lists systemd documents as resettable (not dependencies);
//! - keys systemd knows but linger does not implement get a warning saying so; other keys
//!   get systemd's "Unknown key" warning; `X-` sections are ignored silently.

mod conditions;
mod exec_dirs;
mod exec_table;
mod finish;
mod hardening_table;
mod known;
pub(crate) mod names;
mod service_table;
mod socket_table;
mod timer_table;
mod unit_table;

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Severity};
use crate::model::{
    LoadState, ServiceConfig, SocketConfig, TimerConfig, UnitConfig, UnitKind, UnitSection,
    UnitType,
};
use crate::syntax::{Assignment, ParsedFile, SectionKind};
use crate::value::ValueError;

/// What a row's parser needs besides the value: how to expand `%` specifiers for this unit
/// and the user's home directory (for `WorkingDirectory=~`).
pub struct ApplyContext<'a> {
    /// Expands `%n`, `%h`, … for this unit; Err carries the reason.
    pub expand: &'a dyn Fn(&str) -> Result<String, String>,
    /// Expands the subset allowed in unit names (dependencies, `Slice=`, `Sockets=`).
    pub expand_name: &'a dyn Fn(&str) -> Result<String, String>,
    /// The user's home directory.
    pub home: Option<&'a Path>,
}

impl std::fmt::Debug for ApplyContext<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApplyContext")
            .field("home", &self.home)
            .finish_non_exhaustive()
    }
}

/// One assignment being applied: the row's parser reads key, value and location from it.
pub(crate) struct Cx<'a> {
    /// Directive name.
    pub key: &'a str,
    /// Raw value (not yet specifier-expanded).
    pub value: &'a str,
    /// 1-based line.
    pub line: usize,
    /// The file being applied.
    pub path: Option<&'a Path>,
    /// Specifiers and home.
    pub actx: &'a ApplyContext<'a>,
}

/// A table row's parser: applies one assignment to the builder.
pub(crate) type Apply = fn(&mut UnitBuilder, &Cx<'_>);

/// Data some settings need that the model does not hold (yet).
#[derive(Debug, Default)]
pub(crate) struct Extra {
    /// `StandardInputText=`/`StandardInputData=` accumulated bytes.
    pub input_data: Vec<u8>,
    /// Whether `StandardInput=` was set explicitly.
    pub input_set: bool,
    /// `Type=` was given (without it, `BusName=` makes a service `Type=dbus`).
    pub type_set: bool,
    /// `SuccessAction=` is set to something other than `none`.
    pub success_action: bool,
    /// A timer's `Unit=` was accepted once (systemd refuses a second one).
    pub trigger_set: bool,
    /// `Listen*=` lines systemd accepts but linger does not implement (netlink, special
    /// files, message queues, USB functions, AF_VSOCK): they count for the whole-unit checks.
    pub other_listens: Vec<OtherListen>,
}

/// A `Listen*=` entry systemd would open and linger does not: what the whole-unit checks
/// need to know about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OtherListen {
    /// A stream or sequential-packet socket (usable with `Accept=yes`).
    pub accepting: bool,
}

/// The `[Scope]` settings linger applies (shared with `[Service]`).
const SCOPE_KEYS: &[&str] = &[
    "Slice",
    "KillMode",
    "KillSignal",
    "SendSIGHUP",
    "SendSIGKILL",
    "FinalKillSignal",
    "TimeoutStopSec",
    "RuntimeMaxSec",
];

/// Applies lexed unit files to a unit's configuration.
#[derive(Debug)]
pub struct UnitBuilder {
    pub(crate) cfg: UnitConfig,
    pub(crate) svc: ServiceConfig,
    pub(crate) timer: TimerConfig,
    pub(crate) socket: SocketConfig,
    pub(crate) extra: Extra,
    /// A fatal error happened: nothing more is applied.
    pub(crate) fatal: bool,
}

impl UnitBuilder {
    /// A builder for unit `id` of type `unit_type`, with systemd's defaults.
    pub fn new(id: &str, unit_type: UnitType) -> Self {
        let kind = match unit_type {
            UnitType::Service => UnitKind::Service(Box::default()),
            UnitType::Target => UnitKind::Target,
            UnitType::Timer => UnitKind::Timer(Box::default()),
            UnitType::Socket => UnitKind::Socket(Box::default()),
            UnitType::Scope => UnitKind::Scope(Box::default()),
            _ => UnitKind::Other,
        };
        UnitBuilder {
            cfg: UnitConfig {
                id: id.to_string(),
                aliases: Vec::new(),
                unit_type,
                load_state: LoadState::Loaded,
                fragment_path: None,
                dropin_paths: Vec::new(),
                file_mtimes: Vec::new(),
                diagnostics: Vec::new(),
                unit: UnitSection::default(),
                install: crate::model::InstallSection::default(),
                kind,
            },
            svc: ServiceConfig::default(),
            timer: TimerConfig::default(),
            socket: SocketConfig::default(),
            extra: Extra::default(),
            fatal: false,
        }
    }

    /// The configuration built so far (read-only).
    pub fn config(&self) -> &UnitConfig {
        &self.cfg
    }

    /// Mutable access for the loader (fragment path, drop-in list, aliases, `.wants/` deps).
    pub fn config_mut(&mut self) -> &mut UnitConfig {
        &mut self.cfg
    }

    /// Whether a fatal error has made the unit `bad-setting`.
    pub fn is_fatal(&self) -> bool {
        self.fatal
    }

    /// Lex `bytes` (a file's content) with this unit type's sections and apply it.
    pub fn apply_bytes(&mut self, bytes: &[u8], path: Option<&Path>, actx: &ApplyContext<'_>) {
        let unit_type = self.cfg.unit_type;
        let parsed = crate::syntax::parse_with(bytes, path, &|s| section_kind(unit_type, s));
        self.apply_file(&parsed, path, actx);
    }

    /// Apply one lexed file: its lexer diagnostics, then every assignment. A file the lexer
    /// refused (overlong line, invalid UTF-8) makes the unit fail to load (`error`).
    pub fn apply_file(
        &mut self,
        parsed: &ParsedFile,
        path: Option<&Path>,
        actx: &ApplyContext<'_>,
    ) {
        self.cfg
            .diagnostics
            .extend(parsed.diagnostics.iter().cloned());
        if parsed.is_fatal() {
            self.fatal = true;
            self.cfg.load_state = LoadState::Error;
            return;
        }
        for a in &parsed.assignments {
            self.apply(a, path, actx);
        }
    }

    /// Apply one assignment (ignored once a fatal error happened, as systemd stops loading).
    pub fn apply(&mut self, a: &Assignment, path: Option<&Path>, actx: &ApplyContext<'_>) {
        if self.fatal || a.section.starts_with("X-") || !self.section_is_valid(&a.section) {
            return;
        }
        let cx = Cx {
            key: &a.key,
            value: &a.value,
            line: a.line,
            path,
            actx,
        };
        if let Some(apply) = self.lookup(&a.section, &a.key) {
            apply(self, &cx);
        } else if known::systemd_knows(&a.section, &a.key) {
            if matches!(a.section.as_str(), "Service" | "Scope" | "Socket")
                && known::is_resource_control(&a.key)
            {
                // Kept raw for the cgroup layer, which validates and applies them.
                exec_table::resource_control(self, &cx);
            } else if matches!(
                a.section.as_str(),
                "Unit" | "Install" | "Service" | "Socket" | "Timer" | "Scope"
            ) {
                self.warn(
                    &cx,
                    format!(
                        "{}= is not supported by linger (systemd knows it), ignoring.",
                        a.key
                    ),
                );
            }
            // Other unit types are parsed but not run yet: their own keys are accepted as is.
        } else {
            self.warn(
                &cx,
                format!(
                    "Unknown key '{}' in section [{}], ignoring.",
                    a.key, a.section
                ),
            );
        }
    }

    /// Finish: run systemd's whole-unit checks and return the configuration.
    pub fn finish(mut self) -> UnitConfig {
        finish::check(&mut self);
        if self.fatal && self.cfg.load_state == LoadState::Loaded {
            self.cfg.load_state = LoadState::BadSetting;
        }
        self.into_config()
    }

    /// The configuration with the type-specific part moved into `kind`.
    pub(crate) fn into_config(self) -> UnitConfig {
        let mut cfg = self.cfg;
        match &mut cfg.kind {
            UnitKind::Service(s) => **s = self.svc,
            UnitKind::Timer(t) => **t = self.timer,
            UnitKind::Socket(s) => {
                **s = SocketConfig {
                    processes: self.svc,
                    ..self.socket
                }
            }
            UnitKind::Scope(s) => **s = self.svc,
            UnitKind::Target | UnitKind::Other => {}
        }
        cfg
    }

    fn section_is_valid(&self, section: &str) -> bool {
        section == "Unit" || section == "Install" || self.cfg.unit_type.section() == Some(section)
    }

    fn lookup(&self, section: &str, key: &str) -> Option<Apply> {
        let find = |table: &[(&str, Apply)]| table.iter().find(|(k, _)| *k == key).map(|(_, f)| *f);
        match section {
            "Unit" => find(unit_table::UNIT).or_else(|| {
                known::systemd_knows("Unit", key)
                    .then(|| unit_table::condition_row(key))
                    .flatten()
            }),
            "Install" => find(unit_table::INSTALL),
            "Service" if self.cfg.unit_type == UnitType::Service => find(service_table::SERVICE)
                .or_else(|| find(exec_table::EXEC))
                .or_else(|| find(exec_dirs::DIRS))
                .or_else(|| find(hardening_table::HARDENING)),
            "Timer" if self.cfg.unit_type == UnitType::Timer => find(timer_table::TIMER),
            "Socket" if self.cfg.unit_type == UnitType::Socket => find(socket_table::SOCKET)
                .or_else(|| find(socket_table::PROCESSES))
                .or_else(|| {
                    socket_table::SERVICE_KEYS
                        .contains(&key)
                        .then(|| find(service_table::SERVICE))
                        .flatten()
                })
                .or_else(|| find(exec_table::EXEC))
                .or_else(|| find(exec_dirs::DIRS))
                .or_else(|| find(hardening_table::HARDENING)),
            // A scope runs no command: of a service's settings it has the slice, the kill
            // and stop settings (and the resource controls, below).
            "Scope" if self.cfg.unit_type == UnitType::Scope && SCOPE_KEYS.contains(&key) => {
                find(service_table::SERVICE)
            }
            _ => None,
        }
    }

    pub(crate) fn push(
        &mut self,
        path: Option<&Path>,
        line: usize,
        severity: Severity,
        message: String,
    ) {
        self.cfg.diagnostics.push(Diagnostic {
            path: path.map(Path::to_path_buf),
            line,
            severity,
            message,
        });
    }

    /// A warning about this assignment.
    pub(crate) fn warn(&mut self, cx: &Cx<'_>, message: String) {
        self.push(cx.path, cx.line, Severity::Warning, message);
    }

    /// A fatal error about this assignment: the unit becomes `bad-setting`.
    pub(crate) fn fatal(&mut self, cx: &Cx<'_>, message: String) {
        self.push(cx.path, cx.line, Severity::Error, message);
        self.fatal = true;
    }

    /// The standard warning for a rejected value.
    pub(crate) fn bad_value(&mut self, cx: &Cx<'_>, err: &ValueError) {
        self.warn(
            cx,
            format!(
                "Failed to parse {}= value '{}' ({}), ignoring.",
                cx.key, cx.value, err.detail
            ),
        );
    }

    /// Expand specifiers in the value; on failure warn (", ignoring") and return None.
    pub(crate) fn expand(&mut self, cx: &Cx<'_>) -> Option<String> {
        self.expand_str(cx, cx.value)
    }

    /// Expand specifiers in `s` (part of this assignment's value).
    pub(crate) fn expand_str(&mut self, cx: &Cx<'_>, s: &str) -> Option<String> {
        self.expand_using(cx, s, cx.actx.expand)
    }

    /// Expand the unit-name specifiers in `s` (a unit name in this assignment's value).
    pub(crate) fn expand_unit_name(&mut self, cx: &Cx<'_>, s: &str) -> Option<String> {
        self.expand_using(cx, s, cx.actx.expand_name)
    }

    fn expand_using(
        &mut self,
        cx: &Cx<'_>,
        s: &str,
        f: &dyn Fn(&str) -> Result<String, String>,
    ) -> Option<String> {
        match f(s) {
            Ok(v) => Some(v),
            Err(e) => {
                self.warn(
                    cx,
                    format!(
                        "Failed to resolve unit specifiers in {}= value '{s}' ({e}), ignoring.",
                        cx.key
                    ),
                );
                None
            }
        }
    }

    /// Parse the (specifier-expanded if `expand`) value with `parse` and store it with `store`.
    pub(crate) fn set<T>(
        &mut self,
        cx: &Cx<'_>,
        expand: bool,
        parse: impl Fn(&str) -> Result<T, ValueError>,
        store: impl FnOnce(&mut Self, T),
    ) {
        let value = if expand {
            match self.expand(cx) {
                Some(v) => v,
                None => return,
            }
        } else {
            cx.value.to_string()
        };
        match parse(&value) {
            Ok(v) => store(self, v),
            Err(e) => self.bad_value(cx, &e),
        }
    }
}

/// Parse an absolute path value after specifier expansion (shared by several rows).
pub(crate) fn expanded_path(b: &mut UnitBuilder, cx: &Cx<'_>) -> Option<PathBuf> {
    let v = b.expand(cx)?;
    match crate::value::parse_path(&v) {
        Ok(p) => Some(p),
        Err(e) => {
            b.bad_value(cx, &e);
            None
        }
    }
}

/// How the lexer should treat section `name` in a unit of type `unit_type`: `[Unit]`,
/// `[Install]` and the type's own section are read, `X-…` sections are dropped silently,
/// anything else draws systemd's "Unknown section" warning.
pub fn section_kind(unit_type: UnitType, name: &str) -> SectionKind {
    if name == "Unit" || name == "Install" || unit_type.section() == Some(name) {
        SectionKind::Known
    } else if name.starts_with("X-") {
        SectionKind::IgnoredSilently
    } else {
        SectionKind::Unknown
    }
}

/// Whether systemd 252 knows directive `key` in `section` (used by `lint` and tests).
pub fn systemd_knows(section: &str, key: &str) -> bool {
    known::systemd_knows(section, key)
}
