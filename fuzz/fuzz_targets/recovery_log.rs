//! The user manager's crash-recovery log (`$XDG_RUNTIME_DIR/linger/recovery.log`), which a
//! manager started after a crash reads to re-adopt running services: any bytes as its
//! content. Invariants: reading is deterministic, and a key appears at most once.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (manager, mut units) = linger_manager::read_recovery_log(data);
    let (manager_again, mut again) = linger_manager::read_recovery_log(data);
    assert_eq!(manager, manager_again);
    units.sort();
    again.sort();
    assert_eq!(units, again);
    let n = units.len();
    units.dedup();
    assert_eq!(units.len(), n, "a unit recovered twice");
});
