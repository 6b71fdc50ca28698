//! Whole-unit checks systemd runs after all files are applied (`service_verify()` and
//! friends). Each failure is fatal: the unit is `bad-setting`, with systemd's message.

use super::UnitBuilder;
use crate::diag::Severity;
use crate::model::{InputSpec, ListenAddress, ListenKind, RestartPolicy, ServiceType, UnitType};

/// Run the checks for the builder's unit type.
pub(crate) fn check(b: &mut UnitBuilder) {
    // systemd.service(5): dbus "is the default if BusName= is specified" (and Type= is not).
    if b.cfg.unit_type == UnitType::Service && !b.extra.type_set && b.svc.bus_name.is_some() {
        b.svc.service_type = ServiceType::Dbus;
    }
    if b.fatal {
        return;
    }
    let refusal = match b.cfg.unit_type {
        UnitType::Service => {
            fill_input_data(b);
            service_refusal(b)
        }
        UnitType::Timer => {
            (!b.timer.has_trigger()).then_some("Timer unit lacks value setting. Refusing.")
        }
        UnitType::Socket => socket_refusal(b),
        _ => None,
    };
    if let Some(msg) = refusal {
        let path = b.cfg.fragment_path.clone();
        let id = b.cfg.id.clone();
        b.push(path.as_deref(), 0, Severity::Error, format!("{id}: {msg}"));
        b.fatal = true;
    }
}

fn service_refusal(b: &UnitBuilder) -> Option<&'static str> {
    let s = &b.svc;
    let no_start = s.exec_start.is_empty();
    if no_start && s.exec_stop.is_empty() && !b.extra.success_action {
        Some("Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.")
    } else if no_start && !s.remain_after_exit && !b.extra.success_action {
        Some(
            "Service has no ExecStart= and no SuccessAction= settings and does not have RemainAfterExit=yes set. \
             Refusing.",
        )
    } else if s.exec_start.len() > 1 && s.service_type != ServiceType::Oneshot {
        Some(
            "Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. \
             Refusing.",
        )
    } else if s.service_type == ServiceType::Oneshot
        && matches!(s.restart, RestartPolicy::Always | RestartPolicy::OnSuccess)
    {
        Some(
            "Service has Restart= set to either always or on-success, which isn't allowed for Type=oneshot \
             services. Refusing.",
        )
    } else if s.service_type == ServiceType::Dbus && s.bus_name.is_none() {
        Some("Service is of type D-Bus but no D-Bus service name has been specified. Refusing.")
    } else {
        None
    }
}

/// systemd.socket(5)'s rules: something to listen on; `Accept=yes` only with stream and
/// sequential-packet sockets, at least one connection, and no `Service=`; `Symlinks=` only
/// with exactly one socket or FIFO in the file system.
fn socket_refusal(b: &UnitBuilder) -> Option<&'static str> {
    let s = &b.socket;
    let other = &b.extra.other_listens;
    let accepting = |k: ListenKind| matches!(k, ListenKind::Stream | ListenKind::SequentialPacket);
    let fs_nodes = s
        .listen
        .iter()
        .filter(|l| matches!(l.address, ListenAddress::Path(_)))
        .count();
    if s.listen.is_empty() && other.is_empty() {
        Some(
            "Unit has no Listen setting (ListenStream=, ListenDatagram=, ListenFIFO=, ...). Refusing.",
        )
    } else if s.accept
        && (s.listen.iter().any(|l| !accepting(l.kind)) || other.iter().any(|o| !o.accepting))
    {
        Some("Unit configured for accepting sockets, but sockets are non-accepting. Refusing.")
    } else if s.accept && s.max_connections == 0 {
        Some("MaxConnection= setting too small. Refusing.")
    } else if s.accept && s.service.is_some() {
        Some("Explicit service configuration for accepting socket units not supported. Refusing.")
    } else if !s.symlinks.is_empty() && fs_nodes != 1 {
        Some("Unit has symlinks set but none or more than one node in the file system. Refusing.")
    } else {
        None
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
