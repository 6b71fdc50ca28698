//! What kind of failure a manager's error is, and the varlink error name of each kind: what a
//! front end needs to answer as systemd does (systemctl's exit status, the D-Bus error name).

names! {
    /// What kind of failure a manager's error is.
    "error kind"
    pub enum ErrorKind {
        /// The unit is not loaded / has no file.
        NoSuchUnit = "no-such-unit",
        /// The unit is masked.
        UnitMasked = "unit-masked",
        /// It may be started/stopped by dependency only (`RefuseManualStart=`/`Stop=`).
        OnlyByDependency = "only-by-dependency",
        /// The job type does not apply to the unit (`reload` without `ExecReload=`).
        JobTypeNotApplicable = "job-type-not-applicable",
        /// The transaction would cancel a queued job and the job mode forbids it.
        TransactionIsDestructive = "transaction-is-destructive",
        /// The transaction's ordering has a cycle that could not be broken.
        TransactionOrderIsCyclic = "transaction-order-is-cyclic",
        /// The unit's file could not be loaded.
        LoadFailed = "load-failed",
        /// The unit's file has a bad setting.
        BadUnitSetting = "bad-unit-setting",
        /// A unit of that name exists already (a transient unit, a scope).
        UnitExists = "unit-exists",
        /// The unit may not be isolated (no `AllowIsolate=yes`).
        NoIsolation = "no-isolation",
        /// Any other refusal (too many jobs, another user's process, a unit in the wrong state).
        Refused = "refused",
        /// Malformed or invalid parameters.
        InvalidParameter = "invalid-parameter",
        /// No such method.
        MethodNotFound = "method-not-found",
        /// Anything else that went wrong while doing what was asked.
        Failed = "failed",
    }
}

impl ErrorKind {
    /// The varlink error name (the one place kinds and names are paired).
    pub fn varlink_name(self) -> &'static str {
        match self {
            ErrorKind::NoSuchUnit => "io.linger.Manager.NoSuchUnit",
            ErrorKind::UnitMasked => "io.linger.Manager.UnitMasked",
            ErrorKind::OnlyByDependency => "io.linger.Manager.OnlyByDependency",
            ErrorKind::JobTypeNotApplicable => "io.linger.Manager.JobTypeNotApplicable",
            ErrorKind::TransactionIsDestructive => "io.linger.Manager.TransactionIsDestructive",
            ErrorKind::TransactionOrderIsCyclic => "io.linger.Manager.TransactionOrderIsCyclic",
            ErrorKind::LoadFailed => "io.linger.Manager.LoadFailed",
            ErrorKind::BadUnitSetting => "io.linger.Manager.BadUnitSetting",
            ErrorKind::UnitExists => "io.linger.Manager.UnitExists",
            ErrorKind::NoIsolation => "io.linger.Manager.NoIsolation",
            ErrorKind::Refused => "io.linger.Manager.Refused",
            ErrorKind::InvalidParameter => "org.varlink.service.InvalidParameter",
            ErrorKind::MethodNotFound => "org.varlink.service.MethodNotFound",
            ErrorKind::Failed => "io.linger.Manager.Failed",
        }
    }

    /// The kind a varlink error name stands for (unknown names are `Failed`).
    pub fn from_varlink_name(name: &str) -> ErrorKind {
        ErrorKind::ALL
            .iter()
            .copied()
            .find(|k| k.varlink_name() == name)
            .unwrap_or(ErrorKind::Failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_name_of_its_own_that_names_it_back() {
        let mut names = std::collections::HashSet::new();
        for &k in ErrorKind::ALL {
            assert_eq!(ErrorKind::from_varlink_name(k.varlink_name()), k);
            assert!(names.insert(k.varlink_name()), "{k:?}'s name is taken");
        }
        assert_eq!(
            ErrorKind::from_varlink_name("io.example.Unknown"),
            ErrorKind::Failed
        );
    }
}
