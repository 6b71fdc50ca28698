//! Unit-name grammar: validation, templates and instances, `systemd-escape`.
//! OWNER: helper U1 (matches conformance `unit_name`, `alias_symlink` records).
