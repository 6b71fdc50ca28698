//! The engine's refusals as the manager's typed errors (one mapping, used by every call that
//! asks the engine: jobs, unit lookups, scopes).

use linger_engine::EngineError;
use linger_ipc::manager::{ErrorKind, ManagerError};

/// A refusal from the engine, typed as systemd's D-Bus errors are (systemctl's exit codes
/// follow them: 5 not found, 4 refused by RefuseManual*=/destructive, 3 not applicable,
/// 6 failed to load).
pub fn engine_error(e: &EngineError, unit: &str) -> ManagerError {
    let kind = match e {
        EngineError::NotFound(_)
        | EngineError::NotLoaded(_)
        | EngineError::DependencyNotFound { .. } => ErrorKind::NoSuchUnit,
        EngineError::Masked(_) => ErrorKind::UnitMasked,
        EngineError::BadSetting(_) => ErrorKind::BadUnitSetting,
        EngineError::LoadError(..) => ErrorKind::LoadFailed,
        EngineError::Refused(_) => ErrorKind::OnlyByDependency,
        EngineError::NotApplicable(..) => ErrorKind::JobTypeNotApplicable,
        EngineError::Destructive(..) => ErrorKind::TransactionIsDestructive,
        EngineError::NoIsolation(_) => ErrorKind::NoIsolation,
        EngineError::Exists(_) => ErrorKind::UnitExists,
        _ => ErrorKind::Refused,
    };
    ManagerError::new(kind, e.to_string()).unit(unit)
}
