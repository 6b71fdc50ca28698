//! Process-execution settings of real units, end to end (issue 12): `Limit*=` above what the
//! manager may grant, the open-file limits of the manager and its services.
#![allow(clippy::print_stderr)]

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

/// A manager that, like an ordinary user's, may not raise hard limits: as root it is started
/// with CAP_SYS_RESOURCE dropped from its bounding set.
fn unprivileged_manager() -> Manager {
    let mut m = Manager::new(BIN);
    if rustix::process::geteuid().is_root() {
        m.start_wrapped(&["setpriv", "--bounding-set=-sys_resource", "--"]);
    } else {
        m.start();
    }
    m
}

fn journal(m: &Manager, unit: &str) -> String {
    m.linger(&["journal", "-u", unit, "-o", "cat"])
        .expect_code(0)
        .stdout
}

/// `(soft, hard)` of a line of /proc/PID/limits (`unlimited` → u64::MAX).
fn proc_limit(pid: u32, name: &str) -> (u64, u64) {
    let text = std::fs::read_to_string(format!("/proc/{pid}/limits")).expect("limits");
    let line = text
        .lines()
        .find(|l| l.starts_with(name))
        .unwrap_or_else(|| panic!("no {name} in\n{text}"));
    let mut v = line[name.len()..].split_whitespace().map(|w| {
        if w == "unlimited" {
            u64::MAX
        } else {
            w.parse().expect("number")
        }
    });
    (v.next().unwrap(), v.next().unwrap())
}

/// Debian's mpd.service asks for `LimitRTPRIO=40` and `LimitMEMLOCK=64M`; a user manager
/// cannot grant more than its own hard limits, so it lowers them (saying which, once) and the
/// service starts instead of failing with 205/LIMITS.
#[test]
fn limits_above_the_hard_limit_are_lowered_and_named_once() {
    let m = unprivileged_manager();
    let me = std::process::id();
    let (_, own_rtprio) = proc_limit(me, "Max realtime priority");
    let (_, own_memlock) = proc_limit(me, "Max locked memory");
    if own_rtprio >= 40 && own_memlock >= 64 << 20 {
        eprintln!("skipped: this process may already grant RTPRIO 40 and MEMLOCK 64M");
        return;
    }
    m.write_unit(
        "rt.service",
        "[Service]\nLimitRTPRIO=40\nLimitMEMLOCK=64M\nLimitNOFILE=100:200\nExecStart=/bin/sleep 600\n",
    );
    m.systemctl(&["start", "rt.service"]).expect_code(0);
    assert_eq!(m.prop("rt.service", "ActiveState"), "active");
    let pid = m.main_pid("rt.service");
    assert_eq!(
        proc_limit(pid, "Max realtime priority"),
        (40.min(own_rtprio), 40.min(own_rtprio))
    );
    let memlock = (64u64 << 20).min(own_memlock);
    assert_eq!(proc_limit(pid, "Max locked memory"), (memlock, memlock));
    assert_eq!(
        proc_limit(pid, "Max open files"),
        (100, 200),
        "within limits: as asked"
    );

    m.systemctl(&["restart", "rt.service"]).expect_code(0);
    m.wait_for("the restarted service", |m| m.main_pid("rt.service") != pid);
    let log = journal(&m, "rt.service");
    if own_rtprio < 40 {
        assert_eq!(
            log.matches("LimitRTPRIO=40:40 is above the hard limit")
                .count(),
            1,
            "named once, not at every start:\n{log}"
        );
    }
    if own_memlock < 64 << 20 {
        assert!(
            log.contains("LimitMEMLOCK=67108864:67108864 is above"),
            "{log}"
        );
    }
    assert!(!log.contains("LimitNOFILE"), "{log}");
    assert!(!log.contains("205/LIMITS"), "{log}");
}

/// What linger cannot apply (issue 12 item 5) is logged once per unit in the journal, under
/// the unit, as systemd logs a unit file's warnings when it loads it: a hardening setting
/// linger does not implement (`RestrictFileSystems=`), an unknown key, a limit above what the
/// manager may grant. Neither a restart, nor a reload, nor `status` logs them again, and
/// `status` shows them in its log tail, not repeated in its header.
#[test]
fn what_cannot_be_applied_is_logged_once_and_status_does_not_repeat_it() {
    let m = unprivileged_manager();
    let (_, own_rtprio) = proc_limit(std::process::id(), "Max realtime priority");
    m.write_unit(
        "partly.service",
        "[Service]\nRestrictFileSystems=ext4\nProtectClok=yes\nLimitRTPRIO=99\n\
         ExecStart=/bin/sleep 600\n",
    );
    let not_applied = "partly.service:2: RestrictFileSystems= is not supported by linger (systemd knows it), ignoring.";
    let unknown = "partly.service:3: Unknown key 'ProtectClok' in section [Service], ignoring.";
    let clamped = "LimitRTPRIO=99:99 is above the hard limit";
    let status = |m: &Manager| {
        let r = m.systemctl(&["status", "--no-pager", "-n", "20", "partly.service"]);
        let (header, tail) = r.stdout.split_once("\n\n").unwrap_or((&r.stdout, ""));
        (header.to_string(), tail.to_string())
    };
    // Loaded only (status of a unit never started): logged at load, shown in the tail once
    // the journal has it (written asynchronously, as journald's are).
    let (header, _) = status(&m);
    assert!(
        !header.contains("ProtectClo") && !header.contains("RestrictFileSystems"),
        "{header}"
    );
    m.wait_for("the warnings in the journal", |m| {
        journal(m, "partly.service").contains(unknown)
    });
    let (_, tail) = status(&m);
    assert_eq!(tail.matches(not_applied).count(), 1, "{tail}");
    assert_eq!(tail.matches(unknown).count(), 1, "{tail}");

    m.systemctl(&["start", "partly.service"]).expect_code(0);
    let pid = m.main_pid("partly.service");
    m.systemctl(&["restart", "partly.service"]).expect_code(0);
    m.wait_for("the restarted service", |m| {
        m.main_pid("partly.service") != pid
    });
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["restart", "partly.service"]).expect_code(0);
    let (header, tail) = status(&m);
    assert!(
        header
            .lines()
            .all(|l| !l.contains("ignoring") && !l.contains(clamped)),
        "{header}"
    );
    assert_eq!(tail.matches(not_applied).count(), 1, "{tail}");
    let log = journal(&m, "partly.service");
    for line in [not_applied, unknown] {
        assert_eq!(log.matches(line).count(), 1, "once: {line}\n{log}");
        assert!(log.lines().any(|l| l.ends_with(line)), "{log}");
    }
    if own_rtprio < 99 {
        assert_eq!(log.matches(clamped).count(), 1, "{log}");
    }
    // The warning is the manager's, under the unit: at priority warning.
    let warnings = m
        .linger(&[
            "journal",
            "-u",
            "partly.service",
            "-p",
            "warning",
            "-o",
            "cat",
        ])
        .stdout;
    assert!(warnings.contains(not_applied), "{warnings}");
}

