//! Rows for the process-execution settings (systemd.exec(5)) linger implements, and the raw
//! resource-control settings (systemd.resource-control(5)).

use std::path::PathBuf;

use super::{Apply, Cx, UnitBuilder};
use crate::model::{ResourceLimit, WorkingDirectory};
use crate::value::{
    cunescape, env_name_is_valid, parse_boolean, parse_environment_assignments, parse_input_spec,
    parse_memory_limit, parse_mode, parse_nice, parse_oom_score_adjust, parse_output_spec,
    parse_rlimit, rlimit_by_key, split_words,
};

/// Exec rows valid in `[Service]`.
pub(crate) const EXEC: &[(&str, Apply)] = &[
    ("WorkingDirectory", working_directory),
    ("Environment", environment),
    ("EnvironmentFile", environment_file),
    ("UnsetEnvironment", |b, cx| name_list(b, cx, true)),
    ("PassEnvironment", |b, cx| name_list(b, cx, false)),
    ("StandardInput", |b, cx| {
        b.set(cx, true, parse_input_spec, |b, v| {
            b.svc.exec.standard_input = v;
            b.extra.input_set = true;
        });
    }),
    ("StandardOutput", |b, cx| output(b, cx, false)),
    ("StandardError", |b, cx| output(b, cx, true)),
    ("StandardInputText", input_text),
    ("StandardInputData", input_data),
    ("SyslogIdentifier", |b, cx| {
        if let Some(v) = b.expand(cx) {
            b.svc.exec.syslog_identifier = (!v.is_empty()).then_some(v);
        }
    }),
    ("SyslogLevelPrefix", |b, cx| {
        b.set(cx, false, parse_boolean, |b, v| {
            b.svc.exec.syslog_level_prefix = v
        })
    }),
    ("UMask", |b, cx| {
        b.set(cx, false, parse_mode, |b, v| b.svc.exec.umask = v)
    }),
    ("Nice", |b, cx| {
        b.set(cx, false, parse_nice, |b, v| b.svc.exec.nice = Some(v))
    }),
    ("OOMScoreAdjust", |b, cx| {
        b.set(cx, false, parse_oom_score_adjust, |b, v| {
            b.svc.exec.oom_score_adjust = Some(v)
        })
    }),
    ("LimitCPU", limit),
    ("LimitFSIZE", limit),
    ("LimitDATA", limit),
    ("LimitSTACK", limit),
    ("LimitCORE", limit),
    ("LimitRSS", limit),
    ("LimitNOFILE", limit),
    ("LimitAS", limit),
    ("LimitNPROC", limit),
    ("LimitMEMLOCK", limit),
    ("LimitLOCKS", limit),
    ("LimitSIGPENDING", limit),
    ("LimitMSGQUEUE", limit),
    ("LimitNICE", limit),
    ("LimitRTPRIO", limit),
    ("LimitRTTIME", limit),
    ("User", |b, cx| user_or_group(b, cx, false)),
    ("Group", |b, cx| user_or_group(b, cx, true)),
];

/// `WorkingDirectory=`: `-` prefix (missing is fine), `~` for the home directory, otherwise
/// an absolute path. A relative path is fatal in systemd.
fn working_directory(b: &mut UnitBuilder, cx: &Cx<'_>) {
    let raw = cx.value.trim();
    if raw.is_empty() {
        b.svc.exec.working_directory = None;
        return;
    }
    let (missing_ok, rest) = match raw.strip_prefix('-') {
        Some(r) => (true, r.trim_start()),
        None => (false, raw),
    };
    let path = if rest == "~" {
        match cx.actx.home {
            Some(h) => h.to_path_buf(),
            None => {
                b.warn(
                    cx,
                    "WorkingDirectory=~ but the home directory is unknown, ignoring.".into(),
                );
                return;
            }
        }
    } else {
        let Some(v) = b.expand_str(cx, rest) else {
            return;
        };
        match crate::value::parse_path(&v) {
            Ok(p) => p,
            Err(_) => {
                b.fatal(cx, format!("WorkingDirectory= path is not absolute: {v}"));
                return;
            }
        }
    };
    b.svc.exec.working_directory = Some(WorkingDirectory { path, missing_ok });
}

