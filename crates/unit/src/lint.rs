//! `verify`'s extra warnings about legal-but-almost-surely-wrong input.
//! OWNER: helper U2.
