//! Parsing a systemctl command line with clap's tree for the invoked verb only.
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

use super::Cli;

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
