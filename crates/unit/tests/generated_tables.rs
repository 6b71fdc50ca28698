//! The generated data tables are what their generators produce on this machine: systemd's
//! `@group`s from the installed `systemd-analyze` (the oracle), errno and address-family
//! names from the kernel and libc headers. Skipped where the source is not installed.
#![allow(clippy::print_stderr)]

use std::path::Path;
use std::process::Command;

fn check(generator: &str, table: &str, needs: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !Path::new(needs).exists() {
        eprintln!("skipped: {needs} is not installed");
        return;
    }
    let out = Command::new("sh")
        .arg(root.join(generator))
        .output()
        .expect("run generator");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let committed = std::fs::read_to_string(root.join(table)).expect("table");
    assert!(
        String::from_utf8_lossy(&out.stdout) == committed,
        "{table} differs from what {generator} produces now: regenerate it"
    );
}

#[test]
fn syscall_groups_are_systemd_analyzes() {
    check(
        "gen/syscall_groups.sh",
        "src/value/syscall_groups.rs",
        "/usr/bin/systemd-analyze",
    );
}

#[test]
fn errno_names_are_the_kernels() {
    check(
        "gen/errno_names.sh",
        "src/value/errno_names.rs",
        "/usr/include/asm-generic/errno.h",
    );
}

#[test]
fn address_families_are_libcs() {
    check(
        "gen/address_families.sh",
        "src/value/address_families.rs",
        "/usr/include/x86_64-linux-gnu/bits/socket.h",
    );
}
