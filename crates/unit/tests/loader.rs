//! Loader behaviour in temp trees: precedence, drop-ins, aliases, masks, templates,
//! `.wants/` directories, built-in targets, enablement and its exact systemctl output.

mod model_support;

use std::path::PathBuf;

use linger_unit::diag::Severity;
use linger_unit::loader::{
    SearchProbe, UnitFileState, UnitFileStates, UnitIndex, current_files, enable, load_file,
    load_unit, unit_file_state,
};
use linger_unit::model::{LoadState, UnitKind};
use model_support::{SIMPLE, Tree};

#[test]
fn precedence_config_over_vendor() {
    let t = Tree::new();
    t.write(
        &t.vendor,
        "a.service",
        "[Unit]\nDescription=vendor\n[Service]\nExecStart=/bin/true\n",
    );
    let cfg_file = t.write(
        &t.config,
        "a.service",
        "[Unit]\nDescription=config\n[Service]\nExecStart=/bin/true\n",
    );
    let u = load_unit("a.service", &t.ctx);
    assert_eq!(u.load_state, LoadState::Loaded);
    assert_eq!(u.unit.description.as_deref(), Some("config"));
    assert_eq!(u.fragment_path, Some(cfg_file));
}

#[test]
fn not_found() {
    let t = Tree::new();
    let u = load_unit("nope.service", &t.ctx);
    assert_eq!(u.load_state, LoadState::NotFound);
    assert_eq!(u.fragment_path, None);
    let bad = load_unit("not a name", &t.ctx);
    assert_eq!(bad.load_state, LoadState::Error);
}

#[test]
fn dropin_order_and_override() {
    let t = Tree::new();
    t.write(
        &t.vendor,
        "a-b.service",
        "[Unit]\nDescription=base\n[Service]\nExecStart=/bin/true\n",
    );
    // Same file name: the higher-priority directory's file hides the vendor one.
    t.write(
        &t.vendor,
        "a-b.service.d/10-x.conf",
        "[Unit]\nDescription=vendor-10\n",
    );
    let c10 = t.write(
        &t.config,
        "a-b.service.d/10-x.conf",
        "[Unit]\nDocumentation=man:ten(1)\n",
    );
    // Sorted by file name across directories.
    let v20 = t.write(
        &t.vendor,
        "a-b.service.d/20-y.conf",
        "[Unit]\nDescription=vendor-20\n",
    );
    let a05 = t.write(
        &t.admin,
        "a-.service.d/05-dash.conf",
        "[Unit]\nDescription=dash-05\n",
    );
    let s01 = t.write(
        &t.vendor,
        "service.d/01-type.conf",
        "[Service]\nRestart=on-failure\n",
    );
    // A type-level file loses against a same-named name-specific one.
    t.write(
        &t.vendor,
        "service.d/20-y.conf",
        "[Unit]\nDescription=type-20\n",
    );
    let u = load_unit("a-b.service", &t.ctx);
    assert_eq!(u.dropin_paths, vec![s01, a05, c10, v20]);
    assert_eq!(u.unit.description.as_deref(), Some("vendor-20"));
    assert_eq!(u.unit.documentation, vec!["man:ten(1)".to_string()]);
    let UnitKind::Service(s) = &u.kind else {
        panic!("not a service")
    };
    assert_eq!(s.restart.as_str(), "on-failure");
}

#[test]
fn dropin_masked_by_dev_null() {
    let t = Tree::new();
    t.write(&t.vendor, "a.service", SIMPLE);
    t.write(
        &t.vendor,
        "a.service.d/10-x.conf",
        "[Unit]\nDescription=vendor\n",
    );
    t.link(
        &t.config,
        "a.service.d/10-x.conf",
        &PathBuf::from("/dev/null"),
    );
    let u = load_unit("a.service", &t.ctx);
    assert!(u.dropin_paths.is_empty(), "{:?}", u.dropin_paths);
    assert_eq!(u.unit.description, None);
}

