//! D-Bus errors, named and worded as systemd 252 names and words them (the reference replies
//! are in tests/reference/systemd252/busctl-*.txt).

use linger_ipc::manager::{ErrorKind, ManagerError};

/// An error reply: its D-Bus name and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusError {
    /// `org.freedesktop.systemd1.NoSuchUnit`, …
    pub name: &'static str,
    /// What `busctl`/`systemctl` print.
    pub message: String,
}

/// Error names (`org.freedesktop.systemd1(5)` and the D-Bus specification's).
pub mod name {
    /// A unit that is not loaded / has no file.
    pub const NO_SUCH_UNIT: &str = "org.freedesktop.systemd1.NoSuchUnit";
    /// A job id that does not exist.
    pub const NO_SUCH_JOB: &str = "org.freedesktop.systemd1.NoSuchJob";
    /// Bad arguments: an invalid unit name, job mode, signature.
    pub const INVALID_ARGS: &str = "org.freedesktop.DBus.Error.InvalidArgs";
    /// No such method on this object.
    pub const UNKNOWN_METHOD: &str = "org.freedesktop.DBus.Error.UnknownMethod";
    /// No such object.
    pub const UNKNOWN_OBJECT: &str = "org.freedesktop.DBus.Error.UnknownObject";
    /// No such property.
    pub const UNKNOWN_PROPERTY: &str = "org.freedesktop.DBus.Error.UnknownProperty";
    /// A property that cannot be written.
    pub const PROPERTY_READ_ONLY: &str = "org.freedesktop.DBus.Error.PropertyReadOnly";
    /// Something else went wrong.
    pub const FAILED: &str = "org.freedesktop.DBus.Error.Failed";
    /// A process that belongs to no loaded unit.
    pub const NO_UNIT_FOR_PID: &str = "org.freedesktop.systemd1.NoUnitForPID";
}

impl BusError {
    /// An error `name` saying `message`.
    pub fn new(name: &'static str, message: impl Into<String>) -> BusError {
        BusError {
            name,
            message: message.into(),
        }
    }

    /// `Unit NAME not loaded.`
    pub fn not_loaded(unit: &str) -> BusError {
        BusError::new(name::NO_SUCH_UNIT, format!("Unit {unit} not loaded."))
    }

    /// `PID N does not belong to any loaded unit.`
    pub fn no_unit_for_pid(pid: u32) -> BusError {
        BusError::new(
            name::NO_UNIT_FOR_PID,
            format!("PID {pid} does not belong to any loaded unit."),
        )
    }

    /// `Unit name NAME is not valid.`
    pub fn invalid_unit_name(unit: &str) -> BusError {
        BusError::new(
            name::INVALID_ARGS,
            format!("Unit name {unit} is not valid."),
        )
    }

    /// `Unknown method M or interface I.`
    pub fn unknown_method(member: &str, interface: &str) -> BusError {
        BusError::new(
            name::UNKNOWN_METHOD,
            format!("Unknown method {member} or interface {interface}."),
        )
    }

    /// `Unknown object 'PATH'.`
    pub fn unknown_object(path: &str) -> BusError {
        BusError::new(name::UNKNOWN_OBJECT, format!("Unknown object '{path}'."))
    }

    /// `Unknown interface I or property P.`
    pub fn unknown_property(interface: &str, property: &str) -> BusError {
        BusError::new(
            name::UNKNOWN_PROPERTY,
            format!("Unknown interface {interface} or property {property}."),
        )
    }

    /// `Invalid arguments 'GOT' to call I.M(), expecting 'WANT'.`
    pub fn wrong_signature(got: &str, interface: &str, member: &str, want: &str) -> BusError {
        BusError::new(
            name::INVALID_ARGS,
            format!(
                "Invalid arguments '{got}' to call {interface}.{member}(), expecting '{want}'."
            ),
        )
    }

    /// Arguments of the right type that do not make sense.
    pub fn invalid_args(message: impl Into<String>) -> BusError {
        BusError::new(name::INVALID_ARGS, message)
    }
}

impl From<ManagerError> for BusError {
    /// The manager's refusal as systemd's error (the kind picks the name; the message is the
    /// manager's own, worded as systemd words it).
    fn from(e: ManagerError) -> BusError {
        let name = match e.kind {
            ErrorKind::NoSuchUnit => name::NO_SUCH_UNIT,
            ErrorKind::InvalidParameter => name::INVALID_ARGS,
            ErrorKind::MethodNotFound => name::UNKNOWN_METHOD,
            ErrorKind::Refused | ErrorKind::Failed => name::FAILED,
            ErrorKind::UnitMasked => "org.freedesktop.systemd1.UnitMasked",
            ErrorKind::BadUnitSetting => "org.freedesktop.systemd1.BadUnitSetting",
            ErrorKind::LoadFailed => "org.freedesktop.systemd1.LoadFailed",
            ErrorKind::OnlyByDependency => "org.freedesktop.systemd1.OnlyByDependency",
            ErrorKind::JobTypeNotApplicable => "org.freedesktop.systemd1.JobTypeNotApplicable",
            ErrorKind::TransactionIsDestructive => {
                "org.freedesktop.systemd1.TransactionIsDestructive"
            }
            ErrorKind::NoIsolation => "org.freedesktop.systemd1.NoIsolation",
            ErrorKind::UnitExists => "org.freedesktop.systemd1.UnitExists",
        };
        BusError::new(name, e.message)
    }
}

impl From<zbus::Error> for BusError {
    fn from(e: zbus::Error) -> BusError {
        BusError::new(name::FAILED, e.to_string())
    }
}
