//! `verify`'s extra warnings about legal-but-almost-surely-wrong input.
//! OWNER: helper U2.
//!
//! [`verify_file`] is what `linger ctl verify`/`systemd-analyze verify` print: the loader's
//! diagnostics, then [`lint`]'s findings (inline comments, system-only dependencies in a user
//! unit, missing programs and working directories, dependencies on units that do not exist,
//! timers and sockets whose activated unit does not exist).

mod activation;
mod system_units;

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Severity};
use crate::loader::{LoadContext, Scope, UnitIndex, file_context, load_file, load_unit_with};
use crate::model::{LoadState, UnitConfig, UnitKind};
use crate::syntax::Assignment;

/// The search path `verify` uses for bare command names (the user manager's default `PATH`).
const DEFAULT_PATH: &[&str] = &[
    "/usr/local/sbin",
    "/usr/local/bin",
    "/usr/sbin",
    "/usr/bin",
    "/sbin",
    "/bin",
];

/// Load the unit file at `path` as `verify` does and return every diagnostic: the loader's
/// own, then the lints. Any `Error` means verification failed.
pub fn verify_file(path: &Path, ctx: &LoadContext) -> Vec<Diagnostic> {
    let cfg = load_file(path, ctx);
    let mut out = cfg.diagnostics.clone();
    if cfg.load_state == LoadState::Masked {
        out.push(Diagnostic {
            path: Some(path.to_path_buf()),
            line: 0,
            severity: Severity::Error,
            message: format!("Unit {} is masked.", cfg.id),
        });
        return out;
    }
    if cfg.load_state != LoadState::Loaded {
        out.push(Diagnostic {
            path: Some(path.to_path_buf()),
            line: 0,
            severity: Severity::Error,
            message: format!("Unit {} has a bad unit file setting.", cfg.id),
        });
        return out;
    }
    let files = raw_assignments(&cfg);
    // Units next to the file count, as they do for loading it.
    out.extend(lint(&cfg, &files, &file_context(path, ctx)));
    out
}

/// Re-read the fragment and drop-ins of a loaded unit: (file, assignment) in apply order.
pub fn raw_assignments(cfg: &UnitConfig) -> Vec<(PathBuf, Assignment)> {
    let mut out = Vec::new();
    for p in cfg.fragment_path.iter().chain(cfg.dropin_paths.iter()) {
        let Ok(bytes) = std::fs::read(p) else {
            continue;
        };
        let parsed = crate::syntax::parse_bytes(&bytes, Some(p));
        out.extend(parsed.assignments.into_iter().map(|a| (p.clone(), a)));
    }
    out
}

fn diag(path: &Path, a: &Assignment, severity: Severity, message: String) -> Diagnostic {
    Diagnostic {
        path: Some(path.to_path_buf()),
        line: a.line,
        severity,
        message,
    }
}

/// Lint a loaded unit given the raw assignments it was built from.
pub fn lint(
    cfg: &UnitConfig,
    files: &[(PathBuf, Assignment)],
    ctx: &LoadContext,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (p, a) in files {
        if let Some(comment) = inline_comment(&a.value) {
            out.push(diag(
                p,
                a,
                Severity::Warning,
                format!(
                    "{}= value contains '{comment}': unit files have no inline comments, so this text is part of \
                     the value. Put the comment on a line of its own.",
                    a.key
                ),
            ));
        }
    }
    let index = UnitIndex::scan(ctx);
    if ctx.scope == Scope::User {
        system_units::check(cfg, files, &index, &mut out);
    }
    missing_dependencies(cfg, files, &index, ctx, &mut out);
    activation::check(cfg, files, &index, ctx, &mut out);
    if let UnitKind::Service(s) = &cfg.kind {
        let key_cmds = [
            ("ExecCondition", &s.exec_condition),
            ("ExecStartPre", &s.exec_start_pre),
            ("ExecStart", &s.exec_start),
            ("ExecStartPost", &s.exec_start_post),
            ("ExecReload", &s.exec_reload),
            ("ExecStop", &s.exec_stop),
            ("ExecStopPost", &s.exec_stop_post),
        ];
        for (key, cmds) in key_cmds {
            for c in cmds.iter() {
                if c.path.contains('$') || is_executable(&c.path) {
                    continue;
                }
                let line = find_line(files, key, &c.path);
                out.push(at(
                    line,
                    Severity::Error,
                    format!(
                        "Command {} is not executable: No such file or directory",
                        c.path
                    ),
                ));
            }
        }
        if let Some(wd) = &s.exec.working_directory
            && !wd.missing_ok
            && !wd.path.is_dir()
        {
            let line = find_line(files, "WorkingDirectory", "");
            out.push(at(
                    line,
                    Severity::Warning,
                    format!(
                        "WorkingDirectory={} does not exist: the service will fail with status 200/CHDIR. \
                         Create it, or write WorkingDirectory=-{} if it may be missing.",
                        wd.path.display(),
                        wd.path.display()
                    ),
                ));
        }
    }
    out
}