#[test]
fn dash_prefix_more_specific_wins() {
    let t = Tree::new();
    t.write(&t.vendor, "foo-bar-baz.service", SIMPLE);
    t.write(
        &t.vendor,
        "foo-.service.d/10-override.conf",
        "[Unit]\nDescription=foo-\n",
    );
    let specific = t.write(
        &t.vendor,
        "foo-bar-.service.d/10-override.conf",
        "[Unit]\nDescription=foo-bar-\n",
    );
    let u = load_unit("foo-bar-baz.service", &t.ctx);
    assert_eq!(u.dropin_paths, vec![specific]);
    assert_eq!(u.unit.description.as_deref(), Some("foo-bar-"));
}

#[test]
fn alias_symlinks() {
    let t = Tree::new();
    let foo = t.write(&t.vendor, "foo.service", SIMPLE);
    t.link(&t.config, "bar.service", &foo);
    t.write(
        &t.vendor,
        "bar.service.d/x.conf",
        "[Unit]\nDescription=via alias drop-in\n",
    );
    let u = load_unit("bar.service", &t.ctx);
    assert_eq!(u.id, "foo.service");
    assert_eq!(u.aliases, vec!["bar.service".to_string()]);
    assert_eq!(u.fragment_path, Some(foo.clone()));
    assert_eq!(u.unit.description.as_deref(), Some("via alias drop-in"));
    let v = load_unit("foo.service", &t.ctx);
    assert_eq!(v.id, "foo.service");
    assert_eq!(v.aliases, vec!["bar.service".to_string()]);
    assert_eq!(
        unit_file_state(&t.ctx, "bar.service"),
        Some(UnitFileState::Alias)
    );
}

#[test]
fn linked_unit_file() {
    let t = Tree::new();
    let elsewhere = t.write(&t.tmp.path().join("opt"), "lnk.service", SIMPLE);
    let link = t.link(&t.config, "lnk.service", &elsewhere);
    let u = load_unit("lnk.service", &t.ctx);
    assert_eq!(u.load_state, LoadState::Loaded);
    assert_eq!(u.fragment_path, Some(link));
    assert_eq!(
        unit_file_state(&t.ctx, "lnk.service"),
        Some(UnitFileState::Linked)
    );
}

#[test]
fn masks() {
    let t = Tree::new();
    t.write(&t.vendor, "m.service", SIMPLE);
    t.link(&t.config, "m.service", &PathBuf::from("/dev/null"));
    t.write(&t.vendor, "empty.service", "");
    assert_eq!(load_unit("m.service", &t.ctx).load_state, LoadState::Masked);
    assert_eq!(
        load_unit("empty.service", &t.ctx).load_state,
        LoadState::Masked
    );
    assert_eq!(
        unit_file_state(&t.ctx, "m.service"),
        Some(UnitFileState::Masked)
    );
    // An empty file masks as a link to /dev/null does, whoever asks: the loader (which sees
    // it empty when it reads it), enablement, and through an alias; and it shadows the
    // vendor's file of that name. The scan does not look at file sizes; these do.
    assert_eq!(
        unit_file_state(&t.ctx, "empty.service"),
        Some(UnitFileState::Masked)
    );
    t.write(&t.vendor, "shadowed.service", SIMPLE);
    t.write(&t.config, "shadowed.service", "");
    let cfg = load_unit("shadowed.service", &t.ctx);
    assert_eq!(cfg.load_state, LoadState::Masked);
    assert_eq!(cfg.fragment_path, Some(t.config.join("shadowed.service")));
    assert_eq!(
        unit_file_state(&t.ctx, "shadowed.service"),
        Some(UnitFileState::Masked)
    );
    t.link(
        &t.config,
        "alias.service",
        &t.config.join("shadowed.service"),
    );
    let cfg = load_unit("alias.service", &t.ctx);
    assert_eq!(
        (cfg.id.as_str(), cfg.load_state),
        ("shadowed.service", LoadState::Masked)
    );
    // Not empty: loaded as usual.
    t.write(&t.config, "full.service", SIMPLE);
    assert_eq!(
        load_unit("full.service", &t.ctx).load_state,
        LoadState::Loaded
    );
}

