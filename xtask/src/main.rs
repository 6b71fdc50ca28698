//! `cargo xtask gen` writes the man pages (man/) and shell completions (completions/) from the
//! CLI's clap tables; `cargo xtask check` fails when the committed ones are not what the
//! tables give (CI runs it), so `--help`, the man pages and the completions never disagree.
//! `cargo xtask order-symbols [ARGS…]` regenerates `crates/cli/symbol-order.txt`, the release
//! link's function order, from a profile of a user manager and the CLI (xtask/order_symbols.py,
//! which documents its arguments; root and valgrind needed).
#![forbid(unsafe_code)]
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap_complete::Shell;

/// Everything generated: (path relative to the repository, content).
fn generate() -> std::io::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut out = Vec::new();
    for page in linger::manual_pages() {
        let mut buf = Vec::new();
        clap_mangen::Man::new(page.command.clone())
            .title(page.title.to_uppercase())
            .section(page.section)
            .manual("linger")
            .source(format!("linger {}", env!("CARGO_PKG_VERSION")))
            .render(&mut buf)?;
        out.push((
            PathBuf::from(format!("man/{}.{}", page.title, page.section)),
            buf,
        ));
        if let Some(bin) = page.completion_name {
            for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
                let mut cmd = page.command.clone();
                let mut buf = Vec::new();
                clap_complete::generate(shell, &mut cmd, bin, &mut buf);
                let file = match shell {
                    Shell::Bash => format!("completions/bash/{bin}"),
                    Shell::Zsh => format!("completions/zsh/_{bin}"),
                    _ => format!("completions/fish/{bin}.fish"),
                };
                out.push((PathBuf::from(file), buf));
            }
        }
    }
    Ok(out)
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn main() -> ExitCode {
    let what = std::env::args().nth(1).unwrap_or_default();
    if what == "order-symbols" {
        let script = root().join("xtask").join("order_symbols.py");
        return match std::process::Command::new("python3")
            .arg(&script)
            .args(std::env::args().skip(2))
            .current_dir(root())
            .status()
        {
            Ok(s) if s.success() => ExitCode::SUCCESS,
            Ok(_) => ExitCode::from(1),
            Err(e) => {
                eprintln!("xtask: python3 {}: {e}", script.display());
                ExitCode::from(1)
            }
        };
    }
    let files = match generate() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("xtask: {e}");
            return ExitCode::from(1);
        }
    };
    let root = root();
    match what.as_str() {
        "gen" => {
            for (rel, content) in &files {
                let path = root.join(rel);
                if let Some(d) = path.parent()
                    && let Err(e) = std::fs::create_dir_all(d)
                {
                    eprintln!("xtask: {}: {e}", d.display());
                    return ExitCode::from(1);
                }
                if let Err(e) = std::fs::write(&path, content) {
                    eprintln!("xtask: {}: {e}", path.display());
                    return ExitCode::from(1);
                }
                println!("wrote {}", rel.display());
            }
            ExitCode::SUCCESS
        }
        "check" => {
            let stale: Vec<_> = files
                .iter()
                .filter(|(rel, content)| {
                    std::fs::read(root.join(rel)).ok().as_ref() != Some(content)
                })
                .map(|(rel, _)| rel.display().to_string())
                .collect();
            if stale.is_empty() {
                println!(
                    "man pages and completions are current ({} files)",
                    files.len()
                );
                ExitCode::SUCCESS
            } else {
                eprintln!(
                    "xtask: out of date (run `cargo xtask gen` and commit):\n  {}",
                    stale.join("\n  ")
                );
                ExitCode::from(1)
            }
        }
        _ => {
            eprintln!("usage: cargo xtask gen|check|order-symbols [ARGS…]");
            ExitCode::from(2)
        }
    }
}
