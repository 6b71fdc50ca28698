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

#[test]
fn output_written_in_chunks_larger_than_the_pipe_is_read_to_its_end() {
    let mut m = Manager::new(BIN);
    // `cat` writes 128 KiB at a time: it blocks in the middle of a write on the full pipe and
    // goes on as soon as the manager takes some out. (A reader that left bytes in the pipe
    // and waited for a wake-up never got one: a writer filling a pipe that was not empty
    // wakes no reader.)
    let file = m.home().join("lines.txt");
    let text: String = (1..=60_000)
        .map(|i| format!("bench line {i:07}\n"))
        .collect();
    std::fs::write(&file, text).unwrap();
    std::fs::create_dir_all(m.home().join(".config/linger")).unwrap();
    std::fs::write(
        m.home().join(".config/linger/journald.conf"),
        "[Journal]\nRateLimitBurst=0\n",
    )
    .unwrap();
    m.write_unit(
        "cat.service",
        &format!(
            "[Service]\nType=oneshot\nExecStart=/bin/cat {}\nTimeoutStartSec=60\n",
            file.display()
        ),
    );
    m.start();
    m.systemctl(&["start", "cat.service"]).expect_code(0);
    let log = m
        .linger(&["journal", "--no-pager", "-u", "cat.service", "-o", "cat"])
        .stdout;
    let n = log.lines().filter(|l| l.starts_with("bench line ")).count();
    assert_eq!(n, 60_000);
    m.shutdown();
}