#[test]
fn templates_and_instances() {
    let t = Tree::new();
    t.write(
        &t.vendor,
        "t@.service",
        "[Unit]\nDescription=inst %i of %p (%n)\n[Service]\nExecStart=/bin/echo %I\n[Install]\nWantedBy=default.target\nDefaultInstance=def\n",
    );
    let td = t.write(
        &t.vendor,
        "t@.service.d/a.conf",
        "[Service]\nRestart=always\n",
    );
    let id = t.write(
        &t.config,
        "t@x.service.d/b.conf",
        "[Service]\nRestartSec=5\n",
    );
    let u = load_unit("t@x.service", &t.ctx);
    assert_eq!(u.load_state, LoadState::Loaded, "{:?}", u.diagnostics);
    assert_eq!(u.id, "t@x.service");
    assert_eq!(
        u.unit.description.as_deref(),
        Some("inst x of t (t@x.service)")
    );
    assert_eq!(u.fragment_path, Some(t.vendor.join("t@.service")));
    assert_eq!(u.dropin_paths, vec![td, id]);
    let UnitKind::Service(s) = &u.kind else {
        panic!("not a service")
    };
    assert_eq!(s.restart_sec, 5_000_000);
    // A bare template cannot be loaded.
    assert_eq!(load_unit("t@.service", &t.ctx).load_state, LoadState::Error);
    // verify FILE instantiates templates with "i", as systemd-analyze does.
    assert_eq!(
        load_file(&t.vendor.join("t@.service"), &t.ctx).id,
        "t@i.service"
    );
    // Enabling the template links its DefaultInstance.
    let changes = enable(&t.ctx, &["t@.service"], false).expect("enable");
    let link = t.config.join("default.target.wants/t@def.service");
    assert_eq!(
        changes.iter().map(ToString::to_string).collect::<Vec<_>>(),
        vec![format!(
            "Created symlink {} \u{2192} {}.",
            link.display(),
            t.vendor.join("t@.service").display()
        )]
    );
    assert_eq!(
        unit_file_state(&t.ctx, "t@.service"),
        Some(UnitFileState::Enabled)
    );
}

#[test]
fn wants_directories_and_builtin_targets() {
    let t = Tree::new();
    t.write(&t.vendor, "w.service", SIMPLE);
    t.link(
        &t.config,
        "default.target.wants/w.service",
        &t.vendor.join("w.service"),
    );
    t.link(
        &t.vendor,
        "basic.target.requires/r.service",
        &PathBuf::from("../r.service"),
    );
    let d = load_unit("default.target", &t.ctx);
    assert_eq!(d.load_state, LoadState::Loaded);
    assert_eq!(d.fragment_path, None, "built in");
    assert_eq!(d.unit.requires, vec!["basic.target".to_string()]);
    assert_eq!(d.unit.wants, vec!["w.service".to_string()]);
    assert!(d.unit.allow_isolate);
    let b = load_unit("basic.target", &t.ctx);
    assert_eq!(
        b.unit.wants,
        vec!["sockets.target", "timers.target", "paths.target"]
    );
    assert_eq!(b.unit.requires, vec!["r.service".to_string()]);
    for name in [
        "sockets.target",
        "timers.target",
        "paths.target",
        "shutdown.target",
        "exit.target",
    ] {
        assert_eq!(
            load_unit(name, &t.ctx).load_state,
            LoadState::Loaded,
            "{name}"
        );
    }
    assert!(matches!(
        load_unit("exit.target", &t.ctx).kind,
        UnitKind::Target
    ));
}

