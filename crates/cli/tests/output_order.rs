//! A service's last words are in the journal before its end is: when `systemctl start`
//! returns, `journalctl` already shows everything the service printed, followed by the
//! manager's verdict — as under systemd, where a user reads the log right after a failure.

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

#[test]
fn a_failed_services_whole_output_precedes_its_failure_when_start_returns() {
    let mut m = Manager::new(BIN);
    // Far more than a pipe holds (64 KiB): the end of it is still in the pipe when the
    // process exits, and the journal's writer thread has a backlog of megabytes to write.
    // (Three rounds stay below the journal's rate limit of 10,000 lines per unit.)
    let script = m.home().join("chatty.sh");
    std::fs::write(
        &script,
        "pad=$(head -c 4000 /dev/zero | tr '\\0' x)\nseq 1 2500 | while read i; do echo \"line-$i $pad\"; done\necho last-words\nexit 3\n",
    )
    .unwrap();
    m.write_unit(
        "chatty.service",
        &format!(
            "[Service]\nType=oneshot\nExecStart=/bin/sh {}\n",
            script.display()
        ),
    );
    m.start();
    for round in 0..3 {
        let r = m.systemctl(&["start", "chatty.service"]);
        assert_ne!(r.code, 0, "round {round}: the start did not fail");
        // Read once, at once: no waiting here is the point.
        let log = m
            .linger(&["journal", "--no-pager", "-u", "chatty.service", "-o", "cat"])
            .stdout;
        let lines: Vec<&str> = log.lines().collect();
        let last = lines
            .iter()
            .rposition(|l| *l == "last-words")
            .unwrap_or_else(|| {
                panic!(
                    "round {round}: the last line is not in the journal yet: {}",
                    &log[log.len().saturating_sub(600)..]
                )
            });
        let ends = lines.iter().filter(|l| l.starts_with("line-2500 ")).count();
        assert_eq!(ends, round + 1, "round {round}: output lost or doubled");
        let words = lines.iter().filter(|l| **l == "last-words").count();
        assert_eq!(words, round + 1, "round {round}: the last line is missing");
        let failed = lines
            .iter()
            .rposition(|l| l.contains("Failed with result"))
            .unwrap_or_else(|| panic!("round {round}: no failure message in:\n{log}"));
        assert!(
            last < failed,
            "round {round}: the failure was logged before the service's last line"
        );
    }
    m.shutdown();
}
