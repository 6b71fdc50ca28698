//! Rows for `[Unit]` and `[Install]`.

use super::names::{is_valid_loadable, parse_name};
use super::{Apply, Cx, UnitBuilder, conditions, expanded_path};
use crate::model::{EmergencyAction, InstallSection, UnitSection};
use crate::value::{
    parse_boolean, parse_collect_mode, parse_emergency_action, parse_sec, parse_unsigned,
    split_words,
};

/// `[Unit]` rows. `Condition*=`/`Assert*=` are dispatched by [`conditions`].
pub(crate) const UNIT: &[(&str, Apply)] = &[
    ("Description", |b, cx| {
        if let Some(v) = b.expand(cx) {
            b.cfg.unit.description = (!v.is_empty()).then_some(v);
        }
    }),
    ("Documentation", documentation),
    ("Requires", |b, cx| deps(b, cx, |u| &mut u.requires)),
    ("Wants", |b, cx| deps(b, cx, |u| &mut u.wants)),
    ("Requisite", |b, cx| deps(b, cx, |u| &mut u.requisite)),
    ("BindsTo", |b, cx| deps(b, cx, |u| &mut u.binds_to)),
    // The pre-v200 spelling, still accepted by systemd.
    ("BindTo", |b, cx| deps(b, cx, |u| &mut u.binds_to)),
    ("PartOf", |b, cx| deps(b, cx, |u| &mut u.part_of)),
    ("Upholds", |b, cx| deps(b, cx, |u| &mut u.upholds)),
    ("Conflicts", |b, cx| deps(b, cx, |u| &mut u.conflicts)),
    ("After", |b, cx| deps(b, cx, |u| &mut u.after)),
    ("Before", |b, cx| deps(b, cx, |u| &mut u.before)),
    ("OnFailure", |b, cx| deps(b, cx, |u| &mut u.on_failure)),
    ("OnSuccess", |b, cx| deps(b, cx, |u| &mut u.on_success)),
    ("StopWhenUnneeded", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| {
            b.cfg.unit.stop_when_unneeded = v
        })
    }),
    ("RefuseManualStart", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| {
            b.cfg.unit.refuse_manual_start = v
        })
    }),
    ("RefuseManualStop", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| {
            b.cfg.unit.refuse_manual_stop = v
        })
    }),
    ("AllowIsolate", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| {
            b.cfg.unit.allow_isolate = v
        })
    }),
    ("IgnoreOnIsolate", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| {
            b.cfg.unit.ignore_on_isolate = Some(v)
        })
    }),
    ("CollectMode", |b, cx| {
        b.set(cx, false, parse_collect_mode, |b, v| {
            b.cfg.unit.collect_mode = v
        })
    }),
    ("DefaultDependencies", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| {
            b.cfg.unit.default_dependencies = v
        })
    }),
    ("StartLimitIntervalSec", start_limit_interval),
    ("StartLimitInterval", start_limit_interval),
    ("StartLimitBurst", start_limit_burst),
    ("StartLimitAction", start_limit_action),
    ("SuccessAction", success_action),
    ("FailureAction", failure_action),
    ("SourcePath", |b, cx| {
        if let Some(p) = expanded_path(b, cx) {
            b.cfg.unit.source_path = Some(p);
        }
    }),
];

/// `[Install]` rows.
pub(crate) const INSTALL: &[(&str, Apply)] = &[
    ("WantedBy", |b, cx| {
        install_names(b, cx, |i| &mut i.wanted_by)
    }),
    ("RequiredBy", |b, cx| {
        install_names(b, cx, |i| &mut i.required_by)
    }),
    ("Alias", |b, cx| install_names(b, cx, |i| &mut i.alias)),
    ("Also", |b, cx| install_names(b, cx, |i| &mut i.also)),
    ("DefaultInstance", |b, cx| {
        let Some(v) = b.expand(cx) else { return };
        if v.is_empty() {
            b.cfg.install.default_instance = None;
        } else if v
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ":-_.\\@".contains(c))
        {
            b.cfg.install.default_instance = Some(v);
        } else {
            b.warn(
                cx,
                format!(
                    "Invalid DefaultInstance= value '{v}' (not a valid instance name), ignoring."
                ),
            );
        }
    }),
];

/// Rows shared with `[Service]`, where systemd still accepts the old `StartLimit*=` spellings.
pub(crate) fn start_limit_interval(b: &mut UnitBuilder, cx: &Cx<'_>) {
    b.set(cx, false, parse_sec, |b, v| {
        b.cfg.unit.start_limit_interval = v
    });
}

/// `StartLimitBurst=`.
pub(crate) fn start_limit_burst(b: &mut UnitBuilder, cx: &Cx<'_>) {
    b.set(cx, false, parse_unsigned, |b, v| {
        b.cfg.unit.start_limit_burst = v
    });
}

