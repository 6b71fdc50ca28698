//! `systemd-analyze` verbs linger provides: verify, timespan, timestamp, calendar,
//! unit-paths, cat-config, condition, security, blame, critical-chain.

mod files;
mod security;
mod timing;

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "systemd-analyze",
    about = "Check unit files and parse time expressions (linger).",
    version
)]
pub(crate) struct Cli {
    /// Accepted for compatibility (linger always analyzes user units).
    #[arg(long, global = true)]
    user: bool,
    /// Do not pipe output into a pager.
    #[arg(long, global = true)]
    no_pager: bool,
    #[command(subcommand)]
    command: Verb,
}

#[derive(Debug, Subcommand)]
enum Verb {
    /// Check unit files for errors and likely mistakes.
    Verify { files: Vec<String> },
    /// Parse time spans.
    Timespan { spans: Vec<String> },
    /// Parse timestamps.
    Timestamp { stamps: Vec<String> },
    /// List the user manager's unit search path.
    UnitPaths,
    /// Show configuration files and their drop-ins.
    CatConfig { names: Vec<String> },
    /// Evaluate Condition*=/Assert*= assignments.
    Condition { exprs: Vec<String> },
    /// Score the sandboxing a service asks for (all services without a name).
    Security { units: Vec<String> },
    /// List units by the time they took to start.
    Blame,
    /// Show the chain of units a unit waited for.
    CriticalChain { units: Vec<String> },
    /// Parse calendar events and show their next elapses.
    Calendar {
        exprs: Vec<String>,
        /// How many elapses to show.
        #[arg(long, default_value_t = 1)]
        iterations: u32,
        /// Compute from this time instead of now.
        #[arg(long)]
        base_time: Option<String>,
    },
}

pub fn main(args: Vec<OsString>, _name: &str) -> ExitCode {
    let cli = match crate::output::parse::<Cli>(args) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let pages = matches!(
        cli.command,
        Verb::UnitPaths
            | Verb::CatConfig { .. }
            | Verb::Security { .. }
            | Verb::Blame
            | Verb::CriticalChain { .. }
    );
    let _pager = pages
        .then(|| crate::output::pager::start(cli.no_pager, false))
        .flatten();
    match cli.command {
        Verb::UnitPaths => files::unit_paths(),
        Verb::CatConfig { names } => files::cat_config(&names),
        Verb::Condition { exprs } => files::condition(&exprs),
        Verb::Security { units } => security::security(&units),
        Verb::Blame => timing::blame(),
        Verb::CriticalChain { units } => timing::critical_chain(&units),
        Verb::Verify { files } => verify(&files),
        Verb::Timespan { spans } => timespan(&spans),
        Verb::Timestamp { stamps } => timestamp(&stamps),
        Verb::Calendar {
            exprs,
            iterations,
            base_time,
        } => calendar(&exprs, iterations, base_time.as_deref()),
    }
}

fn now_usec() -> u64 {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::Realtime);
    (t.tv_sec as u64) * 1_000_000 + (t.tv_nsec as u64) / 1000
}

/// `timespan`: stops at the first invalid span, like systemd-analyze.
pub fn timespan(spans: &[String]) -> ExitCode {
    if spans.is_empty() {
        eprintln!("Too few arguments.");
        return ExitCode::from(1);
    }
    for (i, s) in spans.iter().enumerate() {
        match linger_time::analyze::timespan_report(s) {
            Ok(text) => {
                if i > 0 {
                    println!();
                }
                print!("{text}");
            }
            Err(e) => {
                eprintln!("Failed to parse time span '{s}': {e}");
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}

/// `timestamp`.
pub fn timestamp(stamps: &[String]) -> ExitCode {
    if stamps.is_empty() {
        eprintln!("Too few arguments.");
        return ExitCode::from(1);
    }
    let tz = linger_time::local_zone();
    let mut code = 0;
    for (i, s) in stamps.iter().enumerate() {
        match linger_time::analyze::timestamp_report(s, now_usec(), &tz) {
            Ok(text) => {
                if i > 0 {
                    println!();
                }
                print!("{text}");
            }
            Err(e) => {
                eprintln!("Failed to parse \"{s}\": {e}");
                code = 1;
            }
        }
    }
    ExitCode::from(code)
}

/// `calendar`.
pub fn calendar(exprs: &[String], iterations: u32, base_time: Option<&str>) -> ExitCode {
    if exprs.is_empty() {
        eprintln!("Too few arguments.");
        return ExitCode::from(1);
    }
    let tz = linger_time::local_zone();
    let base = match base_time {
        Some(b) => match linger_time::timestamp::parse_timestamp(b, now_usec(), &tz) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("Failed to parse --base-time= parameter: {b}: {e}");
                return ExitCode::from(1);
            }
        },
        None => now_usec(),
    };
    let exprs: Vec<&str> = exprs.iter().map(String::as_str).collect();
    let (out, errors) =
        linger_time::analyze::calendar_report(&exprs, iterations, base, now_usec(), &tz);
    print!("{out}");
    for e in &errors {
        eprintln!("{e}");
    }
    ExitCode::from(u8::from(!errors.is_empty()))
}

/// `verify FILE…`: load each file as a user unit and print every diagnostic plus the lints.
pub fn verify(files: &[String]) -> ExitCode {
    if files.is_empty() {
        eprintln!("Too few arguments: verify needs at least one unit file.");
        return ExitCode::from(1);
    }
    let cfg = crate::daemon::manager_config(Vec::new(), true, "default.target".into());
    let ctx = linger_manager::load_context(&cfg);
    let mut errors = false;
    for f in files {
        let path = Path::new(f);
        if !path.exists() {
            eprintln!("{f}: No such file or directory");
            errors = true;
            continue;
        }
        let report = linger_unit::lint::verify_file(path, &ctx);
        for d in &report {
            eprintln!("{d}");
            errors |= d.severity == linger_unit::diag::Severity::Error;
        }
    }
    ExitCode::from(u8::from(errors))
}