fn environment(b: &mut UnitBuilder, cx: &Cx<'_>) {
    if cx.value.trim().is_empty() {
        b.svc.exec.environment.clear();
        return;
    }
    let Some(v) = b.expand(cx) else { return };
    match parse_environment_assignments(&v) {
        Ok((ok, bad)) => {
            for word in bad {
                b.warn(
                    cx,
                    format!(
                        "Invalid environment assignment (expected NAME=VALUE), ignoring: {word}"
                    ),
                );
            }
            for (k, val) in ok {
                // Later assignments of the same name win; keep one entry per name.
                b.svc.exec.environment.retain(|(n, _)| *n != k);
                b.svc.exec.environment.push((k, val));
            }
        }
        Err(e) => b.warn(
            cx,
            format!(
                "Invalid syntax in Environment= ({}), ignoring: {}",
                e.detail, cx.value
            ),
        ),
    }
}

fn environment_file(b: &mut UnitBuilder, cx: &Cx<'_>) {
    let raw = cx.value.trim();
    if raw.is_empty() {
        b.svc.exec.environment_files.clear();
        return;
    }
    let Some(v) = b.expand_str(cx, raw) else {
        return;
    };
    let (optional, path) = match v.strip_prefix('-') {
        Some(p) => (true, p),
        None => (false, v.as_str()),
    };
    if !path.starts_with('/') {
        b.warn(
            cx,
            format!("Path '{path}' in EnvironmentFile= is not absolute, ignoring."),
        );
        return;
    }
    b.svc
        .exec
        .environment_files
        .push((PathBuf::from(path), optional));
}

/// `UnsetEnvironment=` (names or `NAME=value`) and `PassEnvironment=` (names); empty resets.
fn name_list(b: &mut UnitBuilder, cx: &Cx<'_>, unset: bool) {
    fn list(b: &mut UnitBuilder, unset: bool) -> &mut Vec<String> {
        if unset {
            &mut b.svc.exec.unset_environment
        } else {
            &mut b.svc.exec.pass_environment
        }
    }
    if cx.value.trim().is_empty() {
        list(b, unset).clear();
        return;
    }
    let Some(v) = b.expand(cx) else { return };
    let words = match split_words(&v, true) {
        Ok(w) => w,
        Err(e) => {
            b.warn(
                cx,
                format!(
                    "Invalid syntax in {}= ({}), ignoring: {}",
                    cx.key, e.detail, cx.value
                ),
            );
            return;
        }
    };
    for w in words {
        let name = if unset {
            w.split_once('=').map_or(w.as_str(), |(n, _)| n)
        } else {
            w.as_str()
        };
        if !env_name_is_valid(name) {
            b.warn(
                cx,
                format!(
                    "Invalid environment variable name in {}=, ignoring: {w}",
                    cx.key
                ),
            );
            continue;
        }
        if !list(b, unset).contains(&w) {
            list(b, unset).push(w);
        }
    }
}

fn output(b: &mut UnitBuilder, cx: &Cx<'_>, is_stderr: bool) {
    b.set(
        cx,
        true,
        |v| parse_output_spec(v, is_stderr),
        |b, (spec, note)| {
            if let Some(note) = note {
                b.warn(cx, note);
            }
            if is_stderr {
                b.svc.exec.standard_error = spec;
            } else {
                b.svc.exec.standard_output = spec;
            }
        },
    );
}

/// `StandardInputText=`: C-unescaped, specifier-expanded text plus a newline; empty resets.
fn input_text(b: &mut UnitBuilder, cx: &Cx<'_>) {
    if cx.value.is_empty() {
        b.extra.input_data.clear();
        return;
    }
    let Some(v) = b.expand(cx) else { return };
    match cunescape(&v) {
        Ok(text) => {
            b.extra.input_data.extend_from_slice(text.as_bytes());
            b.extra.input_data.push(b'\n');
        }
        Err(e) => b.warn(
            cx,
            format!("Invalid StandardInputText= ({}), ignoring.", e.detail),
        ),
    }
}

/// `StandardInputData=`: base64; empty resets.
fn input_data(b: &mut UnitBuilder, cx: &Cx<'_>) {
    if cx.value.trim().is_empty() {
        b.extra.input_data.clear();
        return;
    }
    match base64_decode(cx.value) {
        Some(bytes) => b.extra.input_data.extend(bytes),
        None => b.warn(
            cx,
            "Failed to decode StandardInputData= (expected base64), ignoring.".into(),
        ),
    }
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        if c == '=' {
            break;
        }
        let v = match c {
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '+' => 62,
            '/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).ok()?);
        }
    }
    Some(out)
}