/// The manager raises its own soft open-file limit to the hard one (it holds an fd per
/// service); its services still get 1024 unless they ask.
#[test]
fn manager_raises_its_open_file_limit_and_services_get_1024() {
    let m = unprivileged_manager();
    let (_, hard) = proc_limit(std::process::id(), "Max open files");
    let manager = m.pid().expect("manager pid");
    // The wrapper exec's the manager: same pid.
    assert_eq!(proc_limit(manager, "Max open files"), (hard, hard));
    m.write_unit("plain.service", "[Service]\nExecStart=/bin/sleep 600\n");
    m.systemctl(&["start", "plain.service"]).expect_code(0);
    let pid = m.main_pid("plain.service");
    assert_eq!(proc_limit(pid, "Max open files"), (1024.min(hard), hard));
}

/// `$JOURNAL_STREAM` names the journal stream a service's stderr (else stdout) is connected to,
/// as `DEVICE:INODE` — what GLib and libsystemd compare with their own stderr before logging
/// structured entries — and is not set when neither goes to the journal.
#[test]
fn journal_stream_names_the_services_journal_stream() {
    let mut m = Manager::new(BIN);
    m.start();
    // `$$` is a literal `$` in a unit file, `%%` a literal `%`.
    let probe = |out: &str| {
        format!(
            "[Service]\n{out}ExecStart=/bin/sh -c 'echo \"$${{JOURNAL_STREAM:-unset}} $$(stat -L -c %%d:%%i /proc/$$$$/fd/1) $$(stat -L -c %%d:%%i /proc/$$$$/fd/2)\" > %t/$$1.note; exec sleep 600' sh %N\n"
        )
    };
    m.write_unit("both.service", &probe(""));
    m.write_unit("out.service", &probe("StandardError=null\n"));
    m.write_unit(
        "none.service",
        &probe("StandardOutput=null\nStandardError=null\n"),
    );
    let note = |unit: &str| {
        let f = m.runtime().join(format!("{unit}.note"));
        m.wait_for("the service's note", |_| {
            std::fs::read_to_string(&f).is_ok_and(|t| t.ends_with('\n'))
        });
        let t = std::fs::read_to_string(&f).unwrap();
        let w: Vec<String> = t.split_whitespace().map(str::to_string).collect();
        assert_eq!(w.len(), 3, "{t}");
        (w[0].clone(), w[1].clone(), w[2].clone())
    };
    for unit in ["both", "out", "none"] {
        m.systemctl(&["start", &format!("{unit}.service")])
            .expect_code(0);
    }
    let (stream, out, err) = note("both");
    assert_eq!(
        (stream.as_str(), out.as_str()),
        (err.as_str(), err.as_str())
    );
    let (stream, out, err) = note("out");
    assert_eq!(stream, out, "stderr is /dev/null: stdout's stream");
    assert_ne!(stream, err);
    let (stream, _, _) = note("none");
    assert_eq!(stream, "unset");
}

/// `systemctl show` lists the execution settings in systemd's names and formats, defaults
/// included (the open-file limit a service gets: 1024 soft, the manager's hard limit).
#[test]
fn show_lists_the_execution_settings() {
    let mut m = Manager::new(BIN);
    m.start();
    m.write_unit(
        "hard.service",
        "[Service]\nExecStart=/bin/sleep 600\nNoNewPrivileges=yes\nRuntimeDirectory=a b\n\
         StateDirectoryMode=0700\nLimitRTPRIO=0:0\nSystemCallFilter=~read write\n\
         SystemCallErrorNumber=EPERM\nRestrictAddressFamilies=AF_UNIX AF_INET\n\
         RestrictRealtime=yes\nProtectSystem=strict\nRestrictNamespaces=~user\n\
         RestrictNamespaces=~net\nReadWritePaths=-/tmp/a /tmp/b\nReadOnlyPaths=/usr\n\
         InaccessiblePaths=-/nonexistent/x\nInaccessiblePaths=/etc/shadow\n",
    );
    m.write_unit("plain.service", "[Service]\nExecStart=/bin/sleep 600\n");
    m.write_unit(
        "nons.service",
        "[Service]\nExecStart=/bin/sleep 600\nRestrictNamespaces=yes\n",
    );
    m.write_unit(
        "somens.service",
        "[Service]\nExecStart=/bin/sleep 600\nRestrictNamespaces=uts mnt\n",
    );
    let show = |unit: &str, p: &str| m.prop(unit, p);
    assert_eq!(show("hard.service", "NoNewPrivileges"), "yes");
    assert_eq!(show("plain.service", "NoNewPrivileges"), "no");
    assert_eq!(show("hard.service", "RuntimeDirectory"), "a b");
    assert_eq!(show("hard.service", "RuntimeDirectoryMode"), "0755");
    assert_eq!(show("hard.service", "StateDirectoryMode"), "0700");
    assert_eq!(show("hard.service", "RuntimeDirectoryPreserve"), "no");
    assert_eq!(show("hard.service", "LimitRTPRIO"), "0");
    assert_eq!(show("hard.service", "LimitRTPRIOSoft"), "0");
    let (_, hard) = proc_limit(m.pid().expect("manager pid"), "Max open files");
    assert_eq!(show("plain.service", "LimitNOFILE"), hard.to_string());
    assert_eq!(
        show("plain.service", "LimitNOFILESoft"),
        1024.min(hard).to_string()
    );
    assert_eq!(show("hard.service", "SystemCallFilter"), "~read write");
    assert_eq!(show("hard.service", "SystemCallErrorNumber"), "1");
    assert_eq!(
        show("hard.service", "RestrictAddressFamilies"),
        "AF_UNIX AF_INET"
    );
    assert_eq!(show("hard.service", "RestrictRealtime"), "yes");
    assert_eq!(show("hard.service", "ProtectSystem"), "strict");
    assert_eq!(show("plain.service", "ProtectHome"), "no");
    // systemd prints the allowed namespaces: `no` for all, `yes` for none, else their names.
    assert_eq!(show("plain.service", "RestrictNamespaces"), "no");
    assert_eq!(show("nons.service", "RestrictNamespaces"), "yes");
    assert_eq!(show("somens.service", "RestrictNamespaces"), "mnt uts");
    assert_eq!(
        show("hard.service", "RestrictNamespaces"),
        "cgroup ipc mnt pid uts"
    );
    assert_eq!(show("hard.service", "ReadWritePaths"), "-/tmp/a /tmp/b");
    assert_eq!(show("hard.service", "ReadOnlyPaths"), "/usr");
    assert_eq!(
        show("hard.service", "InaccessiblePaths"),
        "-/nonexistent/x /etc/shadow"
    );
    assert_eq!(show("plain.service", "ReadWritePaths"), "");
}

/// What a sandboxed service sees, from its own output: its private `/tmp`, read-only `/usr`
/// and `/etc`, an empty `/home`, its unchanged uid.
fn sandbox_probe(m: &Manager, unit: &str) -> String {
    m.write_unit(
        unit,
        "[Service]\nType=oneshot\nPrivateTmp=yes\nProtectSystem=full\nProtectHome=yes\n\
         PrivateUsers=yes\nExecStart=/bin/sh -c '\
         touch /tmp/mine && echo tmp=$$(ls -A /tmp | tr \"\\\\n\" ,); \
         touch /usr/linger-probe 2>/dev/null && echo usr-writable || echo usr-ro; \
         touch /etc/linger-probe 2>/dev/null && echo etc-writable || echo etc-ro; \
         echo home=$$(ls -A /home 2>/dev/null | wc -l); echo uid=$$(id -u)'\n",
    );
    let started = m.systemctl(&["start", unit]);
    let log = journal(m, unit);
    assert_eq!(started.code, 0, "{log}\n{}", m.manager_log());
    log
}

