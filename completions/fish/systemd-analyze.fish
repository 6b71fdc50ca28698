# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_systemd_analyze_global_optspecs
    string join \n user no-pager h/help V/version
end

function __fish_systemd_analyze_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_systemd_analyze_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_systemd_analyze_using_subcommand
    set -l cmd (__fish_systemd_analyze_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -l no-pager -d 'Do not pipe output into a pager'
complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -s h -l help -d 'Print help'
complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -s V -l version -d 'Print version'
complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -f -a "verify" -d 'Check unit files for errors and likely mistakes'
complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -f -a "timespan" -d 'Parse time spans'
complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -f -a "timestamp" -d 'Parse timestamps'
complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -f -a "unit-paths" -d 'List the user manager\'s unit search path'
complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -f -a "cat-config" -d 'Show configuration files and their drop-ins'
complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -f -a "condition" -d 'Evaluate Condition*=/Assert*= assignments'
complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -f -a "security" -d 'Score the sandboxing a service asks for (all services without a name)'
complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -f -a "blame" -d 'List units by the time they took to start'
complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -f -a "critical-chain" -d 'Show the chain of units a unit waited for'
complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -f -a "calendar" -d 'Parse calendar events and show their next elapses'
complete -c systemd-analyze -n "__fish_systemd_analyze_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand verify" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand verify" -l no-pager -d 'Do not pipe output into a pager'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand verify" -s h -l help -d 'Print help'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand timespan" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand timespan" -l no-pager -d 'Do not pipe output into a pager'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand timespan" -s h -l help -d 'Print help'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand timestamp" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand timestamp" -l no-pager -d 'Do not pipe output into a pager'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand timestamp" -s h -l help -d 'Print help'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand unit-paths" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand unit-paths" -l no-pager -d 'Do not pipe output into a pager'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand unit-paths" -s h -l help -d 'Print help'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand cat-config" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand cat-config" -l no-pager -d 'Do not pipe output into a pager'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand cat-config" -s h -l help -d 'Print help'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand condition" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand condition" -l no-pager -d 'Do not pipe output into a pager'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand condition" -s h -l help -d 'Print help'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand security" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand security" -l no-pager -d 'Do not pipe output into a pager'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand security" -s h -l help -d 'Print help'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand blame" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand blame" -l no-pager -d 'Do not pipe output into a pager'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand blame" -s h -l help -d 'Print help'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand critical-chain" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand critical-chain" -l no-pager -d 'Do not pipe output into a pager'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand critical-chain" -s h -l help -d 'Print help'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand calendar" -l iterations -d 'How many elapses to show' -r
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand calendar" -l base-time -d 'Compute from this time instead of now' -r
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand calendar" -l user -d 'Accepted for compatibility (linger always analyzes user units)'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand calendar" -l no-pager -d 'Do not pipe output into a pager'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand calendar" -s h -l help -d 'Print help'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand help; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "verify" -d 'Check unit files for errors and likely mistakes'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand help; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "timespan" -d 'Parse time spans'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand help; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "timestamp" -d 'Parse timestamps'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand help; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "unit-paths" -d 'List the user manager\'s unit search path'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand help; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "cat-config" -d 'Show configuration files and their drop-ins'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand help; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "condition" -d 'Evaluate Condition*=/Assert*= assignments'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand help; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "security" -d 'Score the sandboxing a service asks for (all services without a name)'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand help; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "blame" -d 'List units by the time they took to start'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand help; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "critical-chain" -d 'Show the chain of units a unit waited for'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand help; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "calendar" -d 'Parse calendar events and show their next elapses'
complete -c systemd-analyze -n "__fish_systemd_analyze_using_subcommand help; and not __fish_seen_subcommand_from verify timespan timestamp unit-paths cat-config condition security blame critical-chain calendar help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
