//! Debian's key agents as their packages ship them (issue 12), run unchanged under `linger
//! daemon --user` as root and as an ordinary user, each probed with its real clients:
//! gpg-agent's four sockets (gpg-agent.socket, -ssh, -extra, -browser → one gpg-agent.service)
//! with `gpg-connect-agent` and `ssh-add`; openssh's ssh-agent.service (which publishes
//! `SSH_AUTH_SOCK` through `dbus-update-activation-environment --systemd`, i.e. the session
//! bus and the manager's D-Bus front end) with `ssh-add`. Each test skips, saying so, where a
//! package is not installed; .ci/run installs them.
#![allow(clippy::print_stderr)]

mod debian;

use debian::{Who, client, hand_over, installed, journal, manager_with, text};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

const GPG_UNITS: [&str; 5] = [
    "gpg-agent.socket",
    "gpg-agent-ssh.socket",
    "gpg-agent-extra.socket",
    "gpg-agent-browser.socket",
    "gpg-agent.service",
];

/// The four sockets listen in `%t/gnupg`; the first client on any of them starts the one
/// gpg-agent, which takes all four by their FileDescriptorName= (std, ssh, extra, browser):
/// `gpg-connect-agent` gets its pid and socket names, `ssh-add -l` speaks the ssh-agent
/// protocol to it, and the agent is the service's main process.
#[test]
fn debians_gpg_agent_sockets_serve_gpg_and_ssh_clients() {
    if !installed(
        &[
            "/usr/bin/gpg-agent",
            "/usr/bin/gpg-connect-agent",
            "/usr/bin/ssh-add",
        ],
        &GPG_UNITS,
    ) {
        return;
    }
    for who in Who::root_and_nobody() {
        let m = manager_with(BIN, &who, &GPG_UNITS, &[]);
        let sockets = &GPG_UNITS[..4];
        let mut start = vec!["start"];
        start.extend(sockets);
        m.systemctl(&start).expect_code(0);
        let dir = m.runtime().join("gnupg");
        for name in [
            "S.gpg-agent",
            "S.gpg-agent.ssh",
            "S.gpg-agent.extra",
            "S.gpg-agent.browser",
        ] {
            assert!(dir.join(name).exists(), "{name} for {}", who.name());
        }
        assert_eq!(m.prop("gpg-agent.service", "ActiveState"), "inactive");

        // ssh first: the agent is started through its ssh socket.
        let ssh_sock = dir.join("S.gpg-agent.ssh").display().to_string();
        let ssh = client(
            &m,
            &who,
            "ssh-add",
            &["-l"],
            &[("SSH_AUTH_SOCK", ssh_sock.clone())],
        );
        assert!(
            text(&ssh).contains("The agent has no identities."),
            "ssh-add -l through gpg-agent as {}: {}\n{}",
            who.name(),
            text(&ssh),
            journal(&m, "gpg-agent.service")
        );
        let pid = m.main_pid("gpg-agent.service");
        assert_ne!(pid, 0);

        let std_sock = dir.join("S.gpg-agent").display().to_string();
        let gpg = client(
            &m,
            &who,
            "gpg-connect-agent",
            &[
                "-S",
                &std_sock,
                "GETINFO pid",
                "GETINFO ssh_socket_name",
                "/bye",
            ],
            &[],
        );
        let answer = text(&gpg);
        assert!(
            answer.contains(&format!("D {pid}\n")) && answer.contains(&format!("D {ssh_sock}\n")),
            "gpg-connect-agent as {}: {answer}\n{}",
            who.name(),
            journal(&m, "gpg-agent.service")
        );
        // The restricted socket reaches the same agent, which refuses what it should there.
        let extra = dir.join("S.gpg-agent.extra").display().to_string();
        let gpg = client(
            &m,
            &who,
            "gpg-connect-agent",
            &["-S", &extra, "GETINFO version", "GETINFO pid", "/bye"],
            &[],
        );
        let answer = text(&gpg);
        assert!(
            answer.starts_with("D 2.") && answer.contains("ERR 67109115 Forbidden"),
            "{answer}"
        );
        assert_eq!(
            m.main_pid("gpg-agent.service"),
            pid,
            "one agent for all four sockets"
        );
        m.systemctl(&["stop", "gpg-agent.service"]).expect_code(0);
        assert_eq!(m.prop("gpg-agent.service", "ActiveState"), "inactive");
        assert_eq!(m.prop("gpg-agent.socket", "ActiveState"), "active");
    }
}

