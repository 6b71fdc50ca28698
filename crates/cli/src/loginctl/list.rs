//! list-sessions and list-users, in loginctl 252's table layout: numeric columns right
//! aligned, one space between columns, "N sessions listed." after a blank line.

use std::process::ExitCode;

use linger_ipc::login::{self as api, method};
use serde_json::{Value, json};

use super::{Opts, connect, message};
use crate::output::{fail, paint};

/// How a column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// Render a table: header (when `legend`) and rows, trailing blanks trimmed.
pub fn table(header: &[(&str, Align)], rows: &[Vec<String>], legend: bool) -> String {
    let mut widths: Vec<usize> = header.iter().map(|(h, _)| h.len()).collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let mut s = String::new();
        for (i, (c, ((_, align), w))) in cells.iter().zip(header.iter().zip(&widths)).enumerate() {
            if i > 0 {
                s.push(' ');
            }
            match align {
                Align::Left => s.push_str(&format!("{c:<w$}")),
                Align::Right => s.push_str(&format!("{c:>w$}")),
            }
        }
        s.trim_end().to_string()
    };
    let mut out = String::new();
    if legend {
        out.push_str(&paint(
            crate::output::style::UNDERLINE,
            &line(header.iter().map(|(h, _)| *h).collect()),
        ));
        out.push('\n');
    }
    for r in rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
        out.push('\n');
    }
    out
}

/// Call `m`; a connection failure is printed as is, a failed call after `what`.
fn fetch<T: serde::de::DeserializeOwned>(m: &str, what: &str) -> Result<T, ExitCode> {
    let mut client = connect().map_err(|e| fail(&e))?;
    let v = client
        .call(m, json!({}))
        .map_err(|e| fail(&format!("{what}: {}", message(&e))))?;
    serde_json::from_value(v).map_err(|e| fail(&format!("{what}: malformed reply: {e}")))
}

fn null_if_empty(s: &str) -> Value {
    if s.is_empty() { Value::Null } else { json!(s) }
}

/// Print a listing: `json` objects with `--json`, else the table of `row`s and, with the
/// legend, "N `noun` listed.".
fn print_list<T>(
    o: &Opts,
    items: &[T],
    header: &[(&str, Align)],
    row: impl Fn(&T) -> Vec<String>,
    json: impl Fn(&T) -> Value,
    noun: &str,
) -> ExitCode {
    if super::json(o) {
        super::print_json(o, &Value::Array(items.iter().map(json).collect()));
        return ExitCode::SUCCESS;
    }
    let rows: Vec<Vec<String>> = items.iter().map(row).collect();
    print!("{}", table(header, &rows, !o.no_legend));
    if !o.no_legend {
        println!("\n{} {noun} listed.", rows.len());
    }
    ExitCode::SUCCESS
}

/// `list-sessions` (also loginctl without a verb).
pub fn sessions(o: &Opts) -> ExitCode {
    let r: api::ListSessionsReply = match fetch(method::LIST_SESSIONS, "Failed to list sessions") {
        Ok(r) => r,
        Err(code) => return code,
    };
    let header = [
        ("SESSION", Align::Right),
        ("UID", Align::Right),
        ("USER", Align::Left),
        ("SEAT", Align::Left),
        ("TTY", Align::Left),
    ];
    print_list(
        o,
        &r.sessions,
        &header,
        |s| {
            vec![
                s.id.clone(),
                s.uid.to_string(),
                s.user.clone(),
                s.seat.clone(),
                s.tty.clone(),
            ]
        },
        |s| {
            json!({ "session": s.id, "uid": s.uid, "user": s.user,
                    "seat": null_if_empty(&s.seat), "tty": null_if_empty(&s.tty) })
        },
        "sessions",
    )
}

/// `list-users`.
pub fn users(o: &Opts) -> ExitCode {
    let r: api::ListUsersReply = match fetch(method::LIST_USERS, "Failed to list users") {
        Ok(r) => r,
        Err(code) => return code,
    };
    print_list(
        o,
        &r.users,
        &[("UID", Align::Right), ("USER", Align::Left)],
        |u| vec![u.uid.to_string(), u.user.clone()],
        |u| json!({ "uid": u.uid, "user": u.user }),
        "users",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_table_layout() {
        let header = [
            ("SESSION", Align::Right),
            ("UID", Align::Right),
            ("USER", Align::Left),
            ("SEAT", Align::Left),
            ("TTY", Align::Left),
        ];
        let rows = vec![
            vec![
                "3".into(),
                "1000".into(),
                "alice".into(),
                "".into(),
                "pts/0".into(),
            ],
            vec![
                "c12".into(),
                "0".into(),
                "root".into(),
                "".into(),
                "".into(),
            ],
        ];
        assert_eq!(
            table(&header, &rows, true),
            "SESSION  UID USER  SEAT TTY\n      3 1000 alice      pts/0\n    c12    0 root\n"
        );
        assert_eq!(
            table(&header, &rows, false),
            "      3 1000 alice      pts/0\n    c12    0 root\n"
        );
    }
}
