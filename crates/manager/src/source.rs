//! The engine's [`UnitSource`] over the real search path (crate linger-unit's loader).

use linger_engine::UnitSource;
use linger_unit::loader::{LoadContext, load_unit};
use linger_unit::model::UnitConfig;

/// Loads units from the user's search path.
#[derive(Debug)]
pub struct SearchPathSource {
    /// The loader context (search path, user, specifier values).
    pub ctx: LoadContext,
}

impl UnitSource for SearchPathSource {
    fn load(&mut self, name: &str) -> UnitConfig {
        load_unit(name, &self.ctx)
    }
}
