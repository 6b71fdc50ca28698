//! Starting a user manager: `linger daemon --user` as the user (uid, gid, the groups
//! `initgroups` would give), in `user@UID.service`, with the environment `user@.service`
//! gives `systemd --user`, and `$NOTIFY_SOCKET` pointing at the login daemon.

use std::os::fd::OwnedFd;
use std::path::Path;

use linger_exec::{Credentials, ExecSpec};

use crate::userdb::Account;

/// The default `$PATH` of user managers (systemd's for user sessions, plus /bin for
/// distributions where it is not a link).
pub const USER_PATH: &str = "/usr/local/bin:/usr/bin:/bin";

/// The user manager's soft open-files limit (systemd's `DefaultLimitNOFILE=1024:524288`; the
/// manager raises its own soft limit and gives its services 1024 again).
pub const NOFILE_SOFT: u64 = 1024;
/// Its hard limit, where the kernel allows that much (`fs.nr_open`).
pub const NOFILE_HARD: u64 = 524_288;

fn nofile_hard() -> u64 {
    std::fs::read_to_string("/proc/sys/fs/nr_open")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map_or(NOFILE_HARD, |max| max.min(NOFILE_HARD))
}

/// A spawned manager.
#[derive(Debug)]
pub struct SpawnedManager {
    /// Its pid.
    pub pid: u32,
    /// The exec-status pipe (read once the process exited to learn a failed setup step).
    pub status: Option<OwnedFd>,
}

/// The environment of a user manager.
pub fn environment(account: &Account, runtime: &Path, notify: &Path, login: &Path) -> Vec<String> {
    let mut env = vec![
        // Where the manager asks us to move session processes into its scopes.
        format!("LINGER_LOGIN_SOCKET={}", login.display()),
        format!("HOME={}", account.home),
        format!("USER={}", account.name),
        format!("LOGNAME={}", account.name),
        format!("SHELL={}", account.shell),
        format!("PATH={USER_PATH}"),
        format!("XDG_RUNTIME_DIR={}", runtime.display()),
        format!("NOTIFY_SOCKET={}", notify.display()),
    ];
    for k in ["LANG", "LC_ALL", "TZ"] {
        if let Ok(v) = std::env::var(k) {
            env.push(format!("{k}={v}"));
        }
    }
    env
}

/// Fork and exec `command` as `account`. `groups` comes from the user database *before*
/// the fork; `cgroup_procs` are the open `cgroup.procs` of `user@UID.service` (v2 first,
/// then the v1 ones of a hybrid machine).
pub fn spawn(
    command: &[String],
    account: &Account,
    groups: Vec<u32>,
    runtime: &Path,
    notify: &Path,
    login: &Path,
    cgroup_procs: Vec<OwnedFd>,
) -> Result<SpawnedManager, String> {
    let Some(program) = command.first() else {
        return Err("no user manager command configured".into());
    };
    let argv: Vec<&str> = command.iter().map(String::as_str).collect();
    let mut spec = ExecSpec::new(program, &argv).map_err(|e| e.to_string())?;
    spec.set_env(&environment(account, runtime, notify, login))
        .map_err(|e| e.to_string())?;
    // A missing home does not stop the manager (it runs in / then), as with systemd.
    spec.set_cwd(&account.home, true)
        .map_err(|e| e.to_string())?;
    let null = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
        .map_err(|e| format!("cannot open /dev/null: {e}"))?;
    let null: OwnedFd = null.into();
    spec.stdin = Some(null.try_clone().map_err(|e| e.to_string())?);
    spec.stdout = Some(null);
    spec.umask = 0o022;
    // The user's manager runs at the default priority whatever the daemon's own (an init
    // script may start the daemon at a raised one), and with the open-files limits systemd
    // gives user@.service (the daemon's own soft limit is raised to its hard one).
    spec.nice = Some(0);
    spec.rlimits.push(linger_exec::Rlimit {
        resource: rustix::process::Resource::Nofile as i32,
        soft: NOFILE_SOFT,
        hard: nofile_hard(),
    });
    // Without CAP_SYS_RESOURCE (a container's root may lack it) no more than our own.
    let may_raise = linger_exec::limits::may_raise_hard_limits();
    let _ = linger_exec::limits::clamp_to_grantable(&mut spec.rlimits, may_raise);
    let mut cgroup_procs = cgroup_procs.into_iter();
    spec.cgroup_procs = cgroup_procs.next();
    spec.extra_cgroup_procs = cgroup_procs.collect();
    spec.credentials = Some(Credentials {
        uid: account.uid,
        gid: account.gid,
        groups,
    });
    let child = linger_exec::spawn_nowait(spec).map_err(|e| e.to_string())?;
    Ok(SpawnedManager {
        pid: child.pid,
        status: child.status_pipe,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manager_environment() {
        let a = Account {
            name: "alice".into(),
            uid: 1000,
            gid: 1000,
            home: "/home/alice".into(),
            shell: "/bin/bash".into(),
        };
        let env = environment(
            &a,
            Path::new("/run/user/1000"),
            Path::new("/run/linger/state/notify/1000.0"),
            Path::new("/run/linger/login"),
        );
        for want in [
            "HOME=/home/alice",
            "USER=alice",
            "LOGNAME=alice",
            "SHELL=/bin/bash",
            "XDG_RUNTIME_DIR=/run/user/1000",
            "NOTIFY_SOCKET=/run/linger/state/notify/1000.0",
            "LINGER_LOGIN_SOCKET=/run/linger/login",
        ] {
            assert!(env.iter().any(|e| e == want), "{want} missing in {env:?}");
        }
        assert!(env.iter().any(|e| e.starts_with("PATH=/usr/local/bin:")));
    }
}
