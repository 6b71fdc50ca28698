//! Links the `linger` binary with packed relative relocations (`-z pack-relative-relocs`,
//! DT_RELR) where the toolchain and C library support them.
//!
//! Why: `linger` is a position-independent executable, and every start of it (each
//! systemctl/journalctl call) has the dynamic loader apply ~19,000 relative relocations from a
//! 450 KB `.rela.dyn` — about a tenth of a short command's CPU time. DT_RELR stores the same
//! relocations as a few KB of bitmaps. It needs binutils ≥ 2.38 (or lld) and glibc ≥ 2.36, so
//! the flag is used only when a probe program linked with it also runs here; elsewhere the
//! binary is linked as before (same behaviour, only a slower start).

use std::path::PathBuf;
use std::process::Command;

const FLAG: &str = "-Wl,-z,pack-relative-relocs";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=LINGER_NO_RELR");
    if std::env::var_os("LINGER_NO_RELR").is_some() || !probe() {
        return;
    }
    println!("cargo:rustc-link-arg-bins={FLAG}");
}

/// True when a C program linked with the flag builds and runs on this (host = target) system.
fn probe() -> bool {
    let (Some(target), Some(host)) = (env("TARGET"), env("HOST")) else {
        return false;
    };
    // The probe runs the program it links: only meaningful when it runs where it is built.
    if target != host || !target.contains("linux-gnu") {
        return false;
    }
    let Some(out) = env("OUT_DIR").map(PathBuf::from) else {
        return false;
    };
    let src = out.join("relr_probe.c");
    let exe = out.join("relr_probe");
    // A pointer in writable data: the program needs a relative relocation to run correctly.
    let program =
        "static const char *s = \"ok\";\nint main(void) { return s[0] == 'o' ? 0 : 1; }\n";
    if std::fs::write(&src, program).is_err() {
        return false;
    }
    let cc = env("CC").unwrap_or_else(|| "cc".to_owned());
    let linked = Command::new(&cc)
        .args(["-fPIE", "-pie", FLAG, "-o"])
        .arg(&exe)
        .arg(&src)
        .output()
        .is_ok_and(|o| o.status.success() && o.stderr.is_empty());
    linked && Command::new(&exe).status().is_ok_and(|s| s.success())
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}
