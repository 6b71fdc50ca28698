//! User units as Debian's packages ship them, run unchanged under `linger daemon --user` and
//! probed with their real clients (issue 12). Each test skips (saying so) where the package is
//! not installed; .ci/run installs them.
#![allow(clippy::print_stderr)]

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

/// Copy a packaged user unit into the test manager's unit directory, unchanged.
fn copy_debian_unit(m: &Manager, name: &str) -> bool {
    match std::fs::read_to_string(Path::new("/usr/lib/systemd/user").join(name)) {
        Ok(text) => {
            m.write_unit(name, &text);
            true
        }
        Err(_) => false,
    }
}

/// One command on mpd's protocol: the greeting, then the reply lines up to `OK`/`ACK`.
fn mpd_command(socket: &Path, command: &str) -> std::io::Result<(String, Vec<String>)> {
    let stream = UnixStream::connect(socket)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut greeting = String::new();
    reader.read_line(&mut greeting)?;
    (&stream).write_all(format!("{command}\n").as_bytes())?;
    let mut lines = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            break;
        }
        let line = line.trim_end().to_string();
        let last = line == "OK" || line.starts_with("ACK");
        lines.push(line);
        if last {
            break;
        }
    }
    Ok((greeting.trim_end().to_string(), lines))
}

