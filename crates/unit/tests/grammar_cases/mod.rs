//! Shared helpers: locating the data, reading records, reporting mismatches.

mod exec;
mod name;
mod specifier;
mod syntax;

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The conformance directory, or `None` (after printing why) when it is absent and not required.
pub fn data_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/conformance");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("LINGER_REQUIRE_CONFORMANCE").as_deref() != Ok("1"),
        "conformance data not found at {} but LINGER_REQUIRE_CONFORMANCE=1",
        dir.display()
    );
    eprintln!("skipped: conformance data not found");
    None
}

/// All records of a jsonl file.
pub fn records(dir: &Path, file: &str) -> Vec<Value> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .collect()
}

/// The records of `unitparse.jsonl` whose `kind` is one of `kinds`.
pub fn unitparse(dir: &Path, kinds: &[&str]) -> Vec<Value> {
    records(dir, "unitparse.jsonl")
        .into_iter()
        .filter(|r| r["kind"].as_str().is_some_and(|k| kinds.contains(&k)))
        .collect()
}

/// Collects mismatches and pass counts; panics on `finish` if anything failed.
///
/// Check ids may carry an aspect in brackets (`up-0001 [log]`); records are counted by the
/// id before it, and a record passes when all its checks do.
pub struct Report {
    what: &'static str,
    records: std::collections::BTreeSet<String>,
    failed_records: std::collections::BTreeSet<String>,
    failures: Vec<String>,
}

impl Report {
    pub fn new(what: &'static str) -> Report {
        Report {
            what,
            records: Default::default(),
            failed_records: Default::default(),
            failures: Vec::new(),
        }
    }

    /// Record one case: `Ok` passes, `Err(detail)` is a mismatch for record `id`.
    pub fn check(&mut self, id: &str, input: &dyn std::fmt::Debug, outcome: Result<(), String>) {
        let record = id.split(" [").next().unwrap_or(id).to_owned();
        self.records.insert(record.clone());
        match outcome {
            Ok(()) => {}
            Err(detail) => {
                self.failed_records.insert(record);
                let mut input = format!("{input:?}");
                if input.len() > 300 {
                    let mut cut = 300;
                    while !input.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    input.truncate(cut);
                    input.push('…');
                }
                self.failures
                    .push(format!("{id}: input {input}\n    {detail}"));
            }
        }
    }

    /// Compare two values; the mismatch text shows both.
    pub fn eq<T: PartialEq + std::fmt::Debug>(
        &mut self,
        id: &str,
        input: &dyn std::fmt::Debug,
        expected: T,
        got: T,
    ) {
        let outcome = if expected == got {
            Ok(())
        } else {
            Err(format!("expected {expected:?}\n    got      {got:?}"))
        };
        self.check(id, input, outcome);
    }

    pub fn finish(self) {
        let failed = self.failed_records.len();
        let passed = self.records.len() - failed;
        eprintln!("{}: {passed} records passed, {failed} failed", self.what);
        assert!(
            self.failures.is_empty(),
            "{} mismatches in {} ({passed} records passed, {failed} failed):\n{}",
            self.failures.len(),
            self.what,
            self.failures.join("\n")
        );
    }
}

/// Field `k` of `v` as a string (panics with the record id if missing: the data is fixed).
pub fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str()
        .unwrap_or_else(|| panic!("record {} has no string field {k}", v["id"]))
}
