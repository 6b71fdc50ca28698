//! systemctl's warnings when a unit's files changed on disk since the manager loaded them
//! (`NeedDaemonReload=yes`): after queueing a job and in `status` one line, in `cat` a
//! comment block above the (current) files.

use linger_ipc::unit_status;

use super::show::fetch_props;

/// The one-line warning (`start`, `restart`, `status`, …).
pub fn line(unit: &str) -> String {
    format!(
        "Warning: The unit file, source configuration file or drop-ins of {unit} changed on disk. Run 'systemctl --user daemon-reload' to reload units."
    )
}

/// `cat`'s block: what it prints is the files on disk, not what the manager runs.
pub fn cat_block(unit: &str) -> String {
    [
        format!("# Warning: {unit} changed on disk, the version systemd has loaded is outdated."),
        "# This output shows the current version of the unit's original fragment and drop-in files.".into(),
        "# If fragments or drop-ins were added or removed, they are not properly reflected in this output.".into(),
        "# Run 'systemctl --user daemon-reload' to reload units.".into(),
    ]
    .iter()
    .map(|l| crate::output::paint(crate::output::style::HIGHLIGHT_RED, l))
    .collect::<Vec<_>>()
    .join("\n")
}

/// Print [`line`] on stderr for each of `units` whose files changed (errors are ignored:
/// this is advice, as in systemctl).
pub fn warn_changed(units: &[String]) {
    if units.is_empty() {
        return;
    }
    let names = [unit_status::ID, unit_status::NEED_DAEMON_RELOAD];
    let Ok(list) = fetch_props(units, 0, false, &names) else {
        return;
    };
    for u in list {
        let s = u.status();
        if s.need_daemon_reload {
            eprintln!("{}", line(s.id));
        }
    }
}
