//! The generated system call table is what its generator makes from this machine's kernel
//! headers (skipped where they are not installed).
#![allow(clippy::print_stderr)]

use std::path::Path;

#[test]
fn syscall_numbers_are_the_kernel_headers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !Path::new("/usr/include/x86_64-linux-gnu/asm/unistd_64.h").exists() {
        eprintln!("skipped: the x86-64 kernel headers are not installed");
        return;
    }
    let out = std::process::Command::new("sh")
        .arg(root.join("gen/syscall_numbers.sh"))
        .output()
        .expect("run generator");
    assert!(out.status.success());
    let committed =
        std::fs::read_to_string(root.join("src/seccomp/numbers_x86_64.rs")).expect("table");
    // The first lines name the header package version; the table itself must match.
    let body = |t: &str| t.lines().skip(3).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(
        body(&String::from_utf8_lossy(&out.stdout)),
        body(&committed)
    );
}
