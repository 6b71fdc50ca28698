//! `linger journal …` / `journalctl …`: journalctl's flags, mapped onto
//! [`linger_journal::app`], where all the behaviour lives.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use linger_journal::app::{self, Options};
use linger_journal::output::{OutputMode, OutputOptions};

/// Query the user's journal.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct JournalArgs {
    /// Show entries with the specified syslog identifier (repeatable).
    #[arg(short = 't', long = "identifier", value_name = "ID")]
    pub identifiers: Vec<String>,
    /// List all values the field takes in the journal.
    #[arg(short = 'F', long = "field", value_name = "FIELD")]
    pub field: Option<String>,
    /// List all field names used in the journal.
    #[arg(short = 'N', long = "fields")]
    pub fields: bool,
    /// Show all entries when following (not only the last 10).
    #[arg(long)]
    pub no_tail: bool,
    /// Ask the manager to close the active journal file and start a new one.
    #[arg(long)]
    pub rotate: bool,
    /// Ask the manager to write out every queued entry.
    #[arg(long)]
    pub flush: bool,
    /// Leave only this many journal files (the active one is never removed).
    #[arg(long, value_name = "N")]
    pub vacuum_files: Option<String>,
    /// Show information about the journal files instead of their entries.
    #[arg(long)]
    pub header: bool,
    /// Show messages of the user unit UNIT (globs allowed; repeatable).
    #[arg(
        short = 'u',
        long = "user-unit",
        visible_alias = "unit",
        value_name = "UNIT"
    )]
    pub units: Vec<String>,
    /// Show the user journal (the default).
    #[arg(long)]
    pub user: bool,
    /// Show the system journal: what the login daemon stored for root and system daemons
    /// (for root without a journal of its own, the default shows it with every user's).
    #[arg(long, conflicts_with = "user")]
    pub system: bool,
    /// Show entries interleaved from every journal this user can read: for root, the system
    /// journal and every user's journal with its own.
    #[arg(short = 'm', long, conflicts_with_all = ["user", "system"])]
    pub merge: bool,
    /// Number of journal entries to show ("all" for all; 10 without a value).
    #[arg(short = 'n', long = "lines", value_name = "N", num_args = 0..=1, default_missing_value = "10")]
    pub lines: Option<String>,
    /// Jump to the end and show the last 1000 entries (there is no pager).
    #[arg(short = 'e', long = "pager-end")]
    pub pager_end: bool,
    /// Add explanatory help texts from the message catalog.
    #[arg(short = 'x', long)]
    pub catalog: bool,
    /// Follow the journal.
    #[arg(short = 'f', long)]
    pub follow: bool,
    /// Show the newest entries first.
    #[arg(short = 'r', long)]
    pub reverse: bool,
    /// Show entries not older than the specified date.
    #[arg(short = 'S', long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Show entries not newer than the specified date.
    #[arg(short = 'U', long, value_name = "DATE", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// Show entries with the specified priority (or range FROM..TO).
    #[arg(short = 'p', long, value_name = "PRIORITY")]
    pub priority: Option<String>,
    /// Show entries whose MESSAGE matches PATTERN.
    #[arg(short = 'g', long, value_name = "PATTERN")]
    pub grep: Option<String>,
    /// Force case sensitive or insensitive matching for --grep.
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub case_sensitive: Option<bool>,
    /// Show entries of the current boot, or of the boot given by ID or offset.
    #[arg(short = 'b', long, value_name = "ID][±offset", num_args = 0..=1, default_missing_value = "", allow_negative_numbers = true)]
    pub boot: Option<String>,
    /// Show terse information about recorded boots.
    #[arg(long)]
    pub list_boots: bool,
    /// Change the output format (short, short-iso, short-precise, short-monotonic, short-unix,
    /// short-full, cat, json, json-pretty, json-sse, json-seq, export, verbose).
    #[arg(short = 'o', long, value_name = "MODE", default_value = "short")]
    pub output: String,
    /// Select fields to print in verbose/export/json/cat output modes.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub output_fields: Vec<String>,
    /// Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less).
    #[arg(long)]
    pub no_pager: bool,
    /// Suppress output of the hostname field.
    #[arg(long)]
    pub no_hostname: bool,
    /// Show all fields, including long and unprintable ones.
    #[arg(short = 'a', long)]
    pub all: bool,
    /// Express time in Coordinated Universal Time.
    #[arg(long)]
    pub utc: bool,
    /// Show kernel messages (refused: linger does not collect them).
    #[arg(short = 'k', long = "dmesg")]
    pub dmesg: bool,
    /// Show total disk usage of all journal files.
    #[arg(long)]
    pub disk_usage: bool,
    /// Reduce disk usage below the specified size.
    #[arg(long, value_name = "BYTES")]
    pub vacuum_size: Option<String>,
    /// Remove journal files older than the specified time.
    #[arg(long, value_name = "TIME")]
    pub vacuum_time: Option<String>,
    /// Show entries starting at the specified cursor.
    #[arg(short = 'c', long, value_name = "CURSOR")]
    pub cursor: Option<String>,
    /// Show entries after the specified cursor.
    #[arg(long, value_name = "CURSOR")]
    pub after_cursor: Option<String>,
    /// Print the cursor after all the entries.
    #[arg(long)]
    pub show_cursor: bool,
    /// Verify the consistency of journal files.
    #[arg(long)]
    pub verify: bool,
    /// Show journal files from the directory.
    #[arg(short = 'D', long, value_name = "PATH")]
    pub directory: Option<PathBuf>,
    /// Show the journal file(s).
    #[arg(long, value_name = "PATH")]
    pub file: Vec<PathBuf>,
    /// Do not show info messages and privilege warnings.
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// FIELD=value matches (same field OR'ed, different fields AND'ed, "+" for OR).
    #[arg(value_name = "MATCHES")]
    pub matches: Vec<String>,
}

