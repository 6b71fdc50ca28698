//! journald's stdout stream protocol on the user manager's socket
//! (`$XDG_RUNTIME_DIR/linger/journal/stdout`, `$LINGER_JOURNAL_STDOUT` for services): a
//! header of seven lines, then one entry per line — what `systemd-cat` and
//! `sd_journal_stream_fd()` speak. No root needed (the root part is in crates/login).

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn journal(m: &Manager, args: &[&str]) -> String {
    let mut a = vec!["journal"];
    a.extend_from_slice(args);
    m.linger(&a).expect_code(0).stdout
}

/// A python program speaking the protocol by hand (no libsystemd): header, lines, and a last
/// line without a newline; `SOCK` is where it connects.
const STREAM_WRITER: &str = r#"import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sys.argv[1])
s.sendall(b"streamy\n\n6\n1\n0\n0\n0\n")
s.sendall(b"hello from a stream\n<3>a streamed error\n")
s.sendall(b"last words")
s.close()
"#;

#[test]
fn a_service_streams_lines_into_its_units_journal() {
    let mut m = Manager::new(BIN);
    m.start();
    let script = m.home().join("stream.py");
    std::fs::write(&script, STREAM_WRITER).unwrap();
    m.write_unit(
        "streamer.service",
        &format!(
            "[Service]\nType=oneshot\nStandardOutput=null\n\
             ExecStart=/bin/sh -c 'exec /usr/bin/python3 {} \"$LINGER_JOURNAL_STDOUT\"'\n",
            script.display()
        ),
    );
    m.systemctl(&["start", "streamer.service"]).expect_code(0);
    m.wait_for("the stream's last line", |m| {
        journal(m, &["--user-unit", "streamer.service", "-o", "cat"]).contains("last words")
    });
    let cat = journal(&m, &["--user-unit", "streamer.service", "-o", "cat"]);
    assert!(cat.contains("hello from a stream"), "{cat}");
    let errors = journal(&m, &["-u", "streamer.service", "-p", "err", "-o", "cat"]);
    assert!(
        errors.contains("a streamed error") && !errors.contains("hello from a stream"),
        "{errors}"
    );
    let json = journal(
        &m,
        &["-u", "streamer.service", "-o", "json", "_TRANSPORT=stdout"],
    );
    assert!(
        json.contains("\"SYSLOG_IDENTIFIER\":\"streamy\"")
            && json.contains("\"_SYSTEMD_USER_UNIT\":\"streamer.service\""),
        "{json}"
    );
}

#[test]
fn a_program_outside_any_unit_and_a_bad_header() {
    let mut m = Manager::new(BIN);
    m.start();
    let socket = m.runtime().join("linger/journal/stdout");
    let script = m.home().join("stream.py");
    std::fs::write(&script, STREAM_WRITER).unwrap();
    // A header with a priority that is no number: the connection is dropped unread.
    let bad = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import socket,sys\ns=socket.socket(socket.AF_UNIX)\ns.connect(sys.argv[1])\n\
             s.sendall(b'bad\\n\\nloud\\n1\\n0\\n0\\n0\\nnever stored\\n')\ns.close()",
        )
        .arg(&socket)
        .status()
        .unwrap();
    assert!(bad.success());
    let ok = std::process::Command::new("python3")
        .arg(&script)
        .arg(&socket)
        .status()
        .unwrap();
    assert!(ok.success());
    m.wait_for("the stream's last line", |m| {
        journal(m, &["-t", "streamy", "-o", "cat"]).contains("last words")
    });
    let all = journal(&m, &["-o", "cat"]);
    assert!(all.contains("hello from a stream"), "{all}");
    assert!(!all.contains("never stored"), "{all}");
}

/// A stream whose header names a unit (line 2, what systemd itself sends when it connects a
/// service's output), from a process that belongs to no unit: the entry is filed under that
/// unit when root sent it — journald's fallback when the sender's cgroup names no unit — and
/// an ordinary user's claim is ignored, as journald ignores it.
#[test]
fn a_header_unit_names_the_unit_only_from_root() {
    let mut cases = vec![(rustix::process::geteuid().is_root(), None)];
    if rustix::process::geteuid().is_root() {
        cases.push((false, Some(("nobody", "nogroup"))));
    }
    for (from_root, user) in cases {
        let mut m = Manager::new(BIN);
        match user {
            None => m.start(),
            Some((u, g)) => m.start_as(u, g),
        }
        let socket = m.runtime().join("linger/journal/stdout");
        let mut cmd = match user {
            None => std::process::Command::new("/usr/bin/python3"),
            Some((u, g)) => {
                let mut c = std::process::Command::new("setpriv");
                c.args([
                    &format!("--reuid={u}"),
                    &format!("--regid={g}"),
                    "--clear-groups",
                ])
                .arg("/usr/bin/python3");
                c
            }
        };
        let sent = cmd
            .arg("-c")
            .arg(
                "import socket,sys\ns=socket.socket(socket.AF_UNIX)\ns.connect(sys.argv[1])\n\
                 s.sendall(b'claimer\\nnamed.service\\n6\\n0\\n0\\n0\\n0\\nfiled by its header\\n')\n\
                 s.close()",
            )
            .arg(&socket)
            .status()
            .unwrap();
        assert!(sent.success());
        m.wait_for("the stream's line", |m| {
            journal(m, &["-t", "claimer", "-o", "cat"]).contains("filed by its header")
        });
        let filed = journal(&m, &["-u", "named.service", "-o", "cat"]);
        assert_eq!(
            filed.contains("filed by its header"),
            from_root,
            "root sender: {from_root}\n{filed}"
        );
    }
}
