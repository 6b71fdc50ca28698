//! Golden output of `systemctl --user cat`: systemd 252's own systemctl (talking to the linger
//! manager over its D-Bus private socket, so both read the same FragmentPath=, DropInPaths=
//! and NeedDaemonReload=) against linger's systemctl, same units, same environment — every
//! byte of stdout and stderr and the exit code. systemd 252's systemctl refuses `cat` with
//! `--root=`, so this is where its text can be had (CI installs systemd's client).
#![allow(clippy::print_stderr)] // "skipped: …" lines

use std::process::Command;
use std::time::Duration;

use linger_test_support::{Manager, ensure_program};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

/// Arguments after `systemctl --user`, run by both clients.
type Case = &'static [&'static str];

const BEFORE_CHANGE: &[Case] = &[
    &["cat", "web.service"],
    &["cat", "tpl@x.service"],
    &["cat", "web.service", "tpl@x.service"],
    &["cat", "nope.service"],
    &["cat", "web.service", "nope.service"],
    // Units without a file: the drop-ins named after them (`NAME.d/`, a dash prefix's
    // `a-.service.d/`, a template's, the type-wide `service.d/`) are shown alone;
    // a unit with none is "No files found"; no empty line before the first unit printed.
    &["cat", "only.service"],
    &["cat", "a-b.service"],
    &["cat", "orphan@x.service"],
    &["cat", "nope.socket", "only.service"],
    &["cat", "nope.socket"],
];
const AFTER_CHANGE: &[Case] = &[&["cat", "web.service"]];

fn run(m: &Manager, program: &str, args: &[&str]) -> (String, String, i32) {
    let mut cmd = Command::new(program);
    if program == "/usr/bin/systemctl" {
        cmd.arg("--user");
    } else {
        cmd = m.tool("systemctl", &["--user"]);
    }
    let out = cmd
        .args(args)
        .env("HOME", m.home())
        .env("XDG_RUNTIME_DIR", m.runtime())
        .env("LANG", "C.UTF-8")
        .env("SYSTEMD_COLORS", "0")
        .env("NO_COLOR", "1")
        .env("SYSTEMD_PAGER", "cat")
        .env("COLUMNS", "200")
        .output()
        .expect("run systemctl");
    let fix =
        |b: &[u8]| String::from_utf8_lossy(b).replace(&m.home().display().to_string(), "$HOME");
    (
        fix(&out.stdout),
        fix(&out.stderr),
        out.status.code().unwrap_or(-1),
    )
}

fn compare(m: &Manager, cases: &[Case]) {
    for args in cases {
        let ours = run(m, "linger", args);
        let theirs = run(m, "/usr/bin/systemctl", args);
        assert_eq!(
            ours, theirs,
            "systemctl --user {args:?}: linger vs systemd 252"
        );
    }
}

#[test]
fn cat_prints_what_systemds_systemctl_prints() {
    if let Err(why) = ensure_program("/usr/bin/systemctl", "systemd") {
        eprintln!("skipped: {why}");
        return;
    }
    let mut m = Manager::new(BIN);
    let web = m.write_unit(
        "web.service",
        "[Unit]\nDescription=Web\n\n[Service]\nExecStart=/bin/sleep 1000\n",
    );
    m.write_unit("web.service.d/10-env.conf", "[Service]\nEnvironment=A=1");
    m.write_unit("service.d/10-all.conf", "[Service]\nEnvironment=ALL=1\n");
    m.write_unit("only.service.d/a.conf", "[Unit]\nDescription=Only\n");
    m.write_unit("a-.service.d/dash.conf", "[Unit]\nDescription=Dash\n");
    m.write_unit(
        "orphan@.service.d/t.conf",
        "[Unit]\nDescription=Template's\n",
    );
    m.write_unit(
        "orphan@x.service.d/i.conf",
        "[Unit]\nDescription=Instance's\n",
    );
    m.write_unit("tpl@.service", "[Service]\nExecStart=/bin/echo %i\n");
    m.write_unit("tpl@.service.d/inst.conf", "[Unit]\nDescription=Tpl %i\n");
    m.start();
    let private = m.runtime().join("systemd/private");
    m.wait_for("the D-Bus private socket", |_| private.exists());
    compare(&m, BEFORE_CHANGE);
    // Changed on disk since loaded: both warn above the files as they are now.
    let before = std::fs::metadata(&web).unwrap().modified().unwrap();
    std::fs::write(
        &web,
        "[Unit]\nDescription=Web, changed\n[Service]\nExecStart=/bin/true\n",
    )
    .unwrap();
    let f = std::fs::File::options().write(true).open(&web).unwrap();
    f.set_modified(before + Duration::from_secs(2)).unwrap();
    compare(&m, AFTER_CHANGE);
}
