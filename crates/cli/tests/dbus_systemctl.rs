//! systemd 252's own `systemctl --user` drives a linger user manager over the D-Bus private
//! socket (`$XDG_RUNTIME_DIR/systemd/private`, crates/dbus): its output and exit codes must be
//! what it prints against a real `systemd --user` on the same units — the reference captures
//! in crates/dbus/tests/reference/systemd252/ (made by capture.sh there).
#![allow(clippy::print_stderr)] // "skipped: …" lines for machines without the tools

use std::path::{Path, PathBuf};
use std::process::Command;

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

/// The units the reference was captured with (capture.sh writes the same).
const UNITS: &[(&str, &str)] = &[
    (
        "ref-simple.service",
        "[Unit]\nDescription=Reference simple service\n\n[Service]\nExecStart=/bin/sleep infinity\n\n[Install]\nWantedBy=default.target\n",
    ),
    (
        "ref-oneshot.service",
        "[Unit]\nDescription=Reference oneshot\n\n[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n",
    ),
    (
        "ref-fail.service",
        "[Unit]\nDescription=Reference failing service\n\n[Service]\nType=oneshot\nExecStart=/bin/false\n",
    ),
    (
        "ref.socket",
        "[Unit]\nDescription=Reference socket\n\n[Socket]\nListenStream=%t/ref.sock\n",
    ),
    (
        "ref.service",
        "[Service]\nExecStart=/bin/cat\nStandardInput=socket\n",
    ),
    (
        "ref.timer",
        "[Unit]\nDescription=Reference timer\n\n[Timer]\nOnActiveSec=1h\nUnit=ref-oneshot.service\n",
    ),
];

/// One captured command: what systemd's client printed and how it exited.
#[derive(Debug, PartialEq)]
struct Captured {
    stdout: String,
    stderr: String,
    code: i32,
}

fn reference_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../dbus/tests/reference/systemd252")
}

/// The reference `name`: its command line and what it printed.
fn reference(name: &str) -> (Vec<String>, Captured) {
    let path = reference_dir().join(format!("{name}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let section = |start: &str, end: &str| -> String {
        let from = text.find(start).map(|i| i + start.len()).unwrap_or(0);
        let to = text[from..].find(end).map_or(text.len(), |i| from + i);
        text[from..to].to_string()
    };
    let cmd = text.lines().next().unwrap_or("").trim_start_matches("$ ");
    let args = cmd.split(' ').map(str::to_string).collect();
    let code = text
        .rsplit("--- exit ")
        .next()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(-1);
    (
        args,
        Captured {
            stdout: section("--- stdout\n", "--- stderr\n"),
            stderr: section("--- stderr\n", "--- exit "),
            code,
        },
    )
}

/// Run systemd's own client (the reference's command line) against `m`.
fn run_tool(m: &Manager, args: &[String]) -> Captured {
    let out = m
        .systemd_client(&args[0], &[])
        .args(&args[1..])
        .output()
        .expect("run systemd's client");
    let fix = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .replace(&m.runtime().display().to_string(), "$XDG_RUNTIME_DIR")
            .replace(&m.home().display().to_string(), "$HOME")
    };
    Captured {
        stdout: fix(&out.stdout),
        stderr: fix(&out.stderr),
        code: out.status.code().unwrap_or(-1),
    }
}

/// Run the reference's command against linger and compare everything it printed.
fn same_as_systemd(m: &Manager, name: &str) {
    let (args, want) = reference(name);
    let got = run_tool(m, &args);
    assert_eq!(
        got,
        want,
        "`{}` differs from systemd 252 (reference {name})",
        args.join(" ")
    );
}

fn have_systemctl() -> bool {
    Path::new("/usr/bin/systemctl").exists()
}

fn manager() -> Manager {
    Manager::with_dbus(BIN, UNITS)
}

#[test]
fn systemctl_starts_stops_and_reports_units_as_with_systemd() {
    if !have_systemctl() {
        eprintln!("skipped: systemd's systemctl is not installed");
        return;
    }
    let m = manager();
    same_as_systemd(&m, "is-active-missing");
    for r in [
        "start-simple",
        "start-oneshot",
        "start-socket",
        "start-timer",
    ] {
        same_as_systemd(&m, r);
    }
    same_as_systemd(&m, "is-active-simple");
    same_as_systemd(&m, "show-simple");
    same_as_systemd(&m, "list-units-ref");
    same_as_systemd(&m, "list-jobs");
    same_as_systemd(&m, "start-missing");
    same_as_systemd(&m, "start-invalid");
    same_as_systemd(&m, "restart-simple");
    same_as_systemd(&m, "stop-simple");
    same_as_systemd(&m, "is-active-stopped");
}

