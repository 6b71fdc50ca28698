//! `edit` (a drop-in, or with `--full` the whole unit file, in the user's configuration
//! directory, through `$SYSTEMD_EDITOR`/`$EDITOR`/`$VISUAL`) and `revert` — then a
//! daemon-reload, as systemctl does, unless `--no-reload`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use linger_ipc::manager as api;
use linger_ipc::unit_status;

use super::Opts;
use crate::output::fail;

/// The first line of the part of a drop-in's temporary file that becomes the drop-in.
const BEGIN: &str =
    "### Anything between here and the comment below will become the new contents of the file";
/// Where that part ends.
const END: &str = "### Lines below this comment will be discarded";

/// The directories `edit` writes to and `revert` cleans: the user's configuration directory
/// (`~/.config/systemd/user`) and its runtime twin (`$XDG_RUNTIME_DIR/systemd/user`).
pub(super) fn config_dirs() -> (PathBuf, PathBuf) {
    let cfg = crate::daemon::manager_config(Vec::new(), true, String::new());
    (
        cfg.config_home.join("systemd/user"),
        cfg.runtime_dir.join("systemd/user"),
    )
}

/// What the manager knows of a unit's files: (fragment, drop-ins).
fn unit_files(unit: &str) -> Result<(Option<PathBuf>, Vec<PathBuf>), String> {
    let props = super::show::fetch_props(
        &[unit.to_string()],
        0,
        false,
        &[
            unit_status::FRAGMENT_PATH,
            unit_status::DROP_IN_PATHS,
            unit_status::LOAD_STATE,
        ],
    )?;
    let Some(s) = props.first().map(api::UnitProperties::status) else {
        return Ok((None, Vec::new()));
    };
    let fragment = Some(s.fragment_path)
        .filter(|f| !f.is_empty() && s.load_state != Some(linger_wire::LoadState::Masked))
        .map(PathBuf::from);
    let dropins = s.drop_in_paths.iter().map(PathBuf::from).collect();
    Ok((fragment, dropins))
}

/// One file being edited: where it goes, its temporary copy, whether it is a drop-in.
struct Edit {
    target: PathBuf,
    temp: PathBuf,
    dropin: bool,
}

/// The editor command line: `$SYSTEMD_EDITOR`, `$EDITOR`, `$VISUAL` (split at blanks, so
/// `code --wait` works), else the first of editor, nano, vim, vi on `$PATH`.
fn editor() -> Option<Vec<String>> {
    for var in ["SYSTEMD_EDITOR", "EDITOR", "VISUAL"] {
        if let Ok(v) = std::env::var(var) {
            let words: Vec<String> = v.split_whitespace().map(String::from).collect();
            if !words.is_empty() {
                return Some(words);
            }
        }
    }
    let path = std::env::var("PATH").unwrap_or_default();
    ["editor", "nano", "vim", "vi"]
        .iter()
        .find(|e| path.split(':').any(|d| Path::new(d).join(e).is_file()))
        .map(|e| vec![(*e).to_string()])
}

fn commented(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut out = format!("### {}\n", path.display());
    for line in text.lines() {
        if line.is_empty() {
            out.push_str("#\n");
        } else {
            out.push_str(&format!("# {line}\n"));
        }
    }
    out
}

/// A temporary file next to `target` (so the final rename stays on one file system).
fn temp_for(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".#{name}.{}", std::process::id()))
}

