//! The environment services get, and the units generators make, as systemd --user builds
//! them (issue 12, item 6): environment.d(5) with `$VAR` expansion, environment generators in
//! name order each seeing the earlier ones' output, unit generators writing into the
//! generator directories of the search path — at start and again at daemon-reload.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn script(path: &Path, body: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

fn show_environment(m: &Manager) -> Vec<String> {
    m.systemctl(&["show-environment"])
        .expect_code(0)
        .stdout
        .lines()
        .map(str::to_string)
        .collect()
}

fn has(env: &[String], line: &str) -> bool {
    env.iter().any(|l| l == line)
}

#[test]
fn environment_d_and_generators_shape_what_services_get_at_start_and_reload() {
    let mut m = Manager::new(BIN);
    let home = m.home();
    let envd = home.join(".config/environment.d");
    std::fs::create_dir_all(&envd).unwrap();
    std::fs::write(
        envd.join("50-tools.conf"),
        "# tools\nTOOLS=/opt/tools\nTOOLS_PATH=$TOOLS/bin:${PATH}\nWHO=${EARLY:+seen-early}\nDEFAULTED=${UNSET:-fallback}\n",
    )
    .unwrap();
    // Two generator directories: the first hides and masks names of the second.
    let (gen1, gen2) = (home.join("envgen1"), home.join("envgen2"));
    script(&gen1.join("10-early"), "echo EARLY=1\n");
    script(
        &gen2.join("90-after"),
        "echo \"LATE=$TOOLS-late\"\necho 'QUOTED=\"a b\"'\n",
    );
    script(&gen2.join("60-masked"), "echo MASKED=1\n");
    std::fs::create_dir_all(&gen1).unwrap();
    std::os::unix::fs::symlink("/dev/null", gen1.join("60-masked")).unwrap();
    script(&gen2.join("70-fails"), "echo BROKEN=1\nexit 3\n");
    // A unit generator: one unit in the normal directory, and what it was called with.
    let unitgen = home.join("unitgen");
    script(
        &unitgen.join("demo-generator"),
        "printf '[Service]\\nType=oneshot\\nExecStart=/bin/sh -c \"echo $LATE > %%h/out\"\\n' > \"$1/made.service\"\necho \"$# $SYSTEMD_SCOPE $WHO\" > \"$HOME/gen-args\"\n",
    );
    let runtime = m.runtime();
    m.start_wrapped(&[
        "env",
        &format!(
            "SYSTEMD_ENVIRONMENT_GENERATOR_PATH={}:{}",
            gen1.display(),
            gen2.display()
        ),
        &format!("SYSTEMD_GENERATOR_PATH={}", unitgen.display()),
    ]);

    let env = show_environment(&m);
    let path = env
        .iter()
        .find_map(|l| l.strip_prefix("PATH="))
        .expect("PATH");
    for want in [
        "EARLY=1",
        "TOOLS=/opt/tools",
        &format!("TOOLS_PATH=/opt/tools/bin:{path}"),
        "WHO=seen-early",
        "DEFAULTED=fallback",
        "LATE=/opt/tools-late",
        "QUOTED=a b",
    ] {
        assert!(has(&env, want), "{want} missing from {env:?}");
    }
    assert!(!env.iter().any(|l| l.starts_with("MASKED=")), "{env:?}");
    assert!(
        !env.iter().any(|l| l.starts_with("BROKEN=")),
        "a failing generator's output is ignored: {env:?}"
    );
    let failed = format!(
        "{}: failed with exit status 3",
        gen2.join("70-fails").display()
    );
    m.wait_for("the failed generator named in the journal", |m| {
        m.linger(&["journal", "-o", "cat"])
            .expect_code(0)
            .stdout
            .contains(&failed)
    });

    // The generated unit is in the search path; it runs with the generated environment.
    assert!(runtime.join("systemd/generator/made.service").exists());
    assert_eq!(
        std::fs::read_to_string(home.join("gen-args")).unwrap(),
        "3 user seen-early\n"
    );
    m.systemctl(&["start", "made.service"]).expect_code(0);
    assert_eq!(
        std::fs::read_to_string(home.join("out")).unwrap(),
        "/opt/tools-late\n"
    );
    let frag = m.prop("made.service", "FragmentPath");
    assert_eq!(
        frag,
        runtime
            .join("systemd/generator/made.service")
            .display()
            .to_string()
    );

    // daemon-reload runs them again: new values, and the unit generator's new output only.
    std::fs::write(envd.join("50-tools.conf"), "TOOLS=/srv/tools\n").unwrap();
    script(
        &unitgen.join("demo-generator"),
        "printf '[Service]\\nExecStart=/bin/sleep 1\\n' > \"$1/other.service\"\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    let env = show_environment(&m);
    assert!(has(&env, "TOOLS=/srv/tools"), "{env:?}");
    assert!(has(&env, "LATE=/srv/tools-late"), "{env:?}");
    assert!(runtime.join("systemd/generator/other.service").exists());
    assert!(
        !runtime.join("systemd/generator/made.service").exists(),
        "the generator directories are emptied before each run"
    );
    assert_eq!(m.prop("other.service", "LoadState"), "loaded");
}

/// The manager answers while its generators run, and holds everything else until they are
/// done (issue 15: `enable-linger` → an answering manager does not wait for Debian's
/// `90gpg-agent`): its own properties say `initializing` at once, a start asked meanwhile
/// waits, and the service then runs with the generators' environment — never without it.
#[test]
fn the_manager_answers_while_generators_run_and_starts_nothing_before_they_are_done() {
    let mut m = Manager::new(BIN);
    let home = m.home();
    let gate = home.join("gate");
    std::fs::create_dir_all(&home).unwrap();
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &gate,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
    let envgen = home.join("envgen");
    // Blocks until the test opens the gate.
    script(
        &envgen.join("50-gated"),
        &format!("read x < {}\necho GATED=$x\n", gate.display()),
    );
    m.write_unit(
        "probe.service",
        "[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo \"gated=$GATED\" > %h/probe'\n",
    );
    m.start_wrapped(&[
        "env",
        &format!("SYSTEMD_ENVIRONMENT_GENERATOR_PATH={}", envgen.display()),
    ]);
    // Answered with the generator still blocked.
    assert_eq!(
        m.systemctl(&["show", "-p", "SystemState", "--value"])
            .expect_code(0)
            .stdout
            .trim(),
        "initializing"
    );
    // The manager's ends of connections to its socket (inodes): the start's is a new one.
    let sock = m.runtime().join("linger/manager");
    let connected = || -> std::collections::BTreeSet<String> {
        std::fs::read_to_string("/proc/net/unix")
            .unwrap_or_default()
            .lines()
            .filter(|l| l.ends_with(&*sock.to_string_lossy()))
            .filter(|l| l.split_whitespace().nth(5) == Some("03"))
            .filter_map(|l| l.split_whitespace().nth(6).map(str::to_string))
            .collect()
    };
    let before = connected();
    let mut start = m
        .linger_command(&["ctl", "--user", "start", "probe.service"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    m.wait_for("the start's connection accepted", |_| {
        !connected().is_subset(&before)
    });
    assert!(
        start.try_wait().unwrap().is_none(),
        "the start was carried out before the environment was complete"
    );
    assert!(!home.join("probe").exists());
    std::fs::write(&gate, "yes\n").unwrap();
    assert!(start.wait().unwrap().success());
    assert_eq!(
        std::fs::read_to_string(home.join("probe")).unwrap(),
        "gated=yes\n"
    );
    assert_ne!(
        m.systemctl(&["show", "-p", "SystemState", "--value"])
            .expect_code(0)
            .stdout
            .trim(),
        "initializing"
    );
}

/// After `daemon-reexec` the generators run again before the new image has taken back the
/// fds the old one handed it (the services' output pipes, the socket units' listening
/// sockets): none of them may leak into a generator — a generator that stays behind would
/// keep a socket unit's socket open, and the unit's service could never be activated alone.
#[test]
fn generators_after_daemon_reexec_inherit_no_socket_or_pipe_of_the_manager() {
    let mut m = Manager::new(BIN);
    let home = m.home();
    let unitgen = home.join("unitgen");
    // Each run appends one line: the sockets and pipes it holds above stdio.
    script(
        &unitgen.join("fds-generator"),
        "{ printf run:; find /proc/$$/fd -mindepth 1 ! -name 0 ! -name 1 ! -name 2 \
         \\( -lname 'socket:*' -o -lname 'pipe:*' \\) -printf ' %f=%l'; echo; } \
         >> \"$HOME/gen-fds\"\n",
    );
    m.write_unit(
        "held.socket",
        "[Socket]\nListenStream=%t/held.sock\n[Install]\nWantedBy=sockets.target\n",
    );
    m.write_unit("held.service", "[Service]\nExecStart=/bin/sleep 1000\n");
    m.write_unit(
        "talker.service",
        "[Service]\nExecStart=/bin/sh -c 'echo up; exec sleep 1000'\n",
    );
    m.start_wrapped(&[
        "env",
        &format!("SYSTEMD_GENERATOR_PATH={}", unitgen.display()),
    ]);
    m.systemctl(&["start", "held.socket", "talker.service"])
        .expect_code(0);
    let runs = || {
        std::fs::read_to_string(home.join("gen-fds"))
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    // What the first start's generator holds came from whoever started the manager (a
    // test runner's open pipe), not from the manager: the second run may hold no other.
    let held = |line: &str| -> std::collections::BTreeSet<String> {
        line.split_whitespace()
            .skip(1)
            .map(str::to_string)
            .collect()
    };
    let first = runs();
    assert_eq!(first.len(), 1);
    m.systemctl(&["daemon-reexec"]).expect_code(0);
    m.wait_for("the generator's second run", |_| runs().len() >= 2);
    let leaked: Vec<String> = held(&runs()[1])
        .difference(&held(&first[0]))
        .cloned()
        .collect();
    assert!(
        leaked.is_empty(),
        "a generator after daemon-reexec inherited the manager's fds: {leaked:?}"
    );
    // The socket and the service came through the re-exec.
    assert_eq!(
        m.systemctl(&["is-active", "held.socket", "talker.service"])
            .expect_code(0)
            .stdout,
        "active\nactive\n"
    );
}
