//! `unit-paths`, `cat-config` and `condition`: what the user manager reads, and how it would
//! judge a unit's conditions — computed here, as the manager computes them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::output::fail;

fn manager_config() -> linger_manager::ManagerConfig {
    crate::daemon::manager_config(Vec::new(), true, String::new())
}

/// `unit-paths`: the user manager's unit search path, highest priority first.
pub fn unit_paths() -> ExitCode {
    let ctx = crate::daemon::user_load_context();
    for p in &ctx.search_path {
        println!("{}", p.display());
    }
    ExitCode::SUCCESS
}

/// Where configuration files are looked for, highest priority first (systemd's order).
const CONF_DIRS: [&str; 4] = ["/etc", "/run", "/usr/local/lib", "/usr/lib"];

/// The main file and the drop-ins of a configuration file named relative to the
/// configuration directories (`systemd/user.conf`, `linger/logind.conf`) or by absolute path.
fn config_files(name: &str) -> Vec<PathBuf> {
    let dirs: Vec<PathBuf> = if Path::new(name).is_absolute() {
        vec![PathBuf::from("/")]
    } else {
        CONF_DIRS.iter().map(PathBuf::from).collect()
    };
    let rel = name.trim_start_matches('/');
    let mut out = Vec::new();
    if let Some(main) = dirs.iter().map(|d| d.join(rel)).find(|p| p.is_file()) {
        out.push(main);
    }
    // Drop-ins: by file name across the directories, the first directory's copy winning,
    // then read in file-name order.
    let mut dropins: std::collections::BTreeMap<String, PathBuf> = Default::default();
    for d in &dirs {
        let Ok(rd) = std::fs::read_dir(d.join(format!("{rel}.d"))) else {
            continue;
        };
        for e in rd.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.ends_with(".conf") && e.path().is_file() {
                dropins.entry(n).or_insert_with(|| e.path());
            }
        }
    }
    out.extend(dropins.into_values());
    out
}

/// `cat-config NAME…`: each file headed by its path, as systemd-analyze prints them.
pub fn cat_config(names: &[String]) -> ExitCode {
    if names.is_empty() {
        return fail("Too few arguments.");
    }
    let mut code = ExitCode::SUCCESS;
    for (i, name) in names.iter().enumerate() {
        let files = config_files(name);
        if files.is_empty() {
            code = fail(&format!("No files found for {name}."));
            continue;
        }
        for (j, f) in files.iter().enumerate() {
            if i > 0 || j > 0 {
                println!();
            }
            println!(
                "{}",
                crate::output::paint(
                    crate::output::style::HIGHLIGHT_BLUE,
                    &format!("# {}", f.display())
                )
            );
            match std::fs::read_to_string(f) {
                Ok(t) => print!("{t}{}", if t.ends_with('\n') { "" } else { "\n" }),
                Err(e) => code = fail(&format!("Failed to read {}: {e}", f.display())),
            }
        }
    }
    code
}

/// `condition EXPR…`: evaluate `Condition*=`/`Assert*=` assignments as the manager would for
/// a unit `test.service`; exit 1 when the conditions or asserts fail.
pub fn condition(exprs: &[String]) -> ExitCode {
    if exprs.is_empty() {
        return fail("Too few arguments.");
    }
    let mut text = String::from("[Unit]\n");
    for e in exprs {
        let key = e.split_once('=').map_or(e.as_str(), |(k, _)| k);
        if !(key.starts_with("Condition") || key.starts_with("Assert")) || !e.contains('=') {
            return fail(&format!(
                "Failed to parse condition \"{e}\": not a Condition*= or Assert*= assignment."
            ));
        }
        text.push_str(e);
        text.push('\n');
    }
    let mut b = linger_unit::settings::UnitBuilder::new(
        "test.service",
        linger_unit::model::UnitType::Service,
    );
    let identity = |s: &str| Ok(s.to_string());
    let actx = linger_unit::settings::ApplyContext {
        expand: &identity,
        expand_name: &identity,
        home: None,
    };
    b.apply_bytes(text.as_bytes(), None, &actx);
    if let Some(d) = b.config().diagnostics.first() {
        return fail(&format!("Failed to parse condition: {}", d.message));
    }
    let cfg = manager_config();
    let mut env = linger_exec::Environment::new();
    for (k, v) in std::env::vars() {
        env.set(&k, &v);
    }
    let unit = &b.config().unit;
    let judge = |list: &[linger_unit::model::Condition], what: &str| -> bool {
        let mut triggers = None::<bool>;
        let mut ok = true;
        for c in list {
            let hit = linger_manager::check_condition(c, &env, &cfg) != c.negate;
            let text = format!(
                "{what}{}={}{}{}",
                c.name,
                if c.trigger { "|" } else { "" },
                if c.negate { "!" } else { "" },
                c.parameter
            );
            eprintln!(
                "test.service: {text} {}.",
                if hit { "succeeded" } else { "failed" }
            );
            if c.trigger {
                triggers = Some(triggers.unwrap_or(false) || hit);
            } else {
                ok &= hit;
            }
        }
        ok && triggers.unwrap_or(true)
    };
    let conditions = judge(&unit.conditions, "Condition");
    let asserts = judge(&unit.asserts, "Assert");
    if !unit.conditions.is_empty() {
        eprintln!(
            "Conditions {}.",
            if conditions { "succeeded" } else { "failed" }
        );
    }
    if !unit.asserts.is_empty() {
        eprintln!("Asserts {}.", if asserts { "succeeded" } else { "failed" });
    }
    ExitCode::from(u8::from(!(conditions && asserts)))
}