/// ssh-agent.service (`agent-launch start`: `dbus-update-activation-environment --systemd
/// SSH_AUTH_SOCK=%t/openssh_agent`, then `exec ssh-agent -D`) pulls in the session bus
/// (Wants=dbus.socket) and sets the manager's environment through it; `ssh-add` adds a key to
/// the agent at that socket and lists it; stopping it runs `agent-launch stop`, which empties
/// `SSH_AUTH_SOCK` again. (ssh-agent exits 2 on SIGTERM, so the stopped unit is `failed` with
/// `exit-code`, as under systemd.)
#[test]
fn debians_ssh_agent_publishes_its_socket_through_the_bus() {
    if !installed(
        &[
            "/usr/bin/ssh-agent",
            "/usr/bin/ssh-add",
            "/usr/bin/ssh-keygen",
            "/usr/bin/dbus-daemon",
            "/usr/bin/dbus-update-activation-environment",
            "/usr/lib/openssh/agent-launch",
            "/etc/X11/Xsession.options",
        ],
        &["ssh-agent.service", "dbus.socket", "dbus.service"],
    ) {
        return;
    }
    for who in Who::root_and_nobody() {
        let mut m = manager_with(
            BIN,
            &who,
            &["ssh-agent.service", "dbus.socket", "dbus.service"],
            &[],
        );
        m.systemctl(&["start", "ssh-agent.service"]).expect_code(0);
        let sock = m.runtime().join("openssh_agent").display().to_string();
        let published = format!("SSH_AUTH_SOCK={sock}");
        m.wait_for("SSH_AUTH_SOCK in the manager's environment", |m| {
            m.systemctl(&["show-environment"])
                .stdout
                .lines()
                .any(|l| l == published)
        });
        assert_eq!(m.prop("dbus.service", "ActiveState"), "active");
        // agent-launch publishes the variable first and only then execs ssh-agent, which
        // listens a moment later: a client before that is refused.
        m.wait_for("ssh-agent listening on SSH_AUTH_SOCK", |_| {
            std::os::unix::net::UnixStream::connect(&sock).is_ok()
        });

        let key = m.home().join("id_ed25519");
        let made = client(
            &m,
            &who,
            "ssh-keygen",
            &["-q", "-t", "ed25519", "-N", "", "-C", "linger-test", "-f"]
                .into_iter()
                .chain([key.to_str().unwrap()])
                .collect::<Vec<_>>(),
            &[],
        );
        assert!(made.status.success(), "{}", text(&made));
        hand_over(&m, &who);
        let env = [("SSH_AUTH_SOCK", sock.clone())];
        let add = client(&m, &who, "ssh-add", &[key.to_str().unwrap()], &env);
        assert!(
            add.status.success(),
            "ssh-add as {}: {}\n{}",
            who.name(),
            text(&add),
            journal(&m, "ssh-agent.service")
        );
        let list = client(&m, &who, "ssh-add", &["-l"], &env);
        assert!(
            list.status.success() && text(&list).contains("linger-test (ED25519)"),
            "{}",
            text(&list)
        );

        let pid = m.main_pid("ssh-agent.service");
        let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        assert_eq!(comm.trim(), "ssh-agent", "the script exec'd the agent");
        m.systemctl(&["stop", "ssh-agent.service"]).expect_code(0);
        assert!(
            m.systemctl(&["show-environment"])
                .stdout
                .lines()
                .any(|l| l == "SSH_AUTH_SOCK="),
            "ExecStopPost= emptied SSH_AUTH_SOCK:\n{}",
            journal(&m, "ssh-agent.service")
        );
        assert_eq!(
            (
                m.prop("ssh-agent.service", "ActiveState"),
                m.prop("ssh-agent.service", "Result")
            ),
            ("failed".to_string(), "exit-code".to_string())
        );

        // The manager exits with the agent running (a logout): the bus stops while
        // `agent-launch stop` still wants it. Its connection to dbus.socket must not start
        // the bus again nor wait for it (it waited for TimeoutStopSec=, 90 s, then the bus
        // came back after the manager had stopped it): the socket fails, the client gets an
        // error, and the manager is gone long before the stop timeout.
        m.systemctl(&["start", "ssh-agent.service"]).expect_code(0);
        let manager = m.pid().expect("manager running");
        let pid = rustix::process::Pid::from_raw(manager as i32).unwrap();
        rustix::process::kill_process(pid, rustix::process::Signal::TERM).unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while linger_test_support::alive(manager) {
            assert!(
                std::time::Instant::now() < deadline,
                "the manager of {} still runs 60 s after SIGTERM:\n{}",
                who.name(),
                m.linger(&["journal", "-n", "30"]).stdout
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let log = m.linger(&["journal", "-u", "dbus.service"]).stdout;
        assert_eq!(
            log.matches("Started D-Bus User Message Bus.").count(),
            1,
            "the bus started once, never again during the exit:\n{log}"
        );
        m.shutdown();
    }
}
