//! The engine's refusals as the manager's typed errors (one mapping, used wherever a request
//! meets an [`EngineError`]).

use linger_engine::EngineError;
use linger_ipc::manager::{ErrorKind, ManagerError};

/// A refusal from the engine, typed: each kind of refusal is named as systemd names it (the
/// D-Bus front end answers with systemd's error of that name; systemctl exits 5 for the "not
/// found" ones).
pub fn engine_error(e: &EngineError, unit: &str) -> ManagerError {
    let kind = match e {
        EngineError::NotFound(_)
        | EngineError::NotLoaded(_)
        | EngineError::DependencyNotFound { .. } => ErrorKind::NoSuchUnit,
        EngineError::Masked(_) => ErrorKind::UnitMasked,
        EngineError::BadSetting(_) => ErrorKind::BadUnitSetting,
        EngineError::LoadError(..) => ErrorKind::LoadFailed,
        EngineError::Refused(_) => ErrorKind::OnlyByDependency,
        EngineError::Cycle(_) => ErrorKind::TransactionOrderIsCyclic,
        EngineError::Destructive(..) => ErrorKind::TransactionIsDestructive,
        EngineError::NotApplicable(..) => ErrorKind::JobTypeNotApplicable,
        EngineError::Exists(_) => ErrorKind::UnitExists,
        EngineError::NoIsolation(_) => ErrorKind::NoIsolation,
        EngineError::IsolateNotStart => ErrorKind::InvalidParameter,
        EngineError::TooManyJobs(_) => ErrorKind::Refused,
    };
    ManagerError::new(kind, e.to_string()).unit(unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_keep_their_kind_and_systemds_words() {
        let e = engine_error(&EngineError::Masked("a.service".into()), "a.service");
        assert_eq!(e.kind, ErrorKind::UnitMasked);
        assert_eq!(e.message, "Unit a.service is masked.");
        assert_eq!(e.unit.as_deref(), Some("a.service"));
        let e = engine_error(&EngineError::Refused("a.service".into()), "a.service");
        assert_eq!(e.kind, ErrorKind::OnlyByDependency);
        let e = engine_error(
            &EngineError::NotApplicable("reload".into(), "a.service".into()),
            "a.service",
        );
        assert_eq!(e.kind, ErrorKind::JobTypeNotApplicable);
    }
}
