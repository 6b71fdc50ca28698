//! The manager keeps each unit's `UnitFileState=` (and the enablement links and presets it is
//! judged by) between requests while what it was read from is unchanged
//! (crates/manager/src/install_cache.rs). These tests make the files old enough to be kept,
//! ask twice after every change (the second answer comes from what was kept), and hold each
//! answer to the one `is-enabled` gives, which reads every unit file and link afresh: enable,
//! disable, mask, unmask, a link made by hand, an edited `[Install]` section before and
//! after daemon-reload — each is seen by the next `status`.

use std::path::Path;
use std::time::{Duration, SystemTime};

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

const APP: &str = "[Unit]\nDescription=App\n[Service]\nExecStart=/bin/sleep 1000\n[Install]\nWantedBy=default.target\n";

/// Every directory (and with `files`, every regular file) below `dir` last modified an hour
/// ago, each at its own second: settled, as a configuration untouched for a while is, so the
/// manager keeps what it reads from it. Symlinks are left alone.
fn age(dir: &Path, files: bool) {
    fn walk(p: &Path, files: bool, n: &mut u64) {
        let Ok(meta) = std::fs::symlink_metadata(p) else {
            return;
        };
        if meta.is_dir() {
            for e in std::fs::read_dir(p).unwrap().flatten() {
                walk(&e.path(), files, n);
            }
        } else if !(files && meta.is_file()) {
            return;
        }
        *n += 1;
        let when = SystemTime::now() - Duration::from_secs(3600 + *n);
        std::fs::File::open(p).unwrap().set_modified(when).unwrap();
    }
    walk(dir, files, &mut 0);
}

/// `app.service`'s (UnitFileState, NeedDaemonReload), asked twice through `show` and once
/// through `status` — all three the same, and the state the one `is-enabled` reads afresh.
fn state(m: &Manager, step: &str) -> (String, String) {
    let ask = || {
        let out = m
            .systemctl(&[
                "show",
                "-p",
                "UnitFileState",
                "-p",
                "NeedDaemonReload",
                "app.service",
            ])
            .expect_code(0)
            .stdout;
        let get = |k: &str| {
            out.lines()
                .find_map(|l| l.strip_prefix(&format!("{k}=")))
                .unwrap_or_else(|| panic!("{step}: no {k} in {out}"))
                .to_string()
        };
        (get("UnitFileState"), get("NeedDaemonReload"))
    };
    let first = ask();
    let kept = ask();
    assert_eq!(first, kept, "{step}: the second answer differs");
    let fresh = m.systemctl(&["is-enabled", "app.service"]).stdout;
    assert_eq!(first.0, fresh.trim(), "{step}: show and is-enabled differ");
    let status = m.systemctl(&["status", "app.service"]).stdout;
    let loaded = status
        .lines()
        .find(|l| l.trim_start().starts_with("Loaded:"))
        .unwrap_or_default()
        .to_string();
    let shown = if first.0 == "masked" {
        loaded.contains("Loaded: masked")
    } else {
        loaded.contains(&format!("; {};", first.0)) || loaded.contains(&format!("; {})", first.0))
    };
    assert!(shown, "{step}: status says {loaded:?}, show {first:?}");
    first
}

/// Write `app.service` in `~/.local/share/systemd/user` (below the config directory, where
/// `mask` puts its link) aside and rename it in, its modification time `age` ago.
fn write_app(m: &Manager, text: &str, age: Duration) -> std::path::PathBuf {
    let dir = m.home().join(".local/share/systemd/user");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("app.service");
    std::fs::write(dir.join(".app.tmp"), text).unwrap();
    std::fs::rename(dir.join(".app.tmp"), &file).unwrap();
    std::fs::File::open(&file)
        .unwrap()
        .set_modified(SystemTime::now() - age)
        .unwrap();
    file
}

#[test]
fn enable_disable_mask_and_edits_are_seen_by_the_next_status() {
    let mut m = Manager::new(BIN);
    let file = write_app(&m, APP, Duration::from_secs(9000));
    let config = m.home();
    age(&config, true);
    m.start();
    let yes_no = |s: &str, r: &str| (s.to_string(), r.to_string());
    assert_eq!(state(&m, "at start"), yes_no("disabled", "no"));

    m.systemctl(&["enable", "app.service"]).expect_code(0);
    assert_eq!(state(&m, "enable"), yes_no("enabled", "no"));
    age(&config, false);
    assert_eq!(state(&m, "enable, settled"), yes_no("enabled", "no"));

    m.systemctl(&["disable", "app.service"]).expect_code(0);
    assert_eq!(state(&m, "disable"), yes_no("disabled", "no"));
    age(&config, false);
    assert_eq!(state(&m, "disable, settled"), yes_no("disabled", "no"));

    m.systemctl(&["mask", "app.service"]).expect_code(0);
    assert_eq!(state(&m, "mask"), yes_no("masked", "no"));
    m.systemctl(&["unmask", "app.service"]).expect_code(0);
    assert_eq!(state(&m, "unmask"), yes_no("disabled", "no"));
    age(&config, false);
    assert_eq!(state(&m, "unmask, settled"), yes_no("disabled", "no"));

    // A link made by hand, no reload: seen at once (the links' directory changed).
    let wants = m.unit_dir().join("default.target.wants");
    std::fs::create_dir_all(&wants).unwrap();
    std::os::unix::fs::symlink(&file, wants.join("app.service")).unwrap();
    age(&config, false);
    assert_eq!(state(&m, "linked by hand"), yes_no("enabled", "no"));
    std::fs::remove_file(wants.join("app.service")).unwrap();
    age(&config, false);
    assert_eq!(state(&m, "unlinked by hand"), yes_no("disabled", "no"));

    // The [Install] section edited (written aside and renamed in: the unit's file is another
    // one): the state follows the file at once, NeedDaemonReload until daemon-reload — of a
    // unit that stays loaded (running; an inactive unit only a query loaded is collected and
    // read afresh by the next one).
    m.systemctl(&["start", "app.service"]).expect_code(0);
    write_app(
        &m,
        "[Unit]\nDescription=App\n[Service]\nExecStart=/bin/sleep 1000\n",
        Duration::from_secs(7200),
    );
    assert_eq!(state(&m, "edited"), yes_no("static", "yes"));
    let status = m.systemctl(&["status", "app.service"]);
    assert!(
        status.stderr.contains("Warning: The unit file, source configuration file or drop-ins of app.service changed on disk. Run 'systemctl --user daemon-reload' to reload units."),
        "{}",
        status.stderr
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    assert_eq!(state(&m, "edited, reloaded"), yes_no("static", "no"));
    age(&config, true);
    m.systemctl(&["daemon-reload"]).expect_code(0);
    assert_eq!(
        state(&m, "edited, reloaded, settled"),
        yes_no("static", "no")
    );

    // And back, through daemon-reload only.
    write_app(&m, APP, Duration::from_secs(5400));
    assert_eq!(state(&m, "edited back"), yes_no("disabled", "yes"));
    m.systemctl(&["daemon-reload"]).expect_code(0);
    assert_eq!(state(&m, "edited back, reloaded"), yes_no("disabled", "no"));
}
