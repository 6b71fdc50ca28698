//! Many services started in one call: the manager's spawner threads set the children up and
//! exec them in parallel, finishing in any order, yet each unit gets its own process, its own
//! failure (stage and program) and the order its dependencies ask for.

use linger_test_support::Manager;

const BIN: &str = env!("CARGO_BIN_EXE_linger");

#[test]
fn a_batch_of_starts_keeps_each_units_pid_failure_and_order() {
    let mut m = Manager::new(BIN);
    let home = m.home().to_path_buf();
    let mut good = Vec::new();
    let mut names = Vec::new();
    for i in 0..30 {
        let name = format!("b{i:02}.service");
        let text = match i % 3 {
            // The pid the child writes from inside (after its ExecStartPre= ran) must be the
            // MainPID the manager shows (`$$$$`: the command line's `$$` is a literal `$`).
            0 => {
                good.push(name.clone());
                format!(
                    "[Service]\nExecStartPre=/bin/sh -c 'echo pre > {h}/pre-{i}'\nExecStart=/bin/sh -c 'test -f {h}/pre-{i} && echo $$$$ > {h}/pid-{i}; exec sleep 300'\n",
                    h = home.display()
                )
            }
            1 => format!("[Service]\nExecStart=/nonexistent/prog-{i} --flag\n"),
            _ => format!(
                "[Service]\nExecStart=/bin/sleep 300\nWorkingDirectory=/nonexistent/dir-{i}\n"
            ),
        };
        m.write_unit(&name, &text);
        names.push(name);
    }
    // Ordering inside one transaction (a target pulling in all three): c after b after a,
    // whatever order the spawns complete in. (Named one by one in a call, each is its own
    // transaction, as each of systemctl's StartUnit calls is with systemd.)
    for (unit, after) in [("oc", Some("ob")), ("ob", Some("oa")), ("oa", None)] {
        let after = after
            .map(|a| format!("After={a}.service\n"))
            .unwrap_or_default();
        m.write_unit(
            &format!("{unit}.service"),
            &format!(
                "[Unit]\n{after}[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo {unit} >> {h}/order'\n",
                h = home.display()
            ),
        );
    }
    m.write_unit(
        "ord.target",
        "[Unit]\nWants=oc.service ob.service oa.service\n",
    );
    names.push("ord.target".to_string());
    m.start();
    let mut args = vec!["start"];
    args.extend(names.iter().map(String::as_str));
    m.systemctl(&args).expect_code(0);
    m.wait_for("every unit settled", |m| {
        names.iter().all(|n| {
            let s = m.prop(n, "ActiveState");
            s == "active" || s == "failed"
        })
    });
    assert_eq!(
        std::fs::read_to_string(home.join("order")).unwrap(),
        "oa\nob\noc\n"
    );
    for i in 0..30 {
        let name = format!("b{i:02}.service");
        match i % 3 {
            0 => {
                assert_eq!(m.prop(&name, "ActiveState"), "active", "{name}");
                let path = home.join(format!("pid-{i}"));
                m.wait_for("the child wrote its pid", |_| {
                    std::fs::read_to_string(&path).is_ok_and(|s| s.ends_with('\n'))
                });
                assert_eq!(
                    std::fs::read_to_string(&path).unwrap().trim(),
                    m.prop(&name, "MainPID"),
                    "{name}: MainPID is the process that ran"
                );
            }
            1 => {
                let st = m.systemctl(&["status", &name]).expect_code(3);
                assert!(st.stdout.contains("status=203/EXEC"), "{}", st.stdout);
                assert!(
                    st.stdout.contains(&format!(
                        "Failed to execute /nonexistent/prog-{i}: No such file or directory"
                    )),
                    "{}",
                    st.stdout
                );
                assert_eq!(m.prop(&name, "Result"), "exit-code");
            }
            _ => {
                let st = m.systemctl(&["status", &name]).expect_code(3);
                assert!(st.stdout.contains("status=200/CHDIR"), "{}", st.stdout);
                assert_eq!(m.prop(&name, "Result"), "exit-code");
            }
        }
    }
    let mut stop = vec!["stop"];
    stop.extend(good.iter().map(String::as_str));
    m.systemctl(&stop).expect_code(0);
    for n in &good {
        assert_eq!(m.prop(n, "ActiveState"), "inactive", "{n}");
    }
}