#[test]
fn bad_unit_next_to_good_ones() {
    let t = Tree::new();
    t.write(&t.vendor, "good.service", SIMPLE);
    t.write(&t.vendor, "noexec.service", "[Service]\nType=simple\n");
    t.write(
        &t.vendor,
        "twice.service",
        "[Service]\nExecStart=/bin/true\nExecStart=/bin/false\n",
    );
    t.write(
        &t.vendor,
        "quote.service",
        "[Service]\nExecStart=/bin/echo \"open\n",
    );
    t.write(
        &t.vendor,
        "warn.service",
        "[Service]\nExecStart=/bin/true\nRestart=sometimes\nFoo=1\n",
    );
    assert_eq!(
        load_unit("good.service", &t.ctx).load_state,
        LoadState::Loaded
    );
    let n = load_unit("noexec.service", &t.ctx);
    assert_eq!(n.load_state, LoadState::BadSetting);
    assert!(n.diagnostics.iter().any(|d| d.severity == Severity::Error
        && d.message == "noexec.service: Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing."));
    assert_eq!(
        load_unit("twice.service", &t.ctx).load_state,
        LoadState::BadSetting
    );
    assert_eq!(
        load_unit("quote.service", &t.ctx).load_state,
        LoadState::BadSetting
    );
    let w = load_unit("warn.service", &t.ctx);
    assert_eq!(w.load_state, LoadState::Loaded);
    let msgs: Vec<String> = w.diagnostics.iter().map(ToString::to_string).collect();
    let file = t.vendor.join("warn.service");
    assert_eq!(
        msgs,
        vec![
            format!(
                "{}:3: Failed to parse Restart= value 'sometimes' (expected no, always, on-success, on-failure, \
                 on-abnormal, on-abort, on-watchdog), ignoring.",
                file.display()
            ),
            format!(
                "{}:4: Unknown key 'Foo' in section [Service], ignoring.",
                file.display()
            ),
        ]
    );
}

#[test]
fn specifiers_and_home() {
    let t = Tree::new();
    t.write(
        &t.vendor,
        "s.service",
        "[Unit]\nDescription=%n on %H by %u (%U) home %h\n[Service]\nExecStart=/bin/true\nWorkingDirectory=~\nPIDFile=s.pid\nEnvironment=UNIT=%N\n",
    );
    let u = load_unit("s.service", &t.ctx);
    let home = t.tmp.path().join("home");
    assert_eq!(
        u.unit.description.as_deref(),
        Some(
            format!(
                "s.service on host.example by tester (1000) home {}",
                home.display()
            )
            .as_str()
        )
    );
    let UnitKind::Service(s) = &u.kind else {
        panic!("not a service")
    };
    assert_eq!(
        s.exec.working_directory.as_ref().map(|w| w.path.clone()),
        Some(home)
    );
    assert_eq!(s.pid_file, Some(t.tmp.path().join("run/s.pid")));
    assert_eq!(
        s.exec.environment,
        vec![("UNIT".to_string(), "s".to_string())]
    );
}

#[test]
fn template_aliases_and_instance_links() {
    let t = Tree::new();
    let getty = t.write(
        &t.vendor,
        "getty@.service",
        "[Unit]\nDescription=Getty on %I\n[Service]\nExecStart=/sbin/agetty %I\n",
    );
    t.link(&t.vendor, "autovt@.service", &getty);
    let u = load_unit("autovt@tty1.service", &t.ctx);
    assert_eq!(u.id, "getty@tty1.service");
    assert_eq!(u.aliases, vec!["autovt@tty1.service".to_string()]);
    assert_eq!(u.unit.description.as_deref(), Some("Getty on tty1"));
    // An instance linked to its template keeps its instance.
    t.link(&t.config, "getty@tty2.service", &getty);
    let v = load_unit("getty@tty2.service", &t.ctx);
    assert_eq!(v.id, "getty@tty2.service");
    assert_eq!(v.unit.description.as_deref(), Some("Getty on tty2"));
    // Invalid alias links (type change) are ignored, as systemd ignores them.
    t.link(&t.config, "weird.socket", &t.vendor.join("getty@.service"));
    assert_eq!(
        load_unit("weird.socket", &t.ctx).load_state,
        LoadState::NotFound
    );
}