impl JournalArgs {
    /// The positional matches with `-t` and path arguments made into field matches: an
    /// executable path matches the processes it ran as (`_COMM=`, the name the kernel gives
    /// them, which is what linger's manager records).
    fn matches(&self) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for m in &self.matches {
            if m.starts_with('/') {
                let p = std::path::Path::new(m);
                let meta =
                    std::fs::metadata(p).map_err(|e| format!("Failed to add match '{m}': {e}"))?;
                if !meta.is_file() {
                    return Err(format!(
                        "Failed to add match '{m}': not an executable file (linger's journal has no device or kernel entries)"
                    ));
                }
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                // The kernel's comm is at most 15 bytes.
                let comm: String = name.bytes().take(15).map(char::from).collect();
                out.push(format!("_COMM={comm}"));
            } else {
                out.push(m.clone());
            }
        }
        out.extend(
            self.identifiers
                .iter()
                .map(|t| format!("SYSLOG_IDENTIFIER={t}")),
        );
        Ok(out)
    }

    /// The library's options for these flags.
    /// The system journal, when asked for (`--system`).
    fn system_journal(&self) -> Option<PathBuf> {
        self.system
            .then(|| PathBuf::from(linger_journal::config::SYSTEM_JOURNAL))
    }

    /// The journals read with root's own: for root with `-m`, or without `--user`, `-D` or
    /// `--file` when root has no journal of its own (no user manager ever ran for root), the
    /// system journal and every user's — systemd's journalctl shows root every journal.
    /// (Root that runs a manager of its own reads only its own journal without `-m`: linger's
    /// test and container set-ups rely on that view.)
    fn merged_journals(&self) -> Vec<PathBuf> {
        let everything = rustix::process::geteuid().is_root()
            && !self.user
            && !self.system
            && self.file.is_empty()
            && self.directory.is_none()
            && (self.merge
                || !linger_journal::JournalConfig::default_directory().is_some_and(|d| d.is_dir()));
        if !everything {
            return Vec::new();
        }
        let mut dirs = vec![PathBuf::from(linger_journal::config::SYSTEM_JOURNAL)];
        dirs.extend(linger_journal::JournalConfig::every_users_directory());
        dirs
    }

    pub fn to_options(&self) -> Result<Options, String> {
        let mode: OutputMode = self.output.parse()?;
        let lines = match self.lines.as_deref() {
            None if self.pager_end => Some(1000),
            None | Some("all") => None,
            Some(n) => Some(
                n.parse::<usize>()
                    .map_err(|_| format!("Failed to parse lines '{n}'"))?,
            ),
        };
        Ok(Options {
            directory: self.directory.clone().or_else(|| self.system_journal()),
            merge: self.merged_journals(),
            files: self.file.clone(),
            matches: self.matches()?,
            units: self.units.clone(),
            priority: self.priority.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            grep: self.grep.clone(),
            case_sensitive: self.case_sensitive,
            lines: if self.no_tail && self.follow && self.lines.is_none() {
                None
            } else {
                lines
            },
            no_tail: self.no_tail,
            reverse: self.reverse,
            boot: self.boot.clone(),
            list_boots: self.list_boots,
            follow: self.follow,
            output: OutputOptions {
                mode,
                output_fields: (!self.output_fields.is_empty()).then(|| self.output_fields.clone()),
                no_hostname: self.no_hostname,
                all: self.all,
                quiet: self.quiet,
                utc: self.utc,
                colors: crate::output::term::colors(),
            },
            cursor: self.cursor.clone(),
            after_cursor: self.after_cursor.clone(),
            show_cursor: self.show_cursor,
            disk_usage: self.disk_usage,
            vacuum_size: self.vacuum_size.clone(),
            vacuum_time: self.vacuum_time.clone(),
            verify: self.verify,
            kernel: self.dmesg,
            quiet: self.quiet,
            catalog: self.catalog,
            field: self.field.clone(),
            list_fields: self.fields,
            vacuum_files: self
                .vacuum_files
                .as_deref()
                .map(|n| {
                    n.parse::<usize>()
                        .map_err(|_| format!("Failed to parse vacuum files: {n}"))
                })
                .transpose()?,
            header: self.header,
        })
    }
}

