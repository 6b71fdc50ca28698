//! `specifier`, `specifier_escape(_strv)`, `specifier_printf` and
//! `contains_instance_specifier_superset` records against `linger_unit::specifier`.
//!
//! Records whose value depends on the machine (`expected_symbolic`) are compared with what
//! independent tools report here (`id`, `uname`, `/proc`, a shell sourcing os-release).

use std::process::Command;

use linger_unit::specifier::{
    self, HostInfo, OsRelease, Scope, SpecifierContext, contains_instance_specifier_superset,
};
use serde_json::Value;

use super::{Report, data_dir, s, unitparse};

fn sh(cmd: &str) -> String {
    let out = Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .output()
        .unwrap_or_else(|e| panic!("sh -c {cmd}: {e}"));
    String::from_utf8_lossy(&out.stdout)
        .trim_end_matches('\n')
        .to_owned()
}

fn env_or(k: &str, default: &str) -> String {
    std::env::var(k)
        .ok()
        .filter(|v| v.starts_with('/'))
        .unwrap_or_else(|| default.to_owned())
}

/// The machine's answer for a symbolic expectation, in the given scope.
fn machine_value(symbol: &str, scope: Scope) -> Option<String> {
    let system = scope == Scope::System;
    let home = std::env::var("HOME").unwrap_or_default();
    let config = env_or("XDG_CONFIG_HOME", &format!("{home}/.config"));
    let os = |k: &str| {
        sh(&format!(
            "unset {k}; . /etc/os-release 2>/dev/null || . /usr/lib/os-release; printf %s \"${k}\""
        ))
    };
    let short = sh("uname -n | cut -d. -f1");
    Some(match symbol {
        "architecture" => match sh("uname -m").as_str() {
            "x86_64" => "x86-64".into(),
            "aarch64" => "arm64".into(),
            other => other.into(),
        },
        "os_image_version" => os("IMAGE_VERSION"),
        "os_build_id" => os("BUILD_ID"),
        "os_image_id" => os("IMAGE_ID"),
        "os_id" => os("ID"),
        "os_version_id" => os("VERSION_ID"),
        "os_variant_id" => os("VARIANT_ID"),
        "boot_id" => sh("tr -d '-' < /proc/sys/kernel/random/boot_id"),
        "machine_id" => sh("cat /etc/machine-id"),
        "hostname" => sh("uname -n"),
        "short_hostname" => short,
        "pretty_hostname" => {
            let p =
                sh("sed -n 's/^PRETTY_HOSTNAME=//p' /etc/machine-info 2>/dev/null | tr -d '\"'");
            if p.is_empty() { short } else { p }
        }
        "group" if system => "root".into(),
        "gid" | "uid" if system => "0".into(),
        "user" if system => "root".into(),
        "group" => sh("id -gn"),
        "gid" => sh("id -g"),
        "user" => sh("id -un"),
        "uid" => sh("id -u"),
        "tmp_dir" => env_or("TMPDIR", "/tmp"),
        "var_tmp_dir" => env_or("TMPDIR", "/var/tmp"),
        "m->prefix[EXEC_DIRECTORY_CACHE]" => env_or("XDG_CACHE_HOME", &format!("{home}/.cache")),
        "m->prefix[EXEC_DIRECTORY_CONFIGURATION]" | "m->prefix[EXEC_DIRECTORY_STATE]" => config,
        "m->prefix[EXEC_DIRECTORY_LOGS]" => format!("{config}/log"),
        // A user manager always has $XDG_RUNTIME_DIR; outside one, /run/user/UID stands in.
        "m->prefix[EXEC_DIRECTORY_RUNTIME]" => {
            env_or("XDG_RUNTIME_DIR", &format!("/run/user/{}", sh("id -u")))
        }
        "home" => home,
        "shell" => std::env::var("SHELL")
            .ok()
            .filter(|v| v.starts_with('/'))
            .unwrap_or_else(|| sh("getent passwd $(id -u) | cut -d: -f7")),
        "filename" => FRAGMENT.into(),
        _ => return None,
    })
}

/// The unit file path given to the context (the upstream test uses a temp file in /tmp).
const FRAGMENT: &str = "/tmp/test-unit_printf.XXXXXX";

/// `fnmatch()` for the only wildcard the records use, `*`.
fn glob_match(pattern: &str, s: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == s,
        Some((head, tail)) => {
            s.len() >= head.len() + tail.len() && s.starts_with(head) && s.ends_with(tail)
        }
    }
}