/// PrivateTmp=, ProtectSystem=, ProtectHome= and PrivateUsers= are applied — by an ordinary
/// user's manager through a user namespace, by root's directly — and the private `/tmp`
/// goes when the unit stops.
#[test]
fn sandboxing_is_applied_for_root_and_an_ordinary_user() {
    let managers = root_and_nobody_managers();
    for (who, m) in &managers {
        let out = sandbox_probe(m, "sandboxed.service");
        let uid = if *who == "root" {
            "0".to_string()
        } else {
            String::from_utf8(
                std::process::Command::new("id")
                    .args(["-u", "nobody"])
                    .output()
                    .unwrap()
                    .stdout,
            )
            .unwrap()
            .trim()
            .to_string()
        };
        for want in [
            "tmp=mine,",
            "usr-ro",
            "etc-ro",
            "home=0",
            &format!("uid={uid}"),
        ] {
            assert!(
                out.lines().any(|l| l == want),
                "{who}: no {want:?} in\n{out}\n{}",
                m.manager_log()
            );
        }
        assert!(
            !std::path::Path::new("/tmp/mine").exists(),
            "the real /tmp is untouched"
        );
        let private = m.runtime().join("linger/private-tmp/sandboxed.service");
        m.wait_for("the private /tmp to go with the unit", |_| {
            !private.exists()
        });
    }
}

fn mode_of(p: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .permissions()
        .mode()
        & 0o7777
}

/// RuntimeDirectory= & co. are made below the user manager's roots, named in
/// `$RUNTIME_DIRECTORY` …, usable in the command line and with specifiers; the runtime one goes
/// away when the unit stops, the others stay.
#[test]
fn directories_are_made_named_and_runtime_ones_removed_on_stop() {
    let mut m = Manager::new(BIN);
    m.start();
    m.write_unit(
        "dirs.service",
        "[Service]\n\
         RuntimeDirectory=foo/bar baz:alias\n\
         RuntimeDirectoryMode=0700\n\
         StateDirectory=st\n\
         CacheDirectory=ca\n\
         LogsDirectory=lo\n\
         ConfigurationDirectory=co\n\
         ExecStart=/bin/sh -c 'echo \"$RUNTIME_DIRECTORY|$STATE_DIRECTORY|$CACHE_DIRECTORY|$LOGS_DIRECTORY|$CONFIGURATION_DIRECTORY|$1\" > %S/st/env; exec sleep 600' sh ${RUNTIME_DIRECTORY}\n",
    );
    m.systemctl(&["start", "dirs.service"]).expect_code(0);
    let home = m.home();
    let run = m.runtime();
    let env_file = home.join(".config/st/env");
    m.wait_for("the service's note", |_| {
        std::fs::read_to_string(&env_file).is_ok_and(|t| t.ends_with('\n'))
    });
    let runtime = format!(
        "{}:{}",
        run.join("foo/bar").display(),
        run.join("baz").display()
    );
    assert_eq!(
        std::fs::read_to_string(&env_file).unwrap().trim(),
        format!(
            "{runtime}|{}|{}|{}|{}|{runtime}",
            home.join(".config/st").display(),
            home.join(".cache/ca").display(),
            home.join(".config/log/lo").display(),
            home.join(".config/co").display(),
        )
    );
    assert_eq!(mode_of(&run.join("foo/bar")), 0o700);
    assert_eq!(mode_of(&run.join("foo")), 0o755);
    assert_eq!(mode_of(&home.join(".cache/ca")), 0o755);
    assert_eq!(
        std::fs::read_link(run.join("alias")).unwrap(),
        run.join("baz")
    );

    m.systemctl(&["stop", "dirs.service"]).expect_code(0);
    assert!(!run.join("foo/bar").exists() && !run.join("baz").exists());
    assert!(std::fs::symlink_metadata(run.join("alias")).is_err());
    assert!(home.join(".config/st/env").exists(), "state is kept");
    assert!(home.join(".cache/ca").is_dir() && home.join(".config/log/lo").is_dir());
}

/// `RuntimeDirectoryPreserve=restart` keeps the runtime directory (and what is in it) across
/// a restart and removes it on stop; `yes` keeps it after the stop too; `no` (the default)
/// gives the restarted service an empty one.
#[test]
fn runtime_directory_preserve() {
    let mut m = Manager::new(BIN);
    m.start();
    for (name, preserve) in [
        ("keep-restart", "restart"),
        ("keep-always", "yes"),
        ("keep-not", "no"),
    ] {
        m.write_unit(
            &format!("{name}.service"),
            &format!(
                "[Service]\nRuntimeDirectory={name}\nRuntimeDirectoryPreserve={preserve}\n\
                 ExecStart=/bin/sh -c 'touch $RUNTIME_DIRECTORY/mark-$$$$; exec sleep 600'\n"
            ),
        );
        let unit = format!("{name}.service");
        m.systemctl(&["start", &unit]).expect_code(0);
        let dir = m.runtime().join(name);
        let marks = |d: &std::path::Path| {
            std::fs::read_dir(d).map_or(0, |r| r.filter_map(Result::ok).count())
        };
        m.wait_for("the first mark", |_| marks(&dir) == 1);
        let first = m.main_pid(&unit);
        m.systemctl(&["restart", &unit]).expect_code(0);
        m.wait_for("the restarted run", |m| m.main_pid(&unit) != first);
        let second = m.main_pid(&unit);
        m.wait_for("the second mark", |_| {
            dir.join(format!("mark-{second}")).exists()
        });
        let after = if preserve == "no" { 1 } else { 2 };
        assert_eq!(marks(&dir), after, "{name}");
        m.systemctl(&["stop", &unit]).expect_code(0);
        assert_eq!(dir.exists(), preserve == "yes", "{name}");
    }
}

/// A probe that tries what the hardening settings forbid and writes, for each attempt, the
/// errno it got (0: allowed) to `$STATE_DIRECTORY/probe.json`, then waits to be inspected.
const PROBE: &str = r#"
import ctypes, json, mmap, os, socket, time
libc = ctypes.CDLL(None, use_errno=True)
out = {}
def attempt(name, f):
    try:
        r = f()
        out[name] = ctypes.get_errno() if r == -1 else 0
    except OSError as e:
        out[name] = e.errno
    ctypes.set_errno(0)
attempt("socket_inet", lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).close())
attempt("socket_unix", lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).close())
attempt("unshare_user", lambda: libc.unshare(0x10000000))
attempt("personality", lambda: libc.personality(0x0008))
attempt("mmap_wx", lambda: mmap.mmap(-1, 4096, prot=mmap.PROT_WRITE | mmap.PROT_EXEC).close())
attempt("sched_fifo", lambda: os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(1)))
attempt("reboot", lambda: libc.syscall(169, 0, 0, 0, 0))
attempt("uname", lambda: os.uname())
attempt("clone3", lambda: libc.syscall(435, None, 0))
with open(os.path.join(os.environ["STATE_DIRECTORY"], "probe.tmp"), "w") as f:
    json.dump(out, f)