/// Plan the edit of `unit`: make the temporary file with what the user starts from.
fn prepare(unit: &str, o: &Opts, dir: &Path) -> Result<Edit, String> {
    let (fragment, dropins) = unit_files(unit)?;
    if fragment.is_none() && !(o.force && o.full) {
        return Err(format!(
            "No files found for {unit}.\nRun 'systemctl --user edit --force --full {unit}' to create a new unit."
        ));
    }
    let (target, initial, dropin) = if o.full {
        let target = dir.join(unit);
        let from = if target.is_file() {
            Some(target.clone())
        } else {
            fragment.clone()
        };
        let text = from
            .map(|f| std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display())))
            .transpose()?
            .unwrap_or_default();
        (target, text, false)
    } else {
        let name = o.drop_in.as_deref().unwrap_or("override");
        let name = if name.ends_with(".conf") {
            name.to_string()
        } else {
            format!("{name}.conf")
        };
        let target = dir.join(format!("{unit}.d")).join(name);
        let current = std::fs::read_to_string(&target).unwrap_or_default();
        let mut text = format!(
            "### Editing {}\n{BEGIN}\n\n{current}{}\n{END}\n\n",
            target.display(),
            if current.is_empty() || current.ends_with('\n') {
                ""
            } else {
                "\n"
            }
        );
        // The unit as it is now, for reference: its file, then the other drop-ins.
        let mut shown: Vec<PathBuf> = fragment.into_iter().collect();
        shown.extend(dropins.into_iter().filter(|d| d != &target));
        for (i, p) in shown.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(&commented(p));
        }
        (target, text, true)
    };
    let parent = target.parent().unwrap_or(dir);
    std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    let temp = temp_for(&target);
    std::fs::write(&temp, initial).map_err(|e| format!("{}: {e}", temp.display()))?;
    Ok(Edit {
        target,
        temp,
        dropin,
    })
}

/// What of an edited drop-in's temporary file becomes the drop-in: the lines between the
/// markers (all of it when the user removed the first one), trimmed of blank lines.
fn kept_text(text: &str, dropin: bool) -> String {
    if !dropin {
        return text.to_string();
    }
    let after_begin = match text.find(&format!("{BEGIN}\n")) {
        Some(i) => &text[i + BEGIN.len() + 1..],
        None => text,
    };
    let body = match after_begin.find(END) {
        Some(i) => &after_begin[..i],
        None => after_begin,
    };
    let trimmed = body.trim_matches('\n');
    if trimmed.trim().is_empty() {
        String::new()
    } else {
        format!("{trimmed}\n")
    }
}

/// `edit UNIT…`.
pub fn edit(units: &[String], o: &Opts) -> ExitCode {
    if units.is_empty() {
        return fail("Too few arguments.");
    }
    let (config, runtime) = config_dirs();
    let dir = if o.runtime { runtime } else { config };
    let Some(editor) = editor() else {
        return fail(
            "Cannot edit units, no editor available. Please set either $SYSTEMD_EDITOR, $EDITOR or $VISUAL.",
        );
    };
    let mut edits = Vec::new();
    let cleanup = |edits: &[Edit]| {
        for e in edits {
            let _ = std::fs::remove_file(&e.temp);
        }
    };
    for u in units {
        match prepare(&crate::unit_names::mangle(u), o, &dir) {
            Ok(e) => edits.push(e),
            Err(msg) => {
                cleanup(&edits);
                return fail(&msg);
            }
        }
    }
    let status = std::process::Command::new(&editor[0])
        .args(&editor[1..])
        .args(edits.iter().map(|e| &e.temp))
        .status();
    match status {
        Ok(s) if s.success() => {}
        Ok(_) => {
            cleanup(&edits);
            return fail("Editor exited unsuccessfully, aborting.");
        }
        Err(e) => {
            cleanup(&edits);
            return fail(&format!("Failed to run editor {}: {e}", editor[0]));
        }
    }
    let mut code = ExitCode::SUCCESS;
    for e in &edits {
        let text = std::fs::read_to_string(&e.temp).unwrap_or_default();
        let kept = kept_text(&text, e.dropin);
        let _ = std::fs::remove_file(&e.temp);
        if kept.is_empty() {
            if e.dropin && e.target.exists() {
                if let Err(err) = std::fs::remove_file(&e.target) {
                    code = fail(&format!("Failed to remove {}: {err}", e.target.display()));
                    continue;
                }
                // The drop-in directory goes too when nothing else is in it.
                if let Some(d) = e.target.parent() {
                    let _ = std::fs::remove_dir(d);
                }
                if !o.quiet {
                    eprintln!("Removed \"{}\".", e.target.display());
                }
            } else if !o.quiet {
                eprintln!(
                    "Editing \"{}\" canceled: temporary file is empty.",
                    e.target.display()
                );
            }
            continue;
        }
        let temp = temp_for(&e.target);
        if let Err(err) =
            std::fs::write(&temp, &kept).and_then(|()| std::fs::rename(&temp, &e.target))
        {
            let _ = std::fs::remove_file(&temp);
            code = fail(&format!("Failed to write {}: {err}", e.target.display()));
        }
    }
    if !o.no_reload {
        let reload =
            super::jobs::simple(linger_ipc::manager::method::RELOAD, serde_json::json!({}));
        if reload != ExitCode::SUCCESS {
            return reload;
        }
    }
    code
}