/// `StartLimitAction=`.
pub(crate) fn start_limit_action(b: &mut UnitBuilder, cx: &Cx<'_>) {
    b.set(cx, false, parse_emergency_action, |b, v| {
        b.cfg.unit.start_limit_action = v;
        if v != EmergencyAction::None {
            b.warn(
                cx,
                format!(
                    "StartLimitAction={} is not possible in a user manager, ignoring.",
                    cx.value
                ),
            );
        }
    });
}

/// `FailureAction=`: only `none` is supported in a user manager.
pub(crate) fn failure_action(b: &mut UnitBuilder, cx: &Cx<'_>) {
    b.set(cx, false, parse_emergency_action, |b, v| {
        if v != EmergencyAction::None {
            b.warn(
                cx,
                format!(
                    "FailureAction={} is not supported by linger, ignoring.",
                    cx.value
                ),
            );
        }
    });
}

/// `SuccessAction=`: `exit` and `exit-force` are carried out by the manager; a service
/// with any action needs no `ExecStart=`.
fn success_action(b: &mut UnitBuilder, cx: &Cx<'_>) {
    b.set(cx, false, parse_emergency_action, |b, v| {
        b.extra.success_action = v != EmergencyAction::None;
        b.cfg.unit.success_action = v;
        if v == EmergencyAction::Unsupported {
            b.warn(
                cx,
                format!(
                    "SuccessAction={} is not supported by linger, ignoring.",
                    cx.value
                ),
            );
        }
    });
}

/// Valid `Documentation=` URIs, as systemd checks them.
fn documentation_url_is_valid(u: &str) -> bool {
    ["http://", "https://", "file:/", "info:", "man:"]
        .iter()
        .any(|p| u.starts_with(p) && u.len() > p.len())
        && u.chars().all(|c| !c.is_control() && !c.is_whitespace())
}

fn documentation(b: &mut UnitBuilder, cx: &Cx<'_>) {
    if cx.value.trim().is_empty() {
        b.cfg.unit.documentation.clear();
        return;
    }
    let Some(words) = words(b, cx) else { return };
    for w in words {
        let Some(w) = b.expand_str(cx, &w) else {
            continue;
        };
        if documentation_url_is_valid(&w) {
            b.cfg.unit.documentation.push(w);
        } else {
            b.warn(cx, format!("Invalid URL in Documentation= (expected http://, https://, file:, info: or man:), ignoring: {w}"));
        }
    }
}

/// Split a list value; on bad quoting warn and return None.
pub(crate) fn words(b: &mut UnitBuilder, cx: &Cx<'_>) -> Option<Vec<String>> {
    match split_words(cx.value, false) {
        Ok(w) => Some(w),
        Err(e) => {
            b.warn(
                cx,
                format!(
                    "Invalid syntax in {}= ({}), ignoring: {}",
                    cx.key, e.detail, cx.value
                ),
            );
            None
        }
    }
}

/// A dependency list: space separated unit names, each specifier-expanded. An empty value
/// does nothing (systemd cannot reset dependencies).
fn deps(b: &mut UnitBuilder, cx: &Cx<'_>, field: fn(&mut UnitSection) -> &mut Vec<String>) {
    let Some(words) = words(b, cx) else { return };
    for w in words {
        let Some(name) = b.expand_unit_name(cx, &w) else {
            continue;
        };
        if !is_valid_loadable(&name) {
            b.warn(
                cx,
                format!("Failed to add dependency on {name} (not a valid unit name), ignoring."),
            );
            continue;
        }
        let list = field(&mut b.cfg.unit);
        if !list.contains(&name) {
            list.push(name);
        }
    }
}

/// `WantedBy=`/`RequiredBy=`/`Alias=`/`Also=`: unit names; empty resets.
fn install_names(
    b: &mut UnitBuilder,
    cx: &Cx<'_>,
    field: fn(&mut InstallSection) -> &mut Vec<String>,
) {
    if cx.value.trim().is_empty() {
        field(&mut b.cfg.install).clear();
        return;
    }
    let Some(words) = words(b, cx) else { return };
    for w in words {
        let Some(name) = b.expand_unit_name(cx, &w) else {
            continue;
        };
        // systemd only checks these names when enabling; an invalid one is dropped here
        // silently so that enabling never creates a nonsensical link.
        if parse_name(&name).is_none() {
            continue;
        }
        let list = field(&mut b.cfg.install);
        if !list.contains(&name) {
            list.push(name);
        }
    }
}

/// Rows for `Condition*=`/`Assert*=` (checked by name, as there are many).
pub(crate) fn condition_row(key: &str) -> Option<Apply> {
    if key.starts_with("Condition") {
        Some(|b, cx| conditions::apply(b, cx, false))
    } else if key.starts_with("Assert") {
        Some(|b, cx| conditions::apply(b, cx, true))
    } else {
        None
    }
}