#[test]
fn systemctl_reports_a_failed_job_as_with_systemd() {
    if !have_systemctl() {
        eprintln!("skipped: systemd's systemctl is not installed");
        return;
    }
    let m = manager();
    same_as_systemd(&m, "start-fail");
    same_as_systemd(&m, "is-failed-fail");
    same_as_systemd(&m, "reset-failed-fail");
    same_as_systemd(&m, "stop-missing");
}

#[test]
fn systemctl_enables_reloads_and_sets_the_environment_as_with_systemd() {
    if !have_systemctl() {
        eprintln!("skipped: systemd's systemctl is not installed");
        return;
    }
    let m = manager();
    same_as_systemd(&m, "enable-simple");
    same_as_systemd(&m, "is-enabled-simple");
    same_as_systemd(&m, "disable-simple");
    same_as_systemd(&m, "daemon-reload");
    same_as_systemd(&m, "set-environment");
    let (args, _) = reference("show-environment-has");
    let env = run_tool(&m, &args);
    assert_eq!(env.code, 0, "{env:?}");
    assert!(env.stdout.lines().any(|l| l == "LINGER_REF=1"), "{env:?}");
    // The manager's own CLI sees the same environment: one manager behind both protocols.
    let own = m.systemctl(&["show-environment"]);
    assert!(own.stdout.lines().any(|l| l == "LINGER_REF=1"), "{own:?}");
}

/// The `Label:` column of `systemctl status` without a unit (the header line and the cgroup
/// tree left out). The tree lists whatever else runs in the manager's cgroup — on a CI machine
/// that may be the harness's own multi-line shell script, whose lines look like labels — so the
/// labels end at `CGroup:`.
fn status_labels(out: &str) -> Vec<String> {
    let mut labels = Vec::new();
    for line in out.lines().skip(1) {
        let Some((label, _)) = line.trim_start().split_once(": ") else {
            continue;
        };
        if label.contains(' ') || label.starts_with(['├', '└', '│']) {
            continue;
        }
        labels.push(label.to_string());
        if label == "CGroup" {
            break;
        }
    }
    labels
}

#[test]
fn systemctl_status_of_the_manager_has_systemds_lines() {
    if !have_systemctl() {
        eprintln!("skipped: systemd's systemctl is not installed");
        return;
    }
    let m = manager();
    m.wait_for("the start-up jobs to finish", |m| {
        m.systemctl(&["show", "-p", "NJobs"]).stdout.trim() == "NJobs=0"
    });
    let (args, want) = reference("status-manager");
    let got = run_tool(&m, &args);
    assert_eq!(got.code, want.code, "{got:?}");
    // systemd's own taint (cgroup v1 on this machine) is not linger's.
    let expected: Vec<String> = status_labels(&want.stdout)
        .into_iter()
        .filter(|l| l != "Tainted")
        .collect();
    assert_eq!(status_labels(&got.stdout), expected, "{}", got.stdout);
    let line = |label: &str| {
        got.stdout
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{label}: ")))
            .map(|l| l.trim_start()[label.len() + 2..].to_string())
            .unwrap_or_default()
    };
    assert_eq!(line("State"), "running", "{}", got.stdout);
    assert_eq!(line("Jobs"), "0 queued", "{}", got.stdout);
    assert_eq!(line("Failed"), "0 units", "{}", got.stdout);
    assert!(
        line("Units").ends_with(" loaded (incl. loaded aliases)"),
        "{}",
        got.stdout
    );
    // Since: the manager's start, which is a moment ago (not "n/a", not 1970).
    let since = line("Since");
    assert!(
        since.ends_with(" ago") && (since.contains("s ago") || since.contains("min ago")),
        "{since}"
    );
    // Without a delegated cgroup (this manager runs in the test's own) the manager's cgroup
    // is the one it was started in — not "" (the machine's root cgroup, every process in it).
    let own = std::fs::read_to_string(format!("/proc/{}/cgroup", m.pid().unwrap())).unwrap();
    let own = own.lines().find_map(|l| l.strip_prefix("0::")).unwrap();
    assert_eq!(line("CGroup"), own, "{}", got.stdout);
    // The start-up jobs are done: FinishTimestamp is set, after the manager's start.
    let show = run_tool(
        &m,
        &[
            "systemctl".into(),
            "--user".into(),
            "show".into(),
            "-p".into(),
            "UserspaceTimestampMonotonic,FinishTimestampMonotonic".into(),
        ],
    );
    let stamp = |name: &str| -> u64 {
        show.stdout
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{name} in {show:?}"))
    };
    let (start, finish) = (
        stamp("UserspaceTimestampMonotonic"),
        stamp("FinishTimestampMonotonic"),
    );
    assert!(0 < start && start <= finish, "{show:?}");
}

