//! Golden output: what systemd 252's own `systemctl --global --root=DIR` prints for a tree of
//! unit files, against linger's answer for the same tree. The expected text was recorded from
//! systemd 252 (Debian 252.38); when systemd's binary is installed (CI installs it) the test
//! also asks it afresh.

#![allow(clippy::print_stderr)] // "skipped:" lines

use std::os::unix::fs::symlink;
use std::path::Path;

use linger_test_support::{Manager, Run, ensure_program};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

const LIST_UNIT_FILES_252: &str = "\
UNIT FILE      STATE    PRESET
also.service   indirect enabled
masked.service masked   enabled
st.service     static   -
tpl@.service   indirect enabled
web.service    enabled  enabled
www.service    alias    -
Z.service      static   -
b.socket       static   -
Up.target      static   -
a.timer        static   -

10 unit files listed.
";

/// (unit, stdout, exit code) of `is-enabled UNIT` in systemd 252.
const IS_ENABLED_252: &[(&str, &str, i32)] = &[
    ("web.service", "enabled\n", 0),
    ("www.service", "alias\n", 0),
    ("tpl@.service", "indirect\n", 0),
    ("tpl@2.service", "enabled\n", 0),
    ("tpl@3.service", "disabled\n", 1),
    ("st.service", "static\n", 0),
    ("masked.service", "masked\n", 1),
    ("also.service", "indirect\n", 0),
    ("nope.service", "", 1),
];

fn tree(root: &Path) {
    let etc = root.join("etc/systemd/user");
    let lib = root.join("usr/lib/systemd/user");
    std::fs::create_dir_all(etc.join("default.target.wants")).unwrap();
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(
        lib.join("web.service"),
        "[Unit]\nDescription=Web\n[Service]\nExecStart=/bin/sleep 1000\n[Install]\nWantedBy=default.target\nAlias=www.service\n",
    )
    .unwrap();
    std::fs::write(
        etc.join("tpl@.service"),
        "[Service]\nExecStart=/bin/sleep %i\n[Install]\nWantedBy=default.target\n",
    )
    .unwrap();
    std::fs::write(etc.join("st.service"), "[Service]\nExecStart=/bin/true\n").unwrap();
    // Other types and upper case: systemctl orders by type suffix, then name, ignoring case.
    std::fs::write(lib.join("b.socket"), "[Socket]\nListenStream=/tmp/x\n").unwrap();
    std::fs::write(lib.join("Up.target"), "[Unit]\nDescription=Up\n").unwrap();
    std::fs::write(lib.join("a.timer"), "[Timer]\nOnActiveSec=1\n").unwrap();
    std::fs::write(lib.join("Z.service"), "[Service]\nExecStart=/bin/true\n").unwrap();
    std::fs::write(
        etc.join("also.service"),
        "[Service]\nExecStart=/bin/true\n[Install]\nAlso=st.service\n",
    )
    .unwrap();
    symlink("/dev/null", etc.join("masked.service")).unwrap();
    // Relative links: they mean the same inside the root to both tools.
    symlink(
        "../../../usr/lib/systemd/user/web.service",
        etc.join("www.service"),
    )
    .unwrap();
    symlink(
        "../../../../usr/lib/systemd/user/web.service",
        etc.join("default.target.wants/web.service"),
    )
    .unwrap();
    symlink(
        "../tpl@.service",
        etc.join("default.target.wants/tpl@2.service"),
    )
    .unwrap();
}

fn systemd_available() -> bool {
    match ensure_program("/usr/bin/systemctl", "systemd") {
        Ok(()) => true,
        Err(why) => {
            eprintln!("skipped the live comparison: {why}");
            false
        }
    }
}

fn systemd(args: &[&str]) -> Run {
    Run::of(
        std::process::Command::new("/usr/bin/systemctl")
            .args(args)
            .output()
            .unwrap(),
    )
}

#[test]
fn list_unit_files_and_is_enabled_print_what_systemd_prints() {
    let m = Manager::new(BIN);
    let root = m.dir.path().join("root");
    tree(&root);
    let root_arg = format!("--root={}", root.display());
    let live = systemd_available();
    let ours = m
        .systemctl(&["--global", &root_arg, "list-unit-files"])
        .expect_code(0);
    assert_eq!(ours.stdout, LIST_UNIT_FILES_252);
    if live {
        let theirs = systemd(&["--global", &root_arg, "list-unit-files"]);
        assert_eq!(ours.stdout, theirs.stdout);
    }
    for (unit, out, code) in IS_ENABLED_252 {
        let ours = m.systemctl(&["--global", &root_arg, "is-enabled", unit]);
        assert_eq!((ours.stdout.as_str(), ours.code), (*out, *code), "{unit}");
        if live {
            let theirs = systemd(&["--global", &root_arg, "is-enabled", unit]);
            assert_eq!(
                (&ours.stdout, ours.code),
                (&theirs.stdout, theirs.code),
                "{unit}"
            );
        }
    }
}

/// `--global` without `--root=`: the machine's own global user unit directories, read by
/// both tools (only when systemd's systemctl is installed: the files are the machine's).
#[test]
fn global_alone_reads_the_machines_global_user_units_as_systemd_does() {
    if !systemd_available() {
        return;
    }
    let m = Manager::new(BIN);
    let ours = m.systemctl(&["--global", "list-unit-files"]).expect_code(0);
    let theirs = systemd(&["--global", "list-unit-files"]);
    assert_eq!(ours.stdout, theirs.stdout);
    for line in theirs.stdout.lines().skip(1).take_while(|l| !l.is_empty()) {
        let unit = line.split_whitespace().next().unwrap();
        let ours = m.systemctl(&["--global", "is-enabled", unit]);
        let theirs = systemd(&["--global", "is-enabled", unit]);
        assert_eq!(
            (&ours.stdout, ours.code),
            (&theirs.stdout, theirs.code),
            "{unit}"
        );
    }
}
