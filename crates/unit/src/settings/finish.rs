//! Whole-unit checks systemd runs after all files are applied (`service_verify()` and
//! friends). Each failure is fatal: the unit is `bad-setting`, with systemd's message.

use super::UnitBuilder;
use crate::diag::Severity;
use crate::model::{InputSpec, RestartPolicy, ServiceType, UnitType};

/// Run the checks for the builder's unit type.
pub(crate) fn check(b: &mut UnitBuilder) {
    if b.fatal || b.cfg.unit_type != UnitType::Service {
        return;
    }
    fill_input_data(b);
    let s = &b.svc;
    let no_start = s.exec_start.is_empty();
    let refusal = if no_start && s.exec_stop.is_empty() && !b.extra.success_action {
        Some("Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.".to_string())
    } else if no_start && !s.remain_after_exit && !b.extra.success_action {
        Some(
            "Service has no ExecStart= and no SuccessAction= settings and does not have RemainAfterExit=yes set. \
             Refusing."
                .to_string(),
        )
    } else if s.exec_start.len() > 1 && s.service_type != ServiceType::Oneshot {
        Some(
            "Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. \
             Refusing."
                .to_string(),
        )
    } else if s.service_type == ServiceType::Oneshot
        && matches!(s.restart, RestartPolicy::Always | RestartPolicy::OnSuccess)
    {
        Some(
            "Service has Restart= set to either always or on-success, which isn't allowed for Type=oneshot \
             services. Refusing."
                .to_string(),
        )
    } else if s.service_type == ServiceType::Dbus && b.extra.bus_name.is_none() {
        Some(
            "Service is of type D-Bus but no D-Bus service name has been specified. Refusing."
                .to_string(),
        )
    } else {
        None
    };
    if let Some(msg) = refusal {
        let path = b.cfg.fragment_path.clone();
        let id = b.cfg.id.clone();
        b.push(path.as_deref(), 0, Severity::Error, format!("{id}: {msg}"));
        b.fatal = true;
    }
}

/// `StandardInputText=`/`StandardInputData=` fill `StandardInput=data`, and imply it when
/// `StandardInput=` was not set (systemd.exec(5)).
fn fill_input_data(b: &mut UnitBuilder) {
    let data = std::mem::take(&mut b.extra.input_data);
    match &mut b.svc.exec.standard_input {
        InputSpec::Data(d) => *d = data,
        _ if !data.is_empty() && !b.extra.input_set => {
            b.svc.exec.standard_input = InputSpec::Data(data)
        }
        _ => {}
    }
}
