//! How journalctl's flags map to the journal library's options (moved here from
//! linger-journal's tests, which compiled this crate's file by path).

use clap::Parser;
use linger_journal::output::OutputMode;

use super::JournalArgs;

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    args: JournalArgs,
}

fn parse(argv: &[&str]) -> JournalArgs {
    let mut full = vec!["journalctl"];
    full.extend_from_slice(argv);
    match Cli::try_parse_from(full) {
        Ok(c) => c.args,
        Err(e) => panic!("{argv:?}: {e}"),
    }
}

#[test]
fn flags_map_to_options() {
    let a = parse(&[
        "-u",
        "web",
        "--user-unit",
        "db*",
        "-n",
        "100",
        "-o",
        "json",
        "-p",
        "err",
        "-b",
        "-1",
        "_PID=1",
        "+",
        "FOO=bar",
    ]);
    let o = a.to_options().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(o.units, ["web", "db*"]);
    assert_eq!(o.lines, Some(100));
    assert_eq!(o.output.mode, OutputMode::Json);
    assert_eq!(o.priority.as_deref(), Some("err"));
    assert_eq!(o.boot.as_deref(), Some("-1"));
    assert_eq!(o.matches, ["_PID=1", "+", "FOO=bar"]);
    let o = parse(&["-n", "-f", "-b", "--output-fields=A,B", "-k"])
        .to_options()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (o.lines, o.follow, o.boot.as_deref(), o.kernel),
        (Some(10), true, Some(""), true)
    );
    assert_eq!(
        o.output.output_fields,
        Some(vec!["A".to_owned(), "B".to_owned()])
    );
    let o = parse(&[
        "-n",
        "all",
        "-r",
        "--since",
        "-1h",
        "-g",
        "x",
        "--case-sensitive",
    ])
    .to_options()
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (o.lines, o.reverse, o.since.as_deref(), o.case_sensitive),
        (None, true, Some("-1h"), Some(true))
    );
    assert!(parse(&["-o", "fancy"]).to_options().is_err());
    assert!(parse(&["-n", "many"]).to_options().is_err());
}

#[test]
fn identifiers_and_paths_become_field_matches() {
    let o = parse(&["-t", "web", "-t", "db", "/bin/sh", "A=b"])
        .to_options()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        o.matches,
        [
            "_COMM=sh",
            "A=b",
            "SYSLOG_IDENTIFIER=web",
            "SYSLOG_IDENTIFIER=db"
        ]
    );
    let o = parse(&["-f", "--no-tail"]).to_options().unwrap();
    assert_eq!((o.lines, o.no_tail), (None, true));
    assert!(parse(&["--vacuum-files=x"]).to_options().is_err());
}
