//! Built-in targets (and `systemd-exit.service`, which `exit.target` needs) for machines
//! without systemd's unit files: the same settings as the files systemd ships in
//! /usr/lib/systemd/user (systemd.special(7)).

use super::{LoadContext, UnitIndex, add_dir_dependencies, all_names, dropins};
use crate::model::{UnitConfig, UnitType};
use crate::settings::{ApplyContext, UnitBuilder};
use crate::syntax::Assignment;

/// (name, [Unit] settings) of each built-in target.
const TARGETS: &[(&str, &[(&str, &str)])] = &[
    (
        "default.target",
        &[
            ("Description", "Main User Target"),
            ("Documentation", "man:systemd.special(7)"),
            ("Requires", "basic.target"),
            ("After", "basic.target"),
            ("AllowIsolate", "yes"),
        ],
    ),
    (
        "basic.target",
        &[
            ("Description", "Basic System"),
            ("Documentation", "man:systemd.special(7)"),
            ("Wants", "sockets.target timers.target paths.target"),
            ("After", "sockets.target timers.target paths.target"),
        ],
    ),
    (
        "sockets.target",
        &[
            ("Description", "Sockets"),
            ("Documentation", "man:systemd.special(7)"),
        ],
    ),
    (
        "timers.target",
        &[
            ("Description", "Timers"),
            ("Documentation", "man:systemd.special(7)"),
            ("DefaultDependencies", "no"),
            ("Conflicts", "shutdown.target"),
        ],
    ),
    (
        "paths.target",
        &[
            ("Description", "Paths"),
            ("Documentation", "man:systemd.special(7)"),
        ],
    ),
    (
        "shutdown.target",
        &[
            ("Description", "Shutdown"),
            ("Documentation", "man:systemd.special(7)"),
            ("DefaultDependencies", "no"),
            ("RefuseManualStart", "yes"),
        ],
    ),
    (
        "exit.target",
        &[
            ("Description", "Exit the Session"),
            ("Documentation", "man:systemd.special(7)"),
            ("DefaultDependencies", "no"),
            ("Requires", "systemd-exit.service"),
            ("After", "systemd-exit.service"),
            ("AllowIsolate", "yes"),
        ],
    ),
    (
        "systemd-exit.service",
        &[
            ("Description", "Exit the Session"),
            ("Documentation", "man:systemd.special(7)"),
            ("DefaultDependencies", "no"),
            ("Requires", "shutdown.target"),
            ("After", "shutdown.target"),
            ("SuccessAction", "exit-force"),
        ],
    ),
];

/// The names of the built-in targets.
pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    TARGETS.iter().map(|(n, _)| *n)
}

/// The built-in target `name` (None if it is not one), with `.wants/` directories applied.
pub(crate) fn target(name: &str, ctx: &LoadContext, index: &UnitIndex) -> Option<UnitConfig> {
    let (_, settings) = TARGETS.iter().find(|(n, _)| *n == name)?;
    let unit_type = if name.ends_with(".service") {
        UnitType::Service
    } else {
        UnitType::Target
    };
    let mut b = UnitBuilder::new(name, unit_type);
    let sctx = super::spec::context(name, None, ctx);
    let expand = |s: &str| super::spec::expand_with(&sctx, s, false);
    let expand_name = |s: &str| super::spec::expand_with(&sctx, s, true);
    let home = std::path::PathBuf::from(&ctx.user.home);
    let actx = ApplyContext {
        expand: &expand,
        expand_name: &expand_name,
        home: Some(&home),
    };
    for (i, (key, value)) in settings.iter().enumerate() {
        let a = Assignment {
            section: "Unit".into(),
            key: (*key).into(),
            value: (*value).into(),
            line: i + 1,
        };
        b.apply(&a, None, &actx);
    }
    let names = all_names(name, &[]);
    // Drop-ins apply to built-in targets too (`default.target.d/*.conf`).
    for dropin in dropins::find(index, &names, unit_type, ".d", Some(".conf")) {
        if let Ok(bytes) = std::fs::read(&dropin) {
            b.apply_bytes(&bytes, Some(&dropin), &actx);
            b.config_mut().dropin_paths.push(dropin);
        }
    }
    add_dir_dependencies(&mut b, index, &names, name);
    Some(b.finish())
}
