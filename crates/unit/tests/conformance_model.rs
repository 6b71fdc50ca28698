//! Conformance of the value parsers and the settings table against systemd's own results:
//! `config_value` records of unitparse.jsonl, and the final `Exec*=` lists of
//! unitfiles-parsed.jsonl (lexer → settings table → exec-line parser, with specifiers).

#![allow(clippy::print_stdout)] // tests report pass counts and skips

mod model_support;

use std::path::{Path, PathBuf};

use linger_unit::exec_line::{ExecCommand, parse_exec_line_with};
use linger_unit::loader::{HostInfo, LoadContext, Scope, UnitIndex, UserInfo, load_unit_with};
use linger_unit::model::UnitKind;
use linger_unit::specifier::SpecifierError;
use linger_unit::value::{self, MemoryLimit};
use serde_json::Value;

fn records(dir: &Path, file: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join(file)).expect("read conformance file");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}

/// Run one `config_value` record: Some(parsed value as JSON) if accepted, None if rejected.
fn run_parser(parser: &str, lvalue: Option<&str>, rvalue: &str) -> Option<Option<Value>> {
    let v = |r: Result<Value, value::ValueError>| Some(r.ok());
    match parser {
        "config_parse_path" => {
            v(value::parse_path(rvalue).map(|p| Value::from(p.display().to_string())))
        }
        "config_parse_log_level" => v(value::parse_log_level(rvalue).map(Value::from)),
        "config_parse_log_facility" => v(value::parse_log_facility(rvalue).map(Value::from)),
        "config_parse_iec_size" | "config_parse_iec_uint64" => {
            v(value::parse_iec_size(rvalue).map(Value::from))
        }
        "config_parse_si_uint64" => v(value::parse_si_size(rvalue).map(Value::from)),
        "config_parse_int" => v(value::parse_int(rvalue).map(Value::from)),
        "config_parse_unsigned" => v(value::parse_unsigned(rvalue).map(Value::from)),
        "config_parse_strv" => v(value::split_words(rvalue, false).map(Value::from)),
        "config_parse_mode" => v(value::parse_mode(rvalue).map(Value::from)),
        "config_parse_sec" => v(value::parse_sec(rvalue).map(Value::from)),
        "config_parse_nsec" => v(value::parse_nsec(rvalue).map(Value::from)),
        "config_parse_memory_limit" => v(value::parse_memory_limit(lvalue.unwrap_or(""), rvalue)
            .map(|m| match m {
                MemoryLimit::Bytes(b) => Value::from(b),
                MemoryLimit::Infinity => Value::from(u64::MAX),
                MemoryLimit::Permyriad(p) => Value::from(format!("{p}‱")),
            })),
        _ => None,
    }
}

#[test]
fn config_value_records() {
    let Some(dir) = model_support::conformance_dir() else {
        return;
    };
    let mut failures = Vec::new();
    let mut passed = 0;
    for r in records(&dir, "unitparse.jsonl")
        .iter()
        .filter(|r| r["kind"] == "config_value")
    {
        let id = r["id"].as_str().unwrap_or("?");
        let parser = r["parser"].as_str().unwrap_or("");
        let rvalue = r["rvalue"].as_str().unwrap_or("");
        let Some(got) = run_parser(parser, r["lvalue"].as_str(), rvalue) else {
            failures.push(format!("{id}: no parser for {parser}"));
            continue;
        };
        let accepted = r["accepted"].as_bool().unwrap_or(false);
        let ok = match (&got, accepted) {
            (Some(g), true) => *g == r["expected"],
            (None, false) => true,
            _ => false,
        };
        if ok {
            passed += 1;
        } else {
            failures.push(format!(
                "{id}: {parser}({rvalue:?}) expected {} (accepted {accepted}), got {got:?}",
                r["expected"]
            ));
        }
    }
    println!("config_value: {passed} passed");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// System-scope context as systemd's test harness ran it: root, no XDG variables.
fn system_ctx(dir: PathBuf) -> LoadContext {
    let user = UserInfo {
        name: "root".into(),
        uid: 0,
        group: "root".into(),
        gid: 0,
        home: "/root".into(),
        shell: "/bin/sh".into(),
    };
    let mut ctx = LoadContext::user_default(user, HostInfo::from_system(), &|_| None)
        .with_search_path(vec![dir]);
    ctx.scope = Scope::System;
    ctx
}

fn flags_of(c: &ExecCommand) -> Vec<&'static str> {
    let f = c.flags;
    let mut out = Vec::new();
    for (on, name) in [
        (f.ignore_failure, "ignore_failure"),
        (f.full_privileges, "fully_privileged"),
        (f.no_setuid, "no_setuid"),
        (f.ambient, "ambient_magic"),
        (f.no_env_expand, "no_env_expand"),
    ] {
        if on {
            out.push(name);
        }
    }
    out
}

fn as_json(cmds: &[ExecCommand]) -> Value {
    Value::from(
        cmds.iter()
            .map(|c| serde_json::json!({"path": c.path, "argv": c.argv, "flags": flags_of(c)}))
            .collect::<Vec<_>>(),
    )
}

/// Specifiers whose values depend on the machine the oracle ran on (boot id, host name,
/// kernel, the invoking user's shell …): records using them are compared in shape only.
const MACHINE_SPECIFIERS: &[&str] = &[
    "%H", "%l", "%q", "%m", "%b", "%v", "%a", "%o", "%w", "%W", "%B", "%M", "%A", "%s",
];

