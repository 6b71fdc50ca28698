//! What `systemctl --user stop` and `status` say about a socket-activated service, as
//! systemd 252 does: the "can still be activated by" warning, `Tasks:` counting threads, and
//! no process listed once it has exited.

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

#[test]
fn stopping_a_socket_activated_service_warns_that_its_socket_can_start_it() {
    let mut m = Manager::new(BIN);
    m.start();
    m.write_unit(
        "echo.socket",
        "[Socket]\nListenStream=%t/echo-warning.sock\n",
    );
    m.write_unit(
        "echo.service",
        "[Service]\nExecStart=/usr/bin/python3 -c \"import threading, time; \
         [threading.Thread(target=time.sleep, args=(600,), daemon=True).start() for _ in range(3)]; \
         time.sleep(600)\"\n",
    );
    m.systemctl(&["start", "echo.socket"]).expect_code(0);
    m.systemctl(&["start", "echo.service"]).expect_code(0);
    // python's main thread and three sleepers: four tasks in one process.
    m.wait_for("four tasks", |m| {
        m.systemctl(&["status", "echo.service"])
            .stdout
            .contains("Tasks: 4")
    });
    let stop = m.systemctl(&["stop", "echo.service"]);
    assert_eq!(stop.code, 0, "{stop:?}");
    assert!(
        stop.stderr.contains(
            "Warning: Stopping echo.service, but it can still be activated by:\n  echo.socket"
        ),
        "{stop:?}"
    );
    let status = m.systemctl(&["status", "echo.service"]).stdout;
    assert!(
        !status.contains("python3") && !status.contains("Tasks:"),
        "a stopped service lists no process:\n{status}"
    );
    // Without an active trigger, nothing is said.
    m.systemctl(&["stop", "echo.socket"]).expect_code(0);
    m.systemctl(&["start", "echo.service"]).expect_code(0);
    let stop = m.systemctl(&["stop", "echo.service"]);
    assert!(!stop.stderr.contains("can still be activated"), "{stop:?}");
}
