//! systemd's own bash completion for systemctl, driven against linger: it calls
//! `systemctl --user --full --legend=no --no-pager --plain list-unit-files 'we*'`,
//! `list-units`, and `show --property Names,ActiveState=inactive,CanStart=yes -- …`.

#![allow(clippy::print_stderr)] // "skipped:" lines

use linger_test_support::{Manager, Run, ensure_program};

const BIN: &str = env!("CARGO_BIN_EXE_linger");
const COMPLETION: &str = "/usr/share/bash-completion/completions/systemctl";

/// What systemd's completion offers for the words of `line` (the last one being completed).
fn complete(m: &Manager, line: &str) -> Vec<String> {
    let bin = m.dir.path().join("bin");
    drop(m.tool("systemctl", &[]));
    let script = format!(
        r#"PATH="{bin}:$PATH"
source {COMPLETION}
complete -p systemctl
compopt() {{ :; }}
COMP_WORDS=({line})
[ "${{COMP_LINE: -1}}" = " " ] && COMP_WORDS+=("")
COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))
_systemctl systemctl
printf '%s\n' "${{COMPREPLY[@]}}""#,
        bin = bin.display()
    );
    let env = m.linger_command(&[]);
    let mut cmd = std::process::Command::new("bash");
    cmd.env_clear();
    for (k, v) in env.get_envs() {
        if let Some(v) = v {
            cmd.env(k, v);
        }
    }
    let r = Run::of(
        cmd.env("COMP_LINE", line)
            .args(["-c", &script])
            .output()
            .unwrap(),
    )
    .expect_code(0);
    let mut lines = r.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("complete -F _systemctl systemctl"),
        "{}",
        r.stderr
    );
    lines
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn systemds_bash_completion_completes_linger_units() {
    if let Err(why) = ensure_program(COMPLETION, "systemd") {
        eprintln!("skipped: {why}");
        return;
    }
    let mut m = Manager::new(BIN);
    m.write_unit(
        "webapp.service",
        "[Service]\nExecStart=/bin/sleep 1000\n[Install]\nWantedBy=default.target\n",
    );
    m.write_unit("webidle.service", "[Service]\nExecStart=/bin/sleep 1000\n");
    m.write_unit(
        "worker@.service",
        "[Service]\nExecStart=/bin/sleep %i\n[Install]\nWantedBy=default.target\n",
    );
    m.start();
    m.systemctl(&["start", "webapp.service"]).expect_code(0);
    let stop = complete(&m, "systemctl --user stop we");
    assert_eq!(stop, ["webapp.service"], "only the running one");
    let start = complete(&m, "systemctl --user start we");
    assert_eq!(start, ["webidle.service"], "only the startable one");
    let enable = complete(&m, "systemctl --user enable w");
    assert!(enable.contains(&"worker@".to_string()), "{enable:?}");
    let status = complete(&m, "systemctl --user status web");
    assert!(
        status.contains(&"webapp.service".to_string())
            && status.contains(&"webidle.service".to_string()),
        "{status:?}"
    );
}
