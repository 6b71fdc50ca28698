//! systemctl verbs that change the configuration directory or the manager's environment, and
//! the options scripts use: get-/set-default, link, add-wants/add-requires,
//! import-environment, list-dependencies --plain, --legend=no, show -p NAME=VALUE, help.

use linger_test_support::{Manager, Run};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn manager() -> Manager {
    let mut m = Manager::new(BIN);
    m.write_unit("app.service", "[Unit]\nDocumentation=man:true(1) https://example.invalid/app\n[Service]\nExecStart=/bin/sleep 1000\n");
    m.write_unit("other.target", "[Unit]\nDescription=Other\n");
    m.start();
    m
}

#[test]
fn default_target_is_read_and_set_as_a_link() {
    let m = manager();
    let r = m.systemctl(&["get-default"]).expect_code(0);
    assert_eq!(r.stdout, "default.target\n");
    let r = m.systemctl(&["set-default", "other"]).expect_code(0);
    assert!(r.stderr.contains("Created symlink"), "{}", r.stderr);
    let link = m.unit_dir().join("default.target");
    assert_eq!(
        std::fs::read_link(&link).unwrap(),
        m.unit_dir().join("other.target")
    );
    assert_eq!(m.systemctl(&["get-default"]).stdout, "other.target\n");
    m.systemctl(&["set-default", "nope.target"]).expect_code(1);
}

#[test]
fn link_and_add_wants_make_links_and_reload() {
    let m = manager();
    let elsewhere = m.dir.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let file = elsewhere.join("outside.service");
    std::fs::write(&file, "[Service]\nExecStart=/bin/sleep 1000\n").unwrap();
    m.systemctl(&["link", file.to_str().unwrap()])
        .expect_code(0);
    assert_eq!(m.prop("outside.service", "LoadState"), "loaded");
    m.systemctl(&["link", "relative.service"]).expect_code(1);
    m.systemctl(&["add-wants", "other.target", "app.service"])
        .expect_code(0);
    assert!(
        m.unit_dir()
            .join("other.target.wants/app.service")
            .is_symlink()
    );
    assert!(m.prop("other.target", "Wants").contains("app.service"));
    m.systemctl(&["add-requires", "other", "outside.service"])
        .expect_code(0);
    assert!(
        m.unit_dir()
            .join("other.target.requires/outside.service")
            .is_symlink()
    );
}

#[test]
fn import_environment_copies_named_variables() {
    let m = manager();
    let r = Run::of(
        m.tool(
            "systemctl",
            &[
                "--user",
                "import-environment",
                "LINGER_T_A",
                "LINGER_T_P*",
                "LINGER_T_UNSET",
            ],
        )
        .env("LINGER_T_A", "one")
        .env("LINGER_T_PX", "two")
        .output()
        .unwrap(),
    )
    .expect_code(0);
    assert!(r.stderr.contains("LINGER_T_UNSET"), "{}", r.stderr);
    let env = m.systemctl(&["show-environment"]).stdout;
    assert!(env.contains("LINGER_T_A=one\n"), "{env}");
    assert!(env.contains("LINGER_T_PX=two\n"), "{env}");
}

