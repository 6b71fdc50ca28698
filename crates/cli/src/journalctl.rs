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
    /// Show messages of the user unit UNIT (globs allowed; repeatable).
    #[arg(
        short = 'u',
        long = "user-unit",
        visible_alias = "unit",
        value_name = "UNIT"
    )]
    pub units: Vec<String>,
    /// Show the user journal (the only journal linger has; accepted for compatibility).
    #[arg(long)]
    pub user: bool,
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
    /// Do not pipe output into a pager (there is none; accepted for compatibility).
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
    /// The library's options for these flags.
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
            directory: self.directory.clone(),
            files: self.file.clone(),
            matches: self.matches.clone(),
            units: self.units.clone(),
            priority: self.priority.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            grep: self.grep.clone(),
            case_sensitive: self.case_sensitive,
            lines,
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
        })
    }
}

/// Runs journalctl with `args`, printing to stdout and stderr.
pub fn run(args: &JournalArgs) -> ExitCode {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let opts = match args.to_options() {
        Ok(o) => o,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return ExitCode::from(1);
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(64 << 10, stdout.lock());
    let code = app::run(&opts, &mut out, &mut err);
    let code = match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe && code == 0 => 1,
        _ => code,
    };
    ExitCode::from(code)
}
