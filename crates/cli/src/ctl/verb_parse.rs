//! Parsing a systemctl command line cheaply: the hot verbs' usual command lines without clap
//! ([`parse_fast`]), else with clap's tree for the invoked verb only ([`parse_for_verb`]),
//! else (the caller) with the full tree. Each step gives the full tree's result or `None`.
//!
//! systemctl's 35 options are `global` (accepted before or after the verb), and clap copies
//! every global option into every one of the ~50 verbs when it builds the tree: ~1,800 `Arg`
//! clones, ~1.3 MB of heap, 1.8 ms of a 3 ms `systemctl is-active` (perf: `linger ctl
//! --version` cost 3.2 ms and 480 page faults against 1.4 ms and 170 for `linger --version`).
//! Here the root keeps its options and only the verb named on the command line, so the
//! copies are made for that verb alone.
//!
//! Why the result is the one the full tree gives: the verb is the first argument that names a
//! verb. If clap reads that argument as an option's value instead, the real verb comes later
//! and is unknown to the pruned root, so parsing fails; every failure (and `--help`,
//! `--version`) is left to the full tree, which prints systemd's words. A successful pruned
//! parse saw the same options before the verb and the same verb table after it.
//! `tests` compares both parsers on many command lines.

use std::ffi::OsString;

use clap::{CommandFactory, FromArgMatches};

use super::{Cli, Command, Opts};

/// The hot verbs' command lines without clap: `status`, `show`, `is-active`, … with the
/// options scripts and people give them (boolean flags, `-n`, `-p`, `-P`, `--`), built into the
/// same [`Cli`] clap would build. Building even the pruned clap tree is ~1.3 M instructions
/// and ~100 heap pages, most of what a whole `systemctl is-active` costs above process start;
/// this is a few thousand. Anything it does not know exactly — another verb or option, an
/// attached value (`-n5`, `--user=x`), combined short flags, a flag given twice, a value
/// starting with `-`, an empty or non-UTF-8 argument, `--help` — gives `None` and clap
/// decides, so clap's table stays the only definition of what is accepted and of every error
/// message. `tests` compares the two on many command lines.
pub(super) fn parse_fast(args: &[OsString]) -> Option<Cli> {
    let mut opts = Opts {
        lines: 10,
        ..Opts::default()
    };
    let mut verb: Option<&str> = None;
    let mut positionals: Vec<String> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let (mut property_after, mut p_after) = (false, false);
    let mut rest = args.iter().skip(1);
    while let Some(a) = rest.next() {
        let a = a.to_str().filter(|a| !a.is_empty())?;
        if a == "--" {
            // Everything after it is a unit; before the verb, clap would read the verb
            // itself as a positional of the root.
            verb?;
            for p in rest.by_ref() {
                positionals.push(p.to_str().filter(|p| !p.is_empty())?.to_string());
            }
            break;
        }
        if a == "-" {
            return None;
        }
        if !a.starts_with('-') {
            match verb {
                None => verb = Some(FAST_VERBS.iter().find(|v| **v == a)?),
                Some(_) => positionals.push(a.to_string()),
            }
            continue;
        }
        // Only whole options: `--name` or `-x`, no attached values, no combined flags.
        if a.contains('=') || (!a.starts_with("--") && a.len() != 2) {
            return None;
        }
        let name = canonical(a)?;
        let mut value = || -> Option<&str> {
            rest.next()?
                .to_str()
                .filter(|v| !v.is_empty() && !v.starts_with('-'))
        };
        match name {
            "lines" => {
                let v = value()?;
                if !v.bytes().all(|b| b.is_ascii_digit()) || v.len() > 18 {
                    return None;
                }
                opts.lines = v.parse().ok()?;
            }
            // Repeatable; given after the verb, clap keeps the verb's occurrences only.
            "property" | "P" => {
                let v = value()?;
                let after = verb.is_some();
                let (list, cleared) = if name == "P" {
                    (&mut opts.value_property, &mut p_after)
                } else {
                    (&mut opts.property, &mut property_after)
                };
                if after && !*cleared {
                    list.clear();
                    *cleared = true;
                }
                if name == "P" {
                    list.push(v.to_string());
                } else {
                    list.extend(v.split(',').map(str::to_string));
                }
                continue;
            }
            flag => *flag_field(&mut opts, flag)? = true,
        }
        // A flag or `-n` given twice: clap's rule for that is clap's to apply.
        if seen.contains(&name) {
            return None;
        }
        seen.push(name);
    }
    let units = positionals;
    let command = match verb? {
        "status" => Command::Status { units },
        "show" => Command::Show { units },
        "is-active" => Command::IsActive { units },
        "is-failed" => Command::IsFailed { units },
        "is-enabled" => Command::IsEnabled { units },
        "cat" => Command::Cat { units },
        "start" => Command::Start { units },
        "stop" => Command::Stop { units },
        "restart" => Command::Restart { units },
        "try-restart" => Command::TryRestart { units },
        "reload" => Command::Reload { units },
        "reload-or-restart" => Command::ReloadOrRestart { units },
        "reset-failed" => Command::ResetFailed { units },
        _ => return None,
    };
    Some(Cli {
        opts,
        command: Some(command),
    })
}

