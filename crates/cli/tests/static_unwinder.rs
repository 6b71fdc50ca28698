//! Programs linking the `linger` crate get the unwinder from GCC's static `libgcc_eh.a`
//! (crates/cli/build.rs) instead of loading `libgcc_s.so.1` at every start, and panics still
//! unwind: this test program is one of them (it links the crate below), so it checks in its
//! own process that libgcc_s was not loaded and that a panic is caught, across a thread too.
//! Where the C compiler has no `libgcc_eh.a` the build keeps libgcc_s and the first test
//! says so instead of failing.

use std::process::Command;

/// Whether build.rs could link the static unwinder here (the same question it asks).
fn has_static_unwinder() -> bool {
    Command::new(std::env::var("CC").unwrap_or_else(|_| "cc".into()))
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().starts_with('/'))
        .unwrap_or(false)
}

#[test]
fn the_binary_and_its_tests_start_without_libgcc_s() {
    // Links the crate (and so its native libraries) into this test program.
    let pages = linger::manual_pages();
    assert!(!pages.is_empty());
    if !has_static_unwinder() {
        eprintln!("cc has no libgcc_eh.a: libgcc_s stays, nothing to check");
        return;
    }
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    assert!(!maps.contains("libgcc_s"), "libgcc_s mapped:\n{maps}");
    let binary = std::fs::read(env!("CARGO_BIN_EXE_linger")).unwrap();
    let needed = binary
        .windows(b"libgcc_s.so".len())
        .any(|w| w == b"libgcc_s.so");
    assert!(!needed, "the linger binary names libgcc_s.so");
}

#[test]
fn panics_still_unwind_and_are_caught() {
    let caught = std::panic::catch_unwind(|| {
        let v: Vec<u8> = Vec::new();
        v[usize::from(v.is_empty())]
    });
    assert!(caught.is_err());
    let joined = std::thread::spawn(|| panic!("on purpose")).join();
    let message = joined.unwrap_err();
    assert_eq!(message.downcast_ref::<&str>(), Some(&"on purpose"));
}
