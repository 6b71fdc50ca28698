//! Enablement (exact systemctl output) and `verify` lints, part of the loader tests.

use linger_unit::diag::Severity;
use linger_unit::loader::{
    UnitFileState, disable, enable, list_unit_files, load_unit, mask, unit_file_state, unmask,
};
use linger_unit::model::LoadState;

use super::model_support::{SIMPLE, Tree};

#[test]
fn enable_disable_output_is_systemctls() {
    let t = Tree::new();
    let foo = t.write(
        &t.vendor,
        "foo.service",
        "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=default.target\nAlias=bar.service\nAlso=baz.service\n",
    );
    let baz = t.write(
        &t.vendor,
        "baz.service",
        "[Service]\nExecStart=/bin/true\n[Install]\nRequiredBy=foo.service\n",
    );
    t.write(&t.vendor, "static.service", SIMPLE);
    let c = &t.config;
    let got: Vec<String> = enable(&t.ctx, &["foo.service"], false)
        .expect("enable")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        got,
        vec![
            format!(
                "Created symlink {} \u{2192} {}.",
                c.join("bar.service").display(),
                foo.display()
            ),
            format!(
                "Created symlink {} \u{2192} {}.",
                c.join("default.target.wants/foo.service").display(),
                foo.display()
            ),
            format!(
                "Created symlink {} \u{2192} {}.",
                c.join("foo.service.requires/baz.service").display(),
                baz.display()
            ),
        ]
    );
    // Enabling again changes nothing.
    assert!(
        enable(&t.ctx, &["foo.service"], false)
            .expect("enable")
            .is_empty()
    );
    assert_eq!(
        unit_file_state(&t.ctx, "foo.service"),
        Some(UnitFileState::Enabled)
    );
    assert_eq!(
        unit_file_state(&t.ctx, "baz.service"),
        Some(UnitFileState::Enabled)
    );
    assert_eq!(
        unit_file_state(&t.ctx, "static.service"),
        Some(UnitFileState::Static)
    );
    let listed: Vec<(String, &str)> = list_unit_files(&t.ctx)
        .into_iter()
        .map(|(n, _, s)| (n, s.as_str()))
        .collect();
    assert_eq!(
        listed,
        vec![
            ("bar.service".to_string(), "alias"),
            ("baz.service".to_string(), "enabled"),
            ("foo.service".to_string(), "enabled"),
            ("static.service".to_string(), "static"),
        ]
    );
    let got: Vec<String> = disable(&t.ctx, &["foo.service"], false)
        .expect("disable")
        .iter()
        .map(ToString::to_string)
        .collect();
    let mut want = vec![
        format!(
            "Removed \"{}\".",
            c.join("foo.service.requires/baz.service").display()
        ),
        format!("Removed \"{}\".", c.join("bar.service").display()),
        format!(
            "Removed \"{}\".",
            c.join("default.target.wants/foo.service").display()
        ),
    ];
    want.sort();
    assert_eq!(got, want);
    assert!(
        !c.join("default.target.wants").exists(),
        "empty .wants/ removed"
    );
    assert_eq!(
        unit_file_state(&t.ctx, "foo.service"),
        Some(UnitFileState::Disabled)
    );
    // A unit without [Install] gets systemctl's explanation and no links.
    let notes = enable(&t.ctx, &["static.service"], false).expect("enable");
    assert!(
        matches!(&notes[..], [linger_unit::loader::InstallChange::Note(n)] if n.starts_with("The unit files have no installation config"))
    );
    assert!(
        enable(&t.ctx, &["nonexist.service"], false)
            .is_err_and(|e| e.to_string() == "unit nonexist.service does not exist.")
    );
}

