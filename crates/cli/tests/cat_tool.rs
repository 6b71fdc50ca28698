//! systemd-cat: a pipeline's lines and a command's output into the user's journal, with the
//! identifier, priorities and `<N>` prefixes as systemd-cat gives them.

use linger_test_support::{Manager, Run};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

#[test]
fn stdin_and_commands_reach_the_journal() {
    let mut m = Manager::new(BIN);
    m.start();
    let mut cat = m.tool("systemd-cat", &["-t", "piped", "-p", "warning"]);
    let mut child = cat.stdin(std::process::Stdio::piped()).spawn().unwrap();
    {
        use std::io::Write;
        let mut input = child.stdin.take().unwrap();
        input.write_all(b"first line\n<3>an error\n").unwrap();
    }
    assert!(child.wait().unwrap().success());
    let r = Run::of(
        m.tool(
            "systemd-cat",
            &["/bin/sh", "-c", "echo out; echo err >&2; exit 3"],
        )
        .output()
        .unwrap(),
    )
    .expect_code(3);
    assert_eq!(r.stdout, "");
    let journal = |args: &[&str]| m.linger(&[&["journal"], args].concat()).stdout;
    m.wait_for("the lines", |_| {
        journal(&["-t", "sh", "-o", "cat"]).contains("err")
    });
    assert_eq!(
        journal(&["-t", "piped", "-o", "cat"]),
        "first line\nan error\n"
    );
    assert_eq!(
        journal(&["-t", "piped", "-o", "cat", "-p", "err"]),
        "an error\n",
        "the <3> prefix"
    );
    assert_eq!(
        journal(&["-t", "piped", "-p", "warning", "-o", "cat"]),
        "first line\nan error\n"
    );
    let sh = journal(&["-t", "sh", "-o", "cat"]);
    assert!(sh.contains("out\n") && sh.contains("err\n"), "{sh}");
    Run::of(
        m.tool("systemd-cat", &["-p", "loud", "true"])
            .output()
            .unwrap(),
    )
    .expect_code(1);
}
