//! Golden output: `systemctl --global --root=DIR` changing the global user units under DIR —
//! enable, disable, reenable, mask, unmask, preset, preset-all — against systemd 252's own
//! systemctl on an identical tree: the same words, exit codes and resulting symlinks. The
//! tree uses absolute symlinks (meaning paths inside DIR) and preset files. The expected
//! results were recorded from systemd 252 (Debian 252.38); when its systemctl is installed
//! (CI installs it) the test also runs it afresh.

#![allow(clippy::print_stderr)] // "skipped:" lines

use std::os::unix::fs::symlink;
use std::path::Path;

use linger_test_support::{Manager, Run, ensure_program};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn tree(root: &Path) {
    let etc = root.join("etc/systemd/user");
    let lib = root.join("usr/lib/systemd/user");
    let presets = root.join("usr/lib/systemd/user-preset");
    for d in [&etc, &lib, &presets] {
        std::fs::create_dir_all(d).unwrap();
    }
    let install = "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=default.target\n";
    std::fs::write(lib.join("default.target"), "[Unit]\nDescription=Main\n").unwrap();
    std::fs::write(
        lib.join("web.service"),
        format!("{install}Alias=www.service\n"),
    )
    .unwrap();
    std::fs::write(lib.join("db.service"), install).unwrap();
    std::fs::write(lib.join("cache.service"), install).unwrap();
    std::fs::write(lib.join("t@.service"), install).unwrap();
    std::fs::write(etc.join("local.service"), install).unwrap();
    // Absolute links: inside the root, not on this machine.
    std::fs::create_dir_all(etc.join("default.target.wants")).unwrap();
    symlink(
        "/usr/lib/systemd/user/cache.service",
        etc.join("default.target.wants/cache.service"),
    )
    .unwrap();
    symlink(
        "/usr/lib/systemd/user/db.service",
        etc.join("database.service"),
    )
    .unwrap();
    std::fs::write(
        presets.join("50-test.preset"),
        "# policy\nenable t@.service a b\ndisable cache.service\nenable d*\ndisable *\n",
    )
    .unwrap();
}

