//! Resource directives in systemd's own unit files (conformance/unitfiles-parsed.jsonl): every
//! assignment systemd 252 accepted without a warning must parse here, and every one it warned
//! about must be refused.
#![allow(clippy::print_stderr)] // a skipped test says so

use std::path::Path;

use linger_cgroup::{Directive, ResourceLimits};

#[test]
fn resource_directives_in_upstream_unit_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/conformance");
    let file = dir.join("unitfiles-parsed.jsonl");
    let Ok(text) = std::fs::read_to_string(&file) else {
        assert!(
            std::env::var("LINGER_REQUIRE_CONFORMANCE").as_deref() != Ok("1"),
            "conformance data required but {} is missing",
            file.display()
        );
        eprintln!("skipped: conformance data not found");
        return;
    };
    let (mut checked, mut bad) = (0, Vec::new());
    for (n, line) in text.lines().enumerate() {
        let rec: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{}:{}: {e}", file.display(), n + 1));
        let name = rec["file"].as_str().unwrap_or_default();
        let base = name.rsplit('/').next().unwrap_or_default();
        let logs: Vec<&str> = rec["expected_log_252"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let Some(assignments) = rec["expected"]["assignments"].as_array() else {
            continue;
        };
        for a in assignments {
            let key = a["key"].as_str().unwrap_or_default();
            let Some(d) = Directive::from_name(key) else {
                continue;
            };
            let value = a["value"].as_str().unwrap_or_default();
            let line_no = a["line"].as_u64().unwrap_or_default();
            let prefix = format!("{base}:{line_no}:");
            let systemd_warned = logs.iter().any(|l| l.starts_with(&prefix));
            let ours = ResourceLimits::default().assign(d, value);
            checked += 1;
            if ours.is_ok() == systemd_warned {
                bad.push(format!(
                    "{name}:{line_no} {key}={value:?}: systemd warned: {systemd_warned}, we got {ours:?}"
                ));
            }
        }
    }
    eprintln!(
        "resource directives checked: {checked}, mismatches: {}",
        bad.len()
    );
    assert!(checked >= 12, "too few records found ({checked})");
    assert!(bad.is_empty(), "mismatches:\n{}", bad.join("\n"));
}
