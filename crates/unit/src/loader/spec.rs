//! `%` specifiers for one unit: builds [`crate::specifier`]'s context from the [`LoadContext`].

use std::path::Path;

use super::LoadContext;
use crate::name::NameError;
use crate::specifier::{self, Scope, SpecifierContext};

/// The specifier values for `unit` (fragment `fragment`) under this load context.
pub(crate) fn context(
    unit: &str,
    fragment: Option<&Path>,
    ctx: &LoadContext,
) -> Result<SpecifierContext, NameError> {
    let env = |k: &str| ctx.env.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let mut s = match ctx.scope {
        Scope::System => {
            SpecifierContext::for_system_manager(unit, &ctx.user.shell, &env, ctx.host.clone())?
        }
        Scope::User | Scope::Global => {
            SpecifierContext::for_user_manager(unit, &ctx.user, &env, ctx.host.clone())?
        }
    };
    if ctx.scope == Scope::Global {
        s.user = None;
    }
    s.fragment_path = fragment.map(|p| p.display().to_string());
    Ok(s)
}

/// Expand `s` with a context built by [`context`]; `name` restricts to the specifiers allowed
/// where a unit name is expected. Errors are the message to show.
pub(crate) fn expand_with(
    sctx: &Result<SpecifierContext, NameError>,
    s: &str,
    name: bool,
) -> Result<String, String> {
    if !s.contains('%') {
        return Ok(s.to_string());
    }
    let sctx = sctx.as_ref().map_err(ToString::to_string)?;
    let r = if name {
        specifier::expand_name(s, sctx)
    } else {
        specifier::expand(s, sctx)
    };
    r.map_err(|e| e.message)
}
