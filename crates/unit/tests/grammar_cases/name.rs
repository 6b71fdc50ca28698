//! `unit_name`, `alias_symlink` records against `linger_unit::name`, and a batch of extra
//! cases against the real `systemd-escape`.

use linger_unit::name::{self, AliasError, NameKind, NameKinds};
use serde_json::Value;

use super::{Report, data_dir, s, unitparse};

/// systemd's `{ret, result}` for a function returning a string or an errno.
fn ret_result(r: Result<String, name::NameError>) -> Value {
    match r {
        Ok(v) => serde_json::json!({"ret": 0, "result": v}),
        Err(_) => serde_json::json!({"ret": "EINVAL", "result": null}),
    }
}

fn kinds(flags: &Value) -> NameKinds {
    let mut k = NameKinds {
        plain: false,
        template: false,
        instance: false,
    };
    for f in flags
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        match f {
            "UNIT_NAME_ANY" => k = NameKinds::ANY,
            "UNIT_NAME_PLAIN" => k.plain = true,
            "UNIT_NAME_TEMPLATE" => k.template = true,
            "UNIT_NAME_INSTANCE" => k.instance = true,
            other => panic!("unknown flag {other}"),
        }
    }
    k
}

/// What our implementation answers for one record, in the record's own shape.
fn answer(func: &str, i: &Value) -> Value {
    let n = || i["name"].as_str().unwrap_or_default();
    match func {
        "unit_name_is_valid" => Value::Bool(name::is_valid(n(), kinds(&i["flags"]))),
        "unit_name_replace_instance" => ret_result(name::replace_instance(n(), s(i, "instance"))),
        "unit_name_is_hashed" => Value::Bool(name::is_hashed(n())),
        "unit_name_from_path" => ret_result(name::from_path(s(i, "path"), s(i, "suffix"))),
        "unit_name_from_path_instance" => ret_result(name::from_path_instance(
            s(i, "prefix"),
            s(i, "path"),
            s(i, "suffix"),
        )),
        "unit_name_to_path" => ret_result(name::to_path(n())),
        "unit_name_mangle" => {
            match name::mangle(
                n(),
                s(i, "suffix"),
                i["allow_globs"].as_bool().unwrap_or(false),
            ) {
                Ok((v, changed)) => serde_json::json!({"ret": i32::from(changed), "result": v}),
                Err(_) => serde_json::json!({"ret": "EINVAL", "result": null}),
            }
        }
        "unit_instance_is_valid" => Value::Bool(name::instance_is_valid(n())),
        "unit_prefix_is_valid" => Value::Bool(name::prefix_is_valid(n())),
        "slice_name_is_valid" => Value::Bool(name::slice_is_valid(n())),
        "slice_build_parent_slice" => match name::slice_parent(s(i, "slice")) {
            Ok(None) => serde_json::json!({"ret": 0, "result": null}),
            Ok(Some(p)) => serde_json::json!({"ret": 1, "result": p}),
            Err(_) => serde_json::json!({"ret": "EINVAL", "result": null}),
        },
        "unit_name_template" => ret_result(name::template_of(n())),
        "unit_name_path_unescape" => ret_result(name::unescape_path(n())),
        "unit_name_to_prefix" => ret_result(name::to_prefix(n()).map(str::to_owned)),
        "unit_name_from_dbus_path" => ret_result(name::from_dbus_path(s(i, "path"))),
        "unit_name_prefix_equal" => Value::Bool(name::prefix_equal(s(i, "a"), s(i, "b"))),
        "unit_name_change_suffix" => ret_result(name::change_suffix(n(), s(i, "suffix"))),
        "unit_name_build" => ret_result(name::build(
            s(i, "prefix"),
            i["instance"].as_str(),
            s(i, "suffix"),
        )),
        "unit_name_to_instance" => match name::to_instance(n()) {
            Ok((kind, inst)) => {
                let k = match kind {
                    NameKind::Plain => "UNIT_NAME_PLAIN",
                    NameKind::Template => "UNIT_NAME_TEMPLATE",
                    NameKind::Instance => "UNIT_NAME_INSTANCE",
                };
                serde_json::json!({"ret": k, "result": inst})
            }
            Err(_) => serde_json::json!({"ret": "<0", "result": null}),
        },
        "unit_name_escape" => serde_json::json!({"result": name::escape(n())}),
        "slice_build_subslice" => {
            let chain: Vec<&str> = match i["chain"].as_array() {
                Some(c) => c.iter().filter_map(Value::as_str).collect(),
                None => vec![s(i, "name")],
            };
            let mut cur = Ok(s(i, "slice").to_owned());
            for c in chain {
                cur = cur.and_then(|sl| name::slice_subslice(&sl, c));
            }
            match cur {
                Ok(v) => serde_json::json!({"ret": 0, "result": v}),
                Err(_) => serde_json::json!({"ret": "<0", "result": null}),
            }
        }
        other => panic!("no mapping for unit_name function {other}"),
    }
}

/// Errno names in the records are what systemd returned; ours is a typed error, so compare
/// "some error" with "some error" where the record uses a generic `<0`.
fn same(expected: &Value, got: &Value) -> bool {
    expected == got
}