#[test]
fn settings_fill_the_model() {
    let t = Tree::new();
    t.write(
        &t.vendor,
        "m.service",
        "[Unit]\nDescription=model\nDocumentation=man:a(1)\nDocumentation=\nDocumentation=https://x.example\n\
         Wants=a.service b.service\nWants=a.service\nAfter=a.service\nStartLimitBurst=3\nStartLimitIntervalSec=1min\n\
         ConditionPathExists=|!/nonexistent\nAssertUser=%u\n\
         [Service]\nType=notify\nExecStartPre=-/bin/true\nExecStart=/bin/sleep 10 ; /bin/true\nExecStart=\n\
         ExecStart=@/bin/sh sh -c 'echo hi'\nRestart=on-abnormal\nRestartSec=250ms\nSuccessExitStatus=75 SIGUSR1\n\
         TimeoutStartSec=0\nTimeoutStopSec=7\nTimeoutAbortSec=3\nWatchdogSec=2s\nNotifyAccess=all\n\
         KillMode=mixed\nKillSignal=SIGINT\nSendSIGKILL=no\nEnvironment=A=1 \"B=two words\"\nEnvironment=A=3\n\
         EnvironmentFile=-/etc/m.env\nUnsetEnvironment=X\nStandardOutput=append:/tmp/m.log\nStandardError=null\n\
         UMask=0077\nNice=5\nOOMScoreAdjust=100\nLimitNOFILE=1024:4096\nLimitCORE=infinity\nMemoryMax=1G\n\
         CPUQuota=20%\nSlice=app.slice\nUser=%u\n\
         [Install]\nWantedBy=default.target\nAlias=mm.service\n",
    );
    let u = load_unit("m.service", &t.ctx);
    assert_eq!(u.load_state, LoadState::Loaded, "{:?}", u.diagnostics);
    assert!(u.diagnostics.is_empty(), "{:?}", u.diagnostics);
    assert_eq!(u.unit.documentation, vec!["https://x.example".to_string()]);
    assert_eq!(u.unit.wants, vec!["a.service", "b.service"]);
    assert_eq!(
        (u.unit.start_limit_burst, u.unit.start_limit_interval),
        (3, 60_000_000)
    );
    let c = &u.unit.conditions[0];
    assert!(c.trigger && c.negate && c.parameter == "/nonexistent");
    assert_eq!(u.unit.asserts[0].parameter, "tester");
    let UnitKind::Service(s) = &u.kind else {
        panic!("not a service")
    };
    assert_eq!(s.service_type.as_str(), "notify");
    assert_eq!(s.exec_start_pre.len(), 1);
    assert!(s.exec_start_pre[0].flags.ignore_failure);
    assert_eq!(s.exec_start.len(), 1, "reset by the empty ExecStart=");
    assert_eq!(s.exec_start[0].path, "/bin/sh");
    assert_eq!(s.exec_start[0].argv, vec!["sh", "-c", "echo hi"]);
    assert_eq!(
        (s.restart.as_str(), s.restart_sec),
        ("on-abnormal", 250_000)
    );
    assert_eq!(
        (
            s.success_exit_status.statuses.clone(),
            s.success_exit_status.signals.clone()
        ),
        (vec![75], vec![10])
    );
    assert_eq!(
        (s.timeout_start, s.timeout_stop, s.timeout_abort),
        (u64::MAX, 7_000_000, Some(3_000_000))
    );
    assert_eq!(s.watchdog, 2_000_000);
    assert_eq!(s.notify_access.map(|n| n.as_str()), Some("all"));
    assert_eq!(
        (
            s.kill.kill_mode.as_str(),
            s.kill.kill_signal,
            s.kill.send_sigkill
        ),
        ("mixed", 2, false)
    );
    assert_eq!(
        s.exec.environment,
        vec![
            ("B".to_string(), "two words".to_string()),
            ("A".to_string(), "3".to_string())
        ]
    );
    assert_eq!(
        s.exec.environment_files,
        vec![(PathBuf::from("/etc/m.env"), true)]
    );
    assert_eq!(s.exec.unset_environment, vec!["X".to_string()]);
    assert_eq!(
        s.exec.standard_output,
        linger_unit::model::OutputSpec::Append("/tmp/m.log".into())
    );
    assert_eq!(s.exec.standard_error, linger_unit::model::OutputSpec::Null);
    assert_eq!(
        (s.exec.umask, s.exec.nice, s.exec.oom_score_adjust),
        (0o077, Some(5), Some(100))
    );
    let nofile = s
        .exec
        .limits
        .iter()
        .find(|l| l.resource == 7)
        .expect("nofile");
    assert_eq!((nofile.soft, nofile.hard), (1024, 4096));
    assert_eq!(
        s.resource_control
            .iter()
            .map(|(k, _, _)| k.as_str())
            .collect::<Vec<_>>(),
        vec!["MemoryMax", "CPUQuota"]
    );
    assert_eq!(s.slice.as_deref(), Some("app.slice"));
    assert_eq!(s.exec.user.as_deref(), Some("tester"));
    assert_eq!(u.install.wanted_by, vec!["default.target".to_string()]);
    assert_eq!(u.install.alias, vec!["mm.service".to_string()]);
}