/// Debian's mpd.service (Type=notify, LimitRTPRIO=40, LimitMEMLOCK=64M, NoNewPrivileges=,
/// RestrictAddressFamilies=, RestrictNamespaces=, ProtectSystem=) starts unchanged, reports
/// ready, and answers mpd's protocol (and `mpc`) on its socket with the limits and hardening
/// applied. (Its mpd.socket also listens on port 6600 on every interface, which a test may
/// not do: the service is started directly, listening on a socket in the runtime directory.)
#[test]
fn debians_mpd_service_runs_unchanged_and_answers_its_protocol() {
    if !Path::new("/usr/bin/mpd").exists() {
        eprintln!("skipped: mpd is not installed");
        return;
    }
    let mut m = Manager::new(BIN);
    m.start();
    if !copy_debian_unit(&m, "mpd.service") {
        eprintln!("skipped: /usr/lib/systemd/user/mpd.service is not installed");
        return;
    }
    let data = m.home().join("mpd");
    std::fs::create_dir_all(data.join("music")).unwrap();
    let socket = m.runtime().join("mpd.sock");
    let config = m.home().join(".config/mpd");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("mpd.conf"),
        format!(
            "music_directory \"{d}/music\"\n\
             db_file \"{d}/database\"\n\
             state_file \"{d}/state\"\n\
             bind_to_address \"{s}\"\n\
             audio_output {{\n  type \"null\"\n  name \"none\"\n}}\n",
            d = data.display(),
            s = socket.display()
        ),
    )
    .unwrap();
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "mpd.service"]).expect_code(0);
    // Type=notify: the start returned once mpd said READY=1, so its socket answers now.
    assert_eq!(m.prop("mpd.service", "ActiveState"), "active");
    let (greeting, status) = mpd_command(&socket, "status").unwrap_or_else(|e| {
        panic!(
            "mpd does not answer on {}: {e}\n{}",
            socket.display(),
            m.manager_log()
        )
    });
    assert!(greeting.starts_with("OK MPD "), "{greeting}");
    assert!(status.iter().any(|l| l == "state: stop"), "{status:?}");
    assert_eq!(status.last().map(String::as_str), Some("OK"));

    if Path::new("/usr/bin/mpc").exists() {
        let out = std::process::Command::new("mpc")
            .args(["--host", &socket.to_string_lossy(), "version"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && text.starts_with("mpd version: "),
            "{text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    let pid = m.main_pid("mpd.service");
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    assert!(status.lines().any(|l| l == "NoNewPrivs:\t1"), "{status}");
    assert!(status.lines().any(|l| l == "Seccomp:\t2"), "{status}");
    // Every setting of the unit is applied: none is reported as ignored.
    let shown = m.systemctl(&["status", "mpd.service"]).stdout;
    assert!(!shown.contains("not supported"), "{shown}");
    let mounts = std::fs::read_to_string(format!("/proc/{pid}/mountinfo")).unwrap();
    assert!(
        mounts
            .lines()
            .any(|l| l.split(' ').nth(4) == Some("/proc/sys")
                && l.split(' ').nth(5).is_some_and(|o| o.starts_with("ro"))),
        "ProtectKernelTunables=: /proc/sys read-only\n{mounts}"
    );
    m.systemctl(&["stop", "mpd.service"]).expect_code(0);
    assert_eq!(m.prop("mpd.service", "ActiveState"), "inactive");
    m.shutdown();
}

/// A manager running as `nobody` (Debian's pipewire units say `ConditionUser=!root`).
fn manager_as_nobody() -> Option<Manager> {
    if !rustix::process::geteuid().is_root() {
        eprintln!("skipped: needs root to run a manager as nobody");
        return None;
    }
    let mut m = Manager::new(BIN);
    m.start_as("nobody", "nogroup");
    Some(m)
}

/// `pw-cli`'s view of the PipeWire server behind `runtime`: the client names connected to it.
fn pipewire_clients(m: &Manager) -> Result<String, String> {
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"])
        .args(["pw-cli", "ls", "Client"])
        .env_clear()
        .env("XDG_RUNTIME_DIR", m.runtime())
        .env("HOME", m.home())
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// Debian's pipewire.socket, pipewire.service and wireplumber.service (BindsTo=pipewire,
/// WantedBy=pipewire; seccomp allow-list, MemoryDenyWriteExecute=, …) run unchanged as an
/// ordinary user: a client socket-activates PipeWire, WirePlumber comes up with it and
/// connects, and `systemctl restart pipewire.service` brings WirePlumber back with it (issue
/// 12 item 3: it used to stay stopped).
#[test]
fn debians_pipewire_and_wireplumber_run_unchanged_and_restart_together() {
    if ![
        "/usr/bin/pipewire",
        "/usr/bin/wireplumber",
        "/usr/bin/pw-cli",
        "/usr/bin/dbus-daemon",
    ]
    .iter()
    .all(|p| Path::new(p).exists())
    {
        eprintln!("skipped: pipewire, wireplumber, pw-cli or dbus-daemon is not installed");
        return;
    }
    let Some(mut m) = manager_as_nobody() else {
        return;
    };
    for unit in [
        "pipewire.socket",
        "pipewire.service",
        "wireplumber.service",
        "dbus.socket",
        "dbus.service",
    ] {
        if !copy_debian_unit(&m, unit) {
            eprintln!("skipped: /usr/lib/systemd/user/{unit} is not installed");
            return;
        }
    }
    m.systemctl(&["daemon-reload"]).expect_code(0);
    // As Debian's postinst does for every user: WantedBy=pipewire.service.
    m.systemctl(&["enable", "wireplumber.service"])
        .expect_code(0);
    // WirePlumber needs the session bus (Debian's dbus-user-session units). What dbus.socket's
    // ExecStartPost= would tell the manager is said here directly.
    m.systemctl(&["start", "dbus.socket"]).expect_code(0);
    let bus = format!(
        "DBUS_SESSION_BUS_ADDRESS=unix:path={}",
        m.runtime().join("bus").display()
    );
    m.systemctl(&["set-environment", &bus]).expect_code(0);
    m.systemctl(&["start", "pipewire.socket"]).expect_code(0);
    // The first client activates PipeWire through its socket.
    let first =
        pipewire_clients(&m).unwrap_or_else(|e| panic!("pw-cli failed: {e}\n{}", m.manager_log()));
    assert!(first.contains("Client"), "{first}");
    assert_eq!(m.prop("pipewire.service", "ActiveState"), "active");
    let wireplumber_connected = |m: &Manager| {
        m.prop("wireplumber.service", "ActiveState") == "active"
            && pipewire_clients(m).is_ok_and(|c| c.contains("WirePlumber"))
    };
    m.wait_for("WirePlumber connected to PipeWire", wireplumber_connected);
    assert_eq!(m.prop("wireplumber.service", "NRestarts"), "0");
    let (pw, wp) = (
        m.main_pid("pipewire.service"),
        m.main_pid("wireplumber.service"),
    );

    m.systemctl(&["restart", "pipewire.service"]).expect_code(0);
    let back = |m: &Manager| {
        m.main_pid("pipewire.service") != pw
            && m.main_pid("wireplumber.service") != wp
            && wireplumber_connected(m)
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while !back(&m) {
        assert!(
            std::time::Instant::now() < deadline,
            "WirePlumber is not back with the new PipeWire (pids were {pw}, {wp}):\n{}\n{}",
            m.systemctl(&["status", "pipewire.service", "wireplumber.service"])
                .stdout,
            m.linger(&["journal", "-n", "40"]).stdout
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = std::fs::read_to_string(format!(
        "/proc/{}/status",
        m.main_pid("wireplumber.service")
    ))
    .unwrap();
    assert!(status.lines().any(|l| l == "Seccomp:\t2"), "{status}");
    m.shutdown();
}

/// mpd's configuration for socket activation: no bind_to_address (mpd takes the sockets
/// systemd-style), a null output.
fn mpd_config(home: &Path) -> String {
    format!(
        "music_directory \"{d}/music\"\n\
         db_file \"{d}/database\"\n\
         state_file \"{d}/state\"\n\
         audio_output {{\n  type \"null\"\n  name \"none\"\n}}\n",
        d = home.join("mpd").display()
    )
}

/// Debian's mpd.socket + mpd.service unchanged, under a manager running as an ordinary user.
/// mpd.socket listens on `%t/mpd/socket` and on port 6600 of every interface; as a user who
/// wants it local only would, the test resets `ListenStream=` in a drop-in
/// (`mpd.socket.d/local.conf`) and lists the runtime socket and 127.0.0.1:PORT. The first
/// client activates mpd, which takes both sockets (`mpd --systemd`) and answers `mpc` on each.
#[test]
fn debians_mpd_socket_activates_mpd_as_an_ordinary_user() {
    if !["/usr/bin/mpd", "/usr/bin/mpc"]
        .iter()
        .all(|p| Path::new(p).exists())
    {
        eprintln!("skipped: mpd or mpc is not installed");
        return;
    }
    let Some(mut m) = manager_as_nobody() else {
        return;
    };
    for unit in ["mpd.socket", "mpd.service"] {
        if !copy_debian_unit(&m, unit) {
            eprintln!("skipped: /usr/lib/systemd/user/{unit} is not installed");
            return;
        }
    }
    let port = linger_test_support::free_port();
    m.write_unit(
        "mpd.socket.d/local.conf",
        &format!(
            "[Socket]\nListenStream=\nListenStream=%t/mpd/socket\nListenStream=127.0.0.1:{port}\n"
        ),
    );
    let config = m.home().join(".config/mpd/mpd.conf");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::create_dir_all(m.home().join("mpd/music")).unwrap();
    std::fs::write(&config, mpd_config(&m.home())).unwrap();
    let chown = std::process::Command::new("chown")
        .args(["-R", "nobody:nogroup"])
        .arg(m.home())
        .status()
        .unwrap();
    assert!(chown.success());
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "mpd.socket"]).expect_code(0);
    let unix = m.runtime().join("mpd/socket");
    assert_eq!(
        m.prop("mpd.socket", "Listen"),
        format!("{} (Stream)\n127.0.0.1:{port} (Stream)", unix.display())
    );
    assert_eq!(m.prop("mpd.service", "ActiveState"), "inactive");

    let mpc = |host: &str, args: &[&str]| {
        let out = std::process::Command::new("setpriv")
            .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"])
            .args(["mpc", "--host", host, "--port", &port.to_string()])
            .args(args)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .output()
            .unwrap();
        (
            out.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    };
    // The TCP socket activates mpd.
    let (ok, text) = mpc("127.0.0.1", &["version"]);
    assert!(
        ok && text.starts_with("mpd version: "),
        "{text}\n{}",
        m.linger(&["journal", "-n", "40"]).stdout
    );
    assert_eq!(m.prop("mpd.service", "ActiveState"), "active");
    let pid = m.main_pid("mpd.service");
    // The same mpd answers on the runtime socket.
    let (greeting, status) = mpd_command(&unix, "status").unwrap();
    assert!(greeting.starts_with("OK MPD "), "{greeting}");
    assert!(status.iter().any(|l| l == "state: stop"), "{status:?}");
    let (ok, text) = mpc(&unix.to_string_lossy(), &["status"]);
    assert!(ok && text.contains("volume:"), "{text}");
    assert_eq!(m.main_pid("mpd.service"), pid);
    let proc_status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    assert!(
        proc_status.lines().any(|l| l == "NoNewPrivs:\t1"),
        "{proc_status}"
    );
    assert!(
        proc_status.lines().any(|l| l == "Seccomp:\t2"),
        "{proc_status}"
    );
    // Run as nobody, nothing above the hard limit is granted: named in the journal.
    let journal = m.linger(&["journal", "-u", "mpd.service"]).stdout;
    assert!(
        journal.contains("LimitRTPRIO=40:40 is above the hard limit"),
        "{journal}"
    );
    m.systemctl(&["stop", "mpd.service", "mpd.socket"])
        .expect_code(0);
    // Nobody listens any more (the file stays: RemoveOnStop= defaults to no, as in systemd).
    assert!(UnixStream::connect(&unix).is_err());
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err());
    m.shutdown();
}

/// Debian's pipewire-pulse.socket/.service (ConditionUser=!root, seccomp allow-list,
/// Wants=pipewire wireplumber) unchanged as an ordinary user: `pactl info` on
/// `%t/pulse/native` activates the PulseAudio server of PipeWire, which pulls PipeWire and
/// WirePlumber in.
#[test]
fn debians_pipewire_pulse_answers_pactl() {
    let programs = [
        "/usr/bin/pipewire",
        "/usr/bin/pipewire-pulse",
        "/usr/bin/wireplumber",
        "/usr/bin/pactl",
        "/usr/bin/dbus-daemon",
    ];
    if !programs.iter().all(|p| Path::new(p).exists()) {
        eprintln!("skipped: one of {programs:?} is not installed");
        return;
    }
    let Some(mut m) = manager_as_nobody() else {
        return;
    };
    for unit in [
        "pipewire.socket",
        "pipewire.service",
        "pipewire-pulse.socket",
        "pipewire-pulse.service",
        "wireplumber.service",
        "dbus.socket",
        "dbus.service",
    ] {
        if !copy_debian_unit(&m, unit) {
            eprintln!("skipped: /usr/lib/systemd/user/{unit} is not installed");
            return;
        }
    }
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&[
        "start",
        "dbus.socket",
        "pipewire.socket",
        "pipewire-pulse.socket",
    ])
    .expect_code(0);
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"])
        .args(["pactl", "info"])
        .env_clear()
        .env("XDG_RUNTIME_DIR", m.runtime())
        .env("HOME", m.home())
        .env("PATH", "/usr/bin:/bin")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("Server Name: PulseAudio (on PipeWire "),
        "{text}{}\n{}",
        String::from_utf8_lossy(&out.stderr),
        m.linger(&["journal", "-n", "60"]).stdout
    );
    assert!(
        text.contains(&format!(
            "Server String: {}",
            m.runtime().join("pulse/native").display()
        )),
        "{text}"
    );
    for unit in [
        "pipewire-pulse.service",
        "pipewire.service",
        "wireplumber.service",
    ] {
        m.wait_for(&format!("{unit} active"), |m| {
            m.prop(unit, "ActiveState") == "active"
        });
    }
    let pid = m.main_pid("pipewire-pulse.service");
    let proc_status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    assert!(
        proc_status.lines().any(|l| l == "Seccomp:\t2"),
        "{proc_status}"
    );
    m.shutdown();
}