fn context(r: &Value) -> (SpecifierContext, Scope) {
    let scope_text = s(r, "scope");
    let scope = if scope_text.contains("SYSTEM") {
        Scope::System
    } else if scope_text.contains("GLOBAL") {
        Scope::Global
    } else {
        Scope::User
    };
    let mut ctx =
        SpecifierContext::from_system(s(r, "unit_name"), scope).unwrap_or_else(|e| panic!("{e}"));
    // As set up by the upstream test: a cgroup root, a unit file, and units that were not
    // loaded, so a slice unit has no parent slice yet.
    ctx.cgroup_root = "/cgroup-root".into();
    ctx.fragment_path = Some(FRAGMENT.into());
    if ctx.unit.unit_type == linger_unit::model::UnitType::Slice {
        ctx.slice = None;
    }
    (ctx, scope)
}

#[test]
fn specifier_records() {
    let Some(dir) = data_dir() else { return };
    let mut report = Report::new("specifier");
    for r in unitparse(&dir, &["specifier"]) {
        let (ctx, scope) = context(&r);
        let input = s(&r, "input");
        let got = if s(&r, "function").starts_with("install_name_printf") {
            specifier::expand_name(input, &ctx)
        } else {
            specifier::expand(input, &ctx)
        };
        let id = s(&r, "id");
        let outcome = if r["expected_error"].as_bool() == Some(true) {
            match &got {
                Err(_) => Ok(()),
                Ok(v) => Err(format!("expected an error, got {v:?}")),
            }
        } else if let Some(want) = r["expected"].as_str() {
            match &got {
                Ok(v) if glob_match(want, v) => Ok(()),
                other => Err(format!("expected {want:?}, got {other:?}")),
            }
        } else {
            let symbol = s(&r, "expected_symbolic");
            let want = machine_value(symbol, scope)
                .unwrap_or_else(|| panic!("{id}: no machine value for {symbol}"));
            match &got {
                Ok(v) if *v == want => Ok(()),
                other => Err(format!("expected {symbol} = {want:?}, got {other:?}")),
            }
        };
        report.check(id, &(s(&r, "unit_name"), input), outcome);
    }
    report.finish();
}

#[test]
fn escape_printf_and_superset_records() {
    let Some(dir) = data_dir() else { return };
    let mut report = Report::new("specifier_escape/printf/superset");
    let kinds = [
        "specifier_escape",
        "specifier_escape_strv",
        "specifier_printf",
        "contains_instance_specifier_superset",
    ];
    for r in unitparse(&dir, &kinds) {
        let id = s(&r, "id");
        let input = &r["input"];
        match s(&r, "kind") {
            "specifier_escape" => {
                let got = input.as_str().map(specifier::escape);
                report.eq(id, input, r["expected"].as_str().map(str::to_owned), got);
            }
            "specifier_escape_strv" => {
                let v: Option<Vec<String>> = input.as_array().map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_owned))
                        .collect()
                });
                let got = v.map(|v| specifier::escape_all(&v));
                let want: Option<Vec<String>> = r["expected"].as_array().map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_owned))
                        .collect()
                });
                report.eq(id, input, want, got);
            }
            "specifier_printf" => {
                let got = if let Some(table) = r["table"].as_object() {
                    specifier::printf(s(&r, "input"), &|c| {
                        table
                            .get(&c.to_string())
                            .map(|v| Ok(v.as_str().unwrap_or_default().to_owned()))
                    })
                } else {
                    // SYSTEMD_OS_RELEASE=/dev/null: an os-release without any field.
                    let host = HostInfo {
                        os_release: OsRelease::load(Some("/dev/null".as_ref())),
                        ..HostInfo::default()
                    };
                    specifier::printf(s(&r, "input"), &|c| Some(host_value(&host, c)))
                };
                report.eq(id, input, Ok(s(&r, "expected").to_owned()), got);
            }
            _ => {
                let got = contains_instance_specifier_superset(s(&r, "input"));
                report.eq(id, input, r["expected"].as_bool(), Some(got));
            }
        }
    }
    report.finish();
}

/// A machine specifier through a context holding `host`.
fn host_value(host: &HostInfo, c: char) -> Result<String, specifier::SpecifierError> {
    let user = linger_unit::specifier::UserInfo::root("/bin/sh");
    let ctx = SpecifierContext::for_user_manager("x.service", &user, &|_| None, host.clone())
        .unwrap_or_else(|e| panic!("{e}"));
    specifier::expand(&format!("%{c}"), &ctx)
}