/// `--flush`/`--rotate`: done by the manager, whose writer owns the active file.
fn control_writer(args: &JournalArgs) -> Result<(), String> {
    let mut client = crate::connect::connect()?;
    let req = linger_ipc::manager::JournalRequest {
        flush: args.flush,
        rotate: args.rotate,
    };
    client
        .call(
            linger_ipc::manager::method::JOURNAL,
            serde_json::to_value(req).unwrap_or_default(),
        )
        .map(drop)
        .map_err(|e| {
            let what = if args.rotate { "rotate" } else { "flush" };
            format!("Failed to {what} the journal: {e}")
        })
}

/// Runs journalctl with `args`, printing to stdout and stderr.
pub fn run(args: &JournalArgs) -> ExitCode {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    if args.flush || args.rotate {
        if let Err(e) = control_writer(args) {
            let _ = writeln!(err, "{e}");
            return ExitCode::from(1);
        }
        // --rotate may be combined with the vacuum options, which then run on the result.
        if args.vacuum_size.is_none() && args.vacuum_time.is_none() && args.vacuum_files.is_none() {
            return ExitCode::SUCCESS;
        }
    }
    let opts = match args.to_options() {
        Ok(o) => o,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return ExitCode::from(1);
        }
    };
    // Following never pages (as journalctl); -e starts the pager at the end.
    let _pager = (!args.follow)
        .then(|| crate::output::pager::start(args.no_pager, args.pager_end))
        .flatten();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(64 << 10, stdout.lock());
    let code = app::run(&opts, &mut out, &mut err);
    let code = match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe && code == 0 => 1,
        _ => code,
    };
    ExitCode::from(code)
}

#[cfg(test)]
#[path = "journalctl_tests.rs"]
mod tests;