/// The last (file, line) of `key` whose value contains `needle`.
pub(crate) fn find_line<'a>(
    files: &'a [(PathBuf, Assignment)],
    key: &str,
    needle: &str,
) -> Option<(&'a Path, usize)> {
    files
        .iter()
        .rev()
        .find(|(_, a)| a.key == key && a.value.contains(needle))
        .map(|(p, a)| (p.as_path(), a.line))
}

pub(crate) fn at(loc: Option<(&Path, usize)>, severity: Severity, message: String) -> Diagnostic {
    Diagnostic {
        path: loc.map(|(p, _)| p.to_path_buf()),
        line: loc.map_or(0, |(_, l)| l),
        severity,
        message,
    }
}

/// `# …` after whitespace, outside quotes, followed by whitespace or the end: what a reader
/// meant as a comment. Returns the comment text.
fn inline_comment(value: &str) -> Option<&str> {
    let mut quote: Option<char> = None;
    let mut prev_ws = false;
    for (i, c) in value.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if prev_ws => {
                let rest = &value[i + 1..];
                if rest.is_empty() || rest.starts_with(char::is_whitespace) {
                    return Some(&value[i..]);
                }
            }
            _ => {}
        }
        prev_ws = c.is_whitespace();
    }
    None
}

fn is_executable(path: &str) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let ok = |p: &Path| {
        std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    };
    if path.starts_with('/') {
        return ok(Path::new(path));
    }
    DEFAULT_PATH.iter().any(|d| ok(&Path::new(d).join(path)))
}

/// Hard dependencies on units that cannot be found make starting fail.
fn missing_dependencies(
    cfg: &UnitConfig,
    files: &[(PathBuf, Assignment)],
    index: &UnitIndex,
    ctx: &LoadContext,
    out: &mut Vec<Diagnostic>,
) {
    let u = &cfg.unit;
    for (key, list) in [
        ("Requires", &u.requires),
        ("Requisite", &u.requisite),
        ("BindsTo", &u.binds_to),
    ] {
        for dep in list {
            if system_units::is_system_only(dep) {
                continue; // Already explained by the system-unit lint.
            }
            let dep_cfg = load_unit_with(index, dep, ctx);
            if dep_cfg.load_state == LoadState::NotFound {
                out.push(at(
                    find_line(files, key, dep),
                    Severity::Error,
                    format!(
                        "{key}={dep}: unit {dep} not found, so {} cannot be started.",
                        cfg.id
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_comments() {
        assert_eq!(
            inline_comment("/home/iman/web-content  # Customize this path"),
            Some("# Customize this path")
        );
        assert_eq!(inline_comment("/bin/sh -c 'echo # not a comment'"), None);
        assert_eq!(inline_comment("Fix issue #5"), None);
        assert_eq!(inline_comment("value #"), Some("#"));
        assert_eq!(inline_comment("a#b"), None);
    }
}
