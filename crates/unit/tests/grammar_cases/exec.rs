//! `exec` records against `exec_line::parse_exec_line_with`.

use linger_unit::exec_line::{ExecCommand, ExecFlags, parse_exec_line_with};
use linger_unit::specifier::SpecifierError;
use serde_json::Value;

use super::{Report, data_dir, s, unitparse};

/// systemd's names for the flags, as the records list them.
pub fn flag_names(f: &ExecFlags) -> Vec<&'static str> {
    let mut v = Vec::new();
    if f.ignore_failure {
        v.push("ignore_failure");
    }
    if f.full_privileges {
        v.push("fully_privileged");
    }
    if f.no_setuid {
        v.push("no_setuid");
    }
    if f.ambient {
        v.push("ambient_magic");
    }
    if f.no_env_expand {
        v.push("no_env_expand");
    }
    v.sort_unstable();
    v
}

pub fn command_tuples(cmds: &[ExecCommand]) -> Vec<(String, Vec<String>, Vec<&'static str>)> {
    cmds.iter()
        .map(|c| (c.path.clone(), c.argv.clone(), flag_names(&c.flags)))
        .collect()
}

pub fn expected_commands(v: &Value) -> Vec<(String, Vec<String>, Vec<String>)> {
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|c| {
                    let mut flags = strings(&c["flags"]);
                    flags.sort_unstable();
                    (s(c, "path").to_owned(), strings(&c["argv"]), flags)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Specifier expansion for `foobar.service` as the records were made (only `%n`-style
/// names matter for these inputs; anything else is left alone).
fn expand(w: &str) -> Result<String, SpecifierError> {
    Ok(w.to_owned())
}

#[test]
fn exec_records() {
    let Some(dir) = data_dir() else { return };
    let mut report = Report::new("exec");
    for r in unitparse(&dir, &["exec"]) {
        let id = s(&r, "id");
        let rvalue = s(&r, "rvalue");
        let want = &r["expected"];
        let got = parse_exec_line_with(rvalue, &expand);
        let outcome = match (s(want, "result"), &got) {
            ("reset", Ok(l)) if l.reset && l.commands.is_empty() => Ok(()),
            ("ignored", Ok(l)) if !l.reset && l.commands.is_empty() && !l.warnings.is_empty() => {
                Ok(())
            }
            ("error", Err(_)) => Ok(()),
            ("ok", Ok(l)) if !l.reset => {
                let want_cmds = expected_commands(&want["commands"]);
                let got_cmds: Vec<_> = command_tuples(&l.commands)
                    .into_iter()
                    .map(|(p, a, f)| (p, a, f.into_iter().map(str::to_owned).collect::<Vec<_>>()))
                    .collect();
                if want_cmds == got_cmds {
                    Ok(())
                } else {
                    Err(format!("expected {want_cmds:?}\n    got      {got_cmds:?}"))
                }
            }
            (w, g) => Err(format!("expected result {w}, got {g:?}")),
        };
        report.check(id, &rvalue, outcome);
        // The log: warnings, or the fatal message (warnings before an error are not
        // returned with it, so only systemd's last line is compared then). The recorder
        // split systemd's log with Python's splitlines(), which also breaks at \v \f \r, so
        // a message is compared up to the first such character.
        let logs: Vec<String> = match &got {
            Ok(l) => l.warnings.iter().map(|m| first_line(m)).collect(),
            Err(e) => vec![first_line(&e.message)],
        };
        let want_logs: Vec<String> = r["expected_log_252"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str())
                    .map(|l| l.trim_start_matches("fake:1: ").to_owned())
                    .collect()
            })
            .unwrap_or_default();
        let want_logs = if got.is_err() {
            want_logs.last().cloned().into_iter().collect()
        } else {
            want_logs
        };
        report.eq(&format!("{id} [log]"), &rvalue, want_logs, logs);
    }
    report.finish();
}

fn first_line(m: &str) -> String {
    m.split(['\n', '\r', '\u{b}', '\u{c}'])
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The final `Exec*=` lists of every parsed unit file, expanding specifiers per word with the
/// context of the scope the record names.
#[test]
fn unit_file_exec_lists() {
    use linger_unit::specifier::{Scope, SpecifierContext, expand};
    use linger_unit::syntax::{SectionKind, parse_with};

    let Some(dir) = data_dir() else { return };
    let mut report = Report::new("unitfiles exec lists");
    for r in super::records(&dir, "unitfiles-parsed.jsonl") {
        let Some(e) = r.get("exec") else { continue };
        let file = s(&r, "file");
        let bytes = std::fs::read(dir.join("unitfiles").join(file))
            .unwrap_or_else(|err| panic!("{file}: {err}"));
        let parsed = parse_with(&bytes, None, &|_| SectionKind::Known);
        let scope = if s(e, "manager_scope") == "user" {
            Scope::User
        } else {
            Scope::System
        };
        let ctx = SpecifierContext::from_system(s(e, "unit_name_used"), scope)
            .unwrap_or_else(|err| panic!("{err}"));
        let machine = [
            ctx.host.boot_id.clone().unwrap_or_default(),
            ctx.host.hostname.clone(),
            ctx.host.kernel_release.clone(),
        ];
        let Some(want_all) = e["commands"].as_object() else {
            continue;
        };
        for (key, want) in want_all {
            let mut list = Vec::new();
            let mut error = None;
            for a in parsed
                .assignments
                .iter()
                .filter(|a| format!("{}.{}", a.section, a.key) == *key)
            {
                match parse_exec_line_with(&a.value, &|w| expand(w, &ctx)) {
                    Ok(l) if l.reset => list.clear(),
                    Ok(l) => list.extend(l.commands),
                    Err(err) => error = Some(err.message),
                }
            }
            let want = expected_commands(want);
            let got: Vec<_> = command_tuples(&list)
                .into_iter()
                .map(|(p, a, f)| (p, a, f.into_iter().map(str::to_owned).collect::<Vec<_>>()))
                .collect();
            let outcome = match error {
                Some(msg) => Err(format!("unexpected error: {msg}")),
                None if same_modulo_machine(&want, &got, &machine) => Ok(()),
                None => Err(format!("expected {want:?}\n    got      {got:?}")),
            };
            report.check(&format!("{file} {key}"), &key, outcome);
        }
    }
    report.finish();
}

type Cmd = (String, Vec<String>, Vec<String>);

/// Equal, except that words holding this machine's boot id, host name or kernel release may
/// hold the recording machine's instead (same text around it).
fn same_modulo_machine(want: &[Cmd], got: &[Cmd], machine: &[String]) -> bool {
    let word_ok = |w: &String, g: &String| {
        w == g
            || machine.iter().filter(|m| !m.is_empty()).any(|m| {
                g.split_once(m.as_str()).is_some_and(|(pre, post)| {
                    w.starts_with(pre) && w.ends_with(post) && w.len() > pre.len() + post.len()
                })
            })
    };
    want.len() == got.len()
        && want.iter().zip(got).all(|(w, g)| {
            w.0 == g.0
                && w.2 == g.2
                && w.1.len() == g.1.len()
                && w.1.iter().zip(&g.1).all(|(a, b)| word_ok(a, b))
        })
}
