//! `linger install-links DIR`: symlinks named after the systemd tools (and `linger` itself),
//! pointing at this binary. A file that is not already a symlink is never replaced (it may be
//! systemd's own `systemctl`) unless `--force` says so; the binary itself is never touched.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::output::fail;

const USAGE: &str = "Usage: linger install-links [--force] DIR

Creates linger and the systemd tool names linger answers to in DIR, as links to this binary.";

/// Whether `path` is `exe` itself (the binary installed as DIR/linger).
fn is_the_binary(path: &Path, exe: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(path), std::fs::metadata(exe)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino() && !path.is_symlink(),
        _ => false,
    }
}

pub fn main(args: Vec<OsString>, names: &[&str]) -> ExitCode {
    let mut force = false;
    let mut dir: Option<PathBuf> = None;
    for a in args.iter().skip(1) {
        match a.to_str() {
            Some("--force" | "-f") => force = true,
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => return fail(USAGE),
        }
    }
    let Some(dir) = dir else {
        return fail(USAGE);
    };
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => return fail(&format!("linger: cannot find my own binary: {e}")),
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return fail(&format!("linger: cannot create {}: {e}", dir.display()));
    }
    let mut code = ExitCode::SUCCESS;
    for name in names.iter().copied().chain(["linger"]) {
        let link = dir.join(name);
        if is_the_binary(&link, &exe) {
            continue;
        }
        if link.exists() || link.is_symlink() {
            if !link.is_symlink() && !force {
                code = fail(&format!(
                    "linger: {} exists and is not a link; not replaced (use --force).",
                    link.display()
                ));
                continue;
            }
            if let Err(e) = std::fs::remove_file(&link) {
                code = fail(&format!("linger: cannot replace {}: {e}", link.display()));
                continue;
            }
        }
        if let Err(e) = std::os::unix::fs::symlink(&exe, &link) {
            code = fail(&format!("linger: cannot create {}: {e}", link.display()));
            continue;
        }
        println!("{} → {}", link.display(), exe.display());
    }
    code
}
