//! `Condition*=` and `Assert*=`: prefixes `|` (triggering) and `!` (negated), then a parameter.

use super::{Cx, UnitBuilder};
use crate::model::{Condition, ConditionKind};

/// Kinds linger evaluates, by name without the `Condition`/`Assert` prefix.
const KINDS: &[(&str, ConditionKind)] = &[
    ("PathExists", ConditionKind::PathExists),
    ("PathExistsGlob", ConditionKind::PathExistsGlob),
    ("PathIsDirectory", ConditionKind::PathIsDirectory),
    ("PathIsSymbolicLink", ConditionKind::PathIsSymbolicLink),
    ("PathIsReadWrite", ConditionKind::PathIsReadWrite),
    ("DirectoryNotEmpty", ConditionKind::DirectoryNotEmpty),
    ("FileNotEmpty", ConditionKind::FileNotEmpty),
    ("FileIsExecutable", ConditionKind::FileIsExecutable),
    ("Environment", ConditionKind::Environment),
    ("User", ConditionKind::User),
    ("Group", ConditionKind::Group),
    ("Host", ConditionKind::Host),
    ("KernelCommandLine", ConditionKind::KernelCommandLine),
    ("Virtualization", ConditionKind::Virtualization),
    ("ACPower", ConditionKind::AcPower),
    ("Architecture", ConditionKind::Architecture),
];

/// Conditions whose parameter is a path and must be absolute.
const PATH_CONDITIONS: &[&str] = &[
    "PathExists",
    "PathExistsGlob",
    "PathIsDirectory",
    "PathIsSymbolicLink",
    "PathIsMountPoint",
    "PathIsReadWrite",
    "PathIsEncrypted",
    "DirectoryNotEmpty",
    "FileNotEmpty",
    "FileIsExecutable",
];

/// Apply one `Condition…=` (`assert` false) or `Assert…=` (`assert` true) assignment.
pub(crate) fn apply(b: &mut UnitBuilder, cx: &Cx<'_>, assert: bool) {
    let name = cx
        .key
        .strip_prefix(if assert { "Assert" } else { "Condition" })
        .unwrap_or(cx.key);
    let value = cx.value.trim();
    if value.is_empty() {
        // An empty assignment resets the whole list (systemd.unit(5)).
        if assert {
            b.cfg.unit.asserts.clear();
        } else {
            b.cfg.unit.conditions.clear();
        }
        return;
    }
    let mut rest = value;
    let mut trigger = false;
    let mut negate = false;
    loop {
        if let Some(r) = rest.strip_prefix('|').filter(|_| !trigger) {
            trigger = true;
            rest = r.trim_start();
        } else if let Some(r) = rest.strip_prefix('!').filter(|_| !negate) {
            negate = true;
            rest = r.trim_start();
        } else {
            break;
        }
    }
    let Some(parameter) = b.expand_str(cx, rest) else {
        return;
    };
    if PATH_CONDITIONS.contains(&name) && !parameter.starts_with('/') {
        b.warn(
            cx,
            format!("Path in condition not absolute, ignoring: {parameter}"),
        );
        return;
    }
    let kind = KINDS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(ConditionKind::Other, |(_, k)| *k);
    if kind == ConditionKind::Other {
        b.warn(
            cx,
            format!(
                "{}= is not evaluated by linger; it is treated as always true.",
                cx.key
            ),
        );
    }
    let cond = Condition {
        kind,
        name: name.to_string(),
        trigger,
        negate,
        parameter,
    };
    if assert {
        b.cfg.unit.asserts.push(cond);
    } else {
        b.cfg.unit.conditions.push(cond);
    }
}
