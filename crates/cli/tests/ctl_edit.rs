//! `systemctl --user edit` and `revert` with a scripted editor: drop-ins, `--full`,
//! `--force`, the editor variables, the reload afterwards.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use linger_test_support::{Manager, Run};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn manager() -> Manager {
    let mut m = Manager::new(BIN);
    m.start();
    m
}

/// An "editor" that replaces every file it is given with `content` (and records its args).
fn editor(m: &Manager, name: &str, content: &str) -> PathBuf {
    let path = m.dir.path().join(name);
    std::fs::write(
        &path,
        format!(
            "#!/bin/sh\necho \"$@\" > \"$0.args\"\nfor f; do printf '%s' '{content}' > \"$f\"; done\n"
        ),
    )
    .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn edit(m: &Manager, var: &str, editor: &Path, args: &[&str]) -> Run {
    let mut cmd = m.tool("systemctl", &["--user", "edit"]);
    cmd.args(args).env(var, editor);
    Run::of(cmd.output().unwrap())
}

#[test]
fn edit_writes_a_drop_in_and_reloads() {
    let m = manager();
    m.write_unit(
        "web.service",
        "[Unit]\nDescription=Web\n[Service]\nExecStart=/bin/sleep 100\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    let ed = editor(&m, "ed", "[Service]\nEnvironment=EDITED=yes\n");
    edit(&m, "SYSTEMD_EDITOR", &ed, &["web"]).expect_code(0);
    let dropin = m.unit_dir().join("web.service.d/override.conf");
    assert_eq!(
        std::fs::read_to_string(&dropin).unwrap(),
        "[Service]\nEnvironment=EDITED=yes\n"
    );
    // Reloaded: the manager already sees it.
    assert_eq!(m.prop("web.service", "Environment"), "EDITED=yes");
    assert!(
        m.prop("web.service", "DropInPaths")
            .contains("override.conf")
    );
    // No temporary file is left next to it.
    let left: Vec<_> = std::fs::read_dir(dropin.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

#[test]
fn the_drop_in_template_shows_the_unit_and_keeps_only_the_marked_part() {
    let m = manager();
    m.write_unit(
        "web.service",
        "[Unit]\nDescription=Web\n[Service]\nExecStart=/bin/sleep 100\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    // An editor that keeps the file, adding a line after the first marker.
    let path = m.dir.path().join("sed-editor");
    std::fs::write(
        &path,
        "#!/bin/sh\ncp \"$1\" \"$0.seen\"\nsed -i '/^### Anything between/a [Service]\\nEnvironment=N=5' \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    edit(&m, "EDITOR", &path, &["web.service"]).expect_code(0);
    let seen = std::fs::read_to_string(m.dir.path().join("sed-editor.seen")).unwrap();
    assert!(seen.contains("### Editing "), "{seen}");
    assert!(seen.contains("# Description=Web"), "{seen}");
    assert_eq!(
        std::fs::read_to_string(m.unit_dir().join("web.service.d/override.conf")).unwrap(),
        "[Service]\nEnvironment=N=5\n"
    );
    assert_eq!(m.prop("web.service", "Environment"), "N=5");
}

#[test]
fn edit_full_and_force_create_or_replace_the_unit_file() {
    let m = manager();
    let ed = editor(
        &m,
        "ed",
        "[Unit]\nDescription=Brand new\n[Service]\nExecStart=/bin/true\n",
    );
    // No such unit: refused, with the way to create one.
    let r = edit(&m, "VISUAL", &ed, &["new.service"]).expect_code(1);
    assert!(
        r.stderr.contains("No files found for new.service."),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--force --full"), "{}", r.stderr);
    assert!(!m.unit_dir().join("new.service").exists());
    edit(&m, "VISUAL", &ed, &["--force", "--full", "new.service"]).expect_code(0);
    assert_eq!(m.prop("new.service", "Description"), "Brand new");
    assert_eq!(m.prop("new.service", "LoadState"), "loaded");
}

#[test]
fn a_failing_editor_changes_nothing() {
    let m = manager();
    m.write_unit("web.service", "[Service]\nExecStart=/bin/sleep 100\n");
    m.systemctl(&["daemon-reload"]).expect_code(0);
    let r = edit(
        &m,
        "SYSTEMD_EDITOR",
        Path::new("/bin/false"),
        &["web.service"],
    )
    .expect_code(1);
    assert!(
        r.stderr.contains("Editor exited unsuccessfully"),
        "{}",
        r.stderr
    );
    assert!(!m.unit_dir().join("web.service.d/override.conf").exists());
    let dir = m.unit_dir().join("web.service.d");
    let left = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    assert_eq!(left, 0, "temporary files left in {}", dir.display());
}

#[test]
fn revert_removes_drop_ins_and_masks() {
    let m = manager();
    m.write_unit("web.service", "[Service]\nExecStart=/bin/sleep 100\n");
    m.write_unit("web.service.d/a.conf", "[Service]\nEnvironment=N=3\n");
    m.systemctl(&["daemon-reload"]).expect_code(0);
    assert_eq!(m.prop("web.service", "Environment"), "N=3");
    let r = m.systemctl(&["revert", "web.service"]).expect_code(0);
    assert!(r.stderr.contains("Removed"), "{}", r.stderr);
    assert!(!m.unit_dir().join("web.service.d").exists());
    // The user's own unit file (nothing below it) stays; the manager reloaded.
    assert!(m.unit_dir().join("web.service").exists());
    assert_eq!(m.prop("web.service", "Environment"), "");
}
