//! Service environments: an ordered `NAME=value` map, and `EnvironmentFile=` parsing.

use std::path::Path;

/// An ordered environment where a later assignment replaces an earlier one in place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    vars: Vec<(String, String)>,
}

impl Environment {
    /// Empty.
    pub fn new() -> Self {
        Environment::default()
    }

    /// Set (or replace) a variable.
    pub fn set(&mut self, name: &str, value: &str) {
        match self.vars.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value.to_string(),
            None => self.vars.push((name.to_string(), value.to_string())),
        }
    }

    /// Remove a variable; `NAME=value` removes it only when the value matches (UnsetEnvironment=).
    pub fn unset(&mut self, spec: &str) {
        match spec.split_once('=') {
            Some((n, v)) => self.vars.retain(|(name, value)| !(name == n && value == v)),
            None => self.vars.retain(|(name, _)| name != spec),
        }
    }

    /// Look a variable up.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Iterate in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.vars.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// `NAME=value` strings for execve.
    pub fn to_strings(&self) -> Vec<String> {
        self.vars.iter().map(|(n, v)| format!("{n}={v}")).collect()
    }

    /// Number of variables.
    pub fn len(&self) -> usize {
        self.vars.len()
    }

    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.vars.is_empty()
    }
}

/// Parsed `NAME=value` pairs, and warnings as (line, message).
pub type EnvFileResult = (Vec<(String, String)>, Vec<(usize, String)>);

/// Whether `name` is a valid environment variable name.
pub fn is_valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

/// Parse the text of an `EnvironmentFile=`: `NAME=value` lines, `#`/`;` comments, optional
/// `export `, single/double quotes, backslash escapes and backslash-newline continuation.
/// Invalid lines are returned as warnings (line number, text) and skipped.
pub fn parse_environment_file(text: &str) -> EnvFileResult {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let mut lines = text.split('\n').enumerate().peekable();
    while let Some((idx, raw)) = lines.next() {
        let mut line = raw.to_string();
        // Join continuations (an odd number of trailing backslashes).
        while line.ends_with('\\') && !line.ends_with("\\\\") {
            line.pop();
            match lines.next() {
                Some((_, next)) => line.push_str(next),
                None => break,
            }
        }
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') || t.starts_with(';') {
            continue;
        }
        let t = t.strip_prefix("export ").map(str::trim_start).unwrap_or(t);
        let Some((name, value)) = t.split_once('=') else {
            warnings.push((idx + 1, format!("Ignoring line without '=': {t}")));
            continue;
        };
        let name = name.trim_end();
        if !is_valid_name(name) {
            warnings.push((idx + 1, format!("Ignoring invalid variable name '{name}'")));
            continue;
        }
        out.push((name.to_string(), unquote(value.trim_start())));
    }
    (out, warnings)
}

fn unquote(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars().peekable();
    let mut pending_space = String::new();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                out.push_str(&pending_space);
                pending_space.clear();
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    out.push(q);
                }
            }
            '"' => {
                out.push_str(&pending_space);
                pending_space.clear();
                while let Some(q) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' => match chars.peek() {
                            Some(&n @ ('"' | '\\' | '`' | '$')) => {
                                out.push(n);
                                chars.next();
                            }
                            _ => out.push('\\'),
                        },
                        _ => out.push(q),
                    }
                }
            }
            '\\' => {
                out.push_str(&pending_space);
                pending_space.clear();
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            c if c.is_whitespace() => pending_space.push(c),
            _ => {
                out.push_str(&pending_space);
                pending_space.clear();
                out.push(c);
            }
        }
    }
    out
}

/// Read and parse an environment file from disk.
pub fn read_environment_file(path: &Path) -> std::io::Result<EnvFileResult> {
    let text = std::fs::read_to_string(path)?;
    Ok(parse_environment_file(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_file_quotes_comments_and_continuations() {
        let text = "# comment\n; other\nA=1\nexport B = two words \nC=\"quoted \\\"x\\\" $y\"\nD='single \\n'\nE=a\\\nb\nbad line\n9X=1\n";
        let (vars, warnings) = parse_environment_file(text);
        assert_eq!(
            vars,
            vec![
                ("A".into(), "1".into()),
                ("B".into(), "two words".into()),
                ("C".into(), "quoted \"x\" $y".into()),
                ("D".into(), "single \\n".into()),
                ("E".into(), "ab".into()),
            ]
        );
        assert_eq!(warnings.len(), 2);
    }

    #[test]
    fn later_assignment_replaces_and_unset_matches_value() {
        let mut e = Environment::new();
        e.set("A", "1");
        e.set("B", "2");
        e.set("A", "3");
        assert_eq!(e.to_strings(), vec!["A=3", "B=2"]);
        e.unset("B=9");
        assert_eq!(e.len(), 2);
        e.unset("B=2");
        e.unset("A");
        assert!(e.is_empty());
    }
}