os.rename(os.path.join(os.environ["STATE_DIRECTORY"], "probe.tmp"),
          os.path.join(os.environ["STATE_DIRECTORY"], "probe.json"))
time.sleep(600)
"#;

/// `NoNewPrivs:` and `Seccomp:` of /proc/PID/status.
fn proc_status(pid: u32) -> (String, String) {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    (field("NoNewPrivs:"), field("Seccomp:"))
}

/// `Seccomp_filters:` of /proc/PID/status: how many programs the process has loaded.
fn seccomp_filters(pid: u32) -> u32 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    text.lines()
        .find_map(|l| l.strip_prefix("Seccomp_filters:"))
        .map_or_else(
            || panic!("no Seccomp_filters: in\n{text}"),
            |v| v.trim().parse().unwrap(),
        )
}

fn run_probe(m: &Manager, name: &str, settings: &str) -> (serde_json::Value, u32) {
    let script = m.home().join("probe.py");
    std::fs::write(&script, PROBE).expect("probe");
    let unit = format!("{name}.service");
    m.write_unit(
        &unit,
        &format!(
            "[Service]\nStateDirectory={name}\n{settings}\nExecStart=/usr/bin/python3 {}\n",
            script.display()
        ),
    );
    m.systemctl(&["start", &unit]).expect_code(0);
    let result = m.home().join(format!(".config/{name}/probe.json"));
    m.wait_for("the probe's results", |_| result.exists());
    let json = serde_json::from_str(&std::fs::read_to_string(&result).unwrap()).unwrap();
    (json, m.main_pid(&unit))
}

fn have_python() -> bool {
    let ok = std::path::Path::new("/usr/bin/python3").exists() && cfg!(target_arch = "x86_64");
    if !ok {
        eprintln!("skipped: needs /usr/bin/python3 on x86-64 (the probe and its syscall numbers)");
    }
    ok
}

/// Each restriction is enforced by the kernel: the probe sees the errno systemd documents for
/// it, /proc says "NoNewPrivs: 1" and "Seccomp: 2" (filter mode).
#[test]
fn hardening_is_enforced_and_visible_in_proc() {
    if !have_python() {
        return;
    }
    let mut m = Manager::new(BIN);
    m.start();
    let (free, pid) = run_probe(&m, "free", "");
    assert_eq!(proc_status(pid), ("0".into(), "0".into()));
    for k in [
        "socket_inet",
        "socket_unix",
        "personality",
        "mmap_wx",
        "uname",
    ] {
        assert_eq!(free[k], 0, "{k} without restrictions: {free}");
    }
    assert_eq!(free["clone3"], 22, "EINVAL for its empty arguments: {free}");
    // RestrictNamespaces= alone: clone3's ENOSYS without a SystemCallFilter= table.
    let (ns, pid) = run_probe(&m, "ns", "RestrictNamespaces=yes");
    assert_eq!(ns["clone3"], 38, "{ns}");
    assert_eq!(ns["unshare_user"], 1, "{ns}");
    assert_eq!(seccomp_filters(pid), 1);
    let (got, pid) = run_probe(
        &m,
        "hardened",
        "SystemCallFilter=@system-service\nSystemCallErrorNumber=EUCLEAN\n\
         RestrictAddressFamilies=AF_UNIX\nRestrictNamespaces=yes\nLockPersonality=yes\n\
         MemoryDenyWriteExecute=yes\nRestrictRealtime=yes\nSystemCallArchitectures=native",
    );
    assert_eq!(
        proc_status(pid),
        ("1".into(), "2".into()),
        "NoNewPrivs is implied"
    );
    // Every setting above is enforced by one program (what a spawn loads, ~30-40 µs each).
    assert_eq!(seccomp_filters(pid), 1);
    let expect = [
        ("socket_inet", 97), // EAFNOSUPPORT
        ("socket_unix", 0),  // allowed family
        ("unshare_user", 1), // EPERM
        ("personality", 1),  // EPERM
        ("mmap_wx", 1),      // EPERM
        ("sched_fifo", 1),   // EPERM (also without the filter for an unprivileged user)
        ("reboot", 117),     // not in @system-service: SystemCallErrorNumber=EUCLEAN
        ("uname", 0),        // in @system-service
        ("clone3", 38),      // RestrictNamespaces=: ENOSYS, so that libc falls back to clone
    ];
    for (k, errno) in expect {
        assert_eq!(got[k], errno, "{k}: {got}");
    }
    let log = m
        .linger(&["journal", "-u", "hardened.service", "-o", "cat"])
        .stdout;
    assert!(!log.contains("not supported by linger"), "{log}");
}

/// A deny-list entry with its own errno, and the default action: kill (SIGSYS).
#[test]
fn deny_listed_calls_fail_with_their_errno_or_kill() {
    if !have_python() {
        return;
    }
    let mut m = Manager::new(BIN);
    m.start();
    let (got, pid) = run_probe(
        &m,
        "denied",
        "SystemCallFilter=~reboot:EUCLEAN uname:EACCES",
    );
    assert_eq!(proc_status(pid), ("1".into(), "2".into()));
    assert_eq!(got["reboot"], 117);
    assert_eq!(got["uname"], 13);
    assert_eq!(got["socket_inet"], 0);

    m.write_unit(
        "killed.service",
        "[Service]\nSystemCallFilter=~uname\nExecStart=/bin/uname\n",
    );
    m.systemctl(&["start", "killed.service"]);
    m.wait_for("the kill", |m| {
        m.prop("killed.service", "ActiveState") == "failed"
    });
    assert_eq!(m.prop("killed.service", "Result"), "signal");
    assert_eq!(m.prop("killed.service", "ExecMainStatus"), "31", "SIGSYS");
}

/// `NoNewPrivileges=yes` alone: no seccomp filter, the flag set.
#[test]
fn no_new_privileges_alone() {
    let mut m = Manager::new(BIN);
    m.start();
    m.write_unit(
        "nnp.service",
        "[Service]\nNoNewPrivileges=yes\nExecStart=/bin/sleep 600\n",
    );
    m.systemctl(&["start", "nnp.service"]).expect_code(0);
    let pid = m.main_pid("nnp.service");
    assert_eq!(proc_status(pid), ("1".into(), "0".into()));
}

