//! Compiles the CLI's journalctl.rs against this crate and checks how flags map to options
//! (the cli crate links it later; this keeps it honest meanwhile).
#![allow(dead_code)]

#[path = "../../cli/src/journalctl.rs"]
mod journalctl;

use clap::Parser;
use linger_journal::output::OutputMode;

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    args: journalctl::JournalArgs,
}

fn parse(argv: &[&str]) -> journalctl::JournalArgs {
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
