//! `linger install-links DIR`: symlinks named after the systemd tools, pointing at this binary.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn main(args: Vec<OsString>, names: &[&str]) -> ExitCode {
    let Some(dir) = args.get(1).map(PathBuf::from) else {
        eprintln!(
            "Usage: linger install-links DIR\n\nCreates systemctl, journalctl, loginctl, systemd-run and systemd-analyze in DIR as links to this binary."
        );
        return ExitCode::from(1);
    };
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("linger: cannot find my own binary: {e}");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("linger: cannot create {}: {e}", dir.display());
        return ExitCode::from(1);
    }
    for name in names {
        let link = dir.join(name);
        let _ = std::fs::remove_file(&link);
        if let Err(e) = std::os::unix::fs::symlink(&exe, &link) {
            eprintln!("linger: cannot create {}: {e}", link.display());
            return ExitCode::from(1);
        }
        println!("{} → {}", link.display(), exe.display());
    }
    ExitCode::SUCCESS
}
