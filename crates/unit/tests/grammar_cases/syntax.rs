//! `conf_file` records and the parsed unit-file corpus against `syntax::parse_with`.

use linger_unit::syntax::{ParsedFile, SectionKind, parse_with};
use serde_json::Value;

use super::{Report, data_dir, records, s, unitparse};

/// The section classifier systemd's `config_parse()` applies for a `sections` list:
/// listed names are known, `-Name` entries and `X-` sections are ignored silently.
fn classifier(sections: &[String]) -> impl Fn(&str) -> SectionKind + '_ {
    move |name: &str| {
        if sections.iter().any(|s| s == name) {
            SectionKind::Known
        } else if name.starts_with("X-")
            || sections.iter().any(|s| s.strip_prefix('-') == Some(name))
        {
            SectionKind::IgnoredSilently
        } else {
            SectionKind::Unknown
        }
    }
}

fn section_list(r: &Value) -> Vec<String> {
    r["sections"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn assignments(p: &ParsedFile) -> Vec<(String, String, String, usize)> {
    p.assignments
        .iter()
        .map(|a| (a.section.clone(), a.key.clone(), a.value.clone(), a.line))
        .collect()
}

fn expected_assignments(v: &Value) -> Vec<(String, String, String, usize)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|x| {
                    (
                        s(x, "section").to_owned(),
                        s(x, "key").to_owned(),
                        s(x, "value").to_owned(),
                        x["line"].as_u64().unwrap_or(0) as usize,
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Diagnostics as `line: message`, comparable to systemd's `file:line: message` log lines.
fn logs(p: &ParsedFile) -> Vec<String> {
    p.diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.line, d.message))
        .collect()
}

fn expected_logs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                // Drop the file name, keep "line: message".
                .map(|l| l.split_once(':').map_or(l, |(_, rest)| rest).to_owned())
                // systemd's closing "Failed to parse file" line has no counterpart here.
                .filter(|l| !l.contains("Failed to parse file"))
                .collect()
        })
        .unwrap_or_default()
}

fn check_one(
    report: &mut Report,
    id: &str,
    bytes: &[u8],
    sections: &[String],
    ok: bool,
    want_assignments: Option<&Value>,
    want_logs: Option<&Value>,
) {
    let classify = classifier(sections);
    let got = parse_with(bytes, None, &classify);
    let label: &dyn std::fmt::Debug = &String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
    report.eq(&format!("{id} [fails]"), label, !ok, got.is_fatal());
    if let Some(want) = want_assignments.filter(|v| !v.is_null()) {
        report.eq(
            &format!("{id} [assignments]"),
            label,
            expected_assignments(want),
            assignments(&got),
        );
    }
    if let Some(want) = want_logs.filter(|v| !v.is_null()) {
        report.eq(
            &format!("{id} [log]"),
            label,
            expected_logs(want),
            logs(&got),
        );
    }
}

#[test]
fn conf_file_records() {
    let Some(dir) = data_dir() else { return };
    let mut report = Report::new("conf_file");
    let recs = unitparse(&dir, &["conf_file", "conf_file_raw"]);
    assert!(!recs.is_empty());
    for r in &recs {
        let ok = r["expected"]["return"].as_i64().is_some_and(|v| v >= 0);
        check_one(
            &mut report,
            s(r, "id"),
            s(r, "input").as_bytes(),
            &section_list(r),
            ok,
            Some(&r["expected_assignments"]),
            // Fatal cases were recorded without logging enabled.
            if ok {
                Some(&r["expected_log_252"])
            } else {
                None
            },
        );
    }
    report.finish();
}

#[test]
fn unit_file_corpus() {
    let Some(dir) = data_dir() else { return };
    let mut report = Report::new("unitfiles-parsed");
    for r in records(&dir, "unitfiles-parsed.jsonl") {
        let file = s(&r, "file");
        let path = dir.join("unitfiles").join(file);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let ok = r["expected"]["return"].as_i64().is_some_and(|v| v >= 0);
        check_one(
            &mut report,
            file,
            &bytes,
            &section_list(&r),
            ok,
            Some(&r["expected"]["assignments"]),
            Some(&r["expected_log_252"]),
        );
    }
    report.finish();
}

/// Every unit file installed on this machine lexes without a fatal error or a warning, and
/// its `Exec*=` lines parse (specifiers expanded for the system or user manager).
#[test]
fn installed_unit_files() {
    use linger_unit::exec_line::parse_exec_line_with;
    use linger_unit::name;
    use linger_unit::specifier::{Scope, SpecifierContext, expand};

    let mut report = Report::new("installed unit files");
    let mut seen = 0;
    for (root, scope) in [
        ("/usr/lib/systemd/user", Scope::User),
        ("/lib/systemd/system", Scope::System),
    ] {
        let Ok(entries) = std::fs::read_dir(root) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let Some(fname) = path.file_name().and_then(|f| f.to_str()).map(str::to_owned) else {
                continue;
            };
            if !name::is_valid(&fname, name::NameKinds::ANY) || !path.is_file() {
                continue;
            }
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            seen += 1;
            let parsed = parse_with(&bytes, None, &|_| SectionKind::Known);
            let label = path.display().to_string();
            report.eq(
                &format!("{label} [diagnostics]"),
                &label,
                Vec::<String>::new(),
                logs(&parsed),
            );
            // Templates are expanded as an instance, as the manager would.
            let unit = name::replace_instance(&fname, "inst").unwrap_or(fname.clone());
            let Ok(ctx) = SpecifierContext::from_system(&unit, scope) else {
                continue;
            };
            for a in parsed
                .assignments
                .iter()
                .filter(|a| a.key.starts_with("Exec"))
            {
                if ![
                    "ExecStart",
                    "ExecStartPre",
                    "ExecStartPost",
                    "ExecStop",
                    "ExecStopPost",
                    "ExecReload",
                    "ExecCondition",
                    "ExecStopPre",
                ]
                .contains(&a.key.as_str())
                {
                    continue;
                }
                let outcome = match parse_exec_line_with(&a.value, &|w| expand(w, &ctx)) {
                    Ok(l) if l.warnings.is_empty() => Ok(()),
                    Ok(l) => Err(format!("warnings {:?}", l.warnings)),
                    Err(e) => Err(e.message),
                };
                report.check(&format!("{label}:{} {}", a.line, a.key), &a.value, outcome);
            }
        }
    }
    if seen == 0 {
        eprintln!("skipped: no installed unit files found");
    }
    report.finish();
}