/// The verbs [`parse_fast`] builds (each takes unit names only).
const FAST_VERBS: [&str; 13] = [
    "status",
    "show",
    "is-active",
    "is-failed",
    "is-enabled",
    "cat",
    "start",
    "stop",
    "restart",
    "try-restart",
    "reload",
    "reload-or-restart",
    "reset-failed",
];

/// The option an argument names (its long name, `P` for `-P`); `None` for one the fast path
/// leaves to clap.
fn canonical(a: &str) -> Option<&'static str> {
    Some(match a {
        "--user" => "user",
        "--system" => "system",
        "--no-pager" => "no-pager",
        "-q" | "--quiet" => "quiet",
        "--no-block" => "no-block",
        "-a" | "--all" => "all",
        "--failed" => "failed",
        "--value" => "value",
        "-l" | "--full" => "full",
        "--no-legend" => "no-legend",
        "--plain" => "plain",
        "--no-ask-password" => "no-ask-password",
        "-n" | "--lines" => "lines",
        "-p" | "--property" => "property",
        "-P" => "P",
        _ => return None,
    })
}

fn flag_field<'a>(o: &'a mut Opts, name: &str) -> Option<&'a mut bool> {
    Some(match name {
        "user" => &mut o.user,
        "system" => &mut o.system,
        "no-pager" => &mut o.no_pager,
        "quiet" => &mut o.quiet,
        "no-block" => &mut o.no_block,
        "all" => &mut o.all,
        "failed" => &mut o.failed,
        "value" => &mut o.value,
        "full" => &mut o.full,
        "no-legend" => &mut o.no_legend,
        "plain" => &mut o.plain,
        "no-ask-password" => &mut o.no_ask_password,
        _ => return None,
    })
}

