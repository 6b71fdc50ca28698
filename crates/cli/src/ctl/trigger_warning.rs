//! systemctl's warning after `stop` of a unit that an active socket, path or timer unit can
//! start again: "Warning: Stopping foo.service, but it can still be activated by:" and one
//! indented line per such unit (on stderr, as systemctl logs it).

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
    let Ok(list) = fetch_props(units, 0, false, &["Id", "TriggeredBy"]) else {
        return;
    };
    for u in list {
        let id = u.properties.get("Id").cloned().unwrap_or_default();
        let triggers: Vec<String> = u
            .properties
            .get("TriggeredBy")
            .map(|t| t.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        if triggers.is_empty() {
            continue;
        }
        let Ok(states) = fetch_props(&triggers, 0, false, &["Id", "ActiveState"]) else {
            continue;
        };
        let active: Vec<String> = states
            .iter()
            .filter(|t| {
                matches!(
                    t.properties.get("ActiveState").map(String::as_str),
                    Some("active" | "reloading")
                )
            })
            .filter_map(|t| t.properties.get("Id").cloned())
            .collect();
        if let Some(w) = text(&id, &active) {
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
