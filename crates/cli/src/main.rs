//! The `linger` binary: everything is in the library (`linger::main`), so that `xtask` can
//! read the same clap tables for man pages and completions.
#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    linger::main()
}
