//! Shared helpers: locating the conformance data and the systemd-analyze oracle, reading
//! JSON lines, collecting mismatches.

use std::path::{Path, PathBuf};
use std::process::Command;

use jiff::tz::TimeZone;
use serde_json::Value;

/// The conformance directory, or `None` (after saying so) when it is absent and not
/// required.
pub fn conformance_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/conformance");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("LINGER_REQUIRE_CONFORMANCE").is_none_or(|v| v != "1"),
        "conformance data not found at {} and LINGER_REQUIRE_CONFORMANCE=1",
        dir.display()
    );
    println!("skipped: conformance data not found");
    None
}

/// All records of one JSON-lines file.
pub fn records(file: &str) -> Option<Vec<Value>> {
    let path = conformance_dir()?.join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(|(i, l)| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1))
            })
            .collect(),
    )
}

/// Whether the real `systemd-analyze` can be run; says so when it cannot.
pub fn oracle_available() -> bool {
    let ok = Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("LINGER_REQUIRE_ORACLE").is_none_or(|v| v != "1"),
            "systemd-analyze not available and LINGER_REQUIRE_ORACLE=1"
        );
        println!("skipped: systemd-analyze not available");
    }
    ok
}

/// Runs `systemd-analyze ARGS…` with `TZ` set; returns (stdout, stderr).
pub fn analyze(tz: &str, args: &[&str]) -> (String, String) {
    let out = Command::new("systemd-analyze")
        .args(args)
        .env("TZ", tz)
        .env("SYSTEMD_COLORS", "0")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("run systemd-analyze");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The zone glibc uses for a `TZ` value as the conformance records give it: unset or
/// empty is UTC, `:NAME` and `NAME` load the file. `None` when glibc would fall back to
/// UTC under the given name (":IST"), which jiff cannot imitate.
pub fn zone_for_tz_env(tz: Option<&str>) -> Option<TimeZone> {
    match tz.map(|t| t.trim_start_matches(':')) {
        None | Some("" | "UTC") => Some(TimeZone::UTC),
        Some(name) => TimeZone::get(name).ok(),
    }
}

/// Collected differences between expected and actual results.
#[derive(Default)]
pub struct Mismatches {
    lines: Vec<String>,
    pub checked: usize,
}

impl Mismatches {
    pub fn check<T: PartialEq + std::fmt::Debug>(
        &mut self,
        id: &str,
        input: &str,
        what: &str,
        expected: T,
        got: T,
    ) {
        self.checked += 1;
        if expected != got {
            self.lines.push(format!(
                "{id} {input:?} {what}:\n    expected {expected:?}\n    got      {got:?}"
            ));
        }
    }

    pub fn fail(&mut self, id: &str, input: &str, message: String) {
        self.lines.push(format!("{id} {input:?}: {message}"));
    }

    pub fn assert_none(self, name: &str) {
        println!(
            "{name}: {} checks, {} mismatches",
            self.checked,
            self.lines.len()
        );
        assert!(
            self.lines.is_empty(),
            "{name}: {} mismatches:\n{}",
            self.lines.len(),
            self.lines.join("\n")
        );
    }
}

pub fn str_field<'a>(r: &'a Value, key: &str) -> Option<&'a str> {
    r.get(key).and_then(Value::as_str)
}

pub fn u64_field(r: &Value, key: &str) -> Option<u64> {
    r.get(key).and_then(Value::as_u64)
}