/// ProtectSystem=strict: everything read-only except /dev, /proc, /sys, the unit's own
/// directories, the runtime directory and ReadWritePaths= (a missing `-` one is skipped) —
/// for root's manager and an ordinary user's.
#[test]
fn protect_system_strict_leaves_only_the_units_paths_writable() {
    let managers = root_and_nobody_managers();
    for (who, m) in &managers {
        let rw = m.home().join("rw");
        std::fs::create_dir_all(&rw).unwrap();
        if *who == "nobody" {
            let st = std::process::Command::new("chown")
                .args(["nobody:nogroup"])
                .arg(&rw)
                .status()
                .unwrap();
            assert!(st.success());
        }
        let home = m.home();
        m.write_unit(
            "strict.service",
            &format!(
                "[Service]\nType=oneshot\nProtectSystem=strict\nStateDirectory=strictstate\n\
                 ReadWritePaths={rw}\nReadWritePaths=-/nonexistent/linger\n\
                 ExecStart=/bin/sh -c '\
                 touch $$STATE_DIRECTORY/ok && echo state-rw; \
                 touch {rw}/ok && echo rw-rw; \
                 touch %t/strict-ok && echo runtime-rw; \
                 echo x > /dev/null && echo dev-rw; \
                 touch {home}/strict-probe 2>/dev/null && echo home-writable || echo home-ro; \
                 touch /var/tmp/linger-strict-probe 2>/dev/null && echo var-writable || echo var-ro'\n",
                rw = rw.display(),
                home = home.display(),
            ),
        );
        let started = m.systemctl(&["start", "strict.service"]);
        let out = journal(m, "strict.service");
        assert_eq!(started.code, 0, "{who}: {out}\n{}", m.manager_log());
        for want in [
            "state-rw",
            "rw-rw",
            "runtime-rw",
            "dev-rw",
            "home-ro",
            "var-ro",
        ] {
            assert!(
                out.lines().any(|l| l == want),
                "{who}: no {want:?} in\n{out}\n{}",
                m.manager_log()
            );
        }
        assert!(rw.join("ok").exists() && !home.join("strict-probe").exists());
        assert!(!std::path::Path::new("/var/tmp/linger-strict-probe").exists());
    }
}

