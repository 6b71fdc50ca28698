//! The declarative `Section.Key → parser → field` table that fills [`crate::model`].
//! OWNER: helper U2.
