//! The user manager's crash-recovery log (`$XDG_RUNTIME_DIR/linger/recovery.log`), which a
//! manager started after a crash reads to re-adopt running services: any bytes as its
//! content, read as a starting manager reads it (`UNIT<TAB>JSON` lines, last line wins, torn
//! tail skipped, records that do not decode skipped).
//!
//! Invariants: reading is deterministic; there are never more unit records than complete
//! lines with a tab; appending a torn (unterminated) line changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use linger_manager::read_recovery_log;

fuzz_target!(|data: &[u8]| {
    let (units, manager) = read_recovery_log(data);
    assert_eq!(read_recovery_log(data), (units, manager));
    let complete = match data.iter().rposition(|&b| b == b'\n') {
        Some(end) => &data[..=end],
        None => &[][..],
    };
    let lines = complete
        .split(|&b| b == b'\n')
        .filter(|l| l.contains(&b'\t'))
        .count();
    assert!(units <= lines, "{units} records from {lines} lines");
    let mut torn = complete.to_vec();
    torn.extend_from_slice(b"web.service\t{\"scope\":true}");
    assert_eq!(read_recovery_log(&torn), read_recovery_log(complete));
});