#[test]
fn delegate_is_a_boolean_or_a_list_of_controllers_added_up() {
    let t = Tree::new();
    let delegate = |name: &str, lines: &str| {
        t.write(
            &t.vendor,
            name,
            &format!("[Service]\nExecStart=/bin/true\n{lines}"),
        );
        let u = load_unit(name, &t.ctx);
        let UnitKind::Service(s) = &u.kind else {
            panic!("not a service")
        };
        let warnings: Vec<String> = u.diagnostics.iter().map(|d| d.message.clone()).collect();
        (s.delegate.clone(), warnings)
    };
    use linger_unit::model::Delegate;
    let list = |l: &[&str]| Delegate::Controllers(l.iter().map(|c| c.to_string()).collect());
    assert_eq!(delegate("a.service", ""), (Delegate::No, vec![]));
    assert_eq!(
        delegate("b.service", "Delegate=yes\n"),
        (Delegate::All, vec![])
    );
    assert_eq!(
        delegate("c.service", "Delegate=yes\nDelegate=no\n").0,
        Delegate::No
    );
    assert_eq!(
        delegate("d.service", "Delegate=memory cpu\nDelegate=pids memory\n").0,
        list(&["memory", "cpu", "pids"])
    );
    assert_eq!(
        delegate("d.service", "Delegate=memory cpu\n").0.named(),
        vec!["cpu", "memory"]
    );
    assert_eq!(
        delegate("e.service", "Delegate=cpu\nDelegate=\n").0,
        list(&[])
    );
    // `yes` delegates the v2 controllers; a list after it adds to those (systemd 252:
    // crates/dbus/tests/reference/delegate.txt).
    assert_eq!(
        delegate("b.service", "Delegate=yes\n").0.named(),
        vec!["cpu", "cpuset", "io", "memory", "pids"]
    );
    assert_eq!(
        delegate("h.service", "Delegate=yes\nDelegate=cpuacct\n")
            .0
            .named(),
        vec!["cpu", "cpuacct", "cpuset", "io", "memory", "pids"]
    );
    let (d, warnings) = delegate("f.service", "Delegate=cpu bogus\n");
    assert_eq!(d, list(&["cpu"]));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("'bogus'"), "{warnings:?}");
    // systemd 252's name for the foreign-BPF-program controller (its cgroup controller table).
    let (d, warnings) = delegate("g.service", "Delegate=bpf-foreign\n");
    assert_eq!(
        (d, warnings.len()),
        (list(&["bpf-foreign"]), 0),
        "{warnings:?}"
    );
}

