//! Rows for `RuntimeDirectory=` & co., their `…Mode=` and `RuntimeDirectoryPreserve=`.

use super::{Apply, Cx, UnitBuilder};
use crate::model::{DirectoryKind, ExecDirectory, RuntimePreserve};
use crate::value::{ValueError, parse_boolean, parse_mode, split_words};

/// Directory rows valid in `[Service]`.
pub(crate) const DIRS: &[(&str, Apply)] = &[
    ("RuntimeDirectory", directory),
    ("StateDirectory", directory),
    ("CacheDirectory", directory),
    ("LogsDirectory", directory),
    ("ConfigurationDirectory", directory),
    ("RuntimeDirectoryMode", mode),
    ("StateDirectoryMode", mode),
    ("CacheDirectoryMode", mode),
    ("LogsDirectoryMode", mode),
    ("ConfigurationDirectoryMode", mode),
    ("RuntimeDirectoryPreserve", |b, cx| {
        b.set(cx, false, parse_preserve, |b, v| {
            b.svc.exec.directories.runtime_preserve = v
        })
    }),
];

fn parse_preserve(s: &str) -> Result<RuntimePreserve, ValueError> {
    match s.trim() {
        "restart" => Ok(RuntimePreserve::Restart),
        t => parse_boolean(t)
            .map(|yes| {
                if yes {
                    RuntimePreserve::Yes
                } else {
                    RuntimePreserve::No
                }
            })
            .map_err(|_| ValueError::new("expected yes, no or restart")),
    }
}

/// A relative, normalized path: no leading `/`, no `.`/`..` or empty components.
fn valid_relative(p: &str) -> bool {
    !p.is_empty()
        && !p.starts_with('/')
        && p.split('/').all(|c| !c.is_empty() && c != "." && c != "..")
}

fn directory(b: &mut UnitBuilder, cx: &Cx<'_>) {
    let Some(kind) = DirectoryKind::of_directive(cx.key) else {
        return;
    };
    if cx.value.trim().is_empty() {
        b.svc.exec.directories.get_mut(kind).entries.clear();
        return;
    }
    let Some(v) = b.expand(cx) else { return };
    let words = match split_words(&v, true) {
        Ok(w) => w,
        Err(e) => {
            b.warn(
                cx,
                format!("Invalid syntax, ignoring: {} ({})", cx.value, e.detail),
            );
            return;
        }
    };
    for w in words {
        let (path, link) = match w.split_once(':') {
            Some((p, l)) if kind != DirectoryKind::Configuration => (p, Some(l)),
            _ => (w.as_str(), None),
        };
        if !valid_relative(path) || link.is_some_and(|l| !valid_relative(l)) {
            b.warn(
                cx,
                format!(
                    "{}= path is not valid (a relative path without '.' or '..' is expected), ignoring: {w}",
                    cx.key
                ),
            );
            continue;
        }
        let set = &mut b.svc.exec.directories.get_mut(kind).entries;
        let entry = match set.iter().position(|e| e.path == path) {
            Some(i) => &mut set[i],
            None => {
                set.push(ExecDirectory {
                    path: path.to_string(),
                    symlinks: Vec::new(),
                });
                let last = set.len() - 1;
                &mut set[last]
            }
        };
        if let Some(l) = link
            && !entry.symlinks.iter().any(|x| x == l)
        {
            entry.symlinks.push(l.to_string());
        }
    }
}

fn mode(b: &mut UnitBuilder, cx: &Cx<'_>) {
    let Some(kind) = DirectoryKind::of_directive(cx.key) else {
        return;
    };
    b.set(cx, false, parse_mode, |b, m| {
        b.svc.exec.directories.get_mut(kind).mode = m
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_only() {
        assert!(valid_relative("foo/bar"));
        for bad in ["", "/abs", "a/../b", "./a", "a//b", "a/"] {
            assert!(!valid_relative(bad), "{bad}");
        }
    }
}