fn limit(b: &mut UnitBuilder, cx: &Cx<'_>) {
    let Some((resource, kind)) = rlimit_by_key(cx.key) else {
        return;
    };
    b.set(
        cx,
        false,
        |v| parse_rlimit(kind, v),
        |b, (soft, hard)| {
            b.svc.exec.limits.retain(|l| l.resource != resource);
            b.svc.exec.limits.push(ResourceLimit {
                resource,
                soft,
                hard,
            });
        },
    );
}

/// `User=`/`Group=`: a user/group name or numeric id, specifier-expanded.
fn user_or_group(b: &mut UnitBuilder, cx: &Cx<'_>, group: bool) {
    // systemd treats an unresolvable specifier here as fatal: the wrong user must not run it.
    let v = match (cx.actx.expand)(cx.value) {
        Ok(v) => v,
        Err(e) => {
            b.fatal(
                cx,
                format!(
                    "Failed to resolve unit specifiers in {}={} ({e}).",
                    cx.key, cx.value
                ),
            );
            return;
        }
    };
    if !group && v == "nobody" {
        b.warn(
            cx,
            "Special user nobody configured, this is not safe!".into(),
        );
    }
    let slot = if group {
        &mut b.svc.exec.group
    } else {
        &mut b.svc.exec.user
    };
    if v.is_empty() {
        *slot = None;
        return;
    }
    let valid = v
        .bytes()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'$'))
        && !v.starts_with('-')
        && v.len() <= 256;
    if valid {
        *slot = Some(v);
    } else {
        b.warn(
            cx,
            format!(
                "Invalid user/group name or numeric ID in {}=, ignoring: {v}",
                cx.key
            ),
        );
    }
}

/// A resource-control directive, kept raw for the cgroup layer (memory limits are validated
/// here so that a typo is reported with its line).
pub(crate) fn resource_control(b: &mut UnitBuilder, cx: &Cx<'_>) {
    if cx.key.starts_with("Memory")
        && cx.key != "MemoryAccounting"
        && let Err(e) = parse_memory_limit(cx.key, cx.value)
    {
        b.bad_value(cx, &e);
        return;
    }
    if cx.key == "Delegate" {
        delegate(b, cx);
    }
    if cx.key == "MemoryLimit" {
        b.warn(
            cx,
            "Unit uses MemoryLimit=; please use MemoryMax= instead.".into(),
        );
    }
    b.svc
        .resource_control
        .push((cx.key.to_string(), cx.value.to_string(), cx.line));
}

/// `Delegate=`: a boolean, or a list of controllers added to the ones delegated before (after
/// `yes`: the v2 ones; the empty string: on, and the list emptied); an unknown controller is
/// warned of and skipped.
fn delegate(b: &mut UnitBuilder, cx: &Cx<'_>) {
    use crate::model::{DELEGATE_ALL, DELEGATE_CONTROLLERS, Delegate};
    let value = cx.value.trim();
    if value.is_empty() {
        b.svc.delegate = Delegate::Controllers(Vec::new());
        return;
    }
    if let Ok(on) = crate::value::parse_boolean(value) {
        b.svc.delegate = if on { Delegate::All } else { Delegate::No };
        return;
    }
    let mut list = match std::mem::take(&mut b.svc.delegate) {
        Delegate::Controllers(list) => list,
        Delegate::All => DELEGATE_ALL.iter().map(|c| c.to_string()).collect(),
        Delegate::No => Vec::new(),
    };
    for word in value.split_whitespace() {
        if DELEGATE_CONTROLLERS.contains(&word) {
            if !list.iter().any(|c| c == word) {
                list.push(word.to_string());
            }
        } else {
            b.warn(
                cx,
                format!("Invalid controller name '{word}' in Delegate=, ignoring."),
            );
        }
    }
    b.svc.delegate = Delegate::Controllers(list);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64() {
        assert_eq!(base64_decode("aGVsbG8="), Some(b"hello".to_vec()));
        assert_eq!(base64_decode("aGVs bG8K"), Some(b"hello\n".to_vec()));
        assert_eq!(base64_decode("!!"), None);
    }
}
