//! Socket activation: `$LISTEN_PID` is the pid of the exec'ed process itself, and passed
//! fds land on 3, 4, … — what `sd_listen_fds()` checks before it accepts them.

use std::io::{Read, Write};

use linger_exec::{ExecSpec, spawn};

#[test]
fn listen_pid_is_the_childs_own_pid_and_fds_start_at_3() {
    let (mut r, w) = std::io::pipe().unwrap();
    let (pr, mut pw) = std::io::pipe().unwrap();
    pw.write_all(b"passed-through-fd-3").unwrap();
    drop(pw);
    // The shell prints its pid, $LISTEN_PID, and what it reads from fd 3.
    let mut spec = ExecSpec::new(
        "/bin/sh",
        &["sh", "-c", "echo $$ $LISTEN_PID $LISTEN_FDS $(cat <&3)"],
    )
    .unwrap();
    spec.set_env(&["LISTEN_FDS=1", "PATH=/usr/bin:/bin"])
        .unwrap();
    spec.stdout = Some(w.into());
    spec.pass_fds = vec![pr.into()];
    spec.listen_pid = true;
    let child = spawn(spec).unwrap();
    assert!(child.failure.is_none());
    let mut out = String::new();
    r.read_to_string(&mut out).unwrap();
    let words: Vec<&str> = out.split_whitespace().collect();
    assert_eq!(words.len(), 4, "{out:?}");
    assert_eq!(
        words[0],
        child.pid.to_string(),
        "the shell is the child itself"
    );
    assert_eq!(words[1], words[0], "LISTEN_PID matches: {out:?}");
    assert_eq!(words[2], "1");
    assert_eq!(words[3], "passed-through-fd-3");
}

#[test]
fn without_listen_pid_no_variable_is_added() {
    let (mut r, w) = std::io::pipe().unwrap();
    let mut spec = ExecSpec::new("/bin/sh", &["sh", "-c", "echo \"[$LISTEN_PID]\""]).unwrap();
    spec.set_env(&["PATH=/usr/bin:/bin"]).unwrap();
    spec.stdout = Some(w.into());
    let child = spawn(spec).unwrap();
    assert!(child.failure.is_none());
    let mut out = String::new();
    r.read_to_string(&mut out).unwrap();
    assert_eq!(out.trim(), "[]");
}

#[test]
fn many_passed_fds_do_not_clobber_the_exec_status_report() {
    // 40 passed fds occupy 3..43, where the status pipe of a fresh process would sit: a
    // failing exec must still be reported as such.
    let mut spec = ExecSpec::new("/nonexistent/program", &["program"]).unwrap();
    spec.pass_fds = (0..40).map(|_| std::io::pipe().unwrap().0.into()).collect();
    let child = spawn(spec).unwrap();
    assert_eq!(
        child.failure.map(|f| f.0),
        Some(linger_exec::Stage::Exec),
        "the exec failure is reported, not lost"
    );
}
