//! What the tests of Debian's own user units share (issue 12): copying a packaged unit in
//! unchanged, starting the manager as root or as an ordinary user, and running a package's
//! real client as that user in the manager's environment.
#![allow(dead_code)] // each test binary uses its own part

use std::path::Path;
use std::process::{Command, Output};

use linger_test_support::Manager;

/// Where Debian's packages put their user units.
pub const DEBIAN_UNITS: &str = "/usr/lib/systemd/user";

/// Whose manager a test runs.
#[derive(Debug, Clone)]
pub enum Who {
    /// The user running the tests (root in CI).
    Me,
    /// An ordinary user and their group: the manager and every client run as them.
    User(String, String),
}

impl Who {
    /// `nobody`, when the tests can switch to it (they run as root); else None.
    pub fn nobody() -> Option<Who> {
        if rustix::process::geteuid().is_root() {
            Some(Who::User("nobody".into(), "nogroup".into()))
        } else {
            eprintln!("skipped as an ordinary user: needs root to run a manager as nobody");
            None
        }
    }

    /// Root and `nobody` where the tests run as root, else only the user running them.
    pub fn root_and_nobody() -> Vec<Who> {
        std::iter::once(Who::Me).chain(Who::nobody()).collect()
    }

    /// For messages.
    pub fn name(&self) -> String {
        match self {
            Who::Me => "the test's own user".into(),
            Who::User(user, _) => user.clone(),
        }
    }
}

/// The packaged programs and units a test needs are installed; says what is missing otherwise.
pub fn installed(programs: &[&str], units: &[&str]) -> bool {
    let missing: Vec<String> = programs
        .iter()
        .map(|p| p.to_string())
        .chain(units.iter().map(|u| format!("{DEBIAN_UNITS}/{u}")))
        .filter(|p| !Path::new(p).exists())
        .collect();
    if !missing.is_empty() {
        eprintln!("skipped: not installed: {}", missing.join(", "));
    }
    missing.is_empty()
}

/// A manager for `who` with Debian's `units` copied into its unit directory unchanged and
/// `files` (relative to the home, e.g. `.config/mpd/mpd.conf`) written, then started.
pub fn manager_with(bin: &str, who: &Who, units: &[&str], files: &[(&str, String)]) -> Manager {
    let mut m = Manager::new(bin);
    for unit in units {
        let text = std::fs::read_to_string(Path::new(DEBIAN_UNITS).join(unit))
            .unwrap_or_else(|e| panic!("{DEBIAN_UNITS}/{unit}: {e}"));
        m.write_unit(unit, &text);
    }
    for (path, text) in files {
        let p = m.home().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
    }
    match who {
        Who::Me => m.start(),
        Who::User(user, group) => m.start_as(user, group),
    }
    m
}

/// Give what the test wrote into the home since the manager started to `who`.
pub fn hand_over(m: &Manager, who: &Who) {
    if let Who::User(user, group) = who {
        let ok = Command::new("chown")
            .args(["-R", &format!("{user}:{group}")])
            .arg(m.home())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "chown the test home to {user}");
    }
}

/// `program args…` as `who`, with the manager's environment (HOME, XDG_RUNTIME_DIR,
/// XDG_CONFIG_HOME) and `env` on top.
pub fn client(
    m: &Manager,
    who: &Who,
    program: &str,
    args: &[&str],
    env: &[(&str, String)],
) -> Output {
    let mut cmd = match who {
        Who::Me => Command::new(program),
        Who::User(user, group) => {
            let mut c = Command::new("setpriv");
            c.args([
                &format!("--reuid={user}"),
                &format!("--regid={group}"),
                "--clear-groups",
                "--",
                program,
            ]);
            c
        }
    };
    cmd.args(args)
        .env_clear()
        .env("HOME", m.home())
        .env("XDG_RUNTIME_DIR", m.runtime())
        .env("XDG_CONFIG_HOME", m.home().join(".config"))
        .env("PATH", "/usr/bin:/bin")
        .env("LANG", "C.UTF-8")
        .env("TZ", "UTC")
        .current_dir(m.home());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap_or_else(|e| panic!("{program}: {e}"))
}

/// stdout and stderr of a client, for assertions and messages.
pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The unit's recent journal lines, for failure messages.
pub fn journal(m: &Manager, unit: &str) -> String {
    m.linger(&["journal", "--user-unit", unit, "-n", "40", "--no-pager"])
        .stdout
}
