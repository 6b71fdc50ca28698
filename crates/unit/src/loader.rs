//! Search paths, drop-ins, aliases, masks and templates: a unit name → [`crate::model::UnitConfig`].
//! OWNER: helper U2.
