//! A real `ssh` login to a private `sshd` on 127.0.0.1 (a free port, temp host key, temp
//! authorized_keys) whose PAM session stack holds the built `pam_linger.so`, against the real
//! login daemon. sshd names its PAM service after the program (`__progname`): it is started
//! through a link `sshd-linger-e2e-PID`, so its stack is our `/etc/pam.d/sshd-linger-e2e-PID`
//! and the machine's `/etc/pam.d/sshd` is never read or changed. Root only.
#![allow(clippy::print_stderr, clippy::print_stdout)]

mod common;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::real::{Login, PamService, Run, kill_pids, real_or_skip};
use common::{TestCgroup, TestUser, alive, wait_until};

const SECS: Duration = Duration::from_secs(10);

/// sshd's privilege separation directory, made for the test if the package left none.
struct PrivsepDir(bool);

impl PrivsepDir {
    fn ensure() -> PrivsepDir {
        let p = Path::new("/run/sshd");
        let made = !p.exists() && std::fs::create_dir(p).is_ok();
        PrivsepDir(made)
    }
}

impl Drop for PrivsepDir {
    fn drop(&mut self) {
        if self.0 {
            let _ = std::fs::remove_dir("/run/sshd");
        }
    }
}

/// The private sshd, stopped by pid on drop.
struct Sshd {
    child: Child,
    log: PathBuf,
}

impl Sshd {
    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        if let Some(pid) = rustix::process::Pid::from_raw(self.child.id() as i32) {
            let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
        }
        let _ = self.child.wait();
    }
}

fn keygen(path: &Path) {
    let st = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .status()
        .unwrap();
    assert!(st.success(), "ssh-keygen {}", path.display());
}

fn start_sshd(dir: &Path, service: &str) -> Sshd {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    keygen(&dir.join("hostkey"));
    keygen(&dir.join("userkey"));
    std::fs::copy(dir.join("userkey.pub"), dir.join("authorized_keys")).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        // sshd reads authorized_keys as the user.
        std::fs::set_permissions(
            dir.join("authorized_keys"),
            std::fs::Permissions::from_mode(0o644),
        )
        .unwrap();
    }
    let config = dir.join("sshd_config");
    std::fs::write(
        &config,
        format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/hostkey\n\
             AuthorizedKeysFile {d}/authorized_keys\nPidFile {d}/sshd.pid\nStrictModes no\n\
             UsePAM yes\nPubkeyAuthentication yes\nPasswordAuthentication no\n\
             KbdInteractiveAuthentication no\nPermitRootLogin no\nX11Forwarding no\n",
            d = dir.display()
        ),
    )
    .unwrap();
    // sshd re-executes itself by this (absolute) path for each connection.
    let link = dir.join(service);
    std::os::unix::fs::symlink("/usr/sbin/sshd", &link).unwrap();
    let log = dir.join("sshd.log");
    let child = Command::new(&link)
        .args(["-D", "-e", "-f"])
        .arg(&config)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("start sshd");
    let sshd = Sshd { child, log };
    let up = wait_until(SECS, || TcpStream::connect(("127.0.0.1", port)).is_ok());
    assert!(up, "sshd did not listen; log:\n{}", sshd.log());
    std::fs::write(dir.join("port"), port.to_string()).unwrap();
    sshd
}

fn ssh(dir: &Path, user: &TestUser, command: &str) -> Run {
    let port = std::fs::read_to_string(dir.join("port")).unwrap();
    let out = Command::new("ssh")
        .args(["-F", "/dev/null", "-i"])
        .arg(dir.join("userkey"))
        .args(["-p", port.trim()])
        .args([
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "LogLevel=ERROR",
        ])
        .arg(format!("{}@127.0.0.1", user.name))
        .arg(command)
        .stdin(Stdio::null())
        .output()
        .expect("ssh");
    Run::of(out)
}

fn field<'a>(out: &'a str, key: &str) -> Option<&'a str> {
    out.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
}

#[test]
fn ssh_login_registers_a_session_and_logout_kills_what_it_left() {
    if !real_or_skip(&[
        ("/usr/sbin/sshd", "openssh-server"),
        ("/usr/bin/ssh", "openssh-client"),
    ]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let user = TestUser::create(
        &format!("lgs{}", std::process::id() % 100_000),
        &dir.path().join("home"),
    );
    let cg = TestCgroup::create("e2e-ssh");
    let l = Login::start(
        dir.path(),
        cg.as_ref().map(|c| c.path.as_path()),
        "[Login]\nKillUserProcesses=yes\nUserStopDelaySec=0\n",
    );
    let service = format!("sshd-linger-e2e-{}", std::process::id());
    let _pam = PamService::named(&service, &l.d.socket());
    let _privsep = PrivsepDir::ensure();
    let sshd = start_sshd(dir.path(), &service);

    let r = ssh(
        dir.path(),
        &user,
        &format!(
            "echo XDG_SESSION_ID=$XDG_SESSION_ID; \
             LINGER_LOGIN_SOCKET={} {} show-session $XDG_SESSION_ID -p Service -p RemoteHost -p State -p Remote; \
             nohup sleep 1000 >/dev/null 2>&1 & echo NOHUP=$!",
            l.d.socket().display(),
            l.d.dir.join("loginctl").display()
        ),
    );
    let pid: Option<u32> = field(&r.stdout, "NOHUP").and_then(|p| p.parse().ok());
    let dead = pid.is_some_and(|p| wait_until(SECS, || !alive(p)));
    kill_pids(&pid.into_iter().collect::<Vec<_>>());
    assert_eq!(
        r.code,
        0,
        "ssh: {r:?}\nsshd log:\n{}\ndaemon log:\n{}",
        sshd.log(),
        l.d.log()
    );
    let id = field(&r.stdout, "XDG_SESSION_ID")
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| panic!("no session registered: {r:?}\nsshd log:\n{}", sshd.log()))
        .to_string();
    for (k, v) in [
        ("Service", service.as_str()),
        ("RemoteHost", "127.0.0.1"),
        ("Remote", "yes"),
        ("State", "active"),
    ] {
        assert_eq!(
            field(&r.stdout, k),
            Some(v),
            "{k} inside the ssh login: {r:?}"
        );
    }
    assert!(pid.is_some(), "no NOHUP pid: {r:?}");
    assert!(dead, "the nohup'ed sleep survived the ssh logout");
    assert!(l.wait_no_sessions(&user), "ssh session {id} stayed");
    let log = l.d.log();
    assert!(
        log.contains(&format!("New session {id} of user {}", user.name))
            && log.contains(&format!("Removed session {id}.")),
        "daemon log:\n{log}"
    );
}
