//! Scalar value parsers shared by the settings table (booleans, signals, modes, sizes …).
//! OWNER: helper U2.
