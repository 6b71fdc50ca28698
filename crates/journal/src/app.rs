//! journalctl's behaviour, independent of argument parsing: the CLI maps its flags onto
//! [`Options`] and calls [`run`]. Writes only to the writers it is given.

use std::io::{self, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use crate::config::JournalConfig;
use crate::entry::{self, id128_hex};
use crate::follow::Follow;
use crate::output::text::format_bytes;
use crate::output::{OutputMode, OutputOptions, Printer};
use crate::query::{Query, parse_boot, parse_priority};
use crate::reader::Journal;
use crate::timespec::{parse_size, parse_timespan, parse_timestamp};
use crate::verify::verify_file;

/// What to do, as journalctl's flags say it. Strings are parsed here so that errors read
/// like journalctl's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// `-D`: the journal directory (default: the user's).
    pub directory: Option<PathBuf>,
    /// More journal directories read with `directory` as one journal, entries interleaved
    /// (`-m`, and root's view of every journal); those that do not exist are left out.
    pub merge: Vec<PathBuf>,
    /// `--file`: read these files instead of a directory.
    pub files: Vec<PathBuf>,
    /// `FIELD=value` and `+` positional arguments.
    pub matches: Vec<String>,
    /// `-u`/`--user-unit` patterns.
    pub units: Vec<String>,
    /// `-p`.
    pub priority: Option<String>,
    /// `--since`.
    pub since: Option<String>,
    /// `--until`.
    pub until: Option<String>,
    /// `-g`.
    pub grep: Option<String>,
    /// `--case-sensitive`.
    pub case_sensitive: Option<bool>,
    /// `-n`: `None` all, `Some(n)` the last n.
    pub lines: Option<usize>,
    /// `-r`.
    pub reverse: bool,
    /// `-b [ID][±offset]` (empty string for `-b` alone).
    pub boot: Option<String>,
    /// `--list-boots`.
    pub list_boots: bool,
    /// `-f`.
    pub follow: bool,
    /// `-o` and friends.
    pub output: OutputOptions,
    /// `--cursor`.
    pub cursor: Option<String>,
    /// `--after-cursor`.
    pub after_cursor: Option<String>,
    /// `--show-cursor`.
    pub show_cursor: bool,
    /// `--disk-usage`.
    pub disk_usage: bool,
    /// `--vacuum-size=`.
    pub vacuum_size: Option<String>,
    /// `--vacuum-time=`.
    pub vacuum_time: Option<String>,
    /// `--verify`.
    pub verify: bool,
    /// `-k`/`--dmesg`: refused.
    pub kernel: bool,
    /// `-q`.
    pub quiet: bool,
    /// `-x`: explanations from the message catalog below the entries that have one.
    pub catalog: bool,
    /// `--no-tail`: with `-f`, all entries first rather than the last 10.
    pub no_tail: bool,
    /// `-F FIELD`: the values the field takes.
    pub field: Option<String>,
    /// `-N`: the field names in use.
    pub list_fields: bool,
    /// `--vacuum-files=N`.
    pub vacuum_files: Option<usize>,
    /// `--header`: describe the journal files.
    pub header: bool,
}

/// The message `-k` is refused with.
pub const KERNEL_REFUSAL: &str =
    "linger's journal holds user services only; kernel messages are not collected";

/// Runs journalctl; returns the exit code. Output goes to `out`, messages to `err`.
pub fn run(o: &Options, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match run_inner(o, out, err) {
        Ok(code) => code,
        Err(Failure::Message(m)) => {
            let _ = writeln!(err, "{m}");
            1
        }
        // A closed pipe (`| head`) is not an error.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(Failure::Io(e)) => {
            let _ = writeln!(err, "Failed to write output: {e}");
            1
        }
    }
}

