# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_systemctl_global_optspecs
    string join \n user system no-pager q/quiet no-block wait a/all t/type= state= failed p/property= value P= n/lines= l/full now runtime s/signal= kill-whom= job-mode= o/output= reverse after before no-legend legend= root= what= preset-mode= global plain r/recursive f/force drop-in= no-reload no-ask-password h/help V/version
end

function __fish_systemctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_systemctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_systemctl_using_subcommand
    set -l cmd (__fish_systemctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c systemctl -n "__fish_systemctl_needs_command" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_needs_command" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_needs_command" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_needs_command" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_needs_command" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_needs_command" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_needs_command" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_needs_command" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_needs_command" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_needs_command" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_needs_command" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_needs_command" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_needs_command" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_needs_command" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_needs_command" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_needs_command" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_needs_command" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_needs_command" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_needs_command" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_needs_command" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_needs_command" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_needs_command" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_needs_command" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_needs_command" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_needs_command" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_needs_command" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_needs_command" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_needs_command" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_needs_command" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_needs_command" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_needs_command" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_needs_command" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_needs_command" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_needs_command" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_needs_command" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_needs_command" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_needs_command" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_needs_command" -s V -l version -d 'Print version'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "start" -d 'Start (activate) units'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "stop" -d 'Stop (deactivate) units'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "isolate" -d 'Start a target (or unit with AllowIsolate=yes) and stop every other unit'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "restart" -d 'Restart units'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "try-restart" -d 'Restart units if running'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "reload" -d 'Reload units'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "reload-or-restart" -d 'Reload units if supported, otherwise restart'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "try-reload-or-restart" -d 'Reload if supported, otherwise restart, only if running'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "freeze" -d 'Freeze units\' processes (cgroup freezer) until thawed'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "thaw" -d 'Resume the processes of frozen units'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "kill" -d 'Send a signal to the processes of units'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "status" -d 'Show runtime status of units (or of the manager)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "show" -d 'Show properties of units (or of the manager)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "cat" -d 'Show the unit files and drop-ins'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "edit" -d 'Edit a drop-in (or with --full the unit file) in $SYSTEMD_EDITOR/$EDITOR, then reload'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "revert" -d 'Remove the user\'s drop-ins and overriding unit files, unmask'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "list-units" -d 'List loaded units'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "list-unit-files" -d 'List installed unit files'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "list-timers" -d 'List timer units, soonest first'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "list-sockets" -d 'List socket units and what they listen on'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "list-dependencies" -d 'Show a unit\'s dependency tree'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "list-jobs" -d 'List queued jobs'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "enable" -d 'Enable units (create the [Install] symlinks)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "disable" -d 'Disable units'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "reenable" -d 'Disable and enable again'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "is-active" -d 'Check whether units are active'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "is-enabled" -d 'Check whether units are enabled'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "is-failed" -d 'Check whether units are failed'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "mask" -d 'Mask units (link to /dev/null)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "unmask" -d 'Unmask units'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "set-property" -d 'Change resource limits of a unit now and persistently (--runtime: until reboot)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "daemon-reload" -d 'Reload unit files'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "daemon-reexec" -d 'Re-execute the manager binary'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "reset-failed" -d 'Reset the failed state of units (all when none given)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "set-environment" -d 'Set manager environment variables (NAME=VALUE…)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "unset-environment" -d 'Unset manager environment variables'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "show-environment" -d 'Show the manager environment'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "is-system-running" -d 'Is the manager up? (running, degraded, starting)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "timespan" -d 'Parse time spans (as systemd-analyze timespan)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "calendar" -d 'Parse calendar events (as systemd-analyze calendar)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "verify" -d 'Check unit files (as systemd-analyze verify)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "clean" -d 'Remove a stopped unit\'s runtime/state/cache/logs/configuration directories'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "preset" -d 'Enable or disable units as the preset files say'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "preset-all" -d 'Enable or disable every unit file as the preset files say'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "get-default" -d 'Show the target default.target is (the one the manager starts)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "set-default" -d 'Make TARGET the default target'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "link" -d 'Make unit files outside the search path available (a link in the config directory)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "add-wants" -d 'Make TARGET want the units (links in TARGET.wants/)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "add-requires" -d 'Make TARGET require the units (links in TARGET.requires/)'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "import-environment" -d 'Copy the named variables of this environment into the manager\'s'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "list-paths" -d 'List path units'
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "help" -d 'Show the manual pages named in the units\' Documentation='
complete -c systemctl -n "__fish_systemctl_needs_command" -f -a "exit" -d 'Stop the user manager (like `systemctl --user exit`)'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand start" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand stop" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand isolate" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand restart" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-restart" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reload-or-restart" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand try-reload-or-restart" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand freeze" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand thaw" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand kill" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand status" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand cat" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand edit" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand revert" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-units" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-unit-files" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-timers" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-sockets" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-dependencies" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-jobs" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand enable" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand disable" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reenable" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-active" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-enabled" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-failed" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand mask" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unmask" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-property" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reload" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand daemon-reexec" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand reset-failed" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-environment" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand unset-environment" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand show-environment" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand is-system-running" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand timespan" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l iterations -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l base-time -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand calendar" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand verify" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand clean" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand preset-all" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand get-default" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand set-default" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand link" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-wants" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand add-requires" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand import-environment" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand list-paths" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand help" -s h -l help -d 'Print help'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -s t -l type -d 'Only these unit types (e.g. service,target)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l state -d 'Only units in these states (e.g. failed,active,running)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -s p -l property -d 'Properties to show (show), comma separated or repeated' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -s P -d 'Show only this property\'s value (= --property=NAME --value)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -s n -l lines -d 'Journal lines to show in status' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -s s -l signal -d 'Signal to send (kill), by name or number' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l kill-whom -d 'Which processes to kill: main, control, all' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l job-mode -d 'How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -s o -l output -d 'Output format: json, json-pretty (where it helps)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l legend -d 'Whether to print the legend/header (yes/no)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l root -d 'Operate on the unit files under this directory, without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global, as systemctl requires)' -r -F
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l what -d 'clean: which directories (runtime, state, cache, logs, configuration, all)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l preset-mode -d 'preset, preset-all: full, enable-only or disable-only' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l drop-in -d 'edit: the drop-in file\'s name (default: override)' -r
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l user -d 'Talk to the calling user\'s service manager (always the case for linger)'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l system -d 'Talk to the system manager (not provided by linger\'s user tools)'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l no-pager -d 'Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less)'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -s q -l quiet -d 'Suppress informational output'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l no-block -d 'Do not wait for jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l wait -d 'Wait for started units to stop again (start), or jobs to finish'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -s a -l all -d 'Show all properties/units, including empty or inactive ones'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l failed -d 'Only failed units (= --state=failed)'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l value -d 'Print only the value of properties (show)'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -s l -l full -d 'Do not ellipsize long lines'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l now -d 'Also start/stop the units (enable/disable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l runtime -d 'Make changes only until the next reboot (enable/mask)'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l reverse -d 'Show reverse dependencies (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l after -d 'Show units ordered after (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l before -d 'Show units ordered before (list-dependencies)'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l no-legend -d 'Do not print the legend/header'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l global -d 'The global user unit directories (/etc/systemd/user, …; under --root= if given), read and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all)'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l plain -d 'list-dependencies: a plain list, without tree lines and dots'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -s r -l recursive -d 'list-units & co.: the units of local containers too. A user manager has no containers, so the list is the manager\'s own, as systemctl --user -r prints it'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -s f -l force -d 'edit: a new unit file with --full even if none exists; enable/mask: replace links'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l no-reload -d 'edit, revert: do not reload the manager afterwards'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -l no-ask-password -d 'Ignored for compatibility (linger never asks for passwords)'
complete -c systemctl -n "__fish_systemctl_using_subcommand exit" -s h -l help -d 'Print help'
