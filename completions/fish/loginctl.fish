# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_loginctl_global_optspecs
    string join \n p/property= value a/all l/full no-legend no-pager no-ask-password kill-whom= s/signal= n/lines= o/output= json= H/host= M/machine= h/help V/version
end

function __fish_loginctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_loginctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_loginctl_using_subcommand
    set -l cmd (__fish_loginctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c loginctl -n "__fish_loginctl_needs_command" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_needs_command" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_needs_command" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_needs_command" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_needs_command" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_needs_command" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_needs_command" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_needs_command" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_needs_command" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_needs_command" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_needs_command" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_needs_command" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_needs_command" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_needs_command" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_needs_command" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_needs_command" -s V -l version -d 'Print version'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "list-sessions" -d 'List current sessions'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "session-status" -d 'Show session status (the caller\'s session without ID)'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "show-session" -d 'Show properties of sessions, or of the manager without ID'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "terminate-session" -d 'Terminate sessions ("" is the caller\'s)'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "kill-session" -d 'Send a signal to processes of sessions (--signal, --kill-whom)'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "list-users" -d 'List logged in (and lingering) users'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "user-status" -d 'Show user status (the caller without USER)'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "show-user" -d 'Show properties of users, or of the manager without USER'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "show" -d 'Show the manager\'s properties'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "enable-linger" -d 'Keep users\' service managers running without a session (the caller without USER)'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "disable-linger" -d 'Stop lingering (the caller without USER)'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "terminate-user" -d 'Terminate all sessions of users'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "kill-user" -d 'Send a signal to all processes of users (--signal)'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "activate" -d 'Not supported: needs a seat'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "lock-session" -d 'Not supported: needs a seat'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "unlock-session" -d 'Not supported: needs a seat'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "lock-sessions" -d 'Not supported: needs a seat'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "unlock-sessions" -d 'Not supported: needs a seat'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "list-seats" -d 'Not supported: linger has no seats'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "seat-status" -d 'Not supported: linger has no seats'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "show-seat" -d 'Not supported: linger has no seats'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "attach" -d 'Not supported: linger has no seats'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "flush-devices" -d 'Not supported: linger has no seats'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "terminate-seat" -d 'Not supported: linger has no seats'
complete -c loginctl -n "__fish_loginctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-sessions" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand session-status" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-session" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-session" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-session" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-users" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand user-status" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-user" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand show" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand enable-linger" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand disable-linger" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-user" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand kill-user" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand activate" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-session" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-session" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand lock-sessions" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand unlock-sessions" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand list-seats" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand seat-status" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand show-seat" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand attach" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand flush-devices" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -s p -l property -d 'Show only these properties (show-session, show-user); comma separated or repeated' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -l kill-whom -d 'Which processes kill-session signals: leader or all' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -s s -l signal -d 'Signal for kill-session/kill-user ("help" and "list" list them)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -s n -l lines -d 'Journal lines in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -s o -l output -d 'Journal output mode in the status verbs (accepted; linger shows no journal there)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -l json -d 'JSON output: short, pretty or off' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -s H -l host -d 'Operate on a remote host (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -s M -l machine -d 'Operate on a container (refused: linger\'s login manager is local only)' -r
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -l value -d 'Print only the values of properties, without "NAME="'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -s a -l all -d 'Show all properties, including empty ones'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -s l -l full -d 'Do not ellipsize (accepted for compatibility)'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -l no-legend -d 'Do not print the legend (column headers and the footer)'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -l no-pager -d 'Do not pipe output into a pager'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -l no-ask-password -d 'Do not ask for passwords (linger never does)'
complete -c loginctl -n "__fish_loginctl_using_subcommand terminate-seat" -s h -l help -d 'Print help'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "list-sessions" -d 'List current sessions'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "session-status" -d 'Show session status (the caller\'s session without ID)'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "show-session" -d 'Show properties of sessions, or of the manager without ID'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "terminate-session" -d 'Terminate sessions ("" is the caller\'s)'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "kill-session" -d 'Send a signal to processes of sessions (--signal, --kill-whom)'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "list-users" -d 'List logged in (and lingering) users'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "user-status" -d 'Show user status (the caller without USER)'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "show-user" -d 'Show properties of users, or of the manager without USER'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "show" -d 'Show the manager\'s properties'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "enable-linger" -d 'Keep users\' service managers running without a session (the caller without USER)'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "disable-linger" -d 'Stop lingering (the caller without USER)'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "terminate-user" -d 'Terminate all sessions of users'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "kill-user" -d 'Send a signal to all processes of users (--signal)'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "activate" -d 'Not supported: needs a seat'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "lock-session" -d 'Not supported: needs a seat'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "unlock-session" -d 'Not supported: needs a seat'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "lock-sessions" -d 'Not supported: needs a seat'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "unlock-sessions" -d 'Not supported: needs a seat'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "list-seats" -d 'Not supported: linger has no seats'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "seat-status" -d 'Not supported: linger has no seats'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "show-seat" -d 'Not supported: linger has no seats'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "attach" -d 'Not supported: linger has no seats'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "flush-devices" -d 'Not supported: linger has no seats'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "terminate-seat" -d 'Not supported: linger has no seats'
complete -c loginctl -n "__fish_loginctl_using_subcommand help; and not __fish_seen_subcommand_from list-sessions session-status show-session terminate-session kill-session list-users user-status show-user show enable-linger disable-linger terminate-user kill-user activate lock-session unlock-session lock-sessions unlock-sessions list-seats seat-status show-seat attach flush-devices terminate-seat help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
