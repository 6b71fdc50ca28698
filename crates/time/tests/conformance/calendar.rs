//! calendar.jsonl: normalized forms, next elapses from `from` in `tz`, and errors.

use jiff::tz::TimeZone;
use linger_time::analyze::calendar_report;
use linger_time::{CalendarSpec, ErrorKind, format_timestamp};
use serde_json::Value;

use crate::common::{Mismatches, records, str_field, u64_field, zone_for_tz_env};

fn strings(r: &Value, key: &str) -> Vec<String> {
    r.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn calendar_conformance() {
    let Some(records) = records("calendar.jsonl") else {
        return;
    };
    let mut m = Mismatches::default();
    for r in &records {
        let id = str_field(r, "id").unwrap_or("?");
        let expr = str_field(r, "expr").unwrap_or_default();
        let parsed = CalendarSpec::parse(expr);
        if r.get("error").and_then(Value::as_bool) == Some(true) {
            let Err(e) = parsed else {
                m.fail(
                    id,
                    expr,
                    format!(
                        "expected an error, got {:?}",
                        parsed.map(|s| s.normalized())
                    ),
                );
                continue;
            };
            let kind = match str_field(r, "errno") {
                Some("ERANGE") => ErrorKind::OutOfRange,
                _ => ErrorKind::Invalid,
            };
            m.check(id, expr, "error kind", kind, e.kind());
            if let Some(stderr) = str_field(r, "analyze_stderr") {
                // The tool's stderr as recorded: the first line of our error output (an
                // input with a newline splits the message the same way).
                let (_, errors) = calendar_report(&[expr], 1, 0, 0, &TimeZone::UTC);
                let first = errors.join("\n");
                let first = first.split('\n').next().unwrap_or_default();
                m.check(
                    id,
                    expr,
                    "analyze stderr",
                    stderr.split('\n').next().unwrap_or_default(),
                    first,
                );
            }
            continue;
        }
        let spec = match parsed {
            Ok(spec) => spec,
            Err(e) => {
                m.fail(id, expr, format!("unexpected error: {e}"));
                continue;
            }
        };
        let normalized = str_field(r, "normalized").unwrap_or_default();
        m.check(
            id,
            expr,
            "normalized",
            normalized.to_owned(),
            spec.normalized(),
        );
        if r.get("normalized_is_fixed_point").and_then(Value::as_bool) == Some(true) {
            let again = CalendarSpec::parse(normalized)
                .map(|s| s.normalized())
                .map_err(|e| e.to_string());
            m.check(
                id,
                expr,
                "normalized form reparsed",
                Ok(normalized.to_owned()),
                again,
            );
        }
        check_next(&mut m, id, expr, &spec, r);
    }
    m.assert_none("calendar.jsonl");
}

fn check_next(m: &mut Mismatches, id: &str, expr: &str, spec: &CalendarSpec, r: &Value) {
    let Some(from) = u64_field(r, "from_usec") else {
        return;
    };
    let iterations = u64_field(r, "iterations").unwrap_or(1);
    let tz_env = str_field(r, "tz");
    // glibc falls back to UTC for a TZ naming no file (":IST") but prints the name as the
    // abbreviation; the instants are compared, the local strings cannot be.
    let exact_zone = zone_for_tz_env(tz_env);
    let tz = exact_zone.clone().unwrap_or(TimeZone::UTC);
    let mut got = Vec::new();
    let mut after = from;
    for _ in 0..iterations {
        match spec.next_elapse_in(after, &tz) {
            Some(next) => {
                got.push(next);
                after = next;
            }
            None => break,
        }
    }
    let expected: Vec<u64> = r
        .get("next_usec")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    m.check(
        id,
        expr,
        &format!("next elapses (tz {tz_env:?})"),
        &expected,
        &got,
    );
    let utc: Vec<String> = got
        .iter()
        .map(|&u| format_timestamp(u, &TimeZone::UTC))
        .collect();
    m.check(id, expr, "next elapses in UTC", strings(r, "next_utc"), utc);
    if let Some(zone) = exact_zone {
        let local: Vec<String> = got.iter().map(|&u| format_timestamp(u, &zone)).collect();
        m.check(id, expr, "next elapses, local", strings(r, "next"), local);
    }
}
