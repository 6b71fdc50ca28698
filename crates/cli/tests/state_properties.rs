//! The manager answers a `Units` request for unit states only (`is-active`, the warnings
//! after a job) without rendering each unit's other properties. Those answers must be the
//! very values the full rendering gives: `show -p` of the state properties alone is compared
//! with `show -p` of the same properties plus one that needs the full rendering, for units
//! in every kind of state (running, enabled through an alias, triggered by a socket, failed,
//! exited, static, masked, not found).

use linger_test_support::{Manager, free_port};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

const STATES: &str = "Id,LoadState,ActiveState,SubState,TriggeredBy,UnitFileState";

#[test]
fn state_properties_are_the_full_renderings_values() {
    let mut m = Manager::new(BIN);
    let port = free_port();
    m.write_unit(
        "runs.service",
        "[Service]\nExecStart=/bin/sleep infinity\n[Install]\nWantedBy=default.target\nAlias=runs-alias.service\n",
    );
    m.write_unit(
        "trig.socket",
        &format!("[Socket]\nListenStream=127.0.0.1:{port}\n"),
    );
    m.write_unit("trig.service", "[Service]\nExecStart=/bin/sleep infinity\n");
    m.write_unit("fails.service", "[Service]\nExecStart=/bin/false\n");
    m.write_unit(
        "done.service",
        "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n",
    );
    m.write_unit("static.service", "[Service]\nExecStart=/bin/true\n");
    std::os::unix::fs::symlink("/dev/null", m.unit_dir().join("masked.service")).unwrap();
    m.start();
    m.systemctl(&["enable", "runs.service"]).expect_code(0);
    m.systemctl(&["start", "runs.service", "trig.socket", "done.service"])
        .expect_code(0);
    let _ = m.systemctl(&["start", "fails.service"]);
    m.wait_for("fails.service to fail", |m| {
        m.prop("fails.service", "ActiveState") == "failed"
    });
    let units = [
        "runs.service",
        "runs-alias.service",
        "trig.socket",
        "trig.service",
        "fails.service",
        "done.service",
        "static.service",
        "masked.service",
        "nosuch.service",
    ];
    let mut args = vec!["show", "-p", STATES];
    args.extend(units);
    let states_only = m.systemctl(&args).expect_code(0).stdout;
    let full = format!("{STATES},Description");
    args[2] = &full;
    let rendered = m.systemctl(&args).expect_code(0).stdout;
    let without_description: String = rendered
        .lines()
        .filter(|l| !l.starts_with("Description="))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(states_only, without_description);
    // The comparison saw every kind of state.
    for line in [
        "SubState=running",
        "UnitFileState=enabled",
        "TriggeredBy=trig.socket",
        "ActiveState=failed",
        "SubState=exited",
        "UnitFileState=static",
        "LoadState=masked",
        "LoadState=not-found",
    ] {
        assert!(
            states_only.lines().any(|l| l == line),
            "{line} missing:\n{states_only}"
        );
    }
}
