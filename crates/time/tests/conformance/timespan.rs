//! timespan.jsonl: parse_sec / parse_time / parse_nsec / format_timespan and friends.

use linger_time::{
    ErrorKind, format_timespan, parse_nsec, parse_sec, parse_sec_def_infinity, parse_sec_fix_0,
    parse_time,
};
use serde_json::Value;

use crate::common::{Mismatches, records, str_field, u64_field};

fn kind_of(errno: Option<&str>) -> Option<ErrorKind> {
    match errno {
        Some("EINVAL") => Some(ErrorKind::Invalid),
        Some("ERANGE") => Some(ErrorKind::OutOfRange),
        _ => None,
    }
}

#[test]
fn timespan_conformance() {
    let Some(records) = records("timespan.jsonl") else {
        return;
    };
    let mut m = Mismatches::default();
    for r in &records {
        let id = str_field(r, "id").unwrap_or("?");
        let func = str_field(r, "func").unwrap_or("?");
        if func == "format_timespan" {
            check_format(&mut m, id, r);
            continue;
        }
        let input = str_field(r, "input").unwrap_or_default();
        let result = match func {
            "parse_sec" => parse_sec(input),
            "parse_sec_fix_0" => parse_sec_fix_0(input),
            "parse_sec_def_infinity" => parse_sec_def_infinity(input),
            "parse_time" => parse_time(input, u64_field(r, "default_unit_usec").unwrap_or(1)),
            "parse_nsec" => parse_nsec(input),
            other => {
                m.fail(id, input, format!("unknown func {other}"));
                continue;
            }
        };
        if r.get("error").and_then(Value::as_bool) == Some(true) {
            match (&result, kind_of(str_field(r, "errno"))) {
                (Ok(v), _) => m.fail(id, input, format!("{func}: expected an error, got {v}")),
                (Err(e), Some(kind)) => m.check(id, input, "error kind", kind, e.kind()),
                (Err(_), None) => m.checked += 1,
            }
            continue;
        }
        let expected = u64_field(r, "usec").or_else(|| u64_field(r, "nsec"));
        m.check(
            id,
            input,
            func,
            expected.ok_or(()),
            result.clone().map_err(|_| ()),
        );
        if let (Some(human), Ok(v)) = (str_field(r, "human"), result) {
            m.check(
                id,
                input,
                "human (format_timespan)",
                human.to_owned(),
                format_timespan(v, 1),
            );
        }
    }
    m.assert_none("timespan.jsonl");
}

fn check_format(m: &mut Mismatches, id: &str, r: &Value) {
    let (Some(usec), Some(accuracy), Some(formatted)) = (
        u64_field(r, "usec"),
        u64_field(r, "accuracy_usec"),
        str_field(r, "formatted"),
    ) else {
        m.fail(
            id,
            "",
            "format_timespan record without usec/accuracy_usec/formatted".to_owned(),
        );
        return;
    };
    let input = format!("{usec} @ {accuracy}");
    let got = format_timespan(usec, accuracy);
    m.check(id, &input, "format_timespan", formatted, got.as_str());
    if let Some(reparsed) = u64_field(r, "reparsed_usec") {
        m.check(
            id,
            &input,
            "reparsed",
            Ok(reparsed),
            parse_sec(&got).map_err(|_| ()),
        );
    }
}