/// ProtectHome=yes hides /run/user, where a real user's runtime directory is: a Type=notify
/// service still reaches the notify socket and the journal socket there, and its own
/// RuntimeDirectory=, while the rest of /run/user (another tree, the manager's control
/// socket, the test user's home, which is in it too) stays hidden — for root's manager and an
/// ordinary user's.
#[test]
fn protect_home_keeps_the_notify_and_journal_sockets_reachable() {
    if !rustix::process::geteuid().is_root() || !have_python() {
        eprintln!("skipped: needs root (a tree under /run/user) and python3");
        return;
    }
    let run_user = std::path::Path::new("/run/user");
    let made_run_user = !run_user.exists();
    if made_run_user {
        std::fs::create_dir_all(run_user).unwrap();
    }
    let other = tempfile::Builder::new()
        .prefix("linger-test-other")
        .tempdir_in(run_user)
        .unwrap();
    let script_dir = tempfile::tempdir().unwrap();
    let script = script_dir.path().join("probe.py");
    std::fs::write(
        &script,
        "import os, socket, sys, time\n\
         def seen(p):\n    return 'seen' if os.path.exists(p) else 'hidden'\n\
         rt = os.environ['XDG_RUNTIME_DIR']\n\
         print('other=' + seen(sys.argv[1]))\n\
         print('control=' + seen(rt + '/linger/manager'))\n\
         print('home=' + seen(sys.argv[2]))\n\
         open(os.environ['RUNTIME_DIRECTORY'] + '/x', 'w').write('1')\n\
         print('runtime-dir=rw', flush=True)\n\
         j = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\n\
         j.sendto(b'MESSAGE=via-journal-socket\\n', os.environ['LINGER_JOURNAL_SOCKET'])\n\
         n = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)\n\
         n.sendto(b'READY=1', os.environ['NOTIFY_SOCKET'])\n\
         time.sleep(600)\n",
    )
    .unwrap();
    for p in [script_dir.path(), &script] {
        std::fs::set_permissions(p, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    }
    for who in ["root", "nobody"] {
        let mut m = Manager::new_in(BIN, run_user);
        if who == "root" {
            m.start();
        } else {
            m.start_as("nobody", "nogroup");
        }
        m.write_unit(
            "hidden.service",
            &format!(
                "[Service]\nType=notify\nTimeoutStartSec=30\nProtectHome=yes\n\
                 RuntimeDirectory=hp\nExecStart=/usr/bin/python3 {} {} {}\n",
                script.display(),
                other.path().display(),
                m.home().join(".config").display(),
            ),
        );
        let started = m.systemctl(&["start", "hidden.service"]);
        let out = journal(&m, "hidden.service");
        assert_eq!(started.code, 0, "{who}: {out}\n{}", m.manager_log());
        assert_eq!(m.prop("hidden.service", "ActiveState"), "active");
        for want in [
            "other=hidden",
            "control=hidden",
            "home=hidden",
            "runtime-dir=rw",
        ] {
            assert!(
                out.lines().any(|l| l == want),
                "{who}: no {want:?} in\n{out}"
            );
        }
        m.wait_for("the journal socket's message", |m| {
            journal(m, "hidden.service")
                .lines()
                .any(|l| l == "via-journal-socket")
        });
        assert!(m.runtime().join("hp/x").exists());
        m.systemctl(&["stop", "hidden.service"]).expect_code(0);
    }
    drop(other);
    if made_run_user {
        let _ = std::fs::remove_dir(run_user);
    }
}

/// A directory that cannot be made fails the unit with systemd's exit status for its kind
/// (233/RUNTIME_DIRECTORY, 238/STATE_DIRECTORY), and the journal names the directory.
#[test]
fn a_directory_that_cannot_be_made_fails_with_its_exit_status() {
    let mut m = Manager::new(BIN);
    m.start();
    // A file where a directory's parent should be: mkdir fails with "Not a directory".
    std::fs::write(m.runtime().join("blocked"), "").unwrap();
    let config = m.home().join(".config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("blocked"), "").unwrap();
    for (unit, setting, status, root) in [
        (
            "rt.service",
            "RuntimeDirectory",
            "233/RUNTIME_DIRECTORY",
            m.runtime(),
        ),
        (
            "st.service",
            "StateDirectory",
            "238/STATE_DIRECTORY",
            config,
        ),
    ] {
        m.write_unit(
            unit,
            &format!("[Service]\nType=oneshot\n{setting}=blocked/sub\nExecStart=/bin/true\n"),
        );
        let started = m.systemctl(&["start", unit]);
        assert_ne!(started.code, 0, "{unit} started");
        assert_eq!(m.prop(unit, "ExecMainStatus"), &status[..3]);
        assert_eq!(m.prop(unit, "Result"), "exit-code");
        let log = journal(&m, unit);
        let lines = [
            format!("Starting {unit}..."),
            format!(
                "Failed to set up special execution directory in {}: Failed to create directory {}/blocked",
                root.display(),
                root.display()
            ),
            format!("Failed at step {} spawning /bin/true", &status[4..]),
            format!("Main process exited, code=exited, status={status}"),
        ];
        // In this order, each line found after the previous one.
        let mut rest = log.as_str();
        for want in &lines {
            let at = rest
                .find(want.as_str())
                .unwrap_or_else(|| panic!("{unit}: no {want:?} (in order) in\n{log}"));
            rest = &rest[at + want.len()..];
        }
    }
}

/// ReadOnlyPaths=, ReadWritePaths= below it, InaccessiblePaths= (a directory and a file), and
/// missing `-` paths skipped — in the service's mount namespace, for root's manager and an
/// ordinary user's; the real files stay as they were.
#[test]
fn read_only_and_inaccessible_paths_are_applied() {
    let mut whos = vec!["root"];
    if rustix::process::geteuid().is_root() {
        whos.push("nobody");
    }
    for who in whos {
        let mut m = Manager::new(BIN);
        let home = m.home();
        std::fs::create_dir_all(home.join("ro/rw")).unwrap();
        std::fs::create_dir_all(home.join("secret")).unwrap();
        std::fs::write(home.join("secret/inside"), "x").unwrap();
        std::fs::write(home.join("secret.txt"), "content").unwrap();
        if who == "root" {
            m.start();
        } else {
            m.start_as("nobody", "nogroup");
        }
        let h = home.display();
        m.write_unit(
            "paths.service",
            &format!(
                "[Service]\nType=oneshot\nReadOnlyPaths={h}/ro -/nonexistent/linger-ro\n\
                 ReadWritePaths={h}/ro/rw\n\
                 InaccessiblePaths={h}/secret {h}/secret.txt -/nonexistent/linger-hidden\n\
                 ExecStart=/bin/sh -c '\
                 touch {h}/ro/x 2>/dev/null && echo ro-writable || echo ro-read-only; \
                 touch {h}/ro/rw/x && echo rw-writable; \
                 echo secret=$$(ls -A {h}/secret 2>/dev/null | wc -l); \
                 grep -q content {h}/secret.txt 2>/dev/null && echo file-seen || echo file-hidden'\n"
            ),
        );
        let started = m.systemctl(&["start", "paths.service"]);
        let out = journal(&m, "paths.service");
        assert_eq!(started.code, 0, "{who}: {out}\n{}", m.manager_log());
        for want in ["ro-read-only", "rw-writable", "secret=0", "file-hidden"] {
            assert!(
                out.lines().any(|l| l == want),
                "{who}: no {want:?} in\n{out}"
            );
        }
        assert!(home.join("ro/rw/x").exists() && !home.join("ro/x").exists());
        assert!(home.join("secret/inside").exists());
        assert_eq!(
            std::fs::read_to_string(home.join("secret.txt")).unwrap(),
            "content"
        );
    }
}

/// A manager of the caller's own (named "root": the tests run as root in CI) and, when the
/// caller is root, one running as `nobody` — the two ways a sandbox is set up.
fn root_and_nobody_managers() -> Vec<(&'static str, Manager)> {
    let mut managers = vec![("root", {
        let mut m = Manager::new(BIN);
        m.start();
        m
    })];
    if rustix::process::geteuid().is_root() {
        let mut m = Manager::new(BIN);
        m.start_as("nobody", "nogroup");
        managers.push(("nobody", m));
    }
    managers
}

/// `ProtectKernelTunables=` (systemd 252's table: /proc/sys & co. and /sys read-only,
/// /proc/kallsyms and /proc/kcore covered) and `ProtectControlGroups=` (/sys/fs/cgroup
/// read-only) are applied under root's and an ordinary user's manager, as the mounts the
/// service sees say; Debian's mpd.service sets both.
#[test]
fn kernel_tunables_and_control_groups_are_read_only() {
    for (who, m) in root_and_nobody_managers() {
        let probe = m.home().join("probe.sh");
        std::fs::write(
            &probe,
            "#!/bin/sh\nfor m in /proc/sys /sys /sys/fs/cgroup; do\n\
             awk -v m=\"$m\" '$5==m {split($6,o,\",\"); print m, o[1]}' /proc/self/mountinfo | tail -1\n\
             done\n\
             echo x > /proc/sys/kernel/hostname 2>/dev/null && echo sysctl-writable || echo sysctl-refused\n",
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o755)).unwrap();
        for (unit, settings) in [
            (
                "both.service",
                "ProtectKernelTunables=yes\nProtectControlGroups=yes\n",
            ),
            ("tunables.service", "ProtectKernelTunables=yes\n"),
        ] {
            m.write_unit(
                unit,
                &format!(
                    "[Service]\nType=oneshot\n{settings}ExecStart={}\n",
                    probe.display()
                ),
            );
            let started = m.systemctl(&["start", unit]);
            let out = journal(&m, unit);
            assert_eq!(started.code, 0, "{who} {unit}: {out}\n{}", m.manager_log());
            let cgroup = if unit == "both.service" { "ro" } else { "rw" };
            for want in [
                "/proc/sys ro".to_string(),
                "/sys ro".to_string(),
                format!("/sys/fs/cgroup {cgroup}"),
                "sysctl-refused".to_string(),
            ] {
                if want.starts_with("/sys/fs/cgroup")
                    && !std::path::Path::new("/sys/fs/cgroup").is_dir()
                {
                    continue;
                }
                assert!(
                    out.lines().any(|l| l == want),
                    "{who} {unit}: no {want:?} in\n{out}"
                );
            }
            assert_eq!(m.prop(unit, "ProtectKernelTunables"), "yes");
        }
        assert_eq!(m.prop("both.service", "ProtectControlGroups"), "yes");
        assert_eq!(m.prop("tunables.service", "ProtectControlGroups"), "no");
    }
}

/// `CapabilityBoundingSet=` (lists merged as systemd.exec(5) says) and `ProtectKernelModules=`
/// (`CAP_SYS_MODULE` out of the bounding set, the module calls refused with EPERM, the modules'
/// directory hidden) are applied under root's manager and under an ordinary user's — there
/// in a user namespace of the service's own, as systemd --user does; `show` says what was
/// asked, and nothing is logged as not applied.
#[test]
fn capability_bounding_set_and_protect_kernel_modules_are_applied() {
    if !have_python() {
        return;
    }
    const CAPS: &str = r#"
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
bnd = [l.split()[1] for l in open("/proc/self/status") if l.startswith("CapBnd:")][0]
ctypes.set_errno(0)
libc.syscall(176, b"linger_no_such_module", 0)  # delete_module
print("CapBnd", bnd, "delete_module", ctypes.get_errno())
"#;
    for (who, m) in root_and_nobody_managers() {
        let script = m.home().join("caps.py");
        std::fs::write(&script, CAPS).unwrap();
        for (unit, settings) in [
            (
                "caps.service",
                "CapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_SYS_MODULE\n\
                 CapabilityBoundingSet=cap_chown\nCapabilityBoundingSet=~CAP_NET_RAW\n\
                 ProtectKernelModules=yes\n",
            ),
            ("plain.service", ""),
        ] {
            m.write_unit(
                unit,
                &format!(
                    "[Service]\nType=oneshot\n{settings}ExecStart=/usr/bin/python3 {}\n",
                    script.display()
                ),
            );
            let started = m.systemctl(&["start", unit]);
            let out = journal(&m, unit);
            assert_eq!(started.code, 0, "{who} {unit}: {out}\n{}", m.manager_log());
            assert!(!out.contains("not supported"), "{who} {unit}: {out}");
            let line = out
                .lines()
                .find(|l| l.starts_with("CapBnd "))
                .unwrap_or_else(|| panic!("{who} {unit}: no probe output in {out}"));
            let w: Vec<&str> = line.split_whitespace().collect();
            let bounding = u64::from_str_radix(w[1], 16).unwrap();
            let errno: i32 = w[3].parse().unwrap();
            if unit == "caps.service" {
                // CAP_CHOWN and CAP_NET_BIND_SERVICE; CAP_SYS_MODULE taken out again.
                assert_eq!(bounding, 1 | 1 << 10, "{who}: {line}");
                assert_eq!(errno, 1, "{who}: delete_module refused with EPERM: {line}");
                assert_eq!(
                    m.prop(unit, "CapabilityBoundingSet"),
                    "cap_chown cap_net_bind_service"
                );
                assert_eq!(m.prop(unit, "ProtectKernelModules"), "yes");
            } else {
                assert!(bounding & (1 << 16) != 0, "{who}: untouched: {line}");
                assert_eq!(m.prop(unit, "ProtectKernelModules"), "no");
                if who == "root" && rustix::process::geteuid().is_root() {
                    // Without the filter root is told there is no such module (ENOENT), or
                    // that the kernel has no modules (ENOSYS) — not EPERM.
                    assert_ne!(errno, 1, "{who}: {line}");
                }
            }
        }
    }
}

/// Tries what `PrivateNetwork=`, `PrivateIPC=`, `ProtectHostname=`, `PrivateDevices=`,
/// `ProtectClock=`, `ProtectKernelLogs=` and `RestrictSUIDSGID=` forbid and prints, as one
/// JSON line, the errno of each attempt (0: allowed) and what the service sees.
const NAMESPACE_PROBE: &str = r#"
import ctypes, json, os, socket, stat, sys
libc = ctypes.CDLL(None, use_errno=True)
port, key = int(sys.argv[1]), int(sys.argv[2])
out = {}
def attempt(name, f):
    ctypes.set_errno(0)
    try:
        r = f()
        out[name] = ctypes.get_errno() if r == -1 else 0
    except OSError as e:
        out[name] = e.errno
def connect():
    socket.create_connection(("127.0.0.1", port), timeout=10).close()
attempt("connect_host", connect)
def loopback():
    a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    a.bind(("127.0.0.1", 0))
    a.settimeout(10)
    a.sendto(b"x", a.getsockname())
    a.recv(1)
    a.close()
attempt("loopback", loopback)
out["interfaces"] = sorted(n for _, n in socket.if_nameindex())
attempt("shmget", lambda: libc.shmget(key, 0, 0))
name = socket.gethostname().encode()
attempt("sethostname", lambda: libc.sethostname(name, len(name)))
out["dev"] = sorted(os.listdir("/dev"))
attempt("dev_null", lambda: open("/dev/null", "w").write("x"))
attempt("dev_create", lambda: open("/dev/linger-probe", "w").close())
shm = "/dev/shm/linger-probe-%d" % os.getpid()
attempt("dev_shm", lambda: (open(shm, "w").close(), os.unlink(shm)))
attempt("iopl", lambda: libc.iopl(0))
timex = ctypes.create_string_buffer(512)
attempt("adjtimex", lambda: libc.adjtimex(timex))
attempt("syslog", lambda: libc.klogctl(10, None, 0))
out["dev_kmsg_is_device"] = os.path.exists("/dev/kmsg") and stat.S_ISCHR(os.stat("/dev/kmsg").st_mode)
out["proc_kmsg_mode"] = os.stat("/proc/kmsg").st_mode & 0o7777
f = os.path.join(os.environ["STATE_DIRECTORY"], "suid")
open(f, "w").close()
attempt("chmod_suid", lambda: os.chmod(f, 0o4755))
attempt("chmod_plain", lambda: os.chmod(f, 0o755))
g = os.path.join(os.environ["STATE_DIRECTORY"], "sgid-%d" % os.getpid())
attempt("create_sgid", lambda: os.close(os.open(g, os.O_CREAT | os.O_WRONLY, 0o2755)))
for ns in ["net", "ipc", "uts"]:
    out["ns_" + ns] = os.readlink("/proc/self/ns/" + ns)
status = dict(l.split(":", 1) for l in open("/proc/self/status"))
for k in ["Seccomp_filters", "NoNewPrivs", "CapBnd"]:
    out[k] = status[k].strip()
print("PROBE " + json.dumps(out))
"#;

/// A SysV shared-memory segment of the test's own (key, id), removed when dropped: what a
/// service in its own IPC namespace cannot see.
struct Segment(i32);

impl Segment {
    fn new(key: i32) -> Segment {
        let out = std::process::Command::new("python3")
            .arg("-c")
            .arg(format!(
                "import ctypes; print(ctypes.CDLL(None).shmget({key}, 4096, 0o1666))"
            ))
            .output()
            .expect("python3");
        let id: i32 = String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("id");
        assert!(id >= 0, "shmget failed");
        Segment(id)
    }
}

impl Drop for Segment {
    fn drop(&mut self) {
        let _ = std::process::Command::new("python3")
            .arg("-c")
            .arg(format!(
                "import ctypes; ctypes.CDLL(None).shmctl({}, 0, None)",
                self.0
            ))
            .status();
    }
}

/// `PrivateNetwork=`, `PrivateIPC=`, `ProtectHostname=`, `PrivateDevices=`, `ProtectClock=`,
/// `ProtectKernelLogs=` and `RestrictSUIDSGID=` (issue 12), applied under root's manager and
/// an ordinary user's — there inside a user namespace of the service's own, as systemd --user
/// does: each forbidden attempt fails where the same probe without the settings succeeds
/// (where an ordinary user may do it at all), the system call parts and every other seccomp
/// setting of the unit are one program, and nothing is logged as not applied.
#[test]
fn namespace_device_clock_log_and_suid_settings_are_enforced() {
    if !have_python() {
        return;
    }
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("listen");
    let port = listener.local_addr().unwrap().port();
    let key = 0x4c49_0000 | (std::process::id() as i32 & 0xffff);
    let _segment = Segment::new(key);
    let own_ns = |ns: &str| {
        std::fs::read_link(format!("/proc/self/ns/{ns}"))
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    let everything = "PrivateNetwork=yes\nPrivateIPC=yes\nProtectHostname=yes\n\
                      PrivateDevices=yes\nProtectClock=yes\nProtectKernelLogs=yes\n\
                      RestrictSUIDSGID=yes\nRestrictAddressFamilies=AF_UNIX AF_INET AF_NETLINK\n\
                      LockPersonality=yes\nSystemCallFilter=~@swap\n";
    for (who, m) in root_and_nobody_managers() {
        let root = who == "root" && rustix::process::geteuid().is_root();
        let script = m.home().join("ns-probe.py");
        std::fs::write(&script, NAMESPACE_PROBE).unwrap();
        let mut seen = std::collections::HashMap::new();
        for (unit, settings) in [
            ("plain.service", ""),
            ("everything.service", everything),
            ("logs.service", "ProtectKernelLogs=yes\n"),
        ] {
            let name = unit.trim_end_matches(".service");
            m.write_unit(
                unit,
                &format!(
                    "[Service]\nType=oneshot\nStateDirectory=probe-{name}\n{settings}\
                     ExecStart=/usr/bin/python3 {} {port} {key}\n",
                    script.display()
                ),
            );
            let started = m.systemctl(&["start", unit]);
            let out = journal(&m, unit);
            assert_eq!(started.code, 0, "{who} {unit}: {out}\n{}", m.manager_log());
            assert!(!out.contains("not supported"), "{who} {unit}: {out}");
            assert!(!out.contains("applied only in part"), "{who} {unit}: {out}");
            let line = out
                .lines()
                .find_map(|l| l.strip_prefix("PROBE "))
                .unwrap_or_else(|| panic!("{who} {unit}: no probe output in {out}"));
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            seen.insert(unit, v);
        }
        let (plain, all, logs) = (
            &seen["plain.service"],
            &seen["everything.service"],
            &seen["logs.service"],
        );
        let ctx = |v: &serde_json::Value| format!("{who}: {v}");
        // Without the settings: allowed (what an ordinary user may do at all).
        for k in [
            "connect_host",
            "loopback",
            "shmget",
            "dev_null",
            "dev_shm",
            "adjtimex",
            "chmod_suid",
            "chmod_plain",
            "create_sgid",
        ] {
            assert_eq!(plain[k], 0, "{k} {}", ctx(plain));
        }
        // iopl(0) needs no privilege; a kernel without I/O port support says ENOSYS.
        assert_ne!(plain["iopl"], 1, "{}", ctx(plain));
        if root {
            assert_eq!(plain["sethostname"], 0, "{}", ctx(plain));
            assert_eq!(plain["syslog"], 0, "{}", ctx(plain));
        }
        assert!(plain["dev"].as_array().unwrap().contains(&"kmsg".into()));
        assert_eq!(plain["dev_kmsg_is_device"], true);
        assert_eq!(plain["proc_kmsg_mode"], 0o400);
        for ns in ["net", "ipc", "uts"] {
            assert_eq!(plain[format!("ns_{ns}")], own_ns(ns), "{}", ctx(plain));
        }
        // PrivateNetwork=: only lo, up; the host's 127.0.0.1 is not this one.
        assert_eq!(all["interfaces"], serde_json::json!(["lo"]), "{}", ctx(all));
        assert_eq!(all["loopback"], 0, "lo is up: {}", ctx(all));
        assert_eq!(all["connect_host"], 111, "ECONNREFUSED: {}", ctx(all));
        // PrivateIPC=: the test's segment does not exist there.
        assert_eq!(all["shmget"], 2, "ENOENT: {}", ctx(all));
        // ProtectHostname=: a UTS namespace of its own, and sethostname refused in it.
        assert_eq!(all["sethostname"], 1, "EPERM: {}", ctx(all));
        for ns in ["net", "ipc", "uts"] {
            assert_ne!(all[format!("ns_{ns}")], own_ns(ns), "{}", ctx(all));
        }
        // PrivateDevices=: the pseudo devices only, /dev read-only, /dev/shm writable,
        // @raw-io refused.
        let dev: Vec<&str> = all["dev"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap())
            .collect();
        for d in [
            "null", "zero", "full", "random", "urandom", "tty", "pts", "shm", "fd",
        ] {
            assert!(dev.contains(&d), "{d}: {}", ctx(all));
        }
        for d in ["kmsg", "vda", "sda", "mem", "kvm", "loop0", "console"] {
            assert!(!dev.contains(&d), "{d}: {}", ctx(all));
        }
        assert_eq!(all["dev_null"], 0, "{}", ctx(all));
        assert_eq!(all["dev_create"], 30, "EROFS: {}", ctx(all));
        assert_eq!(all["dev_shm"], 0, "{}", ctx(all));
        assert_eq!(all["iopl"], 1, "EPERM: {}", ctx(all));
        // ProtectClock=: even reading the clock's state through adjtimex is refused.
        assert_eq!(all["adjtimex"], 1, "EPERM: {}", ctx(all));
        // ProtectKernelLogs=: syslog(2) refused, /proc/kmsg and /dev/kmsg covered.
        for v in [all, logs] {
            assert_eq!(v["syslog"], 1, "EPERM: {}", ctx(v));
            assert_eq!(v["proc_kmsg_mode"], 0, "{}", ctx(v));
            assert_eq!(v["dev_kmsg_is_device"], false, "{}", ctx(v));
        }
        // RestrictSUIDSGID=: no set-user-ID or set-group-ID bit, other modes as before.
        assert_eq!(all["chmod_suid"], 1, "EPERM: {}", ctx(all));
        assert_eq!(all["create_sgid"], 1, "EPERM: {}", ctx(all));
        assert_eq!(all["chmod_plain"], 0, "{}", ctx(all));
        // The capabilities systemd takes out for them: CAP_SYS_RAWIO, CAP_SYS_TIME,
        // CAP_MKNOD, CAP_SYSLOG, CAP_WAKE_ALARM.
        let bounding = u64::from_str_radix(all["CapBnd"].as_str().unwrap(), 16).unwrap();
        let dropped = [17, 25, 27, 34, 35].iter().fold(0u64, |m, b| m | 1 << b);
        assert_eq!(bounding & dropped, 0, "{}", ctx(all));
        // One seccomp program for all of it, and no_new_privs implied.
        assert_eq!(all["Seccomp_filters"], "1", "{}", ctx(all));
        assert_eq!(all["NoNewPrivs"], "1", "{}", ctx(all));
        assert_eq!(plain["Seccomp_filters"], "0", "{}", ctx(plain));
        for (prop, want) in [
            ("PrivateNetwork", "yes"),
            ("PrivateIPC", "yes"),
            ("ProtectHostname", "yes"),
            ("PrivateDevices", "yes"),
            ("ProtectClock", "yes"),
            ("ProtectKernelLogs", "yes"),
            ("RestrictSUIDSGID", "yes"),
        ] {
            assert_eq!(m.prop("everything.service", prop), want, "{who} {prop}");
            assert_eq!(m.prop("plain.service", prop), "no", "{who} {prop}");
        }
    }
    drop(listener);
}

/// `Priority=` of a socket unit sets `SO_PRIORITY` on its socket (what the activated service
/// receives), and `show` says it (`-1`, systemd's "unset", without it).
#[test]
fn socket_priority_is_set_on_the_listening_socket() {
    if !have_python() {
        return;
    }
    let mut m = Manager::new(BIN);
    m.start();
    for (name, setting) in [("prio", "Priority=5\n"), ("plain", "")] {
        m.write_unit(
            &format!("{name}.socket"),
            &format!("[Socket]\nListenStream=%t/{name}.sock\n{setting}"),
        );
        m.write_unit(
            &format!("{name}.service"),
            "[Service]\nType=oneshot\nExecStart=/usr/bin/python3 -c \"import socket; \
             print('SO_PRIORITY', socket.socket(fileno=3).getsockopt(socket.SOL_SOCKET, 12))\"\n",
        );
    }
    m.systemctl(&["daemon-reload"]).expect_code(0);
    for (name, want) in [("prio", "5"), ("plain", "0")] {
        m.systemctl(&["start", &format!("{name}.socket")])
            .expect_code(0);
        let unit = format!("{name}.service");
        let started = m.systemctl(&["start", &unit]);
        let out = journal(&m, &unit);
        assert_eq!(started.code, 0, "{unit}: {out}\n{}", m.manager_log());
        assert!(
            out.lines().any(|l| l == format!("SO_PRIORITY {want}")),
            "{unit}: {out}"
        );
    }
    assert_eq!(m.prop("prio.socket", "Priority"), "5");
    assert_eq!(m.prop("plain.socket", "Priority"), "-1");
}
