//! `%`-specifier expansion (systemd.unit(5) "Specifiers"), with user-manager values.
//!
//! Expansion is pure: every value comes from a [`SpecifierContext`] built beforehand
//! ([`SpecifierContext::for_user_manager`], [`SpecifierContext::for_system_manager`], or
//! [`SpecifierContext::from_system`], which is the only place that reads the machine).
//!
//! As systemd 252's `specifier_printf()`: `%%` is `%`; a `%` followed by an unknown ASCII
//! letter or digit is an error ("Invalid slot"); a `%` followed by anything else, or at the
//! end, is kept as written (`%,` stays `%,`).

mod context;
mod host;

use crate::name;

pub use context::{Scope, SpecifierContext, UserInfo};
pub use host::{HostInfo, OsRelease, architecture_name, current_user, native_architecture};

/// Why a specifier could not be expanded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SpecifierError {
    /// Human description naming the specifier.
    pub message: String,
}

impl SpecifierError {
    fn new(message: impl Into<String>) -> SpecifierError {
        SpecifierError {
            message: message.into(),
        }
    }

    fn unknown(c: char) -> SpecifierError {
        SpecifierError::new(format!("Invalid slot: unknown specifier %{c}"))
    }

    fn unavailable(c: char, what: &str) -> SpecifierError {
        SpecifierError::new(format!("Specifier %{c} ({what}) is not available"))
    }
}

/// The generic engine (systemd's `specifier_printf()`): `lookup(c)` gives the value of `%c`,
/// `None` if `c` is not a specifier here, `Some(Err(_))` if its value is unavailable.
pub fn printf(
    s: &str,
    lookup: &dyn Fn(char) -> Option<Result<String, SpecifierError>>,
) -> Result<String, SpecifierError> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            None => out.push('%'),
            Some('%') => out.push('%'),
            Some(k) => match lookup(k) {
                Some(v) => out.push_str(&v?),
                None if k.is_ascii_alphanumeric() => return Err(SpecifierError::unknown(k)),
                None => {
                    out.push('%');
                    out.push(k);
                }
            },
        }
    }
    Ok(out)
}

/// Expand every specifier a unit file setting may use (systemd's `unit_full_printf()`).
pub fn expand(s: &str, ctx: &SpecifierContext) -> Result<String, SpecifierError> {
    printf(s, &|c| ctx.full(c))
}

/// Expand the subset allowed where a unit *name* is expected (dependencies, `[Install]`;
/// systemd's `unit_name_printf()` / `install_name_printf()`): `%n %N %p %i %j`, the
/// machine specifiers `%a %A %b %B %H %l %m %M %o %q %v %w %W` and the user `%u %U %g %G`.
pub fn expand_name(s: &str, ctx: &SpecifierContext) -> Result<String, SpecifierError> {
    printf(s, &|c| {
        if "nNpij".contains(c) || context::SYSTEM.contains(c) || "uUgG".contains(c) {
            ctx.full(c)
        } else {
            None
        }
    })
}

/// Protect text from expansion: every `%` doubled (systemd's `specifier_escape()`).
pub fn escape(s: &str) -> String {
    s.replace('%', "%%")
}

/// [`escape`] for each string.
pub fn escape_all(v: &[String]) -> Vec<String> {
    v.iter().map(|s| escape(s)).collect()
}

/// Whether the instance part of a name (after the first `@`, before the last `.`) contains
/// `%n`, `%N`, or `%i` together with other text — expansions that would grow the instance
/// every time a template refers to itself (systemd uses this to refuse recursive
/// template dependencies).
pub fn contains_instance_specifier_superset(s: &str) -> bool {
    let Some(at) = s.find('@') else { return false };
    let rest = &s[at + 1..];
    let inst = rest.rfind('.').map_or(rest, |d| &rest[..d]);
    let mut found_i = false;
    let mut chars = inst.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => return true,
            Some('i') => found_i = true,
            _ => {}
        }
    }
    found_i && inst.len() > 2
}

/// The unescaped prefix (`%P`), unescaped instance (`%I`) and friends need the name grammar.
fn unescaped(s: &str, c: char) -> Result<String, SpecifierError> {
    name::unescape(s).map_err(|e| SpecifierError::new(format!("Failed to expand %{c}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_rules() {
        let table = |c: char| match c {
            'X' => Some(Ok("AAAA".to_owned())),
            'e' => Some(Ok(String::new())),
            _ => None,
        };
        assert_eq!(
            printf("a=%X e=%e %% %, %", &table).as_deref(),
            Ok("a=AAAA e= % %, %")
        );
        assert!(printf("%z", &table).is_err_and(|e| e.message.contains("%z")));
    }

    #[test]
    fn superset() {
        for (s, want) in [
            ("foobar@a%i", true),
            ("foobar@%n.service", true),
            ("@%a%N", true),
            ("foobar@%i.service", false),
            ("foobar@%%n.service", false),
            ("%N.service", false),
            ("@%aN", false),
        ] {
            assert_eq!(contains_instance_specifier_superset(s), want, "{s}");
        }
    }
}
