//! Snapshot tests (insta) of what people read: every personality's --help, and the tables
//! and reports whose layout systemd users know — with the parts that change from run to run
//! (temporary paths, times, pids) replaced by placeholders.

use linger_test_support::{Manager, Run};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

/// Replace what differs between runs.
fn stable(m: &Manager, text: &str) -> String {
    let root = m.dir.path().display().to_string();
    placeholders(&text.replace(&root, "[TMP]"))
}

/// "since <timestamp>; <ago>" → "since [TIME]", the main pid → `[PID]`.
fn placeholders(text: &str) -> String {
    text.lines()
        .map(|l| {
            let mut l = l.to_string();
            if let Some(i) = l.find(" since ") {
                l.truncate(i);
                l.push_str(" since [TIME]");
            }
            if let Some(pid) = l.find("Main PID: ") {
                let rest: String = l[pid + 10..]
                    .chars()
                    .skip_while(char::is_ascii_digit)
                    .collect();
                l = format!("{}Main PID: [PID]{rest}", &l[..pid]);
            }
            l
        })
        .map(|l| l + "\n")
        .collect()
}

#[test]
fn help_texts() {
    let m = Manager::new(BIN);
    for tool in [
        "systemctl",
        "journalctl",
        "loginctl",
        "systemd-run",
        "systemd-analyze",
        "systemd-escape",
        "systemd-notify",
    ] {
        let r = Run::of(
            m.tool(tool, &["--help"])
                .env("COLUMNS", "100")
                .output()
                .unwrap(),
        )
        .expect_code(0);
        insta::assert_snapshot!(format!("help-{tool}"), r.stdout);
    }
}

#[test]
fn list_units_list_unit_files_and_status() {
    let mut m = Manager::new(BIN);
    m.write_unit(
        "web.service",
        "[Unit]\nDescription=Web server\n[Service]\nExecStart=/bin/sleep 1000\n[Install]\nWantedBy=default.target\n",
    );
    m.write_unit(
        "broken.service",
        "[Unit]\nDescription=Fails at once\n[Service]\nType=oneshot\nExecStart=/bin/false\n",
    );
    m.write_unit("web.service.d/env.conf", "[Service]\nEnvironment=A=1\n");
    m.start();
    m.systemctl(&["start", "web.service"]).expect_code(0);
    m.systemctl(&["start", "broken.service"]);
    m.wait_for("broken to fail", |m| {
        m.prop("broken.service", "ActiveState") == "failed"
    });
    let r = m
        .systemctl(&["list-units", "--type=service"])
        .expect_code(0);
    insta::assert_snapshot!("list-units", stable(&m, &r.stdout));
    let r = m
        .systemctl(&["list-unit-files", "--type=service"])
        .expect_code(0);
    insta::assert_snapshot!("list-unit-files", stable(&m, &r.stdout));
    let r = m
        .systemctl(&["status", "--lines=0", "broken.service"])
        .expect_code(3);
    insta::assert_snapshot!("status-failed", stable(&m, &r.stdout));
    let r = Run::of(
        m.tool("systemd-analyze", &["security", "web.service"])
            .output()
            .unwrap(),
    )
    .expect_code(0);
    insta::assert_snapshot!("security", r.stdout);
}
