//! systemctl's warning after `stop` of a unit that an active socket, path or timer unit can
//! start again: "Warning: Stopping foo.service, but it can still be activated by:" and one
//! indented line per such unit (on stderr, as systemctl logs it).

use linger_ipc::unit_status;

use super::show::fetch_props;

/// The warning for `unit` and the active units that trigger it (None when there are none).
pub fn text(unit: &str, active_triggers: &[String]) -> Option<String> {
    if active_triggers.is_empty() {
        return None;
    }
    let mut out = format!("Warning: Stopping {unit}, but it can still be activated by:");
    for t in active_triggers {
        out.push_str("\n  ");
        out.push_str(t);
    }
    Some(out)
}

/// Print [`text`] for each of `units` (errors are ignored: this is advice).
pub fn warn_stopped(units: &[String]) {
    if units.is_empty() {
        return;
    }
    let Ok(list) = fetch_props(
        units,
        0,
        false,
        &[unit_status::ID, unit_status::TRIGGERED_BY],
    ) else {
        return;
    };
    for u in list {
        let s = u.status();
        if s.triggered_by.is_empty() {
            continue;
        }
        let triggers: Vec<String> = s.triggered_by.iter().map(|t| t.to_string()).collect();
        let names = [unit_status::ID, unit_status::ACTIVE_STATE];
        let Ok(states) = fetch_props(&triggers, 0, false, &names) else {
            continue;
        };
        let active: Vec<String> = states
            .iter()
            .map(|t| t.status())
            .filter(|t| t.is_up())
            .map(|t| t.id.to_string())
            .collect();
        if let Some(w) = text(s.id, &active) {
            eprintln!("{w}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn systemctls_wording() {
        assert_eq!(text("a.service", &[]), None);
        assert_eq!(
            text("a.service", &["a.socket".into(), "a.timer".into()]).unwrap(),
            "Warning: Stopping a.service, but it can still be activated by:\n  a.socket\n  a.timer"
        );
    }
}