#[test]
fn systemctl_shows_execution_settings_over_dbus_as_the_manager_has_them() {
    if !have_systemctl() {
        eprintln!("skipped: systemd's systemctl is not installed");
        return;
    }
    let m = manager();
    m.write_unit(
        "hard.service",
        "[Service]\nExecStart=/bin/sleep 1000\nLimitNOFILE=512:4096\nLimitCORE=infinity\n\
         RuntimeDirectory=hard hard2\nRuntimeDirectoryMode=0750\nStateDirectory=hard\n\
         NoNewPrivileges=yes\nSystemCallFilter=~read write\nSystemCallErrorNumber=EPERM\n\
         SystemCallArchitectures=native\nRestrictAddressFamilies=AF_UNIX AF_INET\n\
         LockPersonality=yes\nRestrictRealtime=yes\nPrivateTmp=yes\nProtectSystem=full\n\
         ProtectHome=read-only\nMemoryDenyWriteExecute=yes\nProtectKernelTunables=yes\n\
         ProtectControlGroups=yes\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    let props = "LimitNOFILE,LimitNOFILESoft,LimitCORE,LimitCORESoft,LimitNPROC,\
                 RuntimeDirectory,RuntimeDirectoryMode,StateDirectory,StateDirectoryMode,\
                 NoNewPrivileges,SystemCallFilter,SystemCallErrorNumber,SystemCallArchitectures,\
                 RestrictAddressFamilies,LockPersonality,RestrictRealtime,PrivateTmp,\
                 ProtectSystem,ProtectHome,MemoryDenyWriteExecute,RuntimeDirectoryPreserve,\
                 ProtectKernelTunables,ProtectControlGroups";
    let args: Vec<String> = ["systemctl", "--user", "show", "-p", props, "hard.service"]
        .map(str::to_string)
        .to_vec();
    // systemd's systemctl reads the D-Bus values; linger's own reads the manager's strings.
    let theirs = run_tool(&m, &args);
    assert_eq!(theirs.code, 0, "{theirs:?}");
    let ours = m.systemctl(&["show", "-p", props, "hard.service"]);
    let sorted = |s: &str| {
        let mut v: Vec<String> = s.lines().map(str::to_string).collect();
        v.sort();
        v
    };
    assert_eq!(sorted(&theirs.stdout), sorted(&ours.stdout));
    for line in [
        "LimitNOFILE=4096",
        "LimitNOFILESoft=512",
        "LimitCORE=infinity",
        "RuntimeDirectory=hard hard2",
        "RuntimeDirectoryMode=0750",
        "NoNewPrivileges=yes",
        "SystemCallFilter=~read write",
        "SystemCallErrorNumber=1",
        "RestrictAddressFamilies=AF_UNIX AF_INET",
        "ProtectHome=read-only",
        "ProtectKernelTunables=yes",
        "ProtectControlGroups=yes",
    ] {
        assert!(
            theirs.stdout.lines().any(|l| l == line),
            "{line} in\n{}",
            theirs.stdout
        );
    }
}

#[test]
fn systemctl_refusals_have_systemds_messages_and_exit_codes() {
    if !have_systemctl() {
        eprintln!("skipped: systemd's systemctl is not installed");
        return;
    }
    let m = manager();
    write_refused_units(&m);
    m.systemctl(&["daemon-reload"]).expect_code(0);
    // Masked (1), refused by RefuseManualStart= (4), a bad setting (1), reload not
    // applicable (3): systemctl's exit codes follow the D-Bus error names.
    same_as_systemd(&m, "start-masked");
    same_as_systemd(&m, "start-refuse");
    same_as_systemd(&m, "start-bad");
    same_as_systemd(&m, "start-simple");
    same_as_systemd(&m, "reload-simple");
    same_as_systemd(&m, "cancel-missing");
}

/// linger's own systemctl refuses the same jobs with the same words and exit codes as
/// systemd 252's (the same captures; no systemd binary needed).
#[test]
fn lingers_systemctl_refuses_jobs_with_systemds_words_and_exit_codes() {
    let m = Manager::new(BIN);
    for (name, text) in UNITS {
        m.write_unit(name, text);
    }
    write_refused_units(&m);
    let mut m = m;
    m.start();
    let bin = m.dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(BIN, bin.join("systemctl")).unwrap();
    for name in [
        "start-masked",
        "start-refuse",
        "start-bad",
        "start-simple",
        "reload-simple",
    ] {
        let (mut args, want) = reference(name);
        args[0] = bin.join("systemctl").display().to_string();
        assert_eq!(
            run_tool(&m, &args),
            want,
            "linger's `{}` differs from systemd 252 (reference {name})",
            args[1..].join(" ")
        );
    }
}

#[test]
fn systemctl_cancels_a_waiting_job() {
    if !have_systemctl() {
        eprintln!("skipped: systemd's systemctl is not installed");
        return;
    }
    let m = manager();
    // `later` waits for `slow` (ordered after it, slow still starting): its job can be
    // cancelled while it waits.
    m.write_unit(
        "slow.service",
        "[Service]\nType=oneshot\nExecStart=/bin/sleep 30\n",
    );
    m.write_unit(
        "later.service",
        "[Unit]\nAfter=slow.service\n[Service]\nExecStart=/bin/sleep 1000\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    let tool = |args: &[&str]| {
        let args: Vec<String> = ["systemctl", "--user"]
            .iter()
            .chain(args)
            .map(|s| s.to_string())
            .collect();
        run_tool(&m, &args)
    };
    let started = tool(&["start", "--no-block", "slow.service", "later.service"]);
    assert_eq!(started.code, 0, "{started:?}");
    let jobs = tool(&["list-jobs", "--no-legend"]);
    let later_job: String = jobs
        .stdout
        .lines()
        .find(|l| l.contains("later.service"))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_else(|| panic!("{jobs:?}"))
        .to_string();
    let cancel = tool(&["cancel", &later_job]);
    assert_eq!(cancel.code, 0, "{cancel:?}");
    let jobs = tool(&["list-jobs", "--no-legend"]);
    assert!(!jobs.stdout.contains("later.service"), "{jobs:?}");
    assert!(jobs.stdout.contains("slow.service"), "{jobs:?}");
    // The running start of slow can be cancelled too; later never ran.
    let slow_job = jobs.stdout.split_whitespace().next().unwrap().to_string();
    let cancel = tool(&["cancel", &slow_job]);
    assert_eq!(cancel.code, 0, "{cancel:?}");
    assert_eq!(m.prop("later.service", "ActiveState"), "inactive");
    m.systemctl(&["stop", "slow.service"]).expect_code(0);
}

/// systemd's client as if systemd were PID 1 (a private mount namespace with
/// `/run/systemd/system`): then `systemctl --user` asks the manager over D-Bus for what it
/// otherwise does to the files itself (link, preset, set-default, get-default, enable).
/// None where that cannot be arranged (not root, no unshare).
fn run_booted(m: &Manager, args: &[&str]) -> Option<Captured> {
    if !rustix::process::geteuid().is_root() || !Path::new("/usr/bin/unshare").exists() {
        return None;
    }
    let mut cmd = vec![
        "/usr/bin/unshare".to_string(),
        "-m".into(),
        "--propagation".into(),
        "private".into(),
        "/bin/sh".into(),
        "-c".into(),
        "mount -t tmpfs -o mode=755 tmpfs /run/systemd && mkdir /run/systemd/system && exec \"$@\""
            .into(),
        "sh".into(),
    ];
    cmd.extend(args.iter().map(|a| a.to_string()));
    Some(run_tool(m, &cmd))
}

#[test]
fn systemctl_links_presets_and_sets_the_default_target_through_the_manager() {
    if !have_systemctl() {
        eprintln!("skipped: systemd's systemctl is not installed");
        return;
    }
    let mut m = Manager::new(BIN);
    for (name, text) in UNITS {
        m.write_unit(name, text);
    }
    m.write_unit("other.target", "[Unit]\nDescription=Other\n");
    m.start();
    let private = m.runtime().join("systemd/private");
    m.wait_for("the D-Bus private socket", |_| private.exists());
    let Some(got) = run_booted(&m, &["systemctl", "--user", "get-default"]) else {
        eprintln!("skipped: needs root and unshare for a namespace where systemd looks booted");
        return;
    };
    assert_eq!(
        (got.stdout.as_str(), got.code),
        ("default.target\n", 0),
        "{got:?}"
    );

    // link: a file kept elsewhere becomes loadable by name (the manager reloads).
    let elsewhere = m.dir.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let file = elsewhere.join("outside.service");
    std::fs::write(&file, "[Service]\nExecStart=/bin/sleep 1000\n").unwrap();
    let got = run_booted(&m, &["systemctl", "--user", "link", file.to_str().unwrap()]).unwrap();
    let link = m.unit_dir().join("outside.service");
    assert_eq!(
        (got.stderr.as_str(), got.code),
        (
            format!(
                "Created symlink {} → {}.\n",
                link.display()
                    .to_string()
                    .replace(&m.home().display().to_string(), "$HOME"),
                file.display()
            )
            .as_str(),
            0
        ),
        "{got:?}"
    );
    assert_eq!(std::fs::read_link(&link).unwrap(), file);
    assert_eq!(m.prop("outside.service", "LoadState"), "loaded");
    // Again: nothing to do. A different file of that name is refused without --force.
    let again = run_booted(&m, &["systemctl", "--user", "link", file.to_str().unwrap()]).unwrap();
    assert_eq!((again.stderr.as_str(), again.code), ("", 0), "{again:?}");
    let other_dir = m.dir.path().join("other");
    std::fs::create_dir_all(&other_dir).unwrap();
    let other = other_dir.join("outside.service");
    std::fs::write(&other, "[Service]\nExecStart=/bin/sleep 1000\n").unwrap();
    let refused = run_booted(
        &m,
        &["systemctl", "--user", "link", other.to_str().unwrap()],
    )
    .unwrap();
    assert_eq!(refused.code, 1, "{refused:?}");
    assert!(
        refused.stderr.starts_with("Failed to link unit: "),
        "{refused:?}"
    );
    assert_eq!(std::fs::read_link(&link).unwrap(), file, "left as it was");

    // set-default: default.target points at the target's file; get-default says so.
    let got = run_booted(&m, &["systemctl", "--user", "set-default", "other.target"]).unwrap();
    assert_eq!(got.code, 0, "{got:?}");
    assert_eq!(
        got.stderr,
        "Created symlink $HOME/.config/systemd/user/default.target → $HOME/.config/systemd/user/other.target.\n"
            .replace("$HOME/.config/systemd/user", &m.unit_dir().display().to_string().replace(&m.home().display().to_string(), "$HOME")),
        "{got:?}"
    );
    let got = run_booted(&m, &["systemctl", "--user", "get-default"]).unwrap();
    assert_eq!(got.stdout, "other.target\n", "{got:?}");
    let refused = run_booted(&m, &["systemctl", "--user", "set-default", "nope.target"]).unwrap();
    assert_ne!(refused.code, 0, "{refused:?}");

    // preset: no preset line names ref-simple (Debian's presets enable two systemd units
    // only), so it is enabled — its [Install] links made by the manager.
    let got = run_booted(&m, &["systemctl", "--user", "preset", "ref-simple.service"]).unwrap();
    assert_eq!(got.code, 0, "{got:?}");
    assert!(
        got.stderr
            .contains("default.target.wants/ref-simple.service → "),
        "{got:?}"
    );
    assert!(
        m.unit_dir()
            .join("default.target.wants/ref-simple.service")
            .is_symlink()
    );
    assert_eq!(
        m.systemctl(&["is-enabled", "ref-simple.service"]).stdout,
        "enabled\n"
    );
}

#[test]
fn systemctl_status_lists_each_commands_process_as_with_systemd() {
    if !have_systemctl() {
        eprintln!("skipped: systemd's systemctl is not installed");
        return;
    }
    let m = manager();
    m.write_unit(
        "pre.service",
        "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStartPre=/bin/true pre\nExecStartPre=-/bin/false\nExecStart=/bin/true\n",
    );
    same_as_systemd(&m, "start-oneshot");
    let (args, want) = reference("status-oneshot");
    let got = run_tool(&m, &args);
    assert_eq!(got.code, want.code, "{got:?}");
    // Everything but the pid and the time is systemd's.
    let pid = m.prop("ref-oneshot.service", "ExecMainPID");
    let normal = |s: &str, pid: &str| -> Vec<String> {
        s.lines()
            .take_while(|l| !l.is_empty())
            .map(|l| {
                let l = match l.find(" since ") {
                    Some(i) => l[..i].to_string(),
                    None => l.to_string(),
                };
                l.replace(pid, "PID")
            })
            .collect()
    };
    let want_pid = want
        .stdout
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("Main PID: "))
        .and_then(|l| l.split(' ').next())
        .unwrap()
        .to_string();
    assert_eq!(
        normal(&got.stdout, &pid),
        normal(&want.stdout, &want_pid),
        "{}",
        got.stdout
    );

    // Each command's own line, in order, with how it ended (the failure of `-` ignored).
    let run = |args: &[&str]| {
        let mut a = vec!["systemctl".to_string(), "--user".into()];
        a.extend(args.iter().map(|s| s.to_string()));
        run_tool(&m, &a)
    };
    assert_eq!(run(&["daemon-reload"]).code, 0);
    assert_eq!(run(&["start", "pre.service"]).code, 0);
    let status = run(&["status", "pre.service"]);
    let processes: Vec<String> = status
        .stdout
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("Process: "))
        .map(|l| l.split_once(' ').map_or(l, |(_, rest)| rest).to_string())
        .collect();
    assert_eq!(
        processes,
        [
            "ExecStartPre=/bin/true pre (code=exited, status=0/SUCCESS)",
            "ExecStartPre=/bin/false (code=exited, status=1/FAILURE)",
            "ExecStart=/bin/true (code=exited, status=0/SUCCESS)",
        ],
        "{}",
        status.stdout
    );
    // systemd's `show` reads the same runs: ExecStart's pid is the main pid, exited 0.
    let show = run(&["show", "-p", "ExecStart", "pre.service"]);
    let main = m.prop("pre.service", "ExecMainPID");
    assert!(
        show.stdout.starts_with(
            "ExecStart={ path=/bin/true ; argv[]=/bin/true ; ignore_errors=no ; start_time=["
        ) && !show.stdout.contains("[n/a]")
            && show
                .stdout
                .ends_with(&format!(" ; pid={main} ; code=exited ; status=0 }}\n")),
        "{show:?}"
    );
}