#[test]
fn unsupported_directives_are_named() {
    let t = Tree::new();
    t.write(
        &t.vendor,
        "p.service",
        "[Service]\nExecStart=/bin/true\nRestrictFileSystems=ext4\n",
    );
    let u = load_unit("p.service", &t.ctx);
    assert_eq!(u.load_state, LoadState::Loaded);
    let msgs: Vec<String> = u
        .diagnostics
        .iter()
        .map(|d| format!("{}:{}", d.line, d.message))
        .collect();
    assert_eq!(
        msgs,
        vec![
            "3:RestrictFileSystems= is not supported by linger (systemd knows it), ignoring."
                .to_string()
        ]
    );
}

mod model_install_lint;

#[test]
fn link_and_set_default_make_systemds_links_and_refuse_what_systemd_refuses() {
    use linger_unit::loader::{InstallChange, InstallError, default_target, link, set_default};
    let t = Tree::new();
    let elsewhere = t.tmp.path().join("elsewhere");
    let file = t.write(&elsewhere, "out.service", SIMPLE);
    let changes = link(&t.ctx, &[file.to_str().unwrap()], false, false).unwrap();
    let made = t.config.join("out.service");
    assert_eq!(
        changes,
        [InstallChange::Created {
            link: made.clone(),
            target: file.clone()
        }]
    );
    assert_eq!(
        load_unit("out.service", &t.ctx).load_state,
        LoadState::Loaded
    );
    // Again: nothing to do. Another file of that name: refused unless forced.
    assert!(
        link(&t.ctx, &[file.to_str().unwrap()], false, false)
            .unwrap()
            .is_empty()
    );
    let other = t.write(&t.tmp.path().join("other"), "out.service", SIMPLE);
    let refused = link(&t.ctx, &[other.to_str().unwrap()], false, false);
    assert!(
        matches!(refused, Err(InstallError::Exists { .. })),
        "{refused:?}"
    );
    assert_eq!(std::fs::read_link(&made).unwrap(), file);
    let forced = link(&t.ctx, &[other.to_str().unwrap()], false, true).unwrap();
    assert_eq!(forced.len(), 2, "removed, then created: {forced:?}");
    assert_eq!(std::fs::read_link(&made).unwrap(), other);
    // A file on the search path needs no link; relative paths and missing files are refused.
    let vendor = t.write(&t.vendor, "v.service", SIMPLE);
    assert!(
        link(&t.ctx, &[vendor.to_str().unwrap()], false, false)
            .unwrap()
            .is_empty()
    );
    assert!(matches!(
        link(&t.ctx, &["rel/x.service"], false, false),
        Err(InstallError::NotAbsolute(_))
    ));
    let missing = t.tmp.path().join("nope.service");
    assert!(matches!(
        link(&t.ctx, &[missing.to_str().unwrap()], false, false),
        Err(InstallError::NotFound(_))
    ));

    assert_eq!(default_target(&t.ctx), "default.target");
    let target = t.write(&t.vendor, "graphical.target", "[Unit]\nDescription=G\n");
    let changes = set_default(&t.ctx, "graphical.target", true).unwrap();
    assert_eq!(
        changes,
        [InstallChange::Created {
            link: t.config.join("default.target"),
            target
        }]
    );
    assert_eq!(default_target(&t.ctx), "graphical.target");
    assert!(matches!(
        set_default(&t.ctx, "v.service", true),
        Err(InstallError::NotATarget(_))
    ));
    assert!(matches!(
        set_default(&t.ctx, "nope.target", true),
        Err(InstallError::NotFound(_))
    ));
}