/// Every symlink under `root`, as `path -> target` (paths relative to the root), sorted.
fn links(root: &Path) -> Vec<String> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            if let Ok(t) = std::fs::read_link(&p) {
                let rel = p.strip_prefix(root).unwrap().display().to_string();
                out.push(format!("{rel} -> {}", t.display()));
            } else if p.is_dir() {
                walk(&p, root, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

/// The steps, each run on a tree: (arguments after `--global --root=DIR`).
const STEPS: &[&[&str]] = &[
    &["list-unit-files"],
    &["is-enabled", "database.service"],
    &["is-enabled", "cache.service"],
    &["enable", "web.service", "local"],
    &["is-enabled", "www.service"],
    &["enable", "nope.service"],
    &["disable", "cache.service"],
    &["reenable", "web.service"],
    &["mask", "local.service"],
    &["enable", "local.service"],
    &["unmask", "local.service"],
    &["preset", "web.service", "db.service"],
    &["list-unit-files"],
    &["preset-all"],
    &["list-unit-files"],
];

/// What systemd 252 printed for STEPS (DIR written as ROOT): (exit code, stdout, stderr).
const RECORDED_252: &[(i32, &str, &str)] = &[
    (
        0,
        "UNIT FILE        STATE    PRESET\ncache.service    enabled  disabled\ndatabase.service alias    -\ndb.service       indirect enabled\nlocal.service    disabled disabled\nt@.service       disabled enabled\nweb.service      disabled disabled\ndefault.target   static   -\n\n7 unit files listed.\n",
        "",
    ),
    (0, "alias\n", ""),
    (0, "enabled\n", ""),
    (
        0,
        "",
        "Created symlink ROOT/etc/systemd/user/www.service → /usr/lib/systemd/user/web.service.\nCreated symlink ROOT/etc/systemd/user/default.target.wants/web.service → /usr/lib/systemd/user/web.service.\nCreated symlink ROOT/etc/systemd/user/default.target.wants/local.service → /etc/systemd/user/local.service.\n",
    ),
    (0, "alias\n", ""),
    (
        1,
        "",
        "Failed to enable unit, unit nope.service does not exist.\n",
    ),
    (
        0,
        "",
        "Removed \"ROOT/etc/systemd/user/default.target.wants/cache.service\".\n",
    ),
    (
        0,
        "",
        "Removed \"ROOT/etc/systemd/user/default.target.wants/web.service\".\nRemoved \"ROOT/etc/systemd/user/www.service\".\nCreated symlink ROOT/etc/systemd/user/www.service → /usr/lib/systemd/user/web.service.\nCreated symlink ROOT/etc/systemd/user/default.target.wants/web.service → /usr/lib/systemd/user/web.service.\n",
    ),
    (
        1,
        "",
        "Failed to mask unit, file \"ROOT/etc/systemd/user/local.service\" already exists.\n",
    ),
    (0, "", ""),
    (0, "", ""),
    (
        0,
        "",
        "Removed \"ROOT/etc/systemd/user/default.target.wants/web.service\".\nRemoved \"ROOT/etc/systemd/user/www.service\".\nCreated symlink ROOT/etc/systemd/user/default.target.wants/db.service → /usr/lib/systemd/user/db.service.\n",
    ),
    (
        0,
        "UNIT FILE        STATE    PRESET\ncache.service    disabled disabled\ndatabase.service alias    -\ndb.service       enabled  enabled\nlocal.service    enabled  disabled\nt@.service       disabled enabled\nweb.service      disabled disabled\ndefault.target   static   -\n\n7 unit files listed.\n",
        "",
    ),
    (
        0,
        "",
        "Removed \"ROOT/etc/systemd/user/default.target.wants/local.service\".\nCreated symlink ROOT/etc/systemd/user/default.target.wants/t@a.service → /usr/lib/systemd/user/t@.service.\nCreated symlink ROOT/etc/systemd/user/default.target.wants/t@b.service → /usr/lib/systemd/user/t@.service.\n",
    ),
    (
        0,
        "UNIT FILE        STATE    PRESET\ncache.service    disabled disabled\ndatabase.service alias    -\ndb.service       enabled  enabled\nlocal.service    disabled disabled\nt@.service       indirect enabled\nweb.service      disabled disabled\ndefault.target   static   -\n\n7 unit files listed.\n",
        "",
    ),
];

/// The symlinks systemd 252 left after STEPS.
const RECORDED_LINKS_252: &[&str] = &[
    "etc/systemd/user/database.service -> /usr/lib/systemd/user/db.service",
    "etc/systemd/user/default.target.wants/db.service -> /usr/lib/systemd/user/db.service",
    "etc/systemd/user/default.target.wants/t@a.service -> /usr/lib/systemd/user/t@.service",
    "etc/systemd/user/default.target.wants/t@b.service -> /usr/lib/systemd/user/t@.service",
];

/// `text` with each run of `Removed "…"` lines sorted: systemctl removes links in the order
/// the directory lists them, which depends on the file system.
fn removals_sorted(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.starts_with("Removed ") {
            run.push(line);
            continue;
        }
        run.sort_unstable();
        out.extend(run.drain(..).map(String::from));
        out.push(line.to_string());
    }
    run.sort_unstable();
    out.extend(run.drain(..).map(String::from));
    out.iter().map(|l| format!("{l}\n")).collect()
}

fn run_steps(
    steps: &[&[&str]],
    mut each: impl FnMut(&[&str]) -> Run,
    root: &Path,
) -> Vec<(i32, String, String)> {
    let root_text = root.display().to_string();
    steps
        .iter()
        .map(|args| {
            let r = each(args);
            (
                r.code,
                r.stdout.replace(&root_text, "ROOT"),
                removals_sorted(&r.stderr.replace(&root_text, "ROOT")),
            )
        })
        .collect()
}

/// Runs `steps` with linger's systemctl on a tree made by `tree`, and with systemd 252's on
/// another one when it is installed: same words, exit codes and links as each other and as
/// the recording.
fn check(
    tree: fn(&Path),
    steps: &[&[&str]],
    recorded: &[(i32, &str, &str)],
    recorded_links: &[&str],
) {
    let m = Manager::new(BIN);
    let ours_root = m.dir.path().join("ours");
    tree(&ours_root);
    let root_arg = format!("--root={}", ours_root.display());
    let ours = run_steps(
        steps,
        |args| {
            let mut full = vec!["--global", root_arg.as_str(), "--no-pager"];
            full.extend_from_slice(args);
            m.systemctl(&full)
        },
        &ours_root,
    );
    let ours_links = links(&ours_root);
    let live = match ensure_program("/usr/bin/systemctl", "systemd") {
        Ok(()) => true,
        Err(why) => {
            eprintln!("skipped the live comparison: {why}");
            false
        }
    };
    if live {
        let theirs_root = m.dir.path().join("theirs");
        tree(&theirs_root);
        let root_arg = format!("--root={}", theirs_root.display());
        let theirs = run_steps(
            steps,
            |args| {
                let mut cmd = std::process::Command::new("/usr/bin/systemctl");
                cmd.args(["--global", root_arg.as_str(), "--no-pager"])
                    .args(args);
                Run::of(cmd.output().unwrap())
            },
            &theirs_root,
        );
        for ((step, o), t) in steps.iter().zip(&ours).zip(&theirs) {
            assert_eq!(o, t, "systemctl {step:?}");
        }
        assert_eq!(ours_links, links(&theirs_root));
    }
    for ((step, o), r) in steps.iter().zip(&ours).zip(recorded) {
        assert_eq!((o.0, o.1.as_str(), o.2.as_str()), *r, "systemctl {step:?}");
    }
    assert_eq!(ours.len(), recorded.len());
    assert_eq!(ours_links, recorded_links);
}

#[test]
fn global_root_changes_match_systemd_252() {
    check(tree, STEPS, RECORDED_252, RECORDED_LINKS_252);
}

/// Units whose `[Install]` names units that do not exist.
fn tree_missing_targets(root: &Path) {
    let etc = root.join("etc/systemd/user");
    std::fs::create_dir_all(&etc).unwrap();
    let svc = "[Service]\nExecStart=/bin/true\n[Install]\n";
    std::fs::write(
        etc.join("a.service"),
        format!("{svc}WantedBy=missing.target\nAlias=a2.service\n"),
    )
    .unwrap();
    std::fs::write(
        etc.join("b.service"),
        format!("{svc}WantedBy=missing.target other.target\nRequiredBy=x.target\n"),
    )
    .unwrap();
    std::fs::write(etc.join("other.target"), "[Unit]\n").unwrap();
}

const MISSING_STEPS: &[&[&str]] = &[
    &["enable", "a.service", "b.service"],
    // Links already there: only the warnings.
    &["enable", "a.service", "b.service"],
];

const MISSING_RECORDED_252: &[(i32, &str, &str)] = &[
    (
        0,
        "",
        "Created symlink ROOT/etc/systemd/user/a2.service → /etc/systemd/user/a.service.\n\
         Created symlink ROOT/etc/systemd/user/missing.target.wants/a.service → /etc/systemd/user/a.service.\n\
         Unit ROOT/etc/systemd/user/a.service is added as a dependency to a non-existent unit missing.target.\n\
         Created symlink ROOT/etc/systemd/user/missing.target.wants/b.service → /etc/systemd/user/b.service.\n\
         Unit ROOT/etc/systemd/user/b.service is added as a dependency to a non-existent unit missing.target.\n\
         Created symlink ROOT/etc/systemd/user/other.target.wants/b.service → /etc/systemd/user/b.service.\n\
         Created symlink ROOT/etc/systemd/user/x.target.requires/b.service → /etc/systemd/user/b.service.\n\
         Unit ROOT/etc/systemd/user/b.service is added as a dependency to a non-existent unit x.target.\n",
    ),
    (
        0,
        "",
        "Unit ROOT/etc/systemd/user/a.service is added as a dependency to a non-existent unit missing.target.\n\
         Unit ROOT/etc/systemd/user/b.service is added as a dependency to a non-existent unit missing.target.\n\
         Unit ROOT/etc/systemd/user/b.service is added as a dependency to a non-existent unit x.target.\n",
    ),
];

const MISSING_LINKS_252: &[&str] = &[
    "etc/systemd/user/a2.service -> /etc/systemd/user/a.service",
    "etc/systemd/user/missing.target.wants/a.service -> /etc/systemd/user/a.service",
    "etc/systemd/user/missing.target.wants/b.service -> /etc/systemd/user/b.service",
    "etc/systemd/user/other.target.wants/b.service -> /etc/systemd/user/b.service",
    "etc/systemd/user/x.target.requires/b.service -> /etc/systemd/user/b.service",
];

/// systemctl warns about each missing unit right after the link into it, not at the end.
#[test]
fn warnings_about_missing_units_come_in_systemds_order() {
    check(
        tree_missing_targets,
        MISSING_STEPS,
        MISSING_RECORDED_252,
        MISSING_LINKS_252,
    );
}

/// A unit file linked in from a directory inside the root that the host does not have: its
/// content must be read inside the root, and enabling points at the file the link leads to.
fn tree_linked(root: &Path) {
    let etc = root.join("etc/systemd/user");
    let opt = root.join("opt/linger-golden-linked");
    std::fs::create_dir_all(&etc).unwrap();
    std::fs::create_dir_all(&opt).unwrap();
    std::fs::write(
        opt.join("linked.service"),
        "[Unit]\nDescription=Linked\n[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=default.target\n",
    )
    .unwrap();
    std::fs::write(etc.join("default.target"), "[Unit]\nDescription=Main\n").unwrap();
    symlink(
        "/opt/linger-golden-linked/linked.service",
        etc.join("linked.service"),
    )
    .unwrap();
}

const LINKED_STEPS: &[&[&str]] = &[
    &["list-unit-files"],
    &["is-enabled", "linked.service"],
    &["enable", "linked.service"],
    &["is-enabled", "linked.service"],
    &["list-unit-files"],
    &["disable", "linked.service"],
    &["is-enabled", "linked.service"],
];

const LINKED_RECORDED_252: &[(i32, &str, &str)] = &[
    (
        0,
        "UNIT FILE      STATE  PRESET\nlinked.service linked enabled\ndefault.target static -\n\n2 unit files listed.\n",
        "",
    ),
    (1, "linked\n", ""),
    (
        0,
        "",
        "Created symlink ROOT/etc/systemd/user/default.target.wants/linked.service → /opt/linger-golden-linked/linked.service.\n",
    ),
    (0, "enabled\n", ""),
    (
        0,
        "UNIT FILE      STATE   PRESET\nlinked.service enabled enabled\ndefault.target static  -\n\n2 unit files listed.\n",
        "",
    ),
    (
        0,
        "",
        "Removed \"ROOT/etc/systemd/user/default.target.wants/linked.service\".\nRemoved \"ROOT/etc/systemd/user/linked.service\".\n",
    ),
    (
        1,
        "",
        "Failed to get unit file state for linked.service: No such file or directory\n",
    ),
];

#[test]
fn a_linked_unit_file_is_read_inside_the_root() {
    assert!(!Path::new("/opt/linger-golden-linked").exists());
    check(tree_linked, LINKED_STEPS, LINKED_RECORDED_252, &[]);
}