#[test]
fn options_scripts_use() {
    let m = manager();
    m.systemctl(&["start", "app.service"]).expect_code(0);
    let r = m
        .systemctl(&["list-units", "--legend=no", "app.service"])
        .expect_code(0);
    assert!(!r.stdout.contains("UNIT"), "{}", r.stdout);
    assert!(r.stdout.contains("app.service"), "{}", r.stdout);
    m.systemctl(&["list-units", "--legend=maybe"])
        .expect_code(1);
    // -r adds containers' units; a user manager has none: the same list.
    let plain = m.systemctl(&["list-units"]).expect_code(0);
    for r in ["-r", "--recursive"] {
        let rec = m.systemctl(&["list-units", r]).expect_code(0);
        assert_eq!(rec.stdout, plain.stdout);
    }
    let r = m
        .systemctl(&["list-dependencies", "--plain", "default.target"])
        .expect_code(0);
    assert!(
        !r.stdout.contains('●') && !r.stdout.contains("└─"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.lines().skip(1).all(|l| l.starts_with("  ")),
        "{}",
        r.stdout
    );
    let r = m
        .systemctl(&[
            "show",
            "-p",
            "Id,ActiveState=active",
            "app.service",
            "other.target",
        ])
        .expect_code(0);
    assert_eq!(
        r.stdout,
        "Id=app.service\nActiveState=active\n\nId=other.target\n"
    );
    let r = m
        .systemctl(&["show", "-P", "ActiveState", "app.service"])
        .expect_code(0);
    assert_eq!(r.stdout, "active\n");
}

#[test]
fn help_shows_the_documentation() {
    let m = manager();
    let r = Run::of(
        m.tool("systemctl", &["--user", "help", "app.service"])
            .env("MANPAGER", "cat")
            .output()
            .unwrap(),
    );
    assert!(
        r.stdout.contains("Can't show: https://example.invalid/app"),
        "{}",
        r.stdout
    );
    let r = m.systemctl(&["help", "other.target"]).expect_code(1);
    assert!(
        r.stderr
            .contains("Documentation for other.target not known."),
        "{}",
        r.stderr
    );
}

#[test]
fn preset_and_preset_all_follow_the_preset_files() {
    let mut m = Manager::new(BIN);
    for name in ["alpha", "beta", "bravo"] {
        m.write_unit(
            &format!("{name}.service"),
            "[Service]\nExecStart=/bin/sleep 1000\n[Install]\nWantedBy=default.target\n",
        );
    }
    m.start();
    let presets = m.dir.path().join("presets");
    std::fs::create_dir_all(&presets).unwrap();
    std::fs::write(
        presets.join("50-test.preset"),
        "enable beta.service\ndisable b*\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        let mut full = vec!["--user"];
        full.extend_from_slice(args);
        Run::of(
            m.tool("systemctl", &full)
                .env("LINGER_PRESET_PATH", &presets)
                .output()
                .unwrap(),
        )
    };
    run(&["preset", "bravo.service"]).expect_code(0);
    assert_eq!(
        m.systemctl(&["is-enabled", "bravo.service"]).stdout,
        "disabled\n"
    );
    run(&["preset-all"]).expect_code(0);
    let state = |u: &str| m.systemctl(&["is-enabled", u]).stdout;
    assert_eq!(state("alpha.service"), "enabled\n", "no rule: enabled");
    assert_eq!(state("beta.service"), "enabled\n", "first rule wins");
    assert_eq!(state("bravo.service"), "disabled\n");
    // enable-only leaves enabled units alone.
    m.systemctl(&["enable", "bravo.service"]).expect_code(0);
    run(&["preset-all", "--preset-mode=enable-only"]).expect_code(0);
    assert_eq!(state("bravo.service"), "enabled\n");
    run(&["preset-all", "--preset-mode=bogus"]).expect_code(1);
}

#[test]
fn clean_removes_a_stopped_units_directories() {
    let mut m = Manager::new(BIN);
    m.write_unit(
        "keeper.service",
        "[Service]\nExecStart=/bin/sleep 1000\nStateDirectory=keeper\nCacheDirectory=keeper\n",
    );
    m.start();
    let state = m.home().join(".local/state/keeper");
    let cache = m.home().join(".cache/keeper");
    for d in [&state, &cache] {
        std::fs::create_dir_all(d).unwrap();
        std::fs::write(d.join("f"), "x").unwrap();
    }
    m.systemctl(&["start", "keeper.service"]).expect_code(0);
    let r = m.systemctl(&["clean", "keeper.service"]).expect_code(1);
    assert!(r.stderr.contains("not inactive"), "{}", r.stderr);
    m.systemctl(&["stop", "keeper.service"]).expect_code(0);
    // Default: cache (and runtime) only.
    m.systemctl(&["clean", "keeper.service"]).expect_code(0);
    assert!(!cache.exists() && state.exists());
    m.systemctl(&["clean", "--what=state", "keeper.service"])
        .expect_code(0);
    assert!(!state.exists());
    m.systemctl(&["clean", "--what=bogus", "keeper.service"])
        .expect_code(1);
}

#[test]
fn isolate_starts_the_target_and_stops_everything_else() {
    let mut m = Manager::new(BIN);
    m.write_unit(
        "work.target",
        "[Unit]\nDescription=Work\nAllowIsolate=yes\nWants=kept.service\n",
    );
    m.write_unit("plain.target", "[Unit]\nDescription=Plain\n");
    for name in ["kept", "other", "pinned"] {
        let extra = if name == "pinned" {
            "[Unit]\nIgnoreOnIsolate=yes\n"
        } else {
            ""
        };
        m.write_unit(
            &format!("{name}.service"),
            &format!("{extra}[Service]\nExecStart=/bin/sleep 1000\n"),
        );
    }
    m.start();
    m.systemctl(&["start", "kept", "other", "pinned"])
        .expect_code(0);
    // Without AllowIsolate=yes: refused in systemctl 252's words and exit code (checked
    // against it), nothing stopped.
    let r = m.systemctl(&["isolate", "plain"]).expect_code(4);
    assert_eq!(
        r.stderr,
        "Failed to start plain.target: Operation refused, unit may not be isolated.\n\
         See user logs and 'systemctl --user status plain.target' for details.\n"
    );
    assert_eq!(m.prop("other.service", "ActiveState"), "active");
    // A name without a suffix is a target.
    m.systemctl(&["isolate", "work"]).expect_code(0);
    assert_eq!(m.prop("work.target", "ActiveState"), "active");
    assert_eq!(m.prop("kept.service", "ActiveState"), "active");
    assert_eq!(m.prop("pinned.service", "ActiveState"), "active");
    assert_eq!(m.prop("pinned.service", "IgnoreOnIsolate"), "yes");
    // systemctl waits for the target's job; the stop jobs isolate queued finish on their own.
    m.wait_for("other.service stopped", |m| {
        m.prop("other.service", "ActiveState") == "inactive"
    });
    m.shutdown();
}

#[test]
fn freeze_without_cgroups_is_refused_in_systemctls_words() {
    let mut m = manager();
    m.systemctl(&["start", "app"]).expect_code(0);
    let r = m.systemctl(&["freeze", "app"]).expect_code(1);
    assert!(
        r.stderr.starts_with(
            "Failed to freeze unit app.service: Unit 'app.service' does not support freezing"
        ),
        "{}",
        r.stderr
    );
    assert_eq!(m.prop("app.service", "CanFreeze"), "no");
    assert_eq!(m.prop("app.service", "FreezerState"), "running");
    m.systemctl(&["thaw"]).expect_code(1);
    m.shutdown();
}

#[test]
fn enable_force_replaces_a_conflicting_link_and_only_a_link() {
    let mut m = Manager::new(BIN);
    m.write_unit(
        "foo.service",
        "[Service]\nExecStart=/bin/sleep 1000\n[Install]\nAlias=bar.service\n",
    );
    let other = m.write_unit("other.service", "[Service]\nExecStart=/bin/sleep 1000\n");
    let alias = m.unit_dir().join("bar.service");
    std::os::unix::fs::symlink(&other, &alias).unwrap();
    m.start();
    let r = m.systemctl(&["enable", "foo"]).expect_code(1);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    assert_eq!(std::fs::read_link(&alias).unwrap(), other);
    let r = m.systemctl(&["enable", "--force", "foo"]).expect_code(0);
    let foo = m.unit_dir().join("foo.service");
    assert_eq!(
        r.stderr,
        format!(
            "Removed \"{}\".\nCreated symlink {} → {}.\n",
            alias.display(),
            alias.display(),
            foo.display()
        )
    );
    assert_eq!(std::fs::read_link(&alias).unwrap(), foo);
    // mask --force replaces a symlink too, but never a real file.
    std::fs::write(
        m.unit_dir().join("real.service"),
        "[Service]\nExecStart=/bin/true\n",
    )
    .unwrap();
    m.systemctl(&["mask", "--force", "real.service"])
        .expect_code(1);
    assert!(!m.unit_dir().join("real.service").is_symlink());
    m.shutdown();
}

#[test]
fn unit_file_preset_follows_the_preset_files() {
    let mut m = Manager::new(BIN);
    let presets = m.dir.path().join("presets");
    std::fs::create_dir_all(&presets).unwrap();
    std::fs::write(
        presets.join("50-test.preset"),
        "enable keep.service\ndisable *\n",
    )
    .unwrap();
    let install = "[Service]\nExecStart=/bin/sleep 1000\n[Install]\nWantedBy=default.target\n";
    m.write_unit("keep.service", install);
    m.write_unit("drop.service", install);
    m.write_unit("plain.service", "[Service]\nExecStart=/bin/true\n");
    let var = format!("LINGER_PRESET_PATH={}", presets.display());
    m.start_wrapped(&["env", &var]);
    assert_eq!(m.prop("keep.service", "UnitFilePreset"), "enabled");
    assert_eq!(m.prop("drop.service", "UnitFilePreset"), "disabled");
    assert_eq!(
        m.prop("plain.service", "UnitFilePreset"),
        "",
        "static: no preset"
    );
    let status = m.systemctl(&["status", "drop.service"]);
    assert!(
        status
            .stdout
            .contains("drop.service; disabled; preset: disabled)"),
        "{}",
        status.stdout
    );
    let files = m
        .systemctl(&[
            "list-unit-files",
            "--no-legend",
            "--plain",
            "keep*",
            "drop*",
        ])
        .expect_code(0);
    let rows: Vec<Vec<&str>> = files
        .stdout
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows,
        [
            vec!["drop.service", "disabled", "disabled"],
            vec!["keep.service", "disabled", "enabled"]
        ]
    );
}
