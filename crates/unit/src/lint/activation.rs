//! Timers and sockets whose activated unit cannot be loaded, and timer settings that have no
//! effect as written.

use std::path::PathBuf;

use super::{at, find_line};
use crate::diag::{Diagnostic, Severity};
use crate::loader::{LoadContext, UnitIndex, load_unit_with};
use crate::model::{LoadState, UnitConfig, UnitKind};
use crate::syntax::Assignment;

/// The connection instance `verify` loads to check an `Accept=yes` socket's template.
const ACCEPT_INSTANCE: &str = "internal";

/// Lint a timer or socket (other units: nothing to do).
pub(super) fn check(
    cfg: &UnitConfig,
    files: &[(PathBuf, Assignment)],
    index: &UnitIndex,
    ctx: &LoadContext,
    out: &mut Vec<Diagnostic>,
) {
    let not_found = |name: &str| load_unit_with(index, name, ctx).load_state == LoadState::NotFound;
    match &cfg.kind {
        UnitKind::Socket(s) => {
            let target = s.target_service(&cfg.id);
            let load_name = match target.split_once("@.") {
                Some((prefix, suffix)) => format!("{prefix}@{ACCEPT_INSTANCE}.{suffix}"),
                None => target.clone(),
            };
            if not_found(&load_name) {
                // systemd's own verdict (`systemd-analyze verify` fails with it).
                out.push(at(
                    find_line(files, "Service", ""),
                    Severity::Error,
                    format!(
                        "{}: service {load_name} not loaded, socket cannot be started. Create {target}{}.",
                        cfg.id,
                        if s.service.is_some() { "" } else { ", or name another one with Service=" }
                    ),
                ));
            }
        }
        UnitKind::Timer(t) => {
            let target = t.target_unit(&cfg.id);
            if not_found(&target) {
                out.push(at(
                    find_line(files, "Unit", ""),
                    Severity::Warning,
                    format!(
                        "{}: unit {target} to trigger not found: starting the timer will fail. Create it{}.",
                        cfg.id,
                        if t.unit.is_some() { "" } else { ", or name another unit with Unit=" }
                    ),
                ));
            }
            if t.persistent && t.on_calendar.is_empty() {
                out.push(at(
                    find_line(files, "Persistent", ""),
                    Severity::Warning,
                    "Persistent=yes only affects OnCalendar= triggers, and this timer has none."
                        .to_string(),
                ));
            }
        }
        _ => {}
    }
}