/// Strip argv down to its shape (command count, paths, flags, argv lengths).
fn shape(v: &Value) -> Value {
    Value::from(
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|c| {
                        serde_json::json!([
                            c["path"],
                            c["flags"],
                            c["argv"].as_array().map_or(0, Vec::len)
                        ])
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
    )
}

#[test]
fn unit_file_exec_lists() {
    let Some(dir) = model_support::conformance_dir() else {
        return;
    };
    let mut failures = Vec::new();
    let mut passed = 0;
    for r in records(&dir, "unitfiles-parsed.jsonl") {
        let Some(exec) = r.get("exec") else { continue };
        let file = dir.join("unitfiles").join(r["file"].as_str().unwrap_or(""));
        let unit = exec["unit_name_used"].as_str().unwrap_or("");
        let parent = file.parent().map(Path::to_path_buf).unwrap_or_default();
        // Load through a private directory holding just this file under the name used.
        let tmp = tempfile::tempdir().expect("tmp");
        let fname = file
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        std::fs::copy(&file, tmp.path().join(&fname)).expect("copy");
        let mut ctx = system_ctx(tmp.path().to_path_buf());
        if exec["manager_scope"] == "user" {
            ctx.scope = Scope::User;
            ctx.runtime_dir = Some("/run/user/0".into());
        }
        let _ = parent;
        let index = UnitIndex::scan(&ctx);
        let cfg = load_unit_with(&index, unit, &ctx);
        let machine_dependent = exec["env_dependent_specifiers"]
            .as_array()
            .is_some_and(|a| {
                a.iter()
                    .any(|s| MACHINE_SPECIFIERS.contains(&s.as_str().unwrap_or("")))
            });
        let empty = Value::Object(serde_json::Map::new());
        for (key, want) in exec["commands"]
            .as_object()
            .unwrap_or(empty.as_object().expect("map"))
        {
            let (section, directive) = key.split_once('.').unwrap_or(("", ""));
            let got = if section == "Service" {
                let UnitKind::Service(s) = &cfg.kind else {
                    failures.push(format!("{fname}: not loaded as a service"));
                    continue;
                };
                let list = match directive {
                    "ExecCondition" => &s.exec_condition,
                    "ExecStartPre" => &s.exec_start_pre,
                    "ExecStart" => &s.exec_start,
                    "ExecStartPost" => &s.exec_start_post,
                    "ExecReload" => &s.exec_reload,
                    "ExecStop" => &s.exec_stop,
                    "ExecStopPost" => &s.exec_stop_post,
                    _ => continue,
                };
                as_json(list)
            } else {
                // Other unit types are not modelled yet: replay their assignments.
                as_json(&replay(&file, unit, section, directive, &ctx))
            };
            let same = if machine_dependent {
                shape(&got) == shape(want)
            } else {
                got == *want
            };
            if same {
                passed += 1;
            } else {
                failures.push(format!(
                    "{fname} [{unit}] {key}:\n  expected {want}\n  got      {got}"
                ));
            }
        }
    }
    println!("exec lists: {passed} passed");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The final command list of `section.directive` in `file`, applying systemd's semantics.
fn replay(
    file: &Path,
    unit: &str,
    section: &str,
    directive: &str,
    ctx: &LoadContext,
) -> Vec<ExecCommand> {
    let bytes = std::fs::read(file).expect("read");
    let parsed = linger_unit::syntax::parse_bytes(&bytes, Some(file));
    let mut out: Vec<ExecCommand> = Vec::new();
    let sctx = linger_unit::loader::specifier_context(unit, Some(file), ctx);
    let expand = |w: &str| match &sctx {
        Ok(s) => linger_unit::specifier::expand(w, s),
        Err(e) => Err(SpecifierError {
            message: e.to_string(),
        }),
    };
    for a in parsed
        .assignments
        .iter()
        .filter(|a| a.section == section && a.key == directive)
    {
        if let Ok(line) = parse_exec_line_with(&a.value, &expand) {
            if line.reset {
                out.clear();
            }
            out.extend(line.commands);
        }
    }
    out
}

mod model_oracle_cases;

/// Diagnostics that are linger's own addition (systemd silently accepts these directives).
fn linger_only(message: &str) -> bool {
    message.contains("by linger")
}

#[test]
fn oracle_verdicts_and_warned_lines() {
    use linger_unit::loader::load_file;
    use linger_unit::model::LoadState;
    let t = model_support::Tree::new();
    let mut failures = Vec::new();
    for (name, text, want_state, want_lines) in model_oracle_cases::CASES {
        let path = t.write(
            &t.tmp.path().join("cases"),
            &format!("{name}.service"),
            text,
        );
        let u = load_file(&path, &t.ctx);
        let state = match u.load_state {
            LoadState::Loaded => "loaded",
            LoadState::BadSetting => "bad-setting",
            other => other.as_str(),
        };
        let mut lines: Vec<usize> = u
            .diagnostics
            .iter()
            .filter(|d| {
                d.line > 0 && d.path.as_deref() == Some(path.as_path()) && !linger_only(&d.message)
            })
            .map(|d| d.line)
            .collect();
        lines.dedup();
        if state != *want_state || lines != *want_lines {
            let msgs: Vec<String> = u.diagnostics.iter().map(ToString::to_string).collect();
            failures.push(format!(
                "{name}: expected {want_state} {want_lines:?}, got {state} {lines:?}\n    {}",
                msgs.join("\n    ")
            ));
        }
    }
    println!(
        "oracle cases: {} of {} match",
        model_oracle_cases::CASES.len() - failures.len(),
        model_oracle_cases::CASES.len()
    );
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