/// `UnitIndex::of_names` (a unit's own paths only, looked at directly or from listings) finds
/// each unit's fragment, drop-ins and file state exactly as a full scan does: files, masks
/// (link and empty file), aliases and their drop-ins, linked files, templates, instances and
/// template aliases, dash-prefix and type-wide drop-ins, a masked drop-in, a copy that takes
/// precedence, a dangling link and a directory named like a unit.
#[test]
fn a_units_own_paths_resolve_as_a_full_scan_does() {
    let t = Tree::new();
    let install = "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=default.target\n";
    let foo = t.write(&t.vendor, "foo.service", install);
    t.link(&t.config, "bar.service", &foo);
    t.write(&t.vendor, "bar.service.d/x.conf", "[Unit]\nDescription=x\n");
    t.write(&t.admin, "foo.service.d/y.conf", "[Unit]\nDescription=y\n");
    t.write(&t.vendor, "shadow.service", SIMPLE);
    t.write(&t.config, "shadow.service", SIMPLE);
    t.write(&t.vendor, "m.service", SIMPLE);
    t.link(&t.config, "m.service", &PathBuf::from("/dev/null"));
    t.write(&t.vendor, "empty.service", "");
    let elsewhere = t.write(&t.tmp.path().join("opt"), "lnk.service", SIMPLE);
    t.link(&t.config, "lnk.service", &elsewhere);
    let getty = t.write(&t.vendor, "getty@.service", install);
    t.link(&t.vendor, "autovt@.service", &getty);
    t.write(
        &t.vendor,
        "getty@.service.d/z.conf",
        "[Unit]\nDescription=z\n",
    );
    t.write(
        &t.admin,
        "getty@tty3.service.d/w.conf",
        "[Unit]\nDescription=w\n",
    );
    t.write(&t.vendor, "a-b-c.service", SIMPLE);
    t.write(&t.admin, "a-.service.d/p.conf", "[Unit]\nDescription=p\n");
    t.write(&t.vendor, "service.d/all.conf", "[Unit]\nDescription=all\n");
    t.link(&t.config, "service.d/all.conf", &PathBuf::from("/dev/null"));
    t.write(
        &t.admin,
        "service.d/more.conf",
        "[Unit]\nDescription=more\n",
    );
    t.link(
        &t.config,
        "gone.service",
        &t.vendor.join("nothing-here.service"),
    );
    std::fs::create_dir_all(t.admin.join("dir.service")).unwrap();
    enable(&t.ctx, &["foo.service"], false).unwrap();

    let full = UnitIndex::scan(&t.ctx);
    let states = UnitFileStates::scan(&t.ctx);
    let links = UnitFileStates::links_only(&t.ctx);
    let names = [
        "foo.service",
        "bar.service",
        "shadow.service",
        "m.service",
        "empty.service",
        "lnk.service",
        "getty@tty1.service",
        "autovt@tty2.service",
        "getty@tty3.service",
        "a-b-c.service",
        "gone.service",
        "dir.service",
        "none.service",
    ];
    for name in names {
        let cfg = load_unit(name, &t.ctx);
        let mut own = vec![cfg.id.clone()];
        own.extend(cfg.aliases.iter().cloned());
        let want = current_files(&full, &cfg);
        for (how, mut probe) in [
            ("direct", SearchProbe::direct()),
            ("listing", SearchProbe::listing()),
        ] {
            let part = UnitIndex::of_names(&t.ctx, &own, &[".d"], &mut probe);
            assert_eq!(current_files(&part, &cfg), want, "{name} ({how})");
            assert_eq!(
                links.state_of(&cfg.id, &cfg.aliases, &mut probe),
                states.state(&cfg.id),
                "{name}: file state ({how})"
            );
        }
    }
    // The cases above are what they claim to be.
    let dropins = |n: &str| current_files(&full, &load_unit(n, &t.ctx)).1.len();
    assert_eq!(
        dropins("foo.service"),
        3,
        "x.conf via the alias, y.conf, more.conf"
    );
    assert_eq!(dropins("getty@tty3.service"), 3, "w, z, more");
    assert_eq!(dropins("a-b-c.service"), 2, "p, more");
    assert_eq!(states.state("foo.service"), Some(UnitFileState::Enabled));
    assert_eq!(load_unit("m.service", &t.ctx).load_state, LoadState::Masked);
}
