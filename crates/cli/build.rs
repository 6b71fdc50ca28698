//! Links the `linger` binary with packed relative relocations (`-z pack-relative-relocs`,
//! DT_RELR) where the toolchain and C library support them.
//!
//! Why: `linger` is a position-independent executable, and every start of it (each
//! systemctl/journalctl call) has the dynamic loader apply ~19,000 relative relocations from a
//! 450 KB `.rela.dyn` — about a tenth of a short command's CPU time. DT_RELR stores the same
//! relocations as a few KB of bitmaps. It needs binutils ≥ 2.38 (or lld) and glibc ≥ 2.36, so
//! the flag is used only when a probe program linked with it also runs here; elsewhere the
//! binary is linked as before (same behaviour, only a slower start).
//!
//! Release builds are also linked with the function order in `symbol-order.txt`
//! (`--symbol-ordering-file`): the functions a user manager and the everyday commands run are
//! laid out together, so a process keeps fewer of the binary's code pages resident (the kernel
//! maps them in 64 KB fault-around windows). `cargo xtask order-symbols` regenerates the file
//! from a profile (xtask/order_symbols.py). Rust symbol names end in hashes that change with
//! any dependency, feature or profile change; the workspace's linker wrapper (ordered-link.sh,
//! named in .cargo/config.toml) maps the file's names onto the link's own first. Names the
//! build no longer has are skipped silently, so a stale file costs locality, never the build.
//! Used only where rustc links with its own lld (x86_64-unknown-linux-gnu's default) and no
//! other linker is configured; LINGER_NO_SYMBOL_ORDER=1 links without it.
//!
//! The unwinder (panics, backtraces) is linked in from GCC's static `libgcc_eh.a` rather than
//! loaded from `libgcc_s.so.1` at every start: one shared library fewer to find, map and
//! relocate, and no `__cpu_indicator_init` constructor (a run of CPUID instructions, each a
//! trap to the hypervisor in a VM) — about a tenth of `systemctl status`'s CPU time. It is
//! asked for as a native library of this crate, so rustc puts it ahead of std's `-lgcc_s` and
//! the linker (`--as-needed`) then drops libgcc_s. Only where `cc` has the archive and panics
//! unwind; LINGER_SHARED_LIBGCC=1 links libgcc_s as before.

use std::path::PathBuf;
use std::process::Command;

const FLAG: &str = "-Wl,-z,pack-relative-relocs";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=LINGER_NO_RELR");
    symbol_order();
    static_unwinder();
    if std::env::var_os("LINGER_NO_RELR").is_some() || !probe() {
        return;
    }
    println!("cargo:rustc-link-arg-bins={FLAG}");
}

/// Release builds linked by rustc's own lld: lay functions out in `symbol-order.txt`'s order.
fn symbol_order() {
    println!("cargo:rerun-if-changed=symbol-order.txt");
    println!("cargo:rerun-if-env-changed=LINGER_NO_SYMBOL_ORDER");
    let Some(dir) = env("CARGO_MANIFEST_DIR") else {
        return;
    };
    let file = PathBuf::from(dir).join("symbol-order.txt");
    // Another linker (GNU ld has no --symbol-ordering-file) or rustc told to use one; the
    // workspace's own wrapper (.cargo/config.toml) runs rustc's usual cc and lld.
    let other_linker = env("RUSTC_LINKER").is_some_and(|l| !l.ends_with("/ordered-link.sh"))
        || env("CARGO_ENCODED_RUSTFLAGS").is_some_and(|f| f.contains("link"));
    let wanted = env("PROFILE").as_deref() == Some("release")
        && env("TARGET").as_deref() == Some("x86_64-unknown-linux-gnu")
        && std::env::var_os("LINGER_NO_SYMBOL_ORDER").is_none()
        && !other_linker
        && links_with_lld();
    if !wanted || !file.is_file() {
        return;
    }
    // The workspace's wrapper maps the file's `NAME # SIZE` lines onto the link's own names;
    // lld alone (a build that does not read .cargo/config.toml) gets the bare names.
    let path = if env("RUSTC_LINKER").is_some_and(|l| l.ends_with("/ordered-link.sh")) {
        Some(file)
    } else {
        bare_names(&file)
    };
    match path.as_ref().and_then(|p| p.to_str()) {
        Some(path) if !path.contains(',') => {
            println!("cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={path}");
            println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
        }
        _ => {}
    }
}

/// A copy of the order file in OUT_DIR without the `# SIZE` notes (lld takes a line's every
/// character as the name; only whole-line comments are skipped).
fn bare_names(file: &std::path::Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(file).ok()?;
    let out = PathBuf::from(env("OUT_DIR")?).join("symbol-order.txt");
    let names: String = text
        .lines()
        .filter_map(|l| l.split('#').next())
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .flat_map(|n| [n, "\n"])
        .collect();
    std::fs::write(&out, names).ok()?;
    Some(out)
}

/// The unwinder from `libgcc_eh.a` (see the file's header), for every program linking this
/// crate: the binary, its integration tests and xtask alike.
fn static_unwinder() {
    println!("cargo:rerun-if-env-changed=LINGER_SHARED_LIBGCC");
    let wanted = std::env::var_os("LINGER_SHARED_LIBGCC").is_none()
        && env("CARGO_CFG_TARGET_OS").as_deref() == Some("linux")
        && env("CARGO_CFG_TARGET_ENV").as_deref() == Some("gnu")
        && env("CARGO_CFG_PANIC").as_deref() == Some("unwind")
        && env("TARGET") == env("HOST");
    if !wanted {
        return;
    }
    // `cc -print-file-name` answers the bare name when the compiler has no such file.
    let cc = env("CC").unwrap_or_else(|| "cc".to_owned());
    let found = Command::new(&cc)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
        .is_some_and(|p| p.is_absolute() && p.is_file());
    if found {
        // Not bundled into this rlib: passed on to each final link, found on cc's own path.
        println!("cargo:rustc-link-lib=static:-bundle,+verbatim=libgcc_eh.a");
    }
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

/// rustc links x86_64-unknown-linux-gnu with its own lld from 1.90 on (before: the system's
/// linker, often GNU ld, which has no --symbol-ordering-file).
fn links_with_lld() -> bool {
    let rustc = env("RUSTC").unwrap_or_else(|| "rustc".to_owned());
    let Ok(out) = Command::new(rustc).arg("-vV").output() else {
        return false;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let minor = text
        .lines()
        .find_map(|l| l.strip_prefix("release: 1."))
        .and_then(|v| v.split('.').next())
        .and_then(|m| m.parse::<u32>().ok());
    minor.is_some_and(|m| m >= 90)
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}
