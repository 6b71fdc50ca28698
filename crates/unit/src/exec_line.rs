//! `ExecStart=`-style command lines: quoting, C escapes, prefixes, `;` separated commands,
//! and exec-time `$VAR`/`${VAR}` expansion.
//! OWNER: helper U1 (matches conformance `exec` records).

/// The special prefixes of an Exec*= command (systemd.service(5), table 1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExecFlags {
    /// `-`: a failure exit status is recorded but ignored.
    pub ignore_failure: bool,
    /// `@`: the second word is argv[0], the first is the path executed.
    pub argv0_override: bool,
    /// `:`: no environment variable substitution.
    pub no_env_expand: bool,
    /// `+`: full privileges (no effect in a user manager beyond being recorded).
    pub full_privileges: bool,
    /// `!`: ambient-capability mode.
    pub ambient: bool,
    /// `!!`: like `!` only where ambient capabilities are unsupported.
    pub no_setuid: bool,
}

/// One command to execute.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExecCommand {
    /// The program to execute (absolute, or a bare name resolved at load time).
    pub path: String,
    /// argv including argv[0]; `$VAR`s still unexpanded (see [`expand_environment`]).
    pub argv: Vec<String>,
    /// Prefix flags.
    pub flags: ExecFlags,
}

/// Why a command line could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ExecLineError {
    /// Human description naming what is wrong.
    pub message: String,
}

/// Parse one `Exec*=` value into its commands (several when separated by a lone `;`).
pub fn parse_exec_line(value: &str) -> Result<Vec<ExecCommand>, ExecLineError> {
    let _ = value;
    Err(ExecLineError { message: "not implemented".into() })
}

/// Exec-time expansion of `$VAR` (a whole word: split on whitespace) and `${VAR}`
/// (substituted in place) against the service environment.
pub fn expand_environment(argv: &[String], lookup: &dyn Fn(&str) -> Option<String>) -> Vec<String> {
    let _ = lookup;
    argv.to_vec()
}