#[test]
fn enable_refuses_conflicts_and_masks() {
    let t = Tree::new();
    t.write(
        &t.vendor,
        "foo.service",
        "[Service]\nExecStart=/bin/true\n[Install]\nAlias=bar.service\n",
    );
    let other = t.write(&t.vendor, "other.service", SIMPLE);
    t.link(&t.config, "bar.service", &other);
    let e = enable(&t.ctx, &["foo.service"], false).expect_err("conflict");
    assert_eq!(
        e.to_string(),
        format!(
            "file \"{}\" already exists and is a symlink to \"{}\".",
            t.config.join("bar.service").display(),
            other.display()
        )
    );
    let m = mask(&t.ctx, &["foo.service"], false).expect("mask");
    assert_eq!(
        m.iter().map(ToString::to_string).collect::<Vec<_>>(),
        vec![format!(
            "Created symlink {} \u{2192} /dev/null.",
            t.config.join("foo.service").display()
        )]
    );
    assert!(
        mask(&t.ctx, &["foo.service"], false)
            .expect("mask twice")
            .is_empty()
    );
    assert_eq!(
        load_unit("foo.service", &t.ctx).load_state,
        LoadState::Masked
    );
    assert!(
        enable(&t.ctx, &["foo.service"], false)
            .is_err_and(|e| e.to_string().ends_with("is masked."))
    );
    let u = unmask(&t.ctx, &["foo.service"], false).expect("unmask");
    assert_eq!(
        u.iter().map(ToString::to_string).collect::<Vec<_>>(),
        vec![format!(
            "Removed \"{}\".",
            t.config.join("foo.service").display()
        )]
    );
    assert_eq!(
        load_unit("foo.service", &t.ctx).load_state,
        LoadState::Loaded
    );
}

#[test]
fn verify_lints() {
    use linger_unit::lint::verify_file;
    let t = Tree::new();
    let f = t.write(
        &t.tmp.path().join("proj"),
        "web.service",
        "[Unit]\nAfter=network-online.target\nWants=network-online.target\nRequires=missing.service\n\
         [Service]\nExecStart=surely-not-installed-prog --x\nExecStartPre=/bin/true\n\
         WorkingDirectory=/nonexistent/web-content  # Customize this path\n\
         [Install]\nWantedBy=multi-user.target\n",
    );
    let report: Vec<(usize, Severity, String)> = verify_file(&f, &t.ctx)
        .into_iter()
        .map(|d| (d.line, d.severity, d.message))
        .collect();
    let has = |line: usize, sev: Severity, needle: &str| {
        report
            .iter()
            .any(|(l, s, m)| *l == line && *s == sev && m.contains(needle))
    };
    assert!(
        has(8, Severity::Warning, "no inline comments"),
        "{report:#?}"
    );
    assert!(
        has(
            2,
            Severity::Warning,
            "network-online.target exists only in the system manager"
        ),
        "{report:#?}"
    );
    assert!(
        has(
            3,
            Severity::Warning,
            "network-online.target exists only in the system manager"
        ),
        "{report:#?}"
    );
    assert!(
        has(10, Severity::Warning, "WantedBy=default.target"),
        "{report:#?}"
    );
    assert!(
        has(4, Severity::Error, "unit missing.service not found"),
        "{report:#?}"
    );
    assert!(
        has(
            6,
            Severity::Error,
            "Command surely-not-installed-prog is not executable"
        ),
        "{report:#?}"
    );
    assert!(has(8, Severity::Warning, "does not exist"), "{report:#?}");
    assert!(
        !report.iter().any(|(_, _, m)| m.contains("/bin/true")),
        "{report:#?}"
    );
}

#[test]
fn runtime_enablement() {
    let t = Tree::new();
    let foo = t.write(
        &t.vendor,
        "foo.service",
        "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=default.target\n",
    );
    let rt = t.tmp.path().join("run/systemd/user");
    let got: Vec<String> = enable(&t.ctx, &["foo.service"], true)
        .expect("enable --runtime")
        .iter()
        .map(ToString::to_string)
        .collect();
    let link = rt.join("default.target.wants/foo.service");
    assert_eq!(
        got,
        vec![format!(
            "Created symlink {} \u{2192} {}.",
            link.display(),
            foo.display()
        )]
    );
    assert_eq!(
        unit_file_state(&t.ctx, "foo.service"),
        Some(UnitFileState::EnabledRuntime)
    );
    assert!(
        load_unit("default.target", &t.ctx)
            .unit
            .wants
            .contains(&"foo.service".to_string())
    );
    let m = mask(&t.ctx, &["foo.service"], true).expect("mask --runtime");
    assert_eq!(m.len(), 1);
    assert_eq!(
        unit_file_state(&t.ctx, "foo.service"),
        Some(UnitFileState::MaskedRuntime)
    );
    assert_eq!(
        unmask(&t.ctx, &["foo.service"], true)
            .expect("unmask")
            .len(),
        1
    );
    assert_eq!(
        disable(&t.ctx, &["foo.service"], true)
            .expect("disable")
            .len(),
        1
    );
    assert_eq!(
        unit_file_state(&t.ctx, "foo.service"),
        Some(UnitFileState::Disabled)
    );
}