#[test]
fn unit_name_records() {
    let Some(dir) = data_dir() else { return };
    let mut report = Report::new("unit_name");
    for r in unitparse(&dir, &["unit_name"]) {
        let got = answer(s(&r, "function"), &r["input"]);
        let outcome = if same(&r["expected"], &got) {
            Ok(())
        } else {
            Err(format!(
                "{}: expected {}\n    got      {}",
                s(&r, "function"),
                r["expected"],
                got
            ))
        };
        report.check(s(&r, "id"), &r["input"], outcome);
    }
    report.finish();
}

#[test]
fn alias_symlink_records() {
    let Some(dir) = data_dir() else { return };
    let mut report = Report::new("alias_symlink");
    for r in unitparse(&dir, &["alias_symlink"]) {
        let got = match name::validate_alias_symlink(s(&r, "alias"), s(&r, "target")) {
            Ok(()) => serde_json::json!(0),
            Err(AliasError::Invalid { .. }) => serde_json::json!("EINVAL"),
            Err(AliasError::Mismatch { .. }) => serde_json::json!("EXDEV"),
            Err(AliasError::SelfLink(_)) => serde_json::json!("ELOOP"),
        };
        let input = (s(&r, "alias"), s(&r, "target"));
        report.eq(s(&r, "id"), &input, r["expected"].clone(), got);
    }
    report.finish();
}

/// Run `systemd-escape` once per mode over many inputs; its answers are space-separated.
fn systemd_escape(args: &[&str], inputs: &[&str]) -> Option<Vec<String>> {
    let out = std::process::Command::new("systemd-escape")
        .args(args)
        .arg("--")
        .args(inputs)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "systemd-escape {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).ok()?;
    Some(
        text.trim_end_matches('\n')
            .split(' ')
            .map(str::to_owned)
            .collect(),
    )
}

#[test]
fn against_systemd_escape() {
    let inputs = [
        "",
        "/",
        "foo",
        "foo bar",
        ".foo",
        "a/.b",
        "/a/./b/",
        "//a//b//",
        "ü",
        "a-b",
        "a\\b",
        "a:b_c.d",
        "-",
        "@",
        "x@y.service",
        "tab\there",
        "/dev/sda1",
        "/home/user/my-files",
        "a.b.c",
        "ab+-c.a/bc@foo.service",
        "100%",
        "é-è",
        "_x_",
        "~user",
        "a..b",
    ];
    let Some(escaped) = systemd_escape(&[], &inputs) else {
        eprintln!("skipped: systemd-escape not available");
        return;
    };
    let mut report = Report::new("systemd-escape");
    for (input, want) in inputs.iter().zip(&escaped) {
        report.eq(
            &format!("escape {input:?}"),
            input,
            want.clone(),
            name::escape(input),
        );
    }
    // `-u` prints raw text, space-separated: only feed it inputs without blanks.
    let plain: Vec<(&str, &str)> = inputs
        .iter()
        .zip(&escaped)
        .filter(|(i, _)| !i.is_empty() && !i.contains([' ', '\t']))
        .map(|(i, e)| (*i, e.as_str()))
        .collect();
    let back = systemd_escape(&["-u"], &plain.iter().map(|(_, e)| *e).collect::<Vec<_>>());
    for ((_, input), want) in plain.iter().zip(back.iter().flatten()) {
        report.eq(
            &format!("unescape {input:?}"),
            input,
            Ok(want.clone()),
            name::unescape(input),
        );
    }
    let paths = [
        "/",
        "//a//b//",
        "/a/./b/",
        "/dev/sda1",
        "/home/user/my-files",
        "/.hidden/x",
        "/ü",
        "/x@y",
        "/a-b/c",
    ];
    if let Some(got) = systemd_escape(&["--path"], &paths) {
        for (input, want) in paths.iter().zip(&got) {
            report.eq(
                &format!("escape --path {input:?}"),
                input,
                Ok(want.clone()),
                name::escape_path(input),
            );
        }
        let back = systemd_escape(
            &["--path", "-u"],
            &got.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        for (input, want) in got.iter().zip(back.iter().flatten()) {
            report.eq(
                &format!("unescape --path {input:?}"),
                input,
                Ok(want.clone()),
                name::unescape_path(input),
            );
        }
    }
    let mangle = [
        "foo",
        "foo.service",
        "/home",
        "/dev/sda",
        "a-b",
        "a\\b",
        "a:b_c.d",
        "..-x",
        "-",
        "ü",
        "x@y",
        "foo bar",
        "a.socket",
        "a.b",
        "#x;",
    ];
    if let Some(got) = systemd_escape(&["--mangle"], &mangle) {
        for (input, want) in mangle.iter().zip(&got) {
            let ours = name::mangle(input, ".service", false).map(|(n, _)| n);
            report.eq(&format!("mangle {input:?}"), input, Ok(want.clone()), ours);
        }
    }
    for bad in ["../x", "a/../b"] {
        let ok = std::process::Command::new("systemd-escape")
            .args(["--path", "--", bad])
            .output()
            .is_ok_and(|o| o.status.success());
        report.eq(
            &format!("escape --path {bad:?} fails"),
            &bad,
            ok,
            name::escape_path(bad).is_ok(),
        );
    }
    for bad in ["\\x", "\\xzz", "foo\\bar", "a\\x2"] {
        let ok = std::process::Command::new("systemd-escape")
            .args(["-u", "--", bad])
            .output()
            .is_ok_and(|o| o.status.success());
        report.eq(
            &format!("unescape {bad:?} fails"),
            &bad,
            ok,
            name::unescape(bad).is_ok(),
        );
    }
    report.finish();
}
