//! Module arguments from the PAM configuration line (`session optional pam_linger.so debug`).

use std::path::PathBuf;

/// What the configuration line asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    /// Log what the module does (LOG_DEBUG).
    pub debug: bool,
    /// `class=`: session class when `XDG_SESSION_CLASS` is not set.
    pub class: String,
    /// `type=`: session type when `XDG_SESSION_TYPE` is not set.
    pub session_type: String,
    /// `desktop=`: desktop when `XDG_SESSION_DESKTOP` is not set.
    pub desktop: String,
    /// `socket=PATH`: the login daemon's socket (tests point it at a fake daemon).
    pub socket: PathBuf,
}

impl Default for Args {
    fn default() -> Args {
        Args {
            debug: false,
            class: String::new(),
            session_type: String::new(),
            desktop: String::new(),
            socket: PathBuf::from(linger_ipc::login::DEFAULT_SOCKET),
        }
    }
}

/// pam_systemd's boolean words for `debug=`, case-insensitive as everywhere in systemd.
fn parse_bool(v: &str) -> Option<bool> {
    let is = |words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(v));
    if is(&["1", "yes", "y", "true", "t", "on"]) {
        Some(true)
    } else if is(&["0", "no", "n", "false", "f", "off"]) {
        Some(false)
    } else {
        None
    }
}

/// Parse the arguments; the second value holds one warning per argument that was ignored,
/// worded for syslog (pam_systemd also logs and goes on: a typo must not block logins).
pub fn parse<S: AsRef<str>>(argv: &[S]) -> (Args, Vec<String>) {
    let mut a = Args::default();
    let mut warnings = Vec::new();
    for arg in argv {
        let arg = arg.as_ref();
        let (key, value) = match arg.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (arg, None),
        };
        match (key, value) {
            ("debug", None) => a.debug = true,
            ("debug", Some(v)) => match parse_bool(v) {
                Some(b) => a.debug = b,
                None => warnings.push(format!("Failed to parse debug= argument '{v}', ignoring.")),
            },
            ("class", Some(v)) => a.class = v.to_string(),
            ("type", Some(v)) => a.session_type = v.to_string(),
            ("desktop", Some(v)) => a.desktop = v.to_string(),
            ("socket", Some(v)) if v.starts_with('/') => a.socket = PathBuf::from(v),
            ("socket", Some(v)) => warnings.push(format!(
                "socket= needs an absolute path, got '{v}', ignoring."
            )),
            _ => warnings.push(format!("Unknown parameter '{arg}', ignoring.")),
        }
    }
    (a, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let def = Args::default();
        let cases: &[(&[&str], Args, usize)] = &[
            (&[], def.clone(), 0),
            (
                &["debug"],
                Args {
                    debug: true,
                    ..def.clone()
                },
                0,
            ),
            (
                &["debug=no"],
                Args {
                    debug: false,
                    ..def.clone()
                },
                0,
            ),
            (
                &["debug=yes", "class=greeter", "type=x11", "desktop=KDE"],
                Args {
                    debug: true,
                    class: "greeter".into(),
                    session_type: "x11".into(),
                    desktop: "KDE".into(),
                    ..def.clone()
                },
                0,
            ),
            (
                &["socket=/tmp/x/login"],
                Args {
                    socket: "/tmp/x/login".into(),
                    ..def.clone()
                },
                0,
            ),
            // systemd's booleans are case-insensitive.
            (
                &["debug=YES"],
                Args {
                    debug: true,
                    ..def.clone()
                },
                0,
            ),
            (&["socket=relative"], def.clone(), 1),
            (&["debug=maybe"], def.clone(), 1),
            (&["frobnicate", "class"], def.clone(), 2),
            // A value may itself contain '='.
            (
                &["desktop=a=b"],
                Args {
                    desktop: "a=b".into(),
                    ..def.clone()
                },
                0,
            ),
        ];
        let mut bad = Vec::new();
        for (argv, want, nwarn) in cases {
            let (got, warnings) = parse(argv);
            if &got != want || warnings.len() != *nwarn {
                bad.push(format!(
                    "{argv:?}: expected {want:?} with {nwarn} warnings, got {got:?} {warnings:?}"
                ));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn warnings_name_the_argument() {
        let (_, w) = parse(&["frobnicate"]);
        assert_eq!(w, ["Unknown parameter 'frobnicate', ignoring."]);
    }
}
