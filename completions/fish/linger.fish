# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_linger_global_optspecs
    string join \n h/help V/version
end

function __fish_linger_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_linger_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_linger_using_subcommand
    set -l cmd (__fish_linger_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c linger -n "__fish_linger_needs_command" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_needs_command" -s V -l version -d 'Print version'
complete -c linger -n "__fish_linger_needs_command" -f -a "ctl" -d 'Control your services (≙ systemctl --user)'
complete -c linger -n "__fish_linger_needs_command" -f -a "journal" -d 'Read your services\' logs (≙ journalctl --user)'
complete -c linger -n "__fish_linger_needs_command" -f -a "daemon" -d 'Run a linger daemon: --user is the per-user service manager (≙ systemd --user), --system the login daemon (≙ systemd-logind).'
complete -c linger -n "__fish_linger_needs_command" -f -a "run" -d 'Run a command as a transient service (≙ systemd-run --user)'
complete -c linger -n "__fish_linger_needs_command" -f -a "login" -d 'Sessions, users and linger (≙ loginctl)'
complete -c linger -n "__fish_linger_needs_command" -f -a "analyze" -d 'Check units and time expressions (≙ systemd-analyze)'
complete -c linger -n "__fish_linger_needs_command" -f -a "escape" -d 'Escape strings for use in unit names (linger).'
complete -c linger -n "__fish_linger_needs_command" -f -a "notify" -d 'Notify the service manager about start-up completion and other state changes (linger).'
complete -c linger -n "__fish_linger_needs_command" -f -a "cat" -d 'Connect a pipeline or a command\'s output with the journal (linger).'
complete -c linger -n "__fish_linger_needs_command" -f -a "install-links" -d 'Make links named systemctl, journalctl, … (and linger) to this binary in DIR'
complete -c linger -n "__fish_linger_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -s V -l version -d 'Print version'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "start" -d 'Start (activate) units'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "stop" -d 'Stop (deactivate) units'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "isolate" -d 'Start a target (or unit with AllowIsolate=yes) and stop every other unit'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "restart" -d 'Restart units'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "try-restart" -d 'Restart units if running'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "reload" -d 'Reload units'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "reload-or-restart" -d 'Reload units if supported, otherwise restart'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "try-reload-or-restart" -d 'Reload if supported, otherwise restart, only if running'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "freeze" -d 'Freeze units\' processes (cgroup freezer) until thawed'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "thaw" -d 'Resume the processes of frozen units'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "kill" -d 'Send a signal to the processes of units'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "status" -d 'Show runtime status of units (or of the manager)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "show" -d 'Show properties of units (or of the manager)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "cat" -d 'Show the unit files and drop-ins'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "edit" -d 'Edit a drop-in (or with --full the unit file) in $SYSTEMD_EDITOR/$EDITOR, then reload'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "revert" -d 'Remove the user\'s drop-ins and overriding unit files, unmask'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "list-units" -d 'List loaded units'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "list-unit-files" -d 'List installed unit files'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "list-timers" -d 'List timer units, soonest first'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "list-sockets" -d 'List socket units and what they listen on'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "list-dependencies" -d 'Show a unit\'s dependency tree'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "list-jobs" -d 'List queued jobs'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "enable" -d 'Enable units (create the [Install] symlinks)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "disable" -d 'Disable units'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "reenable" -d 'Disable and enable again'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "is-active" -d 'Check whether units are active'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "is-enabled" -d 'Check whether units are enabled'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "is-failed" -d 'Check whether units are failed'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "mask" -d 'Mask units (link to /dev/null)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "unmask" -d 'Unmask units'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "set-property" -d 'Change resource limits of a unit now and persistently (--runtime: until reboot)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "daemon-reload" -d 'Reload unit files'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "daemon-reexec" -d 'Re-execute the manager binary'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "reset-failed" -d 'Reset the failed state of units (all when none given)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "set-environment" -d 'Set manager environment variables (NAME=VALUE…)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "unset-environment" -d 'Unset manager environment variables'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "show-environment" -d 'Show the manager environment'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "is-system-running" -d 'Is the manager up? (running, degraded, starting)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "timespan" -d 'Parse time spans (as systemd-analyze timespan)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "calendar" -d 'Parse calendar events (as systemd-analyze calendar)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "verify" -d 'Check unit files (as systemd-analyze verify)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "clean" -d 'Remove a stopped unit\'s runtime/state/cache/logs/configuration directories'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "preset" -d 'Enable or disable units as the preset files say'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "preset-all" -d 'Enable or disable every unit file as the preset files say'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "get-default" -d 'Show the target default.target is (the one the manager starts)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "set-default" -d 'Make TARGET the default target'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "link" -d 'Make unit files outside the search path available (a link in the config directory)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "add-wants" -d 'Make TARGET want the units (links in TARGET.wants/)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "add-requires" -d 'Make TARGET require the units (links in TARGET.requires/)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "import-environment" -d 'Copy the named variables of this environment into the manager\'s'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "list-paths" -d 'List path units'
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "help" -d 'Show the manual pages named in the units\' Documentation='
complete -c linger -n "__fish_linger_using_subcommand ctl; and not __fish_seen_subcommand_from start stop isolate restart try-restart reload reload-or-restart try-reload-or-restart freeze thaw kill status show cat edit revert list-units list-unit-files list-timers list-sockets list-dependencies list-jobs enable disable reenable is-active is-enabled is-failed mask unmask set-property daemon-reload daemon-reexec reset-failed set-environment unset-environment show-environment is-system-running timespan calendar verify clean preset preset-all get-default set-default link add-wants add-requires import-environment list-paths help exit" -f -a "exit" -d 'Stop the user manager (like `systemctl --user exit`)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from isolate" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-restart" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reload-or-restart" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from try-reload-or-restart" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from freeze" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from thaw" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from cat" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from revert" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-units" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-unit-files" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-timers" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-sockets" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-dependencies" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-jobs" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reenable" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-active" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-enabled" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-failed" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from mask" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unmask" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-property" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reload" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from daemon-reexec" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from reset-failed" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-environment" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from unset-environment" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from show-environment" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from is-system-running" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from timespan" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l iterations -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l base-time -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from calendar" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from clean" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from preset-all" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from get-default" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from set-default" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from link" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-wants" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from add-requires" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from import-environment" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from list-paths" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from help" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -s n -l lines -d 'Journal lines to show in status' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -s q -l quiet -d 'Suppress informational output'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l no-block -d 'Do not wait for jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l failed -d 'Only failed units (= --state=failed)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l value -d 'Print only the value of properties (show)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -s l -l full -d 'Do not ellipsize long lines'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l after -d 'Show units ordered after (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l before -d 'Show units ordered before (list-dependencies)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l no-legend -d 'Do not print the legend/header'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c linger -n "__fish_linger_using_subcommand ctl; and __fish_seen_subcommand_from exit" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand journal" -s t -l identifier -d 'Show entries with the specified syslog identifier (repeatable)' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -s F -l field -d 'List all values the field takes in the journal' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -l vacuum-files -d 'Leave only this many journal files (the active one is never removed)' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -s u -l user-unit -l unit -d 'Show messages of the user unit UNIT (globs allowed; repeatable)' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -s n -l lines -d 'Number of journal entries to show ("all" for all; 10 without a value)' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -s S -l since -d 'Show entries not older than the specified date' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -s U -l until -d 'Show entries not newer than the specified date' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -s p -l priority -d 'Show entries with the specified priority (or range FROM..TO)' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -s g -l grep -d 'Show entries whose MESSAGE matches PATTERN' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -l case-sensitive -d 'Force case sensitive or insensitive matching for --grep' -r -f -a "true\t''
false\t''"
complete -c linger -n "__fish_linger_using_subcommand journal" -s b -l boot -d 'Show entries of the current boot, or of the boot given by ID or offset' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -s o -l output -d 'Change the output format (short, short-iso, short-precise, short-monotonic, short-unix, short-full, cat, json, json-pretty, json-sse, json-seq, export, verbose)' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -l output-fields -d 'Select fields to print in verbose/export/json/cat output modes' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -l vacuum-size -d 'Reduce disk usage below the specified size' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -l vacuum-time -d 'Remove journal files older than the specified time' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -s c -l cursor -d 'Show entries starting at the specified cursor' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -l after-cursor -d 'Show entries after the specified cursor' -r
complete -c linger -n "__fish_linger_using_subcommand journal" -s D -l directory -d 'Show journal files from the directory' -r -F
complete -c linger -n "__fish_linger_using_subcommand journal" -l file -d 'Show the journal file(s)' -r -F
complete -c linger -n "__fish_linger_using_subcommand journal" -s N -l fields -d 'List all field names used in the journal'
complete -c linger -n "__fish_linger_using_subcommand journal" -l no-tail -d 'Show all entries when following (not only the last 10)'
complete -c linger -n "__fish_linger_using_subcommand journal" -l rotate -d 'Ask the manager to close the active journal file and start a new one'
complete -c linger -n "__fish_linger_using_subcommand journal" -l flush -d 'Ask the manager to write out every queued entry'
complete -c linger -n "__fish_linger_using_subcommand journal" -l header -d 'Show information about the journal files instead of their entries'
complete -c linger -n "__fish_linger_using_subcommand journal" -l user -d 'Show the user journal (the default)'
complete -c linger -n "__fish_linger_using_subcommand journal" -l system -d 'Show the system journal: what the login daemon stored for root and system daemons (for root without a journal of its own, the default shows it with every user\'s)'
complete -c linger -n "__fish_linger_using_subcommand journal" -s m -l merge -d 'Show entries interleaved from every journal this user can read: for root, the system journal and every user\'s journal with its own'
complete -c linger -n "__fish_linger_using_subcommand journal" -s e -l pager-end -d 'Jump to the end and show the last 1000 entries (there is no pager)'
complete -c linger -n "__fish_linger_using_subcommand journal" -s x -l catalog -d 'Add explanatory help texts from the message catalog'
complete -c linger -n "__fish_linger_using_subcommand journal" -s f -l follow -d 'Follow the journal'
complete -c linger -n "__fish_linger_using_subcommand journal" -s r -l reverse -d 'Show the newest entries first'
complete -c linger -n "__fish_linger_using_subcommand journal" -l list-boots -d 'Show terse information about recorded boots'
complete -c linger -n "__fish_linger_using_subcommand journal" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c linger -n "__fish_linger_using_subcommand journal" -l no-hostname -d 'Suppress output of the hostname field'
complete -c linger -n "__fish_linger_using_subcommand journal" -s a -l all -d 'Show all fields, including long and unprintable ones'
complete -c linger -n "__fish_linger_using_subcommand journal" -l utc -d 'Express time in Coordinated Universal Time'
complete -c linger -n "__fish_linger_using_subcommand journal" -s k -l dmesg -d 'Show kernel messages (refused: linger does not collect them)'
complete -c linger -n "__fish_linger_using_subcommand journal" -l disk-usage -d 'Show total disk usage of all journal files'
complete -c linger -n "__fish_linger_using_subcommand journal" -l show-cursor -d 'Print the cursor after all the entries'
complete -c linger -n "__fish_linger_using_subcommand journal" -l verify -d 'Verify the consistency of journal files'
complete -c linger -n "__fish_linger_using_subcommand journal" -s q -l quiet -d 'Do not show info messages and privilege warnings'
complete -c linger -n "__fish_linger_using_subcommand journal" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand journal" -s V -l version -d 'Print version'
complete -c linger -n "__fish_linger_using_subcommand daemon" -l unit-path -d 'Extra unit directory searched first (repeatable)' -r -F
complete -c linger -n "__fish_linger_using_subcommand daemon" -l unit -d 'The unit to start at startup' -r
complete -c linger -n "__fish_linger_using_subcommand daemon" -l deserialize -d 'State handed over by a previous image of this manager (used by daemon-reexec)' -r -F
complete -c linger -n "__fish_linger_using_subcommand daemon" -l socket -d 'The varlink socket clients and the PAM module use' -r -F
complete -c linger -n "__fish_linger_using_subcommand daemon" -l linger-dir -d 'The linger registry (one empty file per lingering user)' -r -F
complete -c linger -n "__fish_linger_using_subcommand daemon" -l config-dir -d 'Where logind.conf and logind.conf.d/ are' -r -F
complete -c linger -n "__fish_linger_using_subcommand daemon" -l runtime-dir -d 'Parent of the users\' runtime directories' -r -F
complete -c linger -n "__fish_linger_using_subcommand daemon" -l state-dir -d 'The daemon\'s runtime state (session counter, notify socket)' -r -F
complete -c linger -n "__fish_linger_using_subcommand daemon" -l cgroup-root -d 'A cgroup2 directory to put linger.slice below (default: the daemon\'s own cgroup)' -r -F
complete -c linger -n "__fish_linger_using_subcommand daemon" -l user-manager -d 'The user manager\'s command line, words separated by blanks (default: this program with `daemon --user`)' -r
complete -c linger -n "__fish_linger_using_subcommand daemon" -l ready-timeout -d 'Seconds a user manager may take to become ready' -r
complete -c linger -n "__fish_linger_using_subcommand daemon" -l stop-timeout -d 'Seconds a user manager may take to stop before it is killed' -r
complete -c linger -n "__fish_linger_using_subcommand daemon" -l journal-dir -d 'Where the journal\'s native and stdout sockets are served when no journald does' -r -F
complete -c linger -n "__fish_linger_using_subcommand daemon" -l dev-log -d 'The syslog socket served when no syslog daemon does' -r -F
complete -c linger -n "__fish_linger_using_subcommand daemon" -l system-journal -d 'The system journal (root\'s and system daemons\' messages)' -r -F
complete -c linger -n "__fish_linger_using_subcommand daemon" -l user -d 'Run the calling user\'s service manager'
complete -c linger -n "__fish_linger_using_subcommand daemon" -l system -d 'Run the login/linger daemon (root)'
complete -c linger -n "__fish_linger_using_subcommand daemon" -l log-to-stderr -d 'Also print the manager\'s own messages on stderr'
complete -c linger -n "__fish_linger_using_subcommand daemon" -l no-system-units -d 'Do not search /etc/systemd/user and /usr/lib/systemd/user (tests)'
complete -c linger -n "__fish_linger_using_subcommand daemon" -l fd-keeper -d 'Hold the manager\'s pipes and sockets across a crash (started by the manager itself)'
complete -c linger -n "__fish_linger_using_subcommand daemon" -l no-cgroups -d 'Track sessions by process instead of cgroups (driver none)'
complete -c linger -n "__fish_linger_using_subcommand daemon" -l ignore-systemd -d 'Start even where systemd is the init system (tests)'
complete -c linger -n "__fish_linger_using_subcommand daemon" -l no-runtime-tmpfs -d 'Do not mount a tmpfs on runtime directories (plain directories)'
complete -c linger -n "__fish_linger_using_subcommand daemon" -l no-journal-sockets -d 'Leave the journal sockets and /dev/log alone'
complete -c linger -n "__fish_linger_using_subcommand daemon" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand run" -s u -l unit -d 'Unit name (default: run-uN)' -r
complete -c linger -n "__fish_linger_using_subcommand run" -l description -d 'Description' -r
complete -c linger -n "__fish_linger_using_subcommand run" -s p -l property -d 'Set a unit property (timer properties with --timer-property)' -r
complete -c linger -n "__fish_linger_using_subcommand run" -s E -l setenv -d 'Set an environment variable for the command (NAME alone: its value here)' -r
complete -c linger -n "__fish_linger_using_subcommand run" -l working-directory -d 'Working directory of the command' -r
complete -c linger -n "__fish_linger_using_subcommand run" -l slice -d 'Slice to place the unit in (`.slice` added when missing)' -r
complete -c linger -n "__fish_linger_using_subcommand run" -l nice -d 'Nice level of the service\'s processes (-20…19)' -r
complete -c linger -n "__fish_linger_using_subcommand run" -l service-type -d 'Service type (simple, exec, oneshot, forking, notify)' -r
complete -c linger -n "__fish_linger_using_subcommand run" -l on-active -d 'Timer: run after this much time' -r
complete -c linger -n "__fish_linger_using_subcommand run" -l on-boot -d 'Timer: run this long after boot' -r
complete -c linger -n "__fish_linger_using_subcommand run" -l on-startup -d 'Timer: run this long after the manager started' -r
complete -c linger -n "__fish_linger_using_subcommand run" -l on-unit-active -d 'Timer: run this long after the unit last became active' -r
complete -c linger -n "__fish_linger_using_subcommand run" -l on-unit-inactive -d 'Timer: run this long after the unit last became inactive' -r
complete -c linger -n "__fish_linger_using_subcommand run" -l on-calendar -d 'Timer: run at these calendar times' -r
complete -c linger -n "__fish_linger_using_subcommand run" -l timer-property -d 'Timer: set a [Timer] property' -r
complete -c linger -n "__fish_linger_using_subcommand run" -l user -d 'Talk to the user manager (the only one linger has; accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand run" -s d -l same-dir -d 'Run in the caller\'s working directory'
complete -c linger -n "__fish_linger_using_subcommand run" -s r -l remain-after-exit -d 'Keep the service after its process exited (RemainAfterExit=yes)'
complete -c linger -n "__fish_linger_using_subcommand run" -s G -l collect -d 'Collect the unit when it ends even if it failed (CollectMode=inactive-or-failed: its transient file is removed); without it a failed one\'s file stays until `reset-failed`'
complete -c linger -n "__fish_linger_using_subcommand run" -l wait -d 'Wait until the service ended and report how'
complete -c linger -n "__fish_linger_using_subcommand run" -l no-block -d 'Do not wait for the start job'
complete -c linger -n "__fish_linger_using_subcommand run" -s q -l quiet -d 'Print nothing on success'
complete -c linger -n "__fish_linger_using_subcommand run" -l scope -d 'Run the command here, in a new transient scope unit of the user manager'
complete -c linger -n "__fish_linger_using_subcommand run" -s P -l pipe -d 'The service uses this command\'s standard input, output and error (for pipelines); waits like --wait'
complete -c linger -n "__fish_linger_using_subcommand run" -s t -l pty -d 'Connect the service to this terminal through a new pseudo-terminal (for interactive programs); waits like --wait'
complete -c linger -n "__fish_linger_using_subcommand run" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand run" -s V -l version -d 'Print version'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -s V -l version -d 'Print version'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "list-sessions" -d 'List current sessions'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "session-status" -d 'Show session status (the caller\'s session without ID)'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "show-session" -d 'Show properties of sessions, or of the manager without ID'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "terminate-session" -d 'Terminate sessions ("" is the caller\'s)'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "kill-session" -d 'Send a signal to processes of sessions (--signal, --kill-whom)'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "list-users" -d 'List logged in (and lingering) users'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "user-status" -d 'Show user status (the caller without USER)'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "show-user" -d 'Show properties of users, or of the manager without USER'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "show" -d 'Show the manager\'s properties'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "enable-linger" -d 'Keep users\' service managers running without a session (the caller without USER)'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "disable-linger" -d 'Stop lingering (the caller without USER)'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "terminate-user" -d 'Terminate all sessions of users'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "kill-user" -d 'Send a signal to all processes of users (--signal)'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "activate" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "lock-session" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "unlock-session" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "lock-sessions" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "unlock-sessions" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "list-seats" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "seat-status" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "show-seat" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "attach" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "flush-devices" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "terminate-seat" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand login; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-sessions" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from session-status" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-session" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-session" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-session" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-users" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from user-status" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-user" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from enable-linger" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from disable-linger" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-user" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from kill-user" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from activate" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-session" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-session" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from lock-sessions" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from unlock-sessions" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from list-seats" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from seat-status" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from show-seat" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from attach" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from flush-devices" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -l json -d 'JSON output: short, pretty or off' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -l value -d 'Print only the values of properties, without "NAME="'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -s a -l all -d 'Show all properties, including empty ones'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from terminate-seat" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "list-sessions" -d 'List current sessions'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "session-status" -d 'Show session status (the caller\'s session without ID)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "show-session" -d 'Show properties of sessions, or of the manager without ID'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "terminate-session" -d 'Terminate sessions ("" is the caller\'s)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "kill-session" -d 'Send a signal to processes of sessions (--signal, --kill-whom)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "list-users" -d 'List logged in (and lingering) users'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "user-status" -d 'Show user status (the caller without USER)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "show-user" -d 'Show properties of users, or of the manager without USER'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the manager\'s properties'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "enable-linger" -d 'Keep users\' service managers running without a session (the caller without USER)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "disable-linger" -d 'Stop lingering (the caller without USER)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "terminate-user" -d 'Terminate all sessions of users'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "kill-user" -d 'Send a signal to all processes of users (--signal)'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "activate" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "lock-session" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "unlock-session" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "lock-sessions" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "unlock-sessions" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "list-seats" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "seat-status" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "show-seat" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "attach" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "flush-devices" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "terminate-seat" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -s V -l version -d 'Print version'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "verify" -d 'Check unit files for errors and likely mistakes'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "timespan" -d 'Parse time spans'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "timestamp" -d 'Parse timestamps'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "unit-paths" -d 'List the user manager\'s unit search path'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "cat-config" -d 'Show configuration files and their drop-ins'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "condition" -d 'Evaluate Condition*=/Assert*= assignments'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "security" -d 'Score the sandboxing a service asks for (all services without a name)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "blame" -d 'List units by the time they took to start'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "critical-chain" -d 'Show the chain of units a unit waited for'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "calendar" -d 'Parse calendar events and show their next elapses'
complete -c linger -n "__fish_linger_using_subcommand analyze; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from verify" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from verify" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from timespan" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from timespan" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from timespan" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from timestamp" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from timestamp" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from timestamp" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from unit-paths" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from unit-paths" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from unit-paths" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from cat-config" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from cat-config" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from cat-config" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from condition" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from condition" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from condition" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from security" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from security" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from security" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from blame" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from blame" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from blame" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from critical-chain" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from critical-chain" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from critical-chain" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from calendar" -l iterations -d 'How many elapses to show' -r
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from calendar" -l base-time -d 'Compute from this time instead of now' -r
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from calendar" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from calendar" -l no-pager -d 'Do not pipe output into a pager'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from calendar" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check unit files for errors and likely mistakes'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from help" -f -a "timespan" -d 'Parse time spans'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from help" -f -a "timestamp" -d 'Parse timestamps'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from help" -f -a "unit-paths" -d 'List the user manager\'s unit search path'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from help" -f -a "cat-config" -d 'Show configuration files and their drop-ins'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from help" -f -a "condition" -d 'Evaluate Condition*=/Assert*= assignments'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from help" -f -a "security" -d 'Score the sandboxing a service asks for (all services without a name)'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from help" -f -a "blame" -d 'List units by the time they took to start'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from help" -f -a "critical-chain" -d 'Show the chain of units a unit waited for'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from help" -f -a "calendar" -d 'Parse calendar events and show their next elapses'
complete -c linger -n "__fish_linger_using_subcommand analyze; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c linger -n "__fish_linger_using_subcommand escape" -l suffix -d 'Append the suffix (a unit type, e.g. `service`)' -r
complete -c linger -n "__fish_linger_using_subcommand escape" -l template -d 'Insert the escaped strings into the template unit name' -r
complete -c linger -n "__fish_linger_using_subcommand escape" -s p -l path -d 'Treat the strings as paths'
complete -c linger -n "__fish_linger_using_subcommand escape" -s u -l unescape -d 'Unescape instead'
complete -c linger -n "__fish_linger_using_subcommand escape" -s m -l mangle -d 'Mangle the strings into unit names (as systemctl does with its arguments)'
complete -c linger -n "__fish_linger_using_subcommand escape" -l instance -d 'With --unescape: unescape the instance part of a unit name'
complete -c linger -n "__fish_linger_using_subcommand escape" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand escape" -s V -l version -d 'Print version'
complete -c linger -n "__fish_linger_using_subcommand notify" -l pid -d 'The main process\'s pid (MAINPID=); without a value, this command\'s parent' -r
complete -c linger -n "__fish_linger_using_subcommand notify" -l status -d 'A status text (STATUS=)' -r
complete -c linger -n "__fish_linger_using_subcommand notify" -l ready -d 'Start-up is complete (READY=1)'
complete -c linger -n "__fish_linger_using_subcommand notify" -l reloading -d 'The service is reloading (RELOADING=1)'
complete -c linger -n "__fish_linger_using_subcommand notify" -l stopping -d 'The service is stopping (STOPPING=1)'
complete -c linger -n "__fish_linger_using_subcommand notify" -l booted -d 'Exit 0 when the system was booted with systemd as init, else 1'
complete -c linger -n "__fish_linger_using_subcommand notify" -l no-block -d 'Do not wait until the manager has read the message'
complete -c linger -n "__fish_linger_using_subcommand notify" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand notify" -s V -l version -d 'Print version'
complete -c linger -n "__fish_linger_using_subcommand cat" -s t -l identifier -d 'The syslog identifier (default: the command\'s name, or "cat")' -r
complete -c linger -n "__fish_linger_using_subcommand cat" -s p -l priority -d 'Priority of the lines (emerg, alert, crit, err, warning, notice, info, debug or 0…7)' -r
complete -c linger -n "__fish_linger_using_subcommand cat" -l stderr-priority -d 'Priority of the command\'s standard error (default: --priority)' -r
complete -c linger -n "__fish_linger_using_subcommand cat" -l level-prefix -d 'Whether a `<N>` prefix sets a line\'s priority' -r
complete -c linger -n "__fish_linger_using_subcommand cat" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand cat" -s V -l version -d 'Print version'
complete -c linger -n "__fish_linger_using_subcommand install-links" -s f -l force -d 'Replace files that are not links'
complete -c linger -n "__fish_linger_using_subcommand install-links" -s h -l help -d 'Print help'
complete -c linger -n "__fish_linger_using_subcommand help; and not __fish_seen_subcommand_from ctl journal daemon run login analyze escape notify cat install-links help" -f -a "ctl" -d 'Control your services (≙ systemctl --user)'
complete -c linger -n "__fish_linger_using_subcommand help; and not __fish_seen_subcommand_from ctl journal daemon run login analyze escape notify cat install-links help" -f -a "journal" -d 'Read your services\' logs (≙ journalctl --user)'
complete -c linger -n "__fish_linger_using_subcommand help; and not __fish_seen_subcommand_from ctl journal daemon run login analyze escape notify cat install-links help" -f -a "daemon" -d 'Run a linger daemon: --user is the per-user service manager (≙ systemd --user), --system the login daemon (≙ systemd-logind).'
complete -c linger -n "__fish_linger_using_subcommand help; and not __fish_seen_subcommand_from ctl journal daemon run login analyze escape notify cat install-links help" -f -a "run" -d 'Run a command as a transient service (≙ systemd-run --user)'
complete -c linger -n "__fish_linger_using_subcommand help; and not __fish_seen_subcommand_from ctl journal daemon run login analyze escape notify cat install-links help" -f -a "login" -d 'Sessions, users and linger (≙ loginctl)'
complete -c linger -n "__fish_linger_using_subcommand help; and not __fish_seen_subcommand_from ctl journal daemon run login analyze escape notify cat install-links help" -f -a "analyze" -d 'Check units and time expressions (≙ systemd-analyze)'
complete -c linger -n "__fish_linger_using_subcommand help; and not __fish_seen_subcommand_from ctl journal daemon run login analyze escape notify cat install-links help" -f -a "escape" -d 'Escape strings for use in unit names (linger).'
complete -c linger -n "__fish_linger_using_subcommand help; and not __fish_seen_subcommand_from ctl journal daemon run login analyze escape notify cat install-links help" -f -a "notify" -d 'Notify the service manager about start-up completion and other state changes (linger).'
complete -c linger -n "__fish_linger_using_subcommand help; and not __fish_seen_subcommand_from ctl journal daemon run login analyze escape notify cat install-links help" -f -a "cat" -d 'Connect a pipeline or a command\'s output with the journal (linger).'
complete -c linger -n "__fish_linger_using_subcommand help; and not __fish_seen_subcommand_from ctl journal daemon run login analyze escape notify cat install-links help" -f -a "install-links" -d 'Make links named systemctl, journalctl, … (and linger) to this binary in DIR'
complete -c linger -n "__fish_linger_using_subcommand help; and not __fish_seen_subcommand_from ctl journal daemon run login analyze escape notify cat install-links help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "start" -d 'Start (activate) units'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "stop" -d 'Stop (deactivate) units'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "isolate" -d 'Start a target (or unit with AllowIsolate=yes) and stop every other unit'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "restart" -d 'Restart units'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "try-restart" -d 'Restart units if running'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "reload" -d 'Reload units'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "reload-or-restart" -d 'Reload units if supported, otherwise restart'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "try-reload-or-restart" -d 'Reload if supported, otherwise restart, only if running'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "freeze" -d 'Freeze units\' processes (cgroup freezer) until thawed'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "thaw" -d 'Resume the processes of frozen units'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "kill" -d 'Send a signal to the processes of units'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "status" -d 'Show runtime status of units (or of the manager)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "show" -d 'Show properties of units (or of the manager)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "cat" -d 'Show the unit files and drop-ins'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "edit" -d 'Edit a drop-in (or with --full the unit file) in $SYSTEMD_EDITOR/$EDITOR, then reload'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "revert" -d 'Remove the user\'s drop-ins and overriding unit files, unmask'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "list-units" -d 'List loaded units'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "list-unit-files" -d 'List installed unit files'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "list-timers" -d 'List timer units, soonest first'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "list-sockets" -d 'List socket units and what they listen on'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "list-dependencies" -d 'Show a unit\'s dependency tree'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "list-jobs" -d 'List queued jobs'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "enable" -d 'Enable units (create the [Install] symlinks)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "disable" -d 'Disable units'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "reenable" -d 'Disable and enable again'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "is-active" -d 'Check whether units are active'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "is-enabled" -d 'Check whether units are enabled'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "is-failed" -d 'Check whether units are failed'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "mask" -d 'Mask units (link to /dev/null)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "unmask" -d 'Unmask units'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "set-property" -d 'Change resource limits of a unit now and persistently (--runtime: until reboot)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "daemon-reload" -d 'Reload unit files'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "daemon-reexec" -d 'Re-execute the manager binary'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "reset-failed" -d 'Reset the failed state of units (all when none given)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "set-environment" -d 'Set manager environment variables (NAME=VALUE…)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "unset-environment" -d 'Unset manager environment variables'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "show-environment" -d 'Show the manager environment'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "is-system-running" -d 'Is the manager up? (running, degraded, starting)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "timespan" -d 'Parse time spans (as systemd-analyze timespan)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "calendar" -d 'Parse calendar events (as systemd-analyze calendar)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "verify" -d 'Check unit files (as systemd-analyze verify)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "clean" -d 'Remove a stopped unit\'s runtime/state/cache/logs/configuration directories'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "preset" -d 'Enable or disable units as the preset files say'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "preset-all" -d 'Enable or disable every unit file as the preset files say'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "get-default" -d 'Show the target default.target is (the one the manager starts)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "set-default" -d 'Make TARGET the default target'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "link" -d 'Make unit files outside the search path available (a link in the config directory)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "add-wants" -d 'Make TARGET want the units (links in TARGET.wants/)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "add-requires" -d 'Make TARGET require the units (links in TARGET.requires/)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "import-environment" -d 'Copy the named variables of this environment into the manager\'s'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "list-paths" -d 'List path units'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "help" -d 'Show the manual pages named in the units\' Documentation='
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from ctl" -f -a "exit" -d 'Stop the user manager (like `systemctl --user exit`)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "list-sessions" -d 'List current sessions'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "session-status" -d 'Show session status (the caller\'s session without ID)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "show-session" -d 'Show properties of sessions, or of the manager without ID'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "terminate-session" -d 'Terminate sessions ("" is the caller\'s)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "kill-session" -d 'Send a signal to processes of sessions (--signal, --kill-whom)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "list-users" -d 'List logged in (and lingering) users'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "user-status" -d 'Show user status (the caller without USER)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "show-user" -d 'Show properties of users, or of the manager without USER'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "show" -d 'Show the manager\'s properties'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "enable-linger" -d 'Keep users\' service managers running without a session (the caller without USER)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "disable-linger" -d 'Stop lingering (the caller without USER)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "terminate-user" -d 'Terminate all sessions of users'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "kill-user" -d 'Send a signal to all processes of users (--signal)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "activate" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "lock-session" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "unlock-session" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "lock-sessions" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "unlock-sessions" -d 'Not supported: needs a seat'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "list-seats" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "seat-status" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "show-seat" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "attach" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "flush-devices" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "terminate-seat" -d 'Not supported: linger has no seats'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from analyze" -f -a "verify" -d 'Check unit files for errors and likely mistakes'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from analyze" -f -a "timespan" -d 'Parse time spans'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from analyze" -f -a "timestamp" -d 'Parse timestamps'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from analyze" -f -a "unit-paths" -d 'List the user manager\'s unit search path'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from analyze" -f -a "cat-config" -d 'Show configuration files and their drop-ins'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from analyze" -f -a "condition" -d 'Evaluate Condition*=/Assert*= assignments'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from analyze" -f -a "security" -d 'Score the sandboxing a service asks for (all services without a name)'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from analyze" -f -a "blame" -d 'List units by the time they took to start'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from analyze" -f -a "critical-chain" -d 'Show the chain of units a unit waited for'
complete -c linger -n "__fish_linger_using_subcommand help; and __fish_seen_subcommand_from analyze" -f -a "calendar" -d 'Parse calendar events and show their next elapses'