/// The units the refusal captures were taken with: one RefuseManualStart=yes, one without
/// ExecStart=, one masked.
fn write_refused_units(m: &Manager) {
    m.write_unit(
        "ref-refuse.service",
        "[Unit]\nDescription=Reference refusing service\nRefuseManualStart=yes\n\n[Service]\nExecStart=/bin/sleep infinity\n",
    );
    m.write_unit(
        "ref-bad.service",
        "[Unit]\nDescription=Reference bad service\n\n[Service]\nType=simple\n",
    );
    let unit_dir = m.home().join(".config/systemd/user");
    std::os::unix::fs::symlink("/dev/null", unit_dir.join("ref-masked.service")).unwrap();
}

/// A GDBus client (python3-gi) on the private socket printing the manager object's
/// `PropertiesChanged` as `NAME=VALUE` lines; its first line (after a Ping, so the manager
/// has taken the connection in) says it listens.
const WATCH_MANAGER: &str = r#"
import sys
from gi.repository import Gio, GLib
conn = Gio.DBusConnection.new_for_address_sync("unix:path=" + sys.argv[1], Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT, None, None)
def changed(c, sender, path, iface, member, params):
    if params[0] == "org.freedesktop.systemd1.Manager":
        for k, v in sorted(params[1].items()):
            print("%s=%s" % (k, v), flush=True)