/// `revert UNIT…`: remove the user's drop-ins and a unit file that overrides one of the
/// same name further down the search path, unmask — back to the vendor's version.
pub fn revert(units: &[String], o: &Opts) -> ExitCode {
    if units.is_empty() {
        return fail("Too few arguments.");
    }
    let (config, runtime) = config_dirs();
    let mut code = ExitCode::SUCCESS;
    for u in units {
        let unit = crate::unit_names::mangle(u);
        let (fragment, _) = match unit_files(&unit) {
            Ok(f) => f,
            Err(e) => return fail(&e),
        };
        let mut removed = Vec::new();
        for dir in [&config, &runtime] {
            let dropins = dir.join(format!("{unit}.d"));
            if dropins.is_dir() {
                if let Err(e) = std::fs::remove_dir_all(&dropins) {
                    code = fail(&format!("Failed to remove {}: {e}", dropins.display()));
                    continue;
                }
                removed.push(dropins);
            }
            let file = dir.join(&unit);
            let is_mask = std::fs::read_link(&file).is_ok_and(|t| t == Path::new("/dev/null"));
            // A user's own unit file stays unless a vendor version exists below it.
            let vendor_exists = vendor_file(&unit, &config, &runtime).is_some();
            if is_mask || (file.is_file() && vendor_exists && fragment.as_deref() == Some(&file)) {
                if let Err(e) = std::fs::remove_file(&file) {
                    code = fail(&format!("Failed to remove {}: {e}", file.display()));
                    continue;
                }
                removed.push(file);
            }
        }
        if !o.quiet {
            for r in &removed {
                eprintln!("Removed \"{}\".", r.display());
            }
        }
    }
    if !o.no_reload {
        let reload =
            super::jobs::simple(linger_ipc::manager::method::RELOAD, serde_json::json!({}));
        if reload != ExitCode::SUCCESS {
            return reload;
        }
    }
    code
}

/// A unit file of this name in the search path below the user's directories.
fn vendor_file(unit: &str, config: &Path, runtime: &Path) -> Option<PathBuf> {
    let cfg = crate::daemon::manager_config(Vec::new(), true, String::new());
    let ctx = linger_manager::load_context(&cfg);
    ctx.search_path
        .iter()
        .filter(|d| d.as_path() != config && d.as_path() != runtime)
        .map(|d| d.join(unit))
        .find(|p| p.is_file() && !p.starts_with(cfg.runtime_dir.join("systemd/transient")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_part_between_the_markers_is_kept() {
        let text = format!(
            "### Editing /x/override.conf\n{BEGIN}\n\n[Service]\nEnvironment=A=1\n\n{END}\n\n### /x/a.service\n# [Service]\n"
        );
        assert_eq!(kept_text(&text, true), "[Service]\nEnvironment=A=1\n");
        assert_eq!(kept_text(&format!("{BEGIN}\n\n\n{END}\n# x\n"), true), "");
        // Markers removed by the user: everything counts.
        assert_eq!(
            kept_text("[Service]\nNice=5\n", true),
            "[Service]\nNice=5\n"
        );
        assert_eq!(kept_text("[Unit]\n", false), "[Unit]\n");
    }
}