pub(crate) enum Failure {
    Message(String),
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

fn msg(m: impl Into<String>) -> Failure {
    Failure::Message(m.into())
}

enum Source {
    Directory(PathBuf),
    /// Several directories read as one journal.
    Merged(Vec<PathBuf>),
    Files(Vec<PathBuf>),
}

/// `dir` alone, or with the existing directories of `more` as one journal.
fn merged(dir: PathBuf, more: &[PathBuf]) -> Source {
    let mut dirs = Vec::new();
    // A missing first directory is read as empty alone; merged, it is left out.
    if dir.is_dir() || !more.iter().any(|d| d.is_dir()) {
        dirs.push(dir);
    }
    for d in more {
        if d.is_dir() && !dirs.contains(d) {
            dirs.push(d.clone());
        }
    }
    if dirs.len() == 1 {
        Source::Directory(dirs.remove(0))
    } else {
        Source::Merged(dirs)
    }
}

fn run_inner(o: &Options, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, Failure> {
    if o.kernel {
        return Err(msg(KERNEL_REFUSAL));
    }
    let source = if !o.files.is_empty() {
        for f in &o.files {
            if !f.exists() {
                return Err(msg(format!(
                    "Failed to open files: {}: No such file or directory",
                    f.display()
                )));
            }
        }
        Source::Files(o.files.clone())
    } else {
        match &o.directory {
            Some(d) => {
                if !d.is_dir() {
                    return Err(msg(format!(
                        "Failed to open {}: No such file or directory",
                        d.display()
                    )));
                }
                merged(d.clone(), &o.merge)
            }
            None => merged(
                JournalConfig::default_directory().ok_or_else(|| {
                    msg("Cannot find the journal directory: neither XDG_STATE_HOME nor HOME is set")
                })?,
                &o.merge,
            ),
        }
    };
    if o.verify {
        return verify(&source, out);
    }
    if o.vacuum_size.is_some() || o.vacuum_time.is_some() || o.vacuum_files.is_some() {
        return vacuum(o, &source, err);
    }
    let journal = match &source {
        Source::Directory(d) if !d.exists() => Journal::open_files(&[]),
        Source::Directory(d) => Journal::open_directory(d).map_err(|e| msg(e.to_string()))?,
        Source::Merged(ds) => Journal::open_directories(ds).map_err(|e| msg(e.to_string()))?,
        Source::Files(f) => Journal::open_files(f),
    };
    if journal.segment_paths().is_empty() && !o.quiet {
        writeln!(err, "No journal files were found.")?;
    }
    if o.disk_usage {
        let n = journal.disk_usage();
        writeln!(
            out,
            "Archived and active journals take up {} in the file system.",
            format_bytes(n)
        )?;
        return Ok(0);
    }
    if o.list_boots {
        list_boots(&journal, o, out)?;
        print_warnings(&journal, o, err)?;
        return Ok(0);
    }
    if o.field.is_some() || o.list_fields {
        field_values(&journal, o, out)?;
        print_warnings(&journal, o, err)?;
        return Ok(0);
    }
    if o.header {
        header(&journal, out)?;
        print_warnings(&journal, o, err)?;
        return Ok(0);
    }
    let mut q = build_query(o)?;
    let mut printer = Printer::new(OutputOptions {
        quiet: o.quiet || o.output.quiet,
        ..o.output.clone()
    });
    if o.follow
        && !o.no_tail
        && q.lines.is_none()
        && q.cursor.is_none()
        && q.after_cursor.is_none()
        && q.since.is_none()
    {
        q.lines = Some(10);
    }
    // Where following starts when nothing is shown first (`-f -n 0`, `-f --since now`):
    // after the journal's newest entry as it is now, not at its beginning.
    let end = if o.follow {
        newest_cursor(&journal)?
    } else {
        None
    };
    let stats = show(&journal, &q, &mut printer, o.catalog, out)?;
    print_warnings(&journal, o, err)?;
    if stats.matched == 0 && !o.quiet && !o.follow && no_entries_line(o.output.mode) {
        writeln!(out, "-- No entries --")?;
    }
    if !o.follow {
        if o.show_cursor
            && let Some(c) = &stats.last_cursor
        {
            writeln!(out, "-- cursor: {c}")?;
        }
        out.flush()?;
        return Ok(0);
    }
    out.flush()?;
    // An entry that was shown is the newest one this query matched so far: follow from it
    // (matching entries after it would have been shown). Nothing shown: from the end.
    follow(
        source,
        q,
        stats.last_cursor.or(end),
        &mut printer,
        out,
        err,
        o,
    )
}

/// The cursor of the newest entry of the whole journal (None when it is empty).
fn newest_cursor(journal: &Journal) -> Result<Option<crate::cursor::Cursor>, Failure> {
    let q = Query {
        lines: Some(1),
        ..Query::default()
    };
    let stats = journal
        .run(&q, &mut |_| ControlFlow::Continue(()))
        .map_err(|e| msg(e.to_string()))?;
    Ok(stats.last_cursor)
}

pub(crate) fn no_entries_line(mode: OutputMode) -> bool {
    !matches!(
        mode,
        OutputMode::Cat
            | OutputMode::Export
            | OutputMode::Json
            | OutputMode::JsonPretty
            | OutputMode::JsonSse
            | OutputMode::JsonSeq
    )
}

pub(crate) fn build_query(o: &Options) -> Result<Query, Failure> {
    let now = entry::now().0;
    let ts = |s: &Option<String>| -> Result<Option<u64>, Failure> {
        s.as_deref()
            .map(|t| {
                parse_timestamp(t, now).map_err(|_| msg(format!("Failed to parse timestamp: {t}")))
            })
            .transpose()
    };
    let priority = match &o.priority {
        Some(p) => Some(parse_priority(p).map_err(|_| msg(format!("Unknown log level {p}")))?),
        None => None,
    };
    let boot = match &o.boot {
        Some(b) => {
            Some(parse_boot(b).map_err(|_| msg(format!("Failed to parse boot descriptor '{b}'")))?)
        }
        None => None,
    };
    Ok(Query {
        matches: o.matches.clone(),
        units: o.units.clone(),
        priority,
        since: ts(&o.since)?,
        until: ts(&o.until)?,
        grep: o.grep.clone(),
        case_sensitive: o.case_sensitive,
        lines: o.lines,
        reverse: o.reverse,
        boot,
        cursor: o.cursor.clone(),
        after_cursor: o.after_cursor.clone(),
    })
}

fn show(
    journal: &Journal,
    q: &Query,
    printer: &mut Printer,
    catalog: bool,
    out: &mut dyn Write,
) -> Result<crate::reader::RunStats, Failure> {
    let mut io_err: Option<io::Error> = None;
    let stats = journal
        .run(q, &mut |e| match printer.print(e, out).and_then(|()| {
            if catalog {
                crate::catalog::explain(e, out)
            } else {
                Ok(())
            }
        }) {
            Ok(()) => ControlFlow::Continue(()),
            Err(er) => {
                io_err = Some(er);
                ControlFlow::Break(())
            }
        })
        .map_err(|e| msg(e.to_string()))?;
    if let Some(e) = io_err {
        return Err(Failure::Io(e));
    }
    Ok(stats)
}

fn print_warnings(journal: &Journal, o: &Options, err: &mut dyn Write) -> Result<(), Failure> {
    for w in journal.take_warnings() {
        if !o.quiet {
            writeln!(err, "Warning: {w}.")?;
        }
    }
    Ok(())
}

fn follow(
    source: Source,
    mut q: Query,
    mut last: Option<crate::cursor::Cursor>,
    printer: &mut Printer,
    out: &mut dyn Write,
    err: &mut dyn Write,
    o: &Options,
) -> Result<u8, Failure> {
    let mut f = match &source {
        Source::Directory(d) => {
            if !d.exists() {
                std::fs::create_dir_all(d)
                    .map_err(|e| msg(format!("Failed to create {}: {e}", d.display())))?;
            }
            Follow::directory(d)
        }
        Source::Merged(ds) => Follow::directories(ds),
        Source::Files(files) => Follow::files(files),
    }
    .map_err(|e| msg(e.to_string()))?;
    q.lines = None;
    q.reverse = false;
    q.cursor = None;
    q.since = None;
    loop {
        f.wait(None).map_err(|e| msg(e.to_string()))?;
        let journal = f.open().map_err(|e| msg(e.to_string()))?;
        q.after_cursor = last.map(|c| c.to_string());
        let stats = show(&journal, &q, printer, o.catalog, out)?;
        print_warnings(&journal, o, err)?;
        if stats.last_cursor.is_some() {
            last = stats.last_cursor;
        }
        out.flush()?;
    }
}

/// `-F FIELD`: each value once (sorted); `-N`: each field name once.
fn field_values(journal: &Journal, o: &Options, out: &mut dyn Write) -> Result<(), Failure> {
    let mut seen = std::collections::BTreeSet::<Vec<u8>>::new();
    let q = build_query(o)?;
    journal
        .run(&Query { lines: None, ..q }, &mut |e| {
            match &o.field {
                Some(f) => {
                    if let Some(v) = e.field(f)
                        && !seen.contains(v)
                    {
                        seen.insert(v.to_vec());
                    }
                }
                None => {
                    for (name, _) in e.fields() {
                        if !seen.contains(name.as_bytes()) {
                            seen.insert(name.as_bytes().to_vec());
                        }
                    }
                }
            }
            ControlFlow::Continue(())
        })
        .map_err(|e| msg(e.to_string()))?;
    for v in seen {
        out.write_all(&v)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// `--header`: for each journal file, what it holds (linger's segment files have their own
/// format; these are the facts journalctl's header shows that apply to them).
fn header(journal: &Journal, out: &mut dyn Write) -> Result<(), Failure> {
    let paths = journal.segment_paths();
    let printer = Printer::new(OutputOptions::default());
    for (i, path) in paths.iter().enumerate() {
        let one = Journal::open_files(std::slice::from_ref(path));
        let mut first: Option<(u64, u64, [u8; 16])> = None;
        let mut last: Option<(u64, u64)> = None;
        let mut entries = 0u64;
        one.run(&Query::default(), &mut |e| {
            entries += 1;
            let rt = crate::view::EntryView::realtime_usec(e);
            if first.is_none() {
                first = Some((e.seqnum(), rt, e.seqnum_id()));
            }
            last = Some((e.seqnum(), rt));
            ControlFlow::Continue(())
        })
        .map_err(|e| msg(e.to_string()))?;
        let size = std::fs::metadata(path)
            .map(|m| std::os::unix::fs::MetadataExt::blocks(&m) * 512)
            .unwrap_or(0);
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "File path: {}", path.display())?;
        let state = if i + 1 == paths.len() {
            "ONLINE"
        } else {
            "ARCHIVED"
        };
        writeln!(out, "State: {state}")?;
        if let Some((seq, rt, id)) = first {
            writeln!(out, "Sequential number ID: {}", id128_hex(&id))?;
            writeln!(out, "Head sequential number: {seq} ({seq:x})")?;
            if let Some((tseq, _)) = last {
                writeln!(out, "Tail sequential number: {tseq} ({tseq:x})")?;
            }
            writeln!(
                out,
                "Head realtime timestamp: {}",
                printer.full_timestamp(rt)
            )?;
            if let Some((_, trt)) = last {
                writeln!(
                    out,
                    "Tail realtime timestamp: {}",
                    printer.full_timestamp(trt)
                )?;
            }
        }
        writeln!(out, "Disk usage: {}", format_bytes(size))?;
        writeln!(out, "Entries: {entries}")?;
    }
    Ok(())
}

fn list_boots(journal: &Journal, o: &Options, out: &mut dyn Write) -> Result<(), Failure> {
    let boots = journal.list_boots();
    let printer = Printer::new(o.output.clone());
    let n = boots.len() as i64;
    let mut rows: Vec<[String; 4]> = Vec::new();
    if !o.quiet {
        rows.push([
            "IDX".into(),
            "BOOT ID".into(),
            "FIRST ENTRY".into(),
            "LAST ENTRY".into(),
        ]);
    }
    for (i, b) in boots.iter().enumerate() {
        let idx = i as i64 - (n - 1);
        rows.push([
            idx.to_string(),
            id128_hex(&b.boot_id),
            printer.full_timestamp(b.first_usec),
            printer.full_timestamp(b.last_usec),
        ]);
    }
    let widths: Vec<usize> = (0..4)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    for r in &rows {
        let line = format!(
            "{:>w0$} {:<w1$} {:<w2$} {}",
            r[0],
            r[1],
            r[2],
            r[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2]
        );
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn verify(source: &Source, out: &mut dyn Write) -> Result<u8, Failure> {
    if let Source::Merged(ds) = source {
        let mut code = 0;
        for d in ds {
            code = code.max(verify(&Source::Directory(d.clone()), out)?);
        }
        return Ok(code);
    }
    let files = match source {
        Source::Directory(d) if !d.exists() => Vec::new(),
        Source::Directory(d) => Journal::open_directory(d)
            .map_err(|e| msg(e.to_string()))?
            .segment_paths_all(d),
        Source::Files(f) => f.clone(),
        Source::Merged(_) => Vec::new(),
    };
    let mut code = 0;
    for f in files {
        let r = verify_file(&f);
        if r.passed() {
            writeln!(out, "PASS: {}", f.display())?;
        } else {
            code = 1;
            for (off, p) in &r.problems {
                writeln!(out, "{}:{off}: {p}", f.display())?;
            }
            writeln!(out, "FAIL: {} ({} problems)", f.display(), r.problems.len())?;
        }
    }
    Ok(code)
}

fn vacuum(o: &Options, source: &Source, err: &mut dyn Write) -> Result<u8, Failure> {
    if let Source::Merged(ds) = source {
        for d in ds {
            vacuum(o, &Source::Directory(d.clone()), err)?;
        }
        return Ok(0);
    }
    let Source::Directory(dir) = source else {
        return Err(msg(
            "--vacuum-size= and --vacuum-time= work on a journal directory, not on --file",
        ));
    };
    let max = o
        .vacuum_size
        .as_deref()
        .map(|s| parse_size(s).map_err(|_| msg(format!("Failed to parse vacuum size: {s}"))))
        .transpose()?;
    let cut = o
        .vacuum_time
        .as_deref()
        .map(|s| {
            parse_timespan(s, 1_000_000)
                .map(|span| entry::now().0.saturating_sub(span))
                .map_err(|_| msg(format!("Failed to parse vacuum time: {s}")))
        })
        .transpose()?;
    if !dir.exists() {
        writeln!(
            err,
            "Vacuuming done, freed 0B of archived journals from {}.",
            dir.display()
        )?;
        return Ok(0);
    }
    // The newest segment is the one a writer may be appending to: never delete it.
    let segs = crate::store::list_segments(dir).map_err(|e| msg(e.to_string()))?;
    let active = segs.last().map(|s| s.path.clone());
    let mut report =
        crate::store::vacuum(dir, max, cut, active.as_deref()).map_err(|e| msg(e.to_string()))?;
    // --vacuum-files=N: the oldest files go until N remain (0: no limit).
    if let Some(n) = o.vacuum_files.filter(|&n| n > 0) {
        let left: Vec<_> = segs
            .iter()
            .filter(|s| !report.removed.contains(&s.path))
            .collect();
        let excess = left.len().saturating_sub(n);
        for s in left
            .iter()
            .take(excess)
            .filter(|s| Some(&s.path) != active.as_ref())
        {
            match std::fs::remove_file(&s.path) {
                Ok(()) => {
                    report.freed += s.disk_bytes;
                    report.removed.push(s.path.clone());
                }
                Err(e) => report.failed.push((s.path.clone(), e.to_string())),
            }
        }
    }
    let sizes: std::collections::HashMap<&Path, u64> = segs
        .iter()
        .map(|s| (s.path.as_path(), s.disk_bytes))
        .collect();
    for p in &report.removed {
        writeln!(
            err,
            "Deleted archived journal {} ({}).",
            p.display(),
            format_bytes(sizes.get(p.as_path()).copied().unwrap_or(0))
        )?;
    }
    for (p, e) in &report.failed {
        writeln!(
            err,
            "Failed to delete archived journal {}: {e}",
            p.display()
        )?;
    }
    writeln!(
        err,
        "Vacuuming done, freed {} of archived journals from {}.",
        format_bytes(report.freed),
        dir.display()
    )?;
    Ok(u8::from(!report.failed.is_empty()))
}

impl Journal {
    /// Segment files of `dir` including those whose header could not be read (for --verify).
    fn segment_paths_all(&self, dir: &Path) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| {
                        p.extension()
                            .is_some_and(|x| x == &crate::store::SEGMENT_SUFFIX[1..])
                    })
                    .collect()
            })
            .unwrap_or_else(|_| self.segment_paths());
        v.sort();
        v
    }
}

impl Printer {
    /// `Tue 2023-11-14 22:13:20 UTC` in the printer's zone (`--list-boots`).
    pub fn full_timestamp(&self, usec: u64) -> String {
        self.strftime(usec, "%a %Y-%m-%d %H:%M:%S %Z")
            .unwrap_or_else(|| "n/a".into())
    }
}