conn.signal_subscribe(None, "org.freedesktop.DBus.Properties", "PropertiesChanged", "/org/freedesktop/systemd1", None, 0, changed)
conn.call_sync(None, "/org/freedesktop/systemd1", "org.freedesktop.DBus.Peer", "Ping", None, None, 0, -1, None)
print("listening", flush=True)
GLib.MainLoop().run()
"#;

#[test]
fn the_manager_signals_its_failed_unit_count_as_systemd() {
    let gi = linger_test_support::have_python_gi();
    if !have_systemctl() || !gi {
        eprintln!("skipped: needs systemd's systemctl and python3-gi");
        return;
    }
    let m = manager();
    let mut watcher = Command::new("/usr/bin/python3")
        .args(["-c", WATCH_MANAGER])
        .arg(m.runtime().join("systemd/private"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    let lines = linger_test_support::Lines::of(&mut watcher);
    let wait = std::time::Duration::from_secs(30);
    assert_eq!(lines.next(wait).as_deref(), Some("listening"));
    // A unit fails: NFailedUnits goes to 1 (the one manager property systemd signals);
    // reset-failed takes it back to 0.
    same_as_systemd(&m, "start-fail");
    assert_eq!(lines.next(wait).as_deref(), Some("NFailedUnits=1"));
    same_as_systemd(&m, "reset-failed-fail");
    assert_eq!(lines.next(wait).as_deref(), Some("NFailedUnits=0"));
    let _ = watcher.kill();
    let _ = watcher.wait();
}

/// A GDBus client (python3-gi) on the private socket: `GetAll` of one interface of one
/// object, printed as `NAME=VALUE` lines (values in Python's repr).
const GET_ALL: &str = r#"
import sys
from gi.repository import Gio, GLib
conn = Gio.DBusConnection.new_for_address_sync("unix:path=" + sys.argv[1], Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT, None, None)
r = conn.call_sync(None, sys.argv[2], "org.freedesktop.DBus.Properties", "GetAll", GLib.Variant("(s)", (sys.argv[3],)), None, 0, -1, None)
for k, v in sorted(r.unpack()[0].items()):
    print("%s=%r" % (k, v))
"#;

/// `GetAll(interface)` of `path` over the private socket, by a GDBus client.
fn get_all(m: &Manager, path: &str, interface: &str) -> std::collections::BTreeMap<String, String> {
    let out = Command::new("/usr/bin/python3")
        .args(["-c", GET_ALL])
        .arg(m.runtime().join("systemd/private"))
        .args([path, interface])
        .output()
        .expect("python3");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn systemctl_status_names_the_unmet_condition_as_with_systemd() {
    if !have_systemctl() || !linger_test_support::have_python_gi() {
        eprintln!("skipped: needs systemd's systemctl and python3-gi");
        return;
    }
    let m = manager();
    let missing = m.dir.path().join("not-there");
    m.write_unit(
        "cond.service",
        &format!(
            "[Unit]\nDescription=Conditional\nConditionPathIsDirectory=/\n\
             ConditionPathExists={}\nConditionUser=!nobody-at-all\nAssertPathExists=/\n\n\
             [Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n",
            missing.display()
        ),
    );
    // A unit whose start was skipped is inactive: systemd 252 collects it at once (status
    // then shows no condition) unless a loaded unit references it, as this one does.
    m.write_unit(
        "holder.service",
        "[Unit]\nWants=cond.service\n[Service]\nExecStart=/bin/sleep infinity\n",
    );
    let run = |args: &[&str]| {
        let mut a = vec!["systemctl".to_string(), "--user".into()];
        a.extend(args.iter().map(|s| s.to_string()));
        run_tool(&m, &a)
    };
    assert_eq!(run(&["start", "holder.service"]).code, 0);
    // A failed condition is no error: the start is skipped.
    assert_eq!(run(&["start", "cond.service"]).code, 0);
    let status = run(&["status", "cond.service"]);
    assert_eq!(status.code, 3, "{status:?}");
    let lines: Vec<&str> = status.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("  Condition: start condition failed at "))
        .unwrap_or_else(|| panic!("{}", status.stdout));
    assert_eq!(
        lines.get(at + 1).copied(),
        Some(
            format!(
                "             └─ ConditionPathExists={} was not met",
                missing.display()
            )
            .as_str()
        ),
        "{}",
        status.stdout
    );
    // Each entry with what the check said: held, failed, not reached (the check stops at the
    // first failure); the asserts are not checked when a condition failed.
    let unit = get_all(
        &m,
        "/org/freedesktop/systemd1/unit/cond_2eservice",
        "org.freedesktop.systemd1.Unit",
    );
    assert_eq!(
        unit["Conditions"],
        format!(
            "[('ConditionPathIsDirectory', False, False, '/', 1), ('ConditionPathExists', False, False, '{}', -1), ('ConditionUser', False, True, 'nobody-at-all', 0)]",
            missing.display()
        )
    );
    assert_eq!(
        unit["Asserts"],
        "[('AssertPathExists', False, False, '/', 0)]"
    );
    assert_eq!(unit["ConditionResult"], "False");
    // Once the path is there, every condition holds and the asserts are checked (the unit
    // stays active, so loaded: an inactive one nobody needs would be collected).
    std::fs::write(&missing, "").unwrap();
    assert_eq!(run(&["start", "cond.service"]).code, 0);
    let unit = get_all(
        &m,
        "/org/freedesktop/systemd1/unit/cond_2eservice",
        "org.freedesktop.systemd1.Unit",
    );
    assert_eq!(unit["ConditionResult"], "True");
    assert_eq!(
        unit["Asserts"],
        "[('AssertPathExists', False, False, '/', 1)]"
    );
    assert_ne!(unit["AssertTimestamp"], "0");
    assert!(
        !run(&["status", "cond.service"])
            .stdout
            .contains("Condition:")
    );
}

#[test]
fn timestamps_over_dbus_are_exact_and_finish_survives_a_reexec() {
    if !have_systemctl() || !linger_test_support::have_python_gi() {
        eprintln!("skipped: needs systemd's systemctl and python3-gi");
        return;
    }
    let m = manager();
    same_as_systemd(&m, "start-simple");
    let manager_props = get_all(
        &m,
        "/org/freedesktop/systemd1",
        "org.freedesktop.systemd1.Manager",
    );
    let unit = get_all(
        &m,
        "/org/freedesktop/systemd1/unit/ref_2dsimple_2eservice",
        "org.freedesktop.systemd1.Unit",
    );
    let service = get_all(
        &m,
        "/org/freedesktop/systemd1/unit/ref_2dsimple_2eservice",
        "org.freedesktop.systemd1.Service",
    );
    let num = |props: &std::collections::BTreeMap<String, String>, k: &str| -> u64 {
        props[k]
            .parse()
            .unwrap_or_else(|_| panic!("{k}={}", props[k]))
    };
    let pairs = [
        (&manager_props, "UserspaceTimestamp"),
        (&manager_props, "FinishTimestamp"),
        (&unit, "InactiveExitTimestamp"),
        (&unit, "ActiveEnterTimestamp"),
        (&unit, "StateChangeTimestamp"),
        (&service, "ExecMainStartTimestamp"),
    ];
    // Realtime and monotonic were read together: their difference is the same for each
    // (the wall clock was not set meanwhile) — with whole seconds it would be up to 1 s off.
    let (rt0, mono0) = (
        num(&manager_props, "UserspaceTimestamp"),
        num(&manager_props, "UserspaceTimestampMonotonic"),
    );
    for (props, name) in pairs {
        let (rt, mono) = (num(props, name), num(props, &format!("{name}Monotonic")));
        assert!(rt > 0 && mono > 0, "{name}: {rt} {mono}");
        let skew = (rt as i128 - mono as i128) - (rt0 as i128 - mono0 as i128);
        assert!(
            skew.abs() < 100_000,
            "{name}: {rt} (monotonic {mono}) is {skew} µs off"
        );
    }
    assert!(
        pairs.iter().any(|(p, name)| num(p, name) % 1_000_000 != 0),
        "every timestamp a whole second: {pairs:?}"
    );
    // A re-exec keeps when the start-up finished. The private socket is passed across it:
    // a client connecting at once, while the new image starts, waits instead of being
    // refused (the socket file stayed; a socket bound anew would leave it dead meanwhile).
    m.systemctl(&["daemon-reexec"]).expect_code(0);
    let after = get_all(
        &m,
        "/org/freedesktop/systemd1",
        "org.freedesktop.systemd1.Manager",
    );
    for k in [
        "FinishTimestamp",
        "FinishTimestampMonotonic",
        "UserspaceTimestamp",
    ] {
        assert_eq!(after[k], manager_props[k], "{k}");
    }
}

/// A client of the private socket is never refused across `daemon-reexec`: the listening
/// socket is passed to the new image (systemd passes its private bus socket too), so a
/// connection made while it starts waits in the listen queue. A socket bound anew by the new
/// image would leave the old socket file with nobody listening meanwhile: ECONNREFUSED.
#[test]
fn the_private_socket_refuses_nobody_across_a_reexec() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let m = manager();
    let private = m.runtime().join("systemd/private");
    m.wait_for("the D-Bus private socket", |_| private.exists());
    let done = std::sync::Arc::new(AtomicBool::new(false));
    let knocker = {
        let (done, private) = (done.clone(), private.clone());
        std::thread::spawn(move || {
            let (mut ok, mut refused) = (0u32, Vec::new());
            while !done.load(Ordering::Relaxed) {
                match std::os::unix::net::UnixStream::connect(&private) {
                    Ok(_) => ok += 1,
                    Err(e) => refused.push(e.to_string()),
                }
            }
            (ok, refused)
        })
    };
    for _ in 0..3 {
        m.systemctl(&["daemon-reexec"]).expect_code(0);
        // The new image answers (over varlink, after its front ends are up).
        m.systemctl(&["is-system-running"]);
    }
    done.store(true, Ordering::Relaxed);
    let (ok, refused) = knocker.join().unwrap();
    assert!(ok > 0);
    assert!(
        refused.is_empty(),
        "{} refused: {:?}",
        refused.len(),
        refused.first()
    );
}

/// `NextElapseUSec*` of a timer: one value (the engine's) in linger's own `show`, in systemd's
/// systemctl over D-Bus and raw on D-Bus, as systemd 252 gives them (bench/dbus_timers.py
/// compares them with a real systemd): 0 for the clock a waiting timer has no trigger on,
/// infinity once nothing more is to come or before the timer ever started.
#[test]
fn a_timers_next_elapse_is_the_same_in_show_and_over_dbus() {
    if !have_systemctl() {
        eprintln!("skipped: systemd's systemctl is not installed");
        return;
    }
    let units = [
        ("cal.timer", "[Timer]\nOnCalendar=*-*-* 04:00:00\n"),
        ("fire.timer", "[Timer]\nOnActiveSec=50ms\nAccuracySec=1us\n"),
        ("idle.timer", "[Timer]\nOnActiveSec=1h\n"),
        (
            "cal.service",
            "[Service]\nType=oneshot\nExecStart=/bin/true\n",
        ),
        (
            "fire.service",
            "[Service]\nType=oneshot\nExecStart=/bin/true\n",
        ),
        (
            "idle.service",
            "[Service]\nType=oneshot\nExecStart=/bin/true\n",
        ),
    ];
    let m = Manager::with_dbus(BIN, &units);
    m.systemctl(&["start", "cal.timer", "fire.timer"])
        .expect_code(0);
    m.wait_for("fire.timer to elapse", |m| {
        m.prop("fire.timer", "SubState") == "elapsed"
    });
    for (timer, prop, want, raw) in [
        ("cal.timer", "NextElapseUSecMonotonic", "0", "0"),
        (
            "fire.timer",
            "NextElapseUSecMonotonic",
            "infinity",
            "18446744073709551615",
        ),
        (
            "fire.timer",
            "NextElapseUSecRealtime",
            "",
            "18446744073709551615",
        ),
        (
            "idle.timer",
            "NextElapseUSecMonotonic",
            "infinity",
            "18446744073709551615",
        ),
        (
            "idle.timer",
            "NextElapseUSecRealtime",
            "",
            "18446744073709551615",
        ),
    ] {
        let line = format!("{prop}={want}\n");
        let own = m.systemctl(&["show", "-p", prop, timer]).expect_code(0);
        assert_eq!(own.stdout, line, "linger's show of {timer}");
        let (code, out, err) = m.systemd_systemctl(&["show", "-p", prop, timer]);
        assert_eq!(
            (code, out.as_str()),
            (0, line.as_str()),
            "systemd's systemctl: {err}"
        );
        let path = format!(
            "/org/freedesktop/systemd1/unit/{}",
            timer.replace('.', "_2e")
        );
        let (code, text) = m.dbus_send(
            &path,
            "org.freedesktop.DBus.Properties.Get",
            &[
                "string:org.freedesktop.systemd1.Timer",
                &format!("string:{prop}"),
            ],
        );
        assert_eq!(code, 0, "{text}");
        assert!(
            text.contains(&format!("uint64 {raw}")),
            "{timer} {prop}: {text}"
        );
    }
}
