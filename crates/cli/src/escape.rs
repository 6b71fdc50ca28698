//! `systemd-escape`: unit-name escaping from the command line, with the unit crate's one
//! escaper (the one the loader and `systemctl` use).

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;
use linger_unit::name;

use crate::output::fail;

/// systemd-escape's syntax.
#[derive(Debug, Parser)]
#[command(
    name = "systemd-escape",
    about = "Escape strings for use in unit names (linger).",
    version
)]
pub(crate) struct Args {
    /// Append the suffix (a unit type, e.g. `service`).
    #[arg(long, value_name = "SUFFIX")]
    suffix: Option<String>,
    /// Insert the escaped strings into the template unit name.
    #[arg(long, value_name = "TEMPLATE")]
    template: Option<String>,
    /// Treat the strings as paths.
    #[arg(short = 'p', long)]
    path: bool,
    /// Unescape instead.
    #[arg(short = 'u', long)]
    unescape: bool,
    /// Mangle the strings into unit names (as systemctl does with its arguments).
    #[arg(short = 'm', long)]
    mangle: bool,
    /// With --unescape: unescape the instance part of a unit name.
    #[arg(long)]
    instance: bool,
    /// The strings.
    strings: Vec<String>,
}

fn one(a: &Args, s: &str) -> Result<String, String> {
    if a.mangle {
        return name::mangle(
            s,
            &format!(".{}", a.suffix.as_deref().unwrap_or("service")),
            false,
        )
        .map(|(n, _)| n)
        .map_err(|e| format!("Failed to mangle \"{s}\": {e}"));
    }
    if a.unescape {
        let input = if a.instance {
            match name::to_instance(s) {
                Ok((_, Some(i))) if !i.is_empty() => i.to_string(),
                _ => {
                    return Err(format!(
                        "Input \"{s}\" is not a unit name with an instance."
                    ));
                }
            }
        } else {
            s.to_string()
        };
        return if a.path {
            name::unescape_path(&input)
        } else {
            name::unescape(&input)
        }
        .map_err(|e| format!("Failed to unescape \"{s}\": {e}"));
    }
    let escaped = if a.path {
        name::escape_path(s).map_err(|e| format!("Failed to escape \"{s}\": {e}"))?
    } else {
        name::escape(s)
    };
    if let Some(t) = &a.template {
        return name::replace_instance(t, &escaped)
            .map_err(|e| format!("Template name {t} is not valid: {e}"));
    }
    Ok(match &a.suffix {
        Some(suffix) => format!("{escaped}.{suffix}"),
        None => escaped,
    })
}

/// Entry point of the `systemd-escape` personality.
pub fn main(args: Vec<OsString>) -> ExitCode {
    let a = match crate::output::parse::<Args>(args) {
        Ok(a) => a,
        Err(code) => return code,
    };
    if a.strings.is_empty() {
        return fail("Not enough arguments.");
    }
    if a.suffix.is_some() && a.template.is_some() {
        return fail("--suffix= and --template= may not be combined.");
    }
    if a.unescape && (a.suffix.is_some() || a.template.is_some()) {
        return fail("--suffix= and --template= are not compatible with --unescape.");
    }
    if a.instance && !a.unescape {
        return fail("--instance must be used in conjunction with --unescape.");
    }
    if let Some(s) = &a.suffix
        && linger_unit::model::UnitType::parse(s).is_none()
    {
        return fail(&format!("Invalid unit suffix type \"{s}\"."));
    }
    let mut out = Vec::new();
    for s in &a.strings {
        match one(&a, s) {
            Ok(r) => out.push(r),
            Err(e) => return fail(&e),
        }
    }
    println!("{}", out.join(" "));
    ExitCode::SUCCESS
}