/// `Some` when the command line names a verb and parses with that verb's tree alone; `None`
/// means "ask the full tree" (no verb, `--help`, `--version`, or any error).
pub(super) fn parse_for_verb(args: &[OsString]) -> Option<Cli> {
    let full = Cli::command();
    let verb = args
        .iter()
        .skip(1)
        .map_while(|a| a.to_str())
        .take_while(|a| *a != "--")
        .find(|a| !a.starts_with('-') && full.find_subcommand(a).is_some())?;
    let sub = full.find_subcommand(verb)?.clone();
    // The root settings that change how arguments are read (see the derive on `Cli`). Its
    // name shows only in messages, and those come from the full tree.
    let mut root = clap::Command::new("systemctl")
        .disable_help_subcommand(full.is_disable_help_subcommand_set())
        .args_conflicts_with_subcommands(full.is_args_conflicts_with_subcommands_set())
        .args(full.get_arguments().cloned())
        .subcommand(sub);
    let matches = root.try_get_matches_from_mut(args.iter().cloned()).ok()?;
    Cli::from_arg_matches(&matches).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn both(line: &str) -> (Option<String>, Option<String>) {
        let args: Vec<OsString> = std::iter::once("systemctl")
            .chain(line.split_whitespace())
            .map(OsString::from)
            .collect();
        let pruned = parse_for_verb(&args).map(|c| format!("{c:?}"));
        let full = Cli::try_parse_from(args).ok().map(|c| format!("{c:?}"));
        (pruned, full)
    }

    #[test]
    fn a_pruned_parse_gives_what_the_full_tree_gives() {
        for line in [
            "is-active foo.service",
            "is-active -q foo.service bar.service",
            "--user is-active --quiet foo",
            "status foo.service",
            "status -n 50 --no-pager foo bar",
            "-n 5 status foo",
            "--lines=0 status foo -l",
            "show -p ActiveState,SubState foo",
            "-p ActiveState show foo --value",
            "-P MainPID show foo",
            "list-units --type=service,socket --state failed --all",
            "-t service list-units",
            "start a b c --no-block",
            "kill -s 9 --kill-whom=main foo",
            "--legend no list-units",
            "--legend list-units",
            "enable --now --runtime foo",
            "help foo",
            "cat foo",
            "list-dependencies --reverse --plain foo",
            "edit --drop-in x --force foo",
            "clean --what state,cache foo",
            "is-enabled --root /tmp foo",
            "set-environment A=1 B=2",
            "restart -- foo",
            "status status",
            "is-active start",
            "is-active",
        ] {
            let (pruned, full) = both(line);
            assert!(full.is_some(), "{line}: the full tree should accept it");
            if let Some(p) = pruned {
                assert_eq!(Some(p), full, "{line}");
            }
        }
    }

    #[test]
    fn an_option_value_named_like_a_verb_is_left_to_the_full_tree() {
        // `status` is -p's value here; the verb is `show`.
        let (pruned, full) = both("-p status show foo");
        assert_eq!(pruned, None);
        assert!(full.is_some_and(|f| f.contains("Show")));
        // No verb after it: both read no command at all.
        let (pruned, full) = both("-p status");
        assert_eq!(pruned, full);
    }

    #[test]
    fn the_common_verbs_take_the_fast_path() {
        for line in [
            "is-active foo",
            "--user is-active -q foo",
            "status foo",
            "show foo",
        ] {
            assert!(both(line).0.is_some(), "{line}");
        }
    }

    /// (fast parse, full clap parse) as Debug text.
    fn fast_and_full(words: &[&str]) -> (Option<String>, Option<String>) {
        let args: Vec<OsString> = std::iter::once("systemctl")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect();
        thread_local! {
            // The full tree, built once (building it is most of a parse's cost in a debug
            // build; parses of a built tree do not change it).
            static FULL: std::cell::RefCell<clap::Command> = std::cell::RefCell::new({
                let mut c = Cli::command();
                c.build();
                c
            });
        }
        let fast = parse_fast(&args).map(|c| format!("{c:?}"));
        let full = FULL.with_borrow_mut(|c| {
            let m = c.try_get_matches_from_mut(args).ok()?;
            Cli::from_arg_matches(&m).ok().map(|c| format!("{c:?}"))
        });
        (fast, full)
    }

    #[test]
    fn a_fast_parse_gives_what_the_full_tree_gives() {
        let options: &[&[&str]] = &[
            &[],
            &["--user"],
            &["--system"],
            &["--no-pager"],
            &["-q"],
            &["--quiet"],
            &["--no-block"],
            &["-a"],
            &["--all"],
            &["--failed"],
            &["--value"],
            &["-l"],
            &["--full"],
            &["--no-legend"],
            &["--plain"],
            &["--no-ask-password"],
            &["-n", "5"],
            &["--lines", "0"],
            &["-n", "007"],
            &["-n", "-1"],
            &["-n", "+3"],
            &["-n", "x"],
            &["-n"],
            &["-p", "ActiveState"],
            &["-p", "ActiveState,SubState"],
            &["--property", "A,,B"],
            &["-p", "A", "-p", "B"],
            &["-P", "MainPID"],
            &["-P", "A", "-P", "B"],
            &["-q", "-q"],
            &["--user", "--user"],
            &["-n", "1", "--lines", "2"],
            &["-ql"],
            &["-n5"],
            &["--lines=5"],
            &["--user=yes"],
            &["-p", "-q"],
            &["--bogus"],
            &["-h"],
            &["--help"],
            &["--version"],
            &["-t", "service"],
            &["--legend"],
            &["-"],
            &[""],
        ];
        let mut fast_hits = 0;
        let mut check = |line: &[&str]| {
            let (fast, full) = fast_and_full(line);
            if let Some(f) = fast {
                fast_hits += 1;
                assert_eq!(Some(f), full, "{line:?}");
            }
        };
        let unit_lists: [&[&str]; 4] = [&[], &["foo.service"], &["a", "b"], &["--", "-x"]];
        // Each option before the verb, after it, and between two units, for every verb.
        for verb in FAST_VERBS
            .iter()
            .chain(&["list-units", "kill", "bogus", "help"])
        {
            for units in unit_lists {
                for opt in options {
                    let mut before: Vec<&str> = opt.to_vec();
                    before.push(verb);
                    before.extend_from_slice(units);
                    check(&before);
                    let mut after = vec![*verb];
                    after.extend_from_slice(opt);
                    after.extend_from_slice(units);
                    check(&after);
                    if let [first, rest @ ..] = units {
                        let mut split = vec![*verb, first];
                        split.extend_from_slice(opt);
                        split.extend_from_slice(rest);
                        check(&split);
                    }
                }
            }
        }
        // Pairs of options, on both sides of the verb.
        for a in options.iter().step_by(2) {
            for b in options.iter().skip(1).step_by(2) {
                for (x, y) in [(a, b), (b, a)] {
                    let mut line: Vec<&str> = x.to_vec();
                    line.push("status");
                    line.extend_from_slice(y);
                    line.push("foo");
                    check(&line);
                    let mut both: Vec<&str> = vec!["show"];
                    both.extend_from_slice(x);
                    both.extend_from_slice(y);
                    check(&both);
                }
            }
        }
        // Not vacuous: most of these lines take the fast path.
        assert!(fast_hits > 3_000, "{fast_hits}");
    }

    #[test]
    fn the_hot_command_lines_take_the_fast_path() {
        for line in [
            "is-active foo.service",
            "--user is-active -q foo",
            "status --no-pager foo.service",
            "status -n 50 foo bar",
            "show -p ActiveState foo",
            "-P MainPID show foo",
            "status -- -foo",
        ] {
            let words: Vec<&str> = line.split_whitespace().collect();
            let (fast, full) = fast_and_full(&words);
            assert!(fast.is_some(), "{line}");
            assert_eq!(fast, full, "{line}");
        }
    }

    #[test]
    fn what_the_fast_path_does_not_know_is_left_to_clap() {
        for line in [
            "--help",
            "status --help",
            "--version",
            "status --bogus foo",
            "status -n5 foo",
            "status -ql foo",
            "-q -q is-active foo",
            "-- status foo",
            "-p status show foo",
            "kill -s 9 foo",
            "list-units",
            "",
        ] {
            let words: Vec<&str> = line.split_whitespace().collect();
            let (fast, _) = fast_and_full(&words);
            // `-p status show foo`: `status` is -p's value; the fast path reads it as clap
            // does, or gives up.
            if line == "-p status show foo" {
                assert!(fast.is_none_or(|f| f.contains("Show")), "{line}");
                continue;
            }
            assert_eq!(fast, None, "{line}");
        }
    }

    #[test]
    fn help_version_and_errors_are_left_to_the_full_tree() {
        for line in [
            "--help",
            "status --help",
            "-h",
            "--version",
            "status --bogus foo",
            "",
            "no-such-verb foo",
        ] {
            assert_eq!(both(line).0, None, "{line}");
        }
    }
}
